"""``python -m constructs_vpn.alicloud.codegen [--out DIR] [--check]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import PACKAGE_DIR, generate, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m constructs_vpn.alicloud.codegen",
        description="Generate the alicloud bindings from the vendored provider schema.",
    )
    parser.add_argument("--out", type=Path, default=PACKAGE_DIR, help=f"output folder (default: {PACKAGE_DIR})")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    args = parser.parse_args(argv)
    if args.check:
        stale = [
            name
            for name, source in generate().items()
            if not (args.out / name).is_file() or (args.out / name).read_text(encoding="utf-8") != source
        ]
        for name in stale:
            print(f"out of date: {args.out / name}")
        return 1 if stale else 0
    changed = write(args.out)
    print(f"{len(changed)} file(s) written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
