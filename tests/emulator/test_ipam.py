"""IPAM in the emulator, family by family without Terraform: scopes and operating regions, pool CIDR blocks
(overlaps, sub-pools, public IPv6 by mask), VPC blocks allocated from a pool, and the order of deletion."""

from __future__ import annotations

import ipaddress
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.emulator.harness import require_emulator

require_emulator()

from constructs_vpn.emulator.errors import ApiError  # noqa: E402
from constructs_vpn.emulator.families import RESOURCES, Call  # noqa: E402
from constructs_vpn.emulator.families.ipam import first_free  # noqa: E402
from constructs_vpn.emulator.store import Cloud  # noqa: E402

IPAM = "alicloud_vpc_ipam_ipam"
POOL = "alicloud_vpc_ipam_ipam_pool"
CIDR = "alicloud_vpc_ipam_ipam_pool_cidr"
VPC = "alicloud_vpc"


def refused(code: str) -> pytest.RaisesExc[ApiError]:
    return pytest.raises(ApiError, match=re.escape(code))


def ipam(c: Call) -> dict[str, Any]:
    return RESOURCES[IPAM].create(c, {"operating_region_list": [c.region]})


def pool(c: Call, scope: str, **attributes: Any) -> dict[str, Any]:
    return RESOURCES[POOL].create(c, {"ipam_scope_id": scope, "pool_region_id": c.region, **attributes})


def block(c: Call, pool_id: str, **attributes: Any) -> dict[str, Any]:
    return RESOURCES[CIDR].create(c, {"ipam_pool_id": pool_id, **attributes})


def test_an_ipam_operates_in_its_own_region_and_has_two_scopes() -> None:
    c = Call(Cloud.empty(), "1234567890123456", "cn-hangzhou")
    with refused("IllegalParam.OperatingRegionList"):
        RESOURCES[IPAM].create(c, {"operating_region_list": ["cn-shanghai"]})
    found = ipam(c)
    assert found["private_default_scope_id"] != found["public_default_scope_id"]
    assert found["status"] == "Created" and found["region_id"] == "cn-hangzhou"
    with refused("IllegalParam.PoolRegionId"):
        pool(c, found["private_default_scope_id"], pool_region_id="cn-beijing")
    with refused("InvalidIpamScopeId.NotFound"):
        pool(c, "ipam-scope-unknown")


def test_pool_blocks_do_not_overlap_and_sub_pools_stay_inside() -> None:
    c = Call(Cloud.empty(), "1234567890123456", "cn-hangzhou")
    scope = ipam(c)["private_default_scope_id"]
    top = pool(c, scope)
    assert top["ip_version"] == "IPv4" and top["allocation_max_cidr_mask"] == 28
    first = block(c, top["id"], cidr="10.0.0.0/8")
    assert first["id"] == f"{top['id']}#10.0.0.0/8"
    with refused("InvalidCidr.Overlapped"):
        block(c, top["id"], cidr="10.1.0.0/16")
    with refused("IllegalParam.Cidr"):
        block(c, top["id"], cidr="10.0.0.1/8")
    sub = pool(c, scope, source_ipam_pool_id=top["id"])
    with refused("IllegalParam.Cidr"):
        block(c, sub["id"], cidr="192.168.0.0/16")
    assert block(c, sub["id"], netmask_length=16)["cidr"] == "10.0.0.0/16"
    assert block(c, sub["id"], netmask_length=16)["cidr"] == "10.1.0.0/16"
    with refused("ResourceInUse.IpamPool"):
        RESOURCES[POOL].delete(c, top["id"])


def test_a_public_ipv6_pool_takes_a_block_by_mask_and_a_private_one_does_not() -> None:
    c = Call(Cloud.empty(), "1234567890123456", "cn-hangzhou")
    found = ipam(c)
    public = pool(c, found["public_default_scope_id"], ip_version="IPv6", ipv6_isp="BGP")
    cidr = block(c, public["id"], netmask_length=56)["cidr"]
    assert ipaddress.ip_network(cidr).prefixlen == 56
    assert block(c, public["id"], netmask_length=56)["cidr"] != cidr
    private = pool(c, found["private_default_scope_id"])
    with refused("MissingParam.Cidr"):
        block(c, private["id"], netmask_length=16)


def test_a_vpc_gets_the_first_free_block_of_its_pool_and_holds_it() -> None:
    c = Call(Cloud.empty(), "1234567890123456", "cn-hangzhou")
    top = pool(c, ipam(c)["private_default_scope_id"], allocation_min_cidr_mask=8)
    provisioned = block(c, top["id"], cidr="10.0.0.0/8")
    one = RESOURCES[VPC].create(c, {"ipv4_ipam_pool_id": top["id"], "ipv4_cidr_mask": 12})
    two = RESOURCES[VPC].create(c, {"ipv4_ipam_pool_id": top["id"], "ipv4_cidr_mask": 12})
    assert (one["cidr_block"], two["cidr_block"]) == ("10.0.0.0/12", "10.16.0.0/12")
    with refused("IllegalParam.Ipv4CidrMask"):
        RESOURCES[VPC].create(c, {"ipv4_ipam_pool_id": top["id"], "ipv4_cidr_mask": 29})
    with refused("MissingParam.Ipv4CidrMask"):
        RESOURCES[VPC].create(c, {"ipv4_ipam_pool_id": top["id"]})
    with refused("ResourceInUse.IpamPoolCidr"):
        RESOURCES[CIDR].delete(c, provisioned["id"])
    for vpc in (one, two):
        RESOURCES[VPC].delete(c, vpc["id"])
    RESOURCES[CIDR].delete(c, provisioned["id"])


@given(st.integers(min_value=8, max_value=12), st.integers(min_value=0, max_value=20))
def test_first_free_blocks_are_disjoint_and_inside_until_the_pool_is_full(mask: int, count: int) -> None:
    within = [ipaddress.ip_network("10.0.0.0/8")]
    taken: list[Any] = []
    for index in range(count):
        found = first_free(within, taken, mask)
        if index >= 2 ** (mask - 8):
            assert found is None
            return
        assert found is not None and found.prefixlen == mask and found.subnet_of(within[0])  # type: ignore[arg-type]
        assert not any(found.overlaps(t) for t in taken)
        taken.append(found)
