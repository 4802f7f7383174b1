"""Dual tunnel, both active: the generated device side brings up both tunnels of the dual-tunnel example at once,
traffic crosses each tunnel, and when one cloud end goes away dead peer detection (as generated) moves the traffic
to the other.

In a transit router's dual-tunnel connection both tunnels are equal-cost paths. On a real device the spread
over both is the kernel's (two XFRM interfaces with equal-cost routes); the lab's kernel has no ESP, and
kernel-libipsec sends a datagram for two identical 0.0.0.0/0 policies by one SA at a time. So the lab proves
what the configuration decides: both IKE and CHILD SAs up together (neither is a standby that waits), each
tunnel carrying traffic, and failover within the configured DPD time.
"""

from __future__ import annotations

import copy
import time
from typing import Any

from constructs_vpn.peer import find_connections, plan_connection, render
from tests.peer.cloud_side import cloud_swanctl
from tests.peer.ecmp_lab import EcmpLab
from tests.peer.lab import _wait_until, require_lab
from tests.peer.test_route_based import PSK, first_connection

CLOUD_IPS = ["47.96.0.10", "47.96.0.11"]


def single_tunnel_view(body: dict[str, Any], index: int) -> dict[str, Any]:
    """The connection as cloud end ``index`` holds it: its own tunnel only."""
    view = copy.deepcopy(body)
    view["tunnel_options_specification"] = [body["tunnel_options_specification"][index]]
    return view


def test_both_tunnels_active_with_failover() -> None:
    require_lab()
    document, path = first_connection("dual-tunnel")
    plan = plan_connection(document, path, gateway_ips=CLOUD_IPS, psks=[PSK, PSK])
    assert [tunnel.dpd for tunnel in plan.tunnels] == [True, True]
    names = [f"{plan.label}-{tunnel.name}" for tunnel in plan.tunnels]
    device_ips = [tunnel.local_address for tunnel in plan.tunnels]
    body = document["resource"]["alicloud_vpn_gateway_vpn_attachment"][find_connections(document)[path]]
    with EcmpLab(cloud_addresses=CLOUD_IPS, device_addresses=device_ips) as lab:
        device, clouds = lab.device, lab.clouds
        for index, cloud in enumerate(clouds):
            view = single_tunnel_view(body, index)
            cloud.load(cloud_swanctl(view, cloud_ips=[CLOUD_IPS[index]], device_ips=[device_ips[index]],
                                     psks=[PSK], names=[names[index]]))  # fmt: skip
        device.load(render(plan, "swanctl"))  # start_action = start: the device brings both up by itself

        # Both tunnels up at the same time, each to its own cloud end.
        for name, cloud in zip(names, clouds, strict=True):
            assert device.wait_child(name, ike=name, timeout=10).remote_host == str(cloud.address)
            cloud.wait_child(name, ike=name, timeout=10)
        established = {sa.name for sa in device.list_sas() if sa.state == "ESTABLISHED"}
        assert established == set(names)

        # Traffic through each tunnel: each cloud end sends to the device over its own tunnel.
        host, device_host = clouds[0].hosts[0], device.hosts[0]
        for name, cloud in zip(names, clouds, strict=True):
            before = device.ike_sa(name).child(name).packets_in
            assert lab.send(cloud, host, device_host, device) is device
            assert device.ike_sa(name).child(name).packets_in == before + 1

        # The device's own traffic leaves by one tunnel; that cloud end dies without a word.
        carrier = lab.send(device, device_host, host, *clouds)
        assert carrier is not None
        survivor = next(cloud for cloud in clouds if cloud is not carrier)
        carrier_name = names[clouds.index(carrier)]
        crashed, since = time.monotonic(), device.log_offset()
        carrier.crash()

        # Dead peer detection as generated (dpd_delay 10 s, then the lab's retransmits) drops that tunnel ...
        def gone() -> bool | None:
            return all(sa.name != carrier_name or sa.state != "ESTABLISHED" for sa in device.list_sas()) or None

        _wait_until(gone, 25, f"DPD to drop {carrier_name}", interval=0.2)
        detected = time.monotonic() - crashed
        assert detected < 10 + 8, detected  # dpd_delay, then about 3 s of retransmits

        # charon may write the line a moment after the SA is gone (seen under load): wait for it
        def given_up() -> str | None:
            text = device.log(since)
            return text if "giving up after 2 retransmits" in text else None

        dpd = _wait_until(given_up, 5, "the DPD give-up line in the device log")
        assert f"<{carrier_name}|" in dpd
        assert "generating INFORMATIONAL request" in dpd  # the DPD probe: no DELETE came from the crashed end
        # ... and the traffic flows over the other, whose SA stayed up all along.
        assert lab.send(device, device_host, host, *clouds) is survivor
        assert survivor.ike_sa(names[clouds.index(survivor)]).state == "ESTABLISHED"
