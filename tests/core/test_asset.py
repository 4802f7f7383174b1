"""TerraformAsset: what is copied where (the bytes are compared with cdktf's in tests/differential)."""

from __future__ import annotations

from pathlib import Path

import pytest

from constructs_vpn.core import App, AssetType, TerraformAsset, TerraformStack, ValidationError


def test_a_file_is_copied_under_its_hash(app: App, stack: TerraformStack, tmp_path: Path) -> None:
    source = tmp_path / "script.sh"
    source.write_bytes(b"echo hi\n")
    asset = TerraformAsset(stack, "script", path=str(source))
    assert asset.type == AssetType.FILE
    app.synth()
    assert (app.outdir / "stacks/test" / asset.path).read_bytes() == b"echo hi\n"
    assert asset.path.startswith("assets/script/") and asset.path.endswith("/script.sh")


@pytest.mark.parametrize("kind", [AssetType.ARCHIVE, AssetType.DIRECTORY])
def test_an_unsupported_or_wrong_type_is_our_error(stack: TerraformStack, tmp_path: Path, kind: AssetType) -> None:
    source = tmp_path / "f.txt"
    source.write_text("x")
    with pytest.raises(ValidationError) as caught:
        TerraformAsset(stack, "a", path=str(source), type=kind)
    assert caught.value.problems[0].rule == "asset-type"


def test_a_relative_path_needs_cdktf_json(
    stack: TerraformStack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValidationError) as caught:
        TerraformAsset(stack, "a", path="missing.txt")
    assert caught.value.problems[0].rule == "asset-path"
