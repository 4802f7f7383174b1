"""``TerraformAsset``: a file or folder copied (or a folder zipped) into the stack's folder of ``cdktf.out``, as
cdktf does, so a resource can refer to it by a path that changes when its content changes
(``assets/<id>/<md5>/<name>``, ``.../archive.zip`` for an archive)."""

from __future__ import annotations

import hashlib
import io
import os
import weakref
from pathlib import Path, PurePosixPath

from .construct import Construct
from .errors import ValidationError
from .logical_id import make_unique_id
from .stack import TerraformStack
from .structs import AssetType

__all__ = ["TerraformAsset", "asset_files"]

_HASH_LEN = 32
_ARCHIVE_NAME = "archive.zip"
#: Every zip entry's date: the archive is then the same bytes on every machine and checkout (cdktf's zip takes
#: the files' modification times, so its bytes change with a fresh clone although the asset hash does not).
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _hash_path(source: Path) -> str:
    """cdktf's ``hashPath``: md5 over the bytes of every file, folders walked in name order."""
    digest = hashlib.md5(usedforsecurity=False)

    def visit(path: Path) -> None:
        if path.is_file():
            digest.update(path.read_bytes())
        elif path.is_dir():
            for child in sorted(os.listdir(path)):
                visit(path / child)

    visit(source)
    return digest.hexdigest()[:_HASH_LEN].upper()


def _find_above(name: str, start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / name).exists():
            return folder / name
    return None


#: Stacks that have assets, so that synthesis walks only their trees for files.
_STACKS_WITH_ASSETS: weakref.WeakSet[TerraformStack] = weakref.WeakSet()


class TerraformAsset(Construct):
    """A file (``AssetType.FILE``), a folder (``AssetType.DIRECTORY``) or a folder zipped into ``archive.zip``
    (``AssetType.ARCHIVE``) to ship with the stack. A relative ``path`` is read from the folder of
    ``cdktf.json``, as in cdktf."""

    def __init__(
        self, scope: Construct, id: str, *, path: str, type: AssetType | None = None, asset_hash: str | None = None
    ) -> None:
        super().__init__(scope, id)
        self.stack = TerraformStack.of(self)
        _STACKS_WITH_ASSETS.add(self.stack)
        source = Path(path)
        if not source.is_absolute():
            config = self.node.try_get_context("cdktfJsonPath") or _find_above("cdktf.json", Path.cwd())
            if config is None:
                raise ValidationError.single(
                    self.node.path,
                    f"the relative asset path {path!r} is read from the folder of cdktf.json, and there is none",
                    field="path",
                    rule="asset-path",
                    fix="pass an absolute path or run the app where cdktf.json is",
                )
            source = Path(os.path.relpath(Path(config).parent / path))
        if not source.exists():
            raise ValidationError.single(
                self.node.path, f"asset {str(source)!r} does not exist", field="path", rule="asset-path"
            )
        inferred = AssetType.FILE if source.is_file() else AssetType.DIRECTORY
        self.type = type or inferred
        if (self.type == AssetType.FILE) != (inferred == AssetType.FILE):
            raise ValidationError.single(
                self.node.path,
                f"asset {str(source)!r} is a {inferred.name.lower()}, not {self.type.name}",
                field="type",
                rule="asset-type",
                fix="use AssetType.FILE for a file, AssetType.DIRECTORY or AssetType.ARCHIVE for a folder",
            )
        self.source_path = source
        self.asset_hash = asset_hash or _hash_path(source)

    @property
    def _named_folder(self) -> str:
        relative = self.node.path[len(self.stack.node.path) + 1 :]
        return f"assets/{make_unique_id(relative.split('/'))}"

    @property
    def file_name(self) -> str:
        return _ARCHIVE_NAME if self.type == AssetType.ARCHIVE else self.source_path.name

    @property
    def path(self) -> str:
        """Where the asset is, relative to the stack's folder (where terraform runs)."""
        folder = f"{self._named_folder}/{self.asset_hash}"
        return folder if self.type == AssetType.DIRECTORY else f"{folder}/{self.file_name}"


def asset_files(stack: TerraformStack) -> dict[str, bytes]:
    """The files of the stack's assets, relative to its folder."""
    files: dict[str, bytes] = {}
    if stack not in _STACKS_WITH_ASSETS:
        return files
    for construct in stack.node.walk():
        if not isinstance(construct, TerraformAsset) or construct.stack is not stack:
            continue
        if construct.type == AssetType.FILE:
            files[construct.path] = construct.source_path.read_bytes()
        elif construct.type == AssetType.ARCHIVE:
            files[construct.path] = _archive(construct.source_path)
        else:
            for relative, full in _walk(construct.source_path):
                if full.is_file():
                    files[f"{construct.path}/{relative}"] = full.read_bytes()
    return files


def _walk(source: Path) -> list[tuple[PurePosixPath, Path]]:
    """Every file and folder below ``source``, in name order, with its posix path relative to ``source``."""
    found: list[tuple[PurePosixPath, Path]] = []
    for folder, folders, names in os.walk(source):
        folders.sort()
        for name in sorted([*folders, *names]):
            full = Path(folder) / name
            found.append((PurePosixPath(*full.relative_to(source).parts), full))
    return found


def _archive(source: Path) -> bytes:
    """The folder as cdktf's ``archiveSync`` zips it (members and contents; deflate level 9, folders as
    ``name/`` entries), with a fixed date and 0644/0755 modes so the bytes do not depend on the checkout."""
    import zipfile  # here, not at the top: zipfile costs every app's import a tenth of its time

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for relative, full in _walk(source):
            if full.is_dir():
                entry = zipfile.ZipInfo(f"{relative}/", _ZIP_DATE)
                entry.external_attr = (0o40755 << 16) | 0x10
                archive.writestr(entry, b"")
                continue
            entry = zipfile.ZipInfo(str(relative), _ZIP_DATE)
            entry.external_attr = ((0o100755 if os.access(full, os.X_OK) else 0o100644) << 16) | 0x20
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, full.read_bytes(), compresslevel=9)
    return buffer.getvalue()
