"""``Testing``: what ``synth`` and ``render_construct_tree`` return, compared as files."""

from __future__ import annotations

from cdktf import App, TerraformOutput, TerraformStack, Testing
from constructs import Construct

from ._common import Provider, Resource


def build(app: App) -> dict[str, str]:
    stack = TerraformStack(app, "tested")
    Provider(stack, "null")
    group = Construct(stack, "group")
    first = Resource(group, "first", {"triggers": {"a": "b", "empty": []}})
    TerraformOutput(stack, "id", value=first.get_string_attribute("id"))
    return {
        "testing-synth.json": Testing.synth(stack),
        "construct-tree.txt": Testing.render_construct_tree(app),
    }
