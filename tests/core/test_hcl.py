"""``cdk.tf`` as cdktf 0.21's app writes it (``hcl_render``, a port of its render.ts): typed arguments, cdktf's
guesses for untyped ones, and what the app tells the user when HCL loses arguments the JSON has.

The byte-for-byte comparison with the real cdktf is tests/differential (apps ``hcl*``); these tests pin the
rules one by one, so a regression names the rule it broke."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from constructs_vpn.core import App, TerraformResource, TerraformStack, Testing, ValidationError
from constructs_vpn.core.hcl_render import js_entries, keys_to_snake_case, render_attributes, typed


class Typed(TerraformResource):
    """A class that types its HCL arguments, as generated bindings do."""

    def __init__(self, scope: TerraformStack, id: str, hcl: dict[str, Any]) -> None:
        super().__init__(scope, id, terraform_resource_type="x_typed", attributes={"name": "json"})
        self._hcl = hcl

    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        return self._hcl


def test_typed_arguments_become_blocks_lists_maps_and_scalars() -> None:
    text = render_attributes(
        {
            "name": typed('a "b"', "simple", "string"),
            "port": typed(8080, "simple", "number"),
            "on": typed(False, "simple", "boolean"),
            "zones": typed(["z1", "z2"], "list", "stringList"),
            "tags": typed({"env": "dev", "team name": "n"}, "map", "stringMap"),
            "ike": typed({"version": typed("ikev2", "simple", "string")}, "list", "IkeList", is_block=True),
            "rules": typed([{"from": 1}, {"from": 2}], "set", "RuleList", is_block=True),
            "ref": typed("${var.x}", "simple", "number"),
        }
    )
    assert text == (
        'name = "a \\"b\\""\nport = 8080\non = false\nzones = [\n"z1",\n"z2"\n]\n'
        'tags = {\nenv = "dev"\n"team name" = "n"\n}\nike {\nversion = "ikev2"\n}\n'
        'rules {\nfrom = 1\n}\nrules {\nfrom = 2\n}\nref = "${var.x}"'
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("plain", '"plain"'),
        ('say "hi"', '"say \\"hi\\""'),
        # where cdktf pastes the text or writes a number, the engine writes the string (docs/from-cdktf.md)
        ('"${var.a}" "b"', '"\\"${var.a}\\" \\"b\\""'),
        ("42", '"42"'),
        ("007", '"007"'),
        ('{"a": 1}', '"{\\"a\\": 1}"'),
        ("", '""'),
        (True, "true"),
        (1.0, "1"),
        ([1, "a"], '[\n1,\n"a",\n]'),
    ],
)
def test_untyped_arguments_are_written_from_their_python_type(value: Any, written: str) -> None:
    assert render_attributes({"a": value}) == f"a = {written}"


def test_lifecycle_is_a_block_and_a_newline_makes_a_heredoc_when_typed() -> None:
    assert render_attributes({"lifecycle": {"prevent_destroy": True}}) == "lifecycle {\n  prevent_destroy = true\n}"
    # a heredoc's value ends with a newline: only text that ends with one is written as a heredoc
    assert render_attributes({"t": typed("a\nb\n", "simple", "string")}) == "t = <<EOF\na\nb\nEOF"
    assert render_attributes({"t": typed("a\nb", "simple", "string")}) == 't = "a\\nb"'


@given(st.dictionaries(st.from_regex(r"[a-z0-9]{1,4}", fullmatch=True), st.integers(), max_size=8))
def test_keys_come_in_javascript_order(mapping: dict[str, int]) -> None:
    keys = [k for k, _ in js_entries(mapping)]
    numeric = [k for k in keys if k.isdigit() and (k == "0" or not k.startswith("0"))]
    assert keys[: len(numeric)] == sorted(numeric, key=int)
    assert keys[len(numeric) :] == [k for k in mapping if k not in numeric]


def test_keys_to_snake_case_leaves_tags_alone() -> None:
    assert keys_to_snake_case({"maxRetries": 1, "tags": {"CostCenter": "x"}, "nested": [{"fooBar": 1}]}) == {
        "max_retries": 1,
        "tags": {"CostCenter": "x"},
        "nested": [{"foo_bar": 1}],
    }


def test_a_typed_class_keeps_its_arguments_and_a_generic_one_is_emptied() -> None:
    stack = TerraformStack(Testing.app(), "s")
    Typed(stack, "t", {"name": typed("hcl", "simple", "string")})
    TerraformResource(stack, "g", terraform_resource_type="x_generic", attributes={"name": "json"})
    text = Testing.synth_hcl(stack)
    assert 'resource "x_typed" "t" {\nname = "hcl"\n}' in text
    assert 'resource "x_generic" "g" {\n}' in text
    metadata = json.loads(Testing.synth_hcl(stack, return_metadata=True))
    assert metadata["resource"]["x_generic"]["g"]["//"]["metadata"]["path"] == "s/g"


def test_the_app_warns_when_cdk_tf_loses_arguments(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = App(outdir=tmp_path / "out", hcl_output=True)
    stack = TerraformStack(app, "s")
    TerraformResource(stack, "g", terraform_resource_type="x_generic", attributes={"name": "json", "size": 1})
    Typed(stack, "t", {"name": typed("hcl", "simple", "string")})
    with caplog.at_level(logging.WARNING, "constructs_vpn"):
        app.synth()
    [warning] = [r.getMessage() for r in caplog.records if "leaves out" in r.getMessage()]
    assert "x_generic.g: name, size" in warning
    assert "x_typed" not in warning
    assert "leaves out" not in (tmp_path / "out/stacks/s/cdk.tf").read_text()


# synthesis -------------------------------------------------------------------------------------------------
def _app(outdir: Path, **kwargs: Any) -> App:
    app = App(outdir=outdir, **kwargs)
    stack = TerraformStack(app, "s")
    TerraformResource(stack, "r", terraform_resource_type="x_vpn", attributes={"name": 'dc "1"'})
    return app


def test_app_writes_cdk_tf_and_metadata_with_hcl_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SYNTH_HCL_OUTPUT", raising=False)
    outdir = tmp_path / "cdktf.out"
    _app(outdir, hcl_output=True).synth()
    assert sorted(p.name for p in (outdir / "stacks/s").iterdir()) == ["cdk.tf", "metadata.json"]
    entry = json.loads((outdir / "manifest.json").read_text())["stacks"]["s"]
    assert entry["synthesizedStackPath"] == "stacks/s/cdk.tf"
    assert entry["stackMetadataPath"] == "stacks/s/metadata.json"
    assert (outdir / "stacks/s/cdk.tf").read_text().endswith('resource "x_vpn" "r" {\n}')
    metadata = json.loads((outdir / "stacks/s/metadata.json").read_text())
    assert metadata["//"]["metadata"]["stackName"] == "s"
    assert metadata["resource"]["x_vpn"]["r"]["//"]["metadata"]["path"] == "s/r"


@pytest.mark.parametrize(("env", "keyword", "written"), [("true", False, "cdk.tf"), ("false", True, "cdk.tf.json")])
def test_synth_hcl_output_from_the_cdktf_cli_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: str, keyword: bool, written: str
) -> None:
    monkeypatch.setenv("SYNTH_HCL_OUTPUT", env)
    _app(tmp_path / "out", hcl_output=keyword).synth()
    assert (tmp_path / "out/stacks/s" / written).is_file()


def test_switching_format_leaves_no_stale_stack_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SYNTH_HCL_OUTPUT", raising=False)
    outdir = tmp_path / "cdktf.out"
    _app(outdir).synth()
    (outdir / "stacks/s/.terraform").mkdir()
    _app(outdir, hcl_output=True).synth()
    assert sorted(p.name for p in (outdir / "stacks/s").iterdir()) == [".terraform", "cdk.tf", "metadata.json"]
    _app(outdir).synth()
    assert sorted(p.name for p in (outdir / "stacks/s").iterdir()) == [".terraform", "cdk.tf.json"]


def test_an_invalid_app_writes_no_hcl(tmp_path: Path) -> None:
    app = App(outdir=tmp_path / "out", hcl_output=True)
    TerraformResource(TerraformStack(app, "s"), "r", terraform_resource_type="x", attributes={"n": float("nan")})
    with pytest.raises(ValidationError):
        app.synth()
    assert not (tmp_path / "out").exists()
