"""``iterator.dynamic({...})`` on a list or set of blocks of a generated binding: accepted by the model (and by the
type hints: this file is checked by mypy), written as cdktf writes it (``dynamic "<block>"``; the byte-for-byte
proof against real ``cdktf get`` bindings is tests/get/test_against_cdktf.py), and accepted by the schema check."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from constructs_vpn.alicloud import CenTransitRouterVpnAttachment, VpnGatewayVpnAttachment, check_stack
from constructs_vpn.core import (
    TerraformIterator,
    TerraformOutput,
    TerraformStack,
    TerraformVariable,
    Testing,
    ValidationError,
)


def _synth(stack: TerraformStack) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(Testing.synth(stack))
    return document


def _zones(stack: TerraformStack) -> TerraformIterator:
    return TerraformIterator.from_list(TerraformVariable(stack, "zones", type="list(string)").list_value)


def test_a_dynamic_list_of_blocks_is_a_dynamic_block(stack: TerraformStack) -> None:
    zones = _zones(stack)
    CenTransitRouterVpnAttachment(stack, "tra", vpn_id="vco-1", zone=zones.dynamic({"zone_id": zones.value}))
    body = _synth(stack)["resource"]["alicloud_cen_transit_router_vpn_attachment"]["tra"]
    assert "zone" not in body
    assert body["dynamic"] == {
        "zone": {"content": {"zone_id": "${each.value}"}, "for_each": "${toset(var.zones)}", "iterator": "each"}
    }
    assert check_stack(_synth(stack)) == []


def test_put_and_input_keep_the_dynamic_value(stack: TerraformStack) -> None:
    tunnels = TerraformIterator.from_map({"a": {"cgw": "cgw-a"}})
    value = tunnels.dynamic({"customer_gateway_id": tunnels.get_string("cgw")})
    vpn = VpnGatewayVpnAttachment(stack, "vpn", local_subnet="10.0.0.0/16", remote_subnet="10.1.0.0/16")
    vpn.put_tunnel_options_specification(value)
    assert vpn.tunnel_options_specification_input is value
    dynamic = _synth(stack)["resource"]["alicloud_vpn_gateway_vpn_attachment"]["vpn"]["dynamic"]
    assert dynamic["tunnel_options_specification"] == {
        "content": {"customer_gateway_id": "${each.value.cgw}"},
        "for_each": {"a": {"cgw": "cgw-a"}},
        "iterator": "each",
    }


def test_concrete_lists_are_still_checked(stack: TerraformStack) -> None:
    with pytest.raises(ValidationError) as error:
        CenTransitRouterVpnAttachment(stack, "tra", vpn_id="vco-1", zone=[{"zone": "a"}])
    assert {(p.field, p.rule) for p in error.value.problems} == {
        ("zone[0].zone", "unknown-argument"),
        ("zone[0].zone_id", "required"),
    }


def test_a_token_for_the_whole_list_is_passed_through(stack: TerraformStack) -> None:
    zones = TerraformVariable(stack, "zones", type="any")
    CenTransitRouterVpnAttachment(stack, "tra", vpn_id="vco-1", zone=zones.value)
    assert _synth(stack)["resource"]["alicloud_cen_transit_router_vpn_attachment"]["tra"]["zone"] == "${var.zones}"


def test_a_dynamic_value_outside_a_block_argument_is_a_for_expression(stack: TerraformStack) -> None:
    """Only block arguments become ``dynamic`` blocks; an output (as any non-block value) gets a for expression."""
    zones = _zones(stack)
    TerraformOutput(stack, "o", value=zones.dynamic({"zone_id": zones.value}))
    assert _synth(stack)["output"]["o"]["value"] == '${[ for key, val in toset(var.zones): {"zone_id" = val}]}'


@given(names=st.lists(st.sampled_from(["zone_id", "zone", "vpn_id", "zone_ids"]), min_size=1, max_size=3, unique=True))
def test_the_check_judges_the_content_as_one_block(names: list[str]) -> None:
    document = {
        "resource": {
            "alicloud_cen_transit_router_vpn_attachment": {
                "tra": {
                    "vpn_id": "vco-1",
                    "dynamic": {
                        "zone": {"for_each": "${var.z}", "iterator": "each", "content": dict.fromkeys(names, "x")}
                    },
                }
            }
        }
    }
    unknown = {f.path.rsplit(".", 1)[-1] for f in check_stack(document) if f.kind == "unknown-attribute"}
    assert unknown == set(names) - {"zone_id"}


def test_the_check_rejects_a_dynamic_block_the_schema_lacks() -> None:
    body = {"vpn_id": "vco-1", "dynamic": {"zones": {"for_each": "${var.z}", "iterator": "each", "content": {}}}}
    findings = check_stack({"resource": {"alicloud_cen_transit_router_vpn_attachment": {"tra": body}}})
    assert [(f.kind, f.message) for f in findings] == [
        ("unknown-attribute", "'zones' is not a block here; did you mean 'zone'?")
    ]
