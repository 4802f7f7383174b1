"""Moves, provisioners with connections, variable validation and types, TerraformSelf and Lazy producers."""

from __future__ import annotations

from typing import Any

from cdktf import (
    App,
    Fn,
    IStringProducer,
    Lazy,
    LocalExecProvisioner,
    Op,
    RemoteExecProvisioner,
    SSHProvisionerConnection,
    TerraformOutput,
    TerraformSelf,
    TerraformStack,
    TerraformVariable,
    TerraformVariableValidationConfig,
    VariableType,
)

from ._common import Provider, Resource


def _implements(cls: type) -> type:
    """jsii needs ``@jsii.implements(IStringProducer)`` on a producer; the engine takes any object."""
    try:
        import jsii  # type: ignore[import-not-found]
    except ImportError:
        return cls
    implemented: type = jsii.implements(IStringProducer)(cls)
    return implemented


@_implements
class Names:
    """A cdktf-style producer object (IStringProducer)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def produce(self, context: Any) -> str:
        return ",".join(self.names)


def build(app: App) -> None:
    stack = TerraformStack(app, "lifecycle")
    Provider(stack, "null")
    cidr = TerraformVariable(
        stack,
        "cidr",
        type=VariableType.STRING,
        validation=[
            TerraformVariableValidationConfig(
                condition=Fn.can(Fn.cidrhost("${var.cidr}", 0)), error_message="not a CIDR"
            )
        ],
    )
    cidr.add_validation(condition=Op.gt(Fn.length_of(cidr.string_value), 8), error_message="short")
    TerraformVariable(
        stack,
        "shape",
        type=VariableType.object({"name": VariableType.STRING, "ports": VariableType.list(VariableType.NUMBER)}),
    )
    TerraformVariable(stack, "pair", type=VariableType.tuple(VariableType.STRING, VariableType.BOOL))
    old = Resource(stack, "old", {"triggers": {"a": "1"}})
    new = Resource(stack, "new", {"triggers": {"a": "1"}})
    new.add_move_target("the-new-one")
    old.move_to("the-new-one")
    gone = Resource(stack, "gone")
    gone.move_to_id("null_resource.elsewhere")
    renamed = Resource(stack, "renamed")
    renamed.move_from_id("null_resource.previous")
    Resource(
        stack,
        "provisioned",
        connection=SSHProvisionerConnection(
            type="ssh", host=TerraformSelf.get_string("public_ip"), user="root", port=22
        ),
        provisioners=[
            LocalExecProvisioner(type="local-exec", command="echo hi", environment={"A": "b"}, when="destroy"),
            RemoteExecProvisioner(type="remote-exec", inline=["uptime"]),
        ],
    )
    names = Names()
    TerraformOutput(stack, "names", value=Lazy.string_value(names))
    names.names.extend(["a", "b"])
