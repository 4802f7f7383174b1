"""The network around the VPN through real terraform: the VPC-to-data-center example end to end, the VPC,
vSwitch and VPC attachment rules of the API, deletion order, and import into a fresh state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.core import App
from stacks.vpc_datacenter import VpcDatacenterStack
from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import VARIABLE_VALUE, cloud_ids, document, prepare
from tests.emulator.test_fidelity import _import_verify

pytestmark = pytest.mark.terraform

CEN_ID = "${alicloud_cen_instance.cen.id}"
TR_ID = "${alicloud_cen_transit_router.tr.transit_router_id}"
VPC_ID = "${alicloud_vpc.vpc.id}"


def test_the_vpc_to_data_center_example_runs_offline(tmp_path: Path, workspace: WorkspaceFactory) -> None:
    app = App(outdir=tmp_path / "out")
    VpcDatacenterStack(app, "vpc-datacenter")
    app.synth()
    synthesized = json.loads((tmp_path / "out" / "stacks" / "vpc-datacenter" / "cdk.tf.json").read_text("utf-8"))
    ws = workspace("vpc-datacenter", TF_VAR_psk=VARIABLE_VALUE)
    ws.write(prepare(synthesized, ws.directory / "terraform.tfstate"))
    ws.init()
    ws.apply()
    cloud = ws.cloud()
    (attachment,) = cloud["alicloud_cen_transit_router_vpc_attachment"].values()
    zones = sorted(m["zone_id"] for m in attachment["attributes"]["zone_mappings"])
    assert zones == ["cn-hangzhou-h", "cn-hangzhou-i"]
    assert len(cloud["alicloud_cen_transit_router_route_table_association"]) == 2  # the VPC and the IPsec side
    assert ws.plan_exit_code() == 0, ws.runs[-1]
    assert sorted(ws.managed_ids().values()) == cloud_ids(ws.cloud())
    ws.destroy()
    assert ws.cloud() == {}


def network(**vswitch: Any) -> dict[str, Any]:
    """A CEN and transit router, a VPC with one vSwitch (``vswitch`` overrides its attributes) attached."""
    return document(
        {
            "alicloud_cen_instance": {"cen": {"cen_instance_name": "hub"}},
            "alicloud_cen_transit_router": {"tr": {"cen_id": CEN_ID}},
            "alicloud_vpc": {"vpc": {"vpc_name": "app", "cidr_block": "10.20.0.0/16"}},
            "alicloud_vswitch": {
                "a": {"vpc_id": VPC_ID, "cidr_block": "10.20.1.0/24", "zone_id": "cn-hangzhou-h", **vswitch}
            },
            "alicloud_cen_transit_router_vpc_attachment": {
                "att": {
                    "cen_id": CEN_ID,
                    "transit_router_id": TR_ID,
                    "vpc_id": VPC_ID,
                    "zone_mappings": [{"zone_id": "cn-hangzhou-h", "vswitch_id": "${alicloud_vswitch.a.id}"}],
                }
            },
        }
    )


def test_network_create_import_and_update(workspace: WorkspaceFactory) -> None:
    ws = workspace("network", network())
    ws.init()
    ws.apply()
    assert ws.plan_exit_code() == 0, ws.runs[-1]
    _import_verify(ws, workspace, "network-imported")
    doc = ws.document()
    doc["resource"]["alicloud_vswitch"]["a"]["vswitch_name"] = "renamed"
    doc["resource"]["alicloud_vpc"]["vpc"]["description"] = "changed"
    ws.write(doc)
    assert ws.plan_actions() == {"alicloud_vswitch.a": ["update"], "alicloud_vpc.vpc": ["update"]}
    ws.apply_plan()
    assert ws.plan_exit_code() == 0, ws.runs[-1]
    ws.destroy()
    assert ws.cloud() == {}


@pytest.mark.parametrize(
    ("vswitch", "code"),
    [
        ({"cidr_block": "10.30.1.0/24"}, "InvalidCidrBlock.Malformed"),  # outside the VPC
        ({"cidr_block": "10.20.0.0/30"}, "InvalidCidrBlock.Malformed"),  # smaller than /29
        ({"zone_id": "cn-hangzhou-z"}, "InvalidZoneId.NotFound"),
    ],
)
def test_vswitch_rules(workspace: WorkspaceFactory, vswitch: dict[str, Any], code: str) -> None:
    ws = workspace("vswitch-rule", network(**vswitch))
    ws.init()
    assert code in ws.apply(expect=1).output


def test_overlapping_vswitches_and_reserved_vpc_blocks_are_refused(workspace: WorkspaceFactory) -> None:
    doc = network()
    doc["resource"]["alicloud_vswitch"]["b"] = {
        "vpc_id": VPC_ID,
        "cidr_block": "10.20.1.128/25",
        "zone_id": "cn-hangzhou-i",
    }
    doc["resource"]["alicloud_vpc"]["bad"] = {"cidr_block": "100.64.0.0/16"}
    ws = workspace("overlap", doc)
    ws.init()
    failed = ws.apply(expect=1).output
    assert "InvalidCidrBlock.Overlapped" in failed and "overlaps reserved 100.64.0.0/10" in failed


def test_a_vpc_is_not_deleted_before_what_it_holds(workspace: WorkspaceFactory) -> None:
    ws = workspace("order", network())
    ws.init()
    ws.apply()
    ws.run("state", "rm", "alicloud_vswitch.a", "alicloud_cen_transit_router_vpc_attachment.att")
    failed = ws.destroy(expect=1).output
    assert "DependencyViolation.VSwitch" in failed
    assert "alicloud_vpc" in ws.cloud()


def test_the_data_sources_list_what_exists(workspace: WorkspaceFactory) -> None:
    doc = network()
    doc["data"] = {
        "alicloud_vpcs": {"all": {"name_regex": "^app$", "depends_on": ["alicloud_vswitch.a"]}},
        "alicloud_vswitches": {"all": {"vpc_id": VPC_ID, "depends_on": ["alicloud_vswitch.a"]}},
        "alicloud_zones": {"all": {"available_resource_creation": "VSwitch"}},
        "alicloud_resource_manager_resource_groups": {"all": {}},
    }
    doc["output"] = {
        "vpcs": {"value": "${data.alicloud_vpcs.all.vpcs[*].cidr_block}"},
        "vswitches": {"value": "${data.alicloud_vswitches.all.vswitches[*].zone_id}"},
        "zones": {"value": "${data.alicloud_zones.all.ids}"},
        "groups": {"value": "${length(data.alicloud_resource_manager_resource_groups.all.groups)}"},
    }
    ws = workspace("data-sources", doc)
    ws.init()
    ws.apply()
    outputs = json.loads(ws.run("output", "-json").stdout)
    assert outputs["vpcs"]["value"] == ["10.20.0.0/16"]
    assert outputs["vswitches"]["value"] == ["cn-hangzhou-h"]
    assert outputs["zones"]["value"] == [f"cn-hangzhou-{z}" for z in "hijk"]
    assert outputs["groups"]["value"] == 1
