"""Stable, unique node ids for diagram languages that accept only ``[A-Za-z0-9_]`` (Mermaid, and DOT's
unquoted ids): ``dual-tunnel/primary-gateway`` becomes ``dual_tunnel_primary_gateway``; and label text that
both languages draw as one line of visible characters."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["Ids", "visible"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_]+")
#: Words Mermaid or DOT read as keywords where an id is expected.
_RESERVED = frozenset({"end", "graph", "subgraph", "flowchart", "style", "class", "classdef", "click", "linkstyle",
                       "direction", "node", "edge", "digraph", "strict"})  # fmt: skip


class Ids:
    """Hands out one id per key; keys that sanitize alike get ``_2``, ``_3``... in the order first asked."""

    def __init__(self) -> None:
        self._ids: dict[str, str] = {}
        self._taken: set[str] = set()

    def of(self, key: str) -> str:
        if key in self._ids:
            return self._ids[key]
        base = _UNSAFE.sub("_", key).strip("_") or "n"
        if not base[0].isalpha() or base.lower() in _RESERVED:
            base = f"n_{base}"
        candidate, count = base, 1
        while candidate in self._taken:
            count += 1
            candidate = f"{base}_{count}"
        self._ids[key] = candidate
        self._taken.add(candidate)
        return candidate


def visible(text: str) -> str:
    """``text`` with each control character (a line break, a tab, NUL...) as a sign that shows it: its Unicode
    control picture (U+2400 to U+2421) for C0 and DEL, U+FFFD for the rest and for the line and paragraph
    separators. A name's line break must not become a second label line, and Graphviz drops or chokes on
    controls."""
    return "".join(_visible_char(char) for char in text)


def _visible_char(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd" if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
