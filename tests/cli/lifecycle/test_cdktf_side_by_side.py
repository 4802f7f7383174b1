"""Side by side with the real cdktf CLI 0.21 on the same app (the fleet split per site: a hub and a site that
reads it), each against an emulated cloud of its own: the same exit codes for a missing dependency and a
refused approval (no terminal to answer on), and the same ``--outputs-file`` bytes. (A plan error is left out:
cdktf runs terraform without ``-input=false``, so a missing variable makes it wait for an answer.)"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.lifecycle.apps import cli_env, project, run_cli, variables
from tests.tooling import require

pytestmark = [pytest.mark.terraform, pytest.mark.cdktf_cli]

CLI_DIR = Path(os.environ.get("CONSTRUCTS_VPN_CDKTF_CLI_DIR", Path.home() / ".cache/constructs-vpn/cdktf-cli-0.21.0"))


def _cdktf(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    cdktf = CLI_DIR / "node_modules/.bin/cdktf"
    require(
        cdktf.exists() and shutil.which("node") is not None,
        f"cdktf CLI not found at {cdktf}; run `npm install --prefix {CLI_DIR} cdktf-cli@0.21.0` (needs Node 20)",
    )
    extra = {"CDKTF_HOME": str(root / "cdktf-home"), "CI": "1", "CONSTRUCTS_VPN_EMULATOR_STATE": str(root / "cdktf.db")}
    return subprocess.run(
        [str(cdktf), *args, "--skip-synth", "--skip-provider-lock"],
        cwd=root,
        env={**env, **extra},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _ours(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(root, env, *args, "--skip-synth")


def test_same_exit_codes_and_outputs_file_as_cdktf(tmp_path: Path, emulator_env: dict[str, str]) -> None:
    root = project(tmp_path, fleet=True)
    assert run_cli(root, cli_env(root, emulator_env), "synth", "--no-check").returncode == 0
    env = cli_env(root, emulator_env, **variables(root, "fleet-site-site-a"))

    for tool in (_cdktf, _ours):
        missing = tool(root, env, "deploy", "fleet-site-site-a", "--auto-approve")
        assert missing.returncode == 1, (tool.__name__, missing.stdout + missing.stderr)
        assert "dependencies are not included in the stacks to run: fleet-hub" in missing.stdout + missing.stderr

    files = {}
    for tool in (_cdktf, _ours):
        path = root / f"{tool.__name__}-outputs.json"
        deployed = tool(root, env, "deploy", "*", "--auto-approve", "--outputs-file", str(path))
        assert deployed.returncode == 0, (tool.__name__, deployed.stdout + deployed.stderr)
        files[tool.__name__] = path.read_bytes()
        refused = tool(root, env, "destroy", "fleet-site-site-a")  # needs approval, and stdin is no terminal
        assert refused.returncode == 1, (tool.__name__, refused.stdout + refused.stderr)
        destroyed = tool(root, env, "destroy", "*", "--auto-approve")
        assert destroyed.returncode == 0, (tool.__name__, destroyed.stdout + destroyed.stderr)
    assert files["_ours"] == files["_cdktf"]
