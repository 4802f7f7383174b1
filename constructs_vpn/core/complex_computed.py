"""References into nested attributes: cdktf's ``ComplexObject``, ``ComplexList``, ``StringMap``, ... classes.

Generated bindings build their ``...OutputReference`` and ``...List`` classes on these, so that
``attachment.ike_config.psk`` or ``attachment.zone.get(0).zone_id`` is a token for the same Terraform expression
cdktf writes (``alicloud_x.a.ike_config[0].psk``, ``tolist(alicloud_x.a.zone).0.zone_id``). Each object is an
``Expression`` for its own value, and an interpolating parent (``interpolation_for_attribute``) for the objects
nested in it. Names, arguments and expression text follow cdktf 0.21 (``lib/complex-computed-list.ts``).
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

from .fn import FunctionCall
from .getters import AttributeGetters
from .tokens import Expression, ResolveContext, render_hcl

__all__ = [
    "AnyListList",
    "AnyListMap",
    "AnyMap",
    "AnyMapList",
    "BooleanList",
    "BooleanListList",
    "BooleanListMap",
    "BooleanMap",
    "BooleanMapList",
    "ComplexList",
    "ComplexMap",
    "ComplexObject",
    "InterpolatingParent",
    "MapList",
    "NumberListList",
    "NumberListMap",
    "NumberMap",
    "NumberMapList",
    "StringListList",
    "StringListMap",
    "StringMap",
    "StringMapList",
    "property_access",
]

#: cdktf's TERRAFORM_IDENTIFIER_REGEX: a step written ``.name``; anything else is written ``["..."]``.
_IDENTIFIER = re.compile(r"^[_a-zA-Z][_a-zA-Z0-9]*$")


class InterpolatingParent(Protocol):
    """What nested references hang off: a resource, a data source, or another complex object."""

    def interpolation_for_attribute(self, terraform_attribute: str) -> Expression: ...


class _PropertyAccess(Expression):
    """``target.step[step]...``: cdktf's ``propertyAccess``."""

    __slots__ = ("steps", "target")

    def __init__(self, target: Expression, steps: list[Any]) -> None:
        super().__init__()
        self.target = target
        self.steps = steps

    def to_expression(self, ctx: ResolveContext) -> str:
        out = [self.target.to_expression(ctx)]
        for step in self.steps:
            if step == "*":
                out.append("[*]")
            elif (isinstance(step, str) and _IDENTIFIER.match(step)) or (
                isinstance(step, int) and not isinstance(step, bool)
            ):
                out.append(f".{step}")
            elif isinstance(step, str):
                out.append(f"[{json.dumps(step)}]")
            else:
                out.append(f"[{render_hcl(step, ctx)}]")
        return "".join(out)


def _tolist(value: Expression) -> Expression:
    """``tolist(value)`` as an expression (``Fn.tolist`` gives cdktf's list token, which cannot be indexed)."""
    return FunctionCall("tolist", value)


def property_access(target: Expression, steps: list[Any]) -> Expression:
    """``target`` followed by ``steps`` (names, indices, or ``"*"``), as cdktf's ``propertyAccess``."""
    return _PropertyAccess(target, steps)


class _ComplexResolvable(Expression):
    """A nested attribute: an expression for its own value (cdktf's ``fqn``)."""

    __slots__ = ("_terraform_attribute", "_terraform_resource")

    def __init__(self, terraform_resource: InterpolatingParent, terraform_attribute: str) -> None:
        super().__init__()
        self._terraform_resource = terraform_resource
        self._terraform_attribute = terraform_attribute

    def compute_fqn(self) -> Expression:
        raise NotImplementedError

    @property
    def fqn(self) -> str:
        return str(self.compute_fqn())

    def to_expression(self, ctx: ResolveContext) -> str:
        return self.compute_fqn().to_expression(ctx)

    def _interpolation(self, attribute: str) -> Expression:
        return self._terraform_resource.interpolation_for_attribute(attribute)


class _ComplexComputedAttribute(_ComplexResolvable, AttributeGetters):
    """Typed getters over ``interpolation_for_attribute``, named as on ``TerraformResource``."""

    __slots__ = ()

    def interpolation_for_attribute(self, terraform_attribute: str) -> Expression:
        raise NotImplementedError


class _ScalarMap(_ComplexResolvable):
    __slots__ = ()

    def compute_fqn(self) -> Expression:
        return self._interpolation(self._terraform_attribute)

    def _at(self, key: str) -> Expression:
        return self._interpolation(f'{self._terraform_attribute}["{key}"]')


class StringMap(_ScalarMap):
    """A map of strings; ``lookup(key)`` is a string token for ``attr["key"]``."""

    __slots__ = ()

    def lookup(self, key: str) -> str:
        return str(self._at(key))


class NumberMap(_ScalarMap):
    """A map of numbers."""

    __slots__ = ()

    def lookup(self, key: str) -> Expression:
        return self._at(key)


class BooleanMap(_ScalarMap):
    """A map of booleans."""

    __slots__ = ()

    def lookup(self, key: str) -> Expression:
        return self._at(key)


class AnyMap(_ScalarMap):
    """A map of any values."""

    __slots__ = ()

    def lookup(self, key: str) -> Expression:
        return self._at(key)


class ComplexList(_ComplexResolvable):
    """A list (or a set, ``wraps_set``) of nested objects; generated ``...List`` classes add ``get(index)``."""

    __slots__ = ("_wraps_set",)

    def __init__(self, terraform_resource: InterpolatingParent, terraform_attribute: str, wraps_set: bool) -> None:
        super().__init__(terraform_resource, terraform_attribute)
        self._wraps_set = wraps_set

    def compute_fqn(self) -> Expression:
        whole = self._interpolation(self._terraform_attribute)
        return _tolist(whole) if self._wraps_set else whole


class BooleanList(ComplexList):
    """A list of booleans."""

    __slots__ = ()

    def get(self, index: int) -> Expression:
        return FunctionCall("element", self, index)


class _IndexedList(ComplexList):
    __slots__ = ()

    def get(self, index: int) -> Expression:
        return self._interpolation(f"{self._terraform_attribute}[{index}]")


class StringListList(_IndexedList):
    """A list of lists of strings."""

    __slots__ = ()


class NumberListList(_IndexedList):
    """A list of lists of numbers."""

    __slots__ = ()


class BooleanListList(_IndexedList):
    """A list of lists of booleans."""

    __slots__ = ()


class AnyListList(_IndexedList):
    """A list of lists of any values."""

    __slots__ = ()


class ComplexMap(_ComplexResolvable):
    """A map of nested objects."""

    __slots__ = ()

    def compute_fqn(self) -> Expression:
        return self._interpolation(self._terraform_attribute)

    def interpolation_for_attribute(self, property: str) -> Expression:
        return property_access(self._interpolation(self._terraform_attribute), [property])


class ComplexObject(_ComplexComputedAttribute):
    """One nested object: a single block (``complex_object_index`` ``0`` for a list of at most one, none for
    nesting ``single``), or an item of a list or set block (``complex_object_is_from_set``: read via ``tolist``)."""

    __slots__ = ("_complex_object_index", "_complex_object_is_from_set")

    def __init__(
        self,
        terraform_resource: InterpolatingParent,
        terraform_attribute: str,
        complex_object_is_from_set: bool,
        complex_object_index: int | str | None = None,
    ) -> None:
        super().__init__(terraform_resource, terraform_attribute)
        self._complex_object_is_from_set = complex_object_is_from_set
        self._complex_object_index = complex_object_index

    def interpolation_for_attribute(self, property: str) -> Expression:
        if self._complex_object_is_from_set:
            whole = _tolist(self._interpolation(self._terraform_attribute))
            return property_access(whole, [self._complex_object_index, property])
        if self._complex_object_index is not None:
            return self._interpolation(f"{self._terraform_attribute}[{self._complex_object_index}].{property}")
        return self._interpolation(f"{self._terraform_attribute}.{property}")

    def _interpolation_as_list(self) -> Expression:
        return self._interpolation(f"{self._terraform_attribute}.*")

    def compute_fqn(self) -> Expression:
        if self._complex_object_is_from_set:
            whole = _tolist(self._interpolation(self._terraform_attribute))
            return property_access(whole, [self._complex_object_index])
        if self._complex_object_index is not None:
            return self._interpolation(f"{self._terraform_attribute}[{self._complex_object_index}]")
        return self._interpolation(self._terraform_attribute)


class MapList(ComplexList):
    """A list of maps; ``get(index)`` is a map whose parent is this list."""

    __slots__ = ()

    def interpolation_for_attribute(self, property: str) -> Expression:
        if self._wraps_set:
            match = re.search(r"\[([^\]]*)\]", property)
            if match:
                whole = _tolist(self._interpolation(self._terraform_attribute))
                return property_access(whole, [match.group(1), property])
        return self._interpolation(f"{self._terraform_attribute}{property}")


class StringMapList(MapList):
    """A list of string maps."""

    __slots__ = ()

    def get(self, index: int) -> StringMap:
        return StringMap(self, f"[{index}]")


class NumberMapList(MapList):
    """A list of number maps."""

    __slots__ = ()

    def get(self, index: int) -> NumberMap:
        return NumberMap(self, f"[{index}]")


class BooleanMapList(MapList):
    """A list of boolean maps."""

    __slots__ = ()

    def get(self, index: int) -> BooleanMap:
        return BooleanMap(self, f"[{index}]")


class AnyMapList(MapList):
    """A list of maps of any values."""

    __slots__ = ()

    def get(self, index: int) -> AnyMap:
        return AnyMap(self, f"[{index}]")


class _KeyedListMap(ComplexMap):
    __slots__ = ()

    def get(self, key: str) -> Expression:
        return self._interpolation(f"{self._terraform_attribute}[{key}]")


class StringListMap(_KeyedListMap):
    """A map of string lists."""

    __slots__ = ()


class NumberListMap(_KeyedListMap):
    """A map of number lists."""

    __slots__ = ()


class BooleanListMap(_KeyedListMap):
    """A map of boolean lists."""

    __slots__ = ()


class AnyListMap(_KeyedListMap):
    """A map of lists of any values."""

    __slots__ = ()
