"""TerraformAsset: what is copied where (the bytes are compared with cdktf's in tests/differential)."""

from __future__ import annotations

import io
import os
import zipfile
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


def _folder(root: Path) -> Path:
    (root / "src/lib").mkdir(parents=True)
    (root / "src/run.sh").write_text("echo hi\n")
    (root / "src/run.sh").chmod(0o755)
    (root / "src/lib/a.txt").write_text("a\n")
    return root / "src"


def test_an_archive_is_the_folder_zipped(app: App, stack: TerraformStack, tmp_path: Path) -> None:
    asset = TerraformAsset(stack, "zipped", path=str(_folder(tmp_path)), type=AssetType.ARCHIVE)
    assert asset.file_name == "archive.zip"
    assert asset.path == f"assets/zipped/{asset.asset_hash}/archive.zip"
    app.synth()
    with zipfile.ZipFile(app.outdir / "stacks/test" / asset.path) as archive:
        entries = archive.infolist()
        assert [(e.filename, archive.read(e)) for e in entries] == [
            ("lib/", b""),
            ("run.sh", b"echo hi\n"),
            ("lib/a.txt", b"a\n"),
        ]
    assert [oct(e.external_attr >> 16) for e in entries] == ["0o40755", "0o100755", "0o100644"]
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}


def test_an_archive_has_the_same_bytes_whatever_the_files_times(tmp_path: Path) -> None:
    source = _folder(tmp_path)
    written = []
    for stamp in (1_000_000_000, 1_700_000_000):
        for path in [source, *source.rglob("*")]:
            os.utime(path, (stamp, stamp))
        app = App(outdir=str(tmp_path / f"out{stamp}"))
        asset = TerraformAsset(TerraformStack(app, "s"), "zipped", path=str(source), type=AssetType.ARCHIVE)
        app.synth()
        written.append((app.outdir / "stacks/s" / asset.path).read_bytes())
    assert written[0] == written[1]
    assert zipfile.ZipFile(io.BytesIO(written[0])).testzip() is None


@pytest.mark.parametrize("kind", [AssetType.ARCHIVE, AssetType.DIRECTORY])
def test_a_file_given_a_folder_type_is_our_error(stack: TerraformStack, tmp_path: Path, kind: AssetType) -> None:
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
