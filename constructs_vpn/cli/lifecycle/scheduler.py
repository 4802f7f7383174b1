"""Run stacks in parallel, each once the stacks it waits for are done (cdktf's ``execute``): at most
``parallelism`` at a time (none or a negative number: no limit). A stack that fails, or that a person stops,
stops every stack that waits for it, directly or not; stacks that do not wait for it go on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from ...core.errors import ConstructsVpnError
from .terraform import TerraformInterruptedError


class Outcome(Enum):
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"  # a stack it waits for failed or was stopped
    STOPPED = "stopped"  # a person chose "stop" or pressed Ctrl-C


class StopAllError(Exception):
    """Raised by a stack's work when a person chose to stop: no further stack starts."""


@dataclass
class _State:
    waits_for: dict[str, list[str]]
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    running: set[str] = field(default_factory=set)
    stop: bool = False
    changed: threading.Condition = field(default_factory=threading.Condition)

    def ready(self) -> list[str]:
        """The stacks not started whose every awaited stack is done, in the order given."""
        return [
            name
            for name, awaited in self.waits_for.items()
            if name not in self.outcomes
            and name not in self.running
            and all(self.outcomes.get(a) is Outcome.DONE for a in awaited)
        ]

    def skip_blocked(self) -> None:
        """Mark as skipped each stack that waits (directly or not) for one that did not end done."""
        blocked = True
        while blocked:
            blocked = False
            for name, awaited in self.waits_for.items():
                if name in self.outcomes or name in self.running:
                    continue
                if any(self.outcomes.get(a) not in (None, Outcome.DONE) for a in awaited):
                    self.outcomes[name] = Outcome.SKIPPED
                    blocked = True


def run_stacks(
    waits_for: dict[str, list[str]],
    work: Callable[[str], None],
    *,
    parallelism: int | None,
    on_interrupt: Callable[[], None],
) -> tuple[dict[str, Outcome], dict[str, str]]:
    """Run ``work(name)`` for each stack of ``waits_for`` (name -> the stacks it waits for); each one's outcome
    and, for a failed one, its error. Ctrl-C calls ``on_interrupt`` (which stops the terraform runs), waits
    for the running stacks, then raises :class:`KeyboardInterrupt`."""
    state = _State(dict(waits_for))
    limit = parallelism if parallelism is not None and parallelism > 0 else len(waits_for) or 1

    def worker(name: str) -> None:
        outcome, error = Outcome.DONE, ""
        try:
            work(name)
        except StopAllError:
            outcome = Outcome.STOPPED
        except TerraformInterruptedError:
            outcome = Outcome.STOPPED
        except ConstructsVpnError as failure:
            outcome, error = Outcome.FAILED, str(failure)
        with state.changed:
            state.running.discard(name)
            state.outcomes[name] = outcome
            if error:
                state.errors[name] = error
            if outcome is Outcome.STOPPED:
                state.stop = True
            state.changed.notify_all()

    threads: list[threading.Thread] = []
    try:
        with state.changed:
            while True:
                state.skip_blocked()
                if state.stop:  # nothing new starts; the running stacks end
                    for name in waits_for:
                        if name not in state.running:
                            state.outcomes.setdefault(name, Outcome.STOPPED)
                for name in state.ready()[: max(0, limit - len(state.running))]:
                    state.running.add(name)
                    thread = threading.Thread(target=worker, args=(name,), name=f"stack {name}", daemon=True)
                    threads.append(thread)
                    thread.start()
                if not state.running:
                    break
                state.changed.wait()
    except KeyboardInterrupt:
        on_interrupt()
        for thread in threads:
            thread.join()
        raise
    outcomes = {name: state.outcomes.get(name, Outcome.SKIPPED) for name in waits_for}
    return outcomes, state.errors
