"""Skip a test when an outside tool is missing, unless CONSTRUCTS_VPN_REQUIRE_TOOLS=1 (CI), where it fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REQUIRE_TOOLS = os.environ.get("CONSTRUCTS_VPN_REQUIRE_TOOLS") == "1"


def require(available: bool, reason: str) -> None:
    """Skip (or, under CONSTRUCTS_VPN_REQUIRE_TOOLS=1, fail) with ``reason`` when not ``available``."""
    if available:
        return
    if REQUIRE_TOOLS:
        pytest.fail(f"{reason} (required: CONSTRUCTS_VPN_REQUIRE_TOOLS=1)")
    pytest.skip(reason)


def require_executable(name: str, hint: str) -> str:
    """The path of executable ``name``; skip or fail with ``hint`` (how to install it) when absent."""
    path = shutil.which(name)
    require(path is not None, f"{name} not found on PATH; {hint}")
    assert path is not None
    return path


def terraform(directory: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``terraform ARGS -no-color`` run in ``directory`` (offline, no CLI configuration), ``stdin`` its input."""
    binary = require_executable("terraform", "install Terraform >= 1.5 to run this test")
    env = {**os.environ, "CHECKPOINT_DISABLE": "1", "TF_CLI_CONFIG_FILE": os.devnull, "TF_IN_AUTOMATION": "1"}
    return subprocess.run(
        [binary, *args, "-no-color"], cwd=directory, env=env, input=stdin, capture_output=True, text=True, check=False
    )


REPO_DIR = Path(__file__).resolve().parents[1]
#: Reference data the tests compare against, copied into the repository (each folder's README names its origin).
FIXTURES_DIR = REPO_DIR / "tests/fixtures"


def python_output(code: str) -> list[str]:
    """The lines ``code`` prints in a new interpreter (what an import loads, or a per-process value)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
