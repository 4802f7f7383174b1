"""How synthesis treats Python's cyclic garbage collector.

An app's tree is long-lived by design: everything built before ``synth()`` is kept until it ends. The collector
is tuned for programs whose objects mostly die young, and it walks every tracked object each time their number
has grown by a quarter: seven passes over the whole tree while 10,000 VPN sites are built, a quarter of the
build. So from ``App()`` until its ``synth()`` ends, a collection of the youngest generation waits for 200,000
net allocations instead of 700 (the approach mypy takes for its long-lived trees); cycles are still collected,
in fewer, later passes. Synthesis itself runs with the collector paused: it allocates many small dicts and
lists, none in a cycle.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["building", "synthesis"]

#: Net allocations between collections of the youngest generation while an app is built (CPython's default: 700).
BUILD_THRESHOLD = 200_000
#: The threshold ``building`` replaced, to put back when synthesis ends (empty: nothing was changed).
_replaced: list[int] = []

_P = ParamSpec("_P")
_R = TypeVar("_R")


def building() -> None:
    """Raise the youngest generation's threshold to ``BUILD_THRESHOLD`` (a threshold the program set higher, or
    0, which turns automatic collection off, is left as it is)."""
    first, *rest = gc.get_threshold()
    if 0 < first < BUILD_THRESHOLD:
        if not _replaced:
            _replaced.append(first)
        gc.set_threshold(BUILD_THRESHOLD, *rest)


def _restore() -> None:
    """Put back the threshold ``building`` replaced (unless the program changed it since)."""
    first, *rest = gc.get_threshold()
    if _replaced and first == BUILD_THRESHOLD:
        gc.set_threshold(_replaced[0], *rest)
    _replaced.clear()


def synthesis(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``method`` (a synthesis) with the collector paused, then turn it back on as it was and put back the
    threshold ``building`` replaced: the app is built.

    Synthesis allocates a great many small dicts and lists, none of them in a cycle; each allocation burst
    would otherwise start collector passes over the whole construct tree that free nothing (about a tenth of a
    large synth). Garbage in cycles made meanwhile waits for the next pass after synthesis.
    """

    @functools.wraps(method)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return method(*args, **kwargs)
        finally:
            _restore()
            if enabled:
                gc.enable()

    return run
