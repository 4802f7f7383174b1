"""Where a ``TerraformDynamicBlock`` may stand: an element's arguments and its single (object) blocks, as cdktf's
``processDynamicAttributes``; inside a list it has no place in Terraform and synthesis fails."""

from __future__ import annotations

import json
from typing import Any

import pytest

from constructs_vpn.core import TerraformIterator, TerraformResource, TerraformStack, Testing, ValidationError
from constructs_vpn.core.dynamic import TerraformDynamicBlock, process_dynamic_attributes


class _Arguments(TerraformResource):
    def __init__(self, stack: TerraformStack, arguments: dict[str, Any]) -> None:
        super().__init__(stack, "r", terraform_resource_type="null_resource")
        self.arguments = arguments

    def _synthesize_attributes(self) -> dict[str, Any]:
        return self.arguments


def _block() -> TerraformDynamicBlock:
    ports = TerraformIterator.from_map({"ssh": 22})
    return TerraformDynamicBlock(ports, {"port": ports.value})


def test_a_dynamic_block_moves_under_dynamic_also_in_a_single_block(stack: TerraformStack) -> None:
    _Arguments(stack, {"name": "x", "rule": _block(), "single": {"ingress": _block(), "a": 1}})
    body = json.loads(Testing.synth(stack))["resource"]["null_resource"]["r"]
    expected = {"content": {"port": "${each.value}"}, "for_each": {"ssh": 22}, "iterator": "each"}
    assert body["dynamic"] == {"rule": expected}
    assert body["single"] == {"a": 1, "dynamic": {"ingress": expected}}
    assert "rule" not in body


def test_a_dynamic_block_in_a_list_fails_synthesis(stack: TerraformStack) -> None:
    _Arguments(stack, {"rules": [_block()]})
    with pytest.raises(ValidationError) as error:
        Testing.synth(stack)
    assert [p.rule for p in error.value.problems] == ["dynamic-block"]


def test_arguments_without_one_are_not_copied_and_given_ones_not_changed() -> None:
    plain = {"name": "x", "single": {"a": 1}, "rules": [{"b": 2}]}
    assert process_dynamic_attributes(plain) is plain
    given = {"dynamic": {"hand": {"content": {}}}, "rule": _block()}
    processed = process_dynamic_attributes(given)
    assert sorted(processed["dynamic"]) == ["hand", "rule"]
    assert given["dynamic"] == {"hand": {"content": {}}}
