"""What the real provider does, through real terraform: Optional+Computed blocks read from the API (create,
refresh and import agree), updates through deprecated aliases, the contested API defaults, and start-up or
state problems reported in terraform's own output."""

from __future__ import annotations

import json
from typing import Any

import pytest

from constructs_vpn.emulator.rules import SINGLE_TUNNEL_ENV
from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import Workspace, document
from tests.emulator.test_api_rules import CEN_ID, TR_ID, VPN_ID, site, vpn

pytestmark = pytest.mark.terraform
#: Most connections here are single-tunnel (the rules they check are single-tunnel ones): an account that still
#: creates them. The default, the API's refusal, is tested in test_single_tunnel_account.py.
EMULATED_ACCOUNT = {SINGLE_TUNNEL_ENV: "accept"}

VPN = "alicloud_vpn_gateway_vpn_attachment"
CGW = "${alicloud_vpn_customer_gateway.cgw.id}"
GATEWAY = {"alicloud_vpn_customer_gateway": {"cgw": {"ip_address": "203.0.113.10", "asn": "65010"}}}


def _values(ws: Workspace) -> dict[str, dict[str, Any]]:
    """Address -> attribute values of every managed resource, from ``terraform show -json``."""
    shown = json.loads(ws.run("show", "-json").stdout)
    resources = shown.get("values", {}).get("root_module", {}).get("resources", [])
    return {r["address"]: r["values"] for r in resources if r["mode"] == "managed"}


def _import_verify(ws: Workspace, workspace: WorkspaceFactory, name: str) -> dict[str, dict[str, Any]]:
    """Import everything ``ws`` created into a fresh state (same emulated cloud): the plan shows imports
    only, and the imported state equals the created one attribute by attribute (``timeouts`` aside)."""
    created = _values(ws)
    fresh = workspace(name, CONSTRUCTS_VPN_EMULATOR_STATE=str(ws.state_file))
    fresh.write({**ws.document(), "import": [{"to": a, "id": v["id"]} for a, v in sorted(created.items())]})
    fresh.init()
    actions = fresh.plan_actions()
    assert all(action == ["no-op"] for action in actions.values()), actions
    fresh.apply_plan()
    imported = _values(fresh)
    for values in (*created.values(), *imported.values()):
        values.pop("timeouts", None)
    assert imported == created
    assert fresh.plan_exit_code() == 0, fresh.runs[-1]
    return imported


def test_single_tunnel_blocks_left_out_are_read_from_the_api(workspace: WorkspaceFactory) -> None:
    connection = {"customer_gateway_id": CGW, "local_subnet": "0.0.0.0/0", "remote_subnet": "0.0.0.0/0"}
    ws = workspace("single", document({**GATEWAY, VPN: {"vpn": connection}}))
    ws.init()
    ws.apply()
    state = _values(ws)[f"{VPN}.vpn"]
    for block in ("ike_config", "ipsec_config", "bgp_config", "health_check_config"):
        assert len(state[block]) == 1, block
    assert state["ike_config"][0]["ike_version"] == "ikev1" and state["ike_config"][0]["psk"]
    assert state["health_check_config"][0]["status"] == "disable"
    assert ws.plan_exit_code() == 0, ws.runs[-1]
    ws.run("apply", "-refresh-only", "-auto-approve", "-no-color")
    assert _values(ws)[f"{VPN}.vpn"] == state
    _import_verify(ws, workspace, "single-imported")


def test_dual_tunnel_blocks_left_out_are_read_from_the_api(workspace: WorkspaceFactory) -> None:
    tunnels = [{"customer_gateway_id": CGW, "tunnel_index": index} for index in (1, 2)]
    connection = {"local_subnet": "0.0.0.0/0", "remote_subnet": "0.0.0.0/0", "tunnel_options_specification": tunnels}
    ws = workspace("dual", document({**GATEWAY, VPN: {"vpn": connection}}))
    ws.init()
    ws.apply()
    state = _values(ws)[f"{VPN}.vpn"]
    for tunnel in state["tunnel_options_specification"]:
        for block in ("tunnel_ike_config", "tunnel_ipsec_config", "tunnel_bgp_config"):
            assert len(tunnel[block]) == 1, block
        assert tunnel["tunnel_ike_config"][0]["ike_version"] == "ikev2"
    assert ws.plan_exit_code() == 0, ws.runs[-1]
    _import_verify(ws, workspace, "dual-imported")


def _rename(ws: Workspace, type_name: str, name: str, attribute: str, value: str) -> None:
    doc = ws.document()
    doc["resource"][type_name][name][attribute] = value
    ws.write(doc)


@pytest.mark.parametrize(
    ("type_name", "name", "alias", "field"),
    [
        ("alicloud_cen_instance", "cen", "name", "cen_instance_name"),
        ("alicloud_vpn_customer_gateway", "cgw", "name", "customer_gateway_name"),
        (
            "alicloud_cen_transit_router_vpn_attachment",
            "att",
            "transit_router_attachment_name",
            "transit_router_vpn_attachment_name",
        ),
    ],
)
def test_an_update_through_a_deprecated_alias_is_applied(
    workspace: WorkspaceFactory, type_name: str, name: str, alias: str, field: str
) -> None:
    """Configured through the alias from the start, then the alias changes: the API gets the new name, both
    attributes read it back, and the next plan is empty."""
    doc = site()
    doc["resource"][type_name][name].pop(field, None)
    doc["resource"][type_name][name][alias] = "before"
    ws = workspace(f"alias-{type_name}", doc)
    ws.init()
    ws.apply()
    _rename(ws, type_name, name, alias, "after")
    assert ws.plan_actions() == {f"{type_name}.{name}": ["update"]}
    ws.apply_plan()
    assert ws.plan_exit_code() == 0, ws.runs[-1]
    (record,) = ws.cloud()[type_name].values()
    assert (record["attributes"][alias], record["attributes"][field]) == ("after", "after")


def test_auto_publish_route_enabled_left_out_plans_no_change(workspace: WorkspaceFactory) -> None:
    doc = site()
    doc["resource"]["alicloud_cen_transit_router_vpn_attachment"]["att"].pop("auto_publish_route_enabled")
    ws = workspace("auto-publish", doc)
    ws.init()
    ws.apply()
    assert ws.plan_exit_code() == 0, ws.runs[-1]
    (record,) = ws.cloud()["alicloud_cen_transit_router_vpn_attachment"].values()
    assert record["attributes"]["auto_publish_route_enabled"] is False


def test_a_malformed_fault_specification_is_shown_by_terraform(workspace: WorkspaceFactory) -> None:
    ws = workspace("bad-faults", document(GATEWAY), CONSTRUCTS_VPN_EMULATOR_FAULTS="CreateCen:explode")
    ws.init()
    failed = ws.run("plan", "-no-color", expect=1)
    assert "The alicloud emulator cannot start" in failed.output
    assert "cannot read rule 'CreateCen:explode'" in failed.output
    assert "Failed to read any lines" not in failed.output


@pytest.mark.parametrize(("content", "problem"), [("", "is empty"), ('{"format": 1}', "is not an emulator state")])
def test_a_damaged_state_file_stops_terraform_with_its_name_and_the_fix(
    workspace: WorkspaceFactory, content: str, problem: str
) -> None:
    ws = workspace("damaged", document(GATEWAY))
    ws.init()
    ws.apply()
    ws.state_file.write_text(content, encoding="utf-8")
    failed = ws.run("plan", "-no-color", expect=1)
    assert problem in failed.output and "emulator reset" in failed.output
    assert str(ws.state_file.name) in failed.output
    assert ws.state_file.read_text(encoding="utf-8") == content
    assert "Traceback" not in failed.output


def test_the_cross_account_grant_uses_the_accounts_the_provider_blocks_name(workspace: WorkspaceFactory) -> None:
    """No ALICLOUD_ACCOUNT_ID: the default block names its account with ``account_id``, the other one acts
    in the account of the role it assumes."""
    providers = [
        {"region": "cn-hangzhou", "account_id": "1111111111111111"},
        {"alias": "b", "region": "cn-hangzhou", "assume_role": [{"role_arn": "acs:ram::2222222222222222:role/x"}]},
    ]
    resources: dict[str, Any] = {
        "alicloud_cen_instance": {"cen": {"cen_instance_name": "hub"}},
        "alicloud_cen_transit_router": {"tr": {"cen_id": CEN_ID}},
        "alicloud_vpn_customer_gateway": {"cgw": {"provider": "alicloud.b", "ip_address": "203.0.113.20"}},
        VPN: {"vpn": {**vpn(), "provider": "alicloud.b"}},
        "alicloud_cen_transit_router_grant_attachment": {
            "grant": {
                "provider": "alicloud.b",
                "instance_type": "VPN",
                "instance_id": VPN_ID,
                "cen_id": CEN_ID,
                "cen_owner_id": "1111111111111111",
            }
        },
        "alicloud_cen_transit_router_vpn_attachment": {
            "att": {
                "vpn_id": VPN_ID,
                "vpn_owner_id": "2222222222222222",
                "cen_id": CEN_ID,
                "transit_router_id": TR_ID,
                "auto_publish_route_enabled": True,
                "zone": [{"zone_id": "cn-hangzhou-h"}],
                "depends_on": ["alicloud_cen_transit_router_grant_attachment.grant"],
            }
        },
    }
    ws = workspace("cross-account", {**document(resources), "provider": {"alicloud": providers}})
    ws.init()
    ws.apply()
    owners = {t: {r["account"] for r in table.values()} for t, table in ws.cloud().items()}
    assert owners["alicloud_cen_instance"] == {"1111111111111111"}
    assert owners[VPN] == {"2222222222222222"}
    ws.destroy()
