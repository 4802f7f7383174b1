"""A JSON document shaped like Alibaba Cloud's ``DownloadVpnConnectionConfig`` answer, for other tooling.

As in the API, it is written from the device's side: ``Local`` is the customer gateway, ``Remote`` the
cloud gateway, ``LocalSubnet`` the data center's networks. Dual-tunnel connections add ``TunnelsConfig``.
"""

from __future__ import annotations

import json
from typing import Any

from .plan import PSK_PLACEHOLDER, PeerPlan, TunnelPlan

__all__ = ["render"]


def _ike(tunnel: TunnelPlan) -> dict[str, Any]:
    return {
        "IkeVersion": tunnel.ike_version,
        "IkeMode": tunnel.ike_mode,
        "IkeEncAlg": tunnel.ike_enc_alg,
        "IkeAuthAlg": tunnel.ike_auth_alg,
        "IkePfs": tunnel.ike_pfs,
        "IkeLifetime": tunnel.ike_lifetime,
        "LocalId": tunnel.local_id,
        "RemoteId": tunnel.remote_id,
        "Psk": tunnel.psk.reveal() if tunnel.psk is not None else PSK_PLACEHOLDER,
    }


def _ipsec(tunnel: TunnelPlan) -> dict[str, Any]:
    return {
        "IpsecEncAlg": tunnel.ipsec_enc_alg,
        "IpsecAuthAlg": tunnel.ipsec_auth_alg,
        "IpsecPfs": tunnel.ipsec_pfs,
        "IpsecLifetime": tunnel.ipsec_lifetime,
    }


def _bgp(tunnel: TunnelPlan) -> dict[str, Any] | None:
    if tunnel.bgp is None:
        return None
    return {
        "EnableBgp": True,
        "LocalAsn": tunnel.bgp.local_asn,
        "LocalBgpIp": tunnel.bgp.local_ip,
        "PeerAsn": tunnel.bgp.peer_asn,
        "PeerBgpIp": tunnel.bgp.peer_ip,
        "TunnelCidr": tunnel.bgp.tunnel_cidr,
    }


def render(plan: PeerPlan) -> str:
    first = plan.tunnels[0]
    config: dict[str, Any] = {
        "Local": first.local_address,
        "Remote": first.remote_address,
        "LocalSubnet": ",".join(first.local_subnets),
        "RemoteSubnet": ",".join(first.remote_subnets),
    }
    if len(plan.tunnels) == 1:
        config["IkeConfig"] = _ike(first)
        config["IpsecConfig"] = _ipsec(first)
        if first.bgp is not None:
            config["BgpConfig"] = _bgp(first)
    else:
        config["TunnelsConfig"] = {
            "TunnelConfig": [
                {
                    key: value
                    for key, value in {
                        "TunnelName": tunnel.name,
                        "Local": tunnel.local_address,
                        "Remote": tunnel.remote_address,
                        "IkeConfig": _ike(tunnel),
                        "IpsecConfig": _ipsec(tunnel),
                        "BgpConfig": _bgp(tunnel),
                    }.items()
                    if value is not None
                }
                for tunnel in plan.tunnels
            ]
        }
    document = {"VpnConnectionConfig": config, "Placeholders": list(plan.placeholders)}
    return json.dumps(document, indent=2, sort_keys=True) + "\n"
