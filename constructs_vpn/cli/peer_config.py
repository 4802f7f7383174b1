"""``constructs-vpn peer-config``: the on-premises device's configuration for one connection.

The pre-shared key goes into the output only when asked for (``--psk-from-env`` or ``--psk-from-state``);
otherwise a placeholder stands in its place. It is never printed anywhere else.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..core.errors import ConstructsVpnError
from ..peer import FORMATS, find_connections, plan_connection, render
from ..peer.plan import PSK_PLACEHOLDER, printable
from ..peer.state import read_deployed, state_path
from .project import add_dir_argument, read_manifest


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "peer-config",
        help="render the on-premises gateway configuration of one IPsec connection",
        description="Render the device side of a connection from the synthesized stack (run synth first).",
    )
    parser.add_argument("--stack", required=True, help="stack id")
    parser.add_argument("--connection", required=True, help="the connection's construct id or path")
    parser.add_argument("--format", choices=sorted(FORMATS), default="swanctl")
    add_dir_argument(parser)
    parser.add_argument(
        "--gateway-ip",
        action="append",
        default=[],
        metavar="IP",
        help="cloud gateway address, once per tunnel (default: from state, else a placeholder)",
    )
    parser.add_argument(
        "--device-ip",
        action="append",
        default=[],
        metavar="IP",
        help="the device's own address, once per tunnel, for a customer gateway given by id or from another stack",
    )
    parser.add_argument(
        "--announce",
        action="append",
        default=[],
        metavar="CIDR",
        help="a data center network the device announces over BGP (--format frr), repeatable",
    )
    parser.add_argument(
        "--psk-from-env",
        action="append",
        default=[],
        metavar="VAR",
        help="read the pre-shared key from environment variable VAR (once per tunnel, or once for all)",
    )
    parser.add_argument(
        "--psk-from-state",
        action="store_true",
        help="write the pre-shared key(s) from Terraform state, or, not deployed yet, a literal key of the stack",
    )
    parser.add_argument("--state", type=Path, help="Terraform state file (default: the stack's local backend file)")
    parser.set_defaults(func=run)  # fmt: skip


def _env_psks(names: list[str], tunnels: int) -> list[str | None]:
    values: list[str | None] = []
    for name in names:
        value = os.environ.get(name)
        if not value:
            raise ConstructsVpnError(f"--psk-from-env {printable(name)}: the variable is not set or empty")
        values.append(value)
    return values * tunnels if len(values) == 1 else values


def run(args: argparse.Namespace) -> int:
    manifest = read_manifest(Path(args.dir))
    if args.stack not in manifest.stacks:
        raise ConstructsVpnError(f"no stack {args.stack!r}; stacks: {', '.join(sorted(manifest.stacks))}")
    document = manifest.document(args.stack)
    plan = plan_connection(document, args.connection)
    gateway_ips: list[str | None] = list(args.gateway_ip)
    psks: list[str | None] = _env_psks(args.psk_from_env, len(plan.tunnels))
    state = args.state or state_path(document)
    if state is not None and (state.is_file() or args.state is not None):
        deployed = read_deployed(state, find_connections(document)[plan.connection_path], document)
        if deployed is None:
            print(
                f"note: {state} holds no {printable(plan.connection_path)} (destroyed, or not applied yet)",
                file=sys.stderr,
            )
        else:
            gateway_ips = gateway_ips or list(deployed.gateway_ips)
            if args.psk_from_state and not psks:
                psks = list(deployed.psks)
    plan = plan_connection(
        document,
        plan.connection_path,
        gateway_ips=gateway_ips,
        psks=psks,
        device_ips=args.device_ip,
        announce=args.announce,
        literal_psks=args.psk_from_state,
    )
    if args.psk_from_state and PSK_PLACEHOLDER in plan.placeholders:
        where = f"state {state}" if state is not None and state.is_file() else "state (not deployed)"
        raise ConstructsVpnError(
            f"--psk-from-state: a tunnel of {plan.connection_path} has no key in {where} nor a literal one in"
            " the stack; deploy it first, or use --psk-from-env VAR"
        )
    print(render(plan, args.format), end="")
    return 0
