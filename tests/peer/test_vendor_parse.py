"""Every vendor sheet read back by a maintained parser (ciscoconfparse2; TTP for PAN-OS) equals the model.

What the parser finds in each section (IKE and IPsec proposals, peer address and identities, key, lifetimes,
DPD, tunnel source and destination, static routes or BGP neighbours) is compared with the plan, through
vendor keyword tables written here from the vendors' command references, not taken from the renderers.
"""

from __future__ import annotations

import ipaddress
import itertools
import re
from collections.abc import Callable
from typing import Any

import pytest
from ciscoconfparse2 import CiscoConfParse  # type: ignore[import-untyped]  # no type hints published
from ttp import ttp  # type: ignore[import-untyped]

from constructs_vpn.core import ValidationError
from constructs_vpn.peer import PeerPlan, TunnelPlan, plan_connection, render
from tests.peer.test_probes import synthesized
from tests.peer.test_route_based import first_connection

KEY = "Sheet-Key~7"
#: Cisco IOS: IKEv2 proposal ``encryption``, ISAKMP ``encryption``/``hash``, ESP transforms.
CISCO_IKEV2_ENC = {"aes-cbc-128": "aes", "aes-cbc-192": "aes192", "aes-cbc-256": "aes256", "des": "des", "3des": "3des"}
CISCO_ISAKMP_ENC = {"aes": "aes", "aes 192": "aes192", "aes 256": "aes256", "des": "des", "3des": "3des"}
CISCO_ISAKMP_HASH = {"md5": "md5", "sha": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}
CISCO_ESP = {"esp-aes": "aes", "esp-aes 192": "aes192", "esp-aes 256": "aes256", "esp-des": "des", "esp-3des": "3des",
             "esp-md5-hmac": "md5", "esp-sha-hmac": "sha1", "esp-sha256-hmac": "sha256", "esp-sha384-hmac": "sha384",
             "esp-sha512-hmac": "sha512"}  # fmt: skip
#: Huawei VRP: ``encryption-algorithm`` / ``authentication-algorithm`` values.
HUAWEI_ENC = {"aes-128": "aes", "aes-192": "aes192", "aes-256": "aes256", "des": "des", "3des": "3des"}
HUAWEI_AUTH = {"md5": "md5", "sha1": "sha1", "sha2-256": "sha256", "sha2-384": "sha384", "sha2-512": "sha512"}
#: Junos: ``encryption-algorithm``, IKE and ESP ``authentication-algorithm``.
JUNOS_ENC = {
    "aes-128-cbc": "aes",
    "aes-192-cbc": "aes192",
    "aes-256-cbc": "aes256",
    "des-cbc": "des",
    "3des-cbc": "3des",
}
JUNOS_IKE_AUTH = {"md5": "md5", "sha1": "sha1", "sha-256": "sha256", "sha-384": "sha384", "sha-512": "sha512"}
JUNOS_ESP_AUTH = {"hmac-md5-96": "md5", "hmac-sha1-96": "sha1", "hmac-sha-256-128": "sha256", "hmac-sha-384": "sha384",
                  "hmac-sha-512": "sha512"}  # fmt: skip


def ikev1_site() -> tuple[dict[str, Any], str]:
    ike = {"ike_version": "ikev1", "ike_enc_alg": "3des", "ike_auth_alg": "md5", "ike_pfs": "group5",
           "ike_lifetime": 3600}  # fmt: skip
    ipsec = {"ipsec_pfs": "disabled", "ipsec_enc_alg": "aes192", "ipsec_auth_alg": "sha512", "ipsec_lifetime": 1800}
    document = synthesized(ike_config=ike, ipsec_config=ipsec, local_subnets=["10.0.0.0/16"],
                           remote_subnets=["192.168.1.0/24"], enable_dpd=False)  # fmt: skip
    return document, "dc"


CASES: dict[str, Callable[[], tuple[dict[str, Any], str]]] = {
    "protected-flows": lambda: first_connection("protected-flows"),
    "dual-tunnel-bgp": lambda: first_connection("dual-tunnel"),
    "ikev1-no-pfs-no-dpd": ikev1_site,
}


def planned(case: str) -> PeerPlan:
    document, path = CASES[case]()
    count = len(plan_connection(document, path).tunnels)
    return plan_connection(document, path, gateway_ips=["47.0.0.1", "47.0.0.2"][:count], psks=[KEY] * count)


def expected(tunnel: TunnelPlan) -> dict[str, Any]:
    """What a sheet must say for ``tunnel``, in console words."""
    policy_based = tunnel.bgp is None and not tunnel.route_based
    flows = sorted((a, b) for a in tunnel.local_subnets for b in tunnel.remote_subnets) if policy_based else []
    return {
        "ike": (tunnel.ike_enc_alg, tunnel.ike_auth_alg, tunnel.ike_pfs, tunnel.ike_lifetime),
        "esp": (tunnel.ipsec_enc_alg, tunnel.ipsec_auth_alg, tunnel.ipsec_pfs, tunnel.ipsec_lifetime),
        "key": KEY,
        "peer": tunnel.remote_address,
        "ids": (tunnel.local_id, tunnel.remote_id),
        "dpd": tunnel.dpd,
        # policy-based: the crypto map / IPsec policy names the peer; the WAN interface is the local end
        "ends": (None if policy_based else tunnel.local_address, tunnel.remote_address),
        "flows": flows,
        "bgp": None if tunnel.bgp is None else (tunnel.bgp.local_asn, tunnel.bgp.peer_ip, tunnel.bgp.peer_asn),
    }


def _cidrs(words: list[str]) -> tuple[str, str]:
    """``A W B W`` (address and wildcard mask, twice) as two CIDR blocks."""
    return str(ipaddress.IPv4Network(f"{words[0]}/{words[1]}")), str(ipaddress.IPv4Network(f"{words[2]}/{words[3]}"))


def lines_under(parse: CiscoConfParse, parent: str) -> list[str]:
    """The child lines (all levels) of the one section matching ``parent``."""
    (section,) = parse.find_objects(parent)
    return [child.text.strip() for child in section.all_children]


def value(lines: list[str], keyword: str) -> str:
    (found,) = [line[len(keyword) :].strip() for line in lines if line.startswith(keyword + " ")]
    return found


def cisco(text: str, tunnel: TunnelPlan, number: int) -> dict[str, Any]:
    parse = CiscoConfParse(text.splitlines(), syntax="ios")
    (transform,) = parse.find_objects(rf"^crypto ipsec transform-set \S+-{tunnel.name} ")
    tag = transform.text.split()[3]
    crypto_map = parse.find_objects(rf"^crypto map \S+ {10 * number} ipsec-isakmp$")
    ipsec = lines_under(parse, crypto_map[0].text if crypto_map else rf"^crypto ipsec profile {tag}$")
    if tunnel.ike_v1:
        policy = lines_under(parse, rf"^crypto isakmp policy {10 * number}$")
        (key_line,) = [
            o.text.split() for o in parse.find_objects(rf"^crypto isakmp key \S+ address {tunnel.remote_address}$")
        ]
        enc, auth = CISCO_ISAKMP_ENC[value(policy, "encryption")], CISCO_ISAKMP_HASH[value(policy, "hash")]
        ike = (enc, auth, f"group{value(policy, 'group')}", int(value(policy, "lifetime")))
        key, peer = key_line[3], key_line[5]
        ids = (tunnel.local_address, tunnel.remote_address)  # ISAKMP identifies by address
        dpd = bool(parse.find_objects(r"^crypto isakmp keepalive \d+ \d+ periodic$"))
    else:
        proposal = lines_under(parse, rf"^crypto ikev2 proposal {tag}$")
        profile = lines_under(parse, rf"^crypto ikev2 profile {tag}$")
        keyring = lines_under(parse, rf"^crypto ikev2 keyring {tag}$")
        enc, auth = CISCO_IKEV2_ENC[value(proposal, "encryption")], value(proposal, "integrity")
        ike = (enc, auth, f"group{value(proposal, 'group')}", int(value(profile, "lifetime")))
        key, peer = value(keyring, "pre-shared-key"), value(keyring, "address")
        ids = (value(profile, "identity local").split()[-1], value(profile, "match identity remote").split()[-1])
        dpd = any(re.fullmatch(r"dpd \d+ \d+ periodic", line) for line in profile)
    esp_enc, esp_auth = (CISCO_ESP[t] for t in re.findall(r"esp-[a-z0-9-]+(?: \d+)?", transform.text))
    pfs = [line.split()[-1] for line in ipsec if line.startswith("set pfs ")]
    if crypto_map:
        assert value(ipsec, "match address") == tag and value(ipsec, "set transform-set") == tag
        ends: tuple[str | None, str] = (None, value(ipsec, "set peer"))
        acl = lines_under(parse, rf"^ip access-list extended {tag}$")
        flows = sorted(_cidrs(line.split()[2:]) for line in acl)
    else:
        interface = lines_under(parse, rf"^interface Tunnel{number}$")
        ends, flows = (value(interface, "tunnel source"), value(interface, "tunnel destination")), []
    bgp = None
    if tunnel.bgp is not None:
        router = parse.find_objects(r"^router bgp ")
        neighbours = [o.text.split() for o in parse.find_objects(rf"^ neighbor {tunnel.bgp.peer_ip} remote-as ")]
        bgp = (int(router[number - 1].text.split()[-1]), neighbours[0][1], int(neighbours[0][3]))
    return {
        "ike": ike,
        "esp": (esp_enc, esp_auth, pfs[0] if pfs else "disabled", int(value(ipsec, "set security-association lifetime seconds"))),
        "key": key,
        "peer": peer,
        "ids": ids,
        "dpd": dpd,
        "ends": ends,
        "flows": flows,
        "bgp": bgp,
    }  # fmt: skip


def huawei(text: str, tunnel: TunnelPlan, number: int) -> dict[str, Any]:
    parse = CiscoConfParse(text.splitlines(), syntax="ios", comment_delimiters=["#"])
    (peer_line,) = [o.text for o in parse.find_objects(r"^ike peer ") if o.text.endswith(tunnel.name)]
    tag = peer_line.split()[-1]
    proposal = lines_under(parse, rf"^ike proposal {number}$")
    peer = lines_under(parse, rf"^ike peer {tag}$")
    ipsec_proposal = lines_under(parse, rf"^ipsec proposal {tag}$")
    policy = parse.find_objects(rf"^ipsec policy \S+ {number} isakmp$")
    profile = lines_under(parse, policy[0].text if policy else rf"^ipsec profile {tag}$")
    assert value(profile, "ike-peer") == tag and value(profile, "proposal") == tag
    pfs = [line.split()[-1].removeprefix("dh-") for line in profile if line.startswith("pfs ")]
    if policy:
        acl = lines_under(parse, rf"^acl name {value(profile, 'security acl name')} advance$")
        ends: tuple[str | None, str] = (None, value(peer, "remote-address"))
        flows = sorted(_cidrs([words[5], words[6], words[8], words[9]]) for words in map(str.split, acl))
    else:
        interface = lines_under(parse, rf"^interface Tunnel0/0/{number}$")
        ends, flows = (value(interface, "source"), value(interface, "destination")), []
    bgp = None
    if tunnel.bgp is not None:
        speakers = parse.find_objects(r"^bgp \d+$")
        neighbours = [o.text.split() for o in parse.find_objects(rf"^ peer {tunnel.bgp.peer_ip} as-number ")]
        bgp = (int(speakers[number - 1].text.split()[-1]), neighbours[0][1], int(neighbours[0][3]))
    ike = (HUAWEI_ENC[value(proposal, "encryption-algorithm")], HUAWEI_AUTH[value(proposal, "authentication-algorithm")],
           value(proposal, "dh"), int(value(proposal, "sa duration")))  # fmt: skip
    esp = (HUAWEI_ENC[value(ipsec_proposal, "esp encryption-algorithm")],
           HUAWEI_AUTH[value(ipsec_proposal, "esp authentication-algorithm")], pfs[0] if pfs else "disabled",
           int(value(profile, "sa duration time-based")))  # fmt: skip
    assert value(peer, "version") == ("1" if tunnel.ike_v1 else "2")
    return {
        "ike": ike,
        "esp": esp,
        "key": value(peer, "pre-shared-key cipher"),
        "peer": value(peer, "remote-address"),
        "ids": (value(peer, "local-id"), value(peer, "remote-id")),
        "dpd": "dpd type periodic" in peer,
        "ends": ends,
        "flows": flows,
        "bgp": bgp,
    }


def junos(text: str, tunnel: TunnelPlan, number: int) -> dict[str, Any]:
    parse = CiscoConfParse(text.splitlines(), syntax="junos")
    tag = next(o.text.split()[-1] for o in parse.find_objects(r"^ {8}vpn ") if o.text.endswith(tunnel.name))

    def section(kind: str, path: str) -> list[str]:
        """The lines of ``security { <kind> { <path> <tag> { ... } } }``."""
        (found,) = [o for o in parse.find_objects(rf"^ {{8}}{path} {tag}$") if o.parent.text.strip() == kind]
        return [child.text.strip() for child in found.all_children]

    ike_proposal, ike_policy, gateway = (section("ike", path) for path in ("proposal", "policy", "gateway"))
    esp, esp_policy, vpn = (section("ipsec", path) for path in ("proposal", "policy", "vpn"))
    pfs = [line.split()[-1] for line in esp_policy if line.startswith("keys ")]
    flows = sorted((a.split()[-1], b.split()[-1]) for a, b in itertools.pairwise(vpn) if a.startswith("local-ip "))
    unit = value(vpn, "bind-interface")
    assert unit == f"st0.{number}" and value(gateway, "version") == ("v1-only" if tunnel.ike_v1 else "v2-only")
    routes = sorted(o.text.split()[1] for o in parse.find_objects(rf"^ {{8}}route \S+ next-hop {unit}$"))
    assert routes == ([] if tunnel.bgp or tunnel.route_based else sorted(tunnel.remote_subnets))
    bgp = None
    if tunnel.bgp is not None:
        (asn,) = parse.find_objects(r"^ {4}autonomous-system ")
        (peer_as,) = parse.find_objects(r"^ {12}peer-as ")
        assert parse.find_objects(rf"^ {{12}}neighbor {tunnel.bgp.peer_ip}$")
        bgp = (int(asn.text.split()[-1]), tunnel.bgp.peer_ip, int(peer_as.text.split()[-1]))
    key = value(ike_policy, "pre-shared-key ascii-text")
    return {
        "ike": (JUNOS_ENC[value(ike_proposal, "encryption-algorithm")],
                JUNOS_IKE_AUTH[value(ike_proposal, "authentication-algorithm")], value(ike_proposal, "dh-group"),
                int(value(ike_proposal, "lifetime-seconds"))),
        "esp": (JUNOS_ENC[value(esp, "encryption-algorithm")], JUNOS_ESP_AUTH[value(esp, "authentication-algorithm")],
                pfs[0] if pfs else "disabled", int(value(esp, "lifetime-seconds"))),
        "key": key[1:-1].replace("\\\\", "\\"),
        "peer": value(gateway, "address"),
        "ids": (value(gateway, "local-identity").split()[-1], value(gateway, "remote-identity").split()[-1]),
        "dpd": any(line == "interval 10" for line in gateway),
        "ends": (None if flows else value(gateway, "local-address"), value(gateway, "address")),
        "flows": flows,
        "bgp": bgp,
    }  # fmt: skip


VYOS_ENC = {"aes128": "aes", "aes192": "aes192", "aes256": "aes256", "3des": "3des"}
VYOS_HASH = {"md5": "md5", "sha1": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}


def vyos(text: str, tunnel: TunnelPlan, number: int) -> dict[str, Any]:
    parse = CiscoConfParse(text.splitlines(), syntax="junos")  # config.boot: the same brace hierarchy
    (peer_line,) = [o.text.strip() for o in parse.find_objects(r"^ {12}peer ") if o.text.endswith(tunnel.name)]
    tag = peer_line.split()[-1]

    def section(path: str, depth: int) -> list[str]:
        return lines_under(parse, rf"^ {{{4 * depth}}}{path} {tag}$")

    ike, esp, peer, psk = section("ike-group", 2), section("esp-group", 2), section("peer", 3), section("psk", 3)
    assert value(ike, "key-exchange") == ("ikev1" if tunnel.ike_v1 else "ikev2") and value(peer, "ike-group") == tag
    pfs = value(esp, "pfs")
    local_prefixes = [line.split()[-1] for line in peer if line.startswith("prefix ")][0::2]
    remote_prefixes = [line.split()[-1] for line in peer if line.startswith("prefix ")][1::2]
    flows = sorted(zip(local_prefixes, remote_prefixes, strict=True))
    bgp = None
    if tunnel.bgp is not None:
        assert value(peer, "bind") == f"vti{number}"
        (system_as,) = parse.find_objects(r"^ {8}system-as ")
        neighbour = lines_under(parse, rf"^ {{8}}neighbor {tunnel.bgp.peer_ip}$")
        bgp = (int(system_as.text.split()[-1]), tunnel.bgp.peer_ip, int(value(neighbour, "remote-as")))
    return {
        "ike": (VYOS_ENC[value(ike, "encryption")], VYOS_HASH[value(ike, "hash")], f"group{value(ike, 'dh-group')}",
                int(value(ike, "lifetime"))),
        "esp": (VYOS_ENC[value(esp, "encryption")], VYOS_HASH[value(esp, "hash")],
                "disabled" if pfs == "disable" else f"group{pfs.removeprefix('dh-group')}", int(value(esp, "lifetime"))),
        "key": value(psk, "secret")[1:-1],
        "peer": value(peer, "remote-address"),
        "ids": (value(peer, "local-id"), value(peer, "remote-id")),
        "dpd": "dead-peer-detection" in ike,
        "ends": (None if flows else value(peer, "local-address"), value(peer, "remote-address")),
        "flows": flows,
        "bgp": bgp,
    }  # fmt: skip


#: FortiOS ``set proposal <enc>-<auth>`` parts.
FORTI_ENC = {"aes128": "aes", "aes192": "aes192", "aes256": "aes256", "des": "des", "3des": "3des"}


def fortigate(text: str, tunnel: TunnelPlan, number: int) -> dict[str, Any]:
    parse = CiscoConfParse(text.splitlines(), syntax="ios", comment_delimiters=["#"])

    def edits(section: str, name: str) -> list[list[str]]:
        """The ``set`` lines of each ``edit`` under ``config <section>`` whose name matches ``name``."""
        found = [o for o in parse.find_objects(rf'^    edit "{name}"$') if o.parent.text == f"config {section}"]
        return [[c.text.strip().removeprefix("set ") for c in o.children if c.text.strip() != "next"] for o in found]

    (phase1,) = edits("vpn ipsec phase1-interface", rf"cvpn-[0-9a-f]{{6}}-{number}")
    name = parse.find_objects(rf'^    edit "cvpn-[0-9a-f]{{6}}-{number}"$')[0].text.split('"')[1]
    phase2 = edits("vpn ipsec phase2-interface", rf"{name}-\d+")
    assert all(value(p2, "phase1name") == f'"{name}"' for p2 in phase2)
    assert value(phase1, "ike-version") == ("1" if tunnel.ike_v1 else "2")
    first = phase2[0]
    enc, auth = value(phase1, "proposal").split("-")
    esp_enc, esp_auth = value(first, "proposal").split("-")
    pfs = "disabled" if value(first, "pfs") == "disable" else f"group{value(first, 'dhgrp')}"
    selectors = sorted(_cidrs([*value(p2, "src-subnet").split(), *value(p2, "dst-subnet").split()]) for p2 in phase2)
    flows = [] if selectors == [("0.0.0.0/0", "0.0.0.0/0")] else selectors
    statics = [[c.text.strip().removeprefix("set ") for c in o.children] for o in parse.find_objects(r"^    edit \d+$")]
    routes = sorted(
        str(ipaddress.IPv4Network("/".join(value(r, "dst").split())))
        for r in statics
        if value(r, "device") == f'"{name}"'
    )
    assert routes == (sorted(tunnel.remote_subnets) if tunnel.policy_based else [])
    bgp = None
    if tunnel.bgp is not None:
        (interface,) = edits("system interface", name)
        assert value(interface, "ip").split()[0] == tunnel.bgp.local_ip
        (asn,) = parse.find_objects(r"^    set as ")
        neighbour = lines_under(parse, rf'^        edit "{tunnel.bgp.peer_ip}"$')
        bgp = (int(asn.text.split()[-1]), tunnel.bgp.peer_ip, int(value(neighbour, "set remote-as")))
    return {
        "ike": (FORTI_ENC[enc], auth, f"group{value(phase1, 'dhgrp')}", int(value(phase1, "keylife"))),
        "esp": (FORTI_ENC[esp_enc], esp_auth, pfs, int(value(first, "keylifeseconds"))),
        "key": value(phase1, "psksecret")[1:-1],
        "peer": value(phase1, "remote-gw"),
        "ids": (value(phase1, "localid")[1:-1], value(phase1, "peerid")[1:-1]),
        "dpd": value(phase1, "dpd") == "on-idle",
        "ends": (None if flows else value(phase1, "local-gw"), value(phase1, "remote-gw")),
        "flows": flows,
        "bgp": bgp,
    }


#: PAN-OS ``set`` commands, read with a TTP template (one group per object kind, keyed by its name).
PANOS_TEMPLATE = """
<group name="ike.{{ name }}">
set network ike crypto-profiles ike-crypto-profiles {{ name }} encryption {{ enc }}
set network ike crypto-profiles ike-crypto-profiles {{ name }} hash {{ auth }}
set network ike crypto-profiles ike-crypto-profiles {{ name }} dh-group {{ dh }}
set network ike crypto-profiles ike-crypto-profiles {{ name }} lifetime {{ unit }} {{ amount | to_int }}
</group>
<group name="esp.{{ name }}">
set network ike crypto-profiles ipsec-crypto-profiles {{ name }} esp encryption {{ enc }}
set network ike crypto-profiles ipsec-crypto-profiles {{ name }} esp authentication {{ auth }}
set network ike crypto-profiles ipsec-crypto-profiles {{ name }} dh-group {{ dh }}
set network ike crypto-profiles ipsec-crypto-profiles {{ name }} lifetime {{ unit }} {{ amount | to_int }}
</group>
<group name="gateway.{{ name }}">
set network ike gateway {{ name }} authentication pre-shared-key key {{ key }}
set network ike gateway {{ name }} protocol version {{ version }}
set network ike gateway {{ name }} protocol {{ ignore }} dpd enable {{ dpd }}
set network ike gateway {{ name }} local-address interface {{ ignore }} ip {{ local }}
set network ike gateway {{ name }} peer-address ip {{ peer }}
set network ike gateway {{ name }} local-id type {{ ignore }} id {{ local_id }}
set network ike gateway {{ name }} peer-id type {{ ignore }} id {{ peer_id }}
</group>
<group name="tunnel.{{ name }}">
set network tunnel ipsec {{ name }} tunnel-interface {{ interface }}
<group name="flows*">
set network tunnel ipsec {{ ignore }} auto-key proxy-id {{ id }} local {{ local }} remote {{ remote }} protocol any
</group>
</group>
<group name="statics*">
set network virtual-router default routing-table ip static-route {{ ignore }} interface {{ interface }} destination {{ cidr }}
</group>
<group name="bgp">
set network virtual-router default protocol bgp local-as {{ asn | to_int }}
</group>
<group name="peers*">
set network virtual-router default protocol bgp peer-group {{ ignore }} peer {{ name }} peer-as {{ peer_as | to_int }}
set network virtual-router default protocol bgp peer-group {{ ignore }} peer {{ name }} peer-address ip {{ ip }}
</group>
"""
SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600}


def panos(text: str, tunnel: TunnelPlan, number: int) -> dict[str, Any]:
    parser = ttp(data=text, template=PANOS_TEMPLATE)
    parser.parse()
    (read,) = parser.result(structure="flat_list")
    (name,) = [n for n, t in read["tunnel"].items() if t["interface"] == f"tunnel.{number}"]
    ike, esp, gateway = read["ike"][name], read["esp"][name], read["gateway"][name]
    assert gateway["version"] == ("ikev1" if tunnel.ike_v1 else "ikev2")
    flows = sorted((f["local"], f["remote"]) for f in read["tunnel"][name].get("flows", []))
    routes = sorted(s["cidr"] for s in read.get("statics", []) if s["interface"] == f"tunnel.{number}")
    assert routes == (sorted(tunnel.remote_subnets) if tunnel.policy_based else [])
    bgp = None
    if tunnel.bgp is not None:
        (peer,) = [p for p in read["peers"] if p["name"] == name]
        bgp = (read["bgp"]["asn"], peer["ip"], peer["peer_as"])
    return {
        "ike": (PANOS_ENC[ike["enc"]], ike["auth"], ike["dh"], ike["amount"] * SECONDS[ike["unit"]]),
        "esp": (PANOS_ENC[esp["enc"]], esp["auth"], "disabled" if esp["dh"] == "no-pfs" else esp["dh"],
                esp["amount"] * SECONDS[esp["unit"]]),
        "key": gateway["key"][1:-1],
        "peer": gateway["peer"],
        "ids": (gateway["local_id"], gateway["peer_id"]),
        "dpd": gateway["dpd"] == "yes",
        "ends": (None if flows else gateway["local"], gateway["peer"]),
        "flows": flows,
        "bgp": bgp,
    }  # fmt: skip


PANOS_ENC = {"aes-128-cbc": "aes", "aes-192-cbc": "aes192", "aes-256-cbc": "aes256", "des": "des", "3des": "3des"}
READERS = {"cisco": cisco, "fortigate": fortigate, "huawei": huawei, "junos": junos, "panos": panos, "vyos": vyos}


@pytest.mark.parametrize("vendor", sorted(READERS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_sheet_parsed_back_equals_the_model(case: str, vendor: str) -> None:
    plan = planned(case)
    text = render(plan, vendor)
    read = READERS[vendor]
    for number, tunnel in enumerate(plan.tunnels, start=1):
        assert read(text, tunnel, number) == expected(tunnel), tunnel.name


def test_a_changed_sheet_no_longer_equals_the_model() -> None:
    """The round trip can fail: one edited keyword shows up as a difference."""
    plan = planned("protected-flows")
    tunnel = plan.tunnels[0]
    text = render(plan, "cisco").replace(" integrity sha256", " integrity sha1", 1)
    assert cisco(text, tunnel, 1)["ike"] != expected(tunnel)["ike"]


def test_cisco_refuses_ikev1_with_fqdn_identities() -> None:
    """The ISAKMP part identifies by address: an FQDN identity would silently not match, so it is refused."""
    ike = {"ike_version": "ikev1", "local_id": "cloud.example.com", "remote_id": "dc.example.com"}
    plan = plan_connection(synthesized(ike_config=ike), "dc")
    with pytest.raises(ValidationError) as caught:
        render(plan, "cisco")
    assert {(p.field, p.rule) for p in caught.value.problems} == {
        ("ike_config.local_id", "peer-format-unsupported"),
        ("ike_config.remote_id", "peer-format-unsupported"),
    }
    assert "dc.example.com" in render(plan, "huawei")  # Huawei's ike peer carries local-id / remote-id
