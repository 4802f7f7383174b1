"""Imports point one way: core ← codegen ← alicloud ← vpn ← peer ← diagram, emulator ← cli (walked over the source with ast)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.tooling import REPO_DIR

PACKAGE = REPO_DIR / "constructs_vpn"
ALLOWED = {
    "core": {"core"},
    "codegen": {"core", "codegen"},
    "alicloud": {"core", "codegen", "alicloud"},
    "vpn": {"core", "codegen", "alicloud", "vpn"},
    "peer": {"core", "codegen", "alicloud", "vpn", "peer"},
    "emulator": {"core", "codegen", "alicloud", "vpn", "emulator"},
    "diagram": {"core", "codegen", "alicloud", "vpn", "peer", "diagram"},
    "cli": {"core", "codegen", "alicloud", "vpn", "peer", "emulator", "diagram", "cli"},
}


def layer_imports(path: Path) -> set[str]:
    """The constructs_vpn sub-packages a module imports (absolute or relative)."""
    module_parts = path.relative_to(REPO_DIR).with_suffix("").parts
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(module_parts[: len(module_parts) - node.level])
                target = [*base, *(node.module.split(".") if node.module else [])]
            else:
                target = (node.module or "").split(".")
            names = [target] if len(target) > 1 else [[*target, alias.name] for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name.split(".") for alias in node.names]
        else:
            continue
        for parts in names:
            if len(parts) > 1 and parts[0] == "constructs_vpn":
                found.add(parts[1])
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_point_down(layer: str) -> None:
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        imported = {name for name in layer_imports(path) if name in ALLOWED}
        assert imported <= ALLOWED[layer], f"{path.relative_to(REPO_DIR)} imports {sorted(imported - ALLOWED[layer])}"


def test_detector_sees_relative_imports() -> None:
    assert "core" in layer_imports(PACKAGE / "cli/main.py")
