"""The inventory reader against hostile CSV bytes: a file either loads or is the library's ValidationError, each
problem at ``file:line`` or ``file:line:column``; never a traceback of another exception. What spreadsheet
programs write (a UTF-8 byte order mark) loads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn.core import ValidationError
from stacks.inventory import read_inventory

HEADER = b"name,ip_address,lan_cidr,region,ike_enc_alg\n"
GOOD = HEADER + b"sh-01,198.51.100.1,10.1.0.0/24,,\n"
#: Python's csv module refuses a cell longer than this (``csv.field_size_limit()``'s default, 128 KiB).
OVER_LIMIT = b"x" * (128 * 1024 + 1)


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "sites.csv"
    path.write_bytes(data)
    return path


def problems(path: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(ValidationError) as caught:
        read_inventory(path)
    return [(p.path, p.field, p.rule) for p in caught.value.problems]


def test_a_cell_over_the_csv_limit_is_a_problem_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + b"bj-01,198.51.100.2," + OVER_LIMIT + b",,\n")
    assert problems(path) == [(f"{path}:3", "", "inventory-csv")]


def test_bytes_that_are_not_utf8_are_a_problem_at_their_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + b"bj-01,198.51.100.2,10.2.0.0/24,,\n" + b"gz-\xff\xfe,198.51.100.3,10.3.0.0/24,,\n")
    assert problems(path) == [(f"{path}:4", "", "inventory-encoding")]


def test_a_byte_order_mark_is_what_spreadsheets_write_and_loads(tmp_path: Path) -> None:
    branches = read_inventory(write(tmp_path, b"\xef\xbb\xbf" + GOOD))
    assert [b.name for b in branches] == ["sh-01"]


@pytest.mark.parametrize("name", ["-x", "--help", "1x", "-"])
def test_a_name_terraform_cannot_start_with_is_refused_at_load(tmp_path: Path, name: str) -> None:
    """The name starts Terraform names (``<name>-gateway``): Terraform takes a letter or ``_`` first."""
    path = write(tmp_path, GOOD + name.encode() + b",198.51.100.2,10.2.0.0/24,,\n")
    assert problems(path) == [(f"{path}:3:1", "name", "inventory-name")]


CELLS = st.sampled_from(
    [b"", b"sh-01", b"-x", b"_x", b"198.51.100.9", b"10.9.0.0/24", b"cn-shanghai", b"aes256", b"${var.x}", b"%{",
     b'"', b'"a,b"', b'"\n"', b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\x00", b"\r", b"\\", b"\xe2\x80\xa8", OVER_LIMIT]
)  # fmt: skip
ROWS = st.lists(CELLS, min_size=0, max_size=7).map(b",".join)
ENDINGS = st.sampled_from([b"\n", b"\r\n", b"\r", b""])


@given(
    bom=st.booleans(),
    header=st.sampled_from([HEADER, b"name,ip_address,lan_cidr\n", b"name,ip\n", b"", b"\xff\n"]),
    rows=st.lists(st.tuples(ROWS, ENDINGS), max_size=6),
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_hostile_bytes_load_or_are_located_problems(
    tmp_path: Path, bom: bool, header: bytes, rows: list[tuple[bytes, bytes]]
) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + header + b"".join(row + end for row, end in rows)
    path = write(tmp_path, data)
    try:
        branches: list[Any] = read_inventory(path)
    except ValidationError as error:
        located = re.compile(rf"{re.escape(str(path))}:\d+(:\d+)?")
        assert error.problems and all(located.fullmatch(p.path) for p in error.problems), error.problems
        return
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", b.name) for b in branches)
