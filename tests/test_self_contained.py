"""A user's clone has no ``../shared`` reference folder: no code or test may read it at run time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.tooling import REPO_DIR

#: A path into the reference folder as code spells it (a docstring naming the folder as an origin is fine).
_READS_SHARED = re.compile(r"""["'](\.\./|/work/)shared\b|parents\[\d\]\s*/\s*["']shared["']|CONSTRUCTS_VPN_SHARED""")
SOURCES = sorted(
    path
    for folder in ("constructs_vpn", "tests", "stacks", "benchmarks", ".ci")
    for path in (REPO_DIR / folder).rglob("*")
    if path.is_file()
    and path.suffix in {".py", ".sh", ""}
    and "__pycache__" not in path.parts
    and path != Path(__file__).resolve()
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO_DIR)))
def test_nothing_reads_the_reference_folder(path: Path) -> None:
    text = path.read_text("utf-8", errors="replace")
    assert not _READS_SHARED.search(text), f"{path} reads ../shared; copy the data into tests/fixtures/ instead"


def test_the_check_catches_a_read() -> None:
    assert _READS_SHARED.search('Path("../shared/reference/x.json")')
    assert _READS_SHARED.search('GOLDEN = Path("/work/shared/reference/cdktf-golden")')
