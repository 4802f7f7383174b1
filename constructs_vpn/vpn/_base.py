"""What the VPN constructs share: props validated into a model, with every problem kept for synth.

A construct with invalid props records its problems (reported together with every other construct's at
``app.synth()``) and builds no resources; a reference to one of its attributes reports where it points.

Nothing here imports pydantic: the props models (``vpn.props``), the option models and the rules load with it
when the first construct is built (``load``), so that importing the construct classes costs a fraction of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

from ..core.annotations import Annotations
from ..core.construct import Construct
from ..core.errors import Problem, ValidationError
from ..core.tokens import Expression, ResolveContext, Token

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["VpnConstruct", "is_token", "load", "props_names"]

M = TypeVar("M", bound="BaseModel")
T = TypeVar("T")

#: The unmarked token form of older cores, which any text can spell: never taken for a token.
_FORGEABLE = re.compile(r"\$\{TfToken\[TOKEN\.\d+\]\}")


def is_token(value: Any) -> bool:
    """A value known only to Terraform, made by the engine (an ``Expression``, or its marked token string).

    Text that merely looks like a token (``${TfToken[TOKEN.5]}`` typed or read from a file) is not one."""
    if isinstance(value, Expression):
        return True
    return isinstance(value, str) and Token.is_unresolved(value) and not _FORGEABLE.search(value)


@cache
def load(module: str) -> ModuleType:
    """The package's ``module`` (``".props"``, ``".rules"``), imported once, when a construct first needs it."""
    return import_module(module, __package__)


def props_names(module: str, *names: str) -> Callable[[str], Any]:
    """A ``__getattr__`` (PEP 562) for ``module``: its construct's ``names`` (props model, keyword arguments),
    defined in ``vpn.props``, stay importable from it and load on first use."""

    def attribute(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        return getattr(load(".props"), name)

    return attribute


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
        """``data`` validated into ``model`` (one of ``load(".props")``), or ``None`` with the problems recorded."""
        props: M | None
        problems: list[Problem]
        props, problems = load(".props").validated(model, data, self.node.path)
        self._problems(problems)
        return props

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
