"""``emulator seed``: make the objects a synthesized stack imports exist in the emulated cloud, with the ids
its ``import`` blocks name, so adopting existing infrastructure (``terraform plan`` importing by id) can be
rehearsed offline.

Each object is created through its family, as ``terraform apply`` would create it from the stack's own
configuration (so the first plan after the import shows no changes), then renamed to the id the stack
names. References between the imported resources, data sources and ``var.*`` are resolved here.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..core.errors import ConstructsVpnError
from .errors import ApiError
from .families import DATA_SOURCES, RESOURCES, Call
from .provider import DEFAULT_REGION, account_of
from .store import Cloud, Store
from .values import complete, to_object

__all__ = ["SeedError", "seed"]

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
_META_ARGUMENTS = {"depends_on", "provider", "lifecycle", "count", "for_each", "provisioner", "connection"}
_REFERENCE = re.compile(r"^\$\{(data\.)?(alicloud_\w+)\.([\w-]+)\.(\w+)(?:\[(\d+)\]\.(\w+))?\}$")
_VARIABLE = re.compile(r"^\$\{var\.(\w+)\}$")


class SeedError(ConstructsVpnError):
    """The stack cannot be seeded: not a synthesized stack, an unresolvable reference, a missing variable."""


class _Resolver:
    """Values of the stack's configuration, with references to what was seeded already resolved."""

    def __init__(self, document: Mapping[str, Any], call: Call, variables: Mapping[str, str], source: Path) -> None:
        self.document = document
        self.call = call
        self.variables = variables
        self.source = source
        self.created: dict[str, dict[str, Any]] = {}

    def value(self, raw: Any) -> Any:
        if isinstance(raw, dict):
            return {k: self.value(v) for k, v in raw.items() if not k.startswith("//") and k not in _META_ARGUMENTS}
        if isinstance(raw, list):
            return [self.value(v) for v in raw]
        if not isinstance(raw, str) or "${" not in raw:
            return raw
        variable = _VARIABLE.match(raw)
        if variable:
            return self._variable(variable[1])
        reference = _REFERENCE.match(raw)
        if reference is None:
            raise SeedError(f"{self.source}: cannot resolve {raw} while seeding the imported objects")
        data, type_name, name, attribute, index, inner = reference.groups()
        if data:
            result = DATA_SOURCES[type_name].read(self.call, self.value(self.document["data"][type_name][name]))
        elif f"{type_name}.{name}" in self.created:
            result = self.created[f"{type_name}.{name}"]
        else:
            raise SeedError(f"{self.source}: {raw} refers to a resource the stack does not import")
        value = result[attribute]
        return value[int(index)][inner] if index is not None else value

    def _variable(self, name: str) -> Any:
        if f"TF_VAR_{name}" in self.variables:
            return self.variables[f"TF_VAR_{name}"]
        declared = self.document.get("variable", {}).get(name, {})
        if "default" in declared:
            return declared["default"]
        raise SeedError(
            f"{self.source} needs variable {name}: set TF_VAR_{name} to the value you will give terraform, "
            "then seed again"
        )


def _as_lists(type_name: str, values: dict[str, Any]) -> dict[str, Any]:
    """Blocks written as one JSON object become one-element lists, as Terraform decodes them."""
    for name, nested in RESOURCES[type_name].spec.block.blocks.items():
        if isinstance(values.get(name), dict) and nested.nesting != "single":
            values[name] = [values[name]]
    return values


def _rename(cloud: Cloud, address: str, generated: str, wanted: str) -> None:
    """Give an object the id the stack names, everywhere it is used (generated ids are unique strings); part
    by part for an id made of others (``cen-…:tr-…``)."""
    ours, theirs = generated.split(":"), wanted.split(":")
    if len(ours) != len(theirs):
        shape = ":".join(part.split("-")[0] + "-…" for part in ours)
        raise SeedError(f"the import block of {address} gives id {wanted!r}; its ids have the form {shape}")
    for part, name in zip(ours, theirs, strict=True):
        if "${" not in name and part != name:
            cloud.rename(part, name)


def _load(directory: Path) -> tuple[Path, dict[str, Any]]:
    path = directory / "cdk.tf.json"
    if not path.is_file():
        raise SeedError(
            f"{directory} holds no cdk.tf.json; give a synthesized stack's folder, "
            "e.g. cdktf.out/stacks/adopt-existing (run `constructs-vpn synth` first)"
        )
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise SeedError(f"cannot read {path}: {error}; run `constructs-vpn synth` again") from error
    if not isinstance(document, dict):
        raise SeedError(f"{path} is not a Terraform JSON document; run `constructs-vpn synth` again")
    return path, document


def seed(directory: Path, store: Store, environment: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """Create every object the stack in ``directory`` imports, in the account and region of its default
    provider block; the (address, id) pairs seeded."""
    source, document = _load(directory)
    imports = {entry["to"]: entry["id"] for entry in document.get("import", []) if isinstance(entry, dict)}
    if not imports:
        raise SeedError(f"{source} has no import blocks: there is nothing to seed")
    unsupported = sorted({address.split(".")[0] for address in imports} - set(ORDER))
    if unsupported:
        raise SeedError(f"{source} imports types `emulator seed` cannot create: {', '.join(unsupported)}")
    providers = document.get("provider", {}).get("alicloud", [{}])
    provider: dict[str, Any] = next((p for p in providers if "alias" not in p), {})
    environment = os.environ if environment is None else environment
    region = provider.get("region") or environment.get("ALICLOUD_REGION") or DEFAULT_REGION
    with store.transaction() as cloud:
        resolver = _Resolver(document, Call(cloud, account_of(provider), region, standing=True), environment, source)
        for type_name in ORDER:
            for name, config in document.get("resource", {}).get(type_name, {}).items():
                address = f"{type_name}.{name}"
                if address not in imports:
                    continue
                wanted = imports[address]
                if "${" not in wanted and cloud.get(type_name, wanted) is not None:
                    raise SeedError(
                        f"{type_name} {wanted} is in the emulated cloud already; "
                        "run `constructs-vpn emulator reset` to seed again from an empty cloud"
                    )
                family = RESOURCES[type_name]
                planned = to_object(complete(family.spec.block, _as_lists(type_name, resolver.value(config))))
                try:
                    generated = family.create(resolver.call, planned)["id"]
                except ApiError as error:
                    raise SeedError(f"{source}: the emulated API refuses {address}: {error}") from error
                _rename(cloud, address, generated, wanted)
                record = cloud.get(type_name, wanted) or cloud.get(type_name, generated)
                assert record is not None, f"seeding {address}: created no object"
                resolver.created[address] = record["attributes"]
    return [(address, resolver.created[address]["id"]) for address in sorted(resolver.created)]
