"""``constructs-vpn init``: a new project, as ``cdktf init --template python --local`` makes one.

The files come from ``templates/init`` (package data): ``cdktf.json`` (local state: no backend), ``main.py``
with one IPsec connection to a transit router, ``test_main.py`` (a snapshot test and the schema check),
``.gitignore`` and a README of the next commands. As in cdktf the stack is named after the folder, unless
``--stack`` names it. The name is checked against a plain grammar before it is written into ``main.py`` and
the README, so nothing else can reach the code. A folder that holds anything but ``.git`` is refused unless
``--force`` is given; even then a symbolic link or a folder in the place of a file is refused, never followed.
"""

from __future__ import annotations

import argparse
import re
import uuid
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..core.errors import ConstructsVpnError

#: Each file of the new project and its template; ``{stack_name}`` in a template is the stack's name and
#: ``{project_id}`` the ``projectId`` of cdktf.json.
_FILES = {
    "cdktf.json": "cdktf.json",
    "main.py": "main.py.txt",
    "test_main.py": "test_main.py.txt",
    ".gitignore": "gitignore.txt",
    "README.md": "README.md.txt",
}
#: A stack name that is a folder name, a Python string and a shell word as it is: a letter, then letters,
#: digits, "-" and "_".
_STACK_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")
#: What a new folder may already hold (``git init`` first is common).
_ALLOWED = frozenset({".git"})


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "init", help="create a new project (as `cdktf init --template python --local`), ready to synth"
    )
    parser.add_argument("dir", nargs="?", default=".", metavar="DIR", help="folder of the new project")
    parser.add_argument("--stack", metavar="NAME", help="name of the first stack (default: the folder's name)")
    parser.add_argument(
        "--force", action="store_true", help="write into a folder that is not empty (its other files are kept)"
    )
    parser.set_defaults(func=run)


def stack_name(root: Path, given: str | None) -> str:
    """``given``, or the folder's name, once checked against the grammar of :data:`_STACK_NAME`."""
    name = given if given is not None else root.name
    if _STACK_NAME.fullmatch(name):
        return name
    where = "--stack" if given is not None else f"the folder name of {root}"
    raise ConstructsVpnError(
        f"init: {where} gives the stack name {name!r}, which is not a letter followed by at most 63 letters, "
        "digits, '-' or '_': pass --stack NAME, e.g. --stack vpn"
    )


def _check_folder(root: Path, force: bool) -> None:
    """``root`` is a folder (or nothing yet), empty unless ``force``, with no link or folder where a file goes."""
    if root.exists() and not root.is_dir():
        raise ConstructsVpnError(f"init: {root} is not a folder: name a new or empty folder")
    if not root.exists():
        return
    present = sorted(entry.name for entry in root.iterdir() if entry.name not in _ALLOWED)
    if present and not force:
        shown = ", ".join(repr(name) for name in present[:5]) + (", ..." if len(present) > 5 else "")
        raise ConstructsVpnError(
            f"init: {root} is not empty ({shown}): name a new or empty folder, or pass --force to add the "
            "project's files (files of the same names are replaced)"
        )
    for name in _FILES:
        target = root / name
        if target.is_symlink() or target.is_dir():
            kind = "a symbolic link" if target.is_symlink() else "a folder"
            raise ConstructsVpnError(f"init: {target} is {kind}, where init writes a file: move it away first")


def project_id(root: Path, name: str) -> str:
    """cdktf.json's ``projectId``: with none, the cdktf CLI writes a new one into the file on every run (telemetry
    on), leaving git dirty. cdktf's init draws a random one; this one is a UUID of the folder and the stack name,
    so each project has its own and init writes the same bytes run after run."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"constructs-vpn-init:{root.as_posix()}:{name}"))


def render(root: Path, name: str) -> dict[str, str]:
    """The new project's files (path -> text) in ``root`` for a stack called ``name`` (already checked)."""
    templates = files(__package__).joinpath("templates", "init")
    values = {"{stack_name}": name, "{project_id}": project_id(root, name)}
    rendered = {}
    for path, source in _FILES.items():
        text = templates.joinpath(source).read_text("utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        rendered[path] = text
    return rendered


def run(args: argparse.Namespace) -> int:
    root = Path(args.dir).absolute()
    name = stack_name(root, args.stack)
    _check_folder(root, args.force)
    root.mkdir(parents=True, exist_ok=True)
    for path, text in render(root, name).items():
        (root / path).write_text(text, encoding="utf-8")
    (root / "main.py").chmod(0o755)  # cdktf's template makes it executable too (its #! line runs it)
    print(f"Created a constructs-vpn project in {root} (stack {name!r}): {', '.join(_FILES)}")
    print("Next: constructs-vpn synth, then python -m pytest; README.md lists the emulator and deploy commands")
    return 0
