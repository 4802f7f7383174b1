"""``TerraformVariable``: an input of the stack (``var.<name>``), e.g. a pre-shared key kept out of code."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .construct import Construct
from .element import TerraformElement
from .errors import ValidationError
from .hcl_render import keys_to_snake_case, truthy, typed
from .tokens import Expression, Reference

__all__ = ["TerraformVariable", "TerraformVariableValidationConfig", "VariableType", "VariableValidation"]


@dataclass(frozen=True, slots=True)
class TerraformVariableValidationConfig:
    """A ``validation`` block: ``condition`` is a token (``Op``/``Fn``/``Token.raw_expression``)."""

    condition: Any
    error_message: str


#: This library's earlier name of ``TerraformVariableValidationConfig``.
VariableValidation = TerraformVariableValidationConfig


class VariableType:
    """Terraform type constraints for ``TerraformVariable(type=...)``, as cdktf spells them."""

    STRING = "string"
    NUMBER = "number"
    BOOL = "bool"
    ANY = "any"
    LIST = "list"
    MAP = "map"
    SET = "set"
    LIST_STRING = "list(string)"
    LIST_NUMBER = "list(number)"
    LIST_BOOL = "list(bool)"
    MAP_STRING = "map(string)"
    MAP_NUMBER = "map(number)"
    MAP_BOOL = "map(bool)"
    SET_STRING = "set(string)"
    SET_NUMBER = "set(number)"
    SET_BOOL = "set(bool)"

    @staticmethod
    def list(type: str) -> str:
        return f"list({type})"

    @staticmethod
    def map(type: str) -> str:
        return f"map({type})"

    @staticmethod
    def set(type: str) -> str:
        return f"set({type})"

    @staticmethod
    def tuple(*elements: str) -> str:
        return f"tuple({', '.join(elements)})"

    @staticmethod
    def object(attributes: Mapping[str, str]) -> str:
        return "object({" + ", ".join(f"{k}={v}" for k, v in attributes.items()) + "})"


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
        validation: Sequence[TerraformVariableValidationConfig] | None = None,
    ) -> None:
        super().__init__(scope, id)
        self.type = type
        self.default = default
        self.description = description
        self.sensitive = sensitive
        self.nullable = nullable
        self.validation = list(validation or ())

    def add_validation(
        self,
        validation: TerraformVariableValidationConfig | None = None,
        *,
        condition: Any = None,
        error_message: str | None = None,
    ) -> None:
        """Add a ``validation`` block (Terraform checks it when the variable is set); as in cdktf's Python API,
        ``add_validation(condition=..., error_message=...)``."""
        if validation is None:
            if condition is None or error_message is None:
                raise ValidationError.single(
                    self.node.path,
                    "a validation needs a condition and an error message",
                    field="validation",
                    rule="variable-validation",
                    fix="add_validation(condition=..., error_message=...)",
                )
            validation = TerraformVariableValidationConfig(condition, error_message)
        self.validation.append(validation)

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

    def _to_hcl_terraform(self) -> dict[str, Any]:
        # cdktf keeps only truthy values: a default of 0, "" or False is not written in cdk.tf.
        validations = [{"error_message": v.error_message, "condition": v.condition} for v in self.validation]
        attributes = {
            "default": typed(self.default, "any"),
            "description": typed(self.description, "simple", "string"),
            "type": typed(self.type, "type"),
            "sensitive": typed(self.sensitive, "simple", "boolean"),
            "nullable": typed(self.nullable, "simple", "boolean"),
            "validation": typed(validations or None, "list", "objectList", is_block=True),
        }
        body = keys_to_snake_case({k: v for k, v in attributes.items() if truthy(v["value"])})
        return {"variable": {self.friendly_unique_id: self._apply_overrides(body)}}
