"""Synthesized folders written by hand: a manifest with the stacks and dependencies a test needs."""

from __future__ import annotations

import json
from pathlib import Path

from constructs_vpn.cli.project import Manifest, read_manifest


def write_manifest(outdir: Path, graph: dict[str, list[str]]) -> Manifest:
    """``outdir/manifest.json`` with a stack per key of ``graph`` (its value: the stacks it depends on), each
    with an empty ``cdk.tf.json`` in ``stacks/<name>``."""
    stacks = {}
    for name, dependencies in graph.items():
        folder = outdir / "stacks" / name
        folder.mkdir(parents=True)
        (folder / "cdk.tf.json").write_text("{}", encoding="utf-8")
        stacks[name] = {
            "name": name,
            "dependencies": dependencies,
            "synthesizedStackPath": f"stacks/{name}/cdk.tf.json",
            "workingDirectory": f"stacks/{name}",
        }
    (outdir / "manifest.json").write_text(json.dumps({"version": "0.21.0", "stacks": stacks}), encoding="utf-8")
    return read_manifest(outdir)
