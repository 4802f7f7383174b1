"""``cdktf synth --hcl`` for generic resources, data sources, variables and outputs (run with
``SYNTH_HCL_OUTPUT=true``; cdktf 0.21's ``App(hcl_output=True)`` alone writes JSON into ``cdk.tf``)."""

from __future__ import annotations

from cdktf import App, Fn, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable

from ._common import Data, Provider, Resource


def build(app: App) -> None:
    stack = TerraformStack(app, "hcl")
    Provider(stack, "null", {"region": "x"})
    env = TerraformVariable(stack, "env", type="string", default="dev")
    TerraformLocal(stack, "names", ["a", "b"])
    first = Resource(stack, "first", {"triggers": {"env": env.string_value, "n": 1, "list": ["a", "b"]}})
    Data(stack, "d", {"inputs": {"id": first.get_string_attribute("id")}})
    TerraformOutput(stack, "id", value=Fn.upper(first.get_string_attribute("id")))
