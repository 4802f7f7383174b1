"""``TransitRouter``: an Enterprise Edition transit router on a CEN instance, with optional CIDR blocks."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol, Unpack, runtime_checkable

from ..core.construct import Construct
from ..core.provider import TerraformProvider
from ..core.resource import TerraformResource
from ._base import VpnConstruct, is_token, load, props_names
from .cen import ICenInstance

if TYPE_CHECKING:  # the bindings load when first used, the props (with pydantic) with the first construct
    from ..alicloud.cen_transit_router import CenTransitRouter
    from ..alicloud.data_alicloud_cen_transit_router_available_resources import (
        DataAlicloudCenTransitRouterAvailableResources,
    )
    from ..alicloud.data_alicloud_cen_transit_router_route_tables import DataAlicloudCenTransitRouterRouteTables
    from .ipsec_connection import IpsecConnection
    from .props import (
        IpsecConnectionOptions,
        TransitRouterAttributes,
        TransitRouterCidrBlock,
        TransitRouterOptions,
        TransitRouterProps,
    )

__all__ = [
    "ITransitRouter",
    "TransitRouter",
    "TransitRouterAttributes",
    "TransitRouterCidrBlock",
    "TransitRouterOptions",
    "TransitRouterProps",
]

__getattr__ = props_names(
    __name__, "TransitRouterAttributes", "TransitRouterCidrBlock", "TransitRouterOptions", "TransitRouterProps"
)


@runtime_checkable
class ITransitRouter(Protocol):
    """A transit router a connection binds to: one this app creates (``TransitRouter``) or one it only refers
    to (``TransitRouter.from_transit_router_attributes``), in this stack or another."""

    @property
    def transit_router_id(self) -> str:
        """The router's id (``tr-...``), never the composite ``<cen>:<tr>``."""
        ...

    @property
    def cen_id(self) -> str:
        """The id of the router's CEN instance."""
        ...

    @property
    def provider(self) -> TerraformProvider | None:
        """The provider (CEN account, region) the router is managed with."""
        ...

    @property
    def cidr_resources(self) -> list[TerraformResource]:
        """The router's CIDR blocks this app creates: connections wait for them."""
        ...

    @property
    def default_route_table_id(self) -> str:
        """The id of the router's default (System) route table."""
        ...

    @property
    def default_zone_id(self) -> str:
        """The first master zone: the console's default zone for a single-tunnel connection."""
        ...


class RouterLookups(VpnConstruct):
    """What every transit router can tell a connection by reading, not managing: its tables and zones."""

    provider: TerraformProvider | None

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        self._route_tables: DataAlicloudCenTransitRouterRouteTables | None = None
        self._zones: DataAlicloudCenTransitRouterAvailableResources | None = None
        self.tunnel_blocks: dict[Any, tuple[Any, Any]] = {}
        """The tunnel blocks its connections share (``ipsec_connection._tunnel_blocks``), with the router's life."""

    @property
    def transit_router_id(self) -> str:
        raise NotImplementedError

    @property
    def cen_id(self) -> str:
        raise NotImplementedError

    @property
    def cidr_resources(self) -> list[TerraformResource]:
        raise NotImplementedError

    def _literal_id(self) -> str | None:
        """The router's id when known before apply (lets Terraform read the table while planning imports)."""
        return None

    @cached_property
    def default_route_table_id(self) -> str:
        """The System route table, read with ``alicloud_cen_transit_router_route_tables`` (no resource has it):
        one data source and one token for all the router's connections."""
        if self._route_tables is None:
            from ..alicloud.data_alicloud_cen_transit_router_route_tables import (
                DataAlicloudCenTransitRouterRouteTables,
            )

            self._route_tables = DataAlicloudCenTransitRouterRouteTables(
                self,
                "SystemRouteTable",
                transit_router_id=self._literal_id() or self.transit_router_id,
                transit_router_route_table_type="System",
                provider=self.provider,
            )
        return str(self._route_tables.tables[0].get_attribute("id"))

    @cached_property
    def default_zone_id(self) -> str:
        """The first master zone of ``alicloud_cen_transit_router_available_resources`` (the console's default)."""
        if self._zones is None:
            from ..alicloud.data_alicloud_cen_transit_router_available_resources import (
                DataAlicloudCenTransitRouterAvailableResources,
            )

            self._zones = DataAlicloudCenTransitRouterAvailableResources(self, "AvailableZones", provider=self.provider)
        return str(self._zones.resources[0].get_attribute("master_zones")[0])

    def add_ipsec_connection(self, id: str, **options: Unpack[IpsecConnectionOptions]) -> IpsecConnection:
        """An IPsec connection bound to this transit router (created in this router's scope): dual-tunnel
        unless ``tunnel_mode="single"`` (see ``IpsecConnectionProps``)."""
        from .ipsec_connection import IpsecConnection

        return IpsecConnection(self, id, transit_router=self, **options)


class _TransitRouterReference(RouterLookups):
    """An existing transit router, referred to by id: no resource, no import, Terraform never manages it."""

    def __init__(
        self, scope: Construct, id: str, attributes: dict[str, str], provider: TerraformProvider | None
    ) -> None:
        super().__init__(scope, id)
        self.provider = provider
        self.props: TransitRouterAttributes | None = self._props(load(".props").TransitRouterAttributes, attributes)

    @property
    def transit_router_id(self) -> str:
        return self.props.transit_router_id if self.props is not None else self._unavailable()

    @property
    def cen_id(self) -> str:
        return self.props.cen_id if self.props is not None else self._unavailable()

    @property
    def cidr_resources(self) -> list[TerraformResource]:
        return []

    def _literal_id(self) -> str | None:
        router_id = self.props.transit_router_id if self.props is not None else None
        return router_id if router_id is not None and not is_token(router_id) else None


class TransitRouter(RouterLookups):
    """A transit router. References use ``transit_router_id``, never the composite ``<cen>:<tr>`` id."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        cen: ICenInstance,
        provider: TerraformProvider | None = None,
        **options: Unpack[TransitRouterOptions],
    ) -> None:
        """Create an Enterprise Edition transit router on ``cen``, or adopt one with ``existing=``.

        ``provider``: default ``cen``'s. ``options``: see ``TransitRouterProps``; problems are reported at synth."""
        super().__init__(scope, id)
        self.cen = cen
        self.provider = provider or cen.provider
        self.props: TransitRouterProps | None = self._props(load(".props").TransitRouterProps, options)
        self.resource: CenTransitRouter | None = None
        self._cidr_resources: list[TerraformResource] = []
        if self.props is not None:
            self.resource = self._build(self._create)

    @staticmethod
    def from_transit_router_attributes(
        scope: Construct, id: str, *, transit_router_id: str, cen_id: str, provider: TerraformProvider | None = None
    ) -> ITransitRouter:
        """Refer to an existing transit router, without Terraform taking it over (no resource, no import).

        The ids may be literals or tokens of another stack (``tr.transit_router_id``, ``tr.cen_id``);
        ``provider`` is the CEN account's. Connections bound to it read its System route table and zones."""
        return _TransitRouterReference(scope, id, {"transit_router_id": transit_router_id, "cen_id": cen_id}, provider)

    @property
    def cidr_resources(self) -> list[TerraformResource]:
        return self._cidr_resources

    def _create(self) -> CenTransitRouter:
        from ..alicloud.cen_transit_router import CenTransitRouter
        from ..alicloud.cen_transit_router_cidr import CenTransitRouterCidr

        props = self.props
        assert props is not None
        router = CenTransitRouter(
            self,
            "Resource",
            cen_id=self.cen.cen_id,
            transit_router_name=props.name,
            transit_router_description=props.description,
            tags=props.tags,
            provider=self.provider,
        )
        if props.existing is not None:
            if not self.cen.existing_id:
                self._problem_existing()
            else:
                router.import_from(f"{self.cen.existing_id}:{props.existing}", self.provider)
        for index, block in enumerate(props.cidr_blocks):
            self._cidr_resources.append(
                CenTransitRouterCidr(
                    self,
                    f"Cidr{index}",
                    transit_router_id=router.transit_router_id,
                    cidr=block.cidr,
                    transit_router_cidr_name=block.name,
                    description=block.description,
                    publish_cidr_route=block.publish_cidr_route,
                    provider=self.provider,
                )
            )
        return router

    def _problem_existing(self) -> None:
        from ..core.errors import Problem

        self._problems(
            [
                Problem(
                    self.node.path,
                    "an existing transit router can only be adopted with its CEN instance",
                    "existing",
                    "adopt-with-cen",
                    "pass existing='cen-...' to the CenInstance as well",
                )
            ]
        )

    @cached_property
    def transit_router_id(self) -> str:
        """One token for every reader (each connection's attachment reads it)."""
        return self.resource.transit_router_id if self.resource is not None else self._unavailable()

    @property
    def cen_id(self) -> str:
        return self.cen.cen_id

    def _literal_id(self) -> str | None:
        return self.props.existing if self.props is not None else None
