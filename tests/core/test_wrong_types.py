"""Wrong types given to the core API are this library's ValidationError (path, field, rule, fix), never a
TypeError or AttributeError from deep inside synthesis (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constructs_vpn.core import (
    App,
    Construct,
    TerraformOutput,
    TerraformProvider,
    TerraformResource,
    TerraformStack,
    ValidationError,
)

GARBAGE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=5),
    st.binary(max_size=5),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.one_of(st.integers(), st.text(max_size=3), st.none()), st.integers(), max_size=3),
    st.builds(object),
)


def _synth(build: Any) -> None:
    app = App(outdir="unused-outdir")
    stack = TerraformStack(app, "s")
    try:
        build(stack)
        stack.to_terraform()
    except ValidationError as error:
        assert error.problems and all(p.rule for p in error.problems)


@settings(max_examples=300, deadline=None)
@given(
    field=st.sampled_from(
        ["attributes", "depends_on", "count", "for_each", "provider", "lifecycle", "terraform_resource_type"]
    ),
    value=GARBAGE,
)
def test_resource_arguments(field: str, value: Any) -> None:
    kwargs: dict[str, Any] = {"terraform_resource_type": "t_res", field: value}
    _synth(lambda stack: TerraformResource(stack, "r", **kwargs))


@settings(max_examples=200, deadline=None)
@given(value=GARBAGE, depends_on=GARBAGE)
def test_output_and_provider_arguments(value: Any, depends_on: Any) -> None:
    _synth(lambda stack: TerraformOutput(stack, "o", value=value, depends_on=depends_on or ()))
    _synth(lambda stack: TerraformProvider(stack, "p", terraform_resource_type="p", attributes=value))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"attributes": {1: "x"}}, "attributes"),
        ({"attributes": ["not", "a", "dict"]}, "attributes"),
        ({"depends_on": "t_res.other"}, "depends_on"),
        ({"depends_on": [42]}, "depends_on[0]"),
        ({"count": "3"}, "count"),
    ],
)
def test_the_error_names_path_field_rule_and_fix(stack: TerraformStack, kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TerraformResource(stack, "r", terraform_resource_type="t_res", **kwargs)
    problem = caught.value.problems[0]
    assert (problem.path, problem.field, problem.rule) == ("test/r", field, "argument-type")
    assert problem.fix
    assert stack.node.try_find_child("r") is None  # nothing half-built is left in the tree


def test_a_non_string_key_from_a_binding_is_reported_at_synth(stack: TerraformStack) -> None:
    class Binding(TerraformResource):
        def _synthesize_attributes(self) -> dict[str, Any]:
            return {"tags": {7: "x"}}

    Binding(stack, "b", terraform_resource_type="t_res")
    TerraformResource(stack, "r", terraform_resource_type="t_res", attributes={"triggers": {1: "x"}})
    with pytest.raises(ValidationError) as caught:
        stack.to_terraform()
    assert [(p.path, p.field, p.rule) for p in caught.value.problems] == [
        ("test/b", "attributes.tags", "argument-type"),
        ("test/r", "attributes.triggers", "argument-type"),
    ]
    assert "key 7 is a int" in str(caught.value)


def test_a_scope_that_is_not_a_construct(stack: TerraformStack) -> None:
    with pytest.raises(ValidationError, match="scope must be a construct") as caught:
        Construct("not a scope", "x")  # type: ignore[arg-type]
    assert caught.value.problems[0].rule == "construct-scope"


def test_a_stack_id_over_255_bytes_is_a_stack_id_error(app: App) -> None:
    with pytest.raises(ValidationError) as caught:
        TerraformStack(app, "é" * 128)
    assert caught.value.problems[0].rule == "stack-id"
    TerraformStack(app, "a" * 255)  # the longest folder name


def test_only_logical_id_errors_are_reported_as_logical_id(stack: TerraformStack) -> None:
    class Buggy(TerraformResource):
        def _synthesize_attributes(self) -> dict[str, Any]:
            raise ValueError("a bug in user code")

    Buggy(stack, "b", terraform_resource_type="t_res")
    with pytest.raises(ValueError, match="a bug in user code") as caught:
        stack.to_terraform()
    assert not isinstance(caught.value, ValidationError)


def test_an_all_default_path_is_a_logical_id_error(app: App) -> None:
    stack = TerraformStack(app, "s")
    TerraformResource(Construct(stack, "Default"), "Default", terraform_resource_type="t_res")
    with pytest.raises(ValidationError) as caught:
        stack.to_terraform()
    assert caught.value.problems[0].rule == "logical-id"


def test_a_misspelt_backend_argument_says_what_was_meant(stack: TerraformStack) -> None:
    from constructs_vpn.core import S3Backend

    with pytest.raises(ValidationError) as caught:
        S3Backend(stack, bucket="b", kye="k")
    found = {(p.path, p.field, p.rule) for p in caught.value.problems}
    assert found == {("test/backend", "kye", "unknown-argument"), ("test/backend", "key", "required-argument")}
    assert "did you mean 'key'?" in str(caught.value)
