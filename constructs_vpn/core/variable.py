"""``TerraformVariable``: an input of the stack (``var.<name>``), e.g. a pre-shared key kept out of code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .construct import Construct
from .element import TerraformElement
from .tokens import Expression, Reference

__all__ = ["TerraformVariable", "VariableValidation"]


@dataclass(frozen=True, slots=True)
class VariableValidation:
    """A ``validation`` block: ``condition`` is a token (``Op``/``Fn``/``Token.raw_expression``)."""

    condition: Expression | str
    error_message: str


class TerraformVariable(TerraformElement):
    """A Terraform input variable. With ``sensitive=True`` its default never appears in ``repr``."""

    _override_kind = "variable"

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        type: str | None = None,
        default: Any = None,
        description: str | None = None,
        sensitive: bool | None = None,
        nullable: bool | None = None,
        validation: Sequence[VariableValidation] = (),
    ) -> None:
        super().__init__(scope, id)
        self.type = type
        self.default = default
        self.description = description
        self.sensitive = sensitive
        self.nullable = nullable
        self.validation = list(validation)

    def __repr__(self) -> str:
        return f"<TerraformVariable {self.node.path}{' (sensitive)' if self.sensitive else ''}>"

    @property
    def reference_prefix(self) -> str:
        return f"var.{self.friendly_unique_id}"

    @property
    def value(self) -> Expression:
        return Reference(self)

    @property
    def string_value(self) -> str:
        return str(Reference(self))

    @property
    def number_value(self) -> Expression:
        return Reference(self)

    @property
    def boolean_value(self) -> Expression:
        return Reference(self)

    @property
    def list_value(self) -> list[str]:
        """cdktf's list token (a one-element list); use it where a list is expected or in ``Fn`` calls."""
        return Reference(self)._list_token()

    def _to_terraform(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": self.type,
            "default": self.default,
            "description": self.description,
            "sensitive": self.sensitive,
            "nullable": self.nullable,
        }
        if self.validation:
            body["validation"] = [{"condition": v.condition, "error_message": v.error_message} for v in self.validation]
        return {"variable": {self.friendly_unique_id: self._apply_overrides(body)}}
