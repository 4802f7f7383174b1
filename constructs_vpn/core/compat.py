"""The rest of cdktf's top-level names that code refers to: base classes, the built-in ``terraform_data``
resource, and the token and manifest helpers, each doing what cdktf's does as far as Python code sees it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .aspects import IAspect
from .construct import Construct
from .fn import Fn
from .resource import TerraformResource
from .stack import TerraformStack
from .tokens import _TOKEN_RE, Expression, Lazy, ResolveContext, Token, lookup_token, resolve

__all__ = [
    "DataResource",
    "DefaultTokenResolver",
    "FnGenerated",
    "LazyBase",
    "Manifest",
    "MigrateIds",
    "Resource",
    "StringConcat",
    "TerraformResourceTargets",
    "Tokenization",
    "TokenizedStringFragments",
]

#: cdktf's ``Fn`` extends the generated ``FnGenerated``; here they are one class.
FnGenerated = Fn
#: cdktf's base of lazy values.
LazyBase = Lazy


class Resource(Construct):
    """cdktf's base for higher-level constructs: a construct that knows its stack."""

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        self.stack = TerraformStack.of(self)


class DataResource(TerraformResource):
    """Terraform's built-in ``terraform_data`` resource (``input``, ``triggers_replace``)."""

    def __init__(
        self, scope: Construct, id: str, *, input: Any = None, triggers_replace: Any = None, **meta: Any
    ) -> None:
        attributes = {"input": input, "triggers_replace": triggers_replace}
        super().__init__(scope, id, terraform_resource_type="terraform_data", **meta)
        self._data_attributes = attributes

    def _synthesize_attributes(self) -> dict[str, Any]:
        return {k: v for k, v in self._data_attributes.items() if v is not None}

    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        # cdktf's terraform_data gives its (mapping) arguments untyped in HCL too: cdktf guesses their shape.
        return self._synthesize_attributes()

    @property
    def output(self) -> Expression:
        return self.interpolation_for_attribute("output")

    @property
    def id_attribute(self) -> str:
        return self.get_string_attribute("id")


class TokenizedStringFragments:
    """A string split into literal text and tokens (``Tokenization.reverse_string``)."""

    def __init__(self, parts: Sequence[str | Expression]) -> None:
        self._parts = list(parts)

    @property
    def tokens(self) -> list[Expression]:
        return [p for p in self._parts if isinstance(p, Expression)]

    @property
    def literals(self) -> list[str]:
        return [p for p in self._parts if isinstance(p, str)]

    @property
    def length(self) -> int:
        return len(self._parts)

    @property
    def first_token(self) -> Expression | None:
        return self._parts[0] if len(self._parts) == 1 and isinstance(self._parts[0], Expression) else None

    def join(self, concat: Any = None) -> Any:
        return "".join(str(p) for p in self._parts)


class Tokenization:
    """Resolving and recognising tokens, as cdktf's ``Tokenization``."""

    @staticmethod
    def is_resolvable(obj: object) -> bool:
        return isinstance(obj, Expression)

    @staticmethod
    def resolve(obj: Any, *, scope: Construct, preparing: bool | None = None, resolver: Any = None) -> Any:
        """The JSON value ``obj`` synthesizes to in ``scope``'s stack."""
        stack = TerraformStack.of(scope)
        return resolve(obj, ResolveContext(stack, scope.node.path))

    @staticmethod
    def reverse_string(s: str) -> TokenizedStringFragments:
        parts: list[str | Expression] = []
        for index, part in enumerate(_TOKEN_RE.split(s)):
            if index % 2:
                parts.append(lookup_token(int(part), ResolveContext(None)))
            elif part:
                parts.append(part)
        return TokenizedStringFragments(parts)

    @staticmethod
    def reverse(x: Any) -> list[Expression]:
        if isinstance(x, Expression):
            return [x]
        if isinstance(x, str):
            return Tokenization.reverse_string(x).tokens
        if isinstance(x, list) and Token.is_unresolved(x):
            return [Token.as_any(x)]
        return []

    @staticmethod
    def reverse_list(l: Any) -> Expression | None:  # noqa: E741  (cdktf's parameter name)
        found = Tokenization.reverse(l)
        return found[0] if found else None

    @staticmethod
    def reverse_map(m: Any) -> Expression | None:
        return m if isinstance(m, Expression) else None

    @staticmethod
    def reverse_number(n: Any) -> Expression | None:
        return n if isinstance(n, Expression) else None

    @staticmethod
    def reverse_number_list(l: Any) -> Expression | None:  # noqa: E741
        return l if isinstance(l, Expression) else None

    @staticmethod
    def stringify_number(x: Any) -> str:
        return str(x) if isinstance(x, Expression) else (str(int(x)) if float(x).is_integer() else str(x))


class StringConcat:
    """cdktf's fragment concatenator: joins the string forms of both sides."""

    def join(self, left: Any, right: Any) -> Any:
        if left is None:
            return right
        if right is None:
            return left
        return f"{left}{right}"


class DefaultTokenResolver:
    """cdktf's default token resolver; the engine resolves tokens itself, so this only joins fragments."""

    def __init__(self, concat: Any = None) -> None:
        self.concat = concat or StringConcat()

    def resolve_string(self, fragments: TokenizedStringFragments, context: Any) -> Any:
        return fragments.join(self.concat)


class TerraformResourceTargets:
    """The ``add_move_target`` names of a stack, as cdktf keeps them."""

    def __init__(self, stack: TerraformStack) -> None:
        self._stack = stack

    def add_resource_target(self, resource: TerraformResource, target: str) -> None:
        resource.add_move_target(target)

    def get_resource_by_target(self, target: str) -> Any:
        return self._stack._move_targets.get(target)


class Manifest:
    """What ``cdktf.out/manifest.json`` holds; the engine writes it in ``App.synth`` (``version``, ``outdir``)."""

    file_name = "manifest.json"
    stacks_folder = "stacks"
    stack_file_name = "cdk.tf.json"

    def __init__(self, version: str, outdir: str, hcl_output: bool) -> None:
        self.version = version
        self.outdir = outdir
        self.hcl_output = hcl_output


class MigrateIds(IAspect):
    """cdktf's aspect that moves resources from pre-0.17 logical ids; the engine has only the current ids,
    so there is nothing to migrate and visiting changes nothing."""

    def visit(self, node: Construct) -> None:
        return None
