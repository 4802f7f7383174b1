"""The JSON layout of cdktf 0.21 (json-stable-stringify): empty containers as ``[`` newline indent ``]``."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constructs_vpn.core import app as app_module

_ENCODER = json.JSONEncoder(indent=2, sort_keys=True, ensure_ascii=False)


def _reference(document: Any) -> str:
    """Slow and plain: the indenting encoder yields each empty container as a piece of its own."""

    def pieces() -> Iterator[str]:
        last = ""
        for chunk in _ENCODER.iterencode(document):
            if chunk in ("[]", "{}"):
                line = last[last.rfind("\n") + 1 :]
                yield f"{chunk[0]}\n{line[: len(line) - len(line.lstrip(' '))]}{chunk[1]}"
                continue
            if "\n" in chunk:
                last = chunk
            yield chunk

    return "".join(pieces())


TRICKY = st.sampled_from(["[]", "{}", '": []', '": [],', "a[]", "{}\n", "[]\\n", "x", ""])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | TRICKY | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TRICKY | st.text(max_size=3), inner, max_size=3),
    max_leaves=12,
)


def test_empty_containers_as_cdktf_writes_them() -> None:
    document = {"a": [], "b": {"c": {}, "d": [[], {}]}, "e": "[]"}
    assert app_module.dumps(document) == (
        '{\n  "a": [\n  ],\n  "b": {\n    "c": {\n    },\n    "d": [\n      [\n      ],\n      {\n      }\n    ]\n  },'
        '\n  "e": "[]"\n}'
    )
    assert app_module.dumps({}) == "{\n}"


@settings(max_examples=300, deadline=None)
@given(document=JSON, batch=st.integers(min_value=1, max_value=7))
def test_streamed_and_whole_writes_match_the_reference(document: Any, batch: int) -> None:
    expected = _reference(document)
    assert app_module.dumps(document) == expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app_module, "_BATCH", batch)
        handle = io.StringIO()
        app_module._write_json(document, handle)
    assert handle.getvalue() == expected
    assert json.loads(expected) == document
