"""The generated classes: construction, synthesis, validation errors, warnings, getters and the provider."""

from __future__ import annotations

import json
from typing import Any

import pytest

from constructs_vpn import alicloud
from constructs_vpn.alicloud import (
    AlicloudProvider,
    CenInstance,
    CenTransitRouter,
    CenTransitRouterVpnAttachment,
    DataAlicloudCenTransitRouterRouteTables,
    VpnConnection,
    VpnCustomerGateway,
    VpnGatewayVpnAttachment,
    VpnGatewayVpnAttachmentIkeConfig,
    VpnGatewayVpnAttachmentTunnelOptionsSpecification,
    check_stack,
)
from constructs_vpn.alicloud.schema import PROVIDER_SOURCE, PROVIDER_VERSION
from constructs_vpn.codegen.runtime import synthesize
from constructs_vpn.core import (
    App,
    Fn,
    TerraformResource,
    TerraformStack,
    TerraformVariable,
    Token,
    ValidationError,
)
from constructs_vpn.core.annotations import collect
from constructs_vpn.core.tokens import ResolveContext, resolve
from tests.tooling import FIXTURES_DIR, python_output

from ._values import ELEMENTS, binding, full_kwargs, required_kwargs

GOLDEN = FIXTURES_DIR / "cdktf-golden/cdktf-0.21.0/cdktf.out/stacks/ipsec-vpn/cdk.tf.json"


def _problems(error: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in error.value.problems}


def _va(stack: TerraformStack, id: str = "vpn", **kwargs: Any) -> VpnGatewayVpnAttachment:
    return VpnGatewayVpnAttachment(stack, id, local_subnet="0.0.0.0/0", remote_subnet="0.0.0.0/0", **kwargs)


# --- every class -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("element", ELEMENTS, ids=lambda e: e.class_name)
def test_every_class_synthesizes_and_passes_the_check(element: Any, stack: TerraformStack) -> None:
    cls = binding(element)
    assert element.tf_type == cls.TF_RESOURCE_TYPE
    minimal = cls(stack, "minimal", **required_kwargs(element))
    full = cls(stack, "full", alias="full", **full_kwargs(element)) if element.kind == "provider" else None
    if full is None:
        full = cls(stack, "full", **full_kwargs(element))
    document = stack.to_terraform()
    assert check_stack(document) == []
    for made in (minimal, full):  # synthesize reads the models itself: what pydantic's dump would give
        assert synthesize(made.config) == made.config.model_dump(exclude_none=True, by_alias=True)
        if element.kind != "provider":  # and resolves as it reads: what resolving the whole fragment gives
            ctx = ResolveContext(stack, made.node.path)
            assert made._resolved_attributes(ctx) is not None
            assert made._to_resolved_terraform(ctx) == resolve(made._to_terraform(), ctx)
    if element.kind == "provider":
        assert document["provider"]["alicloud"][1]["alias"] == "full"
        return
    section = "resource" if element.kind == "resource" else "data"
    bodies = document[section][element.tf_type]
    assert set(bodies) == {minimal.friendly_unique_id, full.friendly_unique_id}
    for block in element.body.blocks:  # a max_items=1 block is written as one object (cdktf's isSingleItem)
        written = bodies["full"][block.name]
        assert isinstance(written, dict if block.single else list)


def test_a_binding_resolved_in_one_walk_writes_what_resolving_its_fragment_writes(stack: TerraformStack) -> None:
    provider = AlicloudProvider(stack, "other", alias="other", region="cn-shanghai")
    gateway = VpnCustomerGateway(stack, "gw", ip_address="203.0.113.1", provider=provider)
    variants = [
        VpnCustomerGateway(stack, "plain", ip_address="203.0.113.2", description=f"{gateway.id}"),
        VpnCustomerGateway(stack, "meta", ip_address="203.0.113.3", provider=provider, depends_on=[gateway]),
        VpnCustomerGateway(stack, "text-${x}", ip_address="203.0.113.4"),  # "${" in the path: resolved text
        VpnCustomerGateway(stack, "imported", ip_address="203.0.113.5"),
        VpnCustomerGateway(stack, "moved", ip_address="203.0.113.6"),
        VpnCustomerGateway(stack, "overridden", ip_address="203.0.113.7"),
        VpnCustomerGateway(
            stack, "counted", ip_address="203.0.113.8", count=TerraformVariable(stack, "n").number_value
        ),
    ]
    variants[3].import_from("cgw-1")
    variants[4].move_from_id("alicloud_vpn_customer_gateway.old")
    variants[5].add_override("description", gateway.id)
    for escape in (False, True):
        for made in variants:
            ctx = ResolveContext(stack, made.node.path, escape=escape)
            assert made._to_resolved_terraform(ctx) == resolve(made._to_terraform(), ctx)


def test_the_golden_stack_is_reproduced_with_the_bindings(app: App) -> None:
    """The cdktf golden app, written with the generated classes, gives the same resource bodies."""
    stack = TerraformStack(app, "ipsec-vpn")
    AlicloudProvider(stack, region="cn-hangzhou")
    psk = TerraformVariable(stack, "psk", type="string", sensitive=True, description="IPsec pre-shared key")
    cen = CenInstance(stack, "cen", cen_instance_name="golden-cen", description="golden")
    tr = CenTransitRouter(stack, "tr", cen_id=cen.id, transit_router_name="golden-tr")
    from constructs_vpn.core import Construct

    connection = Construct(stack, "ipsec-conn-1")
    cgw = VpnCustomerGateway(
        connection,
        "cgw",
        customer_gateway_name="ipsec-conn-1-cgw",
        ip_address="203.0.113.10",
        asn="65001",
        description="on-prem peer",
    )
    vpn = VpnGatewayVpnAttachment(
        connection,
        "vpn",
        vpn_attachment_name="ipsec-conn-1-vpn",
        customer_gateway_id=cgw.id,
        network_type="public",
        local_subnet="0.0.0.0/0",
        remote_subnet="0.0.0.0/0",
        effect_immediately=False,
        enable_dpd=True,
        enable_nat_traversal=True,
        ike_config=VpnGatewayVpnAttachmentIkeConfig(
            ike_version="ikev2",
            ike_mode="main",
            ike_enc_alg="aes",
            ike_auth_alg="sha1",
            ike_pfs="group2",
            ike_lifetime=86400,
            psk=psk.string_value,
            local_id="tr",
            remote_id="203.0.113.10",
        ),
        ipsec_config={"ipsec_enc_alg": "aes", "ipsec_auth_alg": "sha1", "ipsec_pfs": "group2", "ipsec_lifetime": 86400},
        bgp_config={
            "enable": True,
            "local_asn": 45104,
            "tunnel_cidr": "169.254.11.0/30",
            "local_bgp_ip": "169.254.11.1",
        },
        health_check_config={
            "enable": True,
            "sip": "169.254.11.1",
            "dip": "169.254.11.2",
            "interval": 3,
            "retry": 3,
            "policy": "revoke_route",
        },
    )
    CenTransitRouterVpnAttachment(
        connection,
        "tr-attachment",
        cen_id=cen.id,
        transit_router_id=tr.transit_router_id,
        vpn_id=vpn.id,
        auto_publish_route_enabled=False,
        transit_router_attachment_name="ipsec-conn-1-tr-att",
        zone=[{"zone_id": "cn-hangzhou-h"}],
        depends_on=[cgw],
    )
    document = app.synthesize().documents["ipsec-vpn"]
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert document["resource"] == golden["resource"]
    assert document["provider"] == golden["provider"]
    assert document["terraform"]["required_providers"]["alicloud"] == {
        "source": PROVIDER_SOURCE,
        "version": PROVIDER_VERSION,
    }
    assert check_stack(document) == []


# --- values and tokens -----------------------------------------------------------------------------------------
def test_tokens_pass_wherever_a_value_does(stack: TerraformStack) -> None:
    variable = TerraformVariable(stack, "v", type="string")
    number = TerraformVariable(stack, "n", type="number")
    token = variable.string_value
    vpn = _va(
        stack,
        network_type=token,  # enum check skipped for a token string
        enable_dpd=variable.value,
        ike_config={"ike_lifetime": number.number_value, "ike_version": Fn.lower(variable.value)},
        tags=variable.value,
        tunnel_options_specification=[{"customer_gateway_id": "cgw", "tunnel_index": Token.as_string(number.value)}],
    )
    body = stack.to_terraform()["resource"]["alicloud_vpn_gateway_vpn_attachment"]["vpn"]
    assert body["network_type"] == "${var.v}"
    assert body["ike_config"] == {"ike_lifetime": "${var.n}", "ike_version": "${lower(var.v)}"}
    assert body["tunnel_options_specification"] == [{"customer_gateway_id": "cgw", "tunnel_index": "${var.n}"}]
    assert vpn.config.network_type == token


@pytest.mark.parametrize(
    ("kwargs", "field", "rule"),
    [
        ({"enable_dpd": "true"}, "enable_dpd", "type"),
        ({"enable_dpd": 1}, "enable_dpd", "type"),
        ({"ike_config": {"ike_lifetime": True}}, "ike_config.ike_lifetime", "type"),
        ({"ike_config": {"ike_lifetime": 1.5}}, "ike_config.ike_lifetime", "type"),
        ({"ike_config": {"ike_lifetime": "86400"}}, "ike_config.ike_lifetime", "type"),
        ({"vpn_attachment_name": 5}, "vpn_attachment_name", "type"),
        ({"tags": ["a"]}, "tags", "type"),
        ({"tags": {"a": 1}}, 'tags["a"]', "type"),
        ({"ike_config": [{"ike_version": "ikev2"}]}, "ike_config", "type"),
        ({"tunnel_options_specification": {"tunnel_index": 1}}, "tunnel_options_specification", "type"),
        # a set of blocks has no order of the user's to write them in
        (
            {
                "tunnel_options_specification": frozenset(
                    [VpnGatewayVpnAttachmentTunnelOptionsSpecification(customer_gateway_id="c", tunnel_index=1)]
                )
            },
            "tunnel_options_specification",
            "type",
        ),
        (
            {"tunnel_options_specification": ({"customer_gateway_id": "c", "tunnel_index": 3},)},
            "tunnel_options_specification[0].tunnel_index",
            "enum",
        ),
        ({"network_type": "Public"}, "network_type", "enum"),
        ({"ike_config": {"ike_version": "ikev3"}}, "ike_config.ike_version", "enum"),
        ({"ike_config": {"ike_lifetime": 86401}}, "ike_config.ike_lifetime", "range"),
        ({"ike_config": {"ike_lifetime": -1}}, "ike_config.ike_lifetime", "range"),
        ({"ike_config": {"ike_verison": "ikev2"}}, "ike_config.ike_verison", "unknown-argument"),
        ({"bgp_config": {"status": "up"}}, "bgp_config.status", "computed-only"),
        (
            {"tunnel_options_specification": [{"customer_gateway_id": "c", "tunnel_index": 3}]},
            "tunnel_options_specification[0].tunnel_index",
            "enum",
        ),
        (
            {"tunnel_options_specification": [{"tunnel_index": 1}]},
            "tunnel_options_specification[0].customer_gateway_id",
            "required",
        ),
        ({"local_subnet": None}, "local_subnet", "required"),
    ],
)
def test_rejected_values_name_the_construct_the_attribute_and_the_rule(
    stack: TerraformStack, kwargs: dict[str, Any], field: str, rule: str
) -> None:
    arguments: dict[str, Any] = {"local_subnet": "0.0.0.0/0", "remote_subnet": "0.0.0.0/0", **kwargs}
    with pytest.raises(ValidationError) as error:
        VpnGatewayVpnAttachment(stack, "site-a", **arguments)
    assert _problems(error) == {(field, rule)}
    (problem,) = error.value.problems
    assert problem.path == "test/site-a"
    assert problem.fix
    assert stack.node.try_find_child("site-a") is None  # a rejected construct does not stay in the tree


def test_every_problem_of_a_construct_is_reported_at_once(stack: TerraformStack) -> None:
    with pytest.raises(ValidationError) as error:
        _va(stack, network_type="x", enable_dpd="yes", ike_config={"ike_version": "v3", "ike_mode": "fast"})
    assert _problems(error) == {
        ("network_type", "enum"),
        ("enable_dpd", "type"),
        ("ike_config.ike_version", "enum"),
        ("ike_config.ike_mode", "enum"),
    }
    message = str(error.value)
    assert "'v3' is not one of 'ikev1', 'ikev2'" in message
    assert "test/vpn" in message


def test_a_sensitive_value_never_appears_in_errors_or_reprs(stack: TerraformStack) -> None:
    with pytest.raises(ValidationError) as error:
        _va(stack, ike_config={"psk": 123456789})
    assert "123456789" not in str(error.value)
    config = VpnGatewayVpnAttachmentIkeConfig(psk="hunter2-secret", ike_version="ikev2")
    assert "hunter2-secret" not in repr(config)
    assert repr(config) == "VpnGatewayVpnAttachmentIkeConfig(ike_version='ikev2')"
    provider = AlicloudProvider(stack, access_key="AKID-1234", secret_key="s3cr3t-key", region="cn-hangzhou")
    assert "s3cr3t-key" not in repr(provider) + repr(provider.config)
    assert "AKID-1234" not in repr(provider.config)


def test_models_built_directly_raise_the_same_error() -> None:
    with pytest.raises(ValidationError) as error:
        VpnGatewayVpnAttachmentIkeConfig(ike_version="ikev3", ike_lifetime="1")  # type: ignore[arg-type]
    assert _problems(error) == {("ike_version", "enum"), ("ike_lifetime", "type")}
    assert {p.path for p in error.value.problems} == {"VpnGatewayVpnAttachmentIkeConfig"}
    with pytest.raises(ValidationError) as error:
        VpnGatewayVpnAttachmentTunnelOptionsSpecification(tunnel_index=1)  # type: ignore[call-arg]
    assert _problems(error) == {("customer_gateway_id", "required")}


def test_models_are_frozen() -> None:
    config = VpnGatewayVpnAttachmentIkeConfig(ike_version="ikev2")
    with pytest.raises(Exception, match="frozen"):
        config.ike_version = "ikev1"


def test_frozen_models_with_equal_fields_sets_share_one_set() -> None:
    first = VpnGatewayVpnAttachmentIkeConfig(ike_version="ikev2", ike_mode="main")
    second = VpnGatewayVpnAttachmentIkeConfig(ike_mode="aggressive", ike_version="ikev1")
    other = VpnGatewayVpnAttachmentIkeConfig(ike_version="ikev2")
    assert first.model_fields_set == {"ike_version", "ike_mode"}
    assert first.model_fields_set is second.model_fields_set
    assert other.model_fields_set == {"ike_version"}
    nested = VpnGatewayVpnAttachmentTunnelOptionsSpecification.model_validate(
        {"customer_gateway_id": "cgw-1", "tunnel_index": 1, "tunnel_ike_config": {"ike_version": "ikev2"}}
    )
    assert nested.tunnel_ike_config is not None
    assert nested.tunnel_ike_config.model_fields_set is other.model_fields_set
    # a copy with an update gets a set of its own: the shared one is unchanged
    copied = first.model_copy(update={"ike_pfs": "group14"})
    assert copied.model_fields_set == {"ike_version", "ike_mode", "ike_pfs"}
    assert first.model_fields_set == second.model_fields_set == {"ike_version", "ike_mode"}


def test_list_attribute_rules_apply_to_items(stack: TerraformStack) -> None:
    VpnConnection(
        stack,
        "ok",
        vpn_gateway_id="vpn-1",
        customer_gateway_id="cgw",
        local_subnet=["10.0.0.0/16"],
        remote_subnet=("10.1.0.0/16",),
    )
    with pytest.raises(ValidationError) as error:
        VpnConnection(
            stack,
            "host-bits",
            vpn_gateway_id="v",
            customer_gateway_id="c",
            local_subnet=["10.0.0.1/16"],
            remote_subnet=["10.1.0.0/16"],
        )
    assert _problems(error) == {("local_subnet[0]", "format")}
    with pytest.raises(ValidationError) as error:
        VpnConnection(
            stack, "empty", vpn_gateway_id="v", customer_gateway_id="c", local_subnet=[], remote_subnet=["x"] * 11
        )
    assert _problems(error) == {("local_subnet", "range"), ("remote_subnet", "range")}


def test_conflicting_and_deprecated_arguments(stack: TerraformStack, app: App) -> None:
    with pytest.raises(ValidationError) as error:
        CenInstance(stack, "both", name="a", cen_instance_name="b")
    assert _problems(error) == {("name", "conflicts-with")}
    CenInstance(stack, "old", name="legacy")
    warnings = [a for a in collect(app) if a.level == "warn"]
    assert [(w.path, w.id) for w in warnings] == [("test/old", "alicloud:deprecated:name")]
    assert "has been deprecated since provider version 1.98.0" in warnings[0].message


def test_unknown_and_computed_only_keywords_are_type_errors(stack: TerraformStack) -> None:
    with pytest.raises(TypeError):
        _va(stack, status="up")
    with pytest.raises(TypeError):
        _va(stack, local_subnets="x")


# --- getters ---------------------------------------------------------------------------------------------------
def test_getters_return_references_for_every_attribute(stack: TerraformStack) -> None:
    vpn = _va(stack)
    tables = DataAlicloudCenTransitRouterRouteTables(stack, "tables", transit_router_id="tr-1")
    assert isinstance(vpn.id, str)
    assert isinstance(vpn.status, str)
    assert Token.is_unresolved(vpn.create_time)
    TerraformResource(
        stack,
        "user",
        terraform_resource_type="terraform_data",
        attributes={
            "input": {
                "status": vpn.status,
                "bgp": vpn.bgp_config,
                "tags": vpn.tags,
                "table": tables.tables[0].get_attribute("id"),
                "table_cdktf": tables.tables.get(0).id,
                "dpd": vpn.enable_dpd,
            }
        },
    )
    body = stack.to_terraform()["resource"]["terraform_data"]["user"]["input"]
    assert body == {
        "status": "${alicloud_vpn_gateway_vpn_attachment.vpn.status}",
        "bgp": "${alicloud_vpn_gateway_vpn_attachment.vpn.bgp_config[0]}",  # a list of at most one, as cdktf
        "tags": "${alicloud_vpn_gateway_vpn_attachment.vpn.tags}",
        "table": "${data.alicloud_cen_transit_router_route_tables.tables.tables[0].id}",
        "table_cdktf": "${data.alicloud_cen_transit_router_route_tables.tables.tables[0].id}",
        "dpd": "${alicloud_vpn_gateway_vpn_attachment.vpn.enable_dpd}",
    }


@pytest.mark.parametrize("element", [e for e in ELEMENTS if e.kind != "provider"], ids=lambda e: e.class_name)
def test_a_getter_exists_for_every_attribute_and_block(element: Any) -> None:
    from constructs_vpn.codegen._render import getter_name

    cls = binding(element)
    for name in [a.name for a in element.body.attributes] + [b.name for b in element.body.blocks]:
        assert isinstance(getattr(cls, getter_name(name)), property), name


def test_clashing_getter_names_get_a_trailing_underscore() -> None:
    from constructs_vpn.codegen._render import getter_name

    assert [getter_name(n) for n in ("count", "provider", "node", "fqn", "lifecycle", "status", "id")] == [
        "count_",
        "provider_",
        "node_",
        "fqn_",
        "lifecycle_",
        "status",
        "id",
    ]


# --- provider --------------------------------------------------------------------------------------------------
def test_provider_block_and_version_constraint(stack: TerraformStack) -> None:
    AlicloudProvider(
        stack, region="cn-hangzhou", assume_role={"role_arn": "acs:ram::1:role/x", "session_expiration": 900}
    )
    other = AlicloudProvider(stack, "beijing", region="cn-beijing", alias="beijing", profile="ops")
    CenInstance(stack, "cen", provider=other)
    document = stack.to_terraform()
    assert document["provider"]["alicloud"] == [
        {"region": "cn-hangzhou", "assume_role": {"role_arn": "acs:ram::1:role/x", "session_expiration": 900}},
        {"region": "cn-beijing", "profile": "ops", "alias": "beijing"},
    ]
    assert document["terraform"]["required_providers"]["alicloud"] == {
        "source": "aliyun/alicloud",
        "version": "1.289.0",
    }
    assert document["resource"]["alicloud_cen_instance"]["cen"]["provider"] == "alicloud.beijing"
    with pytest.raises(ValidationError) as error:
        AlicloudProvider(stack, "bad", protocol="FTP", assume_role={"policy": "{}"})
    assert _problems(error) == {("protocol", "enum"), ("assume_role.role_arn", "required")}


# --- package front ---------------------------------------------------------------------------------------------
def test_importing_the_package_loads_no_binding_and_no_pydantic() -> None:
    code = (
        "import sys, constructs_vpn.alicloud as a\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('pydantic', 'constructs_vpn.alicloud.')))\n"
        "print(loaded)\n"
        "a.check_stack({})\n"
        "print('pydantic' in sys.modules)\n"
    )
    assert python_output(code) == ["[]", "False"]


def test_every_exported_name_resolves() -> None:
    assert alicloud.__all__ == sorted(alicloud.__all__, key=lambda n: (not n.isupper(), not n[:1].isupper(), n))
    for name in alicloud.__all__:
        assert getattr(alicloud, name) is not None
    assert set(alicloud.__all__) <= set(dir(alicloud))
    with pytest.raises(AttributeError):
        alicloud.NotAThing  # noqa: B018
