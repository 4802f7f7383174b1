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

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol, Unpack, runtime_checkable

from ..core.construct import Construct
from ..core.errors import Problem
from ..core.fn import Fn
from ..core.output import TerraformOutput
from ..core.provider import TerraformProvider
from ..core.resource import TerraformResource, TerraformResourceLifecycle
from ..core.tokens import Expression, Lazy, Token
from ..core.variable import TerraformVariable
from . import console
from ._base import VpnConstruct, is_token, load, props_names
from .customer_gateway import CustomerGateway, ICustomerGateway
from .transit_router import ITransitRouter, RouterLookups

if TYPE_CHECKING:  # the bindings load when a connection is built (and the grant, routes only when used); the
    # props, option models and rules (with pydantic) with the first construct
    from ..alicloud.cen_transit_router_grant_attachment import CenTransitRouterGrantAttachment
    from ..alicloud.cen_transit_router_route_table_association import CenTransitRouterRouteTableAssociation
    from ..alicloud.cen_transit_router_route_table_propagation import CenTransitRouterRouteTablePropagation
    from ..alicloud.cen_transit_router_vpn_attachment import CenTransitRouterVpnAttachment
    from ..alicloud.vpn_gateway_vco_route import VpnGatewayVcoRoute
    from ..alicloud.vpn_gateway_vpn_attachment import VpnGatewayVpnAttachment
    from .options import BgpConfig, HealthCheckConfig, IkeConfig, StaticRoute, TunnelOptions
    from .props import IpsecConnectionAttributes, IpsecConnectionOptions, IpsecConnectionProps
    from .rules import Finding

__all__ = [
    "IIpsecConnection",
    "IpsecConnection",
    "IpsecConnectionAttributes",
    "IpsecConnectionOptions",
    "IpsecConnectionProps",
]

__getattr__ = props_names(__name__, "IpsecConnectionAttributes", "IpsecConnectionOptions", "IpsecConnectionProps")

DESTINATION_ROUTING = "0.0.0.0/0"
PAYER = {"cen_owner": "PayByCenOwner", "vpn_owner": "PayByResourceOwner"}


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


def _tunnel_blocks(tunnel: TunnelOptions, shared: dict[Any, tuple[Any, Any]] | None) -> tuple[Any, Any]:
    """``tunnel_ike_config`` and ``tunnel_ipsec_config`` of ``tunnel``. Given the ``shared`` blocks of the transit
    router's connections (which live with it), as the binding's frozen models, one pair per distinct settings and
    key source: a fleet's sites mostly share their proposals, and blocks given as models are not validated again
    (nor kept once per site). A literal key is never kept there."""
    if shared is None or (isinstance(tunnel.psk, str) and not is_token(tunnel.psk)):
        return _ike(tunnel.ike_config, tunnel.psk), tunnel.ipsec_config.model_dump()
    key = (tunnel.ike_config, tunnel.ipsec_config, tunnel.psk)
    blocks = shared.get(key)
    if blocks is None:
        from ..alicloud import vpn_gateway_vpn_attachment as binding

        blocks = shared[key] = (
            binding.VpnGatewayVpnAttachmentTunnelOptionsSpecificationTunnelIkeConfig(
                **_ike(tunnel.ike_config, tunnel.psk)
            ),
            binding.VpnGatewayVpnAttachmentTunnelOptionsSpecificationTunnelIpsecConfig(
                **tunnel.ipsec_config.model_dump()
            ),
        )
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


class _IpsecConnectionReference(VpnConstruct):
    """An existing connection, referred to by id: no resource, no import, Terraform never manages it."""

    def __init__(self, scope: Construct, id: str, attributes: dict[str, str]) -> None:
        super().__init__(scope, id)
        self.props: IpsecConnectionAttributes | None = self._props(load(".props").IpsecConnectionAttributes, attributes)

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
        self.props: IpsecConnectionProps | None = self._props(load(".props").IpsecConnectionProps, options)
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
        findings: list[Finding] = load(".rules").check_connection(props)
        for finding in findings:
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
        router = self.transit_router
        shared = router.tunnel_blocks if isinstance(router, RouterLookups) else None
        for index, tunnel in enumerate(props.tunnels, start=1):
            spec = specs.get(id(tunnel))
            if spec is None:
                ike, ipsec = _tunnel_blocks(tunnel, shared)
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
