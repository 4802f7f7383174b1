"""The inventory reader shared by the examples: one row per branch office, checked before anything is built.

A malformed file is reported with file, line and column (all problems at once). The file is data: no cell of
it can become a Terraform expression (``${``, ``%{`` or token text is rejected where it is read). Besides the
three required columns (``name,ip_address,lan_cidr``) a fleet's file may add ``region`` (where the site's
connection lives; default the examples' region) and ``ike_enc_alg`` (its IKE proposal; default the console's).

:func:`split` groups the rows into stacks: ``stack`` (everything in one), ``region`` (one per region) or
``site`` (one per site). The shape decides only which state file a resource lives in, never its address.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import re
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator
from pydantic import ValidationError as PydanticValidationError

from constructs_vpn.codegen.runtime import problems_from
from constructs_vpn.core import Problem, ValidationError
from constructs_vpn.vpn import PropsModel
from constructs_vpn.vpn.options import EncryptionAlgorithm
from constructs_vpn.vpn.types import Cidr, Ipv4, Name100, check_literal_text, rule_error

from ._common import REGION

__all__ = ["COLUMNS", "OPTIONAL_COLUMNS", "Branch", "Split", "read_inventory", "split"]

COLUMNS = ("name", "ip_address", "lan_cidr")
OPTIONAL_COLUMNS = ("region", "ike_enc_alg")


def _address_safe(name: str) -> str:
    """The name starts Terraform names (``<name>-gateway``): Terraform's rule, a letter or ``_`` first, checked
    here so that the mistake is at its line and column rather than at synth."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", name):
        raise rule_error("inventory-name", f"{name!r} is not a letter or '_' followed by letters, digits, '-' and '_'",
                         "it names constructs and Terraform addresses; e.g. shanghai-01")  # fmt: skip
    return name


def _region_id(region: str) -> str:
    check_literal_text(region)
    if not re.fullmatch(r"[a-z]{2}(-[a-z0-9]+)+", region):
        raise rule_error("inventory-region", f"{region!r} is not a region id", "e.g. cn-hangzhou or ap-southeast-1")
    return region


class Branch(PropsModel):
    """One row of the inventory."""

    name: Annotated[Name100, AfterValidator(_address_safe)]
    ip_address: Ipv4
    lan_cidr: Cidr
    region: Annotated[str, AfterValidator(_region_id)] = REGION
    """The region of the site's connection (and of its transit router in the hub). Default ``cn-hangzhou``."""
    ike_enc_alg: EncryptionAlgorithm | None = None
    """IKE encryption of both tunnels. Default: the console's (``aes``)."""


def _header_problem(path: Path, fieldnames: Iterable[str] | None) -> ValidationError | None:
    names = tuple(fieldnames or ())
    extra = names[len(COLUMNS) :]
    if names[: len(COLUMNS)] == COLUMNS and list(extra) == [c for c in OPTIONAL_COLUMNS if c in extra]:
        return None
    return ValidationError.single(
        f"{path}:1",
        f"header is {list(names)}",
        rule="inventory-header",
        fix=f"use {','.join(COLUMNS)}, optionally followed by {' and '.join(OPTIONAL_COLUMNS)} in that order",
    )


def _text(path: Path) -> str:
    """The file's text: UTF-8, after the byte order mark spreadsheet programs write (``utf-8-sig``'s); bytes
    that are not UTF-8 are a problem at their line."""
    data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, line_start = data.count(b"\n", 0, error.start) + 1, data.rfind(b"\n", 0, error.start) + 1
        raise ValidationError.single(
            f"{path}:{line}",
            f"byte {data[error.start]:#04x} (byte {error.start - line_start + 1} of the line) is not UTF-8",
            rule="inventory-encoding",
            fix="save the file as UTF-8 (in a spreadsheet program: CSV UTF-8)",
        ) from None


def read_inventory(path: Path) -> list[Branch]:
    """Every row as a ``Branch``; all problems of the file at once, each at ``file:line:column`` (the column
    is the CSV column's number, 1 for ``name``) with the column's name as the field. A line the csv module
    cannot read (a cell over its 128 KiB limit) ends the reading, at that line."""
    problems: list[Problem] = []
    branches: list[Branch] = []
    reader = csv.DictReader(io.StringIO(_text(path), newline=""))
    try:
        header = _header_problem(path, reader.fieldnames)
        if header is not None:
            raise header
        columns = tuple(reader.fieldnames or ())
        seen: dict[str, int] = {}
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if None in row or any(value is None for value in row.values()):
                problems.append(
                    Problem(where, "wrong number of columns", rule="inventory-row", fix=f"use {','.join(columns)}")
                )
                continue
            try:
                branch = Branch.model_validate(
                    {key: value for key, value in row.items() if value != "" or key in COLUMNS}
                )
            except PydanticValidationError as error:
                problems.extend(_at_column(p, columns) for p in problems_from(error, Branch, where))
                continue
            if branch.name in seen:
                problems.append(Problem(f"{where}:1", f"{branch.name!r} is also on line {seen[branch.name]}", "name",
                                        "inventory-duplicate", "give each branch its own name"))  # fmt: skip
            seen[branch.name] = reader.line_num
            branches.append(branch)
    except csv.Error as error:  # the csv reader's line count has the line that failed (the DictReader's not yet)
        problems.append(Problem(f"{path}:{max(reader.reader.line_num, 1)}", f"cannot be read as CSV ({error})",
                                rule="inventory-csv", fix="keep each cell under 128 KiB; quote a cell that holds "
                                "a comma, a quote or a line break"))  # fmt: skip
    if problems:
        raise ValidationError(problems)
    return branches


def _at_column(problem: Problem, columns: tuple[str, ...]) -> Problem:
    column = columns.index(problem.field) + 1 if problem.field in columns else 0
    return dataclasses.replace(problem, path=f"{problem.path}:{column}") if column else problem


class Split(StrEnum):
    """How a fleet's sites are spread over stacks (and so over Terraform states)."""

    STACK = "stack"
    """Hub and every site in one stack: one state, one plan that reads everything."""
    REGION = "region"
    """The hub, then one stack per region holding that region's sites."""
    SITE = "site"
    """The hub, then one stack per site: a site's change plans one small state."""


def split(branches: Iterable[Branch], shape: Split, *, prefix: str) -> dict[str, list[Branch]]:
    """The site stacks of ``shape`` (stack id → its branches, in inventory order): ``prefix``,
    ``<prefix>-region-<region>`` or ``<prefix>-site-<name>``."""
    groups: dict[str, list[Branch]] = {}
    for branch in branches:
        key = {
            Split.STACK: prefix,
            Split.REGION: f"{prefix}-region-{branch.region}",
            Split.SITE: f"{prefix}-site-{branch.name}",
        }
        groups.setdefault(key[shape], []).append(branch)
    return groups
