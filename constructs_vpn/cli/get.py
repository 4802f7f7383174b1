"""``constructs-vpn get``: typed Python bindings for the providers and modules in ``cdktf.json``, laid out as
``cdktf get``'s.

As cdktf does, it reads ``terraformProviders`` and ``codeMakerOutput`` (default ``imports``) from ``cdktf.json``,
runs ``terraform init`` and ``terraform providers schema -json`` in a temporary folder (offline with the emulator
of ``constructs-vpn emulator setup``), and writes ``<output>/<provider>/`` with one package per resource and data
source. ``--schema FILE`` generates from a saved ``providers schema -json`` output instead. For ``aliyun/alicloud``
at the vendored version, the vendored constraints and patches add value checks (enums, ranges, deprecations,
sensitive values). Each of ``terraformModules`` becomes ``<output>/<module path>/`` with one typed
``TerraformModule`` class (``constructs_vpn.codegen.modules``).
"""

from __future__ import annotations

import argparse
import json
import keyword
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..alicloud.schema import PROVIDER_SOURCE, PROVIDER_VERSION, load_constraints
from ..alicloud.schema.patches import PATCHES
from ..codegen.generate import BANNER_PREFIX, TERRAFORM_NAME, Patch, Provider, generate, write
from ..core.errors import ConstructsVpnError

__all__ = [
    "ModuleRequest",
    "ProviderRequest",
    "add_parser",
    "get",
    "get_modules",
    "parse_module",
    "parse_provider",
    "run",
]

_REGISTRY = "registry.terraform.io"
#: A provider source, as Terraform's ``addrs.ParseProviderSourceString`` takes it: ``[hostname/]namespace/type``
#: (a hostname with an optional port; namespace and type letters, digits and ``-``).
_SOURCE = re.compile(r"(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[A-Za-z0-9][A-Za-z0-9_-]*/[A-Za-z][A-Za-z0-9-]*\Z")
#: A version or version constraint (``~> 1.289``, ``>= 1.0, < 2.0``, ``1.2.3-beta+x``): no quotes or line breaks.
_CONSTRAINT = re.compile(r"[0-9A-Za-z.,<>=~!+\- ]*\Z")


@dataclass(frozen=True)
class ProviderRequest:
    """One ``terraformProviders`` entry: local name, source address and version constraint."""

    name: str
    source: str
    constraint: str | None

    @property
    def package(self) -> str:
        """The Python package of its bindings under ``codeMakerOutput``: the name with ``-`` as ``_``, as cdktf-cli
        names it (``ConstructsMakerProviderTarget.simplifiedName``): ``google-beta`` → ``google_beta``."""
        return self.name.replace("-", "_")

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
    request = ProviderRequest(name, source, str(constraint) if constraint else None)
    _check_provider(request, entry)
    return request


def _check_provider(request: ProviderRequest, entry: Any) -> None:
    """Refuse a local name that is no Terraform name or whose package is no Python identifier (the bindings are
    ``<output>/<package>/``, imported as ``imports.<package>``), a source or version constraint Terraform would not
    take: each lands in a path or in generated code."""
    if not TERRAFORM_NAME.match(request.name) or keyword.iskeyword(request.package):
        raise ConstructsVpnError(
            f"cdktf.json: terraformProviders entry {entry!r}: name {request.name!r} cannot name the package of its "
            "bindings: use letters, digits, _ and -, starting with a letter or _, and no Python keyword"
        )
    if not _SOURCE.match(request.source):
        raise ConstructsVpnError(
            f"cdktf.json: terraformProviders entry {entry!r}: source {request.source!r} is not a provider address "
            '("namespace/type" or "hostname/namespace/type", letters, digits and -)'
        )
    if request.constraint is not None and not _CONSTRAINT.match(request.constraint):
        raise ConstructsVpnError(
            f"cdktf.json: terraformProviders entry {entry!r}: version {request.constraint!r} is not a version "
            'constraint (such as "~> 1.289" or ">= 1.0, < 2.0")'
        )


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "get",
        help="generate typed Python bindings for the providers and modules in cdktf.json (as cdktf get)",
        description=(
            "Read terraformProviders, terraformModules and codeMakerOutput from cdktf.json, fetch each provider's "
            "schema with terraform (or read --schema) and each module's variables and outputs, and write one Python "
            "package per provider and module, shaped like cdktf get's."
        ),
    )
    parser.add_argument("--dir", type=Path, default=Path("."), help="the project folder (default: .)")
    parser.add_argument("--schema", type=Path, help="a saved `terraform providers schema -json` output")
    parser.add_argument("--output", type=Path, help="where to write (default: codeMakerOutput, else imports)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = _read_config(args.dir / "cdktf.json")
    requests = [parse_provider(entry) for entry in config.get("terraformProviders") or []]
    modules = [parse_module(entry) for entry in config.get("terraformModules") or []]
    if not requests and not modules:
        raise ConstructsVpnError('cdktf.json: no "terraformProviders" or "terraformModules" to generate')
    output = args.output or args.dir / str(config.get("codeMakerOutput") or "imports")
    _refuse_shared_packages(
        [(f"provider {r.name!r}", r.package) for r in requests] + [(f"module {m.name!r}", m.package) for m in modules]
    )
    rendered = _render_modules(modules, args.dir) if modules else []  # a refused module stops get before a write
    if requests:
        get(requests, output, schema_file=args.schema)
    if modules:
        _write_modules(rendered, output)
    return 0


def _refuse_shared_packages(packages: list[tuple[str, str]]) -> None:
    """Refuse two entries of ``cdktf.json`` whose packages are one folder, or one inside the other, as a
    case-insensitive file system sees them: the second write would replace or delete the first's files."""
    seen: list[tuple[str, tuple[str, ...]]] = []
    for what, package in packages:
        parts = tuple(package.casefold().split("."))
        for other, taken in seen:
            if parts[: len(taken)] == taken or taken[: len(parts)] == parts:
                raise ConstructsVpnError(
                    f"cdktf.json: {what} and {other} would both be written to the package {package!r} (or one "
                    "inside the other) under codeMakerOutput; give one of them another name"
                )
        seen.append((what, parts))


@dataclass(frozen=True)
class ModuleRequest:
    """One ``terraformModules`` entry, named as cdktf's ``TerraformModuleConstraint`` names it."""

    name: str
    source: str
    version: str | None
    fqn: str

    @property
    def package(self) -> str:
        """The Python package under ``codeMakerOutput``: ``./modules/vpc`` → ``vpc`` (what cdktf-cli 0.21 writes),
        ``terraform-aws-modules/vpc/aws`` → ``terraform_aws_modules.vpc.aws`` (cdktf's ``srcMakName``)."""
        return (self.name if self.local else self.fqn).replace("/", ".").replace("-", "_")

    @property
    def local(self) -> bool:
        return self.source.startswith(("./", "../"))

    def check(self, entry: Any) -> None:
        """Refuse a name whose package would not be a folder of Python identifiers under the output (``../x``,
        ``/abs``, keywords), and a source or version with control characters (both are written into the
        binding as text)."""
        parts = self.package.split(".")
        if not all(p.isascii() and p.isidentifier() and not keyword.iskeyword(p) for p in parts):
            raise ConstructsVpnError(
                f"cdktf.json: terraformModules entry {entry!r}: the package {self.package!r} made from its name is "
                "not a dotted Python name (letters, digits, _ and -, parts separated by /); rename it"
            )
        for what, text in (("source", self.source), ("version", self.version or "")):
            if not text.isprintable() or '"""' in text:
                raise ConstructsVpnError(
                    f"cdktf.json: terraformModules entry {entry!r}: the {what} {text!r} holds control characters "
                    "or triple quotes; fix it"
                )


def parse_module(entry: Any) -> ModuleRequest:
    """``"./modules/vpc"``, ``"terraform-aws-modules/vpc/aws@5.0.0"`` or ``{"name", "source", "version"}``: local
    and registry sources as cdktf reads them (a git or URL source only as the object form, named there)."""
    request = _module_request(entry)
    if request is None:
        raise ConstructsVpnError(
            f"cdktf.json: terraformModules entry {entry!r} is not a local path (./x), a registry module "
            '("namespace/name/provider@version") or {"name": ..., "source": ..., "version": ...}'
        )
    request.check(entry)
    return request


def _module_request(entry: Any) -> ModuleRequest | None:
    if isinstance(entry, dict) and entry.get("name") and entry.get("source"):
        name = str(entry["name"])
        version = entry.get("version")
        return ModuleRequest(name, str(entry["source"]), None if version is None else str(version), name)
    if isinstance(entry, str) and entry.startswith(("./", "../")):
        fqn = entry.split("/", 1)[1].rstrip("/")
        return ModuleRequest(fqn.rsplit("/", 1)[-1], entry, None, fqn)
    if isinstance(entry, str):
        source, _, version = entry.partition("@")
        parts = source.split("//", 1)[0].split("/")
        if len(parts) == 3 and all(parts):
            name = source.rsplit("/", 1)[-1] if "//" in source else parts[1]
            fqn = source.replace("//", "/", 1).replace(".", "-")
            return ModuleRequest(name, source, version or None, fqn)
    return None


def get_modules(requests: list[ModuleRequest], output: Path, project: Path) -> list[str]:
    """Write a typed class per module under ``output``; local modules are read in place, the others after
    ``terraform get`` in a temporary folder, as cdktf does. Returns the progress lines (for tests)."""
    return _write_modules(_render_modules(requests, project), output)


#: A module binding made but not written yet: the request, its source, its variable and output counts, seconds.
_Rendered = tuple[ModuleRequest, str, int, int, float]


def _render_modules(requests: list[ModuleRequest], project: Path) -> list[_Rendered]:
    """Every module's binding, read and checked before any file is written (a refused module writes nothing)."""
    from ..codegen.modules import read_module, render_module

    remote = [r for r in requests if not r.local]
    rendered: list[_Rendered] = []
    with tempfile.TemporaryDirectory(prefix="constructs-vpn-get-modules-") as folder:
        folders = _terraform_get(remote, Path(folder)) if remote else {}
        for request in requests:
            began = time.perf_counter()
            spec = read_module(project / request.source if request.local else folders[request.fqn])
            source = render_module(request.name, request.source, request.version, spec)
            rendered.append((request, source, len(spec.inputs), len(spec.outputs), time.perf_counter() - began))
    return rendered


def _write_modules(rendered: list[_Rendered], output: Path) -> list[str]:
    started = time.perf_counter() - sum(took for *_, took in rendered)
    lines: list[str] = []
    for request, source, inputs, outputs, took in rendered:
        began = time.perf_counter() - took
        _write_package({"__init__.py": source}, output / request.package.replace(".", "/"), output)
        _say(
            lines,
            f"generated module {request.name} ({request.source}{' ' + request.version if request.version else ''}"
            f"): {inputs} variables, {outputs} outputs in {time.perf_counter() - began:.1f} s",
        )
    _say(lines, f"{len(rendered)} module(s) written to {output} in {time.perf_counter() - started:.1f} s")
    return lines


def _terraform_get(requests: list[ModuleRequest], folder: Path) -> dict[str, Path]:
    """Each module's downloaded folder (by fqn), from ``terraform get`` and ``.terraform/modules/modules.json``."""
    terraform = shutil.which("terraform")
    if terraform is None:
        raise ConstructsVpnError("terraform is not on PATH: it downloads registry modules; install terraform 1.11")
    keys = {r.fqn.replace("/", "_"): r for r in requests}
    calls = {key: {"source": r.source, **({"version": r.version} if r.version else {})} for key, r in keys.items()}
    (folder / "main.tf.json").write_text(json.dumps({"module": calls}), encoding="utf-8")
    offline = "offline, give the module a folder on disk as its source (./path; the emulator serves no module)"
    _terraform([terraform, "get", "-no-color"], str(folder), {**os.environ, "CHECKPOINT_DISABLE": "1"}, offline)
    index = _read_json(folder / ".terraform/modules/modules.json")
    found = {str(m.get("Key")): folder / str(m.get("Dir")) for m in index.get("Modules") or []}
    return {r.fqn: found[key] for key, r in keys.items() if key in found}


def get(requests: list[ProviderRequest], output: Path, *, schema_file: Path | None = None) -> list[str]:
    """Write the bindings of every requested provider under ``output``; print a line each and a summary.
    Returns the progress lines (for tests)."""
    started = time.perf_counter()
    if schema_file is not None:
        document, versions = _read_json(schema_file), dict[str, str]()
    else:
        document, versions = _terraform_schema(requests)
    origin = str(schema_file) if schema_file is not None else "terraform providers schema -json"
    schemas = document.get("provider_schemas") or {}
    if not isinstance(schemas, dict):
        raise ConstructsVpnError(f"{origin}: provider_schemas is not an object; is it `providers schema -json`?")
    planned: list[tuple[ProviderRequest, str, dict[str, Any], dict[str, str], float]] = []
    for request in requests:  # every provider's bindings are made (and checked) before any is written
        began = time.perf_counter()
        schema = schemas.get(request.address)
        if schema is None:
            known = ", ".join(sorted(schemas)) or "none"
            raise ConstructsVpnError(
                f"the schema has no provider {request.address} (it has: {known}); "
                "check terraformProviders in cdktf.json or the --schema file"
            )
        version = versions.get(request.address) or _version_of(request)
        try:
            files = _bindings(request, version, schema)
        except ConstructsVpnError as error:
            raise ConstructsVpnError(f"{origin}: provider {request.address}: {error}; nothing was written") from None
        planned.append((request, version, schema, files, time.perf_counter() - began))
    lines: list[str] = []
    types = 0
    for request, version, schema, files, took in planned:
        began = time.perf_counter() - took
        _write_package(files, output / request.package, output)
        count = len(schema.get("resource_schemas") or {}) + len(schema.get("data_source_schemas") or {})
        types += count
        _say(
            lines,
            f"generated {request.name} ({request.source} {version}): {len(schema.get('resource_schemas') or {})} "
            f"resources, {len(schema.get('data_source_schemas') or {})} data sources in "
            f"{time.perf_counter() - began:.1f} s",
        )
    _say(
        lines,
        f"{len(requests)} provider(s), {types} types written to {output} in {time.perf_counter() - started:.1f} s",
    )
    return lines


def _say(lines: list[str], line: str) -> None:
    """A progress line: printed at once (a large provider takes a while) and kept for the caller."""
    print(line, flush=True)
    lines.append(line)


def _write_package(files: dict[str, str], folder: Path, output: Path) -> None:
    """Write one package folder of ``output`` (refused when a symlink on the way leads elsewhere)."""
    if not folder.resolve().is_relative_to(output.resolve()):
        raise ConstructsVpnError(
            f"{folder} leads outside the output folder {output} (through a symlink to {folder.resolve()}): "
            "remove the link; nothing was written there"
        )
    _refuse_foreign_files(folder)
    write(files, folder)


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
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:  # ValueError: JSONDecodeError, UnicodeDecodeError
        raise ConstructsVpnError(f"{path}: cannot read JSON: {error}") from error
    except RecursionError:
        raise ConstructsVpnError(f"{path}: cannot read JSON: it nests too deeply for a schema or cdktf.json") from None
    if not isinstance(data, dict):
        raise ConstructsVpnError(f"{path}: expected a JSON object, found {type(data).__name__}")
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
        advice = _offline_advice(requests)
        names = ", ".join(r.source for r in requests)
        # the slow part (a download per provider), before any progress line: say what is running
        print(f"fetching the schema of {names}: terraform init, then providers schema -json", file=sys.stderr)
        _terraform([terraform, "init", "-input=false", "-backend=false", "-no-color"], folder, env, advice)
        schema = json.loads(_terraform([terraform, "providers", "schema", "-json"], folder, env, advice))
        version = json.loads(_terraform([terraform, "version", "-json"], folder, env, advice))
    selections: dict[str, str] = version.get("provider_selections") or {}
    return schema, selections


def _offline_advice(requests: list[ProviderRequest]) -> str:
    """What to do without network: the emulator serves one provider only (``aliyun/alicloud`` at the pinned
    version), so it is suggested only when that is every provider asked for; ``--schema`` always works."""
    schema_way = (
        "pass --schema FILE (the output of `terraform providers schema -json` run where the registry is reachable)"
    )
    others = sorted({r.source for r in requests if r.source != PROVIDER_SOURCE})
    if others:
        return f"offline, {schema_way}; the emulator serves only {PROVIDER_SOURCE}, not {', '.join(others)}"
    return (
        f"offline, run `constructs-vpn emulator setup DIR` and export what it prints (it serves {PROVIDER_SOURCE} "
        f"{PROVIDER_VERSION}), or {schema_way}"
    )


def _terraform(command: list[str], folder: str, env: dict[str, str], advice: str) -> str:
    """Run ``command``; on failure, terraform's own message whole and as it wrote it, then ``advice``."""
    completed = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        message = (completed.stderr or completed.stdout).strip()
        raise ConstructsVpnError(f"`terraform {' '.join(command[1:])}` failed; {advice}. Terraform said:\n{message}")
    return completed.stdout
