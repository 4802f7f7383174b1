"""Property tests: the generated models and ``check_stack`` agree on random valid and invalid blocks.

Arguments are drawn from the schema (through the generator's IR). The same arguments go to the generated class
and, unvalidated, to a plain ``TerraformResource`` whose synthesized JSON ``check_stack`` reads. A valid draw
must pass both; a draw with one mutation must fail both, at the same attribute path and with the same kind.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn.alicloud import check_stack
from constructs_vpn.codegen._ir import Attribute, Body, Element
from constructs_vpn.codegen.rules import CidrNetwork, IntIn, LenBetween, Matches, OneOf, is_template
from constructs_vpn.core import (
    App,
    TerraformDataSource,
    TerraformProvider,
    TerraformResource,
    TerraformStack,
    ValidationError,
)
from constructs_vpn.core.tokens import RawExpression

from ._values import ELEMENTS, binding

RULE_TO_KIND = {
    "type": "wrong-type",
    "enum": "enum",
    "range": "range",
    "format": "format",
    "required": "missing-required",
    "unknown-argument": "unknown-attribute",
    "computed-only": "computed-only",
    "max-items": "too-many-blocks",
    "min-items": "too-few-blocks",
    "conflicts-with": "conflict",
}
CIDRS = ["10.0.0.0/8", "192.168.1.0/24", "172.16.0.0/12", "0.0.0.0/0", "2001:db8::/32"]
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

tokens = st.sampled_from(["var.a", "var.b", "local.x"]).flatmap(
    lambda text: st.sampled_from([RawExpression(text), str(RawExpression(text))])
)
texts = st.text(max_size=6)


def _arguments(body: Body, *, top: bool) -> list[Attribute]:
    return [a for a in body.attributes if a.settable and not a.deprecated and not (top and a.name == "id")]


def valid_value(attribute: Attribute) -> st.SearchStrategy[Any]:
    rule, kind = attribute.rule, attribute.type
    base: st.SearchStrategy[Any]
    if isinstance(rule, OneOf):
        base = st.sampled_from(rule.values)
        if rule.ignore_case:
            base = base.flatmap(lambda v: st.sampled_from([v, v.upper(), v.lower()]))
    elif isinstance(rule, IntIn):
        options = [st.integers(low, high) for low, high in rule.ranges]
        if rule.values:
            options.append(st.sampled_from(rule.values))
        base = st.one_of(options)
    elif isinstance(rule, LenBetween):
        base = st.text(min_size=rule.low, max_size=min(rule.high, rule.low + 6))
    elif isinstance(rule, Matches):
        base = st.from_regex(rule.pattern).filter(lambda v: not is_template(v))
    elif kind == "string":
        base = texts
    elif kind == "number":
        base = st.integers(-(10**12), 10**12)
    elif kind == "bool":
        base = st.booleans()
    elif kind[0] == "map":
        base = st.dictionaries(st.text(max_size=4), texts | tokens, max_size=3)
    else:
        item = st.sampled_from(CIDRS) if isinstance(attribute.each, CidrNetwork) else texts
        low = attribute.min_items or 0
        high = min(attribute.max_items if attribute.max_items is not None else 3, low + 3)
        base = st.lists(item | tokens, min_size=low, max_size=high).flatmap(
            lambda items: st.sampled_from([items, tuple(items)])
        )
    return st.one_of(base, base, base, tokens)


def valid_body(body: Body, *, top: bool) -> st.SearchStrategy[dict[str, Any]]:
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for attribute in _arguments(body, top=top):
        (required if attribute.required else optional)[attribute.name] = valid_value(attribute)
    for block in body.blocks:
        child = valid_body(block.body, top=False)
        value = child if block.single else st.lists(child, min_size=block.min_items or 0, max_size=2)
        (required if block.required else optional)[block.name] = value
    return st.fixed_dictionaries(required, optional=optional)


@dataclass
class Target:
    """A place in the drawn arguments that a mutation can break."""

    container: dict[str, Any]
    body: Body
    path: str
    top: bool


def _targets(body: Body, values: dict[str, Any], path: str, *, top: bool) -> list[Target]:
    found = [Target(values, body, path, top)]
    for block in body.blocks:
        value = values.get(block.name)
        if isinstance(value, dict):
            found.extend(_targets(block.body, value, f"{path}{block.name}.", top=False))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                found.extend(_targets(block.body, item, f"{path}{block.name}[{index}].", top=False))
    return found


WRONG = {
    "string": [1, True, 1.5, ["a"], {"a": "b"}],
    "number": ["1", True, 1.5, [1]],
    "bool": ["true", 1, 0, [True]],
    "list": [1, "not-a-token", {"a": "b"}, True],
    "map": [["a"], "x", 1],
}


def _kind_key(attribute: Attribute) -> str:
    kind = attribute.type
    return kind if isinstance(kind, str) else ("map" if kind[0] == "map" else "list")


def mutate(draw: Callable[..., Any], element: Element, values: dict[str, Any]) -> tuple[set[tuple[str, str]], bool]:
    """Break ``values`` in one place; return the expected (path, kind) findings and whether Python itself
    rejects the call (``TypeError``: unknown, computed-only or missing top-level keyword)."""
    targets = _targets(element.body, values, "", top=True)
    target = draw(st.sampled_from(targets + targets[1:] * 2))  # nested blocks more often than the top level
    container, body, path = target.container, target.body, target.path
    present = [a for a in _arguments(body, top=target.top) if container.get(a.name) is not None]
    computed = [a.name for a in body.attributes if a.computed_only]
    options = ["unknown"]
    if present:
        options += ["wrong-type"] * 3
    if any(isinstance(a.rule, OneOf | IntIn | LenBetween | Matches) for a in present):
        options += ["value"] * 4
    if any(a.min_items is not None or a.max_items is not None or a.each is not None for a in present):
        options += ["items"] * 3
    if any(isinstance(container.get(a.name), list | tuple) and container[a.name] for a in present):
        options += ["item-type"] * 2
    if computed:
        options += ["computed"] * 2
    if any(a.required for a in present):
        options += ["missing"] * 2
    if target.top and any(a.conflicts for a in body.attributes):
        options += ["conflict"] * 3
    choice = draw(st.sampled_from(options))
    if choice == "unknown":
        container["zz_unknown"] = "x"
        return {(f"{path}zz_unknown", "unknown-attribute")}, target.top
    if choice == "computed":
        name = draw(st.sampled_from(computed))
        container[name] = "x"
        return {(f"{path}{name}", "computed-only")}, target.top
    if choice == "missing":
        attribute = draw(st.sampled_from([a for a in present if a.required]))
        if target.top:
            container[attribute.name] = None  # an explicit None: the keyword is given but unset
        else:
            del container[attribute.name]
        return {(f"{path}{attribute.name}", "missing-required")}, False
    if choice == "conflict":
        attribute = next(a for a in body.attributes if a.conflicts)
        other = next(a for a in body.attributes if a.name == attribute.conflicts[0])
        container[attribute.name] = draw(valid_value(attribute))
        container[other.name] = draw(valid_value(other))
        return {(f"{path}{max(attribute.name, other.name)}", "conflict")}, False
    if choice == "wrong-type":
        attribute = draw(st.sampled_from(present))
        container[attribute.name] = draw(st.sampled_from(WRONG[_kind_key(attribute)]))
        return {(f"{path}{attribute.name}", "wrong-type")}, False
    if choice == "item-type":
        lists = [a for a in present if isinstance(container[a.name], list | tuple) and container[a.name]]
        attribute = draw(st.sampled_from(lists))
        items = list(container[attribute.name])
        index = draw(st.integers(0, len(items) - 1))
        items[index] = draw(st.sampled_from([1, True, ["x"]]))
        container[attribute.name] = items
        return {(f"{path}{attribute.name}[{index}]", "wrong-type")}, False
    if choice == "items":
        attribute = draw(
            st.sampled_from(
                [a for a in present if a.min_items is not None or a.max_items is not None or a.each is not None]
            )
        )
        if attribute.each is not None and draw(st.booleans()):
            container[attribute.name] = ["10.0.0.0/8", "10.0.0.1/8"]
            return {(f"{path}{attribute.name}[1]", "format")}, False
        if attribute.max_items is not None:
            container[attribute.name] = ["10.0.0.0/8"] * (attribute.max_items + 1)
        else:
            container[attribute.name] = []
        return {(f"{path}{attribute.name}", "range")}, False
    attribute = draw(st.sampled_from([a for a in present if isinstance(a.rule, OneOf | IntIn | LenBetween | Matches)]))
    rule = attribute.rule
    if isinstance(rule, Matches):
        container[attribute.name] = draw(texts.filter(lambda v: rule.violation(v) is not None))
        return {(f"{path}{attribute.name}", "format")}, False
    if isinstance(rule, OneOf):
        container[attribute.name] = "zz-not-allowed"
        return {(f"{path}{attribute.name}", "enum")}, False
    if isinstance(rule, IntIn):
        highest = max([high for _, high in rule.ranges] + list(rule.values))
        container[attribute.name] = highest + draw(st.integers(1, 1000))
        return {(f"{path}{attribute.name}", "range" if rule.ranges else "enum")}, False
    assert isinstance(rule, LenBetween)
    container[attribute.name] = "x" * (rule.low - 1 if rule.low > 0 else rule.high + 1)
    return {(f"{path}{attribute.name}", "range")}, False


# --- the two judges --------------------------------------------------------------------------------------------
def model_verdict(element: Element, values: dict[str, Any]) -> set[tuple[str, str]] | str:
    stack = TerraformStack(App(outdir="unused"), "s")
    try:
        binding(element)(stack, "x", **copy.deepcopy(values))
    except ValidationError as error:
        return {(p.field, RULE_TO_KIND[p.rule]) for p in error.problems}
    except TypeError:
        return "TypeError"
    return set()


def check_verdict(element: Element, values: dict[str, Any]) -> set[tuple[str, str]]:
    stack = TerraformStack(App(outdir="unused"), "s")
    if element.kind == "provider":
        TerraformProvider(stack, "x", terraform_resource_type="alicloud", attributes=values)
        prefix = "provider.alicloud[0]."
    elif element.kind == "data":
        TerraformDataSource(stack, "x", terraform_resource_type=element.tf_type, attributes=values)
        prefix = f"data.{element.tf_type}.x."
    else:
        TerraformResource(stack, "x", terraform_resource_type=element.tf_type, attributes=values)
        prefix = f"resource.{element.tf_type}.x."
    findings = check_stack(stack.to_terraform())
    assert all(f.path.startswith(prefix) for f in findings), findings
    return {(f.path.removeprefix(prefix), f.kind) for f in findings}


elements = st.sampled_from(ELEMENTS)


@SETTINGS
@given(st.data())
def test_valid_arguments_pass_both(data: st.DataObject) -> None:
    element = data.draw(elements, label="element")
    values = data.draw(valid_body(element.body, top=True), label="arguments")
    assert model_verdict(element, values) == set()
    assert check_verdict(element, values) == set()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_broken_argument_fails_both_at_the_same_path(data: st.DataObject) -> None:
    element = data.draw(elements, label="element")
    values = data.draw(valid_body(element.body, top=True), label="arguments")
    expected, python_rejects = mutate(data.draw, element, values)
    verdict = model_verdict(element, values)
    if python_rejects:
        assert verdict == "TypeError"
    else:
        assert verdict == expected
    assert check_verdict(element, values) == expected


IN_DEPTH = [
    "alicloud_vpn_gateway_vpn_attachment",
    "alicloud_vpn_connection",
    "alicloud_cen_transit_router_vpn_attachment",
    "alicloud_vpn_gateway",
    "alicloud",
]


@pytest.mark.parametrize("tf_type", IN_DEPTH)
def test_key_elements_are_exercised_in_depth(tf_type: str) -> None:
    """The elements that matter most (nested tunnel blocks, item rules, conflicts, the provider) get own runs."""
    element = next(e for e in ELEMENTS if e.tf_type == tf_type)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def run(data: st.DataObject) -> None:
        values = data.draw(valid_body(element.body, top=True), label="arguments")
        if data.draw(st.integers(0, 3), label="break it"):
            expected, python_rejects = mutate(data.draw, element, values)
        else:
            expected, python_rejects = set(), False
        verdict = model_verdict(element, values)
        assert verdict == ("TypeError" if python_rejects else expected)
        assert check_verdict(element, values) == expected

    run()
