"""How much of cdktf 0.21's public API exists here: every top-level name of the real package (the list in
``cdktf_names.txt`` was made from it) is either present in ``constructs_vpn.core`` or named in
docs/from-cdktf.md with the reason it is not."""

from __future__ import annotations

from pathlib import Path

import constructs_vpn.core as engine
from tests.tooling import REPO_DIR

NAMES = [
    line
    for line in (Path(__file__).parent / "cdktf_names.txt").read_text("utf-8").splitlines()
    if not line.startswith("#")
]
DOC = (REPO_DIR / "docs/from-cdktf.md").read_text("utf-8")
LEFT_OUT = DOC[DOC.index("## Names left out") :]
#: 181 of 183 with the generated bindings' runtime (core/complex_computed.py) and ImportableResource; the two
#: left out are documented.
PRESENT = 181
FLOOR = 0.95


def test_the_list_is_cdktfs() -> None:
    assert len(NAMES) == 183
    assert sorted(NAMES) == NAMES
    assert {"App", "Fn", "TerraformStack", "TerraformHclModule", "S3Backend", "Testing"} <= set(NAMES)


def test_most_of_cdktfs_names_are_here() -> None:
    present = [n for n in NAMES if hasattr(engine, n)]
    assert len(present) / len(NAMES) >= FLOOR, f"{len(present)} of {len(NAMES)}"
    assert len(present) >= PRESENT, "a name of cdktf went missing"


def test_every_missing_name_is_documented_with_its_reason() -> None:
    missing = [n for n in NAMES if not hasattr(engine, n)]
    undocumented = [n for n in missing if f"`{n}`" not in LEFT_OUT]
    assert undocumented == []


def test_every_present_name_is_exported() -> None:
    assert [n for n in NAMES if hasattr(engine, n) and n not in engine.__all__] == []
