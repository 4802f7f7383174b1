"""A Cisco IOS / IOS-XE settings sheet: a TEMPLATE to review, not a tested configuration.

IKEv2 uses an IKEv2 profile, IKEv1 main mode an ISAKMP policy. Destination routing and BGP are route-based (a
tunnel interface, VTI; BGP a neighbour on the tunnel address); protected data flows are policy-based (a crypto
map on the WAN interface matching an ACL of the flows), as the cloud negotiates exactly those selectors.
"""

from __future__ import annotations

import ipaddress

from ..core.errors import Problem, ValidationError
from ._vendor import asks_for_help, header, require_keys, require_supported, wildcard
from .plan import ADDRESS_PLACEHOLDERS, PSK_PLACEHOLDER, PeerPlan, TunnelPlan, printable

__all__ = ["render"]

IKE_ENCRYPTION = {"aes": "aes-cbc-128", "aes192": "aes-cbc-192", "aes256": "aes-cbc-256", "des": "des", "3des": "3des"}
ISAKMP_ENCRYPTION = {"aes": "aes", "aes192": "aes 192", "aes256": "aes 256", "des": "des", "3des": "3des"}
INTEGRITY = {"md5": "md5", "sha1": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}
ISAKMP_HASH = {"md5": "md5", "sha1": "sha", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}
ESP_ENCRYPTION = {"aes": "esp-aes", "aes192": "esp-aes 192", "aes256": "esp-aes 256", "des": "esp-des",
                  "3des": "esp-3des"}  # fmt: skip
ESP_INTEGRITY = {"md5": "esp-md5-hmac", "sha1": "esp-sha-hmac", "sha256": "esp-sha256-hmac",
                 "sha384": "esp-sha384-hmac", "sha512": "esp-sha512-hmac"}  # fmt: skip


def _group(name: str) -> str:
    return name.removeprefix("group")


def _identity(value: str) -> str:
    if value in ADDRESS_PLACEHOLDERS:  # filled in with an address later: already the address type
        return f"address {value}"
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return f"fqdn {value}"
    return f"address {value}"


def _tunnel(plan: PeerPlan, tunnel: TunnelPlan, number: int) -> list[str]:
    tag = f"cvpn-{plan.label}-{tunnel.name}"
    psk = tunnel.psk.reveal() if tunnel.psk is not None else PSK_PLACEHOLDER
    lines = [f"! --- {tunnel.name}: peer {tunnel.remote_address} ---"]
    if tunnel.ike_v1:
        lines += [
            f"crypto isakmp policy {10 * number}",
            f" encryption {ISAKMP_ENCRYPTION[tunnel.ike_enc_alg]}",
            f" hash {ISAKMP_HASH[tunnel.ike_auth_alg]}",
            " authentication pre-share",
            f" group {_group(tunnel.ike_pfs)}",
            f" lifetime {tunnel.ike_lifetime}",
            f"crypto isakmp key {psk} address {tunnel.remote_address}",
        ]
        if tunnel.dpd:
            lines.append("crypto isakmp keepalive 10 3 periodic")
    else:
        lines += [
            f"crypto ikev2 proposal {tag}",
            f" encryption {IKE_ENCRYPTION[tunnel.ike_enc_alg]}",
            f" integrity {INTEGRITY[tunnel.ike_auth_alg]}",
            f" group {_group(tunnel.ike_pfs)}",
            f"crypto ikev2 policy {tag}",
            f" proposal {tag}",
            f"crypto ikev2 keyring {tag}",
            f" peer {tunnel.name}",
            f"  address {tunnel.remote_address}",
            f"  pre-shared-key {psk}",
            f"crypto ikev2 profile {tag}",
            f" match identity remote {_identity(tunnel.remote_id)}",
            f" identity local {_identity(tunnel.local_id)}",
            " authentication remote pre-share",
            " authentication local pre-share",
            f" keyring local {tag}",
            f" lifetime {tunnel.ike_lifetime}",
        ]
        if tunnel.dpd:
            lines.append(" dpd 10 3 periodic")
    lines += [
        f"crypto ipsec transform-set {tag} {ESP_ENCRYPTION[tunnel.ipsec_enc_alg]}"
        f" {ESP_INTEGRITY[tunnel.ipsec_auth_alg]}",
        " mode tunnel",
    ]
    sa = [f" set security-association lifetime seconds {tunnel.ipsec_lifetime}"]
    if tunnel.ipsec_pfs != "disabled":
        sa.append(f" set pfs group{_group(tunnel.ipsec_pfs)}")
    if not tunnel.ike_v1:
        sa.append(f" set ikev2-profile {tag}")
    if tunnel.policy_based:
        # Protected data flows: the cloud negotiates exactly these selectors, so the device's crypto map matches
        # an ACL of the same pairs (a VTI would propose 0.0.0.0/0 and be refused).
        lines.append(f"ip access-list extended {tag}")
        lines += [
            f" permit ip {wildcard(local)} {wildcard(remote)}"
            for local in tunnel.local_subnets
            for remote in tunnel.remote_subnets
        ]
        lines += [
            f"crypto map cvpn-{plan.label} {10 * number} ipsec-isakmp",
            f" set peer {tunnel.remote_address}",
            f" set transform-set {tag}",
            *sa,
            f" match address {tag}",
        ]
        return lines
    lines += [f"crypto ipsec profile {tag}", f" set transform-set {tag}", *sa, f"interface Tunnel{number}"]
    if tunnel.bgp is not None:
        lines.append(f" ip address {tunnel.bgp.local_ip} 255.255.255.252")
    else:
        lines.append(" ip unnumbered <WAN_INTERFACE>")
    lines += [
        f" tunnel source {tunnel.local_address}",
        " tunnel mode ipsec ipv4",
        f" tunnel destination {tunnel.remote_address}",
        f" tunnel protection ipsec profile {tag}",
    ]
    if tunnel.bgp is not None:
        local_asn = tunnel.bgp.local_asn if tunnel.bgp.local_asn is not None else "<YOUR_ASN>"
        lines += [f"router bgp {local_asn}", f" neighbor {tunnel.bgp.peer_ip} remote-as {tunnel.bgp.peer_asn}"]
    else:
        lines.append(f"! destination routing: route the cloud's networks into Tunnel{number}")
    return lines


def _refuse_ikev1_names(plan: PeerPlan) -> None:
    """The ISAKMP part of the sheet identifies both ends by address; an FQDN identity would need an ISAKMP profile."""
    problems = [
        Problem(
            printable(f"{plan.connection_path} ({tunnel.name})"),
            f"IKEv1 with the FQDN identity {printable(identity)!r} is not in the Cisco IOS template",
            "ike_config.local_id" if identity == tunnel.remote_id else "ike_config.remote_id",
            "peer-format-unsupported",
            "use IKEv2 or IP address identities, or --format swanctl|json",
        )
        for tunnel in plan.tunnels
        if tunnel.ike_v1
        for identity in (tunnel.local_id, tunnel.remote_id)
        if identity not in ADDRESS_PLACEHOLDERS and _identity(identity).startswith("fqdn ")
    ]
    if problems:
        raise ValidationError(problems)


def _read_as_keyword(key: str) -> str | None:
    """The key is written as one bare word: IOS reads one that is an encryption type (``0``, ``6``) or
    ``local``/``remote``, which it takes abbreviated to any prefix, as that keyword after ``pre-shared-key`` /
    ``crypto isakmp key``."""
    if key in ("0", "6") or "local".startswith(key) or "remote".startswith(key):
        return "is a word IOS reads as a keyword after pre-shared-key (0, 6, or local/remote abbreviated)"
    return None


def render(plan: PeerPlan) -> str:
    require_supported(plan, "Cisco IOS", ike_lifetime=(60, 86400), ipsec_lifetime=(120, 86400))
    _refuse_ikev1_names(plan)
    require_keys(plan, "Cisco IOS", asks_for_help, _read_as_keyword)
    lines = header(plan, "Cisco IOS / IOS-XE", "!")
    for number, tunnel in enumerate(plan.tunnels, start=1):
        lines += _tunnel(plan, tunnel, number)
    if any(tunnel.policy_based for tunnel in plan.tunnels):
        lines += ["interface <WAN_INTERFACE>", f" crypto map cvpn-{plan.label}"]
    return "\n".join(lines) + "\n"
