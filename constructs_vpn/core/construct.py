"""The construct tree: ``Construct`` and its ``Node``, as in the ``constructs`` library cdktf builds on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol, runtime_checkable

from .errors import Problem, ValidationError
from .tokens import MARKER

__all__ = ["Construct", "IValidation", "MetadataEntry", "Node"]

PATH_SEP = "/"
# Most nodes never get context, metadata, validations, dependencies or children: they share these empty
# containers (never written to; replaced by a node's own on first write), which keeps big trees small.
_NO_CHILDREN: dict[str, Construct] = {}
_NO_CONTEXT: dict[str, Any] = {}
_NO_METADATA: list[MetadataEntry] = []
_NO_VALIDATIONS: list[IValidation | Callable[[], list[str | Problem]]] = []
_NO_DEPENDENCIES: list[Construct] = []


@runtime_checkable
class IValidation(Protocol):
    """Something that checks a construct at synth time and returns its error messages."""

    def validate(self) -> list[str | Problem]: ...


class MetadataEntry(dict[str, Any]):
    """A metadata record on a node: ``{"type": ..., "data": ...}`` plus optional keys."""


class Node:
    """The tree side of a construct: its id, path, parent, children, context, metadata and validations."""

    __slots__ = (
        "_children",
        "_context",
        "_default_child",
        "_dependencies",
        "_metadata",
        "_path",
        "_validations",
        "host",
        "id",
        "scope",
    )

    def __init__(self, host: Construct, scope: Construct | None, id: str) -> None:
        self.host = host
        self.scope = scope
        self.id = id
        self._children = _NO_CHILDREN
        self._context = _NO_CONTEXT
        self._metadata = _NO_METADATA
        self._validations = _NO_VALIDATIONS
        self._dependencies = _NO_DEPENDENCIES
        self._default_child: Construct | None = None
        if scope is None:
            self._path = ""
        else:
            parent = scope.node
            self._path = f"{parent._path}{PATH_SEP}{id}" if parent._path else id

    @staticmethod
    def of(construct: Construct) -> Node:
        return construct.node

    @property
    def path(self) -> str:
        """Ids from the root (excluded) down to this construct, joined by ``/``."""
        return self._path

    @property
    def children(self) -> list[Construct]:
        return list(self._children.values())

    @property
    def root(self) -> Construct:
        node = self
        while node.scope is not None:
            node = node.scope.node
        return node.host

    @property
    def scopes(self) -> list[Construct]:
        """Every construct from the root down to and including this one."""
        chain: list[Construct] = []
        current: Construct | None = self.host
        while current is not None:
            chain.append(current)
            current = current.node.scope
        chain.reverse()
        return chain

    def find_child(self, id: str) -> Construct:
        child = self.try_find_child(id)
        if child is None:
            raise ValidationError.single(
                self._path, f"no child with id {id!r}", fix=f"use one of {sorted(self._children)}"
            )
        return child

    def try_find_child(self, id: str) -> Construct | None:
        return self._children.get(id)

    @property
    def default_child(self) -> Construct | None:
        """The child that does the construct's work, the one escape hatches (``add_override``) reach for:
        the one set here, else the child with id ``Resource`` or ``Default`` (an error if both exist), as
        ``node.defaultChild`` in constructs 10."""
        if self._default_child is not None:
            return self._default_child
        resource = self._children.get("Resource")
        default = self._children.get("Default")
        if resource is not None and default is not None:
            raise ValidationError.single(
                self._path,
                "cannot determine the default child: it has a child with id 'Resource' and one with id 'Default'",
                rule="default-child",
                fix="set node.default_child to the one you mean",
            )
        return default if default is not None else resource

    @default_child.setter
    def default_child(self, child: Construct | None) -> None:
        """Name another child (a construct whose main child has another id); ``None`` restores the lookup."""
        self._default_child = child

    def find_all(self) -> list[Construct]:
        """This construct and every descendant, parents before children, in creation order."""
        return list(self.walk())

    def walk(self) -> Iterator[Construct]:
        stack: list[Construct] = [self.host]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(reversed(current.node._children.values()))

    def _add_child(self, child: Construct, id: str) -> None:
        if id in self._children:
            where = f"{self._path}{PATH_SEP}{id}" if self._path else id
            raise ValidationError.single(
                where,
                f"duplicate construct id {id!r}: {self._children[id].node.path!r} already exists in the same scope",
                rule="unique-construct-id",
                fix="give each construct a different id within its scope",
            )
        if self._children is _NO_CHILDREN:
            self._children = {}
        self._children[id] = child

    # context -------------------------------------------------------------------------------------------
    def set_context(self, key: str, value: Any) -> None:
        """Set a context value; only before children are added, so every child sees the same context."""
        if self._children:
            raise ValidationError.single(
                self._path,
                f"cannot set context {key!r} after children were added",
                rule="context-before-children",
                fix="call set_context before creating constructs in this scope",
            )
        if self._context is _NO_CONTEXT:
            self._context = {}
        self._context[key] = value

    def get_context(self, key: str) -> Any:
        """The value of ``key`` here or above; an error if no scope sets it (as the constructs library)."""
        node: Node | None = self
        while node is not None:
            if key in node._context:
                return node._context[key]
            node = node.scope.node if node.scope is not None else None
        raise ValidationError.single(
            self._path,
            f"no context value {key!r} is set here or above",
            rule="context",
            fix=f"set it with node.set_context({key!r}, ...), App(context=...) or cdktf.json's context",
        )

    def try_get_context(self, key: str) -> Any:
        """The value of ``key`` here or in the nearest scope above that sets it, else ``None``."""
        node: Node | None = self
        while node is not None:
            if key in node._context:
                return node._context[key]
            node = node.scope.node if node.scope is not None else None
        return None

    # metadata, dependencies, validations ---------------------------------------------------------------
    @property
    def metadata(self) -> list[MetadataEntry]:
        return list(self._metadata)

    def add_metadata(self, type: str, data: Any, **extra: Any) -> None:
        entry = MetadataEntry(type=type, data=data)
        entry.update(extra)
        if self._metadata is _NO_METADATA:
            self._metadata = []
        self._metadata.append(entry)

    def add_dependency(self, *constructs: Construct) -> None:
        """Make this construct depend on others: resources get ``depends_on``, stacks a manifest edge."""
        for construct in constructs:
            if construct not in self._dependencies:
                if self._dependencies is _NO_DEPENDENCIES:
                    self._dependencies = []
                self._dependencies.append(construct)

    @property
    def dependencies(self) -> list[Construct]:
        return list(self._dependencies)

    def add_validation(self, validation: IValidation | Callable[[], list[str | Problem]]) -> None:
        """Register a check run at synth time; each returned message or ``Problem`` is reported as an error."""
        if self._validations is _NO_VALIDATIONS:
            self._validations = []
        self._validations.append(validation)

    def validate(self) -> list[str | Problem]:
        errors: list[str | Problem] = []
        for validation in self._validations:
            errors.extend(validation.validate() if isinstance(validation, IValidation) else validation())
        return errors


class Construct:
    """A node of the app's tree. ``scope`` is the parent; ``id`` is unique among its siblings."""

    def __init__(self, scope: Construct | None, id: str) -> None:
        if scope is None:
            self.node = Node(self, None, id)
            return
        if not isinstance(scope, Construct):
            raise ValidationError.single(
                "",
                f"scope must be a construct (an App, a stack or a construct in one), got {type(scope).__name__}",
                field="scope",
                rule="construct-scope",
                fix="pass the parent construct as the first argument",
            )
        if not isinstance(id, str) or not id:
            raise ValidationError.single(
                scope.node.path,
                f"construct id must be a non-empty string, got {id!r}",
                rule="construct-id",
                fix="pass a short, stable name such as 'site-a'",
            )
        if MARKER in id:  # its text differs per process: the Terraform name would change on every run
            raise ValidationError.single(
                scope.node.path,
                "construct id contains a token (a reference or function); ids must be fixed text",
                rule="construct-id",
                fix="derive the id from your own data, not from a Terraform value",
            )
        # As in the constructs library: the path separator cannot appear in an id.
        id = id.replace(PATH_SEP, "--")
        self.node = Node(self, scope, id)
        scope.node._add_child(self, id)

    @staticmethod
    def is_construct(x: object) -> bool:
        return isinstance(x, Construct)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.node.path or '(root)'}>"
