"""A VyOS settings sheet (``config.boot`` hierarchy, VyOS 1.4): a TEMPLATE to review, not a tested configuration.

Per tunnel an IKE group, an ESP group, a pre-shared key and a site-to-site peer. Protected data flows are
policy-based (a ``tunnel`` per flow pair, exactly the selectors the cloud negotiates); destination routing
and BGP are route-based (a VTI per tunnel; BGP a neighbour on the tunnel address, multipath over both).
"""

from __future__ import annotations

from ..core.errors import Problem, ValidationError
from ._vendor import header, quoted, require_supported
from .plan import PSK_PLACEHOLDER, PeerPlan, TunnelPlan, printable

__all__ = ["render"]

ENCRYPTION = {"aes": "aes128", "aes192": "aes192", "aes256": "aes256", "3des": "3des"}
HASH = {"md5": "md5", "sha1": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}


def _refuse_des(plan: PeerPlan) -> None:
    problems = []
    for tunnel in plan.tunnels:
        where = printable(f"{plan.connection_path} ({tunnel.name})")
        for field, value in (("ike_config.ike_enc_alg", tunnel.ike_enc_alg),
                             ("ipsec_config.ipsec_enc_alg", tunnel.ipsec_enc_alg)):  # fmt: skip
            if value == "des":
                fix = "use aes, aes192, aes256 or 3des, or --format swanctl|json"
                problems.append(
                    Problem(where, "DES is not in the VyOS template", field, "peer-format-unsupported", fix)
                )
    if problems:
        raise ValidationError(problems)


def _nest(name: str, body: list[str]) -> list[str]:
    return [f"{name} {{", *(f"    {line}" for line in body), "}"]


def _groups(tunnel: TunnelPlan, tag: str) -> list[str]:
    dpd = _nest("dead-peer-detection", ["action restart", "interval 10", "timeout 30"]) if tunnel.dpd else []
    ike = _nest(f"ike-group {tag}", [
        f"key-exchange {'ikev1' if tunnel.ike_v1 else 'ikev2'}",
        f"lifetime {tunnel.ike_lifetime}",
        *dpd,
        *_nest("proposal 1", [f"dh-group {tunnel.ike_pfs.removeprefix('group')}",
                              f"encryption {ENCRYPTION[tunnel.ike_enc_alg]}", f"hash {HASH[tunnel.ike_auth_alg]}"]),
    ])  # fmt: skip
    pfs = "disable" if tunnel.ipsec_pfs == "disabled" else f"dh-group{tunnel.ipsec_pfs.removeprefix('group')}"
    esp = _nest(f"esp-group {tag}", [
        f"lifetime {tunnel.ipsec_lifetime}",
        "mode tunnel",
        f"pfs {pfs}",
        *_nest("proposal 1", [f"encryption {ENCRYPTION[tunnel.ipsec_enc_alg]}", f"hash {HASH[tunnel.ipsec_auth_alg]}"]),
    ])  # fmt: skip
    return [*ike, *esp]


def _peer(tunnel: TunnelPlan, tag: str, number: int) -> list[str]:
    body = [
        *_nest("authentication", [f"local-id {tunnel.local_id}", "mode pre-shared-secret",
                                  f"remote-id {tunnel.remote_id}"]),
        "connection-type initiate",
        f"ike-group {tag}",
        f"local-address {tunnel.local_address}",
        f"remote-address {tunnel.remote_address}",
    ]  # fmt: skip
    if tunnel.policy_based:
        pairs = [(local, remote) for local in tunnel.local_subnets for remote in tunnel.remote_subnets]
        for index, (local, remote) in enumerate(pairs, start=1):
            body += _nest(f"tunnel {index}", [f"esp-group {tag}", *_nest("local", [f"prefix {local}"]),
                                              *_nest("remote", [f"prefix {remote}"])])  # fmt: skip
    else:
        body += _nest("vti", [f"bind vti{number}", f"esp-group {tag}"])
    return _nest(f"peer {tag}", body)


def render(plan: PeerPlan) -> str:
    require_supported(plan, "VyOS", ike_lifetime=(30, 86400), ipsec_lifetime=(30, 86400))
    _refuse_des(plan)
    tunnels = [(number, tunnel, f"cvpn-{plan.label}-{tunnel.name}") for number, tunnel in
               enumerate(plan.tunnels, start=1)]  # fmt: skip
    lines = header(plan, "VyOS", "/*", fill="")
    psks = [
        line
        for _, tunnel, tag in tunnels
        for line in _nest(f"psk {tag}", [f"id {tunnel.local_id}", f"id {tunnel.remote_id}",
                                         f"secret {quoted(tunnel.psk.reveal() if tunnel.psk else PSK_PLACEHOLDER)}"])
    ]  # fmt: skip
    ipsec = [
        *_nest("authentication", psks),
        *(line for _, tunnel, tag in tunnels for line in _groups(tunnel, tag)),
        *_nest("site-to-site", [line for number, tunnel, tag in tunnels for line in _peer(tunnel, tag, number)]),
    ]
    lines += _nest("vpn", _nest("ipsec", ipsec))
    vtis = [(number, tunnel) for number, tunnel, _ in tunnels if not tunnel.policy_based]
    if vtis:
        lines += _nest("interfaces", [
            line for number, tunnel in vtis
            for line in _nest(f"vti vti{number}", [f"address {tunnel.bgp.local_ip}/30"] if tunnel.bgp else [])
        ])  # fmt: skip
    bgp = [tunnel.bgp for _, tunnel, _ in tunnels if tunnel.bgp is not None]
    if bgp:
        asn = bgp[0].local_asn if bgp[0].local_asn is not None else "<YOUR_ASN>"
        neighbours = [line for peering in bgp for line in _nest(
            f"neighbor {peering.peer_ip}", [*_nest("address-family", _nest("ipv4-unicast", [])),
                                            f"remote-as {peering.peer_asn}"])]  # fmt: skip
        family = _nest("address-family", _nest("ipv4-unicast", _nest("maximum-paths", [f"ebgp {len(bgp)}"])))
        lines += _nest("protocols", _nest("bgp", [*family, *neighbours, f"system-as {asn}"]))
    elif vtis:
        lines.append("/* destination routing: route the cloud's networks into the vti interfaces */")
    return "\n".join(lines) + "\n"
