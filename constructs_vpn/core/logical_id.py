"""cdktf's logical-id algorithm (``makeUniqueId``), so a cdktf project keeps its Terraform addresses."""

from __future__ import annotations

import hashlib
import re

__all__ = ["LogicalIdError", "make_unique_id"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_HIDDEN_ID = "Default"
_HIDDEN_FROM_HUMAN_ID = "Resource"
_MAX_HUMAN_LEN = 240
_MAX_ID_LEN = 255
_HASH_LEN = 8


class LogicalIdError(ValueError):
    """No logical id can be made (every id below the stack is ``Default``)."""


def _clean(text: str) -> str:
    if text.isascii() and text.replace("-", "a").replace("_", "a").isalnum():  # already clean, the common case
        return text
    return _UNSAFE.sub("", text)


def make_unique_id(components: list[str]) -> str:
    """The Terraform name for an element whose ids below the stack are ``components``.

    A top-level element keeps its (cleaned) id; deeper ones get a human part plus 8 hex digits of the md5 of
    the uncleaned path, so distinct paths stay distinct after cleaning. ``Default`` ids are skipped and
    ``Resource`` ids are left out of the human part.
    """
    comps = [c for c in components if c != _HIDDEN_ID]
    if not comps:
        raise LogicalIdError("unable to calculate a unique id for an empty set of components")
    if len(comps) == 1:
        top = _clean(comps[0])
        if len(top) <= _MAX_ID_LEN:
            return top
    digest = hashlib.md5("/".join(comps).encode("utf-8"), usedforsecurity=False).hexdigest()[:_HASH_LEN].upper()
    human: list[str] = []
    for comp in comps:
        if not human or not human[-1].endswith(comp):
            human.append(comp)
    human_part = "_".join([_clean(c) for c in human if c != _HIDDEN_FROM_HUMAN_ID])[:_MAX_HUMAN_LEN]
    return f"{human_part}_{digest}"
