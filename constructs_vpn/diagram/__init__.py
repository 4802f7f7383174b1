"""Topology diagrams of the network an app declares, drawn from its synthesized stacks.

``read_topology(document, stack)`` reads one ``cdk.tf.json``: CEN → transit router(s) → IPsec connection →
customer gateway, and the VPCs (with their vSwitches) the routers attach, labelled with routing mode, BGP,
IKE/IPsec proposals, health check (single tunnel) or ECMP and DPD (dual tunnel), cross-account owners, single
or dual tunnel, and weak crypto marked. ``render(topologies, format)`` writes Mermaid (nothing to
install), Graphviz DOT, or SVG (through Graphviz's ``dot``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..core.errors import ConstructsVpnError
from . import dot, mermaid
from .model import Edge, Node, Topology, read_topology

__all__ = ["FORMATS", "Edge", "Node", "Topology", "read_topology", "render"]

FORMATS: dict[str, Callable[[Sequence[Topology]], str]] = {
    "mermaid": mermaid.render,
    "dot": dot.render,
    "svg": lambda topologies: dot.svg(dot.render(topologies)),
}


def render(topologies: Sequence[Topology], format: str = "mermaid") -> str:
    """``topologies`` as one diagram in ``format`` (one of ``FORMATS``)."""
    renderer = FORMATS.get(format)
    if renderer is None:
        raise ConstructsVpnError(f"unknown diagram format {format!r}; use one of {', '.join(FORMATS)}")
    return renderer(topologies)
