"""The vendored ``aliyun/alicloud`` provider schema: the one place its version and source come from.

Importing it (every binding does) also tells the HCL writer which alicloud arguments are nested blocks.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ..core.hcl import register_block_names

__all__ = [
    "PROVIDER_SOURCE",
    "PROVIDER_VERSION",
    "VERSION_CONSTRAINT",
    "block_paths",
    "load_constraints",
    "load_schema",
]

PROVIDER_SOURCE = "aliyun/alicloud"
PROVIDER_VERSION = "1.289.0"
#: What stacks write to ``terraform.required_providers.alicloud.version``.
VERSION_CONSTRAINT = f"~> {PROVIDER_VERSION.rsplit('.', 1)[0]}"
_REGISTRY_ADDRESS = f"registry.terraform.io/{PROVIDER_SOURCE}"


def _read(name: str) -> Any:
    return json.loads(resources.files(__package__).joinpath("schema", name).read_text(encoding="utf-8"))


@cache
def load_schema() -> dict[str, Any]:
    """``provider``, ``resource_schemas`` and ``data_source_schemas`` of the pinned provider."""
    schema: dict[str, Any] = _read("alicloud.json")["provider_schemas"][_REGISTRY_ADDRESS]
    return schema


@cache
def load_constraints() -> dict[str, Any]:
    """Rules beyond types (ForceNew, enums, ranges, import ids), keyed by resource / data source type."""
    constraints: dict[str, Any] = _read("constraints.json")
    return constraints


_SCHEMA_KEYS = {"resource": "resource_schemas", "data": "data_source_schemas"}


@cache
def block_paths(kind: str, type_name: str) -> frozenset[str] | None:
    """Dotted paths of the nested blocks of an alicloud ``"resource"``, ``"data"`` or ``"provider"`` body
    (``tunnel_options_specification.tunnel_ike_config``); ``None`` for a type this schema does not hold."""
    schema = load_schema()
    if kind == "provider":
        block = schema["provider"]["block"] if type_name == "alicloud" else None
    else:
        block = schema.get(_SCHEMA_KEYS.get(kind, ""), {}).get(type_name, {}).get("block")
    if block is None:
        return None
    paths: set[str] = set()
    pending: list[tuple[str, dict[str, Any]]] = [("", block)]
    while pending:
        prefix, current = pending.pop()
        for name, nested in current.get("block_types", {}).items():
            paths.add(prefix + name)
            pending.append((f"{prefix}{name}.", nested["block"]))
    return frozenset(paths)


register_block_names(block_paths)
