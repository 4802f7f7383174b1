"""Provisioners (``local-exec``, ``file``, ``remote-exec``) and their SSH/WinRM connections, as cdktf's structs.

A resource writes them as ``"provisioner": [{"<type>": {...}}]`` and ``"connection": {...}``, unset fields left out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "FileProvisioner",
    "LocalExecProvisioner",
    "RemoteExecProvisioner",
    "SSHProvisionerConnection",
    "WinrmProvisionerConnection",
    "provisioner_block",
    "struct_body",
]


def struct_body(value: Any, *, without: tuple[str, ...] = ()) -> dict[str, Any]:
    """A struct's fields that are set, nested structs included, as cdktf's ``keysToSnakeCase`` writes them."""
    body: dict[str, Any] = {}
    for field in dataclasses.fields(value):
        item = getattr(value, field.name)
        if item is None or field.name in without:
            continue
        body[field.name] = struct_body(item) if dataclasses.is_dataclass(item) and not isinstance(item, type) else item
    return body


def provisioner_block(provisioner: Any) -> dict[str, Any]:
    return {provisioner.type: struct_body(provisioner, without=("type",))}


@dataclass(frozen=True, kw_only=True)
class SSHProvisionerConnection:
    host: str
    type: str = "ssh"
    agent: str | None = None
    agent_identity: str | None = None
    bastion_certificate: str | None = None
    bastion_host: str | None = None
    bastion_host_key: str | None = None
    bastion_password: str | None = None
    bastion_port: int | None = None
    bastion_private_key: str | None = None
    bastion_user: str | None = None
    certificate: str | None = None
    host_key: str | None = None
    password: str | None = None
    port: int | None = None
    private_key: str | None = None
    proxy_host: str | None = None
    proxy_port: int | None = None
    proxy_scheme: str | None = None
    proxy_user_name: str | None = None
    proxy_user_password: str | None = None
    script_path: str | None = None
    target_platform: str | None = None
    timeout: str | None = None
    user: str | None = None

    def __repr__(self) -> str:  # passwords and keys stay out of logs
        return f"SSHProvisionerConnection(host={self.host!r}, user={self.user!r})"


@dataclass(frozen=True, kw_only=True)
class WinrmProvisionerConnection:
    host: str
    type: str = "winrm"
    cacert: str | None = None
    https: bool | None = None
    insecure: bool | None = None
    password: str | None = None
    port: int | None = None
    script_path: str | None = None
    timeout: str | None = None
    use_ntlm: bool | None = None
    user: str | None = None

    def __repr__(self) -> str:
        return f"WinrmProvisionerConnection(host={self.host!r}, user={self.user!r})"


Connection = SSHProvisionerConnection | WinrmProvisionerConnection


@dataclass(frozen=True, kw_only=True)
class LocalExecProvisioner:
    command: str
    type: str = "local-exec"
    environment: Mapping[str, str] | None = None
    interpreter: Sequence[str] | None = None
    when: str | None = None
    working_dir: str | None = None


@dataclass(frozen=True, kw_only=True)
class FileProvisioner:
    destination: str
    type: str = "file"
    connection: Connection | None = None
    content: str | None = None
    source: str | None = None


@dataclass(frozen=True, kw_only=True)
class RemoteExecProvisioner:
    type: str = "remote-exec"
    connection: Connection | None = None
    inline: Sequence[str] | None = None
    script: str | None = None
    scripts: Sequence[Any] | None = None
