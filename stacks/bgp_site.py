"""A single-tunnel BGP site: dynamic routing over 169.254.10.0/30, a health check (which only a single-tunnel
connection takes), and a dotted 4-byte ASN. For an account or region that still creates single-tunnel
connections (on the emulator: CONSTRUCTS_VPN_EMULATOR_SINGLE_TUNNEL=accept)."""

from __future__ import annotations

from constructs_vpn.core import App, TerraformStack
from constructs_vpn.vpn import BgpConfig, CustomerGateway, HealthCheckConfig, IpsecConnection

from ._common import network, psk_variable, single_tunnel_region


class BgpSiteStack(TerraformStack):
    def __init__(self, scope: App, id: str) -> None:
        super().__init__(scope, id)
        single_tunnel_region(self)
        tr = network(self, "bgp")
        # 64086.59904 in asdot is 4200000000, the first private 4-byte ASN.
        site = CustomerGateway(self, "site-gateway", ip_address="198.51.100.20", asn="64086.59904", name="bgp-site")
        IpsecConnection(
            self,
            "bgp-site",
            transit_router=tr,
            customer_gateway=site,
            psk=psk_variable(self),
            name="bgp-site",
            tunnel_mode="single",
            bgp=BgpConfig(tunnel_cidr="169.254.10.0/30", local_bgp_ip="169.254.10.1"),
            health_check=HealthCheckConfig(dip="192.168.1.1", sip="10.0.0.1"),
        )


if __name__ == "__main__":
    app = App()
    BgpSiteStack(app, "bgp-site")
    app.run()
