"""Provider ``ValidateFunc`` kinds as rules: ``StringMatch`` patterns, and kinds with no local rule."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from constructs_vpn.alicloud import DataAlicloudZones, check_stack
from constructs_vpn.codegen._ir import Attribute
from constructs_vpn.codegen._render import Module, _field_lines
from constructs_vpn.codegen.rules import Matches, read_validate_func, rule_from_validate_func
from constructs_vpn.core import App, TerraformStack, ValidationError

ZONES = {"func": "validation.StringMatch", "message": "prefix must be 'ecs.'", "pattern": "^ecs\\..*"}


@given(st.from_regex(r"^ecs\..*"), st.text().filter(lambda v: not v.startswith("ecs.")))
def test_string_match_searches_like_go(matching: str, other: str) -> None:
    rule = rule_from_validate_func(ZONES)
    assert isinstance(rule, Matches)
    assert rule.violation(matching) is None
    found = rule.violation(other)
    assert found is not None and found.rule == "format"
    assert "prefix must be 'ecs.'" in found.message and "^ecs" in found.fix


def test_string_match_source_rebuilds_the_rule() -> None:
    rule = rule_from_validate_func(ZONES)
    assert rule is not None and eval(rule.source(), {"Matches": Matches}) == rule


@pytest.mark.parametrize(
    ("spec", "reason"),
    [
        ({"func": "validation.StringIsValidRegExp"}, "RE2"),
        ({"func": "validation.IsRFC3339Time"}, "validation.IsRFC3339Time (no local rule"),
        ({"func": "validation.StringMatch", "args": ["regexp.MustCompile(...)", "x"]}, "could not read"),
        ({"func": "validation.StringMatch", "pattern": "^[[:alpha:]]+$", "message": ""}, "re reads it otherwise"),
        ({"func": "validation.StringMatch", "pattern": "\\pL", "message": ""}, "re reads it otherwise"),
        ({"func": "validation.Any", "of": [{"func": "validation.StringIsValidRegExp"}]}, "only integer"),
    ],
)
def test_kinds_without_a_local_rule_degrade_with_a_reason(spec: dict[str, Any], reason: str) -> None:
    rule, why = read_validate_func(spec)
    assert rule is None and why is not None and reason in why


def test_an_unchecked_attribute_is_generated_with_a_comment() -> None:
    attribute = Attribute(
        "since", "since", "string", required=False, optional=True, computed=False, description="From when.",
        unchecked=(read_validate_func({"func": "validation.IsRFC3339Time"})[1] or "",),
    )  # fmt: skip
    lines = _field_lines(Module(), attribute, "X")
    assert re.fullmatch(r"    # Checked by terraform plan only: validation\.IsRFC3339Time .*\.", lines[0])
    assert lines[1] == "    since: String | None = None"


def test_bindings_and_check_agree_on_a_pattern() -> None:
    stack = TerraformStack(App(outdir="unused"), "s")
    with pytest.raises(ValidationError) as caught:
        DataAlicloudZones(stack, "z", available_instance_type="g6.large")
    [problem] = caught.value.problems
    assert (problem.field, problem.rule) == ("available_instance_type", "format")
    DataAlicloudZones(stack, "ok", available_instance_type="ecs.g6.large")
    document = stack.to_terraform()
    document["data"]["alicloud_zones"]["ok"]["available_instance_type"] = "g6.large"
    [finding] = check_stack(document)
    assert (finding.path, finding.kind) == ("data.alicloud_zones.ok.available_instance_type", "format")
    assert "prefix must be 'ecs.'" in finding.message
