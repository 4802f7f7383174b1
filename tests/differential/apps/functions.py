"""Fn: list parameters (spread where Terraform's function is variadic), defaults, nesting, raw strings."""

from __future__ import annotations

from cdktf import App, Fn, TerraformOutput, TerraformStack, TerraformVariable, Token

from ._common import Provider


def build(app: App) -> None:
    stack = TerraformStack(app, "functions")
    Provider(stack, "null")
    var = TerraformVariable(stack, "v", type="any")
    text = var.string_value
    values = {
        "format": Fn.format("%s-%s", [text, "x"]),
        "concat": Fn.concat([["a"], Token.as_list(var.value)]),
        "merge": Fn.merge([{"a": "1"}, var.value]),
        "coalesce": Fn.coalesce([text, "fallback"]),
        "coalescelist": Fn.coalescelist([["a"], ["b"]]),
        "try": Fn.try_([Fn.lookup(var.value, "k", "d"), "none"]),
        "cidrsubnets": Fn.cidrsubnets("10.0.0.0/16", [4, 4, 8]),
        "cidrsubnet": Fn.cidrsubnet("10.0.0.0/16", 8, 2),
        "join": Fn.join(",", ["a", text]),
        "join_token": Fn.join(",", Token.as_list(var.value)),
        "length": Fn.length_of(var.value),
        "lookup": Fn.lookup(var.value, "key"),
        "lookup_dash": Fn.lookup(var.value, "a-key"),
        "lookup_nested": Fn.lookup_nested(var.value, ["a", 0, "b-c"]),
        "range": Fn.range(1, 5),
        "range_step": Fn.range(0, 10, 2),
        "bcrypt": Fn.bcrypt(text),
        "bcrypt_cost": Fn.bcrypt(text, 10),
        "max": Fn.max([1, 2, 3]),
        "setunion": Fn.setunion(["a"], [["b"], ["c"]]),
        "nested": Fn.upper(Fn.lower(Fn.trimspace(text))),
        "embedded": f"prefix-{Fn.upper(text)}-suffix",
        "template": Fn.upper("pre-${var.v}-%{x}"),
        "raw": Fn.raw_string('a "quoted" ${x}'),
        "raw_in_fn": Fn.upper(Fn.raw_string("${y}")),
        "timestamp": Fn.timestamp(),
        "jsonencode": Fn.jsonencode({"a": [1, True, "s"], "b": {"c": 2.5}}),
        "element": Fn.element(Token.as_list(var.value), 0),
        "conditional": Fn.conditional(Fn.can(var.value), "yes", "no"),
        "tostring": Fn.tostring(1.0),
        "zipmap": Fn.zipmap(["a", "b"], Token.as_list(var.value)),
        "file": Fn.file("${path.module}/x.txt"),
        "templatefile": Fn.templatefile("t.tpl", {"name": text}),
    }
    for name, value in values.items():
        TerraformOutput(stack, name, value=value)
