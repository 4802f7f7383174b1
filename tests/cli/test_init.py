"""``constructs-vpn init``: a new project that synthesizes, passes its own snapshot test and plans on the
emulator right away; a folder that is not empty is refused unless ``--force``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from constructs_vpn.cli.main import main
from tests.emulator.harness import Workspace, terraform_binary

FILES = [".gitignore", "README.md", "cdktf.json", "main.py", "test_main.py"]


def project_pytest(project: Path) -> subprocess.CompletedProcess[str]:
    """The new project's own test file, run as its user runs it (``python -m pytest``), in its folder."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_main.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "UPDATE_SNAPSHOTS"},
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "edge-vpn"
    assert main(["init", str(root)]) == 0
    return root


def test_init_writes_a_project_named_after_its_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "edge-vpn"
    assert main(["init", str(project)]) == 0
    assert sorted(p.name for p in project.iterdir()) == FILES
    assert 'STACK_NAME = "edge-vpn"' in (project / "main.py").read_text("utf-8")
    config = json.loads((project / "cdktf.json").read_text("utf-8"))
    assert config["app"] == "python main.py" and config["language"] == "python"
    assert "terraform -chdir=cdktf.out/stacks/edge-vpn init" in (project / "README.md").read_text("utf-8")
    assert "cdktf.out" in (project / ".gitignore").read_text("utf-8").split()
    assert "Created a constructs-vpn project" in capsys.readouterr().out


def test_the_new_project_synthesizes_and_passes_its_snapshot_test(project: Path) -> None:
    assert main(["synth", "--project", str(project)]) == 0
    manifest = json.loads((project / "cdktf.out/manifest.json").read_text("utf-8"))
    assert list(manifest["stacks"]) == ["edge-vpn"]
    recorded = project_pytest(project)
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    snapshot = project / "snapshots/test_main.json"
    assert json.loads(snapshot.read_text("utf-8"))["resource"]["alicloud_vpn_gateway_vpn_attachment"]
    again = project_pytest(project)
    assert again.returncode == 0, again.stdout + again.stderr
    main_py = project / "main.py"
    main_py.write_text(main_py.read_text("utf-8").replace("203.0.113.10", "203.0.113.20"), encoding="utf-8")
    changed = project_pytest(project)
    assert changed.returncode == 1 and "UPDATE_SNAPSHOTS=1" in changed.stdout


def test_init_writes_the_same_bytes_each_time_and_each_project_has_its_own_id(tmp_path: Path) -> None:
    root = tmp_path / "a"
    assert main(["init", str(root), "--stack", "vpn"]) == 0
    written = [(root / f).read_bytes() for f in FILES]
    assert main(["init", str(root), "--stack", "vpn", "--force"]) == 0
    assert [(root / f).read_bytes() for f in FILES] == written
    assert main(["init", str(tmp_path / "b"), "--stack", "vpn"]) == 0
    ids = {json.loads((tmp_path / folder / "cdktf.json").read_text("utf-8"))["projectId"] for folder in "ab"}
    assert len(ids) == 2


def test_a_folder_that_is_not_empty_is_refused_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["init", str(tmp_path), "--stack", "vpn"]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"error: init: {tmp_path} is not empty ('notes.txt')") and "--force" in error
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", "notes.txt"]
    assert main(["init", str(tmp_path), "--stack", "vpn", "--force"]) == 0
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"
    assert (tmp_path / "main.py").is_file()


def test_only_git_may_be_there_already(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert main(["init", str(tmp_path), "--stack", "vpn"]) == 0


def test_force_never_writes_through_a_symbolic_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text("kept", encoding="utf-8")
    root = tmp_path / "project"
    root.mkdir()
    (root / "main.py").symlink_to(outside)
    assert main(["init", str(root), "--stack", "vpn", "--force"]) == 1
    assert "main.py is a symbolic link" in capsys.readouterr().err
    assert outside.read_text("utf-8") == "kept"
    assert sorted(p.name for p in root.iterdir()) == ["main.py"]


def test_a_file_in_place_of_the_folder_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["init", str(tmp_path / "file"), "--stack", "vpn"]) == 1
    assert "is not a folder" in capsys.readouterr().err


@pytest.mark.terraform
def test_the_new_project_plans_on_the_emulator(project: Path, tmp_path: Path) -> None:
    terraform = terraform_binary()
    from constructs_vpn.emulator import install

    env = install(tmp_path / "emulator").environment()
    assert main(["synth", "--project", str(project)]) == 0
    stack = Workspace(project / "cdktf.out/stacks/edge-vpn", terraform, env, {"TF_VAR_psk": "Emulated-Psk-2024"})
    stack.init()
    planned = stack.run("plan", "-no-color", "-input=false")
    assert "Plan: 7 to add, 0 to change, 0 to destroy." in planned.stdout
    assert "Emulated-Psk-2024" not in planned.output
