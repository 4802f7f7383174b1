"""Writing ``cdktf.out`` atomically: a crash or Ctrl-C mid-synth never leaves a half-written folder.

The new tree is written beside the old one and swapped in with one ``renameat2(RENAME_EXCHANGE)`` where Linux
offers it (two renames elsewhere). What terraform and the cdktf CLI keep in a stack folder (``.terraform``,
the lock file, plans) is carried over by hard links, and so is every folder of a stack the app no longer has:
cdktf's app never removes one (``Manifest`` only creates ``stacks/``); the cdktf CLI removes the folders that
were there before it ran the app and are not in the new manifest (``synth-stack.ts``), and fails with ENOENT if
one is already gone. Running one app's script thus leaves another app's stacks in place, as with cdktf.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TextIO

from .errors import SynthError

__all__ = ["Content", "write_tree"]

#: A file's text, its bytes (a copied asset), or a function that writes it (so a large document is streamed,
#: never held as one string).
Content = str | bytes | Callable[[TextIO], None]

_SYNTH_MARK = ".synth-"


def _js_surrogates(error: UnicodeError) -> tuple[str, int]:
    """A lone surrogate (only a Python string can hold one) is written as JavaScript writes it: ``\\udXXX`` in a
    JSON string, as ``JSON.stringify`` does, where otherwise encoding the file would fail."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(f"\\u{ord(c):04x}" for c in error.object[error.start : error.end]), error.end


_ERRORS = "constructs_vpn.js-surrogates"
codecs.register_error(_ERRORS, _js_surrogates)

#: What synthesis writes in a stack folder: never carried over, so a JSON synth after an HCL one (or the
#: reverse) leaves no stale ``cdk.tf`` beside the new ``cdk.tf.json`` for terraform to load twice.
_SYNTHESIZED = frozenset({"cdk.tf.json", "cdk.tf", "metadata.json"})


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False where the system cannot."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return bool(renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_leftovers(parent: Path, name: str) -> None:
    """Remove temp trees of earlier synths that were killed (their process is gone)."""
    import shutil

    prefix = f".{name}{_SYNTH_MARK}"
    for entry in parent.iterdir():
        if not entry.name.startswith(prefix):
            continue
        pid_text = entry.name[len(prefix) :].split("-", 1)[0]
        if pid_text.isdigit() and not _pid_alive(int(pid_text)):
            shutil.rmtree(entry, ignore_errors=True)


def _link_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        import shutil

        shutil.copy2(src, dst)


def _carry_over(old: Path, new: Path, generated: set[str]) -> None:
    """Keep terraform's working files of every stack folder that still exists, and the folders (or anything else
    in ``stacks/``) of the stacks this app does not have, whole, as cdktf's app leaves them."""
    stacks_old = old / "stacks"
    if not stacks_old.is_dir():
        return
    (new / "stacks").mkdir(exist_ok=True)
    for previous in stacks_old.iterdir():
        stack_dir = new / "stacks" / previous.name
        if not stack_dir.exists():  # a stack this app does not have: kept whole, as cdktf keeps it
            with contextlib.suppress(OSError):
                _copy_entry(previous, stack_dir)
            continue
        if not previous.is_dir():
            continue
        for entry in previous.iterdir():
            if entry.name in _SYNTHESIZED or f"stacks/{stack_dir.name}/{entry.name}" in generated:
                continue
            with contextlib.suppress(OSError):
                _copy_entry(entry, stack_dir / entry.name)


def _copy_entry(entry: Path, target: Path) -> None:
    """``entry`` (a file, a symbolic link or a folder) at ``target``, by hard links where the disk allows."""
    import shutil

    if entry.is_dir() and not entry.is_symlink():
        shutil.copytree(entry, target, symlinks=True, copy_function=_link_copy)
    elif entry.is_symlink():
        os.symlink(os.readlink(entry), target)
    else:
        _link_copy(str(entry), str(target))


def write_tree(outdir: Path, files: Mapping[str, Content]) -> None:
    """Replace ``outdir`` with exactly ``files`` (relative path → content), atomically."""
    import shutil  # here and where else it is used, not at the top: about 3 ms of every app's import

    outdir = outdir.absolute()
    parent = outdir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(parent, outdir.name)
        tmp = parent / f".{outdir.name}{_SYNTH_MARK}{os.getpid()}-{secrets.token_hex(4)}"
        tmp.mkdir()
    except OSError as error:
        raise SynthError(f"cannot prepare output folder {outdir}: {error}") from error
    try:
        for relative, content in files.items():
            target = tmp / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                target.write_text(content, encoding="utf-8", errors=_ERRORS)
            elif isinstance(content, bytes):
                target.write_bytes(content)
            else:
                with target.open("w", encoding="utf-8", errors=_ERRORS) as handle:
                    content(handle)
        if outdir.is_dir():
            _carry_over(outdir, tmp, set(files))
        _swap_in(tmp, outdir)
    except OSError as error:
        raise SynthError(f"cannot write output folder {outdir}: {error}") from error
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _swap_in(tmp: Path, outdir: Path) -> None:
    """Make ``tmp`` the new ``outdir``; afterwards ``tmp`` holds the old tree (or nothing)."""
    if not outdir.exists():
        with contextlib.suppress(OSError):  # another synth may have created it meanwhile
            os.rename(tmp, outdir)
            return
    if _exchange(tmp, outdir):
        return
    aside = Path(f"{tmp}.old")
    os.rename(outdir, aside)
    os.rename(tmp, outdir)
    os.rename(aside, tmp)
