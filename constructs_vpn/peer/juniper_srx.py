"""A Juniper SRX (Junos) settings sheet: a TEMPLATE to review, not a tested configuration.

Route-based on a secure tunnel interface (``st0.<n>``) per tunnel: IKE proposal, policy and gateway, IPsec
proposal, policy and VPN bound to the interface. Protected data flows add traffic selectors (the cloud
negotiates exactly those), destination routing a note to route into ``st0``, BGP a neighbour on the tunnel
address with the customer gateway's ASN.
"""

from __future__ import annotations

import ipaddress

from ._vendor import header, quoted, require_supported
from .plan import ADDRESS_PLACEHOLDERS, PSK_PLACEHOLDER, PeerPlan, TunnelPlan

__all__ = ["render"]

ENCRYPTION = {"aes": "aes-128-cbc", "aes192": "aes-192-cbc", "aes256": "aes-256-cbc", "des": "des-cbc",
              "3des": "3des-cbc"}  # fmt: skip
IKE_AUTHENTICATION = {"md5": "md5", "sha1": "sha1", "sha256": "sha-256", "sha384": "sha-384", "sha512": "sha-512"}
ESP_AUTHENTICATION = {"md5": "hmac-md5-96", "sha1": "hmac-sha1-96", "sha256": "hmac-sha-256-128",
                      "sha384": "hmac-sha-384", "sha512": "hmac-sha-512"}  # fmt: skip


def _identity(value: str) -> str:
    """``local-identity``/``remote-identity``: ``inet`` or ``inet6`` for an address (Junos keeps the two
    apart), ``hostname`` for an FQDN."""
    if value in ADDRESS_PLACEHOLDERS:
        return f"inet {value}"
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return f"hostname {value}"
    return f"inet{'' if address.version == 4 else '6'} {value}"


def _block(name: str, body: list[str], depth: int) -> list[str]:
    pad = "    " * depth
    return [f"{pad}{name} {{", *body, f"{pad}}}"]


def _ike(tunnel: TunnelPlan, tag: str) -> list[str]:
    psk = tunnel.psk.reveal() if tunnel.psk is not None else PSK_PLACEHOLDER
    proposal = [
        "authentication-method pre-shared-keys;",
        f"dh-group {tunnel.ike_pfs};",
        f"authentication-algorithm {IKE_AUTHENTICATION[tunnel.ike_auth_alg]};",
        f"encryption-algorithm {ENCRYPTION[tunnel.ike_enc_alg]};",
        f"lifetime-seconds {tunnel.ike_lifetime};",
    ]
    policy = ([f"mode {tunnel.ike_mode};"] if tunnel.ike_v1 else []) + [
        f"proposals {tag};",
        f"pre-shared-key ascii-text {quoted(psk)};",
    ]
    gateway = [
        f"ike-policy {tag};",
        f"address {tunnel.remote_address};",
        *(["dead-peer-detection {", "    interval 10;", "    threshold 3;", "}"] if tunnel.dpd else []),
        f"local-identity {_identity(tunnel.local_id)};",
        f"remote-identity {_identity(tunnel.remote_id)};",
        "external-interface <WAN_INTERFACE>;",
        f"local-address {tunnel.local_address};",
        f"version {'v1-only' if tunnel.ike_v1 else 'v2-only'};",
    ]
    pad = "    " * 3
    return [
        *_block(f"proposal {tag}", [pad + line for line in proposal], 2),
        *_block(f"policy {tag}", [pad + line for line in policy], 2),
        *_block(f"gateway {tag}", [pad + line for line in gateway], 2),
    ]


def _ipsec(tunnel: TunnelPlan, tag: str, unit: int) -> list[str]:
    proposal = [
        "protocol esp;",
        f"authentication-algorithm {ESP_AUTHENTICATION[tunnel.ipsec_auth_alg]};",
        f"encryption-algorithm {ENCRYPTION[tunnel.ipsec_enc_alg]};",
        f"lifetime-seconds {tunnel.ipsec_lifetime};",
    ]
    pfs = [] if tunnel.ipsec_pfs == "disabled" else ["perfect-forward-secrecy {", f"    keys {tunnel.ipsec_pfs};", "}"]
    vpn = [f"bind-interface st0.{unit};", "ike {", f"    gateway {tag};", f"    ipsec-policy {tag};", "}"]
    if tunnel.policy_based:
        pairs = [(local, remote) for local in tunnel.local_subnets for remote in tunnel.remote_subnets]
        for index, (local, remote) in enumerate(pairs, start=1):
            vpn += [f"traffic-selector ts{index} {{", f"    local-ip {local};", f"    remote-ip {remote};", "}"]
    vpn.append("establish-tunnels immediately;")
    pad = "    " * 3
    return [
        *_block(f"proposal {tag}", [pad + line for line in proposal], 2),
        *_block(f"policy {tag}", [pad + line for line in [*pfs, f"proposals {tag};"]], 2),
        *_block(f"vpn {tag}", [pad + line for line in vpn], 2),
    ]


def render(plan: PeerPlan) -> str:
    require_supported(plan, "Juniper SRX", ike_lifetime=(180, 86400), ipsec_lifetime=(180, 86400))
    tags = [f"cvpn-{plan.label}-{tunnel.name}" for tunnel in plan.tunnels]
    units = list(enumerate(plan.tunnels, start=1))
    lines = header(plan, "Juniper SRX (Junos)", "/*")
    ike = [line for tag, tunnel in zip(tags, plan.tunnels, strict=True) for line in _ike(tunnel, tag)]
    ipsec = [line for (unit, tunnel), tag in zip(units, tags, strict=True) for line in _ipsec(tunnel, tag, unit)]
    lines += ["security {", *_block("ike", ike, 1), *_block("ipsec", ipsec, 1), "}"]
    st0 = []
    for unit, tunnel in units:
        family = [f"address {tunnel.bgp.local_ip}/30;"] if tunnel.bgp is not None else []
        st0 += [f"        unit {unit} {{", "            family inet {"]
        st0 += [f"                {line}" for line in family] + ["            }", "        }"]
    lines += ["interfaces {", "    st0 {", *st0, "    }", "}"]
    static = [
        f"        route {cidr} next-hop st0.{unit};"
        for unit, tunnel in units
        if tunnel.policy_based
        for cidr in tunnel.remote_subnets
    ]
    bgp = [(unit, tunnel.bgp) for unit, tunnel in units if tunnel.bgp is not None]
    options = ["routing-options {"]
    if bgp:
        asn = bgp[0][1].local_asn if bgp[0][1].local_asn is not None else "<YOUR_ASN>"
        options.append(f"    autonomous-system {asn};")
    if static:
        options += ["    static {", *static, "    }"]
    if len(options) > 1:
        lines += [*options, "}"]
    if bgp:
        group = ["            type external;", f"            peer-as {bgp[0][1].peer_asn};", "            multipath;"]
        group += [f"            neighbor {peering.peer_ip};" for _, peering in bgp]
        lines += ["protocols {", "    bgp {", f"        group cvpn-{plan.label} {{", *group, "        }", "    }", "}"]
    if any(tunnel.route_based and tunnel.bgp is None for tunnel in plan.tunnels):
        lines.append("/* destination routing: route the cloud's networks into st0 */")
    return "\n".join(lines) + "\n"
