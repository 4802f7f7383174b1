"""Annotations: info, warnings and errors attached to constructs and reported at synth.

Warnings added with an id (``add_warning_v2``) can be acknowledged on the construct or any scope above it;
strict mode (``App(strict=True)`` or context ``constructs-vpn:strict``) turns the rest into errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .construct import Construct

__all__ = ["STRICT_CONTEXT_KEY", "Annotation", "Annotations"]

STRICT_CONTEXT_KEY = "constructs-vpn:strict"
_ACK = "@constructs-vpn/acknowledged"
Level = Literal["info", "warn", "error"]
_LEVELS: dict[str, Level] = {"@cdktf/info": "info", "@cdktf/warn": "warn", "@cdktf/error": "error"}


@dataclass(frozen=True, slots=True)
class Annotation:
    """One reported annotation, as it goes into ``manifest.json``."""

    path: str
    level: Level
    message: str
    id: str = ""

    def to_manifest(self) -> dict[str, str]:
        return {"constructPath": self.path, "level": f"@cdktf/{self.level}", "message": self.message}

    def __str__(self) -> str:
        return f"[{self.level.upper()}] [{self.path}] {self.message}"


class Annotations:
    """``Annotations.of(construct).add_warning_v2("vpn:weak-cipher", "...")``"""

    def __init__(self, scope: Construct) -> None:
        self._scope = scope

    @staticmethod
    def of(scope: Construct) -> Annotations:
        return Annotations(scope)

    def add_info(self, message: str) -> None:
        self._scope.node.add_metadata("@cdktf/info", message)

    def add_warning(self, message: str) -> None:
        self._scope.node.add_metadata("@cdktf/warn", message)

    def add_warning_v2(self, id: str, message: str) -> None:
        """A warning the user can silence with ``acknowledge_warning(id)``; its id is shown with it."""
        self._scope.node.add_metadata("@cdktf/warn", f"{message} [ack: {id}]", id=id)

    def acknowledge_warning(self, id: str, reason: str = "") -> None:
        """Silence warning ``id`` on this construct and everything below it."""
        self._scope.node.add_metadata(_ACK, reason, id=id)

    def add_error(self, message: str) -> None:
        self._scope.node.add_metadata("@cdktf/error", message)


def collect(root: Construct) -> list[Annotation]:
    """Every annotation below ``root`` (inclusive), acknowledged warnings left out, in tree order."""
    found: list[Annotation] = []

    def visit(construct: Construct, acknowledged: frozenset[str]) -> None:
        entries = construct.node._metadata
        if entries:
            acks = {e["id"] for e in entries if e["type"] == _ACK}
            if acks:
                acknowledged = acknowledged | acks
            for entry in entries:
                level = _LEVELS.get(entry["type"])
                if level is None:
                    continue
                ident = entry.get("id", "")
                if level == "warn" and ident and ident in acknowledged:
                    continue
                found.append(Annotation(construct.node.path, level, str(entry["data"]), ident))
        for child in construct.node._children.values():
            visit(child, acknowledged)

    visit(root, frozenset())
    return found
