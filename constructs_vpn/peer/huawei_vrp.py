"""A Huawei VRP (AR / USG) settings sheet: a TEMPLATE to review, not a tested configuration.

IKE proposal, IKE peer and IPsec proposal; destination routing and BGP are route-based (an IPsec profile on a
tunnel interface; BGP a peer on the tunnel address); protected data flows are policy-based (an IPsec policy on
the WAN interface matching an ACL of the flows), as the cloud negotiates exactly those selectors.
"""

from __future__ import annotations

import ipaddress

from ._vendor import asks_for_help, header, require_keys, require_supported, wildcard
from .plan import ADDRESS_PLACEHOLDERS, PSK_PLACEHOLDER, PeerPlan, TunnelPlan

__all__ = ["render"]

ENCRYPTION = {"aes": "aes-128", "aes192": "aes-192", "aes256": "aes-256", "des": "des", "3des": "3des"}
AUTHENTICATION = {"md5": "md5", "sha1": "sha1", "sha256": "sha2-256", "sha384": "sha2-384", "sha512": "sha2-512"}


def _id_type(value: str) -> str:
    if value in ADDRESS_PLACEHOLDERS:  # filled in with an address later: already the address type
        return "ip"
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return "fqdn"
    return "ip"


#: A password VRP takes as its own cipher text: starting and ending with one of these (Huawei AR product
#: documentation, "Security Conventions": such a plain-text password "can be decrypted by the device").
CIPHER_MARKS = ("%@%@", "@%@%", "%#%#", "%^%#")


def _read_as_cipher_text(key: str) -> str | None:
    """A key written ``pre-shared-key cipher KEY`` that looks like VRP's cipher text is decrypted, not taken."""
    if any(key.startswith(mark) and key.endswith(mark) for mark in CIPHER_MARKS):
        return "starts and ends with a mark VRP reads as its cipher text (%@%@, @%@%, %#%#, %^%#)"
    return None


def _tunnel(plan: PeerPlan, tunnel: TunnelPlan, number: int) -> list[str]:
    tag = f"cvpn-{plan.label}-{tunnel.name}"
    psk = tunnel.psk.reveal() if tunnel.psk is not None else PSK_PLACEHOLDER
    lines = [
        f"# --- {tunnel.name}: peer {tunnel.remote_address} ---",
        f"ike proposal {number}",
        f" encryption-algorithm {ENCRYPTION[tunnel.ike_enc_alg]}",
        f" authentication-algorithm {AUTHENTICATION[tunnel.ike_auth_alg]}",
        f" dh {tunnel.ike_pfs}",
        f" sa duration {tunnel.ike_lifetime}",
        f"ike peer {tag}",
        f" version {1 if tunnel.ike_v1 else 2}",
    ]
    if tunnel.ike_v1:
        lines.append(" exchange-mode main")
    lines += [
        f" pre-shared-key cipher {psk}",
        f" ike-proposal {number}",
        f" local-id-type {_id_type(tunnel.local_id)}",
        f" local-id {tunnel.local_id}",
        f" remote-id {tunnel.remote_id}",
        f" remote-address {tunnel.remote_address}",
    ]
    if tunnel.dpd:
        lines.append(" dpd type periodic")
    lines += [
        f"ipsec proposal {tag}",
        f" esp authentication-algorithm {AUTHENTICATION[tunnel.ipsec_auth_alg]}",
        f" esp encryption-algorithm {ENCRYPTION[tunnel.ipsec_enc_alg]}",
    ]
    sa = [f" ike-peer {tag}", f" proposal {tag}", f" sa duration time-based {tunnel.ipsec_lifetime}"]
    if tunnel.ipsec_pfs != "disabled":
        sa.append(f" pfs dh-{tunnel.ipsec_pfs}")
    if tunnel.policy_based:
        # Protected data flows: an IPsec policy on the WAN interface matching an ACL of exactly those flows.
        lines.append(f"acl name {tag} advance")
        lines += [
            f" rule {5 * index} permit ip source {wildcard(local)} destination {wildcard(remote)}"
            for index, (local, remote) in enumerate(
                ((local, remote) for local in tunnel.local_subnets for remote in tunnel.remote_subnets), start=1
            )
        ]
        lines += [f"ipsec policy cvpn-{plan.label} {number} isakmp", f" security acl name {tag}", *sa]
        return lines
    lines += [f"ipsec profile {tag}", *sa, f"interface Tunnel0/0/{number}"]
    if tunnel.bgp is not None:
        lines.append(f" ip address {tunnel.bgp.local_ip} 30")
    else:
        lines.append(" ip address unnumbered interface <WAN_INTERFACE>")
    lines += [
        " tunnel-protocol ipsec",
        f" source {tunnel.local_address}",
        f" destination {tunnel.remote_address}",
        f" ipsec profile {tag}",
    ]
    if tunnel.bgp is not None:
        local_asn = tunnel.bgp.local_asn if tunnel.bgp.local_asn is not None else "<YOUR_ASN>"
        lines += [f"bgp {local_asn}", f" peer {tunnel.bgp.peer_ip} as-number {tunnel.bgp.peer_asn}"]
    else:
        lines.append(f"# destination routing: route the cloud's networks into Tunnel0/0/{number}")
    return lines


def render(plan: PeerPlan) -> str:
    require_supported(plan, "Huawei VRP", ike_lifetime=(60, 604800), ipsec_lifetime=(30, 604800))
    require_keys(plan, "Huawei VRP", asks_for_help, _read_as_cipher_text)
    lines = header(plan, "Huawei VRP", "#")
    for number, tunnel in enumerate(plan.tunnels, start=1):
        lines += _tunnel(plan, tunnel, number)
    if any(tunnel.policy_based for tunnel in plan.tunnels):
        lines += ["interface <WAN_INTERFACE>", f" ipsec policy cvpn-{plan.label}"]
    return "\n".join(lines) + "\n"
