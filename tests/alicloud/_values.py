"""Values built from the generator's view of the schema (the IR), shared by the alicloud tests."""

from __future__ import annotations

from typing import Any

from constructs_vpn import alicloud
from constructs_vpn.alicloud.schema import load_constraints, load_schema
from constructs_vpn.alicloud.schema.patches import PATCHES
from constructs_vpn.alicloud.schema.regenerate import PROVIDER
from constructs_vpn.codegen._ir import Attribute, Block, Body, Element, build
from constructs_vpn.codegen.rules import CidrNetwork, IntIn, LenBetween, Matches, OneOf

ELEMENTS: list[Element] = build(PROVIDER, load_schema(), load_constraints(), PATCHES)
BY_TYPE: dict[str, Element] = {e.tf_type: e for e in ELEMENTS if e.kind != "provider"}


def binding(element: Element) -> Any:
    return getattr(alicloud, element.class_name)


#: A value for each ``StringMatch`` pattern of the vendored schema (a new pattern fails here until given one).
MATCHING = {"^ecs\\..*": "ecs.g6.large"}


def arguments(body: Body, *, top: bool) -> list[Attribute]:
    return [a for a in body.attributes if a.settable and not (top and a.name == "id")]


def minimal_value(attribute: Attribute) -> Any:
    """A valid value for ``attribute`` (the first allowed one where the provider checks values)."""
    rule = attribute.rule
    if isinstance(rule, OneOf):
        return rule.values[0]
    if isinstance(rule, IntIn):
        return rule.values[0] if rule.values else rule.ranges[0][0]
    if isinstance(rule, LenBetween):
        return "x" * rule.low
    if isinstance(rule, Matches):
        return MATCHING[rule.pattern]
    kind = attribute.type
    if kind == "string":
        return "value"
    if kind == "number":
        return 1
    if kind == "bool":
        return True
    if kind[0] == "map":
        return {"key": "value"}
    item = "10.0.0.0/16" if isinstance(attribute.each, CidrNetwork) else "item"
    return [item] * max(attribute.min_items or 1, 1)


def minimal_block(block: Block) -> dict[str, Any]:
    values: dict[str, Any] = {a.name: minimal_value(a) for a in arguments(block.body, top=False) if a.required}
    for nested in block.body.blocks:
        if nested.required:
            child = minimal_block(nested)
            values[nested.name] = child if nested.single else [child] * (nested.min_items or 1)
    return values


def required_kwargs(element: Element) -> dict[str, Any]:
    """Every required argument of ``element`` with a valid value (what the constructor cannot do without)."""
    values: dict[str, Any] = {a.name: minimal_value(a) for a in arguments(element.body, top=True) if a.required}
    for block in element.body.blocks:
        if block.required:
            child = minimal_block(block)
            values[block.name] = child if block.single else [child] * (block.min_items or 1)
    return values


def full_kwargs(element: Element) -> dict[str, Any]:
    """Every argument of ``element`` with a valid value, and one of each block (deprecated arguments left out:
    each conflicts with its replacement)."""
    values: dict[str, Any] = {a.name: minimal_value(a) for a in arguments(element.body, top=True) if not a.deprecated}
    for block in element.body.blocks:
        values[block.name] = _full_block(block)
    return values


def _full_block(block: Block) -> Any:
    child: dict[str, Any] = {a.name: minimal_value(a) for a in arguments(block.body, top=False)}
    for nested in block.body.blocks:
        child[nested.name] = _full_block(nested)
    return child if block.single else [child]
