"""Same app → the same bytes, whatever PYTHONHASHSEED or the order stacks and tags were added in; a killed
synth never leaves a partial or mixed output; two synths into one folder at once both finish."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.tooling import REPO_DIR


def run(mode: str, outdir: Path, *args: str, seed: str = "0") -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR), "PYTHONHASHSEED": seed}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.hardening.apps", mode, str(outdir), *args],
        env=env,
        cwd=REPO_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def tree(outdir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*")) if p.is_file()}


def test_five_runs_are_byte_identical(tmp_path: Path) -> None:
    runs = [run("examples", tmp_path / f"out{i}", str(i), seed=str(i * 7919)) for i in range(5)]
    assert [r.wait(timeout=120) for r in runs] == [0] * 5
    first = tree(tmp_path / "out0")
    assert len(first) > 5
    for index in range(1, 5):
        assert tree(tmp_path / f"out{index}") == first


def whole(outdir: Path, versions: dict[str, dict[str, bytes]]) -> str:
    """Which complete output ``outdir`` holds, else fail: every file of one version exactly, and beside them
    only folders of stacks that version lacks (an app's synth keeps those, as cdktf's does; the CLI's
    ``synth`` removes them afterwards)."""
    found = tree(outdir)
    for name, files in versions.items():
        own_stacks = {Path(f).parts[1] for f in files if f.startswith("stacks/")}
        extra = [
            f
            for f in found.keys() - files.keys()
            if not (f.startswith("stacks/") and Path(f).parts[1] not in own_stacks)
        ]
        if not extra and all(found.get(f) == content for f, content in files.items()):
            return name
    raise AssertionError(f"{outdir} is partial or mixed: {sorted(found)[:5]}...")


def test_killed_synths_leave_a_whole_output(tmp_path: Path) -> None:
    reference = {"big": tmp_path / "ref-big", "examples": tmp_path / "ref-examples"}
    assert run("big", reference["big"]).wait(timeout=120) == 0
    assert run("examples", reference["examples"]).wait(timeout=120) == 0
    versions = {name: tree(path) for name, path in reference.items()}
    outdir = tmp_path / "cdktf.out"
    assert run("examples", outdir).wait(timeout=120) == 0
    chooser = random.Random(20261127)
    seen = set()
    for attempt in range(20):
        mode = "big" if attempt % 2 == 0 else "examples"
        process = run(mode, outdir)
        time.sleep(chooser.uniform(0.05, 1.6))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        seen.add(whole(outdir, versions))
    assert run("big", outdir).wait(timeout=120) == 0  # the next synth succeeds and cleans up
    assert whole(outdir, versions) == "big"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".cdktf.out")) == []
    assert seen  # at least one whole version after every kill


def test_concurrent_synths_into_one_folder(tmp_path: Path) -> None:
    reference = {"big": tmp_path / "ref-big", "examples": tmp_path / "ref-examples"}
    for name, path in reference.items():
        assert run(name, path).wait(timeout=120) == 0
    versions = {name: tree(path) for name, path in reference.items()}
    outdir = tmp_path / "cdktf.out"
    for _ in range(3):
        first, second = run("big", outdir), run("examples", outdir)
        assert first.wait(timeout=120) == 0, first.stderr.read() if first.stderr else ""
        assert second.wait(timeout=120) == 0, second.stderr.read() if second.stderr else ""
        assert whole(outdir, versions) in versions
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".cdktf.out")) == []
