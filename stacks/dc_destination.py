"""One data center, destination routing (0.0.0.0/0 both sides) and every console default: two ECMP tunnels."""

from __future__ import annotations

from constructs_vpn.core import App, TerraformOutput, TerraformStack
from constructs_vpn.vpn import CustomerGateway, IpsecConnection

from ._common import network, psk_variable


class DcDestinationStack(TerraformStack):
    def __init__(self, scope: App, id: str) -> None:
        super().__init__(scope, id)
        tr = network(self, "dc")
        dc = CustomerGateway(self, "dc1-gateway", ip_address="203.0.113.10", name="dc1")
        conn = IpsecConnection(self, "dc1", transit_router=tr, customer_gateway=dc, psk=psk_variable(self), name="dc1")
        TerraformOutput(self, "vpn_connection_id", value=conn.vpn_connection_id)


if __name__ == "__main__":
    app = App()
    DcDestinationStack(app, "dc-destination")
    app.run()
