"""BGP with a real router: ``peer-config --format frr`` on the device (FRR zebra + bgpd), BIRD on the cloud side.

The tunnels are the generated route-based ``swanctl.conf``; the lab's kernel has no XFRM ESP, so
kernel-libipsec's one TUN device (``ipsec0``) stands in for the XFRM interfaces the ``frr.conf`` names, and
zebra puts the tunnel addresses on it. The cloud side (``bgp_lab.bird_conf``) is written from the synthesized
connection apart from the renderer. The session must reach Established through the tunnel and the prefixes
must cross both ways; a wrong ASN or neighbour must not.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from constructs_vpn.core import ValidationError
from constructs_vpn.peer import PeerPlan, find_connections, plan_connection, render
from tests.peer.bgp_lab import Bird, Frr, bird_conf
from tests.peer.cloud_side import cloud_swanctl
from tests.peer.lab import Lab, LabFactory, _wait_until
from tests.peer.test_route_based import PSK, example_documents, first_connection
from tests.tooling import require_executable

CLOUD_IPS = ["47.96.0.10", "47.96.0.11"]
DEVICE_NET, CLOUD_NET = "10.20.0.0/24", "10.10.0.0/24"


def test_frr_conf_of_the_dual_tunnel_example() -> None:
    document, path = first_connection("dual-tunnel")
    conf = render(plan_connection(document, path, announce=["10.50.0.0/16"]), "frr")
    assert "interface xfrm1\n ip address 169.254.20.2/30" in conf
    assert "interface xfrm2\n ip address 169.254.21.2/30" in conf
    assert "router bgp 65050\n" in conf and "  network 10.50.0.0/16\n  maximum-paths 2\n" in conf
    assert " neighbor 169.254.20.1 remote-as 45104\n" in conf and " neighbor 169.254.21.1 remote-as 45104\n" in conf
    swanctl = render(plan_connection(document, path), "swanctl")  # the interfaces the swanctl.conf defines
    assert "if_id_in = 1" in swanctl and "if_id_in = 2" in swanctl and "xfrm2 type xfrm if_id 2" in swanctl


def test_frr_refuses_what_it_cannot_configure() -> None:
    document, path = first_connection("dc-destination")
    with pytest.raises(ValidationError) as caught:
        render(plan_connection(document, path), "frr")
    assert {(p.field, p.rule) for p in caught.value.problems} == {("bgp_config", "peer-format-unsupported")}
    plain = render(plan_connection(*first_connection("bgp-site")), "frr")
    assert "Fill in before use: a `network <CIDR>` line" in plain
    with pytest.raises(ValidationError, match=r"rule cidr\)"):
        plan_connection(*first_connection("bgp-site"), announce=["10.0.0.0/33"])


def _lab_with_tunnels(make_lab: LabFactory, stack: str) -> tuple[Lab, PeerPlan, dict[str, Any], dict[str, Any]]:
    require_executable("bird", "install bird2 with .ci/install-lab.sh")
    require_executable("vtysh", "install frr with .ci/install-lab.sh")
    document, path = first_connection(stack)
    count = len(plan_connection(document, path).tunnels)
    cloud_ips = CLOUD_IPS[:count]
    plan = plan_connection(document, path, gateway_ips=cloud_ips, psks=[PSK] * count, announce=[DEVICE_NET])
    body = document["resource"]["alicloud_vpn_gateway_vpn_attachment"][find_connections(document)[path]]
    names = [f"{plan.label}-{tunnel.name}" for tunnel in plan.tunnels]
    device_ips = [tunnel.local_address for tunnel in plan.tunnels]
    lab = make_lab(cloud_addresses=cloud_ips, onprem_addresses=list(dict.fromkeys(device_ips)))
    lab.keep_ike_outside_tunnels()
    cloud = cloud_swanctl(body, cloud_ips=cloud_ips, device_ips=device_ips, psks=[PSK] * count, names=names)
    lab.load(cloud=cloud, onprem=render(plan, "swanctl"))
    for name in names:
        lab.onprem.wait_child(name, ike=name, timeout=10)
        lab.cloud.wait_child(name, ike=name, timeout=10)
    # The cloud's tunnel addresses (from the connection's BGP blocks); the device's come from frr.conf via zebra.
    specs = body.get("tunnel_options_specification") or [{"tunnel_bgp_config": body["bgp_config"]}]
    for spec in specs:
        bgp = spec["tunnel_bgp_config"]
        lab.cloud.ip("addr", "add", f"{bgp['local_bgp_ip']}/30", "dev", "ipsec0")
    lab.onprem.ip("route", "add", "blackhole", DEVICE_NET)  # the data center network the device announces
    return lab, plan, document, body


def device_frr(plan: PeerPlan) -> str:
    """The generated frr.conf, its XFRM interfaces played by kernel-libipsec's TUN device."""
    return re.sub(r"^interface xfrm\d+$", "interface ipsec0", render(plan, "frr"), flags=re.M)


@pytest.mark.parametrize("stack", ["bgp-site", "dual-tunnel"])
def test_bgp_sessions_and_routes_both_ways(make_lab: LabFactory, stack: str) -> None:
    lab, plan, document, body = _lab_with_tunnels(make_lab, stack)
    peers = [tunnel.bgp.peer_ip for tunnel in plan.tunnels if tunnel.bgp is not None]
    with (
        Frr(lab.onprem, device_frr(plan)) as frr,
        Bird(lab.cloud, bird_conf(document, body, announce=[CLOUD_NET])) as bird,
    ):

        def established() -> dict[str, Any] | None:
            summary = frr.show("show bgp ipv4 unicast summary")["peers"]
            return summary if all(summary.get(p, {}).get("state") == "Established" for p in peers) else None

        _wait_until(established, 20, "every BGP session Established on the device", interval=0.2)
        protocols = bird.wait("Established")
        assert protocols.count("Established") >= 2 * len(peers)  # BIRD: "up ... Established" and "BGP state"

        def learned() -> list[Any] | None:
            routes = frr.show("show bgp ipv4 unicast").get("routes", {}).get(CLOUD_NET, [])
            return routes if len(routes) == len(peers) and all(r.get("valid") for r in routes) else None

        paths = _wait_until(learned, 10, f"{CLOUD_NET} from every neighbour on the device", interval=0.2)
        assert sorted(path["peerId"] for path in paths) == sorted(peers)

        # In the device's kernel: one route over every tunnel (equal-cost multipath, not a standby path).
        def installed() -> str | None:
            route = lab.onprem.ip("route", "show", CLOUD_NET)
            return route if "proto bgp" in route and all(f"via {peer} " in route for peer in peers) else None

        route = _wait_until(installed, 10, f"{CLOUD_NET} installed over every tunnel", interval=0.2)
        assert route.count("nexthop via") == (len(peers) if len(peers) > 1 else 0), route
        cloud_route = bird.wait("10.20.0.0/24", f"show route {DEVICE_NET} all")
        assert "BGP.as_path: 4200000000" in cloud_route or "BGP.as_path: 65050" in cloud_route


@pytest.mark.parametrize("mistake", ["asn", "neighbour"])
def test_a_wrong_asn_or_neighbour_fails(make_lab: LabFactory, mistake: str) -> None:
    lab, plan, document, body = _lab_with_tunnels(make_lab, "bgp-site")
    (tunnel,) = plan.tunnels
    assert tunnel.bgp is not None
    wrong = {"neighbour_asn": 64999} if mistake == "asn" else {"neighbour_ip": "169.254.10.3"}
    with (
        Frr(lab.onprem, device_frr(plan)) as frr,
        Bird(lab.cloud, bird_conf(document, body, announce=[CLOUD_NET], **wrong)) as bird,
    ):
        if mistake == "asn":
            bird.wait("Bad peer AS")
        else:
            _wait_until(lambda: "Unexpected connect from unknown address" in bird.log.read_text() or None, 15,
                        "BIRD refusing the device's connection", interval=0.2)  # fmt: skip
        state = frr.show("show bgp ipv4 unicast summary")["peers"][tunnel.bgp.peer_ip]["state"]
        assert state != "Established" and "Established" not in bird.show("show protocols")


def test_every_bgp_example_is_in_the_lab() -> None:
    bgp = sorted(
        stack
        for stack, document in example_documents().items()
        if any(t.bgp for path in find_connections(document) for t in plan_connection(document, path).tunnels)
    )
    assert bgp == ["bgp-site", "dual-tunnel"]
