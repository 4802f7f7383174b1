"""The fleet example against the emulator: re-split from one stack to one per region to one per site, each
move done with ``terraform state mv`` as ``constructs-vpn orchestrate --moves-from`` lists it; no plan after a
move changes a resource, and the site stacks run at once against the one (locked) emulator state."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from constructs_vpn.cli.orchestrate import state_moves
from constructs_vpn.cli.project import read_manifest
from constructs_vpn.core import App
from stacks.fleet import build_fleet
from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import VARIABLE_VALUE, Workspace, cloud_ids, cloud_objects, stack_env, terraform_binary
from tests.emulator.test_api_rules import EMULATED_ACCOUNT as SINGLE_TUNNEL_ACCOUNT
from tests.emulator.test_api_rules import site as one_site
from tests.tooling import REPO_DIR, require

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
    cloud = tmp_path / "cloud.db"
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
    created = cloud_ids(cloud_objects(cloud))
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
        assert cloud_ids(cloud_objects(cloud)) == created


def test_applies_at_once_on_one_cloud_lose_no_object(tmp_path: Path, workspace: WorkspaceFactory) -> None:
    """Four terraform applies at once, each with its own provider process and ten threads, write into one
    emulated cloud: every object of each is there, and four destroys at once leave nothing."""
    cloud = tmp_path / "shared-cloud.db"
    spaces = []
    for n in range(4):
        stack = one_site()
        stack["resource"]["alicloud_vpn_customer_gateway"]["cgw"]["ip_address"] = f"203.0.113.{20 + n}"
        # The site's connection is single-tunnel: an account that still creates one.
        spaces.append(workspace(f"site-{n}", stack, CONSTRUCTS_VPN_EMULATOR_STATE=str(cloud), **SINGLE_TUNNEL_ACCOUNT))
    for space in spaces:
        space.init()
    with ThreadPoolExecutor(max_workers=len(spaces)) as pool:
        list(pool.map(Workspace.apply, spaces))
    managed = [id for space in spaces for id in space.managed_ids().values()]
    assert len(managed) == 4 * 5 and sorted(managed) == cloud_ids(cloud_objects(cloud))
    with ThreadPoolExecutor(max_workers=len(spaces)) as pool:
        list(pool.map(Workspace.destroy, spaces))
    assert cloud_objects(cloud) == {}


CLI_DIR = Path(os.environ.get("CONSTRUCTS_VPN_CDKTF_CLI_DIR", Path.home() / ".cache/constructs-vpn/cdktf-cli-0.21.0"))


@pytest.mark.cdktf_cli
def test_cdktf_deploys_the_split_app_in_parallel(tmp_path: Path, emulator_env: dict[str, str]) -> None:
    """``cdktf deploy '*' --parallelism 3`` (the real CLI) on the hub and three site stacks, then destroy."""
    cdktf = CLI_DIR / "node_modules/.bin/cdktf"
    require(cdktf.exists() and shutil.which("node") is not None, f"cdktf CLI not found at {cdktf} (needs Node 20)")
    project = tmp_path / "project"
    shutil.copytree(REPO_DIR / "stacks", project / "stacks", ignore=shutil.ignore_patterns("__pycache__", "*.csv"))
    (project / "sites.csv").write_text(SITES, encoding="utf-8")
    fleet = {"inventory": "sites.csv", "split": "site"}
    config = {"language": "python", "app": "python -m stacks.fleet", "context": {"fleet": fleet}}
    (project / "cdktf.json").write_text(json.dumps(config), encoding="utf-8")
    cloud = tmp_path / "cloud.db"
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "CONSTRUCTS_VPN_EMULATOR_"))}
    env |= emulator_env | {
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), str(Path(terraform_binary()).parent), env["PATH"]]),
        "HOME": str(home),
        "CDKTF_HOME": str(tmp_path / "cdktf-home"),
        "CHECKPOINT_DISABLE": "1",
        "CI": "1",
        "CONSTRUCTS_VPN_EMULATOR_STATE": str(cloud),
        "TF_VAR_site_psks": json.dumps(dict.fromkeys(("site-a", "site-b", "site-c"), VARIABLE_VALUE)),
    }

    def cdktf_run(command: str) -> str:
        args = [str(cdktf), command, "*", "--parallelism", "3", "--auto-approve", "--skip-provider-lock"]
        done = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    deployed = cdktf_run("deploy")
    assert deployed.count("Apply complete!") == 4, deployed
    assert len(cloud_ids(cloud_objects(cloud))) == 3 + 3 * 6
    for site in ("site-a", "site-b", "site-c"):  # each site stack has its own state, beside the project
        assert (project / f"terraform.fleet-site-{site}.tfstate").is_file()
    cdktf_run("destroy")
    assert cloud_objects(cloud) == {}
