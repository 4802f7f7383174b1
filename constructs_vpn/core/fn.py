"""Terraform functions (``Fn``) and operators (``Op``) as tokens.

Each call returns an ``Expression``; use it as a value, or format it into a string (``f"{Fn.upper(x)}"``).
Arguments may be plain Python values or tokens.
"""

from __future__ import annotations

from typing import Any

from .tokens import Expression, ResolveContext, render_hcl

__all__ = ["Fn", "Op", "conditional"]


class FunctionCall(Expression):
    """``name(arg, ...)``."""

    __slots__ = ("args", "name")

    def __init__(self, name: str, *args: Any) -> None:
        super().__init__()
        self.name = name
        self.args = args

    def to_expression(self, ctx: ResolveContext) -> str:
        return f"{self.name}({', '.join(render_hcl(a, ctx) for a in self.args)})"


class _Operation(Expression):
    __slots__ = ("operands", "operator")

    def __init__(self, operator: str, *operands: Any) -> None:
        super().__init__()
        self.operator = operator
        self.operands = operands

    def to_expression(self, ctx: ResolveContext) -> str:
        if len(self.operands) == 1:
            return f"{self.operator}{render_hcl(self.operands[0], ctx)}"
        left, right = (render_hcl(o, ctx) for o in self.operands)
        return f"({left} {self.operator} {right})"


class _Conditional(Expression):
    __slots__ = ("condition", "false_value", "true_value")

    def __init__(self, condition: Any, true_value: Any, false_value: Any) -> None:
        super().__init__()
        self.condition = condition
        self.true_value = true_value
        self.false_value = false_value

    def to_expression(self, ctx: ResolveContext) -> str:
        parts = (render_hcl(v, ctx) for v in (self.condition, self.true_value, self.false_value))
        return "({} ? {} : {})".format(*parts)


def conditional(condition: Any, true_value: Any, false_value: Any) -> Expression:
    """``condition ? true_value : false_value``."""
    return _Conditional(condition, true_value, false_value)


class Fn:
    """The Terraform functions a network engineer reaches for; ``Fn.call`` reaches the rest."""

    @staticmethod
    def call(name: str, *args: Any) -> Expression:
        return FunctionCall(name, *args)

    # strings
    @staticmethod
    def join(separator: str, values: Any) -> Expression:
        return FunctionCall("join", separator, values)

    @staticmethod
    def split(separator: str, value: Any) -> Expression:
        return FunctionCall("split", separator, value)

    @staticmethod
    def format(spec: str, *values: Any) -> Expression:
        return FunctionCall("format", spec, *values)

    @staticmethod
    def replace(value: Any, search: str, replacement: str) -> Expression:
        return FunctionCall("replace", value, search, replacement)

    @staticmethod
    def lower(value: Any) -> Expression:
        return FunctionCall("lower", value)

    @staticmethod
    def upper(value: Any) -> Expression:
        return FunctionCall("upper", value)

    @staticmethod
    def trimspace(value: Any) -> Expression:
        return FunctionCall("trimspace", value)

    @staticmethod
    def substr(value: Any, offset: int, length: int) -> Expression:
        return FunctionCall("substr", value, offset, length)

    # collections
    @staticmethod
    def lookup(mapping: Any, key: Any, default: Any = None) -> Expression:
        if default is None:
            return FunctionCall("lookup", mapping, key)
        return FunctionCall("lookup", mapping, key, default)

    @staticmethod
    def element(values: Any, index: Any) -> Expression:
        return FunctionCall("element", values, index)

    @staticmethod
    def length(value: Any) -> Expression:
        return FunctionCall("length", value)

    @staticmethod
    def concat(*lists: Any) -> Expression:
        return FunctionCall("concat", *lists)

    @staticmethod
    def flatten(value: Any) -> Expression:
        return FunctionCall("flatten", value)

    @staticmethod
    def distinct(value: Any) -> Expression:
        return FunctionCall("distinct", value)

    @staticmethod
    def contains(values: Any, value: Any) -> Expression:
        return FunctionCall("contains", values, value)

    @staticmethod
    def merge(*maps: Any) -> Expression:
        return FunctionCall("merge", *maps)

    @staticmethod
    def keys(mapping: Any) -> Expression:
        return FunctionCall("keys", mapping)

    @staticmethod
    def values(mapping: Any) -> Expression:
        return FunctionCall("values", mapping)

    @staticmethod
    def coalesce(*values: Any) -> Expression:
        return FunctionCall("coalesce", *values)

    @staticmethod
    def try_(*expressions: Any) -> Expression:
        return FunctionCall("try", *expressions)

    # networking
    @staticmethod
    def cidrsubnet(prefix: Any, newbits: Any, netnum: Any) -> Expression:
        return FunctionCall("cidrsubnet", prefix, newbits, netnum)

    @staticmethod
    def cidrsubnets(prefix: Any, *newbits: Any) -> Expression:
        return FunctionCall("cidrsubnets", prefix, *newbits)

    @staticmethod
    def cidrhost(prefix: Any, hostnum: Any) -> Expression:
        return FunctionCall("cidrhost", prefix, hostnum)

    @staticmethod
    def cidrnetmask(prefix: Any) -> Expression:
        return FunctionCall("cidrnetmask", prefix)

    # conversions and encodings
    @staticmethod
    def tostring(value: Any) -> Expression:
        return FunctionCall("tostring", value)

    @staticmethod
    def tonumber(value: Any) -> Expression:
        return FunctionCall("tonumber", value)

    @staticmethod
    def tolist(value: Any) -> Expression:
        return FunctionCall("tolist", value)

    @staticmethod
    def toset(value: Any) -> Expression:
        return FunctionCall("toset", value)

    @staticmethod
    def tomap(value: Any) -> Expression:
        return FunctionCall("tomap", value)

    @staticmethod
    def jsonencode(value: Any) -> Expression:
        return FunctionCall("jsonencode", value)

    @staticmethod
    def jsondecode(value: Any) -> Expression:
        return FunctionCall("jsondecode", value)

    @staticmethod
    def sensitive(value: Any) -> Expression:
        return FunctionCall("sensitive", value)

    @staticmethod
    def nonsensitive(value: Any) -> Expression:
        return FunctionCall("nonsensitive", value)


class Op:
    """Terraform operators, for conditions in validations and pre/postconditions."""

    @staticmethod
    def eq(left: Any, right: Any) -> Expression:
        return _Operation("==", left, right)

    @staticmethod
    def neq(left: Any, right: Any) -> Expression:
        return _Operation("!=", left, right)

    @staticmethod
    def lt(left: Any, right: Any) -> Expression:
        return _Operation("<", left, right)

    @staticmethod
    def lte(left: Any, right: Any) -> Expression:
        return _Operation("<=", left, right)

    @staticmethod
    def gt(left: Any, right: Any) -> Expression:
        return _Operation(">", left, right)

    @staticmethod
    def gte(left: Any, right: Any) -> Expression:
        return _Operation(">=", left, right)

    @staticmethod
    def and_(left: Any, right: Any) -> Expression:
        return _Operation("&&", left, right)

    @staticmethod
    def or_(left: Any, right: Any) -> Expression:
        return _Operation("||", left, right)

    @staticmethod
    def not_(value: Any) -> Expression:
        return _Operation("!", value)

    @staticmethod
    def add(left: Any, right: Any) -> Expression:
        return _Operation("+", left, right)

    @staticmethod
    def sub(left: Any, right: Any) -> Expression:
        return _Operation("-", left, right)

    @staticmethod
    def mul(left: Any, right: Any) -> Expression:
        return _Operation("*", left, right)

    @staticmethod
    def div(left: Any, right: Any) -> Expression:
        return _Operation("/", left, right)

    @staticmethod
    def mod(left: Any, right: Any) -> Expression:
        return _Operation("%", left, right)
