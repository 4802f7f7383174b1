"""``TerraformModule`` and ``TerraformHclModule``: a Terraform module called from a stack, as in cdktf.

A local source (``./x``, ``../x``) is written as given: cdktf copies it into an asset folder of ``cdktf.out``
unless ``skip_asset_creation_from_local_modules``; the engine does not copy (docs/from-cdktf.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .construct import Construct
from .element import TerraformElement, top_level_keys
from .errors import ValidationError
from .hcl_render import typed
from .tokens import Expression, Reference

if TYPE_CHECKING:
    from .provider import TerraformProvider
    from .resource import TerraformIterator

__all__ = ["TerraformHclModule", "TerraformModule", "TerraformModuleProvider"]


@dataclass(frozen=True, kw_only=True)
class TerraformModuleProvider:
    """A provider passed to a module under another name: ``providers = {"<type>.<module_alias>" = <fqn>}``."""

    provider: TerraformProvider
    module_alias: str


class TerraformModule(TerraformElement):
    """A module call (``module.<name>``); subclasses (generated module bindings) override
    ``_synthesize_attributes`` with the module's inputs."""

    _override_kind = "module"

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        source: str,
        version: str | None = None,
        depends_on: Sequence[Any] | None = None,
        for_each: TerraformIterator | None = None,
        providers: Sequence[TerraformProvider | TerraformModuleProvider] | None = None,
        skip_asset_creation_from_local_modules: bool | None = None,
    ) -> None:
        super().__init__(scope, id)
        self.source = source
        self.version = version
        self.depends_on = [d if isinstance(d, str) else d.fqn for d in depends_on] if depends_on is not None else None
        self.for_each = for_each
        self.skip_asset_creation_from_local_modules = skip_asset_creation_from_local_modules
        self._providers: list[TerraformProvider | TerraformModuleProvider] = []
        for provider in providers or ():
            self.add_provider(provider)

    @property
    def fqn(self) -> str:
        return f"module.{self.friendly_unique_id}"

    @property
    def reference_prefix(self) -> str:
        return self.fqn

    @property
    def attribute_prefix(self) -> str:
        return f"{self.fqn}.*" if self.for_each is not None else self.fqn

    @property
    def providers(self) -> list[TerraformProvider | TerraformModuleProvider]:
        return list(self._providers)

    def add_provider(self, provider: TerraformProvider | TerraformModuleProvider) -> None:
        key = _provider_key(provider)
        if key in (_provider_key(p) for p in self._providers):
            raise ValidationError.single(
                self.node.path,
                f"two providers are passed to the module as {key!r}",
                field="providers",
                rule="module-provider-alias",
                fix="give each a different module_alias with TerraformModuleProvider",
            )
        self._providers.append(provider)

    def interpolation_for_output(self, module_output: str) -> Expression:
        return Reference(self, module_output)

    def get_string(self, output: str) -> str:
        return str(self.interpolation_for_output(output))

    def _synthesize_attributes(self) -> dict[str, Any]:
        return {}

    def _to_terraform(self) -> dict[str, Any]:
        if self.node.children:
            raise ValidationError.single(
                self.node.path,
                "a module cannot contain constructs",
                rule="module-children",
                fix="create the constructs in the stack or in a Construct, not inside the module",
            )
        providers = {
            _provider_key(p): (p.fqn if not isinstance(p, TerraformModuleProvider) else p.provider.fqn)
            for p in self._providers
        }
        for_each = self.for_each._for_each() if self.for_each is not None else None
        body: dict[str, Any] = {
            **self._synthesize_attributes(),
            "source": self.source,
            "version": self.version,
            "providers": providers or None,
            "depends_on": self.depends_on,
            "for_each": for_each,
        }
        self._apply_overrides(body)
        body["//"] = self._construct_metadata()
        return {"module": {self.friendly_unique_id: body}}

    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        return {}

    def _to_hcl_terraform(self) -> dict[str, Any]:
        body = self._to_terraform()["module"][self.friendly_unique_id]
        attributes: dict[str, Any] = {
            **self._synthesize_hcl_attributes(),
            "source": typed(self.source, "simple", "string", is_block=False),
            "version": typed(self.version, "simple", "string", is_block=False) if self.version else None,
            "providers": body["providers"],
            "depends_on": typed(body["depends_on"], "list", "string", is_block=False) if body["depends_on"] else None,
            "for_each": body["for_each"],
        }
        self._apply_overrides(attributes)
        attributes["//"] = body["//"]
        return {"module": {self.friendly_unique_id: attributes}}

    def _to_metadata(self) -> dict[str, Any]:
        if not self._raw_overrides:
            return {}
        return {"overrides": {f"module.{self.source}": top_level_keys(self._raw_overrides)}}


def _provider_key(provider: TerraformProvider | TerraformModuleProvider) -> str:
    if isinstance(provider, TerraformModuleProvider):
        return f"{provider.provider.terraform_resource_type}.{provider.module_alias}"
    return provider.terraform_resource_type


class TerraformHclModule(TerraformModule):
    """A module called with a dict of inputs (``variables``), for modules without generated bindings."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        source: str,
        variables: Mapping[str, Any] | None = None,
        version: str | None = None,
        depends_on: Sequence[Any] | None = None,
        for_each: TerraformIterator | None = None,
        providers: Sequence[TerraformProvider | TerraformModuleProvider] | None = None,
        skip_asset_creation_from_local_modules: bool | None = None,
    ) -> None:
        super().__init__(
            scope,
            id,
            source=source,
            version=version,
            depends_on=depends_on,
            for_each=for_each,
            providers=providers,
            skip_asset_creation_from_local_modules=skip_asset_creation_from_local_modules,
        )
        self._variables = dict(variables) if variables is not None else None

    @property
    def variables(self) -> dict[str, Any] | None:
        return self._variables

    def set(self, variable: str, value: Any) -> None:
        if self._variables is None:
            self._variables = {}
        self._variables[variable] = value

    def get(self, output: str) -> Expression:
        return self.interpolation_for_output(output)

    def get_number(self, output: str) -> Expression:
        return self.interpolation_for_output(output)

    def get_boolean(self, output: str) -> Expression:
        return self.interpolation_for_output(output)

    def get_list(self, output: str) -> list[str]:
        return self.interpolation_for_output(output)._list_token()

    def _synthesize_attributes(self) -> dict[str, Any]:
        return dict(self._variables or {})

    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        return {k: {"value": v, "type": "any"} for k, v in (self._variables or {}).items()}
