"""The lifecycle scenarios of ``tests/emulator/scenarios`` through real terraform against the emulator: each
step planned (the changes it expects), applied and planned again (empty), or refused with its API error; the
result imported into a fresh state and compared (ImportStateVerify); destroyed to an empty cloud.

Each scenario has its own workspace and emulated cloud, and one provider process serving its terraform runs
(:func:`~tests.emulator.harness.reattached`); the scenarios of one family share an xdist group."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import Workspace, cloud_ids, document, reattached, require_emulator
from tests.emulator.scenarios import Scenario, Step, attachments, cen, express, ipam, network, vpn
from tests.emulator.test_fidelity import _import_verify

require_emulator()

from constructs_vpn.emulator.families import RESOURCES  # noqa: E402

FAMILIES = {
    "attachments": attachments.SCENARIOS,
    "cen": cen.SCENARIOS,
    "express": express.SCENARIOS,
    "ipam": ipam.SCENARIOS,
    "network": network.SCENARIOS,
    "vpn": vpn.SCENARIOS,
}


def _params() -> list[Any]:
    return [
        pytest.param(scenario, id=f"{family}/{scenario.name}", marks=pytest.mark.xdist_group(f"scenarios:{family}"))
        for family, scenarios in FAMILIES.items()
        for scenario in scenarios
    ]


def _write(ws: Workspace, step: Step) -> None:
    extra: dict[str, Any] = {}
    if step.data:
        extra["data"] = step.data
    if step.outputs:
        extra["output"] = {name: {"value": value} for name, value in step.outputs.items()}
    ws.write(document(step.resources, **extra))


def run_step(ws: Workspace, index: int, step: Step) -> None:
    """Plan, apply and re-plan one step, or see it refused."""
    where = f"step {index} ({step.fact})"
    _write(ws, step)
    if step.refused is not None:
        failed = ws.apply(expect=1)
        assert step.refused in failed.output, f"{where}: {failed}"
        return
    assert ws.plan_actions() == dict(step.changes), where
    ws.apply_plan()
    assert ws.plan_exit_code() == 0, f"{where}: not empty after apply: {ws.runs[-1]}"
    if step.expect_outputs:
        shown = json.loads(ws.run("output", "-json").stdout)
        assert {name: shown[name]["value"] for name in step.expect_outputs} == dict(step.expect_outputs), where


def test_every_emulated_resource_type_has_a_scenario() -> None:
    covered = {
        type_name for steps in FAMILIES.values() for s in steps for step in s.steps for type_name in step.resources
    }
    assert sorted(set(RESOURCES) - covered) == []


@pytest.mark.terraform
@pytest.mark.parametrize("scenario", _params())
def test_scenario(scenario: Scenario, workspace: WorkspaceFactory) -> None:
    ws = workspace("scenario")
    with reattached(ws) as provider:
        ws.extra_env.update(provider)
        settled = scenario.steps[0]
        for index, step in enumerate(scenario.steps):
            if index == 0:
                _write(ws, step)
                ws.init()
            run_step(ws, index, step)
            settled = step if step.refused is None else settled
        if scenario.import_verify:
            # What the last applied step made; the SDK's runner compares the import with the state as its
            # refresh wrote it.
            _write(ws, settled)
            ws.run("apply", "-refresh-only", "-auto-approve", "-no-color", "-input=false")
            _import_verify(ws, workspace, "imported")
        ws.destroy()
    assert cloud_ids(ws.cloud()) == []
