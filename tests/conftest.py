"""Fixtures every test folder can use (an App writing into the test's temporary folder, and a stack in it), and
how the suite is split between pytest-xdist workers."""

from __future__ import annotations

from pathlib import Path

import pytest

from constructs_vpn.core import App, TerraformStack
from tests.tooling import REPO_DIR

#: Tests using this fixture start charons in network namespaces: one worker runs them all, one after another, so
#: their handshake timeouts are not raced by a second lab on a 2-core machine.
_LAB_FIXTURE = "make_lab"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give each test an ``xdist_group`` (read by ``--dist loadgroup``, set in pyproject.toml): its file, so a
    module-scoped fixture (a whole emulator lifecycle, a cdktf synth) runs on one worker only; the IPsec lab's."""
    for item in items:
        if item.get_closest_marker("xdist_group") is not None:
            continue
        if _LAB_FIXTURE in getattr(item, "fixturenames", ()):
            group = "ipsec-lab"
        else:
            group = item.path.relative_to(REPO_DIR).as_posix()
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture
def app(tmp_path: Path) -> App:
    return App(outdir=tmp_path / "cdktf.out")


@pytest.fixture
def stack(app: App) -> TerraformStack:
    return TerraformStack(app, "test")
