"""What each VPN construct takes: its keyword arguments (a ``TypedDict``, for type checkers and editors) and the
props model that checks them at run time, the console's dialog field for field.

The constructs load this module (and with it pydantic, the option models and the value types) when the first
of them is built (``_base.load``), not when they are imported; each construct's module still has its names
(``from constructs_vpn.vpn.cen import CenInstanceProps``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, TypedDict, TypeVar

from pydantic import BaseModel, Field, model_validator
from pydantic import ValidationError as PydanticValidationError

from ..codegen.runtime import problems_from, shared_fields_set
from ..core.errors import Problem
from ..core.tokens import Expression
from ..core.variable import TerraformVariable
from . import console
from .customer_gateway import ICustomerGateway
from .options import (
    BgpConfig,
    Bool,
    CrossAccount,
    CustomerGatewayRef,
    ExistingConnection,
    HealthCheckConfig,
    IkeConfig,
    IpsecConfig,
    PropsModel,
    PskSource,
    StaticRoute,
    TunnelOptions,
    console_ike_config,
    console_ipsec_config,
    one_of,
)
from .types import AS_IS, Asn, Cidr, Description, Ipv4, Name100, Name128, ResourceId, Tags

__all__ = [
    "CenInstanceAttributes",
    "CenInstanceOptions",
    "CenInstanceProps",
    "CustomerGatewayAttributes",
    "CustomerGatewayOptions",
    "CustomerGatewayProps",
    "IpsecConnectionAttributes",
    "IpsecConnectionOptions",
    "IpsecConnectionProps",
    "TransitRouterAttributes",
    "TransitRouterCidrBlock",
    "TransitRouterOptions",
    "TransitRouterProps",
    "validated",
]

M = TypeVar("M", bound=BaseModel)


def validated(model: type[M], data: Mapping[str, Any], path: str) -> tuple[M | None, list[Problem]]:
    """``data`` validated into ``model``: the model, or ``None`` and every problem, under ``path`` (the
    construct's)."""
    try:
        return model.model_validate(dict(data)), []
    except PydanticValidationError as error:
        return None, problems_from(error, model, path)


class CenInstanceProps(PropsModel):
    """The console's "Create CEN Instance" dialog."""

    name: Name128 | None = None
    """Name, 1-128 characters. Default: none."""
    description: Description | None = None
    """Description, 1-256 characters. Default: none."""
    protection_level: Annotated[str, one_of("REDUCED"), AS_IS] = "REDUCED"
    """CIDR overlap protection; ``REDUCED`` (the console's only choice, default) allows overlapping CIDRs
    that are not identical."""
    tags: Tags | None = None
    """Tags. Default: none."""
    resource_group_id: ResourceId | None = None
    """Resource group. Default: the account's default group."""
    existing: ResourceId | None = None
    """Adopt an existing CEN instance by id (``cen-...``): emits a Terraform ``import`` block.
    Default: create a new one."""


class CenInstanceAttributes(PropsModel):
    """What a reference to an existing CEN instance needs: its id."""

    cen_id: ResourceId
    """The instance's id (``cen-...``), or a token (e.g. another stack's ``cen.cen_id``)."""


class CenInstanceOptions(TypedDict, total=False):
    """Keyword arguments of ``CenInstance`` (checked at run time by ``CenInstanceProps``)."""

    name: str
    description: str
    protection_level: str
    tags: dict[str, str]
    resource_group_id: str
    existing: str


class CustomerGatewayProps(PropsModel):
    """The console's "Create Customer Gateway" dialog. ``ip_address`` and ``asn`` force replacement."""

    ip_address: Ipv4
    """The device's public (or, for a private connection, private) IPv4 address. Changing it replaces the
    customer gateway."""
    asn: Asn | None = None
    """The device's ASN, needed for BGP; 1-4294967295, dotted ``123.456`` accepted. Default: none."""
    name: Name100 | None = None
    """Name, 1-100 characters. Default: none (the console leaves it empty)."""
    description: Description | None = None
    """Description. Default: none."""
    tags: Tags | None = None
    """Tags. Default: none."""
    existing: ResourceId | None = None
    """Adopt an existing customer gateway by id (``cgw-...``): emits a Terraform ``import`` block.
    Default: create a new one."""


class CustomerGatewayAttributes(PropsModel):
    """What a reference to an existing customer gateway needs: its id."""

    customer_gateway_id: ResourceId
    """The gateway's id (``cgw-...``), or a token (e.g. another stack's ``cgw.customer_gateway_id``)."""


class CustomerGatewayOptions(TypedDict, total=False):
    """Keyword arguments of ``CustomerGateway`` (checked at run time by ``CustomerGatewayProps``)."""

    ip_address: str
    asn: int | str
    name: str
    description: str
    tags: dict[str, str]
    existing: str


class TransitRouterCidrBlock(PropsModel):
    """A CIDR block of the transit router (``alicloud_cen_transit_router_cidr``), used for private IPsec
    connections and VBR addresses."""

    cidr: Cidr
    """The block, e.g. ``192.168.0.0/24``."""
    name: Name128 | None = None
    """Name. Default: none."""
    description: Description | None = None
    """Description. Default: none."""
    publish_cidr_route: Bool = True
    """Advertise a blackhole route for the block to the TR's route table. Default on (the console's)."""


class TransitRouterProps(PropsModel):
    """The console's "Create Transit Router" dialog."""

    name: Name128 | None = None
    """Name. Default: none."""
    description: Description | None = None
    """Description. Default: none."""
    cidr_blocks: list[TransitRouterCidrBlock] = []
    """CIDR blocks. Default: none."""
    tags: Tags | None = None
    """Tags. Default: none."""
    existing: ResourceId | None = None
    """Adopt an existing transit router by id (``tr-...``); its CEN must be adopted too (``existing``).
    Default: create a new one."""


class TransitRouterAttributes(PropsModel):
    """What a reference to an existing transit router needs."""

    transit_router_id: ResourceId
    """The router's id (``tr-...``), or a token (e.g. another stack's ``tr.transit_router_id``)."""
    cen_id: ResourceId
    """The id of its CEN instance (``cen-...``), or a token."""


class TransitRouterOptions(TypedDict, total=False):
    """Keyword arguments of ``TransitRouter`` (checked at run time by ``TransitRouterProps``)."""

    name: str
    description: str
    cidr_blocks: list[TransitRouterCidrBlock | dict[str, Any]]
    tags: dict[str, str]
    existing: str


class IpsecConnectionProps(PropsModel):
    """The console's "Create IPsec-VPN Connection" dialog, bound to a transit router.

    Dual-tunnel by default, as the cloud creates new connections: two tunnels, both active, equal-cost (ECMP)
    paths spread across two zones. The short form (``customer_gateway=``, ``psk=``, ...) applies the top-level
    settings (customer gateway, key, IKE, IPsec, DPD, NAT-T) to both tunnels, with ``tunnels_bgp`` for each
    tunnel's BGP; ``tunnels=[...]`` sets each tunnel on its own (e.g. two devices). ``tunnel_mode="single"``
    (or ``existing=`` alone) is one tunnel, for the regions that still accept it and for adopted connections."""

    name: Name100 | None = None
    """Name (``vpn_attachment_name``, also the TR attachment's), 1-100 characters. Default: none."""
    resource_group_id: ResourceId | None = None
    """Resource group. Default: the account's default group."""
    gateway_type: Annotated[str, one_of("public", "private"), AS_IS] = "public"
    """``public`` (default, over the Internet) or ``private`` (over Express Connect). Forces replacement."""
    zone_id: ResourceId | None = None
    """Zone of the TR attachment (``tunnel_mode="single"`` only: the cloud picks a dual-tunnel's two zones).
    Default: the first master zone of ``alicloud_cen_transit_router_available_resources``, as the console
    picks. Forces replacement."""
    local_subnets: list[Cidr] | None = None
    """Protected data flows, cloud side. Default (with ``remote_subnets``): destination routing,
    0.0.0.0/0 both sides. More than one CIDR on either side needs IKEv2."""
    remote_subnets: list[Cidr] | None = None
    """Protected data flows, data center side; must not overlap ``local_subnets``. Default: 0.0.0.0/0
    (destination routing), with ``local_subnets``."""
    effect_immediately: Bool = True
    """Negotiate as soon as the connection is created. Default yes (the console's; the docs say no)."""
    customer_gateway: CustomerGatewayRef | None = None
    """The data center gateway, of both tunnels (or of the one with ``tunnel_mode="single"``). Default: none;
    required unless ``tunnels`` is given."""
    psk: PskSource | None = None
    """Pre-shared key of both tunnels (or the single one): a sensitive ``TerraformVariable`` (recommended) or
    a literal (a warning: it lands in the JSON). Default: none; the cloud generates 16 characters per tunnel,
    exposed as the sensitive output ``Psk``."""
    ike_config: IkeConfig = Field(default_factory=console_ike_config)
    """Phase 1, of both tunnels (or the single one). Default: the console's (ikev2, main, aes, sha1, group2,
    86400 s)."""
    ipsec_config: IpsecConfig = Field(default_factory=console_ipsec_config)
    """Phase 2, of both tunnels (or the single one). Default: the console's (aes, sha1, group2, 86400 s)."""
    enable_dpd: Bool = True
    """Dead peer detection, on both tunnels (or the single one). Default on."""
    enable_nat_traversal: Bool = True
    """NAT traversal, on both tunnels (or the single one). Default on."""
    bgp: BgpConfig | None = None
    """BGP of a ``tunnel_mode="single"`` connection (dual-tunnel: ``tunnels_bgp``). Default: off."""
    health_check: HealthCheckConfig | None = None
    """Health check (``tunnel_mode="single"`` only: the API takes none for a dual-tunnel connection, see
    ``console.HEALTH_CHECK_DUAL_TUNNEL``). Default: off."""
    tunnel_mode: Annotated[str, one_of("dual", "single"), AS_IS] | None = None
    """``dual``: two ECMP tunnels with the top-level settings (the short form), or with ``tunnels``.
    ``single``: one tunnel (only for regions that still accept it, with the warning ``vpn:single-tunnel``,
    or adopted connections). Default: ``dual``; with ``existing=`` and no ``tunnels``, ``single``, the shape
    of the connections made before dual-tunnel (give ``dual`` to adopt a dual-tunnel one)."""
    tunnels: list[TunnelOptions] | None = None
    """Dual-tunnel mode with per-tunnel settings: exactly two tunnels, both active (ECMP, not
    active/standby), tunnel 1 then tunnel 2. Default: both tunnels from the top-level settings."""
    tunnels_bgp: list[BgpConfig] | None = None
    """BGP of each tunnel in the short form (without ``tunnels``): two ``BgpConfig``, tunnel 1 then
    tunnel 2, each with its own tunnel CIDR. Default: BGP off."""
    advertise_routes: Bool = True
    """Let the TR advertise its routes to the connection (``auto_publish_route_enabled``). Default on."""
    associate_default_route_table: Bool = True
    """Associate the attachment with the TR's default route table. Default on."""
    propagate_to_default_route_table: Bool = True
    """Advertise the connection's (system) routes to the TR's default route table. Default on."""
    static_routes: list[StaticRoute] = []
    """Routes toward the data center through this connection. Default: none."""
    tunnel_bandwidth: Annotated[str, one_of("Standard", "Large"), AS_IS] | None = None
    """``Standard`` or ``Large``. Default: the cloud's (Standard). Forces replacement."""
    cross_account: CrossAccount | None = None
    """Bind to a transit router of another account. Default: same account."""
    existing: ExistingConnection | None = None
    """Adopt an existing connection (and attachment): emits ``import`` blocks. Default: create a new one."""
    protect: Bool = False
    """Set ``prevent_destroy`` on the connection and its attachment. Default off."""
    tags: Tags | None = None
    """Tags of the connection and attachment. Default: none."""

    @property
    def dual_tunnel(self) -> bool:
        """Whether the connection is dual-tunnel, from ``tunnels``, ``tunnel_mode`` and ``existing``."""
        if self.tunnels is not None:
            return True
        if self.tunnel_mode is not None:
            return self.tunnel_mode == "dual"
        return self.existing is None

    @property
    def short_form(self) -> bool:
        """Whether ``tunnels`` holds the top-level settings twice (expanded here) rather than the user's."""
        return self.tunnels is not None and "tunnels" not in self.__pydantic_fields_set__

    @model_validator(mode="after")
    def _expand_short_form(self) -> IpsecConnectionProps:
        """Dual-tunnel without ``tunnels``: the same settings on both tunnels.

        Filled in place, with ``tunnels`` out of the fields set (that marks the short form): the values are
        validated already, and copying the whole model for each connection showed in profiles."""
        if not self.dual_tunnel or self.tunnels is not None or self.customer_gateway is None:
            return self
        bgps: list[BgpConfig | None] = list(self.tunnels_bgp) if self.tunnels_bgp is not None else [None, None]
        if len(bgps) != console.DUAL_TUNNEL_COUNT:
            return self  # reported by the rules
        shared: dict[str, Any] = {
            "customer_gateway": self.customer_gateway,
            "psk": self.psk,
            "ike_config": self.ike_config,
            "ipsec_config": self.ipsec_config,
            "enable_dpd": self.enable_dpd,
            "enable_nat_traversal": self.enable_nat_traversal,
        }
        first = TunnelOptions.model_construct(**shared, bgp=bgps[0])
        second = first if bgps[1] is bgps[0] else TunnelOptions.model_construct(**shared, bgp=bgps[1])
        self.__dict__["tunnels"] = [first, second]  # one object twice without BGP: frozen, so safe to share
        fields_set = shared_fields_set(self.__pydantic_fields_set__ - {"tunnels"})  # given as None
        object.__setattr__(self, "__pydantic_fields_set__", fields_set)
        return self


class IpsecConnectionAttributes(PropsModel):
    """What a reference to an existing connection needs."""

    vpn_connection_id: ResourceId
    """The connection's id (``vco-...``), or a token."""
    transit_router_attachment_id: ResourceId
    """Its TR attachment's id (``tr-attach-...``), or a token."""


class IpsecConnectionOptions(TypedDict, total=False):
    """Keyword arguments of ``IpsecConnection`` (checked at run time by ``IpsecConnectionProps``)."""

    name: str
    resource_group_id: str
    gateway_type: str
    zone_id: str
    local_subnets: list[str]
    remote_subnets: list[str]
    effect_immediately: bool
    customer_gateway: ICustomerGateway | str
    psk: str | TerraformVariable | Expression
    ike_config: IkeConfig | dict[str, Any]
    ipsec_config: IpsecConfig | dict[str, Any]
    enable_dpd: bool
    enable_nat_traversal: bool
    bgp: BgpConfig | dict[str, Any]
    health_check: HealthCheckConfig | dict[str, Any]
    tunnel_mode: str
    tunnels: list[TunnelOptions | dict[str, Any]]
    tunnels_bgp: list[BgpConfig | dict[str, Any]]
    advertise_routes: bool
    associate_default_route_table: bool
    propagate_to_default_route_table: bool
    static_routes: list[StaticRoute | dict[str, Any]]
    tunnel_bandwidth: str
    cross_account: CrossAccount | dict[str, Any]
    existing: ExistingConnection | dict[str, Any]
    protect: bool
    tags: dict[str, str]
