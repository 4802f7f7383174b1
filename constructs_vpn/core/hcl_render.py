"""``cdk.tf`` as cdktf 0.21's app writes it under ``synth --hcl``: a port of ``packages/cdktf/lib/hcl/render.ts``
and ``TerraformStack.toHclTerraform`` (hashicorp/terraform-cdk v0.21.0), quirks included, except where a string
is concerned: every string is a literal Terraform reads back as the string, as it reads ``cdk.tf.json``, and
text written as it is (addresses, type constraints, labels, names) is refused unless it stays in its place
(docs/from-cdktf.md, "Strings in cdk.tf").

cdktf does not translate the JSON document: each element gives an HCL fragment (``_to_hcl_terraform``) whose
attributes come from ``_synthesize_hcl_attributes``, each argument either plain (its type guessed from the value)
or typed, ``{"value", "isBlock", "type", "storageClassType"}``. A generic resource, data source or provider has no
HCL attributes unless its class gives them, so its body is empty there while its JSON has arguments
(``stack_to_hcl`` names them, for a warning). The text is unformatted: the cdktf CLI formats it afterwards.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .element import deep_merge, set_dotted
from .errors import ValidationError
from .hcl_format import is_one_line_expression, sequence_end
from .tokens import ESCAPE_CONTEXT_KEY, TEXT_ARGUMENTS, ResolveContext, resolve, resolve_fragment

if TYPE_CHECKING:
    from .stack import TerraformStack

__all__ = ["js_entries", "keys_to_snake_case", "render_attributes", "stack_to_hcl", "truthy", "typed", "typed_import"]

_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]*")
#: A map key written bare; any other is quoted (cdktf leaves "-a" bare, which Terraform reads as a reference).
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
#: An argument name or block label as cdk.tf writes it (cdktf's own quirks give "0 = ..." in the terraform block).
_WORD = re.compile(r"[A-Za-z0-9_-]+")
#: What a quoted HCL string cannot hold as itself: the HCL spec's escapes, other control characters as \uXXXX
#: (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md, "Template Literals").
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: What a heredoc cannot carry as itself (it processes no escapes): control characters but newline and tab.
_HEREDOC_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
#: Where a template sequence (or its escape, which a left-to-right scan meets first) starts.
_SEQUENCE_START = re.compile(r"\$\$\{|%%\{|\$\{|%\{")
_META_BLOCKS = ("lifecycle", "provisioner")
_TYPED_KEYS = frozenset({"value", "dynamic"})


def typed(value: Any, type: str, storage_class_type: str | None = None, *, is_block: bool | None = None) -> Any:
    """An argument with cdktf's type information, as generated bindings' ``synthesize_hcl_attributes`` give it."""
    out: dict[str, Any] = {"value": value}
    if is_block is not None:
        out["isBlock"] = is_block
    out["type"] = type
    if storage_class_type is not None:
        out["storageClassType"] = storage_class_type
    return out


def typed_import(to: str, id: Any, provider: str | None) -> dict[str, Any]:
    """An ``import`` block as cdktf types it for ``cdk.tf``: the addresses bare, the id a string."""
    return {
        "to": typed(to, "simple", "reference"),
        "id": typed(id, "simple", "string"),
        "provider": typed(provider, "simple", "reference") if provider is not None else None,
    }


# JavaScript semantics ------------------------------------------------------------------------------------
def js_entries(obj: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """``Object.entries``: array-index keys first, ascending, then the others in insertion order."""
    items = list(obj.items())
    indexes = sorted((k for k, _ in items if _ARRAY_INDEX.fullmatch(k) and int(k) < 2**32 - 1), key=int)
    if not indexes:
        return items
    first = set(indexes)
    return [(k, obj[k]) for k in indexes] + [(k, v) for k, v in items if k not in first]


def _js(value: Any) -> str:
    """``${value}`` of a JavaScript template literal."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, list):
        return ",".join("" if v is None else _js(v) for v in value)
    if isinstance(value, Mapping):
        return "[object Object]"
    return str(value)


def truthy(value: Any) -> bool:
    """JavaScript's ``!!value`` (an empty list or object is true there)."""
    return isinstance(value, list | dict) or bool(value)


def _snake_case(text: str) -> str:
    text = re.sub(r"^[^A-Za-z0-9]*|[^A-Za-z0-9]*$", "", text)
    text = re.sub(r"([a-z0-9])([A-Z])", lambda m: m[1] + "_" + m[2].lower(), text)
    return re.sub(r"[^A-Za-z0-9]+|_+", "_", text).lower()


def keys_to_snake_case(value: Any) -> Any:
    """cdktf's ``keysToSnakeCase``: every key of nested objects, except below ``tags`` and ``environment``."""
    if isinstance(value, list):
        return [keys_to_snake_case(v) if isinstance(v, Mapping | list) else v for v in value]
    if not isinstance(value, Mapping):
        return value
    return {
        (_snake_case(k) if k not in ("tags", "environment") else k): (
            v if k in ("tags", "environment") or not isinstance(v, Mapping | list) else keys_to_snake_case(v)
        )
        for k, v in value.items()
    }


# render.ts -----------------------------------------------------------------------------------------------
# Where cdktf's render.ts writes a string without escaping it (a quote after a backslash, any text holding
# "${", backslashes and control characters, a heredoc that ends at a line "EOF" of the text, an untyped string
# pasted as an expression), this module writes a correct HCL literal instead: docs/from-cdktf.md.
def _key(name: str) -> str:
    return name if _IDENTIFIER.fullmatch(name) else _quoted(name)


def _escape_char(found: re.Match[str]) -> str:
    char = found.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"


def _utf8(text: str) -> str:
    """``text`` as Terraform reads it from the JSON output, where a lone surrogate is written ``\\udXXX``: a
    surrogate pair is one character, a lone surrogate U+FFFD (an HCL file is UTF-8 and cannot hold one)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def _template_parts(text: str) -> list[tuple[bool, str]]:
    """The pieces of a resolved string as Terraform's template parser reads it in the JSON output: ``(True,
    "${...}")`` for an interpolation or directive (an engine token, or a hand-written one passed through as
    cdktf passes it), ``(False, text)`` for literal text. ``$${``/``%%{`` stay literal escapes; a ``${`` that
    never closes becomes one (in the JSON output Terraform refuses it)."""
    parts: list[tuple[bool, str]] = []
    literal: list[str] = []
    position = 0
    for found in _SEQUENCE_START.finditer(text):
        if found.start() < position or len(found.group()) == 3:  # inside the last sequence, or an escape
            continue
        end = sequence_end(text, found.end())
        literal.append(text[position : found.start()])
        if end is None:
            literal.append(found.group()[0] + found.group())
            position = found.end()
            continue
        parts.append((False, "".join(literal)))
        literal = []
        parts.append((True, text[found.start() : end]))
        position = end
    literal.append(text[position:])
    parts.append((False, "".join(literal)))
    return [(expression, piece) for expression, piece in parts if piece]


def _quoted(text: str) -> str:
    """A quoted HCL template meaning what ``text`` means as a string of the JSON output."""
    parts = _template_parts(_utf8(text))
    return '"' + "".join(piece if expr else _NEEDS_ESCAPE.sub(_escape_char, piece) for expr, piece in parts) + '"'


def _heredoc(text: str) -> str | None:
    """A heredoc carrying ``text`` exactly, or None when it cannot: a heredoc's value ends with a newline, its
    lines do not process backslash escapes, and it ends at the first line holding its delimiter (so the
    delimiter is the first of ``EOF``, ``EOF1``, ... absent from the text)."""
    if not text.endswith("\n") or _HEREDOC_UNSAFE.search(text):
        return None
    delimiter = next(f"EOF{n or ''}" for n in itertools.count() if f"EOF{n or ''}" not in text)
    body = "".join(piece for _, piece in _template_parts(_utf8(text)))
    return f"<<{delimiter}\n{body}{delimiter}"


def _string(text: Any) -> str:
    if not isinstance(text, str):
        return _js(text)
    return (_heredoc(text) if "\n" in text else None) or _quoted(text)


def _fuzzy(value: Any) -> str:
    """``renderFuzzyJsonExpression``: a value without type information, written from its Python type (cdktf
    pastes a string holding ``${`` or starting with ``[``, ``{`` or ``"``, and writes ``"42"`` as a number)."""
    if isinstance(value, list):
        return "\n".join(["[", *(f"{_item(v)}," for v in value), "]"])
    if isinstance(value, Mapping):
        return "\n".join(["{", *(f"{_key(k)} = {_fuzzy(v)}" for k, v in js_entries(value)), "}"])
    if isinstance(value, str):
        return _string(value)
    return _js(value)


def _word(text: str, what: str, rule: str) -> str:
    """``text``, an argument name or block label, which cdk.tf writes as it is: Terraform's are words, and one
    holding a quote, ``=`` or a newline (an override's ``"a = var.psk\\nb"``) would write other arguments or
    blocks (the JSON output has it as a key, which Terraform refuses)."""
    if not _WORD.fullmatch(text):
        raise ValidationError.single(
            "",
            f"{what} {text!r} is not a Terraform name, so cdk.tf cannot hold it",
            field=text,
            rule=rule,
            fix="use letters, digits, '_' and '-' only (a map key with other characters goes inside a map value)",
        )
    return text


def _check_name(name: str) -> None:
    _word(name, "argument name", "hcl-argument-name")


def _label(text: str) -> str:
    return f'"{_word(text, "block label", "hcl-block-label")}"'


def _simple_attributes(attributes: Any) -> str:
    if attributes is None:
        return ""
    entries = list(enumerate(attributes)) if isinstance(attributes, list) else js_entries(attributes)
    for name, _ in entries:
        _check_name(str(name))
    return "\n".join(f"  {name} = {_fuzzy(value)}" for name, value in entries)


def _item(value: Any) -> str:
    """A list item: a comma follows it on its line, which a heredoc's closing line cannot carry."""
    return _quoted(value) if isinstance(value, str) else _fuzzy(value)


def _list_value(value: Any, storage_class_type: Any) -> str:
    if storage_class_type == "stringList":
        return _quoted(value) if isinstance(value, str) else _js(value)
    if storage_class_type in ("numberList", "booleanList"):
        return _js(value)
    return "{\n" + render_attributes(value) + "\n}"


def _render_list(typed_value: Mapping[str, Any], name: str | None = None) -> str:
    value = typed_value.get("value")
    block = typed_value.get("isBlock") or typed_value.get("is_block")
    class_type = typed_value.get("storageClassType") or typed_value.get("storage_class_type")
    if value is None:
        return ""
    if isinstance(value, str):
        return _string(value)
    items = value if isinstance(value, list) else None
    if name:
        if block:
            bodies = items if items is not None else [value]
            return "\n".join(f"{name} {{\n{render_attributes(v)}\n}}" for v in bodies)
        if items is None:
            return f"{name} = {_list_value(value, class_type)}"
        return f"{name} = [\n" + ",\n".join(_list_value(v, class_type) for v in items) + "\n]"
    if items is None:
        return _list_value(value, class_type)
    if block:
        return "\n".join(_list_value(v, class_type) for v in items)
    return "[\n" + ",\n".join(_list_value(v, class_type) for v in items) + "\n]"


def _map_value(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return _list_value(value, "unknownStorageClass")
    if value is None:
        return "null"
    if isinstance(value, Mapping):
        return _render_map(value)
    return _js(value)


def _render_map(value: Any) -> str:
    if isinstance(value, str):
        return _quoted(value)
    return "{\n" + "\n".join(f"{_key(k)} = {_map_value(v)}" for k, v in js_entries(value)) + "\n}"


def _attribute(name: str, v: Any) -> str | list[str] | None:
    if isinstance(v, str) or (isinstance(v, int | float) and not isinstance(v, bool)):
        return f"{name} = {_fuzzy(v)}"
    if isinstance(v, bool):
        return f"{name} = {_js(v)}"
    if isinstance(v, list):
        return f"{name} = {_fuzzy(v)}"
    if v is None:
        return f"{name} = null"
    if not _TYPED_KEYS & v.keys():
        if name in _META_BLOCKS:
            return f"{name} {{\n{_simple_attributes(v)}\n}}"
        return f"{name} = {_fuzzy(v)}"
    value, kind = v.get("value"), v.get("type")
    block = v.get("isBlock") or v.get("is_block") or name in _META_BLOCKS
    class_type = v.get("storageClassType") or v.get("storage_class_type")
    if v.get("dynamic"):
        return _dynamic_blocks({name: v["dynamic"].get("value")})
    if isinstance(value, str) and "${" in value:
        return f"{name} = {_string(value)}"
    if block and kind not in ("list", "set"):
        return f"{name} {{\n{render_attributes(value)}\n}}"
    if kind in ("list", "set"):
        return _render_list(v, name) if block else f"{name} = {_render_list(v)}"
    if kind == "map":
        return f"{name} = {_render_map(value)}"
    if kind == "simple":
        if class_type == "string":
            return f"{name} = {_string(value)}"
        if class_type in ("number", "boolean"):
            return _pasted(name, value)
        if isinstance(value, Mapping | list) or value is None:
            return f"\n{_UNEXPECTED_TYPE}\n\n{name} = {_fuzzy(value)}\n"
    if kind == "any":
        return f"{name} = {_fuzzy(value)}"
    return _pasted(name, value)


def _pasted(name: str, value: Any) -> str:
    """An argument written as Terraform expression text (an address such as ``moved``'s ``to``, a variable's
    type constraint, a number), only when the text stays one expression on its line: hostile text there would
    otherwise add arguments or blocks to cdk.tf."""
    if isinstance(value, str) and not is_one_line_expression(value):
        raise ValidationError.single(
            "",
            f"{value!r} is not one Terraform expression on one line (an address or type constraint), so cdk.tf "
            "cannot hold it as written",
            field=name,
            rule="hcl-expression",
            fix="give an address such as aws_instance.web or a type such as list(string): no newline, comment, "
            "or unclosed bracket or quote",
        )
    return f"{name} = {_js(value)}"


#: What cdktf writes above an attribute typed ``simple`` whose value is an object (render.ts, verbatim).
_UNEXPECTED_TYPE = (
    "# Warning: The following attribute is of an unexpected type. Either there's a problem with the provider\n"
    "# or CDKTF has chosen to skip generating a detailed type for this because it increases the size of the "
    "provider library significantly. \n"
    "# Please check if this resource is included in our skip list: \n"
    "# https://github.com/hashicorp/terraform-cdk/blob/1fb8588095a55d475dc4be28882ec4f42006ec8d/packages/"
    "%40cdktf/provider-generator/lib/get/generator/skipped-attributes.ts\n"
    "# and if not, please check with the provider authors to see if the provider schema is accurate.\n"
    "# \n"
    "# We understand this is not ideal, so we suggest using JSON synthesis instead of HCL synthesis for this "
    "particular case."
)


def render_attributes(attributes: Any) -> str:
    """``renderAttributes``: one line (or block) per argument, ``"//"`` left out."""
    if isinstance(attributes, str):  # Object.entries of a string: its characters
        entries: list[tuple[str, Any]] = [(str(i), c) for i, c in enumerate(attributes)]
    elif isinstance(attributes, Mapping):
        entries = js_entries(attributes)
    else:
        return ""
    lines: list[str] = []
    for name, value in entries:
        if name == "//":
            continue
        _check_name(name)
        rendered = _attribute(name, value)
        if isinstance(rendered, list):
            lines.append(",".join(rendered))  # JavaScript's array-to-string of several dynamic blocks
        elif rendered is not None:
            lines.append(rendered)
    return "\n".join(lines)


def _dynamic_blocks(dynamic: Mapping[str, Any]) -> list[str]:
    out = []
    for name, given in js_entries(dynamic):
        spec = given if isinstance(given, Mapping) else {}
        lines = [f"dynamic {_label(name)} {{", f"for_each = {_fuzzy(spec.get('for_each'))}"]
        if spec.get("iterator"):
            lines.append(f"iterator = {_js(spec['iterator'])}")
        if spec.get("labels"):
            lines.append(f"labels = {_fuzzy(spec['labels'])}")
        lines.append(f"content {{\n  {render_attributes(spec.get('content'))}\n  }}")
        lines.append("}")
        out.append("\n".join(lines))
    return out


def _with_connection_block(attributes: dict[str, Any]) -> dict[str, Any]:
    if attributes.get("connection"):
        attributes = {**attributes, "connection": {"value": attributes["connection"], "isBlock": True}}
    return attributes


def _provisioners(provisioners: list[Any]) -> str:
    rendered = []
    for provisioner in provisioners:
        kind, attributes = next(iter(provisioner.items()))
        attributes = _with_connection_block(attributes)
        other = {k: v for k, v in attributes.items() if k != "dynamic"}
        lines = [f"provisioner {_label(kind)} {{"]
        if body := render_attributes(other.get("value") or other):
            lines.append(body)
        if attributes.get("dynamic"):
            lines.extend(_dynamic_blocks(attributes["dynamic"]))
        lines.append("}")
        rendered.append("\n".join(lines))
    return "\n\n".join(rendered)


def _first(fragment: Mapping[str, Any]) -> tuple[str, Any]:
    return js_entries(fragment)[0]


def _block_with_body(header: str, attributes: Mapping[str, Any], extra: Iterable[str] = ()) -> str:
    dynamic = attributes.get("dynamic")
    lines = [f"{header} {{"]
    if body := render_attributes({k: v for k, v in attributes.items() if k != "dynamic"}):
        lines.append(body)
    lines.extend(extra)
    if dynamic:
        lines.extend(_dynamic_blocks(dynamic))
    lines.append("}")
    return "\n".join(lines)


def _comment(attributes: Mapping[str, Any]) -> dict[str, Any]:
    """What metadata.json keeps of a block: its ``"//"`` (none: an empty object, as JSON.stringify drops it)."""
    return {"//": attributes["//"]} if "//" in attributes else {}


def _resource(fragment: Mapping[str, Any], tf_meta: dict[str, Any]) -> str:
    type_name, named = _first(fragment)
    name, attributes = _first(named)
    attributes = _with_connection_block(attributes)
    provisioner = attributes.get("provisioner")
    rest = {k: v for k, v in attributes.items() if k != "provisioner"}
    deep_merge(tf_meta, {"resource": {type_name: {name: _comment(attributes)}}})
    extra = [_provisioners(provisioner)] if provisioner else []
    return _block_with_body(f"resource {_label(type_name)} {_label(name)}", rest, extra)


def _data(fragment: Mapping[str, Any], tf_meta: dict[str, Any]) -> str:
    type_name, named = _first(fragment)
    name, attributes = _first(named)
    deep_merge(tf_meta, {"data": {type_name: {name: _comment(attributes)}}})
    return _block_with_body(f"data {_label(type_name)} {_label(name)}", attributes)


def _provider(fragment: Mapping[str, Any]) -> str:
    name, instances = _first(fragment)
    return "\n\n".join(_block_with_body(f"provider {_label(name)}", instance) for instance in instances)


def _module(fragment: Mapping[str, Any], tf_meta: dict[str, Any]) -> str:
    name, attributes = _first(fragment)
    deep_merge(tf_meta, {"module": {name: _comment(attributes)}})
    return f"module {_label(name)} {{\n{render_attributes(attributes)}\n}}"


def _named(kind: str, fragment: Mapping[str, Any]) -> str:
    name, attributes = _first(fragment)
    return f"{kind} {_label(name)} {{\n{render_attributes(attributes)}\n}}"


def _as_text(value: Any) -> Any:
    """``value`` with every ``${``/``%{`` of its strings and keys escaped: what Terraform reads from the JSON
    output where it takes a string as it is, not as a template."""
    if isinstance(value, str):
        return value.replace("${", "$${").replace("%{", "%%{")
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    if isinstance(value, Mapping):
        return {_as_text(k): _as_text(v) for k, v in value.items()}
    return value


def _with_text_arguments(kind: str, fragment: Mapping[str, Any]) -> dict[str, Any]:
    """The one named block of ``fragment`` (a ``kind`` block) with its text arguments' strings ``_as_text``."""
    name, attributes = _first(fragment)
    literal = {}
    for key in TEXT_ARGUMENTS[kind]:
        if key in attributes:
            given = attributes[key]
            typed_value = isinstance(given, Mapping) and _TYPED_KEYS & given.keys()
            literal[key] = {**given, "value": _as_text(given.get("value"))} if typed_value else _as_text(given)
    return {name: {**attributes, **literal}}


def _unnamed(kind: str, blocks: list[Any]) -> str:
    return "\n".join(f"{kind} {{\n{render_attributes(block)}\n}}" for block in blocks)


def _locals(locals_: Mapping[str, Any] | None) -> str:
    if not locals_:
        return ""
    values = [(name, v.get("value")) for name, v in js_entries(locals_) if truthy(v.get("value"))]
    for name, _ in values:
        _check_name(name)
    lines = [f"{name} = {_fuzzy(value)}" for name, value in values]
    return "locals {\n    " + "\n".join(lines) + "\n}"


def _terraform(terraform: Mapping[str, Any]) -> str:
    backends = [
        f"backend {_label(name)} {{\n{render_attributes(body)}\n}}"
        for name, body in js_entries(terraform.get("backend", {}))
    ]
    cloud = f"cloud {{\n{render_attributes(terraform['cloud'])}\n}}" if terraform.get("cloud") else ""
    # cdktf passes the other keys' *names* (a list) here, so they come out as `0 = "name"`.
    others = [k for k in terraform if k not in ("required_providers", "backend", "cloud")]
    return (
        f"terraform {{\nrequired_providers {{\n{_simple_attributes(terraform.get('required_providers'))}\n}}\n"
        f"{chr(10).join([*backends, cloud])}\n{_simple_attributes(others)}\n}}"
    )


def _clean_for_metadata(block: Any) -> Any:
    if isinstance(block, list):
        return [_clean_for_metadata(v) for v in block]
    if not isinstance(block, Mapping):
        return block
    if "value" in block:
        return _clean_for_metadata(block["value"])
    out: dict[str, Any] = {}
    for key, value in block.items():
        if isinstance(value, Mapping):
            out[key] = _clean_for_metadata(value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = [*out[key], *value]
        elif value is not None:
            out[key] = value
    return out


# the stack -------------------------------------------------------------------------------------------------
def _located(error: ValidationError, path: str) -> ValidationError:
    """``error`` naming the construct whose element was being written (the renderer sees only values)."""
    return ValidationError(dataclasses.replace(p, path=p.path or path) for p in error.problems)


def _dropped_arguments(json_body: Mapping[str, Any], hcl_body: Mapping[str, Any]) -> list[str]:
    return [k for k in json_body if k not in hcl_body and k not in ("//", "dynamic", "alias")]


def stack_to_hcl(stack: TerraformStack, document: Mapping[str, Any]) -> tuple[str, dict[str, Any], list[str]]:
    """``(cdk.tf, metadata.json's object, what cdk.tf lost)`` of ``stack``, whose JSON ``document`` was
    synthesized (and checked) already: its ``"//"`` holds the stack metadata and outputs, which cdktf computes
    alike for both. The losses name each resource, data source or provider whose JSON arguments have no HCL
    counterpart (``"null_resource.a: triggers"``), and each variable setting cdktf drops for being false, 0 or ""."""
    escape = bool(stack.node.try_get_context(ESCAPE_CONTEXT_KEY))
    tf_meta: dict[str, Any] = {"//": dict(document["//"])}
    tf: dict[str, Any] = {}
    locals_: dict[str, Any] = {}
    pieces = []
    lost: list[str] = []
    for element in stack.elements():
        try:
            fragment = resolve_fragment(
                element._to_hcl_terraform(), ResolveContext(stack, element.node.path, escape=escape)
            )
            text = ""
            for kind in ("resource", "data"):
                for type_name, named in fragment.get(kind, {}).items():
                    for name, body in named.items():
                        json_body = document.get(kind, {}).get(type_name, {}).get(name, {})
                        if dropped := _dropped_arguments(json_body, body):
                            prefix = "data." if kind == "data" else ""
                            lost.append(f"{prefix}{type_name}.{name}: {', '.join(dropped)}")
            if "resource" in fragment:
                text += "\n" + _resource(fragment["resource"], tf_meta)
            if "data" in fragment:
                text += "\n" + _data(fragment["data"], tf_meta)
            if "provider" in fragment:
                name, (body, *_) = _first(fragment["provider"])
                json_bodies = [
                    b for b in document.get("provider", {}).get(name, []) if b.get("alias") == body.get("alias")
                ]
                if json_bodies and (dropped := _dropped_arguments(json_bodies[0], body)):
                    lost.append(f"provider {element.fqn}: {', '.join(dropped)}")  # type: ignore[attr-defined]
                deep_merge(tf, fragment)
                text += "\n\n" + _provider(fragment["provider"])
            elif "terraform" in fragment:
                deep_merge(tf, fragment)
            if "module" in fragment:
                text += "\n" + _module(_with_text_arguments("module", fragment["module"]), tf_meta)
            if "output" in fragment:
                text += "\n\n" + _named("output", _with_text_arguments("output", fragment["output"]))
            if fragment.get("moved"):
                text += "\n\n" + _unnamed("moved", fragment["moved"])
            if fragment.get("import"):
                text += "\n\n" + _unnamed("import", fragment["import"])
            if "locals" in fragment:
                deep_merge(locals_, fragment["locals"])
            if "variable" in fragment:
                name, body = _first(fragment["variable"])
                if dropped := _dropped_arguments(document.get("variable", {}).get(name, {}), body):
                    lost.append(f"var.{name}: {', '.join(dropped)}")  # cdktf drops false, 0 and ""
                text += "\n\n" + _named("variable", _with_text_arguments("variable", fragment["variable"]))
        except ValidationError as error:
            raise _located(error, element.node.path) from None
        pieces.append(text)
    overrides: dict[str, Any] = {}
    for path, value in stack._raw_overrides.items():
        set_dotted(overrides, path, value)
    deep_merge(tf, resolve(overrides, ResolveContext(stack, stack.node.path, escape=escape)))
    head = ""
    if "terraform" in tf:
        try:
            head = _terraform(tf["terraform"])
        except ValidationError as error:
            raise _located(error, stack.node.path) from None
        tf_meta["terraform"] = _clean_for_metadata(tf["terraform"])
    if locals_text := _locals(locals_):
        head += "\n\n" + locals_text
    return head + "".join(pieces), tf_meta, lost
