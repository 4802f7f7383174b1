"""One data center, static routing: destination routing (0.0.0.0/0 on both sides), a tunnel to each of the
data center's two public addresses, and static routes to its networks, published to the transit router."""

from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.core import App, TerraformOutput, TerraformStack, TerraformVariable
from constructs_vpn.vpn import CenInstance, CustomerGateway, StaticRoute, TransitRouter, TunnelOptions

app = App()
stack = TerraformStack(app, "dc1-static")
AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
tr = TransitRouter(stack, "tr", cen=CenInstance(stack, "cen", name="corp"), name="corp-tr")
device_a = CustomerGateway(stack, "dc1-a", ip_address="203.0.113.10", name="dc1-a")
device_b = CustomerGateway(stack, "dc1-b", ip_address="203.0.113.11", name="dc1-b")
psk = TerraformVariable(stack, "psk", type="string", sensitive=True, description="IPsec pre-shared key")
connection = tr.add_ipsec_connection(
    "dc1",
    name="dc1",
    tunnels=[TunnelOptions(customer_gateway=device_a, psk=psk), TunnelOptions(customer_gateway=device_b, psk=psk)],
    static_routes=[StaticRoute(destination="192.168.0.0/16"), StaticRoute(destination="172.16.0.0/20")],
)
TerraformOutput(stack, "vpn_connection_id", value=connection.vpn_connection_id)
app.synth()
