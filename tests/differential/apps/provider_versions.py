"""required_providers.version: cdktf writes the generator's providerVersion, else its providerVersionConstraint."""

from __future__ import annotations

from typing import Any

from cdktf import App, TerraformProvider, TerraformProviderGeneratorMetadata, TerraformStack
from constructs import Construct


class Provider(TerraformProvider):
    def __init__(self, scope: Construct, id: str, name: str, meta: TerraformProviderGeneratorMetadata) -> None:
        super().__init__(
            scope,
            id,
            terraform_resource_type=name,
            terraform_provider_source=f"hashicorp/{name}",
            terraform_generator_metadata=meta,
        )

    def _synthesize_attributes(self) -> dict[str, Any]:
        return {}


def build(app: App) -> None:
    stack = TerraformStack(app, "provider_versions")
    both = TerraformProviderGeneratorMetadata(
        provider_name="null", provider_version="3.2.3", provider_version_constraint="~> 3.2"
    )
    Provider(stack, "both", "null", both)
    constraint_only = TerraformProviderGeneratorMetadata(provider_name="random", provider_version_constraint="~> 3.6")
    Provider(stack, "constraint", "random", constraint_only)
    Provider(
        stack, "version", "local", TerraformProviderGeneratorMetadata(provider_name="local", provider_version="2.5.1")
    )
    Provider(stack, "neither", "time", TerraformProviderGeneratorMetadata(provider_name="time"))
