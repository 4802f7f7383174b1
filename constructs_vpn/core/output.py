"""``TerraformOutput``: a value the stack exports (``terraform output``, other stacks, the CLI)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .checks import raise_problems, sequence_problems
from .construct import Construct
from .element import TerraformElement
from .hcl_render import typed

if TYPE_CHECKING:
    from .resource import TerraformCondition, TerraformDataSource, TerraformResource

__all__ = ["TerraformOutput"]


class TerraformOutput(TerraformElement):
    """An output. ``static_id=True`` keeps the construct id as the output name, wherever it is nested."""

    _override_kind = "output"

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        value: Any,
        description: str | None = None,
        sensitive: bool | None = None,
        depends_on: Sequence[TerraformResource | TerraformDataSource | str] = (),
        static_id: bool = False,
        precondition: Sequence[TerraformCondition] = (),
    ) -> None:
        from .resource import is_dependable

        raise_problems(
            scope,
            id,
            [("static_id", static_id, lambda v: isinstance(v, bool), "True or False")],
            sequence_problems("", "depends_on", depends_on, is_dependable, "resources, data sources or addresses"),
        )
        super().__init__(scope, id)
        self.value = value
        self.description = description
        self.sensitive = sensitive
        self.depends_on = list(depends_on)
        self.static_id = static_id
        self.precondition = list(precondition)
        if static_id:
            self.override_logical_id(self.node.id)

    def __repr__(self) -> str:
        return f"<TerraformOutput {self.node.path}{' (sensitive)' if self.sensitive else ''}>"

    @property
    def reference_prefix(self) -> str:
        return f"output.{self.friendly_unique_id}"

    def _to_terraform(self) -> dict[str, Any]:
        # Bare addresses: cdktf 0.21 writes "${...}" here, which terraform rejects.
        depends = [d if isinstance(d, str) else d.fqn for d in self.depends_on]
        body: dict[str, Any] = {
            "value": self.value,
            "description": self.description,
            "sensitive": self.sensitive,
            "depends_on": depends or None,
            "precondition": [c._to_terraform() for c in self.precondition] or None,
        }
        return {"output": {self.friendly_unique_id: self._apply_overrides(body)}}

    def _to_hcl_terraform(self) -> dict[str, Any]:
        # cdktf writes depends_on as "${address}" strings here, as in its JSON (see _to_terraform).
        depends = ["${" + (d if isinstance(d, str) else d.fqn) + "}" for d in self.depends_on]
        attributes = {
            "value": typed(self.value, "any", "", is_block=False),
            "description": typed(self.description, "simple", "string", is_block=False),
            "sensitive": typed(self.sensitive, "simple", "bool", is_block=False),
            "depends_on": typed(depends or None, "list", "stringList", is_block=False),
        }
        body = {k: v for k, v in attributes.items() if v["value"] is not None}
        return {"output": {self.friendly_unique_id: self._apply_overrides(body)}}
