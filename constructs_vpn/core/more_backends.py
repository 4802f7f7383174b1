"""The other backends cdktf 0.21 exports, each with its ``DataTerraformRemoteState*`` reader.

A backend takes cdktf's keyword arguments (its ``XxxBackendConfig``) and writes them, ``None`` left out, to
``terraform.backend.<name>`` (``terraform.cloud`` for ``CloudBackend``), as cdktf does. The argument names are
those of the cdktf 0.21.0 Python package; an unknown one is an error with the closest known name.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from .backends import DataTerraformRemoteState, TerraformBackend
from .construct import Construct
from .errors import Problem, ValidationError
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
    "DataTerraformRemoteStatePg",
    "DataTerraformRemoteStateS3",
    "DataTerraformRemoteStateSwift",
    "GcsBackend",
    "HttpBackend",
    "NamedCloudWorkspace",
    "NamedRemoteWorkspace",
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

_AZURERM = (
    "container_name key storage_account_name access_key client_certificate_password client_certificate_path "
    "client_id client_secret endpoint environment metadata_host msi_endpoint oidc_request_token oidc_request_url "
    "oidc_token oidc_token_file_path resource_group_name sas_token snapshot subscription_id tenant_id "
    "use_azuread_auth use_microsoft_graph use_msi use_oidc"
)
_CONSUL = "access_token path address ca_file cert_file datacenter gzip http_auth key_file lock scheme"
_COS = "bucket accelerate acl assume_role domain encrypt endpoint key prefix region secret_id secret_key security_token"
_GCS = (
    "bucket access_token credentials encryption_key impersonate_service_account "
    "impersonate_service_account_delegates kms_encryption_key prefix storeage_custom_endpoint"
)
_HTTP = (
    "address client_ca_certificate_pem client_certificate_pem client_private_key_pem lock_address lock_method "
    "password retry_max retry_wait_max retry_wait_min skip_cert_verification unlock_address unlock_method "
    "update_method username"
)
_PG = "conn_str schema_name skip_index_creation skip_schema_creation skip_table_creation"
_S3 = (
    "bucket key access_key acl allowed_account_ids assume_role assume_role_policy assume_role_policy_arns "
    "assume_role_tags assume_role_transitive_tag_keys assume_role_with_web_identity custom_ca_bundle "
    "dynamodb_endpoint dynamodb_table ec2_metadata_service_endpoint ec2_metadata_service_endpoint_mode encrypt "
    "endpoint endpoints external_id forbidden_account_ids force_path_style http_proxy https_proxy iam_endpoint "
    "insecure kms_key_id max_retries no_proxy profile region retry_mode role_arn secret_key session_name "
    "shared_config_files shared_credentials_file shared_credentials_files skip_credentials_validation "
    "skip_metadata_api_check skip_region_validation skip_requesting_account_id skip_s3_checksum sse_customer_key "
    "sts_endpoint sts_region token use_legacy_workflow use_path_style workspace_key_prefix"
)
_SWIFT = (
    "container application_credential_id application_credential_name application_credential_secret "
    "archive_container auth_url cacert_file cert cloud default_domain domain_id domain_name expire_after insecure "
    "key password project_domain_id project_domain_name region_name state_name tenant_id tenant_name token "
    "user_domain_id user_domain_name user_id user_name"
)
_REMOTE = "organization workspaces hostname token"


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


def _check_config(
    owner: str, scope: object, id: object, config: Mapping[str, Any], *, fields: frozenset[str], required: Sequence[str]
) -> None:
    from .checks import child_path

    problems = []
    for name in config:
        if name not in fields:
            close = difflib.get_close_matches(name, sorted(fields), n=1)
            problems.append(
                Problem(
                    "",
                    f"{owner} has no argument {name!r}",
                    field=name,
                    rule="unknown-argument",
                    fix=f"did you mean {close[0]!r}?" if close else f"use one of {', '.join(sorted(fields))}",
                )
            )
    for name in required:
        if config.get(name) is None:
            problems.append(
                Problem("", f"{owner} needs {name!r}", field=name, rule="required-argument", fix=f"pass {name}=...")
            )
    if problems:
        path = child_path(scope, id)
        raise ValidationError(dataclasses.replace(p, path=path) for p in problems)


class _ConfiguredRemoteState(DataTerraformRemoteState):
    """A reader of another configuration's outputs through one backend type."""

    backend_type: ClassVar[str] = ""
    _fields: ClassVar[frozenset[str]] = frozenset()
    _required: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self, scope: Construct, id: str, *, defaults: dict[str, Any] | None = None, workspace: Any = None, **config: Any
    ) -> None:
        _check_config(type(self).__name__, scope, id, config, fields=self._fields, required=self._required)
        super().__init__(
            scope, id, backend=self.backend_type, config=_plain(config), workspace=workspace, defaults=defaults
        )


class _ConfiguredBackend(TerraformBackend):
    """A backend whose settings are cdktf's keyword arguments, written as they are."""

    _fields: ClassVar[frozenset[str]] = frozenset()
    _required: ClassVar[tuple[str, ...]] = ()
    _reader: ClassVar[type[_ConfiguredRemoteState] | None] = None

    def __init__(self, scope: Construct, **config: Any) -> None:
        _check_config(type(self).__name__, scope, "backend", config, fields=self._fields, required=self._required)
        super().__init__(scope)
        self._config = config

    def _synthesize_attributes(self) -> dict[str, Any]:
        return dict(_plain(self._config))

    def remote_state(self, scope: Construct, id: str) -> DataTerraformRemoteState:
        reader = self._reader
        if reader is None:
            return super().remote_state(scope, id)
        return reader(scope, id, workspace=RawExpression("terraform.workspace"), **self._config)


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


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


# readers ---------------------------------------------------------------------------------------------------
class DataTerraformRemoteStateAzurerm(_ConfiguredRemoteState):
    backend_type, _fields, _required = "azurerm", _names(_AZURERM), ("container_name", "key", "storage_account_name")


class DataTerraformRemoteStateConsul(_ConfiguredRemoteState):
    backend_type, _fields, _required = "consul", _names(_CONSUL), ("access_token", "path")


class DataTerraformRemoteStateCos(_ConfiguredRemoteState):
    backend_type, _fields, _required = "cos", _names(_COS), ("bucket",)


class DataTerraformRemoteStateGcs(_ConfiguredRemoteState):
    backend_type, _fields, _required = "gcs", _names(_GCS), ("bucket",)


class DataTerraformRemoteStateHttp(_ConfiguredRemoteState):
    backend_type, _fields, _required = "http", _names(_HTTP), ("address",)


class DataTerraformRemoteStatePg(_ConfiguredRemoteState):
    backend_type, _fields, _required = "pg", _names(_PG), ("conn_str",)


class DataTerraformRemoteStateS3(_ConfiguredRemoteState):
    backend_type, _fields, _required = "s3", _names(_S3), ("bucket", "key")


class DataTerraformRemoteStateSwift(_ConfiguredRemoteState):
    backend_type, _fields, _required = "swift", _names(_SWIFT), ("container",)


# backends --------------------------------------------------------------------------------------------------
class AzurermBackend(_ConfiguredBackend):
    backend_name, _fields, _required, _reader = (
        "azurerm",
        _names(_AZURERM),
        ("container_name", "key", "storage_account_name"),
        DataTerraformRemoteStateAzurerm,
    )


class ConsulBackend(_ConfiguredBackend):
    backend_name, _fields, _required, _reader = (
        "consul",
        _names(_CONSUL),
        ("access_token", "path"),
        DataTerraformRemoteStateConsul,
    )


class CosBackend(_ConfiguredBackend):
    backend_name, _fields, _required, _reader = "cos", _names(_COS), ("bucket",), DataTerraformRemoteStateCos


class GcsBackend(_ConfiguredBackend):
    backend_name, _fields, _required, _reader = "gcs", _names(_GCS), ("bucket",), DataTerraformRemoteStateGcs


class HttpBackend(_ConfiguredBackend):
    backend_name, _fields, _required, _reader = "http", _names(_HTTP), ("address",), DataTerraformRemoteStateHttp


class PgBackend(_ConfiguredBackend):
    backend_name, _fields, _required, _reader = "pg", _names(_PG), ("conn_str",), DataTerraformRemoteStatePg


class S3Backend(_ConfiguredBackend):
    backend_name, _fields, _required, _reader = "s3", _names(_S3), ("bucket", "key"), DataTerraformRemoteStateS3


class SwiftBackend(_ConfiguredBackend):
    backend_name, _fields, _required, _reader = "swift", _names(_SWIFT), ("container",), DataTerraformRemoteStateSwift


class RemoteBackend(_ConfiguredBackend):
    """Terraform Cloud/Enterprise through the ``remote`` backend; read with ``DataTerraformRemoteState``."""

    backend_name, _fields, _required = "remote", _names(_REMOTE), ("organization", "workspaces")

    def _to_metadata(self) -> dict[str, Any]:
        return {**super()._to_metadata(), "cloud": _hostname_type(self._config.get("hostname"))}

    def remote_state(self, scope: Construct, id: str) -> DataTerraformRemoteState:
        return DataTerraformRemoteState(scope, id, **self._config)


class CloudBackend(_ConfiguredBackend):
    """Terraform Cloud through the ``cloud`` block (``terraform.cloud``), as cdktf writes it."""

    backend_name, _fields, _required = "cloud", _names(_REMOTE), ("organization", "workspaces")

    def _to_terraform(self) -> dict[str, Any]:
        return {"terraform": {"cloud": self._apply_overrides(self._synthesize_attributes())}}

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
