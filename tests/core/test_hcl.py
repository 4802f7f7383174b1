"""HCL output (``cdk.tf``): escaping, blocks versus object arguments, meta-arguments, determinism, synthesis."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.core import App, TerraformResource, TerraformStack, ValidationError, hcl
from constructs_vpn.core.errors import SynthError
from constructs_vpn.core.hcl import hcl_metadata, quote, to_hcl


def blocks_of(kind: str, type_name: str) -> Collection[str] | None:
    """A provider that knows one resource type with nested blocks, and a provider block."""
    known = {
        ("resource", "x_vpn"): {"ike_config", "tunnel", "tunnel.ike", "zone"},
        ("provider", "x"): {"assume_role"},
    }
    return known.get((kind, type_name))


def resource(body: dict[str, Any], type_name: str = "x_vpn", name: str = "vpn") -> str:
    return to_hcl({"resource": {type_name: {name: body}}}, blocks_of)


# strings ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('say "hi" \\ now', r'"say \"hi\" \\ now"'),
        ("two\nlines\tand\r", r'"two\nlines\tand\r"'),
        ("bell\x07 del\x7f", r'"bell\u0007 del\u007f"'),
        ('key-${lookup(var.m, "a\\"b")}-x', '"key-${lookup(var.m, "a\\"b")}-x"'),
        ('${format("%s}", var.x)} "q"', '"${format("%s}", var.x)} \\"q\\""'),
        ("$${not.a.reference} and %%{ not a directive }", '"$${not.a.reference} and %%{ not a directive }"'),
        ('%{ if var.on }"on"%{ endif }', '"%{ if var.on }\\"on\\"%{ endif }"'),
        ('${unclosed "x"', '"${unclosed \\"x\\""'),
        ("héllo ↔ 你好", '"héllo ↔ 你好"'),
        ("", '""'),
    ],
)
def test_strings_escape_the_text_and_keep_templates_as_written(text: str, written: str) -> None:
    assert quote(text) == written


def test_a_lone_interpolation_is_written_as_its_expression() -> None:
    text = resource({"a": "${x_cgw.dc.id}", "b": "id-${x_cgw.dc.id}", "c": '${lookup(var.m, "k")}', "d": "${ }"})
    assert text == (
        'resource "x_vpn" "vpn" {\n'
        "  a = x_cgw.dc.id\n"
        '  b = "id-${x_cgw.dc.id}"\n'
        '  c = lookup(var.m, "k")\n'
        '  d = "${ }"\n'
        "}\n"
    )


def test_scalars_lists_and_objects() -> None:
    text = resource(
        {
            "count_of": 3,
            "ratio": 0.5,
            "on": True,
            "none": None,
            "cidrs": ["10.0.0.0/16", "10.1.0.0/16"],
            "long": [f"192.168.{i}.0/24" for i in range(8)],
            "tags": {"Name": "dc1", "team-a": "net", "null": "x", "a b": "c"},
            "empty": {},
        }
    )
    assert text == (
        'resource "x_vpn" "vpn" {\n'
        '  cidrs    = ["10.0.0.0/16", "10.1.0.0/16"]\n'
        "  count_of = 3\n"
        "  empty    = {}\n"
        "  long = [\n" + "".join(f'    "192.168.{i}.0/24",\n' for i in range(8)) + "  ]\n"
        "  none  = null\n"
        "  on    = true\n"
        "  ratio = 0.5\n"
        "  tags = {\n"
        '    Name   = "dc1"\n'
        '    "a b"  = "c"\n'
        '    "null" = "x"\n'
        '    team-a = "net"\n'
        "  }\n"
        "}\n"
    )


# blocks versus arguments -----------------------------------------------------------------------------------
def test_the_lookup_decides_blocks_and_everything_else_is_an_argument() -> None:
    text = resource(
        {
            "//": {"metadata": {"path": "s/vpn"}},
            "ike_config": {"psk": "${var.psk}", "ike_version": "ikev2"},
            "tunnel": [{"index": 1, "ike": {"alg": "aes"}}, {"index": 2, "ike": [{"alg": "aes256"}]}],
            "zone": [],
            "settings": {"ike": {"alg": "des"}},
            "name": "dc1",
        }
    )
    assert text == (
        'resource "x_vpn" "vpn" {\n'
        '  name = "dc1"\n'
        "  settings = {\n"
        "    ike = {\n"
        '      alg = "des"\n'
        "    }\n"
        "  }\n"
        "\n"
        "  ike_config {\n"
        '    ike_version = "ikev2"\n'
        "    psk         = var.psk\n"
        "  }\n"
        "\n"
        "  tunnel {\n"
        "    index = 1\n"
        "\n"
        "    ike {\n"
        '      alg = "aes"\n'
        "    }\n"
        "  }\n"
        "\n"
        "  tunnel {\n"
        "    index = 2\n"
        "\n"
        "    ike {\n"
        '      alg = "aes256"\n'
        "    }\n"
        "  }\n"
        "}\n"
    )


def test_without_knowledge_of_a_type_objects_stay_arguments_as_in_cdktf() -> None:
    text = resource({"ike_config": {"psk": "k"}, "zone": [{"zone_id": "z"}]}, type_name="other_vpn")
    assert text == (
        'resource "other_vpn" "vpn" {\n'
        "  ike_config = {\n"
        '    psk = "k"\n'
        "  }\n"
        "  zone = [\n"
        "    {\n"
        '      zone_id = "z"\n'
        "    },\n"
        "  ]\n"
        "}\n"
    )


def test_terraform_built_in_types_never_take_provider_blocks() -> None:
    def everything(kind: str, type_name: str) -> set[str]:
        return {"config", "input"}

    document = {
        "data": {"terraform_remote_state": {"a": {"backend": "local", "config": {"path": "a.tfstate"}}}},
        "resource": {"terraform_data": {"b": {"input": {"k": "v"}}}},
    }
    text = to_hcl(document, everything)
    assert '  config = {\n    path = "a.tfstate"\n  }\n' in text
    assert '  input = {\n    k = "v"\n  }\n' in text


def test_provider_blocks_and_aliases() -> None:
    document = {"provider": {"x": [{"region": "r1"}, {"alias": "b", "region": "r1", "assume_role": {"role_arn": "a"}}]}}
    assert to_hcl(document, blocks_of) == (
        'provider "x" {\n  region = "r1"\n}\n'
        "\n"
        'provider "x" {\n  alias  = "b"\n  region = "r1"\n\n  assume_role {\n    role_arn = "a"\n  }\n}\n'
    )


# Terraform's own blocks and meta-arguments -----------------------------------------------------------------
def test_meta_arguments_are_references_and_come_first_or_last() -> None:
    text = resource(
        {
            "name": "dc1",
            "provider": "x.account_b",
            "count": "${var.n}",
            "depends_on": ["x_grant.g", "${x_other.o}"],
            "lifecycle": {
                "create_before_destroy": True,
                "ignore_changes": "all",
                "replace_triggered_by": ["x_cgw.dc.id"],
                "precondition": [{"condition": "${var.n > 0}", "error_message": "n must be positive"}],
            },
            "provisioner": [{"local-exec": {"command": 'echo "up"', "connection": {"host": "h"}}}],
        }
    )
    assert text == (
        'resource "x_vpn" "vpn" {\n'
        "  count      = var.n\n"
        "  provider   = x.account_b\n"
        '  name       = "dc1"\n'
        "  depends_on = [x_grant.g, x_other.o]\n"
        "\n"
        "  lifecycle {\n"
        "    create_before_destroy = true\n"
        "    ignore_changes        = all\n"
        "    replace_triggered_by  = [x_cgw.dc.id]\n"
        "\n"
        "    precondition {\n"
        "      condition     = var.n > 0\n"
        '      error_message = "n must be positive"\n'
        "    }\n"
        "  }\n"
        "\n"
        '  provisioner "local-exec" {\n'
        '    command = "echo \\"up\\""\n'
        "\n"
        "    connection {\n"
        '      host = "h"\n'
        "    }\n"
        "  }\n"
        "}\n"
    )


def test_top_level_blocks_in_order() -> None:
    document = {
        "//": {"metadata": {"stackName": "s"}},
        "moved": [{"from": "x_vpn.old", "to": "x_vpn.new"}],
        "import": [{"id": "vco-1", "to": "x_vpn.new", "provider": "x.b"}],
        "output": {"id": {"value": "${x_vpn.new.id}", "depends_on": ["x_vpn.new"], "sensitive": True}},
        "locals": {"site": "dc1"},
        "variable": {
            "psk": {
                "type": "map(string)",
                "default": {"dc1": "k"},
                "validation": [{"condition": "${length(var.psk) > 0}", "error_message": "empty"}],
            }
        },
        "terraform": {
            "backend": {"oss": {"bucket": "b", "assume_role": {"role_arn": "r"}}},
            "required_providers": {"x": {"source": "example/x", "version": "~> 1.0"}},
            "required_version": ">= 1.5",
        },
    }
    assert to_hcl(document, blocks_of) == (
        "terraform {\n"
        '  required_version = ">= 1.5"\n'
        "\n"
        '  backend "oss" {\n'
        '    bucket = "b"\n'
        "\n"
        "    assume_role {\n"
        '      role_arn = "r"\n'
        "    }\n"
        "  }\n"
        "\n"
        "  required_providers {\n"
        "    x = {\n"
        '      source  = "example/x"\n'
        '      version = "~> 1.0"\n'
        "    }\n"
        "  }\n"
        "}\n"
        "\n"
        'variable "psk" {\n'
        "  default = {\n"
        '    dc1 = "k"\n'
        "  }\n"
        "  type = map(string)\n"
        "\n"
        "  validation {\n"
        "    condition     = length(var.psk) > 0\n"
        '    error_message = "empty"\n'
        "  }\n"
        "}\n"
        "\n"
        'locals {\n  site = "dc1"\n}\n'
        "\n"
        'output "id" {\n  sensitive  = true\n  value      = x_vpn.new.id\n  depends_on = [x_vpn.new]\n}\n'
        "\n"
        'import {\n  id       = "vco-1"\n  provider = x.b\n  to       = x_vpn.new\n}\n'
        "\n"
        "moved {\n  from = x_vpn.old\n  to   = x_vpn.new\n}\n"
    )


def test_dynamic_blocks_take_the_shape_of_the_block_they_generate() -> None:
    text = resource(
        {
            "dynamic": {
                "tunnel": {"for_each": "${var.tunnels}", "iterator": "t", "content": {"ike": {"alg": "${t.value}"}}}
            }
        }
    )
    assert text == (
        'resource "x_vpn" "vpn" {\n'
        '  dynamic "tunnel" {\n'
        "    for_each = var.tunnels\n"
        "    iterator = t\n"
        "\n"
        "    content {\n"
        "      ike {\n"
        "        alg = t.value\n"
        "      }\n"
        "    }\n"
        "  }\n"
        "}\n"
    )


def test_what_hcl_cannot_say_is_an_error() -> None:
    with pytest.raises(SynthError, match="'check'"):
        to_hcl({"check": {"c": {}}}, blocks_of)
    with pytest.raises(SynthError, match=r"'bad\.name' is not an HCL argument name"):
        resource({"bad.name": 1})


# determinism, registry, metadata ---------------------------------------------------------------------------
def test_output_is_sorted_whatever_the_insertion_order() -> None:
    body = {"b": 1, "a": {"z": 1, "y": 2}, "ike_config": {"q": 1, "p": 2}}
    document = {"resource": {"x_vpn": {"n2": body, "n1": body}, "x_a": {"n": {}}}, "provider": {"x": [{}]}}
    reversed_document = json.loads(json.dumps(document), object_pairs_hook=lambda pairs: dict(reversed(pairs)))
    text = to_hcl(document, blocks_of)
    assert to_hcl(reversed_document, blocks_of) == text
    headers = [line for line in text.splitlines() if line and not line.startswith(" ") and line != "}"]
    assert headers == ['provider "x" {}', 'resource "x_a" "n" {}', 'resource "x_vpn" "n1" {', 'resource "x_vpn" "n2" {']


def test_registered_lookups_answer_when_none_is_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hcl, "_REGISTERED", [])
    body = {"resource": {"x_vpn": {"vpn": {"ike_config": {"psk": "k"}}}}}
    assert "ike_config = {" in to_hcl(body)
    hcl.register_block_names(lambda kind, type_name: None)
    hcl.register_block_names(blocks_of)
    hcl.register_block_names(blocks_of)
    assert len(hcl._REGISTERED) == 2
    assert "  ike_config {\n" in to_hcl(body)


def test_metadata_keeps_what_cdk_tf_drops() -> None:
    meta = {"metadata": {"path": "s/vpn"}}
    document = {
        "//": {"metadata": {"stackName": "s"}, "outputs": {}},
        "resource": {"x_vpn": {"vpn": {"//": meta, "name": "n"}, "bare": {"name": "m"}}},
        "data": {"x_zones": {"z": {"//": meta}}},
        "terraform": {"backend": {"local": {"path": "p"}}},
        "variable": {"v": {}},
    }
    assert hcl_metadata(document) == {
        "//": {"metadata": {"stackName": "s"}, "outputs": {}},
        "resource": {"x_vpn": {"vpn": {"//": meta}}},
        "data": {"x_zones": {"z": {"//": meta}}},
        "terraform": {"backend": {"local": {"path": "p"}}},
    }
    assert "//" not in to_hcl(document, blocks_of)


# synthesis -------------------------------------------------------------------------------------------------
def _app(outdir: Path, **kwargs: Any) -> App:
    app = App(outdir=outdir, **kwargs)
    stack = TerraformStack(app, "s")
    TerraformResource(stack, "r", terraform_resource_type="x_vpn", attributes={"name": 'dc "1"'})
    return app


def test_app_writes_cdk_tf_and_metadata_with_hcl_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SYNTH_HCL_OUTPUT", raising=False)
    outdir = tmp_path / "cdktf.out"
    result = _app(outdir, hcl_output=True).synth()
    assert sorted(p.name for p in (outdir / "stacks/s").iterdir()) == ["cdk.tf", "metadata.json"]
    entry = json.loads((outdir / "manifest.json").read_text())["stacks"]["s"]
    assert entry["synthesizedStackPath"] == "stacks/s/cdk.tf"
    assert entry["stackMetadataPath"] == "stacks/s/metadata.json"
    assert (outdir / "stacks/s/cdk.tf").read_text() == to_hcl(result.documents["s"])
    assert 'resource "x_vpn" "r" {\n  name = "dc \\"1\\""\n}\n' in (outdir / "stacks/s/cdk.tf").read_text()
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
