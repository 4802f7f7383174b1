"""Reading ``cdktf.json`` and running the app the way the cdktf CLI does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.errors import ConstructsVpnError

__all__ = ["Manifest", "Project", "read_manifest"]


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
        if config_path.is_file():
            try:
                config = json.loads(config_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                raise ConstructsVpnError(f"{config_path}: not valid JSON: {error}") from error
        command = app or config.get("app")
        if not command:
            raise ConstructsVpnError(f'no app to run: {config_path} has no "app" and --app was not given')
        return Project(root, command, dict(config.get("context") or {}))

    def synth(self, outdir: Path, *, hcl: bool = False) -> None:
        """Run the app with the environment the cdktf CLI gives it (``hcl``: as ``cdktf synth --hcl``)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("TF_VAR_")}
        env.update(
            CDKTF_OUTDIR=str(outdir),
            CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS="true",
            SYNTH_HCL_OUTPUT="true" if hcl else "false",
            CDKTF_CONTEXT_JSON=json.dumps({**self.context, "cdktfRelativeModules": []}),
        )
        # "python" in the app command means this interpreter (the one constructs-vpn is installed in).
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        completed = subprocess.run(self.app, shell=True, cwd=self.root, env=env, check=False)
        if completed.returncode != 0:
            raise ConstructsVpnError(f"the app `{self.app}` failed with exit code {completed.returncode}")


@dataclass(frozen=True)
class Manifest:
    """``manifest.json`` and the stack documents it points to."""

    outdir: Path
    data: dict[str, Any]

    @property
    def stacks(self) -> dict[str, dict[str, Any]]:
        stacks: dict[str, dict[str, Any]] = self.data.get("stacks", {})
        return stacks

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
        document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return document

    def metadata(self, name: str) -> dict[str, Any]:
        """``metadata.json`` of a stack written as HCL: its ``"//"`` and each resource's and data source's."""
        path = self.outdir / self.stacks[name]["stackMetadataPath"]
        metadata: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return metadata


def read_manifest(outdir: Path) -> Manifest:
    path = outdir / "manifest.json"
    if not path.is_file():
        raise ConstructsVpnError(f"{path} does not exist: the app did not call app.synth()")
    return Manifest(outdir, json.loads(path.read_text(encoding="utf-8")))
