"""Stack outputs as cdktf shows and saves them (``output.ts``): grouped by construct through the stack's
``"//".outputs`` map, sensitive values left out of the file (and masked on screen) unless asked for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MASK = "<sensitive>"


def _is_output(entry: Any) -> bool:
    return isinstance(entry, dict) and "value" in entry and "type" in entry


def by_construct(document: dict[str, Any], outputs: dict[str, Any]) -> dict[str, Any]:
    """``outputs`` (``terraform output -json``) nested as the stack's ``"//".outputs`` map nests their ids; a
    branch whose outputs are all absent is left out. Without the map (older synth), ``outputs`` as they are."""
    mapping = document.get("//", {}).get("outputs")
    if not isinstance(mapping, dict):
        return outputs

    def nest(node: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in node.items():
            if isinstance(value, str):
                if value in outputs:
                    result[key] = outputs[value]
            elif isinstance(value, dict):
                nested = nest(value)
                if nested:
                    result[key] = nested
        return result

    return nest(mapping)


def unpack(outputs: dict[str, Any], *, include_sensitive: bool, mask: str | None = None) -> dict[str, Any]:
    """Each output entry replaced by its value; a sensitive one left out, or shown as ``mask``, unless
    ``include_sensitive``."""
    result: dict[str, Any] = {}
    for key, entry in outputs.items():
        if _is_output(entry):
            if include_sensitive or not entry.get("sensitive"):
                result[key] = entry["value"]
            elif mask is not None:
                result[key] = mask
        elif isinstance(entry, dict):
            result[key] = unpack(entry, include_sensitive=include_sensitive, mask=mask)
    return result


def write(path: Path, outputs: dict[str, Any], *, include_sensitive: bool) -> None:
    """The ``--outputs-file``: cdktf's shape (``JSON.stringify(..., null, 2)``, no final newline); the stacks in
    the order given, so the same run writes the same bytes."""
    text = json.dumps(unpack(outputs, include_sensitive=include_sensitive), indent=2, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
