"""``constructs-vpn emulator``: set up, inspect and reset the local ``aliyun/alicloud`` emulator."""

from __future__ import annotations

import argparse
import importlib.util
import os
import shlex
import sys
from pathlib import Path
from typing import Any

from ..core.errors import ConstructsVpnError
from ..emulator import STATE_ENV, Store, install
from ..emulator.store import StateError


def _state_help() -> str:
    """The --state help names the variable it defaults to and what it holds in this shell now."""
    now = os.environ.get(STATE_ENV, "").replace("%", "%%")  # argparse formats help with %
    return f"state file (default: ${STATE_ENV}, {'now ' + now if now else 'not set: run `emulator setup`'})"


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "emulator",
        help="try stacks with real terraform against a local alicloud emulator (no cloud account)",
        description="A local stand-in for the aliyun/alicloud provider: terraform and cdktf deploy run offline.",
    )
    actions = parser.add_subparsers(dest="emulator_command", required=True, metavar="ACTION")
    setup = actions.add_parser(
        "setup",
        help="install the emulator as aliyun/alicloud in DIR and print the shell exports",
        description="Lay out DIR (a filesystem mirror with a launcher for this Python, DIR/terraform.rc, "
        "DIR/state.db) and print the export lines to paste into a shell, or run: "
        'eval "$(constructs-vpn emulator setup DIR)"',
    )
    setup.add_argument("directory", metavar="DIR", type=Path)
    setup.add_argument(
        "--direct", action="store_true", help="let terraform download every other provider from its registry"
    )
    setup.set_defaults(func=run_setup)
    reset = actions.add_parser("reset", help="delete every emulated object (and the fault-injection call counts)")
    reset.add_argument("--state", type=Path, help=_state_help())
    reset.set_defaults(func=run_reset)
    seed = actions.add_parser(
        "seed",
        help="create the objects a synthesized stack imports, with the ids its import blocks name",
        description="Create in the emulated cloud every object that the import blocks of the synthesized stack "
        "in DIR name, configured as the stack configures it and with those ids, so that adopting existing "
        "resources (terraform plan importing them) can be rehearsed. Variables come from TF_VAR_* as for "
        "terraform; the account and region from the stack's default provider block.",
    )
    seed.add_argument("directory", metavar="DIR", type=Path, help="a synthesized stack, e.g. cdktf.out/stacks/NAME")
    seed.add_argument("--state", type=Path, help=_state_help())
    seed.set_defaults(func=run_seed)
    show = actions.add_parser("show", help="list the emulated objects: type, id, account and region")
    show.add_argument("--state", type=Path, help=_state_help())
    show.set_defaults(func=run_show)


def _store(state: Path | None) -> Store:
    if state is not None:
        return Store.named(state)
    try:
        return Store.from_env()
    except StateError as error:
        raise ConstructsVpnError(f"{error}, or pass --state") from error


def run_setup(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("tf") is None:
        python = shlex.quote(sys.executable)
        raise ConstructsVpnError(
            "the emulator needs the `emulator` extra in this Python; install it with "
            f"{python} -m pip install 'constructs-vpn[emulator]' (in a checkout: {python} -m pip install -e "
            "'.[emulator]'), then run `emulator setup` again"
        )
    directory: Path = args.directory.expanduser()
    if directory.exists() and not directory.is_dir():
        raise ConstructsVpnError(
            f"emulator setup: {directory} is a file; give a folder to install the emulator in "
            "(new or existing), e.g. ~/.alicloud-emulator"
        )
    try:
        installation = install(directory, direct=args.direct)
    except OSError as error:
        raise ConstructsVpnError(
            f"emulator setup: cannot write {error.filename or directory}: {error.strerror}; "
            "choose a folder you can write to"
        ) from error
    print(
        f"# aliyun/alicloud emulator installed in {installation.directory}; paste these lines into your shell:",
        file=sys.stderr,
    )
    print("\n".join(installation.export_lines()))
    return 0


def run_reset(args: argparse.Namespace) -> int:
    store = _store(args.state)
    try:
        count = store.reset()
    except StateError as error:
        raise ConstructsVpnError(f"emulator reset: {error}") from error
    if count is None:
        print(f"Nothing to reset: {store.path} does not exist")
    else:
        print(f"Cleared {count} object(s) from {store.path}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    store = _store(args.state)
    if not store.path.exists():  # a mistyped path is not an empty cloud
        raise ConstructsVpnError(
            f"emulator show: {store.path} does not exist; check --state or ${STATE_ENV} (`emulator setup` "
            "prints it); the state is made by the first terraform apply or `emulator seed`"
        )
    try:
        with store.snapshot() as cloud:
            rows = [
                (type_name, id, str(record["account"]), str(record["region"]))
                for type_name in cloud.types()
                for id, record in cloud.records(type_name)
            ]
    except StateError as error:
        raise ConstructsVpnError(str(error)) from error
    if not rows:
        print(f"No objects in {store.path}")
        return 0
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(value.ljust(widths[i]) if i < 3 else value for i, value in enumerate(row)).rstrip())
    print(f"{len(rows)} object(s) in {store.path}")
    return 0


def run_seed(args: argparse.Namespace) -> int:
    try:
        from ..emulator.seed import seed  # needs the emulator extra
    except ImportError as error:
        raise ConstructsVpnError(str(error)) from error
    store = _store(args.state)
    try:
        seeded = seed(args.directory.expanduser(), store)
    except StateError as error:
        raise ConstructsVpnError(str(error)) from error
    for address, id in seeded:
        print(f"{address}  {id}")
    print(f"Seeded {len(seeded)} object(s) into {store.path}")
    return 0
