"""``constructs-vpn synth --hcl``: the app writes ``cdk.tf`` and ``metadata.json``, as ``cdktf synth --hcl``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constructs_vpn.cli.main import main
from constructs_vpn.core.hcl_format import format_hcl
from tests.tooling import REPO_DIR


def test_synth_hcl_of_the_example_app(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["synth", "--project", str(REPO_DIR), "--output", str(out), "--hcl"]) == 0
    captured = capsys.readouterr()
    printed = captured.out
    assert "  dual-tunnel      8 resources, 1 data sources, 0 outputs\n" in printed
    assert "  generic-site     6 resources, 1 data sources, 2 outputs\n" in printed
    assert "Schema check skipped for 9 HCL stack(s): it reads Terraform JSON;" in printed
    stacks = json.loads((out / "manifest.json").read_text())["stacks"]
    assert {entry["synthesizedStackPath"] for entry in stacks.values()} == {f"stacks/{name}/cdk.tf" for name in stacks}
    assert sorted(p.name for p in (out / "stacks/dual-tunnel").iterdir()) == ["cdk.tf", "metadata.json"]
    text = (out / "stacks/dual-tunnel/cdk.tf").read_text()
    assert 'resource "alicloud_vpn_gateway_vpn_attachment"' in text
    # formatted as the cdktf CLI formats it (the app writes it unformatted)
    assert '\n  tunnel_options_specification {\n    customer_gateway_id  = "${alicloud_vpn_customer_gateway.' in text
    assert format_hcl(text) == text
    assert "cdk.tf leaves out arguments" not in captured.err  # the examples synthesize clean in both forms
    # the same folder synthesized again without --hcl is JSON again, and checked
    assert main(["synth", "--project", str(REPO_DIR), "--output", str(out)]) == 0
    assert "Schema check: every stack matches" in capsys.readouterr().out
    assert sorted(p.name for p in (out / "stacks/dual-tunnel").iterdir()) == ["cdk.tf.json"]
