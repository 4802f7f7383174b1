"""The apps the lifecycle tests deploy (the fleet split per site: a hub and a site reading its remote state;
the repository's examples) and how they run ``constructs-vpn``: against the emulator, in a folder of their own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.emulator.harness import stack_env, terraform_binary
from tests.tooling import REPO_DIR

SITES = "name,ip_address,lan_cidr,region,ike_enc_alg\nsite-a,198.18.0.1,10.0.1.0/24,cn-hangzhou,\n"
FLEET_APP = "from constructs_vpn.core import App\nfrom stacks.fleet import build_fleet\n\napp = App()\nbuild_fleet(app)\napp.synth()\n"


def project(root: Path, *, fleet: bool) -> Path:
    """A cdktf project in ``root``: the fleet split per site, or the repository's examples."""
    shutil.copytree(REPO_DIR / "stacks", root / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    if fleet:
        (root / "sites.csv").write_text(SITES, encoding="utf-8")
        (root / "main.py").write_text(FLEET_APP, encoding="utf-8")
        config = {
            "language": "python",
            "app": "python main.py",
            "context": {"fleet": {"inventory": "sites.csv", "split": "site"}},
        }
        (root / "cdktf.json").write_text(json.dumps(config), encoding="utf-8")
    else:
        shutil.copy(REPO_DIR / "cdktf.json", root / "cdktf.json")
    return root


def cli_env(root: Path, emulator_env: dict[str, str], **extra: str) -> dict[str, str]:
    terraform = terraform_binary()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "CONSTRUCTS_VPN_EMULATOR_"))}
    (root / "home").mkdir(exist_ok=True)
    env.update(emulator_env)
    env.update(
        PATH=os.pathsep.join([str(Path(sys.executable).parent), str(Path(terraform).parent), env.get("PATH", "")]),
        HOME=str(root / "home"),
        CHECKPOINT_DISABLE="1",
        CONSTRUCTS_VPN_EMULATOR_STATE=str(root / "emulator-state.db"),
        **extra,
    )
    return env


def run_cli(root: Path, env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "constructs_vpn.cli", *args, *(["--no-color"] if args[0] != "synth" else [])],
        cwd=root,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def variables(root: Path, *stacks: str) -> dict[str, str]:
    """``TF_VAR_*`` for the variables without a default of the synthesized ``stacks``."""
    env: dict[str, str] = {}
    for name in stacks:
        env.update(stack_env(json.loads((root / f"cdktf.out/stacks/{name}/cdk.tf.json").read_text("utf-8"))))
    return env
