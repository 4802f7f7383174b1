"""The real terraform binary accepts every meta-argument and block the engine writes.

Uses only Terraform's built-in provider (``terraform_data``, ``terraform_remote_state``), so no provider
download is needed; alicloud documents are validated against the emulator in tests/emulator.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constructs_vpn.core import (
    App,
    Construct,
    Fn,
    Op,
    TerraformCondition,
    TerraformCount,
    TerraformIterator,
    TerraformLocal,
    TerraformOutput,
    TerraformResource,
    TerraformResourceLifecycle,
    TerraformStack,
    TerraformVariable,
    Token,
    VariableValidation,
)
from tests.tooling import terraform

pytestmark = pytest.mark.terraform


def data(scope: Construct, id: str, **kwargs: object) -> TerraformResource:
    return TerraformResource(scope, id, terraform_resource_type="terraform_data", **kwargs)


def build(outdir: Path) -> App:
    app = App(outdir=outdir)
    base = TerraformStack(app, "base")
    origin = data(base, "origin", attributes={"input": "hello"})
    stack = TerraformStack(app, "meta")
    names = TerraformVariable(
        stack,
        "names",
        type="list(string)",
        default=["a", "b"],
        validation=[VariableValidation(Op.gt(Fn.length_of(Token.raw_expression("var.names")), 0), "need one")],
    )
    psk = TerraformVariable(stack, "psk", type="string", sensitive=True, default="${not-an-expression}")
    local = TerraformLocal(stack, "joined", Fn.join(",", names.list_value))
    group = Construct(stack, "site")
    first = data(group, "first", attributes={"input": f"{local.as_string}-$${{literal}}-%%{{x}}-${{var.names[0]}}"})
    each = TerraformIterator.from_list(names.list_value)
    data(stack, "looped", for_each=each, attributes={"input": each.value}, depends_on=[first])
    counted = data(stack, "counted", count=TerraformCount.of(2), attributes={"input": psk.string_value})
    counted.node.add_dependency(group)
    data(
        stack,
        "guarded",
        attributes={"input": origin.get_string_attribute("output")},  # cross-stack reference
        lifecycle=TerraformResourceLifecycle(
            prevent_destroy=False,
            create_before_destroy=True,
            ignore_changes="all",
            replace_triggered_by=[first],
            precondition=[TerraformCondition(Op.neq(local.expression, ""), "empty")],
        ),
    )
    adopted = data(stack, "adopted", attributes={"input": 1})
    adopted.import_from("some-id")
    adopted.move_from_id("terraform_data.old_name")
    TerraformOutput(stack, "out", value=first.get_string_attribute("id"), depends_on=[counted], sensitive=True)
    return app


def test_terraform_validates_every_construct_kind(tmp_path: Path) -> None:
    app = build(tmp_path / "cdktf.out")
    app.synth()
    for name in ("base", "meta"):
        directory = tmp_path / "cdktf.out/stacks" / name
        init = terraform(directory, "init", "-backend=false", "-input=false")
        assert init.returncode == 0, init.stderr
        result = terraform(directory, "validate", "-json")
        report = json.loads(result.stdout)
        assert report["valid"], report["diagnostics"]
        assert report["error_count"] == 0


HOSTILE = ["${var.x}", "%{if true}yes%{endif}", "$${double}", 'quote " and \\ backslash', "line\nbreak", "ünïcode ✓"]


def test_literal_strings_survive_terraform_unchanged(tmp_path: Path) -> None:
    """With escaping on, every literal comes back from terraform exactly as written (built-in provider only)."""
    from constructs_vpn.core import LocalBackend

    app = App(outdir=tmp_path / "cdktf.out", escape_raw_expressions=True)
    stack = TerraformStack(app, "literals")
    LocalBackend(stack, path=str(tmp_path / "state.tfstate"))
    holder = data(stack, "holder", attributes={"input": HOSTILE})
    for index, text in enumerate(HOSTILE):
        TerraformOutput(stack, f"o{index}", value=text)
    TerraformOutput(stack, "joined", value=Fn.join("|", holder.get_list_attribute("output")))
    app.synth()
    directory = tmp_path / "cdktf.out/stacks/literals"
    assert terraform(directory, "init", "-input=false").returncode == 0
    applied = terraform(directory, "apply", "-auto-approve", "-input=false")
    assert applied.returncode == 0, applied.stderr
    outputs = json.loads(terraform(directory, "output", "-json").stdout)
    assert [outputs[f"o{i}"]["value"] for i in range(len(HOSTILE))] == HOSTILE
    assert outputs["joined"]["value"] == "|".join(HOSTILE)
