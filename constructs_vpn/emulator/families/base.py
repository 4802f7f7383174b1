"""What every emulated resource type shares: the call context and the default create/read/update/delete."""

from __future__ import annotations

import copy
import datetime
import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..errors import ApiError, not_found
from ..schema import BlockSpec, TypeSpec, data_source_spec, resource_spec
from ..store import Cloud

__all__ = ["Call", "DataFamily", "Family", "default", "hash_id", "listing", "matches", "objects", "overlay"]

#: The first characters of an instance id in a region, as the console shows them (``tr-bp1…``).
_REGION_CODES = {
    "cn-hangzhou": "bp1",
    "cn-shanghai": "uf6",
    "cn-beijing": "2ze",
    "cn-shenzhen": "wz9",
    "cn-hongkong": "j6c",
    "ap-southeast-1": "t4n",
    "eu-central-1": "gw8",
    "us-west-1": "rj9",
}


def region_code(region: str) -> str:
    return _REGION_CODES.get(region) or hashlib.sha256(region.encode()).hexdigest()[:3]


@dataclass
class Call:
    """One API call: the cloud (locked for this call), and the caller's account and region."""

    cloud: Cloud
    account: str
    region: str
    #: The resource's configuration as written, null where it sets nothing (during apply; ``None`` elsewhere):
    #: what the provider's ``d.GetOkExists`` tells apart from a value the state or the API supplied.
    config: Mapping[str, Any] | None = None
    #: The object stands in the cloud already (``emulator seed`` of what a stack adopts): it was created when
    #: the API's rules for new objects were older, so those rules (single-tunnel creation) do not apply.
    standing: bool = False

    def now(self) -> str:
        return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def new_id(self, prefix: str, length: int, *, regional: bool = False) -> str:
        if regional:
            code = region_code(self.region)
            return self.cloud.new_id(prefix + code, length - len(code))
        return self.cloud.new_id(prefix, length)

    def lookup(self, type_name: str, id: str | None, *, account: str | None = None) -> dict[str, Any] | None:
        """The attributes of object ``id`` of ``account`` (default: the caller's), or ``None``."""
        record = self.cloud.get(type_name, id) if id else None
        if record is None or record["account"] != (account or self.account):
            return None
        attributes: dict[str, Any] = record["attributes"]
        return attributes

    def require(
        self, type_name: str, id: str | None, code: str, what: str, *, account: str | None = None
    ) -> dict[str, Any]:
        found = self.lookup(type_name, id, account=account)
        if found is None:
            raise not_found(code, what, id)
        return found

    def where(self, type_name: str, **match: Any) -> Iterator[tuple[str, dict[str, Any]]]:
        """Objects of ``type_name`` (any account) whose attributes equal ``match``."""
        for id, record in self.cloud.records(type_name, **match):
            yield id, record["attributes"]

    def owner(self, type_name: str, id: str) -> str | None:
        record = self.cloud.get(type_name, id)
        return None if record is None else str(record["account"])

    def put(self, type_name: str, id: str, attributes: dict[str, Any], *, account: str | None = None) -> None:
        self.cloud.put(type_name, id, account or self.account, self.region, attributes)

    def remove(self, type_name: str, id: str) -> None:
        self.cloud.remove(type_name, id)

    @property
    def resource_group_id(self) -> str:
        """The account's default resource group."""
        return "rg-acfm" + hashlib.sha256(self.account.encode()).hexdigest()[:11]


def default(values: dict[str, Any], **defaults: Any) -> None:
    """Fill the keys of ``values`` that are missing or null."""
    for key, value in defaults.items():
        if values.get(key) is None:
            values[key] = value


def objects(type_json: Any, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``items`` shaped as the ``["list", ["object", {...}]]`` attribute ``type_json``: every key present
    (missing ones null), nested lists of objects likewise, nothing else."""
    fields: dict[str, Any] = type_json[1][1]
    out = []
    for item in items:
        shaped: dict[str, Any] = {}
        for key, kind in fields.items():
            value = item.get(key)
            nested = isinstance(kind, list) and kind[0] in ("list", "set") and isinstance(kind[1], list)
            shaped[key] = objects(kind, value or []) if nested else copy.deepcopy(value)
        out.append(shaped)
    return out


def overlay(block: BlockSpec, current: Mapping[str, Any], planned: Mapping[str, Any]) -> dict[str, Any]:
    """The object after an update: planned values, with the cloud's own values where the plan has none for a
    computed attribute, and Optional+Computed blocks the configuration leaves out kept as they are."""
    out = copy.deepcopy(dict(current))
    for name, attr in block.attributes.items():
        value = planned.get(name)
        if value is not None or not attr.computed:
            out[name] = copy.deepcopy(value)
    for name, nested in block.blocks.items():
        if name not in planned or nested.nesting == "single":
            continue
        value = planned.get(name) or []
        ours = current.get(name) or []
        if not value and nested.computed:
            continue
        if nested.nesting == "list":
            out[name] = [overlay(nested.block, ours[i] if i < len(ours) else {}, v) for i, v in enumerate(value)]
        else:
            out[name] = copy.deepcopy(value)
    return out


class Family:
    """A resource type: its API actions and behaviour. Subclasses implement :meth:`create` and usually
    :meth:`check` (rules for create and update) and :meth:`check_delete`."""

    type_name: ClassVar[str]
    #: API actions (create, describe, modify, delete), the names fault injection matches.
    actions: ClassVar[tuple[str, str, str, str]]
    #: (attribute, its deprecated alias) pairs that the API keeps as one value (``Name``).
    aliases: ClassVar[tuple[tuple[str, str], ...]] = ()

    @property
    def spec(self) -> TypeSpec:
        return resource_spec(self.type_name)

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        """Create the object from the plan (unknown values as ``None``); its attributes."""
        raise NotImplementedError

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        """Raise :class:`ApiError` when the API refuses ``values`` (``current``: before an update)."""

    def read(self, call: Call, id: str) -> dict[str, Any] | None:
        found = call.lookup(self.type_name, id)
        return copy.deepcopy(found) if found is not None else None

    def update(self, call: Call, id: str, planned: dict[str, Any]) -> dict[str, Any]:
        current = call.lookup(self.type_name, id)
        if current is None:
            raise ApiError("ResourceNotFound", f"The {self.type_name} {id} does not exist.", status=404)
        values = overlay(self.spec.block, current, planned)
        self.resolve_aliases(values, current)
        self.check(call, values, current)
        self.fill(call, values)
        call.put(self.type_name, id, values)
        return values

    def resolve_aliases(self, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        """One API value for an attribute and its deprecated alias, as the provider sends it: on create the
        attribute if set, else the alias (``d.GetOk`` of both, the attribute last); on update the one whose
        value changed (``d.HasChange``, the attribute checked last). Read sets both from the API."""
        for name, alias in self.aliases:
            if current is None:
                value = values.get(name) or values.get(alias)
            elif values.get(name) != current.get(name):
                value = values.get(name)
            elif values.get(alias) != current.get(alias):
                value = values.get(alias)
            else:
                value = current.get(name)
            values[name] = values[alias] = value or ""

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        """Fill the API's defaults into ``values`` (create and update)."""

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        """Raise :class:`ApiError` when the object cannot be deleted yet."""

    def delete(self, call: Call, id: str) -> None:
        current = call.lookup(self.type_name, id)
        if current is None:
            return
        self.check_delete(call, id, current)
        call.remove(self.type_name, id)

    def store(self, call: Call, id: str, values: dict[str, Any]) -> dict[str, Any]:
        values["id"] = id
        self.resolve_aliases(values, None)
        self.fill(call, values)
        call.put(self.type_name, id, values)
        return values


class DataFamily:
    """A data source: one API action and a read."""

    type_name: ClassVar[str]
    action: ClassVar[str]

    @property
    def spec(self) -> TypeSpec:
        return data_source_spec(self.type_name)

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError


def hash_id(values: list[str]) -> str:
    return str(int(hashlib.sha256(",".join(values).encode()).hexdigest()[:8], 16))


def matches(config: dict[str, Any], item: dict[str, Any], name_key: str, filters: tuple[str, ...]) -> bool:
    """Does ``item`` pass a data source's ``ids``, ``name_regex`` (on ``name_key``) and the equality
    ``filters`` its configuration sets?"""
    ids = config.get("ids")
    pattern = config.get("name_regex")
    if ids and item["id"] not in ids:
        return False
    if pattern and not re.search(pattern, item.get(name_key) or ""):
        return False
    return all(config.get(key) in (None, item.get(key)) for key in filters)


def listing(
    family: DataFamily, config: dict[str, Any], key: str, found: list[dict[str, Any]], name_key: str
) -> dict[str, Any]:
    """A data source's result: ``found`` sorted by id and shaped as its ``key`` attribute, their ids and
    names, and an id hashed from the ids (the provider's ``dataResourceIdHash``)."""
    found.sort(key=lambda item: str(item["id"]))
    ids = [item["id"] for item in found]
    result = {**config, "id": hash_id([str(id) for id in ids])}
    result[key] = objects(family.spec.block.attributes[key].type, found)
    result["names"] = [item.get(name_key) or "" for item in found]
    if not config.get("ids"):
        result["ids"] = ids
    if "total_count" in family.spec.block.attributes:
        result["total_count"] = len(found)
    return result
