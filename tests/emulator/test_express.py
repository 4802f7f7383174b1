"""Express Connect in the emulator, family by family without Terraform: the account's physical connections,
the VBR's rules (VLAN id range and uniqueness, peering addresses, BFD ranges) and the VBR attachment's place
between the VBR, the transit router and route tables."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.emulator.harness import require_emulator

require_emulator()

from constructs_vpn.emulator.errors import ApiError  # noqa: E402
from constructs_vpn.emulator.families import DATA_SOURCES, RESOURCES, Call  # noqa: E402
from constructs_vpn.emulator.families.express import check_bfd, check_peering, check_vlan_id  # noqa: E402
from constructs_vpn.emulator.store import Cloud  # noqa: E402

ACCOUNT = "1234567890123456"
VBR = "alicloud_express_connect_virtual_border_router"
ATTACHMENT = "alicloud_cen_transit_router_vbr_attachment"
CONNECTIONS = "alicloud_express_connect_physical_connections"


def refused(code: str) -> pytest.RaisesExc[ApiError]:
    return pytest.raises(ApiError, match=re.escape(code))


def call(account: str = ACCOUNT, region: str = "cn-hangzhou", cloud: Cloud | None = None) -> Call:
    return Call(cloud or Cloud.empty(), account, region)


def line(c: Call, index: int = 0) -> str:
    found = DATA_SOURCES[CONNECTIONS].read(c, {"name_regex": "^preserved-NODELETING"})
    return str(found["ids"][index])


def vbr(c: Call, **attributes: Any) -> dict[str, Any]:
    planned = {
        "physical_connection_id": line(c),
        "vlan_id": 1,
        "local_gateway_ip": "10.0.0.1",
        "peer_gateway_ip": "10.0.0.2",
        "peering_subnet_mask": "255.255.255.252",
        **attributes,
    }
    return RESOURCES[VBR].create(c, planned)


def test_each_account_holds_two_physical_connections_per_region() -> None:
    hangzhou = DATA_SOURCES[CONNECTIONS].read(call(), {})
    assert hangzhou["names"] == ["preserved-NODELETING-1", "preserved-NODELETING-2"]
    assert all(c["status"] == "Enabled" and c["id"].startswith("pc-bp1") for c in hangzhou["connections"])
    assert DATA_SOURCES[CONNECTIONS].read(call(), {})["ids"] == hangzhou["ids"]
    assert set(DATA_SOURCES[CONNECTIONS].read(call(region="cn-shanghai"), {})["ids"]).isdisjoint(hangzhou["ids"])
    assert set(DATA_SOURCES[CONNECTIONS].read(call(account="2" * 16), {})["ids"]).isdisjoint(hangzhou["ids"])
    assert DATA_SOURCES[CONNECTIONS].read(call(), {"name_regex": "-2$"})["names"] == ["preserved-NODELETING-2"]
    assert DATA_SOURCES[CONNECTIONS].read(call(), {"status": "Terminated"})["ids"] == []


@given(st.integers(min_value=-10_000, max_value=10_000))
def test_vlan_ids_from_0_to_2999_are_accepted(vlan_id: int) -> None:
    if 0 <= vlan_id <= 2999:
        check_vlan_id(vlan_id, {})
    else:
        with refused("InvalidVlanId.Malformed"):
            check_vlan_id(vlan_id, {})


@given(st.integers(min_value=0, max_value=2999), st.integers(min_value=0, max_value=2999))
def test_a_vlan_id_is_used_once_per_physical_connection(first: int, second: int) -> None:
    c = call()
    vbr(c, vlan_id=first)
    if first == second:
        with refused("InvalidVlanId.Used"):
            vbr(c, vlan_id=second)
    else:
        vbr(c, vlan_id=second)
    # The other line of the account has its own VLAN ids.
    vbr(c, vlan_id=first, physical_connection_id=line(c, 1))


def test_an_update_keeps_its_own_vlan_id_and_cannot_take_another() -> None:
    c = call()
    first, second = vbr(c, vlan_id=10), vbr(c, vlan_id=11)
    assert RESOURCES[VBR].update(c, first["id"], {**first, "description": "kept"})["vlan_id"] == 10
    with refused("InvalidVlanId.Used"):
        RESOURCES[VBR].update(c, second["id"], {**second, "vlan_id": 10})


@pytest.mark.parametrize(
    ("local", "peer", "mask", "code"),
    [
        ("10.0.0.1", "10.0.0.2", "255.255.255.0", None),
        ("10.0.0.1", "10.0.0.2", "255.255.255.252", None),
        ("10.0.0.1", "10.0.0.2", "255.255.254.0", "InvalidPeeringSubnetMask.Malformed"),
        ("10.0.0.1", "10.0.0.2", "255.255.255.254", "InvalidPeeringSubnetMask.Malformed"),
        ("10.0.0.1", "10.0.0.2", "not-a-mask", "InvalidPeeringSubnetMask.Malformed"),
        ("10.0.0.1", "10.0.0.5", "255.255.255.252", "InvalidIpAddress.NotInSameSubnet"),
        ("10.0.0.1", "10.0.0.1", "255.255.255.252", "InvalidIpAddress.NotInSameSubnet"),
        ("10.0.0.0", "10.0.0.1", "255.255.255.252", "InvalidIpAddress.NotInSameSubnet"),
        ("10.0.0.1", "host", "255.255.255.252", "InvalidIpAddress.Malformed"),
    ],
)
def test_peering_addresses(local: str, peer: str, mask: str, code: str | None) -> None:
    if code is None:
        check_peering(local, peer, mask)
    else:
        with refused(code):
            check_peering(local, peer, mask)


@given(st.integers(min_value=0, max_value=2000), st.integers(min_value=0, max_value=20))
def test_bfd_ranges(interval: int, multiplier: int) -> None:
    values = {"min_rx_interval": interval, "min_tx_interval": interval, "detect_multiplier": multiplier}
    if 200 <= interval <= 1000 and 3 <= multiplier <= 10:
        check_bfd(values)
    else:
        with refused("IllegalParam"):
            check_bfd(values)


def test_a_vbr_needs_a_physical_connection_of_the_caller() -> None:
    with refused("InvalidPhysicalConnectionId.NotFound"):
        vbr(call(), physical_connection_id="pc-bp1unknown")
    other = call(account="2" * 16)
    with refused("InvalidPhysicalConnectionId.NotFound"):
        vbr(call(cloud=other.cloud), physical_connection_id=line(other))


def test_the_vbr_attachment_binds_one_vbr_and_holds_the_order_of_deletion() -> None:
    c = call()
    cen = RESOURCES["alicloud_cen_instance"].create(c, {})
    tr = RESOURCES["alicloud_cen_transit_router"].create(c, {"cen_id": cen["id"]})
    router = vbr(c)
    attachment = RESOURCES[ATTACHMENT].create(c, {"vbr_id": router["id"], "cen_id": cen["id"]})
    assert attachment["id"] == f"{cen['id']}:{attachment['transit_router_attachment_id']}"
    assert attachment["transit_router_id"] == tr["transit_router_id"] and attachment["vbr_owner_id"] == ACCOUNT
    assert attachment["status"] == "Attached" and attachment["auto_publish_route_enabled"] is False
    with refused("Forbidden.AttachmentExists"):
        RESOURCES[ATTACHMENT].create(c, {"vbr_id": router["id"], "transit_router_id": tr["transit_router_id"]})
    table = RESOURCES["alicloud_cen_transit_router_route_table"].create(
        c, {"transit_router_id": tr["transit_router_id"]}
    )
    link = {
        "transit_router_attachment_id": attachment["transit_router_attachment_id"],
        "transit_router_route_table_id": table["transit_router_route_table_id"],
    }
    association = RESOURCES["alicloud_cen_transit_router_route_table_association"].create(c, dict(link))
    propagation = RESOURCES["alicloud_cen_transit_router_route_table_propagation"].create(c, dict(link))
    for type_name, id, code in (
        (VBR, router["id"], "DependencyViolation.TransitRouterAttachment"),
        ("alicloud_cen_transit_router", tr["id"], "TransitRouterHasAttachment"),
        (ATTACHMENT, attachment["id"], "AttachmentHasRouteTable"),
    ):
        with refused(code):
            RESOURCES[type_name].delete(c, id)
    RESOURCES["alicloud_cen_transit_router_route_table_association"].delete(c, association["id"])
    RESOURCES["alicloud_cen_transit_router_route_table_propagation"].delete(c, propagation["id"])
    RESOURCES[ATTACHMENT].delete(c, attachment["id"])
    RESOURCES[VBR].delete(c, router["id"])
    assert c.lookup(VBR, router["id"]) is None


def test_a_vbr_attachment_needs_the_vbr_and_a_transit_router() -> None:
    c = call()
    cen = RESOURCES["alicloud_cen_instance"].create(c, {})
    with refused("InvalidVbrId.NotFound"):
        RESOURCES[ATTACHMENT].create(c, {"vbr_id": "vbr-bp1missing", "cen_id": cen["id"]})
    with refused("InvalidTransitRouterId.NotFound"):
        RESOURCES[ATTACHMENT].create(c, {"vbr_id": vbr(c)["id"], "cen_id": cen["id"]})


def test_a_vbr_is_granted_to_a_cen_instance_and_not_revoked_while_attached() -> None:
    c = call()
    cen = RESOURCES["alicloud_cen_instance"].create(c, {})
    RESOURCES["alicloud_cen_transit_router"].create(c, {"cen_id": cen["id"]})
    router = vbr(c)
    grant = RESOURCES["alicloud_cen_transit_router_grant_attachment"].create(
        c,
        {"instance_type": "ExpressConnect", "instance_id": router["id"], "cen_id": cen["id"], "cen_owner_id": ACCOUNT},
    )
    attachment = RESOURCES[ATTACHMENT].create(c, {"vbr_id": router["id"], "cen_id": cen["id"]})
    with refused("IncorrectStatus.VbrAttached"):
        RESOURCES["alicloud_cen_transit_router_grant_attachment"].delete(c, grant["id"])
    RESOURCES[ATTACHMENT].delete(c, attachment["id"])
    RESOURCES["alicloud_cen_transit_router_grant_attachment"].delete(c, grant["id"])


def test_a_vbr_of_another_account_is_attached_once_granted() -> None:
    owner = call(account="2" * 16)
    c = call(cloud=owner.cloud)
    cen = RESOURCES["alicloud_cen_instance"].create(c, {})
    RESOURCES["alicloud_cen_transit_router"].create(c, {"cen_id": cen["id"]})
    router = vbr(owner)
    planned = {"vbr_id": router["id"], "vbr_owner_id": owner.account, "cen_id": cen["id"]}
    with refused("Forbidden.InstanceNotGranted"):
        RESOURCES[ATTACHMENT].create(c, dict(planned))
    RESOURCES["alicloud_cen_transit_router_grant_attachment"].create(
        owner,
        {"instance_type": "ExpressConnect", "instance_id": router["id"], "cen_id": cen["id"], "cen_owner_id": ACCOUNT},
    )
    assert RESOURCES[ATTACHMENT].create(c, dict(planned))["vbr_owner_id"] == owner.account
