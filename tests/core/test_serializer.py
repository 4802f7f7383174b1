"""The JSON layout of cdktf 0.21 (json-stable-stringify): empty containers as ``[`` newline indent ``]``.

``json_writer`` has a fast path (the stdlib's C encoder per container) and falls back to the stdlib's
indenting encoder for values it does not write itself; both must give the reference's bytes.
"""

from __future__ import annotations

import enum
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constructs_vpn.core import json_writer

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
    assert json_writer.dumps(document) == (
        '{\n  "a": [\n  ],\n  "b": {\n    "c": {\n    },\n    "d": [\n      [\n      ],\n      {\n      }\n    ]\n  },'
        '\n  "e": "[]"\n}'
    )
    assert json_writer.dumps({}) == "{\n}"


class _Colour(enum.StrEnum):
    RED = "red"


class _Level(enum.IntEnum):
    HIGH = 3


#: Text the C and the Python paths escape alike: unicode, line and paragraph separators, control characters,
#: lone surrogates, quotes and backslashes.
TEXT = st.text(
    st.characters(codec=None) | st.sampled_from(["\u2028", "\u2029", "\x00", "\x1f", "\x7f", "\ud800", '"', "\\"]),
    max_size=5,
)
SCALARS = st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.floats() | TRICKY | TEXT
#: Values only the stdlib's encoder writes: a str or int subclass, a dict key that is not a str.
UNUSUAL = st.sampled_from([_Colour.RED, _Level.HIGH]) | st.dictionaries(st.integers(), st.integers(), min_size=1)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(TRICKY | TEXT, inner, max_size=4)
    ),
    max_leaves=30,
)


def _written(document: Any, batch: int, stream_depth: int) -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_writer, "_BATCH", batch)
        patch.setattr(json_writer, "_STREAM_DEPTH", stream_depth)
        handle = io.StringIO()
        json_writer.write(document, handle)
    return handle.getvalue()


@settings(max_examples=300, deadline=None)
@given(document=DOCUMENTS, batch=st.integers(min_value=1, max_value=7), stream_depth=st.integers(0, 4))
def test_any_document_is_written_as_the_reference(document: Any, batch: int, stream_depth: int) -> None:
    expected = _reference(document)
    assert json_writer.dumps(document) == expected
    assert _written(document, batch, stream_depth) == expected


@settings(max_examples=100, deadline=None)
@given(document=DOCUMENTS, unusual=UNUSUAL, batch=st.integers(min_value=1, max_value=3))
def test_a_value_only_the_stdlib_writes_falls_back_to_it(document: Any, unusual: Any, batch: int) -> None:
    """Even after part of the file is written: the stream starts again from where it started."""
    document = [document, {"deep": [{"x": unusual}]}]
    expected = _reference(document)
    assert json_writer.dumps(document) == expected
    handle = io.StringIO()
    handle.write("kept")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_writer, "_BATCH", batch)
        json_writer.write(document, handle)
    assert handle.getvalue() == "kept" + expected


@settings(max_examples=300, deadline=None)
@given(document=JSON, batch=st.integers(min_value=1, max_value=7))
def test_streamed_and_whole_writes_match_the_reference(document: Any, batch: int) -> None:
    expected = _reference(document)
    assert json_writer.dumps(document) == expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_writer, "_BATCH", batch)
        handle = io.StringIO()
        json_writer.write(document, handle)
    assert handle.getvalue() == expected
    assert json.loads(expected) == document
