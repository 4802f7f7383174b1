"""References, escaping and functions: what a token turns into in the JSON."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from constructs_vpn.core import (
    App,
    Fn,
    Lazy,
    Op,
    TerraformLocal,
    TerraformResource,
    TerraformStack,
    TerraformVariable,
    Token,
    ValidationError,
    conditional,
)
from constructs_vpn.core.tokens import MARKER, ResolveContext, resolve


def body(stack: TerraformStack, type_name: str = "t_res", name: str = "r") -> dict[str, Any]:
    document = stack.to_terraform()
    found: dict[str, Any] = document["resource"][type_name][name]
    return found


def make(stack: TerraformStack, id: str = "r", **attributes: Any) -> TerraformResource:
    return TerraformResource(stack, id, terraform_resource_type="t_res", attributes=attributes)


def test_reference_renders_as_interpolation(stack: TerraformStack) -> None:
    target = make(stack, "target")
    make(stack, a=target.get_string_attribute("id"), n=target.get_number_attribute("size"))
    assert body(stack)["a"] == "${t_res.target.id}"
    assert body(stack)["n"] == "${t_res.target.size}"


def test_nested_references_in_strings_lists_and_maps(stack: TerraformStack) -> None:
    target = make(stack, "target")
    ident = target.get_string_attribute("id")
    make(stack, s=f"prefix-{ident}-suffix", lst=["x", ident], m={"k": ident, "deep": [{"v": ident}]})
    rendered = body(stack)
    assert rendered["s"] == "prefix-${t_res.target.id}-suffix"
    assert rendered["lst"] == ["x", "${t_res.target.id}"]
    assert rendered["m"] == {"k": "${t_res.target.id}", "deep": [{"v": "${t_res.target.id}"}]}


def test_text_that_starts_and_ends_like_one_token_is_read_as_it_is(stack: TerraformStack) -> None:
    """A whole token string is resolved by a shortcut; two tokens, or a token with text around it, are not one."""
    target = make(stack, "target")
    a, b = target.get_string_attribute("a"), target.get_string_attribute("b")
    make(stack, two=a + b, inner=a[:-2] + "x]}", around=a + "-" + b)
    rendered = body(stack)
    assert rendered["two"] == "${t_res.target.a}${t_res.target.b}"
    assert rendered["inner"] == a[:-2] + "x]}"
    assert rendered["around"] == "${t_res.target.a}-${t_res.target.b}"


@pytest.mark.parametrize(
    "literal", ["${var.env}-bucket", "%{ if var.on }yes%{ endif }", "a $${b} c", "no braces", "{ plain }"]
)
def test_hand_written_expressions_pass_through_as_in_cdktf(stack: TerraformStack, literal: str) -> None:
    make(stack, name=literal)
    assert body(stack)["name"] == literal


@pytest.fixture
def escaping_stack(tmp_path: Path) -> TerraformStack:
    return TerraformStack(App(outdir=tmp_path / "out", escape_raw_expressions=True), "test")


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ("${var.secret}", "$${var.secret}"),
        ("%{if true}x%{endif}", "%%{if true}x%%{endif}"),
        ("a $${b} c", "a $$${b} c"),
        ("no braces", "no braces"),
        ("{ plain }", "{ plain }"),
    ],
)
def test_escape_raw_expressions_keeps_user_strings_literal(
    escaping_stack: TerraformStack, literal: str, expected: str
) -> None:
    make(escaping_stack, name=literal)
    assert body(escaping_stack)["name"] == expected


def test_escaping_next_to_a_real_reference(escaping_stack: TerraformStack) -> None:
    target = make(escaping_stack, "target")
    make(escaping_stack, name=f"${{x}}-{target.get_string_attribute('id')}")
    assert body(escaping_stack)["name"] == "$${x}-${t_res.target.id}"


def _real_token_text(stack: TerraformStack) -> tuple[str, str]:
    """A real token string and the same text with its marker removed, as cdktf would print it."""
    secret = TerraformVariable(stack, "psk", type="string", sensitive=True)
    token = secret.string_value
    number = token.rsplit(".", 1)[1].rstrip("]}")
    return token, f"${{TfToken[TOKEN.{number}]}}"


@pytest.mark.parametrize("escape", [False, True])
def test_forged_token_text_stays_literal(tmp_path: Path, escape: bool) -> None:
    stack = TerraformStack(App(outdir=tmp_path / "out", escape_raw_expressions=escape), "test")
    token, forged = _real_token_text(stack)
    assert not Token.is_unresolved(forged)
    make(stack, description=f"from a file: {forged}", whole=forged, listed=[forged], fn=Fn.upper(forged))
    make(stack, "real", description=token)
    rendered = body(stack)
    literal = forged.replace("${", "$${") if escape else forged
    assert rendered["description"] == f"from a file: {literal}"
    assert rendered["whole"] == literal and rendered["listed"] == [literal]
    assert "var.psk" not in json.dumps(rendered)
    assert body(stack, name="real")["description"] == "${var.psk}"


@given(st.integers(min_value=0, max_value=10**6), st.text(alphabet="0123456789abcdef.", max_size=30))
def test_no_guessed_token_text_resolves(number: int, guess: str) -> None:
    app = App(outdir="unused")
    stack = TerraformStack(app, "test")
    TerraformVariable(stack, "psk", type="string", sensitive=True).string_value  # noqa: B018  (registers a token)
    for text in (
        f"${{TfToken[TOKEN.{number}]}}",
        f"${{TfToken[TOKEN.{guess}.{number}]}}",
        f"#{{TfToken[TOKEN.{number}]}}",
    ):
        assert not Token.is_unresolved(text)
        assert resolve(text, ResolveContext(stack, "test")) == text


def test_token_strings_are_not_shaped_like_cdktf_ones() -> None:
    """The marker is drawn per process: the same program prints other token text in another process."""
    code = "from constructs_vpn.core import Fn; print(Fn.upper('x'))"
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout for _ in "ab"
    }
    assert len(runs) == 2
    assert all(re.fullmatch(r"\$\{TfToken\[TOKEN\.[0-9a-f]{24}\.\d+\]\}\n", run) for run in runs)


def test_list_and_attribute_access_on_expressions(stack: TerraformStack) -> None:
    target = make(stack, "target")
    tables = target.interpolation_for_attribute("tables")
    make(stack, first=tables[0].get_attribute("id"), key=target.get_map_attribute("m")["k"])
    assert body(stack)["first"] == "${t_res.target.tables[0].id}"
    assert body(stack)["key"] == '${t_res.target.m["k"]}'


def test_list_tokens_as_cdktf_encodes_them(stack: TerraformStack) -> None:
    target = make(stack, "target")
    ids = Token.as_list(target.get_list_attribute("ids"))
    assert isinstance(ids, list) and len(ids) == 1 and Token.is_unresolved(ids)
    make(stack, ids=ids, first=Fn.element(ids, 0), joined=Fn.join(",", ids), again=Token.as_list(ids))
    assert body(stack) == {
        "//": body(stack)["//"],
        "ids": "${t_res.target.ids}",
        "first": "${element(t_res.target.ids, 0)}",
        "joined": '${join(",", t_res.target.ids)}',
        "again": "${t_res.target.ids}",
    }


def test_functions_and_operators(stack: TerraformStack) -> None:
    var = TerraformVariable(stack, "cidr", type="string")
    make(
        stack,
        subnet=Fn.cidrsubnet(var.string_value, 8, 2),
        joined=Fn.join(",", ["a", 'q"uote', "${lit}"]),
        cond=conditional(Op.gt(Fn.length_of(var.value), 3), "long", "short"),
        fmt=f"host-{Fn.cidrhost('10.0.0.0/24', 5)}",
    )
    rendered = body(stack)
    assert rendered["subnet"] == "${cidrsubnet(var.cidr, 8, 2)}"
    assert rendered["joined"] == '${join(",", ["a", "q\\"uote", "$${lit}"])}'
    assert rendered["cond"] == '${(length(var.cidr) > 3) ? "long" : "short"}'
    assert rendered["fmt"] == 'host-${cidrhost("10.0.0.0/24", 5)}'


def test_lazy_values_are_computed_at_synth(stack: TerraformStack) -> None:
    items: list[str] = []
    make(stack, items=Lazy.any_value(lambda: list(items)), text=Lazy.string_value(lambda: "${x}"))
    items.append("late")
    assert body(stack)["items"] == ["late"]
    assert body(stack)["text"] == "${x}"


def test_locals_and_variables(stack: TerraformStack) -> None:
    local = TerraformLocal(stack, "names", ["a", "b"])
    make(stack, names=local.expression, first=Fn.element(local.as_list, 0))
    document = stack.to_terraform()
    assert document["locals"] == {"names": ["a", "b"]}
    assert document["resource"]["t_res"]["r"]["names"] == "${local.names}"


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_rejected(stack: TerraformStack, value: float) -> None:
    make(stack, n=value)
    with pytest.raises(ValidationError, match="finite"):
        stack.to_terraform()


def test_integral_floats_print_like_javascript(stack: TerraformStack) -> None:
    make(stack, a=1.0, b=1.5)
    assert body(stack)["a"] == 1 and type(body(stack)["a"]) is int
    assert body(stack)["b"] == 1.5


def test_unknown_token_names_the_construct(stack: TerraformStack) -> None:
    make(stack, name=f"${{TfToken[TOKEN.{MARKER}.99999999]}}")
    with pytest.raises(ValidationError, match=r"\[test/r\].*unknown token"):
        stack.to_terraform()


def test_unsupported_value_type_is_our_error(stack: TerraformStack) -> None:
    make(stack, obj=object())
    with pytest.raises(ValidationError, match="cannot synthesize a value of type object"):
        stack.to_terraform()


def test_is_unresolved(stack: TerraformStack) -> None:
    target = make(stack, "target")
    assert Token.is_unresolved(target.get_string_attribute("id"))
    assert Token.is_unresolved(f"x-{target.get_string_attribute('id')}")
    assert Token.is_unresolved(target.get_number_attribute("n"))
    assert Token.is_unresolved(["a", {"k": target.get_string_attribute("id")}])
    assert not Token.is_unresolved("${not a token}")
    assert not Token.is_unresolved(["a", 1, None])


def test_none_drops_keys_but_not_list_items(stack: TerraformStack) -> None:
    make(stack, gone=None, kept=[None, 1], nested={"x": None, "y": 2})
    rendered = body(stack)
    assert "gone" not in rendered
    assert rendered["kept"] == [None, 1]
    assert rendered["nested"] == {"y": 2}


def test_a_token_in_a_construct_id_is_an_error(stack: TerraformStack) -> None:
    target = make(stack, "target")
    with pytest.raises(ValidationError, match="construct id contains a token"):
        make(stack, f"r-{target.get_string_attribute('id')}")
