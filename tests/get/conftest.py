"""Fixtures for ``constructs-vpn get``: a cdktf project folder and the vendored schema as ``providers schema -json``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.alicloud.schema import load_schema
from constructs_vpn.cli.main import main


def schema_document(address: str, schema: dict[str, Any]) -> dict[str, Any]:
    """What ``terraform providers schema -json`` prints for one provider."""
    return {"format_version": "1.0", "provider_schemas": {address: schema}}


def write_project(folder: Path, config: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cdktf.json").write_text(json.dumps(config), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def alicloud_schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "schema.json"
    document = schema_document("registry.terraform.io/aliyun/alicloud", load_schema())
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def alicloud_project(tmp_path_factory: pytest.TempPathFactory, alicloud_schema_file: Path) -> Path:
    """A project whose ``imports/alicloud`` was written by ``constructs-vpn get --schema`` (once per session)."""
    project = write_project(
        tmp_path_factory.mktemp("project"),
        {"language": "python", "app": "python main.py", "terraformProviders": ["aliyun/alicloud@~> 1.289"]},
    )
    assert main(["get", "--dir", str(project), "--schema", str(alicloud_schema_file)]) == 0
    return project


@contextmanager
def importable(project: Path) -> Iterator[Path]:
    """``imports.*`` of ``project`` importable, as in a cdktf app's folder; unloaded again afterwards."""
    sys.path.insert(0, str(project))
    try:
        yield project
    finally:
        sys.path.remove(str(project))
        for name in [m for m in sys.modules if m == "imports" or m.startswith("imports.")]:
            del sys.modules[name]


@pytest.fixture
def on_path(alicloud_project: Path) -> Iterator[Path]:
    with importable(alicloud_project):
        yield alicloud_project
