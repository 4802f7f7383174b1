"""Hand-written Terraform in strings passes through; token-shaped text stays text."""

from __future__ import annotations

from cdktf import App, TerraformStack, TerraformVariable

from ._common import Provider, Resource


def build(app: App) -> None:
    stack = TerraformStack(app, "strings")
    Provider(stack, "null")
    var = TerraformVariable(stack, "env", type="string")
    Resource(
        stack,
        "r",
        {
            "triggers": {
                "raw": "${var.env}-bucket",
                "template": '%{ if var.env == "prod" }p%{ else }d%{ endif }',
                "escaped": "$${literal}",
                "mixed": f"${{var.other}}/{var.string_value}",
                "quote": 'say "hi" \\ back',
                "unicode": "ünïcode ✓\nline",
                "lone_surrogate": "a\ud800b",  # JSON.stringify writes \ud800; a UTF-8 file cannot hold it
            }
        },
    )
