"""``check_stack``: does a synthesized ``cdk.tf.json`` conform to the vendored ``aliyun/alicloud`` schema?

It reads the schema and its rules directly (not the generated bindings), so it also judges ``add_override``
patches and hand-written ``TerraformResource``\\ s. Every ``alicloud_*`` resource and data source and every
``provider.alicloud`` block is checked; other types (``terraform_data``, ``terraform_remote_state``) are not.

Type checks are strict, as in the bindings: a JSON number is not a string, ``"true"`` is not a bool, ``1.5`` is
not an integer. A string holding ``${...}`` or ``%{...}`` is an expression and passes every type and value check;
so does a list or map written as one ``"${...}"`` string. Blocks may be an object or a list of objects.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ...codegen.rules import Rule, count_violation, is_template, rule_from_validate_func
from ...core.errors import ConstructsVpnError
from . import load_constraints, load_schema

__all__ = ["KINDS", "Finding", "check_outdir", "check_stack"]

#: Every ``Finding.kind``. ``format`` (e.g. a CIDR that is not a network address) and ``conflict``
#: (``ConflictsWith``) are provider rules beyond enums and ranges.
KINDS = (
    "unknown-type",
    "unknown-attribute",
    "missing-required",
    "computed-only",
    "wrong-type",
    "too-many-blocks",
    "too-few-blocks",
    "enum",
    "range",
    "format",
    "conflict",
)
_META_ARGUMENTS = frozenset({"depends_on", "count", "for_each", "provider", "lifecycle", "connection", "provisioner"})
_PROVIDER_META = frozenset({"alias", "version"})
# Values of these attributes never appear in a message (the provider marks nothing sensitive).
_SECRET_WORDS = ("psk", "secret", "password", "token", "access_key")


@dataclass(frozen=True, slots=True)
class Finding:
    """One way a stack does not conform: where (a JSON path), what kind, and a message."""

    path: str
    """JSON path, e.g. ``resource.alicloud_vpn_gateway_vpn_attachment.site_ABC.ike_config.ike_version``."""
    kind: str
    """One of ``KINDS``."""
    message: str
    stack: str = ""
    """The stack's name, when the document came from ``check_outdir`` (or was named)."""

    def __str__(self) -> str:
        text = f"{self.path}: {self.kind}: {self.message}"
        return f"{self.stack}: {text}" if self.stack else text


# --- the schema as the check needs it -------------------------------------------------------------------------
@dataclass(frozen=True)
class _Attribute:
    type: Any
    required: bool
    settable: bool
    integer: bool
    rule: Rule | None
    min_items: int | None
    max_items: int | None
    each: Rule | None
    secret: bool


@dataclass
class _Block:
    attributes: dict[str, _Attribute] = field(default_factory=dict)
    blocks: dict[str, tuple[_Block, str, int, int | None]] = field(default_factory=dict)
    """Block name → (body, nesting mode, min items, max items)."""
    conflicts: list[tuple[str, str]] = field(default_factory=list)


def _compile(block: Mapping[str, Any], facts: Mapping[str, Any], prefix: str = "") -> _Block:
    out = _Block()
    for name, spec in block.get("attributes", {}).items():
        fact = facts.get(f"{prefix}{name}", {})
        elem = fact.get("Elem") if isinstance(fact.get("Elem"), dict) else {}
        out.attributes[name] = _Attribute(
            type=spec["type"],
            required=bool(spec.get("required")),
            settable=bool(spec.get("required") or spec.get("optional")),
            integer=fact.get("type", "TypeInt") != "TypeFloat",
            rule=rule_from_validate_func(fact.get("ValidateFunc")),
            min_items=fact.get("MinItems"),
            max_items=fact.get("MaxItems"),
            each=rule_from_validate_func(elem.get("ValidateFunc")) if elem else None,
            secret=bool(spec.get("sensitive")) or any(word in name for word in _SECRET_WORDS),
        )
        for other in fact.get("ConflictsWith", ()):
            pair = (min(name, other), max(name, other))
            if "." not in other and pair not in out.conflicts:
                out.conflicts.append(pair)
    for name, spec in block.get("block_types", {}).items():
        body = _compile(spec["block"], facts, f"{prefix}{name}.")
        low = int(spec.get("min_items") or 0)
        high = spec.get("max_items")
        if spec["nesting_mode"] == "single":
            high = 1
        out.blocks[name] = (body, spec["nesting_mode"], low, high)
    return out


@cache
def _schema_of(section: str, tf_type: str) -> _Block | None:
    schema = load_schema()
    constraints = load_constraints()
    if section == "provider":
        return _compile(schema["provider"]["block"], constraints["provider"])
    key, facts_key = (
        ("resource_schemas", "resources") if section == "resource" else ("data_source_schemas", "data_sources")
    )
    spec = schema[key].get(tf_type)
    if spec is None:
        return None
    return _compile(spec["block"], constraints[facts_key].get(tf_type, {}).get("attributes", {}))


# --- checking -------------------------------------------------------------------------------------------------
def _type_name(kind: Any) -> str:
    if isinstance(kind, str):
        return kind
    if kind[0] == "object":
        return "object"
    return f"{kind[0]}({_type_name(kind[1])})"


def _json_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


class _Checker:
    def __init__(self, stack: str) -> None:
        self.stack = stack
        self.findings: list[Finding] = []

    def report(self, path: str, kind: str, message: str) -> None:
        self.findings.append(Finding(path, kind, message, self.stack))

    # values ----------------------------------------------------------------------------------------------
    def value(self, path: str, kind: Any, value: Any, spec: _Attribute | None) -> None:
        if isinstance(value, str) and is_template(value):
            return
        expected = _type_name(kind)
        if kind == "string":
            ok = isinstance(value, str)
        elif kind == "bool":
            ok = isinstance(value, bool)
        elif kind == "number":
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            if ok and isinstance(value, float) and (spec is None or spec.integer) and not value.is_integer():
                self.report(path, "wrong-type", f"expected an integer, got {value}")
                return
        elif kind[0] in ("list", "set"):
            if not isinstance(value, list):
                self.report(path, "wrong-type", f"expected {expected}, got {_json_name(value)}")
                return
            for index, item in enumerate(value):
                if item is None:
                    self.report(f"{path}[{index}]", "wrong-type", f"expected {_type_name(kind[1])}, got null")
                else:
                    self.value(f"{path}[{index}]", kind[1], item, None)
                    self.rule(f"{path}[{index}]", spec.each if spec else None, item, spec)
            if spec is not None:
                found = count_violation(len(value), spec.min_items, spec.max_items)
                if found is not None:
                    self.report(path, found.rule, found.message)
            return
        elif kind[0] == "map":
            if not isinstance(value, dict):
                self.report(path, "wrong-type", f"expected {expected}, got {_json_name(value)}")
                return
            for key, item in value.items():
                if item is not None:
                    self.value(f"{path}[{json.dumps(key)}]", kind[1], item, None)
            return
        elif kind[0] == "object":
            if not isinstance(value, dict):
                self.report(path, "wrong-type", f"expected an object, got {_json_name(value)}")
                return
            for key, item in value.items():
                if key not in kind[1]:
                    self.report(f"{path}.{key}", "unknown-attribute", f"{key!r} is not an attribute of this object")
                elif item is not None:
                    self.value(f"{path}.{key}", kind[1][key], item, None)
            return
        else:
            return
        if not ok:
            self.report(path, "wrong-type", f"expected {expected}, got {_json_name(value)}")
            return
        if spec is not None:
            self.rule(path, spec.rule, value, spec)

    def rule(self, path: str, rule: Rule | None, value: Any, spec: _Attribute | None) -> None:
        if rule is None or (isinstance(value, str) and is_template(value)):
            return
        found = rule.violation(value, show_value=not (spec is not None and spec.secret))
        if found is not None:
            self.report(path, found.rule, f"{found.message}; {found.fix}")

    # blocks ----------------------------------------------------------------------------------------------
    def body(self, path: str, schema: _Block, body: Any, ignore: frozenset[str]) -> None:
        if not isinstance(body, dict):
            self.report(path, "wrong-type", f"expected an object, got {_json_name(body)}")
            return
        for key, value in body.items():
            where = f"{path}.{key}"
            if key == "//" or key in ignore:
                continue
            if key == "dynamic" and key not in schema.attributes and key not in schema.blocks:
                self.dynamic(where, schema, value)
                continue
            attribute = schema.attributes.get(key)
            if attribute is not None:
                if value is None:
                    continue
                if not attribute.settable:
                    self.report(where, "computed-only", f"{key!r} is computed by the provider and cannot be set")
                    continue
                self.value(where, attribute.type, value, attribute)
                continue
            nested = schema.blocks.get(key)
            if nested is None:
                known = [n for n, a in schema.attributes.items() if a.settable] + list(schema.blocks)
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.report(where, "unknown-attribute", f"{key!r} is not an argument here{hint}")
                continue
            self.blocks(where, key, nested, value)
        for name, attribute in schema.attributes.items():
            if attribute.required and body.get(name) is None:
                self.report(f"{path}.{name}", "missing-required", f"the required argument {name!r} is missing")
        given = body.get("dynamic")
        dynamic: dict[str, Any] = given if isinstance(given, dict) else {}
        for name, (_, _, low, _) in schema.blocks.items():
            if low and _count_blocks(body.get(name)) == 0 and name not in dynamic:
                self.report(f"{path}.{name}", "missing-required", f"at least {low} {name!r} block(s) required")
        for first, second in schema.conflicts:
            if body.get(first) is not None and body.get(second) is not None:
                self.report(f"{path}.{second}", "conflict", f"{first!r} and {second!r} cannot both be set")

    def blocks(self, path: str, name: str, nested: tuple[_Block, str, int, int | None], value: Any) -> None:
        schema, _, low, high = nested
        if value is None:
            return
        if isinstance(value, dict):
            items: list[tuple[str, Any]] = [(path, value)]
        elif isinstance(value, list):
            items = [(f"{path}[{index}]", item) for index, item in enumerate(value)]
        else:
            self.report(path, "wrong-type", f"expected a {name!r} block (an object or a list of objects)")
            return
        if high is not None and len(items) > high:
            self.report(path, "too-many-blocks", f"{len(items)} {name!r} blocks, at most {high} allowed")
        if low and 0 < len(items) < low:
            self.report(path, "too-few-blocks", f"{len(items)} {name!r} blocks, at least {low} required")
        for where, item in items:
            self.body(where, schema, item, frozenset())

    def dynamic(self, path: str, schema: _Block, value: Any) -> None:
        """``dynamic.<block>`` (cdktf writes it for ``iterator.dynamic(...)``): a block of this schema, whose
        ``content`` is checked as one such block (its count is known only to Terraform)."""
        if not isinstance(value, dict):
            self.report(path, "wrong-type", "expected an object of dynamic blocks")
            return
        for name, spec in value.items():
            where = f"{path}.{name}"
            nested = schema.blocks.get(name)
            if nested is None:
                close = difflib.get_close_matches(name, list(schema.blocks), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.report(where, "unknown-attribute", f"{name!r} is not a block here{hint}")
            elif not isinstance(spec, dict) or not isinstance(spec.get("content"), dict):
                self.report(where, "wrong-type", "expected an object with for_each and a content object")
            else:
                self.body(f"{where}.content", nested[0], spec["content"], frozenset())


def _count_blocks(value: Any) -> int:
    if value is None:
        return 0
    return len(value) if isinstance(value, list) else 1


def _named(section: Any) -> Iterator[tuple[str, Any]]:
    """``{"type": {...}}`` or a list of such objects (both are valid Terraform JSON)."""
    parts = section if isinstance(section, list) else [section]
    for part in parts:
        if isinstance(part, dict):
            yield from part.items()


def check_stack(document: Mapping[str, Any], *, stack: str = "") -> list[Finding]:
    """Every place where ``document`` (a ``cdk.tf.json``) does not conform to the vendored schema, in order."""
    checker = _Checker(stack)
    for section, top in (("resource", "resource"), ("data", "data")):
        for tf_type, instances in _named(document.get(top, {})):
            if not tf_type.startswith("alicloud_"):
                continue
            schema = _schema_of(section, tf_type)
            for name, body in _named(instances):
                path = f"{top}.{tf_type}.{name}"
                if schema is None:
                    what = "resource" if section == "resource" else "data source"
                    checker.report(path, "unknown-type", f"{tf_type!r} is not a {what} of the pinned provider schema")
                    continue
                checker.body(path, schema, body, _META_ARGUMENTS)
    for provider_name, blocks in _named(document.get("provider", {})):
        if provider_name != "alicloud":
            continue
        provider_schema = _schema_of("provider", "alicloud")
        assert provider_schema is not None
        entries = blocks if isinstance(blocks, list) else [blocks]
        for index, body in enumerate(entries):
            checker.body(f"provider.alicloud[{index}]", provider_schema, body, _PROVIDER_META)
    return checker.findings


def check_outdir(outdir: Path) -> list[Finding]:
    """``check_stack`` for every stack in ``outdir/manifest.json`` (a ``cdktf.out`` folder), in name order."""
    manifest_path = Path(outdir) / "manifest.json"
    if not manifest_path.is_file():
        raise ConstructsVpnError(f"{manifest_path} does not exist: the app did not call app.synth()")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    findings: list[Finding] = []
    for name, entry in sorted(manifest.get("stacks", {}).items()):
        document = json.loads((Path(outdir) / entry["synthesizedStackPath"]).read_text(encoding="utf-8"))
        findings.extend(check_stack(document, stack=name))
    return findings
