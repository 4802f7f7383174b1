"""``constructs-vpn get``: cdktf.json in, cdktf get's layout out, from the same generator as constructs_vpn.alicloud."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.alicloud.schema.regenerate import PACKAGE_DIR, bindings
from constructs_vpn.cli.get import ProviderRequest, get, parse_provider
from constructs_vpn.cli.main import main
from constructs_vpn.core import App, TerraformOutput, TerraformStack, ValidationError
from constructs_vpn.core.annotations import collect
from constructs_vpn.core.errors import ConstructsVpnError

from .conftest import importable, schema_document, write_project


def _without_hint(text: str) -> list[str]:
    """A generated file without its second banner line (how to regenerate differs: get vs the project)."""
    lines = text.splitlines()
    return [lines[0], *lines[2:]]


def test_get_writes_the_project_bindings(alicloud_project: Path) -> None:
    """The project's own bindings are this generator's output: every module byte for byte (banner hint aside)."""
    out = alicloud_project / "imports" / "alicloud"
    expected = {name for name in bindings() if name != "__init__.py"}
    written = {p.relative_to(out).as_posix() for p in out.rglob("*.py")} - {"__init__.py"}
    assert written == expected
    for name in sorted(expected):
        ours = (out / name).read_text(encoding="utf-8")
        assert _without_hint(ours) == _without_hint((PACKAGE_DIR / name).read_text(encoding="utf-8")), name
        assert ours.splitlines()[1] == "# Rerun constructs-vpn get to regenerate."


def test_layout_and_names_are_cdktf_gets(alicloud_project: Path) -> None:
    out = alicloud_project / "imports" / "alicloud"
    for package in ("provider", "vpn_gateway_vpn_attachment", "data_alicloud_cen_transit_router_route_tables"):
        assert (out / package / "__init__.py").is_file()
    init = (out / "__init__.py").read_text(encoding="utf-8")
    assert '"vpn_gateway_vpn_attachment",' in init
    assert "import " not in init.split('"""')[-1]  # lists the submodules, imports none of them


def test_progress_line_per_provider_and_summary(tmp_path: Path, alicloud_schema_file: Path, capsys: Any) -> None:
    project = write_project(tmp_path, {"terraformProviders": [{"name": "ali", "source": "aliyun/alicloud"}]})
    output = tmp_path / "gen"
    assert main(["get", "--dir", str(project), "--schema", str(alicloud_schema_file), "--output", str(output)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("generated ali (aliyun/alicloud 1.289.0): 23 resources, 19 data sources in ")
    assert out[1].startswith(f"1 provider(s), 42 types written to {output} in ")
    assert (output / "ali" / "provider" / "__init__.py").is_file()


def test_code_maker_output_is_honoured_and_stale_types_removed(tmp_path: Path) -> None:
    schema = _example_schema()
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema_document("registry.terraform.io/example/thing", schema)), encoding="utf-8")
    project = write_project(tmp_path / "app", {"terraformProviders": ["example/thing@1.0.0"], "codeMakerOutput": "gen"})
    assert main(["get", "--dir", str(project), "--schema", str(path)]) == 0
    assert (project / "gen/thing/widget/__init__.py").is_file()
    del schema["resource_schemas"]["thing_widget"]
    path.write_text(json.dumps(schema_document("registry.terraform.io/example/thing", schema)), encoding="utf-8")
    assert main(["get", "--dir", str(project), "--schema", str(path)]) == 0
    assert not (project / "gen/thing/widget").exists()
    assert (project / "gen/thing/data_thing_info/__init__.py").is_file()


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("aliyun/alicloud@~> 1.289", ProviderRequest("alicloud", "aliyun/alicloud", "~> 1.289")),
        ("aliyun/alicloud", ProviderRequest("alicloud", "aliyun/alicloud", None)),
        ("random@3.6.0", ProviderRequest("random", "hashicorp/random", "3.6.0")),
        (
            {"name": "ali", "source": "aliyun/alicloud", "version": "1.289.0"},
            ProviderRequest("ali", "aliyun/alicloud", "1.289.0"),
        ),
    ],
)
def test_provider_entries_are_read_as_cdktf_reads_them(entry: Any, expected: ProviderRequest) -> None:
    assert parse_provider(entry) == expected


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({}, 'no "terraformProviders" or "terraformModules"'),
        ({"terraformProviders": [7]}, "is not"),
        ({"terraformModules": ["git::https://example.com/m.git"]}, "terraformModules entry .* is not a local path"),
        ({"terraformModules": ["./missing"]}, "no .tf files"),
        ({"terraformProviders": ["other/thing"]}, "has no provider registry.terraform.io/other/thing"),
    ],
)
def test_mistakes_are_one_clean_error(tmp_path: Path, alicloud_schema_file: Path, config: Any, message: str) -> None:
    project = write_project(tmp_path, config)
    with pytest.raises(ConstructsVpnError, match=message):
        from constructs_vpn.cli.get import run
        from constructs_vpn.cli.main import build_parser

        run(build_parser().parse_args(["get", "--dir", str(project), "--schema", str(alicloud_schema_file)]))


def test_cdktf_gets_output_is_never_mixed_with_ours(tmp_path: Path, alicloud_schema_file: Path) -> None:
    project = write_project(tmp_path, {"terraformProviders": ["aliyun/alicloud"]})
    jsii = project / "imports/alicloud/_jsii"
    jsii.mkdir(parents=True)
    (jsii / "__init__.py").write_text("import jsii\n", encoding="utf-8")
    with pytest.raises(ConstructsVpnError, match=r"_jsii/__init__.py was not written by constructs-vpn get"):
        get([parse_provider("aliyun/alicloud")], project / "imports", schema_file=alicloud_schema_file)
    assert (jsii / "__init__.py").is_file()
    assert not (project / "imports/alicloud/provider").exists()


def test_no_cdktf_json_says_where_to_run(tmp_path: Path) -> None:
    assert main(["get", "--dir", str(tmp_path)]) == 1


# --- the cdktf API of the generated classes ---------------------------------------------------------------------
def _stack() -> TerraformStack:
    return TerraformStack(App(outdir="/nonexistent"), "site")


def _synth(stack: TerraformStack) -> dict[str, Any]:
    return stack.to_terraform()


def test_setters_reset_put_and_input_as_in_cdktf(on_path: Path) -> None:
    cgw_module = importlib.import_module("imports.alicloud.vpn_customer_gateway")
    va_module = importlib.import_module("imports.alicloud.vpn_gateway_vpn_attachment")
    stack = _stack()
    cgw = cgw_module.VpnCustomerGateway(stack, "cgw", ip_address="203.0.113.10", description="office")
    cgw.reset_description()
    cgw.tags = {"team": "net"}
    assert cgw.description_input is None
    assert cgw.ip_address_input == "203.0.113.10"
    att = va_module.VpnGatewayVpnAttachment(
        stack, "vpn", customer_gateway_id=cgw.id, local_subnet="10.0.0.0/16", remote_subnet="192.168.0.0/16"
    )
    att.put_ike_config(ike_version="ikev2", psk="secret-1")
    att.ike_config.ike_version = "ikev1"
    att.put_ipsec_config(ipsec_pfs="group14")
    att.ipsec_config.reset_ipsec_pfs()
    TerraformOutput(stack, "psk", value=att.ike_config.psk, sensitive=True)
    TerraformOutput(stack, "tunnel", value=att.tunnel_options_specification.get(0).tunnel_ike_config.psk)
    document = _synth(stack)
    body = document["resource"]["alicloud_vpn_gateway_vpn_attachment"]["vpn"]
    assert body["ike_config"] == {"ike_version": "ikev1", "psk": "secret-1"}
    assert body["ipsec_config"] == {}
    assert att.ike_config.ike_version_input == "ikev1"
    assert document["resource"]["alicloud_vpn_customer_gateway"]["cgw"]["tags"] == {"team": "net"}
    assert document["output"]["psk"]["value"] == "${alicloud_vpn_gateway_vpn_attachment.vpn.ike_config[0].psk}"
    assert document["output"]["tunnel"]["value"] == (
        '${tolist(alicloud_vpn_gateway_vpn_attachment.vpn.tunnel_options_specification).0["tunnel_ike_config[0].psk"]}'
    )


def test_setters_keep_the_validation(on_path: Path) -> None:
    va_module = importlib.import_module("imports.alicloud.vpn_gateway_vpn_attachment")
    stack = _stack()
    att = va_module.VpnGatewayVpnAttachment(
        stack, "vpn", customer_gateway_id="cgw-1", local_subnet="10.0.0.0/16", remote_subnet="192.168.0.0/16"
    )
    with pytest.raises(ValidationError) as error:
        att.put_ike_config(ike_version="ikev3", psk="do-not-print")
    problem = error.value.problems[0]
    assert (problem.path, problem.field, problem.rule) == ("site/vpn", "ike_config.ike_version", "enum")
    assert "do-not-print" not in str(error.value)
    with pytest.raises(ValidationError):
        att.network_type = "satellite"
    reference = att.customer_gateway_id
    att.network_type = reference  # a token is always accepted
    assert att.network_type_input == reference


def test_typed_getters_and_resource_type(on_path: Path) -> None:
    tra_module = importlib.import_module("imports.alicloud.cen_transit_router_vpn_attachment")
    data_module = importlib.import_module("imports.alicloud.data_alicloud_cen_transit_router_route_tables")
    stack = _stack()
    tra = tra_module.CenTransitRouterVpnAttachment(
        stack, "tra", transit_router_id="tr-1", vpn_id="vco-1", zone=[{"zone_id": "cn-hangzhou-h"}]
    )
    tables = data_module.DataAlicloudCenTransitRouterRouteTables(stack, "tables", transit_router_id="tr-1")
    assert tra_module.CenTransitRouterVpnAttachment.TF_RESOURCE_TYPE == "alicloud_cen_transit_router_vpn_attachment"
    TerraformOutput(stack, "zone", value=tra.zone.get(0).zone_id)
    TerraformOutput(stack, "table", value=tables.tables.get(0).id)
    TerraformOutput(stack, "ids", value=tables.ids)
    outputs = _synth(stack)["output"]
    assert outputs["zone"]["value"] == "${tolist(alicloud_cen_transit_router_vpn_attachment.tra.zone).0.zone_id}"
    assert outputs["table"]["value"] == "${data.alicloud_cen_transit_router_route_tables.tables.tables[0].id}"
    assert outputs["ids"]["value"] == "${data.alicloud_cen_transit_router_route_tables.tables.ids}"


def test_the_construct_id_is_id_underscore_where_cdktfs_bindings_name_it_so(on_path: Path) -> None:
    """jsii renames the construct id ``id_`` when the config has an ``id`` argument (every alicloud resource and
    data source); the provider, without one, keeps ``id``."""
    gateway = importlib.import_module("imports.alicloud.vpn_customer_gateway").VpnCustomerGateway
    provider = importlib.import_module("imports.alicloud.provider").AlicloudProvider
    stack = _stack()
    provider(stack, id="hangzhou", region="cn-hangzhou")
    gateway(stack, id_="office", ip_address="203.0.113.10")
    assert list(_synth(stack)["resource"]["alicloud_vpn_customer_gateway"]) == ["office"]
    with pytest.raises(TypeError, match="id"):
        gateway(stack, id="other", ip_address="203.0.113.11")


# --- any provider -------------------------------------------------------------------------------------------------
def _example_schema() -> dict[str, Any]:
    """A small provider schema with the type shapes ``get`` must handle beyond alicloud's."""
    return {
        "provider": {"version": 0, "block": {"attributes": {"endpoint": {"type": "string", "optional": True}}}},
        "resource_schemas": {
            "thing_widget": {
                "version": 0,
                "block": {
                    "attributes": {
                        "id": {"type": "string", "optional": True, "computed": True},
                        "name": {"type": "string", "required": True},
                        "size": {"type": "number", "optional": True},
                        "labels": {"type": ["map", "string"], "optional": True},
                        "matrix": {"type": ["list", ["list", "string"]], "computed": True},
                        "status": {"type": ["object", {"phase": "string", "ready": "bool"}], "computed": True},
                        "from": {"type": "number", "optional": True},
                        "schema": {"type": "string", "optional": True},
                        "ports": {"type": ["set", "number"], "optional": True},
                        "settings": {"type": ["object", {"mode": "string"}], "optional": True},
                    },
                    "block_types": {
                        "rule": {
                            "nesting_mode": "list",
                            "block": {"attributes": {"port": {"type": "number", "required": True}}},
                        }
                    },
                },
            }
        },
        "data_source_schemas": {
            "thing_info": {"version": 0, "block": {"attributes": {"value": {"type": "string", "computed": True}}}}
        },
    }


def test_any_provider_gets_typed_bindings(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema_document("registry.terraform.io/example/thing", _example_schema())), "utf-8")
    project = write_project(tmp_path / "app", {"terraformProviders": ["example/thing@1.0.0"]})
    assert main(["get", "--dir", str(project), "--schema", str(path)]) == 0
    with importable(project):
        widget = importlib.import_module("imports.thing.widget")
        provider = importlib.import_module("imports.thing.provider")
        stack = _stack()
        provider.ThingProvider(stack, "thing", endpoint="https://example.test")
        w = widget.Widget(stack, "w", name="a", rule=[{"port": 80}], from_=1, schema_="v2", settings={"mode": "x"})
        w.size = 3
        w.ports = [443, 80]
        with pytest.raises(ValidationError) as error:
            w.ports = ["https"]
        assert (error.value.problems[0].field, error.value.problems[0].rule) == ("ports[0]", "type")
        with pytest.raises(ValidationError):
            w.size = "three"
        TerraformOutput(stack, "phase", value=w.status.phase)
        TerraformOutput(stack, "row", value=w.matrix.get(1))
        TerraformOutput(stack, "port", value=w.rule.get(0).port)
        document = _synth(stack)
    assert document["resource"]["thing_widget"]["w"] == {
        "//": {"metadata": {"path": "site/w", "uniqueId": "w"}},
        "name": "a",
        "rule": [{"port": 80}],
        "size": 3,
        "from": 1,
        "schema": "v2",
        "ports": [443, 80],
        "settings": {"mode": "x"},
    }
    assert document["terraform"]["required_providers"]["thing"] == {"source": "example/thing", "version": "1.0.0"}
    assert document["output"]["phase"]["value"] == "${thing_widget.w.status.phase}"
    assert document["output"]["row"]["value"] == "${thing_widget.w.matrix[1]}"
    assert document["output"]["port"]["value"] == "${thing_widget.w.rule[0].port}"


def test_generate_config_for_import_writes_cdktfs_import_blocks(on_path: Path) -> None:
    """The import blocks of cdktf 0.21 for the same two calls (observed with the cdktf Python package)."""
    cgw_module = importlib.import_module("imports.alicloud.vpn_customer_gateway")
    provider_module = importlib.import_module("imports.alicloud.provider")
    stack = _stack()
    provider = provider_module.AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
    cgw_module.VpnCustomerGateway.generate_config_for_import(stack, "old_cgw", "vcg-123")
    cgw_module.VpnCustomerGateway.generate_config_for_import(stack, "old_cgw2", "vcg-456", provider=provider)
    assert _synth(stack)["import"] == [
        {"id": "vcg-123", "to": "alicloud_vpn_customer_gateway.old_cgw"},
        {"id": "vcg-456", "provider": "alicloud", "to": "alicloud_vpn_customer_gateway.old_cgw2"},
    ]


def test_imports_generating_configuration_are_listed_in_the_metadata(on_path: Path) -> None:
    cgw_module = importlib.import_module("imports.alicloud.vpn_customer_gateway")
    stack = _stack()
    cgw_module.VpnCustomerGateway.generate_config_for_import(stack, "old_cgw", "vcg-123")
    assert _synth(stack)["//"]["metadata"]["importsGeneratingConfiguration"] == ["old_cgw"]


# --- the schema from terraform ------------------------------------------------------------------------------------
def _project_with_alicloud(folder: Path) -> Path:
    return write_project(folder, {"terraformProviders": ["aliyun/alicloud@~> 1.289"]})


def test_without_terraform_the_error_names_both_ways_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ConstructsVpnError, match=r"terraform is not on PATH: install it, or pass --schema FILE"):
        get([parse_provider("aliyun/alicloud")], tmp_path / "imports")


TERRAFORM_SAYS = """\
Error: Failed to query available provider packages

Could not retrieve the list of available versions for provider hashicorp/random: could not connect to
registry.terraform.io: failed to request discovery document: dial tcp: lookup registry.terraform.io"""


@pytest.mark.parametrize(
    ("providers", "emulator"),
    [(["aliyun/alicloud@~> 1.289"], True), (["aliyun/alicloud@~> 1.289", "hashicorp/random@3.6.0"], False)],
)
def test_a_failing_terraform_init_says_how_to_work_offline(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    providers: list[str],
    emulator: bool,
) -> None:
    """Terraform's message comes through whole, line for line; the emulator is advised only when it can serve
    every provider asked for (it serves aliyun/alicloud alone), --schema always."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "terraform"
    fake.write_text(f"#!/bin/sh\nprintf '%s\\n' '{TERRAFORM_SAYS}' >&2\nexit 1\n", "utf-8")  # no PATH: builtins
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    project = write_project(tmp_path / "app", {"terraformProviders": providers})
    assert main(["get", "--dir", str(project)]) == 1
    err = capsys.readouterr().err
    fetching = f"fetching the schema of {', '.join(p.split('@')[0] for p in providers)}: terraform init, then"
    assert err.startswith(fetching)  # said before the slow part runs
    err = err.split("\n", 1)[1]
    assert err.startswith("error: `terraform init -input=false -backend=false -no-color` failed; offline, ")
    assert err.endswith("Terraform said:\n" + TERRAFORM_SAYS + "\n")
    assert "pass --schema FILE" in err
    assert ("constructs-vpn emulator setup" in err) is emulator
    assert ("the emulator serves only aliyun/alicloud, not hashicorp/random" in err) is not emulator


def test_the_schema_comes_from_terraform_init_and_providers_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alicloud_schema_file: Path
) -> None:
    """A stand-in terraform: ``get`` runs init, ``providers schema -json`` and ``version -json`` in a temporary
    folder holding the required providers, and takes the selected version from terraform."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    fake = bin_dir / "terraform"
    version = json.dumps({"provider_selections": {"registry.terraform.io/aliyun/alicloud": "1.289.0"}})
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> {log}\n'
        f'case "$1" in init) cat main.tf.json >> {log}; echo >> {log};; '
        f"providers) cat {alicloud_schema_file};; version) echo '{version}';; esac\n",
        "utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    project = _project_with_alicloud(tmp_path / "app")
    assert main(["get", "--dir", str(project)]) == 0
    calls = log.read_text("utf-8").splitlines()
    assert calls[0] == "init -input=false -backend=false -no-color"
    assert json.loads(calls[1]) == {
        "terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": "~> 1.289"}}}
    }
    assert calls[2:] == ["providers schema -json", "version -json"]
    assert (project / "imports/alicloud/vpn_gateway_vpn_attachment/__init__.py").is_file()


def test_provider_arguments_are_properties_as_in_cdktf(on_path: Path) -> None:
    provider_module = importlib.import_module("imports.alicloud.provider")
    stack = _stack()
    provider = provider_module.AlicloudProvider(stack, "alicloud", region="cn-hangzhou")
    provider.region = "cn-beijing"
    provider.assume_role = {"role_arn": "acs:ram::123:role/x"}
    assert provider.region_input == "cn-beijing"
    provider.reset_profile()
    with pytest.raises(ValidationError):
        provider.protocol = "FTP"
    assert _synth(stack)["provider"]["alicloud"] == [
        {"region": "cn-beijing", "assume_role": {"role_arn": "acs:ram::123:role/x"}}
    ]


def test_setting_a_deprecated_argument_warns_as_the_constructor_does(on_path: Path) -> None:
    cgw_module = importlib.import_module("imports.alicloud.vpn_customer_gateway")
    app = App(outdir="/nonexistent")
    cgw = cgw_module.VpnCustomerGateway(TerraformStack(app, "site"), "cgw", ip_address="203.0.113.10")
    cgw.name = "office"
    cgw.description = "not deprecated"
    warnings = [(a.path, a.id) for a in collect(app) if a.level == "warn"]
    assert warnings == [("site/cgw", "alicloud:deprecated:name")]
