"""Random connection options either synthesize schema-valid JSON or raise our ValidationError, never
another exception, and every value given is found in the output (nothing silently dropped)."""

from __future__ import annotations

import ipaddress
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn.alicloud import check_stack
from constructs_vpn.core import ValidationError
from constructs_vpn.vpn.customer_gateway import CustomerGatewayProps
from constructs_vpn.vpn.types import address_scope, parse_asn
from tests.vpn.conftest import Site

junk = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5_000_000_000), st.floats(allow_nan=True), st.text(max_size=12),
    st.lists(st.integers(), max_size=2), st.just("${var.x}"), st.just("%{if}"),
)  # fmt: skip


def mostly(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``good`` five times in six, junk otherwise, so both outcomes are explored."""
    return st.one_of(good, good, good, good, good, junk)


def choice(*good: Any) -> st.SearchStrategy[Any]:
    return mostly(st.sampled_from(good))


psk_text = st.text(alphabet="abcXYZ019~!@#$%{}[]<>/? ", min_size=0, max_size=105)


cidr = st.builds(
    lambda a, b, p: f"{a}.{b}.0.0/{p}", st.integers(0, 255), st.integers(0, 255), st.sampled_from([16, 24, 8, 33])
)
# Protected data flows: disjoint sides (10/8 against 192.168/16) unless junk is drawn.
flows = st.builds(
    lambda local, remote: {"local_subnets": local, "remote_subnets": remote},
    st.lists(st.builds(lambda b: f"10.{b}.0.0/16", st.integers(0, 255)), min_size=1, max_size=3, unique=True),
    st.lists(st.builds(lambda b: f"192.168.{b}.0/24", st.integers(0, 255)), min_size=1, max_size=3, unique=True),
)
ike = st.fixed_dictionaries(
    {},
    optional={
        "ike_version": choice("ikev1", "ikev2"),
        "ike_mode": choice("main", "aggressive"),
        "ike_enc_alg": choice("aes", "aes192", "aes256", "des", "3des"),
        "ike_auth_alg": choice("md5", "sha1", "sha256", "sha384", "sha512"),
        "ike_pfs": choice("group1", "group2", "group5", "group14"),
        "ike_lifetime": mostly(st.integers(-10, 90000)),
        "local_id": choice("203.0.113.1", "vpn.example.com", "bad id"),
    },
)
ipsec = st.fixed_dictionaries(
    {},
    optional={
        "ipsec_enc_alg": choice("aes", "aes256", "des"),
        "ipsec_pfs": choice("disabled", "group2", "group14"),
        "ipsec_lifetime": mostly(st.integers(-10, 90000)),
    },
)
coherent_bgp = st.builds(
    lambda n, host, asn: {"tunnel_cidr": f"169.254.{n}.0/30", "local_bgp_ip": f"169.254.{n}.{host}", "local_asn": asn},
    st.integers(6, 168),
    st.sampled_from([1, 2]),
    st.one_of(st.integers(64512, 65534), st.just("1.10"), st.just(45104)),
)
bgp = st.one_of(
    coherent_bgp,
    coherent_bgp,
    st.fixed_dictionaries(
        {
            "tunnel_cidr": mostly(
                st.builds(lambda n, o: f"169.254.{n}.{o}/30", st.integers(0, 255), st.sampled_from([0, 4, 1]))
            ),
            "local_bgp_ip": mostly(st.builds(lambda n, h: f"169.254.{n}.{h}", st.integers(0, 255), st.integers(0, 3))),
        },
        optional={"local_asn": mostly(st.one_of(st.integers(0, 4294967296), st.just("70000.1")))},
    ),
)
options = st.fixed_dictionaries(
    {},
    optional={
        "name": mostly(st.text(max_size=20)),
        "gateway_type": st.one_of(st.just("public"), st.just("public"), junk),
        "effect_immediately": mostly(st.booleans()),
        "psk": mostly(psk_text),
        "ike_config": mostly(ike),
        "ipsec_config": mostly(ipsec),
        "bgp": mostly(bgp),
        "enable_dpd": mostly(st.booleans()),
    },
)


def leaves(value: Any, key: str = "") -> list[Any]:
    """Every scalar given, as it must appear in the JSON (dotted ASNs converted)."""
    if isinstance(value, dict):
        return [leaf for name, item in value.items() for leaf in leaves(item, name)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in leaves(item, key)]
    return [str(parse_asn(value)) if key == "local_asn" else value]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    options,
    st.one_of(
        st.just({}),
        flows,
        flows,
        st.fixed_dictionaries({}, optional={"local_subnets": st.lists(cidr), "remote_subnets": st.lists(cidr)}),
    ),
    st.one_of(st.none(), st.none(), st.none(), junk),
)
def test_random_options_synthesize_or_raise_our_error(
    given_options: dict[str, Any], routing: dict[str, Any], unknown: Any
) -> None:
    site = Site()
    given_options = {**given_options, **routing}
    if unknown is not None:
        given_options["unknown_option"] = unknown
    site.connect(**given_options)
    try:
        document = site.synth()
    except ValidationError as error:
        assert error.problems and all(p.path and p.rule for p in error.problems)
        return
    assert check_stack(document) == []
    text = json.dumps(document)
    for value in leaves(
        {k: v for k, v in given_options.items() if k not in ("psk", "local_subnets", "remote_subnets")}
    ):
        if isinstance(value, str) and value and "{" not in value:
            assert json.dumps(value)[1:-1] in text, f"{value!r} was dropped"


usable_tunnel = (
    st.integers(7 * 64, 16383)
    .map(lambda n: f"169.254.{n // 64}.{n % 64 * 4}/30")
    .filter(lambda c: c != "169.254.169.252/30")
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(usable_tunnel, usable_tunnel)
def test_two_tunnels_are_valid_exactly_when_their_tunnel_cidrs_differ(first: str, second: str) -> None:
    site = Site()
    bgps = [{"tunnel_cidr": c, "local_bgp_ip": _first_host(c)} for c in (first, second)]
    site.connect(tunnel_mode="dual", tunnels_bgp=bgps)
    if first != second:
        site.synth()
        return
    try:
        site.synth()
    except ValidationError as error:
        assert [(p.field, p.rule) for p in error.problems] == [("tunnels_bgp[1].tunnel_cidr", "tunnel-cidr-shared")]
    else:
        raise AssertionError("a shared tunnel CIDR synthesized")


def _first_host(cidr: str) -> str:
    address, _ = cidr.split("/")
    *head, last = address.split(".")
    return ".".join([*head, str(int(last) + 1)])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=5))
def test_every_repeated_cidr_is_reported_at_its_own_index(picks: list[int]) -> None:
    site = Site()
    local = [f"10.{n}.0.0/16" for n in picks]
    site.connect(local_subnets=local, remote_subnets=["192.168.0.0/24"])
    repeated = [f"local_subnets[{i}]" for i, n in enumerate(picks) if n in picks[:i]]
    try:
        site.synth()
    except ValidationError as error:
        found = [p.field for p in error.problems if p.rule == "duplicate-cidr"]
        assert found == repeated and repeated
    else:
        assert repeated == []


octet = st.one_of(st.integers(0, 255).map(str), st.sampled_from(["00", "01", "256", "999", "1a", "", "-1", "٣", " 1"]))
address_text = st.builds(".".join, st.lists(octet, min_size=3, max_size=5))


@given(address_text)
def test_the_address_fast_path_agrees_with_ipaddress(text: str) -> None:
    """Canonical addresses skip ``ipaddress``: accepted, normalized and classified exactly as it would."""
    try:
        parsed: ipaddress.IPv4Address | None = ipaddress.IPv4Address(text)
    except ipaddress.AddressValueError:
        parsed = None
    try:
        got: str | None = CustomerGatewayProps(ip_address=text).ip_address
    except ValidationError:
        got = None
    assert got == (None if parsed is None else str(parsed))
    if parsed is not None:
        private = any(parsed in ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
        unusable = any(
            parsed in ipaddress.IPv4Network(n)
            for n in ("0.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4")
        )
        assert address_scope(text) == ("private" if private else "unusable" if unusable else "public")
