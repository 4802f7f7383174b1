"""Empty containers as cdktf writes them: a provider without arguments, no outputs, empty lists and maps."""

from __future__ import annotations

from cdktf import App, TerraformStack

from ._common import Provider, Resource


def build(app: App) -> None:
    stack = TerraformStack(app, "empty")
    Provider(stack, "null")
    Resource(stack, "r", {"triggers": {}, "list": [], "nested": {"inner": [], "deep": {}}})
    TerraformStack(app, "nothing")
