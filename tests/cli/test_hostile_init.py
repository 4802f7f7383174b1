"""``constructs-vpn init`` with hostile names: a ``--stack`` or a folder name is either a plain name (a letter,
then letters, digits, ``-`` and ``_``) that reaches ``main.py`` as exactly that string, or refused with one
``error:`` naming the fix and nothing written. Quotes, ``${``, line breaks, shell syntax never reach a file."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn.cli.main import main

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
NASTY = "\"'\\$%{}()`;&|<>\n\r\t\x00\x1b\u2028 é-_aZ09"
NAMES = st.one_of(
    st.text(st.one_of(st.sampled_from(NASTY), st.characters(codec="utf-8")), min_size=0, max_size=70),
    st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,63}", fullmatch=True),
)


def stack_name_in(main_py: Path) -> object:
    """The value ``main.py`` gives ``STACK_NAME``, read by Python's own parser."""
    for node in ast.parse(main_py.read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "STACK_NAME" for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("no STACK_NAME in main.py")


@SETTINGS
@given(name=NAMES)
def test_a_stack_name_is_written_as_itself_or_refused(
    tmp_path_factory: Any, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = tmp_path_factory.mktemp("init") / "project"
    code = main(["init", str(root), f"--stack={name}"])  # one argument even when it starts with "-"
    err = capsys.readouterr().err
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{0,63}", name):
        assert code == 0, err
        assert stack_name_in(root / "main.py") == name
        compile((root / "test_main.py").read_text("utf-8"), "test_main.py", "exec")
    else:
        assert code == 1
        assert err.startswith("error: init: --stack gives the stack name") and "pass --stack NAME" in err
        assert not root.exists()


@pytest.mark.parametrize("folder", ['a"b', "$(touch pwned)", "x;rm -rf ~", "9lives", "${var.psk}", "new\nline"])
def test_a_folder_name_that_is_no_stack_name_asks_for_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: str
) -> None:
    root = tmp_path / folder
    assert main(["init", str(root)]) == 1
    err = capsys.readouterr().err
    assert "the folder name of" in err and "pass --stack NAME" in err
    assert not root.exists()
    assert main(["init", str(root), "--stack", "vpn"]) == 0
    assert not (tmp_path / "pwned").exists()
    for written in root.iterdir():
        assert folder not in written.read_text("utf-8")
