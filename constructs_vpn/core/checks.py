"""Type checks of what user code passes to the core API: a wrong type is a ``ValidationError`` naming the
construct path, the field, the rule and a fix, never a ``TypeError`` from deep inside synthesis."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from .errors import Problem, ValidationError

__all__ = ["Check", "child_path", "mapping_problems", "raise_problems", "sequence_problems", "type_problem"]

#: ``(field, value, accepted, what is accepted in words)``; a value of None always passes.
Check = tuple[str, Any, Callable[[Any], bool], str]


def child_path(scope: object, id: object) -> str:
    """The path a construct ``id`` in ``scope`` gets, for errors raised before it is created."""
    node = getattr(scope, "node", None)
    parent = node.path if node is not None and isinstance(getattr(node, "path", None), str) else ""
    return f"{parent}/{id}" if parent else str(id)


def type_problem(path: str, field: str, value: Any, expected: str) -> Problem:
    return Problem(
        path,
        f"expected {expected}, got {type(value).__name__}",
        field=field,
        rule="argument-type",
        fix=f"pass {expected}",
    )


def mapping_problems(path: str, field: str, value: Any, *, deep: bool = True) -> list[Problem]:
    """A mapping with string keys (at every level unless ``deep=False``: the constructors check the top level,
    which is cheap, and synthesis finds a nested bad key, then calls this to name its field)."""
    if not isinstance(value, Mapping):
        return [type_problem(path, field, value, "a dict with str keys")]
    if not deep:
        return [] if all(type(key) is str for key in value) else mapping_problems(path, field, dict.fromkeys(value))
    problems: list[Problem] = []
    for key, item in value.items():
        if not isinstance(key, str):
            problems.append(
                Problem(
                    path,
                    f"key {key!r} is a {type(key).__name__}; Terraform argument and map keys are strings",
                    field=field,
                    rule="argument-type",
                    fix=f"use str({key!r}) as the key",
                )
            )
        elif isinstance(item, Mapping):
            problems.extend(mapping_problems(path, f"{field}.{key}", item))
        elif isinstance(item, list | tuple):
            for index, element in enumerate(item):
                if isinstance(element, Mapping):
                    problems.extend(mapping_problems(path, f"{field}.{key}[{index}]", element))
    return problems


def sequence_problems(
    path: str, field: str, value: Any, accepted: Callable[[Any], bool], expected: str
) -> list[Problem]:
    """A list or tuple whose items are all ``accepted`` (a str is not a list of its characters)."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        return [type_problem(path, field, value, f"a list of {expected}")]
    return [type_problem(path, f"{field}[{i}]", item, expected) for i, item in enumerate(value) if not accepted(item)]


def raise_problems(scope: object, id: object, checks: list[Check], extra: list[Problem] | None = None) -> None:
    """Raise one ``ValidationError`` with every failed check, at the path ``id`` gets in ``scope``. The
    problems are made with an empty path and given the real one only on failure (the common case is fast)."""
    problems = list(extra or [])
    for field, value, accepted, expected in checks:
        if value is not None and not accepted(value):
            problems.append(type_problem("", field, value, expected))
    if problems:
        path = child_path(scope, id)
        raise ValidationError(replace(p, path=path) for p in problems)
