"""``CenInstance``: a Cloud Enterprise Network instance (``alicloud_cen_instance``)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Protocol, Unpack, runtime_checkable

from ..core.construct import Construct
from ..core.provider import TerraformProvider
from ._base import VpnConstruct, is_token, load, props_names

if TYPE_CHECKING:  # the binding loads when an instance is built, the props (with pydantic) with the first construct
    from ..alicloud.cen_instance import CenInstance as CenInstanceResource
    from .props import CenInstanceAttributes, CenInstanceOptions, CenInstanceProps

__all__ = ["CenInstance", "CenInstanceAttributes", "CenInstanceOptions", "CenInstanceProps", "ICenInstance"]

__getattr__ = props_names(__name__, "CenInstanceAttributes", "CenInstanceOptions", "CenInstanceProps")


@runtime_checkable
class ICenInstance(Protocol):
    """A CEN instance: one this app creates (``CenInstance``) or one it only refers to
    (``CenInstance.from_cen_instance_attributes``)."""

    @property
    def cen_id(self) -> str:
        """The instance's id (``cen-...``), a token for one this app creates."""
        ...

    @property
    def existing_id(self) -> str | None:
        """The literal id when it is known before apply (adopted or referred to), else ``None``."""
        ...

    @property
    def provider(self) -> TerraformProvider | None:
        """The provider (account and region) the instance is managed with."""
        ...


class _CenInstanceReference(VpnConstruct):
    """An existing CEN instance, referred to by id: no resource, no import, Terraform never manages it."""

    def __init__(self, scope: Construct, id: str, cen_id: str, provider: TerraformProvider | None) -> None:
        super().__init__(scope, id)
        self.props: CenInstanceAttributes | None = self._props(load(".props").CenInstanceAttributes, {"cen_id": cen_id})
        self._provider = provider

    @property
    def cen_id(self) -> str:
        return self.props.cen_id if self.props is not None else self._unavailable()

    @property
    def existing_id(self) -> str | None:
        return self.props.cen_id if self.props is not None and not is_token(self.props.cen_id) else None

    @property
    def provider(self) -> TerraformProvider | None:
        return self._provider


class CenInstance(VpnConstruct):
    """A CEN instance; transit routers are created on it."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        provider: TerraformProvider | None = None,
        **options: Unpack[CenInstanceOptions],
    ) -> None:
        """Create a CEN instance (``alicloud_cen_instance``) under ``scope``, or adopt one with ``existing=``.

        ``provider``: the account and region to manage it with (default: the stack's default provider).
        ``options``: the console's fields, see ``CenInstanceProps``; problems are reported at synth."""
        super().__init__(scope, id)
        self.props: CenInstanceProps | None = self._props(load(".props").CenInstanceProps, options)
        self.provider = provider
        self.resource: CenInstanceResource | None = None
        if self.props is not None:
            self.resource = self._build(self._create)

    @staticmethod
    def from_cen_instance_attributes(
        scope: Construct, id: str, *, cen_id: str, provider: TerraformProvider | None = None
    ) -> ICenInstance:
        """Refer to an existing CEN instance by id, without Terraform taking it over (no resource, no import).

        ``cen_id`` may be a literal (``cen-...``) or a token, e.g. ``cen.cen_id`` of another stack."""
        return _CenInstanceReference(scope, id, cen_id, provider)

    def _create(self) -> CenInstanceResource:
        from ..alicloud.cen_instance import CenInstance as CenInstanceResource

        props = self.props
        assert props is not None
        resource = CenInstanceResource(
            self,
            "Resource",
            cen_instance_name=props.name,
            description=props.description,
            protection_level=props.protection_level,
            tags=props.tags,
            resource_group_id=props.resource_group_id,
            provider=self.provider,
        )
        if props.existing is not None:
            resource.import_from(props.existing, self.provider)
        return resource

    @cached_property
    def cen_id(self) -> str:
        """One token for every reader (each connection's attachment reads it)."""
        return self.resource.id if self.resource is not None else self._unavailable()

    @property
    def existing_id(self) -> str | None:
        return self.props.existing if self.props is not None else None
