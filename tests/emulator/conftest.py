"""Fixtures for the emulator tests: one emulator installation per session, one workspace per scenario."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.emulator.harness import Workspace, require_emulator, terraform_binary


@pytest.fixture(scope="session")
def emulator_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of an emulator installed (``emulator setup``) in a session temporary folder."""
    require_emulator()
    from constructs_vpn.emulator import install

    directory = tmp_path_factory.mktemp("emulator")
    return install(directory).environment()


WorkspaceFactory = Callable[..., Workspace]


def _factory(root: Path, env: Mapping[str, str], module: Any) -> WorkspaceFactory:
    """Workspaces in ``root``; each in the emulated account the test module declares, if any (its
    ``EMULATED_ACCOUNT``: the emulator settings of an account that behaves otherwise than the API's default)."""
    terraform = terraform_binary()
    account: Mapping[str, str] = getattr(module, "EMULATED_ACCOUNT", {})

    def make(name: str, document: Mapping[str, Any] | None = None, **extra_env: str) -> Workspace:
        directory = root / name
        directory.mkdir(parents=True)
        workspace = Workspace(directory, terraform, env, {**account, **extra_env})
        if document is not None:
            workspace.write(document)
        return workspace

    return make


@pytest.fixture
def workspace(request: pytest.FixtureRequest, tmp_path: Path, emulator_env: dict[str, str]) -> WorkspaceFactory:
    """``workspace(name, document=None, **env)``: a new folder run against the emulator."""
    return _factory(tmp_path, emulator_env, request.module)


@pytest.fixture(scope="module")
def module_workspace(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, emulator_env: dict[str, str]
) -> WorkspaceFactory:
    return _factory(tmp_path_factory.mktemp("scenarios"), emulator_env, request.module)
