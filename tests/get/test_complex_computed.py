"""``core.complex_computed``: each class writes the expression cdktf 0.21's ``complex-computed-list.ts`` writes."""

from __future__ import annotations

from typing import Any

import pytest

from constructs_vpn.core import App, TerraformOutput, TerraformResource, TerraformStack
from constructs_vpn.core.complex_computed import (
    AnyListMap,
    AnyMapList,
    BooleanList,
    ComplexList,
    ComplexMap,
    ComplexObject,
    NumberListList,
    StringListList,
    StringMap,
    StringMapList,
    property_access,
)
from constructs_vpn.core.tokens import RawExpression


def _value(make: Any) -> str:
    stack = TerraformStack(App(outdir="/nonexistent"), "s")
    resource = TerraformResource(stack, "r", terraform_resource_type="x_thing")
    TerraformOutput(stack, "o", value=make(resource))
    value: str = stack.to_terraform()["output"]["o"]["value"]
    return value


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda r: ComplexObject(r, "cfg", False), "${x_thing.r.cfg}"),
        (lambda r: ComplexObject(r, "cfg", False, 0), "${x_thing.r.cfg[0]}"),
        (lambda r: ComplexObject(r, "cfg", False, 0).get_string_attribute("psk"), "${x_thing.r.cfg[0].psk}"),
        (lambda r: ComplexObject(r, "zone", True, 2), "${tolist(x_thing.r.zone).2}"),
        (lambda r: ComplexObject(r, "zone", True, 2).get_number_attribute("id"), "${tolist(x_thing.r.zone).2.id}"),
        (
            lambda r: ComplexObject(ComplexObject(r, "t", True, 0), "ike", False, 0).get_string_attribute("psk"),
            '${tolist(x_thing.r.t).0["ike[0].psk"]}',
        ),
        (lambda r: ComplexList(r, "items", False), "${x_thing.r.items}"),
        (lambda r: ComplexList(r, "items", True), "${tolist(x_thing.r.items)}"),
        (lambda r: StringMap(r, "tags").lookup("team"), '${x_thing.r.tags["team"]}'),
        (lambda r: StringListList(r, "m", False).get(1), "${x_thing.r.m[1]}"),
        (lambda r: NumberListList(r, "m", False).get(0), "${x_thing.r.m[0]}"),
        (lambda r: BooleanList(r, "flags", False).get(3), "${element(x_thing.r.flags, 3)}"),
        (lambda r: StringMapList(r, "maps", False).get(1).lookup("k"), '${x_thing.r.maps[1]["k"]}'),
        # the index cdktf takes from "[1]" is the string "1": not an identifier, so written ["1"], as in cdktf
        (lambda r: AnyMapList(r, "maps", True).get(1).lookup("k"), '${tolist(x_thing.r.maps)["1"]["[1][\\"k\\"]"]}'),
        (lambda r: AnyListMap(r, "lists").get("a"), "${x_thing.r.lists[a]}"),
        (lambda r: ComplexMap(r, "objs").interpolation_for_attribute("a-b"), '${x_thing.r.objs["a-b"]}'),
        (lambda r: property_access(RawExpression("var.x"), ["a", 0, "*", "b c"]), '${var.x.a.0[*]["b c"]}'),
    ],
)
def test_expression_text_is_cdktfs(make: Any, expected: str) -> None:
    assert _value(make) == expected
