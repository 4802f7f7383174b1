"""Fixtures for the strongSwan lab: a fresh pair of namespaces and daemons per test, removed even on failure."""

from __future__ import annotations

import contextlib
from collections.abc import Generator, Iterator
from typing import Any

import pytest

from tests.peer.lab import Lab, LabFactory, require_lab

_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()
_LOG_TAIL = 60


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember each phase's outcome, so the lab fixture knows at teardown whether to print the daemon logs."""
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


@pytest.fixture
def make_lab(request: pytest.FixtureRequest) -> Iterator[LabFactory]:
    """Build labs with custom addressing; each is torn down after the test (logs printed if the test failed)."""
    require_lab()
    labs: list[Lab] = []
    with contextlib.ExitStack() as stack:

        def make(**options: Any) -> Lab:
            lab = stack.enter_context(Lab(**options))
            labs.append(lab)
            return lab

        yield make
        reports = request.node.stash.get(_REPORTS, {})
        if any(report.failed for report in reports.values()):
            for lab in labs:
                for peer in lab.peers:
                    tail = "\n".join(peer.log().splitlines()[-_LOG_TAIL:])
                    print(f"----- {peer.name} charon log ({peer.namespace}), last {_LOG_TAIL} lines -----\n{tail}")


@pytest.fixture
def lab(make_lab: LabFactory) -> Lab:
    """A lab with the default addressing: cloud 203.0.113.10 + 10.10.0.0/24, on-prem 198.51.100.20 + 10.20.0.0/24."""
    return make_lab()
