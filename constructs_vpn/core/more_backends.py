"""The other backends cdktf 0.21 exports, each with its ``DataTerraformRemoteState*`` reader.

A backend takes cdktf's keyword arguments (its ``XxxBackendConfig``) and writes them, ``None`` left out, to
``terraform.backend.<name>`` (``terraform.cloud`` for ``CloudBackend``), as cdktf does. The argument names are
those of the cdktf 0.21.0 Python package; an unknown one is an error with the closest known name.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from . import structs
from .backends import DataTerraformRemoteState, TerraformBackend
from .construct import Construct
from .errors import ValidationError
from .hcl_render import typed
from .structs import Struct, field_problems
from .tokens import RawExpression

__all__ = [
    "AzurermBackend",
    "CloudBackend",
    "CloudWorkspace",
    "ConsulBackend",
    "CosBackend",
    "CosBackendAssumeRole",
    "DataTerraformRemoteStateAzurerm",
    "DataTerraformRemoteStateConsul",
    "DataTerraformRemoteStateCos",
    "DataTerraformRemoteStateGcs",
    "DataTerraformRemoteStateHttp",
    "DataTerraformRemoteStateOss",
    "DataTerraformRemoteStatePg",
    "DataTerraformRemoteStateS3",
    "DataTerraformRemoteStateSwift",
    "GcsBackend",
    "HttpBackend",
    "NamedCloudWorkspace",
    "NamedRemoteWorkspace",
    "OssAssumeRole",
    "OssBackend",
    "PgBackend",
    "PrefixedRemoteWorkspaces",
    "RemoteBackend",
    "S3Backend",
    "S3BackendAssumeRoleConfig",
    "S3BackendAssumeRoleWithWebIdentityConfig",
    "S3BackendEndpointConfig",
    "SwiftBackend",
    "TaggedCloudWorkspaces",
]


def _plain(value: Any) -> Any:
    """A config value as cdktf writes it: structs as objects without their unset fields."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if getattr(value, f.name) is not None
        }
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _check_config(owner: str, scope: object, id: object, config: Mapping[str, Any], struct: type[Struct]) -> None:
    from .checks import child_path

    problems = field_problems(owner, config, struct._required, struct._optional)
    if problems:
        path = child_path(scope, id)
        raise ValidationError(dataclasses.replace(p, path=path) for p in problems)


def _in_struct_order(config: dict[str, Any], struct: type[Struct]) -> dict[str, Any]:
    """``config`` in the order jsii hands cdktf a struct (required fields, then optional ones, each as
    declared): the order of the arguments in ``cdk.tf``."""
    order = {name: index for index, name in enumerate((*struct._required, *struct._optional))}
    return dict(sorted(config.items(), key=lambda item: order.get(item[0], len(order))))


class _ConfiguredRemoteState(DataTerraformRemoteState):
    """A reader of another configuration's outputs through one backend type: ``class
    DataTerraformRemoteStateS3(_ConfiguredRemoteState, backend_type="s3")`` takes the arguments of
    ``structs.DataTerraformRemoteStateS3Config`` (the struct named after the class, as in cdktf)."""

    backend_type: ClassVar[str] = ""
    _config: ClassVar[type[Struct]]
    _by_type: ClassVar[dict[str, type[_ConfiguredRemoteState]]] = {}

    def __init_subclass__(cls, *, backend_type: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if backend_type is None:  # a user's subclass of a reader: the reader's settings
            return
        cls.backend_type, cls._config = backend_type, getattr(structs, f"{cls.__name__}Config")
        _ConfiguredRemoteState._by_type[backend_type] = cls

    def __init__(
        self, scope: Construct, id: str, *, defaults: dict[str, Any] | None = None, workspace: Any = None, **config: Any
    ) -> None:
        _check_config(type(self).__name__, scope, id, config, self._config)
        super().__init__(
            scope,
            id,
            backend=self.backend_type,
            config=_plain(_in_struct_order(config, self._config)),
            workspace=workspace,
            defaults=defaults,
        )


class _ConfiguredBackend(TerraformBackend):
    """A backend whose settings are cdktf's keyword arguments, written as they are: ``class
    S3Backend(_ConfiguredBackend, backend_name="s3")`` takes the arguments of ``structs.S3BackendConfig`` and
    is read by the remote-state class of the same ``backend_type``, if there is one."""

    _struct: ClassVar[type[Struct]]
    _reader: ClassVar[type[_ConfiguredRemoteState] | None] = None

    def __init_subclass__(cls, *, backend_name: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if backend_name is None:  # a user's subclass of a backend: the backend's settings
            return
        cls.backend_name, cls._struct = backend_name, getattr(structs, f"{cls.__name__}Config")
        cls._reader = _ConfiguredRemoteState._by_type.get(backend_name)

    def __init__(self, scope: Construct, **config: Any) -> None:
        _check_config(type(self).__name__, scope, "backend", config, self._struct)
        super().__init__(scope)
        self._config = _in_struct_order(config, self._struct)

    def _synthesize_attributes(self) -> dict[str, Any]:
        return dict(_plain(self._config))

    def remote_state(self, scope: Construct, id: str) -> DataTerraformRemoteState:
        reader = self._reader
        if reader is None:
            return super().remote_state(scope, id)
        return reader(scope, id, workspace=RawExpression("terraform.workspace"), **self._config)


def _hostname_type(hostname: object) -> str:
    """``"tfc"`` for Terraform Cloud (the default host), ``"tfe"`` for an Enterprise host, as cdktf records it."""
    return "tfe" if isinstance(hostname, str) and hostname and not hostname.startswith("app.terraform.io") else "tfc"


# structs ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class CosBackendAssumeRole:
    role_arn: str
    session_duration: int
    session_name: str
    policy: Any = None


@dataclass(frozen=True, kw_only=True)
class S3BackendAssumeRoleConfig:
    role_arn: str
    duration: str | None = None
    external_id: str | None = None
    policy: str | None = None
    policy_arns: Sequence[str] | None = None
    session_name: str | None = None
    source_identity: str | None = None
    tags: Mapping[str, str] | None = None
    transitive_tag_keys: Sequence[str] | None = None


@dataclass(frozen=True, kw_only=True)
class S3BackendAssumeRoleWithWebIdentityConfig:
    duration: str | None = None
    policy: str | None = None
    policy_arns: Sequence[str] | None = None
    role_arn: str | None = None
    session_name: str | None = None
    web_identity_token: str | None = None
    web_identity_token_file: str | None = None


@dataclass(frozen=True, kw_only=True)
class S3BackendEndpointConfig:
    dynamodb: str | None = None
    iam: str | None = None
    s3: str | None = None
    sso: str | None = None
    sts: str | None = None


class CloudWorkspace:
    """Which Terraform Cloud workspaces a ``CloudBackend`` uses."""


@dataclass(frozen=True)
class NamedCloudWorkspace(CloudWorkspace):
    name: str
    project: str | None = None


@dataclass(frozen=True)
class TaggedCloudWorkspaces(CloudWorkspace):
    tags: Sequence[str]
    project: str | None = None


@dataclass(frozen=True)
class NamedRemoteWorkspace:
    name: str


@dataclass(frozen=True)
class PrefixedRemoteWorkspaces:
    prefix: str


@dataclass(frozen=True, slots=True)
class OssAssumeRole:
    """The ``assume_role`` block of the OSS backend."""

    role_arn: str
    session_name: str | None = None
    policy: str | None = None
    session_expiration: int | None = None
    """Seconds, 900 to 3600."""


# readers ---------------------------------------------------------------------------------------------------
class DataTerraformRemoteStateAzurerm(_ConfiguredRemoteState, backend_type="azurerm"):
    """Outputs of a configuration whose state is in Azure Blob Storage."""


class DataTerraformRemoteStateConsul(_ConfiguredRemoteState, backend_type="consul"):
    """Outputs of a configuration whose state is in Consul's key/value store."""


class DataTerraformRemoteStateCos(_ConfiguredRemoteState, backend_type="cos"):
    """Outputs of a configuration whose state is in a Tencent Cloud COS bucket."""


class DataTerraformRemoteStateGcs(_ConfiguredRemoteState, backend_type="gcs"):
    """Outputs of a configuration whose state is in a Google Cloud Storage bucket."""


class DataTerraformRemoteStateHttp(_ConfiguredRemoteState, backend_type="http"):
    """Outputs of a configuration whose state is in an HTTP endpoint (REST)."""


class DataTerraformRemoteStateOss(_ConfiguredRemoteState, backend_type="oss"):
    """Outputs of a configuration whose state is in an Alibaba Cloud OSS bucket."""


class DataTerraformRemoteStatePg(_ConfiguredRemoteState, backend_type="pg"):
    """Outputs of a configuration whose state is in a PostgreSQL database."""


class DataTerraformRemoteStateS3(_ConfiguredRemoteState, backend_type="s3"):
    """Outputs of a configuration whose state is in an Amazon S3 bucket."""


class DataTerraformRemoteStateSwift(_ConfiguredRemoteState, backend_type="swift"):
    """Outputs of a configuration whose state is in OpenStack Swift."""


# backends --------------------------------------------------------------------------------------------------
class AzurermBackend(_ConfiguredBackend, backend_name="azurerm"):
    """State in Azure Blob Storage."""


class ConsulBackend(_ConfiguredBackend, backend_name="consul"):
    """State in Consul's key/value store."""


class CosBackend(_ConfiguredBackend, backend_name="cos"):
    """State in a Tencent Cloud COS bucket."""


class GcsBackend(_ConfiguredBackend, backend_name="gcs"):
    """State in a Google Cloud Storage bucket."""


class HttpBackend(_ConfiguredBackend, backend_name="http"):
    """State in an HTTP endpoint (REST)."""


class OssBackend(_ConfiguredBackend, backend_name="oss"):
    """State in an Alibaba Cloud OSS bucket, locked through a Tablestore table when one is given."""


class PgBackend(_ConfiguredBackend, backend_name="pg"):
    """State in a PostgreSQL database."""


class S3Backend(_ConfiguredBackend, backend_name="s3"):
    """State in an Amazon S3 bucket."""


class SwiftBackend(_ConfiguredBackend, backend_name="swift"):
    """State in OpenStack Swift."""


class RemoteBackend(_ConfiguredBackend, backend_name="remote"):
    """Terraform Cloud/Enterprise through the ``remote`` backend; read with ``DataTerraformRemoteState``."""

    def _to_metadata(self) -> dict[str, Any]:
        return {**super()._to_metadata(), "cloud": _hostname_type(self._config.get("hostname"))}

    def remote_state(self, scope: Construct, id: str) -> DataTerraformRemoteState:
        return DataTerraformRemoteState(scope, id, **self._config)


class CloudBackend(_ConfiguredBackend, backend_name="cloud"):
    """Terraform Cloud through the ``cloud`` block (``terraform.cloud``), as cdktf writes it."""

    def _to_terraform(self) -> dict[str, Any]:
        return {"terraform": {"cloud": self._apply_overrides(self._synthesize_attributes())}}

    def _to_hcl_terraform(self) -> dict[str, Any]:
        # cdktf's HCL types the workspaces as a block and writes only their name or tags (no project).
        workspaces = self._config["workspaces"]
        if isinstance(workspaces, NamedCloudWorkspace):
            inner = {"name": typed(workspaces.name, "simple", "string")}
        else:
            inner = {"tags": typed(list(workspaces.tags), "list", "stringList")}
        body = {**self._synthesize_attributes(), "workspaces": typed(inner, "map", "stringmap", is_block=True)}
        return {"terraform": {"cloud": self._apply_overrides(body)}}

    def _to_metadata(self) -> dict[str, Any]:
        return {**super()._to_metadata(), "cloud": _hostname_type(self._config.get("hostname"))}

    def remote_state(self, scope: Construct, id: str) -> DataTerraformRemoteState:
        workspaces = self._config["workspaces"]
        if not isinstance(workspaces, NamedCloudWorkspace):
            raise ValidationError.single(
                scope.node.path,
                "another stack can read this stack's outputs only if its CloudBackend names one workspace",
                field="workspaces",
                rule="cloud-workspace-name",
                fix="use NamedCloudWorkspace(...) in the CloudBackend of the stack that is referenced",
            )
        config = {k: v for k, v in self._config.items() if k != "workspaces"}
        return DataTerraformRemoteState(scope, id, workspaces=NamedRemoteWorkspace(workspaces.name), **config)
