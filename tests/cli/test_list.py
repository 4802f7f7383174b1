"""``constructs-vpn list``: synthesizes like ``cdktf list`` and prints each stack's name and folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constructs_vpn.cli.main import main

APP = """import json
from constructs_vpn.core import App, TerraformStack
app = App()
for name in json.load(open("names.json", encoding="utf-8")):
    TerraformStack(app, name)
app.synth()
"""


def make_project(root: Path, names: list[str]) -> Path:
    """A project whose app makes one empty stack per name of ``names.json``."""
    (root / "cdktf.json").write_text(json.dumps({"language": "python", "app": "python main.py"}), encoding="utf-8")
    (root / "main.py").write_text(APP, encoding="utf-8")
    (root / "names.json").write_text(json.dumps(names), encoding="utf-8")
    return root


def test_list_prints_each_stack_and_its_folder_as_cdktf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path, ["hub", "branch-office"])
    assert main(["list", "--project", str(project)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Stack name     Path",
        "branch-office  cdktf.out/stacks/branch-office",
        "hub            cdktf.out/stacks/hub",
    ]
    assert (project / "cdktf.out/stacks/hub/cdk.tf.json").is_file()


def test_list_synthesizes_first_so_a_renamed_stack_is_gone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path, ["old"])
    assert main(["list", "--project", str(project), "-o", "out"]) == 0
    (project / "names.json").write_text(json.dumps(["new"]), encoding="utf-8")
    assert main(["list", "--project", str(project), "-o", "out"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == ["Stack name  Path", "new         out/stacks/new"]
    assert sorted(p.name for p in (project / "out/stacks").iterdir()) == ["new"]


def test_list_of_a_project_without_cdktf_json_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--project", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: ") and "cdktf.json does not exist" in error
