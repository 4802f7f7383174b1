"""``constructs-vpn synth``: run the app of ``cdktf.json`` like ``cdktf synth`` and summarize the result."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..alicloud import PROVIDER_VERSION, check_stack
from .project import Manifest, Project, read_manifest


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "synth", help="synthesize the app in cdktf.json into cdktf.out (no Node needed)"
    )
    parser.add_argument("--app", help='command that runs the app (default: "app" in cdktf.json)')
    parser.add_argument("--output", "-o", default="cdktf.out", help="output folder (default: cdktf.out)")
    parser.add_argument("--project", default=".", help="folder holding cdktf.json (default: .)")
    parser.add_argument(
        "--no-check", action="store_true", help="skip the check of every stack against the pinned alicloud schema"
    )
    parser.set_defaults(func=run)


def _count(document: dict[str, Any], block: str) -> int:
    return sum(len(items) for items in document.get(block, {}).values())


def summarize(manifest: Manifest) -> list[str]:
    """One line per stack, then every warning and info annotation."""
    lines = [f"Synthesized {len(manifest.stacks)} stack(s) into {manifest.outdir}"]
    notes: list[str] = []
    width = max((len(n) for n in manifest.stacks), default=0)
    for name, entry in sorted(manifest.stacks.items()):
        document = manifest.document(name)
        resources, data = _count(document, "resource"), _count(document, "data")
        outputs = len(document.get("output", {}))
        lines.append(f"  {name.ljust(width)}  {resources} resources, {data} data sources, {outputs} outputs")
        for note in entry.get("annotations", []):
            level = note["level"].removeprefix("@cdktf/").upper()
            notes.append(f"  [{level}] [{note['constructPath']}] {note['message']}")
    if notes:
        lines.append(f"{len(notes)} annotation(s):")
        lines.extend(notes)
    return lines


def run(args: argparse.Namespace) -> int:
    root = Path(args.project).resolve()
    outdir = (root / args.output).resolve()
    Project.load(root, args.app).synth(outdir)
    manifest = read_manifest(outdir)
    print("\n".join(summarize(manifest)))
    if args.no_check:
        return 0
    findings = [f for name in sorted(manifest.stacks) for f in check_stack(manifest.document(name), stack=name)]
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} schema finding(s): the output does not match aliyun/alicloud {PROVIDER_VERSION}")
        return 1
    print(f"Schema check: every stack matches aliyun/alicloud {PROVIDER_VERSION}")
    return 0
