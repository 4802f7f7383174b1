"""Resources and data sources, with Terraform's meta-arguments, ``import`` and ``moved`` blocks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from .construct import Construct
from .element import TerraformElement
from .tokens import Expression, RawExpression, Reference, ResolveContext, render_hcl

if TYPE_CHECKING:
    from .provider import TerraformProvider, TerraformProviderGeneratorMetadata

__all__ = [
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
        return {
            "create_before_destroy": self.create_before_destroy,
            "prevent_destroy": self.prevent_destroy,
            "ignore_changes": self.ignore_changes
            if self.ignore_changes is None or isinstance(self.ignore_changes, str)
            else list(self.ignore_changes),
            "replace_triggered_by": None
            if self.replace_triggered_by is None
            else [_address(t) for t in self.replace_triggered_by],
            "precondition": [c._to_terraform() for c in self.precondition] or None,
            "postcondition": [c._to_terraform() for c in self.postcondition] or None,
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
    """``for_each`` over a list (as a set) or a map; ``key``/``value`` are ``each.key``/``each.value``."""

    def __init__(self, items: Sequence[Any] | Mapping[str, Any] | Expression, *, is_list: bool) -> None:
        self.items = items
        self.is_list = is_list

    @staticmethod
    def from_list(items: Sequence[Any] | Expression) -> TerraformIterator:
        return TerraformIterator(items, is_list=True)

    @staticmethod
    def from_map(items: Mapping[str, Any] | Expression) -> TerraformIterator:
        return TerraformIterator(items, is_list=False)

    @property
    def key(self) -> Expression:
        return RawExpression("each.key")

    @property
    def value(self) -> Expression:
        return RawExpression("each.value")

    def get_string(self, attribute: str) -> str:
        return str(RawExpression(f"each.value.{attribute}"))

    def get(self, attribute: str) -> Expression:
        return RawExpression(f"each.value.{attribute}")

    def _for_each(self) -> Expression:
        items = self.items
        if self.is_list:
            return _ForEachSet(items)
        return items if isinstance(items, Expression) else _Literal(items)


class _ForEachSet(Expression):
    __slots__ = ("items",)

    def __init__(self, items: Any) -> None:
        super().__init__()
        self.items = items

    def to_expression(self, ctx: ResolveContext) -> str:
        return f"toset({render_hcl(self.items, ctx)})"


class _Literal(Expression):
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value

    def to_expression(self, ctx: ResolveContext) -> str:
        return render_hcl(self.value, ctx)


class _Block(TerraformElement):
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
    ) -> None:
        super().__init__(scope, id)
        self.terraform_resource_type = terraform_resource_type
        self.terraform_generator_metadata = terraform_generator_metadata
        self._override_kind = terraform_resource_type
        self._attributes = dict(attributes) if attributes else {}
        self.depends_on: list[TerraformResource | TerraformDataSource | str] = list(depends_on or ())
        self.count = count
        self.for_each = for_each
        self.provider = provider
        self.lifecycle = lifecycle

    # references ----------------------------------------------------------------------------------------
    @property
    def reference_prefix(self) -> str:
        return self.fqn

    @property
    def fqn(self) -> str:
        """The element's address, e.g. ``alicloud_cen_instance.cen``."""
        return f"{self.terraform_resource_type}.{self.friendly_unique_id}"

    def interpolation_for_attribute(self, attribute: str) -> Expression:
        return Reference(self, attribute)

    def get_string_attribute(self, attribute: str) -> str:
        return str(Reference(self, attribute))

    def get_number_attribute(self, attribute: str) -> Expression:
        return Reference(self, attribute)

    def get_boolean_attribute(self, attribute: str) -> Expression:
        return Reference(self, attribute)

    def get_list_attribute(self, attribute: str) -> Expression:
        return Reference(self, attribute)

    def get_map_attribute(self, attribute: str) -> Expression:
        return Reference(self, attribute)

    # cdktf's typed getters of collections (TerraformResource.getNumberListAttribute, ...): each a reference.
    def get_number_list_attribute(self, attribute: str) -> Expression:
        return Reference(self, attribute)

    def get_string_map_attribute(self, attribute: str) -> Expression:
        return Reference(self, attribute)

    def get_number_map_attribute(self, attribute: str) -> Expression:
        return Reference(self, attribute)

    def get_boolean_map_attribute(self, attribute: str) -> Expression:
        return Reference(self, attribute)

    def get_any_map_attribute(self, attribute: str) -> Expression:
        return Reference(self, attribute)

    # synthesis -----------------------------------------------------------------------------------------
    def _synthesize_attributes(self) -> dict[str, Any]:
        """The provider arguments; generated bindings override this."""
        return self._attributes

    def _meta_arguments(self) -> dict[str, Any]:
        depends = [_address(d) for d in self.depends_on]
        for dependency in self.node.dependencies:
            for construct in dependency.node.walk():
                if isinstance(construct, _Block):
                    depends.append(construct.fqn)
        count = self.count.count if isinstance(self.count, TerraformCount) else self.count
        for_each = self.for_each._for_each() if isinstance(self.for_each, TerraformIterator) else self.for_each
        return {
            "depends_on": list(dict.fromkeys(depends)) or None,
            "count": count,
            "for_each": for_each,
            "provider": self.provider.fqn if self.provider is not None else None,
            "lifecycle": self.lifecycle._to_terraform() if self.lifecycle is not None else None,
        }

    def _to_terraform(self) -> dict[str, Any]:
        body: dict[str, Any] = {"//": self._construct_metadata()}
        body.update(self._synthesize_attributes())
        for key, value in self._meta_arguments().items():
            if value is not None:
                body[key] = value
        self._apply_overrides(body)
        return {self._block_key: {self.terraform_resource_type: {self.friendly_unique_id: body}}}


class TerraformResource(_Block):
    """A managed resource. Subclasses (the generated bindings) override ``_synthesize_attributes``."""

    def __init__(self, scope: Construct, id: str, **kwargs: Any) -> None:
        super().__init__(scope, id, **kwargs)
        self._import: dict[str, Any] | None = None
        self._moved_from: list[str] = []

    def import_from(self, id: str, provider: TerraformProvider | None = None) -> None:
        """Adopt an existing object: emits a Terraform ``import`` block with its cloud id."""
        self._import = {"id": id, "provider": provider}

    def move_from_id(self, address: str) -> None:
        """This resource used to live at ``address`` (e.g. before a rename): emits a ``moved`` block."""
        self._moved_from.append(address)

    def _to_terraform(self) -> dict[str, Any]:
        doc = super()._to_terraform()
        if self._import is not None:
            provider = self._import["provider"] or self.provider
            doc["import"] = [
                {"to": self.fqn, "id": self._import["id"], "provider": provider.fqn if provider is not None else None}
            ]
        if self._moved_from:
            doc["moved"] = [{"from": old, "to": self.fqn} for old in self._moved_from]
        return doc


class TerraformDataSource(_Block):
    """A data source, addressed as ``data.<type>.<name>``."""

    _block_key = "data"

    @property
    def fqn(self) -> str:
        return f"data.{self.terraform_resource_type}.{self.friendly_unique_id}"
