"""50 branch offices read from an inventory file (``branches.csv``): one dual-tunnel connection each.

Keys come from one sensitive map variable (``branch_psks``: name → key), so none is in code or in the file.
The inventory is read by ``stacks.inventory`` (a malformed file is reported with file, line and column before
anything is built; no cell can become a Terraform expression). ``stacks.fleet`` reads the same format and splits
it into stacks.
"""

from __future__ import annotations

from pathlib import Path

from constructs_vpn.core import App, Fn, TerraformStack, TerraformVariable
from constructs_vpn.vpn import CustomerGateway, StaticRoute, add_psk_validation

from ._common import network
from .inventory import COLUMNS, Branch, read_inventory

__all__ = ["COLUMNS", "INVENTORY", "Branch", "BranchesStack", "read_inventory"]

INVENTORY = Path(__file__).with_name("branches.csv")


class BranchesStack(TerraformStack):
    def __init__(self, scope: App, id: str, inventory: Path = INVENTORY) -> None:
        super().__init__(scope, id)
        tr = network(self, "branches")
        psks = TerraformVariable(
            self,
            "branch_psks",
            type="map(string)",
            sensitive=True,
            description="pre-shared key of each branch, by name",
        )
        branches = read_inventory(inventory)
        add_psk_validation(psks, [branch.name for branch in branches])  # one message per missing or bad key
        for branch in branches:
            gateway = CustomerGateway(self, f"{branch.name}-gateway", ip_address=branch.ip_address, name=branch.name)
            tr.add_ipsec_connection(
                branch.name,
                name=branch.name,
                customer_gateway=gateway,
                psk=Fn.lookup(psks.value, branch.name),
                static_routes=[StaticRoute(destination=branch.lan_cidr)],
            )


if __name__ == "__main__":
    app = App()
    BranchesStack(app, "branches")
    app.run()
