"""The fleet example: one option splits it into one stack, one per region or one per site, and every
resource keeps its address in every shape (so a re-split moves state entries and replaces nothing)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn.core import App, ValidationError
from stacks import build_app
from stacks.fleet import FLEET_INVENTORY, build_fleet
from stacks.fleet_inventory import inventory_text
from stacks.inventory import read_inventory
from tests.tooling import REPO_DIR

SITES = """name,ip_address,lan_cidr,region,ike_enc_alg
site-a,198.18.0.1,10.0.1.0/24,cn-hangzhou,
site-b,198.18.0.2,10.0.2.0/24,cn-shanghai,aes256
site-c,198.18.0.3,10.0.3.0/24,cn-hangzhou,
"""


def synth(tmp_path: Path, split: str, text: str = SITES) -> dict[str, dict[str, Any]]:
    inventory = tmp_path / "sites.csv"
    inventory.write_text(text, encoding="utf-8")
    app = App(outdir=tmp_path / f"out-{split}", context={"fleet": {"inventory": str(inventory), "split": split}})
    build_fleet(app)
    return app.synth().documents


def addresses(documents: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Managed address → the stack holding it."""
    return {
        f"{kind}.{name}": stack
        for stack, document in documents.items()
        for kind, items in document.get("resource", {}).items()
        for name in items
    }


@pytest.mark.parametrize(
    ("split", "stacks"),
    [
        ("stack", ["fleet"]),
        ("region", ["fleet-hub", "fleet-region-cn-hangzhou", "fleet-region-cn-shanghai"]),
        ("site", ["fleet-hub", "fleet-site-site-a", "fleet-site-site-b", "fleet-site-site-c"]),
    ],
)
def test_one_option_chooses_the_split(tmp_path: Path, split: str, stacks: list[str]) -> None:
    documents = synth(tmp_path, split)
    assert sorted(documents) == stacks
    manifest = json.loads((tmp_path / f"out-{split}/manifest.json").read_text("utf-8"))
    assert {name: entry["dependencies"] for name, entry in manifest["stacks"].items()} == {
        name: [] if name in ("fleet", "fleet-hub") else ["fleet-hub"] for name in stacks
    }


def test_every_resource_keeps_its_address_in_every_shape(tmp_path: Path) -> None:
    shapes = {split: addresses(synth(tmp_path, split)) for split in ("stack", "region", "site")}
    assert set(shapes["stack"]) == set(shapes["region"]) == set(shapes["site"])
    assert len(shapes["site"]) == 3 + 3 * 6
    assert shapes["site"]["alicloud_vpn_customer_gateway.site-b_gateway_803E7C01"] == "fleet-site-site-b"
    assert shapes["region"]["alicloud_vpn_customer_gateway.site-b_gateway_803E7C01"] == "fleet-region-cn-shanghai"


def test_sites_read_the_hub_through_remote_state(tmp_path: Path) -> None:
    site = synth(tmp_path, "site")["fleet-site-site-b"]
    assert list(site["data"]["terraform_remote_state"]) == ["cross-stack-reference-input-fleet-hub"]
    assert site["provider"]["alicloud"] == [{"alias": "cn-shanghai", "region": "cn-shanghai"}]
    attachment = next(iter(site["resource"]["alicloud_cen_transit_router_vpn_attachment"].values()))
    assert attachment["transit_router_id"].startswith("${data.terraform_remote_state.cross-stack-reference-input-")
    connection = next(iter(site["resource"]["alicloud_vpn_gateway_vpn_attachment"].values()))
    assert {t["tunnel_ike_config"]["ike_enc_alg"] for t in connection["tunnel_options_specification"]} == {"aes256"}


def test_the_oss_backend_keeps_each_stack_in_its_own_object(tmp_path: Path) -> None:
    inventory = tmp_path / "sites.csv"
    inventory.write_text(SITES, encoding="utf-8")
    oss = {"bucket": "team-state", "region": "cn-hangzhou", "tablestore_endpoint": "https://lock.cn-hangzhou.ots.aliyuncs.com",
           "tablestore_table": "terraform_lock"}  # fmt: skip
    app = App(outdir=tmp_path / "out", context={"fleet": {"inventory": str(inventory), "split": "region", "oss": oss}})
    build_fleet(app)
    documents = app.synth().documents
    backend = documents["fleet-region-cn-shanghai"]["terraform"]["backend"]["oss"]
    assert (
        backend["key"] == "fleet/fleet-region-cn-shanghai.tfstate" and backend["tablestore_table"] == "terraform_lock"
    )
    remote = documents["fleet-region-cn-shanghai"]["data"]["terraform_remote_state"][
        "cross-stack-reference-input-fleet-hub"
    ]
    assert remote["backend"] == "oss" and remote["config"]["key"] == "fleet/fleet-hub.tfstate"


def test_a_wrong_option_names_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        build_fleet(App(outdir="unused", context={"fleet": {"split": "zone", "colour": 1}}))
    assert sorted(p.field for p in caught.value.problems) == ["colour", "split"]


def test_the_examples_leave_the_fleet_out_unless_asked(tmp_path: Path) -> None:
    assert not [s for s in build_app(App(outdir="unused")).stacks if s.node.id.startswith("fleet")]
    inventory = tmp_path / "sites.csv"
    inventory.write_text(SITES, encoding="utf-8")
    asked = build_app(App(outdir="unused", context={"fleet": {"inventory": str(inventory)}}))
    assert len([s for s in asked.stacks if s.node.id.startswith("fleet")]) == 4


def test_the_shipped_fleet_is_the_generators_1000_sites() -> None:
    assert FLEET_INVENTORY.read_text("utf-8") == inventory_text(1000)
    sites = read_inventory(FLEET_INVENTORY)
    assert (
        len(sites) == 1000 and len({s.ip_address for s in sites}) == 1000 and len({s.lan_cidr for s in sites}) == 1000
    )


@pytest.mark.parametrize(
    ("cell", "rule"),
    [
        ("${var.x}", "expression-text"),
        ("cn hangzhou", "inventory-region"),
        ("%{ if true }x%{ endif }", "expression-text"),
    ],
)
def test_a_region_cell_is_data(tmp_path: Path, cell: str, rule: str) -> None:
    path = tmp_path / "sites.csv"
    path.write_text(f"name,ip_address,lan_cidr,region\nsite-a,198.18.0.1,10.0.1.0/24,{cell}\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        read_inventory(path)
    assert [(p.path, p.field, p.rule) for p in caught.value.problems] == [(f"{path}:2:4", "region", rule)]


def test_an_ike_cell_is_checked_at_its_column(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_text("name,ip_address,lan_cidr,region,ike_enc_alg\nsite-a,198.18.0.1,10.0.1.0/24,,AES\n", "utf-8")
    with pytest.raises(ValidationError) as caught:
        read_inventory(path)
    assert [(p.path, p.field) for p in caught.value.problems] == [(f"{path}:2:5", "ike_enc_alg")]


def test_optional_columns_come_in_order(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_text("name,ip_address,lan_cidr,ike_enc_alg,region\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"sites.csv:1\] header is"):
        read_inventory(path)


def test_the_documented_team_project_synthesizes_with_oss_state(tmp_path: Path) -> None:
    """docs/fleet.md's cdktf.json for a team: every stack's state in OSS, locked in Tablestore."""
    config = json.loads((REPO_DIR / "docs/examples/fleet-oss.json").read_text("utf-8"))
    assert config["app"] == "python -m stacks.fleet"
    context = config["context"]
    context["fleet"]["inventory"] = str(REPO_DIR / context["fleet"]["inventory"])
    context["fleet"]["split"] = "region"  # four region stacks instead of 1,000 site stacks: quicker, same backend
    app = App(outdir=tmp_path / "out", context=context)
    build_fleet(app)
    documents = app.synth().documents
    assert len(documents) == 5
    for name, document in documents.items():
        backend = document["terraform"]["backend"]["oss"]
        assert backend["key"] == f"fleet/{name}.tfstate" and backend["tablestore_table"] == "terraform_lock"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    region=st.from_regex(r"[a-z]{2}(-[a-z0-9]{1,12}){1,3}", fullmatch=True),
    junk=st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters='\r\n,"'), max_size=12),
)
def test_a_region_is_a_region_id_or_rejected_at_its_cell(tmp_path: Path, region: str, junk: str) -> None:
    """Any region id is read as itself; the same text with a template opening (or a space) in it never is."""
    path = tmp_path / "sites.csv"
    for cell, ok in ((region, True), (f"{region}${{{junk}", False), (f"{junk} {region}", False)):
        path.write_text(f"name,ip_address,lan_cidr,region\nsite-a,198.18.0.1,10.0.1.0/24,{cell}\n", encoding="utf-8")
        if ok:
            assert read_inventory(path)[0].region == region
            continue
        with pytest.raises(ValidationError) as caught:
            read_inventory(path)
        assert [(p.path, p.field) for p in caught.value.problems] == [(f"{path}:2:4", "region")]


def test_the_page_says_how_to_give_every_variable_the_stacks_ask_for(tmp_path: Path) -> None:
    """The recipe does not stop at apply: each variable without a default is shown with its TF_VAR_ name."""
    page = (REPO_DIR / "docs/fleet.md").read_text("utf-8")
    for split in ("stack", "region", "site"):
        for stack, document in synth(tmp_path, split).items():
            for name, variable in document.get("variable", {}).items():
                if "default" not in variable:
                    assert f"export TF_VAR_{name}='" in page, f"{stack}: variable {name} is not on docs/fleet.md"
