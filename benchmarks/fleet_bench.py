"""Fleet benchmark: what one site's change costs with one stack per site, against one stack for the fleet.

Prints one JSON line per measurement:

- ``synth``: the fleet of ``--sites`` generated sites split one per site, synthesized twice, the second time
  with one site's IKE proposal changed (``aes`` to ``aes256``): seconds, and how many ``cdk.tf.json`` files
  and stack digests differ (the target is exactly one).
- ``site-stack`` (with ``--emulator``), for ``--small`` sites and for ``--sites``: the fleet synthesized one
  stack per site, the hub and one site applied, that site's change planned in its own stack.
- ``emulator`` (with ``--emulator``), for ``--small`` and ``--one-stack-sites``: the fleet applied as one stack
  against the emulator (the cloud then holds every site), then the same change planned two ways: in that one
  stack (every resource refreshed), and in the changed site's own stack after its state and the hub's were
  moved out (``terraform state mv``, as ``constructs-vpn orchestrate --moves-from`` lists them). The site
  stack's plan should take the same time at both sizes.

Not a test: run it by hand (``python -m benchmarks.fleet_bench --emulator``) and record the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from constructs_vpn.cli.orchestrate import changed_stacks, stack_digests, state_moves
from constructs_vpn.cli.project import read_manifest
from constructs_vpn.core import App
from stacks.fleet import FleetOptions, build_fleet
from stacks.fleet_inventory import inventory_text
from stacks.inventory import Branch, Split, read_inventory

PSK = "Emulated-Psk-2024"


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    """The local backend keeps each stack's state in ``<cwd>/terraform.<stack>.tfstate``."""
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def sites(work: Path, count: int) -> list[Branch]:
    path = work / f"sites-{count}.csv"
    path.write_text(inventory_text(count), encoding="utf-8")
    return read_inventory(path)


def changed(branches: list[Branch], index: int) -> list[Branch]:
    """``branches`` with the IKE encryption of site ``index`` changed."""
    return [b.model_copy(update={"ike_enc_alg": "aes256"}) if i == index else b for i, b in enumerate(branches)]


def synth(work: Path, name: str, branches: list[Branch], split: Split) -> tuple[Path, float]:
    outdir = work / name
    start = time.perf_counter()
    with _cwd(work):
        app = App(outdir=outdir)
        build_fleet(app, FleetOptions(split=split), branches=branches)
        app.synth()
    return outdir, time.perf_counter() - start


def _file_digests(outdir: Path) -> dict[str, str]:
    return {str(p.relative_to(outdir)): hashlib.sha256(p.read_bytes()).hexdigest() for p in outdir.rglob("cdk.tf.json")}


def measure_synth(work: Path, count: int) -> dict[str, Any]:
    branches = sites(work, count)
    before, seconds = synth(work, "synth-before", branches, Split.SITE)
    after, changed_seconds = synth(work, "synth-after", changed(branches, count // 2), Split.SITE)
    old, new = _file_digests(before), _file_digests(after)
    return {
        "measure": "synth",
        "sites": count,
        "stacks": len(new),
        "seconds": round(seconds, 2),
        "seconds_after_change": round(changed_seconds, 2),
        "cdk_tf_json_changed": sorted(k for k in new if old.get(k) != new[k]),
        "digests_changed": changed_stacks(stack_digests(read_manifest(before)), stack_digests(read_manifest(after))),
    }


class Terraform:
    """terraform against the emulator, every stack on one emulated cloud."""

    def __init__(self, work: Path, count: int) -> None:
        from constructs_vpn.emulator import install

        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "CONSTRUCTS_VPN_EMULATOR_"))}
        self.env |= install(work / "emulator").environment()
        self.env |= {
            "CONSTRUCTS_VPN_EMULATOR_STATE": str(work / "cloud.db"),
            "TF_IN_AUTOMATION": "1",
            "TF_VAR_site_psks": json.dumps({f"site-{i:04d}": PSK for i in range(1, count + 1)}),
        }

    def __call__(self, directory: Path, *args: str) -> tuple[int, float, str]:
        start = time.perf_counter()
        done = subprocess.run(
            ["terraform", *args, "-no-color"], cwd=directory, env=self.env, capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - start
        if done.returncode not in (0, 2):
            raise RuntimeError(f"terraform {' '.join(args)} in {directory}: {done.stdout}{done.stderr}")
        return done.returncode, seconds, done.stdout

    def plan(self, directory: Path) -> tuple[float, dict[str, list[str]]]:
        """Seconds of ``terraform plan`` and the actions it plans (no-ops left out)."""
        _, seconds, _ = self(directory, "plan", "-input=false", "-out=plan.bin")
        _, _, shown = self(directory, "show", "-json", "plan.bin")
        actions = {
            c["address"]: c["change"]["actions"]
            for c in json.loads(shown).get("resource_changes", [])
            if c["change"]["actions"] != ["no-op"]
        }
        return seconds, actions


def measure_emulator(work: Path, count: int) -> dict[str, Any]:
    terraform = Terraform(work, count)
    branches = sites(work, count)
    target = count // 2
    one, _ = synth(work, "one-stack", branches, Split.STACK)
    one_dir = one / "stacks/fleet"
    terraform(one_dir, "init", "-input=false")
    _, apply_seconds, _ = terraform(one_dir, "apply", "-auto-approve", "-input=false")
    single, _ = synth(work, "one-stack-changed", changed(branches, target), Split.STACK)
    terraform(single / "stacks/fleet", "init", "-input=false")
    single_seconds, single_actions = terraform.plan(single / "stacks/fleet")
    split, _ = synth(work, "per-site-changed", changed(branches, target), Split.SITE)
    site = f"fleet-site-{branches[target].name}"
    for stack in ("fleet-hub", site):
        terraform(split / "stacks" / stack, "init", "-input=false")
    for move in state_moves(read_manifest(one), read_manifest(split)):
        if move.target in ("fleet-hub", site):
            state = (
                f"-state={work / f'terraform.{move.source}.tfstate'}",
                f"-state-out={work / f'terraform.{move.target}.tfstate'}",
            )
            terraform(split / "stacks" / move.target, "state", "mv", *state, move.address, move.address)
    terraform(split / "stacks/fleet-hub", "apply", "-auto-approve", "-input=false")  # its outputs, for the site
    site_seconds, site_actions = terraform.plan(split / "stacks" / site)
    resources = sum(len(v) for v in json.loads((one_dir / "cdk.tf.json").read_text("utf-8"))["resource"].values())
    return {
        "measure": "emulator",
        "sites": count,
        "one_stack_resources": resources,
        "one_stack_apply_seconds": round(apply_seconds, 1),
        "one_stack_plan_seconds": round(single_seconds, 2),
        "one_stack_plan_actions": single_actions,
        "site_stack_plan_seconds": round(site_seconds, 2),
        "site_stack_plan_actions": site_actions,
    }


def measure_site_stack(work: Path, count: int) -> dict[str, Any]:
    """The fleet of ``count`` sites synthesized one stack per site; only the hub and the changed site applied
    (the cloud holds no other site): the plan of that site's change, which reads the site's state and the
    hub's outputs, nothing of the other stacks."""
    terraform = Terraform(work, count)
    branches = sites(work, count)
    target = count // 2
    site = f"fleet-site-{branches[target].name}"
    before, _ = synth(work, "per-site", branches, Split.SITE)
    for stack in ("fleet-hub", site):
        terraform(before / "stacks" / stack, "init", "-input=false")
        terraform(before / "stacks" / stack, "apply", "-auto-approve", "-input=false")
    after, _ = synth(work, "per-site-changed", changed(branches, target), Split.SITE)
    terraform(after / "stacks" / site, "init", "-input=false")
    seconds, actions = terraform.plan(after / "stacks" / site)
    return {"measure": "site-stack", "sites": count, "stacks": count + 1, "site_stack_plan_seconds": round(seconds, 2),
            "site_stack_plan_actions": actions}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--small", type=int, default=10, help="the small fleet of the plan-time comparison")
    parser.add_argument("--emulator", action="store_true", help="also plan against the emulator (slow: applies)")
    parser.add_argument(
        "--one-stack-sites", type=int, default=1000, help="the large fleet applied as one stack (6,005 resources)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(measure_synth(Path(tmp), args.sites)), flush=True)
    if args.emulator:
        for count in (args.small, args.sites):
            with tempfile.TemporaryDirectory() as tmp:
                print(json.dumps(measure_site_stack(Path(tmp).resolve(), count)), flush=True)
        for count in (args.small, args.one_stack_sites):
            with tempfile.TemporaryDirectory() as tmp:
                print(json.dumps(measure_emulator(Path(tmp).resolve(), count)), flush=True)


if __name__ == "__main__":
    main()
