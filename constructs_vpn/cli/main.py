"""Entry point: parses the subcommand and prints a user's mistake as one clean error, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import version
from typing import Any

from ..alicloud import PROVIDER_VERSION
from ..core.errors import ConstructsVpnError
from . import emulator, get, graph, init, list_stacks, orchestrate, peer_config, synth, validate
from .lifecycle import commands as lifecycle

EXIT_CODES = """exit codes:
  0  done, nothing found
  1  a finding (schema check, validation) or a mistake in the input; the message says what to fix
  2  the command line itself is wrong (unknown option, missing argument)"""


#: Each subcommand's examples, printed at the end of its help (each is a command line the parser accepts).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "init": ("constructs-vpn init my-vpn", "constructs-vpn init . --stack site-a --force"),
    "synth": ("constructs-vpn synth", "constructs-vpn synth --hcl --output cdktf.out"),
    "list": ("constructs-vpn list",),
    "deploy": ("constructs-vpn deploy dc-destination", "constructs-vpn deploy '*' --auto-approve --parallelism 4"),
    "diff": ("constructs-vpn diff dc-destination",),
    "destroy": ("constructs-vpn destroy '*' --auto-approve",),
    "output": ("constructs-vpn output dc-destination --outputs-file outputs.json",),
    "validate": ("constructs-vpn validate cdktf.out",),
    "peer-config": (
        "constructs-vpn peer-config --stack dual-tunnel --connection dc3 --format swanctl",
        "constructs-vpn peer-config --stack dual-tunnel --connection dc3 --format cisco --psk-from-env DC3_PSK",
    ),
    "graph": ("constructs-vpn graph --stack dc1-static --format mermaid",),
    "emulator setup": ('eval "$(constructs-vpn emulator setup ~/.constructs-vpn/emulator)"',),
    "emulator reset": ("constructs-vpn emulator reset",),
    "emulator seed": ("constructs-vpn emulator seed cdktf.out/stacks/adopt-existing",),
    "emulator show": ("constructs-vpn emulator show --state ~/.constructs-vpn/emulator/state.db",),
    "get": ("constructs-vpn get", "constructs-vpn get --schema schema.json --output imports"),
    "orchestrate": ("constructs-vpn orchestrate", "constructs-vpn orchestrate --changed-since planned-digests.json"),
}


def _shows(default: Any) -> bool:
    """Is ``default`` worth printing in help (not "none", "off" or "empty")?"""
    return not (default is None or default is False or default in ([], argparse.SUPPRESS))


class _HelpFormatter(argparse.HelpFormatter):
    """Each option's help ends with its default, unless it has none worth showing or already names it; indented
    lines of a description or epilog (the exit codes) keep their layout, the others are wrapped."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(
            line if line.startswith(" ") else super(_HelpFormatter, self)._fill_text(line, width, indent)
            for line in text.splitlines()
        )

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if not _shows(action.default) or "default" in text:
            return text
        return f"{text} (default: %(default)s)"


class _Parser(argparse.ArgumentParser):
    """Every parser of the command, subcommands included, formats its help with :class:`_HelpFormatter`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)


def _describe(parser: argparse.ArgumentParser, path: str = "") -> None:
    """A subcommand declared with only a one-line ``help`` gets it as its description too, its examples
    (:data:`EXAMPLES`) as its epilog, and an option without help still shows its default (argparse prints
    nothing for it otherwise)."""
    for action in parser._actions:
        if action.help is None and action.option_strings and _shows(action.default):
            action.help = "default: %(default)s"
        if isinstance(action, argparse._SubParsersAction):
            summaries = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, subparser in action.choices.items():
                summary = summaries.get(name, "")
                if subparser.description is None and summary:
                    subparser.description = f"{summary[0].upper()}{summary[1:]}."
                command = f"{path} {name}".strip()
                if command in EXAMPLES:
                    subparser.epilog = "examples:\n" + "\n".join(f"  {line}" for line in EXAMPLES[command])
                _describe(subparser, command)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="constructs-vpn",
        description="Synthesize and check Alibaba Cloud IPsec-VPN stacks (cdktf-compatible output).",
        epilog=EXIT_CODES,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {version('constructs-vpn')} (aliyun/alicloud {PROVIDER_VERSION}, cdktf 0.21 output)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (init, synth, list_stacks, lifecycle, validate, peer_config, graph, emulator, get, orchestrate):
        module.add_parser(commands)
    _describe(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except ConstructsVpnError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # a folder that cannot be written, a file that cannot be read: its name and why
        print(f"error: {error}", file=sys.stderr)
        return 1
    return code
