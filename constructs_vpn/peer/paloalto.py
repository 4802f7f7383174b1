"""A Palo Alto Networks (PAN-OS 10/11) sheet of ``set`` commands: a TEMPLATE to review, not a tested configuration.

Per tunnel an IKE and an IPsec crypto profile, an IKE gateway, a tunnel interface and an IPsec tunnel bound
to it (route-based). Protected data flows add a proxy ID per flow pair (what the cloud negotiates) and static
routes into the tunnel; BGP a peer per tunnel on the virtual router, with ECMP over both. Security policies
allowing the traffic are yours to add.
"""

from __future__ import annotations

import ipaddress

from ..core.errors import Problem, ValidationError
from ._vendor import asks_for_help, header, quoted, require_keys, require_supported, short_name
from .plan import ADDRESS_PLACEHOLDERS, PSK_PLACEHOLDER, PeerPlan, TunnelPlan, printable

__all__ = ["render"]

ENCRYPTION = {"aes": "aes-128-cbc", "aes192": "aes-192-cbc", "aes256": "aes-256-cbc", "des": "des", "3des": "3des"}
HASH = {"md5": "md5", "sha1": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}
PROFILES = "set network ike crypto-profiles"
ROUTER = "set network virtual-router default"


def lifetime(seconds: int) -> str:
    """PAN-OS takes a lifetime in one unit, each with its own range: the largest unit that divides it."""
    for unit, size in (("hours", 3600), ("minutes", 60)):
        if seconds % size == 0:
            return f"{unit} {seconds // size}"
    return f"seconds {seconds}"


def _id(value: str) -> str:
    try:
        kind = "ipaddr" if value in ADDRESS_PLACEHOLDERS or ipaddress.ip_address(value) else "fqdn"
    except ValueError:
        kind = "fqdn"
    return f"type {kind} id {value}"


def _tunnel(plan: PeerPlan, tunnel: TunnelPlan, number: int) -> list[str]:
    tag, unit = short_name(plan, number), f"tunnel.{number}"
    version = "ikev1" if tunnel.ike_v1 else "ikev2"
    psk = tunnel.psk.reveal() if tunnel.psk is not None else PSK_PLACEHOLDER
    ike, ipsec, gateway = f"{PROFILES} ike-crypto-profiles {tag}", f"{PROFILES} ipsec-crypto-profiles {tag}", (
        f"set network ike gateway {tag}")  # fmt: skip
    lines = [
        f"# {tunnel.name}: peer {tunnel.remote_address}",
        f"{ike} encryption {ENCRYPTION[tunnel.ike_enc_alg]}",
        f"{ike} hash {HASH[tunnel.ike_auth_alg]}",
        f"{ike} dh-group {tunnel.ike_pfs}",
        f"{ike} lifetime {lifetime(tunnel.ike_lifetime)}",
        f"{ipsec} esp encryption {ENCRYPTION[tunnel.ipsec_enc_alg]}",
        f"{ipsec} esp authentication {HASH[tunnel.ipsec_auth_alg]}",
        f"{ipsec} dh-group {'no-pfs' if tunnel.ipsec_pfs == 'disabled' else tunnel.ipsec_pfs}",
        f"{ipsec} lifetime {lifetime(tunnel.ipsec_lifetime)}",
        f"{gateway} authentication pre-shared-key key {quoted(psk)}",
        f"{gateway} protocol version {version}",
        f"{gateway} protocol {version} ike-crypto-profile {tag}",
        *([f"{gateway} protocol ikev1 exchange-mode {tunnel.ike_mode}"] if tunnel.ike_v1 else []),
        f"{gateway} protocol {version} dpd enable {'yes' if tunnel.dpd else 'no'}",
        f"{gateway} local-address interface <WAN_INTERFACE> ip {tunnel.local_address}",
        f"{gateway} peer-address ip {tunnel.remote_address}",
        f"{gateway} local-id {_id(tunnel.local_id)}",
        f"{gateway} peer-id {_id(tunnel.remote_id)}",
        f"set network interface tunnel units {unit}"
        + (f" ip {tunnel.bgp.local_ip}/30" if tunnel.bgp is not None else ""),
        f"set network tunnel ipsec {tag} auto-key ike-gateway {tag}",
        f"set network tunnel ipsec {tag} auto-key ipsec-crypto-profile {tag}",
        f"set network tunnel ipsec {tag} tunnel-interface {unit}",
    ]
    if tunnel.policy_based:
        pairs = [(local, remote) for local in tunnel.local_subnets for remote in tunnel.remote_subnets]
        lines += [
            f"set network tunnel ipsec {tag} auto-key proxy-id flow{index} local {local} remote {remote} protocol any"
            for index, (local, remote) in enumerate(pairs, start=1)
        ]
        lines += [
            f"{ROUTER} routing-table ip static-route {tag}-{index} interface {unit} destination {cidr}"
            for index, cidr in enumerate(tunnel.remote_subnets, start=1)
        ]
    elif tunnel.bgp is None:
        lines.append(f"# destination routing: route the cloud's networks into {unit}")
    return lines


def _refuse_short_lifetimes(plan: PeerPlan) -> None:
    problems = []
    for tunnel in plan.tunnels:
        where = printable(f"{plan.connection_path} ({tunnel.name})")
        for field, value in (("ike_config.ike_lifetime", tunnel.ike_lifetime),
                             ("ipsec_config.ipsec_lifetime", tunnel.ipsec_lifetime)):  # fmt: skip
            if lifetime(value).startswith("seconds") and value < 180:
                fix = "use 180 s or more, or --format swanctl|json"
                problems.append(
                    Problem(where, f"{value} s is below PAN-OS's 180 s", field, "peer-format-unsupported", fix)
                )
    if problems:
        raise ValidationError(problems)


def render(plan: PeerPlan) -> str:
    require_supported(plan, "PAN-OS", ike_lifetime=(60, 86400), ipsec_lifetime=(60, 86400))
    require_keys(plan, "PAN-OS", asks_for_help)
    _refuse_short_lifetimes(plan)
    lines = header(
        plan, "Palo Alto Networks PAN-OS", "#", review="review it; add the security policies for the traffic"
    )
    for number, tunnel in enumerate(plan.tunnels, start=1):
        lines += _tunnel(plan, tunnel, number)
    bgp = [(number, tunnel.bgp) for number, tunnel in enumerate(plan.tunnels, start=1) if tunnel.bgp is not None]
    if bgp:
        asn = bgp[0][1].local_asn if bgp[0][1].local_asn is not None else "<YOUR_ASN>"
        group = f"{ROUTER} protocol bgp peer-group cvpn-{plan.label}"
        lines += [f"{ROUTER} protocol bgp enable yes", f"{ROUTER} protocol bgp local-as {asn}",
                  f"{ROUTER} protocol bgp router-id {bgp[0][1].local_ip}"]  # fmt: skip
        for number, peering in bgp:
            peer = f"{group} peer {short_name(plan, number)}"
            lines += [
                f"{peer} peer-as {peering.peer_asn}",
                f"{peer} peer-address ip {peering.peer_ip}",
                f"{peer} local-address interface tunnel.{number} ip {peering.local_ip}/30",
            ]
        lines += [f"{ROUTER} ecmp enable yes", f"{ROUTER} ecmp max-path {max(2, len(bgp))}"]
    return "\n".join(lines) + "\n"
