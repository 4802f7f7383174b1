"""cdktf's logical-id algorithm, checked against the 21 vectors computed by cdktf itself."""

from __future__ import annotations

import json

import pytest

from constructs_vpn.core.logical_id import make_unique_id
from tests.tooling import FIXTURES_DIR

CASES = json.loads((FIXTURES_DIR / "cdktf-golden/logical-id-check/cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: "/".join(c["path"])[:40])
def test_vector(case: dict[str, object]) -> None:
    assert make_unique_id(list(case["path"])) == case["logical_id"]  # type: ignore[call-overload]


def test_all_default_components_is_an_error() -> None:
    with pytest.raises(ValueError, match="empty set"):
        make_unique_id(["Default", "Default"])
