"""``cdktf synth --hcl`` of classes that give typed HCL attributes (``_synthesize_hcl_attributes``, as generated
bindings do), untyped ones cdktf guesses, overrides, aliases, falsy values, imports and stack overrides."""

from __future__ import annotations

from typing import Any

from cdktf import (
    App,
    Fn,
    TerraformHclModule,
    TerraformLocal,
    TerraformOutput,
    TerraformResourceLifecycle,
    TerraformStack,
    TerraformVariable,
    TerraformVariableValidationConfig,
)

from ._common import Data, Provider, Resource


def _typed(value: Any, type: str, storage_class_type: str | None = None, is_block: bool | None = None) -> Any:
    out: dict[str, Any] = {"value": value, "type": type}
    if storage_class_type is not None:
        out["storageClassType"] = storage_class_type
    if is_block is not None:
        out["isBlock"] = is_block
    return out


class TypedProvider(Provider):
    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        return {"region": _typed(self._attrs.get("region"), "simple", "string"), "maxRetries": 3}


class TypedResource(Resource):
    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        attrs = self._attrs
        return {
            "name": _typed(attrs["name"], "simple", "string"),
            "port": _typed(attrs["port"], "simple", "number"),
            "enabled": _typed(attrs["enabled"], "simple", "boolean"),
            "zones": _typed(attrs["zones"], "list", "stringList"),
            "ports": _typed(attrs["ports"], "set", "numberList"),
            "tags": _typed(attrs["tags"], "map", "stringMap"),
            "ike": _typed(attrs["ike"], "list", "struct", True),
            "rules": _typed(attrs["rules"], "list", "struct", True),
            "health": _typed(attrs["health"], "object", "struct", True),
            "anything": _typed(attrs["anything"], "any"),
            "ref": _typed(attrs["ref"], "simple", "string"),
            "shape": _typed(attrs["shape"], "simple", "object"),
            "unset": _typed(None, "simple", "string"),
            "guessed": attrs["guessed"],
        }


class TypedData(Data):
    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        return {"inputs": _typed(self._attrs["inputs"], "map", "stringMap")}


def build(app: App) -> dict[str, str]:
    stack = TerraformStack(app, "typed")
    other = TypedProvider(stack, "null-west", {"region": "west"})
    other.add_override("alias", "west")  # a Python subclass of cdktf's provider cannot set alias itself
    zero = TerraformVariable(
        stack,
        "zero",
        type="number",
        default=0,
        description="falsy default",
        sensitive=True,
        nullable=False,
        validation=[TerraformVariableValidationConfig(condition="${var.zero >= 0}", error_message='not "negative"')],
    )
    TerraformVariable(stack, "names", type="list(string)", default=["a", "b"])
    TerraformLocal(stack, "off", False)
    TerraformLocal(stack, "counts", {"a": 1, "10": 2, "2": 3, "b c": [1, "x"]})
    data = TypedData(stack, "d", {"inputs": {"k": "v", "ref": zero.string_value}}, provider=other)
    typed = TypedResource(
        stack,
        "typed",
        {
            "name": 'say "hi"',
            "port": 8080,
            "enabled": False,
            "zones": ["z1", "z2"],
            "ports": [1, 2],
            "tags": {"env": "dev", "team-name": "net"},
            "ike": [{"version": "ikev2", "lifetime": 86400}],
            "rules": [{"from": 1}, {"from": 2}],
            "health": {"interval": 5},
            "anything": {"nested": {"list": [1, 2], "flag": True}, "x": "007"},
            "ref": data.get_string_attribute("outputs"),
            "shape": {"a": "b"},
            "guessed": {"text": "line1\nline2", "quote": 'a "b"', "number": "42", "json": '{"a": 1}'},
        },
        count=2,
        lifecycle=TerraformResourceLifecycle(create_before_destroy=True, ignore_changes=["tags"]),
    )
    typed.add_override("lifecycle.prevent_destroy", True)
    typed.add_override("extra", {"from_override": "${var.zero}"})
    adopted = Resource(stack, "adopted")
    adopted.import_from("id-1", other)
    TerraformHclModule(
        stack,
        "mod",
        source="app.terraform.io/org/mod/null",
        version="1.0.0",
        variables={"name": "x", "count": 0, "list": ["a"], "map": {"k": "v"}},
        depends_on=[adopted],
    )
    TerraformOutput(stack, "name", value=Fn.join(",", ["a", typed.get_string_attribute("id")]))
    TerraformOutput(
        stack, "secret", value=zero.number_value, sensitive=True, description="the zero", depends_on=[adopted]
    )
    stack.add_override("terraform.required_version", ">= 1.5")
    return {}
