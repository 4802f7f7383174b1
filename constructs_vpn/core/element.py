"""``TerraformElement``: a construct that writes part of a stack's Terraform document."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from .construct import Construct
from .tokens import Referenceable, ResolveContext, resolve_fragment

if TYPE_CHECKING:
    from .stack import TerraformStack

__all__ = ["TerraformElement", "deep_merge", "set_dotted", "top_level_keys"]


def deep_merge(target: dict[str, Any], source: dict[str, Any]) -> None:
    """Merge ``source`` into ``target``: dicts merge recursively, lists concatenate, other values replace."""
    for key, value in source.items():
        current = target.get(key)
        if current is None:  # the common case: a key the target does not have yet
            target[key] = value
        elif isinstance(current, dict) and isinstance(value, dict):
            deep_merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            current.extend(value)
        else:
            target[key] = value


def top_level_keys(overrides: dict[str, Any]) -> list[str]:
    """What cdktf lists in ``"//".metadata.overrides``: the first segment of each override path, once."""
    return list(dict.fromkeys(path.split(".", 1)[0] for path in overrides))


def _first_item(container: list[Any]) -> Any:
    if not container:
        container.append({})
    return container[0]


def set_dotted(target: dict[str, Any], path: str, value: Any) -> None:
    """Set ``a.b.c`` in nested dicts, creating levels; a list on the way is entered at its first item."""
    keys = path.split(".")
    current: Any = target
    for key in keys[:-1]:
        if isinstance(current, list):
            current = _first_item(current)
        nxt = current.get(key)
        if not isinstance(nxt, dict | list):
            nxt = {}
            current[key] = nxt
        current = nxt
    if isinstance(current, list):
        current = _first_item(current)
    leaf = current.get(keys[-1])
    if isinstance(leaf, dict) and isinstance(value, dict):
        deep_merge(leaf, value)
    else:
        current[keys[-1]] = value


@cache
def _stack_type() -> type[TerraformStack]:
    """``TerraformStack``, imported once on first use (stack.py imports this module; an import statement in
    ``__init__`` costs a trip through the import system per element)."""
    from .stack import TerraformStack

    return TerraformStack


class TerraformElement(Construct, Referenceable):
    """Base of resources, data sources, providers, variables, outputs, locals and backends.

    Its Terraform name (logical id) follows cdktf's algorithm unless ``override_logical_id`` is used.
    ``add_override`` patches the synthesized body (dot paths) and is recorded in the stack's metadata.
    """

    #: Key under which ``add_override`` records are listed in ``"//".metadata.overrides``.
    _override_kind = "element"

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        self._stack = _stack_type().of(self)
        self._logical_id_override: str | None = None
        self._logical_id: str | None = None
        self._raw_overrides: dict[str, Any] = {}

    @property
    def stack(self) -> TerraformStack:
        return self._stack

    @property
    def friendly_unique_id(self) -> str:
        """The element's Terraform name inside its stack."""
        if self._logical_id_override is not None:
            return self._logical_id_override
        if self._logical_id is None:
            self._logical_id = self._stack.allocate_logical_id(self)
        return self._logical_id

    def override_logical_id(self, new_logical_id: str) -> None:
        """Use ``new_logical_id`` as the Terraform name (e.g. to keep an address after a refactor)."""
        self._logical_id_override = new_logical_id

    def reset_override_logical_id(self) -> None:
        self._logical_id_override = None

    def add_override(self, path: str, value: Any) -> None:
        """Escape hatch: set ``path`` (dot-separated) in the synthesized body to ``value``."""
        self._raw_overrides[path] = value

    @property
    def raw_overrides(self) -> dict[str, Any]:
        return dict(self._raw_overrides)

    def _apply_overrides(self, body: dict[str, Any]) -> dict[str, Any]:
        for path, value in self._raw_overrides.items():
            set_dotted(body, path, value)
        return body

    def _construct_metadata(self) -> dict[str, Any]:
        return {"metadata": {"path": self.node.path, "uniqueId": self.friendly_unique_id}}

    def _to_terraform(self) -> dict[str, Any]:
        """This element's fragment of the stack document (unresolved)."""
        return {}

    def _to_resolved_terraform(self, ctx: ResolveContext) -> dict[str, Any]:
        """This element's fragment as the stack document holds it: ``_to_terraform()``, resolved."""
        fragment: dict[str, Any] = resolve_fragment(self._to_terraform(), ctx)
        return fragment

    def _to_hcl_terraform(self) -> dict[str, Any]:
        """This element's fragment of ``cdk.tf`` (cdktf's ``toHclTerraform``, rendered by ``hcl_render``); where
        cdktf gives the JSON fragment there (backends, remote state), so does this default."""
        return self._to_terraform()

    def _to_metadata(self) -> dict[str, Any]:
        if not self._raw_overrides:
            return {}
        return {"overrides": {self._override_kind: top_level_keys(self._raw_overrides)}}
