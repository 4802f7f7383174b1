"""Resources and data sources, with Terraform's meta-arguments, ``import`` and ``moved`` blocks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .checks import mapping_problems, raise_problems, sequence_problems
from .construct import Construct
from .dynamic import process_dynamic_attributes
from .element import TerraformElement
from .errors import ValidationError
from .getters import AttributeGetters
from .hcl_render import typed, typed_import
from .provider import TerraformProvider
from .tokens import Expression, RawExpression, Reference, ResolveContext, Token, render_hcl, resolve

if TYPE_CHECKING:
    from .provider import TerraformProviderGeneratorMetadata

__all__ = [
    "Postcondition",
    "Precondition",
    "TerraformCondition",
    "TerraformCount",
    "TerraformDataSource",
    "TerraformIterator",
    "TerraformResource",
    "TerraformResourceLifecycle",
]


@dataclass(frozen=True, slots=True)
class TerraformCondition:
    """A ``precondition``/``postcondition``: ``condition`` must be a token (e.g. built with ``Op``/``Fn``)."""

    condition: Expression | str | bool
    error_message: str

    def _to_terraform(self) -> dict[str, Any]:
        return {"condition": self.condition, "error_message": self.error_message}


@dataclass(frozen=True, slots=True)
class Precondition(TerraformCondition):
    """cdktf's name for a ``precondition`` of a resource's lifecycle or of an output."""


@dataclass(frozen=True, slots=True)
class Postcondition(TerraformCondition):
    """cdktf's name for a ``postcondition`` of a resource's lifecycle."""


def _address(target: TerraformResource | TerraformDataSource | str) -> str:
    return target if isinstance(target, str) else target.fqn


@dataclass(frozen=True, slots=True)
class TerraformResourceLifecycle:
    """Terraform's ``lifecycle`` block."""

    create_before_destroy: bool | None = None
    prevent_destroy: bool | None = None
    ignore_changes: Sequence[str] | Literal["all"] | None = None
    """Attribute names, or ``"all"``."""
    replace_triggered_by: Sequence[TerraformResource | str] | None = None
    """Resources (or addresses such as ``alicloud_x.y.attr``) whose change replaces this resource."""
    precondition: Sequence[TerraformCondition] = field(default_factory=tuple)
    postcondition: Sequence[TerraformCondition] = field(default_factory=tuple)

    def _to_terraform(self) -> dict[str, Any]:
        # jsii's struct order (alphabetical): the order of the lines in cdk.tf.
        return {
            "create_before_destroy": self.create_before_destroy,
            "ignore_changes": self.ignore_changes
            if self.ignore_changes is None or isinstance(self.ignore_changes, str)
            else list(self.ignore_changes),
            "postcondition": [c._to_terraform() for c in self.postcondition] or None,
            "precondition": [c._to_terraform() for c in self.precondition] or None,
            "prevent_destroy": self.prevent_destroy,
            "replace_triggered_by": None
            if self.replace_triggered_by is None
            else [_address(t) for t in self.replace_triggered_by],
        }


class TerraformCount:
    """``count = n``; ``index`` is ``count.index`` for use in arguments."""

    def __init__(self, count: int | Expression) -> None:
        self.count = count

    @staticmethod
    def of(count: int | Expression) -> TerraformCount:
        return TerraformCount(count)

    @property
    def index(self) -> Expression:
        return RawExpression("count.index")


class TerraformIterator:
    """``for_each`` over a list (as a set), a map, a list of objects keyed by one attribute, or the instances
    of a resource; ``key``/``value`` are ``each.key``/``each.value``, as in cdktf."""

    def __init__(self, items: Any, *, is_list: bool) -> None:
        self.items = items
        self.is_list = is_list

    @staticmethod
    def from_list(list: Any) -> ListTerraformIterator:
        return ListTerraformIterator(list, is_list=True)

    @staticmethod
    def from_map(map: Any) -> MapTerraformIterator:
        return MapTerraformIterator(map, is_list=False)

    @staticmethod
    def from_complex_list(list: Any, map_key_attribute_name: str) -> DynamicListTerraformIterator:
        """Over a list of objects, keyed by their ``map_key_attribute_name`` (``for_each`` needs a map)."""
        return DynamicListTerraformIterator(list, map_key_attribute_name)

    @staticmethod
    def from_resources(resource: Any) -> ResourceTerraformIterator:
        """Over the instances of a resource that has ``for_each`` or ``count``."""
        return ResourceTerraformIterator(resource, is_list=False)

    @staticmethod
    def from_data_sources(resource: Any) -> ResourceTerraformIterator:
        return ResourceTerraformIterator(resource, is_list=False)

    @property
    def key(self) -> Any:
        return _IteratorReference("key")

    @property
    def value(self) -> Any:
        return _IteratorReference("value")

    def _attribute(self, attribute: str) -> Expression:
        from .fn import Fn

        found: Expression = Fn.lookup_nested(_IteratorReference("value"), [attribute])
        return found

    def get_string(self, attribute: str) -> str:
        return str(self._attribute(attribute))

    def get_number(self, attribute: str) -> Any:
        return self._attribute(attribute)

    def get_boolean(self, attribute: str) -> Any:
        return self._attribute(attribute)

    def get_any(self, attribute: str) -> Any:
        return self._attribute(attribute)

    def get_list(self, attribute: str) -> list[str]:
        return self._attribute(attribute)._list_token()

    def get_number_list(self, attribute: str) -> Any:
        return self._attribute(attribute)

    def get_map(self, attribute: str) -> Any:
        return self._attribute(attribute)

    def get_string_map(self, attribute: str) -> Any:
        return self._attribute(attribute)

    def get_number_map(self, attribute: str) -> Any:
        return self._attribute(attribute)

    def get_boolean_map(self, attribute: str) -> Any:
        return self._attribute(attribute)

    def get_any_map(self, attribute: str) -> Any:
        return self._attribute(attribute)

    def get(self, attribute: str) -> Expression:
        """Not in cdktf (kept for this project's code): ``each.value.<attribute>``."""
        return self._attribute(attribute)

    def dynamic(self, attributes: Mapping[str, Any]) -> Any:
        """A list with one ``attributes`` object per item: ``[ for key, val in <collection>: {...}]``, as cdktf
        writes it for a generic resource (generated bindings turn it into a ``dynamic`` block)."""
        return TerraformDynamicExpression(self, attributes)

    # for expressions over the same collection ---------------------------------------------------------------
    def keys(self) -> Any:
        """``[ for key, val in <collection>: key]``."""
        return _ForExpression(self._for_each(), RawExpression("key"))

    def values(self) -> Any:
        return _ForExpression(self._for_each(), RawExpression("val"))

    def pluck_property(self, property: str) -> Any:
        """``[ for key, val in <collection>: val.<property>]``."""
        from .fn import Fn

        return _ForExpression(self._for_each(), Fn.lookup_nested(RawExpression("val"), [property]))

    def for_expression_for_list(self, expression: Any) -> Any:
        """``[ for key, val in <collection>: <expression>]`` (text is written as it is)."""
        return _ForExpression(self._for_each(), expression)

    def for_expression_for_map(self, key_expression: Any, value_expression: Any) -> Any:
        """``{ for key, val in <collection>: <key_expression> => <value_expression> }``."""
        return _ForExpression(self._for_each(), value_expression, key_expression)

    def _for_each(self) -> Any:
        items = self.items
        if self.is_list:
            return _ForEachSet(items)
        return items  # a map is written as it is (a JSON object), as cdktf does


class _IteratorReference(Expression):
    """``each.value``/``each.key``; ``val``/``key`` inside a for expression over the same collection."""

    __slots__ = ("part",)

    def __init__(self, part: str) -> None:
        super().__init__()
        self.part = part

    def to_expression(self, ctx: ResolveContext) -> str:
        if ctx.in_for_expression:
            return "val" if self.part == "value" else "key"
        return f"each.{self.part}"


class TerraformDynamicExpression(Expression):
    """What ``TerraformIterator.dynamic`` returns: ``iterator`` and the block's ``content``."""

    __slots__ = ("content", "iterator")

    def __init__(self, iterator: TerraformIterator, content: Mapping[str, Any]) -> None:
        super().__init__()
        self.iterator = iterator
        self.content = content

    def to_expression(self, ctx: ResolveContext) -> str:
        return _ForExpression(self.iterator._for_each(), self.content).to_expression(ctx)


class ListTerraformIterator(TerraformIterator):
    """``TerraformIterator.from_list``: ``for_each = toset(<list>)``."""


class MapTerraformIterator(TerraformIterator):
    """``TerraformIterator.from_map``: ``for_each = <map>``."""


class ResourceTerraformIterator(TerraformIterator):
    """``TerraformIterator.from_resources``: ``for_each = <type.name>``."""

    def _for_each(self) -> Any:
        return RawExpression(self.items.fqn)


class DynamicListTerraformIterator(MapTerraformIterator):
    """``TerraformIterator.from_complex_list``: ``for_each = { for key, val in <list>: val.<attr> => val }``."""

    def __init__(self, list: Any, map_key_attribute_name: str) -> None:
        super().__init__(list, is_list=False)
        self.map_key_attribute_name = map_key_attribute_name

    def _for_each(self) -> Any:
        from .fn import Fn

        key = Fn.lookup_nested(RawExpression("val"), [self.map_key_attribute_name])
        return _ForExpression(self.items, RawExpression("val"), key)


class _ForEachSet(Expression):
    __slots__ = ("items",)

    def __init__(self, items: Any) -> None:
        super().__init__()
        self.items = items

    def to_expression(self, ctx: ResolveContext) -> str:
        return f"toset({render_hcl(self.items, ctx)})"


class _ForExpression(Expression):
    """cdktf's ``forExpression``: ``[ for key, val in <input>: <value>]`` or ``{ for ... : <key> => <value> }``."""

    __slots__ = ("input", "key", "value")

    def __init__(self, input: Any, value: Any, key: Any = None) -> None:
        super().__init__()
        self.input = input
        self.value = value
        self.key = key

    @staticmethod
    def _part(value: Any, ctx: ResolveContext) -> str:
        # cdktf writes a text part as it is (it is an expression), not as a quoted string
        return value if isinstance(value, str) and not Token.is_unresolved(value) else render_hcl(value, ctx)

    def to_expression(self, ctx: ResolveContext) -> str:
        source = render_hcl(self.input, ctx)
        outer, ctx.in_for_expression = ctx.in_for_expression, True
        try:
            value = self._part(self.value, ctx)
            key = None if self.key is None else self._part(self.key, ctx)
        finally:
            ctx.in_for_expression = outer
        if key is None:
            return f"[ for key, val in {source}: {value}]"
        return f"{{ for key, val in {source}: {key} => {value} }}"


def is_dependable(value: object) -> bool:
    """What ``depends_on`` takes: resources, data sources, modules (anything with an address) or addresses."""
    return isinstance(value, str) or (
        isinstance(value, TerraformElement) and isinstance(getattr(value, "fqn", None), str)
    )


_STR_KEYS = frozenset({str})


def _is_type_name(value: object) -> bool:
    return isinstance(value, str) and bool(value)


def _is_count(value: object) -> bool:
    return isinstance(value, int | Expression | TerraformCount) and not isinstance(value, bool)


def _is_for_each(value: object) -> bool:
    return isinstance(value, TerraformIterator | Expression)


def _is_provider(value: object) -> bool:
    # TerraformProvider's module imports this one: look the class up once it exists, not at import time
    return any(
        cls.__name__ == "TerraformProvider" and cls.__module__ == __package__ + ".provider"
        for cls in type(value).__mro__
    )


def _is_lifecycle(value: object) -> bool:
    return isinstance(value, TerraformResourceLifecycle)


def _check_block_arguments(
    scope: object,
    id: object,
    *,
    terraform_resource_type: object,
    attributes: object,
    depends_on: object,
    count: object,
    for_each: object,
    provider: object,
    lifecycle: object,
) -> None:
    problems = [] if attributes is None else mapping_problems("", "attributes", attributes, deep=False)
    if depends_on is not None:
        problems += sequence_problems(
            "", "depends_on", depends_on, is_dependable, "resources, data sources or addresses"
        )
    raise_problems(
        scope,
        id,
        [
            (
                "terraform_resource_type",
                terraform_resource_type,
                _is_type_name,
                "a non-empty str such as 'alicloud_vpn_gateway'",
            ),
            ("count", count, _is_count, "an int, a token or a TerraformCount"),
            ("for_each", for_each, _is_for_each, "a TerraformIterator or a token"),
            ("provider", provider, _is_provider, "a TerraformProvider"),
            ("lifecycle", lifecycle, _is_lifecycle, "a TerraformResourceLifecycle"),
        ],
        problems,
    )


_ONE_WALK: dict[type, bool] = {}


def _one_walk(cls: type[_Block]) -> bool:
    """Whether ``cls._resolved_attributes`` gives what resolving ``cls._to_terraform()`` would: the class that
    defines it also defines the ``_synthesize_attributes`` in use, and neither ``_to_terraform`` nor
    ``_construct_metadata`` is a subclass's (once per class)."""
    found = _ONE_WALK.get(cls)
    if found is None:
        owner = next(c for c in cls.__mro__ if "_resolved_attributes" in c.__dict__)
        found = _ONE_WALK[cls] = (
            owner is not _Block
            and cls._synthesize_attributes is owner.__dict__.get("_synthesize_attributes")
            and cls._to_terraform is _Block._to_terraform
            and cls._construct_metadata is TerraformElement._construct_metadata
        )
    return found


class _Block(TerraformElement, AttributeGetters):
    """What resources and data sources share: attributes, meta-arguments and attribute references."""

    _block_key = "resource"

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        terraform_resource_type: str,
        terraform_generator_metadata: TerraformProviderGeneratorMetadata | None = None,
        attributes: Mapping[str, Any] | None = None,
        depends_on: Sequence[TerraformResource | TerraformDataSource | str] | None = None,
        count: int | Expression | TerraformCount | None = None,
        for_each: TerraformIterator | Expression | None = None,
        provider: TerraformProvider | None = None,
        lifecycle: TerraformResourceLifecycle | None = None,
        provisioners: Sequence[Any] | None = None,
        connection: Any = None,
    ) -> None:
        if not (  # the common, valid case without building a list of checks (synthesis speed)
            type(terraform_resource_type) is str
            and terraform_resource_type
            and (attributes is None or (type(attributes) is dict and set(map(type, attributes)) <= _STR_KEYS))
            and depends_on is None
            and count is None
            and for_each is None
            and lifecycle is None
            and (provider is None or _is_provider(provider))
        ):
            _check_block_arguments(
                scope,
                id,
                terraform_resource_type=terraform_resource_type,
                attributes=attributes,
                depends_on=depends_on,
                count=count,
                for_each=for_each,
                provider=provider,
                lifecycle=lifecycle,
            )
        super().__init__(scope, id)
        self.terraform_resource_type = terraform_resource_type
        self.terraform_generator_metadata = terraform_generator_metadata
        self._override_kind = terraform_resource_type
        self._attributes = dict(attributes) if attributes else {}
        # None unless given, as in cdktf: depends_on=[] is written as an empty list
        self.depends_on: list[TerraformResource | TerraformDataSource | str] | None = (
            list(depends_on) if depends_on is not None else None
        )
        self.count = count
        self.for_each = for_each
        self.provider = provider
        self.lifecycle = lifecycle
        self.provisioners = list(provisioners) if provisioners is not None else None
        self.connection = connection

    # references ----------------------------------------------------------------------------------------
    @property
    def reference_prefix(self) -> str:
        return self.fqn

    @property
    def fqn(self) -> str:
        """The element's address, e.g. ``alicloud_cen_instance.cen``."""
        return f"{self.terraform_resource_type}.{self.friendly_unique_id}"

    @property
    def attribute_prefix(self) -> str:
        """With ``for_each``, attributes are read over every instance (``type.name.*.attr``), as in cdktf."""
        return f"{self.fqn}.*" if self.for_each is not None else self.fqn

    def interpolation_for_attribute(self, terraform_attribute: str) -> Expression:
        """A reference to ``terraform_attribute`` (``type.name.attr``, or ``type.name.*.attr`` with ``for_each``)."""
        return Reference(self, terraform_attribute)

    def get_map_attribute(self, terraform_attribute: str) -> Expression:
        """Not in cdktf (kept for this project's bindings): the map as an expression, indexable with ``[key]``."""
        return self.interpolation_for_attribute(terraform_attribute)

    # synthesis -----------------------------------------------------------------------------------------
    def _synthesize_attributes(self) -> dict[str, Any]:
        """The provider arguments; generated bindings override this."""
        return self._attributes

    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        """The provider arguments for ``cdk.tf``, typed as ``hcl_render.typed`` shows; cdktf gives none (an empty
        body) unless a class (a generated binding) says them."""
        return {}

    def _meta_arguments(self) -> dict[str, Any]:
        from .provisioner import provisioner_block, struct_body  # the provisioners' dataclasses: not at import

        # Only depends_on: node.add_dependency writes nothing, as in cdktf.
        depends = None if self.depends_on is None else list(dict.fromkeys(_address(d) for d in self.depends_on))
        count = self.count.count if isinstance(self.count, TerraformCount) else self.count
        for_each = self.for_each._for_each() if isinstance(self.for_each, TerraformIterator) else self.for_each
        return {
            "depends_on": depends,
            "count": count,
            "for_each": for_each,
            "provider": self.provider.fqn if self.provider is not None else None,
            "lifecycle": self.lifecycle._to_terraform() if self.lifecycle is not None else None,
            "connection": struct_body(self.connection) if self.connection is not None else None,
            "provisioner": [provisioner_block(p) for p in self.provisioners] if self.provisioners else None,
        }

    def _resolved_attributes(self, ctx: ResolveContext) -> dict[str, Any] | None:
        """``resolve(process_dynamic_attributes(self._synthesize_attributes()), ctx)`` for a class that can give
        it in one walk over its arguments (the generated bindings); ``None`` (here): the arguments are resolved
        with the rest of the fragment."""
        return None

    def _to_resolved_terraform(self, ctx: ResolveContext) -> dict[str, Any]:
        """``resolve(self._to_terraform(), ctx)``; a generated binding's block is written as its arguments are
        read off its models (one walk instead of two), unless overrides, ``import``/``moved`` blocks, ``{`` in its
        path or name, or a subclass's own ``_to_terraform`` or ``_synthesize_attributes`` may change it."""
        path, name = self.node.path, self.friendly_unique_id
        # overrides, import and moved blocks, or text that resolution could change: the fragment resolved whole
        plain = not (self._raw_overrides or self._other_blocks() or "{" in path or "{" in name)
        attributes = self._resolved_attributes(ctx) if plain and _one_walk(type(self)) else None
        if attributes is None:
            return super()._to_resolved_terraform(ctx)
        body = attributes
        body["//"] = {"metadata": {"path": path, "uniqueId": name}}  # resolved: plain text
        if self._has_meta_arguments():
            for key, value in self._meta_arguments().items():
                if value is not None:
                    body[key] = resolve(value, ctx)
        return {self._block_key: {self.terraform_resource_type: {name: body}}}

    def _has_meta_arguments(self) -> bool:
        return (
            self.depends_on is not None
            or self.count is not None
            or self.for_each is not None
            or self.provider is not None
            or self.lifecycle is not None
            or self.connection is not None
            or bool(self.provisioners)
        )

    def _other_blocks(self) -> bool:
        """Whether the fragment holds more than this element's block (``import`` and ``moved`` of a resource)."""
        return False

    def _to_terraform(self) -> dict[str, Any]:
        return self._fragment(process_dynamic_attributes(self._synthesize_attributes()))

    def _fragment(self, attributes: Mapping[str, Any]) -> dict[str, Any]:
        """The element's fragment with ``attributes`` as its arguments (unresolved)."""
        body: dict[str, Any] = {"//": self._construct_metadata()}
        body.update(attributes)
        if self._has_meta_arguments():  # most blocks have none: skip building them
            for key, value in self._meta_arguments().items():
                if value is not None:
                    body[key] = value
        if self._raw_overrides:
            self._apply_overrides(body)
        return {self._block_key: {self.terraform_resource_type: {self.friendly_unique_id: body}}}

    #: cdktf's meta-arguments of ``cdk.tf``, in its order (a data source has no connection there).
    _hcl_meta: tuple[str, ...] = ("depends_on", "count", "provider", "lifecycle", "for_each", "connection")

    def _to_hcl_terraform(self) -> dict[str, Any]:
        body = dict(process_dynamic_attributes(self._synthesize_hcl_attributes()))
        meta = self._meta_arguments()
        for key in self._hcl_meta:
            if meta[key] is None:
                body.pop(key, None)
            else:
                body[key] = meta[key]
        if meta["provisioner"] and self._block_key == "resource":
            body["provisioner"] = [
                {kind: typed(inner, "list", "object", is_block=True)}
                for kind, inner in (next(iter(p.items())) for p in meta["provisioner"])
            ]
        self._apply_overrides(body)
        body["//"] = {**body.get("//", {}), **self._construct_metadata()}
        return {self._block_key: {self.terraform_resource_type: {self.friendly_unique_id: body}}}


class TerraformResource(_Block):
    """A managed resource. Subclasses (the generated bindings) override ``_synthesize_attributes``."""

    def __init__(self, scope: Construct, id: str, **kwargs: Any) -> None:
        super().__init__(scope, id, **kwargs)
        self._import: dict[str, Any] | None = None
        self._moved_from: list[str] = []
        #: ``move_to``/``move_to_id``: where this resource went (its own block is then not written).
        self._moved_to: tuple[str, str | int | float | None] | str | None = None

    def add_move_target(self, move_target: str) -> None:
        """Name this resource as the target of another resource's ``move_to(move_target)``."""
        targets = self.stack._move_targets
        if move_target in targets:
            raise ValidationError.single(
                self.node.path,
                f"move target {move_target!r} is already used by {targets[move_target].node.path!r}",
                rule="unique-move-target",
                fix="give each move target a different name",
            )
        targets[move_target] = self

    def move_to(self, move_target: str, index: str | float | None = None) -> None:
        """Move this resource to the one added with ``add_move_target(move_target)`` (at ``index`` of its
        ``for_each``/``count``): a ``moved`` block, and this resource's own block is no longer written."""
        self._moved_to = (move_target, index)

    def move_to_id(self, id: str) -> None:
        """Move this resource to the address ``id``: a ``moved`` block, and its own block is no longer written."""
        self._moved_to = id

    @property
    def has_resource_move(self) -> bool:
        return self._moved_to is not None or bool(self._moved_from)

    def _move_address(self) -> str:
        moved = self._moved_to
        if isinstance(moved, str) or moved is None:
            return moved or ""
        name, index = moved
        target = self.stack._move_targets.get(name)
        if target is None:
            raise ValidationError.single(
                self.node.path,
                f"no resource was added as move target {name!r}",
                rule="move-target",
                fix=f"call add_move_target({name!r}) on the resource this one moves to",
            )
        if target.terraform_resource_type != self.terraform_resource_type:
            raise ValidationError.single(
                self.node.path,
                f"cannot move a {self.terraform_resource_type} to a {target.terraform_resource_type}",
                rule="move-target",
                fix="move to a resource of the same type",
            )
        address: str = target.fqn
        if index is None or index == "":
            return address
        return f'{address}["{index}"]' if isinstance(index, str) else f"{address}[{index}]"

    def import_from(self, id: str, provider: TerraformProvider | None = None) -> None:
        """Adopt an existing object: emits a Terraform ``import`` block with its cloud id."""
        self._import = {"id": id, "provider": provider}

    def move_from_id(self, id: str) -> None:
        """This resource used to live at the address ``id`` (e.g. before a rename): emits a ``moved`` block."""
        self._moved_from.append(id)

    def _other_blocks(self) -> bool:
        return self._import is not None or bool(self._moved_from) or self._moved_to is not None

    def _fragment(self, attributes: Mapping[str, Any]) -> dict[str, Any]:
        doc = super()._fragment(attributes)
        if self._import is not None:
            provider = self._import["provider"] or self.provider
            doc["import"] = [
                {"to": self.fqn, "id": self._import["id"], "provider": provider.fqn if provider is not None else None}
            ]
        if self._moved_from:
            doc["moved"] = [{"from": old, "to": self.fqn} for old in self._moved_from]
        if self._moved_to is not None:
            doc["moved"] = [*doc.get("moved", ()), {"from": self.fqn, "to": self._move_address()}]
            del doc["resource"]
        return doc

    def _to_hcl_terraform(self) -> dict[str, Any]:
        doc = super()._to_hcl_terraform()
        json_doc = self._to_terraform()
        if "resource" not in json_doc:
            del doc["resource"]
        # cdktf types the addresses as references (written bare) and the id as a string.
        if json_doc.get("moved"):
            doc["moved"] = [
                {"to": typed(m["to"], "simple", "reference", is_block=False),
                 "from": typed(m["from"], "simple", "reference", is_block=False)}
                for m in json_doc["moved"]
            ]  # fmt: skip
        if json_doc.get("import"):
            doc["import"] = [typed_import(i["to"], i["id"], i["provider"]) for i in json_doc["import"]]
        return doc

    def _to_metadata(self) -> dict[str, Any]:
        metadata = super()._to_metadata()
        if self._import is not None:
            metadata["imports"] = {self.terraform_resource_type: [self.friendly_unique_id]}
        if self.has_resource_move:
            metadata["moved"] = {self.terraform_resource_type: [self.friendly_unique_id]}
        return metadata


class TerraformDataSource(_Block):
    """A data source, addressed as ``data.<type>.<name>``."""

    _block_key = "data"
    _hcl_meta = ("depends_on", "count", "provider", "lifecycle", "for_each")

    @property
    def fqn(self) -> str:
        return f"data.{self.terraform_resource_type}.{self.friendly_unique_id}"
