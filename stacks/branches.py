"""50 branch offices read from an inventory file (``branches.csv``): one dual-tunnel connection each.

Keys come from one sensitive map variable (``branch_psks``: name → key), so none is in code or in the file.
A malformed inventory is reported with file, line and column before anything is built.
"""

from __future__ import annotations

import csv
from pathlib import Path

from pydantic import ValidationError as PydanticValidationError

from constructs_vpn.alicloud._runtime import problems_from
from constructs_vpn.core import App, Fn, Problem, TerraformStack, TerraformVariable, ValidationError
from constructs_vpn.vpn import CustomerGateway, StaticRoute, TunnelOptions
from constructs_vpn.vpn._base import PropsModel
from constructs_vpn.vpn.types import Cidr, Ipv4

from ._common import network

INVENTORY = Path(__file__).with_name("branches.csv")
COLUMNS = ("name", "ip_address", "lan_cidr")


class Branch(PropsModel):
    """One row of the inventory."""

    name: str
    ip_address: Ipv4
    lan_cidr: Cidr


def read_inventory(path: Path) -> list[Branch]:
    """Every row as a ``Branch``; all problems of the file at once, each as ``file:line`` and column."""
    problems: list[Problem] = []
    branches: list[Branch] = []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValidationError.single(
                f"{path}:1", f"header is {reader.fieldnames}", rule="inventory-header", fix=f"use {','.join(COLUMNS)}"
            )
        seen: dict[str, int] = {}
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if None in row or any(value is None for value in row.values()):
                problems.append(
                    Problem(where, "wrong number of columns", rule="inventory-row", fix=f"use {','.join(COLUMNS)}")
                )
                continue
            try:
                branch = Branch.model_validate(row)
            except PydanticValidationError as error:
                problems.extend(problems_from(error, Branch, where))
                continue
            if branch.name in seen:
                problems.append(Problem(where, f"{branch.name!r} is also on line {seen[branch.name]}", "name",
                                        "inventory-duplicate", "give each branch its own name"))  # fmt: skip
            seen[branch.name] = reader.line_num
            branches.append(branch)
    if problems:
        raise ValidationError(problems)
    return branches


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
        for branch in read_inventory(inventory):
            gateway = CustomerGateway(self, f"{branch.name}-gateway", ip_address=branch.ip_address, name=branch.name)
            psk = Fn.lookup(psks.value, branch.name)
            tr.add_ipsec_connection(
                branch.name,
                name=branch.name,
                tunnels=[
                    TunnelOptions(customer_gateway=gateway, psk=psk),
                    TunnelOptions(customer_gateway=gateway, psk=psk),
                ],
                static_routes=[StaticRoute(destination=branch.lan_cidr)],
            )


if __name__ == "__main__":
    app = App()
    BranchesStack(app, "branches")
    app.run()
