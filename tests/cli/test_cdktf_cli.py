"""The real cdktf CLI (0.21) drives our app: ``cdktf synth`` and ``cdktf list`` work with no cdktf package,
write exactly what ``constructs-vpn synth`` writes, and leave the tracked ``cdktf.json`` as it is."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tooling import REPO_DIR, require

pytestmark = pytest.mark.cdktf_cli

CLI_DIR = Path(os.environ.get("CONSTRUCTS_VPN_CDKTF_CLI_DIR", Path.home() / ".cache/constructs-vpn/cdktf-cli-0.21.0"))


@pytest.fixture(scope="module")
def cdktf() -> Path:
    binary = CLI_DIR / "node_modules/.bin/cdktf"
    require(
        binary.exists() and shutil.which("node") is not None,
        f"cdktf CLI not found at {binary}; run `npm install --prefix {CLI_DIR} cdktf-cli@0.21.0` (needs Node 20)",
    )
    return binary


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO_DIR / "stacks", tmp_path / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_DIR / "cdktf.json", tmp_path / "cdktf.json")
    return tmp_path


#: Preloaded into node: telemetry fails at once instead of reaching the network (the CLI ignores its errors).
OFFLINE_JS = """for (const name of ["http", "https"]) {
  const module = require(name);
  module.request = module.get = () => { throw new Error("no network in the tests"); };
}
"""


def cli_env(project: Path) -> dict[str, str]:
    """A user's environment: telemetry left on (so the CLI reads ``projectId`` from cdktf.json, and writes one in
    if it is missing), but offline."""
    offline = project / ".offline.js"
    offline.write_text(OFFLINE_JS, encoding="utf-8")
    return {
        **{k: v for k, v in os.environ.items() if k != "CHECKPOINT_DISABLE"},
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "NODE_OPTIONS": f"--require {offline}",
        "CDKTF_HOME": str(project / ".cdktf-home"),
        "CDKTF_DISABLE_PLUGIN_CACHE_ENV": "1",
        "CI": "1",
    }


def files(outdir: Path) -> dict[str, str]:
    return {str(p.relative_to(outdir)): p.read_text("utf-8") for p in sorted(outdir.rglob("*")) if p.is_file()}


def test_cdktf_synth_and_list(cdktf: Path, project: Path) -> None:
    env = cli_env(project)
    synth = subprocess.run(
        [str(cdktf), "synth"], cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert synth.returncode == 0, synth.stdout + synth.stderr
    assert (project / "cdktf.json").read_bytes() == (REPO_DIR / "cdktf.json").read_bytes()
    ours = subprocess.run(
        [sys.executable, "-m", "constructs_vpn.cli", "synth", "--output", "ours.out"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert ours.returncode == 0, ours.stderr
    cdktf_files = files(project / "cdktf.out")
    assert cdktf_files == files(project / "ours.out")
    assert "manifest.json" in cdktf_files
    listed = subprocess.run(
        [str(cdktf), "list"], cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert listed.returncode == 0, listed.stdout + listed.stderr
    from constructs_vpn.core import App
    from stacks import build_app

    for stack in build_app(App(outdir="unused")).stacks:
        assert f"{stack.node.id} " in listed.stdout
        assert f"cdktf.out/stacks/{stack.node.id}" in listed.stdout
