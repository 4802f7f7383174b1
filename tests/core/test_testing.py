"""The testing helpers users get for their own stacks."""

from __future__ import annotations

import json
from pathlib import Path

from syrupy.assertion import SnapshotAssertion

from constructs_vpn.core import TerraformDataSource, TerraformProvider, TerraformResource, TerraformStack
from constructs_vpn.core.snapshot import SynthSnapshotExtension, normalize_paths
from constructs_vpn.core.testing import Testing


def build(stack: TerraformStack) -> None:
    TerraformProvider(stack, "alicloud", terraform_resource_type="alicloud", attributes={"region": "cn-hangzhou"})
    TerraformResource(
        stack,
        "vpn",
        terraform_resource_type="alicloud_vpn_gateway_vpn_attachment",
        attributes={"ike_config": {"ike_version": "ikev2", "ike_lifetime": 86400}, "local_subnet": "0.0.0.0/0"},
    )
    TerraformDataSource(stack, "zones", terraform_resource_type="alicloud_vpn_gateway_zones")


def test_synth_scope_and_matchers() -> None:
    synthesized = Testing.synth_scope(build)
    assert "//" not in synthesized["resource"]["alicloud_vpn_gateway_vpn_attachment"]["vpn"]
    assert Testing.to_have_resource(synthesized, "alicloud_vpn_gateway_vpn_attachment")
    assert not Testing.to_have_resource(synthesized, "alicloud_cen_instance")
    assert Testing.to_have_resource_with_properties(
        synthesized, "alicloud_vpn_gateway_vpn_attachment", {"ike_config": {"ike_version": "ikev2"}}
    )
    assert not Testing.to_have_resource_with_properties(
        synthesized, "alicloud_vpn_gateway_vpn_attachment", {"ike_config": {"ike_version": "ikev1"}}
    )
    # None means "absent"; types must match (86400 is not "86400")
    assert Testing.to_have_resource_with_properties(
        synthesized, "alicloud_vpn_gateway_vpn_attachment", {"remote_subnet": None}
    )
    assert not Testing.to_have_resource_with_properties(
        synthesized, "alicloud_vpn_gateway_vpn_attachment", {"ike_config": {"ike_lifetime": "86400"}}
    )
    assert Testing.to_have_data_source(synthesized, "alicloud_vpn_gateway_zones")
    assert Testing.to_have_provider_with_properties(synthesized, "alicloud", {"region": "cn-hangzhou"})
    assert Testing.to_have_provider(json.dumps(synthesized), "alicloud")  # JSON text works too


def test_full_synth_writes_the_app() -> None:
    stack = TerraformStack(Testing.app(), "s")
    build(stack)
    outdir = Testing.full_synth(stack)
    assert (outdir / "stacks/s/cdk.tf.json").is_file()


def test_snapshot_extension(snapshot: SnapshotAssertion) -> None:
    stack = TerraformStack(Testing.app(), "s")
    build(stack)
    document = Testing.synth(stack, keep_metadata=True)
    assert document["terraform"]["backend"]["local"]["path"].startswith(str(Path.cwd()))
    assert normalize_paths(document)["terraform"]["backend"]["local"]["path"] == "<cwd>/terraform.s.tfstate"
    assert document == snapshot(extension_class=SynthSnapshotExtension)
