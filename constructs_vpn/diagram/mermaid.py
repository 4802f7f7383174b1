"""Mermaid ``flowchart`` text: renders in GitHub, GitLab and most Markdown viewers, with nothing to install."""

from __future__ import annotations

from collections.abc import Sequence

from .ids import Ids, visible
from .model import Kind, Topology

__all__ = ["render"]

#: Node shapes: CEN a stadium, transit router a hexagon, VPC a rounded box, connection a box, data center a
#: cylinder.
_SHAPES: dict[Kind, tuple[str, str]] = {
    "cen": ("([", "])"),
    "router": ("{{", "}}"),
    "vpc": ("(", ")"),
    "connection": ("[", "]"),
    "gateway": ("[(", ")]"),
}
_WEAK_STYLE = "stroke:#d00,stroke-width:3px,color:#d00"


#: Mermaid entity codes (https://mermaid.js.org/syntax/flowchart.html, "Entity codes to escape characters")
#: for what would end the label (``"``), start an entity code (``#``) or an HTML entity (``&``), open an HTML
#: tag (``<``, ``>``) or a Markdown string (a backtick).
_CODES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"}


def _escape(text: str) -> str:
    """``text`` as label text Mermaid shows literally."""
    return "".join(_CODES.get(char, char) for char in visible(text))


def _label(lines: Sequence[str]) -> str:
    return '"' + "<br/>".join(_escape(line) for line in lines) + '"'


def render(topologies: Sequence[Topology]) -> str:
    """One ``flowchart LR``, a subgraph per stack."""
    ids = Ids()
    lines = ["flowchart LR"]
    weak: list[str] = []
    for topology in topologies:
        lines.append(f"  subgraph {ids.of(f'stack {topology.stack}')}[{_label([f'stack {topology.stack}'])}]")
        for node in topology.nodes:
            opening, closing = _SHAPES[node.kind]
            lines.append(f"    {ids.of(node.key)}{opening}{_label(node.lines)}{closing}")
            if node.weak:
                weak.append(ids.of(node.key))
        for edge in topology.edges:
            link = f" ---|{_label(edge.lines)}| " if edge.lines else " --- "
            lines.append(f"    {ids.of(edge.source)}{link}{ids.of(edge.target)}")
        lines.append("  end")
    if weak:
        lines.append(f"  classDef weak {_WEAK_STYLE}")
        lines.append(f"  class {','.join(weak)} weak")
    return "\n".join(lines) + "\n"
