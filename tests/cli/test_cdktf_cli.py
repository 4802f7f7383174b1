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


#: An app whose stacks are the lines of stacks.txt, each with one output (nothing for terraform to download).
NAMED_STACKS_APP = """from pathlib import Path
from constructs_vpn.core import App, TerraformOutput, TerraformStack
app = App()
for name in Path("stacks.txt").read_text().split():
    TerraformOutput(TerraformStack(app, name), "name", value=name)
app.synth()
"""


def cdktf_run(cdktf: Path, project: Path, *args: str) -> str:
    done = subprocess.run(
        [str(cdktf), *args], cwd=project, env=cli_env(project), capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"cdktf {' '.join(args)}: {done.stdout}{done.stderr}"
    return done.stdout


def test_cdktf_keeps_working_after_a_stack_is_renamed_or_removed(cdktf: Path, tmp_path: Path) -> None:
    """synth, rename a stack, synth, remove one, diff, deploy: the CLI removes the stale folders itself (issue #23:
    it failed with ENOENT when the engine had removed them first)."""
    (tmp_path / "cdktf.json").write_text('{"language": "python", "app": "python main.py"}', encoding="utf-8")
    (tmp_path / "main.py").write_text(NAMED_STACKS_APP, encoding="utf-8")
    stacks_txt = tmp_path / "stacks.txt"
    stacks = tmp_path / "cdktf.out/stacks"
    stacks_txt.write_text("first second", encoding="utf-8")
    cdktf_run(cdktf, tmp_path, "synth")
    stacks_txt.write_text("first renamed", encoding="utf-8")
    cdktf_run(cdktf, tmp_path, "synth")
    assert sorted(p.name for p in stacks.iterdir()) == ["first", "renamed"]
    stacks_txt.write_text("first", encoding="utf-8")
    cdktf_run(cdktf, tmp_path, "diff", "first")
    assert sorted(p.name for p in stacks.iterdir()) == ["first"]
    stacks_txt.write_text("first second", encoding="utf-8")
    cdktf_run(cdktf, tmp_path, "synth")
    stacks_txt.write_text("second", encoding="utf-8")
    deployed = cdktf_run(cdktf, tmp_path, "deploy", "second", "--auto-approve")
    assert "second" in deployed
    assert sorted(p.name for p in stacks.iterdir()) == ["second"]
    assert '"name"' in (tmp_path / "terraform.second.tfstate").read_text("utf-8")  # the local backend's default


def test_cdktf_synth_of_a_project_made_by_init(cdktf: Path, tmp_path: Path) -> None:
    """``constructs-vpn init`` makes a project the real CLI synthesizes as ``constructs-vpn synth`` does, and its
    cdktf.json (with its projectId) stays the bytes init wrote."""
    from constructs_vpn.cli.main import main

    project = tmp_path / "edge-vpn"
    assert main(["init", str(project)]) == 0
    written = (project / "cdktf.json").read_bytes()
    cdktf_run(cdktf, project, "synth")
    assert (project / "cdktf.json").read_bytes() == written
    assert main(["synth", "--project", str(project), "--output", "ours.out"]) == 0
    assert files(project / "cdktf.out") == files(project / "ours.out")
    assert "edge-vpn" in cdktf_run(cdktf, project, "list")
