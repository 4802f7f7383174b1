"""ImportableResource: an import block whose resource configuration Terraform generates, listed under
``importsGeneratingConfiguration`` in the stack's metadata."""

from __future__ import annotations

import importlib
from typing import TypeVar

from cdktf import App, IImportableConfig, ImportableResource, TerraformProvider, TerraformStack

from ._common import Provider

C = TypeVar("C")


def _implements(cls: type[C]) -> type[C]:
    """cdktf's Python reads a config's properties only from a ``@jsii.implements`` class; the engine takes any
    object with them (and has no jsii)."""
    try:
        jsii = importlib.import_module("jsii")
    except ModuleNotFoundError:
        return cls
    implemented: type[C] = jsii.implements(IImportableConfig)(cls)
    return implemented


@_implements
class Config:
    def __init__(self, import_id: str, provider: TerraformProvider | None = None) -> None:
        self._import_id = import_id
        self._provider = provider

    @property
    def terraform_resource_type(self) -> str:
        return "null_resource"

    @property
    def import_id(self) -> str:
        return self._import_id

    @property
    def provider(self) -> TerraformProvider | None:
        return self._provider


def build(app: App) -> None:
    stack = TerraformStack(app, "importable")
    null = Provider(stack, "null")
    ImportableResource(stack, "existing", Config("id-1"))
    ImportableResource(stack, "with_provider", Config("id-2", null))
