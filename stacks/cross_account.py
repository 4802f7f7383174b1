"""Cross-account: the connection lives in account B and is bound to account A's CEN; account B pays."""

from __future__ import annotations

from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.core import App, TerraformStack
from constructs_vpn.vpn import CenInstance, CrossAccount, CustomerGateway, IpsecConnection, TransitRouter

from ._common import REGION

CEN_ACCOUNT = "1111111111111111"
VPN_ACCOUNT = "2222222222222222"


class CrossAccountStack(TerraformStack):
    def __init__(self, scope: App, id: str) -> None:
        super().__init__(scope, id)
        # Account A, the CEN owner: the default provider block, with that account's credentials. account_id
        # says which account it is (the emulator acts as that account; the real provider uses the credentials).
        AlicloudProvider(self, "alicloud", region=REGION, account_id=CEN_ACCOUNT)
        cen = CenInstance(self, "cen", name="shared-cen", description="shared example")
        tr = TransitRouter(self, "tr", cen=cen, name="shared-tr")
        # Account B, the connection's owner: a role assumed in it, whose ARN names the account.
        branch_account = AlicloudProvider(
            self,
            "vpn-account",
            alias="vpn_account",
            region=REGION,
            assume_role={"role_arn": f"acs:ram::{VPN_ACCOUNT}:role/terraform", "session_name": "constructs-vpn"},
        )
        gateway = CustomerGateway(
            self, "branch-gateway", ip_address="198.51.100.40", name="branch", provider=branch_account
        )
        IpsecConnection(
            self,
            "branch",
            transit_router=tr,
            provider=branch_account,
            customer_gateway=gateway,
            name="branch",
            cross_account=CrossAccount(cen_owner_id=CEN_ACCOUNT, vpn_owner_id=VPN_ACCOUNT, payer="vpn_owner"),
        )


if __name__ == "__main__":
    app = App()
    CrossAccountStack(app, "cross-account")
    app.run()
