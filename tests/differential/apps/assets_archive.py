"""TerraformAsset with AssetType.ARCHIVE: the folder zipped into ``assets/<id>/<hash>/archive.zip``."""

from __future__ import annotations

from pathlib import Path

from cdktf import App, AssetType, TerraformAsset, TerraformOutput, TerraformStack

from ._common import Provider, Resource

FIXTURE = Path(__file__).resolve().parent / "asset_fixture"


def build(app: App) -> None:
    stack = TerraformStack(app, "archive")
    Provider(stack, "null")
    zipped = TerraformAsset(stack, "zipped", path=str(FIXTURE), type=AssetType.ARCHIVE)
    Resource(stack, "uses", {"triggers": {"zip": zipped.path, "hash": zipped.asset_hash}})
    TerraformOutput(stack, "name", value=zipped.file_name)
    TerraformOutput(stack, "type", value=str(zipped.type))
