"""Hostile input to deploy/destroy/diff/output: a manifest whose stack folder leads out of cdktf.out, variable
values that look like shell or template code, a malformed ``--var``. Terraform is a recording stand-in
(``fake_terraform.py``): these tests check what reaches it and what is logged, not terraform itself."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from constructs_vpn.cli.main import main
from tests.cli.lifecycle.manifests import write_manifest
from tests.tooling import REPO_DIR

SECRET = "$(touch pwned)`touch pwned2`${var.x}%{if}' \"; rm -rf ~"


@pytest.fixture
def fake_terraform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``terraform`` on PATH is the recording stand-in; the path of its record."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "terraform"
    script.write_text(
        f"#!{sys.executable}\nimport runpy, sys\nsys.path.insert(0, {str(REPO_DIR)!r})\n"
        "runpy.run_module('tests.cli.lifecycle.fake_terraform', run_name='__main__')\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    record = tmp_path / "record.jsonl"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_TERRAFORM_RECORD", str(record))
    return record


def _calls(record: Path) -> list[list[str]]:
    return [json.loads(line) for line in record.read_text("utf-8").splitlines()]


def test_a_stack_folder_out_of_the_synthesized_folder_is_refused(
    tmp_path: Path, fake_terraform: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outdir = tmp_path / "cdktf.out"
    write_manifest(outdir, {"evil": []})
    manifest = json.loads((outdir / "manifest.json").read_text("utf-8"))
    manifest["stacks"]["evil"]["workingDirectory"] = "../../"
    (outdir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["deploy", "--skip-synth", "--project", str(tmp_path), "--auto-approve"]) == 1
    assert "leads out of" in capsys.readouterr().err
    assert not fake_terraform.exists()  # no terraform ran


def test_variable_values_reach_terraform_as_one_argument_and_are_never_logged(
    tmp_path: Path, fake_terraform: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_manifest(tmp_path / "cdktf.out", {"app": []})
    monkeypatch.chdir(tmp_path)
    code = main(["deploy", "--skip-synth", "--auto-approve", "--var", f"psk={SECRET}", "--outputs-file", "o.json"])
    out = capsys.readouterr().out
    assert code == 0, out
    plan = next(call for call in _calls(fake_terraform) if call[0] == "plan")
    assert f"-var=psk={SECRET}" in plan
    apply = next(call for call in _calls(fake_terraform) if call[0] == "apply")
    assert not any(arg.startswith("-var") for arg in apply)  # a saved plan holds the variables
    log = (tmp_path / "cdktf.out/stacks/app/constructs-vpn.log").read_text("utf-8")
    assert "-var=psk=***" in log
    assert SECRET not in log + out
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "pwned2").exists()


def test_a_var_without_a_value_is_a_clean_error(
    tmp_path: Path, fake_terraform: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_manifest(tmp_path / "cdktf.out", {"app": []})
    assert main(["deploy", "--skip-synth", "--project", str(tmp_path), "--var", "psk"]) == 1
    assert "--var 'psk': give NAME=VALUE" in capsys.readouterr().err


def test_ctrl_c_interrupts_terraform_once_and_waits_for_it(tmp_path: Path, fake_terraform: Path) -> None:
    write_manifest(tmp_path / "cdktf.out", {"app": []})
    env = {**os.environ, "FAKE_TERRAFORM_SLOW_APPLY": "1", "PYTHONPATH": str(REPO_DIR)}
    process = subprocess.Popen(
        [sys.executable, "-m", "constructs_vpn.cli", "deploy", "--skip-synth", "--auto-approve"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (fake_terraform.exists() and any(c[0] == "apply" for c in _calls(fake_terraform))):
        assert time.monotonic() < deadline and process.poll() is None, "apply never started"
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert _calls(fake_terraform).count(["SIGINT"]) == 1  # once: a second would make terraform quit at once
