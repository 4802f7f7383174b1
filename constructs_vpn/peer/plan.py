"""The on-premises side of a connection, read from the synthesized stack and seen from the device.

The cloud's local subnet is the device's remote subnet, the cloud's LocalId is the device's RemoteId, and the
cloud gateway's address is the device's remote address. Reading ``cdk.tf.json`` (not the Python objects)
means the same code serves a stack synthesized earlier, or by another tool.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.errors import ValidationError

__all__ = ["BgpPeering", "PeerPlan", "Secret", "TunnelPlan", "find_connections", "plan_connection", "template_literal"]

CONNECTION_TYPE = "alicloud_vpn_gateway_vpn_attachment"
GATEWAY_TYPE = "alicloud_vpn_customer_gateway"
GATEWAY_IP_PLACEHOLDER = "<CLOUD_GATEWAY_IP>"
PSK_PLACEHOLDER = "<PRE_SHARED_KEY>"
_REFERENCE = re.compile(r"^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.id\}$")


class Secret:
    """A pre-shared key: its text is read only by a renderer, never by ``repr``/``str``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('******')"

    __str__ = __repr__


@dataclass(frozen=True)
class BgpPeering:
    """BGP over the tunnel, from the device's side."""

    local_asn: int | None
    """The device's ASN (the customer gateway's); ``None`` when the stack does not know it."""
    peer_asn: int
    """The cloud's ASN."""
    tunnel_cidr: str
    local_ip: str
    """The device's tunnel address: the other host of the /30."""
    peer_ip: str
    """The cloud's BGP address."""


@dataclass(frozen=True)
class TunnelPlan:
    """One IPsec tunnel as the device must configure it; console names for the algorithms."""

    name: str
    ike_version: str
    ike_mode: str
    ike_enc_alg: str
    ike_auth_alg: str
    ike_pfs: str
    ike_lifetime: int
    ipsec_enc_alg: str
    ipsec_auth_alg: str
    ipsec_pfs: str
    ipsec_lifetime: int
    dpd: bool
    nat_traversal: bool
    local_address: str
    """The device's address (the customer gateway's)."""
    remote_address: str
    """The cloud gateway's address, or ``GATEWAY_IP_PLACEHOLDER`` until it is known."""
    local_id: str
    remote_id: str
    psk: Secret | None
    """``None``: not given, rendered as ``PSK_PLACEHOLDER``."""
    local_subnets: tuple[str, ...]
    remote_subnets: tuple[str, ...]
    bgp: BgpPeering | None = None

    @property
    def route_based(self) -> bool:
        """Destination routing (0.0.0.0/0 both sides) needs a route-based (virtual interface) tunnel."""
        return self.local_subnets == ("0.0.0.0/0",) and self.remote_subnets == ("0.0.0.0/0",)

    @property
    def ike_v1(self) -> bool:
        return self.ike_version == "ikev1"


@dataclass(frozen=True)
class PeerPlan:
    """Everything the on-premises device needs for one connection."""

    connection_path: str
    name: str
    tunnels: tuple[TunnelPlan, ...]
    placeholders: tuple[str, ...] = field(default=())
    """What the user still has to fill in (``GATEWAY_IP_PLACEHOLDER``, ``PSK_PLACEHOLDER``)."""


def find_connections(document: Mapping[str, Any]) -> dict[str, str]:
    """Construct path of each IPsec connection in a stack → its resource name."""
    found: dict[str, str] = {}
    for name, body in document.get("resource", {}).get(CONNECTION_TYPE, {}).items():
        path = str(body.get("//", {}).get("metadata", {}).get("path", name))
        found[path.rsplit("/", 1)[0] if path.endswith("/Connection") else path] = name
    return found


#: In a Terraform template ``$${`` and ``%%{`` are escapes; ``${`` and ``%{`` open an interpolation or directive.
_TEMPLATE_MARK = re.compile(r"(\$\$\{|%%\{)|\$\{|%\{")


def template_literal(value: Any) -> str | None:
    """The text Terraform makes of a JSON string with no interpolation or directive (escapes undone), else
    ``None``: a key written ``a%%{b`` in ``cdk.tf.json`` reaches the cloud as ``a%{b``, so the device needs that."""
    if not isinstance(value, str):
        return None
    parts, start = [], 0
    for mark in _TEMPLATE_MARK.finditer(value):
        if mark.group(1) is None:
            return None
        parts += [value[start : mark.start()], mark.group(1)[1:]]
        start = mark.end()
    return "".join([*parts, value[start:]])


def _gateway(document: Mapping[str, Any], reference: Any, where: str) -> Mapping[str, Any]:
    match = _REFERENCE.match(reference) if isinstance(reference, str) else None
    gateway = document.get("resource", {}).get(GATEWAY_TYPE, {}).get(match.group(2)) if match else None
    if gateway is None or template_literal(gateway.get("ip_address")) is None:
        raise ValidationError.single(
            where,
            "the customer gateway is not a resource of this stack with a literal ip_address",
            field="customer_gateway_id",
            rule="peer-customer-gateway",
            fix="declare the CustomerGateway in the same stack",
        )
    found: Mapping[str, Any] = gateway
    return found


def _other_host(cidr: str, used: str) -> str:
    hosts = [str(h) for h in ipaddress.IPv4Network(cidr).hosts()]
    return next(h for h in hosts if h != used)


def _asn(value: Any) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else None


def _tunnel(
    name: str,
    *,
    ike: Mapping[str, Any],
    ipsec: Mapping[str, Any],
    bgp: Mapping[str, Any] | None,
    flags: Mapping[str, Any],
    gateway: Mapping[str, Any],
    subnets: tuple[tuple[str, ...], tuple[str, ...]],
    gateway_ip: str | None,
    psk: Secret | None,
) -> TunnelPlan:
    device_ip = str(gateway["ip_address"])
    cloud_ip = gateway_ip or GATEWAY_IP_PLACEHOLDER
    peering = None
    if bgp and bgp.get("enable", True) and bgp.get("tunnel_cidr"):
        peering = BgpPeering(
            local_asn=_asn(gateway.get("asn")),
            peer_asn=int(bgp.get("local_asn", 45104)),
            tunnel_cidr=str(bgp["tunnel_cidr"]),
            local_ip=_other_host(str(bgp["tunnel_cidr"]), str(bgp["local_bgp_ip"])),
            peer_ip=str(bgp["local_bgp_ip"]),
        )
    cloud_local, cloud_remote = subnets
    return TunnelPlan(
        name=name,
        ike_version=str(ike.get("ike_version", "ikev2")),
        ike_mode=str(ike.get("ike_mode", "main")),
        ike_enc_alg=str(ike.get("ike_enc_alg", "aes")),
        ike_auth_alg=str(ike.get("ike_auth_alg", "sha1")),
        ike_pfs=str(ike.get("ike_pfs", "group2")),
        ike_lifetime=int(ike.get("ike_lifetime", 86400)),
        ipsec_enc_alg=str(ipsec.get("ipsec_enc_alg", "aes")),
        ipsec_auth_alg=str(ipsec.get("ipsec_auth_alg", "sha1")),
        ipsec_pfs=str(ipsec.get("ipsec_pfs", "group2")),
        ipsec_lifetime=int(ipsec.get("ipsec_lifetime", 86400)),
        dpd=bool(flags.get("enable_dpd", True)),
        nat_traversal=bool(flags.get("enable_nat_traversal", True)),
        local_address=device_ip,
        remote_address=cloud_ip,
        # perspective swap: the cloud's remote id is the device's own id
        local_id=template_literal(ike.get("remote_id")) or device_ip,
        remote_id=template_literal(ike.get("local_id")) or cloud_ip,
        psk=psk,
        local_subnets=cloud_remote,
        remote_subnets=cloud_local,
        bgp=peering,
    )


def plan_connection(
    document: Mapping[str, Any],
    connection: str,
    *,
    gateway_ips: Sequence[str | None] = (),
    psks: Sequence[str | None] = (),
    literal_psks: bool = False,
) -> PeerPlan:
    """The device's view of ``connection`` (a construct path, its id, or a resource name) in ``document``.

    ``gateway_ips`` and ``psks`` are per tunnel, in tunnel order; missing values become placeholders. A key
    written literally in the document fills a tunnel without one only with ``literal_psks`` (the key is
    printed only when asked for).
    """
    connections = find_connections(document)
    matches = [p for p in connections if connection in (p, p.rsplit("/", 1)[-1], connections[p])]
    if len(matches) != 1:
        raise ValidationError.single(
            connection,
            f"{'no' if not matches else 'more than one'} IPsec connection matches {connection!r}",
            rule="peer-connection",
            fix=f"use one of {sorted(connections) or 'the connections of another stack'}",
        )
    path = matches[0]
    body = document["resource"][CONNECTION_TYPE][connections[path]]
    subnets = (
        tuple(str(body["local_subnet"]).split(",")),
        tuple(str(body["remote_subnet"]).split(",")),
    )
    specs = body.get("tunnel_options_specification")
    if specs:
        rows = [
            (f"tunnel{spec.get('tunnel_index', i + 1)}", _one(spec.get("tunnel_ike_config")),
             _one(spec.get("tunnel_ipsec_config")), _one(spec.get("tunnel_bgp_config")) or None, spec,
             spec.get("customer_gateway_id"))
            for i, spec in enumerate(specs)
        ]  # fmt: skip
    else:
        rows = [
            ("tunnel1", _one(body.get("ike_config")), _one(body.get("ipsec_config")), _one(body.get("bgp_config")),
             body, body.get("customer_gateway_id"))
        ]  # fmt: skip
    tunnels = []
    placeholders: set[str] = set()
    for index, (name, ike, ipsec, bgp, flags, gateway_ref) in enumerate(rows):
        gateway_ip = gateway_ips[index] if index < len(gateway_ips) else None
        given = psks[index] if index < len(psks) else None
        literal = template_literal(ike.get("psk"))
        psk = Secret(given) if given else (Secret(literal) if literal and literal_psks else None)
        if gateway_ip is None:
            placeholders.add(GATEWAY_IP_PLACEHOLDER)
        if psk is None:
            placeholders.add(PSK_PLACEHOLDER)
        gateway = _gateway(document, gateway_ref, path)
        tunnels.append(
            _tunnel(
                name,
                ike=ike,
                ipsec=ipsec,
                bgp=bgp,
                flags=flags,
                gateway=gateway,
                subnets=subnets,
                gateway_ip=gateway_ip,
                psk=psk,
            )
        )
    return PeerPlan(
        connection_path=path,
        name=str(body.get("vpn_attachment_name") or path.rsplit("/", 1)[-1]),
        tunnels=tuple(tunnels),
        placeholders=tuple(sorted(placeholders)),
    )


def _one(block: Any) -> dict[str, Any]:
    """A block written as an object or as a one-item list."""
    if isinstance(block, list):
        return dict(block[0]) if block else {}
    return dict(block) if isinstance(block, Mapping) else {}
