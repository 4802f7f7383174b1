"""Backends and the remote state readers of other configurations."""

from __future__ import annotations

from cdktf import (
    App,
    DataTerraformRemoteStateLocal,
    DataTerraformRemoteStateOss,
    LocalBackend,
    OssBackend,
    TerraformOutput,
    TerraformStack,
)

from ._common import Provider


def build(app: App) -> None:
    local = TerraformStack(app, "local")
    Provider(local, "null")
    LocalBackend(local, path="state/local.tfstate", workspace_dir="ws")
    other = DataTerraformRemoteStateLocal(local, "other", path="other.tfstate")
    TerraformOutput(local, "from_other", value=other.get_string("vpc_id"))
    oss = TerraformStack(app, "oss")
    Provider(oss, "null")
    OssBackend(oss, bucket="state-bucket", prefix="env", key="oss.tfstate", region="cn-hangzhou", encrypt=True)
    remote = DataTerraformRemoteStateOss(oss, "shared", bucket="b", key="k.tfstate", region="cn-hangzhou")
    TerraformOutput(oss, "shared_id", value=remote.get_string("id"))
