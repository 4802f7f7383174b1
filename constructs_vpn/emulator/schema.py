"""The emulator's schemas, translated from the vendored provider schema (``constructs_vpn.alicloud.schema``).

Types, Required/Optional/Computed, nesting and item limits come from the provider's
``terraform providers schema -json`` form; ForceNew, validation functions, ConflictsWith and which blocks
are Optional+Computed come from the constraints file. One patch is applied: pre-shared keys and the
provider's secrets are ``sensitive`` here, and so is an attribute whose objects hold one (the real provider marks
nothing sensitive).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from ..alicloud.schema import load_constraints, load_schema
from . import _tf

__all__ = [
    "AttributeSpec",
    "BlockSpec",
    "Check",
    "NestedSpec",
    "TypeSpec",
    "data_source_spec",
    "pinned_types",
    "provider_spec",
    "resource_spec",
]

#: Attribute names that hold secrets; the emulator's schema marks them sensitive wherever they appear.
SENSITIVE_NAMES = frozenset({"psk", "secret_key", "security_token"})

Kind = Literal["resource", "data_source", "provider"]


@dataclass(frozen=True)
class Check:
    """One provider ``ValidateFunc``: ``StringInSlice``, ``IntBetween``, ``IntInSlice``, ``StringIsValidRegExp``,
    ``StringMatch`` (``values`` holds its pattern and message)."""

    func: str
    values: tuple[Any, ...] = ()
    ignore_case: bool = False

    def problem(self, name: str, value: Any) -> str | None:
        """The SDK's message for ``value`` of attribute ``name``, or ``None`` when it passes."""
        if self.func == "StringInSlice" and isinstance(value, str):
            allowed = [v.lower() for v in self.values] if self.ignore_case else list(self.values)
            if (value.lower() if self.ignore_case else value) not in allowed:
                return f"expected {name} to be one of {_go_list(self.values)}, got {value}"
        elif self.func == "IntBetween" and isinstance(value, int | float):
            low, high = self.values
            if not low <= value <= high:
                return f"expected {name} to be in the range ({low} - {high}), got {_number(value)}"
        elif self.func == "IntInSlice" and isinstance(value, int | float):
            if value not in self.values:
                return f"expected {name} to be one of {_go_list(self.values)}, got {_number(value)}"
        elif self.func == "StringIsValidRegExp" and isinstance(value, str):
            try:
                re.compile(value)
            except re.error as error:
                return f"{name}: {error}"
        elif self.func == "StringMatch" and isinstance(value, str):
            pattern, message = self.values
            if re.search(pattern, value) is None:
                # terraform-plugin-sdk v1.17.2's wording (helper/validation/strings.go; %q is JSON-like).
                if message:
                    return f"invalid value for {name} ({message})"
                return f"expected value of {name} to match regular expression {json.dumps(pattern)}, got {value}"
        return None


def _go_list(values: tuple[Any, ...]) -> str:
    return "[" + " ".join(str(v) for v in values) + "]"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    type: Any
    required: bool = False
    optional: bool = False
    computed: bool = False
    sensitive: bool = False
    deprecated: bool = False
    force_new: bool = False
    description: str | None = None
    checks: tuple[Check, ...] = ()
    conflicts_with: tuple[str, ...] = ()
    #: The provider's ``Default``, which the SDK plans where the configuration leaves the attribute out.
    default: Any = None

    @property
    def computed_only(self) -> bool:
        return self.computed and not self.optional and not self.required


@dataclass(frozen=True)
class BlockSpec:
    attributes: Mapping[str, AttributeSpec]
    blocks: Mapping[str, NestedSpec] = field(default_factory=dict)
    description: str | None = None

    def to_tf(self) -> Any:
        return _tf.Block(
            attributes=[_attribute_to_tf(a) for a in self.attributes.values()],
            block_types=[n.to_tf() for n in self.blocks.values()],
            description=self.description,
        )


@dataclass(frozen=True)
class NestedSpec:
    name: str
    nesting: Literal["list", "set", "single"]
    block: BlockSpec
    min_items: int | None = None
    max_items: int | None = None
    force_new: bool = False
    #: Optional+Computed in the provider (an SDK "computed block"): left out of the configuration, the cloud
    #: keeps its own value and the plan shows no change.
    computed: bool = False

    def to_tf(self) -> Any:
        return _tf.NestedBlock(self.name, self.nesting, self.block.to_tf(), self.min_items, self.max_items)


@dataclass(frozen=True)
class TypeSpec:
    type_name: str
    kind: Kind
    version: int
    block: BlockSpec

    def to_tf(self) -> Any:
        block = self.block.to_tf()
        return _tf.Schema(
            version=self.version, attributes=block.attributes, block_types=block.block_types, description=None
        )


def _attribute_to_tf(spec: AttributeSpec) -> Any:
    return _tf.Attribute(
        spec.name,
        _tf.CtyType(spec.type),
        description=spec.description,
        required=spec.required,
        optional=spec.optional,
        computed=spec.computed,
        sensitive=spec.sensitive,
        deprecated=spec.deprecated or None,
        requires_replace=spec.force_new,
    )


def _check(raw: Mapping[str, Any]) -> Check | None:
    func = str(raw.get("func", "")).removeprefix("validation.")
    if func in ("StringInSlice", "IntInSlice"):
        return Check(func, tuple(raw.get("values", ())), bool(raw.get("ignore_case", False)))
    if func == "IntBetween":
        return Check(func, tuple(raw["args"]))
    if func == "StringIsValidRegExp":
        return Check(func)
    if func == "StringMatch" and "pattern" in raw:
        return Check(func, (raw["pattern"], raw.get("message", "")))
    return None


def _holds_secret(type_json: Any) -> bool:
    """Does a cty type hold an object field named as a secret (a data source's ``connections[*].ike_config``
    holds each connection's ``psk``)? Terraform marks sensitivity per attribute, so the whole list is."""
    if isinstance(type_json, list) and len(type_json) == 2 and type_json[0] == "object":
        return any(key in SENSITIVE_NAMES or _holds_secret(value) for key, value in type_json[1].items())
    return isinstance(type_json, list) and any(_holds_secret(part) for part in type_json[1:])


def _translate_block(raw: Mapping[str, Any], facts: Mapping[str, Any], prefix: str) -> BlockSpec:
    attributes: dict[str, AttributeSpec] = {}
    for name, attr in sorted(raw.get("attributes", {}).items()):
        fact = facts.get(prefix + name, {})
        check = _check(fact["ValidateFunc"]) if "ValidateFunc" in fact else None
        attributes[name] = AttributeSpec(
            name=name,
            type=attr["type"],
            required=bool(attr.get("required")),
            optional=bool(attr.get("optional")),
            computed=bool(attr.get("computed")),
            sensitive=bool(attr.get("sensitive")) or name in SENSITIVE_NAMES or _holds_secret(attr["type"]),
            deprecated=bool(attr.get("deprecated")),
            force_new=bool(fact.get("ForceNew")),
            description=attr.get("description"),
            checks=(check,) if check else (),
            conflicts_with=tuple(fact.get("ConflictsWith", ())),
            default=fact.get("Default"),
        )
    blocks: dict[str, NestedSpec] = {}
    for name, nested in sorted(raw.get("block_types", {}).items()):
        fact = facts.get(prefix + name, {})
        blocks[name] = NestedSpec(
            name=name,
            nesting=nested["nesting_mode"],
            block=_translate_block(nested["block"], facts, f"{prefix}{name}."),
            min_items=nested.get("min_items"),
            max_items=nested.get("max_items"),
            force_new=bool(fact.get("ForceNew")),
            computed=bool(fact.get("Computed")) and bool(fact.get("Optional")),
        )
    return BlockSpec(attributes, blocks, raw.get("description"))


def _translate(type_name: str, kind: Kind, raw: Mapping[str, Any], facts: Mapping[str, Any]) -> TypeSpec:
    return TypeSpec(type_name, kind, int(raw.get("version", 0)), _translate_block(raw["block"], facts, ""))


def pinned_types(kind: Literal["resource", "data_source"]) -> frozenset[str]:
    """The resource (or data source) types of the vendored provider schema: what the package pins, and so
    what the emulator declares."""
    return frozenset(load_schema()[f"{kind}_schemas"])


@cache
def resource_spec(type_name: str) -> TypeSpec:
    """The schema of resource ``type_name`` (``KeyError`` when the provider has no such resource)."""
    raw = load_schema()["resource_schemas"][type_name]
    facts = load_constraints()["resources"].get(type_name, {}).get("attributes", {})
    return _translate(type_name, "resource", raw, facts)


@cache
def data_source_spec(type_name: str) -> TypeSpec:
    """The schema of data source ``type_name``."""
    raw = load_schema()["data_source_schemas"][type_name]
    facts = load_constraints()["data_sources"].get(type_name, {}).get("attributes", {})
    return _translate(type_name, "data_source", raw, facts)


@cache
def provider_spec() -> TypeSpec:
    """The schema of the ``provider "alicloud"`` block."""
    facts = load_constraints().get("provider", {})
    return _translate("alicloud", "provider", load_schema()["provider"], facts)
