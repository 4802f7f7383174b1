"""``constructs-vpn list`` with hostile stack ids: any folder name the engine takes (quotes, controls, line breaks,
terminal escapes, separators) is one row, printed in printable characters only, so no name starts a row of its
own or reaches the terminal as a control sequence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn.cli.main import main
from constructs_vpn.peer.plan import printable
from tests.cli.test_list import make_project

#: Characters that end a line, move the cursor or start a terminal sequence, and a few that quote or separate.
NASTY = "\n\r\t\x00\x01\x1b\x07\x08\x7f\x85\u2028\u2029\u200f\ufeff\"'$%{} é"
#: The stack ids the engine takes: a folder name under ``stacks/`` (core/stack.py's rule).
STACK_IDS = st.text(st.one_of(st.sampled_from(NASTY), st.characters(codec="utf-8")), min_size=1, max_size=10).filter(
    lambda s: s not in (".", "..") and not s.startswith("~") and not set(s) & set("/\\\0")
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(STACK_IDS, min_size=1, max_size=4, unique=True))
def test_every_stack_id_is_one_printable_row(
    tmp_path_factory: Any, capsys: pytest.CaptureFixture[str], names: list[str]
) -> None:
    project = make_project(tmp_path_factory.mktemp("list"), names)
    capsys.readouterr()
    assert main(["list", "--project", str(project)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + len(names)
    assert all(line.isprintable() for line in lines)
    for name in names:
        shown = printable(name)
        assert any(row.startswith(shown) and row.endswith(f"  cdktf.out/stacks/{shown}") for row in lines[1:])


def test_a_hand_edited_working_directory_is_one_error(tmp_path: Path) -> None:
    from constructs_vpn.cli.list_stacks import table
    from constructs_vpn.cli.project import Manifest
    from constructs_vpn.core.errors import ConstructsVpnError

    manifest = Manifest(tmp_path, {"stacks": {"s": {"synthesizedStackPath": "stacks/s/cdk.tf.json"}}})
    with pytest.raises(ConstructsVpnError, match=r"manifest.json: stack 's' has no workingDirectory"):
        table(manifest, "cdktf.out")
