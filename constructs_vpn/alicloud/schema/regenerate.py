"""``python -m constructs_vpn.alicloud.schema.regenerate [--check]``: rewrite ``constructs_vpn/alicloud`` from the
vendored schema, its constraints and ``patches.py``, with the generator ``constructs-vpn get`` uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...codegen.generate import Provider, digest_of, generate, write
from . import PROVIDER_SOURCE, PROVIDER_VERSION, VERSION_CONSTRAINT, load_constraints, load_schema
from .patches import PATCHES

__all__ = ["PACKAGE_DIR", "PROVIDER", "bindings", "main", "schema_hash"]

#: Where the generated bindings are checked in: the ``constructs_vpn.alicloud`` package itself.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROVIDER = Provider("alicloud", PROVIDER_SOURCE, PROVIDER_VERSION, VERSION_CONSTRAINT)
_HINT = "Change alicloud/schema/patches.py or the generator, then: python -m constructs_vpn.alicloud.schema.regenerate"
#: What ``constructs_vpn.alicloud`` exports beside the bindings: the hand-written schema API.
_EXPORTS = {
    "Finding": ".schema.check",
    "KINDS": ".schema.check",
    "check_outdir": ".schema.check",
    "check_stack": ".schema.check",
    "PROVIDER_SOURCE": ".schema",
    "PROVIDER_VERSION": ".schema",
    "VERSION_CONSTRAINT": ".schema",
}


def schema_hash() -> str:
    """sha256 of the vendored provider schema in canonical JSON (named in every generated file's banner), as
    ``constructs-vpn get`` computes it for a schema from terraform."""
    return digest_of(load_schema())


def bindings() -> dict[str, str]:
    """Relative path → source of every generated file of ``constructs_vpn.alicloud``."""
    return generate(
        PROVIDER,
        load_schema(),
        constraints=load_constraints(),
        patches=PATCHES,
        digest=schema_hash(),
        hint=_HINT,
        exports=_EXPORTS,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m constructs_vpn.alicloud.schema.regenerate",
        description="Generate the alicloud bindings from the vendored provider schema.",
    )
    parser.add_argument("--out", type=Path, default=PACKAGE_DIR, help=f"output folder (default: {PACKAGE_DIR})")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    args = parser.parse_args(argv)
    files = bindings()
    if args.check:
        stale = [name for name, source in files.items() if _read(args.out / name) != source]
        for name in stale:
            print(f"out of date: {args.out / name}")
        return 1 if stale else 0
    changed = write(files, args.out)
    print(f"{len(changed)} file(s) changed in {args.out}")
    return 0


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


if __name__ == "__main__":
    sys.exit(main())
