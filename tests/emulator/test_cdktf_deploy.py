"""The real cdktf CLI deploys and destroys an example stack against the emulator."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from constructs_vpn.core import App
from stacks import build_app
from tests.emulator.harness import VARIABLE_VALUE, cloud_ids, cloud_objects, terraform_binary
from tests.emulator.test_lifecycle import SINGLE_TUNNEL_ACCOUNT, SINGLE_TUNNEL_STACKS
from tests.tooling import REPO_DIR, require

pytestmark = [pytest.mark.terraform, pytest.mark.cdktf_cli]

CLI_DIR = Path(os.environ.get("CONSTRUCTS_VPN_CDKTF_CLI_DIR", Path.home() / ".cache/constructs-vpn/cdktf-cli-0.21.0"))


def test_cdktf_deploy_and_destroy(tmp_path: Path, emulator_env: dict[str, str]) -> None:
    terraform = terraform_binary()
    cdktf = CLI_DIR / "node_modules/.bin/cdktf"
    require(
        cdktf.exists() and shutil.which("node") is not None,
        f"cdktf CLI not found at {cdktf}; run `npm install --prefix {CLI_DIR} cdktf-cli@0.21.0` (needs Node 20)",
    )
    project = tmp_path / "project"
    shutil.copytree(REPO_DIR / "stacks", project / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_DIR / "cdktf.json", project / "cdktf.json")
    app = build_app(App(outdir=tmp_path / "unused"))
    stack = app.stacks[0]
    variables = {
        f"TF_VAR_{name}": VARIABLE_VALUE
        for name, variable in stack.to_terraform().get("variable", {}).items()
        if "default" not in variable
    }
    state = tmp_path / "emulator-state.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "CONSTRUCTS_VPN_EMULATOR_"))}
    env.update(emulator_env)
    env.update(variables)
    env.update(
        PATH=os.pathsep.join([str(Path(sys.executable).parent), str(Path(terraform).parent), env.get("PATH", "")]),
        HOME=str(tmp_path / "home"),
        CDKTF_HOME=str(tmp_path / "cdktf-home"),
        CDKTF_DISABLE_PLUGIN_CACHE_ENV="1",
        CHECKPOINT_DISABLE="1",
        CI="1",
        CONSTRUCTS_VPN_EMULATOR_STATE=str(state),
    )
    if stack.node.id in SINGLE_TUNNEL_STACKS:
        env.update(SINGLE_TUNNEL_ACCOUNT)
    (tmp_path / "home").mkdir()

    def cdktf_run(*args: str) -> subprocess.CompletedProcess[str]:
        completed = subprocess.run(
            [str(cdktf), *args, stack.node.id, "--auto-approve", "--skip-provider-lock"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr
        return completed

    deployed = cdktf_run("deploy")
    assert "Apply complete!" in deployed.stdout, deployed.stdout
    objects = cloud_objects(state)
    created = len(cloud_ids(objects))
    assert created == sum(len(r) for r in stack.to_terraform().get("resource", {}).values())
    cdktf_run("destroy")
    assert cloud_objects(state) == {}
    assert not (tmp_path / "home" / ".terraform.d").exists()
