"""CEN instances, transit routers, their CIDR blocks and route tables, and the data sources about them."""

from __future__ import annotations

import ipaddress
import re
from typing import Any

from ..errors import ApiError, not_found
from .base import Call, DataFamily, Family, default, hash_id, listing, matches

__all__ = [
    "AvailableResources",
    "CenInstance",
    "CenInstances",
    "RouteEntry",
    "RouteTable",
    "RouteTables",
    "TransitRouter",
    "TransitRouterCidr",
    "TransitRouterService",
    "TransitRouters",
    "check_unlinked",
    "find_attachment",
    "hash_id",
    "require_grant",
    "zones",
]

CEN = "alicloud_cen_instance"
TR = "alicloud_cen_transit_router"
TR_CIDR = "alicloud_cen_transit_router_cidr"
ROUTE_TABLE = "alicloud_cen_transit_router_route_table"
TR_VPN_ATTACHMENT = "alicloud_cen_transit_router_vpn_attachment"
TR_VPC_ATTACHMENT = "alicloud_cen_transit_router_vpc_attachment"
TR_VBR_ATTACHMENT = "alicloud_cen_transit_router_vbr_attachment"
GRANT = "alicloud_cen_transit_router_grant_attachment"
INSTANCE_GRANT = "alicloud_cen_instance_grant"
ASSOCIATION = "alicloud_cen_transit_router_route_table_association"
PROPAGATION = "alicloud_cen_transit_router_route_table_propagation"
ROUTE_ENTRY = "alicloud_cen_transit_router_route_entry"


def zones(region: str) -> dict[str, list[str]]:
    """The zones where a transit router of ``region`` can place VPN attachments."""
    return {
        "master_zones": [f"{region}-h", f"{region}-i"],
        "slave_zones": [f"{region}-j", f"{region}-k"],
        "available_zones": [f"{region}-{z}" for z in "hijk"],
    }


def find_transit_router(call: Call, transit_router_id: str | None) -> tuple[str, dict[str, Any]] | None:
    """The transit router (composite id, attributes) with ``transit_router_id``, of the caller's account."""
    for id, attributes in call.where(TR, transit_router_id=transit_router_id):
        if call.owner(TR, id) == call.account:
            return id, attributes
    return None


def router_in_cen(found: tuple[str, dict[str, Any]] | None, transit_router_id: Any, cen_id: Any) -> dict[str, Any]:
    """The transit router an attachment names (``found`` by the caller), refused when there is none or it is not
    in the CEN instance the attachment names."""
    if found is None:
        raise ApiError(
            "InvalidTransitRouterId.NotFound",
            f"The transit router {transit_router_id or cen_id} does not exist.",
            404,
        )
    if cen_id and found[1]["cen_id"] != cen_id:
        raise ApiError(
            "IllegalParam.TransitRouterId", f"The transit router {transit_router_id} is not in CEN instance {cen_id}."
        )
    return found[1]


def require_grant(call: Call, noun: str, instance_id: Any, owner: str, cen_id: Any) -> None:
    """An instance of another account is attached only once its owner granted it to the caller's CEN (a grant
    attachment, or for a VPC or VBR the older ``cen_instance_grant``)."""
    granted = any(call.where(GRANT, instance_id=instance_id, cen_id=cen_id, cen_owner_id=call.account)) or any(
        call.where(INSTANCE_GRANT, child_instance_id=instance_id, cen_id=cen_id, cen_owner_id=call.account)
    )
    if owner != call.account and not granted:
        raise ApiError(
            "Forbidden.InstanceNotGranted",
            f"The {noun} {instance_id} of account {owner} is not granted to CEN instance {cen_id}; "
            "grant it from that account first (alicloud_cen_transit_router_grant_attachment).",
        )


def find_attachment(call: Call, attachment_id: str | None) -> dict[str, Any] | None:
    """The transit router attachment (VPN, VPC or VBR, any account) with ``attachment_id``."""
    if not attachment_id:
        return None
    return call.lookup(TR_VPN_ATTACHMENT, attachment_id) or next(
        (
            a
            for t in (TR_VPC_ATTACHMENT, TR_VBR_ATTACHMENT)
            for _, a in call.where(t, transit_router_attachment_id=attachment_id)
        ),
        None,
    )


def check_unlinked(call: Call, attachment_id: str) -> None:
    """Refuse to delete an attachment still associated with or propagating to route tables, or the next hop
    of a route entry."""
    users = [
        a for t in (ASSOCIATION, PROPAGATION) for a, _ in call.where(t, transit_router_attachment_id=attachment_id)
    ] + [e for e, _ in call.where(ROUTE_ENTRY, transit_router_route_entry_next_hop_id=attachment_id)]
    if users:
        raise ApiError(
            "IncorrectStatus.AttachmentHasRouteTable",
            f"The attachment {attachment_id} is still associated with or propagating to route tables, or the "
            f"next hop of route entries ({', '.join(users)}).",
        )


def find_route_table(call: Call, route_table_id: str | None) -> tuple[str, dict[str, Any]] | None:
    for id, attributes in call.where(ROUTE_TABLE, transit_router_route_table_id=route_table_id):
        if call.owner(ROUTE_TABLE, id) == call.account:
            return id, attributes
    return None


class CenInstance(Family):
    type_name = CEN
    actions = ("CreateCen", "DescribeCens", "ModifyCenAttribute", "DeleteCen")
    # resource_alicloud_cen_instance.go (v1.289.0): Create sends Name from name, then cen_instance_name;
    # Update sends whichever HasChange; Read sets cen_instance_name from Name and name from it.
    aliases = (("cen_instance_name", "name"),)

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        planned["create_time"] = call.now()
        return self.store(call, call.new_id("cen-", 18), planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(values, protection_level="REDUCED", resource_group_id=call.resource_group_id, status="Active")

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        routers = [attrs["transit_router_id"] for _, attrs in call.where(TR, cen_id=id)]
        if routers:
            raise ApiError(
                "ParameterCenInstanceId.HasTransitRouter",
                f"The CEN instance {id} still has transit routers ({', '.join(routers)}); delete them first.",
            )


class TransitRouter(Family):
    type_name = TR
    actions = ("CreateTransitRouter", "ListTransitRouters", "UpdateTransitRouter", "DeleteTransitRouter")

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        call.require(CEN, values.get("cen_id"), "InvalidCenId.NotFound", "CEN instance")

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        self.check(call, planned, None)
        cen_id = planned["cen_id"]
        for _, other in call.where(TR, cen_id=cen_id, region_id=call.region):
            raise ApiError(
                "QuotaExceeded.TransitRouter",
                f"The CEN instance {cen_id} already has transit router {other['transit_router_id']} in "
                f"{call.region}; a CEN instance has one transit router per region.",
            )
        transit_router_id = call.new_id("tr-", 20, regional=True)
        planned.update(
            transit_router_id=transit_router_id, region_id=call.region, create_time=call.now(), type="Enterprise"
        )
        values = self.store(call, f"{cen_id}:{transit_router_id}", planned)
        RouteTable.add(call, transit_router_id, "System", name="default route table")
        return values

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(values, status="Active")

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        tr = current["transit_router_id"]
        attachments = [
            a
            for t in (TR_VPN_ATTACHMENT, TR_VPC_ATTACHMENT, TR_VBR_ATTACHMENT)
            for a, _ in call.where(t, transit_router_id=tr)
        ]
        if attachments:
            raise ApiError(
                "IncorrectStatus.TransitRouterHasAttachment",
                f"The transit router {tr} still has attachments ({', '.join(attachments)}); delete them first.",
            )
        custom = [
            t["transit_router_route_table_id"]
            for _, t in call.where(ROUTE_TABLE, transit_router_id=tr)
            if t["transit_router_route_table_type"] != "System"
        ]
        cidrs = [c["transit_router_cidr_id"] for _, c in call.where(TR_CIDR, transit_router_id=tr)]
        if custom or cidrs:
            raise ApiError(
                "IncorrectStatus.TransitRouterHasResource",
                f"The transit router {tr} still has custom route tables or CIDR blocks "
                f"({', '.join(custom + cidrs)}); delete them first.",
            )

    def delete(self, call: Call, id: str) -> None:
        current = call.lookup(self.type_name, id)
        super().delete(call, id)
        if current is not None:
            for table_id, _ in list(call.where(ROUTE_TABLE, transit_router_id=current["transit_router_id"])):
                call.remove(ROUTE_TABLE, table_id)


class TransitRouterCidr(Family):
    type_name = TR_CIDR
    actions = ("CreateTransitRouterCidr", "ListTransitRouterCidr", "ModifyTransitRouterCidr", "DeleteTransitRouterCidr")

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        tr = values.get("transit_router_id")
        if find_transit_router(call, tr) is None:
            raise ApiError("InvalidTransitRouterId.NotFound", f"The specified transit router {tr} does not exist.", 404)
        try:
            cidr = ipaddress.IPv4Network(values.get("cidr") or "", strict=True)
        except ValueError:
            raise ApiError(
                "IllegalParam.Cidr", f"The specified Cidr {values.get('cidr')!r} is not a CIDR block."
            ) from None
        if not 16 <= cidr.prefixlen <= 24:
            raise ApiError("IllegalParam.Cidr", f"The specified Cidr {cidr} must have a mask from /16 to /24.")
        for other_id, other in call.where(TR_CIDR, transit_router_id=tr):
            if current is not None and other_id == values.get("id"):
                continue
            if cidr.overlaps(ipaddress.IPv4Network(other["cidr"])):
                raise ApiError("InvalidCidr.Overlapped", f"The Cidr {cidr} overlaps {other['cidr']} of {tr}.")

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        self.check(call, planned, None)
        cidr_id = call.new_id("cidr-", 20)
        planned["transit_router_cidr_id"] = cidr_id
        return self.store(call, f"{planned['transit_router_id']}:{cidr_id}", planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(values, publish_cidr_route=True)


class RouteTable(Family):
    type_name = ROUTE_TABLE
    actions = (
        "CreateTransitRouterRouteTable",
        "ListTransitRouterRouteTables",
        "UpdateTransitRouterRouteTable",
        "DeleteTransitRouterRouteTable",
    )

    @staticmethod
    def add(call: Call, transit_router_id: str, kind: str, name: str | None = None) -> tuple[str, dict[str, Any]]:
        table_id = call.new_id("vtb-", 21, regional=True)
        id = f"{transit_router_id}:{table_id}"
        values: dict[str, Any] = {
            "id": id,
            "transit_router_id": transit_router_id,
            "transit_router_route_table_id": table_id,
            "transit_router_route_table_type": kind,
            "transit_router_route_table_name": name,
            "transit_router_route_table_description": "",
            "status": "Active",
            "tags": None,
            "dry_run": None,
        }
        call.put(ROUTE_TABLE, id, values)
        return id, values

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        tr = values.get("transit_router_id")
        if find_transit_router(call, tr) is None:
            raise ApiError("InvalidTransitRouterId.NotFound", f"The specified transit router {tr} does not exist.", 404)

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        self.check(call, planned, None)
        id, values = self.add(call, planned["transit_router_id"], "Custom")
        for key, value in planned.items():
            if value is not None:
                values[key] = value
        values["id"] = id
        self.fill(call, values)
        call.put(ROUTE_TABLE, id, values)
        return values

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(values, transit_router_route_table_description="")

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        table = current["transit_router_route_table_id"]
        if current["transit_router_route_table_type"] == "System":
            raise ApiError(
                "OperationUnsupported.SystemRouteTable", f"The system route table {table} cannot be deleted."
            )
        users = [
            a
            for t in (ASSOCIATION, PROPAGATION, ROUTE_ENTRY)
            for a, _ in call.where(t, transit_router_route_table_id=table)
        ]
        if users:
            raise ApiError(
                "IncorrectStatus.RouteTableInUse",
                f"The route table {table} still has associations, propagations or route entries ({', '.join(users)}).",
            )


class RouteEntry(Family):
    """A static route of a custom route table: to an attachment of the table's transit router, or a black hole."""

    type_name = ROUTE_ENTRY
    actions = (
        "CreateTransitRouterRouteEntry",
        "ListTransitRouterRouteEntries",
        "UpdateTransitRouterRouteEntry",
        "DeleteTransitRouterRouteEntry",
    )

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        table_id = planned.get("transit_router_route_table_id")
        found = find_route_table(call, table_id)
        if found is None:
            raise ApiError(
                "InvalidTransitRouterRouteTableId.NotFound",
                f"The specified route table {table_id} does not exist.",
                404,
            )
        table = found[1]
        try:
            destination = ipaddress.IPv4Network(planned.get("transit_router_route_entry_destination_cidr_block") or "")
        except ValueError:
            raise ApiError(
                "IllegalParam.DestinationCidrBlock",
                f"The DestinationCidrBlock {planned.get('transit_router_route_entry_destination_cidr_block')!r} "
                "is not a CIDR block.",
            ) from None
        self._check_next_hop(call, planned, table["transit_router_id"])
        for other_id, _ in call.where(
            ROUTE_ENTRY,
            transit_router_route_table_id=table_id,
            transit_router_route_entry_destination_cidr_block=str(destination),
        ):
            raise ApiError(
                "InvalidDestinationCidrBlock.AlreadyExists",
                f"The route table {table_id} already has a route entry to {destination} ({other_id}).",
            )
        entry_id = call.new_id("rte-", 20)
        planned.update(transit_router_route_entry_id=entry_id, status="Active")
        planned["transit_router_route_entry_destination_cidr_block"] = str(destination)
        return self.store(call, f"{table_id}:{entry_id}", planned)

    @staticmethod
    def _check_next_hop(call: Call, planned: dict[str, Any], transit_router_id: str) -> None:
        """An ``Attachment`` route names an attachment of the same transit router; a ``BlackHole`` names none."""
        hop_id = planned.get("transit_router_route_entry_next_hop_id")
        if planned.get("transit_router_route_entry_next_hop_type") == "BlackHole":
            if hop_id:
                raise ApiError("IllegalParam.NextHopId", "A BlackHole route entry takes no NextHopId.")
            return
        attachment = find_attachment(call, hop_id)
        if attachment is None:
            raise not_found("InvalidTransitRouterAttachmentId.NotFound", "transit router attachment", hop_id)
        if attachment.get("transit_router_id") != transit_router_id:
            raise ApiError(
                "IllegalParam.NextHopId",
                f"The attachment {hop_id} is not on transit router {transit_router_id}, the route table's.",
            )


class RouteTables(DataFamily):
    type_name = "alicloud_cen_transit_router_route_tables"
    action = "ListTransitRouterRouteTables"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        tr = config.get("transit_router_id")
        if find_transit_router(call, tr) is None:
            raise ApiError("InvalidTransitRouterId.NotFound", f"The specified transit router {tr} does not exist.", 404)
        wanted_ids = config.get("transit_router_route_table_ids") or config.get("ids")
        wanted_names = config.get("transit_router_route_table_names")
        pattern = re.compile(config["name_regex"]) if config.get("name_regex") else None
        status = config.get("transit_router_route_table_status") or config.get("status")
        tables = []
        for _, table in call.where(ROUTE_TABLE, transit_router_id=tr):
            name = table.get("transit_router_route_table_name") or ""
            if (
                (config.get("transit_router_route_table_type") not in (None, table["transit_router_route_table_type"]))
                or (wanted_ids and table["transit_router_route_table_id"] not in wanted_ids)
                or (wanted_names and name not in wanted_names)
                or (pattern and not pattern.search(name))
                or (status and status != table["status"])
            ):
                continue
            tables.append(
                {
                    "id": table["transit_router_route_table_id"],
                    "status": table["status"],
                    "transit_router_route_table_description": table.get("transit_router_route_table_description"),
                    "transit_router_route_table_id": table["transit_router_route_table_id"],
                    "transit_router_route_table_name": name,
                    "transit_router_route_table_type": table["transit_router_route_table_type"],
                }
            )
        # The system table first, as the API lists it.
        tables.sort(key=lambda t: (t["transit_router_route_table_type"] != "System", t["id"]))
        ids = [t["id"] for t in tables]
        result = dict(config)
        result.update(id=hash_id(ids), names=[t["transit_router_route_table_name"] for t in tables], tables=tables)
        if not config.get("ids"):
            result["ids"] = ids
        return result


class AvailableResources(DataFamily):
    type_name = "alicloud_cen_transit_router_available_resources"
    action = "ListTransitRouterAvailableResource"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        resource = {**zones(call.region), "support_multicast": True}
        return {**config, "id": call.region, "resources": [resource]}


class TransitRouterService(DataFamily):
    type_name = "alicloud_cen_transit_router_service"
    action = "OpenTransitRouterService"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        # The emulated accounts have the transit router service opened already.
        return {**config, "id": "CenTransitRouterServiceHasBeenOpened", "status": "Opened"}


class CenInstances(DataFamily):
    """The caller's CEN instances (CEN is global: every region lists them)."""

    type_name = "alicloud_cen_instances"
    action = "DescribeCens"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        found = []
        wanted_tags = (config.get("tags") or {}).items()
        for id, cen in call.where(CEN):
            item = {**cen, "id": id, "cen_id": id, "name": cen.get("cen_instance_name")}
            item["cen_bandwidth_package_ids"] = []
            if (
                call.owner(CEN, id) == call.account
                and matches(config, item, "cen_instance_name", ("status",))
                and wanted_tags <= (cen.get("tags") or {}).items()
            ):
                found.append(item)
        return listing(self, config, "instances", found, "cen_instance_name")


class TransitRouters(DataFamily):
    """The transit routers of one CEN instance; ``ids`` are ``<cen_id>:<transit_router_id>``, as the resource's."""

    type_name = "alicloud_cen_transit_routers"
    action = "ListTransitRouters"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        call.require(CEN, config.get("cen_id"), "InvalidCenId.NotFound", "CEN instance")
        wanted = config.get("transit_router_ids")
        found = []
        for id, tr in call.where(TR, cen_id=config["cen_id"]):
            item = {**tr, "id": id, "ali_uid": call.owner(TR, id), "xgw_vip": ""}
            if (
                call.owner(TR, id) == call.account
                and matches(config, item, "transit_router_name", ("status", "transit_router_id"))
                and (not wanted or tr["transit_router_id"] in wanted)
            ):
                found.append(item)
        return listing(self, config, "transit_routers", found, "transit_router_name")
