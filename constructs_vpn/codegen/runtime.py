"""What every generated binding shares (``constructs-vpn get`` output and ``constructs_vpn.alicloud``): value types
that accept tokens, the pydantic bases, and error mapping.

Hand-written; the generator only refers to these names. Value types are strict (nothing is coerced: ``"1"`` is
not an integer, ``"true"`` is not a boolean, ``True`` is not an integer) but every value may instead be a token:
an ``Expression`` or a string holding one (``f"{cgw.id}"``). Rules (``OneOf``, ``IntIn``, ...) judge concrete
values only. A failed validation becomes one ``ValidationError`` with a ``Problem`` per field, each naming the
construct path, the attribute path (``ike_config.ike_version``), a rule id and a fix; sensitive values are
never echoed.
"""

from __future__ import annotations

import functools
import json
import math
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from ..core.annotations import Annotations
from ..core.complex_computed import ComplexObject
from ..core.construct import Construct
from ..core.dynamic import TerraformDynamicBlock
from ..core.errors import Problem, ValidationError
from ..core.provider import TerraformProvider
from ..core.resource import TerraformDynamicExpression
from ..core.tokens import Expression, ResolveContext, Token, resolve
from .rules import Rule, count_violation

__all__ = [
    "AnyValue",
    "BlockModel",
    "Blocks",
    "Boolean",
    "BooleanList",
    "BooleanMap",
    "CheckedModel",
    "ConfigModel",
    "ImportConfig",
    "Integer",
    "Items",
    "Number",
    "NumberList",
    "NumberMap",
    "String",
    "StringList",
    "StringMap",
    "StringSet",
    "assign",
    "configure",
    "internal_value",
    "problems_from",
    "rule_core_schema",
    "shared_fields_set",
    "synthesize",
    "synthesize_hcl",
    "synthesize_resolved",
    "warn_deprecated",
]

M = TypeVar("M", bound=BaseModel)


# --- errors ---------------------------------------------------------------------------------------------
def _error(rule: str, message: str, fix: str = "", *, quiet: str | None = None, item: str = "") -> PydanticCustomError:
    """A pydantic error whose ``type`` is our rule id; the texts travel in the context (never formatted)."""
    context = {"message": message, "fix": fix, "quiet": message if quiet is None else quiet, "item": item}
    return PydanticCustomError(rule, "{message}", context)


def _type_error(expected: str, value: object) -> PydanticCustomError:
    if value is None:
        return _error("required", "is required (got None)", "give a value")
    return _error("type", f"expected {expected}, got {type(value).__name__}", f"pass {expected} or a token")


def _is_token(value: object) -> bool:
    return isinstance(value, Expression) or (isinstance(value, str) and Token.is_unresolved(value))


# --- scalar and collection types --------------------------------------------------------------------------
_STRING_TYPES = (str, Expression)


def _check_string(value: Any) -> Any:
    if type(value) is str or isinstance(value, _STRING_TYPES):
        return value
    raise _type_error("a string", value)


def _check_integer(value: Any) -> Any:
    if type(value) is int or _is_token(value) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise _type_error("an integer", value)


def _check_number(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise _error("type", f"expected a finite number, got {value}", "pass a finite number")
        return value
    if _is_token(value):
        return value
    raise _type_error("a number", value)


def _check_boolean(value: Any) -> Any:
    if type(value) is bool or _is_token(value):
        return value
    raise _type_error("a boolean (True or False)", value)


class _Plain:
    """``Annotated`` metadata that replaces a type's schema by one plain validator (one Python call)."""

    __slots__ = ("check",)

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(self.check)


class _Collection:
    """A list, set or map of scalars: a Python list/tuple (or mapping), a token, or an ``Expression``."""

    __slots__ = ("check_item", "expected", "kind")

    def __init__(self, kind: str, check_item: Callable[[Any], Any], item_name: str) -> None:
        self.kind = kind
        self.check_item = check_item
        self.expected = f"a mapping of {item_name}" if kind == "map" else f"a list of {item_name}"

    def validate(self, value: Any) -> Any:
        if _is_token(value):
            return value
        if self.kind == "map":
            if not isinstance(value, Mapping):
                raise _type_error(self.expected, value)
            for key, item in value.items():
                if not isinstance(key, str):
                    raise _error("type", f"keys must be strings, got {type(key).__name__}", "use string keys")
                self._item(item, f"[{json.dumps(key)}]")
        else:
            if not isinstance(value, list | tuple):
                raise _type_error(self.expected, value)
            for index, item in enumerate(value):
                self._item(item, f"[{index}]")
        return value

    def _item(self, item: Any, where: str) -> None:
        try:
            self.check_item(item)
        except PydanticCustomError as error:
            context = error.context or {}
            message = "is None" if item is None else str(context.get("message", error.message()))
            raise _error("type", message, str(context.get("fix", "")), item=where) from None

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(self.validate)


class Items:
    """``MinItems``/``MaxItems`` of a list or set attribute, and a rule each concrete item must follow."""

    __slots__ = ("each", "high", "low")

    def __init__(self, low: int | None = None, high: int | None = None, *, each: Rule | None = None) -> None:
        self.low = low
        self.high = high
        self.each = each

    def validate(self, value: Any) -> Any:
        if not isinstance(value, list | tuple):
            return value
        violation = count_violation(len(value), self.low, self.high)
        if violation is not None:
            raise _error(violation.rule, violation.message, violation.fix)
        if self.each is not None:
            for index, item in enumerate(value):
                if _is_token(item):
                    continue
                found = self.each.violation(item)
                if found is not None:
                    quiet = self.each.violation(item, show_value=False)
                    assert quiet is not None
                    raise _error(found.rule, found.message, found.fix, quiet=quiet.message, item=f"[{index}]")
        return value

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self.validate, handler(source))


class Blocks:
    """``Annotated`` metadata of a list or set of blocks: it also takes a token for the whole list (cdktf's
    ``IResolvable``), and a ``TerraformIterator.dynamic(...)`` there is written as a ``dynamic`` block, as
    cdktf's ``listMapper(..., isBlockType=true)`` does (elsewhere it stays a for expression).

    The blocks are a list or a tuple (a set is refused: its order is not the user's, and it is the written
    order). They are validated as ``list[Block]``, not as the annotation's ``Sequence[Block]``: pydantic checks
    a ``Sequence`` in Python, to give back the input's own type, and a list in pydantic-core."""

    __slots__ = ()

    @staticmethod
    def _serialize(value: Any, handler: core_schema.SerializerFunctionWrapHandler) -> Any:
        if isinstance(value, TerraformDynamicExpression):
            return TerraformDynamicBlock.from_dynamic_expression(value)
        return value if _is_token(value) else handler(value)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        (block,) = typing.get_args(source)
        expected = f"expected a list of {block.__name__} (or dicts)"

        def validate(value: Any, blocks: core_schema.ValidatorFunctionWrapHandler) -> Any:
            if type(value) is list or type(value) is tuple:
                return blocks(value)
            if _is_token(value):
                return value
            raise _error("type", f"{expected}, got {type(value).__name__}", "pass the documented type")

        inner = handler.generate_schema(types.GenericAlias(list, (block,)))
        serializer = core_schema.wrap_serializer_function_ser_schema(self._serialize, schema=inner)
        return core_schema.no_info_wrap_validator_function(validate, inner, serialization=serializer)


def rule_core_schema(rule: Rule, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    """The pydantic schema of ``Annotated[<type>, rule]``: the type's own checks, then the rule on concrete values."""

    def check(value: Any) -> Any:
        # The rule first: a value it accepts needs no token test (the slower one), and a rule accepts or skips
        # any token (a string of other text, or an object of another type), so the outcome is the same.
        found = rule.violation(value)
        if found is None or _is_token(value):
            return value
        quiet = rule.violation(value, show_value=False)
        raise _error(found.rule, found.message, found.fix, quiet=quiet.message if quiet else found.message)

    return core_schema.no_info_after_validator_function(check, handler(source))


String = Annotated[str | Expression, _Plain(_check_string)]
"""A Terraform ``string``: a ``str`` (token strings included) or an ``Expression``."""
Integer = Annotated[int | Expression, _Plain(_check_integer)]
"""A Terraform ``number`` the provider reads as an integer: an ``int`` (not a bool, float or str) or a token."""
Number = Annotated[float | Expression, _Plain(_check_number)]
"""A Terraform ``number``: an ``int`` or a finite ``float`` (not a bool or str), or a token."""
Boolean = Annotated[bool | Expression, _Plain(_check_boolean)]
"""A Terraform ``bool``: ``True``/``False`` only (``"true"`` and ``1`` are rejected), or a token."""
StringList = Annotated[Sequence[str | Expression] | Expression, _Collection("list", _check_string, "strings")]
"""A Terraform ``list(string)``: a list or tuple of strings, or a token for the whole list."""
StringSet = Annotated[Sequence[str | Expression] | Expression, _Collection("set", _check_string, "strings")]
"""A Terraform ``set(string)``: a list or tuple (written in that order), or a token for the whole set."""
StringMap = Annotated[Mapping[str, str | Expression] | Expression, _Collection("map", _check_string, "strings")]
"""A Terraform ``map(string)``: a mapping of strings to strings, or a token for the whole map."""
NumberList = Annotated[Sequence[float | Expression] | Expression, _Collection("list", _check_number, "numbers")]
"""A Terraform ``list(number)`` or ``set(number)``: a list or tuple of numbers, or a token."""
BooleanList = Annotated[Sequence[bool | Expression] | Expression, _Collection("list", _check_boolean, "booleans")]
"""A Terraform ``list(bool)`` or ``set(bool)``: a list or tuple of booleans, or a token."""
NumberMap = Annotated[Mapping[str, float | Expression] | Expression, _Collection("map", _check_number, "numbers")]
"""A Terraform ``map(number)``: a mapping of strings to numbers, or a token."""
BooleanMap = Annotated[Mapping[str, bool | Expression] | Expression, _Collection("map", _check_boolean, "booleans")]
"""A Terraform ``map(bool)``: a mapping of strings to booleans, or a token."""
AnyValue = Annotated[Any, _Plain(lambda value: value)]
"""Any other Terraform type (objects, nested collections, ``dynamic``): passed through as given, unchecked;
synthesis still rejects what JSON cannot hold."""


# --- models -----------------------------------------------------------------------------------------------
_MODEL_CONFIG = ConfigDict(
    extra="forbid",
    frozen=True,
    hide_input_in_errors=True,
    defer_build=True,
    revalidate_instances="never",
    validate_by_name=True,
    validate_by_alias=True,
)


#: One set per distinct fields set, shared by the frozen models that have it (see ``CheckedModel.model_post_init``).
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


#: Per model class, the shared fields set its last instance took.
_LAST_FIELDS_SET: dict[type, set[str]] = {}


def shared_fields_set(fields: set[str] | frozenset[str]) -> set[str]:
    """The one shared set equal to ``fields``: a frozen model's fields set never changes, so equal ones can be
    one object (pydantic gives every instance its own set, a third of a VPN site's memory)."""
    key = frozenset(fields)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        shared = _FIELDS_SETS[key] = set(key)
    return shared


class CheckedModel(BaseModel):
    """A model whose constructor raises the core's ``ValidationError`` with every problem, the model's class name
    as path (the bindings' blocks and the VPN constructs' props both build on it)."""

    model_config = ConfigDict(defer_build=True)  # no validator for this base itself (that loads pydantic's plugins)

    def model_post_init(self, context: Any, /) -> None:
        """A frozen instance takes the shared set of its fields set (``shared_fields_set``); pydantic only adds to
        the set of a model that can change, and gives a copy its own set."""
        model = type(self)
        if model.model_config.get("frozen"):
            fields = self.__pydantic_fields_set__
            shared = _LAST_FIELDS_SET.get(model)
            if shared != fields:  # most instances of a class have the fields set of the one before
                shared = _LAST_FIELDS_SET[model] = shared_fields_set(fields)
            object.__setattr__(self, "__pydantic_fields_set__", shared)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except PydanticValidationError as error:
            raise ValidationError(problems_from(error, type(self), type(self).__name__)) from None

    # Same behaviour as pydantic's own __init__, so nested dicts are validated without calling it.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]


class BlockModel(CheckedModel):
    """A nested block. Frozen and strict; unknown or computed-only keys are rejected.

    Built directly (``VpnGatewayVpnAttachmentIkeConfig(ike_version="ikev2")``) it raises the core's
    ``ValidationError`` with the model's class name as path; given to a construct as a dict, the construct's path.
    """

    model_config = _MODEL_CONFIG
    _tf_computed: ClassVar[frozenset[str]] = frozenset()
    """Attributes the provider computes: named in a dict, they are reported as ``computed-only``."""
    _tf_sensitive: ClassVar[frozenset[str]] = frozenset()
    """Attributes whose values never appear in messages or ``repr``."""

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """Only the arguments that are set (pydantic's default shows every ``None``)."""
        for name, value in super().__repr_args__():
            if value is not None:
                yield name, value


class ConfigModel(BlockModel):
    """All provider arguments of one resource, data source or provider block (no meta-arguments)."""

    _tf_deprecated: ClassVar[Mapping[str, str]] = {}
    """Deprecated argument → the provider's deprecation message (a warning when set)."""
    _tf_conflicts: ClassVar[tuple[tuple[str, str], ...]] = ()
    """Pairs of arguments that cannot both be set (``ConflictsWith``)."""


def _nested_model(owner: type[BaseModel], name: str) -> type[BaseModel] | None:
    field = owner.model_fields.get(name)
    if field is None:
        return None
    pending: list[Any] = [field.annotation]
    while pending:
        current = pending.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        pending.extend(typing.get_args(current))
    return None


def _describe(owner: type[BaseModel]) -> str:
    return f"{owner.__name__} ({', '.join(owner.model_fields)})" if len(owner.model_fields) <= 12 else owner.__name__


def problems_from(error: PydanticValidationError, model: type[BaseModel], path: str) -> list[Problem]:
    """One ``Problem`` per pydantic error of ``model``, with attribute paths and our rule ids."""
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        loc = item["loc"]
        owner: type[BaseModel] = model
        field = ""
        for index, part in enumerate(loc):
            if isinstance(part, int):
                field += f"[{part}]"
                continue
            field += f".{part}" if field else str(part)
            if index < len(loc) - 1:
                owner = _nested_model(owner, str(part)) or owner
        name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
        context: dict[str, Any] = dict(item.get("ctx") or {})
        kind = item["type"]
        got = type(item.get("input")).__name__
        sensitive = name in getattr(owner, "_tf_sensitive", ())
        if "message" in context:  # one of ours
            rule = kind
            message = str(context["quiet"] if sensitive else context["message"])
            fix = str(context.get("fix", ""))
            field += str(context.get("item", ""))
        elif kind == "missing":
            rule, message, fix = "required", "is required", f"set {field}"
        elif kind == "extra_forbidden":
            if name in getattr(owner, "_tf_computed", ()):
                rule = "computed-only"
                message = f"{name!r} is computed by the provider and cannot be set"
                fix = "remove it; read it from the resource after apply"
            else:
                rule = "unknown-argument"
                message = f"{name!r} is not an argument of {_describe(owner)}"
                import difflib  # only a mistake needs it

                close = difflib.get_close_matches(name, list(owner.model_fields), n=1)
                fix = f"did you mean {close[0]!r}?" if close else "remove it"
        elif kind == "too_long":
            rule = "max-items"
            message = f"has {context.get('actual_length')} blocks, at most {context.get('max_length')} allowed"
            fix = "remove blocks"
        elif kind == "too_short":
            rule = "min-items"
            message = f"has {context.get('actual_length')} blocks, at least {context.get('min_length')} required"
            fix = "add blocks"
        else:
            rule = "type"
            target = _nested_model(owner, name) if name else None
            if target is not None and kind in ("model_type", "model_attributes_type", "dict_type"):
                message = f"expected a {target.__name__} or a dict, got {got}"
            elif target is not None:
                message = f"expected a list of {target.__name__} (or dicts), got {got}"
            else:
                message = f"{item['msg']} (got {got})"
            fix = "pass the documented type"
        problems.append(Problem(path, message, field, rule, fix))
    return problems


# --- what the generated constructors call ------------------------------------------------------------------
def _child_path(scope: Construct, id: str) -> str:
    """The path the construct ``id`` will have under ``scope`` (as ``Construct.__init__`` computes it)."""
    id = str(id).replace("/", "--")
    return f"{scope.node.path}/{id}" if scope.node.path else id


def configure(scope: Construct, id: str, model: type[M], data: dict[str, Any]) -> M:
    """Validate a construct's arguments into ``model`` before the construct joins the tree.

    Raises one ``ValidationError`` with every problem (so a failed construct never half-exists in the tree).
    """
    problems: list[Problem] = []
    conflicts: tuple[tuple[str, str], ...] = getattr(model, "_tf_conflicts", ())
    path = ""
    for first, second in conflicts:
        if data.get(first) is not None and data.get(second) is not None:
            path = path or _child_path(scope, id)
            message = f"{first!r} and {second!r} cannot both be set"
            problems.append(Problem(path, message, second, "conflicts-with", f"remove {second!r}"))
    try:
        config = model.model_validate(data)
    except PydanticValidationError as error:
        raise ValidationError([*problems_from(error, model, _child_path(scope, id)), *problems]) from None
    if problems:
        raise ValidationError(problems)
    return config


def warn_deprecated(construct: Construct, config: ConfigModel, provider: str) -> None:
    """A warning (``<provider>:deprecated:<name>``) with the provider's message for each deprecated argument set."""
    for name, message in config._tf_deprecated.items():
        if _read(config, (name,)) is not None:
            Annotations.of(construct).add_warning_v2(f"{provider}:deprecated:{name}", message)


def synthesize(config: BaseModel) -> dict[str, Any]:
    """The provider-named arguments as Terraform JSON expects them (unset ones left out): what
    ``config.model_dump(exclude_none=True, by_alias=True)`` gives, read straight off the generated models (a
    third of the time: pydantic calls back into Python for every list of blocks). A value of another kind than
    the bindings hold (a dataclass in an ``AnyValue``, say) leaves it to pydantic."""
    if isinstance(config, BlockModel):
        try:
            return _dump(config)
        except _OtherValueError:
            pass
    return config.model_dump(exclude_none=True, by_alias=True)


class _OtherValueError(Exception):
    """A value ``_plain`` does not pass on as pydantic would: pydantic dumps the model."""


_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _dump_plan(model: type[BaseModel]) -> tuple[tuple[str, str, bool], ...]:
    """Per field: its Python name, its schema name, and whether it is a list of blocks (``Blocks``)."""
    plan = []
    for name, field in model.model_fields.items():
        pending: list[Any] = [field.annotation]
        blocks = False
        while pending and not blocks:
            current = pending.pop()
            blocks = typing.get_origin(current) is Annotated and any(
                isinstance(m, Blocks) for m in current.__metadata__
            )
            pending.extend(typing.get_args(current))
        plan.append((name, field.serialization_alias or field.alias or name, blocks))
    return tuple(plan)


def _dump(model: BaseModel, ctx: ResolveContext | None = None) -> dict[str, Any]:
    """``model``'s set fields by schema name, as pydantic's dump gives them; with ``ctx``, resolved as well."""
    out: dict[str, Any] = {}
    values = model.__dict__
    for name, schema, blocks in _dump_plan(type(model)):
        value = values[name]
        if value is None:
            continue
        kind = type(value)
        if kind is str:
            out[schema] = resolve(value, ctx) if ctx is not None and "{" in value else value
        elif kind is int or kind is bool:
            out[schema] = value
        elif isinstance(value, BlockModel):
            out[schema] = _dump(value, ctx)
        elif blocks and kind is list:  # validated: a list of block models
            out[schema] = [_dump(item, ctx) for item in value]
        elif blocks and isinstance(value, TerraformDynamicExpression):
            if ctx is not None:
                raise _OtherValueError  # written under "dynamic": process_dynamic_attributes does that
            out[schema] = TerraformDynamicBlock.from_dynamic_expression(value)
        else:
            out[schema] = _plain(value) if ctx is None else resolve(_plain(value), ctx)
    return out


def _plain(value: Any) -> Any:
    """``value`` as pydantic's dump gives it: models as dicts of their set fields, containers item by item."""
    kind = type(value)
    if kind in _PLAIN_TYPES or isinstance(value, Expression):
        return value
    if isinstance(value, BlockModel):
        return _dump(value)
    if kind is list:
        return [_plain(item) for item in value]
    if kind is tuple:
        return tuple(_plain(item) for item in value)
    if kind is dict:
        return {key: _plain(item) for key, item in value.items()}
    raise _OtherValueError


def synthesize_resolved(config: BaseModel, ctx: ResolveContext) -> dict[str, Any] | None:
    """``resolve(synthesize(config), ctx)`` in one walk over the models (the generated bindings'
    ``_resolved_attributes``), or ``None`` where that walk would not give the same: a dynamic block (moved to
    ``dynamic`` first) or a value of another kind than the bindings hold."""
    if not isinstance(config, BlockModel):
        return None
    try:
        return _dump(config, ctx)
    except _OtherValueError:
        return None


def synthesize_hcl(config: BaseModel) -> dict[str, Any]:
    """The arguments for ``cdk.tf`` typed as cdktf's generated ``synthesizeHclAttributes`` types them
    (``{"value", "isBlock", "type", "storageClassType"}``, unset ones left out): nested blocks are written as
    blocks, lists, sets and maps as such."""
    out: dict[str, Any] = {}
    for name, field in type(config).model_fields.items():
        value = getattr(config, name)
        if value is None:
            continue
        kind, storage, is_block = _hcl_type(field.annotation)
        if is_block and isinstance(value, TerraformDynamicExpression):
            # cdktf's listMapperHcl(..., isBlockType=true): written as a dynamic block, not a for expression
            value = TerraformDynamicBlock.from_dynamic_expression(value)
        elif is_block and not _is_token(value):
            value = [synthesize_hcl(v) for v in value] if isinstance(value, list | tuple) else synthesize_hcl(value)
        out[field.alias or name] = {"value": value, "isBlock": is_block, "type": kind, "storageClassType": storage}
    return out


_PLAIN_STORAGE: dict[Callable[[Any], Any], str] = {
    _check_string: "string",
    _check_integer: "number",
    _check_number: "number",
    _check_boolean: "boolean",
}
_ITEM_STORAGE: dict[Callable[[Any], Any], str] = {
    _check_string: "string",
    _check_number: "number",
    _check_boolean: "boolean",
}


def _hcl_type(annotation: Any) -> tuple[str, str, bool]:
    """``(type, storageClassType, isBlock)`` of a field, from its annotation (``String | None``, ``StringSet``,
    ``Sequence[SomeBlock]``, ``SomeBlock``, ...)."""
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return "list", f"{arg.__name__}List", True
        origin = typing.get_origin(arg)
        if origin is Annotated:
            for meta in arg.__metadata__:
                if isinstance(meta, _Plain):
                    return ("simple", _PLAIN_STORAGE[meta.check], False) if meta.check in _PLAIN_STORAGE else _ANY
                if isinstance(meta, _Collection):
                    item = _ITEM_STORAGE[meta.check_item]
                    return meta.kind, f"{item}{'Map' if meta.kind == 'map' else 'List'}", False
            return _hcl_type(typing.get_args(arg)[0])
        if origin is not None and origin is not typing.Union and typing.get_args(arg):
            inner = typing.get_args(arg)[0]
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return "list", f"{inner.__name__}List", True
    return _ANY


_ANY = ("any", "", False)


# --- mutation after construction (cdktf's setters, reset_<x>, put_<block>, <x>_input) -----------------------
Step = str | int


def _locate(target: Any) -> tuple[Any, tuple[Step, ...]]:
    """The element a reference belongs to (a generated construct, with ``config``), and the path from its
    ``config`` to the referenced value."""
    steps: list[Step] = []
    while isinstance(target, ComplexObject):
        index = target._complex_object_index
        head: list[Step] = [target._terraform_attribute]
        if isinstance(index, int):
            head.append(index)
        steps[:0] = head
        target = target._terraform_resource
    return target, tuple(steps)


@functools.cache
def _schema_names(model: type[BaseModel]) -> dict[str, str]:
    """Each field's schema name (its alias where Python needed another name) → its Python name, in field order;
    once per class (``model_fields`` is a deprecated-instance property: slow enough to show in a large build)."""
    return {field.alias or name: name for name, field in model.model_fields.items()}


def _fields(model: BaseModel) -> dict[str, Any]:
    """The model's arguments keyed by their schema names (a field's alias where Python needed another name)."""
    return {schema: getattr(model, name) for schema, name in _schema_names(type(model)).items()}


def _attribute(model: BaseModel, name: str) -> Any:
    """The argument the schema calls ``name`` (a field of that name, or whose alias it is)."""
    python = _schema_names(type(model)).get(name)
    return None if python is None else getattr(model, python)


def _read(value: Any, steps: tuple[Step, ...]) -> Any:
    for step in steps:
        if value is None:
            return None
        if isinstance(step, int):
            if isinstance(value, list | tuple):
                value = value[step] if step < len(value) else None
            # an int step into one object: a list block of at most one item, kept as its object
        elif isinstance(value, BaseModel):
            value = _attribute(value, step)
        elif isinstance(value, Mapping):
            value = value.get(step)
        else:
            return None
    return value


def _replace(current: Any, steps: tuple[Step, ...], value: Any, where: str) -> Any:
    if not steps:
        return value
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        if not isinstance(current, list | tuple):
            return _replace(current, rest, value, where)
        if step >= len(current):
            raise ValidationError.single(
                where,
                f"has {len(current)} item(s); index {step} does not exist",
                rule="index",
                fix="put the list first",
            )
        items = list(current)
        items[step] = _replace(items[step], rest, value, f"{where}[{step}]")
        return items
    fields = _fields(current) if isinstance(current, BaseModel) else dict(current or {})
    fields[step] = _replace(fields.get(step), rest, value, f"{where}.{step}" if where else step)
    return fields


def assign(target: Any, steps: tuple[Step, ...], value: Any) -> None:
    """Set (``None``: reset) the argument at ``steps`` below ``target`` (an element or one of its
    ``...OutputReference`` objects) and validate the element's arguments again, as at construction."""
    element, prefix = _locate(target)
    node = element.node
    data = _replace(element.config, prefix + steps, value, "")
    element.config = configure(node.scope, node.id, type(element.config), data)
    message = element.config._tf_deprecated.get(steps[0]) if not prefix and len(steps) == 1 else None
    if message and value is not None:
        metadata = getattr(element, "terraform_generator_metadata", None)
        provider = metadata.provider_name if metadata is not None else "provider"
        Annotations.of(element).add_warning_v2(f"{provider}:deprecated:{steps[0]}", message)


def internal_value(target: Any, steps: tuple[Step, ...] = ()) -> Any:
    """The argument at ``steps`` below ``target`` as it was given (cdktf's ``internalValue`` / ``<x>_input``)."""
    element, prefix = _locate(target)
    return _read(element.config, prefix + steps)


# --- import with generated configuration (cdktf's ImportableResource) --------------------------------------
@dataclass(frozen=True, slots=True)
class ImportConfig:
    """The ``IImportableConfig`` a binding's ``generate_config_for_import`` gives ``ImportableResource``."""

    terraform_resource_type: str
    import_id: str
    provider: TerraformProvider | None = None
