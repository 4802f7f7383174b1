"""One error type everywhere: option models on their own, data fields of every construct, dual-tunnel rules."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn import ValidationError
from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.core import Fn, TerraformVariable
from constructs_vpn.vpn import (
    BgpConfig,
    CenInstance,
    CrossAccount,
    CustomerGateway,
    ExistingConnection,
    HealthCheckConfig,
    IkeConfig,
    IpsecConfig,
    IpsecConnection,
    PropsModel,
    StaticRoute,
    TransitRouter,
    TransitRouterCidrBlock,
    TunnelOptions,
)
from tests.hardening.test_sweep import HOSTILE
from tests.vpn.conftest import Site

BGP_A = {"tunnel_cidr": "169.254.10.0/30", "local_bgp_ip": "169.254.10.1"}


def problems(caught: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str, str]]:
    return {(p.path, p.field, p.rule) for p in caught.value.problems}


def test_a_model_on_its_own_reports_every_problem_with_a_did_you_mean() -> None:
    with pytest.raises(ValidationError) as caught:
        IkeConfig(ike_enc_alg="AES", ike_verison="ikev2", ike_lifetime=2**64)  # type: ignore[call-arg]
    assert problems(caught) == {
        ("IkeConfig", "ike_enc_alg", "enum"),
        ("IkeConfig", "ike_verison", "unknown-argument"),
        ("IkeConfig", "ike_lifetime", "lifetime-range"),
    }
    text = str(caught.value)
    assert "did you mean 'aes'?" in text and "did you mean 'ike_version'?" in text


def test_a_models_errors_never_show_the_key() -> None:
    with pytest.raises(ValidationError) as caught:
        TunnelOptions(customer_gateway="cgw-1", psk="Sup3r secret key")
    assert "Sup3r" not in str(caught.value) and "Sup3r" not in repr(caught.value.problems)


@pytest.mark.parametrize(
    ("model", "data", "field", "rule"),
    [
        (BgpConfig, {"tunnel_cidr": "169.254.6.0/30", "local_bgp_ip": "169.254.6.1"}, "tunnel_cidr",
         "bgp-tunnel-cidr-reserved"),
        (HealthCheckConfig, {"dip": "10.0.0.1", "sip": "10.0.0.2", "retry": 2**64}, "retry", "range"),
        (StaticRoute, {"destination": "10.0.0.1/24"}, "destination", "cidr-host-bits"),
        (CrossAccount, {"cen_owner_id": "1", "vpn_owner_id": " "}, "vpn_owner_id", "id-format"),
        (ExistingConnection, {"vpn_connection_id": "vco\x00"}, "vpn_connection_id", "id-format"),
        (TransitRouterCidrBlock, {"cidr": "10.0.0.0/24", "name": b"x"}, "name", "type"),
        (IpsecConfig, {"ipsec_pfs": "GROUP14"}, "ipsec_pfs", "enum"),
    ],
)  # fmt: skip
def test_every_option_model_raises_the_library_error(
    model: type[PropsModel], data: dict[str, Any], field: str, rule: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        model(**data)
    assert (model.__name__, field, rule) in problems(caught)
    assert all(p.fix for p in caught.value.problems)


MODELS: list[type[PropsModel]] = [
    IkeConfig,
    IpsecConfig,
    BgpConfig,
    HealthCheckConfig,
    StaticRoute,
    TunnelOptions,
    CrossAccount,
    ExistingConnection,
    TransitRouterCidrBlock,
]
hostile = st.sampled_from(HOSTILE) | st.text(max_size=20) | st.integers() | st.binary(max_size=4)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.sampled_from(MODELS).flatmap(lambda m: st.tuples(st.just(m), st.dictionaries(
    st.sampled_from([*m.model_fields, "bogus"]), hostile, max_size=4))))  # fmt: skip
def test_hostile_input_to_an_option_model_gives_only_the_library_error(
    case: tuple[type[PropsModel], dict[str, Any]],
) -> None:
    model, data = case
    try:
        model(**data)
    except ValidationError as error:
        assert error.problems and all(p.path == model.__name__ and p.rule and p.fix for p in error.problems)


@pytest.mark.parametrize(
    ("build", "field", "rule"),
    [
        (lambda s: CenInstance(s, "c", protection_level="FULLY"), "protection_level", "enum"),
        (lambda s: CenInstance(s, "c", existing=""), "existing", "id-format"),
        (lambda s: CenInstance(s, "c", description="${TfToken[TOKEN.3]}"), "description", "expression-text"),
        (lambda s: CenInstance(s, "c", name="n" * 129), "name", "text-length"),
        (lambda s: CenInstance(s, "c", tags={"k": "a\nb"}), "tags", "text-control"),
        (lambda s: CustomerGateway(s, "g", ip_address="${var.ip}"), "ip_address", "expression-text"),
        (lambda s: CustomerGateway(s, "g", ip_address="203.0.113.1", existing="  "), "existing", "id-format"),
        (lambda s: CustomerGateway(s, "g", ip_address="203.0.113.1", asn="%{ if x }1%{ endif }"), "asn",
         "expression-text"),
        (lambda s: TransitRouter(s, "t", cen=CenInstance(s, "c"), name=b"tr"), "name", "type"),  # type: ignore[arg-type]
    ],
)  # fmt: skip
def test_data_fields_of_every_construct(site: Site, build: Any, field: str, rule: str) -> None:
    build(site.stack)
    with pytest.raises(ValidationError) as caught:
        site.synth()
    assert any(p.field == field and p.rule == rule for p in caught.value.problems), caught.value.problems


def dual(site: Site, **options: Any) -> None:
    second = options.pop("second_bgp", BGP_A)
    tunnels: list[TunnelOptions | dict[str, Any]] = [
        {"customer_gateway": site.cgw, "psk": site.psk, "bgp": bgp} for bgp in (BGP_A, second)
    ]
    IpsecConnection(site.stack, "site", transit_router=site.tr, tunnels=tunnels, **options)


def test_two_tunnels_cannot_share_a_tunnel_cidr(site: Site) -> None:
    dual(site)
    with pytest.raises(ValidationError) as caught:
        site.synth()
    assert ("net/site", "tunnels[1].bgp.tunnel_cidr", "tunnel-cidr-shared") in problems(caught)


def test_a_dual_tunnel_connection_takes_no_health_check(site: Site) -> None:
    dual(site, second_bgp={"tunnel_cidr": "169.254.20.0/30", "local_bgp_ip": "169.254.20.1"},
         health_check={"dip": "192.168.0.1", "sip": "10.0.0.1"})  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        site.synth()
    assert problems(caught) == {("net/site", "health_check", "health-check-single-tunnel")}


def test_dual_tunnel_writes_no_health_check_block(site: Site) -> None:
    dual(site, second_bgp={"tunnel_cidr": "169.254.20.0/30", "local_bgp_ip": "169.254.20.1"})
    assert "health_check_config" not in site.resource("alicloud_vpn_gateway_vpn_attachment")


def test_a_cross_account_gateway_needs_the_vpn_accounts_provider(site: Site) -> None:
    b = AlicloudProvider(site.stack, "b", alias="b", region="cn-hangzhou")
    site.connect(provider=b, cross_account={"cen_owner_id": "1", "vpn_owner_id": "2"})
    with pytest.raises(ValidationError) as caught:
        site.synth()
    assert problems(caught) == {("net/site", "customer_gateway", "cross-account-gateway-provider")}


def test_the_payer_may_be_a_token(site: Site) -> None:
    b = AlicloudProvider(site.stack, "b", alias="b", region="cn-hangzhou")
    payer = TerraformVariable(site.stack, "payer", type="string")
    gateway = CustomerGateway(site.stack, "gw-b", ip_address="203.0.113.11", asn=65011, provider=b)
    site.connect(provider=b, customer_gateway=gateway,
                 cross_account=CrossAccount(cen_owner_id="1", vpn_owner_id="2", payer=payer.value))  # fmt: skip
    order_type = site.resource("alicloud_cen_transit_router_vpn_attachment")["order_type"]
    # Fn.lookup without a default is an index, as in cdktf: the payer table indexed by the variable
    assert order_type.startswith("${{") and "PayByResourceOwner" in order_type and order_type.endswith("[var.payer]}")


def test_a_token_object_passes_where_its_text_would_not(site: Site) -> None:
    key = Fn.lookup(TerraformVariable(site.stack, "keys", type="map(string)", sensitive=True).value, "site")
    dual(site, second_bgp={"tunnel_cidr": "169.254.20.0/30", "local_bgp_ip": "169.254.20.1"})
    site.connect("other", psk=key)
    tunnels = site.resource("alicloud_vpn_gateway_vpn_attachment", "other")["tunnel_options_specification"]
    assert [t["tunnel_ike_config"]["psk"] for t in tunnels] == [
        "${var.keys.site}"
    ] * 2  # Fn.lookup without a default, as cdktf writes it


BGP_B = {"tunnel_cidr": "169.254.20.0/30", "local_bgp_ip": "169.254.20.1"}


@pytest.mark.parametrize("bgp", [None, [BGP_A, BGP_B]])
def test_the_dual_tunnel_short_form_equals_two_explicit_tunnels(make_site: Any, bgp: Any) -> None:
    short, explicit = make_site(), make_site()
    extra = {"tunnels_bgp": bgp} if bgp else {}
    short.connect(tunnel_mode="dual", ike_config={"ike_enc_alg": "aes256"}, enable_dpd=False, **extra)
    one = {"customer_gateway": explicit.cgw, "psk": explicit.psk, "ike_config": {"ike_enc_alg": "aes256"},
           "enable_dpd": False}  # fmt: skip
    tunnels: list[TunnelOptions | dict[str, Any]] = [{**one, "bgp": b} for b in (bgp or [None, None])]
    IpsecConnection(explicit.stack, "site", transit_router=explicit.tr, tunnels=tunnels)
    va = "alicloud_vpn_gateway_vpn_attachment"
    assert short.resource(va) == explicit.resource(va)
    specification = short.resource(va)["tunnel_options_specification"]
    assert [t["tunnel_index"] for t in specification] == [1, 2] and "zone" not in short.resource(
        "alicloud_cen_transit_router_vpn_attachment"
    )


@pytest.mark.parametrize(
    ("options", "field", "rule"),
    [
        ({"tunnel_mode": "dual", "tunnels_bgp": [BGP_A]}, "tunnels_bgp", "dual-tunnel-count"),
        ({"tunnels_bgp": [BGP_A, BGP_A]}, "tunnels_bgp[1].tunnel_cidr", "tunnel-cidr-shared"),
        ({"tunnel_mode": "dual", "bgp": BGP_A}, "bgp", "single-and-dual-tunnel"),
        ({"bgp": BGP_A}, "bgp", "single-and-dual-tunnel"),
        ({"zone_id": "cn-hangzhou-h"}, "zone_id", "single-and-dual-tunnel"),
        ({"tunnel_mode": "dual", "zone_id": "cn-hangzhou-h"}, "zone_id", "single-and-dual-tunnel"),
        ({"tunnel_mode": "single", "tunnels_bgp": [BGP_A, BGP_B]}, "tunnels_bgp", "tunnels-bgp-short-form"),
        ({"existing": {"vpn_connection_id": "vco-1"}, "tunnels_bgp": [BGP_A, BGP_B]}, "tunnels_bgp",
         "tunnels-bgp-short-form"),
        ({"health_check": {"dip": "192.168.0.1", "sip": "10.0.0.1"}}, "health_check",
         "health-check-single-tunnel"),
        ({"tunnel_mode": "Dual"}, "tunnel_mode", "enum"),
    ],
)  # fmt: skip
def test_short_form_rules(site: Site, options: dict[str, Any], field: str, rule: str) -> None:
    site.connect(**options)
    with pytest.raises(ValidationError) as caught:
        site.synth()
    assert ("net/site", field, rule) in problems(caught)


def test_the_short_form_is_not_warned_about_single_tunnel(site: Site) -> None:
    site.connect("default")
    site.connect("explicit", tunnel_mode="dual")
    site.connect("adopted", tunnel_mode="single", existing={"vpn_connection_id": "vco-1"})
    site.connect("adopted-default", existing={"vpn_connection_id": "vco-2"})
    notes = site.app.synthesize().annotations
    assert "vpn:single-tunnel" not in {n.id for n in notes}
    single = Site()
    single.connect(tunnel_mode="single")
    assert "vpn:single-tunnel" in {n.id for n in single.app.synthesize().annotations}
