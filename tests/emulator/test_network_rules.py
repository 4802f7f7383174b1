"""The network families' API rules without Terraform: default VPC and vSwitches, the provider's refusal to
enable IPv6 without a mask, resource groups, VPC grants."""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.emulator.harness import require_emulator

require_emulator()

from constructs_vpn.emulator.errors import ApiError, ProviderError  # noqa: E402
from constructs_vpn.emulator.families import DATA_SOURCES, RESOURCES, Call  # noqa: E402
from constructs_vpn.emulator.families.network import RESOURCE_GROUP, region_zone_ids  # noqa: E402
from constructs_vpn.emulator.store import Cloud  # noqa: E402
from constructs_vpn.emulator.values import complete, to_object  # noqa: E402

ACCOUNT = "1234567890123456"
REGION = "cn-hangzhou"
ZONES = region_zone_ids(REGION)


def create(call: Call, type_name: str, config: dict[str, Any]) -> str:
    """Create an object through its family, as ``terraform apply`` of ``config`` would; its id."""
    family = RESOURCES[type_name]
    created: str = family.create(call, to_object(complete(family.spec.block, config)))["id"]
    return created


def new_call(account: str = ACCOUNT, region: str = REGION, cloud: Cloud | None = None) -> Call:
    return Call(cloud or Cloud.empty(), account, region)


def vswitch(call: Call, id: str) -> dict[str, Any]:
    found = RESOURCES["alicloud_vswitch"].read(call, id)
    assert found is not None
    return found


def refusal(call: Call, type_name: str, config: dict[str, Any]) -> ApiError:
    """The API error creating ``config`` raises."""
    with pytest.raises(ApiError) as refused:
        create(call, type_name, config)
    return refused.value


# --- default VPC and vSwitches --------------------------------------------------------------------------


def test_a_region_holds_one_default_vpc_a_16() -> None:
    call = new_call()
    vpc = RESOURCES["alicloud_vpc"].read(call, create(call, "alicloud_vpc", {"is_default": True}))
    assert vpc is not None and vpc["is_default"] is True and vpc["cidr_block"] == "172.31.0.0/16"
    assert refusal(call, "alicloud_vpc", {"is_default": True}).code == "Forbidden.DefaultVpcExists"
    create(call, "alicloud_vpc", {"cidr_block": "10.0.0.0/16"})  # a custom VPC is not limited
    create(new_call("999", cloud=call.cloud), "alicloud_vpc", {"is_default": True})  # another account
    create(new_call(region="cn-shanghai", cloud=call.cloud), "alicloud_vpc", {"is_default": True})


def test_a_default_vswitch_needs_the_default_vpc() -> None:
    call = new_call()
    create(call, "alicloud_vpc", {"cidr_block": "172.16.0.0/12"})
    refused = refusal(call, "alicloud_vswitch", {"is_default": True, "zone_id": ZONES[0]})
    assert refused.code == "InvalidDefaultVpc.NotFound" and "is_default = true" in refused.message


def test_default_vswitches_take_the_next_free_20_one_per_zone() -> None:
    call = new_call()
    vpc = create(call, "alicloud_vpc", {"is_default": True})
    custom = create(call, "alicloud_vswitch", {"vpc_id": vpc, "cidr_block": "172.31.0.0/24", "zone_id": ZONES[0]})
    first = vswitch(call, create(call, "alicloud_vswitch", {"is_default": True, "zone_id": ZONES[1]}))
    second = vswitch(call, create(call, "alicloud_vswitch", {"is_default": True, "availability_zone": ZONES[2]}))
    assert (first["vpc_id"], first["cidr_block"], first["is_default"]) == (vpc, "172.31.16.0/20", True)
    assert (second["cidr_block"], second["zone_id"]) == ("172.31.32.0/20", ZONES[2])
    refused = refusal(call, "alicloud_vswitch", {"is_default": True, "zone_id": ZONES[1]})
    assert refused.code == "Forbidden.DefaultVSwitchExists"
    assert vswitch(call, custom)["is_default"] is False


@given(st.lists(st.sampled_from(ZONES), unique=True, min_size=1))
def test_default_vswitches_never_overlap_and_stay_in_the_default_vpc(zones: list[str]) -> None:
    call = new_call()
    create(call, "alicloud_vpc", {"is_default": True})
    ids = [create(call, "alicloud_vswitch", {"is_default": True, "zone_id": zone}) for zone in zones]
    blocks = [ipaddress.IPv4Network(vswitch(call, id)["cidr_block"]) for id in ids]
    assert all(b.prefixlen == 20 and b.subnet_of(ipaddress.IPv4Network("172.31.0.0/16")) for b in blocks)
    assert not any(a.overlaps(b) for i, a in enumerate(blocks) for b in blocks[i + 1 :])


# --- IPv6 on an existing vSwitch ------------------------------------------------------------------------


def _ipv6_vswitch(call: Call, **extra: Any) -> str:
    vpc = create(call, "alicloud_vpc", {"cidr_block": "172.16.0.0/12", "enable_ipv6": True})
    return create(
        call, "alicloud_vswitch", {"vpc_id": vpc, "cidr_block": "172.16.0.0/24", "zone_id": ZONES[0], **extra}
    )


@given(
    before=st.booleans(),
    after=st.booleans(),
    mask=st.one_of(st.none(), st.integers(0, 255)),
)
def test_enabling_ipv6_without_a_configured_mask_is_refused_by_the_provider(
    before: bool, after: bool, mask: int | None
) -> None:
    """resource_alicloud_vswitch.go, Update: refused when IPv6 ends up enabled, something IPv6 changed, and the
    configuration sets no mask (the plan then carries the state's mask)."""
    call = new_call()
    id = _ipv6_vswitch(call, enable_ipv6=before, ipv6_cidr_block_mask=4 if before else None)
    current = vswitch(call, id)
    planned = {
        **current,
        "enable_ipv6": after,
        "ipv6_cidr_block_mask": current["ipv6_cidr_block_mask"] if mask is None else mask,
    }
    refused = after and mask is None and not before
    family = RESOURCES["alicloud_vswitch"]
    applying = Call(call.cloud, ACCOUNT, REGION, {"enable_ipv6": after, "ipv6_cidr_block_mask": mask})
    if refused:
        with pytest.raises(ProviderError, match="`ipv6_cidr_block_mask` is required when enabling"):
            family.update(applying, id, planned)
    else:
        assert family.update(applying, id, planned)["enable_ipv6"] is after


def test_the_ipv6_refusal_reads_the_configuration_only_while_applying() -> None:
    call = new_call()
    id = _ipv6_vswitch(call)
    planned = {**vswitch(call, id), "enable_ipv6": True}
    with pytest.raises(ProviderError) as refused:
        RESOURCES["alicloud_vswitch"].update(
            Call(call.cloud, ACCOUNT, REGION, {"ipv6_cidr_block_mask": None}), id, planned
        )
    # Terraform shows the provider's own message, with no API error code or request id.
    assert refused.value.summary("ModifyVSwitchAttribute").startswith("`ipv6_cidr_block_mask` is required")
    assert "RequestId" not in refused.value.detail()
    assert RESOURCES["alicloud_vswitch"].update(call, id, planned)["enable_ipv6"] is True  # no configuration


# --- resource groups and grants -------------------------------------------------------------------------


def test_resource_groups_list_the_default_then_the_accounts_others() -> None:
    call = new_call()
    groups = DATA_SOURCES["alicloud_resource_manager_resource_groups"]
    assert groups.read(call, {})["ids"] == [call.resource_group_id]
    extra = {"resource_group_name": "team", "status": "OK"}
    call.put(RESOURCE_GROUP, "rg-aek2zzzz", {**extra, "account_id": ACCOUNT})
    call.put(RESOURCE_GROUP, "rg-aek2other", {**extra, "account_id": "999"}, account="999")
    listed = groups.read(call, {})
    assert listed["ids"] == [call.resource_group_id, "rg-aek2zzzz"] and listed["names"] == ["default", "team"]
    assert groups.read(call, {"name_regex": "^team$"})["ids"] == ["rg-aek2zzzz"]


def test_a_vpc_can_be_granted_to_a_cen_instance() -> None:
    call = new_call()
    cen = create(call, "alicloud_cen_instance", {"cen_instance_name": "c"})
    vpc = create(call, "alicloud_vpc", {"cidr_block": "10.0.0.0/16"})
    grant = {"cen_id": cen, "cen_owner_id": ACCOUNT, "instance_type": "VPC", "instance_id": vpc}
    type_name = "alicloud_cen_transit_router_grant_attachment"
    assert create(call, type_name, grant) == f"VPC:{vpc}:{ACCOUNT}:{cen}"
    assert refusal(call, type_name, {**grant, "instance_id": "vpc-missing"}).code == "InvalidInstanceId.NotFound"
    assert refusal(call, type_name, {**grant, "instance_type": "CCN"}).code == "IllegalParam.InstanceType"
