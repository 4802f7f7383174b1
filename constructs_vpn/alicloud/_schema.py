"""The vendored ``aliyun/alicloud`` provider schema: the one place its version and source come from."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["PROVIDER_SOURCE", "PROVIDER_VERSION", "VERSION_CONSTRAINT", "load_constraints", "load_schema"]

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
