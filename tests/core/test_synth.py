"""Synthesis as a whole: atomic output, stale folders, determinism, annotations, aspects, strict mode."""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from constructs_vpn.core import (
    Annotations,
    App,
    Aspects,
    Construct,
    TerraformResource,
    TerraformStack,
    ValidationError,
)
from tests.tooling import REPO_DIR

APP = str(Path(__file__).parent / "apps/versioned_app.py")


def run_app(outdir: Path, version: str, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR)}
    return subprocess.Popen(
        [sys.executable, APP, str(outdir), version, *extra], stdout=subprocess.PIPE, text=True, env=env
    )


def tree(outdir: Path) -> dict[str, str]:
    return {str(p.relative_to(outdir)): p.read_text("utf-8") for p in sorted(outdir.rglob("*")) if p.is_file()}


def test_killed_synth_leaves_the_old_output_whole(tmp_path: Path) -> None:
    outdir = tmp_path / "cdktf.out"
    assert run_app(outdir, "v1").wait(timeout=60) == 0
    before = tree(outdir)
    stalled = run_app(outdir, "v2", "--stall")
    assert stalled.stdout is not None
    assert stalled.stdout.readline().strip() == "WRITING"  # mid-synth: one file of the new tree is written
    stalled.send_signal(signal.SIGKILL)
    stalled.wait(timeout=10)
    assert tree(outdir) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".cdktf.out.synth-")]
    assert len(leftovers) == 1
    # the next synth succeeds and clears what the killed one left
    assert run_app(outdir, "v2").wait(timeout=60) == 0
    assert '"version": "v2"' in tree(outdir)["stacks/stack-0/cdk.tf.json"]
    assert [p.name for p in tmp_path.iterdir()] == ["cdktf.out"]


def test_folders_of_stacks_the_app_lacks_are_kept_whole_and_terraform_files_kept(tmp_path: Path) -> None:
    """As cdktf's app: it never removes a stack folder (the cdktf CLI removes the stale ones, and fails with
    ENOENT when one is already gone), so one app's script leaves another app's stacks in place."""
    outdir = tmp_path / "out"
    from tests.core.apps.versioned_app import build

    build(str(outdir), "v1", stacks=3).synth()
    working = outdir / "stacks/stack-0/.terraform/providers"
    working.mkdir(parents=True)
    (working / "binary").write_text("provider")
    (outdir / "stacks/stack-0/.terraform.lock.hcl").write_text("lock")
    (outdir / "stacks/stack-2/terraform.tfstate").write_text("state")
    old_stack_2 = (outdir / "stacks/stack-2/cdk.tf.json").read_text()
    build(str(outdir), "v2", stacks=1).synth()
    assert sorted(p.name for p in (outdir / "stacks").iterdir()) == ["stack-0", "stack-1", "stack-2"]
    assert list(json.loads((outdir / "manifest.json").read_text())["stacks"]) == ["stack-0"]
    assert (outdir / "stacks/stack-0/.terraform/providers/binary").read_text() == "provider"
    assert (outdir / "stacks/stack-0/.terraform.lock.hcl").read_text() == "lock"
    assert '"v2"' in (outdir / "stacks/stack-0/cdk.tf.json").read_text()
    assert (outdir / "stacks/stack-2/cdk.tf.json").read_text() == old_stack_2
    assert (outdir / "stacks/stack-2/terraform.tfstate").read_text() == "state"


def test_output_is_byte_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    outputs = []
    for seed in ("0", "1", "12345"):
        outdir = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONPATH": str(REPO_DIR), "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, APP, str(outdir), "v1"], check=True, env=env)
        outputs.append(tree(outdir))
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.parametrize("enabled", [True, False])
def test_synthesis_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path, enabled: bool) -> None:
    """Synthesis pauses the cyclic collector; afterwards it is on or off as before, even after an error."""
    app = App(outdir=tmp_path / "out")
    stack = TerraformStack(app, "s")
    TerraformResource(stack, "r", terraform_resource_type="t_res", attributes={"bad": object()})
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with pytest.raises(ValidationError):
            app.synth()
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_annotations_go_to_the_manifest(app: App) -> None:
    stack = TerraformStack(app, "net")
    site = Construct(stack, "site")
    Annotations.of(site).add_warning_v2("vpn:weak-crypto", "des is weak")
    Annotations.of(site).add_info("hello")
    Annotations.of(stack).add_warning("plain warning")
    result = app.synth()
    assert [str(a) for a in result.annotations] == [
        "[WARN] [net] plain warning",
        "[WARN] [net/site] des is weak [ack: vpn:weak-crypto]",
        "[INFO] [net/site] hello",
    ]
    manifest = json.loads((app.outdir / "manifest.json").read_text())
    assert manifest["stacks"]["net"]["annotations"][1] == {
        "constructPath": "net/site",
        "level": "@cdktf/warn",
        "message": "des is weak [ack: vpn:weak-crypto]",
    }


def test_acknowledged_warnings_disappear_below_the_scope(app: App) -> None:
    stack = TerraformStack(app, "net")
    for name in ("a", "b"):
        Annotations.of(Construct(stack, name)).add_warning_v2("vpn:weak-crypto", f"{name} weak")
    Annotations.of(stack.node.find_child("a")).acknowledge_warning("vpn:weak-crypto", "legacy peer")
    assert [a.message for a in app.synthesize().annotations] == ["b weak [ack: vpn:weak-crypto]"]
    Annotations.of(stack).acknowledge_warning("vpn:weak-crypto")
    assert app.synthesize().annotations == []


def test_strict_mode_turns_warnings_into_errors(tmp_path: Path) -> None:
    app = App(outdir=tmp_path / "out", strict=True)
    stack = TerraformStack(app, "net")
    Annotations.of(Construct(stack, "site")).add_warning_v2("vpn:weak-crypto", "md5 is weak")
    with pytest.raises(ValidationError) as caught:
        app.synth()
    problem = caught.value.problems[0]
    assert (problem.path, problem.rule) == ("net/site", "vpn:weak-crypto")
    assert "acknowledge_warning('vpn:weak-crypto')" in problem.fix
    assert not (tmp_path / "out").exists()


def test_error_annotations_fail_synth(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS", raising=False)
    stack = TerraformStack(app, "net")
    Annotations.of(stack).add_error("broken")
    with pytest.raises(ValidationError, match=r"\[net\] broken"):
        app.synth()


def test_the_cli_flag_writes_error_annotations_to_the_manifest(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS", "true")
    stack = TerraformStack(app, "net")
    Annotations.of(stack).add_error("broken")
    app.synth()
    manifest = json.loads((app.outdir / "manifest.json").read_text("utf-8"))
    assert manifest["stacks"]["net"]["annotations"] == [
        {"constructPath": "net", "level": "@cdktf/error", "message": "broken"}
    ]
    assert (app.outdir / "stacks/net/cdk.tf.json").is_file()


def test_aspects_visit_every_construct_including_added_ones(app: App) -> None:
    stack = TerraformStack(app, "net")
    TerraformResource(stack, "a", terraform_resource_type="t_res")
    seen: list[str] = []

    class Tagger:
        def visit(self, node: Construct) -> None:
            seen.append(node.node.path)
            if isinstance(node, TerraformResource) and node.node.id == "a":
                TerraformResource(stack, "added", terraform_resource_type="t_res")

    Aspects.of(stack).add(Tagger())
    app.synthesize()
    assert seen == ["net", "net/a", "net/added"]
