"""Helpers for unit-testing stacks: synthesize in memory and match resources, as cdktf's ``Testing``.

```python
stack = TerraformStack(Testing.app(), "test")
CenInstance(stack, "cen", name="corp")
synthesized = Testing.synth(stack)  # JSON text, as in cdktf: json.loads(synthesized) for the document
assert Testing.to_have_resource_with_properties(synthesized, "alicloud_cen_instance", {"cen_instance_name": "corp"})
```
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .app import App
from .aspects import invoke_aspects
from .construct import Construct
from .errors import Problem, SynthError, ValidationError
from .hcl_render import stack_to_hcl
from .json_writer import dumps
from .stack import TerraformStack

__all__ = ["Testing"]

Synthesized = Mapping[str, Any] | str


def _strip_metadata(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_metadata(v) for k, v in value.items() if k != "//"}
    if isinstance(value, list):
        return [_strip_metadata(v) for v in value]
    return value


def _library_class(construct: Construct) -> str:
    """The name cdktf shows for a construct: its nearest class of the library (jsii sees no Python subclass)."""
    for cls in type(construct).__mro__:
        if cls.__module__.startswith("constructs_vpn.core"):
            return cls.__name__
    return type(construct).__name__


def _validate(stack: TerraformStack) -> None:
    """Every validation of the constructs in ``stack``, reported together, as ``App.synth`` does."""
    problems: list[Problem] = []
    for construct in stack.node.walk():
        for found in construct.node.validate():
            problems.append(
                found if isinstance(found, Problem) else Problem(construct.node.path, found, rule="validation")
            )
    if problems:
        raise ValidationError(problems)


def _load(received: Synthesized) -> Mapping[str, Any]:
    return json.loads(received) if isinstance(received, str) else received


def _matches(actual: Any, expected: Any) -> bool:
    """Partial match: dicts match on the expected keys (None = absent or null), lists item by item."""
    if expected is None:
        return actual is None
    if isinstance(expected, Mapping):
        return isinstance(actual, Mapping) and all(_matches(actual.get(k), v) for k, v in expected.items())
    if isinstance(expected, list | tuple):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(_matches(a, e) for a, e in zip(actual, expected, strict=True))
        )
    return bool(actual == expected and type(actual) is type(expected))


def _bodies(received: Synthesized, block: str, type_name: str) -> list[Mapping[str, Any]]:
    found = _load(received).get(block, {}).get(type_name, {})
    if isinstance(found, list):  # providers are a list of configurations
        return found
    return list(found.values())


class Testing:
    """Synthesis and assertion helpers, as cdktf's ``Testing``; the matchers take what ``synth`` returns (JSON
    text) or a parsed document."""

    @staticmethod
    def app(
        *,
        outdir: str | None = None,
        context: dict[str, Any] | None = None,
        stack_traces: bool | None = None,
        stub_version: bool | None = None,
        enable_future_flags: bool | None = None,
        fake_cdktf_json_path: bool | None = None,
        strict: bool | None = None,
    ) -> App:
        """An App whose output folder is a fresh temporary directory (unless ``outdir`` is given)."""
        import tempfile  # the testing helpers' imports are not paid by every app that imports the core

        app = App(outdir=outdir or tempfile.mkdtemp(prefix="cdktf.outdir."), context=context, strict=strict)
        if stub_version:
            Testing.stub_version(app)
        if fake_cdktf_json_path:
            Testing.fake_cdktf_json_path(app)
        return app

    @staticmethod
    def stub_version(app: App) -> App:
        """Context ``cdktfVersion = "stubbed"``, as cdktf sets it (the engine writes its own version)."""
        app.node.set_context("cdktfVersion", "stubbed")
        return app

    @staticmethod
    def fake_cdktf_json_path(app: App) -> App:
        app.node.set_context("cdktfJsonPath", str(Path.cwd() / "cdktf.json"))
        app.node.set_context("cdktfRelativeModules", ["./"])
        return app

    @staticmethod
    def enable_future_flags(app: App) -> App:
        """cdktf 0.21 has no future flags left to enable: the app is returned as it is."""
        return app

    @staticmethod
    def setup_jest() -> None:
        """cdktf's Jest matcher setup: nothing to do in Python."""

    @staticmethod
    def synth(stack: TerraformStack, run_validations: bool = True, *, keep_metadata: bool = False) -> str:
        """The stack's Terraform JSON as text, without ``"//"`` metadata unless ``keep_metadata``.

        Validations run unless ``run_validations=False`` (cdktf skips them by default; here a test of invalid
        props fails instead of passing because nothing was built).
        """
        invoke_aspects(stack)
        if run_validations:
            _validate(stack)
        document = stack.to_terraform()
        return dumps(document if keep_metadata else _strip_metadata(document))

    @staticmethod
    def synth_hcl(stack: TerraformStack, run_validations: bool = True, return_metadata: bool = False) -> str:
        """The stack as HCL (``cdk.tf``), or its ``metadata.json`` text with ``return_metadata``."""
        invoke_aspects(stack)
        if run_validations:
            _validate(stack)
        text, metadata, _ = stack_to_hcl(stack, stack.to_terraform())
        return dumps(metadata) if return_metadata else text

    @staticmethod
    def synth_scope(fn: Callable[[TerraformStack], None]) -> str:
        """Build constructs in a fresh stack with ``fn(stack)`` and synthesize it."""
        stack = TerraformStack(Testing.app(), "stack")
        fn(stack)
        return Testing.synth(stack)

    @staticmethod
    def full_synth(stack: TerraformStack) -> str:
        """Write the whole app to its output folder and return that folder."""
        app = stack.node.root
        if not isinstance(app, App):
            raise ValidationError.single(stack.node.path, "the stack is not part of an App", rule="in-app")
        return str(app.synth().outdir)

    @staticmethod
    def render_construct_tree(construct: Construct) -> str:
        """The tree below ``construct`` as text, in cdktf's layout (``├── id (Class)``)."""

        def render(node: Construct, level: int, is_last: bool) -> str:
            prefix = f"{' ' * ((level - 1) * 4)}{'└' if is_last else '├'}── " if level > 0 else ""
            name = "App" if isinstance(node, App) else f"{node.node.id} ({_library_class(node)})"
            children = node.node.children
            return f"{prefix}{name}\n" + "".join(
                render(child, level + 1, index == len(children) - 1) for index, child in enumerate(children)
            )

        return render(construct, 0, False)

    @staticmethod
    def to_be_valid_terraform(received: str) -> bool:
        """True if every stack of the synthesized folder ``received`` passes ``terraform validate``."""
        import subprocess

        binary = shutil.which("terraform")
        if binary is None:
            raise SynthError("terraform is not on PATH; install it to use to_be_valid_terraform")
        manifest = json.loads((Path(received) / "manifest.json").read_text("utf-8"))
        for entry in manifest["stacks"].values():
            directory = Path(received) / entry["workingDirectory"]
            for args in (["init", "-backend=false", "-input=false"], ["validate"]):
                run = subprocess.run([binary, *args, "-no-color"], cwd=directory, capture_output=True, check=False)
                if run.returncode != 0:
                    return False
        return True

    @staticmethod
    def to_have_resource(received: Synthesized, resource_type: str) -> bool:
        return bool(_bodies(received, "resource", resource_type))

    @staticmethod
    def to_have_resource_with_properties(
        received: Synthesized, resource_type: str, properties: Mapping[str, Any]
    ) -> bool:
        return any(_matches(b, properties) for b in _bodies(received, "resource", resource_type))

    @staticmethod
    def to_have_data_source(received: Synthesized, data_source_type: str) -> bool:
        return bool(_bodies(received, "data", data_source_type))

    @staticmethod
    def to_have_data_source_with_properties(
        received: Synthesized, data_source_type: str, properties: Mapping[str, Any]
    ) -> bool:
        return any(_matches(b, properties) for b in _bodies(received, "data", data_source_type))

    @staticmethod
    def to_have_provider(received: Synthesized, provider_type: str) -> bool:
        return bool(_bodies(received, "provider", provider_type))

    @staticmethod
    def to_have_provider_with_properties(
        received: Synthesized, provider_type: str, properties: Mapping[str, Any]
    ) -> bool:
        return any(_matches(b, properties) for b in _bodies(received, "provider", provider_type))
