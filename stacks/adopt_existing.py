"""Adopting an existing single-tunnel connection (it can no longer be created, only managed).

``terraform plan`` imports the CEN, transit router, customer gateway, connection, attachment, association
and propagation by id, then manages them like any other resource.
"""

from __future__ import annotations

from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.core import App, TerraformStack
from constructs_vpn.vpn import CenInstance, CustomerGateway, ExistingConnection, IpsecConnection, TransitRouter

from ._common import REGION, psk_variable


class AdoptExistingStack(TerraformStack):
    def __init__(self, scope: App, id: str) -> None:
        super().__init__(scope, id)
        AlicloudProvider(self, "alicloud", region=REGION)
        cen = CenInstance(self, "cen", name="legacy-cen", existing="cen-7qthudw0ll6jmc3ebr")
        tr = TransitRouter(self, "tr", cen=cen, name="legacy-tr", existing="tr-bp1su1ytdxtataupl6vhv")
        dc = CustomerGateway(
            self, "legacy-gateway", ip_address="203.0.113.70", name="legacy", existing="cgw-bp1pvpl9r9adju6l5ok2l"
        )
        IpsecConnection(
            self,
            "legacy",
            transit_router=tr,
            customer_gateway=dc,
            psk=psk_variable(self),
            name="legacy",
            tunnel_mode="single",
            zone_id="cn-hangzhou-h",
            existing=ExistingConnection(
                vpn_connection_id="vco-bp15oes1py4i66rmd58zp",
                transit_router_attachment_id="tr-attach-nls9fzkfat8934wjxk",
            ),
        )


if __name__ == "__main__":
    app = App()
    AdoptExistingStack(app, "adopt-existing")
    app.run()
