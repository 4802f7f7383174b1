"""Iterators over complex lists and resources; their attribute getters and for expressions."""

from __future__ import annotations

from cdktf import App, TerraformIterator, TerraformOutput, TerraformStack, TerraformVariable

from ._common import Provider, Resource


def build(app: App) -> None:
    stack = TerraformStack(app, "iterators_more")
    Provider(stack, "null")
    users = TerraformVariable(stack, "users", type="list(object({name=string, role=string}))")
    complex_list = TerraformIterator.from_complex_list(users.value, "name")
    per_user = Resource(
        stack,
        "per_user",
        {"triggers": {"role": complex_list.get_string("role"), "name-dash": complex_list.get_string("a-b")}},
        for_each=complex_list,
    )
    over_resources = TerraformIterator.from_resources(per_user)
    Resource(stack, "per_instance", {"triggers": {"id": over_resources.get_string("id")}}, for_each=over_resources)
    listed = TerraformIterator.from_list(["a", "b"])
    TerraformOutput(stack, "keys", value=listed.keys())
    TerraformOutput(stack, "values", value=listed.values())
    TerraformOutput(stack, "plucked", value=complex_list.pluck_property("role"))
    TerraformOutput(stack, "for_list", value=listed.for_expression_for_list("upper(val)"))
    TerraformOutput(stack, "for_map", value=listed.for_expression_for_map("val", "length(val)"))
