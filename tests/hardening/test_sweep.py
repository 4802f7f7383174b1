"""A sweep over the public API: hostile values in every field of every construct and option model.

Each case either synthesizes JSON that the schema check accepts (and that holds every value given, unchanged),
or raises the library's own ValidationError naming path and field. Never another exception, never a value
silently dropped or coerced. CI (CONSTRUCTS_VPN_REQUIRE_TOOLS=1) runs 2 000 examples per target, 10 000 in all.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn.alicloud import check_stack
from constructs_vpn.core import App, TerraformStack, ValidationError
from constructs_vpn.vpn import CenInstance, CustomerGateway, IpsecConnection, TransitRouter
from tests.tooling import REQUIRE_TOOLS

EXAMPLES = 2000 if REQUIRE_TOOLS else 200
TEMPLATE = re.compile(r"[$%]\{|TfToken\[")

HOSTILE: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1,
    65535,
    86400,
    86401,
    2**32,
    2**63,
    1.5,
    1.0,
    math.nan,
    math.inf,
    -math.inf,
    "",
    " ",
    "x" * 5000,
    "${var.injected}",
    "${TfToken[TOKEN.0]}",
    "a\x00b",
    "x\n",
    b"bytes",
    "%{ if true }x%{ endif }",
    "$${}",
    "ünïcode ✓ 漢字",
    "a\nb",
    '"quoted"',
    "0.0.0.0/0",
    "10.0.0.1/24",
    "169.254.10.0/30",
    "169.254.10.1",
    "203.0.113.10",
    "192.168.0.1",
    "1.10",
    "true",
    "ikev2",
    "aggressive",
    "aes256",
    "md5",
    "group14",
    "disabled",
    "public",
    "private",
    "dual",
    [],
    {},
    ["10.0.0.0/8"],
    {"k": "v"},
    [1, 2],
    ("t",),
]
hostile = st.sampled_from(HOSTILE) | st.text(max_size=30) | st.integers() | st.floats()

FIELDS: dict[str, list[str]] = {
    "cen": ["name", "description", "protection_level", "tags", "resource_group_id", "existing", "unknown_key"],
    "router": ["name", "description", "cidr_blocks", "tags", "existing", "unknown_key"],
    "gateway": ["ip_address", "asn", "name", "description", "tags", "existing", "unknown_key"],
    "connection": [
        "name",
        "resource_group_id",
        "gateway_type",
        "zone_id",
        "local_subnets",
        "remote_subnets",
        "effect_immediately",
        "psk",
        "ike_config",
        "ipsec_config",
        "enable_dpd",
        "enable_nat_traversal",
        "bgp",
        "health_check",
        "tunnels",
        "tunnel_mode",
        "tunnels_bgp",
        "advertise_routes",
        "associate_default_route_table",
        "propagate_to_default_route_table",
        "static_routes",
        "tunnel_bandwidth",
        "cross_account",
        "existing",
        "protect",
        "tags",
        "unknown_key",
    ],
}
NESTED: dict[str, list[str]] = {
    "ike_config": [
        "ike_version",
        "ike_mode",
        "ike_enc_alg",
        "ike_auth_alg",
        "ike_pfs",
        "ike_lifetime",
        "local_id",
        "remote_id",
    ],
    "ipsec_config": ["ipsec_enc_alg", "ipsec_auth_alg", "ipsec_pfs", "ipsec_lifetime"],
    "bgp": ["tunnel_cidr", "local_bgp_ip", "local_asn"],
    "tunnels_bgp": ["tunnel_cidr", "local_bgp_ip", "local_asn"],
    "health_check": ["dip", "sip", "interval", "retry", "switch_route"],
    "cross_account": ["cen_owner_id", "vpn_owner_id", "payer"],
    "existing": ["vpn_connection_id", "transit_router_attachment_id"],
}


def values_for(field: str) -> st.SearchStrategy[Any]:
    """Hostile scalars everywhere; for nested models, also dicts of hostile values (and unknown keys)."""
    if field in NESTED:
        keys = [*NESTED[field], "bogus"]
        nested = st.dictionaries(st.sampled_from(keys), hostile, max_size=4)
        return hostile | (st.lists(nested, max_size=3) if field == "tunnels_bgp" else nested)
    if field == "static_routes":
        return hostile | st.lists(st.dictionaries(st.sampled_from(["destination", "weight", "x"]), hostile), max_size=2)
    if field == "cidr_blocks":
        return hostile | st.lists(
            st.dictionaries(st.sampled_from(["cidr", "name", "publish_cidr_route"]), hostile), max_size=2
        )
    return hostile


def kwargs(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.lists(st.sampled_from(FIELDS[kind]), max_size=3, unique=True).flatmap(
        lambda names: st.fixed_dictionaries({name: values_for(name) for name in names})
    )


def scalars(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in scalars(item)]
    if isinstance(value, list | tuple):
        return [leaf for item in value for leaf in scalars(item)]
    return [value]


def attempt(build: Callable[[TerraformStack], object], given_values: dict[str, Any]) -> None:
    app = App(outdir="/nonexistent-never-written")
    stack = TerraformStack(app, "sweep")
    try:
        build(stack)
        document = app.synthesize().documents["sweep"]
    except ValidationError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path.startswith("sweep") and problem.rule and problem.message
        return
    assert check_stack(document) == []
    templated = [v for v in scalars(given_values) if isinstance(v, str) and TEMPLATE.search(v)]
    assert templated == [], f"{templated!r} reached the JSON: text must never become an expression"
    text = json.dumps(document, allow_nan=False)  # finite numbers only
    for value in scalars(given_values):
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, str) and value and "{" not in value and value != "1.10":
            assert json.dumps(value)[1:-1] in text, f"{value!r} was dropped"
        if isinstance(value, int) and value not in (0, 1) and not isinstance(value, bool):
            assert str(value) in text, f"{value!r} was dropped"


SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)


@SETTINGS
@given(kwargs("cen"))
def test_cen_instance(options: dict[str, Any]) -> None:
    attempt(lambda stack: CenInstance(stack, "cen", **options), options)


@SETTINGS
@given(kwargs("router"))
def test_transit_router(options: dict[str, Any]) -> None:
    attempt(lambda stack: TransitRouter(stack, "tr", cen=CenInstance(stack, "cen"), **options), options)


@SETTINGS
@given(kwargs("gateway"))
def test_customer_gateway(options: dict[str, Any]) -> None:
    attempt(lambda stack: CustomerGateway(stack, "gw", **({"ip_address": "203.0.113.10"} | options)), options)


def connection(stack: TerraformStack, options: dict[str, Any]) -> None:
    tr = TransitRouter(stack, "tr", cen=CenInstance(stack, "cen"))
    gateway = CustomerGateway(stack, "gw", ip_address="203.0.113.10", asn=65001)
    if "tunnels" in options and isinstance(options["tunnels"], list):
        options = {
            **options,
            "tunnels": [{"customer_gateway": gateway, **t} if isinstance(t, dict) else t for t in options["tunnels"]],
        }
    elif "tunnels" not in options:
        options = {"customer_gateway": gateway, **options}
    IpsecConnection(stack, "conn", transit_router=tr, **options)


@SETTINGS
@given(kwargs("connection"))
def test_ipsec_connection(options: dict[str, Any]) -> None:
    attempt(lambda stack: connection(stack, options), options)


@SETTINGS
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["psk", "ike_config", "ipsec_config", "bgp", "enable_dpd", "x"]), st.sampled_from(HOSTILE)
        ),
        min_size=0,
        max_size=3,
    )
)
def test_dual_tunnel_options(tunnels: list[dict[str, Any]]) -> None:
    attempt(lambda stack: connection(stack, {"tunnels": tunnels}), {"tunnels": tunnels})


@pytest.mark.parametrize("value", ["true", 1, 1.5, "1", "86400"])
def test_no_coercion(value: Any) -> None:
    app = App(outdir="/nonexistent")
    stack = TerraformStack(app, "s")
    connection(stack, {"enable_dpd": value, "ipsec_config": {"ipsec_lifetime": value}})
    with pytest.raises(ValidationError) as caught:
        app.synthesize()
    fields = {p.field for p in caught.value.problems}
    assert "enable_dpd" in fields
    if value != 1:
        assert "ipsec_config.ipsec_lifetime" in fields
