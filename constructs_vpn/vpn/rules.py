"""The console's cross-field rules for an IPsec connection, each with a stable id.

Single-field rules live in the types (``types.py``) and models (``options.py``); what needs several fields,
or a customer gateway, is here. A rule yields ``Finding``s: errors stop synth, warnings (with an id the
user can acknowledge) do not, unless the app is strict. Tokens skip value checks.
"""

from __future__ import annotations

import ipaddress
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.tokens import Token
from ..core.variable import TerraformVariable
from . import console
from .customer_gateway import CustomerGateway
from .options import WEAK_CHOICES, BgpConfig, IkeConfig, IpsecConfig
from .types import address_scope, is_private_asn, is_token

if TYPE_CHECKING:
    from .props import IpsecConnectionProps

__all__ = ["RULES", "Finding", "check_connection"]

#: Fields of a single-tunnel connection (with ``tunnels``, each tunnel has its own).
SINGLE_TUNNEL_FIELDS = (
    "customer_gateway",
    "psk",
    "ike_config",
    "ipsec_config",
    "enable_dpd",
    "enable_nat_traversal",
    "bgp",
    "zone_id",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's verdict on one field."""

    field: str
    rule: str
    message: str
    fix: str = ""
    warning: bool = False


Rule = Callable[["IpsecConnectionProps", "list[_Tunnel]"], Iterator[Finding]]
RULES: list[Rule] = []


def rule(function: Rule) -> Rule:
    RULES.append(function)
    return function


def check_connection(props: IpsecConnectionProps) -> list[Finding]:
    """Every finding once: the short form's two tunnels share their settings, so their findings coincide.

    The tunnels are listed once and handed to every rule (each used to list them again)."""
    tunnels = _tunnels(props)
    return list(dict.fromkeys(finding for check in RULES for finding in check(props, tunnels)))


class _Tunnel(NamedTuple):
    """One tunnel's settings, with the field names the user gave them under (a tuple: two per connection)."""

    prefix: str
    """Of ``customer_gateway``, ``psk``, ``ike_config``, ``ipsec_config``: ``""`` or ``"tunnels[0]."``."""
    bgp_field: str
    """``bgp`` (single-tunnel), ``tunnels_bgp[0]`` (the short form) or ``tunnels[0].bgp``."""
    customer_gateway: Any
    psk: Any
    ike: IkeConfig
    ipsec: IpsecConfig
    bgp: BgpConfig | None


def _tunnels(props: IpsecConnectionProps) -> list[_Tunnel]:
    """Each tunnel: one for single-tunnel, two for dual-tunnel (the short form's under the top-level names)."""
    if props.tunnels is None:
        return [_Tunnel("", "bgp", props.customer_gateway, props.psk, props.ike_config, props.ipsec_config, props.bgp)]
    short_form = props.short_form
    return [
        _Tunnel(
            "" if short_form else f"tunnels[{index}].",
            f"tunnels_bgp[{index}]" if short_form else f"tunnels[{index}].bgp",
            tunnel.customer_gateway,
            tunnel.psk,
            tunnel.ike_config,
            tunnel.ipsec_config,
            tunnel.bgp,
        )
        for index, tunnel in enumerate(props.tunnels)
    ]


def _short_form(props: IpsecConnectionProps) -> Iterator[Finding]:
    if props.tunnel_mode == "single" and (props.tunnels is not None or props.tunnels_bgp is not None):
        name = "tunnels" if props.tunnels is not None else "tunnels_bgp"
        yield Finding(name, "single-and-dual-tunnel", f"{name} is dual-tunnel, but tunnel_mode is 'single'",
                      f"drop {name}, or use tunnel_mode 'dual'")  # fmt: skip
    if props.tunnels_bgp is not None and not props.short_form and (props.tunnels is not None or not props.dual_tunnel):
        yield Finding("tunnels_bgp", "tunnels-bgp-short-form", "is for the short form (dual-tunnel without tunnels)",
                      "drop tunnel_mode='single', or put bgp into each TunnelOptions of tunnels")  # fmt: skip
    if props.dual_tunnel and not props.short_form and props.tunnels is None:
        if props.customer_gateway is None:
            yield Finding("customer_gateway", "required", "is required", "pass a CustomerGateway (or tunnels=[...])")
        elif props.tunnels_bgp is not None:
            count = len(props.tunnels_bgp)
            yield Finding("tunnels_bgp", "dual-tunnel-count", f"has {count} BgpConfig", "give two, one per tunnel")
    if props.bgp is not None and (props.short_form or (props.dual_tunnel and props.tunnels is None)):
        yield Finding("bgp", "single-and-dual-tunnel", "bgp is single-tunnel, but the connection is dual-tunnel",
                      "give tunnels_bgp=[BgpConfig(...), BgpConfig(...)], one per tunnel, or "
                      "tunnel_mode='single' where the region still accepts it")  # fmt: skip


@rule
def tunnel_mode(props: IpsecConnectionProps, tunnels: list[_Tunnel]) -> Iterator[Finding]:
    yield from _short_form(props)
    if props.tunnels is None:
        if not props.dual_tunnel:
            yield from _single_tunnel(props)
        return
    fields = ("zone_id",) if props.short_form else SINGLE_TUNNEL_FIELDS
    for name in (name for name in fields if name in props.model_fields_set):
        yield Finding(
            name,
            "single-and-dual-tunnel",
            f"{name} is a single-tunnel setting, but the connection is dual-tunnel",
            "the cloud picks the two zones of a dual-tunnel connection; drop zone_id"
            if name == "zone_id"
            else "move it into each TunnelOptions of tunnels, or drop tunnels",
        )
    if len(props.tunnels) != console.DUAL_TUNNEL_COUNT:
        yield Finding("tunnels", "dual-tunnel-count", f"has {len(props.tunnels)} tunnels", "give exactly two")
    if props.health_check is not None and not console.HEALTH_CHECK_DUAL_TUNNEL:
        yield Finding(
            "health_check",
            "health-check-single-tunnel",
            "a dual-tunnel connection takes no health check (the API's HealthCheckConfig is single-tunnel only)",
            "drop health_check (with two ECMP tunnels the cloud moves traffic off a tunnel that goes down), or "
            "tunnel_mode='single' where the region still accepts it",
        )
    with_bgp = [t.bgp is not None for t in props.tunnels]
    if any(with_bgp) and not all(with_bgp):
        yield Finding(
            "tunnels", "dual-tunnel-bgp", "BGP is set on one tunnel only", "set bgp on both tunnels or neither"
        )


def _single_tunnel(props: IpsecConnectionProps) -> Iterator[Finding]:
    if props.customer_gateway is None:
        yield Finding(
            "customer_gateway", "required", "is required", "pass a CustomerGateway (the connection's one tunnel)"
        )
    if props.existing is None:
        yield Finding(
            "tunnels",
            "vpn:single-tunnel",
            "Alibaba Cloud now creates new TR-bound connections in dual-tunnel mode; a new single-tunnel "
            "connection is refused in most regions",
            "drop tunnel_mode='single' (the same settings then go on two ECMP tunnels), or give existing=... "
            "to adopt a connection",
            warning=True,
        )


def _networks(cidrs: list[str]) -> list[ipaddress.IPv4Network]:
    return [ipaddress.IPv4Network(c) for c in cidrs if not Token.is_unresolved(c)]


def _duplicates(values: list[Any]) -> Iterator[tuple[int, int]]:
    """(index, index of its first occurrence) for every repeated literal value."""
    first: dict[Any, int] = {}
    for index, value in enumerate(values):
        if value is None or is_token(value):
            continue
        if value in first:
            yield index, first[value]
        else:
            first[value] = index


@rule
def no_duplicates(props: IpsecConnectionProps, tunnels: list[_Tunnel]) -> Iterator[Finding]:
    for name in ("local_subnets", "remote_subnets"):
        for index, earlier in _duplicates(list(getattr(props, name) or [])):
            yield Finding(f"{name}[{index}]", "duplicate-cidr", f"repeats {name}[{earlier}]", "list each CIDR once")
    destinations = [route.destination for route in props.static_routes]
    for index, earlier in _duplicates(destinations):
        yield Finding(
            f"static_routes[{index}]",
            "duplicate-static-route",
            f"{destinations[index]} is also static_routes[{earlier}]",
            "give each destination one route",
        )
    cidrs = [t.bgp.tunnel_cidr if t.bgp is not None else None for t in tunnels]
    for index, earlier in _duplicates(cidrs):
        yield Finding(
            f"{tunnels[index].bgp_field}.tunnel_cidr",
            "tunnel-cidr-shared",
            f"{cidrs[index]} is also the tunnel CIDR of {tunnels[earlier].bgp_field} (the API refuses it: "
            "IllegalParam.TunnelCidr)",
            "give each tunnel its own /30, e.g. 169.254.10.0/30 and 169.254.20.0/30",
        )


@rule
def routing_mode(props: IpsecConnectionProps, tunnels: list[_Tunnel]) -> Iterator[Finding]:
    local, remote = props.local_subnets, props.remote_subnets
    if local is None and remote is None:
        return
    if local is None or remote is None:
        missing = "local_subnets" if local is None else "remote_subnets"
        yield Finding(
            missing,
            "routing-mode",
            "protected data flows need both local_subnets and remote_subnets",
            f"give {missing} too, or neither for destination routing (0.0.0.0/0 both sides)",
        )
        return
    for name, cidrs in (("local_subnets", local), ("remote_subnets", remote)):
        if not cidrs:
            yield Finding(name, "routing-mode", "is empty", "give at least one CIDR, or leave both out")
        for index, cidr in enumerate(cidrs):
            if cidr == "0.0.0.0/0":
                yield Finding(
                    f"{name}[{index}]",
                    "routing-mode",
                    "0.0.0.0/0 is destination routing, not a protected data flow",
                    "leave local_subnets and remote_subnets out for destination routing",
                )
    for (a, net_a), (b, net_b) in itertools.product(enumerate(_networks(local)), enumerate(_networks(remote))):
        if net_a.overlaps(net_b):
            yield Finding(
                f"remote_subnets[{b}]",
                "subnet-overlap",
                f"{net_b} overlaps local_subnets[{a}] {net_a}",
                "the cloud side and the data center side must not share addresses",
            )
    if len(local) > 1 or len(remote) > 1:
        for tunnel in tunnels:
            if tunnel.ike.ike_version == "ikev1":
                yield Finding(
                    f"{tunnel.prefix}ike_config.ike_version",
                    "multiple-cidrs-need-ikev2",
                    "several protected CIDRs on one side need IKEv2",
                    "use ike_version 'ikev2', or one CIDR per side",
                )


@rule
def bgp_asns(props: IpsecConnectionProps, tunnels: list[_Tunnel]) -> Iterator[Finding]:
    for tunnel in tunnels:
        bgp, gateway, prefix = tunnel.bgp, tunnel.customer_gateway, tunnel.prefix
        if bgp is None:
            continue
        asn = bgp.local_asn
        if not Token.is_unresolved(asn) and asn != console.ALIBABA_CLOUD_ASN and not is_private_asn(asn):
            yield Finding(
                f"{tunnel.bgp_field}.local_asn",
                "vpn:public-asn",
                f"{asn} is a public ASN",
                "use a private ASN (64512-65534, 4200000000-4294967294) unless you own it",
                warning=True,
            )
        if not isinstance(gateway, CustomerGateway) or gateway.props is None:
            continue
        peer = gateway.props.asn
        if peer is None:
            yield Finding(
                f"{prefix}customer_gateway",
                "bgp-peer-asn",
                f"BGP is on but customer gateway [{gateway.node.path}] has no asn",
                "give the CustomerGateway an asn",
            )
        elif not Token.is_unresolved(asn) and peer == asn:
            yield Finding(
                f"{tunnel.bgp_field}.local_asn",
                "bgp-asn-differs",
                f"{asn} is also the customer gateway's ASN",
                "the two BGP peers need different ASNs",
            )


@rule
def weak_crypto(props: IpsecConnectionProps, tunnels: list[_Tunnel]) -> Iterator[Finding]:
    for tunnel in tunnels:
        prefix, ike, ipsec = tunnel.prefix, tunnel.ike, tunnel.ipsec
        algorithms = (ike.ike_enc_alg, ike.ike_auth_alg, ike.ike_pfs, ipsec.ipsec_enc_alg, ipsec.ipsec_auth_alg)
        if WEAK_CHOICES.keys().isdisjoint((*algorithms, ipsec.ipsec_pfs)):
            continue  # the common case, without naming each field
        chosen = {
            "ike_config.ike_enc_alg": ike.ike_enc_alg,
            "ike_config.ike_auth_alg": ike.ike_auth_alg,
            "ike_config.ike_pfs": ike.ike_pfs,
            "ipsec_config.ipsec_enc_alg": ipsec.ipsec_enc_alg,
            "ipsec_config.ipsec_auth_alg": ipsec.ipsec_auth_alg,
            "ipsec_config.ipsec_pfs": ipsec.ipsec_pfs,
        }
        for field, value in chosen.items():
            if value in WEAK_CHOICES:
                yield Finding(
                    f"{prefix}{field}",
                    WEAK_CHOICES[value],
                    f"{value} is weak and allowed only for old devices",
                    "prefer aes256, sha256 and group14",
                    warning=True,
                )


def _is_fqdn(identity: str | None) -> bool:
    if identity is None or Token.is_unresolved(identity):
        return False
    try:
        ipaddress.ip_address(identity)
    except ValueError:
        return True
    return False


@rule
def fqdn_needs_aggressive_mode(props: IpsecConnectionProps, tunnels: list[_Tunnel]) -> Iterator[Finding]:
    for tunnel in tunnels:
        prefix, ike = tunnel.prefix, tunnel.ike
        if ike.ike_version == "ikev1" and ike.ike_mode == "main":
            for name in ("local_id", "remote_id"):
                if _is_fqdn(getattr(ike, name)):
                    yield Finding(
                        f"{prefix}ike_config.{name}",
                        "vpn:fqdn-main-mode",
                        "an FQDN identity with IKEv1 main mode: the guide recommends aggressive mode",
                        "set ike_mode 'aggressive'",
                        warning=True,
                    )


@rule
def gateway_address_matches_type(props: IpsecConnectionProps, tunnels: list[_Tunnel]) -> Iterator[Finding]:
    for field, gateway in dict.fromkeys((f"{t.prefix}customer_gateway", t.customer_gateway) for t in tunnels):
        if not isinstance(gateway, CustomerGateway) or gateway.props is None:
            continue
        address = gateway.props.ip_address
        if Token.is_unresolved(address):
            continue
        scope = address_scope(address)
        where = f"customer gateway [{gateway.node.path}] has"
        if scope == "unusable":
            message = f"{where} address {address}, which cannot be a VPN peer"
            yield Finding(field, "gateway-address-usable", message, "use the device's public or RFC 1918 address")
        elif props.gateway_type == "public" and scope == "private":
            message = f"{where} private address {address}, but gateway_type is public"
            fix = "use the device's public address, or gateway_type 'private' over Express Connect"
            yield Finding(field, "gateway-address-public", message, fix)
        elif props.gateway_type == "private" and scope == "public":
            message = f"{where} public address {address}, but gateway_type is private"
            fix = "use the device's private (RFC 1918) address, or gateway_type 'public'"
            yield Finding(field, "gateway-address-private", message, fix)


@rule
def literal_psk(props: IpsecConnectionProps, tunnels: list[_Tunnel]) -> Iterator[Finding]:
    for field, key in dict.fromkeys((f"{t.prefix}psk", t.psk) for t in tunnels):
        if isinstance(key, TerraformVariable):
            if not key.sensitive:
                message = f"variable [{key.node.path}] is not sensitive"
                yield Finding(field, "psk-variable-sensitive", message, "declare it with sensitive=True")
            if key.default is not None:
                message = f"the default of variable [{key.node.path}] is written into cdk.tf.json"
                fix = "give the key at deploy time (TF_VAR_..., -var) instead of as a default"
                yield Finding(field, "vpn:literal-psk", message, fix, warning=True)
        elif key is not None and not Token.is_unresolved(key):
            yield Finding(
                field,
                "vpn:literal-psk",
                "a literal pre-shared key is written into cdk.tf.json",
                "pass a sensitive TerraformVariable, or leave it out so the cloud generates one",
                warning=True,
            )
