"""``IpsecConnection``: an IPsec-VPN connection bound to a transit router, with every console parameter.

One construct, several resources, in the order the console creates them and the reverse order it deletes
them (Terraform derives both from the references):

- ``Connection``: ``alicloud_vpn_gateway_vpn_attachment`` (the IPsec connection, single- or dual-tunnel);
- ``Grant`` (cross-account only): ``alicloud_cen_transit_router_grant_attachment``, in the VPN account;
- ``Attachment``: ``alicloud_cen_transit_router_vpn_attachment``, binding it to the transit router;
- ``Association`` / ``Propagation``: with the router's default (System) route table;
- ``Route-<cidr>``: ``alicloud_vpn_gateway_vco_route`` static routes toward the data center.

What the console cannot change once bound forces replacement in the provider: ``transit_router``,
``zone_id``, ``gateway_type``, ``tunnel_bandwidth`` and ``cross_account`` owner ids. Everything else
(customer gateway, routing mode, pre-shared key, IKE/IPsec/BGP/health check, DPD, NAT-T, name, advanced
options) is updated in place. ``protect=True`` sets ``prevent_destroy`` on the connection and attachment.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Protocol, TypedDict, Unpack, runtime_checkable

from pydantic import Field, model_validator

from ..codegen.runtime import shared_fields_set
from ..core.construct import Construct
from ..core.errors import Problem
from ..core.fn import Fn
from ..core.output import TerraformOutput
from ..core.provider import TerraformProvider
from ..core.resource import TerraformResource, TerraformResourceLifecycle
from ..core.tokens import Expression, Lazy, Token
from ..core.variable import TerraformVariable
from . import console
from ._base import PropsModel, VpnConstruct
from .customer_gateway import CustomerGateway, ICustomerGateway
from .options import (
    BgpConfig,
    Bool,
    CrossAccount,
    CustomerGatewayRef,
    ExistingConnection,
    HealthCheckConfig,
    IkeConfig,
    IpsecConfig,
    PskSource,
    StaticRoute,
    TunnelOptions,
    console_ike_config,
    console_ipsec_config,
    one_of,
)
from .rules import check_connection
from .transit_router import ITransitRouter
from .types import AS_IS, Cidr, Name100, ResourceId, Tags, is_token

if TYPE_CHECKING:  # the bindings load when a connection is built (and the grant, routes only when used)
    from ..alicloud.cen_transit_router_grant_attachment import CenTransitRouterGrantAttachment
    from ..alicloud.cen_transit_router_route_table_association import CenTransitRouterRouteTableAssociation
    from ..alicloud.cen_transit_router_route_table_propagation import CenTransitRouterRouteTablePropagation
    from ..alicloud.cen_transit_router_vpn_attachment import CenTransitRouterVpnAttachment
    from ..alicloud.vpn_gateway_vco_route import VpnGatewayVcoRoute
    from ..alicloud.vpn_gateway_vpn_attachment import VpnGatewayVpnAttachment

__all__ = [
    "IIpsecConnection",
    "IpsecConnection",
    "IpsecConnectionAttributes",
    "IpsecConnectionOptions",
    "IpsecConnectionProps",
]

DESTINATION_ROUTING = "0.0.0.0/0"
PAYER = {"cen_owner": "PayByCenOwner", "vpn_owner": "PayByResourceOwner"}


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


def _order_type(payer: str | Expression) -> str | Expression:
    """The API's ``order_type`` for ``payer``; for a token, Terraform looks it up."""
    if isinstance(payer, str) and not is_token(payer):
        return PAYER[payer]
    order_type: Expression = Fn.lookup(dict(PAYER), payer)  # without a default: the table indexed by the token
    return order_type


def _gateway_id(gateway: ICustomerGateway | str) -> str:
    return gateway if isinstance(gateway, str) else gateway.customer_gateway_id


def _psk_value(psk: str | TerraformVariable | Expression | None) -> str | Expression | None:
    if isinstance(psk, TerraformVariable):
        return psk.value
    if isinstance(psk, Expression):
        return psk
    return None if psk is None else str.__str__(psk)


def _ike(ike: IkeConfig, psk: str | TerraformVariable | Expression | None) -> dict[str, Any]:
    config = ike.model_dump(exclude_none=True)
    config["psk"] = _psk_value(psk)
    return config


@functools.lru_cache(maxsize=1024)
def _shared_tunnel_blocks(ike: IkeConfig, ipsec: IpsecConfig, psk: TerraformVariable | Expression | None) -> Any:
    """A tunnel's ``tunnel_ike_config`` and ``tunnel_ipsec_config`` blocks as the binding's frozen models, one pair
    per distinct settings and key source: a fleet's sites mostly share their proposals, and blocks given as
    models are not validated again (nor kept once per site)."""
    from ..alicloud import vpn_gateway_vpn_attachment as binding

    return (
        binding.VpnGatewayVpnAttachmentTunnelOptionsSpecificationTunnelIkeConfig(**_ike(ike, psk)),
        binding.VpnGatewayVpnAttachmentTunnelOptionsSpecificationTunnelIpsecConfig(**ipsec.model_dump()),
    )


def _tunnel_blocks(tunnel: TunnelOptions) -> tuple[Any, Any]:
    """``tunnel_ike_config`` and ``tunnel_ipsec_config`` of ``tunnel``; a literal key is never kept in a cache."""
    if isinstance(tunnel.psk, str) and not is_token(tunnel.psk):
        return _ike(tunnel.ike_config, tunnel.psk), tunnel.ipsec_config.model_dump()
    blocks: tuple[Any, Any] = _shared_tunnel_blocks(tunnel.ike_config, tunnel.ipsec_config, tunnel.psk)
    return blocks


def _bgp(bgp: BgpConfig | None) -> dict[str, Any]:
    if bgp is None:  # written out: an omitted block field would be sent as 0
        return {"enable": False, "local_asn": console.ALIBABA_CLOUD_ASN}
    return {"enable": True, **bgp.model_dump()}


def _health_check(check: HealthCheckConfig | None) -> dict[str, Any]:
    if check is None:
        return {"enable": False, "interval": console.HEALTH_CHECK_INTERVAL, "retry": console.HEALTH_CHECK_RETRY,
                "policy": console.HEALTH_CHECK_POLICY}  # fmt: skip
    policy = "revoke_route" if check.switch_route else "reserve_route"
    return {"enable": True, "dip": check.dip, "sip": check.sip, "interval": check.interval, "retry": check.retry,
            "policy": policy}  # fmt: skip


@runtime_checkable
class IIpsecConnection(Protocol):
    """An IPsec-VPN connection: one this app creates or one it only refers to."""

    @property
    def vpn_connection_id(self) -> str:
        """The connection's id (``vco-...``)."""
        ...

    @property
    def transit_router_attachment_id(self) -> str:
        """The TR attachment's id (``tr-attach-...``)."""
        ...


class IpsecConnectionAttributes(PropsModel):
    """What a reference to an existing connection needs."""

    vpn_connection_id: ResourceId
    """The connection's id (``vco-...``), or a token."""
    transit_router_attachment_id: ResourceId
    """Its TR attachment's id (``tr-attach-...``), or a token."""


class _IpsecConnectionReference(VpnConstruct):
    """An existing connection, referred to by id: no resource, no import, Terraform never manages it."""

    def __init__(self, scope: Construct, id: str, attributes: dict[str, str]) -> None:
        super().__init__(scope, id)
        self.props = self._props(IpsecConnectionAttributes, attributes)

    @property
    def vpn_connection_id(self) -> str:
        return self.props.vpn_connection_id if self.props is not None else self._unavailable()

    @property
    def transit_router_attachment_id(self) -> str:
        return self.props.transit_router_attachment_id if self.props is not None else self._unavailable()


class IpsecConnection(VpnConstruct):
    """An IPsec-VPN connection bound to ``transit_router``; ``provider`` is the VPN account's (cross-account)."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        transit_router: ITransitRouter,
        provider: TerraformProvider | None = None,
        **options: Unpack[IpsecConnectionOptions],
    ) -> None:
        """Create a connection bound to ``transit_router`` (created here or referred to by id), dual-tunnel
        unless ``tunnel_mode="single"``, or adopt one with ``existing=``.

        ``provider``: the VPN account's (default: the router's; required for ``cross_account``). ``options``:
        the console's dialog, see ``IpsecConnectionProps``; every problem is reported at synth, under this
        construct's path, and then nothing is built."""
        super().__init__(scope, id)
        self.transit_router = transit_router
        self.provider = provider or transit_router.provider
        self.props = self._props(IpsecConnectionProps, options)
        self.connection: VpnGatewayVpnAttachment | None = None
        self.attachment: CenTransitRouterVpnAttachment | None = None
        self.grant: CenTransitRouterGrantAttachment | None = None
        self.association: CenTransitRouterRouteTableAssociation | None = None
        self.propagation: CenTransitRouterRouteTablePropagation | None = None
        self.routes: list[VpnGatewayVcoRoute] = []
        self.psk_output: TerraformOutput | None = None
        if self.props is not None and self._check(self.props):
            self._build(self._create)
        self.node.default_child = self.connection

    @staticmethod
    def from_ipsec_connection_attributes(
        scope: Construct, id: str, *, vpn_connection_id: str, transit_router_attachment_id: str
    ) -> IIpsecConnection:
        """Refer to an existing connection by id, without Terraform taking it over (no resource, no import)."""
        return _IpsecConnectionReference(
            scope,
            id,
            {"vpn_connection_id": vpn_connection_id, "transit_router_attachment_id": transit_router_attachment_id},
        )

    # rules -------------------------------------------------------------------------------------------
    def _check(self, props: IpsecConnectionProps) -> bool:
        problems: list[Problem] = []
        for finding in check_connection(props):
            if finding.warning:
                self._warn(finding.rule, f"{finding.field}: {finding.message}; {finding.fix}")
            else:
                problems.append(Problem(self.node.path, finding.message, finding.field, finding.rule, finding.fix))
        if props.cross_account is not None and self.provider is self.transit_router.provider:
            problems.append(
                Problem(
                    self.node.path,
                    "a connection granted to another account's CEN must be created with that account's provider",
                    "cross_account",
                    "cross-account-provider",
                    "pass provider=<the VPN account's provider alias>; the transit router keeps the CEN account's",
                )
            )
        if props.cross_account is not None:
            problems.extend(self._gateway_providers(props))
        self._problems(problems)
        return not problems

    def _gateway_providers(self, props: IpsecConnectionProps) -> Iterator[Problem]:
        """Cross-account: a customer gateway this app creates must live in the VPN account too."""
        gateways = [("customer_gateway", props.customer_gateway)]
        if props.tunnels is not None and not props.short_form:
            gateways = [(f"tunnels[{i}].customer_gateway", t.customer_gateway) for i, t in enumerate(props.tunnels)]
        for field, gateway in gateways:
            if isinstance(gateway, CustomerGateway) and gateway.provider is not self.provider:
                yield Problem(
                    self.node.path,
                    f"customer gateway [{gateway.node.path}] is not created with the VPN account's provider",
                    field,
                    "cross-account-gateway-provider",
                    "create the CustomerGateway with provider=<the VPN account's provider>, the connection's",
                )

    # resources ---------------------------------------------------------------------------------------
    def _create(self) -> None:
        from ..alicloud.cen_transit_router_vpn_attachment import CenTransitRouterVpnAttachment
        from ..alicloud.vpn_gateway_vpn_attachment import VpnGatewayVpnAttachment

        props = self.props
        assert props is not None
        lifecycle = TerraformResourceLifecycle(prevent_destroy=True) if props.protect else None
        connection = VpnGatewayVpnAttachment(
            self,
            "Connection",
            vpn_attachment_name=props.name,
            network_type=props.gateway_type,
            local_subnet=",".join(props.local_subnets or [DESTINATION_ROUTING]),
            remote_subnet=",".join(props.remote_subnets or [DESTINATION_ROUTING]),
            effect_immediately=props.effect_immediately,
            resource_group_id=props.resource_group_id,
            tunnel_bandwidth=props.tunnel_bandwidth,
            tags=props.tags,
            health_check_config=None if props.tunnels is not None else _health_check(props.health_check),
            provider=self.provider,
            lifecycle=lifecycle,
            **self._tunnel_arguments(props),
        )
        self.connection = connection
        if props.existing is not None:
            connection.import_from(props.existing.vpn_connection_id, self.provider)
        if props.psk is None and (props.tunnels is None or any(t.psk is None for t in props.tunnels)):
            self.psk_output = TerraformOutput(
                self,
                "Psk",
                value=self._generated_psk_expression(connection, dual=props.tunnels is not None),
                sensitive=True,
                description="pre-shared key(s) generated by the cloud",
            )
        depends: list[TerraformResource] = list(self.transit_router.cidr_resources)
        cross = props.cross_account
        if cross is not None:
            from ..alicloud.cen_transit_router_grant_attachment import CenTransitRouterGrantAttachment

            self.grant = CenTransitRouterGrantAttachment(
                self,
                "Grant",
                cen_id=self.transit_router.cen_id,
                cen_owner_id=cross.cen_owner_id,
                instance_id=connection.id,
                instance_type="VPN",
                order_type=_order_type(cross.payer),
                provider=self.provider,
            )
            depends.append(self.grant)
        attachment = CenTransitRouterVpnAttachment(
            self,
            "Attachment",
            cen_id=self.transit_router.cen_id,
            transit_router_id=self.transit_router.transit_router_id,
            vpn_id=connection.id,
            vpn_owner_id=cross.vpn_owner_id if cross else None,
            order_type=_order_type(cross.payer) if cross else None,
            auto_publish_route_enabled=props.advertise_routes,
            transit_router_vpn_attachment_name=props.name,
            zone=None
            if props.tunnels is not None
            else [{"zone_id": props.zone_id or self.transit_router.default_zone_id}],
            tags=props.tags,
            depends_on=depends or None,
            provider=self.transit_router.provider,
            lifecycle=lifecycle,
        )
        self.attachment = attachment
        self._route_tables(props, attachment)
        if props.static_routes:
            self._static_routes(props.static_routes, connection, attachment)
        self._adopt(props)

    def _static_routes(
        self, routes: list[StaticRoute], connection: VpnGatewayVpnAttachment, attachment: CenTransitRouterVpnAttachment
    ) -> None:
        from ..alicloud.vpn_gateway_vco_route import VpnGatewayVcoRoute

        connection_id = connection.id
        for route in routes:
            self.routes.append(
                VpnGatewayVcoRoute(
                    self,
                    f"Route-{route.destination}",
                    vpn_connection_id=connection_id,
                    next_hop=connection_id,
                    route_dest=route.destination,
                    weight=route.weight,
                    depends_on=[attachment],
                    provider=self.provider,
                )
            )

    def _tunnel_arguments(self, props: IpsecConnectionProps) -> dict[str, Any]:
        if props.tunnels is None:
            assert props.customer_gateway is not None
            return {
                "customer_gateway_id": _gateway_id(props.customer_gateway),
                "enable_dpd": props.enable_dpd,
                "enable_nat_traversal": props.enable_nat_traversal,
                "ike_config": _ike(props.ike_config, props.psk),
                "ipsec_config": props.ipsec_config.model_dump(),
                "bgp_config": _bgp(props.bgp),
            }
        tunnels = []
        specs: dict[int, dict[str, Any]] = {}  # by tunnel: the short form's two are one object without BGP
        for index, tunnel in enumerate(props.tunnels, start=1):
            spec = specs.get(id(tunnel))
            if spec is None:
                ike, ipsec = _tunnel_blocks(tunnel)
                spec = specs[id(tunnel)] = {
                    "customer_gateway_id": _gateway_id(tunnel.customer_gateway),
                    "enable_dpd": tunnel.enable_dpd,
                    "enable_nat_traversal": tunnel.enable_nat_traversal,
                    "tunnel_ike_config": ike,
                    "tunnel_ipsec_config": ipsec,
                }
                if tunnel.bgp is not None:
                    spec["tunnel_bgp_config"] = tunnel.bgp.model_dump()
            tunnels.append({"tunnel_index": index, **spec})
        return {
            "tunnel_options_specification": tunnels,
            "enable_tunnels_bgp": any(t.bgp is not None for t in props.tunnels),
        }

    @staticmethod
    def _generated_psk_expression(connection: VpnGatewayVpnAttachment, *, dual: bool) -> Any:
        def expression() -> Any:
            if dual:  # a set: no index, so list every tunnel's key
                return Token.raw_expression(
                    f"[for t in {connection.fqn}.tunnel_options_specification : t.tunnel_ike_config[0].psk]"
                )
            return Token.raw_expression(f"{connection.fqn}.ike_config[0].psk")

        return Lazy.any_value(expression)

    def _route_tables(self, props: IpsecConnectionProps, attachment: CenTransitRouterVpnAttachment) -> None:
        from ..alicloud.cen_transit_router_route_table_association import CenTransitRouterRouteTableAssociation
        from ..alicloud.cen_transit_router_route_table_propagation import CenTransitRouterRouteTablePropagation

        router = self.transit_router
        attachment_id = attachment.id  # one token for both
        if props.associate_default_route_table:
            self.association = CenTransitRouterRouteTableAssociation(
                self,
                "Association",
                transit_router_attachment_id=attachment_id,
                transit_router_route_table_id=router.default_route_table_id,
                provider=router.provider,
            )
        if props.propagate_to_default_route_table:
            self.propagation = CenTransitRouterRouteTablePropagation(
                self,
                "Propagation",
                transit_router_attachment_id=attachment_id,
                transit_router_route_table_id=router.default_route_table_id,
                provider=router.provider,
            )

    def _adopt(self, props: IpsecConnectionProps) -> None:
        existing = props.existing
        if existing is None or existing.transit_router_attachment_id is None or self.attachment is None:
            return
        attachment_id = existing.transit_router_attachment_id
        self.attachment.import_from(attachment_id, self.transit_router.provider)
        table = self.transit_router.default_route_table_id
        for bound in (self.association, self.propagation):
            if bound is not None:
                bound.import_from(f"{attachment_id}:{table}", self.transit_router.provider)
        if self.grant is not None and props.cross_account is not None:
            owner = props.cross_account.cen_owner_id
            self.grant.import_from(
                f"VPN:{existing.vpn_connection_id}:{owner}:{self.transit_router.cen_id}", self.provider
            )

    # attributes --------------------------------------------------------------------------------------
    @property
    def vpn_connection_id(self) -> str:
        """The connection's id (``vco-...``)."""
        return self.connection.id if self.connection is not None else self._unavailable()

    @property
    def transit_router_attachment_id(self) -> str:
        """The TR attachment's id (``tr-attach-...``)."""
        return self.attachment.id if self.attachment is not None else self._unavailable()
