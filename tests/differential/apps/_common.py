"""A generic resource, data source and provider written as a cdktf Python user writes them without bindings.

cdktf's ``TerraformResource`` takes no attributes: a subclass overrides the jsii-protected
``_synthesize_attributes`` (cdktf-format.md, section 2).
"""

from __future__ import annotations

from typing import Any

from cdktf import (
    TerraformDataSource,
    TerraformProvider,
    TerraformProviderGeneratorMetadata,
    TerraformResource,
)
from constructs import Construct

META = TerraformProviderGeneratorMetadata(provider_name="null")


class Provider(TerraformProvider):
    def __init__(self, scope: Construct, id: str, attributes: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(
            scope,
            id,
            terraform_resource_type="null",
            terraform_provider_source="hashicorp/null",
            terraform_generator_metadata=META,
            **kwargs,
        )
        self._attrs = attributes or {}

    def _synthesize_attributes(self) -> dict[str, Any]:
        return self._attrs


class Resource(TerraformResource):
    def __init__(self, scope: Construct, id: str, attributes: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(
            scope, id, terraform_resource_type="null_resource", terraform_generator_metadata=META, **kwargs
        )
        self._attrs = attributes or {}

    def _synthesize_attributes(self) -> dict[str, Any]:
        return self._attrs


class Data(TerraformDataSource):
    def __init__(self, scope: Construct, id: str, attributes: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(
            scope, id, terraform_resource_type="null_data_source", terraform_generator_metadata=META, **kwargs
        )
        self._attrs = attributes or {}

    def _synthesize_attributes(self) -> dict[str, Any]:
        return self._attrs
