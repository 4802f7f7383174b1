"""The fleet example against the emulator: re-split from one stack to one per region to one per site, each
move done with ``terraform state mv`` as ``constructs-vpn orchestrate --moves-from`` lists it; no plan after a
move changes a resource, and the site stacks run at once against the one (locked) emulator state."""

from __future__ import annotations

import itertools
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from constructs_vpn.cli.orchestrate import state_moves
from constructs_vpn.cli.project import read_manifest
from constructs_vpn.core import App
from stacks.fleet import build_fleet
from tests.emulator.harness import Workspace, cloud_ids, stack_env, terraform_binary

pytestmark = pytest.mark.terraform

SITES = """name,ip_address,lan_cidr,region
site-a,198.18.0.1,10.0.1.0/24,cn-hangzhou
site-b,198.18.0.2,10.0.2.0/24,cn-shanghai
site-c,198.18.0.3,10.0.3.0/24,cn-hangzhou
"""
SHAPES = ("stack", "region", "site")


def plan_and_apply(workspace: Workspace) -> dict[str, list[str]]:
    """The planned resource changes; the plan is then applied (writing a hub's new outputs, if any)."""
    actions = workspace.plan_actions()
    workspace.apply_plan()
    return actions


def test_resplit_replaces_nothing(
    tmp_path: Path, emulator_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where the local backend keeps each stack's state: terraform.<stack>.tfstate
    inventory = tmp_path / "sites.csv"
    inventory.write_text(SITES, encoding="utf-8")
    outdirs = {shape: tmp_path / f"out-{shape}" for shape in SHAPES}
    for shape, outdir in outdirs.items():
        app = App(outdir=outdir, context={"fleet": {"inventory": str(inventory), "split": shape}})
        build_fleet(app)
        app.synth()
    cloud = tmp_path / "cloud.json"
    terraform = terraform_binary()

    def workspace(shape: str, name: str) -> Workspace:
        directory = outdirs[shape] / "stacks" / name
        document = json.loads((directory / "cdk.tf.json").read_text("utf-8"))
        return Workspace(
            directory, terraform, emulator_env, {"CONSTRUCTS_VPN_EMULATOR_STATE": str(cloud), **stack_env(document)}
        )

    first = workspace("stack", "fleet")
    first.init()
    first.apply()
    created = cloud_ids(json.loads(cloud.read_text("utf-8"))["objects"])
    assert len(created) == 3 + 3 * 6  # CEN, two TRs; per site a gateway, connection, attachment, assoc., prop., route

    for old, new in itertools.pairwise(SHAPES):
        new_manifest = read_manifest(outdirs[new])
        moves = state_moves(read_manifest(outdirs[old]), new_manifest)
        # into one stack per region every resource moves; into one per site the hub stays in fleet-hub
        assert len(moves) == {"region": len(created), "site": len(created) - 3}[new]
        hub, *sites = sorted(
            new_manifest.stacks, key=lambda name: (bool(new_manifest.stacks[name]["dependencies"]), name)
        )
        workspaces = {name: workspace(new, name) for name in new_manifest.stacks}
        for name, space in workspaces.items():
            space.init()
            for move in (m for m in moves if m.target == name):
                space.run("state", "mv", f"-state={tmp_path / f'terraform.{move.source}.tfstate'}",
                          f"-state-out={tmp_path / f'terraform.{name}.tfstate'}", move.address, move.address)  # fmt: skip

        assert plan_and_apply(workspaces[hub]) == {}
        with ThreadPoolExecutor(max_workers=len(sites)) as pool:  # several terraform runs at once on one cloud
            planned = dict(zip(sites, pool.map(plan_and_apply, [workspaces[name] for name in sites]), strict=True))
        assert planned == {name: {} for name in sites}, planned
        assert cloud_ids(json.loads(cloud.read_text("utf-8"))["objects"]) == created
