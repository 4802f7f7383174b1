"""Dual-tunnel (how Alibaba Cloud creates TR-bound connections now): two devices, BGP on both tunnels."""

from __future__ import annotations

from constructs_vpn.core import App, TerraformStack
from constructs_vpn.vpn import BgpConfig, CustomerGateway, IkeConfig, IpsecConnection, TunnelOptions

from ._common import network, psk_variable

STRONG = IkeConfig(ike_enc_alg="aes256", ike_auth_alg="sha256", ike_pfs="group14")


class DualTunnelStack(TerraformStack):
    def __init__(self, scope: App, id: str) -> None:
        super().__init__(scope, id)
        tr = network(self, "dual")
        primary = CustomerGateway(self, "primary-gateway", ip_address="203.0.113.50", asn=65050, name="dc3-a")
        backup = CustomerGateway(self, "backup-gateway", ip_address="203.0.113.51", asn=65050, name="dc3-b")
        psk = psk_variable(self)
        IpsecConnection(
            self,
            "dc3",
            transit_router=tr,
            name="dc3",
            tunnels=[
                TunnelOptions(
                    customer_gateway=primary,
                    psk=psk,
                    ike_config=STRONG,
                    bgp=BgpConfig(tunnel_cidr="169.254.20.0/30", local_bgp_ip="169.254.20.1"),
                ),
                TunnelOptions(
                    customer_gateway=backup,
                    psk=psk,
                    ike_config=STRONG,
                    bgp=BgpConfig(tunnel_cidr="169.254.21.0/30", local_bgp_ip="169.254.21.1"),
                ),
            ],
        )


if __name__ == "__main__":
    app = App()
    DualTunnelStack(app, "dual-tunnel")
    app.run()
