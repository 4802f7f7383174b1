"""``constructs-vpn graph``: draw the network a synthesized app declares (Mermaid, Graphviz DOT or SVG).

Like ``peer-config`` it reads an output folder and synthesizes nothing: run ``constructs-vpn synth`` first.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..core.errors import ConstructsVpnError
from ..diagram import FORMATS, read_topology, render
from .project import add_dir_argument, read_manifest


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "graph",
        help="draw the network of the synthesized stacks: CEN, transit routers, VPCs, connections, data centers",
        description=(
            "Draw CEN → transit router → IPsec connection → customer gateway, and the VPCs (with their vSwitches) "
            "the transit router attaches, from a synthesized output folder (run synth first), labelled with "
            "routing, BGP, proposals, health check or DPD, cross-account and tunnels; weak crypto in red. "
            "Mermaid needs nothing; dot and svg use Graphviz."
        ),
    )
    parser.add_argument("--stack", action="append", metavar="S", help="only stack S (repeatable; default: all)")
    parser.add_argument("--format", choices=list(FORMATS), default="mermaid", help="diagram language")
    add_dir_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    manifest = read_manifest(Path(args.dir))
    names: list[str] = args.stack or sorted(manifest.stacks)
    unknown = [name for name in names if name not in manifest.stacks]
    if unknown:
        raise ConstructsVpnError(f"no stack {unknown[0]!r}; stacks: {', '.join(sorted(manifest.stacks))}")
    topologies = [t for t in (manifest.read(n, read_topology) for n in names) if t.nodes]
    if not topologies:
        raise ConstructsVpnError(
            f"no CEN, transit router, VPC or IPsec connection in {', '.join(names)}: nothing to draw"
        )
    print(render(topologies, args.format), end="")
    return 0
