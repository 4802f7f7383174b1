"""Referencing a resource of one stack from another: output in A, remote state in B, B depends on A."""

from __future__ import annotations

import json
from pathlib import Path

from constructs_vpn.core import App, OssBackend, TerraformResource, TerraformStack


def test_cross_stack_reference(app: App) -> None:
    network = TerraformStack(app, "network")
    sites = TerraformStack(app, "sites")
    tr = TerraformResource(network, "tr", terraform_resource_type="alicloud_cen_transit_router")
    TerraformResource(
        sites,
        "attachment",
        terraform_resource_type="alicloud_cen_transit_router_vpn_attachment",
        attributes={"transit_router_id": tr.get_string_attribute("transit_router_id")},
    )
    result = app.synth()
    origin, consumer = result.documents["network"], result.documents["sites"]
    output_name = "cross-stack-output-alicloud_cen_transit_routertrtransit_router_id"
    assert origin["output"][output_name] == {
        "value": "${alicloud_cen_transit_router.tr.transit_router_id}",
        "sensitive": True,
    }
    remote = consumer["data"]["terraform_remote_state"]["cross-stack-reference-input-network"]
    assert remote["backend"] == "local"
    assert remote["config"] == {"path": str(Path.cwd() / "terraform.network.tfstate")}
    assert remote["workspace"] == "${terraform.workspace}"  # the consumer reads the workspace being applied
    assert "//" not in remote
    attachment = consumer["resource"]["alicloud_cen_transit_router_vpn_attachment"]["attachment"]
    assert attachment["transit_router_id"] == (
        f"${{data.terraform_remote_state.cross-stack-reference-input-network.outputs.{output_name}}}"
    )
    manifest = json.loads((app.outdir / "manifest.json").read_text("utf-8"))
    assert manifest["stacks"]["sites"]["dependencies"] == ["network"]
    assert manifest["stacks"]["network"]["dependencies"] == []


def test_consumer_declared_first_still_gets_the_output(app: App) -> None:
    sites = TerraformStack(app, "a-sites")
    network = TerraformStack(app, "z-network")
    OssBackend(network, bucket="state", key="network.tfstate", region="cn-hangzhou")
    cen = TerraformResource(network, "cen", terraform_resource_type="alicloud_cen_instance")
    for index in range(2):  # two references to the same attribute share one output
        TerraformResource(
            sites, f"r{index}", terraform_resource_type="t", attributes={"cen": cen.get_string_attribute("id")}
        )
    result = app.synthesize()
    assert list(result.documents["z-network"]["output"]) == ["cross-stack-output-alicloud_cen_instancecenid"]
    remote = result.documents["a-sites"]["data"]["terraform_remote_state"]["cross-stack-reference-input-z-network"]
    assert remote["backend"] == "oss"
    assert remote["config"] == {"bucket": "state", "key": "network.tfstate", "region": "cn-hangzhou"}
