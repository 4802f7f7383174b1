"""The generated on-premises configuration negotiates with a cloud side derived from the same construct.

For each case: IKE_SA and CHILD_SA up on both sides, the exact traffic selectors, the negotiated proposal
(after a forced rekey, where PFS only shows), and UDP through the tunnel. Negative cases prove it can fail.
"""

from __future__ import annotations

from typing import Any

import pytest

from constructs_vpn.core.testing import Testing
from constructs_vpn.peer import plan_connection, render
from constructs_vpn.vpn import IpsecConnection
from tests.peer.cloud_side import NEGOTIATED_DH, NEGOTIATED_ENC, NEGOTIATED_INTEG, cloud_swanctl
from tests.peer.lab import Lab, LabFactory
from tests.vpn.conftest import Site

CLOUD_IP, DEVICE_IP = "203.0.113.10", "198.51.100.20"
CLOUD_NETS, DEVICE_NETS = ["10.10.0.0/24"], ["10.20.0.0/24"]
NAME = "dc-tunnel1"
PSK = "Lab-PSK_1~!@#$%^&*()[]{}|;:,.<>/?"


def synthesized(**options: Any) -> dict[str, Any]:
    """A stack holding one single-tunnel connection named "dc" to a gateway at the lab's on-premises address
    (the lab has one cloud address; dual-tunnel is ``test_dual_tunnel``)."""
    site = Site(Testing.app())
    options.setdefault("tunnel_mode", "single")
    gateway = type(site.cgw)(site.stack, "lab-gateway", ip_address=DEVICE_IP, asn=65020)
    options.setdefault("local_subnets", CLOUD_NETS)
    options.setdefault("remote_subnets", DEVICE_NETS)
    options.setdefault("psk", PSK)
    site.connect("dc", name="dc", customer_gateway=gateway, **options)
    return site.app.synthesize().documents["net"]


def negotiate(lab: Lab, document: dict[str, Any], *, device_psk: str = PSK, cloud_psk: str = PSK) -> Any:
    (body,) = document["resource"]["alicloud_vpn_gateway_vpn_attachment"].values()
    plan = plan_connection(document, "dc", gateway_ips=[CLOUD_IP], psks=[device_psk])
    lab.load(
        cloud=cloud_swanctl(body, cloud_ips=[CLOUD_IP], device_ips=[DEVICE_IP], psks=[cloud_psk], names=[NAME]),
        onprem=render(plan, "swanctl"),
    )
    # The generated side has start_action = start: loading it brings the tunnel up, no initiate needed.
    return lab.onprem.wait_child(NAME, ike=NAME, timeout=10), lab.cloud.wait_child(NAME, ike=NAME, timeout=10)


def expected_ike(enc: str, auth: str, dh: str) -> str:
    return f"{NEGOTIATED_ENC[enc]}/{NEGOTIATED_INTEG[auth]}/PRF_{NEGOTIATED_INTEG[auth].rsplit('_', 1)[0]}/{NEGOTIATED_DH[dh]}"


CASES = [
    pytest.param({"ike_version": "ikev2"}, {}, id="ikev2-defaults"),
    pytest.param({"ike_version": "ikev1"}, {}, id="ikev1-main"),
    pytest.param(
        {
            "ike_version": "ikev1",
            "ike_mode": "aggressive",
            "local_id": "cloud.example.com",
            "remote_id": "dc.example.com",
        },
        {},
        id="ikev1-aggressive-fqdn",
    ),
    *[pytest.param({"ike_enc_alg": enc}, {"ipsec_enc_alg": enc}, id=f"enc-{enc}") for enc in NEGOTIATED_ENC],
    *[pytest.param({"ike_auth_alg": auth}, {"ipsec_auth_alg": auth}, id=f"auth-{auth}") for auth in NEGOTIATED_INTEG],
    *[pytest.param({"ike_pfs": dh}, {"ipsec_pfs": dh}, id=f"dh-{dh}") for dh in NEGOTIATED_DH],
    pytest.param({"ike_version": "ikev1"}, {"ipsec_pfs": "disabled"}, id="ikev1-pfs-disabled"),
    pytest.param({}, {"ipsec_pfs": "disabled"}, id="ikev2-pfs-disabled"),
]


@pytest.mark.parametrize(("ike", "ipsec"), CASES)
def test_generated_side_negotiates(lab: Lab, ike: dict[str, Any], ipsec: dict[str, Any]) -> None:
    document = synthesized(ike_config=ike, ipsec_config=ipsec)
    (body,) = document["resource"]["alicloud_vpn_gateway_vpn_attachment"].values()
    ike_config, ipsec_config = body["ike_config"], body["ipsec_config"]
    device_sa, cloud_sa = negotiate(lab, document)
    assert device_sa.state == cloud_sa.state == "ESTABLISHED"
    assert device_sa.version == (1 if ike_config["ike_version"] == "ikev1" else 2)
    assert device_sa.proposal == expected_ike(
        ike_config["ike_enc_alg"], ike_config["ike_auth_alg"], ike_config["ike_pfs"]
    )
    child = device_sa.child("dc-tunnel1")
    assert (child.local_ts, child.remote_ts) == (tuple(DEVICE_NETS), tuple(CLOUD_NETS))
    if ike_config["ike_mode"] == "aggressive":
        lab.onprem.wait_for_log(r"initiating Aggressive Mode IKE_SA dc-tunnel1")
        assert (device_sa.local_id, device_sa.remote_id) == ("dc.example.com", "cloud.example.com")
    if device_sa.version == 2:  # IKEv2 carries no DH in the first CHILD_SA: rekey to see PFS
        child = lab.onprem.rekey_child("dc-tunnel1", ike="dc-tunnel1")
    pfs = ipsec_config["ipsec_pfs"]
    assert child.proposal == "/".join(
        [NEGOTIATED_ENC[ipsec_config["ipsec_enc_alg"]], NEGOTIATED_INTEG[ipsec_config["ipsec_auth_alg"]]]
        + ([] if pfs == "disabled" else [NEGOTIATED_DH[pfs]])
    )
    lab.send_udp("10.20.0.1", "10.10.0.1")


def test_several_protected_cidrs(make_lab: LabFactory) -> None:
    clouds, devices = ["10.10.0.0/24", "10.11.0.0/24"], ["10.20.0.0/24", "10.21.0.0/24"]
    lab = make_lab(cloud_subnets=clouds, onprem_subnets=devices)
    document = synthesized(local_subnets=clouds, remote_subnets=devices)
    device_sa, _ = negotiate(lab, document)
    child = device_sa.child("dc-tunnel1")
    assert (set(child.local_ts), set(child.remote_ts)) == (set(devices), set(clouds))
    lab.send_udp("10.21.0.1", "10.11.0.1")
    lab.send_udp("10.20.0.1", "10.10.0.1")


def load_pair(lab: Lab, document: dict[str, Any], cloud_view: dict[str, Any], *, cloud_psk: str = PSK) -> None:
    """The generated device side against a cloud side built from ``cloud_view`` (a changed copy)."""
    plan = plan_connection(document, "dc", gateway_ips=[CLOUD_IP], psks=[PSK])
    cloud = cloud_swanctl(cloud_view, cloud_ips=[CLOUD_IP], device_ips=[DEVICE_IP], psks=[cloud_psk], names=[NAME])
    lab.load(cloud=cloud, onprem=render(plan, "swanctl"))


def connection_body(document: dict[str, Any]) -> dict[str, Any]:
    (body,) = document["resource"]["alicloud_vpn_gateway_vpn_attachment"].values()
    return dict(body)


def assert_refused(lab: Lab, reason: str) -> None:
    """The device logs ``reason`` and no CHILD_SA ever comes up."""
    lab.onprem.wait_for_log(reason, timeout=8)
    assert not any(sa.children for sa in lab.onprem.list_sas() + lab.cloud.list_sas())


def test_a_different_psk_fails(lab: Lab) -> None:
    document = synthesized()
    load_pair(lab, document, connection_body(document), cloud_psk="Another-key-1")
    assert_refused(lab, r"AUTHENTICATION_FAILED")


def test_a_different_proposal_fails(lab: Lab) -> None:
    document = synthesized()
    body = connection_body(document)
    load_pair(lab, document, {**body, "ike_config": {**body["ike_config"], "ike_enc_alg": "aes256"}})
    assert_refused(lab, r"NO_PROPOSAL_CHOSEN")


def test_a_different_esp_proposal_fails(lab: Lab) -> None:
    document = synthesized()
    body = connection_body(document)
    load_pair(lab, document, {**body, "ipsec_config": {**body["ipsec_config"], "ipsec_auth_alg": "sha512"}})
    assert_refused(lab, r"NO_PROPOSAL_CHOSEN")


def test_swapped_ids_fail(lab: Lab) -> None:
    document = synthesized(ike_config={"local_id": "cloud.example.com", "remote_id": "dc.example.com"})
    body = connection_body(document)
    swapped = {
        **body,
        "ike_config": {**body["ike_config"], "local_id": "dc.example.com", "remote_id": "cloud.example.com"},
    }
    load_pair(lab, document, swapped)
    assert_refused(lab, r"AUTHENTICATION_FAILED|no matching peer config|peer config")


def test_dual_tunnel(make_lab: LabFactory) -> None:
    cloud_ips = [CLOUD_IP, "203.0.113.11"]
    lab = make_lab(cloud_addresses=cloud_ips)
    site = Site(Testing.app())
    gateway = type(site.cgw)(site.stack, "lab-gateway", ip_address=DEVICE_IP)
    strong = {"ike_enc_alg": "aes256", "ike_auth_alg": "sha256", "ike_pfs": "group14"}
    IpsecConnection(
        site.stack,
        "dc",
        transit_router=site.tr,
        name="dc",
        local_subnets=CLOUD_NETS,
        remote_subnets=DEVICE_NETS,
        tunnels=[
            {"customer_gateway": gateway, "psk": PSK, "ike_config": strong},
            {"customer_gateway": gateway, "psk": "Second-tunnel-key", "ike_config": strong},
        ],
    )
    document = site.app.synthesize().documents["net"]
    plan = plan_connection(document, "dc", gateway_ips=cloud_ips, psks=[PSK, "Second-tunnel-key"])
    names = ["dc-tunnel1", "dc-tunnel2"]
    cloud = cloud_swanctl(
        connection_body(document),
        cloud_ips=cloud_ips,
        device_ips=[DEVICE_IP] * 2,
        psks=[PSK, "Second-tunnel-key"],
        names=names,
    )
    lab.load(cloud=cloud, onprem=render(plan, "swanctl"))
    for name, cloud_ip in zip(names, cloud_ips, strict=True):
        device_sa = lab.onprem.wait_child(name, ike=name, timeout=10)
        assert device_sa.remote_host == cloud_ip
        assert device_sa.proposal == "AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048"
    lab.send_udp("10.20.0.1", "10.10.0.1")
