"""The example app synthesized once (JSON) for the diagram tests, and text snapshots one file each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from constructs_vpn.core import App
from stacks import build_app


class MermaidSnapshot(SingleFileSnapshotExtension):
    """A snapshot as a ``.mmd`` file: opens in any Mermaid viewer, reviews as text."""

    _write_mode = WriteMode.TEXT
    file_extension = "mmd"


class DotSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "dot"


@pytest.fixture(scope="session")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("diagram") / "cdktf.out"
    build_app(App(outdir=out)).synth()
    return out


@pytest.fixture(scope="session")
def documents(examples: Path) -> dict[str, dict[str, Any]]:
    manifest = json.loads((examples / "manifest.json").read_text("utf-8"))
    return {
        name: json.loads((examples / entry["synthesizedStackPath"]).read_text("utf-8"))
        for name, entry in manifest["stacks"].items()
    }


@pytest.fixture
def mermaid_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(MermaidSnapshot)


@pytest.fixture
def dot_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(DotSnapshot)
