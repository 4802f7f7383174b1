"""Where a stack keeps its state (``LocalBackend``, ``OssBackend``) and how another stack reads it."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Any

from .construct import Construct
from .element import TerraformElement
from .tokens import Expression, RawExpression, Reference

__all__ = [
    "DataTerraformRemoteState",
    "DataTerraformRemoteStateLocal",
    "DataTerraformRemoteStateOss",
    "LocalBackend",
    "OssAssumeRole",
    "OssBackend",
    "TerraformBackend",
    "TerraformRemoteState",
]

_BACKEND_ID = "backend"


class TerraformBackend(TerraformElement):
    """Base of backends: one per stack, written to ``terraform.backend.<name>``."""

    _override_kind = "backend"
    backend_name = ""

    def __init__(self, scope: Construct) -> None:
        super().__init__(scope, _BACKEND_ID)

    @property
    def reference_prefix(self) -> str:
        return "terraform.backend"

    def _synthesize_attributes(self) -> dict[str, Any]:
        raise NotImplementedError

    def _to_terraform(self) -> dict[str, Any]:
        body = self._apply_overrides(dict(self._synthesize_attributes()))
        return {"terraform": {"backend": {self.backend_name: body}}}

    def remote_state(self, scope: Construct, id: str) -> DataTerraformRemoteState:
        """A data source in ``scope`` that reads the outputs this backend stores, in the workspace being
        applied (``workspace = "${terraform.workspace}"``, as cdktf writes it)."""
        return DataTerraformRemoteState(
            scope,
            id,
            backend=self.backend_name,
            config=self._synthesize_attributes(),
            workspace=RawExpression("terraform.workspace"),
        )


class LocalBackend(TerraformBackend):
    """State in a local file; by default ``<cwd>/terraform.<stack id>.tfstate``, as cdktf writes it."""

    backend_name = "local"

    def __init__(self, scope: Construct, *, path: str | None = None, workspace_dir: str | None = None) -> None:
        super().__init__(scope)
        self.path = path or os.path.join(os.getcwd(), f"terraform.{self.stack.node.id}.tfstate")
        self.workspace_dir = workspace_dir

    def _synthesize_attributes(self) -> dict[str, Any]:
        return {"path": self.path, "workspace_dir": self.workspace_dir}


@dataclass(frozen=True, slots=True)
class OssAssumeRole:
    """The ``assume_role`` block of the OSS backend."""

    role_arn: str
    session_name: str | None = None
    policy: str | None = None
    session_expiration: int | None = None
    """Seconds, 900 to 3600."""


class OssBackend(TerraformBackend):
    """State in an Alibaba Cloud OSS bucket, locked through a Tablestore table when one is given."""

    backend_name = "oss"

    def __init__(
        self,
        scope: Construct,
        *,
        bucket: str,
        prefix: str | None = None,
        key: str | None = None,
        region: str | None = None,
        endpoint: str | None = None,
        encrypt: bool | None = None,
        acl: str | None = None,
        tablestore_endpoint: str | None = None,
        tablestore_table: str | None = None,
        assume_role: OssAssumeRole | None = None,
        profile: str | None = None,
        shared_credentials_file: str | None = None,
        ecs_role_name: str | None = None,
    ) -> None:
        super().__init__(scope)
        self._config: dict[str, Any] = {
            "bucket": bucket,
            "prefix": prefix,
            "key": key,
            "region": region,
            "endpoint": endpoint,
            "encrypt": encrypt,
            "acl": acl,
            "tablestore_endpoint": tablestore_endpoint,
            "tablestore_table": tablestore_table,
            "assume_role": asdict(assume_role) if assume_role is not None else None,
            "profile": profile,
            "shared_credentials_file": shared_credentials_file,
            "ecs_role_name": ecs_role_name,
        }

    def _synthesize_attributes(self) -> dict[str, Any]:
        return dict(self._config)


class DataTerraformRemoteState(TerraformElement):
    """``data.terraform_remote_state``: the outputs of another configuration. Called as in cdktf
    (``organization=``, ``workspaces=``, ``hostname=``, ``token=``) it reads the ``remote`` backend; the
    engine's readers pass ``backend`` and ``config``."""

    _override_kind = "terraform_remote_state"

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        backend: str = "remote",
        config: dict[str, Any] | None = None,
        workspace: str | Expression | None = None,
        defaults: dict[str, Any] | None = None,
        **remote: Any,
    ) -> None:
        super().__init__(scope, id)
        self.backend = backend
        from .more_backends import _plain

        self.config = {k: v for k, v in {**(config or {}), **_plain(remote)}.items() if v is not None}
        self.workspace = workspace
        self.defaults = defaults

    @property
    def reference_prefix(self) -> str:
        return f"data.terraform_remote_state.{self.friendly_unique_id}"

    def get(self, output: str) -> Expression:
        return Reference(self, f"outputs.{output}")

    def get_string(self, output: str) -> str:
        return str(self.get(output))

    def get_number(self, output: str) -> Expression:
        return self.get(output)

    def get_boolean(self, output: str) -> Expression:
        return self.get(output)

    def get_list(self, output: str) -> list[str]:
        return self.get(output)._list_token()

    def _to_terraform(self) -> dict[str, Any]:
        body = {  # no "//" metadata here: cdktf writes none for remote state
            "backend": self.backend,
            "config": self.config,
            "workspace": self.workspace,
            "defaults": self.defaults,
        }
        return {"data": {"terraform_remote_state": {self.friendly_unique_id: self._apply_overrides(body)}}}


class DataTerraformRemoteStateLocal(DataTerraformRemoteState):
    """Outputs of a configuration whose state is a local file."""

    def __init__(self, scope: Construct, id: str, *, path: str, workspace: str | None = None) -> None:
        super().__init__(scope, id, backend="local", config={"path": path}, workspace=workspace)


class DataTerraformRemoteStateOss(DataTerraformRemoteState):
    """Outputs of a configuration whose state is in OSS (same settings as ``OssBackend``)."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        bucket: str,
        prefix: str | None = None,
        key: str | None = None,
        region: str | None = None,
        endpoint: str | None = None,
        workspace: str | None = None,
    ) -> None:
        config = {"bucket": bucket, "prefix": prefix, "key": key, "region": region, "endpoint": endpoint}
        super().__init__(scope, id, backend="oss", config=config, workspace=workspace)


#: cdktf's base of the remote state readers.
TerraformRemoteState = DataTerraformRemoteState
