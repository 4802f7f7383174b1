"""Every example stack's synthesized graph is locked by a snapshot: review each change like code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from constructs_vpn.core import App
from constructs_vpn.core.snapshot import SynthSnapshotExtension
from stacks import build_app


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("examples") / "cdktf.out"
    build_app(App(outdir=out)).synth()
    return out


def stack_names() -> list[str]:
    return [s.node.id for s in build_app(App(outdir="unused")).stacks]


@pytest.mark.parametrize("name", stack_names())
def test_example_stack_snapshot(outdir: Path, name: str, snapshot: SnapshotAssertion) -> None:
    document = json.loads((outdir / f"stacks/{name}/cdk.tf.json").read_text("utf-8"))
    assert document == snapshot(extension_class=SynthSnapshotExtension)


def test_manifest_snapshot(outdir: Path, snapshot: SnapshotAssertion) -> None:
    manifest = json.loads((outdir / "manifest.json").read_text("utf-8"))
    assert manifest == snapshot(extension_class=SynthSnapshotExtension)


def test_the_examples_synthesize_hcl_without_losing_arguments(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """``synth --hcl`` writes every argument of every example: it warned seven times (``nullable`` on each key
    variable, and ``generic-site``'s generic elements, whose HCL bodies cdktf writes empty; the example's own
    subclasses write them)."""
    with caplog.at_level("WARNING", logger="constructs_vpn"):
        build_app(App(outdir=tmp_path / "cdktf.out", hcl_output=True)).synth()
    lost = sorted(r.getMessage().split(":", 1)[0] for r in caplog.records if "cdk.tf leaves out" in r.getMessage())
    assert lost == []
    hcl = (tmp_path / "cdktf.out/stacks/generic-site/cdk.tf").read_text("utf-8")
    assert "ike_config {" in hcl and 'region = "cn-hangzhou"' in hcl
