"""TerraformIterator.dynamic in generic resources and outputs: a for expression with the iterator's val/key."""

from __future__ import annotations

from cdktf import App, TerraformIterator, TerraformOutput, TerraformStack, TerraformVariable

from ._common import Provider, Resource


def build(app: App) -> None:
    stack = TerraformStack(app, "dynamic")
    Provider(stack, "null")
    ports = TerraformVariable(stack, "ports", type="any")
    listed = TerraformIterator.from_list(ports.list_value)
    Resource(
        stack, "r", {"ingress": listed.dynamic({"port": listed.value, "name": listed.get_string("n"), "k": listed.key})}
    )
    mapped = TerraformIterator.from_map({"a": {"n": 1}})
    Resource(stack, "r2", {"ingress": mapped.dynamic({"name": mapped.get_string("n")})})
    TerraformOutput(stack, "o", value=listed.dynamic({"x": listed.value}))
    Resource(stack, "each", {"triggers": {"v": listed.value}}, for_each=listed)
