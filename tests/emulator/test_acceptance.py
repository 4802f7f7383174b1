"""The provider's own acceptance tests replayed against the emulator, through real terraform: each scenario of
``tests/emulator/acceptance`` (extracted from ``aliyun/terraform-provider-alicloud`` by
``python -m tools.acceptance.extract``; each manifest names its Go test and provider commit) is created,
updated step by step with an empty plan after each step, imported into a fresh state compared attribute by
attribute with the created one (less the test's ``ImportStateVerifyIgnore``), and destroyed with nothing left.

Each scenario has its own workspace (state, ``$HOME``, emulated cloud), its own provider process serving all
its terraform runs (:func:`~tests.emulator.harness.reattached`) and its own xdist group, so the two workers
share the scenarios; an import reuses the scenario's ``terraform init`` rather than running its own. A scenario
that reads standing objects of the provider's test account, or relies on its behaviour, gets them first
(:mod:`tests.emulator.provider_account`); they are all that is left after its destroy."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.emulator.store import Store
from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import Workspace, cloud_ids, reattached
from tests.emulator.provider_account import ENVIRONMENT, seed_test_account

pytestmark = pytest.mark.terraform

ACCEPTANCE_DIR = Path(__file__).parent / "acceptance"
REGION = "cn-hangzhou"
TERRAFORM = 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud" }\n  }\n}\n'

#: Scenarios the emulator does not pass yet, and why (each one must fail: strict). None since issue 17.
XFAIL: dict[str, str] = {}


def _manifests() -> list[Any]:
    params = []
    for path in sorted(ACCEPTANCE_DIR.glob("*/*/manifest.json")):
        manifest = json.loads(path.read_text(encoding="utf-8"))
        scenario = f"{manifest['type']}/{manifest['test']}"
        marks: list[Any] = [pytest.mark.xdist_group(f"acceptance:{scenario}")]
        if "skipped" in manifest:
            marks.append(pytest.mark.skip(reason=f"not replayable: {manifest['skipped']}"))
        elif scenario in XFAIL:
            marks.append(pytest.mark.xfail(strict=True, reason=XFAIL[scenario]))
        params.append(pytest.param(path, id=scenario, marks=marks))
    return params


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """Attribute values as the SDK's flatmap keys them (``a.#``, ``a.0.b``, ``m.%``, ``m.k``), nulls and empty
    collections left out, as ImportStateVerify compares them."""
    if value is None or value in ([], {}):
        return {}
    if isinstance(value, dict):
        flat = {f"{prefix}%": str(len(value))} if prefix else {}
        for key, item in value.items():
            flat.update(flatten(item, f"{prefix}{key}."))
        return flat
    if isinstance(value, list):
        flat = {f"{prefix}#": str(len(value))}
        for index, item in enumerate(value):
            flat.update(flatten(item, f"{prefix}{index}."))
        return flat
    return {prefix.rstrip("."): json.dumps(value) if isinstance(value, bool) else str(value)}


def _verified(values: dict[str, Any], ignore: list[str]) -> dict[str, str]:
    return {key: value for key, value in flatten(values).items() if not key.startswith(("timeouts", *ignore))}


def _values(ws: Workspace, address: str) -> dict[str, Any]:
    """The attributes of ``address`` in the workspace's state file (read directly: ``terraform show`` would
    start the provider once more)."""
    state = json.loads((ws.directory / "terraform.tfstate").read_text(encoding="utf-8"))
    found = {
        f"{r['type']}.{r['name']}" + (f"[{i['index_key']}]" if "index_key" in i else ""): i["attributes"]
        for r in state.get("resources", [])
        if r["mode"] == "managed"
        for i in r["instances"]
    }
    assert address in found, f"{address} not in state: {sorted(found)}"
    values: dict[str, Any] = found[address]
    return values


def _address(resource_name: str) -> str:
    """The SDK's ``type.name.4`` (an instance of a counted resource) as terraform writes it."""
    return re.sub(r"\.(\d+)$", r"[\1]", resource_name)


def import_verify(ws: Workspace, workspace: WorkspaceFactory, step: dict[str, Any]) -> None:
    """ImportStateVerify: the resource imported by id into a fresh state equals the one created, as refreshed
    after the step (the SDK's test runner compares with the state its refresh wrote)."""
    address = _address(step["import"])
    ws.run("apply", "-refresh-only", "-auto-approve", "-no-color", "-input=false")
    created = _values(ws, address)
    fresh = workspace(f"import-{step['step']}", **ws.extra_env)
    for name in ("main.tf", "terraform.tf"):
        shutil.copy(ws.directory / name, fresh.directory / name)
    fresh.run("import", "-no-color", "-input=false", address, str(created["id"]))
    imported = _values(fresh, address)
    if step["verify"]:
        assert _verified(imported, step["ignore"]) == _verified(created, step["ignore"])


@pytest.mark.parametrize("manifest_path", _manifests())
def test_acceptance_scenario(manifest_path: Path, workspace: WorkspaceFactory) -> None:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    scenario = f"{manifest['type']}/{manifest['test']}"
    ws = workspace("scenario", ALICLOUD_REGION=REGION, **ENVIRONMENT.get(scenario, {}))
    (ws.directory / "terraform.tf").write_text(TERRAFORM, encoding="utf-8")
    standing = seed_test_account(Store(ws.state_file), scenario, REGION)
    # One provider process keeps one caller (account, region): a configuration with an aliased provider block
    # (the cross-account tests) needs terraform's own process per provider block.
    configs = [
        (manifest_path.parent / step["config"]).read_text(encoding="utf-8")
        for step in manifest["steps"]
        if "config" in step
    ]
    aliased = any(re.search(r"^\s*alias\s*=", config, re.M) for config in configs)
    serving: contextlib.AbstractContextManager[dict[str, str]] = (
        contextlib.nullcontext({}) if aliased else reattached(ws)
    )
    with serving as provider:
        ws.extra_env.update(provider)
        replay(ws, workspace, manifest_path.parent, manifest["steps"])
        ws.destroy()
    assert cloud_ids(ws.cloud()) == standing


def replay(ws: Workspace, workspace: WorkspaceFactory, directory: Path, steps: list[dict[str, Any]]) -> None:
    """The steps in order: each configuration applied then planned (empty), or refused with the error the
    test expects; each import verified."""
    initialised = False
    for step in steps:
        if "config" in step:
            shutil.copy(directory / step["config"], ws.directory / "main.tf")
            if not initialised:
                ws.init()
                initialised = True
            if "expect_error" in step:
                failed = ws.apply(expect=1)
                assert re.search(step["expect_error"], failed.output), f"step {step['step']}: {failed}"
                continue
            ws.apply()
            if not step["expect_non_empty_plan"]:
                assert ws.plan_exit_code() == 0, f"step {step['step']}: {ws.runs[-1]}"
        elif "import" in step and initialised:
            import_verify(ws, workspace, step)
