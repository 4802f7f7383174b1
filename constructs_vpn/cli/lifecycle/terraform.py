"""One stack's terraform runs: ``init``, ``plan -out``, ``show``, ``apply`` of that plan and ``output -json``, in
the stack's folder, each with an argument list (never a shell). Everything terraform writes goes to the stack's
log file; the command lines logged there show ``-var`` values as ``***`` (a variable may be a pre-shared key).

Terraform is started in a session of its own, so a Ctrl-C at the terminal reaches only constructs-vpn, which
forwards one SIGINT to each running terraform and waits: terraform then stops cleanly and releases its lock
(a second SIGINT would make it quit at once).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...core.errors import ConstructsVpnError

PLAN_FILE = "plan"
#: Terminal colors and styles (ECMA-48 SGR sequences, ``ESC [ ... m``), left out of the first error shown.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: The lines terraform prints as each resource change ends (``apply``'s human output).
_DONE = ("Creation complete", "Modifications complete", "Destruction complete")


@dataclass(frozen=True)
class Options:
    """What every terraform run of a command shares (the command line's flags)."""

    terraform: str
    variables: tuple[str, ...] = ()
    var_files: tuple[str, ...] = ()
    parallelism: int | None = None
    refresh_only: bool = False
    migrate_state: bool = False

    def variable_args(self) -> list[str]:
        """``-var``/``-var-file`` arguments for plan (a saved plan's apply takes none: the plan holds them)."""
        return [f"-var={value}" for value in self.variables] + [f"-var-file={path}" for path in self.var_files]

    def parallelism_args(self) -> list[str]:
        return [f"-parallelism={self.parallelism}"] if self.parallelism is not None else []


@dataclass
class Processes:
    """The terraform processes running now, so that Ctrl-C can interrupt each once and wait for it."""

    running: set[subprocess.Popen[str]] = field(default_factory=set)
    interrupted: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, args: list[str], cwd: Path, *, merge: bool = True) -> subprocess.Popen[str]:
        with self.lock:
            if self.interrupted:
                raise TerraformInterruptedError()
            process = subprocess.Popen(
                args,
                cwd=cwd,
                env={**os.environ, "TF_IN_AUTOMATION": "1", "TF_INPUT": "0"},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT if merge else subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            self.running.add(process)
            return process

    def finished(self, process: subprocess.Popen[str]) -> None:
        with self.lock:
            self.running.discard(process)

    def interrupt(self) -> None:
        """SIGINT to each running terraform (once), then wait for all: their state and lock stay sound."""
        with self.lock:
            self.interrupted = True
            running = list(self.running)
        for process in running:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in running:
            process.wait()


class TerraformInterruptedError(Exception):
    """Ctrl-C stopped the command: no new terraform run starts."""


class StackFailedError(ConstructsVpnError):
    """A terraform run of a stack failed; the message is terraform's first error and the log's path."""


def _shown(arg: str) -> str:
    """``arg`` as logged: a ``-var`` value hidden."""
    if arg.startswith("-var="):
        return "-var=" + arg[len("-var=") :].split("=", 1)[0] + "=***"
    return arg


def first_error(text: str) -> str:
    """Terraform's first ``Error: ...`` line (its diagnostics' summary), else the last line it wrote."""
    lines = [line.strip().strip("│╷╵").strip() for line in _ANSI.sub("", text).splitlines()]
    errors = [line for line in lines if line.startswith("Error: ")]
    if errors:
        return errors[0]
    rest = [line for line in lines if line]
    return rest[-1] if rest else "terraform stopped without a message"


@dataclass
class Stack:
    """One stack's folder, log and terraform runs."""

    name: str
    directory: Path
    log_path: Path
    options: Options
    processes: Processes
    color: bool = False
    last_output: str = ""

    def _args(self, *args: str) -> list[str]:
        return [self.options.terraform, *args] + ([] if self.color else ["-no-color"])

    def run(self, *args: str, on_line: Callable[[str], None] | None = None, ok: tuple[int, ...] = (0,)) -> int:
        """``terraform ARGS`` in the stack's folder, its output appended to the log (and each line given to
        ``on_line``); its exit code. A code outside ``ok`` is a :class:`StackFailedError` with terraform's first
        error and the log's path."""
        command = self._args(*args)
        lines: list[str] = []
        with self.log_path.open("a", encoding="utf-8") as log:
            log.write("$ terraform " + " ".join(_shown(a) for a in command[1:]) + "\n")
            log.flush()
            process = self.processes.start(command, self.directory)
            try:
                assert process.stdout is not None
                for line in process.stdout:
                    log.write(line)
                    lines.append(line)
                    if on_line is not None:
                        on_line(line)
                code = process.wait()
            finally:
                self.processes.finished(process)
            log.write(f"[exit code {code}]\n")
        self.last_output = "".join(lines)
        if code not in ok:
            if self.processes.interrupted:
                raise TerraformInterruptedError()
            raise StackFailedError(f"stack {self.name!r}: {first_error(self.last_output)} (full log: {self.log_path})")
        return code

    def init(self) -> None:
        migrate = ["-migrate-state", "-force-copy"] if self.options.migrate_state else []
        self.run("init", "-input=false", *migrate)

    def plan(self, *, destroy: bool = False) -> bool:
        """Plan into the stack's plan file; were changes planned?"""
        extra = ["-destroy"] if destroy else (["-refresh-only"] if self.options.refresh_only else [])
        options = self.options
        args = ["-input=false", f"-out={PLAN_FILE}", "-detailed-exitcode", *extra, *options.variable_args()]
        return self.run("plan", *args, *options.parallelism_args(), ok=(0, 2)) == 2

    def show(self) -> str:
        """The plan as terraform prints it, for a person to approve."""
        self.run("show", PLAN_FILE)
        return self.last_output

    def changes(self) -> dict[str, int]:
        """The planned resource changes: how many to add, change and destroy (a replacement is one of each)."""
        plan = json.loads(self._quiet("show", "-json", PLAN_FILE))
        counts = {"add": 0, "change": 0, "destroy": 0}
        for change in plan.get("resource_changes", []):
            actions = change["change"]["actions"]
            counts["add"] += "create" in actions
            counts["change"] += "update" in actions
            counts["destroy"] += "delete" in actions
        return counts

    def apply(self, on_line: Callable[[str], None]) -> None:
        self.run("apply", "-input=false", *self.options.parallelism_args(), PLAN_FILE, on_line=on_line)

    def outputs(self) -> dict[str, Any]:
        """``terraform output -json``: each output's ``value``, ``type`` and ``sensitive``."""
        value: dict[str, Any] = json.loads(self._quiet("output", "-json"))
        return value

    def _quiet(self, *args: str) -> str:
        """A run whose output is data (JSON): logged as a note, not its content (it may hold sensitive values)."""
        process = self.processes.start([self.options.terraform, *args], self.directory, merge=False)
        try:
            out, err = process.communicate()
        finally:
            self.processes.finished(process)
        with self.log_path.open("a", encoding="utf-8") as log:
            log.write(f"$ terraform {' '.join(args)}  (its JSON is not logged: it may hold sensitive values)\n{err}")
            log.write(f"[exit code {process.returncode}]\n")
        if process.returncode != 0:
            if self.processes.interrupted:
                raise TerraformInterruptedError()
            raise StackFailedError(f"stack {self.name!r}: {first_error(err)} (full log: {self.log_path})")
        return out


def progress(total: int, report: Callable[[str], None]) -> Callable[[str], None]:
    """A line handler for ``apply`` that reports ``applying N/M`` as each resource change completes."""
    done = [0]

    def on_line(line: str) -> None:
        if any(word in line for word in _DONE):
            done[0] += 1
            report(f"applying {done[0]}/{total}")

    return on_line
