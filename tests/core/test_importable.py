"""ImportableResource as cdktf's (the bytes are compared with cdktf's in tests/differential/apps/importable.py):
an import block to ``<type>.<name>`` and the name under ``importsGeneratingConfiguration``."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from constructs_vpn.core import IImportableConfig, ImportableResource, TerraformStack, ValidationError


def test_any_object_with_the_three_attributes_is_a_config(stack: TerraformStack) -> None:
    config = SimpleNamespace(terraform_resource_type="null_resource", import_id="id-1", provider=None)
    assert isinstance(config, IImportableConfig)
    imported = ImportableResource(stack, "old", config)
    document = stack.to_terraform()
    assert imported.fqn == "null_resource.old"
    assert document["import"] == [{"id": "id-1", "to": "null_resource.old"}]
    assert document["//"]["metadata"]["importsGeneratingConfiguration"] == ["old"]


@pytest.mark.parametrize(
    "config",
    [
        {"terraform_resource_type": "null_resource", "import_id": "id-1"},
        SimpleNamespace(terraform_resource_type="null_resource", import_id="", provider=None),
        SimpleNamespace(terraform_resource_type="null_resource", provider=None),
    ],
    ids=["dict", "empty-id", "no-id"],
)
def test_a_wrong_config_is_our_error_naming_the_path(stack: TerraformStack, config: object) -> None:
    with pytest.raises(ValidationError) as caught:
        ImportableResource(stack, "old", config)  # type: ignore[arg-type]
    assert [(p.path, p.field, p.rule) for p in caught.value.problems] == [("test/old", "config", "type")]
    assert stack.node.try_find_child("old") is None
