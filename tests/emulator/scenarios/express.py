"""Express Connect family: ``alicloud_express_connect_virtual_border_router`` on the account's standing physical
connections (read with ``alicloud_express_connect_physical_connections``) and its
``alicloud_cen_transit_router_vbr_attachment``. ForceNew flags from
``constructs_vpn/alicloud/schema/constraints.json`` (provider v1.289.0); error codes from the Express Connect
and CEN API references (CreateVirtualBorderRouter, CreateTransitRouterVbrAttachment)."""

from __future__ import annotations

from typing import Any

from tests.emulator.scenarios import CREATE, REPLACE, UPDATE, Scenario, Step

VBR = "alicloud_express_connect_virtual_border_router"
ATTACHMENT = "alicloud_cen_transit_router_vbr_attachment"
CEN = "alicloud_cen_instance"
TR = "alicloud_cen_transit_router"
LINES = {
    "alicloud_express_connect_physical_connections": {"lines": {"name_regex": "^preserved-NODELETING"}},
}


def _vbr(line: int = 0, vlan: int = 100, **extra: Any) -> dict[str, Any]:
    return {
        "physical_connection_id": f"${{data.alicloud_express_connect_physical_connections.lines.ids[{line}]}}",
        "vlan_id": vlan,
        "local_gateway_ip": "10.100.0.1",
        "peer_gateway_ip": "10.100.0.2",
        "peering_subnet_mask": "255.255.255.252",
        "virtual_border_router_name": "scenario-vbr",
        **extra,
    }


VBR_SCENARIO = Scenario(
    "virtual_border_router",
    (
        Step(
            "alicloud_express_connect_virtual_border_router: created by CreateVirtualBorderRouter on a physical "
            "connection the account holds",
            {VBR: {"vbr": _vbr()}},
            {f"{VBR}.vbr": CREATE},
            data=LINES,
        ),
        Step(
            "alicloud_express_connect_virtual_border_router: the name, description and VLAN update in place "
            "(ModifyVirtualBorderRouterAttribute)",
            {VBR: {"vbr": _vbr(vlan=101, virtual_border_router_name="scenario-renamed", description="changed")}},
            {f"{VBR}.vbr": UPDATE},
            data=LINES,
        ),
        Step(
            "CreateVirtualBorderRouter: a VLAN already used on the physical connection is refused (InvalidVlanId.Used)",
            {
                VBR: {
                    "vbr": _vbr(vlan=101, virtual_border_router_name="scenario-renamed", description="changed"),
                    "twin": _vbr(vlan=101, local_gateway_ip="10.100.1.1", peer_gateway_ip="10.100.1.2"),
                }
            },
            refused="InvalidVlanId.Used",
            data=LINES,
        ),
        Step(
            "alicloud_express_connect_virtual_border_router: physical_connection_id is ForceNew, the other line "
            "replaces the VBR",
            {VBR: {"vbr": _vbr(1, 101, virtual_border_router_name="scenario-renamed", description="changed")}},
            {f"{VBR}.vbr": REPLACE},
            data=LINES,
        ),
    ),
)


def _attached(vbr: str = "a", **extra: Any) -> dict[str, Any]:
    return {
        CEN: {"cen": {"cen_instance_name": "scenario-cen"}},
        TR: {"tr": {"cen_id": "${alicloud_cen_instance.cen.id}"}},
        VBR: {"a": _vbr(), "b": _vbr(vlan=200, local_gateway_ip="10.100.2.1", peer_gateway_ip="10.100.2.2")},
        ATTACHMENT: {
            "att": {
                "cen_id": "${alicloud_cen_instance.cen.id}",
                "transit_router_id": "${alicloud_cen_transit_router.tr.transit_router_id}",
                "vbr_id": f"${{alicloud_express_connect_virtual_border_router.{vbr}.id}}",
                **extra,
            }
        },
    }


VBR_ATTACHMENT_SCENARIO = Scenario(
    "transit_router_vbr_attachment",
    (
        Step(
            "alicloud_cen_transit_router_vbr_attachment: a VBR attached to the transit router "
            "(CreateTransitRouterVbrAttachment)",
            _attached(),
            {
                f"{CEN}.cen": CREATE,
                f"{TR}.tr": CREATE,
                f"{VBR}.a": CREATE,
                f"{VBR}.b": CREATE,
                f"{ATTACHMENT}.att": CREATE,
            },
            data=LINES,
        ),
        Step(
            "alicloud_cen_transit_router_vbr_attachment: transit_router_attachment_name and description update in "
            "place (UpdateTransitRouterVbrAttachmentAttribute)",
            _attached(transit_router_attachment_name="scenario-renamed", transit_router_attachment_description="x"),
            {f"{ATTACHMENT}.att": UPDATE},
            data=LINES,
        ),
        Step(
            "CreateTransitRouterVbrAttachment: a VBR that does not exist is refused (InvalidVbrId.NotFound)",
            {
                **_attached(
                    transit_router_attachment_name="scenario-renamed", transit_router_attachment_description="x"
                ),
                ATTACHMENT: {
                    **_attached(
                        transit_router_attachment_name="scenario-renamed", transit_router_attachment_description="x"
                    )[ATTACHMENT],
                    "lost": {
                        "cen_id": "${alicloud_cen_instance.cen.id}",
                        "transit_router_id": "${alicloud_cen_transit_router.tr.transit_router_id}",
                        "vbr_id": "vbr-bp1doesnotexist00000",
                    },
                },
            },
            refused="InvalidVbrId.NotFound",
            data=LINES,
        ),
        Step(
            "alicloud_cen_transit_router_vbr_attachment: vbr_id is ForceNew, the other VBR replaces the attachment",
            _attached(
                "b", transit_router_attachment_name="scenario-renamed", transit_router_attachment_description="x"
            ),
            {f"{ATTACHMENT}.att": REPLACE},
            data=LINES,
        ),
    ),
)

SCENARIOS = (VBR_SCENARIO, VBR_ATTACHMENT_SCENARIO)
