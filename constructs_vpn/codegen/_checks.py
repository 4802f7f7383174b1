"""What a provider schema must be before any code is made from it (issue #22: hostile input never becomes code).

The rule per kind of name:

- resource and data source types, attribute and block names: Terraform identifiers (letters, digits, ``_`` and
  ``-``, starting with a letter or ``_``; hcl's ``hclsyntax.ValidIdentifier``, which Terraform applies to every
  one of them), and a type starts with the provider's type name + ``_`` and a letter (its module and class names
  are made from the rest; a variant such as ``google-beta`` may also declare its family's ``google_`` types).
  Anything else is refused: Terraform itself would not take it.
- object type keys: Terraform does not restrict them, so any text but NUL and lone surrogates is taken; a key is
  only ever written as a string literal, and its getter gets the Python name ``key_identifier`` makes. Keys of one
  object whose Python names coincide are refused (no safe pair of names is left).
- every string of the schema: no NUL and no lone surrogate (neither can be written to a UTF-8 source file).
- types follow cty's JSON grammar and nest at most ``MAX_DEPTH`` levels, as do blocks (real providers stay
  under ten; the limit keeps the generator's recursion far from Python's).

Errors are ``ConstructsVpnError`` naming the type, the path of the name inside it and the rule; the caller adds
the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..core.errors import ConstructsVpnError
from ._ir import Provider, identifier, key_identifier, python_name

__all__ = ["MAX_DEPTH", "TERRAFORM_NAME", "check_provider", "check_schema"]

#: hclsyntax.ValidIdentifier: the rule Terraform applies to resource types, attribute and block names.
TERRAFORM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
#: How deep types and blocks may nest.
MAX_DEPTH = 32
#: How deep the whole document may nest: four JSON levels per block level, two per type level, and room.
_MAX_JSON_DEPTH = 4 * MAX_DEPTH + 2 * MAX_DEPTH + 16
_PRIMITIVES = frozenset({"string", "number", "bool", "dynamic"})
_NESTING_MODES = frozenset({"single", "group", "list", "set", "map"})
_NAME_RULE = "a Terraform name is letters, digits, _ and -, starting with a letter or _"


def _check_text(text: str, where: str) -> None:
    """Refuse NUL and lone surrogates, which no source file or Terraform configuration can hold."""
    if "\x00" in text:
        raise ConstructsVpnError(f"{where}: {_short(text)} holds a NUL character; remove it from the schema")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ConstructsVpnError(
            f"{where}: {_short(text)} holds a lone surrogate ({error.object[error.start]!r}), which is not UTF-8; "
            "fix the schema's JSON escapes"
        ) from None


def check_provider(provider: Provider) -> None:
    """The provider's names land in comments, string literals and class names: its local name must be a Terraform
    name, its type name (the source's last part) a letter then letters, digits and ``-``, and source, version and
    constraint printable text (``constructs-vpn get`` checks cdktf.json's entries more closely)."""
    if not TERRAFORM_NAME.match(provider.name):
        raise ConstructsVpnError(f"provider name {provider.name!r} is not a Terraform name ({_NAME_RULE})")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9-]*", provider.type_name):
        raise ConstructsVpnError(
            f"provider source {provider.source!r}: the type name {provider.type_name!r} must be a letter, then "
            "letters, digits and -"
        )
    for what, text in (("source", provider.source), ("version", provider.version), ("constraint", provider.constraint)):
        if text is not None and not text.isprintable():
            raise ConstructsVpnError(f"provider {what} {text!r} holds control characters; remove them")


def check_schema(type_name: str, schema: Mapping[str, Any]) -> None:
    """Refuse a schema some name or shape of which could not become safe Python (see the module docstring)."""
    _expect(schema, dict, "the provider schema")
    for where, text in _strings(schema, "the provider schema"):
        _check_text(text, where)
    provider = schema.get("provider")
    if provider is not None:
        _block(_expect(provider, dict, "provider").get("block", {}), "provider", "", 1)
    prefix, family = f"{type_name}_", f"{type_name.partition('-')[0]}_"
    for key, kind in (("resource_schemas", "resource"), ("data_source_schemas", "data source")):
        for tf_type, spec in _expect(schema.get(key) or {}, dict, key).items():
            stem = tf_type.removeprefix(prefix) if tf_type.startswith(prefix) else tf_type.removeprefix(family)
            if not TERRAFORM_NAME.match(tf_type) or stem == tf_type or not stem[:1].isalpha() or not stem.isascii():
                raise ConstructsVpnError(
                    f"{kind} type {tf_type!r} is not a Terraform type name of provider {type_name!r}: "
                    f"it must be {prefix!r} followed by a letter, then letters, digits, _ and -; "
                    "fix or drop the type in the schema"
                )
            element = _expect(spec, dict, f"{kind} type {tf_type!r}")
            _block(element.get("block"), f"{kind} type {tf_type!r}", "", 1)


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every key and string of a JSON document with where it is, walked without recursion; a document nested
    deeper than ``_MAX_JSON_DEPTH`` (anywhere, in keys the generator never reads too) is refused, so neither this
    nor the schema's digest (``json.dumps``) can exhaust Python's recursion."""
    stack = [(value, where, 0)]
    while stack:
        item, at, depth = stack.pop()
        if depth > _MAX_JSON_DEPTH:
            shown = at if len(at) <= 160 else f"{at[:160]}..."
            raise ConstructsVpnError(
                f"{shown}: the schema nests more than {_MAX_JSON_DEPTH} levels deep; fix the schema"
            )
        if isinstance(item, str):
            yield at, item
        elif isinstance(item, dict):
            for key, child in item.items():
                yield f"{at}: key", key
                stack.append((child, f"{at}.{key}", depth + 1))
        elif isinstance(item, list):
            stack.extend((child, at, depth + 1) for child in item)


def _expect(value: Any, kind: type, where: str) -> Any:
    if not isinstance(value, kind):
        raise ConstructsVpnError(f"{where}: expected a JSON {kind.__name__}, got {_short(value)}; is it a schema?")
    return value


def _block(block: Any, where: str, path: str, depth: int) -> None:
    """A block's attributes and nested blocks: names, types, nesting modes, depth, and no two names of it that
    make the same Python name (``a-b`` and ``a_b``, ``from`` and ``from_``)."""
    _expect(block, dict, f"{where}: block {path or '(top)'}")
    if depth > MAX_DEPTH:
        raise ConstructsVpnError(
            f"{where}: block {path!r} nests more than {MAX_DEPTH} levels deep; no provider does: fix the schema"
        )
    attributes = _expect(block.get("attributes") or {}, dict, f"{where}: attributes")
    block_types = _expect(block.get("block_types") or {}, dict, f"{where}: block_types")
    _fields(block, f"{where}: block {path or '(top)'}", description=str)
    for name, spec in attributes.items():
        full = _name(name, where, path, "attribute")
        _fields(_expect(spec, dict, f"{where}: attribute {full!r}"), f"{where}: attribute {full!r}", description=str)
        if "type" not in spec:
            raise ConstructsVpnError(f"{where}: attribute {full!r} has no type; fix the schema")
        _type(spec["type"], where, full, 1)
    for name, spec in block_types.items():
        full = _name(name, where, path, "block")
        _fields(
            _expect(spec, dict, f"{where}: block {full!r}"), f"{where}: block {full!r}", min_items=int, max_items=int
        )
        if spec.get("nesting_mode") not in _NESTING_MODES:
            raise ConstructsVpnError(
                f"{where}: block {full!r} has nesting_mode {spec.get('nesting_mode')!r}, not one of "
                f"{', '.join(sorted(_NESTING_MODES))}; fix the schema"
            )
        _block(spec.get("block"), where, full, depth + 1)
    _distinct([*attributes, *block_types], where, path)


def _fields(spec: dict[str, Any], where: str, **kinds: type) -> None:
    """The JSON kind of the fields the generator reads as text or numbers (``description``, ``min_items``)."""
    for key, kind in kinds.items():
        value = spec.get(key)
        if value is not None and (
            not isinstance(value, kind) or isinstance(value, bool) or (isinstance(value, int) and value < 0)
        ):
            wanted = "a JSON string" if kind is str else "a count (a whole number, 0 or more)"
            raise ConstructsVpnError(f"{where}: {key} is {_short(value)}, not {wanted}; fix the schema")


def _distinct(names: list[str], where: str, path: str) -> None:
    seen: dict[str, str] = {}
    for name in sorted(names):
        for python in dict.fromkeys((python_name(name), identifier(name))):  # in this order, run after run
            other = seen.setdefault(python, name)
            if other != name:
                raise ConstructsVpnError(
                    f"{where}: {other!r} and {name!r}{f' in {path!r}' if path else ''} both make the Python name "
                    f"{python!r}; the binding cannot tell them apart: rename one in the schema"
                )


def _name(name: str, where: str, path: str, kind: str) -> str:
    full = f"{path}.{name}" if path else name
    if not TERRAFORM_NAME.match(name):
        raise ConstructsVpnError(
            f"{where}: {kind} {name!r}{f' (in {path!r})' if path else ''} is not a Terraform name ({_NAME_RULE}); "
            "fix the schema"
        )
    return full


def _type(kind: Any, where: str, path: str, depth: int) -> None:
    """cty's JSON type grammar: a primitive, ``[list|set|map, T]``, ``[object, {key: T}(, [optional keys])]`` or
    ``[tuple, [T, ...]]``."""
    if depth > MAX_DEPTH:
        raise ConstructsVpnError(
            f"{where}: the type of attribute {path!r} nests more than {MAX_DEPTH} levels deep; fix the schema"
        )
    if isinstance(kind, str) and kind in _PRIMITIVES:
        return
    head = kind[0] if isinstance(kind, list) and kind else None
    if head in ("list", "set", "map") and len(kind) == 2:
        _type(kind[1], where, path, depth + 1)
    elif head == "object" and len(kind) in (2, 3) and isinstance(kind[1], dict):
        _object(kind[1], where, path, depth)
    elif head == "tuple" and len(kind) == 2 and isinstance(kind[1], list):
        for item in kind[1]:
            _type(item, where, path, depth + 1)
    else:
        raise ConstructsVpnError(
            f"{where}: attribute {path!r} has type {_short(kind)}, which is not a Terraform type "
            '("string", ["list", T], ["object", {...}], ...); fix the schema'
        )


def _object(fields: dict[str, Any], where: str, path: str, depth: int) -> None:
    """An object type's keys: any text, as long as their getters' Python names differ."""
    seen: dict[str, str] = {}
    for key, kind in fields.items():
        python = key_identifier(key)
        if python in seen:
            raise ConstructsVpnError(
                f"{where}: attribute {path!r}: object keys {seen[python]!r} and {key!r} both make the Python name "
                f"{python!r}; the binding cannot tell them apart: rename one in the schema"
            )
        seen[python] = key
        _type(kind, where, f"{path}.{key}", depth + 1)


def _short(value: Any) -> str:
    """A JSON value for an error message, cut to 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
