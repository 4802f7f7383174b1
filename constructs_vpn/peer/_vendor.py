"""What the vendor templates share: the combinations a device family cannot express."""

from __future__ import annotations

import ipaddress

from ..core.errors import Problem, ValidationError
from .plan import PeerPlan, printable

__all__ = ["quoted", "require_supported", "wildcard"]


def require_supported(
    plan: PeerPlan, vendor: str, *, ike_lifetime: tuple[int, int], ipsec_lifetime: tuple[int, int]
) -> None:
    """Raise one ``ValidationError`` naming every setting ``vendor`` has no equivalent for."""
    problems: list[Problem] = []
    for tunnel in plan.tunnels:
        where = printable(f"{plan.connection_path} ({tunnel.name})")
        checks = (
            ("ike_config.ike_lifetime", tunnel.ike_lifetime, ike_lifetime),
            ("ipsec_config.ipsec_lifetime", tunnel.ipsec_lifetime, ipsec_lifetime),
        )
        for field, value, (low, high) in checks:
            if not low <= value <= high:
                problems.append(
                    Problem(
                        where,
                        f"{value} s has no {vendor} equivalent ({low}-{high} s)",
                        field,
                        "peer-format-unsupported",
                        f"use {low}-{high} s, or --format swanctl|json",
                    )
                )
        if tunnel.ike_v1 and tunnel.ike_mode == "aggressive":
            problems.append(
                Problem(
                    where,
                    f"IKEv1 aggressive mode is not in the {vendor} template",
                    "ike_config.ike_mode",
                    "peer-format-unsupported",
                    "use main mode or IKEv2, or --format swanctl|json",
                )
            )
    if problems:
        raise ValidationError(problems)


def wildcard(cidr: str) -> str:
    """``cidr`` as address and wildcard mask, as Cisco and Huawei ACLs write it (``10.0.0.0 0.0.255.255``)."""
    network = ipaddress.IPv4Network(cidr)
    return f"{network.network_address} {network.hostmask}"


def quoted(text: str) -> str:
    """``text`` as a double-quoted string with backslash escapes (swanctl, Junos, VyOS, FortiOS)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
