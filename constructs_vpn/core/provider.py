"""``TerraformProvider``: a ``provider`` block plus its ``terraform.required_providers`` entry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .checks import mapping_problems, raise_problems
from .construct import Construct
from .dynamic import process_dynamic_attributes
from .element import TerraformElement
from .hcl_render import keys_to_snake_case

__all__ = ["TerraformProvider", "TerraformProviderGeneratorMetadata"]


@dataclass(frozen=True, slots=True)
class TerraformProviderGeneratorMetadata:
    """Which provider a binding was generated for, as cdktf records it."""

    provider_name: str
    provider_version: str | None = None
    provider_version_constraint: str | None = None


class TerraformProvider(TerraformElement):
    """A provider configuration. ``alias`` lets one stack use several (regions, accounts)."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        terraform_resource_type: str,
        terraform_provider_source: str | None = None,
        terraform_generator_metadata: TerraformProviderGeneratorMetadata | None = None,
        alias: str | None = None,
        attributes: Mapping[str, Any] | None = None,
    ) -> None:
        raise_problems(
            scope,
            id,
            [
                (
                    "terraform_resource_type",
                    terraform_resource_type,
                    lambda v: isinstance(v, str) and bool(v),
                    "a non-empty str such as 'alicloud'",
                ),
                ("alias", alias, lambda v: isinstance(v, str) and bool(v), "a non-empty str"),
            ],
            [] if attributes is None else mapping_problems("", "attributes", attributes, deep=False),
        )
        super().__init__(scope, id)
        self.terraform_resource_type = terraform_resource_type
        self._override_kind = terraform_resource_type
        self.terraform_provider_source = terraform_provider_source
        self.terraform_generator_metadata = terraform_generator_metadata
        self.alias = alias
        self._attributes = dict(attributes) if attributes else {}

    @property
    def reference_prefix(self) -> str:
        return self.fqn

    @property
    def fqn(self) -> str:
        """How resources name this provider: ``alicloud`` or ``alicloud.<alias>``."""
        return f"{self.terraform_resource_type}.{self.alias}" if self.alias else self.terraform_resource_type

    def _synthesize_attributes(self) -> dict[str, Any]:
        return self._attributes

    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        """The arguments for ``cdk.tf``; cdktf gives none unless a class (a generated binding) says them."""
        return {}

    def _to_hcl_terraform(self) -> dict[str, Any]:
        body = keys_to_snake_case(process_dynamic_attributes(self._synthesize_hcl_attributes()))
        self._apply_overrides(body)
        if self.alias:
            body["alias"] = self.alias
        return {
            "terraform": {"required_providers": {self.terraform_resource_type: self._requirement(version_first=True)}},
            "provider": {self.terraform_resource_type: [body]},
        }

    def _requirement(self, *, version_first: bool = False) -> dict[str, Any]:
        metadata = self.terraform_generator_metadata
        # cdktf 0.21 (terraform-provider.ts) pins the version `get` saw, the constraint only as a fallback.
        version = None if metadata is None else metadata.provider_version or metadata.provider_version_constraint
        requirement = {"source": self.terraform_provider_source, "version": version or None}
        if version_first:  # the order cdktf's HCL fragment has
            requirement = {"version": requirement["version"], "source": requirement["source"]}
        return requirement

    def _to_terraform(self) -> dict[str, Any]:
        body = dict(process_dynamic_attributes(self._synthesize_attributes()))
        if self.alias:
            body["alias"] = self.alias
        self._apply_overrides(body)
        requirement = {k: v for k, v in self._requirement().items() if v}
        doc: dict[str, Any] = {"provider": {self.terraform_resource_type: [body]}}
        if requirement:
            doc["terraform"] = {"required_providers": {self.terraform_resource_type: requirement}}
        return doc
