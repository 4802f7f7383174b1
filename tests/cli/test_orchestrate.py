"""``constructs-vpn orchestrate``: terragrunt.hcl and atlantis.yaml checked against each tool's documented
format (python-hcl2's parser; a JSON Schema written from Atlantis's repo-config reference), stack digests that
change only with a stack's content, and the state moves of a re-split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import hcl2
import jsonschema
import pytest
import yaml

from constructs_vpn.cli.main import main
from constructs_vpn.cli.orchestrate import atlantis_yaml, changed_stacks, stack_digests, state_moves
from constructs_vpn.cli.project import read_manifest
from constructs_vpn.core import App, ConstructsVpnError
from stacks.fleet import build_fleet

SCHEMA = json.loads((Path(__file__).parent / "schemas/atlantis-repo-config-v3.schema.json").read_text("utf-8"))
SITES = """name,ip_address,lan_cidr,region,ike_enc_alg
site-a,198.18.0.1,10.0.1.0/24,cn-hangzhou,
site-b,198.18.0.2,10.0.2.0/24,cn-shanghai,
site-c,198.18.0.3,10.0.3.0/24,cn-hangzhou,
"""


def synth(tmp_path: Path, split: str = "site", sites: str = SITES, name: str = "cdktf.out") -> Path:
    inventory = tmp_path / f"{name}.csv"
    inventory.write_text(sites, encoding="utf-8")
    outdir = tmp_path / name
    app = App(outdir=outdir, context={"fleet": {"inventory": str(inventory), "split": split}})
    build_fleet(app)
    app.synth()
    return outdir


@pytest.fixture
def written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    outdir = synth(tmp_path)
    assert main(["orchestrate", "--dir", str(outdir), "--root", str(tmp_path)]) == 0
    assert "Wrote terragrunt.hcl for 4 stack(s)" in capsys.readouterr().out
    return outdir


def test_terragrunt_files_parse_with_their_dependency_blocks(written: Path) -> None:
    parsed: dict[str, Any] = {}
    for name in ("fleet-hub", "fleet-site-site-a", "fleet-site-site-b", "fleet-site-site-c"):
        with (written / "stacks" / name / "terragrunt.hcl").open(encoding="utf-8") as handle:
            parsed[name] = {k: v for k, v in hcl2.load(handle).items() if k != "__comments__"}
    assert parsed["fleet-hub"] == {}
    for name in ("fleet-site-site-a", "fleet-site-site-b", "fleet-site-site-c"):
        # python-hcl2 8 keeps the quotes of strings and labels, and marks blocks (an attribute would not be)
        block = {"config_path": '"../fleet-hub"', "skip_outputs": True, "__is_block__": True}
        assert parsed[name] == {"dependency": [{'"fleet-hub"': block}]}
        assert (written / "stacks" / name / "../fleet-hub/cdk.tf.json").is_file()


def test_atlantis_yaml_matches_the_documented_schema(written: Path, tmp_path: Path) -> None:
    config = yaml.safe_load((tmp_path / "atlantis.yaml").read_text("utf-8"))
    jsonschema.validate(config, SCHEMA)
    projects = {p["name"]: p for p in config["projects"]}
    assert list(projects) == ["fleet-hub", "fleet-site-site-a", "fleet-site-site-b", "fleet-site-site-c"]
    assert projects["fleet-hub"] == {
        "name": "fleet-hub",
        "dir": "cdktf.out/stacks/fleet-hub",
        "workflow": "constructs-vpn",
        "execution_order_group": 0,
        "autoplan": {"enabled": True, "when_modified": ["cdk.tf.json", "cdk.tf", ".terraform.lock.hcl"]},
    }
    assert projects["fleet-site-site-b"]["depends_on"] == ["fleet-hub"]
    assert projects["fleet-site-site-b"]["execution_order_group"] == 1
    assert all((tmp_path / p["dir"] / "cdk.tf.json").is_file() for p in projects.values())
    assert set(config["workflows"]) == {p["workflow"] for p in projects.values()}


def test_the_schema_rejects_what_atlantis_rejects() -> None:
    """The schema could fail: a misspelt key, a missing dir, a wrong version."""
    for bad in (
        {"version": 3, "projects": [{"dir": ".", "depend_on": ["x"]}]},
        {"version": 3, "projects": [{"name": "x"}]},
        {"version": 2, "projects": []},
        {"version": 3, "workflows": {"w": {"plan": {"steps": ["plann"]}}}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, SCHEMA)


def test_one_site_change_changes_one_digest(tmp_path: Path) -> None:
    before = stack_digests(read_manifest(synth(tmp_path, name="before")))
    changed = SITES.replace("10.0.2.0/24,cn-shanghai,", "10.0.2.0/24,cn-shanghai,aes256")
    after = stack_digests(read_manifest(synth(tmp_path, sites=changed, name="after")))
    assert changed_stacks(before, after) == ["fleet-site-site-b"]
    again = stack_digests(read_manifest(synth(tmp_path, name="again")))
    assert changed_stacks(before, again) == []  # deterministic: the same inventory, the same digests


def test_changed_since_prints_the_stacks_to_plan(
    written: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    digests = json.loads((written / "stack-digests.json").read_text("utf-8"))
    digests["stacks"]["fleet-site-site-c"] = "sha256:0"
    del digests["stacks"]["fleet-site-site-a"]
    old = tmp_path / "old-digests.json"
    old.write_text(json.dumps(digests), encoding="utf-8")
    assert main(["orchestrate", "--dir", str(written), "--changed-since", str(old)]) == 0
    assert capsys.readouterr().out.split() == ["fleet-site-site-a", "fleet-site-site-c"]


def test_digests_live_outside_the_files_cdktf_writes(written: Path) -> None:
    """manifest.json and cdk.tf.json stay cdktf's bytes: no digest in them."""
    assert "sha256" not in (written / "manifest.json").read_text("utf-8")
    assert "sha256" not in (written / "stacks/fleet-hub/cdk.tf.json").read_text("utf-8")


def test_moves_from_lists_each_resource_that_changed_stack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    region = synth(tmp_path, "region", name="region")
    site = synth(tmp_path, "site", name="site")
    moves = state_moves(read_manifest(region), read_manifest(site))
    assert {(m.source, m.target) for m in moves} == {
        ("fleet-region-cn-hangzhou", "fleet-site-site-a"),
        ("fleet-region-cn-shanghai", "fleet-site-site-b"),
        ("fleet-region-cn-hangzhou", "fleet-site-site-c"),
    }
    assert len(moves) == 18  # six resources a site; the hub stays in fleet-hub
    assert main(["orchestrate", "--dir", str(site), "--moves-from", str(region)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 18 and lines[0].split("\t")[:2] == ["fleet-region-cn-hangzhou", "fleet-site-site-a"]


def test_a_cycle_or_unknown_dependency_is_the_manifests_error(
    written: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written / "manifest.json"
    manifest = json.loads(path.read_text("utf-8"))
    manifest["stacks"]["fleet-hub"]["dependencies"] = ["fleet-site-site-a"]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ConstructsVpnError, match="cycle: fleet-hub -> fleet-site-site-a -> fleet-hub"):
        atlantis_yaml(read_manifest(written), written.parent)
    manifest["stacks"]["fleet-hub"]["dependencies"] = ["nowhere"]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["orchestrate", "--dir", str(written), "--root", str(written.parent)]) == 1
    assert "stack 'fleet-hub' depends on ['nowhere'], which is not a stack" in capsys.readouterr().err
