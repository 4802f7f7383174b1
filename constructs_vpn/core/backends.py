"""Where a stack keeps its state (``LocalBackend``; the others in ``more_backends``) and how another stack reads it."""

from __future__ import annotations

import os
from typing import Any

from .construct import Construct
from .element import TerraformElement
from .tokens import Expression, RawExpression, Reference

__all__ = [
    "DataTerraformRemoteState",
    "DataTerraformRemoteStateLocal",
    "LocalBackend",
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
            "workspace": self.workspace,
            "defaults": self.defaults,
            "config": self.config,
        }
        return {"data": {"terraform_remote_state": {self.friendly_unique_id: self._apply_overrides(body)}}}


class DataTerraformRemoteStateLocal(DataTerraformRemoteState):
    """Outputs of a configuration whose state is a local file."""

    def __init__(self, scope: Construct, id: str, *, path: str, workspace: str | None = None) -> None:
        super().__init__(scope, id, backend="local", config={"path": path}, workspace=workspace)


#: cdktf's base of the remote state readers.
TerraformRemoteState = DataTerraformRemoteState
