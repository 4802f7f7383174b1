"""The collector policy of an app: fewer young-generation passes while it is built, the program's own
threshold back when synthesis ends, and the collector on again as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from constructs_vpn.core import App, TerraformStack
from constructs_vpn.core.collector import BUILD_THRESHOLD


@pytest.fixture(autouse=True)
def _threshold() -> Iterator[None]:
    saved = gc.get_threshold()
    gc.set_threshold(700, *saved[1:])
    yield
    gc.set_threshold(*saved)


def test_building_an_app_raises_the_threshold_and_synth_puts_it_back(tmp_path: Path) -> None:
    app = App(outdir=tmp_path)
    TerraformStack(app, "a")
    assert gc.get_threshold()[0] == BUILD_THRESHOLD
    app.synth()
    assert gc.get_threshold()[0] == 700
    assert gc.isenabled()


def test_a_threshold_the_program_chose_is_left_alone(tmp_path: Path) -> None:
    gc.set_threshold(BUILD_THRESHOLD * 2)
    App(outdir=tmp_path).synth()
    assert gc.get_threshold()[0] == BUILD_THRESHOLD * 2
    gc.set_threshold(0)  # automatic collection off
    App(outdir=tmp_path).synth()
    assert gc.get_threshold()[0] == 0


def test_two_apps_built_together_put_back_the_original(tmp_path: Path) -> None:
    first, second = App(outdir=tmp_path / "1"), App(outdir=tmp_path / "2")
    first.synth()
    assert gc.get_threshold()[0] == 700
    second.synth()
    assert gc.get_threshold()[0] == 700


def test_a_paused_collector_stays_paused(tmp_path: Path) -> None:
    gc.disable()
    try:
        App(outdir=tmp_path).synth()
        assert not gc.isenabled()
    finally:
        gc.enable()
