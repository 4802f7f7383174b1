"""Provider, resource, data source, variable, local and output: the elements every app has."""

from __future__ import annotations

from cdktf import App, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable

from ._common import Data, Provider, Resource


def build(app: App) -> None:
    stack = TerraformStack(app, "basics")
    Provider(stack, "null")
    env = TerraformVariable(stack, "env", type="string", default="dev", description="the environment")
    TerraformVariable(stack, "secret", type="string", sensitive=True, nullable=False)
    names = TerraformLocal(stack, "names", ["a", "b"])
    first = Resource(stack, "first", {"triggers": {"env": env.string_value, "n": 1, "f": 1.5, "on": True}})
    data = Data(stack, "lookup", {"inputs": {"id": first.get_string_attribute("id")}})
    Resource(stack, "second", {"triggers": {"name": f"{env.string_value}-bucket", "local": names.as_string}})
    TerraformOutput(stack, "first_id", value=first.get_string_attribute("id"), description="the id")
    TerraformOutput(stack, "secret_out", value=data.get_string_attribute("outputs"), sensitive=True)
