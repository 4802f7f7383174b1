"""Rebuild the vendored provider schema (``constructs_vpn/alicloud/schema/alicloud.json`` and
``constraints.json``) from the Go source of ``aliyun/terraform-provider-alicloud`` at a tag.

Dev-only (a maintainer runs it when the pinned provider moves; nothing imports it at run time, so it lives
outside the package)::

    python -m tools.provider_schema.build --source PROVIDER_GIT_DIR --ref v1.289.0 [--add TYPE ...] [--check]

``--source`` is a clone (bare or not) read with ``git show REF:PATH``. The types are those already vendored
plus ``--add``; ``--check`` writes nothing and reports how the rebuild differs from the vendored files.

The schema follows terraform-plugin-sdk v1.17.2's ``core_schema.go``: a list or set of a ``schema.Resource``
becomes a nested block (``min_items`` only when Required), unless it is computed-only, which makes it a
list-of-object attribute; an implicit optional+computed ``id``; a ``timeouts`` block (nesting single) with the
operations ``Timeouts`` names; a Required attribute with a non-nil env default becomes optional.

What is not in the Go source is kept, not rebuilt: the descriptions (taken by hand from the provider's docs for
the vendored types; new types get the docs' argument sentences, markdown stripped, see
:func:`_doc_descriptions`), and the hand-read entries of ``constraints.json`` (``code_notes``, ``doc_vs_code``,
``id_format``, ``import_id_format_docs``, ``doc_flags``), absent for new types until someone reads their code.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from .goliteral import Call, Composite, Expr, Ident, find_function_return

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "constructs_vpn" / "alicloud" / "schema"
ADDRESS = "registry.terraform.io/aliyun/alicloud"
_TYPES = {"TypeString": "string", "TypeInt": "number", "TypeFloat": "number", "TypeBool": "bool"}
_HAND_READ = ("code_notes", "doc_vs_code", "id_format", "import_id_format_docs", "doc_flags")
_TIMEOUTS = ("Create", "Read", "Update", "Delete", "Default")


class Source:
    """The provider's files at one git ref."""

    def __init__(self, git_dir: Path, ref: str) -> None:
        self.git_dir = git_dir
        self.ref = ref
        self.commit = self._git("rev-parse", f"{ref}^{{commit}}").strip()

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", "--git-dir", str(self.git_dir), *args], capture_output=True, text=True, check=True
        ).stdout

    def read(self, path: str) -> str:
        return self._git("show", f"{self.commit}:{path}")

    @functools.cached_property
    def functions(self) -> dict[str, str]:
        """Go function name -> the non-test file under alicloud/ declaring it (parameterless ones only)."""
        found = self._git("grep", "-E", r"^func \w+\(\)", self.commit, "--", "alicloud/*.go")
        out: dict[str, str] = {}
        for line in found.splitlines():
            _, path, declaration = line.split(":", 2)
            if not path.endswith("_test.go"):
                out.setdefault(declaration.split()[1].split("(")[0], path)
        return out


# --- where each type is declared ------------------------------------------------------------------


def registry(source: Source) -> dict[str, dict[str, str]]:
    """``{"resource"|"data_source": {type: Go function}}`` from provider.go's ResourcesMap / DataSourcesMap."""
    text = source.read("alicloud/provider.go")
    out: dict[str, dict[str, str]] = {}
    for kind, map_name in (("resource", "ResourcesMap"), ("data_source", "DataSourcesMap")):
        start = text.index(f"{map_name}: map[string]*schema.Resource{{")
        body = text[start : text.index("\n\t\t},", start)]
        out[kind] = dict(re.findall(r'"(alicloud_\w+)":\s*(\w+)\(\)', body))
    return out


def locate(source: Source, function: str) -> tuple[str, str]:
    """The file declaring ``func function()`` and its text."""
    path = source.functions[function]
    return path, source.read(path)


def resolve(source: Source, schema: Composite) -> Composite:
    """``schema`` (a ``map[string]*schema.Schema``) with attributes given by a call (``"x": someSchema(),``)
    replaced by the literal that function returns, at every depth."""
    for name, value in list(schema.fields.items()):
        literal = value
        if isinstance(value, Call) and not value.args:
            _, text = locate(source, value.name)
            literal = schema.fields[name] = find_function_return(text, value.name)
        elem = literal.fields.get("Elem") if isinstance(literal, Composite) else None
        if isinstance(elem, Composite) and isinstance(elem.fields.get("Schema"), Composite):
            resolve(source, elem.fields["Schema"])
    return schema


# --- Go facts ---------------------------------------------------------------------------------------


#: Go string constants of the provider (``ResourceTypeVSwitch = ResourceType("VSwitch")``), by name; filled
#: by :func:`rebuild`, read where a ``StringInSlice`` lists ``string(Constant)``.
CONSTANTS: dict[str, str] = {}
_CONSTANT = re.compile(r'^\s+(\w+)\s+(?:\w+\s+)?=\s+(?:\w+\()?"((?:\\.|[^"\\])*)"\)?\s*$')


def load_constants(source: Source) -> None:
    for line in source._git(
        "grep", "-h", "-E", r'^\s+\w+\s+(\w+\s+)?=\s+(\w+\()?"', source.commit, "--", "alicloud/*.go"
    ).splitlines():
        match = _CONSTANT.match(line)
        if match:
            CONSTANTS.setdefault(match[1], match[2])


def _text(value: Any) -> Any:
    if isinstance(value, Ident):
        return value.name
    if isinstance(value, Expr):
        return value.text
    if isinstance(value, Call):
        if value.name == "string" and len(value.args) == 1 and isinstance(value.args[0], Ident):
            return CONSTANTS.get(value.args[0].name, value.args[0].name)
        return f"{value.name}(...)"
    return value


def _validate(value: Any) -> Any:
    """A ValidateFunc as constraints.json records it."""
    if isinstance(value, Ident):
        return {"func": value.name}
    if not isinstance(value, Call):
        return _text(value)
    func = value.name
    short = func.removeprefix("validation.")
    if short == "StringInSlice":
        items = [_text(i) for i in value.args[0].items] if isinstance(value.args[0], Composite) else []
        return {"func": func, "ignore_case": bool(value.args[1]) if len(value.args) > 1 else False, "values": items}
    if short == "IntInSlice":
        items = [_text(i) for i in value.args[0].items] if isinstance(value.args[0], Composite) else []
        return {"func": func, "values": items}
    if short in ("IntBetween", "StringLenBetween", "IntAtLeast", "IntAtMost", "FloatBetween"):
        return {"func": func, "args": [_text(a) for a in value.args]}
    if short == "Any":
        return {"func": func, "of": [_validate(a) for a in value.args]}
    if short == "StringMatch" and len(value.args) == 2 and _regexp(value.args[0]) is not None:
        return {"func": func, "message": _text(value.args[1]), "pattern": _regexp(value.args[0])}
    if not value.args:
        return {"func": func}
    return {"func": func, "args": [_text(a) for a in value.args]}


def _regexp(value: Any) -> str | None:
    """The pattern of ``regexp.MustCompile(`...`)`` written inline; ``None`` for anything else."""
    if isinstance(value, Call) and value.name == "regexp.MustCompile" and len(value.args) == 1:
        return value.args[0] if isinstance(value.args[0], str) else None
    return None


_FACTS = ("Required", "Optional", "Computed", "ForceNew", "Sensitive", "MaxItems", "MinItems")


def _facts(schema: Composite, prefix: str, out: dict[str, Any]) -> None:
    for name, literal in schema.fields.items():
        assert isinstance(literal, Composite), (prefix, name)
        fact: dict[str, Any] = {"type": _text(literal.fields["Type"]).removeprefix("schema.")}
        for key in _FACTS:
            if key in literal.fields and literal.fields[key] not in (False, None):
                fact[key] = literal.fields[key]
        for key in ("ConflictsWith", "ExactlyOneOf", "AtLeastOneOf", "RequiredWith"):
            if key in literal.fields:
                fact[key] = [_text(item) for item in literal.fields[key].items]
        if "Default" in literal.fields:
            default = literal.fields["Default"]
            fact["Default"] = {"go_expr": default.name} if isinstance(default, Ident) else _text(default)
        if "DefaultFunc" in literal.fields:
            fact["DefaultFunc"] = _call_text(literal.fields["DefaultFunc"])
        if "ValidateFunc" in literal.fields:
            fact["ValidateFunc"] = _validate(literal.fields["ValidateFunc"])
        if "Deprecated" in literal.fields:
            fact["Deprecated"] = literal.fields["Deprecated"]
        if isinstance(literal.fields.get("DiffSuppressFunc"), Ident):
            fact["DiffSuppressFunc"] = literal.fields["DiffSuppressFunc"].name
        if "Set" in literal.fields:
            fact["SetHash"] = _text(literal.fields["Set"])
        elem = literal.fields.get("Elem")
        if isinstance(elem, Composite) and elem.type.endswith("schema.Resource"):
            fact["Elem"] = "resource"
            out[prefix + name] = fact
            _facts(elem.fields["Schema"], f"{prefix}{name}.", out)
            continue
        if isinstance(elem, Composite):
            fact["Elem"] = {"type": _text(elem.fields["Type"]).removeprefix("schema.")}
            if "ValidateFunc" in elem.fields:
                fact["Elem"]["ValidateFunc"] = _validate(elem.fields["ValidateFunc"])
        out[prefix + name] = fact


def _short(value: Any) -> str:
    text = _text(value)
    return "func literal" if isinstance(text, str) and text.startswith("func(") else str(text)


def _call_text(value: Any) -> str:
    return value.text if isinstance(value, Expr) else _text(value)


# --- the terraform JSON schema ------------------------------------------------------------------------


def _cty(literal: Composite) -> Any:
    kind = _text(literal.fields["Type"]).removeprefix("schema.")
    if kind in _TYPES:
        return _TYPES[kind]
    elem = literal.fields.get("Elem")
    if kind == "TypeMap":
        return ["map", _cty(elem) if isinstance(elem, Composite) and "Type" in elem.fields else "string"]
    container = {"TypeList": "list", "TypeSet": "set"}[kind]
    if isinstance(elem, Composite) and elem.type.endswith("schema.Resource"):
        fields = elem.fields["Schema"].fields
        return [container, ["object", {name: _cty(value) for name, value in sorted(fields.items())}]]
    return [container, _cty(elem) if isinstance(elem, Composite) else "string"]


def _has_default(literal: Composite) -> bool:
    """A Required attribute whose DefaultFunc yields a value (``EnvDefaultFunc(..., non-nil)``)."""
    func = literal.fields.get("DefaultFunc")
    return isinstance(func, Call) and len(func.args) > 1 and func.args[-1] is not None


def _block(schema: Composite, description_of: dict[str, str], prefix: str) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    blocks: dict[str, Any] = {}
    for name, literal in sorted(schema.fields.items()):
        fields = literal.fields
        elem = fields.get("Elem")
        required, optional, computed = (bool(fields.get(k)) for k in ("Required", "Optional", "Computed"))
        if isinstance(elem, Composite) and elem.type.endswith("schema.Resource") and (required or optional):
            kind = _text(fields["Type"]).removeprefix("schema.")
            inner = _block(elem.fields["Schema"], description_of, f"{prefix}{name}.")
            if description_of.get(f"{prefix}{name}/"):
                inner["description"] = description_of[f"{prefix}{name}/"]
            nested: dict[str, Any] = {
                "block": dict(sorted(inner.items())),
                "nesting_mode": {"TypeList": "list", "TypeSet": "set"}[kind],
            }
            if required and fields.get("MinItems"):
                nested["min_items"] = fields["MinItems"]
            if fields.get("MaxItems"):
                nested["max_items"] = fields["MaxItems"]
            blocks[name] = nested
            continue
        attribute: dict[str, Any] = {"type": _cty(literal), "description_kind": "plain"}
        if required and not _has_default(literal):
            attribute["required"] = True
        elif required or optional:
            attribute["optional"] = True
        if computed:
            attribute["computed"] = True
        if fields.get("Sensitive"):
            attribute["sensitive"] = True
        if fields.get("Deprecated"):
            attribute["deprecated"] = True
        description = description_of.get(prefix + name)
        if description:
            attribute["description"] = description
        attributes[name] = attribute
    block: dict[str, Any] = {"attributes": attributes, "description_kind": "plain"}
    if blocks:
        block["block_types"] = blocks
    return block


def _timeouts(resource: Composite) -> tuple[dict[str, Any] | None, dict[str, str]]:
    literal = resource.fields.get("Timeouts")
    if not isinstance(literal, Composite):
        return None, {}
    names = [key for key in _TIMEOUTS if key in literal.fields]
    attributes = {
        key.lower(): {"description_kind": "plain", "optional": True, "type": "string"} for key in sorted(names)
    }
    defaults = {}
    for key in names:
        value = literal.fields[key]
        match = re.search(r"(\d+)\s*\*\s*time\.(Minute|Second|Hour)", _call_arg_text(value))
        if match:
            defaults[key.lower()] = match[1] + {"Minute": "m", "Second": "s", "Hour": "h"}[match[2]]
    block = {"block": {"attributes": attributes, "description_kind": "plain"}, "nesting_mode": "single"}
    return block, defaults


def _call_arg_text(value: Any) -> str:
    if isinstance(value, Call) and value.args:
        return str(_text(value.args[0]))
    return str(_text(value))


def _actions(text: str) -> list[str]:
    """The API actions a file calls: ``action := "X"`` (generated resources) or the SDK's
    ``CreateXRequest()`` (older ones)."""
    found = set(re.findall(r'action :?= "(\w+)"', text)) | set(re.findall(r"\.Create(\w+)Request\(\)", text))
    return sorted(found)


def build_type(
    source: Source, kind: str, type_name: str, function: str, descriptions: dict[str, str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The schema JSON and the constraints entry of one resource or data source."""
    path, text = locate(source, function)
    resource = find_function_return(text, function)
    assert isinstance(resource, Composite), function
    schema = resolve(source, resource.fields["Schema"])
    block = _block(schema, descriptions, "")
    implicit_id = {"computed": True, "description_kind": "plain", "optional": True, "type": "string"}
    block["attributes"].setdefault("id", implicit_id)
    block["attributes"] = dict(sorted(block["attributes"].items()))
    timeouts, defaults = _timeouts(resource) if kind == "resource" else (None, {})
    if timeouts is not None:
        block.setdefault("block_types", {})["timeouts"] = timeouts
    if "block_types" in block:
        block["block_types"] = dict(sorted(block["block_types"].items()))
    version = resource.fields.get("SchemaVersion", 0)
    facts: dict[str, Any] = {}
    _facts(schema, "", facts)
    entry: dict[str, Any] = {
        "_go_file": path,
        "_go_func": function,
        "api_actions_in_file": _actions(text),
        "attributes": dict(sorted(facts.items())),
        "schema_version": version,
        "set_id_go": [id for id in re.findall(r"d\.SetId\((.+)\)\n", text) if id != '""'],
    }
    importer = resource.fields.get("Importer")
    if isinstance(importer, Composite) and "State" in importer.fields:
        entry["importer"] = _short(importer.fields["State"])
    if defaults:
        entry["timeouts"] = defaults
    return {"block": block, "version": version}, entry


# --- descriptions from the docs -------------------------------------------------------------------------

_ARGUMENT = re.compile(r"^\* `(?P<name>\w+)` - (?:\((?P<flags>[^)]*)\)\s*)?(?P<text>.*)$")


def _doc_descriptions(source: Source, kind: str, type_name: str) -> dict[str, str]:
    """Dotted path -> the docs' sentence for each argument and attribute (markdown stripped)."""
    folder = "r" if kind == "resource" else "d"
    try:
        text = source.read(f"website/docs/{folder}/{type_name.removeprefix('alicloud_')}.html.markdown")
    except subprocess.CalledProcessError:
        return {}
    out: dict[str, str] = {}
    prefix = ""
    for line in text.splitlines():
        heading = re.match(r"^#+ `?(?P<name>[\w.]+)`?\s*$", line)
        if heading and heading["name"] not in ("Argument", "Attributes", "Timeouts", "Import"):
            prefix = heading["name"].replace("-", "_") + "."
        elif line.startswith("## "):
            prefix = ""
        match = _ARGUMENT.match(line.strip())
        if match:
            description = re.sub(r"`([^`]*)`", r"\1", match["text"]).replace("-> **NOTE:**", "NOTE:").strip()
            out.setdefault(prefix + match["name"], description)
    return out


def _descriptions_from(schema: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """The descriptions a vendored schema already holds, by dotted path."""
    out = {}
    for name, attribute in schema.get("attributes", {}).items():
        if attribute.get("description"):
            out[prefix + name] = attribute["description"]
    for name, nested in schema.get("block_types", {}).items():
        if nested["block"].get("description"):
            out[f"{prefix}{name}/"] = nested["block"]["description"]
        out.update(_descriptions_from(nested["block"], f"{prefix}{name}."))
    return out


# --- the whole files ---------------------------------------------------------------------------------


def rebuild(source: Source, add: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    vendored = json.loads((SCHEMA_DIR / "alicloud.json").read_text(encoding="utf-8"))
    constraints = json.loads((SCHEMA_DIR / "constraints.json").read_text(encoding="utf-8"))
    current = vendored["provider_schemas"][ADDRESS]
    functions = registry(source)
    load_constants(source)
    schemas: dict[str, dict[str, Any]] = {"resource_schemas": {}, "data_source_schemas": {}}
    entries: dict[str, dict[str, Any]] = {"resources": {}, "data_sources": {}}
    wanted = {
        "resource": sorted(set(current["resource_schemas"]) | {t for t in add if t in functions["resource"]}),
        "data_source": sorted(set(current["data_source_schemas"]) | {t for t in add if t in functions["data_source"]}),
    }
    unknown = sorted(set(add) - set(functions["resource"]) - set(functions["data_source"]))
    if unknown:
        raise SystemExit(f"not in provider.go at {source.ref}: {', '.join(unknown)}")
    for kind, schema_key, entry_key in (
        ("resource", "resource_schemas", "resources"),
        ("data_source", "data_source_schemas", "data_sources"),
    ):
        for type_name in wanted[kind]:
            known = current[schema_key].get(type_name)
            descriptions = _descriptions_from(known["block"]) if known else _doc_descriptions(source, kind, type_name)
            schema, entry = build_type(source, kind, type_name, functions[kind][type_name], descriptions)
            for key in _HAND_READ:
                if key in constraints[entry_key].get(type_name, {}):
                    entry[key] = constraints[entry_key][type_name][key]
            schemas[schema_key][type_name] = schema
            entries[entry_key][type_name] = dict(sorted(entry.items()))
    schema_file = {
        "//source": vendored["//source"],
        "format_version": vendored["format_version"],
        "provider_schemas": {ADDRESS: {"provider": current["provider"], **schemas}},
    }
    constraints_file = {**constraints, **entries}
    return schema_file, constraints_file


def _differences(old: Any, new: Any, path: str = "") -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in sorted(set(old) | set(new)):
            if key not in new:
                out.append(f"{path}.{key}: only in the vendored file")
            elif key not in old:
                out.append(f"{path}.{key}: only in the rebuild")
            else:
                out.extend(_differences(old[key], new[key], f"{path}.{key}"))
        return out
    return [] if old == new else [f"{path}: vendored {json.dumps(old)[:120]} / rebuilt {json.dumps(new)[:120]}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True, help="git directory of terraform-provider-alicloud")
    parser.add_argument("--ref", default="v1.289.0", help="tag or commit to read (default: %(default)s)")
    parser.add_argument("--add", nargs="*", default=[], metavar="TYPE", help="resource or data source types to add")
    parser.add_argument("--check", action="store_true", help="write nothing; list how the rebuild differs")
    args = parser.parse_args(argv)
    source = Source(args.source, args.ref)
    schema_file, constraints_file = rebuild(source, args.add)
    if args.check:
        vendored = json.loads((SCHEMA_DIR / "alicloud.json").read_text(encoding="utf-8"))
        constraints = json.loads((SCHEMA_DIR / "constraints.json").read_text(encoding="utf-8"))
        found = _differences(vendored, schema_file, "alicloud.json") + _differences(
            constraints, constraints_file, "constraints.json"
        )
        print("\n".join(found) or "the rebuild reproduces the vendored files")
        return 1 if found else 0
    for name, data in (("alicloud.json", schema_file), ("constraints.json", constraints_file)):
        (SCHEMA_DIR / name).write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA_DIR} from {args.source} at {args.ref} ({source.commit})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
