"""``ImportableResource``: an ``import`` block for an object whose configuration Terraform writes (``terraform
plan -generate-config-out``), as cdktf 0.21's (what a binding's ``generate_config_for_import`` returns)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .construct import Construct
from .element import TerraformElement
from .errors import ValidationError
from .hcl_render import typed_import

if TYPE_CHECKING:
    from .provider import TerraformProvider

__all__ = ["IImportableConfig", "ImportableResource"]


@runtime_checkable
class IImportableConfig(Protocol):
    """What ``ImportableResource`` reads: any object with these three attributes (cdktf's Python needs a
    ``@jsii.implements(IImportableConfig)`` class with properties; here any such object will do)."""

    @property
    def terraform_resource_type(self) -> str: ...

    @property
    def import_id(self) -> str: ...

    @property
    def provider(self) -> TerraformProvider | None: ...


class ImportableResource(TerraformElement):
    """``import { to = <type>.<name>, id = <import_id> }`` for a resource not in the app yet; the stack's
    metadata lists it under ``importsGeneratingConfiguration``, as cdktf writes it."""

    def __init__(self, scope: Construct, name: str, config: IImportableConfig) -> None:
        if not isinstance(config, IImportableConfig) or not all(
            isinstance(value, str) and value for value in (config.terraform_resource_type, config.import_id)
        ):
            path = f"{scope.node.path}/{name}" if scope.node.path else name
            raise ValidationError.single(
                path,
                f"expected an object with terraform_resource_type, import_id (non-empty strings) and provider, "
                f"got {type(config).__name__}",
                field="config",
                rule="type",
                fix="pass an object with those attributes, or use <Resource>.generate_config_for_import(...)",
            )
        super().__init__(scope, name)
        self.config = config

    @property
    def fqn(self) -> str:
        """The address the import goes to: ``<terraform_resource_type>.<name>``."""
        return f"{self.config.terraform_resource_type}.{self.friendly_unique_id}"

    @property
    def reference_prefix(self) -> str:
        return self.fqn

    def to_terraform(self) -> dict[str, Any]:
        provider = self.config.provider
        block: dict[str, Any] = {"to": self.fqn, "id": self.config.import_id}
        if provider is not None:
            block["provider"] = provider.fqn
        return {"import": [block]}

    def to_metadata(self) -> dict[str, Any]:
        return {"importsGeneratingConfiguration": [self.friendly_unique_id]}

    def _to_terraform(self) -> dict[str, Any]:
        return self.to_terraform()

    def _to_hcl_terraform(self) -> dict[str, Any]:
        provider = self.config.provider
        return {"import": [typed_import(self.fqn, self.config.import_id, provider.fqn if provider else None)]}

    def _to_metadata(self) -> dict[str, Any]:
        return self.to_metadata()
