"""A FortiGate (FortiOS 7) settings sheet: a TEMPLATE to review, not a tested configuration.

Interface-mode (route-based) IPsec per tunnel: ``phase1-interface`` and ``phase2-interface``; protected data
flows get one phase 2 selector per flow pair (what the cloud negotiates) and static routes into the tunnel,
BGP the tunnel addresses on the tunnel interface and a neighbour per tunnel with ``ebgp-multipath``. Firewall
policies allowing the traffic are yours to add. Tunnel interface names are at most 15 characters on FortiOS,
so they are ``cvpn-<hash>-<n>`` with a hash of the connection's name.
"""

from __future__ import annotations

import ipaddress

from ._vendor import asks_for_help, header, quoted, require_keys, require_supported, short_name
from .plan import PSK_PLACEHOLDER, PeerPlan, TunnelPlan

__all__ = ["render"]

ENCRYPTION = {"aes": "aes128", "aes192": "aes192", "aes256": "aes256", "des": "des", "3des": "3des"}
AUTHENTICATION = {"md5": "md5", "sha1": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}


def _mask(cidr: str) -> str:
    network = ipaddress.IPv4Network(cidr)
    return f"{network.network_address} {network.netmask}"


def _phase1(tunnel: TunnelPlan, name: str) -> list[str]:
    psk = tunnel.psk.reveal() if tunnel.psk is not None else PSK_PLACEHOLDER
    lines = [
        f'    edit "{name}"',
        '        set interface "<WAN_INTERFACE>"',
        f"        set ike-version {1 if tunnel.ike_v1 else 2}",
        *([f"        set mode {tunnel.ike_mode}"] if tunnel.ike_v1 else []),
        f"        set local-gw {tunnel.local_address}",
        f"        set remote-gw {tunnel.remote_address}",
        f"        set proposal {ENCRYPTION[tunnel.ike_enc_alg]}-{AUTHENTICATION[tunnel.ike_auth_alg]}",
        f"        set dhgrp {tunnel.ike_pfs.removeprefix('group')}",
        f"        set keylife {tunnel.ike_lifetime}",
        f"        set localid {quoted(tunnel.local_id)}",
        f"        set peerid {quoted(tunnel.remote_id)}",
        "        set peertype one",
        f"        set psksecret {quoted(psk)}",
    ]
    if tunnel.dpd:
        lines += ["        set dpd on-idle", "        set dpd-retryinterval 10"]
    else:
        lines.append("        set dpd disable")
    return [*lines, "    next"]


def _phase2(tunnel: TunnelPlan, name: str) -> list[str]:
    pairs = (
        [(local, remote) for local in tunnel.local_subnets for remote in tunnel.remote_subnets]
        if tunnel.policy_based
        else [("0.0.0.0/0", "0.0.0.0/0")]
    )
    lines = []
    for index, (local, remote) in enumerate(pairs, start=1):
        pfs = (
            ["        set pfs disable"]
            if tunnel.ipsec_pfs == "disabled"
            else ["        set pfs enable", f"        set dhgrp {tunnel.ipsec_pfs.removeprefix('group')}"]
        )
        lines += [
            f'    edit "{name}-{index}"',
            f'        set phase1name "{name}"',
            f"        set proposal {ENCRYPTION[tunnel.ipsec_enc_alg]}-{AUTHENTICATION[tunnel.ipsec_auth_alg]}",
            *pfs,
            f"        set keylifeseconds {tunnel.ipsec_lifetime}",
            f"        set src-subnet {_mask(local)}",
            f"        set dst-subnet {_mask(remote)}",
            "        set auto-negotiate enable",
            "    next",
        ]
    return lines


def render(plan: PeerPlan) -> str:
    require_supported(plan, "FortiGate", ike_lifetime=(120, 86400), ipsec_lifetime=(120, 86400))
    require_keys(plan, "FortiGate", asks_for_help)
    named = [(short_name(plan, number), tunnel) for number, tunnel in enumerate(plan.tunnels, start=1)]
    lines = header(plan, "FortiGate (FortiOS 7)", "#", review="review it; add the firewall policies for the traffic")
    lines += ["config vpn ipsec phase1-interface", *(x for name, t in named for x in _phase1(t, name)), "end"]
    lines += ["config vpn ipsec phase2-interface", *(x for name, t in named for x in _phase2(t, name)), "end"]
    bgp = [(name, tunnel.bgp) for name, tunnel in named if tunnel.bgp is not None]
    if bgp:
        lines.append("config system interface")
        for name, peering in bgp:
            lines += [
                f'    edit "{name}"',
                f"        set ip {peering.local_ip} 255.255.255.255",
                f"        set remote-ip {peering.peer_ip} 255.255.255.252",
                "    next",
            ]
        asn = bgp[0][1].local_asn if bgp[0][1].local_asn is not None else "<YOUR_ASN>"
        lines += [
            "end",
            "config router bgp",
            f"    set as {asn}",
            "    set ebgp-multipath enable",
            "    config neighbor",
        ]
        for _, peering in bgp:
            lines += [
                f'        edit "{peering.peer_ip}"',
                f"            set remote-as {peering.peer_asn}",
                "        next",
            ]
        lines += ["    end", "end"]
    static = [(name, cidr) for name, tunnel in named if tunnel.policy_based for cidr in tunnel.remote_subnets]
    if static:
        lines.append("config router static")
        for index, (name, cidr) in enumerate(static, start=1):
            lines += [f"    edit {index}", f"        set dst {_mask(cidr)}", f'        set device "{name}"', "    next"]
        lines.append("end")
    if any(tunnel.route_based and tunnel.bgp is None for tunnel in plan.tunnels):
        lines.append("# destination routing: route the cloud's networks into the tunnel interfaces")
    return "\n".join(lines) + "\n"
