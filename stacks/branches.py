"""50 branch offices read from an inventory file (``branches.csv``): one dual-tunnel connection each.

Keys come from one sensitive map variable (``branch_psks``: name → key), so none is in code or in the file.
A malformed inventory is reported with file, line and column before anything is built. The file is data:
no cell of it can become a Terraform expression (``${``, ``%{`` or token text is rejected where it is read).
"""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator
from pydantic import ValidationError as PydanticValidationError

from constructs_vpn.codegen.runtime import problems_from
from constructs_vpn.core import App, Fn, Problem, TerraformStack, TerraformVariable, ValidationError
from constructs_vpn.vpn import CustomerGateway, StaticRoute
from constructs_vpn.vpn._base import PropsModel
from constructs_vpn.vpn.types import Cidr, Ipv4, Name100, rule_error

from ._common import network

INVENTORY = Path(__file__).with_name("branches.csv")
COLUMNS = ("name", "ip_address", "lan_cidr")


def _address_safe(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise rule_error("inventory-name", f"{name!r} is not letters, digits, '-' and '_'",
                         "it names constructs and Terraform addresses; e.g. shanghai-01")  # fmt: skip
    return name


class Branch(PropsModel):
    """One row of the inventory."""

    name: Annotated[Name100, AfterValidator(_address_safe)]
    ip_address: Ipv4
    lan_cidr: Cidr


def read_inventory(path: Path) -> list[Branch]:
    """Every row as a ``Branch``; all problems of the file at once, each at ``file:line:column`` (the column
    is the CSV column's number, 1 for ``name``) with the column's name as the field."""
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
                problems.extend(_at_column(p) for p in problems_from(error, Branch, where))
                continue
            if branch.name in seen:
                problems.append(Problem(f"{where}:1", f"{branch.name!r} is also on line {seen[branch.name]}", "name",
                                        "inventory-duplicate", "give each branch its own name"))  # fmt: skip
            seen[branch.name] = reader.line_num
            branches.append(branch)
    if problems:
        raise ValidationError(problems)
    return branches


def _at_column(problem: Problem) -> Problem:
    column = COLUMNS.index(problem.field) + 1 if problem.field in COLUMNS else 0
    return dataclasses.replace(problem, path=f"{problem.path}:{column}") if column else problem


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
