"""Planning and state shaping over schema-described values, the way the SDK does it for the real provider.

Values are plain Python: dicts for objects and block elements, lists for lists, sets and list/set blocks,
``None`` for null and :data:`UNKNOWN` for "known after apply".
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

from ._tf import UNKNOWN
from .schema import BlockSpec, NestedSpec

__all__ = [
    "Problem",
    "check_config",
    "complete",
    "merge_result",
    "plan_create",
    "plan_update",
    "read_state",
    "to_object",
]

Value = dict[str, Any]
#: A configuration problem: attribute path (names and ``(index,)`` steps), summary and detail.
Problem = tuple[list[str | tuple[int]], str, str]


def complete(block: BlockSpec, value: Mapping[str, Any] | None) -> Value:
    """``value`` with every attribute and block of ``block`` present (null, ``[]`` or ``None``)."""
    source = value or {}
    out: Value = {name: source.get(name) for name in block.attributes}
    for name, nested in block.blocks.items():
        raw = source.get(name)
        if nested.nesting == "single":
            out[name] = None if raw is None or raw is UNKNOWN else complete(nested.block, raw)
        elif raw is UNKNOWN:
            out[name] = raw
        else:
            out[name] = [complete(nested.block, element) for element in raw or []]
    return out


def to_object(value: Any) -> Any:
    """A deep copy with :data:`UNKNOWN` turned into ``None`` and ``timeouts`` left out: what the cloud keeps."""
    if value is UNKNOWN:
        return None
    if isinstance(value, dict):
        return {k: to_object(v) for k, v in value.items() if k != "timeouts"}
    if isinstance(value, list):
        return [to_object(v) for v in value]
    return value


def _mark_unknown(block: BlockSpec, value: Mapping[str, Any]) -> Value:
    out: Value = {}
    for name, attr in block.attributes.items():
        current = value.get(name)
        out[name] = UNKNOWN if current is None and attr.computed else current
    for name, nested in block.blocks.items():
        current = value.get(name)
        if current is None or current is UNKNOWN:
            out[name] = current if nested.nesting == "single" or current is UNKNOWN else []
        elif nested.nesting == "single":
            out[name] = _mark_unknown(nested.block, current)
        else:
            out[name] = [_mark_unknown(nested.block, element) for element in current]
    return out


def plan_create(block: BlockSpec, proposed: Mapping[str, Any]) -> Value:
    """The create plan: the provider's defaults where the configuration leaves an attribute out, and computed
    values it leaves out (at any depth) known after apply."""
    return _mark_unknown(block, with_defaults(block, proposed))


def with_defaults(block: BlockSpec, value: Mapping[str, Any]) -> Value:
    """``value`` with each attribute the configuration leaves out (null) set to its ``Default``, as the SDK
    plans it, in nested blocks too."""
    out: Value = dict(value)
    for name, attr in block.attributes.items():
        if attr.default is not None and out.get(name) is None:
            out[name] = attr.default
    for name, nested in block.blocks.items():
        raw = out.get(name)
        if isinstance(raw, dict):
            out[name] = with_defaults(nested.block, raw)
        elif isinstance(raw, list):
            out[name] = [with_defaults(nested.block, e) if isinstance(e, dict) else e for e in raw]
    return out


def plan_update(block: BlockSpec, prior: Value, proposed: Value) -> tuple[Value, list[str]]:
    """The update plan and the top-level names whose change forces a replacement.

    An unchanged object is planned as exactly the prior state, so a second plan shows no changes.
    """
    proposed = with_defaults(block, proposed)
    if proposed == prior:
        return prior, []
    planned = _mark_new_elements(block, prior, proposed)
    return planned, _replace_paths(block, prior, planned)


def _mark_new_elements(block: BlockSpec, prior: Mapping[str, Any], proposed: Mapping[str, Any]) -> Value:
    """Computed values stay as they were, except inside block elements the update adds, which are planned
    like a create. Terraform's proposal carries them over, but not into a set element it cannot correlate
    with a prior one (an Optional+Computed block inside differs); the SDK correlates set elements by their
    hash (their required attributes, see :func:`_match`), and so do we."""
    out: Value = {}
    for name, attr in block.attributes.items():
        value, before = proposed.get(name), prior.get(name)
        out[name] = before if value is None and (attr.computed or _is_zero(attr.type, before)) else value
    for name, nested in block.blocks.items():
        before, after = prior.get(name), proposed.get(name)
        if _keeps_cloud_value(nested, after, before):
            # The SDK's diff of an Optional+Computed block the configuration leaves out: no change.
            out[name] = copy.deepcopy(before)
        elif after is None or after is UNKNOWN:
            out[name] = after if nested.nesting == "single" or after is UNKNOWN else []
        elif nested.nesting == "single":
            out[name] = (
                _mark_unknown(nested.block, after)
                if before is None
                else _mark_new_elements(nested.block, before, after)
            )
        else:
            earlier = before if isinstance(before, list) else []
            used: set[int] = set()
            elements = []
            for index, element in enumerate(after):
                if nested.nesting == "list":
                    match = earlier[index] if index < len(earlier) else None
                else:
                    match = _match(nested, element, earlier, used) or None
                elements.append(
                    _mark_unknown(nested.block, element)
                    if match is None
                    else _mark_new_elements(nested.block, match, element)
                )
            out[name] = elements
    return out


def _is_zero(type_json: Any, value: Any) -> bool:
    """The SDK's zero value of a primitive type, which it does not tell from null: an Optional attribute
    left out of the configuration plans no change while the API reports ``false``, ``0`` or ``""``."""
    if type_json == "bool":
        return value is False
    if type_json == "number":
        return isinstance(value, int | float) and not isinstance(value, bool) and value == 0
    if isinstance(type_json, list):  # lists, sets and maps: empty
        return isinstance(value, list | dict) and not value
    return type_json == "string" and isinstance(value, str) and not value


def _keeps_cloud_value(nested: NestedSpec, ours: Any, theirs: Any) -> bool:
    """An Optional+Computed block the configuration (or plan) leaves empty while the cloud has one: the
    real provider (SDK v1, legacy type system) keeps the cloud's value in plan, state and import alike."""
    return nested.computed and nested.nesting != "single" and not ours and isinstance(theirs, list) and bool(theirs)


def _forces_new(nested: NestedSpec) -> bool:
    return (
        nested.force_new
        or any(a.force_new for a in nested.block.attributes.values())
        or any(_forces_new(n) for n in nested.block.blocks.values())
    )


def _project(block: BlockSpec, value: Any, everything: bool) -> Any:
    """The part of a block value whose change forces a replacement, comparable across set orderings."""
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for name, attr in block.attributes.items():
        if (everything and not attr.computed_only) or attr.force_new:
            out[name] = value.get(name)
    for name, nested in block.blocks.items():
        if everything or _forces_new(nested):
            out[name] = _project_nested(nested, value.get(name), everything or nested.force_new)
    return out


def _project_nested(nested: NestedSpec, value: Any, everything: bool) -> Any:
    if not isinstance(value, list):
        return _project(nested.block, value, everything)
    elements = [_project(nested.block, element, everything) for element in value]
    if nested.nesting == "set":
        return sorted(json.dumps(e, sort_keys=True, default=repr) for e in elements)
    return elements


def _replace_paths(block: BlockSpec, prior: Value, planned: Value) -> list[str]:
    paths = [name for name, a in block.attributes.items() if a.force_new and prior.get(name) != planned.get(name)]
    for name, nested in block.blocks.items():
        if not _forces_new(nested):
            continue
        before = _project_nested(nested, prior.get(name), nested.force_new)
        if before != _project_nested(nested, planned.get(name), nested.force_new):
            paths.append(name)
    return paths


def _match(nested: NestedSpec, planned: Mapping[str, Any], candidates: list[Any], used: set[int]) -> Any:
    """The cloud's element of a set block for a planned element: same required (key) attributes."""
    keys = [n for n, a in nested.block.attributes.items() if a.required and planned.get(n) is not UNKNOWN]
    for index, candidate in enumerate(candidates):
        if index not in used and isinstance(candidate, dict) and all(candidate.get(k) == planned.get(k) for k in keys):
            used.add(index)
            return candidate
    return {}


def merge_result(block: BlockSpec, planned: Mapping[str, Any], cloud: Mapping[str, Any]) -> Value:
    """The state after apply: the plan, with each value that was unknown taken from the cloud's object.

    Known planned values are kept as they are, as Terraform requires; a cloud that differs from them shows
    up at the next refresh, as drift.
    """
    out: Value = {}
    for name, attr in block.attributes.items():
        value, theirs = planned.get(name), cloud.get(name)
        # Unknown: what the API returned. Null and the API's zero value: that value, as the SDK's Read after
        # Create stores it (and as an import reads it), which the legacy type system lets Terraform accept.
        if value is UNKNOWN or (value is None and _is_zero(attr.type, theirs)):
            value = copy.deepcopy(theirs)
        out[name] = value
    for name, nested in block.blocks.items():
        value, theirs = planned.get(name), cloud.get(name)
        if _keeps_cloud_value(nested, value, theirs):
            out[name] = _complete_list(nested, theirs)
        elif nested.nesting == "single" or value is None:
            out[name] = value
        elif nested.nesting == "list":
            theirs = theirs if isinstance(theirs, list) else []
            out[name] = [
                merge_result(nested.block, element, theirs[i] if i < len(theirs) else {})
                for i, element in enumerate(value)
            ]
        else:
            used: set[int] = set()
            candidates = theirs if isinstance(theirs, list) else []
            out[name] = [
                merge_result(nested.block, element, _match(nested, element, candidates, used)) for element in value
            ]
    return out


def _complete_list(nested: NestedSpec, elements: Any) -> list[Value]:
    return [complete(nested.block, copy.deepcopy(element)) for element in elements]


def read_state(block: BlockSpec, cloud: Mapping[str, Any], current: Mapping[str, Any] | None) -> Value:
    """The refreshed state: the cloud's object, Optional+Computed blocks included (the provider's Read sets
    every block from the API), with what only Terraform knows (``timeouts``) kept."""
    state = complete(block, copy.deepcopy(dict(cloud)))
    for name, nested in block.blocks.items():
        if nested.nesting == "single":
            state[name] = copy.deepcopy(current.get(name)) if current else None
    return state


def check_config(block: BlockSpec, config: Mapping[str, Any] | None) -> list[Problem]:
    """The provider's own validation (enumerations, ranges, ConflictsWith) of a configuration."""
    problems: list[Problem] = []
    _check_block(block, config or {}, [], problems)
    return problems


def _check_block(
    block: BlockSpec,
    config: Mapping[str, Any],
    path: list[str | tuple[int]],
    out: list[Problem],
    anchor: list[str | tuple[int]] | None = None,
) -> None:
    """``anchor``: inside a set block, whose elements have no index to point at, problems point at the set."""
    for name, attr in block.attributes.items():
        value = config.get(name)
        if value is None or value is UNKNOWN:
            continue
        where = anchor if anchor is not None else [*path, name]
        for check in attr.checks:
            message = check.problem(name, value)
            if message:
                out.append((where, f"Invalid {name}", message))
        for other in attr.conflicts_with:
            if config.get(other) is not None:
                out.append((where, f'"{name}": conflicts with {other}', f"set only one of {name} and {other}"))
    for name, nested in block.blocks.items():
        value = config.get(name)
        if value is None or value is UNKNOWN:
            continue
        if nested.nesting == "single":
            _check_block(nested.block, value, [*path, name], out, anchor)
            continue
        for index, element in enumerate(value):
            if not isinstance(element, dict):
                continue
            if nested.nesting == "set":
                _check_block(nested.block, element, [*path, name], out, anchor if anchor is not None else [*path, name])
            else:
                _check_block(nested.block, element, [*path, name, (index,)], out, anchor)
