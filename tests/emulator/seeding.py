"""Objects a stack adopts (``import`` blocks) made to exist in the emulator before the stack's first plan,
created through the emulator's own families and then given the ids the stack names."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from constructs_vpn.emulator import Store
from constructs_vpn.emulator.families import DATA_SOURCES, RESOURCES, Call
from constructs_vpn.emulator.provider import DEFAULT_ACCOUNT
from constructs_vpn.emulator.values import complete, to_object

#: Creation order: a type's references point only at types before it.
ORDER = (
    "alicloud_cen_instance",
    "alicloud_cen_transit_router",
    "alicloud_vpn_customer_gateway",
    "alicloud_vpn_gateway_vpn_attachment",
    "alicloud_cen_transit_router_vpn_attachment",
    "alicloud_cen_transit_router_route_table_association",
    "alicloud_cen_transit_router_route_table_propagation",
)
META_ARGUMENTS = {"depends_on", "provider", "lifecycle", "count", "for_each", "provisioner", "connection"}
_REFERENCE = re.compile(r"^\$\{(data\.)?(alicloud_\w+)\.([\w-]+)\.(\w+)(?:\[(\d+)\]\.(\w+))?\}$")
_VARIABLE = re.compile(r"^\$\{var\.(\w+)\}$")


class _Resolver:
    def __init__(self, document: Mapping[str, Any], call: Call, variables: Mapping[str, str]) -> None:
        self.document = document
        self.call = call
        self.variables = variables
        self.created: dict[str, dict[str, Any]] = {}

    def value(self, raw: Any) -> Any:
        if isinstance(raw, dict):
            return {k: self.value(v) for k, v in raw.items() if not k.startswith("//") and k not in META_ARGUMENTS}
        if isinstance(raw, list):
            return [self.value(v) for v in raw]
        if not isinstance(raw, str) or "${" not in raw:
            return raw
        variable = _VARIABLE.match(raw)
        if variable:
            return self.variables[f"TF_VAR_{variable[1]}"]
        reference = _REFERENCE.match(raw)
        if reference is None:
            raise AssertionError(f"cannot resolve {raw} while seeding imported objects")
        data, type_name, name, attribute, index, inner = reference.groups()
        if data:
            config = self.value(self.document["data"][type_name][name])
            result = DATA_SOURCES[type_name].read(self.call, config)
        else:
            result = self.created[f"{type_name}.{name}"]
        value = result[attribute]
        return value[int(index)][inner] if index is not None else value


def _as_lists(type_name: str, values: dict[str, Any]) -> dict[str, Any]:
    """Blocks written as one JSON object become one-element lists, as Terraform decodes them."""
    block = RESOURCES[type_name].spec.block
    for name, nested in block.blocks.items():
        if isinstance(values.get(name), dict) and nested.nesting != "single":
            values[name] = [values[name]]
    return values


def seed_imports(document: Mapping[str, Any], state_file: Path, variables: Mapping[str, str]) -> list[str]:
    """Create every object ``document`` imports; the addresses seeded."""
    imports = {entry["to"]: entry["id"] for entry in document.get("import", [])}
    if not imports:
        return []
    region = document["provider"]["alicloud"][0].get("region", "cn-beijing")
    store = Store(state_file)
    with store.transaction() as cloud:
        resolver = _Resolver(document, Call(cloud, DEFAULT_ACCOUNT, region), variables)
        for type_name in ORDER:
            for name, config in document.get("resource", {}).get(type_name, {}).items():
                address = f"{type_name}.{name}"
                if address in imports:
                    family = RESOURCES[type_name]
                    planned = to_object(complete(family.spec.block, _as_lists(type_name, resolver.value(config))))
                    generated = family.create(resolver.call, planned)["id"]
                    # The stack names its objects by their real ids: give them those ids at once.
                    for ours, theirs in zip(generated.split(":"), imports[address].split(":"), strict=True):
                        if "${" not in theirs and ours != theirs:
                            cloud.data = json.loads(json.dumps(cloud.data).replace(ours, theirs))
                    record = cloud.get(type_name, imports[address]) or cloud.get(type_name, generated)
                    assert record is not None, f"seeding {address}: no object"
                    resolver.created[address] = record["attributes"]
                    resolver.call.cloud = cloud
    assert set(resolver.created) == set(imports), f"cannot seed {sorted(set(imports) - set(resolver.created))}"
    return sorted(imports)
