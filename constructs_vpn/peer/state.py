"""Values known only after deploy (cloud gateway addresses, generated keys), read from Terraform state."""

from __future__ import annotations

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


def read_deployed(path: Path, resource_name: str) -> DeployedTunnels:
    """Gateway addresses and keys of connection ``resource_name`` in state file ``path``."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ValidationError.single(
            str(path), f"cannot read Terraform state: {error.__class__.__name__}", rule="peer-state",
            fix="deploy the stack first, or pass --state FILE / --gateway-ip",
        ) from None  # fmt: skip
    for resource in state.get("resources", []):
        if resource.get("type") == CONNECTION_TYPE and resource.get("name") == resource_name:
            attributes = (resource.get("instances") or [{}])[0].get("attributes", {})
            tunnels = sorted(
                attributes.get("tunnel_options_specification") or [], key=lambda t: t.get("tunnel_index", 0)
            )
            if tunnels:
                return DeployedTunnels(
                    tuple(t.get("internet_ip") or None for t in tunnels),
                    tuple(_first(t.get("tunnel_ike_config")).get("psk") or None for t in tunnels),
                )
            return DeployedTunnels((None,), (_first(attributes.get("ike_config")).get("psk") or None,))
    raise ValidationError.single(
        str(path), f"no {CONNECTION_TYPE}.{resource_name} in this state", rule="peer-state",
        fix="deploy the stack first, or pass --state with the right file",
    )  # fmt: skip
