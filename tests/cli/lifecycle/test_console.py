"""The approval prompt: the plan shown, a wrong answer asked again, no answer a refusal naming the fix."""

from __future__ import annotations

import io

import pytest

from constructs_vpn.cli.lifecycle.commands import Console
from constructs_vpn.core.errors import ConstructsVpnError


@pytest.mark.parametrize(("typed", "answer"), [("a\n", "approve"), ("maybe\nD\n", "dismiss"), ("stop\n", "stop")])
def test_answers(typed: str, answer: str) -> None:
    out = io.StringIO()
    assert Console(out=out, answers=io.StringIO(typed)).approve("hub", "  # x will be created") == answer
    assert out.getvalue().startswith("  # x will be created\n")
    assert out.getvalue().count("hub: approve, dismiss or stop? [a/d/s]") == typed.count("\n")


def test_no_answer_refuses() -> None:
    with pytest.raises(ConstructsVpnError, match="no answer came on stdin; answer at a terminal, or pass --auto"):
        Console(out=io.StringIO(), answers=io.StringIO("")).approve("hub", "plan")
