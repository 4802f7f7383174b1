"""One row per console rule: a valid and an invalid value, and the field, rule id and wording it gives."""

from __future__ import annotations

from typing import Any

import pytest

from constructs_vpn.core import Annotations, Token, ValidationError
from constructs_vpn.core.testing import Testing
from constructs_vpn.vpn import CustomerGateway
from tests.vpn.conftest import Site

BGP = {"tunnel_cidr": "169.254.10.0/30", "local_bgp_ip": "169.254.10.1"}

# (case id, options, expected field, expected rule, text in the message)
ERRORS: list[tuple[str, dict[str, Any], str, str, str]] = [
    ("psk-space", {"psk": "has space"}, "psk", "psk-format", "contains a space"),
    ("psk-long", {"psk": "a" * 101}, "psk", "psk-format", "101 characters"),
    ("psk-charset", {"psk": "naïve"}, "psk", "psk-format", "outside the allowed set"),
    ("psk-empty", {"psk": ""}, "psk", "psk-format", "0 characters"),
    ("cidr-host-bits", {"local_subnets": ["10.0.0.1/16"], "remote_subnets": ["192.168.0.0/24"]},
     "local_subnets[0]", "cidr-host-bits", "host bits"),
    ("cidr-garbage", {"local_subnets": ["10.0.0.0/33"], "remote_subnets": ["192.168.0.0/24"]},
     "local_subnets[0]", "cidr", "not an IPv4 CIDR"),
    ("one-side-only", {"local_subnets": ["10.0.0.0/16"]}, "remote_subnets", "routing-mode", "both"),
    ("default-route-as-flow", {"local_subnets": ["0.0.0.0/0"], "remote_subnets": ["192.168.0.0/24"]},
     "local_subnets[0]", "routing-mode", "destination routing"),
    ("overlap", {"local_subnets": ["10.0.0.0/16"], "remote_subnets": ["10.0.128.0/24"]},
     "remote_subnets[0]", "subnet-overlap", "overlaps"),
    ("several-cidrs-ikev1", {"local_subnets": ["10.0.0.0/16", "10.1.0.0/16"], "remote_subnets": ["192.168.0.0/24"],
                             "ike_config": {"ike_version": "ikev1"}},
     "ike_config.ike_version", "multiple-cidrs-need-ikev2", "IKEv2"),
    ("tunnel-cidr-size", {"bgp": {**BGP, "tunnel_cidr": "169.254.10.0/29"}}, "bgp.tunnel_cidr", "bgp-tunnel-cidr", "/30"),
    ("tunnel-cidr-range", {"bgp": {**BGP, "tunnel_cidr": "10.0.0.0/30"}}, "bgp.tunnel_cidr", "bgp-tunnel-cidr", "169.254"),
    ("tunnel-cidr-aligned", {"bgp": {**BGP, "tunnel_cidr": "169.254.10.1/30"}}, "bgp.tunnel_cidr", "cidr-host-bits", "host bits"),
    ("tunnel-cidr-reserved", {"bgp": {"tunnel_cidr": "169.254.169.252/30", "local_bgp_ip": "169.254.169.253"}},
     "bgp.tunnel_cidr", "bgp-tunnel-cidr-reserved", "reserved"),
    ("bgp-ip-outside", {"bgp": {**BGP, "local_bgp_ip": "169.254.11.1"}}, "bgp", "bgp-ip-in-tunnel-cidr", "169.254.10.1"),
    ("bgp-ip-network-address", {"bgp": {**BGP, "local_bgp_ip": "169.254.10.0"}}, "bgp", "bgp-ip-in-tunnel-cidr", "host"),
    ("asn-zero", {"bgp": {**BGP, "local_asn": 0}}, "bgp.local_asn", "asn", "outside 1-4294967295"),
    ("asn-too-big", {"bgp": {**BGP, "local_asn": 4294967296}}, "bgp.local_asn", "asn", "outside"),
    ("asn-dotted-part", {"bgp": {**BGP, "local_asn": "65536.1"}}, "bgp.local_asn", "asn", "0-65535"),
    ("asn-bool", {"bgp": {**BGP, "local_asn": True}}, "bgp.local_asn", "type", "bool"),
    ("asn-same-as-peer", {"tunnel_mode": "single", "bgp": {**BGP, "local_asn": 65010}}, "bgp.local_asn", "bgp-asn-differs", "also the customer"),
    ("ike-lifetime", {"ike_config": {"ike_lifetime": 86401}}, "ike_config.ike_lifetime", "lifetime-range", "0-86400"),
    ("ipsec-lifetime-negative", {"ipsec_config": {"ipsec_lifetime": -1}}, "ipsec_config.ipsec_lifetime", "lifetime-range", "-1"),
    ("lifetime-float", {"ipsec_config": {"ipsec_lifetime": 1.5}}, "ipsec_config.ipsec_lifetime", "type", "float"),
    ("retry-interval", {"health_check": {"dip": "192.168.0.1", "sip": "10.0.0.1", "interval": 0}},
     "health_check.interval", "range", "outside 1-2147483647"),
    ("retries-str", {"health_check": {"dip": "192.168.0.1", "sip": "10.0.0.1", "retry": "3"}},
     "health_check.retry", "type", "str"),
    ("health-ip", {"health_check": {"dip": "192.168.0.300", "sip": "10.0.0.1"}}, "health_check.dip", "ipv4-address", "not an IPv4"),
    ("identity-space", {"ike_config": {"local_id": "my gateway"}}, "ike_config.local_id", "ike-identity", "spaces"),
    ("identity-bad", {"ike_config": {"remote_id": "-bad-.example"}}, "ike_config.remote_id", "ike-identity", "FQDN"),
    ("enum-case", {"ike_config": {"ike_auth_alg": "SHA1"}}, "ike_config.ike_auth_alg", "enum", "sha1"),
    ("ike-pfs-disabled", {"ike_config": {"ike_pfs": "disabled"}}, "ike_config.ike_pfs", "enum", "group2"),
    ("bool-str", {"enable_dpd": "true"}, "enable_dpd", "type", "str"),
    ("gateway-type", {"gateway_type": "internet"}, "gateway_type", "enum", "public"),
    ("unknown-key", {"ike_config": {"ike_verison": "ikev2"}}, "ike_config.ike_verison", "unknown-argument", "ike_version"),
    ("tunnel-cidr-reserved-6", {"bgp": {"tunnel_cidr": "169.254.6.0/30", "local_bgp_ip": "169.254.6.1"}},
     "bgp.tunnel_cidr", "bgp-tunnel-cidr-reserved", "169.254.6.0/30"),
    ("psk-trailing-newline", {"psk": "secret\n"}, "psk", "psk-format", "space"),
    ("psk-template", {"psk": "a${b}"}, "psk", "psk-template-text", "${"),
    ("duplicate-cidr", {"local_subnets": ["10.0.0.0/16", "10.0.0.0/16"], "remote_subnets": ["192.168.0.0/24"]},
     "local_subnets[1]", "duplicate-cidr", "local_subnets[0]"),
    ("duplicate-route", {"static_routes": [{"destination": "192.168.0.0/24"}, {"destination": "192.168.0.0/24"}]},
     "static_routes[1]", "duplicate-static-route", "static_routes[0]"),
    ("health-interval-huge", {"health_check": {"dip": "192.168.0.1", "sip": "10.0.0.1", "interval": 2**64}},
     "health_check.interval", "range", "2147483647"),
    ("health-retry-zero", {"health_check": {"dip": "192.168.0.1", "sip": "10.0.0.1", "retry": 0}},
     "health_check.retry", "range", "1-"),
    ("name-bytes", {"name": b"site"}, "name", "type", "bytes"),
    ("name-nul", {"name": "si\x00te"}, "name", "text-control", "control"),
    ("name-long", {"name": "n" * 101}, "name", "text-length", "1-100"),
    ("name-expression", {"name": "${var.x}"}, "name", "expression-text", "template"),
    ("name-forged-token", {"name": "${TfToken[TOKEN.0]}"}, "name", "expression-text", "token"),
    ("enum-expression", {"gateway_type": "${var.t}"}, "gateway_type", "expression-text", "template"),
    ("ip-forged-token", {"health_check": {"dip": "${TfToken[TOKEN.1]}", "sip": "10.0.0.1"}},
     "health_check.dip", "expression-text", "token"),
    ("resource-group-blank", {"resource_group_id": "  "}, "resource_group_id", "id-format", "white space"),
    ("tag-empty-key", {"tags": {"": "x"}}, "tags", "text-length", "0 characters"),
    ("existing-empty", {"existing": {"vpn_connection_id": ""}}, "existing.vpn_connection_id", "id-format", "empty"),
    ("existing-newline", {"existing": {"vpn_connection_id": "vco-1\n"}}, "existing.vpn_connection_id", "id-format",
     "control"),
    ("owner-not-digits", {"cross_account": {"cen_owner_id": "abc", "vpn_owner_id": "2"}},
     "cross_account.cen_owner_id", "account-id", "UID"),
    ("dual-and-single", {"tunnels": [{"customer_gateway": "cgw-1"}, {"customer_gateway": "cgw-2"}]},
     "customer_gateway", "single-and-dual-tunnel", "single-tunnel setting"),
]  # fmt: skip


@pytest.mark.parametrize(("options", "field", "rule", "text"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS])
def test_rule_violation(site: Site, options: dict[str, Any], field: str, rule: str, text: str) -> None:
    site.connect(**options)
    with pytest.raises(ValidationError) as caught:
        site.synth()
    found = [(p.field, p.rule) for p in caught.value.problems]
    assert (field, rule) in found, found
    problem = next(p for p in caught.value.problems if (p.field, p.rule) == (field, rule))
    assert problem.path == "net/site"
    assert text in problem.message + problem.fix
    assert problem.fix


VALID: list[tuple[str, dict[str, Any]]] = [
    ("dotted-asn", {"tunnel_mode": "single", "bgp": {**BGP, "local_asn": "1.10"}}),
    ("other-bgp-ip", {"tunnel_mode": "single", "bgp": {**BGP, "local_bgp_ip": "169.254.10.2"}}),
    ("dual-tunnel-bgp", {"tunnels_bgp": [BGP, {"tunnel_cidr": "169.254.11.0/30", "local_bgp_ip": "169.254.11.1"}]}),
    ("flows-ikev2", {"local_subnets": ["10.0.0.0/16", "10.1.0.0/16"], "remote_subnets": ["192.168.0.0/24"]}),
    ("lifetimes-bounds", {"ike_config": {"ike_lifetime": 0}, "ipsec_config": {"ipsec_lifetime": 86400}}),
    (
        "fqdn-aggressive",
        {"ike_config": {"ike_version": "ikev1", "ike_mode": "aggressive", "local_id": "a.example.com"}},
    ),
    ("psk-every-symbol", {"psk": "aZ09~`!@#$%^&*()_-+={}[]\\|;:',.<>/?"}),
    ("psk-100", {"psk": "x" * 100}),
]


@pytest.mark.parametrize("options", [c[1] for c in VALID], ids=[c[0] for c in VALID])
def test_valid_values(site: Site, options: dict[str, Any]) -> None:
    site.connect(**options)
    site.synth()


WARNINGS: list[tuple[str, dict[str, Any], str]] = [
    ("des", {"ike_config": {"ike_enc_alg": "des"}}, "vpn:weak-encryption"),
    ("3des", {"ipsec_config": {"ipsec_enc_alg": "3des"}}, "vpn:weak-encryption"),
    ("md5", {"ike_config": {"ike_auth_alg": "md5"}}, "vpn:weak-authentication"),
    ("group1", {"ipsec_config": {"ipsec_pfs": "group1"}}, "vpn:weak-dh-group"),
    ("fqdn-main", {"ike_config": {"ike_version": "ikev1", "remote_id": "dc.example.com"}}, "vpn:fqdn-main-mode"),
    ("public-asn", {"tunnel_mode": "single", "bgp": {**BGP, "local_asn": 3356}}, "vpn:public-asn"),
    ("literal-psk", {"psk": "literal-key"}, "vpn:literal-psk"),
    ("single-tunnel", {"tunnel_mode": "single"}, "vpn:single-tunnel"),
]


@pytest.mark.parametrize(("options", "warning"), [c[1:] for c in WARNINGS], ids=[c[0] for c in WARNINGS])
def test_weak_choices_warn_and_strict_mode_fails(make_site: Any, options: dict[str, Any], warning: str) -> None:
    site = make_site()
    site.connect(**options)
    notes = site.app.synthesize().annotations
    assert any(n.id == warning and n.path == "net/site" for n in notes), notes
    strict = make_site(Testing.app(strict=True))
    strict.connect(**options)
    with pytest.raises(ValidationError) as caught:
        strict.synth()
    assert warning in [p.rule for p in caught.value.problems]
    acknowledged = make_site(Testing.app(strict=True))
    Annotations.of(acknowledged.stack).acknowledge_warning(warning)
    Annotations.of(acknowledged.stack).acknowledge_warning("vpn:single-tunnel")
    acknowledged.connect(**options)
    acknowledged.synth()


def test_gateway_addresses_match_the_gateway_type(site: Site) -> None:
    private = CustomerGateway(site.stack, "private", ip_address="192.168.1.1")
    loopback = CustomerGateway(site.stack, "loop", ip_address="127.0.0.1")
    site.connect("a", customer_gateway=private)
    site.connect("b", customer_gateway=site.cgw, gateway_type="private")
    site.connect("c", customer_gateway=loopback)
    site.connect("d", customer_gateway=private, gateway_type="private")
    with pytest.raises(ValidationError) as caught:
        site.synth()
    assert [(p.path, p.rule) for p in caught.value.problems] == [
        ("net/a", "gateway-address-public"),
        ("net/b", "gateway-address-private"),
        ("net/c", "gateway-address-usable"),
    ]


def test_bgp_needs_the_peer_asn(site: Site) -> None:
    no_asn = CustomerGateway(site.stack, "plain", ip_address="203.0.113.99")
    site.connect(customer_gateway=no_asn, tunnel_mode="single", bgp=BGP)
    with pytest.raises(ValidationError, match=r"\[net/site\] customer_gateway: BGP is on but customer gateway"):
        site.synth()


def test_references_skip_value_checks_but_not_type_checks(site: Site) -> None:
    assert site.cgw.resource is not None
    ip = Token.as_any(site.cgw.resource.ip_address)  # a token object: the engine's own, never text
    bgp = {"tunnel_cidr": ip, "local_bgp_ip": ip, "local_asn": ip}
    site.connect("a", tunnel_mode="single", health_check={"dip": ip, "sip": ip}, bgp=bgp)
    site.synth()
    site.connect("b", tunnel_mode="single", health_check={"dip": 1, "sip": ip})
    with pytest.raises(ValidationError, match=r"health_check.dip: expected an IPv4 address as a string"):
        site.synth()


def test_psk_is_never_echoed(site: Site) -> None:
    secret = "Sup3r secret"
    site.connect(psk=secret)
    with pytest.raises(ValidationError) as caught:
        site.synth()
    assert secret not in str(caught.value) and secret not in repr(caught.value.problems)
