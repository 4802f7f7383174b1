"""Values known only after deploy (cloud gateway addresses, generated keys), read from Terraform state."""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.errors import ValidationError
from .plan import CONNECTION_TYPE

__all__ = ["DeployedTunnels", "read_deployed", "state_path"]


@dataclass(frozen=True)
class DeployedTunnels:
    """Per tunnel, in tunnel order: the cloud gateway address and the key, where state has them."""

    gateway_ips: tuple[str | None, ...]
    psks: tuple[str | None, ...]

    def __repr__(self) -> str:  # the keys never show
        return f"DeployedTunnels(gateway_ips={self.gateway_ips}, psks=<{len(self.psks)} hidden>)"


def state_path(document: Mapping[str, Any]) -> Path | None:
    """The local backend's state file of a synthesized stack, if it uses one."""
    path = document.get("terraform", {}).get("backend", {}).get("local", {}).get("path")
    return Path(path) if isinstance(path, str) else None


def _first(block: Any) -> Mapping[str, Any]:
    if isinstance(block, list) and block and isinstance(block[0], Mapping):
        return block[0]
    return {}


def read_deployed(path: Path, resource_name: str, document: Mapping[str, Any]) -> DeployedTunnels | None:
    """Gateway addresses and keys of connection ``resource_name`` (of ``document``) in state file ``path``;
    ``None`` when the state does not hold it (destroyed, or not applied yet).

    A dual-tunnel connection's state has each tunnel's ``internet_ip``. A single-tunnel one has no address
    attribute (``internet_ip`` was removed in provider 1.246.0), but when the stack sets no LocalId the API
    writes the gateway's address there (its documented default), so that is the address.
    """
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError.single(
            str(path), f"cannot read Terraform state: {error.__class__.__name__}", rule="peer-state",
            fix="deploy the stack first, or pass --state FILE / --gateway-ip",
        ) from None  # fmt: skip
    resources = state.get("resources", []) if isinstance(state, Mapping) else []
    for resource in resources if isinstance(resources, list) else []:
        if not isinstance(resource, Mapping):
            continue
        if resource.get("type") == CONNECTION_TYPE and resource.get("name") == resource_name:
            attributes = _first(resource.get("instances")).get("attributes") or {}
            tunnels = sorted(
                (t for t in attributes.get("tunnel_options_specification") or [] if isinstance(t, Mapping)),
                key=lambda t: int(t["tunnel_index"]) if isinstance(t.get("tunnel_index"), int) else 0,
            )
            if tunnels:
                return DeployedTunnels(
                    tuple(_text(t.get("internet_ip")) for t in tunnels),
                    tuple(_text(_first(t.get("tunnel_ike_config")).get("psk")) for t in tunnels),
                )
            ike = _first(attributes.get("ike_config"))
            body = document.get("resource", {}).get(CONNECTION_TYPE, {}).get(resource_name, {})
            written = _one(body.get("ike_config")).get("local_id")
            local_id = _text(ike.get("local_id")) if written is None else None
            return DeployedTunnels((local_id if _is_ipv4(local_id) else None,), (_text(ike.get("psk")),))
    return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _is_ipv4(value: str | None) -> bool:
    try:
        ipaddress.IPv4Address(value or "")
    except ValueError:
        return False
    return True


def _one(block: Any) -> Mapping[str, Any]:
    return block if isinstance(block, Mapping) else _first(block)
