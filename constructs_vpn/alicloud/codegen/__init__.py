"""The generator of ``constructs_vpn.alicloud``: ``python -m constructs_vpn.alicloud.codegen``.

It reads the vendored schema (``schema/alicloud.json``), its rules (``schema/constraints.json``) and the reviewed
fixes in ``patches.py``, and writes one module per resource and data source, ``provider.py`` and
``__init__.py``. Standard library and ``constructs_vpn.core`` only; never imported at runtime.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from ._ir import build
from ._render import render_init, render_module

__all__ = ["PACKAGE_DIR", "generate", "schema_hash", "write"]

#: Where the generated modules are checked in.
PACKAGE_DIR = Path(__file__).resolve().parent.parent


def schema_hash() -> str:
    """sha256 of the vendored ``alicloud.json`` (named in every generated file's header)."""
    data = resources.files("constructs_vpn.alicloud").joinpath("schema", "alicloud.json").read_bytes()
    return hashlib.sha256(data).hexdigest()


def generate() -> dict[str, str]:
    """File name → source of every generated module."""
    digest = schema_hash()
    elements = build()
    files = {f"{element.module}.py": render_module(element, digest) for element in elements}
    files["__init__.py"] = render_init(elements, digest)
    return dict(sorted(files.items()))


def write(outdir: Path) -> list[Path]:
    """Write the generated modules into ``outdir``; return the files whose content changed."""
    changed: list[Path] = []
    outdir.mkdir(parents=True, exist_ok=True)
    for name, source in generate().items():
        path = outdir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != source:
            path.write_text(source, encoding="utf-8", newline="\n")
            changed.append(path)
    return changed
