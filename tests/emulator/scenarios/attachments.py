"""Transit router attachments of a VPC and the route table links of an attachment:
``alicloud_cen_transit_router_vpc_attachment``, ``alicloud_cen_transit_router_route_table_association`` and
``alicloud_cen_transit_router_route_table_propagation``, and the grants of a VPC to a CEN instance
(``alicloud_cen_transit_router_grant_attachment``, ``alicloud_cen_instance_grant``). ForceNew flags from
``constructs_vpn/alicloud/schema/constraints.json`` (provider v1.289.0); error codes from the CEN API reference
(CreateTransitRouterVpcAttachment, AssociateTransitRouterAttachmentWithRouteTable,
EnableTransitRouterRouteTablePropagation, GrantInstanceToCen)."""

from __future__ import annotations

from typing import Any

from tests.emulator.scenarios import CREATE, REPLACE, UPDATE, Scenario, Step

CEN = "alicloud_cen_instance"
TR = "alicloud_cen_transit_router"
VPC = "alicloud_vpc"
VSWITCH = "alicloud_vswitch"
ATTACHMENT = "alicloud_cen_transit_router_vpc_attachment"
TABLE = "alicloud_cen_transit_router_route_table"
ASSOCIATION = "alicloud_cen_transit_router_route_table_association"
PROPAGATION = "alicloud_cen_transit_router_route_table_propagation"
ZONE = "cn-hangzhou-h"
TR_ID = "${alicloud_cen_transit_router.tr.transit_router_id}"
ATTACHMENT_ID = "${alicloud_cen_transit_router_vpc_attachment.att.transit_router_attachment_id}"


def _attachment(vpc: str = "a", **extra: Any) -> dict[str, Any]:
    return {
        "cen_id": "${alicloud_cen_instance.cen.id}",
        "transit_router_id": TR_ID,
        "vpc_id": f"${{alicloud_vpc.{vpc}.id}}",
        "zone_mappings": [{"zone_id": ZONE, "vswitch_id": f"${{alicloud_vswitch.{vpc}.id}}"}],
        **extra,
    }


def _network(vpc: str = "a", **extra: Any) -> dict[str, Any]:
    """A CEN and its transit router, two VPCs with a vSwitch each, one VPC attached."""
    return {
        CEN: {"cen": {"cen_instance_name": "scenario-cen"}},
        TR: {"tr": {"cen_id": "${alicloud_cen_instance.cen.id}"}},
        VPC: {"a": {"cidr_block": "10.30.0.0/16"}, "b": {"cidr_block": "10.31.0.0/16"}},
        VSWITCH: {
            name: {"vpc_id": f"${{alicloud_vpc.{name}.id}}", "cidr_block": cidr, "zone_id": ZONE}
            for name, cidr in (("a", "10.30.1.0/24"), ("b", "10.31.1.0/24"))
        },
        ATTACHMENT: {"att": _attachment(vpc, **extra)},
    }


NETWORK_CREATED = {
    f"{CEN}.cen": CREATE,
    f"{TR}.tr": CREATE,
    f"{VPC}.a": CREATE,
    f"{VPC}.b": CREATE,
    f"{VSWITCH}.a": CREATE,
    f"{VSWITCH}.b": CREATE,
    f"{ATTACHMENT}.att": CREATE,
}

VPC_ATTACHMENT = Scenario(
    "transit_router_vpc_attachment",
    (
        Step(
            "alicloud_cen_transit_router_vpc_attachment: a VPC attached through a vSwitch per zone "
            "(CreateTransitRouterVpcAttachment)",
            _network(),
            NETWORK_CREATED,
        ),
        Step(
            "alicloud_cen_transit_router_vpc_attachment: transit_router_attachment_description updates in place "
            "(UpdateTransitRouterVpcAttachmentAttribute)",
            _network(transit_router_attachment_description="changed"),
            {f"{ATTACHMENT}.att": UPDATE},
        ),
        Step(
            "CreateTransitRouterVpcAttachment: a vSwitch that does not exist is refused (InvalidVSwitchId.NotFound)",
            {
                **_network(transit_router_attachment_description="changed"),
                ATTACHMENT: {
                    "att": _attachment(transit_router_attachment_description="changed"),
                    "lost": {
                        **_attachment("b"),
                        "zone_mappings": [{"zone_id": ZONE, "vswitch_id": "vsw-bp1doesnotexist00000"}],
                    },
                },
            },
            refused="InvalidVSwitchId.NotFound",
        ),
        Step(
            "alicloud_cen_transit_router_vpc_attachment: vpc_id is ForceNew, attaching the other VPC replaces it",
            _network("b", transit_router_attachment_description="changed"),
            {f"{ATTACHMENT}.att": REPLACE},
        ),
    ),
)


def _linked(association: str = "t1", propagation: str = "t1", **extra: Any) -> dict[str, Any]:
    """The network, two custom route tables, and the attachment's association and propagation."""
    return {
        **_network(),
        TABLE: {name: {"transit_router_id": TR_ID} for name in ("t1", "t2")},
        ASSOCIATION: {
            "assoc": {
                "transit_router_attachment_id": ATTACHMENT_ID,
                "transit_router_route_table_id": (
                    f"${{alicloud_cen_transit_router_route_table.{association}.transit_router_route_table_id}}"
                ),
            }
        },
        PROPAGATION: {
            "prop": {
                "transit_router_attachment_id": ATTACHMENT_ID,
                "transit_router_route_table_id": (
                    f"${{alicloud_cen_transit_router_route_table.{propagation}.transit_router_route_table_id}}"
                ),
            }
        },
        **extra,
    }


ROUTE_TABLE_LINKS = Scenario(
    "route_table_association_and_propagation",
    (
        Step(
            "alicloud_cen_transit_router_route_table_association and _propagation: the attachment associated "
            "with and propagating to a custom table",
            _linked(),
            {**NETWORK_CREATED, f"{TABLE}.t1": CREATE, f"{TABLE}.t2": CREATE}
            | {f"{ASSOCIATION}.assoc": CREATE, f"{PROPAGATION}.prop": CREATE},
        ),
        Step(
            "AssociateTransitRouterAttachmentWithRouteTable: an attachment has one associated route table "
            "(Forbidden.AttachmentAlreadyAssociated); neither link type has an in-place update but dry_run",
            {
                **_linked(),
                ASSOCIATION: {
                    **_linked()[ASSOCIATION],
                    "second": {
                        "transit_router_attachment_id": ATTACHMENT_ID,
                        "transit_router_route_table_id": (
                            "${alicloud_cen_transit_router_route_table.t2.transit_router_route_table_id}"
                        ),
                    },
                },
            },
            refused="Forbidden.AttachmentAlreadyAssociated",
        ),
        Step(
            "EnableTransitRouterRouteTablePropagation: a route table that does not exist is refused "
            "(InvalidTransitRouterRouteTableId.NotFound)",
            {
                **_linked(),
                PROPAGATION: {
                    **_linked()[PROPAGATION],
                    "lost": {
                        "transit_router_attachment_id": ATTACHMENT_ID,
                        "transit_router_route_table_id": "vtb-bp1doesnotexist000000",
                    },
                },
            },
            refused="InvalidTransitRouterRouteTableId.NotFound",
        ),
        Step(
            "alicloud_cen_transit_router_route_table_association and _propagation: transit_router_route_table_id "
            "is ForceNew, the other table replaces both links",
            _linked("t2", "t2"),
            {f"{ASSOCIATION}.assoc": REPLACE, f"{PROPAGATION}.prop": REPLACE},
        ),
    ),
)

GRANT = "alicloud_cen_transit_router_grant_attachment"
#: The account every provider block without an account acts as (constructs_vpn.emulator.provider).
OWNER = "1234567890123456"


def _grant(vpc: str = "a", **extra: Any) -> dict[str, Any]:
    return {
        "cen_id": "${alicloud_cen_instance.cen.id}",
        "cen_owner_id": OWNER,
        "instance_type": "VPC",
        "instance_id": f"${{alicloud_vpc.{vpc}.id}}",
        **extra,
    }


def _granted(vpc: str = "a", **extra: Any) -> dict[str, Any]:
    return {
        CEN: {"cen": {"cen_instance_name": "scenario-cen"}},
        VPC: {"a": {"cidr_block": "10.30.0.0/16"}, "b": {"cidr_block": "10.31.0.0/16"}},
        GRANT: {"grant": _grant(vpc, **extra)},
    }


GRANT_ATTACHMENT = Scenario(
    "transit_router_grant_attachment",
    (
        Step(
            "alicloud_cen_transit_router_grant_attachment: a VPC granted to the CEN instance "
            "(GrantInstanceToTransitRouter)",
            _granted(),
            {f"{CEN}.cen": CREATE, f"{VPC}.a": CREATE, f"{VPC}.b": CREATE, f"{GRANT}.grant": CREATE},
        ),
        Step(
            "alicloud_cen_transit_router_grant_attachment: order_type updates in place "
            "(ModifyGrantInstanceToTransitRouter)",
            _granted(order_type="PayByResourceOwner"),
            {f"{GRANT}.grant": UPDATE},
        ),
        Step(
            "GrantInstanceToTransitRouter: an instance that does not exist is refused (InvalidInstanceId.NotFound)",
            {
                **_granted(order_type="PayByResourceOwner"),
                GRANT: {
                    "grant": _grant(order_type="PayByResourceOwner"),
                    "lost": {**_grant(), "instance_id": "vpc-bp1doesnotexist00000"},
                },
            },
            refused="InvalidInstanceId.NotFound",
        ),
        Step(
            "alicloud_cen_transit_router_grant_attachment: instance_id is ForceNew, granting the other VPC "
            "replaces the grant",
            _granted("b", order_type="PayByResourceOwner"),
            {f"{GRANT}.grant": REPLACE},
        ),
    ),
)

INSTANCE_GRANT = "alicloud_cen_instance_grant"


def _instance_granted(vpc: str = "a", **extra: Any) -> dict[str, Any]:
    """A CEN instance and two VPCs, one granted to it by ``alicloud_cen_instance_grant``. The runner writes one
    provider block (one account), so the grant is to the granter's own CEN instance (cen_owner_id its own id);
    the cross-account case is in tests/emulator/test_types.py."""
    return {
        CEN: {"cen": {"cen_instance_name": "scenario-cen"}},
        VPC: {"a": {"cidr_block": "10.32.0.0/16"}, "b": {"cidr_block": "10.33.0.0/16"}},
        INSTANCE_GRANT: {
            "grant": {
                "cen_id": "${alicloud_cen_instance.cen.id}",
                "child_instance_id": f"${{alicloud_vpc.{vpc}.id}}",
                "cen_owner_id": OWNER,
                **extra,
            }
        },
    }


INSTANCE_GRANT_SCENARIO = Scenario(
    "cen_instance_grant",
    (
        Step(
            "alicloud_cen_instance_grant: a VPC granted to a CEN instance (GrantInstanceToCen); one account only, "
            "as the runner has one provider block, so the CEN owner is the granter itself",
            _instance_granted(),
            {f"{CEN}.cen": CREATE, f"{VPC}.a": CREATE, f"{VPC}.b": CREATE, f"{INSTANCE_GRANT}.grant": CREATE},
        ),
        Step(
            "GrantInstanceToCen: a child instance that is neither a VPC nor a VBR is refused "
            "(IllegalParam.ChildInstanceId); every argument of the type is ForceNew, so nothing updates in place",
            {
                **_instance_granted(),
                INSTANCE_GRANT: {
                    **_instance_granted()[INSTANCE_GRANT],
                    "vswitch": {
                        "cen_id": "${alicloud_cen_instance.cen.id}",
                        "child_instance_id": "vsw-bp1doesnotmatter0000",
                        "cen_owner_id": OWNER,
                    },
                },
            },
            refused="IllegalParam.ChildInstanceId",
        ),
        Step(
            "alicloud_cen_instance_grant: child_instance_id is ForceNew, granting the other VPC replaces the grant",
            _instance_granted("b"),
            {f"{INSTANCE_GRANT}.grant": REPLACE},
        ),
    ),
)

SCENARIOS = (VPC_ATTACHMENT, ROUTE_TABLE_LINKS, GRANT_ATTACHMENT, INSTANCE_GRANT_SCENARIO)
