"""``constructs-vpn get`` for ``terraformModules``: typed module classes shaped as ``cdktf get`` writes them."""

from __future__ import annotations

import importlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.cli.get import ModuleRequest, get_modules, parse_module
from constructs_vpn.cli.main import main
from constructs_vpn.codegen.modules import ModuleInput, python_name, read_module
from constructs_vpn.core import App, TerraformIterator, TerraformOutput, TerraformStack
from constructs_vpn.core.errors import ConstructsVpnError

from .conftest import importable, write_project

NET = Path(__file__).parent / "fixtures/modules/lan"


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("./modules/lan", ModuleRequest("lan", "./modules/lan", None, "modules/lan")),
        ("../common/net/", ModuleRequest("net", "../common/net/", None, "common/net")),
        (
            "terraform-aws-modules/vpc/aws@5.0.0",
            ModuleRequest("vpc", "terraform-aws-modules/vpc/aws", "5.0.0", "terraform-aws-modules/vpc/aws"),
        ),
        (
            "terraform-aws-modules/eks/aws//modules/self-managed-node-group",
            ModuleRequest(
                "self-managed-node-group",
                "terraform-aws-modules/eks/aws//modules/self-managed-node-group",
                None,
                "terraform-aws-modules/eks/aws/modules/self-managed-node-group",
            ),
        ),
        (
            {"name": "my-local-module", "source": "./path/to/module", "version": "1.0"},
            ModuleRequest("my-local-module", "./path/to/module", "1.0", "my-local-module"),
        ),
    ],
)
def test_module_entries_are_read_as_cdktf_reads_them(entry: Any, expected: ModuleRequest) -> None:
    assert parse_module(entry) == expected


def test_packages_are_cdktfs_python_names() -> None:
    """cdktf's srcMakName for Python (construct-maker-target.test.ts)."""
    assert parse_module("terraform-aws-modules/eks/aws//modules/self-managed-node-group").package == (
        "terraform_aws_modules.eks.aws.modules.self_managed_node_group"
    )
    assert parse_module({"name": "my-local-module", "source": "./x"}).package == "my_local_module"
    assert parse_module("./modules/lan").package == "lan"  # cdktf-cli 0.21 writes imports/lan for a local module


def test_variables_and_outputs_are_read_from_the_tf_files() -> None:
    spec = read_module(NET)
    assert spec.inputs == (
        ModuleInput("name", "string", True, "The network's name."),
        ModuleInput("cidr_block", "string", False),
        ModuleInput("zones", "list(string)", False),
        ModuleInput("tags", "map(string)", False),
        ModuleInput("enabled", "bool", False),  # no type: guessed from the default, as cdktf does
        ModuleInput("lambda", "number", False),
        ModuleInput("settings", "object({mtu = number})", True),
    )
    assert spec.outputs == ("network_id", "zone_count")


@pytest.mark.parametrize(
    ("name", "python"),
    [
        ("cidr_block", "cidr_block"),
        ("name-with-dashes", "name_with_dashes"),
        ("self", "self_attribute"),
        ("get_token", "fetch_token"),
        ("node", "node_attribute"),
        ("lambda", "lambda_"),
        ("source", "source_"),
        ("for_each", "for_each_"),
    ],
)
def test_names_are_jsiis(name: str, python: str) -> None:
    assert python_name(name) == python


@pytest.fixture
def net_project(tmp_path: Path) -> Path:
    project = write_project(tmp_path / "app", {"terraformModules": ["./modules/lan"]})
    shutil.copytree(NET, project / "modules/lan")
    return project


def test_a_generated_module_class_synthesizes_as_cdktfs(net_project: Path, capsys: Any) -> None:
    assert main(["get", "--dir", str(net_project)]) == 0
    progress = capsys.readouterr().out.splitlines()
    assert progress[0].startswith("generated module lan (./modules/lan): 7 variables, 2 outputs in ")
    assert progress[-1].startswith("1 module(s) written to ")
    with importable(net_project):
        net_class = importlib.import_module("imports.lan").Lan
        stack = TerraformStack(App(), "s")
        net = net_class(stack, "net", name="core", settings={"mtu": 1400}, lambda_=2, tags={"env": "lab"})
        net.cidr_block = "10.1.0.0/16"
        looped = net_class(
            stack, "looped", name="x", settings={}, for_each=TerraformIterator.from_list(["a"]), depends_on=[net]
        )
        assert net.name == "core" and net.zones is None
        TerraformOutput(stack, "id", value=net.network_id_output)
        TerraformOutput(stack, "zones", value=looped.zone_count_output)
        document = stack.to_terraform()
    modules = document["module"]
    assert document["output"]["id"]["value"] == "${module.net.network_id}"
    assert document["output"]["zones"]["value"] == "${module.looped.*.zone_count}"
    assert {k: v for k, v in modules["net"].items() if k != "//"} == {
        "name": "core",
        "cidr_block": "10.1.0.0/16",
        "tags": {"env": "lab"},
        "lambda": 2,
        "settings": {"mtu": 1400},
        "source": "./modules/lan",
    }
    assert modules["looped"]["depends_on"] == ["module.net"]


def test_a_module_without_required_variables_is_a_type_error(net_project: Path) -> None:
    assert main(["get", "--dir", str(net_project)]) == 0
    with importable(net_project):
        net_class = importlib.import_module("imports.lan").Lan
        with pytest.raises(TypeError, match="name"):
            net_class(TerraformStack(App(), "s"), "net", settings={})


def test_registry_modules_are_read_after_terraform_get(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As cdktf: ``terraform get`` in a temporary folder, then the folder ``modules.json`` names (a fake terraform
    here, which "downloads" the fixture module)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    index = {"Modules": [{"Key": "terraform-aws-modules_vpc_aws", "Source": "x", "Dir": ".terraform/modules/vpc"}]}
    fake = bin_dir / "terraform"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> {log}; cat main.tf.json >> {log}; echo >> {log}\n'
        f"mkdir -p .terraform/modules && cp -r {NET} .terraform/modules/vpc\n"
        f"echo '{json.dumps(index)}' > .terraform/modules/modules.json\n",
        "utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    output = tmp_path / "imports"
    get_modules([parse_module("terraform-aws-modules/vpc/aws@5.0.0")], output, tmp_path)
    calls = log.read_text("utf-8").splitlines()
    assert calls[0] == "get -no-color"
    assert json.loads(calls[1]) == {
        "module": {"terraform-aws-modules_vpc_aws": {"source": "terraform-aws-modules/vpc/aws", "version": "5.0.0"}}
    }
    source = (output / "terraform_aws_modules/vpc/aws/__init__.py").read_text("utf-8")
    assert "class Vpc(TerraformModule):" in source
    assert 'source="terraform-aws-modules/vpc/aws",\n            version="5.0.0",' in source


def test_modules_never_mix_with_cdktf_gets_output(net_project: Path) -> None:
    jsii = net_project / "imports/lan/_jsii"
    jsii.mkdir(parents=True)
    (jsii / "__init__.py").write_text("import jsii\n", encoding="utf-8")
    with pytest.raises(ConstructsVpnError, match="was not written by constructs-vpn get"):
        get_modules([parse_module("./modules/lan")], net_project / "imports", net_project)
