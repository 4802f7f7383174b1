"""Meta-arguments and escape hatches: depends_on, count, lifecycle, provider alias, import, overrides, ids,
``node.default_child``."""

from __future__ import annotations

from cdktf import (
    App,
    Op,
    Precondition,
    TerraformCount,
    TerraformOutput,
    TerraformResource,
    TerraformResourceLifecycle,
    TerraformStack,
)
from constructs import Construct

from ._common import Data, Provider, Resource


def build(app: App) -> None:
    stack = TerraformStack(app, "meta")
    Provider(stack, "null")
    group = Construct(stack, "group")
    first = Resource(group, "first", {"triggers": {"a": "b"}})
    count = TerraformCount.of(3)
    counted = Resource(stack, "counted", {"triggers": {"i": count.index}}, count=count)
    Resource(
        stack,
        "guarded",
        depends_on=[first, counted],
        lifecycle=TerraformResourceLifecycle(
            create_before_destroy=True,
            prevent_destroy=False,
            ignore_changes=["triggers"],
            replace_triggered_by=[
                "null_resource.other"
            ],  # not a resource: cdktf writes "${...}", which terraform rejects
            precondition=[Precondition(condition=Op.neq(first.get_string_attribute("id"), "none"), error_message="x")],
        ),
    )
    # depends_on=[] is written as an empty list (None, the default, writes nothing)
    Resource(stack, "no-deps", depends_on=[])
    Data(stack, "no-deps-data", depends_on=[])
    adopted = Resource(stack, "adopted")
    adopted.import_from("existing-id")
    renamed = Resource(stack, "renamed", {"triggers": {"x": "1"}})
    renamed.override_logical_id("custom_name")
    patched = Resource(stack, "patched", {"triggers": {"x": "1"}})
    patched.add_override("triggers.y", "2")
    patched.add_override("lifecycle.prevent_destroy", True)
    stack.add_override("terraform.required_version", ">= 1.5")
    # node.default_child: the child with id "Resource", else the one set (constructs 10); both resources override
    # "triggers", which cdktf's metadata lists once per resource, after the stack's own override keys.
    defaults = TerraformStack(app, "default-child")
    Provider(defaults, "null")
    wrapped = Construct(defaults, "wrapped")
    Resource(wrapped, "Resource", {"triggers": {"x": "1"}})
    chosen = Construct(defaults, "chosen")
    chosen.node.default_child = Resource(chosen, "main", {"triggers": {"x": "1"}})
    for wrapper, (key, value) in ((wrapped, ("triggers.y", "2")), (chosen, ("triggers.z", "3"))):
        child = wrapper.node.default_child
        assert isinstance(child, TerraformResource)
        child.add_override(key, value)
    defaults.add_override("terraform.required_version", ">= 1.5")
    Data(Construct(group, "deeper"), "Default", {"x": first.get_string_attribute("id")}, depends_on=[first])
    TerraformOutput(Construct(stack, "nested"), "static", value=first.get_string_attribute("id"), static_id=True)
    TerraformOutput(Construct(stack, "nested2"), "hashed", value=counted.get_string_attribute("id"))
