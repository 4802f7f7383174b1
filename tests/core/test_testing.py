"""The testing helpers users get for their own stacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from constructs_vpn.core import (
    TerraformDataSource,
    TerraformProvider,
    TerraformResource,
    TerraformStack,
    ValidationError,
)
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
    assert isinstance(synthesized, str)  # JSON text, as cdktf's
    assert "//" not in json.loads(synthesized)["resource"]["alicloud_vpn_gateway_vpn_attachment"]["vpn"]
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
    assert Testing.to_have_provider(json.loads(synthesized), "alicloud")  # a parsed document works too


def test_full_synth_writes_the_app() -> None:
    stack = TerraformStack(Testing.app(), "s")
    build(stack)
    outdir = Testing.full_synth(stack)
    assert (Path(outdir) / "stacks/s/cdk.tf.json").is_file()


def test_snapshot_extension(snapshot: SnapshotAssertion) -> None:
    stack = TerraformStack(Testing.app(), "s")
    build(stack)
    stack.ensure_backend_exists()
    document = json.loads(Testing.synth(stack, keep_metadata=True))
    assert document["terraform"]["backend"]["local"]["path"].startswith(str(Path.cwd()))
    assert normalize_paths(document)["terraform"]["backend"]["local"]["path"] == "<cwd>/terraform.s.tfstate"
    assert document == snapshot(extension_class=SynthSnapshotExtension)


def test_synth_runs_validations_unless_told_not_to() -> None:
    stack = TerraformStack(Testing.app(), "s")
    build(stack)
    stack.node.add_validation(lambda: ["props are invalid"])
    with pytest.raises(ValidationError, match="props are invalid"):
        Testing.synth(stack)
    assert Testing.to_have_resource(Testing.synth(stack, run_validations=False), "alicloud_vpn_gateway_vpn_attachment")


def test_render_construct_tree_as_cdktf() -> None:
    app = Testing.app()
    stack = TerraformStack(app, "s")
    build(stack)
    assert Testing.render_construct_tree(app) == (
        "App\n└── s (TerraformStack)\n    ├── alicloud (TerraformProvider)\n"
        "    ├── vpn (TerraformResource)\n    └── zones (TerraformDataSource)\n"
    )


def test_synth_hcl() -> None:
    stack = TerraformStack(Testing.app(), "s")
    build(stack)
    assert 'resource "alicloud_vpn_gateway_vpn_attachment" "vpn"' in Testing.synth_hcl(stack)
    assert json.loads(Testing.synth_hcl(stack, return_metadata=True))["//"]["metadata"]["stackName"] == "s"
