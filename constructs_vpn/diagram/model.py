"""The network a stack declares, read from its synthesized document: CEN → transit router → connection → DC,
and the VPCs the transit router attaches.

Only what an engineer checks at a glance goes into the labels; the tunnels' algorithms and BGP come from the
same reading of the document as the on-premises configuration (``constructs_vpn.peer.plan_connection``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..peer import TunnelPlan, find_connections, plan_connection
from ..peer.plan import CONNECTION_TYPE, GATEWAY_TYPE
from ..vpn.ipsec_connection import PAYER
from ..vpn.options import WEAK_CHOICES

__all__ = ["Edge", "Kind", "Node", "Topology", "read_topology"]

Kind = Literal["cen", "router", "vpc", "connection", "gateway"]
KINDS: tuple[Kind, ...] = ("cen", "router", "vpc", "connection", "gateway")

CEN_TYPE = "alicloud_cen_instance"
ROUTER_TYPE = "alicloud_cen_transit_router"
ATTACHMENT_TYPE = "alicloud_cen_transit_router_vpn_attachment"
GRANT_TYPE = "alicloud_cen_transit_router_grant_attachment"
ROUTE_TYPE = "alicloud_vpn_gateway_vco_route"
VPC_TYPE = "alicloud_vpc"
VSWITCH_TYPE = "alicloud_vswitch"
VPC_ATTACHMENT_TYPE = "alicloud_cen_transit_router_vpc_attachment"
ASSOCIATION_TYPE = "alicloud_cen_transit_router_route_table_association"
PROPAGATION_TYPE = "alicloud_cen_transit_router_route_table_propagation"
_REFERENCE = re.compile(r"^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_.\[\]]+\}$")
#: ``order_type`` → who pays: "CEN owner" or "VPN owner".
_PAYERS = {order: f"{payer.split('_')[0].upper()} owner" for payer, order in PAYER.items()}
_DESTINATION = ("0.0.0.0/0",)


@dataclass(frozen=True)
class Node:
    """A box in the diagram: ``key`` is the construct path, ``lines`` the label (title first)."""

    key: str
    kind: Kind
    lines: tuple[str, ...]
    weak: bool = False


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topology:
    """One stack's network: nodes in kind order then by key; edges CEN → router → VPC and connection →
    gateway, each connection's tunnels in tunnel order (renderers lay them out left to right in this order)."""

    stack: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def _target(value: Any, type_name: str) -> str | None:
    """The resource name a ``${type.name.attr}`` reference points to, if it is a ``type_name``."""
    match = _REFERENCE.match(value) if isinstance(value, str) else None
    return match.group(2) if match and match.group(1) == type_name else None


class _Reader:
    """Keys and adoption facts of one document's resources."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.resources: Mapping[str, Mapping[str, Any]] = document.get("resource", {})
        self.imports = {str(i.get("to")): str(i.get("id")) for i in document.get("import", []) or []}

    def of_type(self, type_name: str) -> dict[str, Mapping[str, Any]]:
        """Resources of ``type_name`` by name, sorted."""
        return dict(sorted(self.resources.get(type_name, {}).items()))

    def key(self, type_name: str, name: str) -> str:
        """The construct path of a resource (``stack/tr``), its Terraform address when it has none."""
        body = self.resources.get(type_name, {}).get(name, {})
        path = str(body.get("//", {}).get("metadata", {}).get("path", f"{type_name}.{name}"))
        return path.removesuffix("/Resource").removesuffix("/Connection")

    def adopted(self, type_name: str, name: str) -> list[str]:
        existing = self.imports.get(f"{type_name}.{name}")
        return [f"adopted: {existing}"] if existing else []


def _title(kind: str, body: Mapping[str, Any], field: str, fallback: str) -> str:
    return f"{kind} {body.get(field) or fallback}"


def _routing(body: Mapping[str, Any], tunnels: tuple[TunnelPlan, ...], routes: list[str]) -> list[str]:
    cloud = tuple(str(body.get("local_subnet", "0.0.0.0/0")).split(","))
    premises = tuple(str(body.get("remote_subnet", "0.0.0.0/0")).split(","))
    dynamic = "BGP" if any(t.bgp for t in tunnels) else "static"
    if cloud == _DESTINATION and premises == _DESTINATION:
        lines = [f"destination routing, {dynamic}"]
    else:
        lines = [f"protected flows, {dynamic}", f"{', '.join(cloud)} ↔ {', '.join(premises)}"]
    if routes:
        lines.append(f"static routes: {', '.join(sorted(routes))}")
    return lines


def _health_check(body: Mapping[str, Any], tunnels: tuple[TunnelPlan, ...]) -> str:
    """A single tunnel's health check; a dual-tunnel connection takes none (both tunnels carry traffic, ECMP,
    and DPD is what takes a dead one out), so its line says that and whether DPD is on."""
    if len(tunnels) > 1:
        if len({t.dpd for t in tunnels}) == 1:
            dpd = "on" if tunnels[0].dpd else "off"
        else:
            dpd = ", ".join(f"{t.name} {'on' if t.dpd else 'off'}" for t in tunnels)
        return f"both tunnels active (ECMP), DPD: {dpd}"
    check = body.get("health_check_config")
    check = check[0] if isinstance(check, list) and check else check
    if not isinstance(check, Mapping) or not check.get("enable"):
        return "health check: off"
    probe = f" {check['sip']} → {check['dip']}" if check.get("sip") and check.get("dip") else ""
    return f"health check: on{probe}"


def _weak(tunnels: tuple[TunnelPlan, ...]) -> list[str]:
    found = {
        value
        for t in tunnels
        for value in (t.ike_enc_alg, t.ike_auth_alg, t.ike_pfs, t.ipsec_enc_alg, t.ipsec_auth_alg, t.ipsec_pfs)
        if value in WEAK_CHOICES
    }
    return [f"⚠ weak: {', '.join(sorted(found))}"] if found else []


def _tunnel_lines(tunnel: TunnelPlan, dual: bool) -> tuple[str, ...]:
    lines = [tunnel.name] if dual else []
    ike = f"IKE{tunnel.ike_version.removeprefix('ike')}"  # ikev2 → IKEv2
    lines.append(f"{ike} {tunnel.ike_enc_alg}/{tunnel.ike_auth_alg}/{tunnel.ike_pfs}")
    lines.append(f"IPsec {tunnel.ipsec_enc_alg}/{tunnel.ipsec_auth_alg}/{tunnel.ipsec_pfs}")
    if tunnel.bgp:
        device = tunnel.bgp.local_asn if tunnel.bgp.local_asn is not None else "?"
        lines.append(f"BGP {tunnel.bgp.tunnel_cidr}, AS {tunnel.bgp.peer_asn} ↔ {device}")
    return tuple(lines)


def _cross_account(reader: _Reader, connection: str, attachment: Mapping[str, Any]) -> list[str]:
    grants = [
        g for g in reader.of_type(GRANT_TYPE).values() if _target(g.get("instance_id"), CONNECTION_TYPE) == connection
    ]
    vpn_owner = attachment.get("vpn_owner_id")
    if not grants and not vpn_owner:
        return []
    cen_owner = grants[0].get("cen_owner_id", "?") if grants else "?"
    payer = _PAYERS.get(str(attachment.get("order_type") or "PayByCenOwner"), "?")
    return ["cross-account", f"CEN owner {cen_owner}, VPN owner {vpn_owner or '?'}", f"payer: {payer}"]


def _gateway_names(body: Mapping[str, Any]) -> list[str | None]:
    """The customer gateway of each tunnel, in tunnel order (as ``plan_connection`` reads them)."""
    specs = body.get("tunnel_options_specification")
    refs = [spec.get("customer_gateway_id") for spec in specs] if specs else [body.get("customer_gateway_id")]
    return [_target(ref, GATEWAY_TYPE) for ref in refs]


def _connection(
    reader: _Reader, path: str, name: str, attachment: Mapping[str, Any], routes: list[str]
) -> tuple[Node, list[Edge]]:
    """One IPsec connection's box, its edge from the transit router and an edge per tunnel to its gateway."""
    body = reader.resources[CONNECTION_TYPE][name]
    plan = plan_connection(reader.document, path)
    key = reader.key(CONNECTION_TYPE, name)
    dual = len(plan.tunnels) > 1
    weak = _weak(plan.tunnels)
    lines = (
        f"IPsec connection {plan.name}",
        "dual tunnel" if dual else "single tunnel",
        *_routing(body, plan.tunnels, routes),
        _health_check(body, plan.tunnels),
        *_cross_account(reader, name, attachment),
        *reader.adopted(CONNECTION_TYPE, name),
        *weak,
    )
    edges = []
    router = _target(attachment.get("transit_router_id"), ROUTER_TYPE)
    if router is not None:
        edges.append(Edge(reader.key(ROUTER_TYPE, router), key))
    for tunnel, gateway in zip(plan.tunnels, _gateway_names(body), strict=True):
        if gateway is not None:
            edges.append(Edge(key, reader.key(GATEWAY_TYPE, gateway), _tunnel_lines(tunnel, dual)))
    return Node(key, "connection", lines, weak=bool(weak)), edges


def _vswitch_line(body: Mapping[str, Any], name: str) -> str:
    zone = body.get("zone_id")
    where = f", {zone}" if isinstance(zone, str) and "${" not in zone else ""  # a zone chosen at apply: none
    return f"vSwitch {body.get('vswitch_name') or name}: {body.get('cidr_block', '?')}{where}"


def _vpcs(reader: _Reader) -> tuple[list[Node], list[Edge]]:
    """Each VPC with its vSwitches, and an edge from the transit router per VPC attachment: its name, the
    vSwitches it attaches and whether it is associated with and propagates to a route table."""
    vswitches: dict[str | None, list[str]] = {}
    vswitch_names: dict[str | None, str] = {}
    for name, body in reader.of_type(VSWITCH_TYPE).items():
        vswitches.setdefault(_target(body.get("vpc_id"), VPC_TYPE), []).append(_vswitch_line(body, name))
        vswitch_names[name] = str(body.get("vswitch_name") or name)
    nodes: dict[str | None, Node] = {}
    for name, body in reader.of_type(VPC_TYPE).items():
        cidr = [str(body["cidr_block"])] if body.get("cidr_block") else []
        lines = (
            _title("VPC", body, "vpc_name", name),
            *cidr,
            *vswitches.get(name, []),
            *reader.adopted(VPC_TYPE, name),
        )
        nodes[name] = Node(reader.key(VPC_TYPE, name), "vpc", lines)
    routing = {
        label: {
            _target(r.get("transit_router_attachment_id"), VPC_ATTACHMENT_TYPE) for r in reader.of_type(kind).values()
        }
        for label, kind in (("associated", ASSOCIATION_TYPE), ("propagated", PROPAGATION_TYPE))
    }
    edges = []
    for name, body in reader.of_type(VPC_ATTACHMENT_TYPE).items():
        vpc = _target(body.get("vpc_id"), VPC_TYPE)
        if vpc not in nodes:  # a VPC this stack does not create: drawn by its id, one box per attachment
            vpc, vpc_id = f"{VPC_ATTACHMENT_TYPE}.{name}", body.get("vpc_id")
            shown = vpc_id if isinstance(vpc_id, str) and "${" not in vpc_id else "(not in this stack)"
            nodes[vpc] = Node(reader.key(VPC_ATTACHMENT_TYPE, name), "vpc", (f"VPC {shown}",))
        mappings = body.get("zone_mappings") or []
        attached = [vswitch_names.get(_target(m.get("vswitch_id"), VSWITCH_TYPE), "?") for m in mappings]
        tables = [label for label, attachments in routing.items() if name in attachments]
        lines = (
            _title("VPC attachment", body, "transit_router_vpc_attachment_name", name),
            *([f"vSwitches: {', '.join(attached)}"] if attached else []),
            *([f"route table: {', '.join(tables)}"] if tables else []),
            *reader.adopted(VPC_ATTACHMENT_TYPE, name),
        )
        router = _target(body.get("transit_router_id"), ROUTER_TYPE)
        if router is not None:
            edges.append(Edge(reader.key(ROUTER_TYPE, router), nodes[vpc].key, lines))
    return list(nodes.values()), edges


def read_topology(document: Mapping[str, Any], stack: str) -> Topology:
    """The CENs, transit routers, VPCs, IPsec connections and customer gateways of one stack, and how they
    connect."""
    reader = _Reader(document)
    nodes: dict[str, Node] = {}
    edges: dict[Edge, None] = {}  # insertion-ordered set
    for name, body in reader.of_type(CEN_TYPE).items():
        key = reader.key(CEN_TYPE, name)
        nodes[key] = Node(key, "cen", (_title("CEN", body, "cen_instance_name", name), *reader.adopted(CEN_TYPE, name)))
    for name, body in reader.of_type(ROUTER_TYPE).items():
        key = reader.key(ROUTER_TYPE, name)
        title = _title("transit router", body, "transit_router_name", name)
        nodes[key] = Node(key, "router", (title, *reader.adopted(ROUTER_TYPE, name)))
        cen = _target(body.get("cen_id"), CEN_TYPE)
        if cen is not None:
            edges[Edge(reader.key(CEN_TYPE, cen), key)] = None
    for name, body in reader.of_type(GATEWAY_TYPE).items():
        key = reader.key(GATEWAY_TYPE, name)
        asn = [f"AS {body['asn']}"] if body.get("asn") else []
        title = _title("customer gateway", body, "customer_gateway_name", name)
        nodes[key] = Node(
            key, "gateway", (title, str(body.get("ip_address", "?")), *asn, *reader.adopted(GATEWAY_TYPE, name))
        )
    vpcs, vpc_edges = _vpcs(reader)
    nodes.update((node.key, node) for node in vpcs)
    edges.update(dict.fromkeys(vpc_edges))
    attachments = {_target(a.get("vpn_id"), CONNECTION_TYPE): a for a in reader.of_type(ATTACHMENT_TYPE).values()}
    routes: dict[str | None, list[str]] = {}
    for route in reader.of_type(ROUTE_TYPE).values():
        connection = _target(route.get("vpn_connection_id"), CONNECTION_TYPE)
        routes.setdefault(connection, []).append(str(route.get("route_dest")))
    for path, name in sorted(find_connections(document).items()):
        node, connection_edges = _connection(reader, path, name, attachments.get(name, {}), routes.get(name, []))
        nodes[node.key] = node
        edges.update(dict.fromkeys(connection_edges))
    order = {kind: i for i, kind in enumerate(KINDS)}
    ranked = sorted(edges, key=lambda e: order[nodes[e.source].kind] if e.source in nodes else 0)  # stable
    return Topology(stack, tuple(sorted(nodes.values(), key=lambda n: (order[n.kind], n.key))), tuple(ranked))
