"""On-premises gateway configuration rendered from the same model as the cloud side.

``plan_connection(document, connection)`` reads a synthesized stack and returns the device's view;
``render(plan, format)`` writes it as strongSwan ``swanctl.conf``, Alibaba's ``DownloadVpnConnectionConfig``
JSON, a Cisco IOS / Huawei VRP / Juniper SRX / VyOS / FortiGate / PAN-OS template, or an FRR ``frr.conf`` for BGP.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.errors import ValidationError
from . import aliyun_json, cisco_ios, fortigate, frr, huawei_vrp, juniper_srx, paloalto, swanctl, vyos
from .plan import PeerPlan, Secret, TunnelPlan, find_connections, plan_connection, printable

__all__ = ["FORMATS", "PeerPlan", "Secret", "TunnelPlan", "find_connections", "plan_connection", "render"]

FORMATS: dict[str, Callable[[PeerPlan], str]] = {
    "swanctl": swanctl.render,
    "json": aliyun_json.render,
    "cisco": cisco_ios.render,
    "huawei": huawei_vrp.render,
    "junos": juniper_srx.render,
    "vyos": vyos.render,
    "fortigate": fortigate.render,
    "panos": paloalto.render,
    "frr": frr.render,
}


def render(plan: PeerPlan, format: str) -> str:
    """``plan`` in ``format`` (one of ``FORMATS``); refused while the stack leaves a tunnel value to the API, or
    while a value breaks the constructs' rules (a plan changed by hand) or is one the format cannot write."""
    renderer = FORMATS.get(format)
    if renderer is None:
        raise ValidationError.single(
            printable(plan.connection_path),
            f"unknown format {printable(repr(format))}",
            rule="peer-format",
            fix=f"use one of {', '.join(FORMATS)}",
        )
    plan.refuse_unknown()
    plan.refuse_malformed()
    return renderer(plan)
