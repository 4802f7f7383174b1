"""A resolved stack document in HCL: what ``cdktf synth --hcl`` writes to ``cdk.tf`` (and ``metadata.json``).

Terraform JSON does not say whether an object is a nested block (``ike_config { ... }``) or an object-valued
argument (``tags = { ... }``); HCL must. Terraform's own blocks (``lifecycle``, ``backend``, ``validation``,
...) are known here. A provider's blocks come from a ``BlockNames`` lookup, passed to ``to_hcl`` or registered
with ``register_block_names`` by the layer that has the provider's schema (``constructs_vpn.alicloud`` does, when
its bindings are imported). An object nobody claims as a block is written as an argument, as cdktf does for
attributes it has no type for.

Strings keep their Terraform templates (``${...}``, ``%{...}``, and the ``$${`` escape) as they are in the
JSON; only the text between templates is escaped. Meta-arguments that Terraform reads as references or type
expressions (``depends_on``, ``provider``, ``type``, ``ignore_changes``, ``import.to``, ...) are written bare,
since HCL rejects quoted type constraints. ``"//"`` comments are dropped from ``cdk.tf`` and kept in
``metadata.json``. Output is sorted and aligned the way ``terraform fmt`` leaves it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import SynthError

__all__ = ["BlockNames", "hcl_metadata", "quote", "register_block_names", "to_hcl"]

BlockNames = Callable[[str, str], Collection[str] | None]
"""``(kind, type name) -> dotted paths of the nested blocks`` of a ``"resource"``, ``"data"`` or ``"provider"``
body (``{"ike_config", "tunnel_options_specification", "tunnel_options_specification.tunnel_ike_config"}``);
``None`` when the lookup does not know the type."""

_REGISTERED: list[BlockNames] = []
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
#: Bare words HCL would read as something other than an object key.
_KEYWORDS = frozenset({"true", "false", "null", "for", "in", "if", "endif", "endfor", "else"})
_INDENT = "  "
_FIRST = {"count": 0, "for_each": 0, "provider": 0}
_LAST = frozenset({"depends_on", "lifecycle", "provisioner"})
_INLINE_LIST_WIDTH = 80
#: Text with nothing to escape and no template: written as it is.
_PLAIN = re.compile(r'[^"\\\x00-\x1f\x7f$%]*\Z')


def register_block_names(lookup: BlockNames) -> None:
    """Make ``lookup`` the source of block knowledge for every later ``to_hcl`` call that passes none."""
    if lookup not in _REGISTERED:
        _REGISTERED.append(lookup)


def _registered(kind: str, type_name: str) -> Collection[str] | None:
    for lookup in _REGISTERED:
        found = lookup(kind, type_name)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class _Shape:
    """What a block body holds besides plain arguments."""

    blocks: Mapping[str, _Shape] = field(default_factory=dict)
    """Nested blocks: ``name { ... }``, from an object or a list of objects."""
    labelled: Mapping[str, _Shape] = field(default_factory=dict)
    """Labelled blocks: ``name "label" { ... }``, from ``{label: body}`` or a list of those."""
    bare: frozenset[str] = frozenset()
    """Arguments whose strings are expressions written without quotes (references, type constraints)."""

    def merged(self, other: _Shape) -> _Shape:
        return _Shape({**self.blocks, **other.blocks}, {**self.labelled, **other.labelled}, self.bare | other.bare)


_EMPTY = _Shape()


def _from_paths(paths: Iterable[str]) -> _Shape:
    tree: dict[str, Any] = {}
    for path in paths:
        level = tree
        for part in path.split("."):
            level = level.setdefault(part, {})

    def build(level: Mapping[str, Any]) -> _Shape:
        return _Shape(blocks={name: build(child) for name, child in level.items()})

    return build(tree)


_CONDITIONS = {"precondition": _EMPTY, "postcondition": _EMPTY}
_LIFECYCLE = _Shape(blocks=_CONDITIONS, bare=frozenset({"ignore_changes", "replace_triggered_by"}))
_CONNECTION = {"connection": _EMPTY}
_DATA_META = _Shape(blocks={"lifecycle": _LIFECYCLE}, bare=frozenset({"depends_on", "provider"}))
_RESOURCE_META = _DATA_META.merged(_Shape(blocks=_CONNECTION, labelled={"provisioner": _Shape(blocks=_CONNECTION)}))
#: Terraform's built-in resource types: their object arguments are arguments, never blocks.
_BUILTIN_TYPES = {("data", "terraform_remote_state"), ("resource", "terraform_data"), ("resource", "null_resource")}
#: Backends (``terraform { backend "<name>" {} }``) with nested blocks.
_BACKENDS = {"oss": _Shape(blocks={"assume_role": _EMPTY})}
_TERRAFORM = _Shape(
    blocks={"required_providers": _EMPTY, "cloud": _Shape(blocks={"workspaces": _EMPTY})},
    labelled={"backend": _EMPTY, "provider_meta": _EMPTY},
)
_TOP = {
    "variable": _Shape(blocks={"validation": _EMPTY}, bare=frozenset({"type"})),
    "output": _Shape(blocks={"precondition": _EMPTY}, bare=frozenset({"depends_on"})),
    "module": _Shape(bare=frozenset({"depends_on", "providers"})),
    "import": _Shape(bare=frozenset({"to", "provider"})),
    "moved": _Shape(bare=frozenset({"from", "to"})),
    "removed": _Shape(
        blocks={"lifecycle": _EMPTY, **_CONNECTION},
        labelled={"provisioner": _Shape(blocks=_CONNECTION)},
        bare=frozenset({"from"}),
    ),
}
#: Top-level keys in the order they are written: settings first, then declarations in dependency order.
_ORDER = ("terraform", "provider", "variable", "locals", "data", "resource", "module", "output", "import",
          "moved", "removed")  # fmt: skip


# strings -----------------------------------------------------------------------------------------------
def _skip_quoted(text: str, start: int) -> int:
    """Index after the quoted string opening at ``start`` (a template itself: escapes and interpolations)."""
    i = start + 1
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
        elif char == '"':
            return i + 1
        elif text.startswith(("${", "%{"), i) and not text.startswith(("$${", "%%{"), i - 1):
            end = _template_end(text, i + 2)
            i = len(text) if end is None else end + 1
        else:
            i += 1
    return len(text)


def _template_end(text: str, start: int) -> int | None:
    """Index of the ``}`` that closes the interpolation or directive whose body starts at ``start``."""
    depth = 1
    i = start
    while i < len(text):
        char = text[i]
        if char == '"':
            i = _skip_quoted(text, i)
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if ord(char) < 0x20 or ord(char) == 0x7F:
        return f"\\u{ord(char):04x}"
    return char


def quote(text: str) -> str:
    """``text`` (a Terraform template, as in JSON) as an HCL quoted template with the same meaning."""
    if _PLAIN.match(text):
        return f'"{text}"'
    out = ['"']
    i = 0
    while i < len(text):
        if text.startswith(("$${", "%%{"), i):
            out.append(text[i : i + 3])
            i += 3
            continue
        if text.startswith(("${", "%{"), i):
            end = _template_end(text, i + 2)
            if end is not None:
                out.append(text[i : end + 1])
                i = end + 1
                continue
        out.append(_escape(text[i]))
        i += 1
    out.append('"')
    return "".join(out)


def _interpolation_only(text: str) -> str | None:
    """The expression of a template that is one ``${...}`` and nothing else (HCL evaluates both alike)."""
    if text.startswith("${") and _template_end(text, 2) == len(text) - 1:
        inner = text[2:-1]
        if inner.strip() and not inner.startswith("~") and not inner.endswith("~"):
            return inner.strip()
    return None


def _string(text: str) -> str:
    """A string argument: ``"${a.b}"`` unwrapped to ``a.b`` as terraform fmt does, otherwise quoted."""
    return _interpolation_only(text) or quote(text)


def _bare(text: str) -> str:
    """A reference or type written as an expression: ``"${a.b}"`` and ``"a.b"`` both become ``a.b``."""
    return _interpolation_only(text) or text


def _key(name: str) -> str:
    return name if _IDENTIFIER.match(name) and name not in _KEYWORDS else quote(name)


# values ------------------------------------------------------------------------------------------------
def _scalar(value: Any) -> str | None:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str):
        return _string(value)
    return None


def _value(value: Any, depth: int, bare_items: bool = False) -> str:
    """An argument value: scalars, lists inline when short, objects one key a line."""
    simple = _bare(value) if bare_items and isinstance(value, str) else _scalar(value)
    if simple is not None:
        return simple
    inner = _INDENT * (depth + 1)
    if isinstance(value, list):
        items = [_value(v, depth + 1, bare_items) for v in value]
        inline = "[" + ", ".join(items) + "]"
        if all("\n" not in item for item in items) and len(inline) <= _INLINE_LIST_WIDTH:
            return inline
        return "[\n" + "".join(f"{inner}{item},\n" for item in items) + _INDENT * depth + "]"
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        pairs = [
            (_key(str(k)), _bare(v) if bare_items and isinstance(v, str) else _value(v, depth + 1))
            for k, v in sorted(value.items())
        ]
        return "{\n" + "".join(_aligned(pairs, inner)) + _INDENT * depth + "}"
    raise SynthError(f"cannot write a value of type {type(value).__name__} as HCL")


def _aligned(pairs: list[tuple[str, str]], indent: str) -> list[str]:
    """``key = value`` lines, the ``=`` of neighbouring single-line arguments aligned (a multi-line value
    stands alone), as terraform fmt leaves them."""
    lines: list[str] = []
    run: list[tuple[str, str]] = []

    def flush() -> None:
        width = max((len(k) for k, _ in run), default=0)
        lines.extend(f"{indent}{k.ljust(width)} = {v}\n" for k, v in run)
        run.clear()

    for key, text in pairs:
        if "\n" in text:
            flush()
            lines.append(f"{indent}{key} = {text}\n")
        else:
            run.append((key, text))
    flush()
    return lines


# blocks ------------------------------------------------------------------------------------------------
def _block_items(value: Any) -> list[Mapping[str, Any]]:
    """The bodies of a block given as an object, a list of objects, ``null`` or ``[]``."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, Mapping)]


def _is_block(value: Any) -> bool:
    """Can ``value`` be written as blocks? (A string there is an expression: it stays an argument.)"""
    if isinstance(value, list):
        return all(isinstance(item, Mapping) for item in value)
    return value is None or isinstance(value, Mapping)


def _body(body: Mapping[str, Any], shape: _Shape, depth: int) -> list[str]:
    """The lines inside a block: arguments first (aligned), then nested blocks, each after a blank line."""
    indent = _INDENT * depth
    pairs: list[tuple[str, str]] = []
    blocks: list[list[str]] = []
    for name in sorted(body, key=_argument_order if "depends_on" in shape.bare else None):
        value = body[name]
        if name == "//":
            continue
        if name == "dynamic" and isinstance(value, Mapping | list):
            blocks.extend(_dynamic(value, shape, depth))
        elif name in shape.labelled and _is_block(value):
            for item in _block_items(value):
                for label, inner in sorted(item.items()):
                    nested = _BACKENDS.get(label, _EMPTY) if name == "backend" else shape.labelled[name]
                    blocks.append(_block(f"{name} {quote(label)}", inner, nested, depth))
        elif name in shape.blocks and _is_block(value):
            blocks.extend(_block(name, item, shape.blocks[name], depth) for item in _block_items(value))
        else:
            if not _IDENTIFIER.match(name):
                raise SynthError(f"{name!r} is not an HCL argument name")
            bare = name in shape.bare
            text = _bare(value) if bare and isinstance(value, str) else _value(value, depth, bare_items=bare)
            pairs.append((name, text))
    lines = _aligned(pairs, indent)
    for block in blocks:
        if lines:
            lines.append("\n")
        lines.extend(block)
    return lines


def _argument_order(name: str) -> tuple[int, str]:
    """Terraform's style: ``count``/``for_each``/``provider`` first, ``depends_on`` and ``lifecycle`` last."""
    return _FIRST.get(name, 1 if name not in _LAST else 2), name


def _block(header: str, body: Mapping[str, Any], shape: _Shape, depth: int) -> list[str]:
    indent = _INDENT * depth
    inner = _body(body, shape, depth + 1)
    if not inner:
        return [f"{indent}{header} {{}}\n"]
    return [f"{indent}{header} {{\n", *inner, f"{indent}}}\n"]


def _dynamic(value: Any, shape: _Shape, depth: int) -> list[list[str]]:
    """``dynamic "name" { for_each, iterator, labels, content { ... } }``: content has the block's shape."""
    blocks = []
    for item in _block_items(value):
        for label, spec in sorted(item.items()):
            content = shape.blocks.get(label, _EMPTY)
            dynamic_shape = _Shape(blocks={"content": content}, bare=frozenset({"iterator"}))
            blocks.append(_block(f"dynamic {quote(label)}", spec, dynamic_shape, depth))
    return blocks


# documents ---------------------------------------------------------------------------------------------
def _typed_shape(kind: str, type_name: str, lookup: BlockNames) -> _Shape:
    paths = None if (kind, type_name) in _BUILTIN_TYPES else lookup(kind, type_name)
    return _from_paths(paths or ())


def _section(key: str, value: Any, lookup: BlockNames) -> list[list[str]]:
    """The top-level blocks of one key of the document."""
    if key == "terraform":
        return [_block("terraform", item, _TERRAFORM, 0) for item in _block_items(value)]
    if key == "locals":
        merged = {k: v for item in _block_items(value) for k, v in item.items()}
        return [_block("locals", merged, _EMPTY, 0)] if merged else []
    if key in ("resource", "data"):
        meta = _RESOURCE_META if key == "resource" else _DATA_META
        return [
            _block(
                f"{key} {quote(type_name)} {quote(name)}", body, _typed_shape(key, type_name, lookup).merged(meta), 0
            )
            for item in _block_items(value)
            for type_name, named in sorted(item.items())
            for name, body in sorted(named.items())
        ]
    if key == "provider":
        return [
            _block(f"provider {quote(name)}", body, _typed_shape("provider", name, lookup), 0)
            for item in _block_items(value)
            for name, bodies in sorted(item.items())
            for body in _block_items(bodies)
        ]
    if key in ("variable", "output", "module"):
        return [
            _block(f"{key} {quote(name)}", body, _TOP[key], 0)
            for item in _block_items(value)
            for name, body in sorted(item.items())
        ]
    if key in ("import", "moved", "removed"):
        return [_block(key, body, _TOP[key], 0) for body in _block_items(value)]
    raise SynthError(f"cannot write the top-level {key!r} of a Terraform document as HCL")


def to_hcl(document: Mapping[str, Any], block_names: BlockNames | None = None) -> str:
    """``document`` (a resolved ``cdk.tf.json``) as HCL text; ``block_names`` defaults to the registered ones."""
    lookup = block_names or _registered
    unknown = sorted(set(document) - set(_ORDER) - {"//"})
    if unknown:
        raise SynthError(f"cannot write the top-level {unknown[0]!r} of a Terraform document as HCL")
    sections = [block for key in _ORDER if key in document for block in _section(key, document[key], lookup)]
    return "\n".join("".join(block) for block in sections)


def hcl_metadata(document: Mapping[str, Any]) -> dict[str, Any]:
    """What cdktf writes beside ``cdk.tf``: the stack's ``"//"``, each resource's and data source's ``"//"``,
    and the ``terraform`` block. The cdktf CLI reads it in place of ``cdk.tf.json`` (versions, output names,
    required providers)."""
    metadata: dict[str, Any] = {key: document[key] for key in ("//", "terraform") if key in document}
    for kind in ("resource", "data"):
        comments = {
            type_name: {name: {"//": body["//"]} for name, body in named.items() if "//" in body}
            for type_name, named in document.get(kind, {}).items()
        }
        if any(comments.values()):
            metadata[kind] = {type_name: named for type_name, named in comments.items() if named}
    return metadata
