"""Reading ``cdktf.json``, running the app the way the cdktf CLI does, and reading what it wrote.

Every file a command reads goes through :func:`read_json_object`: a missing, truncated or wrongly shaped file
is a :class:`ConstructsVpnError` naming the file and the fix, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..core.errors import ConstructsVpnError

__all__ = ["Manifest", "Project", "add_dir_argument", "read_json_object", "read_manifest"]

_T = TypeVar("_T")
_RESYNTH = "run `constructs-vpn synth` again to rewrite it"
_PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: The exception line that closes a traceback of a mistake in the app (not of a bug): shown without the frames.
_MISTAKE = re.compile(
    r"^(?:constructs_vpn\.(?:ValidationError|ConstructsVpnError|SynthError)"
    r"|pydantic_core\._pydantic_core\.ValidationError): ",
    re.M,
)
_FRAME = re.compile(r'^  File "(?P<file>[^"]+)", line (?P<line>\d+)', re.M)


def read_json_object(path: Path, what: str, *, missing: str = _RESYNTH, fix: str = _RESYNTH) -> dict[str, Any]:
    """The JSON object in ``path`` (``what`` it is, for the message); ``missing`` and ``fix`` say what to do when
    the file does not exist or holds something else."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConstructsVpnError(f"{path} does not exist: {missing}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConstructsVpnError(f"{path}: cannot read {what}: {error}") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConstructsVpnError(f"{path}: {what} is not valid JSON ({error}); {fix}") from None
    if not isinstance(value, dict):
        raise ConstructsVpnError(f"{path}: {what} must be a JSON object, not {type(value).__name__}; {fix}")
    return value


@dataclass(frozen=True)
class Project:
    """A cdktf project folder: its app command and context."""

    root: Path
    app: str
    context: dict[str, Any]

    @staticmethod
    def load(root: Path, app: str | None = None) -> Project:
        config_path = root / "cdktf.json"
        config: dict[str, Any] = {}
        if config_path.exists() or app is None:
            config = read_json_object(
                config_path,
                "the project file",
                missing="run constructs-vpn in the folder holding it, pass --project DIR, or give --app COMMAND",
                fix='correct it: cdktf.json is an object such as {"language": "python", "app": "python main.py"}',
            )
        command = app or config.get("app")
        if not command or not isinstance(command, str):
            raise ConstructsVpnError(
                f'{config_path} has no "app" (the command that runs your app, e.g. "python main.py"): '
                "add it, or give --app COMMAND"
            )
        context = config.get("context", {})
        if not isinstance(context, dict):
            raise ConstructsVpnError(f'{config_path}: "context" must be a JSON object')
        return Project(root, command, dict(context))

    def synth(self, outdir: Path, *, hcl: bool = False) -> str:
        """Run the app with the environment the cdktf CLI gives it (``hcl``: as ``cdktf synth --hcl``); what it
        wrote to stderr. A user mistake that ends the app is one message, without the traceback."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("TF_VAR_")}
        env.update(
            CDKTF_OUTDIR=str(outdir),
            CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS="true",
            SYNTH_HCL_OUTPUT="true" if hcl else "false",
            CDKTF_CONTEXT_JSON=json.dumps({**self.context, "cdktfRelativeModules": []}),
        )
        # "python" in the app command means this interpreter (the one constructs-vpn is installed in).
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        completed = subprocess.run(
            self.app, shell=True, cwd=self.root, env=env, stderr=subprocess.PIPE, text=True, check=False
        )
        if completed.returncode == 0:
            return completed.stderr
        stderr, mistake = _split_mistake(completed.stderr, self.root)
        sys.stderr.write(stderr)
        if mistake is not None:
            raise ConstructsVpnError(f"the app `{self.app}` stopped at {mistake}")
        raise ConstructsVpnError(f"the app `{self.app}` failed with exit code {completed.returncode}")


def _split_mistake(stderr: str, root: Path) -> tuple[str, str | None]:
    """``stderr`` without a closing traceback of a user mistake, and that mistake as ``where: message``."""
    start = stderr.rfind("Traceback (most recent call last):\n")
    if start < 0:
        return stderr, None
    traceback = stderr[start:]
    exceptions = list(_MISTAKE.finditer(traceback))
    if not exceptions:
        return stderr, None
    exception = exceptions[-1]
    where = "the app"
    for frame in _FRAME.finditer(traceback, 0, exception.start()):
        file = Path(frame["file"])
        if _PACKAGE_DIR not in file.parents and "site-packages" not in file.parts:
            shown = file.relative_to(root) if root in file.parents else file
            where = f"{shown}, line {frame['line']}"
    message = traceback[exception.end() :].rstrip("\n")
    return stderr[:start], f"{where}: {message}"


@dataclass(frozen=True)
class Manifest:
    """``manifest.json`` and the stack documents it points to."""

    outdir: Path
    data: dict[str, Any]

    @property
    def stacks(self) -> dict[str, dict[str, Any]]:
        stacks: dict[str, dict[str, Any]] = self.data.get("stacks", {})
        return stacks

    def error(self, name: str, field: str, problem: str) -> ConstructsVpnError:
        """A hand-edited or crafted ``field`` of stack ``name``: this file's error, with the fix."""
        return ConstructsVpnError(f'{self.outdir / "manifest.json"}: stack {name!r}: "{field}" {problem}; {_RESYNTH}')

    def dependencies(self) -> dict[str, list[str]]:
        """Each stack's dependencies, checked to be stacks of the manifest."""
        graph: dict[str, list[str]] = {}
        for name, entry in sorted(self.stacks.items()):
            dependencies = entry.get("dependencies", [])
            if not isinstance(dependencies, list) or not all(isinstance(d, str) for d in dependencies):
                raise self.error(name, "dependencies", f"is {dependencies!r}, not a list of stack names")
            unknown = [d for d in dependencies if d not in self.stacks]
            if unknown:
                raise ConstructsVpnError(
                    f"{self.outdir / 'manifest.json'}: stack {name!r} depends on {unknown}, which is not a stack "
                    f"of the manifest; {_RESYNTH}"
                )
            graph[name] = sorted(dependencies)
        return graph

    def inside(self, name: str, field: str, relative: str) -> Path:
        """``relative`` (a path of stack ``name``'s ``field``) resolved under the synthesized folder, symlinks
        followed: a crafted manifest must not make a command read or write anywhere else."""
        folder = self.outdir.resolve()
        try:
            path = (self.outdir / relative).resolve()
        except (OSError, ValueError, RuntimeError) as error:  # a NUL byte, a symlink loop
            raise self.error(name, field, f"{relative!r} is not a path ({error})") from None
        if not path.is_relative_to(folder):
            raise self.error(name, field, f"{relative!r} leads out of {self.outdir} (to {path})")
        return path

    def synthesized_path(self, name: str) -> Path:
        """The stack's synthesized file, checked to be in the synthesized folder."""
        return self.inside(name, "synthesizedStackPath", self.stacks[name]["synthesizedStackPath"])

    def folder_field(self, name: str) -> str:
        """The field that gives the stack's folder: ``workingDirectory``, else its synthesized file's."""
        return "workingDirectory" if self.stacks[name].get("workingDirectory") else "synthesizedStackPath"

    def folder(self, name: str, file: str = "") -> Path:
        """The stack's folder (``workingDirectory``, else its synthesized file's), or ``file`` in it; either
        checked to be in the synthesized folder (a ``file`` that is a link out of it, too)."""
        entry = self.stacks[name]
        folder = entry.get("workingDirectory") or str(Path(entry["synthesizedStackPath"]).parent)
        field = self.folder_field(name)
        if not isinstance(folder, str):
            raise self.error(name, field, f"is {folder!r}, not a path")
        return self.inside(name, field, f"{folder}/{file}" if file else folder)

    def is_hcl(self, name: str) -> bool:
        """Was the stack written as HCL (``cdk.tf``, by ``synth --hcl``)?"""
        return not str(self.stacks[name]["synthesizedStackPath"]).endswith(".json")

    def document(self, name: str) -> dict[str, Any]:
        path = self.outdir / self.stacks[name]["synthesizedStackPath"]
        if self.is_hcl(name):
            raise ConstructsVpnError(
                f"stack {name!r} was synthesized as HCL ({path}); this command reads the JSON: "
                "run `constructs-vpn synth` without --hcl"
            )
        document = read_json_object(path, f"stack {name!r}")
        for block in ("resource", "data"):
            _check_blocks(path, document, block)
        return document

    def read(self, name: str, reader: Callable[[dict[str, Any], str], _T]) -> _T:
        """``reader`` applied to the stack's document and name. A file edited by hand may lack a field or hold the wrong
        type where a reader expects what synth writes: that is this file's error, not a traceback."""
        document = self.document(name)
        try:
            return reader(document, name)
        except ConstructsVpnError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
            path = self.outdir / self.stacks[name]["synthesizedStackPath"]
            raise ConstructsVpnError(
                f"{path}: stack {name!r} is not as constructs-vpn synth writes it "
                f"({type(error).__name__}: {error}); {_RESYNTH}"
            ) from error

    def metadata(self, name: str) -> dict[str, Any]:
        """``metadata.json`` of a stack written as HCL: its ``"//"`` and each resource's and data source's."""
        path = self.outdir / self.stacks[name].get("stackMetadataPath", "")
        return read_json_object(path, f"the metadata of stack {name!r}")


def _check_blocks(path: Path, document: dict[str, Any], block: str) -> None:
    """``block`` (``resource`` or ``data``) maps each type to an object of named objects, as Terraform reads it."""
    types = document.get(block, {})
    shaped = isinstance(types, dict) and all(
        isinstance(items, dict) and all(isinstance(item, dict) for item in items.values()) for items in types.values()
    )
    if not shaped:
        raise ConstructsVpnError(
            f'{path}: "{block}" must map each type to an object of named objects, as Terraform JSON does; {_RESYNTH}'
        )


def read_manifest(outdir: Path) -> Manifest:
    """The ``manifest.json`` of a synthesized folder, each stack entry checked for the paths the commands read."""
    path = outdir / "manifest.json"
    data = read_json_object(
        path,
        "the manifest",
        missing="run `constructs-vpn synth` first, or name the folder it wrote",
    )
    stacks = data.get("stacks", {})
    shaped = isinstance(stacks, dict) and all(
        isinstance(entry, dict) and isinstance(entry.get("synthesizedStackPath"), str) for entry in stacks.values()
    )
    if not shaped:
        raise ConstructsVpnError(
            f'{path}: not a cdktf manifest ("stacks" must map each stack to an object with its '
            f'"synthesizedStackPath"); {_RESYNTH}'
        )
    return Manifest(outdir, data)


def add_dir_argument(parser: argparse.ArgumentParser) -> None:
    """``--dir DIR``: the synthesized folder a command reads. ``-o``/``--output`` still work, with a warning:
    they named this input folder as if it were written."""
    parser.add_argument("--dir", "-d", default="cdktf.out", metavar="DIR", help="synthesized folder to read")
    parser.add_argument(
        "--output", "-o", dest="dir", action=_Deprecated, default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )


class _Deprecated(argparse.Action):
    """Store the value under the new name and say which one to use."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: str | None = None
    ) -> None:
        print(f"warning: {option} is deprecated here (it names the folder read): use --dir", file=sys.stderr)
        setattr(namespace, self.dest, values)
