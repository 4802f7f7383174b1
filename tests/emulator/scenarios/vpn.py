"""VPN family: ``alicloud_vpn_customer_gateway``, ``alicloud_vpn_connection`` (an IPsec connection on a VPN
gateway), ``alicloud_vpn_gateway_vpn_attachment`` (dual-tunnel, as the
API creates them on a transit router today) and its ``alicloud_cen_transit_router_vpn_attachment``. ForceNew
flags from ``constructs_vpn/alicloud/schema/constraints.json`` (provider v1.289.0); error codes from the VPN and
CEN API references (CreateCustomerGateway, CreateVpnAttachment, CreateTransitRouterVpnAttachment, CreateVpnConnection)."""

from __future__ import annotations

from typing import Any

from tests.emulator.scenarios import CREATE, REPLACE, UPDATE, Scenario, Step

CGW = "alicloud_vpn_customer_gateway"
VPN = "alicloud_vpn_gateway_vpn_attachment"
ATTACHMENT = "alicloud_cen_transit_router_vpn_attachment"
CEN = "alicloud_cen_instance"
TR = "alicloud_cen_transit_router"


def _gateway(ip: str = "198.51.100.10", **extra: Any) -> dict[str, Any]:
    return {"ip_address": ip, "asn": "65010", "customer_gateway_name": "scenario-dc", **extra}


CUSTOMER_GATEWAY = Scenario(
    "customer_gateway",
    (
        Step(
            "alicloud_vpn_customer_gateway: created by CreateCustomerGateway",
            {CGW: {"dc": _gateway()}},
            {f"{CGW}.dc": CREATE},
        ),
        Step(
            "alicloud_vpn_customer_gateway: customer_gateway_name and description update in place "
            "(ModifyCustomerGatewayAttribute)",
            {CGW: {"dc": _gateway(customer_gateway_name="scenario-renamed", description="changed")}},
            {f"{CGW}.dc": UPDATE},
        ),
        Step(
            "CreateCustomerGateway: one customer gateway per public IP address in a region "
            "(InvalidIpAddress.AlreadyExist)",
            {
                CGW: {
                    "dc": _gateway(customer_gateway_name="scenario-renamed", description="changed"),
                    "twin": _gateway(),
                }
            },
            refused="InvalidIpAddress.AlreadyExist",
        ),
        Step(
            "alicloud_vpn_customer_gateway: ip_address is ForceNew, a new address replaces the gateway",
            {CGW: {"dc": _gateway("198.51.100.11", customer_gateway_name="scenario-renamed", description="changed")}},
            {f"{CGW}.dc": REPLACE},
        ),
    ),
)


def _dual(enc: str = "aes", **extra: Any) -> dict[str, Any]:
    """A dual-tunnel connection, both tunnels to the gateway ``dc``."""
    tunnel = {
        "customer_gateway_id": "${alicloud_vpn_customer_gateway.dc.id}",
        "tunnel_ike_config": [{"ike_enc_alg": enc}],
    }
    return {
        "vpn_attachment_name": "scenario-vpn",
        "local_subnet": "10.0.0.0/8",
        "remote_subnet": "192.168.0.0/16",
        "tunnel_options_specification": [{**tunnel, "tunnel_index": index} for index in (1, 2)],
        **extra,
    }


VPN_ATTACHMENT = Scenario(
    "vpn_gateway_vpn_attachment",
    (
        Step(
            "alicloud_vpn_gateway_vpn_attachment: a dual-tunnel connection created by CreateVpnAttachment",
            {CGW: {"dc": _gateway()}, VPN: {"vpn": _dual()}},
            {f"{CGW}.dc": CREATE, f"{VPN}.vpn": CREATE},
        ),
        Step(
            "alicloud_vpn_gateway_vpn_attachment: vpn_attachment_name and a tunnel's IKE cipher update in place "
            "(ModifyVpnAttachmentAttribute)",
            {CGW: {"dc": _gateway()}, VPN: {"vpn": _dual("aes256", vpn_attachment_name="scenario-renamed")}},
            {f"{VPN}.vpn": UPDATE},
        ),
        Step(
            "CreateVpnAttachment: a new single-tunnel connection (ike_config, no tunnel_options_specification) is "
            "refused on a transit router (VpnConnection.InvalidCreateTunnelOptions; the provider's legacy-fields "
            "acceptance test expects it)",
            {
                CGW: {"dc": _gateway()},
                VPN: {
                    "vpn": _dual("aes256", vpn_attachment_name="scenario-renamed"),
                    "legacy": {
                        "customer_gateway_id": "${alicloud_vpn_customer_gateway.dc.id}",
                        "local_subnet": "10.0.0.0/8",
                        "remote_subnet": "192.168.0.0/16",
                        "ike_config": [{"ike_version": "ikev2"}],
                    },
                },
            },
            refused="VpnConnection.InvalidCreateTunnelOptions",
        ),
        Step(
            "alicloud_vpn_gateway_vpn_attachment: network_type is ForceNew, private replaces the connection",
            {
                CGW: {"dc": _gateway()},
                VPN: {"vpn": _dual("aes256", vpn_attachment_name="scenario-renamed", network_type="private")},
            },
            {f"{VPN}.vpn": REPLACE},
        ),
    ),
)


def _attached(vpn: str = "a", **extra: Any) -> dict[str, Any]:
    """A CEN, its transit router, two dual-tunnel connections and the attachment of one of them."""
    return {
        CEN: {"cen": {"cen_instance_name": "scenario-cen"}},
        TR: {"tr": {"cen_id": "${alicloud_cen_instance.cen.id}"}},
        CGW: {"dc": _gateway()},
        VPN: {"a": _dual(), "b": _dual(vpn_attachment_name="scenario-other")},
        ATTACHMENT: {
            "att": {
                "cen_id": "${alicloud_cen_instance.cen.id}",
                "transit_router_id": "${alicloud_cen_transit_router.tr.transit_router_id}",
                "vpn_id": f"${{alicloud_vpn_gateway_vpn_attachment.{vpn}.id}}",
                "auto_publish_route_enabled": True,
                **extra,
            }
        },
    }


TR_VPN_ATTACHMENT = Scenario(
    "transit_router_vpn_attachment",
    (
        Step(
            "alicloud_cen_transit_router_vpn_attachment: a dual-tunnel connection attached to the transit router "
            "(CreateTransitRouterVpnAttachment, no zone: the cloud picks the tunnels' zones)",
            _attached(),
            {
                f"{CEN}.cen": CREATE,
                f"{TR}.tr": CREATE,
                f"{CGW}.dc": CREATE,
                f"{VPN}.a": CREATE,
                f"{VPN}.b": CREATE,
                f"{ATTACHMENT}.att": CREATE,
            },
        ),
        Step(
            "alicloud_cen_transit_router_vpn_attachment: transit_router_attachment_description and "
            "auto_publish_route_enabled update in place (UpdateTransitRouterVpnAttachmentAttribute)",
            _attached(transit_router_attachment_description="changed", auto_publish_route_enabled=False),
            {f"{ATTACHMENT}.att": UPDATE},
        ),
        Step(
            "CreateTransitRouterVpnAttachment: a zone for a dual-tunnel connection is refused "
            "(OperationUnsupported.VcoTunnelNotMatchZoneParam)",
            {
                **_attached(transit_router_attachment_description="changed", auto_publish_route_enabled=False),
                "alicloud_cen_transit_router_vpn_attachment": {
                    **_attached(transit_router_attachment_description="changed", auto_publish_route_enabled=False)[
                        ATTACHMENT
                    ],
                    "zoned": {
                        "transit_router_id": "${alicloud_cen_transit_router.tr.transit_router_id}",
                        "cen_id": "${alicloud_cen_instance.cen.id}",
                        "vpn_id": "${alicloud_vpn_gateway_vpn_attachment.b.id}",
                        "zone": [{"zone_id": "cn-hangzhou-h"}],
                    },
                },
            },
            refused="OperationUnsupported.VcoTunnelNotMatchZoneParam",
        ),
        Step(
            "alicloud_cen_transit_router_vpn_attachment: vpn_id is ForceNew, attaching the other connection "
            "replaces the attachment",
            _attached("b", transit_router_attachment_description="changed", auto_publish_route_enabled=False),
            {f"{ATTACHMENT}.att": REPLACE},
        ),
    ),
)

VCO_ROUTE = "alicloud_vpn_gateway_vco_route"


def _routed(*destinations: str) -> dict[str, Any]:
    """The connection ``vpn`` with a route to each destination through it."""
    connection = "${alicloud_vpn_gateway_vpn_attachment.vpn.id}"
    return {
        CGW: {"dc": _gateway()},
        VPN: {"vpn": _dual()},
        VCO_ROUTE: {
            f"r{index}": {"vpn_connection_id": connection, "next_hop": connection, "route_dest": dest, "weight": 100}
            for index, dest in enumerate(destinations)
        },
    }


VCO_ROUTE_SCENARIO = Scenario(
    "vpn_gateway_vco_route",
    (
        Step(
            "alicloud_vpn_gateway_vco_route: a destination route through the connection (CreateVcoRouteEntry)",
            _routed("192.168.10.0/24"),
            {f"{CGW}.dc": CREATE, f"{VPN}.vpn": CREATE, f"{VCO_ROUTE}.r0": CREATE},
        ),
        Step(
            "CreateVcoRouteEntry: a second route to the same destination on the connection is refused "
            "(VpnRouteEntry.AlreadyExists); every argument of the type is ForceNew, so nothing updates in place",
            _routed("192.168.10.0/24", "192.168.10.0/24"),
            refused="VpnRouteEntry.AlreadyExists",
        ),
        Step(
            "alicloud_vpn_gateway_vco_route: route_dest is ForceNew, another destination replaces the route",
            _routed("192.168.20.0/24"),
            {f"{VCO_ROUTE}.r0": REPLACE},
        ),
    ),
)

VPN_GATEWAY = "alicloud_vpn_gateway"
CONNECTION = "alicloud_vpn_connection"


def _connected(cgw: str = "dc", **extra: Any) -> dict[str, Any]:
    """A single-zone VPN gateway in a VPC, two customer gateways and an IPsec connection to one of them."""
    return {
        "alicloud_vpc": {"net": {"cidr_block": "10.40.0.0/16"}},
        "alicloud_vswitch": {
            "sw": {"vpc_id": "${alicloud_vpc.net.id}", "cidr_block": "10.40.1.0/24", "zone_id": "cn-hangzhou-h"}
        },
        VPN_GATEWAY: {
            "gw": {"vpc_id": "${alicloud_vpc.net.id}", "vswitch_id": "${alicloud_vswitch.sw.id}", "bandwidth": 10}
        },
        CGW: {"dc": _gateway(), "dr": _gateway("198.51.100.20", customer_gateway_name="scenario-dr")},
        CONNECTION: {
            "site": {
                "vpn_gateway_id": "${alicloud_vpn_gateway.gw.id}",
                "customer_gateway_id": f"${{alicloud_vpn_customer_gateway.{cgw}.id}}",
                "local_subnet": ["10.40.0.0/16"],
                "remote_subnet": ["192.168.0.0/24"],
                "vpn_connection_name": "scenario-site",
                **extra,
            }
        },
    }


VPN_CONNECTION = Scenario(
    "vpn_connection",
    (
        Step(
            "alicloud_vpn_connection: a single-tunnel IPsec connection on a VPN gateway created by "
            "CreateVpnConnection (IKE and IPsec settings left to the API's defaults)",
            _connected(),
            {
                "alicloud_vpc.net": CREATE,
                "alicloud_vswitch.sw": CREATE,
                f"{VPN_GATEWAY}.gw": CREATE,
                f"{CGW}.dc": CREATE,
                f"{CGW}.dr": CREATE,
                f"{CONNECTION}.site": CREATE,
            },
        ),
        Step(
            "alicloud_vpn_connection: vpn_connection_name and remote_subnet update in place "
            "(ModifyVpnConnectionAttribute)",
            _connected(vpn_connection_name="scenario-renamed", remote_subnet=["192.168.1.0/24"]),
            {f"{CONNECTION}.site": UPDATE},
        ),
        Step(
            "CreateVpnConnection: tunnel_options_specification (a dual-tunnel connection) on a gateway without "
            "disaster_recovery_vswitch_id is refused (OperationUnsupported.DualTunnel)",
            {
                **_connected(vpn_connection_name="scenario-renamed", remote_subnet=["192.168.1.0/24"]),
                CONNECTION: {
                    **_connected(vpn_connection_name="scenario-renamed", remote_subnet=["192.168.1.0/24"])[CONNECTION],
                    "dual": {
                        "vpn_gateway_id": "${alicloud_vpn_gateway.gw.id}",
                        "local_subnet": ["10.40.0.0/16"],
                        "remote_subnet": ["192.168.2.0/24"],
                        "tunnel_options_specification": [
                            {"customer_gateway_id": "${alicloud_vpn_customer_gateway.dc.id}", "role": role}
                            for role in ("master", "slave")
                        ],
                    },
                },
            },
            refused="OperationUnsupported.DualTunnel",
        ),
        Step(
            "alicloud_vpn_connection: customer_gateway_id is ForceNew, the other customer gateway replaces the "
            "connection",
            _connected("dr", vpn_connection_name="scenario-renamed", remote_subnet=["192.168.1.0/24"]),
            {f"{CONNECTION}.site": REPLACE},
        ),
    ),
)

SCENARIOS = (CUSTOMER_GATEWAY, VPN_ATTACHMENT, TR_VPN_ATTACHMENT, VCO_ROUTE_SCENARIO, VPN_CONNECTION)
