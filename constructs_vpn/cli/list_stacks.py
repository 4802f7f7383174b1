"""``constructs-vpn list``: synthesize like ``cdktf list``, then print each stack's name and folder.

As the cdktf CLI (``cdktf list``, ``ui/list.tsx``): the app runs as for ``synth`` (stale stack folders removed
after it), then a "Stack name" / "Path" table follows, one row per stack of the manifest in its order, the path
being the output folder joined with the stack's ``workingDirectory``. A stack id may hold any character a
folder name can: a control or line-break character is printed as its escape, so no name can start a new row or
send a terminal sequence.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..core.errors import ConstructsVpnError
from ..peer.plan import printable
from .project import Manifest, Project
from .synth import synthesize

_HEADER = ("Stack name", "Path")


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "list",
        help="synthesize the app in cdktf.json, then list each stack's name and folder (as `cdktf list`)",
    )
    parser.add_argument("--app", "-a", help='command that runs the app (default: "app" in cdktf.json)')
    parser.add_argument("--output", "-o", default="cdktf.out", help="folder to write, relative to --project")
    parser.add_argument("--project", default=".", help="folder holding cdktf.json")
    parser.set_defaults(func=run)


def _folder(manifest: Manifest, name: str, output: str) -> str:
    """The stack's folder as cdktf prints it: ``path.join(output, workingDirectory)``."""
    folder = manifest.stacks[name].get("workingDirectory")
    if not isinstance(folder, str):
        raise ConstructsVpnError(
            f"{manifest.outdir / 'manifest.json'}: stack {name!r} has no workingDirectory path "
            f"(it is {folder!r}); run `constructs-vpn synth` again to rewrite it"
        )
    return os.path.normpath(os.path.join(output, folder))


def table(manifest: Manifest, output: str) -> list[str]:
    """The header and one row per stack, the names padded to one column."""
    rows = [_HEADER, *((printable(name), printable(_folder(manifest, name, output))) for name in manifest.stacks)]
    width = max(len(name) for name, _ in rows)
    return [f"{name.ljust(width)}  {path}" for name, path in rows]


def run(args: argparse.Namespace) -> int:
    root = Path(args.project).resolve()
    manifest, logged = synthesize(Project.load(root, args.app), (root / args.output).resolve())
    sys.stderr.write(logged)
    print("\n".join(table(manifest, args.output)))
    return 0
