"""Entry point: parses the subcommand and prints a user's mistake as one clean error, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..core.errors import ConstructsVpnError
from . import emulator, get, graph, peer_config, synth, validate


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="constructs-vpn",
        description="Synthesize and check Alibaba Cloud IPsec-VPN stacks (cdktf-compatible output).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (synth, validate, peer_config, graph, emulator, get):
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except ConstructsVpnError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return code
