"""``constructs-vpn orchestrate``: what Terragrunt, Atlantis and CI need to run a split app's stacks, written
from ``cdktf.out`` alone (its ``manifest.json``: stacks, their folders and dependencies).

- ``terragrunt.hcl`` in each stack's folder: a ``dependency`` block per stack it reads (``skip_outputs``: the
  values travel through remote state, as cdktf wires them; Terragrunt only orders), so ``terragrunt run --all
  plan`` in ``cdktf.out/stacks`` runs the stacks in dependency order, independent ones in parallel.
- ``atlantis.yaml`` (repo config version 3): a project per stack with its dir, workflow, ``depends_on`` and
  ``execution_order_group`` (its depth in the graph), autoplanned when its ``cdk.tf.json`` changes.
- ``stack-digests.json``: the SHA-256 of each stack's synthesized file. It is a file of its own, not a field of
  ``manifest.json`` or ``"//"`` metadata, because those stay byte for byte what cdktf 0.21 writes.
  ``--changed-since OLD`` prints the stacks whose digest differs from OLD's (new ones included): CI plans those.
- ``--moves-from OLD_DIR`` prints, for an app re-split into other stacks, each resource that changed stack
  (``from``, ``to``, address; tab-separated), for ``terraform state mv``: addresses stay, only states change.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.errors import ConstructsVpnError
from .project import Manifest, add_dir_argument, read_json_object, read_manifest

__all__ = [
    "DIGESTS_FILE",
    "StateMove",
    "add_parser",
    "atlantis_yaml",
    "changed_stacks",
    "stack_digests",
    "state_moves",
    "terragrunt_hcl",
]

DIGESTS_FILE = "stack-digests.json"
#: The Atlantis workflow each project names (declared in the same file: the default steps, in the stack's dir).
WORKFLOW = "constructs-vpn"


def _depths(graph: dict[str, list[str]]) -> dict[str, int]:
    """Each stack's longest path to a stack without dependencies (0 for those): Atlantis's order groups. Walked
    with a stack of its own, not recursion: a manifest may chain more stacks than Python has frames."""
    depths: dict[str, int] = {}
    for start, dependencies in graph.items():
        path, pending = [start], [iter(dependencies)]  # the chain walked, and each one's dependencies left
        while pending:
            dependency = next(pending[-1], None)
            if dependency is None:
                name = path.pop()
                pending.pop()
                depths[name] = 1 + max((depths[d] for d in graph[name]), default=-1)
            elif dependency in path:
                raise ConstructsVpnError(
                    f"the stacks depend on each other in a cycle: {' -> '.join(path)} -> {dependency}"
                )
            elif dependency not in depths:
                path.append(dependency)
                pending.append(iter(graph[dependency]))
    return depths


def _relative(path: Path, start: Path) -> str:
    """``path`` relative to ``start`` with ``/`` separators (``..`` where needed)."""
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


#: The escapes HCL's quoted strings and YAML's double-quoted scalars share (HCL native syntax spec, "Template
#: Literals"; YAML 1.2.2 section 5.7): any other character Python does not print (controls, format characters,
#: separators, unassigned or private code points) is written as its ``\\u``/``\\U`` escape, which both decode.
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _quoted(text: str) -> str:
    """``text`` as a double-quoted string whose value is ``text``, on one line and in printable characters."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char.isprintable():
            out.append(char)
        else:
            out.append(f"\\u{ord(char):04X}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08X}")
    return '"' + "".join(out) + '"'


def _hcl_string(manifest: Manifest, name: str, field: str, text: str) -> str:
    """``text`` as an HCL string literal: quoted, and ``${``/``%{`` doubled so that no value is a template.
    HCL reads every string as NFC and has no lone surrogates: a value it would read as another is refused."""
    if any(0xD800 <= ord(char) <= 0xDFFF for char in text):
        raise manifest.error(name, field, f"{text!r} holds a lone surrogate, which no file can hold")
    if not unicodedata.is_normalized("NFC", text):
        raise manifest.error(
            name, field, f"{text!r} is not in Unicode NFC, and HCL would read it as another name (its NFC)"
        )
    return _quoted(text).replace("${", "$${").replace("%{", "%%{")


def terragrunt_hcl(manifest: Manifest, name: str) -> str:
    """The ``terragrunt.hcl`` of stack ``name``: a ``dependency`` block per stack it depends on."""
    here = manifest.folder(name)
    label = _hcl_string(manifest, name, "name", name)
    lines = [
        f"# Written by `constructs-vpn orchestrate` from manifest.json: stack {label}.",
        "# Terraform reads cdk.tf.json in this folder; the dependencies only order `terragrunt run --all`.",
    ]
    for dependency in manifest.dependencies()[name]:
        label = _hcl_string(manifest, name, "dependencies", dependency)
        path = _hcl_string(manifest, name, "dependencies", _relative(manifest.folder(dependency), here))
        lines += ["", f"dependency {label} {{", f"  config_path  = {path}", "  skip_outputs = true", "}"]
    return "\n".join(lines) + "\n"


def atlantis_yaml(manifest: Manifest, root: Path) -> str:
    """``atlantis.yaml`` for a repository whose root is ``root``: a project per stack, in dependency order."""
    graph = manifest.dependencies()
    depths = _depths(graph)
    source = _quoted(_relative(manifest.outdir, root) + "/manifest.json")
    lines = [
        f"# Written by `constructs-vpn orchestrate` from {source}.",
        "version: 3",
        "automerge: false",
        "parallel_plan: true",
        "parallel_apply: true",
        "abort_on_execution_order_fail: true",
        "projects:",
    ]
    for name in sorted(graph, key=lambda n: (depths[n], n)):
        lines += [
            f"- name: {_quoted(name)}",
            f"  dir: {_quoted(_relative(manifest.folder(name), root))}",
            f"  workflow: {WORKFLOW}",
            f"  execution_order_group: {depths[name]}",
            "  autoplan:",
            "    enabled: true",
            '    when_modified: ["cdk.tf.json", "cdk.tf", ".terraform.lock.hcl"]',
        ]
        if graph[name]:
            lines.append(f"  depends_on: [{', '.join(_quoted(d) for d in graph[name])}]")
    lines += [
        "workflows:",
        f"  {WORKFLOW}:",
        "    plan:",
        "      steps: [init, plan]",
        "    apply:",
        "      steps: [apply]",
    ]
    return "\n".join(lines) + "\n"


def stack_digests(manifest: Manifest) -> dict[str, str]:
    """``sha256:<hex>`` of each stack's synthesized file (``cdk.tf.json``, or ``cdk.tf`` with ``--hcl``)."""
    digests: dict[str, str] = {}
    for name in sorted(manifest.stacks):
        path = manifest.synthesized_path(name)
        try:
            digests[name] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as error:
            raise ConstructsVpnError(
                f"{path}: cannot read stack {name!r} ({error}); run `constructs-vpn synth`"
            ) from None
    return digests


def _read_digests(path: Path) -> dict[str, str]:
    fix = f"pass a {DIGESTS_FILE} written by `constructs-vpn orchestrate`"
    stacks = read_json_object(path, "the stack digests", missing=fix, fix=fix).get("stacks")
    if not isinstance(stacks, dict) or not all(isinstance(v, str) for v in stacks.values()):
        raise ConstructsVpnError(f'{path}: "stacks" must map each stack to its digest; {fix}')
    return stacks


def changed_stacks(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """The stacks of ``new`` whose digest is not the one in ``old`` (new stacks included), sorted."""
    return sorted(name for name, digest in new.items() if old.get(name) != digest)


@dataclass(frozen=True, slots=True)
class StateMove:
    """A resource whose address is in another stack (state) after a re-split."""

    source: str
    target: str
    address: str


def _addresses(manifest: Manifest, name: str) -> Iterator[str]:
    manifest.synthesized_path(name)  # the document read is in the synthesized folder
    for kind, items in manifest.document(name).get("resource", {}).items():
        yield from (f"{kind}.{item}" for item in items)


def state_moves(old: Manifest, new: Manifest) -> list[StateMove]:
    """Each managed resource of ``new`` that ``old`` held in a stack of another name, by address. An address
    that several old stacks held (and not the new one's namesake) has no single source: an error."""
    owners: dict[str, list[str]] = {}
    for name in sorted(old.stacks):
        for address in _addresses(old, name):
            owners.setdefault(address, []).append(name)
    moves: list[StateMove] = []
    for name in sorted(new.stacks):
        for address in sorted(_addresses(new, name)):
            sources = owners.get(address, [])
            if name in sources or not sources:
                continue  # stays in its state, or is new
            if len(sources) > 1:
                raise ConstructsVpnError(
                    f"{old.outdir}: {address} (now in stack {name!r}) is in stacks {sources}; move it by hand"
                )
            moves.append(StateMove(sources[0], name, address))
    return moves


def _terragrunt_files(manifest: Manifest) -> dict[Path, str]:
    """Each stack's ``terragrunt.hcl`` and the stack it is for. Two stacks in one folder are refused: the second
    would overwrite the first's file."""
    owners: dict[Path, str] = {}
    for name in sorted(manifest.stacks):
        path = manifest.folder(name, "terragrunt.hcl")
        if path in owners:
            field = manifest.folder_field(name)
            raise manifest.error(name, field, f"is the folder of stack {owners[path]!r} too")
        owners[path] = name
    return owners


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "orchestrate",
        help="write terragrunt.hcl, atlantis.yaml and stack digests for a synthesized app's stacks",
        description=(
            "From cdktf.out/manifest.json write a terragrunt.hcl per stack (its dependency blocks), atlantis.yaml "
            f"(a project per stack) and {DIGESTS_FILE}; or print the stacks changed since older digests, or the "
            "state moves of a re-split app."
        ),
    )
    add_dir_argument(parser)
    parser.add_argument("--root", default=".", help="repository root: where atlantis.yaml is written")
    parser.add_argument(
        "--changed-since", metavar="DIGESTS", help=f"print the stacks changed since this {DIGESTS_FILE}"
    )
    parser.add_argument("--moves-from", metavar="OLD_DIR", help="print the resources that changed stack since OLD_DIR")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    manifest = read_manifest(Path(args.dir))
    if args.moves_from:
        for move in state_moves(read_manifest(Path(args.moves_from)), manifest):
            print(f"{move.source}\t{move.target}\t{move.address}")
        return 0
    digests = stack_digests(manifest)
    if args.changed_since:
        print("\n".join(changed_stacks(_read_digests(Path(args.changed_since)), digests)))
        return 0
    root = Path(args.root)
    digest_file = manifest.outdir / DIGESTS_FILE
    if not digest_file.resolve().is_relative_to(manifest.outdir.resolve()):
        raise ConstructsVpnError(f"{digest_file} is a link out of {manifest.outdir}: remove it, orchestrate writes it")
    files = {path: terragrunt_hcl(manifest, name) for path, name in _terragrunt_files(manifest).items()}
    files[root / "atlantis.yaml"] = atlantis_yaml(manifest, root)
    files[digest_file] = json.dumps({"algorithm": "sha256", "stacks": digests}, indent=2) + "\n"
    for path, text in sorted(files.items()):  # written once all are known to be right: none or all
        path.write_text(text, "utf-8")
    print(f"Wrote terragrunt.hcl for {len(digests)} stack(s), {root / 'atlantis.yaml'} and {digest_file}")
    return 0
