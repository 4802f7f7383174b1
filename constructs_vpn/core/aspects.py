"""Aspects: visitors applied to every construct in a scope just before synthesis."""

from __future__ import annotations

import weakref
from typing import Protocol, runtime_checkable

from .construct import Construct

__all__ = ["Aspects", "IAspect"]

_MAX_ROUNDS = 10
_ASPECT = "@constructs-vpn/aspect"
#: Roots that have aspects anywhere below them, so apps without aspects skip the tree walk.
_ROOTS_WITH_ASPECTS: weakref.WeakSet[Construct] = weakref.WeakSet()


@runtime_checkable
class IAspect(Protocol):
    def visit(self, node: Construct) -> None: ...


class Aspects:
    """``Aspects.of(stack).add(MyAspect())``: ``visit`` is called on the scope and every construct below."""

    def __init__(self, scope: Construct) -> None:
        self._scope = scope

    @staticmethod
    def of(scope: Construct) -> Aspects:
        return Aspects(scope)

    def add(self, aspect: IAspect) -> None:
        self._scope.node.add_metadata(_ASPECT, aspect)
        _ROOTS_WITH_ASPECTS.add(self._scope.node.root)

    @property
    def all(self) -> list[IAspect]:
        return [e["data"] for e in self._scope.node._metadata if e["type"] == _ASPECT]


def invoke_aspects(root: Construct) -> None:
    """Apply every aspect to its scope's subtree, once per construct, including constructs aspects add."""
    if root not in _ROOTS_WITH_ASPECTS:
        return
    done: set[tuple[int, int]] = set()
    for _ in range(_MAX_ROUNDS):
        progressed = False

        def visit(construct: Construct, inherited: list[IAspect]) -> None:
            nonlocal progressed
            aspects = inherited + Aspects(construct).all
            for aspect in aspects:
                key = (id(aspect), id(construct))
                if key not in done:
                    done.add(key)
                    aspect.visit(construct)
                    progressed = True
            for child in list(construct.node._children.values()):
                visit(child, aspects)

        visit(root, [])
        if not progressed:
            return
