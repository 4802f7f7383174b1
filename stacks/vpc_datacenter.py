"""A VPC and a data center connected through the transit router: the VPC's two vSwitches (one per zone) are
attached to the transit router, the data center over a dual-tunnel IPsec connection, and both attachments are
associated with and propagate to the System route table, so each side learns the other's routes.

The VPC, vSwitches and VPC attachment have no generated bindings yet: they are written as generic
``TerraformResource`` with the provider's attribute names.
"""

from __future__ import annotations

from constructs_vpn.core import App, Fn, TerraformDataSource, TerraformOutput, TerraformResource, TerraformStack
from constructs_vpn.vpn import CustomerGateway, StaticRoute

from ._common import network, psk_variable

VPC_CIDR = "10.10.0.0/16"
DATA_CENTER_CIDR = "192.168.0.0/16"


class VpcDatacenterStack(TerraformStack):
    def __init__(self, scope: App, id: str) -> None:
        super().__init__(scope, id)
        tr = network(self, "hub")
        # The zones where vSwitches can be created, and where the transit router can attach them.
        zones = TerraformDataSource(
            self,
            "zones",
            terraform_resource_type="alicloud_zones",
            attributes={"available_resource_creation": "VSwitch"},
        )
        vpc = TerraformResource(
            self,
            "vpc",
            terraform_resource_type="alicloud_vpc",
            attributes={"vpc_name": "app", "cidr_block": VPC_CIDR},
        )
        mappings = []
        for index, cidr in enumerate(("10.10.1.0/24", "10.10.2.0/24")):
            zone = Fn.element(zones.get_list_attribute("ids"), index)
            vswitch = TerraformResource(
                self,
                f"vswitch-{index + 1}",
                terraform_resource_type="alicloud_vswitch",
                attributes={
                    "vpc_id": vpc.get_string_attribute("id"),
                    "cidr_block": cidr,
                    "zone_id": zone,
                    "vswitch_name": f"app-{index + 1}",
                },
            )
            mappings.append({"zone_id": zone, "vswitch_id": vswitch.get_string_attribute("id")})
        vpc_attachment = TerraformResource(
            self,
            "vpc-attachment",
            terraform_resource_type="alicloud_cen_transit_router_vpc_attachment",
            attributes={
                "cen_id": tr.cen_id,
                "transit_router_id": tr.transit_router_id,
                "vpc_id": vpc.get_string_attribute("id"),
                "transit_router_vpc_attachment_name": "app",
                "auto_publish_route_enabled": True,
                "zone_mappings": mappings,
            },
        )
        attachment_id = vpc_attachment.get_string_attribute("transit_router_attachment_id")
        for kind in ("association", "propagation"):
            TerraformResource(
                self,
                f"vpc-{kind}",
                terraform_resource_type=f"alicloud_cen_transit_router_route_table_{kind}",
                attributes={
                    "transit_router_attachment_id": attachment_id,
                    "transit_router_route_table_id": tr.default_route_table_id,
                },
            )
        dc = CustomerGateway(self, "dc-gateway", ip_address="203.0.113.50", name="dc", asn="65050")
        connection = tr.add_ipsec_connection(
            "dc",
            name="dc",
            customer_gateway=dc,
            psk=psk_variable(self),
            static_routes=[StaticRoute(destination=DATA_CENTER_CIDR)],
        )
        TerraformOutput(self, "vpc_id", value=vpc.get_string_attribute("id"))
        TerraformOutput(self, "vpn_connection_id", value=connection.vpn_connection_id)


if __name__ == "__main__":
    app = App()
    VpcDatacenterStack(app, "vpc-datacenter")
    app.run()
