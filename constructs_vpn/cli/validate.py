"""``constructs-vpn validate [DIR]``: check synthesized stacks against the pinned ``aliyun/alicloud`` schema."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..alicloud import check_stack
from .project import read_manifest


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "validate",
        help="check every stack in a cdktf.out folder against the vendored alicloud provider schema",
        description=(
            "Report, with JSON paths, every alicloud resource, data source and provider block that does not "
            "conform to the pinned provider schema. Exit code 1 on any finding."
        ),
    )
    parser.add_argument("dir", nargs="?", default="cdktf.out", help="synthesized folder to read")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    manifest = read_manifest(Path(args.dir))
    count = 0
    for name in sorted(manifest.stacks):
        for finding in manifest.read(name, lambda document, stack: list(check_stack(document, stack=stack))):
            print(finding)
            count += 1
    stacks = len(manifest.stacks)
    if count:
        print(f"{count} finding(s) in {stacks} stack(s)")
        return 1
    print(f"no findings in {stacks} stack(s)")
    return 0
