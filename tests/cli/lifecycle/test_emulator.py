"""``deploy``, ``output`` and ``destroy`` end to end: the real terraform against the emulator, on a two-stack
app with a cross-stack reference (the fleet example split per site: a hub and a site reading it) and on an
example stack, with the exit codes cdktf gives a plan error, a missing dependency and a refused approval."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.lifecycle.apps import cli_env, project, run_cli, variables
from tests.emulator.harness import VARIABLE_VALUE, cloud_ids, cloud_objects

pytestmark = pytest.mark.terraform


def test_a_two_stack_app_deploys_in_order_and_destroys_in_reverse(tmp_path: Path, emulator_env: dict[str, str]) -> None:
    root = project(tmp_path, fleet=True)
    synthesized = run_cli(root, cli_env(root, emulator_env), "synth", "--no-check")
    assert synthesized.returncode == 0, synthesized.stderr
    env = cli_env(root, emulator_env, **variables(root, "fleet-site-site-a"))

    alone = run_cli(root, env, "deploy", "fleet-site-site-a", "--auto-approve", "--skip-synth")
    assert alone.returncode == 1
    assert "dependencies are not included in the stacks to run: fleet-hub" in alone.stderr

    deployed = run_cli(root, env, "deploy", "*", "--auto-approve", "--skip-synth", "--outputs-file", "out.json")
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    lines = deployed.stdout.splitlines()
    hub_done = next(i for i, line in enumerate(lines) if line.startswith("fleet-hub") and "done: 2 added" in line)
    site_start = next(i for i, line in enumerate(lines) if line.startswith("fleet-site-site-a"))
    assert hub_done < site_start  # the site reads the hub's remote state: it starts once the hub is done
    assert any(line.startswith("fleet-site-site-a") and "done:" in line and "0 destroyed" in line for line in lines)
    assert json.loads((root / "out.json").read_text("utf-8")) == {"fleet-hub": {}}  # its only output is sensitive
    logs = [root / f"cdktf.out/stacks/{name}/constructs-vpn.log" for name in ("fleet-hub", "fleet-site-site-a")]
    assert all(str(log) in deployed.stdout and "Apply complete!" in log.read_text("utf-8") for log in logs)
    assert VARIABLE_VALUE not in deployed.stdout + "".join(log.read_text("utf-8") for log in logs)
    assert cloud_ids(cloud_objects(root / "emulator-state.db"))

    refused = run_cli(root, env, "destroy", "fleet-hub", "--auto-approve", "--skip-synth")
    assert refused.returncode == 1
    assert "dependant stacks are not included in the stacks to run: fleet-site-site-a" in refused.stderr

    destroyed = run_cli(root, env, "destroy", "*", "--auto-approve", "--skip-synth")
    assert destroyed.returncode == 0, destroyed.stdout + destroyed.stderr
    lines = destroyed.stdout.splitlines()
    site_done = next(i for i, line in enumerate(lines) if line.startswith("fleet-site-site-a") and "destroyed" in line)
    hub_start = next(i for i, line in enumerate(lines) if line.startswith("fleet-hub"))
    assert site_done < hub_start
    assert cloud_objects(root / "emulator-state.db") == {}


def test_an_example_stack_outputs_approval_and_a_plan_error(tmp_path: Path, emulator_env: dict[str, str]) -> None:
    root = project(tmp_path, fleet=False)
    synthesized = run_cli(root, cli_env(root, emulator_env), "synth", "--no-check")
    assert synthesized.returncode == 0, synthesized.stderr
    env = cli_env(root, emulator_env, **variables(root, "dc-destination"))
    state = root / "emulator-state.db"

    planned = run_cli(root, env, "diff", "dc-destination", "--skip-synth")
    assert planned.returncode == 0, planned.stdout + planned.stderr
    assert "will be created" in planned.stdout and "planned: 7 added, 0 changed, 0 destroyed" in planned.stdout
    no_answer = run_cli(root, env, "deploy", "dc-destination", "--skip-synth")
    assert no_answer.returncode == 1
    assert "no answer came on stdin" in no_answer.stdout and "--auto-approve" in no_answer.stdout
    dismissed = run_cli(root, env, "deploy", "dc-destination", "--skip-synth", stdin="d\n")
    assert dismissed.returncode == 0, dismissed.stdout + dismissed.stderr
    assert "will be created" in dismissed.stdout  # the plan was shown
    assert "dismissed" in dismissed.stdout
    assert cloud_ids(cloud_objects(state)) == []

    approved = run_cli(root, env, "deploy", "dc-destination", "--skip-synth", "--outputs-file", "out.json", stdin="a\n")
    assert approved.returncode == 0, approved.stdout + approved.stderr
    saved = json.loads((root / "out.json").read_text("utf-8"))
    assert list(saved) == ["dc-destination"] and saved["dc-destination"]["vpn_connection_id"].startswith("vco-")
    assert run_cli(root, env, "diff", "dc-destination", "--skip-synth").stdout.endswith("no changes\n")
    shown = run_cli(root, env, "output", "dc-destination", "--skip-synth")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == saved

    # branches lacks its variable: its plan fails with terraform's first error, dc-destination still runs.
    failed = run_cli(root, env, "deploy", "dc-destination", "branches", "--auto-approve", "--skip-synth")
    assert failed.returncode == 1
    assert "branches" in failed.stdout and "Error: No value for required variable" in failed.stdout
    assert any(line.startswith("dc-destination") and "done: no changes" in line for line in failed.stdout.splitlines())

    destroyed = run_cli(root, env, "destroy", "dc-destination", "--auto-approve", "--skip-synth")
    assert destroyed.returncode == 0, destroyed.stdout + destroyed.stderr
    assert cloud_objects(state) == {}
