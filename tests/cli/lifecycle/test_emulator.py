"""``deploy``, ``output`` and ``destroy`` end to end: the real terraform against the emulator, on a two-stack
app with a cross-stack reference (the fleet example split per site: a hub and a site reading it) and on an
example stack, with the exit codes cdktf gives a plan error, a missing dependency and a refused approval."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.emulator.harness import VARIABLE_VALUE, cloud_ids, cloud_objects, stack_env, terraform_binary
from tests.tooling import REPO_DIR

pytestmark = pytest.mark.terraform

SITES = "name,ip_address,lan_cidr,region,ike_enc_alg\nsite-a,198.18.0.1,10.0.1.0/24,cn-hangzhou,\n"
FLEET_APP = "from constructs_vpn.core import App\nfrom stacks.fleet import build_fleet\n\napp = App()\nbuild_fleet(app)\napp.synth()\n"


def _project(root: Path, *, fleet: bool) -> Path:
    """A cdktf project in ``root``: the fleet split per site, or the repository's examples."""
    shutil.copytree(REPO_DIR / "stacks", root / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    if fleet:
        (root / "sites.csv").write_text(SITES, encoding="utf-8")
        (root / "main.py").write_text(FLEET_APP, encoding="utf-8")
        config = {
            "language": "python",
            "app": "python main.py",
            "context": {"fleet": {"inventory": "sites.csv", "split": "site"}},
        }
        (root / "cdktf.json").write_text(json.dumps(config), encoding="utf-8")
    else:
        shutil.copy(REPO_DIR / "cdktf.json", root / "cdktf.json")
    return root


def _env(root: Path, emulator_env: dict[str, str], **extra: str) -> dict[str, str]:
    terraform = terraform_binary()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "CONSTRUCTS_VPN_EMULATOR_"))}
    (root / "home").mkdir(exist_ok=True)
    env.update(emulator_env)
    env.update(
        PATH=os.pathsep.join([str(Path(sys.executable).parent), str(Path(terraform).parent), env.get("PATH", "")]),
        HOME=str(root / "home"),
        CHECKPOINT_DISABLE="1",
        CONSTRUCTS_VPN_EMULATOR_STATE=str(root / "emulator-state.db"),
        **extra,
    )
    return env


def _cli(root: Path, env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constructs_vpn.cli", *args, *(["--no-color"] if args[0] != "synth" else [])],
        cwd=root,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _variables(root: Path, *stacks: str) -> dict[str, str]:
    """``TF_VAR_*`` for the variables without a default of the synthesized ``stacks``."""
    env: dict[str, str] = {}
    for name in stacks:
        env.update(stack_env(json.loads((root / f"cdktf.out/stacks/{name}/cdk.tf.json").read_text("utf-8"))))
    return env


def test_a_two_stack_app_deploys_in_order_and_destroys_in_reverse(tmp_path: Path, emulator_env: dict[str, str]) -> None:
    root = _project(tmp_path, fleet=True)
    synthesized = _cli(root, _env(root, emulator_env), "synth", "--no-check")
    assert synthesized.returncode == 0, synthesized.stderr
    env = _env(root, emulator_env, **_variables(root, "fleet-site-site-a"))

    alone = _cli(root, env, "deploy", "fleet-site-site-a", "--auto-approve", "--skip-synth")
    assert alone.returncode == 1
    assert "dependencies are not included in the stacks to run: fleet-hub" in alone.stderr

    deployed = _cli(root, env, "deploy", "*", "--auto-approve", "--skip-synth", "--outputs-file", "out.json")
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

    refused = _cli(root, env, "destroy", "fleet-hub", "--auto-approve", "--skip-synth")
    assert refused.returncode == 1
    assert "dependant stacks are not included in the stacks to run: fleet-site-site-a" in refused.stderr

    destroyed = _cli(root, env, "destroy", "*", "--auto-approve", "--skip-synth")
    assert destroyed.returncode == 0, destroyed.stdout + destroyed.stderr
    lines = destroyed.stdout.splitlines()
    site_done = next(i for i, line in enumerate(lines) if line.startswith("fleet-site-site-a") and "destroyed" in line)
    hub_start = next(i for i, line in enumerate(lines) if line.startswith("fleet-hub"))
    assert site_done < hub_start
    assert cloud_objects(root / "emulator-state.db") == {}


def test_an_example_stack_outputs_approval_and_a_plan_error(tmp_path: Path, emulator_env: dict[str, str]) -> None:
    root = _project(tmp_path, fleet=False)
    synthesized = _cli(root, _env(root, emulator_env), "synth", "--no-check")
    assert synthesized.returncode == 0, synthesized.stderr
    env = _env(root, emulator_env, **_variables(root, "dc-destination"))
    state = root / "emulator-state.db"

    no_answer = _cli(root, env, "deploy", "dc-destination", "--skip-synth")
    assert no_answer.returncode == 1
    assert "no answer came on stdin" in no_answer.stdout and "--auto-approve" in no_answer.stdout
    dismissed = _cli(root, env, "deploy", "dc-destination", "--skip-synth", stdin="d\n")
    assert dismissed.returncode == 0, dismissed.stdout + dismissed.stderr
    assert "will be created" in dismissed.stdout  # the plan was shown
    assert "dismissed" in dismissed.stdout
    assert cloud_ids(cloud_objects(state)) == []

    approved = _cli(root, env, "deploy", "dc-destination", "--skip-synth", "--outputs-file", "out.json", stdin="a\n")
    assert approved.returncode == 0, approved.stdout + approved.stderr
    saved = json.loads((root / "out.json").read_text("utf-8"))
    assert list(saved) == ["dc-destination"] and saved["dc-destination"]["vpn_connection_id"].startswith("vco-")
    shown = _cli(root, env, "output", "dc-destination", "--skip-synth")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == saved

    # branches lacks its variable: its plan fails with terraform's first error, dc-destination still runs.
    failed = _cli(root, env, "deploy", "dc-destination", "branches", "--auto-approve", "--skip-synth")
    assert failed.returncode == 1
    assert "branches" in failed.stdout and "Error: No value for required variable" in failed.stdout
    assert any(line.startswith("dc-destination") and "done: no changes" in line for line in failed.stdout.splitlines())

    destroyed = _cli(root, env, "destroy", "dc-destination", "--auto-approve", "--skip-synth")
    assert destroyed.returncode == 0, destroyed.stdout + destroyed.stderr
    assert cloud_objects(state) == {}
