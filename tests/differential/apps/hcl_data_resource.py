"""``cdktf synth --hcl`` of the built-in ``terraform_data`` resource (``DataResource``): its arguments are
written, untyped (cdktf guesses their shape)."""

from __future__ import annotations

from cdktf import App, DataResource, TerraformStack, TerraformVariable

from ._common import Provider


def build(app: App) -> None:
    stack = TerraformStack(app, "data_resource")
    Provider(stack, "null")
    env = TerraformVariable(stack, "env", type="string")
    DataResource(stack, "mapped", input={"env": env.string_value, "n": 1}, triggers_replace={"list": ["a", "b"]})
    DataResource(stack, "empty")
