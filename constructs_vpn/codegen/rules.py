"""Value rules the provider enforces at plan time (its ``ValidateFunc``), shared by the bindings and the check.

A rule judges one concrete value (never a token or a ``${...}`` template: callers skip those) and returns a
``Violation`` or ``None``. The same objects serve as ``Annotated`` metadata on the generated pydantic models
(``Annotated[String, OneOf("ikev1", "ikev2")]``) and as the rules of ``check_stack``, so the two cannot drift.
This module imports neither pydantic nor the generated code: ``check_stack`` stays light.
"""

from __future__ import annotations

import ipaddress
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = [
    "CidrNetwork",
    "IntIn",
    "LenBetween",
    "Matches",
    "OneOf",
    "Rule",
    "Violation",
    "count_violation",
    "is_template",
    "py_str",
    "read_validate_func",
    "rule_from_validate_func",
]

# A Terraform template: ``${`` or ``%{`` not escaped as ``$${`` / ``%%{``.
_TEMPLATE = re.compile(r"(?<!\$)\$\{|(?<!%)%\{")


def is_template(value: str) -> bool:
    """True if ``value``, as written in a ``.tf.json`` file, holds an interpolation or a directive."""
    return ("${" in value or "%{" in value) and _TEMPLATE.search(value) is not None


@dataclass(frozen=True, slots=True)
class Violation:
    """Why a value breaks a rule: ``rule`` is ``enum``, ``range`` or ``format``."""

    rule: str
    message: str
    fix: str


def _show(values: Iterable[object]) -> str:
    return ", ".join(repr(v) for v in values)


def _join_ranges(ranges: tuple[tuple[int, int], ...], values: tuple[int, ...]) -> str:
    parts = [f"{low}-{high}" for low, high in ranges]
    if values:
        parts.append(f"one of {', '.join(str(v) for v in values)}")
    return " or ".join(parts)


def py_str(text: str) -> str:
    """``text`` as a Python string literal in ``ruff format`` style (double quotes unless that adds escapes);
    text with a character ``repr`` escapes (a control, a line separator, a surrogate) is ``repr``'s literal, so no
    text from a schema can end the literal or the line."""
    if not text.isprintable():
        return repr(text)
    body = text.replace("\\", "\\\\")
    if '"' in text and "'" not in text:
        return "'" + body + "'"
    return '"' + body.replace('"', '\\"') + '"'


def _tuple(items: list[str]) -> str:
    return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"


class Rule:
    """Base of the value rules. Subclasses implement ``violation`` and ``source``."""

    __slots__ = ()

    def violation(self, value: object, *, show_value: bool = True) -> Violation | None:
        """The violation of ``value`` (a concrete value of the right type), or ``None``."""
        raise NotImplementedError

    def source(self) -> str:
        """Python source that rebuilds this rule (the generator writes it into the bindings)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return self.source()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rule) and type(other) is type(self) and other.source() == self.source()

    def __hash__(self) -> int:
        return hash(self.source())

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from .runtime import rule_core_schema

        return rule_core_schema(self, source, handler)


class OneOf(Rule):
    """``StringInSlice``: the value must be one of ``values`` (case-insensitively if ``ignore_case``)."""

    __slots__ = ("_folded", "ignore_case", "values")

    def __init__(self, *values: str, ignore_case: bool = False) -> None:
        self.values = values
        self.ignore_case = ignore_case
        self._folded = frozenset(v.lower() for v in values) if ignore_case else frozenset(values)

    def violation(self, value: object, *, show_value: bool = True) -> Violation | None:
        if not isinstance(value, str):
            return None
        if (value.lower() if self.ignore_case else value) in self._folded:
            return None
        got = f"{value!r} is" if show_value else "the value is"
        case = " (case-insensitive)" if self.ignore_case else ""
        return Violation("enum", f"{got} not one of {_show(self.values)}{case}", f"use one of {_show(self.values)}")

    def source(self) -> str:
        args = [py_str(v) for v in self.values]
        if self.ignore_case:
            args.append("ignore_case=True")
        return f"OneOf({', '.join(args)})"


class IntIn(Rule):
    """``IntBetween`` / ``IntInSlice`` / ``validation.Any`` of them: inside a range or one of ``values``."""

    __slots__ = ("ranges", "values")

    def __init__(self, *, ranges: tuple[tuple[int, int], ...] = (), values: tuple[int, ...] = ()) -> None:
        self.ranges = ranges
        self.values = values

    def violation(self, value: object, *, show_value: bool = True) -> Violation | None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return None
        if value in self.values:
            return None
        for low, high in self.ranges:
            if low <= value <= high:
                return None
        allowed = _join_ranges(self.ranges, self.values)
        got = f"{value!r} is" if show_value else "the value is"
        if self.ranges:
            return Violation("range", f"{got} outside {allowed}", f"use a value in {allowed}")
        return Violation("enum", f"{got} not one of {_show(self.values)}", f"use one of {_show(self.values)}")

    def source(self) -> str:
        args = []
        if self.ranges:
            args.append(f"ranges={_tuple([f'({low}, {high})' for low, high in self.ranges])}")
        if self.values:
            args.append(f"values={_tuple([str(v) for v in self.values])}")
        return f"IntIn({', '.join(args)})"


class LenBetween(Rule):
    """``StringLenBetween``: the string has ``low`` to ``high`` characters."""

    __slots__ = ("high", "low")

    def __init__(self, low: int, high: int) -> None:
        self.low = low
        self.high = high

    def violation(self, value: object, *, show_value: bool = True) -> Violation | None:
        if not isinstance(value, str) or self.low <= len(value) <= self.high:
            return None
        return Violation(
            "range",
            f"has {len(value)} characters, outside {self.low}-{self.high}",
            f"use {self.low} to {self.high} characters",
        )

    def source(self) -> str:
        return f"LenBetween({self.low}, {self.high})"


class CidrNetwork(Rule):
    """The provider's ``validateCIDRNetworkAddress``: a network in CIDR notation, host bits clear, canonical."""

    __slots__ = ()

    def violation(self, value: object, *, show_value: bool = True) -> Violation | None:
        if not isinstance(value, str):
            return None
        got = repr(value) if show_value else "the value"
        try:
            network = ipaddress.ip_network(value, strict=False)
        except ValueError:
            return Violation("format", f"{got} is not a CIDR block", "write it as address/prefix, e.g. 10.0.0.0/16")
        if "/" not in value or str(network) != value:
            return Violation("format", f"{got} is not a network address", f"use {str(network)!r}")
        return None

    def source(self) -> str:
        return "CidrNetwork()"


class Matches(Rule):
    """``StringMatch(regexp.MustCompile(pattern), message)``: Go's ``MatchString``, a search anywhere in the
    value. Built only for patterns that Python's ``re`` reads the way RE2 does (a pattern it refuses or warns
    about, such as ``[[:alpha:]]`` or ``\\pL``, raises ``ValueError``). One difference stays: ``$`` also matches
    before a final newline here."""

    __slots__ = ("_compiled", "message", "pattern")

    def __init__(self, pattern: str, message: str = "") -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                self._compiled = re.compile(pattern)
            except (re.error, FutureWarning, DeprecationWarning) as error:
                raise ValueError(f"Python's re reads it otherwise: {error}") from None
        self.pattern = pattern
        self.message = message

    def violation(self, value: object, *, show_value: bool = True) -> Violation | None:
        if not isinstance(value, str) or self._compiled.search(value):
            return None
        got = repr(value) if show_value else "the value"
        why = f" ({self.message})" if self.message else ""
        return Violation(
            "format", f"{got} does not match {self.pattern!r}{why}", f"use a value matching {self.pattern!r}"
        )

    def source(self) -> str:
        args = [py_str(self.pattern)]
        if self.message:
            args.append(py_str(self.message))
        return f"Matches({', '.join(args)})"


def count_violation(count: int, low: int | None, high: int | None, noun: str = "items") -> Violation | None:
    """The item-count rule of a list or set attribute (``MinItems``/``MaxItems``)."""
    if (low is None or count >= low) and (high is None or count <= high):
        return None
    if low is not None and high is not None:
        allowed = f"{low}-{high}"
    elif low is not None:
        allowed = f"at least {low}"
    else:
        allowed = f"at most {high}"
    return Violation("range", f"has {count} {noun}, allowed {allowed}", f"give {allowed} {noun}")


def read_validate_func(spec: Mapping[str, Any] | None) -> tuple[Rule | None, str | None]:
    """The rule for one ``ValidateFunc`` entry of ``constraints.json``, or ``None`` and the reason it is left to
    ``terraform plan`` (``(None, None)`` for no ``ValidateFunc``). A kind with no rule here degrades to that
    rather than stopping generation: a newer provider may use validators no one has mapped yet."""
    if not spec:
        return None, None
    func = str(spec["func"]).removeprefix("validation.")
    if func == "StringInSlice":
        return OneOf(*spec["values"], ignore_case=bool(spec.get("ignore_case"))), None
    if func == "IntBetween":
        low, high = spec["args"]
        return IntIn(ranges=((int(low), int(high)),)), None
    if func == "IntInSlice":
        return IntIn(values=tuple(int(v) for v in spec["values"])), None
    if func == "StringLenBetween":
        low, high = spec["args"]
        return LenBetween(int(low), int(high)), None
    if func == "validateCIDRNetworkAddress":
        return CidrNetwork(), None
    if func == "StringMatch":
        return _matches(spec)
    if func == "Any":
        ranges: list[tuple[int, int]] = []
        values: list[int] = []
        for option in spec["of"]:
            rule, _ = read_validate_func(option)
            if not isinstance(rule, IntIn):
                return None, f"validation.Any of {option.get('func')} (only integer ranges and sets are)"
            ranges.extend(rule.ranges)
            values.extend(rule.values)
        return IntIn(ranges=tuple(ranges), values=tuple(values)), None
    if func == "StringIsValidRegExp":
        return None, "StringIsValidRegExp (Go's RE2 and Python's re accept different patterns)"
    return None, f"{spec['func']} (no local rule for it yet)"


def rule_from_validate_func(spec: Mapping[str, Any] | None) -> Rule | None:
    """The rule for one ``ValidateFunc`` entry, or ``None`` when none is checked here."""
    return read_validate_func(spec)[0]


def _matches(spec: Mapping[str, Any]) -> tuple[Rule | None, str | None]:
    pattern = spec.get("pattern")
    if not isinstance(pattern, str):
        return None, "StringMatch of a pattern the schema tool could not read"
    try:
        return Matches(pattern, str(spec.get("message") or "")), None
    except ValueError as error:
        return None, f"StringMatch {pattern!r} ({error})"
