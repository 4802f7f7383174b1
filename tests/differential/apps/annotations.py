"""Info and warning annotations go into the manifest."""

from __future__ import annotations

from cdktf import Annotations, App, TerraformStack
from constructs import Construct

from ._common import Provider

APP_OPTIONS = {"stack_traces": False}


def build(app: App) -> None:
    stack = TerraformStack(app, "notes")
    Provider(stack, "null")
    Annotations.of(stack).add_info("an info")
    Annotations.of(Construct(stack, "site")).add_warning("a warning")
