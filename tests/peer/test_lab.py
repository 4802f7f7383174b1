"""Self-tests of the strongSwan lab with hand-written swanctl.conf pairs: it must prove success and detect failure.

No product code is involved: the product tests later replace one side of each pair with the generated configuration.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from ipaddress import IPv4Address
from pathlib import Path
from typing import TypedDict, Unpack

import pytest

from tests import tooling
from tests.peer import lab as lab_module
from tests.peer.lab import Lab, LabError, LabFactory, NegotiationError, Peer, TrafficError, require_lab

PSK = "S3cret-PSK-for-tests"


class Options(TypedDict, total=False):
    """What differs between the test configurations; the defaults are in :func:`render`."""

    name: str
    version: int
    aggressive: bool
    proposals: str
    esp_proposals: str
    psk: str


@dataclass(frozen=True)
class Side:
    """One gateway's view of the tunnel: its public address, IKE identity and protected subnets."""

    address: str
    id: str
    subnets: tuple[str, ...]

    @classmethod
    def of(
        cls, peer: Peer, id: str | None = None, *, address: str | None = None, subnets: tuple[str, ...] | None = None
    ) -> Side:
        """The side as the lab built it; ``id`` defaults to the public address (the console's default)."""
        address = address or str(peer.address)
        return cls(address, id or address, subnets or tuple(str(subnet) for subnet in peer.subnets))


def render(local: Side, remote: Side, **options: Unpack[Options]) -> str:
    """A one-tunnel ``swanctl.conf`` with a PSK, written the way the product's on-premises output will look."""
    name = options.get("name", "gw")
    return f"""\
connections {{
    {name} {{
        version = {options.get("version", 2)}
        aggressive = {"yes" if options.get("aggressive", False) else "no"}
        local_addrs = {local.address}
        remote_addrs = {remote.address}
        proposals = {options.get("proposals", "aes128-sha256-modp2048")}
        local {{
            auth = psk
            id = {local.id}
        }}
        remote {{
            auth = psk
            id = {remote.id}
        }}
        children {{
            net {{
                local_ts = {", ".join(local.subnets)}
                remote_ts = {", ".join(remote.subnets)}
                esp_proposals = {options.get("esp_proposals", "aes128-sha256-modp2048")}
                mode = tunnel
            }}
        }}
    }}
}}
secrets {{
    ike-{name} {{
        id-1 = {local.id}
        id-2 = {remote.id}
        secret = "{options.get("psk", PSK)}"
    }}
}}
"""


def load_mirrored(
    lab: Lab, *, cloud_id: str | None = None, onprem_id: str | None = None, **options: Unpack[Options]
) -> None:
    """Load the same tunnel into both sides, each seen from its own end."""
    cloud, onprem = Side.of(lab.cloud, cloud_id), Side.of(lab.onprem, onprem_id)
    lab.load(cloud=render(cloud, onprem, **options), onprem=render(onprem, cloud, **options))


def processes_using(directory: Path) -> list[int]:
    """PIDs of live processes started with a ``STRONGSWAN_CONF`` inside ``directory``: a lab's leftover daemons."""
    marker = f"STRONGSWAN_CONF={directory}/".encode()
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker in environ.read_bytes():
                found.append(int(environ.parent.name))
        except OSError:  # gone meanwhile, or a zombie
            continue
    return found


def assert_no_ike_sa(*peers: Peer) -> None:
    for peer in peers:
        assert [sa for sa in peer.list_sas() if sa.state == "ESTABLISHED"] == [], peer.name


# ---------------------------------------------------------------------------------------------------------------------
# What must pass


def test_ikev2_psk_one_cidr_each_side(lab: Lab) -> None:
    """(a) IKEv2, AES/SHA-256/MODP2048, PFS on: both SAs up, exact TS and proposal, UDP through the tunnel."""
    load_mirrored(lab)

    onprem_sa, cloud_sa = lab.establish("net")

    for sa in (onprem_sa, cloud_sa):
        assert (sa.version, sa.state) == (2, "ESTABLISHED")
        assert sa.proposal == "AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048"
        child = sa.child("net")
        assert (child.state, child.mode, child.protocol, child.encap) == ("INSTALLED", "TUNNEL", "ESP", True)
        # Made in IKE_AUTH: no KE payload, so no DH group yet (see test_forced_child_rekey_shows_pfs_group).
        assert child.proposal == "AES_CBC_128/HMAC_SHA2_256_128"
    assert (onprem_sa.initiator, cloud_sa.initiator) == (True, False)
    assert (onprem_sa.local_id, onprem_sa.remote_id) == ("198.51.100.20", "203.0.113.10")
    assert (onprem_sa.child("net").local_ts, onprem_sa.child("net").remote_ts) == (("10.20.0.0/24",), ("10.10.0.0/24",))
    assert (cloud_sa.child("net").local_ts, cloud_sa.child("net").remote_ts) == (("10.10.0.0/24",), ("10.20.0.0/24",))

    there = lab.send_udp("10.20.0.1", "10.10.0.1")
    back = lab.send_udp("10.10.0.1", "10.20.0.1")

    assert there.seen_source == IPv4Address("10.20.0.1")
    assert back.seen_source == IPv4Address("10.10.0.1")
    assert back.receiver_child.packets_in >= 2  # counters accumulate over both exchanges
    assert "CHILD_SA net{1} established" in lab.cloud.log()


def test_ikev1_aggressive_mode_with_fqdn_ids(lab: Lab) -> None:
    """(b) IKEv1 aggressive mode identifies the peers by FQDN; IKEv1 Quick Mode shows PFS at once."""
    load_mirrored(
        lab,
        cloud_id="vpn.cloud.example.test",
        onprem_id="gw.onprem.example.test",
        version=1,
        aggressive=True,
        proposals="aes256-sha1-modp1536",
        esp_proposals="3des-md5-modp1024",
    )

    onprem_sa, cloud_sa = lab.establish("net")

    assert (onprem_sa.version, onprem_sa.local_id, onprem_sa.remote_id) == (
        1,
        "gw.onprem.example.test",
        "vpn.cloud.example.test",
    )
    assert (cloud_sa.local_id, cloud_sa.remote_id) == ("vpn.cloud.example.test", "gw.onprem.example.test")
    assert onprem_sa.proposal == cloud_sa.proposal == "AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1536"
    assert onprem_sa.child("net").proposal == cloud_sa.child("net").proposal == "3DES_CBC/HMAC_MD5_96/MODP_1024"
    assert "initiating Aggressive Mode IKE_SA gw[1]" in lab.onprem.log()  # VICI does not report the mode
    lab.send_udp("10.20.0.1", "10.10.0.1")


def test_ikev1_main_mode_des_passes_traffic(lab: Lab) -> None:
    """DES works only with OpenSSL's legacy provider, and only traffic proves it: the SA comes up without it."""
    load_mirrored(lab, version=1, proposals="des-md5-modp768", esp_proposals="des-md5-modp768")

    onprem_sa, _ = lab.establish("net")

    assert onprem_sa.proposal == "DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_768"
    assert onprem_sa.child("net").proposal == "DES_CBC/HMAC_MD5_96/MODP_768"
    lab.send_udp("10.10.0.1", "10.20.0.1")


def test_esp_des_without_the_legacy_provider_fails_only_in_traffic(make_lab: LabFactory) -> None:
    """The trap: without OpenSSL's legacy provider an ESP DES CHILD_SA still "establishes"; only traffic fails."""
    lab = make_lab(charon_conf="charon { plugins { openssl { load_legacy = no } } }")
    load_mirrored(lab, esp_proposals="des-sha1")

    onprem_sa, _ = lab.establish("net")

    assert onprem_sa.child("net").proposal == "DES_CBC/HMAC_SHA1_96"
    with pytest.raises(TrafficError, match="did not arrive"):
        lab.send_udp("10.20.0.1", "10.10.0.1", timeout=0.5)


def test_ikev2_two_cidrs_each_side(make_lab: LabFactory) -> None:
    """(c) Several protected CIDRs: one CHILD_SA carries all of them, and every pair of hosts talks through it."""
    lab = make_lab(cloud_subnets=["10.10.0.0/24", "10.11.0.0/16"], onprem_subnets=["10.20.0.0/24", "10.21.5.0/28"])
    load_mirrored(lab)

    onprem_sa, cloud_sa = lab.establish("net")

    assert onprem_sa.child("net").local_ts == ("10.20.0.0/24", "10.21.5.0/28")
    assert onprem_sa.child("net").remote_ts == ("10.10.0.0/24", "10.11.0.0/16")
    assert cloud_sa.child("net").local_ts == ("10.10.0.0/24", "10.11.0.0/16")
    assert cloud_sa.child("net").remote_ts == ("10.20.0.0/24", "10.21.5.0/28")
    for source in lab.onprem.hosts:
        for destination in lab.cloud.hosts:
            assert lab.send_udp(source, destination).seen_source == source


def test_dual_tunnel_to_two_cloud_addresses(make_lab: LabFactory) -> None:
    """Two tunnels to two cloud gateway IPs (one charon holds both), same subnets: both come up, traffic passes."""
    lab = make_lab(cloud_addresses=["203.0.113.10", "203.0.113.11"])
    onprem = Side.of(lab.onprem)
    cloud_sides = [Side.of(lab.cloud, address=str(address)) for address in lab.cloud.addresses]
    names = ["tunnel1", "tunnel2"]
    lab.load(
        cloud="".join(render(side, onprem, name=name) for side, name in zip(cloud_sides, names, strict=True)),
        onprem="".join(render(onprem, side, name=name) for side, name in zip(cloud_sides, names, strict=True)),
    )

    for name, side in zip(names, cloud_sides, strict=True):
        onprem_sa, cloud_sa = lab.establish("net", ike=name)
        assert (onprem_sa.name, onprem_sa.remote_host, cloud_sa.local_host) == (name, side.address, side.address)

    assert sorted(sa.name for sa in lab.onprem.list_sas() if sa.state == "ESTABLISHED") == names
    lab.send_udp("10.20.0.1", "10.10.0.1")


@pytest.mark.parametrize(("esp_proposals", "group"), [("aes256-sha512-modp1024", "MODP_1024"), ("aes256-sha512", None)])
def test_forced_child_rekey_shows_pfs_group(lab: Lab, esp_proposals: str, group: str | None) -> None:
    """(f) IKEv2 negotiates PFS only in CREATE_CHILD_SA, so a forced rekey is what shows the group (or its absence)."""
    load_mirrored(lab, esp_proposals=esp_proposals)
    _, cloud_sa = lab.establish("net")
    mark = lab.cloud.log_offset()

    child = lab.onprem.rekey_child("net")
    cloud_child = lab.cloud.wait_child("net", newer_than=cloud_sa.child("net").uniqueid).child("net")

    expected = "/".join(part for part in ("AES_CBC_256/HMAC_SHA2_512_256", group) if part)
    assert child.proposal == cloud_child.proposal == expected
    assert child.dh_group == group
    lab.cloud.wait_for_log(rf"selected proposal: ESP:{expected}/NO_EXT_SEQ", since=mark)
    exchange = lab.send_udp("10.20.0.1", "10.10.0.1")
    assert exchange.sender_child.uniqueid == child.uniqueid  # the traffic used the rekeyed SA


def test_forced_ike_rekey(lab: Lab) -> None:
    """A forced IKE_SA rekey yields a successor with the same proposal, the CHILD_SA keeps working; terminate ends it."""
    load_mirrored(lab, proposals="aes192-sha384-modp1536")
    onprem_sa, _ = lab.establish("net")

    rekeyed = lab.onprem.rekey_ike("gw")

    assert rekeyed.uniqueid > onprem_sa.uniqueid
    assert rekeyed.proposal == "AES_CBC_192/HMAC_SHA2_384_192/PRF_HMAC_SHA2_384/MODP_1536"
    lab.send_udp("10.10.0.1", "10.20.0.1")

    lab.onprem.terminate("gw")

    assert_no_ike_sa(lab.onprem, lab.cloud)


# ---------------------------------------------------------------------------------------------------------------------
# What must fail: the lab is only worth something if it can


@pytest.mark.parametrize(
    ("version", "reason", "within"),
    [
        (2, "AUTHENTICATION_FAILED", 2.0),
        # The IKEv1 main-mode responder cannot decrypt the ID payload and stays silent: the initiator retransmits
        # (2 tries at 0.5 s base, exponential back-off) and gives up.
        (1, "peer not responding", 8.0),
    ],
)
def test_different_psk_fails(lab: Lab, version: int, reason: str, within: float) -> None:
    """(d) A different PSK on one side: no IKE_SA, within a bounded time."""
    cloud, onprem = Side.of(lab.cloud), Side.of(lab.onprem)
    lab.load(
        cloud=render(cloud, onprem, version=version),
        onprem=render(onprem, cloud, version=version, psk="Another-PSK-entirely"),
    )

    with pytest.raises(NegotiationError) as failure:
        lab.onprem.initiate("net", timeout=within + 2)

    assert failure.value.elapsed < within
    assert reason in "\n".join(failure.value.log) + lab.onprem.log()
    assert_no_ike_sa(lab.cloud, lab.onprem)


def test_non_overlapping_ike_proposals_fail(lab: Lab) -> None:
    """(e) No common IKE proposal: NO_PROPOSAL_CHOSEN in IKE_SA_INIT, nothing established."""
    cloud, onprem = Side.of(lab.cloud), Side.of(lab.onprem)
    lab.load(
        cloud=render(cloud, onprem, proposals="aes256-sha256-modp2048"),
        onprem=render(onprem, cloud, proposals="aes128-sha1-modp1024"),
    )

    with pytest.raises(NegotiationError) as failure:
        lab.onprem.initiate("net")

    assert "NO_PROPOSAL_CHOSEN" in "\n".join(failure.value.log)
    assert_no_ike_sa(lab.cloud, lab.onprem)


@pytest.mark.parametrize("version", [1, 2])
def test_non_overlapping_esp_proposals_fail(lab: Lab, version: int) -> None:
    """(e) No common ESP proposal: the IKE_SA may come up, but no CHILD_SA does on either side."""
    cloud, onprem = Side.of(lab.cloud), Side.of(lab.onprem)
    lab.load(
        cloud=render(cloud, onprem, version=version, esp_proposals="aes256-sha256"),
        onprem=render(onprem, cloud, version=version, esp_proposals="aes128-sha1"),
    )

    with pytest.raises(NegotiationError):
        lab.onprem.initiate("net")

    for peer in lab.peers:
        assert [child for sa in peer.list_sas() for child in sa.children if child.state == "INSTALLED"] == []
    lab.onprem.wait_for_log("NO_PROPOSAL_CHOSEN")


def test_swapped_ids_fail(lab: Lab) -> None:
    """The on-prem side swaps local and remote id: the cloud finds no matching peer and authentication fails."""
    cloud = Side.of(lab.cloud, "vpn.cloud.example.test")
    onprem = Side.of(lab.onprem, "gw.onprem.example.test")
    swapped_local = Side(onprem.address, cloud.id, onprem.subnets)
    swapped_remote = Side(cloud.address, onprem.id, cloud.subnets)
    lab.load(cloud=render(cloud, onprem), onprem=render(swapped_local, swapped_remote))

    with pytest.raises(NegotiationError) as failure:
        lab.onprem.initiate("net")

    assert "AUTHENTICATION_FAILED" in "\n".join(failure.value.log)
    assert_no_ike_sa(lab.cloud, lab.onprem)


def test_pfs_mismatch_shows_only_at_rekey(lab: Lab) -> None:
    """IKEv2 PFS on one side only: IKE_AUTH succeeds (no KE there), the forced rekey is refused."""
    cloud, onprem = Side.of(lab.cloud), Side.of(lab.onprem)
    lab.load(
        cloud=render(cloud, onprem, esp_proposals="aes128-sha256-modp2048"),
        onprem=render(onprem, cloud, esp_proposals="aes128-sha256"),
    )
    lab.establish("net")
    mark = lab.onprem.log_offset()

    with pytest.raises(LabError, match="timed out"):
        lab.onprem.rekey_child("net", timeout=1.0)

    lab.onprem.wait_for_log("NO_PROPOSAL_CHOSEN", since=mark)


def test_narrowed_traffic_selectors_are_visible(lab: Lab) -> None:
    """The trap: a smaller remote subnet is narrowed, not refused. The SA is "up"; only the exact TS shows it."""
    cloud = Side.of(lab.cloud)
    onprem = Side.of(lab.onprem)
    narrow_cloud = Side(cloud.address, cloud.id, ("10.10.0.0/25",))
    lab.load(cloud=render(cloud, onprem), onprem=render(onprem, narrow_cloud))

    onprem_sa, cloud_sa = lab.establish("net")

    assert onprem_sa.child("net").remote_ts == ("10.10.0.0/25",)
    assert cloud_sa.child("net").local_ts == ("10.10.0.0/25",)  # not the configured 10.10.0.0/24


@pytest.mark.parametrize(
    "conf",
    [
        "connections { gw { version = 2 ",  # swanctl exits 0 on a syntax error (and unloads everything)
        "connections { gw { remote_addrs = 203.0.113.10\n bogus_key = 1 } }",
        "connections { gw { children { net { esp_proposals = aes999 } } } }",
        "secrets { bogus-gw { secret = x } }",
    ],
)
def test_a_refused_configuration_fails_the_load(lab: Lab, conf: str) -> None:
    """Generated text that swanctl rejects must fail loudly, never load half a configuration."""
    with pytest.raises(LabError, match="swanctl"):
        lab.onprem.load(conf)


def test_traffic_without_a_child_sa_fails(lab: Lab) -> None:
    """send_udp refuses to pass when no CHILD_SA covers the hosts: nothing routes them outside the tunnel."""
    load_mirrored(lab)

    with pytest.raises(TrafficError, match="no installed CHILD_SA"):
        lab.send_udp("10.20.0.1", "10.10.0.1", timeout=1.0)


def test_traffic_outside_the_selectors_fails(make_lab: LabFactory) -> None:
    """A host outside the negotiated TS has no route into the tunnel: the datagram never arrives."""
    lab = make_lab(onprem_subnets=["10.20.0.0/24", "10.29.0.0/24"])
    cloud, onprem = Side.of(lab.cloud), Side.of(lab.onprem, subnets=("10.20.0.0/24",))
    lab.load(cloud=render(cloud, onprem), onprem=render(onprem, cloud))
    lab.establish("net")

    with pytest.raises(TrafficError, match=r"no installed CHILD_SA on onprem covers 10\.29\.0\.1 "):
        lab.send_udp("10.29.0.1", "10.10.0.1", timeout=1.0)
    lab.send_udp("10.20.0.1", "10.10.0.1")


# ---------------------------------------------------------------------------------------------------------------------
# The lab itself


def test_lab_cleans_up_namespaces_and_daemons() -> None:
    """Teardown stops our charons by PID and deletes our namespaces; setup and teardown stay well under a second."""
    require_lab()
    started = time.monotonic()
    with Lab() as lab:
        pids = [peer.pid for peer in lab.peers]
        namespaces = [peer.namespace for peer in lab.peers]
        assert all(Path(f"/proc/{pid}/comm").read_text().strip() == "charon" for pid in pids)
        assert all(Path("/run/netns", namespace).exists() for namespace in namespaces)
        directory = lab.directory
    elapsed = time.monotonic() - started

    assert not any(Path("/run/netns", namespace).exists() for namespace in namespaces)
    assert not any(Path(f"/proc/{pid}").exists() for pid in pids)
    assert processes_using(directory) == []
    assert not directory.exists()
    assert elapsed < 2.0


def test_lab_cleans_up_when_setup_fails() -> None:
    """A charon that cannot start (broken strongswan.conf) fails the setup, and nothing is left behind."""
    require_lab()
    lab = Lab(charon_conf="charon { load = random nonce }", startup_timeout=0.5)  # no vici: never ready

    with pytest.raises(LabError):
        lab.__enter__()

    assert not any(Path("/run/netns", peer.namespace).exists() for peer in lab.peers)
    assert processes_using(lab.directory) == []
    assert not lab.directory.exists()


@pytest.mark.parametrize(("required", "outcome"), [(False, pytest.skip.Exception), (True, pytest.fail.Exception)])
def test_missing_tools_skip_or_fail(monkeypatch: pytest.MonkeyPatch, required: bool, outcome: type[Exception]) -> None:
    """Without strongSwan the lab tests skip with the reason, and fail under CONSTRUCTS_VPN_REQUIRE_TOOLS=1."""
    monkeypatch.setattr(lab_module, "lab_problems", lambda: ("swanctl not found",))
    monkeypatch.setattr(tooling, "REQUIRE_TOOLS", required)

    with pytest.raises(outcome, match=r"swanctl not found.*install-lab\.sh"):
        require_lab()
