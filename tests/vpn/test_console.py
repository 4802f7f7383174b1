"""The console facts table and the emulator's own copy (an independent oracle) agree on the same values.

Each test sweeps one fact through both sides: the constructs' validation (which reads ``vpn/console.py``) and
the emulator's API rules (``emulator/rules.py``, written separately on purpose). Where the constructs are
stricter by design (template syntax in a literal key), the test says so.
"""

from __future__ import annotations

import ipaddress
import string

import pytest

from constructs_vpn import ValidationError
from constructs_vpn.emulator import rules as emulator
from constructs_vpn.emulator.errors import ApiError
from constructs_vpn.vpn import BgpConfig, TunnelOptions, console


def constructs_accept_tunnel(cidr: ipaddress.IPv4Network) -> bool:
    try:
        BgpConfig(tunnel_cidr=str(cidr), local_bgp_ip=str(next(cidr.hosts())))
    except ValidationError:
        return False
    return True


def emulator_accepts_tunnel(cidr: ipaddress.IPv4Network) -> bool:
    try:
        emulator.check_bgp({"enable": True, "tunnel_cidr": str(cidr), "local_bgp_ip": str(next(cidr.hosts()))}, "T", {})
    except ApiError:
        return False
    return True


def test_every_tunnel_cidr_in_169_254_is_judged_alike() -> None:
    candidates = [*console.TUNNEL_CIDR_PARENT.subnets(new_prefix=30), ipaddress.IPv4Network("169.254.8.0/29"),
                  ipaddress.IPv4Network("10.0.0.0/30"), ipaddress.IPv4Network("169.255.0.0/30")]  # fmt: skip
    disagree = [c for c in candidates if constructs_accept_tunnel(c) != emulator_accepts_tunnel(c)]
    assert disagree == []
    refused = {c for c in console.TUNNEL_CIDR_PARENT.subnets(new_prefix=30) if not constructs_accept_tunnel(c)}
    assert refused == set(console.RESERVED_TUNNEL_CIDRS)
    assert ipaddress.IPv4Network("169.254.6.0/30") in refused


def constructs_accept_psk(key: str) -> bool:
    try:
        TunnelOptions(customer_gateway="cgw-1", psk=key)
    except ValidationError:
        return False
    return True


def emulator_accepts_psk(key: str) -> bool:
    try:
        emulator.check_psk(key)
    except ApiError:
        return False
    return True


def test_every_character_and_length_of_a_key_is_judged_alike() -> None:
    keys = [ch * 2 for ch in map(chr, range(0x300))] + ["a" * n for n in (0, 1, 99, 100, 101)] + ["ab\n", "a b"]
    disagree = [k for k in keys if constructs_accept_psk(k) != emulator_accepts_psk(k)]
    assert disagree == []
    assert frozenset(string.ascii_letters + string.digits + console.PSK_SPECIAL_CHARACTERS) == console.PSK_ALPHABET


@pytest.mark.parametrize("key", ["a${b}", "%{x"])
def test_the_constructs_are_stricter_on_template_syntax_in_a_literal_key(key: str) -> None:
    assert emulator_accepts_psk(key) and not constructs_accept_psk(key)


@pytest.mark.parametrize("asn", [0, 1, 45104, 65535, 65536, 4294967295, 4294967296, -1, 2**63])
def test_asn_bounds_agree(asn: int) -> None:
    try:
        BgpConfig(tunnel_cidr="169.254.10.0/30", local_bgp_ip="169.254.10.1", local_asn=asn)
        ours = True
    except ValidationError:
        ours = False
    try:
        emulator.check_asn(asn, "IllegalParam.LocalAsn", "LocalAsn")
        theirs = True
    except ApiError:
        theirs = False
    assert ours == theirs


def test_generated_key_length_agrees() -> None:
    assert len(emulator.generate_psk()) == console.GENERATED_PSK_LENGTH


def test_every_fact_names_a_source_and_an_existing_constant() -> None:
    assert console.FACTS
    for fact in console.FACTS:
        assert fact.source and fact.summary
        assert hasattr(console, fact.name), fact.name
