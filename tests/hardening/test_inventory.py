"""The branches example's inventory reader: a malformed file is reported with file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from constructs_vpn.core import ValidationError
from stacks.branches import INVENTORY, read_inventory

GOOD = "name,ip_address,lan_cidr\nsh-01,198.51.100.1,10.1.0.0/24\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "branches.csv"
    path.write_text(text)
    return path


def test_the_shipped_inventory_reads() -> None:
    branches = read_inventory(INVENTORY)
    assert len(branches) == 50 and len({b.name for b in branches}) == 50


def test_every_bad_row_is_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        GOOD
        + "bj-01,198.51.100.300,10.2.0.0/24\n"  # line 3: bad address
        + "sz-01,198.51.100.3,10.3.0.1/24\n"  # line 4: host bits
        + "sh-01,198.51.100.4,10.4.0.0/24\n"  # line 5: duplicate name
        + "gz-01,198.51.100.5\n"  # line 6: a column missing
        + "cd-01,198.51.100.6,10.6.0.0/24,extra\n",  # line 7: a column too many
    )
    with pytest.raises(ValidationError) as caught:
        read_inventory(path)
    found = [(p.path, p.field, p.rule) for p in caught.value.problems]
    assert found == [
        (f"{path}:3:2", "ip_address", "ipv4-address"),
        (f"{path}:4:3", "lan_cidr", "cidr-host-bits"),
        (f"{path}:5:1", "name", "inventory-duplicate"),
        (f"{path}:6", "", "inventory-row"),
        (f"{path}:7", "", "inventory-row"),
    ]
    assert "is also on line 2" in str(caught.value)


def test_a_wrong_header(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"branches.csv:1\] header is \['name', 'ip'\]"):
        read_inventory(write(tmp_path, "name,ip\nx,1.2.3.4\n"))


@pytest.mark.parametrize(
    ("row", "column", "field"),
    [
        ("${var.x},198.51.100.2,10.2.0.0/24", 1, "name"),
        ("bj-01,${TfToken[TOKEN.0]},10.2.0.0/24", 2, "ip_address"),
        ("bj-01,198.51.100.2,%{ if true }10.2.0.0/24%{ endif }", 3, "lan_cidr"),
    ],
)
def test_no_cell_becomes_an_expression(tmp_path: Path, row: str, column: int, field: str) -> None:
    path = write(tmp_path, GOOD + row + "\n")
    with pytest.raises(ValidationError) as caught:
        read_inventory(path)
    assert [(p.path, p.field, p.rule) for p in caught.value.problems] == [
        (f"{path}:3:{column}", field, "expression-text")
    ]
    assert "template syntax" in str(caught.value)


@pytest.mark.parametrize("name", ["a b", "x/y", "", "n\u00e4me"])
def test_a_name_must_be_address_safe(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        read_inventory(write(tmp_path, GOOD + f"{name},198.51.100.2,10.2.0.0/24\n"))
    assert [p.field for p in caught.value.problems] == ["name"]
