"""Tokens: values known only to Terraform (references, function calls) carried through Python code.

An ``Expression`` renders to Terraform expression text. Used as a value it becomes ``"${expr}"``; formatted
into a string (``f"{cgw.id}-x"``) it becomes a token string that synthesis finds and replaces, as cdktf does.

Token strings carry a marker drawn at random when the process starts (``${TfToken[TOKEN.<marker>.7]}``), so
text that merely looks like a token (typed by a user, read from a file) never resolves to one: only the
engine's own token objects become expressions. The marker never reaches the output, which stays the same
byte for byte from run to run. Hand-written ``${...}`` and ``%{...}`` in strings pass through as in cdktf;
``App(escape_raw_expressions=True)`` writes them as literal text (``$${``) instead.
"""

from __future__ import annotations

import json
import math
import re
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from .errors import ValidationError

if TYPE_CHECKING:
    from .stack import TerraformStack

__all__ = [
    "ESCAPE_CONTEXT_KEY",
    "TEXT_ARGUMENTS",
    "Expression",
    "IAnyProducer",
    "IListProducer",
    "INumberProducer",
    "IStringProducer",
    "Lazy",
    "RawExpression",
    "Reference",
    "ResolveContext",
    "TerraformSelf",
    "Token",
    "render_hcl",
    "resolve",
    "resolve_fragment",
]

#: Context key of ``App(escape_raw_expressions=True)``.
ESCAPE_CONTEXT_KEY = "constructs-vpn:escapeRawExpressions"
#: The arguments Terraform evaluates without variables (a variable's default and description, an output's
#: description, a module's source and version), by block kind: it reads their strings as they are, never as
#: templates, so the JSON output writes their ``${`` as given in either mode and cdk.tf writes it ``$${``.
TEXT_ARGUMENTS: dict[str, tuple[str, ...]] = {
    "variable": ("default", "description"),
    "output": ("description",),
    "module": ("source", "version"),
}
#: Unguessable per process: a token string is recognised only with it, never from its shape alone.
MARKER = secrets.token_hex(12)
_TOKEN_PREFIX = "${TfToken[TOKEN." + MARKER + "."
_TOKEN_RE = re.compile(r"\$\{TfToken\[TOKEN\." + MARKER + r"\.(\d+)\]\}")
_LIST_TOKEN_RE = re.compile(r"#\{TfToken\[TOKEN\." + MARKER + r"\.(\d+)\]\}")
_TOKENS: dict[int, Expression] = {}


class ResolveContext:
    """Where a value is being resolved: the stack (for cross-stack references), the construct path, and
    whether hand-written ``${``/``%{`` is escaped (``App(escape_raw_expressions=True)``)."""

    __slots__ = ("escape", "in_for_expression", "path", "stack")

    def __init__(self, stack: TerraformStack | None, path: str = "", *, escape: bool = False) -> None:
        self.stack = stack
        self.path = path
        self.escape = escape
        #: Inside a for expression an iterator's ``each.value``/``each.key`` are its ``val``/``key``, as in cdktf.
        self.in_for_expression = False


class Expression:
    """A Terraform expression. Subclasses implement ``to_expression``."""

    __slots__ = ("_token",)

    def __init__(self) -> None:
        self._token: str | None = None

    def to_expression(self, ctx: ResolveContext) -> str:
        raise NotImplementedError

    def resolve_value(self, ctx: ResolveContext) -> Any:
        """The JSON value this expression stands for: an interpolation unless overridden."""
        return "${" + self.to_expression(ctx) + "}"

    def __str__(self) -> str:
        if self._token is None:
            number = len(_TOKENS)
            _TOKENS[number] = self
            self._token = f"${{TfToken[TOKEN.{MARKER}.{number}]}}"
        return self._token

    def _list_token(self) -> list[str]:
        """cdktf's encoding of a list token: a one-element list holding ``#{TfToken[...]}``."""
        return ["#" + str(self)[1:]]

    def __format__(self, spec: str) -> str:
        return str(self)

    def __iter__(self) -> Any:
        """A token has no items in Python (``__getitem__`` would otherwise make it endlessly iterable)."""
        raise ValidationError.single(
            "",
            f"cannot iterate over {self!r}: its items are known only to Terraform",
            rule="iterate-token",
            fix="use Fn functions (Fn.element, Fn.length_of) or a TerraformIterator",
        )

    def __getitem__(self, key: int | str | Expression) -> Expression:
        """``expr[0]`` or ``expr["key"]``: an element of a list or map."""
        return _Indexed(self, key)

    def get_attribute(self, name: str) -> Expression:
        """``expr.name``: an attribute of an object (e.g. of a list element)."""
        return _Attribute(self, name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.to_expression(ResolveContext(None))})"


class RawExpression(Expression):
    """Terraform expression text written verbatim. The escape hatch: nothing in it is escaped."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def to_expression(self, ctx: ResolveContext) -> str:
        return self.text


class Reference(Expression):
    """An attribute of a Terraform element, e.g. ``alicloud_cen_instance.cen.id``."""

    __slots__ = ("attribute", "element")

    def __init__(self, element: Referenceable, attribute: str = "") -> None:
        super().__init__()
        self.element = element
        self.attribute = attribute

    def local_expression(self) -> str:
        if self.attribute:
            return f"{self.element.attribute_prefix}.{self.attribute}"
        return self.element.reference_prefix

    def to_expression(self, ctx: ResolveContext) -> str:
        if ctx.stack is not None and self.element.stack is not ctx.stack:
            return ctx.stack._cross_stack_expression(self)
        return self.local_expression()


class Referenceable:
    """What a ``Reference`` points at: anything with a stack and a reference prefix."""

    @property
    def reference_prefix(self) -> str:
        raise NotImplementedError

    @property
    def attribute_prefix(self) -> str:
        """What an attribute reference starts with (``reference_prefix`` unless the element has ``for_each``)."""
        return self.reference_prefix

    @property
    def stack(self) -> TerraformStack:
        raise NotImplementedError


class _Indexed(Expression):
    __slots__ = ("base", "key")

    def __init__(self, base: Expression, key: int | str | Expression) -> None:
        super().__init__()
        self.base = base
        self.key = key

    def to_expression(self, ctx: ResolveContext) -> str:
        return f"{self.base.to_expression(ctx)}[{render_hcl(self.key, ctx)}]"


class _Attribute(Expression):
    __slots__ = ("base", "name")

    def __init__(self, base: Expression, name: str) -> None:
        super().__init__()
        self.base = base
        self.name = name

    def to_expression(self, ctx: ResolveContext) -> str:
        return f"{self.base.to_expression(ctx)}.{self.name}"


class Lazy(Expression):
    """A value computed at synth time (after the whole app is built) by ``producer``: a callable, or, as in
    cdktf, an object whose ``produce(context)`` returns it (``IStringProducer``, ``IAnyProducer``, ...)."""

    __slots__ = ("producer",)

    def __init__(self, producer: Any) -> None:
        super().__init__()
        self.producer = producer

    def _produce(self, ctx: ResolveContext) -> Any:
        produce = getattr(self.producer, "produce", None)
        return produce(ctx) if callable(produce) else self.producer()

    def to_expression(self, ctx: ResolveContext) -> str:
        return render_hcl(self._produce(ctx), ctx)

    def resolve_value(self, ctx: ResolveContext) -> Any:
        return resolve(self._produce(ctx), ctx)

    @staticmethod
    def string_value(producer: Any, *, display_hint: str | None = None) -> str:
        return str(Lazy(producer))

    @staticmethod
    def number_value(producer: Any) -> Any:
        return Lazy(producer)

    @staticmethod
    def list_value(producer: Any, *, display_hint: str | None = None, omit_empty: bool | None = None) -> list[str]:
        return Lazy(producer)._list_token()

    @staticmethod
    def any_value(
        producer: Any, *, display_hint: str | None = None, omit_empty_array: bool | None = None
    ) -> Expression:
        return Lazy(producer)


class IStringProducer(Protocol):
    """cdktf's producer of a lazy string (``Lazy.string_value``)."""

    def produce(self, context: ResolveContext) -> str | None: ...


class INumberProducer(Protocol):
    def produce(self, context: ResolveContext) -> float | None: ...


class IListProducer(Protocol):
    def produce(self, context: ResolveContext) -> list[str] | None: ...


class IAnyProducer(Protocol):
    def produce(self, context: ResolveContext) -> Any: ...


class TerraformSelf:
    """``self.<key>``, usable inside provisioners and connection blocks."""

    @staticmethod
    def get_string(key: str) -> str:
        return str(RawExpression(f"self.{key}"))

    @staticmethod
    def get_number(key: str) -> Any:
        return RawExpression(f"self.{key}")

    @staticmethod
    def get_any(key: str) -> Any:
        return RawExpression(f"self.{key}")


class _Null(Expression):
    __slots__ = ()

    def to_expression(self, ctx: ResolveContext) -> str:
        return "null"

    def resolve_value(self, ctx: ResolveContext) -> Any:
        return None


class Token:
    """Helpers to recognise and convert tokens, named as in cdktf.

    The ``as_*`` helpers return what Python code can carry: a string token for ``as_string``, cdktf's
    one-element list for ``as_list``, and the expression itself for the other shapes (the engine resolves
    it wherever it is used).
    """

    @staticmethod
    def is_unresolved(obj: object) -> bool:
        """True if ``obj`` is, or contains, something known only to Terraform; skip value checks then."""
        if isinstance(obj, Expression):
            return True
        if isinstance(obj, str):
            return _TOKEN_RE.search(obj) is not None or _LIST_TOKEN_RE.search(obj) is not None
        if isinstance(obj, list | tuple):
            return any(Token.is_unresolved(v) for v in obj)
        if isinstance(obj, Mapping):
            return any(Token.is_unresolved(k) or Token.is_unresolved(v) for k, v in obj.items())
        return False

    @staticmethod
    def as_string(value: Any) -> str:
        return value if isinstance(value, str) else str(Token.as_any(value))

    @staticmethod
    def as_number(value: Any) -> Any:
        return value if isinstance(value, int | float) and not isinstance(value, bool) else Token.as_any(value)

    @staticmethod
    def as_list(value: Any) -> list[str]:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        return Token.as_any(value)._list_token()

    @staticmethod
    def as_number_list(value: Any) -> Any:
        return Token.as_any(value)

    @staticmethod
    def as_map(value: Any) -> Any:
        return Token.as_any(value)

    @staticmethod
    def as_string_map(value: Any) -> Any:
        return Token.as_any(value)

    @staticmethod
    def as_number_map(value: Any) -> Any:
        return Token.as_any(value)

    @staticmethod
    def as_boolean_map(value: Any) -> Any:
        return Token.as_any(value)

    @staticmethod
    def as_any_map(value: Any) -> Any:
        return Token.as_any(value)

    @staticmethod
    def as_any(value: Any) -> Expression:
        if isinstance(value, Expression):
            return value
        if isinstance(value, str):
            found = _TOKEN_RE.fullmatch(value) or _LIST_TOKEN_RE.fullmatch(value)
            if found and int(found[1]) in _TOKENS:
                return _TOKENS[int(found[1])]
        if isinstance(value, list) and (listed := _list_token(value)) is not None:
            return listed
        return Lazy(lambda: value)

    @staticmethod
    def null_value() -> Expression:
        """Terraform's ``null``, written as JSON ``null`` (unlike ``None``, which leaves the argument out)."""
        return _Null()

    @staticmethod
    def raw_expression(text: str) -> Expression:
        """Terraform expression text, written as is inside ``${...}`` (e.g. ``"length(var.psk) >= 8"``)."""
        return RawExpression(text)


def lookup_token(number: int, ctx: ResolveContext) -> Expression:
    try:
        return _TOKENS[number]
    except KeyError:
        raise ValidationError.single(
            ctx.path,
            f"unknown token number {number} (a token string edited by hand)",
            rule="unknown-token",
            fix="pass references as produced by this app, not as copied text",
        ) from None


def _escape(text: str) -> str:
    return text.replace("${", "$${").replace("%{", "%%{")


def _literal(text: str, ctx: ResolveContext) -> str:
    return _escape(text) if ctx.escape else text


def _resolve_str(value: str, ctx: ResolveContext) -> Any:
    if "{" not in value:
        return value
    if value.startswith(_TOKEN_PREFIX) and value.endswith("]}"):  # one whole token, the common case
        number = value[len(_TOKEN_PREFIX) : -2]
        if number.isdecimal():  # what the pattern's \d takes
            return lookup_token(int(number), ctx).resolve_value(ctx)
    parts = _TOKEN_RE.split(value)
    if len(parts) == 1:
        if value[0] == "#" and (found := _LIST_TOKEN_RE.fullmatch(value)):
            return lookup_token(int(found[1]), ctx).resolve_value(ctx)
        return _literal(value, ctx)
    if len(parts) == 3 and not parts[0] and not parts[2]:
        return lookup_token(int(parts[1]), ctx).resolve_value(ctx)
    out = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            out.append(_literal(part, ctx))
        else:
            out.append("${" + lookup_token(int(part), ctx).to_expression(ctx) + "}")
    return "".join(out)


def _list_token(value: list[Any]) -> Expression | None:
    """The expression behind ``Token.as_list(...)``'s one-element list, else None."""
    if len(value) == 1 and type(value[0]) is str and value[0][:2] == "#{":
        found = _LIST_TOKEN_RE.fullmatch(value[0])
        if found:
            return _TOKENS.get(int(found[1]))
    return None


def _key_error(key: object, ctx: ResolveContext) -> ValidationError:
    return ValidationError.single(
        ctx.path,
        f"key {key!r} is a {type(key).__name__}; Terraform argument and map keys are strings",
        rule="argument-type",
        fix=f"use str({key!r}) as the key",
    )


def _resolve_dict(value: dict[Any, Any], ctx: ResolveContext) -> dict[str, Any]:
    """``resolve`` of a dict, with the common item types inlined (most values are plain strings and numbers)."""
    out = {}
    for key, item in value.items():
        item_kind = type(item)
        if item_kind is str:
            resolved = _resolve_str(item, ctx) if "{" in item else item
        elif item_kind is int or item_kind is bool:
            resolved = item
        elif item is None:
            continue
        elif item_kind is dict:
            resolved = _resolve_dict(item, ctx)
        else:
            resolved = resolve(item, ctx)
        if type(key) is not str and not isinstance(key, str):
            raise _key_error(key, ctx)
        out[_resolve_str(key, ctx) if "{" in key else key] = resolved
    return out


def resolve_fragment(fragment: dict[str, Any], ctx: ResolveContext) -> Any:
    """An element's block resolved. With ``escape_raw_expressions`` its ``TEXT_ARGUMENTS`` are resolved without
    escaping: Terraform reads them as they are, so ``$${`` there would reach it as ``$${``, not ``${``."""
    resolved = resolve(fragment, ctx)
    if not ctx.escape:
        return resolved
    literal = ResolveContext(ctx.stack, ctx.path)
    for kind, keys in TEXT_ARGUMENTS.items():
        for name, body in (fragment.get(kind) or {}).items():
            written = resolved[kind][name]
            for key in keys:
                if key in written:
                    written[key] = resolve(body[key], literal)
    return resolved


def resolve(value: Any, ctx: ResolveContext) -> Any:
    """Turn a Python value holding tokens into the JSON value Terraform reads.

    ``None`` values in mappings are dropped (an unset argument); floats with an integral value print as ints,
    as in JavaScript; non-finite numbers are an error.
    """
    kind = type(value)
    if kind is str:
        return _resolve_str(value, ctx)
    if kind is dict:
        return _resolve_dict(value, ctx)
    if kind is list or kind is tuple:
        if len(value) == 1 and (listed := _list_token(list(value))) is not None:
            return listed.resolve_value(ctx)
        return [resolve(item, ctx) for item in value]
    if kind is int or kind is bool or value is None:
        return value
    if kind is float:
        if not math.isfinite(value):
            raise ValidationError.single(
                ctx.path, f"{value} is not a number Terraform accepts", rule="finite-number", fix="use a finite number"
            )
        return int(value) if value.is_integer() else value
    if isinstance(value, Expression):
        return value.resolve_value(ctx)
    if isinstance(value, str):  # subclasses such as StrEnum
        return _resolve_str(str.__str__(value), ctx)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return resolve(float(value), ctx)
    if isinstance(value, Mapping):
        return resolve(dict(value), ctx)
    if isinstance(value, list | tuple | set | frozenset):
        return resolve(list(value), ctx)
    raise ValidationError.single(
        ctx.path,
        f"cannot synthesize a value of type {kind.__name__}",
        rule="synthesizable-value",
        fix="use str, int, float, bool, None, lists, dicts or tokens",
    )


#: An escape json.dumps writes (a backslash and one character); HCL's quoted strings have no \b or \f.
_JSON_ESCAPE = re.compile(r"\\.")
_HCL_FOR_JSON_ESCAPE = {"\\b": "\\u0008", "\\f": "\\u000c"}


def _hcl_escape(found: re.Match[str]) -> str:
    return _HCL_FOR_JSON_ESCAPE.get(found.group(), found.group())


def _hcl_string(value: str, ctx: ResolveContext) -> str:
    if value[:2] == "#{" and (found := _LIST_TOKEN_RE.fullmatch(value)):
        return lookup_token(int(found[1]), ctx).to_expression(ctx)
    parts = _TOKEN_RE.split(value)
    if len(parts) == 3 and not parts[0] and not parts[2]:
        return lookup_token(int(parts[1]), ctx).to_expression(ctx)
    out = ['"']
    for index, part in enumerate(parts):
        if index % 2 == 0:
            text = json.dumps(part, ensure_ascii=False)[1:-1]
            if "\\" in text:  # json.dumps's \b and \f, which HCL refuses (the expression is HCL in both outputs)
                text = _JSON_ESCAPE.sub(_hcl_escape, text)
            # As cdktf: "${" in a function's string argument is literal text; "%{" too when escaping.
            out.append(_escape(text) if ctx.escape else text.replace("${", "$${"))
        else:
            out.append("${" + lookup_token(int(part), ctx).to_expression(ctx) + "}")
    out.append('"')
    return "".join(out)


def render_hcl(value: Any, ctx: ResolveContext) -> str:
    """Render a Python value as Terraform expression text (used inside function calls and operators)."""
    if type(value) is int:  # an index, the common case: what json.dumps gives, without its encoder
        return int.__repr__(value)
    if isinstance(value, Expression):
        return value.to_expression(ctx)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return _hcl_string(value, ctx)
    if isinstance(value, int | float):
        resolved = resolve(value, ctx)
        return json.dumps(resolved)
    if isinstance(value, Mapping):
        items = ", ".join(f"{_hcl_string(str(k), ctx)} = {render_hcl(v, ctx)}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, list | tuple):
        if isinstance(value, list) and (listed := _list_token(value)) is not None:
            return listed.to_expression(ctx)
        return "[" + ", ".join(render_hcl(v, ctx) for v in value) + "]"
    raise ValidationError.single(
        ctx.path,
        f"cannot render a value of type {type(value).__name__} as a Terraform expression",
        rule="synthesizable-value",
        fix="use str, int, float, bool, None, lists, dicts or tokens",
    )
