"""cdktf's JSON text (json-stable-stringify 1.3.0), fast: sorted keys, two-space indent, no trailing newline,
and an empty container written as ``[``, newline, the indent of its line, ``]``.

The stdlib's indenting encoder is pure Python on 3.11 and yields one piece per token. Here a container whose
items are all plain scalars (most of a stack: a resource's arguments, its ``"//"`` metadata) goes through the
stdlib's C encoder in one call, its item separator carrying the newline and indent of its depth; only
containers that hold containers are walked in Python. Anything unusual (a ``str`` or ``dict`` subclass, a key
that is not a ``str``, a type the stdlib converts or rejects) makes the whole document go through the stdlib's
encoder instead, so the text is always the one ``json.JSONEncoder(indent=2, sort_keys=True,
ensure_ascii=False)`` gives, with empty containers as cdktf writes them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json import encoder as _stdlib
from typing import Any, TextIO

__all__ = ["dumps", "write"]

_ENCODER = json.JSONEncoder(indent=2, sort_keys=True, ensure_ascii=False)
#: The stdlib's string escaping (its C function, which the C encoder then calls directly) and C encoder maker.
_encode_str: Callable[[str], str] = _stdlib.encode_basestring
_make_encoder: Any = getattr(_stdlib, "c_make_encoder", None)
#: Pieces gathered before ``write`` hands them to the file (a large stack is never held as one string).
_BATCH = 4096
#: Containers above this depth are walked piece by piece when writing a file (the document, its block kinds,
#: their types); deeper ones become one string each.
_STREAM_DEPTH = 3
_SCALARS = frozenset({str, int, float, bool, type(None)})
_NESTED = frozenset({dict, list, tuple})
_KNOWN = _SCALARS | _NESTED
_STR = frozenset({str})
#: Deeper documents go through the stdlib (Terraform's are a dozen levels at most).
_MAX_DEPTH = 64
#: ``"\n"`` plus the indent of each depth, the item separator of each depth, and the C encoder of a container
#: of scalars whose items are at that depth (none without the stdlib's C accelerator).
_NEWLINES = tuple("\n" + "  " * depth for depth in range(_MAX_DEPTH + 1))
_SEPARATORS = tuple("," + newline for newline in _NEWLINES)
_LEAVES: tuple[Callable[[Any, int], Any], ...] = (
    ()
    if _make_encoder is None
    else tuple(_make_encoder(None, None, _encode_str, None, ": ", sep, True, False, True) for sep in _SEPARATORS)
)


class _UnusualValueError(Exception):
    """A value the fast path does not write exactly as the stdlib: the stdlib encoder writes the document."""


def _scalar(value: Any) -> str:
    if type(value) not in _SCALARS or not _LEAVES:
        raise _UnusualValueError
    return "".join(_LEAVES[0](value, 0))


def _text(value: Any, depth: int) -> str:
    """The text of a container whose opening bracket is on a line indented ``depth`` levels.

    A container of scalars is one C call: it gives ``{"a": 1,<newline+indent>"b": 2}``, only the first and last
    line breaks are added. A container that holds containers is encoded with ``null`` in their places, split at
    its item separator (a raw newline is never inside a JSON string, so each piece is one item), and each
    ``null`` is replaced by the nested container's text.
    """
    kind = type(value)
    if kind is dict:
        values: Any = value.values()
    elif kind is list or kind is tuple:
        values = value
    else:
        raise _UnusualValueError
    if not value:
        return ("{" + _NEWLINES[depth] + "}") if kind is dict else ("[" + _NEWLINES[depth] + "]")
    if depth >= _MAX_DEPTH - 1 or not _LEAVES:
        raise _UnusualValueError
    inner = _NEWLINES[depth + 1]
    if len(value) == 1:  # e.g. a block's "//" (its metadata): no separator, no sorting
        if kind is dict:
            [(key, item)] = value.items()
            if type(item) in _NESTED and type(key) is str:
                return f"{{{inner}{_encode_str(key)}: {_text(item, depth + 1)}{_NEWLINES[depth]}}}"
        elif type(value[0]) in _NESTED:
            return f"[{inner}{_text(value[0], depth + 1)}{_NEWLINES[depth]}]"
    types = set(map(type, values))
    if types <= _SCALARS:
        text = "".join(_LEAVES[depth + 1](value, 0))
        return f"{text[0]}{inner}{text[1:-1]}{_NEWLINES[depth]}{text[-1]}"  # one new string, not four
    if not types <= _KNOWN:
        raise _UnusualValueError
    separator = _SEPARATORS[depth + 1]
    if kind is dict:
        if not set(map(type, value)) <= _STR:
            raise _UnusualValueError
        nested = [key for key, item in value.items() if type(item) in _NESTED]
        if len(nested) == len(value):
            nested.sort()
            body = separator.join([_encode_str(key) + ": " + _text(value[key], depth + 1) for key in nested])
        else:
            flat = dict(value)
            for key in nested:
                flat[key] = None
            pieces = "".join(_LEAVES[depth + 1](flat, 0))[1:-1].split(separator)
            for key in nested:  # keys are unique: only the nested item's piece reads '"key": null'
                placeholder = _encode_str(key) + ": null"
                pieces[pieces.index(placeholder)] = placeholder[:-4] + _text(value[key], depth + 1)
            body = separator.join(pieces)
        return f"{{{inner}{body}{_NEWLINES[depth]}}}"
    if types <= _NESTED:
        body = separator.join([_text(item, depth + 1) for item in value])
    else:
        flat_items = [None if type(item) in _NESTED else item for item in value]
        pieces = "".join(_LEAVES[depth + 1](flat_items, 0))[1:-1].split(separator)
        for index, item in enumerate(value):
            if type(item) in _NESTED:
                pieces[index] = _text(item, depth + 1)
        body = separator.join(pieces)
    return f"[{inner}{body}{_NEWLINES[depth]}]"


def _stream(value: Any, depth: int, out: list[str], flush: Callable[[], None]) -> None:
    """Append ``value``'s text to ``out`` piece by piece down to ``_STREAM_DEPTH``, flushing full batches."""
    kind = type(value)
    if depth >= _STREAM_DEPTH or not value or (kind is not dict and kind is not list and kind is not tuple):
        out.append(_text(value, depth) if kind in _NESTED else _scalar(value))
        return
    inner = _NEWLINES[depth + 1]
    if kind is dict:
        if not set(map(type, value)) <= _STR:
            raise _UnusualValueError
        opener, closer, keys = "{", "}", sorted(value)
        items = [(_encode_str(key) + ": ", value[key]) for key in keys]
    else:
        opener, closer, items = "[", "]", [("", item) for item in value]
    separator = opener + inner
    leaves = depth + 1 >= _STREAM_DEPTH  # the items are written whole (a stack's blocks): no call per item
    for prefix, item in items:
        out.append(separator + prefix)
        separator = "," + inner
        if leaves and type(item) in _NESTED:
            out.append(_text(item, depth + 1))
        else:
            _stream(item, depth + 1, out, flush)
        if len(out) >= _BATCH:
            flush()
    out.append(_NEWLINES[depth] + closer)


#: The stdlib's text with each empty container turned into cdktf's form (the slow, exact path).
_EMPTY = re.compile(r"(\[\]|\{\})(?=,?\n|\Z)")


def _empty_as_cdktf(match: re.Match[str]) -> str:
    text, start = match.string, match.start()
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return f"{match[1][0]}\n{line[: len(line) - len(line.lstrip(' '))]}{match[1][1]}"


def _stdlib_dumps(document: Any) -> str:
    # An empty container is followed by a raw newline or ends the text; "[]" inside a string never is, since a
    # JSON string closes before any raw newline.
    return _EMPTY.sub(_empty_as_cdktf, _ENCODER.encode(document))


def dumps(document: Any) -> str:
    """``document`` as cdktf writes it."""
    try:
        return _text(document, 0) if type(document) in _NESTED else _scalar(document)
    except _UnusualValueError:
        return _stdlib_dumps(document)


def write(document: Any, handle: TextIO) -> None:
    """Write ``document`` as cdktf writes it, in batches."""
    start = handle.tell()
    out: list[str] = []

    def flush() -> None:
        handle.write("".join(out))
        out.clear()

    try:
        _stream(document, 0, out, flush)
    except _UnusualValueError:  # the handle may have part of the text already: write it again from the start
        handle.seek(start)
        handle.truncate()
        handle.write(_stdlib_dumps(document))
        return
    flush()
