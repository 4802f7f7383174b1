"""Express Connect: the account's physical connections (leased lines), the virtual border routers (VBRs) on
them, and a VBR's attachment to a transit router.

A physical connection is a line Alibaba provisions after an order and a site survey, not something a stack
creates, so the emulated account holds some already (:func:`physical_connections`, documented in
docs/test-without-a-cloud-account.md). API rules (CreateVirtualBorderRouter and
ModifyVirtualBorderRouterAttribute, help/en/express-connect/developer-reference): VlanId 0 to 2999, unique on
its physical connection; PeeringSubnetMask a /24 to /30 holding both gateway addresses; MinRxInterval and
MinTxInterval 200 to 1000 ms; DetectMultiplier 3 to 10. A VBR attached to a transit router is not deleted
(CreateTransitRouterVbrAttachment: one attachment per VBR).
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from typing import Any

from ..errors import ApiError, not_found
from .base import Call, DataFamily, Family, default, region_code
from .cen import CEN, TR, TR_VBR_ATTACHMENT, check_unlinked, find_transit_router, hash_id, require_grant, router_in_cen

__all__ = [
    "PhysicalConnections",
    "TransitRouterVbrAttachment",
    "VirtualBorderRouter",
    "check_bfd",
    "check_peering",
    "check_vlan_id",
    "physical_connections",
]

VBR = "alicloud_express_connect_virtual_border_router"
#: The physical connections every emulated account holds in each region, named as the provider's test account
#: names its kept lines (the provider's docs and tests find them with name_regex "^preserved-NODELETING").
PHYSICAL_CONNECTION_NAMES = ("preserved-NODELETING-1", "preserved-NODELETING-2")
VLAN_IDS = range(0, 3000)
BFD_INTERVALS = range(200, 1001)
DETECT_MULTIPLIERS = range(3, 11)


def physical_connections(call: Call) -> list[dict[str, Any]]:
    """The caller's physical connections in the caller's region (fixed: the account holds them, no API
    creates them), as DescribePhysicalConnections lists them."""
    out = []
    for index, name in enumerate(PHYSICAL_CONNECTION_NAMES, start=1):
        digest = hashlib.sha256(f"{call.account}/{call.region}/{name}".encode()).hexdigest()
        out.append(
            {
                "id": f"pc-{region_code(call.region)}{digest[:17]}",
                "access_point_id": f"ap-{call.region}-emulated-{index}",
                "ad_location": "emulated data center",
                "bandwidth": "1000",
                "business_status": "Normal",
                "circuit_code": f"emulated-circuit-{index}",
                "create_time": "2024-01-01T00:00:00Z",
                "description": "",
                "enabled_time": "2024-01-02T00:00:00Z",
                "end_time": "",
                "has_reservation_data": "false",
                "line_operator": "Other",
                "loa_status": "",
                "payment_type": "Prepaid",
                "peer_location": "emulated on-premises site",
                "port_number": str(index),
                "port_type": "1000Base-LX",
                "physical_connection_name": name,
                "redundant_physical_connection_id": "",
                "reservation_active_time": "",
                "reservation_internet_charge_type": "",
                "reservation_order_type": "",
                "spec": "1G",
                "status": "Enabled",
                "type": "VPC",
            }
        )
    for item in out:
        item["physical_connection_id"] = item["id"]
    return out


def check_vlan_id(vlan_id: Any, taken: dict[int, str]) -> None:
    """VlanId from 0 to 2999, not used by another VBR of the same physical connection (``taken``: VLAN id ->
    the VBR using it)."""
    if not isinstance(vlan_id, int) or isinstance(vlan_id, bool) or vlan_id not in VLAN_IDS:
        raise ApiError("InvalidVlanId.Malformed", f"The specified VlanId {vlan_id} is not valid: it must be 0 to 2999.")
    if vlan_id in taken:
        raise ApiError(
            "InvalidVlanId.Used",
            f"The specified VlanId {vlan_id} has been used by {taken[vlan_id]} on this physical connection.",
        )


def check_peering(local_ip: Any, peer_ip: Any, mask: Any) -> None:
    """PeeringSubnetMask from 255.255.255.0 to 255.255.255.252; both gateway addresses in one such subnet and
    not the same address."""
    try:
        prefix = ipaddress.IPv4Network(f"0.0.0.0/{mask}").prefixlen
    except ValueError:
        raise ApiError("InvalidPeeringSubnetMask.Malformed", f"The PeeringSubnetMask {mask!r} is not valid.") from None
    if not 24 <= prefix <= 30:
        raise ApiError(
            "InvalidPeeringSubnetMask.Malformed",
            f"The PeeringSubnetMask {mask} must be from 255.255.255.0 (/24) to 255.255.255.252 (/30).",
        )
    try:
        local, peer = ipaddress.IPv4Address(str(local_ip)), ipaddress.IPv4Address(str(peer_ip))
    except ValueError:
        raise ApiError(
            "InvalidIpAddress.Malformed",
            f"LocalGatewayIp {local_ip!r} or PeerGatewayIp {peer_ip!r} is not an IPv4 address.",
        ) from None
    subnet = ipaddress.IPv4Network(f"{local}/{prefix}", strict=False)
    if local == peer or peer not in subnet or local in (subnet.network_address, subnet.broadcast_address):
        raise ApiError(
            "InvalidIpAddress.NotInSameSubnet",
            f"LocalGatewayIp {local} and PeerGatewayIp {peer} must be two host addresses of one /{prefix} subnet.",
        )


def check_bfd(values: dict[str, Any]) -> None:
    """MinRxInterval and MinTxInterval 200 to 1000 ms, DetectMultiplier 3 to 10, when given."""
    for name, api, allowed in (
        ("min_rx_interval", "MinRxInterval", BFD_INTERVALS),
        ("min_tx_interval", "MinTxInterval", BFD_INTERVALS),
        ("detect_multiplier", "DetectMultiplier", DETECT_MULTIPLIERS),
    ):
        value = values.get(name)
        if value is not None and value not in allowed:
            raise ApiError(
                f"IllegalParam.{api}",
                f"The specified {api} {value} must be from {allowed.start} to {allowed.stop - 1}.",
            )


class PhysicalConnections(DataFamily):
    type_name = "alicloud_express_connect_physical_connections"
    action = "DescribePhysicalConnections"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        # data_source_alicloud_express_connect_physical_connections.go (v1.289.0): name_regex on Name, ids,
        # status; the id is the hash of the ids found.
        pattern = re.compile(config["name_regex"]) if config.get("name_regex") else None
        found = [
            item
            for item in physical_connections(call)
            if (pattern is None or pattern.search(item["physical_connection_name"]))
            and (not config.get("ids") or item["id"] in config["ids"])
            and (not config.get("status") or item["status"] == config["status"])
        ]
        ids = [item["id"] for item in found]
        connections = self.spec.block.attributes["connections"].type[1][1]
        return {
            **config,
            "id": hash_id(ids),
            "ids": ids,
            "names": [item["physical_connection_name"] for item in found],
            "connections": [{key: item.get(key) for key in connections} for item in found],
        }


class VirtualBorderRouter(Family):
    type_name = VBR
    actions = (
        "CreateVirtualBorderRouter",
        "DescribeVirtualBorderRouters",
        "ModifyVirtualBorderRouterAttribute",
        "DeleteVirtualBorderRouter",
    )

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        connection_id = values.get("physical_connection_id")
        if connection_id not in {c["id"] for c in physical_connections(call)}:
            raise not_found("InvalidPhysicalConnectionId.NotFound", "physical connection", connection_id)
        taken = {
            int(other["vlan_id"]): other_id
            for other_id, other in call.where(VBR, physical_connection_id=connection_id)
            if other_id != values.get("id")
        }
        check_vlan_id(values.get("vlan_id"), taken)
        check_peering(values.get("local_gateway_ip"), values.get("peer_gateway_ip"), values.get("peering_subnet_mask"))
        check_bfd(values)

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        self.check(call, planned, None)
        planned.update(route_table_id=call.new_id("vtb-", 21, regional=True), create_time=call.now())
        return self.store(call, call.new_id("vbr-", 21, regional=True), planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        # BFD settings the configuration leaves out stay unset: the API reports 0, which the provider's Read
        # does not store (resource_alicloud_express_connect_virtual_border_router.go, v1.289.0).
        default(
            values,
            bandwidth=1000,
            circuit_code="",
            description="",
            enable_ipv6=False,
            mtu=1500,
            resource_group_id=call.resource_group_id,
            sitelink_enable=False,
            status="active",
            virtual_border_router_name="",
        )

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        for attachment_id, _ in call.where(TR_VBR_ATTACHMENT, vbr_id=id):
            raise ApiError(
                "DependencyViolation.TransitRouterAttachment",
                f"The VBR {id} is attached to a transit router ({attachment_id}); detach it first.",
            )


class TransitRouterVbrAttachment(Family):
    type_name = TR_VBR_ATTACHMENT
    actions = (
        "CreateTransitRouterVbrAttachment",
        "ListTransitRouterVbrAttachments",
        "UpdateTransitRouterVbrAttachmentAttribute",
        "DeleteTransitRouterVbrAttachment",
    )

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        vbr_id = planned.get("vbr_id")
        owner = planned.get("vbr_owner_id") or call.account
        if call.lookup(VBR, vbr_id, account=owner) is None:
            raise ApiError(
                "InvalidVbrId.NotFound", f"The specified VBR {vbr_id} does not exist in account {owner}.", 404
            )
        tr_id, cen_id = planned.get("transit_router_id"), planned.get("cen_id")
        if cen_id:
            call.require(CEN, cen_id, "InvalidCenId.NotFound", "CEN instance")
        found = find_transit_router(call, tr_id) if tr_id else None
        if found is None and not tr_id and cen_id:
            found = next(iter(call.where(TR, cen_id=cen_id, region_id=call.region)), None)
        tr = router_in_cen(found, tr_id, cen_id)
        require_grant(call, "VBR", vbr_id, owner, tr["cen_id"])
        for other, _ in call.where(TR_VBR_ATTACHMENT, vbr_id=vbr_id):
            raise ApiError("Forbidden.AttachmentExists", f"The VBR {vbr_id} is attached already ({other}).")
        attachment_id = call.new_id("tr-attach-", 14)
        planned.update(
            cen_id=tr["cen_id"],
            transit_router_id=tr["transit_router_id"],
            transit_router_attachment_id=attachment_id,
            vbr_owner_id=owner,
            region_id=call.region,
            create_time=call.now(),
        )
        return self.store(call, f"{tr['cen_id']}:{attachment_id}", planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        # auto_publish_route_enabled as for the VPN attachment (see attachments.py); resource_type is planned
        # with the provider's Default "VBR" (values.with_defaults).
        default(
            values,
            auto_publish_route_enabled=False,
            order_type="PayByCenOwner",
            status="Attached",
            transit_router_attachment_description="",
            transit_router_attachment_name="",
        )

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        check_unlinked(call, current["transit_router_attachment_id"])
