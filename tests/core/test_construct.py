"""The construct tree: ids, paths, lookups, context, dependencies and validations."""

from __future__ import annotations

import pytest

from constructs_vpn.core import App, Construct, Problem, TerraformStack, ValidationError


def test_paths_and_lookup(app: App) -> None:
    stack = TerraformStack(app, "net")
    site = Construct(stack, "site-a")
    child = Construct(site, "cgw")
    assert child.node.path == "net/site-a/cgw"
    assert stack.node.find_child("site-a") is site
    assert site.node.try_find_child("nope") is None
    assert [c.node.id for c in child.node.scopes] == ["", "net", "site-a", "cgw"]
    assert child.node.root is app
    assert [c.node.path for c in stack.node.find_all()] == ["net", "net/site-a", "net/site-a/cgw"]
    with pytest.raises(ValidationError, match="no child with id 'nope'"):
        site.node.find_child("nope")


def test_duplicate_id_names_the_path(app: App) -> None:
    stack = TerraformStack(app, "net")
    Construct(stack, "site")
    with pytest.raises(ValidationError, match=r"\[net/site\] duplicate construct id 'site'") as caught:
        Construct(stack, "site")
    assert caught.value.problems[0].rule == "unique-construct-id"


@pytest.mark.parametrize("bad", ["", None, 3])
def test_ids_must_be_non_empty_strings(app: App, bad: object) -> None:
    stack = TerraformStack(app, "net")
    with pytest.raises(ValidationError, match="non-empty string"):
        Construct(stack, bad)  # type: ignore[arg-type]


def test_slash_in_an_id_is_replaced_as_in_constructs(app: App) -> None:
    stack = TerraformStack(app, "net")
    assert Construct(stack, "a/b").node.id == "a--b"


@pytest.mark.parametrize("bad", ["..", ".", "a/b", "/abs", "x\\y", "", "~home"])
def test_stack_ids_cannot_escape_the_output_folder(app: App, bad: str) -> None:
    with pytest.raises(ValidationError, match="cannot be used as a folder name"):
        TerraformStack(app, bad)


def test_context_is_inherited_and_set_before_children(tmp_path: object) -> None:
    app = App(outdir="unused", context={"region": "cn-hangzhou"})
    stack = TerraformStack(app, "net")
    stack.node.set_context("zone", "h")
    inner = Construct(stack, "inner")
    assert inner.node.try_get_context("region") == "cn-hangzhou"
    assert inner.node.try_get_context("zone") == "h"
    assert inner.node.try_get_context("missing") is None
    with pytest.raises(ValidationError, match="after children"):
        stack.node.set_context("late", 1)


def test_context_from_the_cdktf_cli_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CDKTF_CONTEXT_JSON", '{"a": 1, "cdktfRelativeModules": []}')
    monkeypatch.setenv("CDKTF_OUTDIR", "some/out")
    app = App(context={"b": 2})
    assert app.node.try_get_context("a") == 1
    assert app.node.try_get_context("b") == 2
    assert str(app.outdir) == "some/out"


def test_bad_context_json_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CDKTF_CONTEXT_JSON", "{nope")
    with pytest.raises(ValidationError, match="CDKTF_CONTEXT_JSON is not valid JSON"):
        App()


def test_validations_are_collected_from_the_whole_app(app: App) -> None:
    stack = TerraformStack(app, "net")
    Construct(stack, "a").node.add_validation(lambda: ["first problem", "second problem"])
    Construct(stack, "b").node.add_validation(
        lambda: [Problem("net/b", "bad value", field="x.y", rule="my-rule", fix="use z")]
    )
    with pytest.raises(ValidationError) as caught:
        app.synth()
    text = str(caught.value)
    assert text.startswith("3 problems:")
    assert "[net/a] first problem" in text and "[net/a] second problem" in text
    assert "[net/b] x.y: bad value (rule my-rule); fix: use z" in text
    assert not app.outdir.exists()  # nothing written


def test_get_context_is_an_error_when_unset(app: App) -> None:
    app.node.set_context("env", "prod")
    stack = TerraformStack(app, "s")
    assert stack.node.get_context("env") == "prod"
    with pytest.raises(ValidationError) as caught:
        stack.node.get_context("missing")
    assert caught.value.problems[0].rule == "context"
    assert Construct.is_construct(stack) and App.is_app(app) and not App.is_app(stack)


@pytest.mark.parametrize("id", ["Resource", "Default"])
def test_default_child_is_the_child_named_resource_or_default(app: App, id: str) -> None:
    # constructs 10.4 (lib/construct.js, get defaultChild): "Default" or "Resource", else undefined.
    stack = TerraformStack(app, "net")
    wrapper = Construct(stack, "site")
    assert wrapper.node.default_child is None
    Construct(wrapper, "other")
    assert wrapper.node.default_child is None
    main = Construct(wrapper, id)
    assert wrapper.node.default_child is main


def test_default_child_set_wins_and_none_restores_the_lookup(app: App) -> None:
    stack = TerraformStack(app, "net")
    wrapper = Construct(stack, "site")
    resource = Construct(wrapper, "Resource")
    chosen = Construct(wrapper, "Connection")
    wrapper.node.default_child = chosen
    assert wrapper.node.default_child is chosen
    wrapper.node.default_child = None
    assert wrapper.node.default_child is resource


def test_default_child_is_an_error_with_both_resource_and_default(app: App) -> None:
    stack = TerraformStack(app, "net")
    wrapper = Construct(stack, "site")
    Construct(wrapper, "Resource")
    default = Construct(wrapper, "Default")
    with pytest.raises(
        ValidationError,
        match=r"\[net/site\] cannot determine the default child: it has a child with id 'Resource' and one",
    ) as caught:
        _ = wrapper.node.default_child
    assert caught.value.problems[0].rule == "default-child"
    wrapper.node.default_child = default  # the fix the error names
    assert wrapper.node.default_child is default
