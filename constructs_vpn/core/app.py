"""``App``: the root of the tree; ``synth()`` checks the whole app and writes ``cdktf.out``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from . import collector
from .annotations import STRICT_CONTEXT_KEY, Annotation, collect
from .aspects import invoke_aspects
from .construct import Construct
from .errors import ConstructsVpnError, Problem, ValidationError
from .hcl_render import stack_to_hcl
from .json_writer import dumps
from .json_writer import write as write_json
from .output_dir import Content, write_tree
from .stack import CDKTF_VERSION, TerraformStack
from .tokens import ESCAPE_CONTEXT_KEY

__all__ = ["App", "SynthResult"]

_MAX_CROSS_STACK_ROUNDS = 10


def _warn(message: str, *args: object) -> None:
    """Log to ``constructs_vpn``; ``logging`` loads with the first warning, not with every app's import."""
    import logging

    logging.getLogger("constructs_vpn").warning(message, *args)


def _streamed(document: Any) -> Content:
    return lambda handle: write_json(document, handle)


class SynthResult:
    """What ``App.synth`` produced: per stack, its resolved document and annotations."""

    def __init__(self, outdir: Path, documents: dict[str, dict[str, Any]], annotations: list[Annotation]) -> None:
        self.outdir = outdir
        self.documents = documents
        self.annotations = annotations


class App(Construct):
    """The root construct. ``outdir`` and context come from the cdktf CLI's environment when it runs the app.

    ``hcl_output=True`` writes ``cdk.tf`` (HCL) and ``metadata.json`` instead of ``cdk.tf.json``; as in cdktf,
    ``SYNTH_HCL_OUTPUT`` (which ``cdktf synth --hcl`` sets) overrides it when present, and
    ``CDKTF_CONTEXT_JSON`` (which the CLI sets from ``cdktf.json``) overrides ``context``.

    Hand-written ``${...}`` and ``%{...}`` in strings are Terraform expressions, as in cdktf;
    ``escape_raw_expressions=True`` writes them as literal text instead (``$${...}``), for apps that put
    untrusted text into strings. ``stack_traces`` and ``skip_backend_validation`` are accepted as in cdktf
    and change nothing: the engine writes no JavaScript stack traces and has no backend validation.
    """

    def __init__(
        self,
        *,
        outdir: str | os.PathLike[str] | None = None,
        context: dict[str, Any] | None = None,
        strict: bool | None = None,
        skip_validation: bool = False,
        hcl_output: bool = False,
        escape_raw_expressions: bool = False,
        stack_traces: bool | None = None,
        skip_backend_validation: bool | None = None,
    ) -> None:
        super().__init__(None, "")
        merged = {**(context or {}), **_context_from_env()}
        if strict is not None:
            merged[STRICT_CONTEXT_KEY] = strict
        if escape_raw_expressions:
            merged[ESCAPE_CONTEXT_KEY] = True
        for key, value in merged.items():
            self.node.set_context(key, value)
        self.outdir = Path(outdir or os.environ.get("CDKTF_OUTDIR") or "cdktf.out")
        self.skip_validation = skip_validation
        env_hcl = os.environ.get("SYNTH_HCL_OUTPUT")
        self.hcl_output = hcl_output if env_hcl is None else env_hcl == "true"
        collector.building()

    @staticmethod
    def is_app(x: object) -> bool:
        return isinstance(x, App)

    @property
    def target_stack_id(self) -> str | None:
        """``CDKTF_TARGET_STACK_ID``, read as cdktf reads it (cdktf-cli 0.21 never sets it)."""
        return os.environ.get("CDKTF_TARGET_STACK_ID")

    @staticmethod
    def of(construct: Construct) -> App:
        root = construct.node.root
        if not isinstance(root, App):
            raise ValidationError.single(construct.node.path, "construct is not part of an App", rule="in-app")
        return root

    @property
    def stacks(self) -> list[TerraformStack]:
        return [c for c in self.node.walk() if isinstance(c, TerraformStack)]

    @property
    def strict(self) -> bool:
        return bool(self.node.try_get_context(STRICT_CONTEXT_KEY))

    @collector.synthesis
    def synthesize(self) -> SynthResult:
        """Check and resolve the app without writing anything; raises ``ValidationError`` with every problem."""
        return self._synthesize()[0]

    def _synthesize(self) -> tuple[SynthResult, list[TerraformStack]]:
        """``synthesize``, and the stacks it found (``synth`` needs them: no second walk of the tree)."""
        invoke_aspects(self)
        problems: list[Problem] = []
        if not self.skip_validation:
            for construct in self.node.walk():
                if not construct.node._validations:  # most constructs have none
                    continue
                for found in construct.node.validate():
                    problems.append(
                        found if isinstance(found, Problem) else Problem(construct.node.path, found, rule="validation")
                    )
        annotations = collect(self)
        # Set by the cdktf CLI, which prints the errors from the manifest itself.
        continue_on_errors = "CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS" in os.environ
        for note in annotations:
            if (note.level == "error" and not continue_on_errors) or (note.level == "warn" and self.strict):
                fix = f"fix the cause or acknowledge_warning({note.id!r})" if note.id else ""
                problems.append(Problem(note.path, note.message, rule=note.id or note.level, fix=fix))
        stacks = self.stacks
        documents = self._resolve_stacks(stacks, problems)
        if problems:
            raise ValidationError(problems)
        return SynthResult(self.outdir, documents, annotations), stacks

    def _resolve_stacks(self, stacks: list[TerraformStack], problems: list[Problem]) -> dict[str, dict[str, Any]]:
        seen: dict[str, str] = {}
        for stack in stacks:
            if stack.node.id in seen:
                problems.append(
                    Problem(
                        stack.node.path,
                        f"stack name {stack.node.id!r} is already used by {seen[stack.node.id]!r}",
                        rule="unique-stack-name",
                    )
                )
            seen[stack.node.id] = stack.node.path
        for stack in stacks:  # cdktf's prepareStack
            stack.ensure_backend_exists()
        documents: dict[str, dict[str, Any]] = {}
        pending = stacks
        for _ in range(_MAX_CROSS_STACK_ROUNDS):
            for stack in pending:
                try:
                    documents[stack.node.id] = stack.to_terraform()
                except ValidationError as error:
                    problems.extend(error.problems)
            pending = [s for s in stacks if s._stale]
            if not pending or problems:
                break
        return documents

    @collector.synthesis
    def synth(self) -> SynthResult:
        """Check the app, then write ``manifest.json`` and ``stacks/<id>/cdk.tf.json`` (or ``cdk.tf`` and
        ``metadata.json``) atomically."""
        from .asset import asset_files  # assets (and the cdktf structs) load when an app synthesizes, not at import

        result, stacks = self._synthesize()
        files: dict[str, Content] = {}
        manifest_stacks: dict[str, Any] = {}
        by_stack = {s.node.id: s for s in stacks}
        stack_file = "cdk.tf" if self.hcl_output else "cdk.tf.json"
        for name, document in result.documents.items():
            stack = by_stack[name]
            directory = f"stacks/{name}"
            prefix = stack.node.path + "/"
            manifest_stacks[name] = {
                "annotations": [
                    a.to_manifest()
                    for a in result.annotations
                    if a.path == stack.node.path or a.path.startswith(prefix)
                ],
                "constructPath": stack.node.path,
                "dependencies": [d.node.path for d in stack.dependencies],
                "name": name,
                "stackMetadataPath": f"{directory}/metadata.json",
                "synthesizedStackPath": f"{directory}/{stack_file}",
                "workingDirectory": directory,
            }
            if self.hcl_output:
                text, metadata, lost = stack_to_hcl(stack, document)
                files[f"{directory}/cdk.tf"] = text
                files[f"{directory}/metadata.json"] = dumps(metadata)
                if lost:
                    _warn(
                        "%s: cdk.tf leaves out arguments that cdk.tf.json has, as cdktf's HCL does (only what a "
                        "class's _synthesize_hcl_attributes gives is written): %s. Deploy the JSON output, or "
                        "give the class a _synthesize_hcl_attributes.",
                        stack.node.path,
                        "; ".join(lost),
                    )
            else:
                files[f"{directory}/cdk.tf.json"] = _streamed(document)
            for relative, data in asset_files(stack).items():
                files[f"{directory}/{relative}"] = data
        files["manifest.json"] = dumps({"stacks": manifest_stacks, "version": CDKTF_VERSION})
        write_tree(self.outdir, files)
        for note in result.annotations:
            if note.level != "info":
                _warn("%s", note)
        return result

    def run(self) -> None:
        """``synth()`` for a program's main block: problems go to stderr as one message and exit 1, no traceback."""
        try:
            self.synth()
        except ConstructsVpnError as error:
            print(f"error: {error}", file=sys.stderr)
            raise SystemExit(1) from None


def _context_from_env() -> dict[str, Any]:
    raw = os.environ.get("CDKTF_CONTEXT_JSON")
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValidationError.single(
            "", f"CDKTF_CONTEXT_JSON is not valid JSON: {error}", rule="context-json", fix="pass a JSON object"
        ) from error
    if not isinstance(value, dict):
        raise ValidationError.single("", "CDKTF_CONTEXT_JSON must be a JSON object", rule="context-json")
    return value
