"""Helpers for unit-testing stacks: synthesize in memory and match resources, as cdktf's ``Testing``.

```python
stack = TerraformStack(Testing.app(), "test")
CenInstance(stack, "cen", name="corp")
assert Testing.to_have_resource_with_properties(Testing.synth(stack), "alicloud_cen_instance",
                                                {"cen_instance_name": "corp"})
```
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .app import App
from .stack import TerraformStack

__all__ = ["Testing"]

Synthesized = Mapping[str, Any] | str


def _strip_metadata(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_metadata(v) for k, v in value.items() if k != "//"}
    if isinstance(value, list):
        return [_strip_metadata(v) for v in value]
    return value


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
    """Synthesis and assertion helpers; the matchers take what ``synth`` returns (dict or JSON text)."""

    @staticmethod
    def app(*, context: dict[str, Any] | None = None, strict: bool | None = None) -> App:
        """An App whose output folder is a fresh temporary directory."""
        outdir = tempfile.mkdtemp(prefix="constructs-vpn-test-")
        return App(outdir=outdir, context=context, strict=strict)

    @staticmethod
    def synth(stack: TerraformStack, *, run_validations: bool = False, keep_metadata: bool = False) -> dict[str, Any]:
        """The stack's resolved document, without ``"//"`` metadata unless ``keep_metadata``."""
        if run_validations:
            app = stack.node.root
            if isinstance(app, App):
                app.synthesize()
        document = stack.to_terraform()
        return document if keep_metadata else _strip_metadata(document)

    @staticmethod
    def synth_scope(build: Callable[[TerraformStack], None]) -> dict[str, Any]:
        """Build constructs in a fresh stack with ``build(stack)`` and synthesize it."""
        stack = TerraformStack(Testing.app(), "test")
        build(stack)
        return Testing.synth(stack)

    @staticmethod
    def full_synth(stack: TerraformStack) -> Path:
        """Write the whole app to its output folder and return that folder."""
        app = stack.node.root
        assert isinstance(app, App), "the stack must belong to an App"
        return app.synth().outdir

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
