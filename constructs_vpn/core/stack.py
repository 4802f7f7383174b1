"""``TerraformStack``: one Terraform configuration (``stacks/<id>/cdk.tf.json``) and its logical ids."""

from __future__ import annotations

import re
from typing import Any

from .backends import DataTerraformRemoteState, LocalBackend, TerraformBackend
from .checks import mapping_problems
from .construct import Construct
from .element import TerraformElement, deep_merge, set_dotted, top_level_keys
from .errors import Problem, ValidationError
from .logical_id import LogicalIdError, make_unique_id
from .output import TerraformOutput
from .tokens import ESCAPE_CONTEXT_KEY, Reference, ResolveContext, resolve

__all__ = ["CDKTF_VERSION", "TerraformStack"]

#: The cdktf output format this engine writes (``"//".metadata.version`` and ``manifest.json``).
CDKTF_VERSION = "0.21.0"
_TERRAFORM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
#: The longest file name Linux file systems take: the stack id is a folder name under ``stacks/``.
_MAX_STACK_ID_BYTES = 255


def _check_stack_id(scope: Construct, id: str) -> None:
    if isinstance(id, str) and len(id.encode("utf-8", "surrogatepass")) > _MAX_STACK_ID_BYTES:
        raise ValidationError.single(
            scope.node.path,
            f"stack id {id[:40]!r}... is {len(id.encode('utf-8', 'surrogatepass'))} bytes long, over the "
            f"{_MAX_STACK_ID_BYTES} bytes a folder name can have",
            rule="stack-id",
            fix="use a shorter stack id",
        )
    bad = not isinstance(id, str) or id in ("", ".", "..") or any(ch in id for ch in "/\\\0") or id.startswith("~")
    if bad:
        raise ValidationError.single(
            scope.node.path,
            f"stack id {id!r} cannot be used as a folder name under the output folder",
            rule="stack-id",
            fix="use letters, digits, '-', '_' or '.', without '/' and not '.' or '..'",
        )


def _with_fields(element: TerraformElement, found: tuple[Problem, ...]) -> list[Problem]:
    """A key of the wrong type found while resolving, reported with the field it is under when the element's
    arguments show it (the resolver knows the construct, not the field)."""
    if not any(p.rule == "argument-type" and not p.field for p in found):
        return list(found)
    attributes = getattr(element, "_synthesize_attributes", None)
    located = mapping_problems(element.node.path, "attributes", attributes()) if callable(attributes) else []
    return located or list(found)


def _merge_fragment(doc: dict[str, Any], fragment: dict[str, Any]) -> None:
    """``deep_merge(doc, fragment)``; an element's one block of a kind and type already in ``doc`` (most of a
    stack's) goes straight in, without a merge at each level."""
    if len(fragment) == 1:
        [(kind, by_type)] = fragment.items()
        if type(by_type) is dict and len(by_type) == 1:
            [(type_name, by_name)] = by_type.items()
            level = doc.get(kind)
            existing = level.get(type_name) if type(level) is dict else None
            if type(existing) is dict and type(by_name) is dict and len(by_name) == 1:
                [(name, body)] = by_name.items()
                if name not in existing:
                    existing[name] = body
                    return
    deep_merge(doc, fragment)


class TerraformStack(Construct):
    """A unit of deployment: its elements synthesize into one ``cdk.tf.json``."""

    def __init__(self, scope: Construct, id: str) -> None:
        _check_stack_id(scope, id)
        super().__init__(scope, id)
        self._raw_overrides: dict[str, Any] = {}
        self._cross_stack_outputs: dict[str, TerraformOutput] = {}
        self._cross_stack_inputs: dict[str, DataTerraformRemoteState] = {}
        #: Set when another stack's reference added an output here after this stack was resolved.
        self._stale = False
        #: ``add_move_target`` names of this stack's resources.
        self._move_targets: dict[str, Any] = {}

    @staticmethod
    def of(construct: Construct) -> TerraformStack:
        """The stack that contains ``construct``."""
        current: Construct | None = construct
        while current is not None:
            if isinstance(current, TerraformStack):
                return current
            current = current.node.scope
        raise ValidationError.single(
            construct.node.path,
            f"no stack could be identified for the construct at path {construct.node.path!r}",
            rule="construct-in-stack",
            fix="create Terraform elements inside a TerraformStack, not directly in the App",
        )

    @staticmethod
    def is_stack(construct: object) -> bool:
        return isinstance(construct, TerraformStack)

    # logical ids -------------------------------------------------------------------------------------
    def allocate_logical_id(self, element: TerraformElement) -> str:
        """cdktf's name for ``element``: override in a subclass to change the naming scheme."""
        relative = element.node.path[len(self.node.path) + 1 :]
        return make_unique_id(relative.split("/"))

    def get_logical_id(self, element: TerraformElement) -> str:
        return element.friendly_unique_id

    # overrides and dependencies ----------------------------------------------------------------------
    def add_override(self, path: str, value: Any) -> None:
        """Set ``path`` (dot-separated, from the document root) in this stack's synthesized JSON."""
        self._raw_overrides[path] = value

    def add_dependency(self, dependency: TerraformStack) -> None:
        """Deploy ``dependency`` before this stack (manifest ``dependencies``)."""
        self.node.add_dependency(dependency)

    @property
    def dependencies(self) -> list[TerraformStack]:
        return [d for d in self.node.dependencies if isinstance(d, TerraformStack)]

    # elements ----------------------------------------------------------------------------------------
    def elements(self) -> list[TerraformElement]:
        """Every element of this stack (not of nested stacks), in construct order."""
        found: list[TerraformElement] = []
        pending = list(reversed(self.node._children.values()))
        while pending:
            current = pending.pop()
            if isinstance(current, TerraformStack):
                continue
            if isinstance(current, TerraformElement):
                found.append(current)
            pending.extend(reversed(current.node._children.values()))
        return found

    @property
    def backend(self) -> TerraformBackend | None:
        child = self.node.try_find_child("backend")
        return child if isinstance(child, TerraformBackend) else None

    def ensure_backend_exists(self) -> TerraformBackend:
        """The stack's backend; a ``LocalBackend`` is added if none was declared, as cdktf does."""
        return self.backend or LocalBackend(self)

    # cross-stack references --------------------------------------------------------------------------
    def _cross_stack_expression(self, reference: Reference) -> str:
        origin = reference.element.stack
        identifier = reference.local_expression()
        output = origin._cross_stack_outputs.get(identifier)
        if output is None:
            output = TerraformOutput(
                origin,
                f"cross-stack-output-{identifier}",
                value=Reference(reference.element, reference.attribute),
                sensitive=True,
            )
            origin._cross_stack_outputs[identifier] = output
            origin._stale = True
        remote = self._cross_stack_inputs.get(origin.node.path)
        if remote is None:
            remote = origin.ensure_backend_exists().remote_state(
                self, f"cross-stack-reference-input-{origin.node.path}"
            )
            self._cross_stack_inputs[origin.node.path] = remote
            self._stale = True
        self.add_dependency(origin)
        return f"{remote.reference_prefix}.outputs.{output.friendly_unique_id}"

    # synthesis ---------------------------------------------------------------------------------------
    def to_terraform(self) -> dict[str, Any]:
        """The resolved ``cdk.tf.json`` document; raises ``ValidationError`` with every problem found.

        As in cdktf, the default ``LocalBackend`` is added when the app synthesizes (``App.synth``), not here:
        ``Testing.synth`` of a stack without a backend writes none."""
        self._stale = False
        doc: dict[str, Any] = {}
        metadata: dict[str, Any] = {"backend": "local", "stackName": self.node.id, "version": CDKTF_VERSION}
        # cdktf starts from the stack's own override keys, then concatenates each element's (a key overridden in
        # several resources of one type is listed once per resource).
        overrides: dict[str, list[str]] = {"stack": top_level_keys(self._raw_overrides)} if self._raw_overrides else {}
        outputs: dict[str, Any] = {}
        addresses: dict[str, str] = {}
        problems: list[Problem] = []
        escape = bool(self.node.try_get_context(ESCAPE_CONTEXT_KEY))
        for element in self.elements():
            path = element.node.path
            try:
                fragment = element._to_resolved_terraform(ResolveContext(self, path, escape=escape))
                address = element.reference_prefix
            except ValidationError as error:
                problems.extend(_with_fields(element, error.problems))
                continue
            except LogicalIdError as error:
                problems.append(
                    Problem(path, str(error), rule="logical-id", fix="give the element an id other than 'Default'")
                )
                continue
            name = element.friendly_unique_id
            if address in addresses:
                problems.append(
                    Problem(
                        path,
                        f"Terraform address {address!r} is already used by {addresses[address]!r}",
                        rule="unique-logical-id",
                        fix="rename one of the constructs or use override_logical_id",
                    )
                )
                continue
            addresses[address] = path
            if not _TERRAFORM_NAME.match(name) and not isinstance(element, TerraformBackend):
                problems.append(
                    Problem(
                        path,
                        f"the construct ids give the Terraform name {name!r}, which Terraform rejects",
                        rule="terraform-name",
                        fix="use ids that start with a letter and contain letters, digits, '-' or '_'",
                    )
                )
                continue
            _merge_fragment(doc, fragment)
            element_metadata = element._to_metadata()
            if element_metadata:
                for kind, keys in element_metadata.pop("overrides", {}).items():
                    overrides.setdefault(kind, []).extend(keys)
                deep_merge(metadata, element_metadata)
            if isinstance(element, TerraformBackend):
                metadata["backend"] = element.backend_name
            elif isinstance(element, TerraformOutput):
                level = outputs
                for part in path.split("/")[:-1]:
                    level = level.setdefault(part, {})
                level[element.node.id] = name
        if problems:
            raise ValidationError(problems)
        if self._raw_overrides:
            stack_ctx = ResolveContext(self, self.node.path, escape=escape)
            for dotted, value in self._raw_overrides.items():
                set_dotted(doc, dotted, resolve(value, stack_ctx))
        if overrides:
            metadata["overrides"] = overrides
        doc["//"] = {"metadata": metadata, "outputs": outputs}
        return doc
