"""Fixtures every test folder can use: an App writing into the test's temporary folder, and a stack in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from constructs_vpn.core import App, TerraformStack


@pytest.fixture
def app(tmp_path: Path) -> App:
    return App(outdir=tmp_path / "cdktf.out")


@pytest.fixture
def stack(app: App) -> TerraformStack:
    return TerraformStack(app, "test")
