"""Protected data flows: two CIDRs each side (IKEv2), strong crypto on both tunnels, and static routes to the
data center."""

from __future__ import annotations

from constructs_vpn.core import App, TerraformStack
from constructs_vpn.vpn import CustomerGateway, IkeConfig, IpsecConfig, IpsecConnection, StaticRoute

from ._common import network, psk_variable

DATA_CENTER = ["192.168.10.0/24", "192.168.20.0/24"]


class ProtectedFlowsStack(TerraformStack):
    def __init__(self, scope: App, id: str) -> None:
        super().__init__(scope, id)
        tr = network(self, "flows")
        dc = CustomerGateway(self, "dc2-gateway", ip_address="203.0.113.30", name="dc2")
        IpsecConnection(
            self,
            "dc2",
            transit_router=tr,
            customer_gateway=dc,
            psk=psk_variable(self),
            name="dc2",
            local_subnets=["10.0.0.0/16", "10.1.0.0/16"],
            remote_subnets=DATA_CENTER,
            ike_config=IkeConfig(ike_enc_alg="aes256", ike_auth_alg="sha256", ike_pfs="group14", ike_lifetime=28800),
            ipsec_config=IpsecConfig(
                ipsec_enc_alg="aes256", ipsec_auth_alg="sha256", ipsec_pfs="group14", ipsec_lifetime=3600
            ),
            static_routes=[StaticRoute(destination=cidr) for cidr in DATA_CENTER],
        )


if __name__ == "__main__":
    app = App()
    ProtectedFlowsStack(app, "protected-flows")
    app.run()
