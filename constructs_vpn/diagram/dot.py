"""Graphviz DOT text, and SVG drawn from it by Graphviz's ``dot`` (which must be installed)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence

from ..core.errors import ConstructsVpnError
from .ids import Ids, visible
from .model import Kind, Topology

__all__ = ["GRAPHVIZ_HINT", "render", "svg"]

GRAPHVIZ_HINT = (
    "install Graphviz: `apt-get install graphviz` (Debian, Ubuntu), `dnf install graphviz` (Fedora), "
    "`brew install graphviz` (macOS); or use --format mermaid, which needs nothing"
)
_SHAPES: dict[Kind, str] = {
    "cen": "ellipse",
    "router": "hexagon",
    "vpc": "folder",
    "connection": "box",
    "gateway": "cylinder",
}


def _escape(text: str) -> str:
    """``text`` in a DOT quoted label that Graphviz draws literally: its backslash escapes (``\\N``, ``\\l``...)
    and its HTML entities (``&lt;``: https://graphviz.org/doc/char.html) kept as written."""
    return visible(text).replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")


def _label(lines: Sequence[str]) -> str:
    """Lines joined by DOT's ``\\n`` escape (centred lines)."""
    return '"' + "\\n".join(_escape(line) for line in lines) + '"'


def render(topologies: Sequence[Topology]) -> str:
    """An undirected graph, left to right, a cluster per stack; weak crypto in red."""
    ids = Ids()
    lines = [
        "graph network {",
        "  rankdir=LR;",
        '  node [fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for topology in topologies:
        lines.append(f"  subgraph cluster_{ids.of(f'stack {topology.stack}')} {{")
        lines.append(f"    label={_label([f'stack {topology.stack}'])};")
        for node in topology.nodes:
            style = ", color=red, fontcolor=red, penwidth=2" if node.weak else ""
            lines.append(f"    {ids.of(node.key)} [shape={_SHAPES[node.kind]}, label={_label(node.lines)}{style}];")
        for edge in topology.edges:
            label = f" [label={_label(edge.lines)}]" if edge.lines else ""
            lines.append(f"    {ids.of(edge.source)} -- {ids.of(edge.target)}{label};")
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def svg(dot_text: str) -> str:
    """``dot_text`` drawn as SVG by Graphviz; a clean error saying how to install it when it is missing."""
    dot = shutil.which("dot")
    if dot is None:
        raise ConstructsVpnError(f"Graphviz `dot` is not on PATH: {GRAPHVIZ_HINT}")
    done = subprocess.run([dot, "-Tsvg"], input=dot_text, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ConstructsVpnError(f"Graphviz `dot -Tsvg` failed (exit {done.returncode}): {done.stderr.strip()}")
    return done.stdout
