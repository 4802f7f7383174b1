"""``TerraformLocal``: a named value computed once by Terraform (``local.<name>``)."""

from __future__ import annotations

from typing import Any

from .construct import Construct
from .element import TerraformElement
from .hcl_render import typed
from .tokens import Expression, Reference

__all__ = ["TerraformLocal"]


class TerraformLocal(TerraformElement):
    """A ``locals`` entry; reference it through ``expression`` or the typed getters."""

    _override_kind = "local"

    def __init__(self, scope: Construct, id: str, expression: Any) -> None:
        super().__init__(scope, id)
        self._value = expression

    @property
    def reference_prefix(self) -> str:
        return f"local.{self.friendly_unique_id}"

    @property
    def expression(self) -> Expression:
        return Reference(self)

    @property
    def as_string(self) -> str:
        return str(Reference(self))

    @property
    def as_number(self) -> Expression:
        return Reference(self)

    @property
    def as_list(self) -> Expression:
        return Reference(self)

    def _to_terraform(self) -> dict[str, Any]:
        return {"locals": {self.friendly_unique_id: self._value}}

    def _to_hcl_terraform(self) -> dict[str, Any]:
        return {"locals": {self.friendly_unique_id: typed(self._value, "any", is_block=False)}}
