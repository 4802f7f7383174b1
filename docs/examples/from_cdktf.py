"""A cdktf Python app moved over: the imports change, the construct ids (so the Terraform addresses) do not.

Synthesize it where the cdktf app ran and ``terraform plan`` shows no changes.
"""

# cdktf:
#   from cdktf import App, TerraformStack, TerraformVariable
#   from constructs import Construct
#   from imports.alicloud.provider import AlicloudProvider
#   from imports.alicloud.vpn_customer_gateway import VpnCustomerGateway
#   from imports.alicloud.vpn_gateway_vpn_attachment import (
#       VpnGatewayVpnAttachment, VpnGatewayVpnAttachmentIkeConfig)
from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.alicloud.vpn_customer_gateway import VpnCustomerGateway
from constructs_vpn.alicloud.vpn_gateway_vpn_attachment import (
    VpnGatewayVpnAttachment,
    VpnGatewayVpnAttachmentIkeConfig,
)
from constructs_vpn.core import App, Construct, TerraformStack, TerraformVariable


class DataCenter(Construct):
    """New while moving over: the gateway now sits at ``dc1/gateway``, no longer at the stack's ``dc1-cgw``."""

    def __init__(self, scope: Construct, id: str, *, ip_address: str) -> None:
        super().__init__(scope, id)
        self.gateway = VpnCustomerGateway(self, "gateway", ip_address=ip_address, customer_gateway_name=id)
        # Its state is at alicloud_vpn_customer_gateway.dc1-cgw: keep that address (cdktf's overrideLogicalId).
        self.gateway.override_logical_id(f"{id}-cgw")


class VpnStack(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AlicloudProvider(self, "alicloud", region="cn-hangzhou")
        psk = TerraformVariable(self, "psk", type="string", sensitive=True)
        dc1 = DataCenter(self, "dc1", ip_address="203.0.113.10")
        VpnGatewayVpnAttachment(
            self,
            "dc1-vpn",
            customer_gateway_id=dc1.gateway.id,
            local_subnet="0.0.0.0/0",
            remote_subnet="0.0.0.0/0",
            ike_config=VpnGatewayVpnAttachmentIkeConfig(ike_version="ikev2", psk=psk.string_value),
        )


app = App()
VpnStack(app, "vpn")
app.synth()
