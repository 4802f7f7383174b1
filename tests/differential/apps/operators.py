"""Op and conditional expressions."""

from __future__ import annotations

from cdktf import App, Fn, Op, TerraformOutput, TerraformStack, TerraformVariable

from ._common import Provider


def build(app: App) -> None:
    stack = TerraformStack(app, "operators")
    Provider(stack, "null")
    n = TerraformVariable(stack, "n", type="number").number_value
    b = TerraformVariable(stack, "b", type="bool").boolean_value
    values = {
        "add": Op.add(n, 1),
        "sub": Op.sub(n, 1),
        "mul": Op.mul(n, 2),
        "div": Op.div(n, 2),
        "mod": Op.mod(n, 2),
        "negate": Op.negate(n),
        "not": Op.not_(b),
        "and": Op.and_(b, Op.gt(n, 1)),
        "or": Op.or_(Op.lte(n, 1), Op.gte(n, 10)),  # not 0: cdktf 0.21 writes a right operand 0 as "undefined"
        "eq": Op.eq(n, 3),
        "neq": Op.neq(n, 3),
        "lt": Op.lt(n, 3),
        "cond": Fn.conditional(Op.eq(n, 1), "one", "many"),
    }
    for name, value in values.items():
        TerraformOutput(stack, name, value=value)
