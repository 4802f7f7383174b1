"""Typed classes for Terraform modules, shaped as ``cdktf get`` writes them for Python (cdktf 0.21's
``module-generator.ts``): a ``TerraformModule`` subclass per module, its variables as keyword arguments and
read-write properties, its outputs as ``<output>_output`` getters.

Variables and outputs are read from the module's ``.tf`` files with python-hcl2 (the ``get`` extra), as cdktf
reads them with its hcl2json: a variable without ``default`` is required, a type is taken from ``type`` or, without
one, guessed from the default.

A variable or output name that is no Terraform name (letters, digits, ``_`` and ``-``, starting with a letter or
``_``; Terraform refuses the module too) is refused naming the file, so only such names become Python names;
the module's source, version and descriptions are only ever text in string literals and docstrings.
"""

from __future__ import annotations

import json
import keyword
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.errors import ConstructsVpnError
from ..core.module import TerraformModule
from ._checks import TERRAFORM_NAME
from ._ir import pascal
from ._render import escape_controls
from .generate import BANNER_PREFIX, check_definitions

__all__ = ["ModuleInput", "ModuleSpec", "class_name", "python_name", "read_module", "render_module"]

_INDENT = "    "
#: Names the TerraformModule API holds already: cdktf's jsii bindings would clash too, so they get a ``_``.
_RESERVED = frozenset(
    {
        *dir(TerraformModule),
        "source",
        "version",
        "providers",
        "depends_on",
        "for_each",
        "scope",  # the constructor's own parameters
        "skip_asset_creation_from_local_modules",
    }
)
_COMPLEX = re.compile(r"^(object|list|map|set|tuple)\(([\s\S]+)\)$")


@dataclass(frozen=True, slots=True)
class ModuleInput:
    """One ``variable`` block: its Terraform type expression (``string``, ``list(string)``, ``any``, ...)."""

    name: str
    type: str
    required: bool
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ModuleSpec:
    """A module's interface: variables and output names, in file order."""

    inputs: tuple[ModuleInput, ...]
    outputs: tuple[str, ...]


def read_module(folder: Path) -> ModuleSpec:
    """The variables and outputs of the ``*.tf`` files of ``folder`` (files in name order, as cdktf reads them)."""
    try:
        import hcl2
    except ImportError as error:  # pragma: no cover - the get extra installs it
        raise ConstructsVpnError(
            "reading Terraform modules needs python-hcl2: pip install 'constructs-vpn[get]'"
        ) from error
    files = sorted(folder.glob("*.tf"))
    if not files:
        raise ConstructsVpnError(f"{folder}: no .tf files; check the module's source in cdktf.json")
    options = hcl2.SerializationOptions(strip_string_quotes=True, explicit_blocks=False, with_comments=False)
    inputs: dict[str, ModuleInput] = {}
    outputs: dict[str, None] = {}
    for path in files:
        try:
            with path.open(encoding="utf-8") as handle:
                document = hcl2.load(handle, serialization_options=options)
        except Exception as error:  # python-hcl2 raises lark's errors, of several types
            raise ConstructsVpnError(f"{path}: cannot parse HCL: {error}") from error
        for block in document.get("variable", []):
            for name, body in block.items():
                inputs[_checked(name, "variable", path)] = _input(name, body)
        for block in document.get("output", []):
            outputs.update(dict.fromkeys(_checked(name, "output", path) for name in block))
    spec = ModuleSpec(tuple(inputs.values()), tuple(outputs))
    _refuse_shared_names(spec, folder)
    return spec


def _refuse_shared_names(spec: ModuleSpec, folder: Path) -> None:
    """Two variables (or outputs) whose Python names are one (``a-b`` and ``a_b``, ``from`` and ``from_``)."""
    for kind, names in (("variables", [i.name for i in spec.inputs]), ("outputs", list(spec.outputs))):
        seen: dict[str, str] = {}
        for name in names:
            other = seen.setdefault(python_name(name).rstrip("_"), name)
            if other != name:
                raise ConstructsVpnError(
                    f"{folder}: {kind} {other!r} and {name!r} make the same Python name "
                    f"{python_name(name)!r}; rename one"
                )


def _checked(name: str, kind: str, path: Path) -> str:
    if not TERRAFORM_NAME.match(name):
        raise ConstructsVpnError(
            f"{path}: {kind} {name!r} is not a Terraform name (letters, digits, _ and -, starting with a letter or "
            "_); Terraform refuses the module too: rename it"
        )
    return name


def _input(name: str, body: dict[str, Any]) -> ModuleInput:
    """As cdktf's ``transformVariables``: no ``type`` but a default → the default's kind; else the type or any."""
    if "type" not in body and "default" in body:
        default = body["default"]
        kind = "bool" if isinstance(default, bool) else "number" if isinstance(default, int | float) else "any"
    else:
        text = str(body.get("type") or "any")
        kind = text[2:-1] if text.startswith("${") and text.endswith("}") else text
    description = body.get("description")
    return ModuleInput(name, kind, "default" not in body, None if description is None else str(description))


def python_name(name: str) -> str:
    """A variable or output name as cdktf's jsii bindings spell it in Python: camel-cased and escaped as
    cdktf's ``escapeAttributeName``, then snake-cased by jsii; a Python keyword or a TerraformModule name gets
    a trailing ``_``."""
    parts = [p for p in re.split(r"[-_\s]+", name) if p]
    camel = "".join(p if i == 0 else p[:1].upper() + p[1:] for i, p in enumerate(parts)) or name
    if camel in {"self", "build", "node", "system", "tfResourceType", "importFrom", "moveTo", "software"}:
        camel += "Attribute"
    elif re.match(r"^get[A-Za-z]+", camel):
        camel = camel.replace("get", "fetch", 1)
    elif camel == "equals":
        camel = "equalTo"
    snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", camel).lower()
    return f"{snake}_" if keyword.iskeyword(snake) or snake in _RESERVED else snake


def _python_type(kind: str) -> str:
    """cdktf's ``parseType`` in Python terms (object and tuple types are ``Any``, as there)."""
    simple = {"string": "str", "number": "float", "bool": "bool", "list": "Sequence[str]", "tuple": "Sequence[str]"}
    if kind in simple:
        return simple[kind]
    if kind == "map":
        return "Mapping[str, str]"
    match = _COMPLEX.match(kind.strip())
    if match is None or match.group(1) in {"object", "tuple"}:
        return "Any"
    inner = _python_type(match.group(2).strip())
    return f"Mapping[str, {inner}]" if match.group(1) == "map" else f"Sequence[{inner}]"


def class_name(name: str) -> str:
    """cdktf's class name of a module: ``terraform-aws-modules/vpc/aws`` named ``vpc`` → ``Vpc``."""
    return pascal(re.sub(r"[-/.]", "_", name))


def render_module(name: str, source: str, version: str | None, spec: ModuleSpec) -> str:
    """The source of the package ``__init__`` of one module binding."""
    cls = class_name(name)
    if not (cls.isascii() and cls.isidentifier()):
        raise ConstructsVpnError(
            f"module {name!r} ({source}): its class name {cls!r} is no Python identifier; name it in cdktf.json "
            'with {"name": ..., "source": ...} (letters, digits, _ and -)'
        )
    body = _class_lines(cls, source, version, spec)
    abc = ", ".join(n for n in ("Mapping", "Sequence") if any(f"{n}[" in line for line in body))
    lines = [
        f"{BANNER_PREFIX}from module {escape_controls(source)}{'@' + version if version else ''}. DO NOT EDIT.",
        "# Rerun constructs-vpn get to regenerate.",
        f'"""Typed binding of the Terraform module ``{_docstring(source)}``, shaped as ``cdktf get`` writes it."""',
        "",
        "from __future__ import annotations",
        "",
        f"from collections.abc import {abc}",
        "from typing import Any",
        "",
        "from constructs_vpn.core import (",
        "    Construct,",
        "    TerraformIterator,",
        "    TerraformModule,",
        "    TerraformModuleProvider,",
        "    TerraformProvider,",
        ")",
        "",
        f'__all__ = ["{cls}"]',
        "",
        "",
        *body,
    ]
    text = "\n".join(lines) + "\n"
    check_definitions(text, f"module {name!r} ({source})")
    return text


def _class_lines(class_name: str, source: str, version: str | None, spec: ModuleSpec) -> list[str]:
    names = {item.name: python_name(item.name) for item in spec.inputs}
    lines = [f"class {class_name}(TerraformModule):"]
    called = f"{_docstring(source)}``{' ' + version if version else ''}"
    lines.append(f'{_INDENT}"""A call of the Terraform module ``{called}."""')
    lines.extend(["", f"{_INDENT}def __init__(", f"{_INDENT * 2}self,", f"{_INDENT * 2}scope: Construct,"])
    # jsii renames the construct id `id_` only when a keyword argument is called `id` (as resources' are).
    construct_id = "id_" if "id" in names.values() else "id"
    lines.extend([f"{_INDENT * 2}{construct_id}: str,", f"{_INDENT * 2}*,"])
    for item in spec.inputs:
        annotation = _python_type(item.type)
        optional = "" if item.required else " | None = None"
        lines.append(f"{_INDENT * 2}{names[item.name]}: {annotation}{optional},")
    lines.extend(
        [
            f"{_INDENT * 2}depends_on: Sequence[Any] | None = None,",
            f"{_INDENT * 2}for_each: TerraformIterator | None = None,",
            f"{_INDENT * 2}providers: Sequence[TerraformProvider | TerraformModuleProvider] | None = None,",
            f"{_INDENT * 2}skip_asset_creation_from_local_modules: bool | None = None,",
            f"{_INDENT}) -> None:",
            f"{_INDENT * 2}super().__init__(",
            f"{_INDENT * 3}scope,",
            f"{_INDENT * 3}{construct_id},",
            f"{_INDENT * 3}source={json.dumps(source)},",
            *([f"{_INDENT * 3}version={json.dumps(version)},"] if version else []),
            f"{_INDENT * 3}depends_on=depends_on,",
            f"{_INDENT * 3}for_each=for_each,",
            f"{_INDENT * 3}providers=providers,",
            f"{_INDENT * 3}skip_asset_creation_from_local_modules=skip_asset_creation_from_local_modules,",
            f"{_INDENT * 2})",
            f"{_INDENT * 2}self._inputs: dict[str, Any] = {{}}",
        ]
    )
    lines.extend(f"{_INDENT * 2}self.{names[item.name]} = {names[item.name]}" for item in spec.inputs)
    for item in spec.inputs:
        name, annotation = names[item.name], _python_type(item.type) + ("" if item.required else " | None")
        doc = f'{_INDENT * 2}"""{_docstring(item.description)}"""' if item.description else None
        lines.extend(["", f"{_INDENT}@property", f"{_INDENT}def {name}(self) -> {annotation}:"])
        lines.extend([*([doc] if doc else []), f"{_INDENT * 2}value: {annotation} = self._inputs{_lookup(item)}"])
        lines.append(f"{_INDENT * 2}return value")
        lines.extend(["", f"{_INDENT}@{name}.setter", f"{_INDENT}def {name}(self, value: {annotation}) -> None:"])
        lines.append(f"{_INDENT * 2}self._inputs[{json.dumps(item.name)}] = value")
    for output in spec.outputs:
        lines.extend(
            ["", f"{_INDENT}@property", f"{_INDENT}def {python_name(output).rstrip('_')}_output(self) -> str:"]
        )
        lines.append(f"{_INDENT * 2}return self.get_string({json.dumps(output)})")
    lines.extend(
        [
            "",
            f"{_INDENT}def _synthesize_attributes(self) -> dict[str, Any]:",
            f"{_INDENT * 2}return {{name: value for name, value in self._inputs.items() if value is not None}}",
        ]
    )
    return lines


def _lookup(item: ModuleInput) -> str:
    """A required variable is always set by the constructor; an optional one may be absent."""
    return f"[{json.dumps(item.name)}]" if item.required else f".get({json.dumps(item.name)})"


def _docstring(text: str) -> str:
    """Text as the inside of a one-line docstring: one line, backslashes doubled, no triple quote, controls as
    escapes, and no quote right before the closing ones."""
    flat = escape_controls(" ".join(text.replace("\\", "\\\\").replace('"""', "'''").split()))
    return f"{flat} " if flat.endswith('"') else flat
