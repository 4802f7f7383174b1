"""What each element writes: meta-arguments, import/moved blocks, overrides, outputs, variables, backends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.core import (
    App,
    Construct,
    DataTerraformRemoteStateOss,
    LocalBackend,
    Op,
    OssAssumeRole,
    OssBackend,
    TerraformCondition,
    TerraformCount,
    TerraformDataSource,
    TerraformIterator,
    TerraformOutput,
    TerraformProvider,
    TerraformResource,
    TerraformResourceLifecycle,
    TerraformStack,
    TerraformVariable,
    Token,
    ValidationError,
    VariableValidation,
)


def resource(scope: Construct, id: str, **kwargs: Any) -> TerraformResource:
    return TerraformResource(scope, id, terraform_resource_type="t_res", **kwargs)


def test_logical_ids_follow_cdktf(stack: TerraformStack) -> None:
    top = resource(stack, "top")
    group = Construct(stack, "site-a")
    nested = resource(group, "cgw")
    hidden = resource(Construct(stack, "conn"), "Resource")
    assert top.friendly_unique_id == "top"
    assert nested.friendly_unique_id == "site-a_cgw_" + nested.friendly_unique_id.rsplit("_", 1)[1]
    assert hidden.friendly_unique_id.startswith("conn_")
    nested.override_logical_id("legacy_name")
    assert nested.fqn == "t_res.legacy_name"
    nested.reset_override_logical_id()
    assert nested.fqn.startswith("t_res.site-a_cgw_")


def test_meta_arguments(stack: TerraformStack) -> None:
    provider = TerraformProvider(stack, "west", terraform_resource_type="p", alias="west")
    first = resource(stack, "first")
    var = TerraformVariable(stack, "names", type="list(string)")
    each = TerraformIterator.from_list(var.list_value)
    counted = resource(stack, "counted", count=TerraformCount.of(2), provider=provider)
    looped = resource(stack, "looped", for_each=each, attributes={"name": each.value}, depends_on=[first, "x.y"])
    looped.node.add_dependency(counted)
    resource(
        stack,
        "guarded",
        lifecycle=TerraformResourceLifecycle(
            prevent_destroy=True,
            create_before_destroy=True,
            ignore_changes=["tags"],
            replace_triggered_by=[first],
            postcondition=[TerraformCondition(Op.neq(Token.raw_expression("self.id"), ""), "no id")],
        ),
    )
    document = stack.to_terraform()["resource"]["t_res"]
    assert document["counted"]["count"] == 2
    assert document["counted"]["provider"] == "p.west"
    assert document["looped"]["for_each"] == "${toset(var.names)}"
    assert document["looped"]["name"] == "${each.value}"
    assert document["looped"]["depends_on"] == ["t_res.first", "x.y"]  # node.add_dependency adds nothing
    assert document["guarded"]["lifecycle"] == {
        "create_before_destroy": True,
        "prevent_destroy": True,
        "ignore_changes": ["tags"],
        "replace_triggered_by": ["t_res.first"],
        "postcondition": [{"condition": '${(self.id != "")}', "error_message": "no id"}],
    }


def test_node_add_dependency_writes_nothing_as_in_cdktf(stack: TerraformStack) -> None:
    group = Construct(stack, "group")
    resource(group, "a")
    TerraformDataSource(group, "d", terraform_resource_type="t_data")
    dependent = resource(stack, "dependent")
    dependent.node.add_dependency(group)
    assert "depends_on" not in stack.to_terraform()["resource"]["t_res"]["dependent"]


def test_for_each_attributes_are_read_over_every_instance(stack: TerraformStack) -> None:
    looped = resource(stack, "looped", for_each=TerraformIterator.from_list(["a", "b"]))
    resource(stack, "reader", attributes={"ids": looped.get_list_attribute("id")}, depends_on=[looped])
    body = stack.to_terraform()["resource"]["t_res"]["reader"]
    assert body["ids"] == "${t_res.looped.*.id}"
    assert body["depends_on"] == ["t_res.looped"]


def test_import_and_moved_are_recorded_in_the_metadata(stack: TerraformStack) -> None:
    adopted = resource(stack, "adopted")
    adopted.import_from("vco-123")
    adopted.move_from_id("t_res.old_name")
    metadata = stack.to_terraform()["//"]["metadata"]
    assert metadata["imports"] == {"t_res": ["adopted"]} and metadata["moved"] == {"t_res": ["adopted"]}


def test_import_and_moved_blocks(stack: TerraformStack) -> None:
    provider = TerraformProvider(stack, "p", terraform_resource_type="alicloud", alias="b")
    adopted = resource(stack, "adopted", provider=provider)
    adopted.import_from("vco-123")
    adopted.move_from_id("t_res.old_name")
    document = stack.to_terraform()
    assert document["import"] == [{"to": "t_res.adopted", "id": "vco-123", "provider": "alicloud.b"}]
    assert document["moved"] == [{"from": "t_res.old_name", "to": "t_res.adopted"}]


def test_add_override_is_applied_and_recorded(stack: TerraformStack) -> None:
    target = resource(stack, "r", attributes={"ike_config": {"ike_version": "ikev2"}, "blocks": [{"a": 1}]})
    target.add_override("ike_config.ike_mode", "aggressive")
    target.add_override("blocks.b", 2)
    target.add_override("lifecycle.prevent_destroy", True)
    stack.add_override("terraform.required_version", ">= 1.5")
    document = stack.to_terraform()
    body = document["resource"]["t_res"]["r"]
    assert body["ike_config"] == {"ike_version": "ikev2", "ike_mode": "aggressive"}
    assert body["blocks"] == [{"a": 1, "b": 2}]
    assert body["lifecycle"] == {"prevent_destroy": True}
    assert document["terraform"]["required_version"] == ">= 1.5"
    assert document["//"]["metadata"]["overrides"] == {  # the top-level keys, as cdktf lists them
        "t_res": ["ike_config", "blocks", "lifecycle"],
        "stack": ["terraform"],
    }


def test_outputs(stack: TerraformStack) -> None:
    target = resource(stack, "r")
    nested = Construct(stack, "site")
    TerraformOutput(stack, "plain", value=target.get_string_attribute("id"), description="d")
    TerraformOutput(nested, "key", value="v", sensitive=True, depends_on=[target])
    TerraformOutput(nested, "fixed", value=1, static_id=True)
    document = stack.to_terraform()
    key_name = next(n for n in document["output"] if n.startswith("site_key_"))
    assert document["output"]["plain"] == {"value": "${t_res.r.id}", "description": "d"}
    assert document["output"][key_name] == {"value": "v", "sensitive": True, "depends_on": ["t_res.r"]}
    assert document["output"]["fixed"] == {"value": 1}
    assert document["//"]["outputs"] == {"test": {"plain": "plain", "site": {"key": key_name, "fixed": "fixed"}}}


def test_variables(stack: TerraformStack) -> None:
    psk = TerraformVariable(
        stack,
        "psk",
        type="string",
        sensitive=True,
        nullable=False,
        description="key",
        validation=[VariableValidation(Op.gte(Token.raw_expression("length(var.psk)"), 8), "too short")],
    )
    resource(stack, "r", attributes={"psk": psk.string_value})
    document = stack.to_terraform()
    assert document["variable"]["psk"] == {
        "type": "string",
        "sensitive": True,
        "nullable": False,
        "description": "key",
        "validation": [{"condition": "${(length(var.psk) >= 8)}", "error_message": "too short"}],
    }
    assert document["resource"]["t_res"]["r"]["psk"] == "${var.psk}"


def test_sensitive_variable_default_is_not_in_repr(stack: TerraformStack) -> None:
    psk = TerraformVariable(stack, "psk", type="string", sensitive=True, default="s3cr3t-Key")
    assert "s3cr3t" not in repr(psk) and "s3cr3t" not in str(psk)


def test_default_backend_is_local_in_the_working_directory(app: App, stack: TerraformStack) -> None:
    assert "terraform" not in stack.to_terraform()  # added when the app synthesizes, as in cdktf
    document = app.synthesize().documents["test"]
    assert document["terraform"]["backend"] == {"local": {"path": str(Path.cwd() / "terraform.test.tfstate")}}
    assert document["//"]["metadata"]["backend"] == "local"


def test_oss_backend(stack: TerraformStack) -> None:
    OssBackend(
        stack,
        bucket="tf-state",
        prefix="vpn",
        key="net.tfstate",
        region="cn-hangzhou",
        encrypt=True,
        acl="private",
        tablestore_endpoint="https://lock.cn-hangzhou.ots.aliyuncs.com",
        tablestore_table="locks",
        assume_role=OssAssumeRole(role_arn="acs:ram::123:role/tf", session_name="tf"),
        profile="ops",
    )
    document = stack.to_terraform()
    assert document["terraform"]["backend"]["oss"] == {
        "bucket": "tf-state",
        "prefix": "vpn",
        "key": "net.tfstate",
        "region": "cn-hangzhou",
        "encrypt": True,
        "acl": "private",
        "tablestore_endpoint": "https://lock.cn-hangzhou.ots.aliyuncs.com",
        "tablestore_table": "locks",
        "assume_role": {"role_arn": "acs:ram::123:role/tf", "session_name": "tf"},
        "profile": "ops",
    }
    assert document["//"]["metadata"]["backend"] == "oss"


def test_a_subclass_of_a_backend_or_reader_keeps_its_settings(app: App, stack: TerraformStack) -> None:
    class TeamBackend(OssBackend):
        def __init__(self, scope: Construct) -> None:
            super().__init__(scope, bucket="team-state", prefix="net")

    class TeamState(DataTerraformRemoteStateOss):
        pass

    backend = TeamBackend(stack)
    assert stack.to_terraform()["terraform"]["backend"] == {"oss": {"bucket": "team-state", "prefix": "net"}}
    reader_stack = TerraformStack(app, "reader")
    assert isinstance(backend.remote_state(reader_stack, "net"), DataTerraformRemoteStateOss)
    with pytest.raises(ValidationError, match="buckt"):
        TeamState(reader_stack, "typo", buckt="team-state")
    TeamState(reader_stack, "team", bucket="team-state")
    data = reader_stack.to_terraform()["data"]["terraform_remote_state"]
    assert data["team"]["backend"] == "oss" and data["team"]["config"] == {"bucket": "team-state"}


def test_two_backends_collide(stack: TerraformStack) -> None:
    LocalBackend(stack)
    with pytest.raises(ValidationError, match="duplicate construct id 'backend'"):
        LocalBackend(stack)


def test_provider_requirements(stack: TerraformStack) -> None:
    from constructs_vpn.core import TerraformProviderGeneratorMetadata

    meta = TerraformProviderGeneratorMetadata("alicloud", provider_version_constraint="~> 1.289")
    TerraformProvider(
        stack,
        "a",
        terraform_resource_type="alicloud",
        terraform_provider_source="aliyun/alicloud",
        terraform_generator_metadata=meta,
        attributes={"region": "cn-hangzhou"},
    )
    TerraformProvider(
        stack,
        "b",
        terraform_resource_type="alicloud",
        terraform_provider_source="aliyun/alicloud",
        terraform_generator_metadata=meta,
        alias="peer",
        attributes={"region": "cn-shanghai"},
    )
    document = stack.to_terraform()
    assert document["provider"]["alicloud"] == [
        {"region": "cn-hangzhou"},
        {"region": "cn-shanghai", "alias": "peer"},
    ]
    assert document["terraform"]["required_providers"] == {
        "alicloud": {"source": "aliyun/alicloud", "version": "~> 1.289"}
    }


def test_required_provider_version_is_the_generated_one_as_in_cdktf(stack: TerraformStack) -> None:
    """cdktf 0.21 writes ``providerVersion || providerVersionConstraint`` (terraform-provider.ts)."""
    from constructs_vpn.core import TerraformProviderGeneratorMetadata

    for name, meta in {
        "both": TerraformProviderGeneratorMetadata("both", "1.289.0", "~> 1.289"),
        "version": TerraformProviderGeneratorMetadata("version", provider_version="2.0.0"),
        "constraint": TerraformProviderGeneratorMetadata("constraint", provider_version_constraint="~> 3.0"),
        "neither": TerraformProviderGeneratorMetadata("neither"),
    }.items():
        TerraformProvider(
            stack,
            name,
            terraform_resource_type=name,
            terraform_provider_source=f"x/{name}",
            terraform_generator_metadata=meta,
        )
    assert stack.to_terraform()["terraform"]["required_providers"] == {
        "both": {"source": "x/both", "version": "1.289.0"},
        "version": {"source": "x/version", "version": "2.0.0"},
        "constraint": {"source": "x/constraint", "version": "~> 3.0"},
        "neither": {"source": "x/neither"},
    }


def test_two_default_providers_collide(stack: TerraformStack) -> None:
    TerraformProvider(stack, "a", terraform_resource_type="alicloud")
    TerraformProvider(stack, "b", terraform_resource_type="alicloud")
    with pytest.raises(ValidationError, match="'alicloud' is already used by 'test/a'"):
        stack.to_terraform()


def test_logical_id_collision_names_both_paths(stack: TerraformStack) -> None:
    resource(stack, "a.b")
    resource(stack, "ab")
    with pytest.raises(
        ValidationError, match=r"\[test/ab\] Terraform address 't_res.ab' is already used by 'test/a.b'"
    ):
        stack.to_terraform()


def test_names_terraform_rejects_are_reported(stack: TerraformStack) -> None:
    resource(stack, "1st")
    resource(stack, "ä-ü_1")
    with pytest.raises(ValidationError) as caught:
        stack.to_terraform()
    assert [p.rule for p in caught.value.problems] == ["terraform-name", "terraform-name"]
    assert "'1st'" in str(caught.value) and "'-_1'" in str(caught.value)


def test_problems_of_every_element_are_collected(app: App) -> None:
    stack = TerraformStack(app, "s")
    resource(stack, "a", attributes={"x": float("nan")})
    resource(stack, "b", attributes={"y": object()})
    with pytest.raises(ValidationError) as caught:
        stack.to_terraform()
    assert [p.path for p in caught.value.problems] == ["s/a", "s/b"]
