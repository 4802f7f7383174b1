"""Every route-based example connection (destination routing, BGP) negotiated in the lab, with traffic.

kernel-libipsec negotiates 0.0.0.0/0 selectors and routes them into its TUN device (``ipsec0``): charon installs
``default dev ipsec0`` in routing table 220 and a ``throw`` route for the IKE peer, so IKE itself stays outside
the tunnel. The device side is the generated ``swanctl.conf``; the cloud side is written apart from the product
(``cloud_side.py``) from the same synthesized connection.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from constructs_vpn.core.testing import Testing
from constructs_vpn.peer import PeerPlan, find_connections, plan_connection, render
from stacks import build_app
from tests.peer.cloud_side import cloud_swanctl
from tests.peer.lab import LabFactory

PSK = "Route-Based-Lab_Key~1"
CLOUD_IPS = ("47.96.0.10", "47.96.0.11")
EVERYTHING = ("0.0.0.0/0",)
#: The example stacks whose connections are route-based (each is put through the lab below).
ROUTE_BASED_STACKS = ("adopt-existing", "bgp-site", "branches", "cross-account", "dc-destination", "dual-tunnel",
                      "vpc-datacenter")  # fmt: skip


@cache
def example_documents() -> dict[str, dict[str, Any]]:
    documents: dict[str, dict[str, Any]] = build_app(Testing.app()).synthesize().documents
    return documents


def first_connection(stack: str) -> tuple[dict[str, Any], str]:
    document = example_documents()[stack]
    return document, sorted(find_connections(document))[0]


def route_based(plan: PeerPlan) -> bool:
    return all(tunnel.route_based or tunnel.bgp is not None for tunnel in plan.tunnels)


def test_every_route_based_example_is_in_the_lab_list() -> None:
    """A new route-based example cannot be forgotten: the lab list is every example that renders route-based."""
    found = []
    for stack, document in sorted(example_documents().items()):
        plans = [plan_connection(document, path) for path in find_connections(document)]
        if any(tunnel.unknown for plan in plans for tunnel in plan.tunnels):
            continue  # written with generic resources: refused by the renderers (tests/peer/test_probes.py)
        if any(route_based(plan) for plan in plans):
            found.append(stack)
    assert tuple(found) == ROUTE_BASED_STACKS


@pytest.mark.parametrize("stack", ROUTE_BASED_STACKS)
def test_route_based_example_negotiates_with_traffic(make_lab: LabFactory, stack: str) -> None:
    document, path = first_connection(stack)
    count = len(plan_connection(document, path).tunnels)
    cloud_ips = list(CLOUD_IPS[:count])
    plan = plan_connection(document, path, gateway_ips=cloud_ips, psks=[PSK] * count)
    assert route_based(plan)
    device_ips = [tunnel.local_address for tunnel in plan.tunnels]
    lab = make_lab(cloud_addresses=cloud_ips, onprem_addresses=list(dict.fromkeys(device_ips)))
    names = [f"{plan.label}-{tunnel.name}" for tunnel in plan.tunnels]
    (body,) = (b for n, b in document["resource"]["alicloud_vpn_gateway_vpn_attachment"].items()
               if find_connections(document)[path] == n)  # fmt: skip
    cloud = cloud_swanctl(body, cloud_ips=cloud_ips, device_ips=device_ips, psks=[PSK] * count, names=names)
    lab.keep_ike_outside_tunnels()
    lab.load(cloud=cloud, onprem=render(plan, "swanctl"))
    for name, cloud_ip in zip(names, cloud_ips, strict=True):
        device_sa = lab.onprem.wait_child(name, ike=name, timeout=10)
        cloud_sa = lab.cloud.wait_child(name, ike=name, timeout=10)
        assert device_sa.remote_host == cloud_ip
        for sa in (device_sa, cloud_sa):
            child = sa.child(name)
            assert (child.state, child.local_ts, child.remote_ts) == ("INSTALLED", EVERYTHING, EVERYTHING)
    # Any address is inside 0.0.0.0/0: the lab's protected hosts reach each other through ipsec0, both ways.
    there = lab.send_udp("10.20.0.1", "10.10.0.1")
    back = lab.send_udp("10.10.0.1", "10.20.0.1")
    assert (there.seen_source, back.seen_source) == (there.source, back.source)
