"""Every example stack built on the generated bindings says in HCL what its JSON says: python-hcl2 reads the
same document back, and ``terraform validate`` (against the emulator) accepts it. The stack of generic
resources (``generic-site``) writes its arguments through its own subclasses; a plain generic resource is
written as cdktf writes it, with an empty body and a warning."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import hcl2
import pytest
from hcl2.utils import SerializationOptions

from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.alicloud.vpn_customer_gateway import VpnCustomerGateway
from constructs_vpn.core import App, TerraformResource, TerraformStack, Testing
from stacks import build_app
from tests.tooling import require_executable

STACKS = [stack.node.id for stack in build_app(App(outdir="unused")).stacks]
#: Arguments written as bare references or types: python-hcl2 reads them back as ``${...}``.
BARE = {"depends_on", "provider", "type", "to", "from", "ignore_changes", "replace_triggered_by"}
TERRAFORM_HINT = "install Terraform 1.5+ (https://developer.hashicorp.com/terraform/install)"


@pytest.fixture(scope="module")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """The example app synthesized once as HCL: the output folder and each stack's JSON document."""
    outdir = tmp_path_factory.mktemp("hcl") / "cdktf.out"
    result = build_app(App(outdir=outdir, hcl_output=True)).synth()
    return outdir, result.documents


def canonical(value: Any, key: str = "") -> Any:
    """A document with the differences JSON and HCL may legitimately have taken out: ``"//"`` comments,
    python-hcl2's block markers, one block as an object or a one-item list, bare references and numbers."""
    if isinstance(value, Mapping):
        return {k: canonical(v, k) for k, v in value.items() if k not in ("//", "__is_block__")}
    if isinstance(value, list):
        items = [canonical(v, key) for v in value]
        return items[0] if len(items) == 1 and isinstance(items[0], dict) else items
    if isinstance(value, str) and value.isdigit():  # a number argument given as a string is written bare
        return int(value)
    if key in BARE and isinstance(value, str) and value.startswith("${") and value.endswith("}"):
        return value[2:-1]
    return value


def from_hcl(text: str) -> dict[str, Any]:
    """python-hcl2's reading of ``cdk.tf``, shaped as Terraform JSON (labelled blocks as nested objects)."""
    parsed = hcl2.loads(text, serialization_options=SerializationOptions(strip_string_quotes=True))
    document: dict[str, Any] = {}
    for kind, items in parsed.items():
        if kind in ("terraform", "locals"):
            document[kind] = items[0]
        elif kind in ("import", "moved"):
            document[kind] = items
        elif kind == "provider":
            for item in items:
                for name, body in item.items():
                    document.setdefault(kind, {}).setdefault(name, []).append(body)
        else:
            for item in items:
                for label, body in item.items():
                    target = document.setdefault(kind, {})
                    target[label] = {**target.get(label, {}), **body} if kind in ("resource", "data") else body
    return document


@pytest.mark.parametrize("name", STACKS)
def test_hcl_reads_back_as_the_json_document(synthesized: tuple[Path, dict[str, dict[str, Any]]], name: str) -> None:
    outdir, documents = synthesized
    text = (outdir / f"stacks/{name}/cdk.tf").read_text("utf-8")
    expected = canonical(documents[name])
    for variable in expected.get("variable", {}).values():  # cdktf's HCL drops false, 0 and "" (with a warning)
        for key in [k for k, v in variable.items() if v in (False, 0, "")]:
            del variable[key]
    assert canonical(from_hcl(text)) == expected


@pytest.mark.terraform
def test_terraform_fmt_reads_every_stack(synthesized: tuple[Path, dict[str, dict[str, Any]]]) -> None:
    """The app's cdk.tf is unformatted, as cdktf's app leaves it; terraform parses it all the same."""
    terraform = require_executable("terraform", TERRAFORM_HINT)
    outdir, _ = synthesized
    done = subprocess.run(
        [terraform, "fmt", "-write=false", "-list=false", "-recursive", "-no-color", str(outdir)],
        capture_output=True,
        text=True,
        env={"CHECKPOINT_DISABLE": "1", "TF_CLI_CONFIG_FILE": "/dev/null", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.terraform
def test_terraform_validate_accepts_every_stack(
    synthesized: tuple[Path, dict[str, dict[str, Any]]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    from constructs_vpn.emulator import install
    from tests.emulator.harness import Workspace, terraform_binary

    terraform = terraform_binary()
    root = tmp_path_factory.mktemp("validate")
    env = install(root / "emulator").environment()
    outdir, _ = synthesized

    def validate(name: str, text: str) -> str:
        workspace = Workspace(root / name, terraform, env)
        workspace.directory.mkdir()
        (workspace.directory / "cdk.tf").write_text(text, encoding="utf-8")
        workspace.run("init", "-backend=false", "-no-color", "-input=false")
        run = workspace.run("validate", "-no-color", expect=None)
        return f"{name}: exit {run.code}\n{run.output}"

    jobs = {name: (outdir / f"stacks/{name}/cdk.tf").read_text("utf-8") for name in STACKS}
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(jobs, pool.map(validate, jobs, jobs.values()), strict=True))
    assert all(": exit 0\n" in result for result in results.values()), "\n".join(results.values())


def test_a_plain_generic_resource_writes_an_empty_hcl_body_as_cdktf(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The engine stays cdktf's: only a class's ``_synthesize_hcl_attributes`` is written, with a warning."""
    app = App(outdir=tmp_path / "out", hcl_output=True)
    stack = TerraformStack(app, "plain")
    TerraformResource(stack, "cgw", terraform_resource_type="alicloud_vpn_customer_gateway",
                      attributes={"ip_address": "203.0.113.10"})  # fmt: skip
    with caplog.at_level("WARNING", logger="constructs_vpn"):
        app.synth()
    assert 'resource "alicloud_vpn_customer_gateway" "cgw" {\n}' in (tmp_path / "out/stacks/plain/cdk.tf").read_text()
    assert any("plain: cdk.tf leaves out arguments" in r.getMessage() for r in caplog.records)


def test_an_import_generating_configuration_names_its_address_bare() -> None:
    """As cdktf's ImportableResource: ``to`` is a reference (HCL rejects a quoted address there)."""
    stack = TerraformStack(Testing.app(), "s")
    provider = AlicloudProvider(stack, "alicloud", region="cn-hangzhou", alias="hz")
    VpnCustomerGateway.generate_config_for_import(stack, "cgw", "cgw-123", provider=provider)
    text = Testing.synth_hcl(stack)
    assert 'import {\nto = alicloud_vpn_customer_gateway.cgw\nid = "cgw-123"\nprovider = alicloud.hz\n}' in text
