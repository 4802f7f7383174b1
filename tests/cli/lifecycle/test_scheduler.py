"""The scheduler: dependency order, at most N stacks at once, a failure stopping only its dependants."""

from __future__ import annotations

import threading
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from constructs_vpn.cli.lifecycle.scheduler import Outcome, StopAllError, run_stacks
from constructs_vpn.core.errors import ConstructsVpnError


def _nothing() -> None:
    """No terraform to interrupt in these tests."""


def test_a_failed_stack_stops_its_dependants_not_unrelated_stacks() -> None:
    graph = {"hub": [], "site": ["hub"], "leaf": ["site"], "other": []}

    def work(name: str) -> None:
        if name == "hub":
            raise ConstructsVpnError("hub: Error: boom")

    outcomes, errors = run_stacks(graph, work, parallelism=None, on_interrupt=_nothing)
    assert outcomes == {"hub": Outcome.FAILED, "site": Outcome.SKIPPED, "leaf": Outcome.SKIPPED, "other": Outcome.DONE}
    assert errors == {"hub": "hub: Error: boom"}


def test_stop_starts_no_further_stack() -> None:
    started: list[str] = []

    def work(name: str) -> None:
        started.append(name)
        if name == "a":
            raise StopAllError()

    outcomes, _ = run_stacks({"a": [], "b": ["a"], "c": []}, work, parallelism=1, on_interrupt=_nothing)
    assert started == ["a"]
    assert outcomes == {"a": Outcome.STOPPED, "b": Outcome.SKIPPED, "c": Outcome.STOPPED}


def test_parallelism_bounds_the_stacks_running_at_once() -> None:
    running, peak, lock = [0], [0], threading.Lock()

    def work(name: str) -> None:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1

    graph: dict[str, list[str]] = {f"s{i}": [] for i in range(6)}
    outcomes, _ = run_stacks(graph, work, parallelism=2, on_interrupt=_nothing)
    assert set(outcomes.values()) == {Outcome.DONE}
    assert peak[0] == 2
    run_stacks(graph, work, parallelism=-1, on_interrupt=_nothing)
    assert peak[0] > 2  # no limit


@st.composite
def _dags(draw: st.DrawFn) -> dict[str, list[str]]:
    """A random dependency graph: each stack depends on some earlier ones (so no cycle)."""
    count = draw(st.integers(1, 7))
    names = [f"s{i}" for i in range(count)]
    return {name: sorted(draw(st.sets(st.sampled_from(names[:i]))) if i else []) for i, name in enumerate(names)}


@settings(max_examples=40, deadline=None)
@given(_dags(), st.integers(-1, 3), st.sets(st.integers(0, 6)))
def test_every_stack_starts_after_its_dependencies_and_only_if_they_succeeded(
    graph: dict[str, list[str]], parallelism: int, failing: set[int]
) -> None:
    finished: list[str] = []
    lock = threading.Lock()

    def work(name: str) -> None:
        with lock:
            assert all(d in finished for d in graph[name]), (name, finished)
        if int(name[1:]) in failing:
            raise ConstructsVpnError(name)
        with lock:
            finished.append(name)

    outcomes, _ = run_stacks(graph, work, parallelism=parallelism, on_interrupt=_nothing)
    for name, outcome in outcomes.items():
        blocked = any(outcomes[d] is not Outcome.DONE for d in graph[name])
        expected = Outcome.SKIPPED if blocked else Outcome.FAILED if int(name[1:]) in failing else Outcome.DONE
        assert outcome is expected, (name, outcomes)
