"""The emulator declares exactly the types the package pins (issue #25): the served ones behave as the API,
the rest refuse, naming the emulator rather than the real provider."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator.conftest import WorkspaceFactory
from tests.emulator.harness import document, require_emulator

require_emulator()

from constructs_vpn.alicloud.schema import load_schema  # noqa: E402
from constructs_vpn.emulator._tf import Diagnostics  # noqa: E402
from constructs_vpn.emulator.families import DATA_SOURCES, RESOURCES, UNSERVED  # noqa: E402
from constructs_vpn.emulator.provider import AlicloudEmulator, Emulator  # noqa: E402


def _declared(classes: list[Any]) -> list[str]:
    return sorted("alicloud_" + c.get_name() for c in classes)


def test_the_emulator_declares_exactly_the_pinned_types() -> None:
    provider = AlicloudEmulator(Emulator())
    assert _declared(provider.get_resources()) == sorted(load_schema()["resource_schemas"])
    assert _declared(provider.get_data_sources()) == sorted(load_schema()["data_source_schemas"])


def test_served_and_unserved_split_the_pinned_types() -> None:
    for kind, served in (("resource", RESOURCES), ("data_source", DATA_SOURCES)):
        pinned = set(load_schema()[f"{kind}_schemas"])
        assert set(served) <= pinned, kind
        assert set(served).isdisjoint(UNSERVED[kind]), kind
        assert set(served) | set(UNSERVED[kind]) == pinned, kind


def test_an_unserved_type_declares_the_pinned_schema_and_refuses_naming_the_emulator() -> None:
    provider = AlicloudEmulator(Emulator())
    unserved: list[Any] = [
        c for c in provider.get_resources() + provider.get_data_sources() if not hasattr(c, "family")
    ]
    if not unserved:
        pytest.skip("the emulator serves every pinned type")
    for klass in unserved:
        schema = klass.get_schema().to_pb()
        kind = "resource" if klass in provider.get_resources() else "data_source"
        pinned = load_schema()[f"{kind}_schemas"][klass.type_name]["block"]["attributes"]
        assert sorted(a.name for a in schema.block.attributes) == sorted(pinned)
        diags = Diagnostics()
        provider.new_resource(klass).validate(diags, klass.type_name, {})
        [diagnostic] = diags.diagnostics
        assert "constructs-vpn emulator" in diagnostic.summary and klass.type_name in diagnostic.summary
        assert "`constructs-vpn emulator`" in diagnostic.detail


@pytest.mark.terraform
def test_plan_with_an_unserved_type_blames_the_emulator(workspace: WorkspaceFactory) -> None:
    if not UNSERVED["data_source"]:
        pytest.skip("the emulator serves every pinned data source")
    type_name = UNSERVED["data_source"][0]
    ws = workspace("unserved", document({"alicloud_cen_instance": {"cen": {}}}, data={type_name: {"probe": {}}}))
    ws.init()
    run = ws.run("plan", "-no-color", "-input=false", expect=1)
    assert f"The constructs-vpn emulator does not serve the data source {type_name}" in run.output
    assert "does not support data source" not in run.output
