"""``constructs-vpn synth``: run the app of ``cdktf.json`` like ``cdktf synth`` and summarize the result.

With ``--hcl`` the stacks are written as ``cdk.tf`` plus ``metadata.json``, and each ``cdk.tf`` is then formatted
as ``cdktf synth --hcl`` formats it (``hclwrite.Format``), so the files are the same bytes as the cdktf CLI's. The
summary then counts from ``metadata.json``; the schema check, which reads Terraform JSON, is skipped with a
note (nothing here parses HCL back): a plain ``constructs-vpn synth`` checks the same app.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..alicloud import PROVIDER_VERSION, check_stack
from ..core.errors import ConstructsVpnError
from ..core.hcl_format import format_hcl
from .project import Manifest, Project, read_manifest


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "synth",
        help="synthesize the app in cdktf.json into cdktf.out (no Node needed)",
        description=(
            "Run the app of cdktf.json as `cdktf synth` does (same environment, same files), print what each stack "
            "declares and its warnings, then check every stack against the pinned alicloud provider schema."
        ),
    )
    parser.add_argument("--app", help='command that runs the app (default: "app" in cdktf.json)')
    parser.add_argument("--output", "-o", default="cdktf.out", help="folder to write, relative to --project")
    parser.add_argument("--project", default=".", help="folder holding cdktf.json")
    parser.add_argument(
        "--no-check", action="store_true", help="skip the check of every stack against the pinned alicloud schema"
    )
    parser.add_argument(
        "--hcl", action="store_true", help="write cdk.tf (HCL) and metadata.json instead of cdk.tf.json, as cdktf --hcl"
    )
    parser.set_defaults(func=run)


def _count(document: dict[str, Any], block: str) -> int:
    return sum(len(items) for items in document.get(block, {}).values())


def _leaves(tree: Any) -> int:
    return sum(_leaves(v) for v in tree.values()) if isinstance(tree, dict) else 1


def _counts(manifest: Manifest, name: str) -> tuple[int, int, int]:
    """Resources, data sources and outputs of a stack, from ``cdk.tf.json`` or an HCL stack's metadata."""
    if manifest.is_hcl(name):
        metadata = manifest.metadata(name)
        return _count(metadata, "resource"), _count(metadata, "data"), _leaves(metadata["//"].get("outputs", {}))
    document = manifest.document(name)
    return _count(document, "resource"), _count(document, "data"), len(document.get("output", {}))


def _notes(manifest: Manifest) -> list[str]:
    """Every warning and info annotation of the manifest, as the app logs it: ``[WARN] [path] message``."""
    return [
        f"[{note['level'].removeprefix('@cdktf/').upper()}] [{note['constructPath']}] {note['message']}"
        for _, entry in sorted(manifest.stacks.items())
        for note in entry.get("annotations", [])
    ]


def summarize(manifest: Manifest) -> list[str]:
    """One line per stack, then every warning and info annotation."""
    lines = [f"Synthesized {len(manifest.stacks)} stack(s) into {manifest.outdir}"]
    width = max((len(n) for n in manifest.stacks), default=0)
    for name in sorted(manifest.stacks):
        resources, data, outputs = _counts(manifest, name)
        lines.append(f"  {name.ljust(width)}  {resources} resources, {data} data sources, {outputs} outputs")
    notes = _notes(manifest)
    if notes:
        lines.append(f"{len(notes)} annotation(s):")
        lines.extend(f"  {note}" for note in notes)
    return lines


def _stack_folders(outdir: Path) -> list[Path]:
    """The folders in ``outdir/stacks`` (not symbolic links to one), as the cdktf CLI lists them before a synth."""
    stacks = outdir / "stacks"
    return [p for p in sorted(stacks.iterdir()) if p.is_dir() and not p.is_symlink()] if stacks.is_dir() else []


def _remove_orphans(before: list[Path], manifest: Manifest) -> None:
    """Remove the stack folders that were there before the app ran and are not in its manifest, as ``cdktf synth``
    does after the app (``synth-stack.ts``): the app itself keeps them, so one app's script leaves the others'."""
    import shutil

    for folder in before:
        if folder.name not in manifest.stacks:
            shutil.rmtree(folder, ignore_errors=True)


def synthesize(project: Project, outdir: Path, *, hcl: bool = False) -> tuple[Manifest, str]:
    """Run the app as ``cdktf synth`` does, stale stack folders removed afterwards; its manifest and stderr."""
    before = _stack_folders(outdir)
    logged = project.synth(outdir, hcl=hcl)
    if not (outdir / "manifest.json").exists():
        sys.stderr.write(logged)
        missing = outdir / "manifest.json"
        raise ConstructsVpnError(f"the app `{project.app}` wrote no {missing}: does it call app.synth()?")
    manifest = read_manifest(outdir)
    _remove_orphans(before, manifest)
    return manifest, logged


def run(args: argparse.Namespace) -> int:
    root = Path(args.project).resolve()
    outdir = (root / args.output).resolve()
    project = Project.load(root, args.app)
    manifest, logged = synthesize(project, outdir, hcl=args.hcl)
    if args.hcl:  # as the cdktf CLI does after the app ran (synth-stack.ts, formatHclFiles)
        for entry in manifest.stacks.values():
            path = outdir / entry["synthesizedStackPath"]
            path.write_text(format_hcl(path.read_text("utf-8")), "utf-8")
    # The app logs each warning as it synthesizes; the summary lists them all, so each is printed once.
    shown = set(_notes(manifest))
    sys.stderr.write("".join(line for line in logged.splitlines(keepends=True) if line.rstrip("\n") not in shown))
    print("\n".join(summarize(manifest)))
    if args.no_check:
        return 0
    hcl = [name for name in sorted(manifest.stacks) if manifest.is_hcl(name)]
    if hcl:
        print(
            f"Schema check skipped for {len(hcl)} HCL stack(s): it reads Terraform JSON; "
            "`constructs-vpn synth` without --hcl checks them"
        )
    json_stacks = [name for name in sorted(manifest.stacks) if name not in hcl]
    if not json_stacks:
        return 0
    findings = [f for name in json_stacks for f in check_stack(manifest.document(name), stack=name)]
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} schema finding(s): the output does not match aliyun/alicloud {PROVIDER_VERSION}")
        return 1
    print(f"Schema check: every stack matches aliyun/alicloud {PROVIDER_VERSION}")
    return 0
