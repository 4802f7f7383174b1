"""``constructs-vpn get``: typed Python bindings for the providers in ``cdktf.json``, laid out as ``cdktf get``'s.

As cdktf does, it reads ``terraformProviders`` and ``codeMakerOutput`` (default ``imports``) from ``cdktf.json``,
runs ``terraform init`` and ``terraform providers schema -json`` in a temporary folder (offline with the emulator
of ``constructs-vpn emulator setup``), and writes ``<output>/<provider>/`` with one package per resource and data
source. ``--schema FILE`` generates from a saved ``providers schema -json`` output instead. For ``aliyun/alicloud``
at the vendored version, the vendored constraints and patches add value checks (enums, ranges, deprecations,
sensitive values).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..alicloud.schema import PROVIDER_SOURCE, PROVIDER_VERSION, load_constraints
from ..alicloud.schema.patches import PATCHES
from ..codegen.generate import BANNER_PREFIX, Patch, Provider, generate, write
from ..core.errors import ConstructsVpnError

__all__ = ["ProviderRequest", "add_parser", "get", "parse_provider", "run"]

_REGISTRY = "registry.terraform.io"


@dataclass(frozen=True)
class ProviderRequest:
    """One ``terraformProviders`` entry: local name, source address and version constraint."""

    name: str
    source: str
    constraint: str | None

    @property
    def address(self) -> str:
        """The key of this provider in ``providers schema -json`` (``registry.terraform.io/aliyun/alicloud``)."""
        return self.source if self.source.count("/") == 2 else f"{_REGISTRY}/{self.source}"


def parse_provider(entry: Any) -> ProviderRequest:
    """``"aliyun/alicloud@~> 1.289"``, ``"alicloud"`` or ``{"name", "source", "version"}``, as cdktf reads them."""
    if isinstance(entry, dict):
        source = str(entry.get("source") or entry.get("name") or "")
        name = str(entry.get("name") or source.rsplit("/", 1)[-1])
        constraint = entry.get("version")
    elif isinstance(entry, str):
        source, _, version = entry.partition("@")
        source, constraint, name = source.strip(), version.strip() or None, source.strip().rsplit("/", 1)[-1]
    else:
        source = name = ""
        constraint = None
    if not source or not name:
        raise ConstructsVpnError(
            f'cdktf.json: terraformProviders entry {entry!r} is not "namespace/name@version" or '
            '{"name": ..., "source": ..., "version": ...}'
        )
    if "/" not in source:
        source = f"hashicorp/{source}"
    return ProviderRequest(name, source, str(constraint) if constraint else None)


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "get",
        help="generate typed Python bindings for the providers in cdktf.json (as cdktf get)",
        description=(
            "Read terraformProviders and codeMakerOutput from cdktf.json, fetch each provider's schema with "
            "terraform (or read --schema) and write one Python package per provider, shaped like cdktf get's."
        ),
    )
    parser.add_argument("--dir", type=Path, default=Path("."), help="the project folder (default: .)")
    parser.add_argument("--schema", type=Path, help="a saved `terraform providers schema -json` output")
    parser.add_argument("--output", type=Path, help="where to write (default: codeMakerOutput, else imports)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = _read_config(args.dir / "cdktf.json")
    requests = [parse_provider(entry) for entry in config.get("terraformProviders") or []]
    if config.get("terraformModules"):
        raise ConstructsVpnError(
            "cdktf.json: terraformModules are not supported by constructs-vpn get yet; "
            "remove them, or keep cdktf get for the modules"
        )
    if not requests:
        raise ConstructsVpnError('cdktf.json: no "terraformProviders" to generate')
    output = args.output or args.dir / str(config.get("codeMakerOutput") or "imports")
    get(requests, output, schema_file=args.schema)
    return 0


def get(requests: list[ProviderRequest], output: Path, *, schema_file: Path | None = None) -> list[str]:
    """Write the bindings of every requested provider under ``output``; print a line each and a summary.
    Returns the progress lines (for tests)."""
    started = time.perf_counter()
    if schema_file is not None:
        document, versions = _read_json(schema_file), dict[str, str]()
    else:
        document, versions = _terraform_schema(requests)
    schemas: dict[str, Any] = document.get("provider_schemas") or {}
    lines: list[str] = []
    types = 0
    for request in requests:
        began = time.perf_counter()
        schema = schemas.get(request.address)
        if schema is None:
            known = ", ".join(sorted(schemas)) or "none"
            raise ConstructsVpnError(
                f"the schema has no provider {request.address} (it has: {known}); "
                "check terraformProviders in cdktf.json or the --schema file"
            )
        version = versions.get(request.address) or _version_of(request)
        files = _bindings(request, version, schema)
        _refuse_foreign_files(output / request.name)
        write(files, output / request.name)
        count = len(schema.get("resource_schemas") or {}) + len(schema.get("data_source_schemas") or {})
        types += count
        line = (
            f"generated {request.name} ({request.source} {version}): {len(schema.get('resource_schemas') or {})} "
            f"resources, {len(schema.get('data_source_schemas') or {})} data sources in "
            f"{time.perf_counter() - began:.1f} s"
        )
        print(line, flush=True)
        lines.append(line)
    summary = f"{len(requests)} provider(s), {types} types written to {output} in {time.perf_counter() - started:.1f} s"
    print(summary)
    lines.append(summary)
    return lines


def _refuse_foreign_files(folder: Path) -> None:
    """Stop before mixing with files this generator did not write (e.g. ``cdktf get``'s jsii bindings): they
    would shadow or break ours, and deleting them is the user's call."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.py")):
        with path.open(encoding="utf-8", errors="replace") as handle:
            if not handle.readline().startswith(BANNER_PREFIX):
                raise ConstructsVpnError(
                    f"{path} was not written by constructs-vpn get (cdktf get's output?); "
                    f"delete {folder} and run constructs-vpn get again"
                )


def _bindings(request: ProviderRequest, version: str, schema: dict[str, Any]) -> dict[str, str]:
    provider = Provider(request.name, request.source, version, request.constraint)
    constraints: dict[str, Any] | None = None
    patches: tuple[Patch, ...] = ()
    if request.source == PROVIDER_SOURCE and version == PROVIDER_VERSION:
        constraints = load_constraints()
        patches = tuple(patch for patch in PATCHES if _has_target(schema, patch.target))
    return generate(provider, schema, constraints=constraints, patches=patches)


def _has_target(schema: dict[str, Any], target: str) -> bool:
    kind, _, name = target.partition(":")
    key = {"resource": "resource_schemas", "data": "data_source_schemas"}.get(kind)
    return key is None or name in (schema.get(key) or {})


def _version_of(request: ProviderRequest) -> str:
    """Without terraform's lock file, the version a pinned constraint names (``= 1.2.3``, ``1.2.3``)."""
    text = (request.constraint or "").strip().lstrip("=").strip()
    if text and all(part.isdigit() for part in text.split(".")):
        return text
    if request.source == PROVIDER_SOURCE:
        return PROVIDER_VERSION
    return text or "unknown"


def _read_config(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConstructsVpnError(f"{path} not found: run constructs-vpn get in a cdktf project, or pass --dir")
    config = _read_json(path)
    return config


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ConstructsVpnError(f"{path}: cannot read JSON: {error}") from error
    return data


def _terraform_schema(requests: list[ProviderRequest]) -> tuple[dict[str, Any], dict[str, str]]:
    """``providers schema -json`` and the selected versions, from ``terraform init`` in a temporary folder."""
    terraform = shutil.which("terraform")
    if terraform is None:
        raise ConstructsVpnError("terraform is not on PATH: install it, or pass --schema FILE")
    required = {r.name: {"source": r.source, **({"version": r.constraint} if r.constraint else {})} for r in requests}
    with tempfile.TemporaryDirectory(prefix="constructs-vpn-get-") as folder:
        (Path(folder) / "main.tf.json").write_text(
            json.dumps({"terraform": {"required_providers": required}}), encoding="utf-8"
        )
        env = {**os.environ, "CHECKPOINT_DISABLE": "1"}
        _terraform([terraform, "init", "-input=false", "-backend=false", "-no-color"], folder, env)
        schema = json.loads(_terraform([terraform, "providers", "schema", "-json"], folder, env))
        version = json.loads(_terraform([terraform, "version", "-json"], folder, env))
    selections: dict[str, str] = version.get("provider_selections") or {}
    return schema, selections


def _terraform(command: list[str], folder: str, env: dict[str, str]) -> str:
    completed = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        detail = (completed.stderr or completed.stdout).strip().splitlines()[-5:]
        raise ConstructsVpnError(
            f"`terraform {' '.join(command[1:])}` failed: {' / '.join(detail)}; offline, run "
            "`constructs-vpn emulator setup DIR` and export what it prints, or pass --schema FILE"
        )
    return completed.stdout
