"""What the VPN constructs share: props validated into a model, with every problem kept for synth.

A construct with invalid props records its problems (reported together with every other construct's at
``app.synth()``) and builds no resources; a reference to one of its attributes reports where it points.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict
from pydantic import ValidationError as PydanticValidationError

from ..codegen.runtime import CheckedModel, problems_from
from ..core.annotations import Annotations
from ..core.construct import Construct
from ..core.errors import Problem, ValidationError
from ..core.tokens import Expression, ResolveContext

__all__ = ["PropsModel", "VpnConstruct"]

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class PropsModel(CheckedModel):
    """Base of every user-facing model: frozen, unknown keys rejected, inputs never echoed in errors.

    A field's docstring documents it in the source, not in ``model_fields[...].description``: pydantic reads
    those by tokenizing the source of every class, a third of the VPN constructs' import time.

    Built on its own (``IkeConfig(ike_enc_alg="AES")``), a model raises ``constructs_vpn.ValidationError``
    with every problem at once, each under the model's name; given as a dict to a construct, its problems
    are reported under the construct's path with all the others."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        hide_input_in_errors=True,
        arbitrary_types_allowed=True,
        defer_build=True,
    )


class _Unavailable(Expression):
    """An attribute of a construct whose props were invalid: resolving it names that construct."""

    __slots__ = ("target",)

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target

    def to_expression(self, ctx: ResolveContext) -> str:
        raise ValidationError.single(
            ctx.path,
            f"refers to [{self.target}], which has problems of its own",
            rule="invalid-reference",
            fix=f"fix the problems reported for [{self.target}]",
        )


class VpnConstruct(Construct):
    """Base of the VPN constructs: validation that collects instead of stopping at the first problem."""

    def _problems(self, problems: Iterable[Problem]) -> None:
        found = list(problems)
        if found:
            self.node.add_validation(lambda: list(found))

    def _props(self, model: type[M], data: Mapping[str, Any]) -> M | None:
        """``data`` validated into ``model``, or ``None`` with the problems recorded."""
        try:
            return model.model_validate(dict(data))
        except PydanticValidationError as error:
            self._problems(problems_from(error, model, self.node.path))
            return None

    def _build(self, make: Callable[[], T]) -> T | None:
        """Run ``make`` (which creates resources); a ``ValidationError`` is recorded instead of raised."""
        try:
            return make()
        except ValidationError as error:
            self._problems(error.problems)
            return None

    def _warn(self, warning_id: str, message: str) -> None:
        Annotations.of(self).add_warning_v2(warning_id, message)

    def _unavailable(self) -> str:
        return str(_Unavailable(self.node.path))
