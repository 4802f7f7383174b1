"""TerraformAsset: a file and a folder copied into the stack's folder, referred to by their hashed paths."""

from __future__ import annotations

from pathlib import Path

from cdktf import App, AssetType, TerraformAsset, TerraformOutput, TerraformStack
from constructs import Construct

from ._common import Provider, Resource

FIXTURE = Path(__file__).resolve().parent / "asset_fixture"


def build(app: App) -> None:
    stack = TerraformStack(app, "assets")
    Provider(stack, "null")
    script = TerraformAsset(stack, "script", path=str(FIXTURE / "run.sh"), type=AssetType.FILE)
    folder = TerraformAsset(Construct(stack, "nested"), "folder", path=str(FIXTURE), type=AssetType.DIRECTORY)
    Resource(stack, "uses", {"triggers": {"script": script.path, "folder": folder.path, "hash": folder.asset_hash}})
    TerraformOutput(stack, "name", value=script.file_name)
