r"""cdktf's structs (``XxxConfig``, ``...Options``, manifest records) and interfaces, for code that names them.

cdktf's Python API takes a struct's fields as keyword arguments, so these are rarely built by hand; when they
are, each takes exactly its cdktf fields (required ones first), rejects others with the closest name, and
reads like a mapping (``dict(config)``, ``backend(**config)``). The field lists come from the cdktf 0.21.0
Python package. The interfaces are ``typing.Protocol``\ s of what the engine calls.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Any, ClassVar, Protocol, runtime_checkable

from .errors import Problem, ValidationError

__all__ = [
    "AnnotationMetadataEntryType",
    "AppConfig",
    "AssetType",
    "AzurermBackendConfig",
    "CloudBackendConfig",
    "ConsulBackendConfig",
    "CosBackendConfig",
    "DataConfig",
    "DataTerraformRemoteStateAzurermConfig",
    "DataTerraformRemoteStateConfig",
    "DataTerraformRemoteStateConsulConfig",
    "DataTerraformRemoteStateCosConfig",
    "DataTerraformRemoteStateGcsConfig",
    "DataTerraformRemoteStateHttpConfig",
    "DataTerraformRemoteStateLocalConfig",
    "DataTerraformRemoteStateOssConfig",
    "DataTerraformRemoteStatePgConfig",
    "DataTerraformRemoteStateRemoteConfig",
    "DataTerraformRemoteStateS3Config",
    "DataTerraformRemoteStateSwiftConfig",
    "EncodingOptions",
    "GcsBackendConfig",
    "HttpBackendConfig",
    "IFragmentConcatenator",
    "IInterpolatingParent",
    "IManifest",
    "IPostProcessor",
    "IRemoteWorkspace",
    "IResolvable",
    "IResolveContext",
    "IResource",
    "IResourceConstructor",
    "IScopeCallback",
    "IStackSynthesizer",
    "ISynthesisSession",
    "ITerraformAddressable",
    "ITerraformDependable",
    "ITerraformIterator",
    "ITerraformResource",
    "ITokenMapper",
    "ITokenResolver",
    "LazyAnyValueOptions",
    "LazyListValueOptions",
    "LazyStringValueOptions",
    "LocalBackendConfig",
    "OssBackendConfig",
    "PgBackendConfig",
    "RemoteBackendConfig",
    "ResolveOptions",
    "S3BackendConfig",
    "StackAnnotation",
    "StackManifest",
    "Struct",
    "SwiftBackendConfig",
    "TerraformAssetConfig",
    "TerraformElementMetadata",
    "TerraformHclModuleConfig",
    "TerraformMetaArguments",
    "TerraformModuleConfig",
    "TerraformModuleUserConfig",
    "TerraformOutputConfig",
    "TerraformProviderConfig",
    "TerraformResourceConfig",
    "TerraformResourceImport",
    "TerraformResourceMoveById",
    "TerraformResourceMoveByTarget",
    "TerraformStackMetadata",
    "TerraformVariableConfig",
    "TestingAppConfig",
]


def field_problems(
    owner: str, given: Mapping[str, Any], required: tuple[str, ...], optional: tuple[str, ...]
) -> list[Problem]:
    """Unknown fields (with the closest known name) and missing required ones; the path is left empty for the
    caller to fill in."""
    known = (*required, *optional)
    problems = []
    for name in given:
        if name not in known:
            import difflib  # only a mistake needs it

            close = difflib.get_close_matches(name, known, n=1)
            problems.append(
                Problem(
                    "",
                    f"{owner} has no argument {name!r}",
                    field=name,
                    rule="unknown-argument",
                    fix=f"did you mean {close[0]!r}?" if close else f"use one of {', '.join(known)}",
                )
            )
    problems.extend(
        Problem("", f"{owner} needs {name!r}", field=name, rule="required-argument", fix=f"pass {name}=...")
        for name in required
        if given.get(name) is None
    )
    return problems


class Struct(Mapping[str, Any]):
    """A cdktf struct: keyword fields, checked against cdktf's list, unset ones left out."""

    _required: ClassVar[tuple[str, ...]] = ()
    _optional: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **fields: Any) -> None:
        problems = field_problems(type(self).__name__, fields, self._required, self._optional)
        if problems:
            raise ValidationError(problems)
        self._fields = {k: v for k, v in fields.items() if v is not None}

    def __getitem__(self, key: str) -> Any:
        return self._fields[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __getattr__(self, name: str) -> Any:
        if name in (*type(self)._required, *type(self)._optional):
            return self.__dict__.get("_fields", {}).get(name)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(sorted(self._fields))})"


# The structs, field lists as in the cdktf 0.21.0 Python package.
class AppConfig(Struct):
    _required = ()
    _optional = ("context", "hcl_output", "outdir", "skip_backend_validation", "skip_validation", "stack_traces")


class AzurermBackendConfig(Struct):
    _required = ("container_name", "key", "storage_account_name")
    _optional = (
        "access_key",
        "client_certificate_password",
        "client_certificate_path",
        "client_id",
        "client_secret",
        "endpoint",
        "environment",
        "metadata_host",
        "msi_endpoint",
        "oidc_request_token",
        "oidc_request_url",
        "oidc_token",
        "oidc_token_file_path",
        "resource_group_name",
        "sas_token",
        "snapshot",
        "subscription_id",
        "tenant_id",
        "use_azuread_auth",
        "use_microsoft_graph",
        "use_msi",
        "use_oidc",
    )


class CloudBackendConfig(Struct):
    _required = ("organization", "workspaces")
    _optional = ("hostname", "token")


class ConsulBackendConfig(Struct):
    _required = ("access_token", "path")
    _optional = ("address", "ca_file", "cert_file", "datacenter", "gzip", "http_auth", "key_file", "lock", "scheme")


class CosBackendConfig(Struct):
    _required = ("bucket",)
    _optional = (
        "accelerate",
        "acl",
        "assume_role",
        "domain",
        "encrypt",
        "endpoint",
        "key",
        "prefix",
        "region",
        "secret_id",
        "secret_key",
        "security_token",
    )


class DataConfig(Struct):
    _required = ()
    _optional = (
        "connection",
        "count",
        "depends_on",
        "for_each",
        "lifecycle",
        "provider",
        "provisioners",
        "input",
        "triggers_replace",
    )


class DataTerraformRemoteStateConfig(Struct):
    _required = ()
    _optional = ("defaults", "workspace")


class EncodingOptions(Struct):
    _required = ()
    _optional = ("display_hint",)


class GcsBackendConfig(Struct):
    _required = ("bucket",)
    _optional = (
        "access_token",
        "credentials",
        "encryption_key",
        "impersonate_service_account",
        "impersonate_service_account_delegates",
        "kms_encryption_key",
        "prefix",
        "storeage_custom_endpoint",
    )


class HttpBackendConfig(Struct):
    _required = ("address",)
    _optional = (
        "client_ca_certificate_pem",
        "client_certificate_pem",
        "client_private_key_pem",
        "lock_address",
        "lock_method",
        "password",
        "retry_max",
        "retry_wait_max",
        "retry_wait_min",
        "skip_cert_verification",
        "unlock_address",
        "unlock_method",
        "update_method",
        "username",
    )


class LazyAnyValueOptions(Struct):
    _required = ()
    _optional = ("display_hint", "omit_empty_array")


class LazyListValueOptions(Struct):
    _required = ()
    _optional = ("display_hint", "omit_empty")


class LazyStringValueOptions(Struct):
    _required = ()
    _optional = ("display_hint",)


class LocalBackendConfig(Struct):
    _required = ()
    _optional = ("path", "workspace_dir")


class OssBackendConfig(Struct):
    _required = ("bucket",)
    _optional = (
        "access_key",
        "acl",
        "assume_role",
        "assume_role_policy",
        "assume_role_role_arn",
        "assume_role_session_expiration",
        "assume_role_session_name",
        "ecs_role_name",
        "encrypt",
        "endpoint",
        "key",
        "prefix",
        "profile",
        "region",
        "secret_key",
        "security_token",
        "shared_credentials_file",
        "sts_endpoint",
        "tablestore_endpoint",
        "tablestore_table",
    )


class PgBackendConfig(Struct):
    _required = ("conn_str",)
    _optional = ("schema_name", "skip_index_creation", "skip_schema_creation", "skip_table_creation")


class RemoteBackendConfig(Struct):
    _required = ("organization", "workspaces")
    _optional = ("hostname", "token")


class ResolveOptions(Struct):
    _required = ("resolver", "scope")
    _optional = ("preparing",)


class S3BackendConfig(Struct):
    _required = ("bucket", "key")
    _optional = (
        "access_key",
        "acl",
        "allowed_account_ids",
        "assume_role",
        "assume_role_policy",
        "assume_role_policy_arns",
        "assume_role_tags",
        "assume_role_transitive_tag_keys",
        "assume_role_with_web_identity",
        "custom_ca_bundle",
        "dynamodb_endpoint",
        "dynamodb_table",
        "ec2_metadata_service_endpoint",
        "ec2_metadata_service_endpoint_mode",
        "encrypt",
        "endpoint",
        "endpoints",
        "external_id",
        "forbidden_account_ids",
        "force_path_style",
        "http_proxy",
        "https_proxy",
        "iam_endpoint",
        "insecure",
        "kms_key_id",
        "max_retries",
        "no_proxy",
        "profile",
        "region",
        "retry_mode",
        "role_arn",
        "secret_key",
        "session_name",
        "shared_config_files",
        "shared_credentials_file",
        "shared_credentials_files",
        "skip_credentials_validation",
        "skip_metadata_api_check",
        "skip_region_validation",
        "skip_requesting_account_id",
        "skip_s3_checksum",
        "sse_customer_key",
        "sts_endpoint",
        "sts_region",
        "token",
        "use_legacy_workflow",
        "use_path_style",
        "workspace_key_prefix",
    )


class StackAnnotation(Struct):
    _required = ("construct_path", "level", "message")
    _optional = ("stacktrace",)


class StackManifest(Struct):
    _required = (
        "annotations",
        "construct_path",
        "dependencies",
        "name",
        "stack_metadata_path",
        "synthesized_stack_path",
        "working_directory",
    )
    _optional = ()


class SwiftBackendConfig(Struct):
    _required = ("container",)
    _optional = (
        "application_credential_id",
        "application_credential_name",
        "application_credential_secret",
        "archive_container",
        "auth_url",
        "cacert_file",
        "cert",
        "cloud",
        "default_domain",
        "domain_id",
        "domain_name",
        "expire_after",
        "insecure",
        "key",
        "password",
        "project_domain_id",
        "project_domain_name",
        "region_name",
        "state_name",
        "tenant_id",
        "tenant_name",
        "token",
        "user_domain_id",
        "user_domain_name",
        "user_id",
        "user_name",
    )


class TerraformAssetConfig(Struct):
    _required = ("path",)
    _optional = ("asset_hash", "type")


class TerraformElementMetadata(Struct):
    _required = ("path", "stack_trace", "unique_id")
    _optional = ()


class TerraformHclModuleConfig(Struct):
    _required = ("source",)
    _optional = (
        "depends_on",
        "for_each",
        "providers",
        "skip_asset_creation_from_local_modules",
        "version",
        "variables",
    )


class TerraformMetaArguments(Struct):
    _required = ()
    _optional = ("connection", "count", "depends_on", "for_each", "lifecycle", "provider", "provisioners")


class TerraformModuleConfig(Struct):
    _required = ("source",)
    _optional = ("depends_on", "for_each", "providers", "skip_asset_creation_from_local_modules", "version")


class TerraformModuleUserConfig(Struct):
    _required = ()
    _optional = ("depends_on", "for_each", "providers", "skip_asset_creation_from_local_modules")


class TerraformOutputConfig(Struct):
    _required = ("value",)
    _optional = ("depends_on", "description", "precondition", "sensitive", "static_id")


class TerraformProviderConfig(Struct):
    _required = ("terraform_resource_type",)
    _optional = ("terraform_generator_metadata", "terraform_provider_source")


class TerraformResourceConfig(Struct):
    _required = ("terraform_resource_type",)
    _optional = (
        "connection",
        "count",
        "depends_on",
        "for_each",
        "lifecycle",
        "provider",
        "provisioners",
        "terraform_generator_metadata",
    )


class TerraformResourceImport(Struct):
    _required = ("id",)
    _optional = ("provider",)


class TerraformResourceMoveById(Struct):
    _required = ("from_", "to")
    _optional = ()


class TerraformResourceMoveByTarget(Struct):
    _required = ("move_target",)
    _optional = ("index",)


class TerraformStackMetadata(Struct):
    _required = ("backend", "stack_name", "version")
    _optional = ("cloud",)


class TerraformVariableConfig(Struct):
    _required = ()
    _optional = ("default", "description", "nullable", "sensitive", "type", "validation")


class TestingAppConfig(Struct):
    _required = ()
    _optional = ("context", "enable_future_flags", "fake_cdktf_json_path", "outdir", "stack_traces", "stub_version")


class DataTerraformRemoteStateAzurermConfig(Struct):
    """What ``AzurermBackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = AzurermBackendConfig._required
    _optional = ("defaults", "workspace", *AzurermBackendConfig._optional)


class DataTerraformRemoteStateConsulConfig(Struct):
    """What ``ConsulBackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = ConsulBackendConfig._required
    _optional = ("defaults", "workspace", *ConsulBackendConfig._optional)


class DataTerraformRemoteStateCosConfig(Struct):
    """What ``CosBackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = CosBackendConfig._required
    _optional = ("defaults", "workspace", *CosBackendConfig._optional)


class DataTerraformRemoteStateGcsConfig(Struct):
    """What ``GcsBackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = GcsBackendConfig._required
    _optional = ("defaults", "workspace", *GcsBackendConfig._optional)


class DataTerraformRemoteStateHttpConfig(Struct):
    """What ``HttpBackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = HttpBackendConfig._required
    _optional = ("defaults", "workspace", *HttpBackendConfig._optional)


class DataTerraformRemoteStateLocalConfig(Struct):
    """What ``LocalBackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = LocalBackendConfig._required
    _optional = ("defaults", "workspace", *LocalBackendConfig._optional)


class DataTerraformRemoteStateOssConfig(Struct):
    """What ``OssBackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = OssBackendConfig._required
    _optional = ("defaults", "workspace", *OssBackendConfig._optional)


class DataTerraformRemoteStatePgConfig(Struct):
    """What ``PgBackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = PgBackendConfig._required
    _optional = ("defaults", "workspace", *PgBackendConfig._optional)


class DataTerraformRemoteStateS3Config(Struct):
    """What ``S3BackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = S3BackendConfig._required
    _optional = ("defaults", "workspace", *S3BackendConfig._optional)


class DataTerraformRemoteStateSwiftConfig(Struct):
    """What ``SwiftBackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = SwiftBackendConfig._required
    _optional = ("defaults", "workspace", *SwiftBackendConfig._optional)


class DataTerraformRemoteStateRemoteConfig(Struct):
    """What ``RemoteBackendConfig`` reads, plus ``defaults`` and ``workspace``."""

    _required = RemoteBackendConfig._required
    _optional = ("defaults", "workspace", *RemoteBackendConfig._optional)


class AnnotationMetadataEntryType(StrEnum):
    INFO = "@cdktf/info"
    WARN = "@cdktf/warn"
    ERROR = "@cdktf/error"


class AssetType(StrEnum):
    FILE = "FILE"
    DIRECTORY = "DIRECTORY"
    ARCHIVE = "ARCHIVE"

    def __str__(self) -> str:
        return f"AssetType.{self.name}"  # as cdktf's (jsii) enum prints


@runtime_checkable
class IResolveContext(Protocol):
    """Where a value is resolved (the engine passes its ``ResolveContext``)."""


@runtime_checkable
class IResolvable(Protocol):
    """Something that resolves to a value at synth time (the engine's ``Expression``)."""

    def to_expression(self, ctx: Any) -> str: ...


@runtime_checkable
class ITerraformAddressable(Protocol):
    @property
    def fqn(self) -> str: ...


@runtime_checkable
class ITerraformDependable(Protocol):
    @property
    def fqn(self) -> str: ...


@runtime_checkable
class ITerraformResource(Protocol):
    terraform_resource_type: str

    @property
    def fqn(self) -> str: ...


@runtime_checkable
class ITerraformIterator(Protocol):
    def _for_each(self) -> Any: ...


class IResource(Protocol):
    @property
    def stack(self) -> Any: ...


class IScopeCallback(Protocol):
    def __call__(self, scope: Any) -> Any: ...


class IResourceConstructor(Protocol):
    def __call__(self, scope: Any, id: str, **kwargs: Any) -> Any: ...


class IRemoteWorkspace(Protocol):
    """A workspace selection of the ``remote`` backend (``NamedRemoteWorkspace``, ``PrefixedRemoteWorkspaces``)."""


class IInterpolatingParent(Protocol):
    def interpolation_for_attribute(self, terraform_attribute: str) -> Any: ...


class IManifest(Protocol):
    """``cdktf.out/manifest.json``: ``stacks`` and ``version``."""


class IStackSynthesizer(Protocol):
    def synthesize(self, session: Any) -> None: ...


class ISynthesisSession(Protocol):
    """``outdir``, ``manifest`` and ``skip_validation`` of a synth."""


class IPostProcessor(Protocol):
    def post_process(self) -> None: ...


class ITokenMapper(Protocol):
    def map_token(self, token: Any) -> Any: ...


class ITokenResolver(Protocol):
    def resolve_token(self, token: Any, context: Any, post_processor: Any) -> Any: ...


class IFragmentConcatenator(Protocol):
    def join(self, left: Any, right: Any) -> Any: ...
