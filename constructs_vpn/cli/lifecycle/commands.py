"""The subcommands ``deploy``, ``destroy``, ``diff`` and ``output``, with the cdktf CLI's names, arguments and
defaults (``cdktf deploy --help``). Each synthesizes first (unless ``--skip-synth``), picks the stacks, runs
terraform in each stack's folder in dependency order, and prints one status line per change of a stack's state.

Exit codes, as cdktf's: 0 when every chosen stack is done (a dismissed plan included), 1 when a stack failed,
was stopped or could not start, or the command was misused (an unknown stack, a missing dependency); 130 after
Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ...core.errors import ConstructsVpnError
from ..project import Manifest, Project, read_manifest
from ..synth import synthesize
from . import outputs as outputs_file
from .scheduler import Outcome, StopAllError, run_stacks
from .selection import check_included, dependants, dependencies, select
from .terraform import Options, Processes, Stack, StackFailedError, progress

LOG_FILE = "constructs-vpn.log"
INTERRUPTED = 130


@dataclass
class Console:
    """Status lines and the approval prompt, one stack at a time (stacks run in threads)."""

    out: TextIO = field(default_factory=lambda: sys.stdout)
    answers: TextIO = field(default_factory=lambda: sys.stdin)
    lock: threading.Lock = field(default_factory=threading.Lock)
    width: int = 0

    def status(self, name: str, text: str) -> None:
        with self.lock:
            self.out.write(f"{name.ljust(self.width)}  {text}\n")
            self.out.flush()

    def approve(self, name: str, plan: str) -> str:
        """Show ``plan`` and ask: ``approve``, ``dismiss`` or ``stop``. No answer (stdin closed) refuses."""
        with self.lock:
            self.out.write(plan if plan.endswith("\n") else plan + "\n")
            while True:
                self.out.write(f"{name}: approve, dismiss or stop? [a/d/s] ")
                self.out.flush()
                line = self.answers.readline()
                if not line:
                    self.out.write("\n")
                    raise StackFailedError(
                        f"stack {name!r}: its plan needs approval and no answer came on stdin; "
                        "answer at a terminal, or pass --auto-approve"
                    )
                answer = {"a": "approve", "d": "dismiss", "s": "stop"}.get(line.strip().lower()[:1])
                if answer:
                    return answer


def _add_common(parser: argparse.ArgumentParser, *, many: bool) -> None:
    if many:
        parser.add_argument("stacks", nargs="*", metavar="STACK", help="stacks to run: names or globs such as '*'")
    else:
        parser.add_argument("stacks", nargs="?", metavar="STACK", help="the stack (needed when there are several)")
    parser.add_argument("--app", "-a", help='command that runs the app (default: "app" in cdktf.json)')
    parser.add_argument("--output", "-o", default="cdktf.out", help="synthesized folder, relative to --project")
    parser.add_argument("--project", default=".", help="folder holding cdktf.json")
    parser.add_argument("--skip-synth", action="store_true", help="use the stacks already in --output")
    parser.add_argument("--no-color", action="store_true", help="terraform's output without colors")


def _add_terraform_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE", help="a terraform variable")
    parser.add_argument("--var-file", action="append", default=[], metavar="FILE", help="a terraform .tfvars file")
    parser.add_argument("--terraform-parallelism", type=int, default=-1, help="terraform's -parallelism (-1: its own)")
    parser.add_argument("--migrate-state", action="store_true", help="init with -migrate-state (backend changed)")


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--auto-approve", action="store_true", help="apply each plan without asking")
    parser.add_argument("--parallelism", type=int, default=-1, help="stacks run at once (-1: no limit)")
    parser.add_argument(
        "--ignore-missing-stack-dependencies",
        action="store_true",
        help="run the stacks named even when a stack they depend on (destroy: depending on them) is not named",
    )


def _add_outputs_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--outputs-file", metavar="FILE", help="write the stacks' outputs to this JSON file")
    parser.add_argument(
        "--outputs-file-include-sensitive-outputs", action="store_true", help="write sensitive outputs there too"
    )


def add_parser(commands: Any) -> None:
    deploy = commands.add_parser("deploy", help="deploy the given stacks with terraform, in dependency order")
    _add_common(deploy, many=True)
    _add_terraform_inputs(deploy)
    _add_run_options(deploy)
    _add_outputs_file(deploy)
    deploy.add_argument("--refresh-only", action="store_true", help="plan and apply only a refresh of the state")
    deploy.set_defaults(func=run_deploy)

    destroy = commands.add_parser("destroy", help="destroy the given stacks with terraform, dependants first")
    _add_common(destroy, many=True)
    _add_terraform_inputs(destroy)
    _add_run_options(destroy)
    destroy.set_defaults(func=run_destroy, refresh_only=False)

    diff = commands.add_parser("diff", help="plan the given stack with terraform (what deploy would change)")
    _add_common(diff, many=False)
    _add_terraform_inputs(diff)
    diff.add_argument("--refresh-only", action="store_true", help="plan only a refresh of the state")
    diff.set_defaults(func=run_diff)

    output = commands.add_parser("output", help="print the outputs of the given deployed stacks")
    _add_common(output, many=True)
    _add_outputs_file(output)
    output.set_defaults(func=run_output, var=[], var_file=[], terraform_parallelism=-1, migrate_state=False)
    output.set_defaults(refresh_only=False)


def _manifest(args: argparse.Namespace) -> Manifest:
    """The synthesized app: synthesized now, unless ``--skip-synth``."""
    root = Path(args.project).resolve()
    outdir = (root / args.output).resolve()
    if args.skip_synth:
        return read_manifest(outdir)
    manifest, logged = synthesize(Project.load(root, args.app), outdir)  # stale stack folders removed, as cdktf
    sys.stderr.write(logged)
    return manifest


def _terraform() -> str:
    binary = shutil.which("terraform")
    if binary is None:
        raise ConstructsVpnError(
            "terraform not found on PATH: install Terraform (https://developer.hashicorp.com/terraform/install)"
        )
    return binary


def _options(args: argparse.Namespace) -> Options:
    for value in args.var:
        if "=" not in value:
            raise ConstructsVpnError(f"--var {value.split('=')[0]!r}: give NAME=VALUE")
    parallelism = args.terraform_parallelism if args.terraform_parallelism > 0 else None
    return Options(
        _terraform(), tuple(args.var), tuple(args.var_file), parallelism, args.refresh_only, args.migrate_state
    )


def _stacks(
    manifest: Manifest, names: list[str], options: Options, processes: Processes, color: bool
) -> dict[str, Stack]:
    """A :class:`Stack` per name: its folder (checked to be in the synthesized folder) and log file there."""
    stacks = {}
    for name in names:
        directory = manifest.folder(name)
        stacks[name] = Stack(name, directory, manifest.folder(name, LOG_FILE), options, processes, color)
    return stacks


def _summary(counts: dict[str, int]) -> str:
    return f"{counts['add']} added, {counts['change']} changed, {counts['destroy']} destroyed"


def _apply(stack: Stack, console: Console, *, destroy: bool, auto_approve: bool) -> bool:
    """Init, plan, (approval), apply: was the plan applied? Raises :class:`StopAllError` when a person stops."""
    console.status(stack.name, f"initializing (log: {stack.log_path})")
    stack.log_path.write_text("", encoding="utf-8")
    stack.init()
    console.status(stack.name, "planning")
    if not stack.plan(destroy=destroy) and not stack.options.refresh_only:
        console.status(stack.name, "done: no changes")
        return True
    counts = stack.changes()
    if not auto_approve:
        console.status(stack.name, "waiting for approval")
        answer = console.approve(stack.name, stack.show())
        if answer == "stop":
            console.status(stack.name, "stopped")
            raise StopAllError()
        if answer == "dismiss":
            console.status(stack.name, "dismissed")
            return False
    total = sum(counts.values())
    console.status(stack.name, f"applying 0/{total}")
    stack.apply(progress(total, lambda text: console.status(stack.name, text)))
    console.status(stack.name, f"done: {_summary(counts)}")
    return True


def _finish(
    action: str,
    outcomes: dict[str, Outcome],
    errors: dict[str, str],
    console: Console,
) -> int:
    for name, outcome in outcomes.items():
        if outcome is Outcome.FAILED:
            console.status(name, f"failed: {errors[name]}")
        elif outcome is Outcome.SKIPPED:
            console.status(name, "not run: a stack it waits for did not finish")
    unfinished = [name for name, outcome in outcomes.items() if outcome is not Outcome.DONE]
    if unfinished:
        print(f"error: some stacks failed to {action}: {', '.join(unfinished)}; see their logs", file=sys.stderr)
        return 1
    return 0


def _lifecycle(args: argparse.Namespace, *, destroy: bool) -> int:
    action = "destroy" if destroy else "deploy"
    manifest = _manifest(args)
    names = select(manifest, args.stacks, action)
    if not args.ignore_missing_stack_dependencies:
        check_included(manifest, names, reverse=destroy)
    options = _options(args)
    processes = Processes()
    stacks = _stacks(manifest, names, options, processes, not args.no_color)
    console = Console(width=max(len(n) for n in names))
    waits_for = (dependants if destroy else dependencies)(manifest, names)
    collected: dict[str, dict[str, Any]] = {}

    def work(name: str) -> None:
        stack = stacks[name]
        _apply(stack, console, destroy=destroy, auto_approve=args.auto_approve)
        if not destroy and args.outputs_file:
            collected[name] = outputs_file.by_construct(manifest.document(name), stack.outputs())

    try:
        outcomes, errors = run_stacks(waits_for, work, parallelism=args.parallelism, on_interrupt=processes.interrupt)
    except KeyboardInterrupt:
        print("error: interrupted: terraform was stopped and its state left sound", file=sys.stderr)
        return INTERRUPTED
    if not destroy and args.outputs_file:
        merged = {key: value for name in names if name in collected for key, value in collected[name].items()}
        outputs_file.write(
            Path(args.outputs_file), merged, include_sensitive=args.outputs_file_include_sensitive_outputs
        )
    return _finish(action, outcomes, errors, console)


def run_deploy(args: argparse.Namespace) -> int:
    return _lifecycle(args, destroy=False)


def run_destroy(args: argparse.Namespace) -> int:
    return _lifecycle(args, destroy=True)


def run_diff(args: argparse.Namespace) -> int:
    manifest = _manifest(args)
    names = select(manifest, [args.stacks] if args.stacks else [], "diff")
    if len(names) != 1:
        raise ConstructsVpnError(f"diff plans one stack and {args.stacks!r} matches {len(names)}: {', '.join(names)}")
    stack = _stacks(manifest, names, _options(args), Processes(), not args.no_color)[names[0]]
    console = Console(width=len(stack.name))
    console.status(stack.name, f"initializing (log: {stack.log_path})")
    stack.log_path.write_text("", encoding="utf-8")
    stack.init()
    console.status(stack.name, "planning")
    if stack.plan():
        sys.stdout.write(stack.show())
        console.status(stack.name, f"planned: {_summary(stack.changes())}")
    else:
        console.status(stack.name, "no changes")
    return 0


def run_output(args: argparse.Namespace) -> int:
    manifest = _manifest(args)
    names = select(manifest, args.stacks, "output")
    stacks = _stacks(manifest, names, _options(args), Processes(), False)
    merged: dict[str, Any] = {}
    for name in names:
        stack = stacks[name]
        stack.log_path.write_text("", encoding="utf-8")
        stack.init()
        merged.update(outputs_file.by_construct(manifest.document(name), stack.outputs()))
    shown = outputs_file.unpack(merged, include_sensitive=False, mask=outputs_file.MASK)
    print(json.dumps(shown, indent=2, ensure_ascii=False))
    if args.outputs_file:
        outputs_file.write(
            Path(args.outputs_file), merged, include_sensitive=args.outputs_file_include_sensitive_outputs
        )
    return 0
