"""The generator's view of a provider: its schema JSON + optional constraints + patches, merged into dataclasses.

Names follow ``cdktf get`` for Python: ``<provider>_vpn_gateway`` → module ``vpn_gateway``, class ``VpnGateway``;
data source ``<provider>_zones`` → module ``data_<provider>_zones``, class ``Data<Provider>Zones``; the provider →
module ``provider``, class ``<Provider>Provider``; a nested block → the owner's class name + the block's.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .rules import Rule, read_validate_func

__all__ = [
    "Attribute",
    "Block",
    "Body",
    "Element",
    "Patch",
    "Provider",
    "build",
    "identifier",
    "key_identifier",
    "module_name",
    "pascal",
    "python_name",
]

#: Meta-arguments and the implicit ``id``: never constructor arguments.
SKIPPED_ARGUMENTS = frozenset({"id"})
#: pydantic's own model attributes (``dir(BaseModel)`` without ``model_*``, a prefix ``python_name`` handles as a
#: whole); a schema name equal to one of these would need an alias.
_PYDANTIC_RESERVED = frozenset(
    {
        "copy",
        "dict",
        "json",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "schema",
        "schema_json",
        "construct",
        "from_orm",
        "update_forward_refs",
        "validate",
    }
)
#: The meta-arguments a generated resource or data source takes (a provider takes ``alias`` instead).
META_ARGUMENTS = ("depends_on", "count", "for_each", "provider", "lifecycle")
#: Names the generated constructors and ``put_<block>`` methods use themselves: a parameter of the same name would
#: be a duplicate argument or shadow what the body calls.
_TEMPLATE_NAMES = frozenset({"self", "scope", "id_", "super", "configure", "assign", "alias", *META_ARGUMENTS})


def python_name(name: str) -> str:
    """The Python name of a schema name (a parameter and a model field): itself, or with ``_`` appended where Python
    or pydantic cannot take it (``from`` → ``from_``; the model keeps the schema name as the field's alias).

    Taken as is only when it is an ASCII identifier, no keyword, starts with a lowercase letter (a capitalized field
    could shadow an imported class such as ``String`` or ``Field`` in the model's body) and is none of pydantic's or
    the template's own names; otherwise every character but ASCII letters, digits and ``_`` becomes ``_``, so the
    result is always a valid identifier (distinct names that meet are refused by ``generate``). A name in pydantic's
    ``model_`` namespace gets ``tf_`` in front (``model_dump`` → ``tf_model_dump``: ``model_dump_`` would still
    warn).
    """
    if (
        name.isascii()
        and name.isidentifier()
        and name[0].islower()
        and not keyword.iskeyword(name)
        and name not in _PYDANTIC_RESERVED
        and name not in _TEMPLATE_NAMES
    ):
        return f"tf_{name}" if name.startswith("model_") else name
    return _escaped(name)


def identifier(name: str) -> str:
    """The part of a method name (``<x>_input``, ``reset_<x>``, ``put_<x>``) or module name a checked Terraform
    name makes: ``-`` becomes ``_``, the only character of a Terraform name Python does not take."""
    return name.replace("-", "_")


def key_identifier(key: str) -> str:
    """The getter name of an object-type key, which Terraform does not restrict: the key if it is an ASCII
    identifier and no keyword, else its escaped form (``_escaped``)."""
    if key.isascii() and key.isidentifier() and not keyword.iskeyword(key):
        return key
    return _escaped(key)


def _escaped(text: str) -> str:
    """An identifier made from any text: every character but ASCII letters, digits and ``_`` as ``_`` (``isalnum``
    alone takes ``²`` or ``ﬁ``, no identifier characters or ones that normalize to others), outer ``_`` dropped,
    ``n`` before a leading digit, ``_`` after (``a b`` → ``a_b_``, ``1`` → ``n1_``, empty → ``value_``)."""
    cleaned = "".join(c if (c.isascii() and c.isalnum()) or c == "_" else "_" for c in text).strip("_") or "value"
    return f"n{cleaned}_" if cleaned[0].isdigit() else f"{cleaned}_"


def pascal(snake: str) -> str:
    """``ike_config`` → ``IkeConfig`` (cdktf's class-name rule; ``-`` separates words as ``_`` does)."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_]", snake) if part)


def module_name(stem: str) -> str:
    """The package folder of a resource (its type without the provider prefix) or data source: a Python
    identifier, with ``_`` appended to a keyword (``thing_import`` → ``import_``)."""
    name = identifier(stem)
    return f"{name}_" if keyword.iskeyword(name) else name


@dataclass(frozen=True, slots=True)
class Patch:
    """One reviewed change to one attribute or block of a schema, applied before generation.

    ``target`` is ``resource:<type>``, ``data:<type>`` or ``provider``; ``path`` the dotted path inside it
    (``ike_config.psk``). ``sensitive`` hides the value from reprs and errors; ``description`` replaces the docs
    text; ``note`` appends a sentence. A patch whose target or path is not in the schema fails the generation.
    """

    target: str
    path: str
    op: Literal["sensitive", "description", "note"]
    reason: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class Provider:
    """Which provider the schema is of: its local name, registry source, version and version constraint."""

    name: str
    source: str
    version: str
    constraint: str | None = None

    @property
    def type_name(self) -> str:
        """The prefix of its resource types: the source's last part (``aliyun/alicloud`` → ``alicloud``)."""
        return self.source.rsplit("/", 1)[-1]

    @property
    def class_name(self) -> str:
        return f"{pascal(self.type_name)}Provider"


@dataclass
class Attribute:
    name: str
    path: str
    type: Any
    required: bool
    optional: bool
    computed: bool
    description: str
    integer: bool = True
    force_new: bool = False
    sensitive: bool = False
    deprecated: str | None = None
    rule: Rule | None = None
    min_items: int | None = None
    max_items: int | None = None
    each: Rule | None = None
    conflicts: tuple[str, ...] = ()
    default: Any = None
    unchecked: tuple[str, ...] = ()
    """Why a provider ``ValidateFunc`` of this attribute (or of its items) is left to ``terraform plan``."""

    @property
    def py_name(self) -> str:
        return python_name(self.name)

    @property
    def settable(self) -> bool:
        return self.required or self.optional

    @property
    def computed_only(self) -> bool:
        return self.computed and not self.settable


@dataclass
class Block:
    name: str
    path: str
    nesting: str
    min_items: int | None
    max_items: int | None
    class_name: str
    body: Body
    description: str = ""
    force_new: bool = False
    computed: bool = False

    @property
    def py_name(self) -> str:
        return python_name(self.name)

    @property
    def single(self) -> bool:
        """Written as one object (cdktf's isSingleItem): nesting ``single`` or a list/set of at most one."""
        return self.nesting == "single" or self.max_items == 1

    @property
    def required(self) -> bool:
        return (self.min_items or 0) > 0


@dataclass
class Body:
    attributes: list[Attribute] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def walk_blocks(self) -> list[Block]:
        """Every nested block, children before their parents (the order classes must be defined in)."""
        found: list[Block] = []
        for block in self.blocks:
            found.extend(block.body.walk_blocks())
            found.append(block)
        return found


@dataclass
class Element:
    """A resource, data source or the provider block."""

    kind: str  # "resource" | "data" | "provider"
    tf_type: str
    class_name: str
    module: str
    body: Body
    constraints: Mapping[str, Any]
    provider: Provider

    @property
    def config_class(self) -> str:
        return f"{self.class_name}Config"

    @property
    def registry_url(self) -> str:
        base = f"https://registry.terraform.io/providers/{self.provider.source}/{self.provider.version}/docs"
        if self.kind == "provider":
            return base
        folder = "resources" if self.kind == "resource" else "data-sources"
        return f"{base}/{folder}/{self.tf_type.removeprefix(self.provider.type_name + '_')}"

    @property
    def target(self) -> str:
        return "provider" if self.kind == "provider" else f"{self.kind}:{self.tf_type}"


def _clean(text: str) -> str:
    return " ".join(text.replace("\\_", "_").split())


def _body(
    block: Mapping[str, Any],
    facts: Mapping[str, Any],
    patches: dict[str, list[Patch]],
    prefix: str,
    class_prefix: str,
) -> Body:
    body = Body()
    for name, spec in sorted(block.get("attributes", {}).items()):
        path = f"{prefix}{name}"
        fact = facts.get(path, {})
        elem = fact.get("Elem") if isinstance(fact.get("Elem"), dict) else {}
        rule, rule_gap = read_validate_func(fact.get("ValidateFunc"))
        each, each_gap = read_validate_func(elem.get("ValidateFunc")) if elem else (None, None)
        attribute = Attribute(
            name=name,
            path=path,
            type=spec["type"],
            required=bool(spec.get("required")),
            optional=bool(spec.get("optional")),
            computed=bool(spec.get("computed")),
            description=_clean(spec.get("description", "")),
            integer=fact.get("type", "TypeInt") != "TypeFloat",
            force_new=bool(fact.get("ForceNew")),
            sensitive=bool(spec.get("sensitive") or fact.get("Sensitive")),
            deprecated=fact.get("Deprecated") or ("deprecated" if spec.get("deprecated") else None),
            rule=rule,
            min_items=fact.get("MinItems"),
            max_items=fact.get("MaxItems"),
            each=each,
            conflicts=tuple(fact.get("ConflictsWith", ())),
            default=fact.get("Default"),
            unchecked=tuple(gap for gap in (rule_gap, each_gap and f"each item: {each_gap}") if gap),
        )
        if name == "id" and not prefix and not attribute.description:
            attribute.description = "The id Terraform records for this object; not an argument of the constructor."
        _apply(attribute, patches.pop(path, []))
        body.attributes.append(attribute)
    for name, spec in sorted(block.get("block_types", {}).items()):
        path = f"{prefix}{name}"
        fact = facts.get(path, {})
        child_class = f"{class_prefix}{pascal(name)}"
        nested = spec["block"]
        child = Block(
            name=name,
            path=path,
            nesting=spec["nesting_mode"],
            min_items=spec.get("min_items"),
            max_items=spec.get("max_items"),
            class_name=child_class,
            body=_body(nested, facts, patches, f"{path}.", child_class),
            description=_clean(nested.get("description", "")),
            force_new=bool(fact.get("ForceNew")),
            computed=bool(fact.get("Computed")),
        )
        if name == "timeouts" and child.nesting == "single" and not child.description:
            child.description = "Terraform operation timeouts, as durations such as ``10m``."
            for attribute in child.body.attributes:
                attribute.description = attribute.description or f"How long Terraform waits for {attribute.name}."
        for patch in patches.pop(path, []):
            if patch.op != "note":
                raise ValueError(f"patch {patch} cannot apply to a block")
            child.description = f"{child.description} {patch.text}".strip()
        body.blocks.append(child)
    return body


def _apply(attribute: Attribute, patches: list[Patch]) -> None:
    for patch in patches:
        if patch.op == "sensitive":
            attribute.sensitive = True
        elif patch.op == "description":
            attribute.description = patch.text
        else:
            attribute.description = f"{attribute.description} {patch.text}".strip()


def build(
    provider: Provider,
    schema: Mapping[str, Any],
    constraints: Mapping[str, Any] | None = None,
    patches: tuple[Patch, ...] = (),
) -> list[Element]:
    """Every element of one provider's schema (``provider``, ``resource_schemas``, ``data_source_schemas``, as in
    ``terraform providers schema -json``), with its constraints and patches; providers last."""
    known = constraints or {}
    pending: dict[str, dict[str, list[Patch]]] = {}
    for patch in patches:
        pending.setdefault(patch.target, {}).setdefault(patch.path, []).append(patch)
    elements: list[Element] = []
    prefix = f"{provider.type_name}_"
    for kind, key, facts_key in (
        ("resource", "resource_schemas", "resources"),
        ("data", "data_source_schemas", "data_sources"),
    ):
        for tf_type, spec in sorted(schema.get(key, {}).items()):
            stem = tf_type.removeprefix(prefix)
            class_name = pascal(stem) if kind == "resource" else f"Data{pascal(tf_type)}"
            module = module_name(stem if kind == "resource" else f"data_{tf_type}")
            element_facts = known.get(facts_key, {}).get(tf_type, {"attributes": {}})
            found = pending.pop(f"{kind}:{tf_type}", {})
            body = _body(spec["block"], element_facts["attributes"], found, "", class_name)
            if found:
                raise ValueError(f"patches for unknown paths of {tf_type}: {sorted(found)}")
            elements.append(Element(kind, tf_type, class_name, module, body, element_facts, provider))
    found = pending.pop("provider", {})
    provider_block = schema.get("provider", {}).get("block", {})
    body = _body(provider_block, known.get("provider", {}), found, "", provider.class_name)
    if found:
        raise ValueError(f"patches for unknown provider paths: {sorted(found)}")
    elements.append(Element("provider", provider.type_name, provider.class_name, "provider", body, {}, provider))
    if pending:
        raise ValueError(f"patches for unknown targets: {sorted(pending)}")
    return elements
