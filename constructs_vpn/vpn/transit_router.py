"""``TransitRouter``: an Enterprise Edition transit router on a CEN instance, with optional CIDR blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict, Unpack

from ..alicloud.cen_transit_router import CenTransitRouter
from ..alicloud.cen_transit_router_cidr import CenTransitRouterCidr
from ..alicloud.data_alicloud_cen_transit_router_available_resources import (
    DataAlicloudCenTransitRouterAvailableResources,
)
from ..alicloud.data_alicloud_cen_transit_router_route_tables import DataAlicloudCenTransitRouterRouteTables
from ..core.construct import Construct
from ..core.provider import TerraformProvider
from ..core.resource import TerraformResource
from ._base import PropsModel, VpnConstruct
from .cen import CenInstance
from .options import Bool
from .types import Cidr

if TYPE_CHECKING:
    from .ipsec_connection import IpsecConnection, IpsecConnectionOptions

__all__ = ["TransitRouter", "TransitRouterCidrBlock", "TransitRouterOptions", "TransitRouterProps"]


class TransitRouterCidrBlock(PropsModel):
    """A CIDR block of the transit router (``alicloud_cen_transit_router_cidr``), used for private IPsec
    connections and VBR addresses."""

    cidr: Cidr
    """The block, e.g. ``192.168.0.0/24``."""
    name: str | None = None
    """Name. Default: none."""
    description: str | None = None
    """Description. Default: none."""
    publish_cidr_route: Bool = True
    """Advertise a blackhole route for the block to the TR's route table. Default on (the console's)."""


class TransitRouterProps(PropsModel):
    """The console's "Create Transit Router" dialog."""

    name: str | None = None
    """Name. Default: none."""
    description: str | None = None
    """Description. Default: none."""
    cidr_blocks: list[TransitRouterCidrBlock] = []
    """CIDR blocks. Default: none."""
    tags: dict[str, str] | None = None
    """Tags. Default: none."""
    existing: str | None = None
    """Adopt an existing transit router by id (``tr-...``); its CEN must be adopted too (``existing``).
    Default: create a new one."""


class TransitRouterOptions(TypedDict, total=False):
    """Keyword arguments of ``TransitRouter`` (checked at run time by ``TransitRouterProps``)."""

    name: str
    description: str
    cidr_blocks: list[TransitRouterCidrBlock]
    tags: dict[str, str]
    existing: str


class TransitRouter(VpnConstruct):
    """A transit router. References use ``transit_router_id``, never the composite ``<cen>:<tr>`` id."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        cen: CenInstance,
        provider: TerraformProvider | None = None,
        **options: Unpack[TransitRouterOptions],
    ) -> None:
        super().__init__(scope, id)
        self.cen = cen
        self.provider = provider or cen.provider
        self.props = self._props(TransitRouterProps, options)
        self.resource: CenTransitRouter | None = None
        self.cidr_resources: list[TerraformResource] = []
        self._route_tables: DataAlicloudCenTransitRouterRouteTables | None = None
        self._zones: DataAlicloudCenTransitRouterAvailableResources | None = None
        if self.props is not None:
            self.resource = self._build(self._create)

    def _create(self) -> CenTransitRouter:
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
        if props.existing:
            if not self.cen.existing_id:
                self._problem_existing()
            else:
                router.import_from(f"{self.cen.existing_id}:{props.existing}", self.provider)
        for index, block in enumerate(props.cidr_blocks):
            self.cidr_resources.append(
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

    @property
    def transit_router_id(self) -> str:
        return self.resource.transit_router_id if self.resource is not None else self._unavailable()

    @property
    def cen_id(self) -> str:
        return self.cen.cen_id

    @property
    def default_route_table_id(self) -> str:
        """The System route table, read with ``alicloud_cen_transit_router_route_tables`` (no resource has it)."""
        if self._route_tables is None:
            # An adopted router's literal id lets Terraform read the table while it plans the imports.
            router_id = (
                self.props.existing if self.props is not None and self.props.existing else self.transit_router_id
            )
            self._route_tables = DataAlicloudCenTransitRouterRouteTables(
                self,
                "SystemRouteTable",
                transit_router_id=router_id,
                transit_router_route_table_type="System",
                provider=self.provider,
            )
        return str(self._route_tables.tables[0].get_attribute("id"))

    @property
    def default_zone_id(self) -> str:
        """The first master zone of ``alicloud_cen_transit_router_available_resources`` (the console's default)."""
        if self._zones is None:
            self._zones = DataAlicloudCenTransitRouterAvailableResources(self, "AvailableZones", provider=self.provider)
        return str(self._zones.resources[0].get_attribute("master_zones")[0])

    def add_ipsec_connection(self, id: str, **options: Unpack[IpsecConnectionOptions]) -> IpsecConnection:
        """An IPsec connection bound to this transit router (created in this router's scope)."""
        from .ipsec_connection import IpsecConnection

        return IpsecConnection(self, id, transit_router=self, **options)
