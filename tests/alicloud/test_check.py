"""``check_stack`` / ``check_outdir`` on hand-written documents: one broken document per finding kind."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.alicloud import KINDS, Finding, VpnGatewayVpnAttachment, check_outdir, check_stack
from constructs_vpn.core import App, ConstructsVpnError, TerraformResource, TerraformStack

VA = "resource.alicloud_vpn_gateway_vpn_attachment.site_ABC"


def _document() -> dict[str, Any]:
    """A conforming stack: provider, a TR VPN attachment, a VPN attachment and a data source."""
    return {
        "//": {"metadata": {"backend": "local"}},
        "provider": {"alicloud": [{"region": "cn-hangzhou"}, {"region": "cn-beijing", "alias": "bj"}]},
        "data": {
            "alicloud_cen_transit_router_route_tables": {
                "tables": {"transit_router_id": "${alicloud_cen_transit_router.tr.transit_router_id}"}
            }
        },
        "resource": {
            "alicloud_vpn_gateway_vpn_attachment": {
                "site_ABC": {
                    "//": {"metadata": {"path": "s/site"}},
                    "local_subnet": "0.0.0.0/0",
                    "remote_subnet": "0.0.0.0/0",
                    "enable_dpd": True,
                    "tags": {"env": "prod"},
                    "ike_config": {"ike_version": "ikev2", "ike_lifetime": 86400, "psk": "${var.psk}"},
                    "tunnel_options_specification": [{"customer_gateway_id": "cgw-1", "tunnel_index": 1}],
                    "depends_on": ["alicloud_vpn_customer_gateway.cgw"],
                    "provider": "alicloud.bj",
                    "lifecycle": {"ignore_changes": ["tags"]},
                    "timeouts": {"create": "10m"},
                }
            },
            "alicloud_cen_transit_router_vpn_attachment": {
                "tra": {"vpn_id": "${alicloud_vpn_gateway_vpn_attachment.site_ABC.id}", "zone": {"zone_id": "z"}}
            },
            "terraform_data": {"anything": {"input": {"whatever": 1}}},
        },
    }


def _kinds(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.path, f.kind) for f in findings]


def test_a_conforming_document_has_no_findings() -> None:
    assert check_stack(_document()) == []


def _va(document: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = document["resource"]["alicloud_vpn_gateway_vpn_attachment"]["site_ABC"]
    return body


def _break_unknown_type(d: dict[str, Any]) -> None:
    d["resource"]["alicloud_vpn_gateway_vpn_atachment"] = {"x": {"local_subnet": "a"}}


def _break_unknown_attribute(d: dict[str, Any]) -> None:
    _va(d)["ike_config"]["ike_verison"] = "ikev2"


def _break_missing_required(d: dict[str, Any]) -> None:
    del _va(d)["remote_subnet"]


def _break_computed_only(d: dict[str, Any]) -> None:
    _va(d)["tunnel_options_specification"][0]["tunnel_id"] = "t-1"


def _break_wrong_type(d: dict[str, Any]) -> None:
    _va(d)["enable_dpd"] = "true"


def _break_too_many_blocks(d: dict[str, Any]) -> None:
    _va(d)["ike_config"] = [{"ike_version": "ikev1"}, {"ike_version": "ikev2"}]


def _break_enum(d: dict[str, Any]) -> None:
    _va(d)["ike_config"]["ike_version"] = "ikev3"


def _break_range(d: dict[str, Any]) -> None:
    _va(d)["ike_config"]["ike_lifetime"] = 86401


def _break_format(d: dict[str, Any]) -> None:
    d["resource"]["alicloud_vpn_connection"] = {
        "c": {
            "vpn_gateway_id": "v",
            "customer_gateway_id": "c",
            "local_subnet": ["10.0.0.0/16", "10.1.2.3/16"],
            "remote_subnet": ["10.2.0.0/16"],
        }
    }


def _break_conflict(d: dict[str, Any]) -> None:
    d["resource"]["alicloud_cen_instance"] = {"cen": {"name": "a", "cen_instance_name": "b"}}


def _break_provider(d: dict[str, Any]) -> None:
    d["provider"]["alicloud"][1]["protocol"] = "FTP"


BROKEN = [
    (_break_unknown_type, "resource.alicloud_vpn_gateway_vpn_atachment.x", "unknown-type"),
    (_break_unknown_attribute, f"{VA}.ike_config.ike_verison", "unknown-attribute"),
    (_break_missing_required, f"{VA}.remote_subnet", "missing-required"),
    (_break_computed_only, f"{VA}.tunnel_options_specification[0].tunnel_id", "computed-only"),
    (_break_wrong_type, f"{VA}.enable_dpd", "wrong-type"),
    (_break_too_many_blocks, f"{VA}.ike_config", "too-many-blocks"),
    (_break_enum, f"{VA}.ike_config.ike_version", "enum"),
    (_break_range, f"{VA}.ike_config.ike_lifetime", "range"),
    (_break_format, "resource.alicloud_vpn_connection.c.local_subnet[1]", "format"),
    (_break_conflict, "resource.alicloud_cen_instance.cen.name", "conflict"),
    (_break_provider, "provider.alicloud[1].protocol", "enum"),
]


@pytest.mark.parametrize(("breaker", "path", "kind"), BROKEN, ids=[b[0].__name__[7:] for b in BROKEN])
def test_each_kind_of_finding_is_reported_with_its_path(breaker: Any, path: str, kind: str) -> None:
    document = _document()
    breaker(document)
    findings = check_stack(document, stack="s")
    assert _kinds(findings) == [(path, kind)]
    assert findings[0].kind in KINDS
    assert str(findings[0]).startswith(f"s: {path}: {kind}: ")


def test_every_kind_is_covered() -> None:
    assert {kind for _, _, kind in BROKEN} | {"too-few-blocks"} == set(KINDS)


def test_too_few_blocks_and_missing_required_blocks() -> None:
    """No block type of the pinned schema has min_items; a schema that had one is checked all the same."""
    from constructs_vpn.alicloud.schema.check import _Block, _Checker

    schema = _Block(blocks={"rule": (_Block(), "list", 2, None)})
    checker = _Checker("s")
    checker.body("resource.x.y", schema, {"rule": [{}]}, frozenset())
    checker.body("resource.x.z", schema, {}, frozenset())
    assert _kinds(checker.findings) == [
        ("resource.x.y.rule", "too-few-blocks"),
        ("resource.x.z.rule", "missing-required"),
    ]


def test_messages_explain_and_suggest() -> None:
    document = _document()
    _break_unknown_attribute(document)
    _break_enum(document)
    _break_range(document)
    messages = [f.message for f in check_stack(document)]
    assert messages == [
        "'ikev3' is not one of 'ikev1', 'ikev2'; use one of 'ikev1', 'ikev2'",
        "86401 is outside 0-86400; use a value in 0-86400",
        "'ike_verison' is not an argument here; did you mean 'ike_version'?",
    ]


def test_secrets_are_not_echoed() -> None:
    document = _document()
    document["provider"]["alicloud"][0]["secret_key"] = 12345
    document["provider"]["alicloud"][0]["assume_role_with_oidc"] = {"oidc_token": "abc"}
    findings = check_stack(document)
    assert _kinds(findings) == [
        ("provider.alicloud[0].secret_key", "wrong-type"),
        ("provider.alicloud[0].assume_role_with_oidc.oidc_token", "range"),
    ]
    assert "12345" not in str(findings) and "abc" not in str(findings)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("enable_dpd", "${var.dpd}"),
        ("tags", "${var.tags}"),
        ("local_subnet", "prefix-${var.x}"),
        ("remote_subnet", "%{if var.a}a%{endif}"),
        ("tunnel_options_specification", [{"customer_gateway_id": "c", "tunnel_index": "${var.i}"}]),
    ],
)
def test_expressions_pass_type_and_value_checks(key: str, value: Any) -> None:
    document = _document()
    _va(document)[key] = value
    assert check_stack(document) == []


def test_an_escaped_template_is_a_literal_value() -> None:
    document = _document()
    _va(document)["ike_config"]["ike_version"] = "$${var.v}"
    assert _kinds(check_stack(document)) == [(f"{VA}.ike_config.ike_version", "enum")]


def test_numbers_are_strict() -> None:
    document = _document()
    _va(document)["ike_config"]["ike_lifetime"] = 1.5
    _va(document)["tunnel_options_specification"][0]["tunnel_index"] = True
    _va(document)["tags"] = {"env": 1}
    _va(document)["local_subnet"] = 10
    assert _kinds(check_stack(document)) == [
        (f"{VA}.local_subnet", "wrong-type"),
        (f'{VA}.tags["env"]', "wrong-type"),
        (f"{VA}.ike_config.ike_lifetime", "wrong-type"),
        (f"{VA}.tunnel_options_specification[0].tunnel_index", "wrong-type"),
    ]
    document = _document()
    _va(document)["ike_config"]["ike_lifetime"] = 3600.0  # JSON 3600.0 is an integer to Terraform
    assert check_stack(document) == []


def test_blocks_as_objects_or_lists_and_null_values() -> None:
    document = _document()
    _va(document)["ike_config"] = [{"ike_version": "ikev2"}]
    _va(document)["bgp_config"] = None
    _va(document)["vpn_attachment_name"] = None
    document["resource"]["alicloud_cen_transit_router_vpn_attachment"]["tra"]["zone"] = [
        {"zone_id": "a"},
        {"zone_id": "b"},
    ]
    assert check_stack(document) == []
    _va(document)["ike_config"] = "${var.ike}"
    _va(document)["tunnel_options_specification"] = [["not", "a", "block"]]
    assert _kinds(check_stack(document)) == [
        (f"{VA}.ike_config", "wrong-type"),
        (f"{VA}.tunnel_options_specification[0]", "wrong-type"),
    ]


def test_add_override_mistakes_are_caught(app: App) -> None:
    stack = TerraformStack(app, "s")
    vpn = VpnGatewayVpnAttachment(stack, "site", local_subnet="0.0.0.0/0", remote_subnet="0.0.0.0/0")
    vpn.add_override("ike_config.ike_versoin", "ikev2")
    vpn.add_override("network_type", "PUBLIC")
    TerraformResource(stack, "raw", terraform_resource_type="alicloud_cen_instance", attributes={"status": "Active"})
    findings = check_stack(stack.to_terraform())
    assert sorted(_kinds(findings)) == [
        ("resource.alicloud_cen_instance.raw.status", "computed-only"),
        ("resource.alicloud_vpn_gateway_vpn_attachment.site.ike_config.ike_versoin", "unknown-attribute"),
        ("resource.alicloud_vpn_gateway_vpn_attachment.site.network_type", "enum"),
    ]


def test_check_outdir_reads_every_stack(tmp_path: Path) -> None:
    app = App(outdir=tmp_path / "cdktf.out")
    good = TerraformStack(app, "good")
    VpnGatewayVpnAttachment(good, "site", local_subnet="0.0.0.0/0", remote_subnet="0.0.0.0/0")
    bad = TerraformStack(app, "bad")
    TerraformResource(bad, "cen", terraform_resource_type="alicloud_cen_instance", attributes={"nmae": "x"})
    app.synth()
    findings = check_outdir(tmp_path / "cdktf.out")
    assert [(f.stack, f.path, f.kind) for f in findings] == [
        ("bad", "resource.alicloud_cen_instance.cen.nmae", "unknown-attribute")
    ]
    with pytest.raises(ConstructsVpnError, match=r"manifest.json does not exist"):
        check_outdir(tmp_path / "missing")


def test_the_example_stacks_conform(tmp_path: Path) -> None:
    from stacks import build_app

    build_app(App(outdir=tmp_path / "cdktf.out")).synth()
    assert check_outdir(tmp_path / "cdktf.out") == []


def test_the_document_is_not_modified() -> None:
    document = _document()
    _break_enum(document)
    before = copy.deepcopy(document)
    check_stack(document)
    assert document == before
