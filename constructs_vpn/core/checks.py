"""Type checks of what user code passes to the core API: a wrong type is a ``ValidationError`` naming the
construct path, the field, the rule and a fix, never a ``TypeError`` from deep inside synthesis."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .errors import Problem, ValidationError

__all__ = ["Check", "child_path", "mapping_problems", "raise_problems", "sequence_problems", "type_problem"]

#: ``(field, value, accepted, what is accepted in words)``; a value of None always passes.
Check = tuple[str, Any, Callable[[Any], bool], str]


def child_path(scope: object, id: object) -> str:
    """The path a construct ``id`` in ``scope`` gets, for errors raised before it is created."""
    from .construct import Construct

    parent = scope.node.path if isinstance(scope, Construct) else ""
    return f"{parent}/{id}" if parent else str(id)


def type_problem(path: str, field: str, value: Any, expected: str) -> Problem:
    return Problem(
        path,
        f"expected {expected}, got {type(value).__name__}",
        field=field,
        rule="argument-type",
        fix=f"pass {expected}",
    )


def mapping_problems(path: str, field: str, value: Any) -> list[Problem]:
    """A mapping with string keys at every level (Terraform arguments and blocks)."""
    if not isinstance(value, Mapping):
        return [type_problem(path, field, value, "a dict with str keys")]
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


def raise_problems(path: str, checks: list[Check], extra: list[Problem] | None = None) -> None:
    """Raise one ``ValidationError`` with every failed check."""
    problems = list(extra or [])
    for field, value, accepted, expected in checks:
        if value is not None and not accepted(value):
            problems.append(type_problem(path, field, value, expected))
    if problems:
        raise ValidationError(problems)
