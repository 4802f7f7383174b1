"""``constructs-vpn validate [DIR]``: one line per finding, a count, exit code 1 on any finding."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from constructs_vpn.alicloud import CenInstance
from constructs_vpn.cli.main import main
from constructs_vpn.core import App, TerraformResource, TerraformStack


def _synth(outdir: Path, *, broken: bool) -> None:
    app = App(outdir=outdir)
    good = TerraformStack(app, "good")
    CenInstance(good, "cen", cen_instance_name="corp")
    if broken:
        bad = TerraformStack(app, "bad")
        TerraformResource(bad, "cen", terraform_resource_type="alicloud_cen_instance", attributes={"status": "x"})
        TerraformResource(bad, "tr", terraform_resource_type="alicloud_cen_transit_router", attributes={"cen_id": 1})
    app.synth()


def test_clean_output_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _synth(tmp_path / "out", broken=False)
    assert main(["validate", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out == "no findings in 1 stack(s)\n"


def test_findings_are_printed_one_per_line_and_exit_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _synth(tmp_path / "out", broken=True)
    assert main(["validate", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "bad: resource.alicloud_cen_instance.cen.status: computed-only: "
        "'status' is computed by the provider and cannot be set",
        "bad: resource.alicloud_cen_transit_router.tr.cen_id: wrong-type: expected string, got number",
        "2 finding(s) in 2 stack(s)",
    ]


def test_default_folder_and_missing_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _synth(tmp_path / "cdktf.out", broken=False)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        [sys.executable, "-m", "constructs_vpn.cli", "validate"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "no findings in 1 stack(s)\n")
    assert main(["validate", str(tmp_path / "nowhere")]) == 1
    assert "manifest.json does not exist" in capsys.readouterr().err
