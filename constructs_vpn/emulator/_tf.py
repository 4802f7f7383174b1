"""The one module that imports the ``tf`` provider framework (PyPI ``tf``, untyped); the rest of the emulator
uses the typed names defined here.

``tf`` 1.2.0 has no list-nested or single-nested blocks and no object types; :class:`NestedBlock` and
:class:`CtyType` fill those gaps. Values cross the wire as msgpack, which already is the Python shape the
emulator works with (dicts, lists, str, numbers, bools, ``None`` and :data:`UNKNOWN`), so both encode and
decode as the identity.
"""

from __future__ import annotations

import json
from typing import Any, Literal

try:
    import grpc  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from tf import iface, provider, schema, types, utils  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from tf.gen import grpc_controller_pb2 as controller_pb  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from tf.gen import grpc_controller_pb2_grpc as controller_rpc  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from tf.gen import grpc_stdio_pb2_grpc as stdio_rpc  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from tf.gen import tfplugin_pb2 as pb  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from tf.gen import tfplugin_pb2_grpc as plugin_rpc  # type: ignore[import-untyped, import-not-found, unused-ignore]
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "the alicloud emulator needs the `emulator` extra: pip install 'constructs-vpn[emulator]' "
        f"(missing: {error.name})"
    ) from error

__all__ = [
    "UNKNOWN",
    "Attribute",
    "Block",
    "CtyType",
    "DataSourceBase",
    "Diagnostics",
    "NestedBlock",
    "ProviderBase",
    "ProviderServicer",
    "ResourceBase",
    "Schema",
    "attribute_path",
    "controller_pb",
    "controller_rpc",
    "grpc",
    "pb",
    "plugin_rpc",
    "read_dynamic_value",
    "stdio_rpc",
    "to_dynamic_value",
]

#: tf's marker for a value that is known only after apply (msgpack extension 0).
UNKNOWN: Any = types.Unknown

Attribute: Any = schema.Attribute
Block: Any = schema.Block
Schema: Any = schema.Schema
Diagnostics: Any = utils.Diagnostics
ProviderServicer: Any = provider.ProviderServicer
ProviderBase: Any = iface.Provider
ResourceBase: Any = iface.Resource
DataSourceBase: Any = iface.DataSource


def read_dynamic_value(value: Any) -> Any:
    """Decode a ``DynamicValue`` (msgpack or JSON) into Python values; ``None`` when empty."""
    return utils.read_dynamic_value(value)


def to_dynamic_value(value: Any) -> Any:
    """Encode Python values (with :data:`UNKNOWN`) into a msgpack ``DynamicValue``."""
    return utils.to_dynamic_value(value)


def attribute_path(steps: list[str | tuple[int]]) -> Any:
    """A protocol ``AttributePath`` from attribute names and ``(index,)`` steps."""
    return utils._to_attribute_path(steps)


class _AsIs:
    """Values travel unchanged: the provider works on plain JSON-like data."""

    def encode(self, value: Any) -> Any:
        return value

    def decode(self, value: Any) -> Any:
        return value

    def semantically_equal(self, a_decoded: Any, b_decoded: Any) -> bool:
        return bool(a_decoded == b_decoded)


class CtyType(_AsIs):
    """Any cty type, given as its JSON form (``"string"``, ``["list", ["object", {...}]]``)."""

    def __init__(self, type_json: Any) -> None:
        self.type_json = type_json
        self._wire = json.dumps(type_json, separators=(",", ":")).encode()

    def tf_type(self) -> bytes:
        return self._wire


_NESTING = {
    "list": pb.Schema.NestedBlock.NestingMode.LIST,
    "set": pb.Schema.NestedBlock.NestingMode.SET,
    "single": pb.Schema.NestedBlock.NestingMode.SINGLE,
}


class NestedBlock(_AsIs, schema.NestedBlock):  # type: ignore[misc]
    """A nested block in any of the SDK's nesting modes (tf 1.2.0 only offers ``set``)."""

    def __init__(
        self,
        type_name: str,
        nesting: Literal["list", "set", "single"],
        block: Any,
        min_items: int | None = None,
        max_items: int | None = None,
    ) -> None:
        super().__init__(type_name, schema.NestMode.Set, block, min_items=min_items, max_items=max_items)
        self.nesting = nesting

    def to_pb(self) -> Any:
        return pb.Schema.NestedBlock(
            type_name=self.type_name,
            block=self.block.to_pb(),
            min_items=self.min_items,
            max_items=self.max_items,
            nesting=_NESTING[self.nesting],
        )
