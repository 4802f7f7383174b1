"""Dynamic blocks of generated bindings: where cdktf writes ``dynamic "<block>"`` instead of the block."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .errors import ValidationError
from .tokens import Expression, ResolveContext

if TYPE_CHECKING:
    from .resource import TerraformDynamicExpression, TerraformIterator

__all__ = ["TerraformDynamicBlock", "process_dynamic_attributes"]


class TerraformDynamicBlock(Expression):
    """A ``TerraformIterator.dynamic(...)`` given to a block argument of a generated binding (cdktf's
    ``listMapper(..., isBlockType=true)`` makes one): written as ``dynamic "<block>"``, not as the block.

    Only an element's arguments, or a single nested block's, may hold one: elsewhere (a list of blocks,
    a function) Terraform has no place for it and synthesis fails, as in cdktf.
    """

    __slots__ = ("content", "for_each")

    def __init__(self, for_each: TerraformIterator, content: Mapping[str, Any]) -> None:
        super().__init__()
        self.for_each = for_each
        self.content = content

    @staticmethod
    def from_dynamic_expression(expression: TerraformDynamicExpression) -> TerraformDynamicBlock:
        return TerraformDynamicBlock(expression.iterator, expression.content)

    def to_terraform_dynamic_block_json(self) -> dict[str, Any]:
        """The body of ``dynamic "<block>"``: ``for_each``, ``iterator`` (``each``, as cdktf) and ``content``."""
        return {"for_each": self.for_each._for_each(), "iterator": "each", "content": self.content}

    def __repr__(self) -> str:
        return "<unresolved-terraform-dynamic-block>"  # cdktf's text; it has no expression of its own

    def to_expression(self, ctx: ResolveContext) -> str:
        raise ValidationError.single(
            ctx.path,
            "a TerraformIterator.dynamic(...) can only be the value of a block argument of a resource, data "
            "source or provider (or of a single nested block), not part of a list or an expression",
            rule="dynamic-block",
            fix="give the dynamic(...) value to the block argument itself",
        )


def process_dynamic_attributes(attributes: Mapping[str, Any]) -> Mapping[str, Any]:
    """cdktf's ``processDynamicAttributes``: each ``TerraformDynamicBlock`` moves from ``<name>`` to
    ``dynamic.<name>``, in the arguments and in the (plain dict) single blocks among them. Without one,
    ``attributes`` itself is returned (no copy: this runs for every element of every synth)."""
    result: dict[str, Any] | None = None
    for name, value in attributes.items():
        kind = type(value)
        if kind is TerraformDynamicBlock:
            result = dict(attributes) if result is None else result
            del result[name]
            result["dynamic"] = {**result.get("dynamic", {}), name: value.to_terraform_dynamic_block_json()}
        elif kind is dict:
            processed = process_dynamic_attributes(value)
            if processed is not value:
                result = dict(attributes) if result is None else result
                result[name] = processed
    return attributes if result is None else result
