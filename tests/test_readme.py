"""The README stays true: its example runs, and its test command is the one CI runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.tooling import REPO_DIR

README = (REPO_DIR / "README.md").read_text("utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_python_example_synthesizes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (example,) = blocks("python")
    assert len(example.strip().splitlines()) <= 20
    exec(compile(example, "README.md", "exec"), {})
    document = json.loads((tmp_path / "cdktf.out/stacks/dc1/cdk.tf.json").read_text())
    assert document["variable"]["psk"]["sensitive"] is True
    (connection,) = document["resource"]["alicloud_vpn_gateway_vpn_attachment"].values()
    assert [t["tunnel_ike_config"]["psk"] for t in connection["tunnel_options_specification"]] == ["${var.psk}"] * 2


def test_commands_match_ci() -> None:
    main_job = next(b for b in blocks("sh") if b.startswith("# the main job"))
    tests = next(b for b in blocks("sh") if b.startswith("# the tests"))
    ci = (REPO_DIR / ".ci/run").read_text("utf-8")
    assert "constructs-vpn synth" in main_job
    install, run = tests.strip().splitlines()[-1].split(" && ")[1:]
    assert install.replace(".venv/bin/pip install", "") in ci
    assert f"\n{run}\n" in ci
