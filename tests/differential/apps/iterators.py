"""for_each over lists and maps, and references to a resource that has for_each."""

from __future__ import annotations

from cdktf import App, TerraformIterator, TerraformOutput, TerraformStack, TerraformVariable

from ._common import Provider, Resource


def build(app: App) -> None:
    stack = TerraformStack(app, "iterators")
    Provider(stack, "null")
    names = TerraformVariable(stack, "names", type="list(string)")
    listed = TerraformIterator.from_list(names.list_value)
    looped = Resource(stack, "looped", {"triggers": {"name": listed.value}}, for_each=listed)
    mapped = TerraformIterator.from_map({"a": {"size": 1}, "b": {"size": 2}})
    Resource(stack, "mapped", {"triggers": {"key": mapped.key, "size": mapped.get_string("size")}}, for_each=mapped)
    Resource(stack, "reader", {"triggers": {"ids": looped.get_string_attribute("id")}}, depends_on=[looped])
    TerraformOutput(stack, "ids", value=looped.get_list_attribute("id"))
