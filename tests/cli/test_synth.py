"""``constructs-vpn synth`` runs the app of cdktf.json like the cdktf CLI and prints a summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from constructs_vpn.cli.main import main
from tests.tooling import REPO_DIR

CLI = [sys.executable, "-m", "constructs_vpn.cli"]


def test_synth_of_the_example_app(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["synth", "--project", str(REPO_DIR), "--output", str(tmp_path / "out")]) == 0
    printed = capsys.readouterr().out
    assert f"into {tmp_path / 'out'}" in printed
    assert "generic-site" in printed
    manifest = json.loads((tmp_path / "out/manifest.json").read_text())
    assert set(manifest["stacks"]) >= {"generic-site"}


def test_app_receives_the_cdktf_environment(tmp_path: Path) -> None:
    (tmp_path / "cdktf.json").write_text(
        json.dumps({"language": "python", "app": "python probe.py", "context": {"team": "net"}})
    )
    (tmp_path / "probe.py").write_text(
        "import json, os, sys\n"
        "from constructs_vpn.core import App, TerraformStack\n"
        "json.dump({k: os.environ.get(k) for k in ('CDKTF_OUTDIR', 'CDKTF_CONTEXT_JSON', 'TF_VAR_x')},"
        " open('env.json', 'w'))\n"
        "json.dump(sys.executable, open('python.json', 'w'))\n"
        "app = App(); TerraformStack(app, 's'); app.synth()\n"
    )
    env = {**os.environ, "TF_VAR_x": "leak", "PYTHONPATH": str(REPO_DIR)}
    done = subprocess.run([*CLI, "synth"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads((tmp_path / "env.json").read_text())
    assert seen["CDKTF_OUTDIR"] == str(tmp_path / "cdktf.out")
    assert json.loads(seen["CDKTF_CONTEXT_JSON"]) == {"team": "net", "cdktfRelativeModules": []}
    assert seen["TF_VAR_x"] is None  # the cdktf CLI strips TF_VAR_* too
    assert Path(json.loads((tmp_path / "python.json").read_text())).parent == Path(sys.executable).parent


def test_failing_app_is_one_clean_error(tmp_path: Path) -> None:
    (tmp_path / "cdktf.json").write_text(json.dumps({"app": "python bad.py"}))
    (tmp_path / "bad.py").write_text(
        "from constructs_vpn.core import App, TerraformStack, TerraformResource\n"
        "app = App(); s = TerraformStack(app, 's')\n"
        "TerraformResource(s, 'r', terraform_resource_type='t', attributes={'n': float('nan')})\n"
        "app.run()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR)}
    done = subprocess.run([*CLI, "synth"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "[s/r] nan is not a number Terraform accepts" in done.stderr
    assert "the app `python bad.py` failed with exit code 1" in done.stderr
    assert "Traceback" not in done.stderr


def test_app_option_needs_no_project_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--app`` alone is a project: no cdktf.json needed (the folder still must hold what the app imports)."""
    app = "python -m stacks.dc_destination"
    assert main(["synth", "--project", str(REPO_DIR), "--app", app, "--output", str(tmp_path / "out")]) == 0
    assert "dc-destination" in capsys.readouterr().out
    assert main(["synth", "--project", str(tmp_path), "--app", "true"]) == 1
    assert "error: the app `true` wrote no" in capsys.readouterr().err


def test_synth_fails_on_schema_findings(tmp_path: Path) -> None:
    (tmp_path / "cdktf.json").write_text(json.dumps({"app": "python app.py"}))
    (tmp_path / "app.py").write_text(
        "from constructs_vpn.core import App, TerraformStack, TerraformResource\n"
        "app = App(); s = TerraformStack(app, 's')\n"
        "r = TerraformResource(s, 'cen', terraform_resource_type='alicloud_cen_instance')\n"
        "r.add_override('cen_instance_nmae', 'typo')\n"
        "app.run()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR)}
    done = subprocess.run([*CLI, "synth"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "resource.alicloud_cen_instance.cen.cen_instance_nmae" in done.stdout
    assert "1 schema finding(s)" in done.stdout
    unchecked = subprocess.run(
        [*CLI, "synth", "--no-check"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert unchecked.returncode == 0


def test_synth_removes_the_folders_of_stacks_the_app_no_longer_has(tmp_path: Path) -> None:
    """As ``cdktf synth``: the folders of a renamed or removed stack go after the app ran; a folder made since
    (by another app's script) and a stack that is still there stay."""
    (tmp_path / "cdktf.json").write_text(json.dumps({"app": "python app.py"}))
    app = "from constructs_vpn.core import App, TerraformStack\napp = App()\n{}app.synth()\n"
    (tmp_path / "app.py").write_text(app.format("TerraformStack(app, 'old'); TerraformStack(app, 'kept')\n"))
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR)}
    done = subprocess.run([*CLI, "synth"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    (tmp_path / "cdktf.out/stacks/kept/terraform.tfstate").write_text("state")
    (tmp_path / "app.py").write_text(app.format("TerraformStack(app, 'new'); TerraformStack(app, 'kept')\n"))
    done = subprocess.run([*CLI, "synth"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    stacks = tmp_path / "cdktf.out/stacks"
    assert sorted(p.name for p in stacks.iterdir()) == ["kept", "new"]
    assert (stacks / "kept/terraform.tfstate").read_text() == "state"


def test_one_stacks_script_keeps_the_other_stacks_folders(tmp_path: Path) -> None:
    """Issue #25 item 14: ``python -m stacks.dc_destination`` after a synth of every stack left only its own."""
    outdir = tmp_path / "cdktf.out"
    assert main(["synth", "--project", str(REPO_DIR), "--output", str(outdir), "--no-check"]) == 0
    before = sorted(p.name for p in (outdir / "stacks").iterdir())
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR), "CDKTF_OUTDIR": str(outdir)}
    done = subprocess.run(
        [sys.executable, "-m", "stacks.dc_destination"],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (outdir / "stacks").iterdir()) == before
    assert list(json.loads((outdir / "manifest.json").read_text())["stacks"]) == ["dc-destination"]
