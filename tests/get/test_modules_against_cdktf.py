"""The proof for modules: a cdktf app using the class ``cdktf get`` generates for a local module runs on this
engine after ``constructs-vpn get``, with only its cdktf imports switched, and writes the same ``cdktf.out``.

Needs the cdktf CLI (Node), the cdktf 0.21 Python package in its own venv and terraform (``cdktf get`` runs
``terraform get``; a local module needs no network): skipped without them, failed under
CONSTRUCTS_VPN_REQUIRE_TOOLS=1. The app passes ``skip_asset_creation_from_local_modules``: the engine does not
copy local modules into an asset folder (docs/from-cdktf.md). The module is not called ``net``: jsii's kernel
loads a module package by name, and Node's built-in ``net`` wins ("Could not find symbol net.Net").
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.tooling import require, require_executable

from .test_against_cdktf import CDKTF_PYTHON, CLI, _run, switch_imports

pytestmark = pytest.mark.cdktf_cli

HERE = Path(__file__).parent
CDKTF_JSON = {
    "language": "python",
    "app": "python main.py",
    "terraformModules": ["./modules/lan"],
    "codeMakerOutput": "imports",
    "context": {},
}


def _files(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in sorted(outdir.rglob("*")) if p.is_file()}


def test_an_app_using_a_generated_module_writes_the_same_cdktf_out(tmp_path: Path) -> None:
    require(CLI.exists() and shutil.which("node") is not None, f"cdktf CLI not found at {CLI} (needs Node 20)")
    require(CDKTF_PYTHON.exists(), f"no cdktf Python venv at {CDKTF_PYTHON}: .ci/run creates it")
    require_executable("terraform", "install terraform 1.11")
    project = tmp_path / "app"
    shutil.copytree(HERE / "fixtures/modules/lan", project / "modules/lan")
    (project / "cdktf.json").write_text(json.dumps(CDKTF_JSON), encoding="utf-8")
    app = (HERE / "fixtures/cdktf_module_app.py.in").read_text("utf-8")
    (project / "main.py").write_text(app, encoding="utf-8")
    env = {**os.environ, "CHECKPOINT_DISABLE": "1", "CI": "1", "CDKTF_HOME": str(project / ".cdktf-home")}
    env["PATH"] = f"{CDKTF_PYTHON.parent}{os.pathsep}{env['PATH']}"  # cdktf get compiles with this Python
    _run([str(CLI), "get"], project, env, 900)
    _run([str(CDKTF_PYTHON), "main.py"], project, env, 300)
    theirs = _files(project / "cdktf.out")
    shutil.rmtree(project / "cdktf.out")
    shutil.rmtree(project / "imports")
    (project / "main.py").write_text(switch_imports(app), encoding="utf-8")
    _run([sys.executable, "-m", "constructs_vpn.cli", "get"], project, env, 300)
    _run([sys.executable, "main.py"], project, env, 300)
    ours = _files(project / "cdktf.out")
    assert set(ours) == set(theirs) == {"manifest.json", "stacks/site/cdk.tf.json"}
    for name in theirs:
        assert ours[name].decode() == theirs[name].decode(), name
