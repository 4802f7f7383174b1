"""The network around the VPN: VPCs, vSwitches, their attachment to a transit router, and the data sources
a platform stack reads (VPCs, vSwitches, zones, resource groups).

API rules (VPC and vSwitch API reference, CreateVpc / CreateVSwitch / CreateTransitRouterVpcAttachment): a
VPC block is a /8 to /28 outside the ranges the cloud reserves; a vSwitch block is a /16 to /29 inside its
VPC's block, overlapping no other vSwitch of that VPC, in a zone of the region; a VPC attachment maps zones
of the transit router to vSwitches of that VPC in those zones. Nothing is deleted while something depends on
it: a VPC with vSwitches or an attachment, a vSwitch an attachment uses, an attachment with route table
associations or propagations.

Default VPC and vSwitches ("Default VPCs and default vSwitches" in the VPC user guide; CreateDefaultVpc,
CreateDefaultVSwitch): an account has at most one default VPC per region, a /16, and at most one default
vSwitch per zone, a /20 of the default VPC; a default vSwitch needs the default VPC to exist. The provider
calls CreateDefaultVpc / CreateDefaultVSwitch when ``is_default`` is true (resource_alicloud_vpc.go,
resource_alicloud_vswitch.go, v1.289.0). The reference gives no error codes for these refusals; the codes
here are the emulator's.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from ..errors import ApiError, ProviderError
from .base import Call, DataFamily, Family, default, listing, matches, objects
from .cen import TR, check_unlinked, find_transit_router, require_grant, router_in_cen, zones
from .ipam import allocate

__all__ = ["ResourceGroups", "TransitRouterVpcAttachment", "VSwitch", "VSwitches", "Vpc", "Vpcs", "Zones"]

VPC = "alicloud_vpc"
VSWITCH = "alicloud_vswitch"
VPN_GATEWAY = "alicloud_vpn_gateway"
TR_VPC_ATTACHMENT = "alicloud_cen_transit_router_vpc_attachment"
#: Resource groups besides the account's default one (``call.resource_group_id``): not a served type, only
#: objects put in the cloud's state (by a test's set-up).
RESOURCE_GROUP = "alicloud_resource_manager_resource_group"
#: What CreateVpc uses when no CidrBlock is given.
DEFAULT_VPC_CIDR = "172.16.0.0/12"
#: The block of a default VPC (a /16, the user guide's example) and the mask of its default vSwitches.
DEFAULT_VPC_BLOCK = "172.31.0.0/16"
DEFAULT_VSWITCH_PREFIX = 20
#: Blocks a VPC may not use (CreateVpc: CidrBlock).
RESERVED_VPC_CIDRS = tuple(
    ipaddress.IPv4Network(c) for c in ("0.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4")
)


def _network(value: Any, code: str, what: str) -> ipaddress.IPv4Network:
    try:
        return ipaddress.IPv4Network(str(value), strict=True)
    except ValueError:
        raise ApiError(code, f"The specified {what} {value!r} is not a valid IPv4 CIDR block.") from None


def region_zone_ids(region: str) -> list[str]:
    """The zones of ``region`` (those a transit router can use, see :func:`zones`)."""
    return zones(region)["available_zones"]


class Vpc(Family):
    type_name = VPC
    actions = ("CreateVpc", "DescribeVpcAttribute", "ModifyVpcAttribute", "DeleteVpc")
    # resource_alicloud_vpc.go (v1.289.0): VpcName from vpc_name or the deprecated name; Read sets both.
    aliases = (("vpc_name", "name"),)

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        cidr = _network(values.get("cidr_block") or DEFAULT_VPC_CIDR, "InvalidCidrBlock.Malformed", "CidrBlock")
        if not 8 <= cidr.prefixlen <= 28:
            raise ApiError("InvalidCidrBlock.Malformed", f"The VPC CidrBlock {cidr} must have a mask from /8 to /28.")
        for reserved in RESERVED_VPC_CIDRS:
            if cidr.overlaps(reserved):
                raise ApiError("InvalidCidrBlock.Malformed", f"The VPC CidrBlock {cidr} overlaps reserved {reserved}.")

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        if planned.get("is_default"):
            existing = self.default_vpcs(call)
            if existing:
                raise ApiError(
                    "Forbidden.DefaultVpcExists",
                    f"The region {call.region} has a default VPC already ({existing[0][0]}): a region holds one.",
                )
            # CreateDefaultVpc takes no CidrBlock: the cloud picks the block.
            planned["cidr_block"] = planned.get("cidr_block") or DEFAULT_VPC_BLOCK
        elif planned.get("ipv4_ipam_pool_id") and not planned.get("cidr_block"):
            # CreateVpc with Ipv4IpamPoolId: the block is allocated from the IPAM pool (see ipam.py).
            planned["cidr_block"] = allocate(call, planned["ipv4_ipam_pool_id"], planned.get("ipv4_cidr_mask"))
        self.check(call, planned, None)
        planned.update(
            cidr_block=planned.get("cidr_block") or DEFAULT_VPC_CIDR,
            router_id=call.new_id("vrt-", 21, regional=True),
            route_table_id=call.new_id("vtb-", 21, regional=True),
            region_id=call.region,
            create_time=call.now(),
        )
        planned["router_table_id"] = planned["route_table_id"]
        return self.store(call, call.new_id("vpc-", 21, regional=True), planned)

    @staticmethod
    def default_vpcs(call: Call) -> list[tuple[str, dict[str, Any]]]:
        """The caller's default VPC in the region (none or one)."""
        return [
            (id, vpc)
            for id, vpc in call.where(VPC, region_id=call.region, is_default=True)
            if call.owner(VPC, id) == call.account
        ]

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(
            values,
            description="",
            dns_hostname_status="DISABLED",
            enable_ipv6=False,
            ipv6_cidr_block="",
            ipv6_cidr_blocks=[],
            ipv6_isp="",
            is_default=False,
            resource_group_id=call.resource_group_id,
            secondary_cidr_blocks=[],
            status="Available",
            system_route_table_description="",
            system_route_table_name="",
            system_route_table_route_propagation_enable=True,
            user_cidrs=[],
        )

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        users = [a for a, _ in call.where(VSWITCH, vpc_id=id)]
        if users:
            raise ApiError("DependencyViolation.VSwitch", f"The VPC {id} still has vSwitches ({', '.join(users)}).")
        gateways = [g for g, _ in call.where(VPN_GATEWAY, vpc_id=id)]
        if gateways:
            raise ApiError(
                "DependencyViolation.VpnGateway", f"The VPC {id} still has VPN gateways ({', '.join(gateways)})."
            )
        attachments = [a for a, _ in call.where(TR_VPC_ATTACHMENT, vpc_id=id)]
        if attachments:
            raise ApiError(
                "DependencyViolation.TransitRouterAttachment",
                f"The VPC {id} is attached to a transit router ({', '.join(attachments)}); detach it first.",
            )


class VSwitch(Family):
    type_name = VSWITCH
    actions = ("CreateVSwitch", "DescribeVSwitchAttributes", "ModifyVSwitchAttribute", "DeleteVSwitch")
    # resource_alicloud_vswitch.go (v1.289.0): vswitch_name / name and zone_id / availability_zone.
    aliases = (("vswitch_name", "name"), ("zone_id", "availability_zone"))

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        if current is not None:
            self.check_ipv6_update(call, values, current)
        vpc = call.require(VPC, values.get("vpc_id"), "InvalidVpcId.NotFound", "VPC")
        cidr = _network(values.get("cidr_block"), "InvalidCidrBlock.Malformed", "CidrBlock")
        if not 16 <= cidr.prefixlen <= 29:
            raise ApiError(
                "InvalidCidrBlock.Malformed", f"The vSwitch CidrBlock {cidr} must have a mask from /16 to /29."
            )
        if not cidr.subnet_of(ipaddress.IPv4Network(vpc["cidr_block"])):
            raise ApiError(
                "InvalidCidrBlock.Malformed",
                f"The vSwitch CidrBlock {cidr} is not within the VPC CidrBlock {vpc['cidr_block']}.",
            )
        for other_id, other in call.where(VSWITCH, vpc_id=values["vpc_id"]):
            if other_id != values.get("id") and cidr.overlaps(ipaddress.IPv4Network(other["cidr_block"])):
                raise ApiError(
                    "InvalidCidrBlock.Overlapped",
                    f"The vSwitch CidrBlock {cidr} overlaps {other['cidr_block']} of vSwitch {other_id}.",
                )
        zone = values.get("zone_id") or values.get("availability_zone")
        if zone not in region_zone_ids(call.region):
            raise ApiError(
                "InvalidZoneId.NotFound",
                f"The zone {zone} is not a zone of {call.region} ({', '.join(region_zone_ids(call.region))}).",
            )

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        if planned.get("is_default"):
            self.place_default(call, planned)
        self.check(call, planned, None)
        planned["create_time"] = call.now()
        return self.store(call, call.new_id("vsw-", 21, regional=True), planned)

    @staticmethod
    def place_default(call: Call, planned: dict[str, Any]) -> None:
        """CreateDefaultVSwitch: into the region's default VPC, the next free /20 of its block, one per zone
        (the provider sends only ZoneId and Ipv6CidrBlock: vpc_id and cidr_block are the cloud's)."""
        zone = planned.get("zone_id") or planned.get("availability_zone")
        found = Vpc.default_vpcs(call)
        if not found:
            raise ApiError(
                "InvalidDefaultVpc.NotFound",
                f"The region {call.region} has no default VPC: create one first (alicloud_vpc with is_default = true).",
                404,
            )
        vpc_id, vpc = found[0]
        taken = []
        for other_id, other in call.where(VSWITCH, vpc_id=vpc_id):
            if other.get("is_default") and other.get("zone_id") == zone:
                raise ApiError(
                    "Forbidden.DefaultVSwitchExists", f"The zone {zone} has a default vSwitch already ({other_id})."
                )
            taken.append(ipaddress.IPv4Network(other["cidr_block"]))
        block = ipaddress.IPv4Network(vpc["cidr_block"])
        free = (c for c in block.subnets(new_prefix=DEFAULT_VSWITCH_PREFIX) if not any(c.overlaps(t) for t in taken))
        cidr = next(free, None)
        if cidr is None:
            raise ApiError("InvalidCidrBlock.Overlapped", f"The default VPC {vpc_id} has no free /20 left.")
        planned.update(vpc_id=vpc_id, cidr_block=str(cidr))

    @staticmethod
    def check_ipv6_update(call: Call, values: dict[str, Any], current: dict[str, Any]) -> None:
        """resource_alicloud_vswitch.go (v1.289.0), Update: enabling IPv6 (or changing the mask while it is
        enabled) with no ``ipv6_cidr_block_mask`` (``d.GetOkExists``) is refused before the API call. The
        configuration tells an omitted mask from the computed one the state carries."""
        changed = any(values.get(name) != current.get(name) for name in ("enable_ipv6", "ipv6_cidr_block_mask"))
        if not (values.get("enable_ipv6") and changed) or call.config is None:
            return
        if call.config.get("ipv6_cidr_block_mask") is None:
            raise ProviderError(
                "`ipv6_cidr_block_mask` is required when enabling `enable_ipv6` for an existing vswitch"
            )

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(
            values,
            description="",
            enable_ipv6=False,
            ipv6_cidr_block="",
            ipv6_cidr_block_mask=0,
            is_default=False,
            status="Available",
        )

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        for gateway_id, gateway in call.where(VPN_GATEWAY):
            if id in (gateway.get("vswitch_id"), gateway.get("disaster_recovery_vswitch_id")):
                raise ApiError(
                    "DependencyViolation.VpnGateway",
                    f"The vSwitch {id} is used by VPN gateway {gateway_id}; delete the gateway first.",
                )
        for attachment_id, attachment in call.where(TR_VPC_ATTACHMENT):
            if any(m.get("vswitch_id") == id for m in attachment.get("zone_mappings") or []):
                raise ApiError(
                    "DependencyViolation.TransitRouterAttachment",
                    f"The vSwitch {id} is used by transit router attachment {attachment_id}; detach it first.",
                )


class TransitRouterVpcAttachment(Family):
    type_name = TR_VPC_ATTACHMENT
    actions = (
        "CreateTransitRouterVpcAttachment",
        "ListTransitRouterVpcAttachments",
        "UpdateTransitRouterVpcAttachmentAttribute",
        "DeleteTransitRouterVpcAttachment",
    )
    aliases = (("transit_router_vpc_attachment_name", "transit_router_attachment_name"),)

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        vpc_id = values.get("vpc_id")
        call.require(VPC, vpc_id, "InvalidVpcId.NotFound", "VPC", account=values.get("vpc_owner_id") or None)
        mappings = values.get("zone_mappings") or []
        if not mappings:
            raise ApiError("MissingParam.ZoneMappings", "ZoneMappings needs at least one zone and vSwitch.")
        allowed = region_zone_ids(call.region)
        for mapping in mappings:
            vswitch = call.lookup(VSWITCH, mapping.get("vswitch_id"), account=values.get("vpc_owner_id") or None)
            if vswitch is None or vswitch["vpc_id"] != vpc_id:
                raise ApiError(
                    "InvalidVSwitchId.NotFound",
                    f"The vSwitch {mapping.get('vswitch_id')} does not exist in VPC {vpc_id}.",
                    404,
                )
            if mapping.get("zone_id") not in allowed or vswitch["zone_id"] != mapping.get("zone_id"):
                raise ApiError(
                    "IllegalParam.ZoneId",
                    f"The vSwitch {mapping['vswitch_id']} is in {vswitch['zone_id']}, not {mapping.get('zone_id')}.",
                )

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        self.check(call, planned, None)
        tr_id, cen_id = planned.get("transit_router_id"), planned.get("cen_id")
        found = find_transit_router(call, tr_id) if tr_id else None
        if found is None and cen_id:
            found = next(iter(call.where(TR, cen_id=cen_id, region_id=call.region)), None)
        tr = router_in_cen(found, tr_id, cen_id)
        require_grant(call, "VPC", planned["vpc_id"], planned.get("vpc_owner_id") or call.account, tr["cen_id"])
        for attachment_id, _ in call.where(TR_VPC_ATTACHMENT, vpc_id=planned["vpc_id"], cen_id=tr["cen_id"]):
            raise ApiError(
                "Forbidden.AttachmentExists",
                f"The VPC {planned['vpc_id']} is attached to this CEN instance already ({attachment_id}).",
            )
        attachment_id = call.new_id("tr-attach-", 14)
        planned.update(
            cen_id=tr["cen_id"],
            transit_router_id=tr["transit_router_id"],
            transit_router_attachment_id=attachment_id,
            vpc_owner_id=planned.get("vpc_owner_id") or call.account,
            region_id=call.region,
            create_time=call.now(),
        )
        return self.store(call, f"{tr['cen_id']}:{attachment_id}", planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        # As for the VPN attachment (see attachments.py): Optional, not Computed, read back from the API.
        default(
            values,
            auto_publish_route_enabled=False,
            order_type="PayByCenOwner",
            payment_type="PayAsYouGo",
            resource_type="VPC",
            status="Attached",
            transit_router_vpc_attachment_options={},
        )
        if not values.get("options"):
            values["options"] = [{"appliance_mode_support": "disable", "ipv6_support": "disable"}]

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        check_unlinked(call, current["transit_router_attachment_id"])


class Vpcs(DataFamily):
    type_name = "alicloud_vpcs"
    action = "DescribeVpcs"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        found = []
        for id, vpc in call.where(VPC, region_id=call.region):
            item = {**vpc, "id": id, "vpc_id": id, "creation_time": vpc.get("create_time"), "region_id": call.region}
            item["vswitch_ids"] = [v for v, _ in call.where(VSWITCH, vpc_id=id)]
            if call.owner(VPC, id) == call.account and matches(
                config, item, "vpc_name", ("cidr_block", "status", "vpc_name", "resource_group_id", "is_default")
            ):
                found.append(item)
        return listing(self, config, "vpcs", found, "vpc_name")


class VSwitches(DataFamily):
    type_name = "alicloud_vswitches"
    action = "DescribeVSwitches"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        found = []
        for id, vswitch in call.where(VSWITCH):
            item = {**vswitch, "id": id, "creation_time": vswitch.get("create_time"), "available_ip_address_count": 252}
            if call.owner(VSWITCH, id) == call.account and matches(
                config, item, "vswitch_name", ("vpc_id", "zone_id", "cidr_block", "status", "vswitch_name")
            ):
                found.append(item)
        return listing(self, config, "vswitches", found, "vswitch_name")


class Zones(DataFamily):
    type_name = "alicloud_zones"
    action = "DescribeZones"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        ids = region_zone_ids(call.region)
        items = [
            {
                "id": zone,
                "local_name": zone,
                "available_resource_creation": ["VSwitch", "Instance", "Disk"],
                "available_disk_categories": ["cloud_essd"],
                "available_instance_types": [],
                "multi_zone_ids": [],
                "slb_slave_zone_ids": [],
            }
            for zone in ids
        ]
        wanted = config.get("available_resource_creation")
        if wanted:
            items = [item for item in items if wanted in item["available_resource_creation"]]
        result = {**config, "id": call.region, "ids": [item["id"] for item in items]}
        result["zones"] = objects(self.spec.block.attributes["zones"].type, items)
        return result


class ResourceGroups(DataFamily):
    type_name = "alicloud_resource_manager_resource_groups"
    action = "ListResourceGroups"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        groups = [
            {
                "id": call.resource_group_id,
                "account_id": call.account,
                "display_name": "default resource group",
                "name": "default",
                "resource_group_name": "default",
                "status": "OK",
            }
        ]
        groups += [{**group, "id": id} for id, group in call.where(RESOURCE_GROUP, account_id=call.account)]
        found = [
            {**group, "region_statuses": [{"region_id": call.region, "status": "OK"}]}
            for group in groups
            if matches(config, group, "resource_group_name", ("status",))
        ]
        return listing(self, config, "groups", found, "resource_group_name")
