"""Every other backend cdktf exports, and remote state read through them (cross-stack and by hand)."""

from __future__ import annotations

from cdktf import (
    App,
    CloudBackend,
    DataTerraformRemoteState,
    DataTerraformRemoteStateGcs,
    DataTerraformRemoteStateS3,
    GcsBackend,
    HttpBackend,
    NamedCloudWorkspace,
    NamedRemoteWorkspace,
    PgBackend,
    PrefixedRemoteWorkspaces,
    RemoteBackend,
    S3Backend,
    S3BackendAssumeRoleConfig,
    TaggedCloudWorkspaces,
    TerraformOutput,
    TerraformStack,
)

from ._common import Provider, Resource


def build(app: App) -> None:
    s3 = TerraformStack(app, "s3")
    Provider(s3, "null")
    S3Backend(
        s3,
        bucket="b",
        key="k.tfstate",
        region="eu-west-1",
        encrypt=True,
        assume_role=S3BackendAssumeRoleConfig(role_arn="arn:x", session_name="s"),
    )
    origin = Resource(s3, "origin")
    reader = TerraformStack(app, "reader")
    Provider(reader, "null")
    GcsBackend(reader, bucket="g", prefix="p")
    Resource(reader, "uses", {"triggers": {"id": origin.get_string_attribute("id")}})
    TerraformOutput(reader, "gcs", value=DataTerraformRemoteStateGcs(reader, "g", bucket="other").get_string("x"))
    TerraformOutput(
        reader, "s3", value=DataTerraformRemoteStateS3(reader, "s", bucket="b", key="k", workspace="w").get_string("y")
    )
    remote = TerraformStack(app, "remote")
    Provider(remote, "null")
    RemoteBackend(remote, organization="org", workspaces=PrefixedRemoteWorkspaces("app-"))
    read = DataTerraformRemoteState(
        remote, "tfc", organization="org", workspaces=NamedRemoteWorkspace("net"), hostname="tfe.example.com"
    )
    TerraformOutput(remote, "from_tfc", value=read.get_string("vpc"))
    cloud = TerraformStack(app, "cloud")
    Provider(cloud, "null")
    CloudBackend(
        cloud, organization="org", workspaces=TaggedCloudWorkspaces(["a", "b"], project="p"), hostname="tfe.example.com"
    )
    named = TerraformStack(app, "named")
    Provider(named, "null")
    CloudBackend(named, organization="org", workspaces=NamedCloudWorkspace("ws"))
    http = TerraformStack(app, "http")
    Provider(http, "null")
    HttpBackend(http, address="https://state.example.com", lock_method="POST", retry_max=3)
    pg = TerraformStack(app, "pg")
    Provider(pg, "null")
    PgBackend(pg, conn_str="postgres://x", skip_schema_creation=True)
