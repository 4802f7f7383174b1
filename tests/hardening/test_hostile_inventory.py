"""The inventory reader against hostile CSV bytes, and the diagrams against hostile names (an inventory's, an
app's): a file either loads or is the library's ValidationError, each problem at ``file:line`` or
``file:line:column``, never a traceback of another exception, and what spreadsheet programs write (a UTF-8
byte order mark) loads; a label shows its text literally in Mermaid and in Graphviz, never as markup, an
entity or a second line."""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn.core import ValidationError
from constructs_vpn.diagram import Edge, Node, Topology, render
from constructs_vpn.diagram import dot as dot_module
from stacks.inventory import read_inventory
from tests.tooling import require_executable

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


#: Text that is markup, an entity, a template or a line break in Mermaid, DOT or HTML, and any other character.
LABEL_TEXT = st.text(
    st.one_of(st.sampled_from('#;&<>"`|[](){}\\\n\r\t\x00\x1b\x7f\x85\u2028 amplt35'), st.characters(codec="utf-8")),
    min_size=1,
    max_size=16,
)
LINES = st.lists(LABEL_TEXT, min_size=1, max_size=3).map(tuple)


def shown(line: str) -> str:
    """What a label line shows: itself, a C0 control or DEL as its Unicode control picture (U+2400 block), other
    controls and the line and paragraph separators as U+FFFD: a line break in a name is a visible sign, not a
    second line."""
    pictures = {chr(c): chr(0x2400 + c) for c in range(0x20)} | {"\x7f": "\u2421"}
    return "".join(pictures.get(c, "\ufffd" if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c) for c in line)


def topology(stack: str, lines: list[tuple[str, ...]]) -> Topology:
    nodes = tuple(Node(f"{stack}/n{i}", "connection", node_lines) for i, node_lines in enumerate(lines))
    edges = tuple(Edge(nodes[0].key, node.key, node.lines) for node in nodes[1:])
    return Topology(stack, nodes, edges)


def mermaid_text(label: str) -> str:
    """A Mermaid label's text as a browser shows it: Mermaid turns ``#name;`` and ``#35;`` into HTML entities
    (https://mermaid.js.org/syntax/flowchart.html, "Entity codes to escape characters"), HTML decodes them."""
    return html.unescape(re.sub(r"#(\d+|[A-Za-z]+);", lambda m: f"&{'#' if m[1].isdigit() else ''}{m[1]};", label))


@given(stack=LABEL_TEXT, lines=st.lists(LINES, min_size=1, max_size=3))
@settings(max_examples=200, deadline=None)
def test_a_mermaid_label_shows_its_text_literally(stack: str, lines: list[tuple[str, ...]]) -> None:
    text = render([topology(stack, lines)], "mermaid")
    labels = re.findall(r'"([^"]*)"', text)
    expected = [(f"stack {stack}",), *lines, *lines[1:]]  # the subgraph, the nodes, the edges
    assert len(labels) == len(expected) and len(text.splitlines()) == 3 + len(lines) + len(lines) - 1
    for label, want in zip(labels, expected, strict=True):
        assert not re.search(r"[<>&`\n\r]", label.replace("<br/>", "")), label
        assert not re.search(r"#(?!\d+;|[A-Za-z]+;)", label), label  # each '#' is an entity code of ours
        assert [mermaid_text(part) for part in label.split("<br/>")] == [shown(line) for line in want]


@given(stack=LABEL_TEXT, lines=st.lists(LINES, min_size=2, max_size=4))
@settings(max_examples=15, deadline=None)
def test_graphviz_draws_each_label_line_literally(stack: str, lines: list[tuple[str, ...]]) -> None:
    """Graphviz's ``dot`` reads the DOT and draws it as SVG: each node's text elements are its lines."""
    require_executable("dot", dot_module.GRAPHVIZ_HINT)
    svg = ET.fromstring(render([topology(stack, lines)], "svg"))
    ns = "{http://www.w3.org/2000/svg}"
    nodes = [g for g in svg.iter(f"{ns}g") if g.get("class") == "node"]  # in the order the DOT declares them
    drawn = [[text for t in node.iter(f"{ns}text") if (text := (t.text or "").strip())] for node in nodes]
    wanted = [[text for line in node_lines if (text := shown(line).strip())] for node_lines in lines]
    assert drawn == wanted
