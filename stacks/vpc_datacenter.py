"""A VPC and a data center connected through the transit router: the VPC's two vSwitches (one per zone) are
attached to the transit router, the data center over a dual-tunnel IPsec connection, and both attachments are
associated with and propagate to the System route table, so each side learns the other's routes.

The VPC side uses the generated bindings (``constructs_vpn.alicloud``, as ``cdktf get`` would give them); the
IPsec side the VPN constructs, which associate and propagate their own attachment.
"""

from __future__ import annotations

from constructs_vpn.alicloud import (
    CenTransitRouterRouteTableAssociation,
    CenTransitRouterRouteTablePropagation,
    CenTransitRouterVpcAttachment,
    CenTransitRouterVpcAttachmentZoneMappings,
    DataAlicloudZones,
    Vpc,
    Vswitch,
)
from constructs_vpn.core import App, Fn, TerraformOutput, TerraformStack
from constructs_vpn.vpn import CustomerGateway, StaticRoute

from ._common import network, psk_variable

VPC_CIDR = "10.10.0.0/16"
VSWITCH_CIDRS = ("10.10.1.0/24", "10.10.2.0/24")
DATA_CENTER_CIDR = "192.168.0.0/16"


class VpcDatacenterStack(TerraformStack):
    def __init__(self, scope: App, id: str) -> None:
        super().__init__(scope, id)
        tr = network(self, "hub")
        # The zones where vSwitches can be created; the transit router attaches a vSwitch in each of two.
        zones = DataAlicloudZones(self, "zones", available_resource_creation="VSwitch")
        vpc = Vpc(self, "vpc", vpc_name="app", cidr_block=VPC_CIDR)
        mappings = []
        for index, cidr in enumerate(VSWITCH_CIDRS):
            zone = Fn.element(zones.ids, index)
            vswitch = Vswitch(
                self,
                f"vswitch-{index + 1}",
                vpc_id=vpc.id,
                cidr_block=cidr,
                zone_id=zone,
                vswitch_name=f"app-{index + 1}",
            )
            mappings.append(CenTransitRouterVpcAttachmentZoneMappings(zone_id=zone, vswitch_id=vswitch.id))
        vpc_attachment = CenTransitRouterVpcAttachment(
            self,
            "vpc-attachment",
            cen_id=tr.cen_id,
            transit_router_id=tr.transit_router_id,
            vpc_id=vpc.id,
            transit_router_vpc_attachment_name="app",
            auto_publish_route_enabled=True,
            zone_mappings=mappings,
        )
        # The attachment's own id is "<cen id>:<attachment id>"; route tables take the attachment id.
        attachment_id = vpc_attachment.transit_router_attachment_id
        table_id = tr.default_route_table_id
        CenTransitRouterRouteTableAssociation(
            self, "vpc-association", transit_router_attachment_id=attachment_id, transit_router_route_table_id=table_id
        )
        CenTransitRouterRouteTablePropagation(
            self, "vpc-propagation", transit_router_attachment_id=attachment_id, transit_router_route_table_id=table_id
        )
        dc = CustomerGateway(self, "dc-gateway", ip_address="203.0.113.50", name="dc", asn="65050")
        connection = tr.add_ipsec_connection(
            "dc",
            name="dc",
            customer_gateway=dc,
            psk=psk_variable(self),
            static_routes=[StaticRoute(destination=DATA_CENTER_CIDR)],
        )
        TerraformOutput(self, "vpc_id", value=vpc.id)
        TerraformOutput(self, "vpn_connection_id", value=connection.vpn_connection_id)


if __name__ == "__main__":
    app = App()
    VpcDatacenterStack(app, "vpc-datacenter")
    app.run()
