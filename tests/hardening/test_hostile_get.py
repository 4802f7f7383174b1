"""Issue #22, ``constructs-vpn get``: a hostile schema or cdktf.json never becomes code or a file outside the output.

Every case goes through the CLI entry (``main(["get", ...])``): either it exits non-zero with one ``error:`` line
naming the file, the type and the offending name, and writes nothing, or every file it writes compiles, stays
inside the output folder and runs no code taken from a name when imported.
"""

from __future__ import annotations

import ast
import json
import keyword
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from constructs_vpn.cli.main import main
from constructs_vpn.codegen.generate import Provider, generate
from constructs_vpn.core.errors import ConstructsVpnError

ADDRESS = "registry.terraform.io/example/thing"
PAYLOAD = "__import__('os').system('touch PWNED')"
#: Names hostile to a code generator, none a Terraform name: code, quotes, escapes, line breaks, spaces, empty, paths.
HOSTILE = [
    f"a(self, x={PAYLOAD}):#",
    f'a"); {PAYLOAD}; ("',
    "a'b",
    "a\\",
    "a\nb",
    "a b",
    "",
    "../../x",
    "/abs/path",
    "a\u2028b",
]


def _schema(*, attributes: dict[str, Any] | None = None, blocks: dict[str, Any] | None = None) -> dict[str, Any]:
    """A one-resource provider schema around the attributes and blocks given."""
    block: dict[str, Any] = {"attributes": {"name": {"type": "string", "required": True}, **(attributes or {})}}
    if blocks:
        block["block_types"] = blocks
    return {
        "provider": {"version": 0, "block": {"attributes": {"endpoint": {"type": "string", "optional": True}}}},
        "resource_schemas": {"thing_widget": {"version": 0, "block": block}},
    }


def _project(tmp_path: Path, schema: dict[str, Any] | str, config: dict[str, Any] | None = None) -> Path:
    """A project folder with cdktf.json (``imports`` as output) and ``schema.json`` (given as JSON text or data)."""
    project = tmp_path / "app"
    project.mkdir(parents=True, exist_ok=True)
    (project / "cdktf.json").write_text(
        json.dumps(config or {"terraformProviders": ["example/thing@1.0.0"]}), encoding="utf-8"
    )
    text = (
        schema
        if isinstance(schema, str)
        else json.dumps({"format_version": "1.0", "provider_schemas": {ADDRESS: schema}})
    )
    (project / "schema.json").write_text(text, encoding="utf-8")
    return project


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")} if folder.exists() else set()


def _get(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run ``constructs-vpn get`` on ``project``; the exit code and stderr (a traceback fails the test itself)."""
    code = main(["get", "--dir", str(project), "--schema", str(project / "schema.json")])
    return code, capsys.readouterr().err


def _assert_refused(project: Path, capsys: pytest.CaptureFixture[str], *needles: str) -> str:
    """``get`` exits 1 with one ``error:`` line that names the schema file and every needle; nothing is written."""
    before = _files(project.parent)
    code, err = _get(project, capsys)
    assert code == 1, err
    assert err.startswith("error: ") and "Traceback" not in err, err
    assert str(project / "schema.json") in err or "cdktf.json" in err, err
    for needle in needles:
        assert needle in err, (needle, err)
    assert _files(project.parent) == before
    assert not Path("/__init__.py").exists()
    return err


def _assert_safe_output(project: Path) -> None:
    """Every written file is inside ``imports``, compiles, and importing the package runs nothing from a name:
    at module level only the template's own statements (imports, ``__all__``, constants, classes)."""
    out = project / "imports"
    for path in out.rglob("*.py"):
        assert path.resolve().is_relative_to(out.resolve())
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in tree.body:
            assert isinstance(node, ast.ImportFrom | ast.ClassDef | ast.Assign | ast.AnnAssign | ast.If | ast.Expr)
            if isinstance(node, ast.Expr):
                assert isinstance(node.value, ast.Constant)  # the docstring
            if isinstance(node, ast.Assign | ast.AnnAssign):
                calls = [n for n in ast.walk(node) if isinstance(n, ast.Call)]
                assert all(isinstance(c.func, ast.Name) and c.func.id in _TEMPLATE_CALLS for c in calls), path
    modules = sorted(p.parent.relative_to(project).as_posix().replace("/", ".") for p in out.rglob("__init__.py"))
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    subprocess.run([sys.executable, "-c", code, *modules], cwd=project, check=True, capture_output=True)
    assert not (project / "PWNED").exists()


#: The calls a generated module makes at import time (rule constants, the generator metadata, the lazy loader).
_TEMPLATE_CALLS = {
    "TerraformProviderGeneratorMetadata",
    "lazy_names",
    "OneOf",
    "IntIn",
    "LenBetween",
    "Matches",
    "CidrNetwork",
    "Items",
    "frozenset",
}


# --- names from the schema ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_attribute_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    project = _project(tmp_path, _schema(attributes={name: {"type": "string", "optional": True}}))
    _assert_refused(project, capsys, "thing_widget", repr(name))
    assert not (project / "PWNED").exists()


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_block_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    block = {"nesting_mode": "list", "block": {"attributes": {"port": {"type": "number", "required": True}}}}
    project = _project(tmp_path, _schema(blocks={name: block}))
    _assert_refused(project, capsys, "thing_widget", repr(name))


@pytest.mark.parametrize("tf_type", ["widget_", "thing_", "thing_../../../x", "/abs/path", "thing_a b", "other_x", ""])
def test_a_hostile_resource_type_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], tf_type: str) -> None:
    schema = _schema()
    schema["resource_schemas"] = {tf_type: schema["resource_schemas"]["thing_widget"]}
    _assert_refused(_project(tmp_path, schema), capsys, repr(tf_type))


@pytest.mark.parametrize("key", [*HOSTILE, "class", "get", "property", "1"])
def test_a_hostile_object_key_stays_a_string(tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str) -> None:
    """Terraform does not restrict object keys: an odd one is only ever a string literal in the binding, and its
    getter a safe Python name; the getter still reads the key itself."""
    kind = ["object", {key: "string", "plain": "string"}]
    project = _project(tmp_path, _schema(attributes={"status": {"type": kind, "computed": True}}))
    code, err = _get(project, capsys)
    assert code == 0, err
    _assert_safe_output(project)
    source = (project / "imports/thing/widget/__init__.py").read_text(encoding="utf-8")
    literals = {n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant)}
    assert key in literals


def test_object_keys_that_make_the_same_python_name_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kind = ["object", {"a b": "string", "a-b": "string"}]
    project = _project(tmp_path, _schema(attributes={"status": {"type": kind, "computed": True}}))
    _assert_refused(project, capsys, "thing_widget", "'a b'", "'a-b'")


@pytest.mark.parametrize(
    "names",
    [
        ("a-b", "a_b"),
        ("from", "from_"),
        ("class", "property"),
        ("scope", "self"),
        ("provider", "count"),
        ("super", "configure"),
        ("String", "Field"),
        ("model_config", "validate"),
        ("model_dump", "tf_model_dump"),
    ],
)
def test_names_python_cannot_take_get_safe_distinct_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], names: tuple[str, str]
) -> None:
    """Terraform names that are keywords, the template's own names or the same name once ``-`` is ``_``: either
    each gets its own Python name and the binding works, or get refuses naming both."""
    attributes = {name: {"type": "string", "optional": True} for name in names}
    project = _project(tmp_path, _schema(attributes=attributes))
    code, err = _get(project, capsys)
    if code:
        assert all(repr(name) in err for name in names), err
        return
    _assert_safe_output(project)


def test_a_variant_provider_may_declare_its_family_s_types(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``hashicorp/google-beta`` declares ``google_*`` types: taken, and importable as ``imports.thing_beta``."""
    schema = _schema()
    schema["resource_schemas"] = {"thing_widget": schema["resource_schemas"]["thing_widget"]}
    config = {"terraformProviders": ["example/thing-beta@1.0.0"]}
    text = json.dumps({"format_version": "1.0", "provider_schemas": {f"{ADDRESS}-beta": schema}})
    project = _project(tmp_path, text, config)
    code, err = _get(project, capsys)
    assert code == 0, err
    assert (project / "imports/thing_beta/thing_widget/__init__.py").is_file()
    _assert_safe_output(project)


def test_a_block_named_like_the_construct_id_renames_the_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A block ``id`` is an ``id`` argument: the construct id becomes ``id_``, as it does for an ``id`` attribute."""
    block = {"nesting_mode": "single", "block": {"attributes": {"port": {"type": "number", "optional": True}}}}
    schema = _schema(blocks={"id": block})
    schema["provider"]["block"]["block_types"] = {"id": block}
    project = _project(tmp_path, schema)
    code, err = _get(project, capsys)
    assert code == 0, err
    _assert_safe_output(project)


def test_a_resource_module_cannot_overwrite_another(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``thing_provider`` would be written over the provider's module; ``thing_Widget`` over ``thing_widget``'s
    folder on a case-insensitive file system."""
    for clash in ("thing_provider", "thing_Widget"):
        schema = _schema()
        schema["resource_schemas"][clash] = schema["resource_schemas"]["thing_widget"]
        _assert_refused(_project(tmp_path / clash, schema), capsys, repr(clash))


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('{"type": "string", "optional": true, "description": "a\\u0000b"}', "NUL"),
        ('{"type": "string", "optional": true, "description": "\\ud800"}', "surrogate"),
    ],
)
def test_nul_and_lone_surrogates_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, needle: str
) -> None:
    schema = json.dumps({"format_version": "1.0", "provider_schemas": {ADDRESS: _schema()}})
    schema = schema.replace('{"type": "string", "required": true}', text)
    _assert_refused(_project(tmp_path, schema), capsys, "thing_widget", needle)


@pytest.mark.parametrize("name", ["a\u0000b", "\ud800"])
def test_nul_and_surrogates_in_names_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text = json.dumps({"format_version": "1.0", "provider_schemas": {ADDRESS: _schema()}})
    text = text.replace('"name"', json.dumps(name), 1)
    _assert_refused(_project(tmp_path, text), capsys, "thing_widget")


def test_deep_nesting_of_types_and_blocks_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kind: Any = "string"
    for _ in range(400):
        kind = ["list", kind]
    _assert_refused(
        _project(tmp_path / "t", _schema(attributes={"deep": {"type": kind, "optional": True}})), capsys, "deep", "nest"
    )
    obj: Any = "string"
    for _ in range(400):
        obj = ["object", {"k": obj}]
    _assert_refused(
        _project(tmp_path / "o", _schema(attributes={"deep": {"type": obj, "computed": True}})), capsys, "deep", "nest"
    )
    for levels, needles in ((250, ("outer", "nest")), (400, ("nests too deeply",))):  # 400 blocks: beyond json's own
        inner = '{"nesting_mode": "single", "block": {"block_types": {"inner": '
        block = inner * levels + '{"nesting_mode": "single", "block": {}}' + "}}}" * levels
        text = json.dumps({"format_version": "1.0", "provider_schemas": {ADDRESS: _schema(blocks={"outer": {}})}})
        text = text.replace('"outer": {}', f'"outer": {block}')
        _assert_refused(_project(tmp_path / f"b{levels}", text), capsys, *needles)


def test_nesting_beyond_json_s_own_limit_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps({"format_version": "1.0", "provider_schemas": {ADDRESS: _schema()}})
    text = text.replace('"string"', "[" * 100_000 + "]" * 100_000, 1)
    _assert_refused(_project(tmp_path, text), capsys)


def test_deep_nesting_where_get_never_looks_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A key the generator does not read, nested as deep as json takes: refused before the digest's json.dumps."""
    schema = _schema()
    text = json.dumps({"format_version": "1.0", "provider_schemas": {ADDRESS: {**schema, "extra": 0}}})
    text = text.replace('"extra": 0', '"extra": ' + "[" * 900 + "]" * 900)
    _assert_refused(_project(tmp_path, text), capsys, "extra", "nests")


@pytest.mark.parametrize("kind", [["list"], ["tuple", "string"], "strng", ["object", ["a"]], 7, None])
def test_a_malformed_type_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: Any) -> None:
    project = _project(tmp_path, _schema(attributes={"odd": {"type": kind, "optional": True}}))
    _assert_refused(project, capsys, "thing_widget", "'odd'")


@pytest.mark.parametrize(
    ("attribute", "block"),
    [
        ({"type": "string", "optional": True, "description": 7}, {}),
        ({"type": "string", "optional": True}, {"min_items": "1"}),
        ({"type": "string", "optional": True}, {"max_items": -1}),
        ({"type": "string", "optional": True}, {"nesting_mode": "weird"}),
        ({"type": "string", "optional": True}, {"block": None}),
    ],
)
def test_a_malformed_field_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], attribute: dict[str, Any], block: dict[str, Any]
) -> None:
    spec = {"nesting_mode": "list", "block": {"attributes": {"port": {"type": "number", "optional": True}}}, **block}
    project = _project(tmp_path, _schema(attributes={"odd": attribute}, blocks={"rule": spec}))
    _assert_refused(project, capsys, "thing_widget")


# --- names from cdktf.json ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["../../x", "/abs", "a/b", "..", "class", "a b", "x\nimport os", "1a"])
def test_a_hostile_provider_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    config = {"terraformProviders": [{"name": name, "source": "example/thing", "version": "1.0.0"}]}
    project = _project(tmp_path, _schema(), config)
    before = _files(tmp_path)
    code, err = _get(project, capsys)
    assert code == 1 and err.startswith("error: cdktf.json") and "Traceback" not in err, err
    assert _files(tmp_path) == before


def test_a_dashed_provider_name_makes_cdktf_s_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``google-beta`` is a Terraform local name; its bindings are the package ``google_beta``, as cdktf names it."""
    config = {"terraformProviders": [{"name": "thing-x", "source": "example/thing", "version": "1.0.0"}]}
    project = _project(tmp_path, _schema(), config)
    code, err = _get(project, capsys)
    assert code == 0, err
    assert _files(project / "imports") >= {"thing_x/__init__.py", "thing_x/widget/__init__.py"}
    _assert_safe_output(project)


@pytest.mark.parametrize(
    "entry",
    [
        {"name": "thing", "source": "example/thing\nimport os", "version": "1.0.0"},
        {"name": "thing", "source": "example/thing", "version": f"'+{PAYLOAD}+'"},
        {"name": "thing", "source": "example/thing", "version": "1.0\n" + PAYLOAD},
        'example/thing@1.0.0"""',
    ],
)
def test_a_hostile_provider_source_or_version_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entry: Any
) -> None:
    project = _project(tmp_path, _schema(), {"terraformProviders": [entry]})
    code, err = _get(project, capsys)
    assert code == 1 and err.startswith("error: cdktf.json") and "Traceback" not in err, err
    assert not (project / "imports").exists()


@pytest.mark.parametrize("name", ["../../x", "/abs", "..", "a.b/../../../c", "class", "a b"])
def test_a_hostile_module_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    module = tmp_path / "app/modules/m"
    module.mkdir(parents=True)
    (module / "main.tf").write_text('variable "a" {}\n', encoding="utf-8")
    config = {"terraformModules": [{"name": name, "source": "./modules/m"}]}
    project = _project(tmp_path, _schema(), config)
    before = _files(tmp_path)
    code = main(["get", "--dir", str(project)])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error: cdktf.json") and "Traceback" not in err, err
    assert _files(tmp_path) == before


@pytest.mark.parametrize(
    "hcl",
    [
        "variable \"a(self, x=__import__('os').system('touch PWNED')):#\" {}\n",
        'output "a(self):\\n  pass\\n#" { value = 1 }\n',
        'variable "ok" {\n  description = "x\\"\\"\\"\\nimport os\\n"\n}\n',
    ],
)
def test_hostile_module_variables_and_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str], hcl: str) -> None:
    """A variable or output name that is no Terraform name is refused naming the file; a description is text."""
    module = tmp_path / "app/modules/m"
    module.mkdir(parents=True)
    (module / "main.tf").write_text(hcl, encoding="utf-8")
    project = _project(tmp_path, _schema(), {"terraformModules": ["./modules/m"]})
    code = main(["get", "--dir", str(project)])
    err = capsys.readouterr().err
    if code:
        assert err.startswith("error: ") and "main.tf" in err and "Traceback" not in err, err
        assert not (project / "imports").exists()
        return
    _assert_safe_output(project)


@pytest.mark.parametrize(
    "names", [("a-b", "a_b"), ("scope", "x"), ("skip_asset_creation_from_local_modules", "x"), ("from", "from_")]
)
def test_module_variables_python_cannot_take(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], names: tuple[str, str]
) -> None:
    """Variables named like the constructor's own parameters, keywords, or alike once ``-`` is ``_``: each gets
    its own Python name and the binding imports, or get refuses naming both."""
    module = tmp_path / "app/modules/m"
    module.mkdir(parents=True)
    (module / "main.tf").write_text("".join(f'variable "{n}" {{}}\n' for n in names), encoding="utf-8")
    project = _project(tmp_path, _schema(), {"terraformModules": ["./modules/m"]})
    code = main(["get", "--dir", str(project)])
    err = capsys.readouterr().err
    if code:
        assert all(repr(n) in err for n in names) and "Traceback" not in err, err
        assert not (project / "imports").exists()
        return
    _assert_safe_output(project)


def test_a_refused_module_writes_no_provider_either(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    module = tmp_path / "app/modules/m"
    module.mkdir(parents=True)
    (module / "main.tf").write_text('variable "a b" {}\n', encoding="utf-8")
    config = {"terraformProviders": ["example/thing@1.0.0"], "terraformModules": ["./modules/m"]}
    project = _project(tmp_path, _schema(), config)
    code, err = _get(project, capsys)
    assert code == 1 and "'a b'" in err and "main.tf" in err, err
    assert not (project / "imports").exists()


@pytest.mark.parametrize("module", ["thing", "Thing"])
def test_a_module_and_a_provider_in_one_package_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], module: str
) -> None:
    """The module's package would replace the provider's ``__init__.py`` (and a case-insensitive file
    system sees ``Thing`` as ``thing``): refused before either is written."""
    folder = tmp_path / f"app/modules/{module}"
    folder.mkdir(parents=True)
    (folder / "main.tf").write_text('variable "a" {}\n', encoding="utf-8")
    config = {"terraformProviders": ["example/thing@1.0.0"], "terraformModules": [f"./modules/{module}"]}
    project = _project(tmp_path, _schema(), config)
    code, err = _get(project, capsys)
    assert code == 1 and "provider 'thing'" in err and f"module {module!r}" in err, err
    assert not (project / "imports").exists()


def test_a_module_source_is_only_ever_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    module = tmp_path / "app/modules/m"
    module.mkdir(parents=True)
    (module / "main.tf").write_text('variable "a" {}\n', encoding="utf-8")
    source = './modules/m"""\nimport os; os.system("touch PWNED")\n"""'
    project = _project(tmp_path, _schema(), {"terraformModules": [{"name": "m", "source": source}]})
    code = main(["get", "--dir", str(project)])
    err = capsys.readouterr().err
    assert code == 1 and "cdktf.json" in err and "Traceback" not in err, err
    assert not (project / "PWNED").exists()


# --- the output folder -------------------------------------------------------------------------------------------
def test_a_symlink_out_of_the_output_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path, _schema())
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / "imports/thing").mkdir(parents=True)
    os.symlink(outside, project / "imports/thing/widget")
    code, err = _get(project, capsys)
    assert code == 1 and "widget" in err and "outside the output folder" in err, err
    assert list(outside.iterdir()) == []
    assert not (project / "imports/thing/provider").exists()  # nothing written at all


# --- generative ---------------------------------------------------------------------------------------------------
_ODD = st.sampled_from([*HOSTILE, *keyword.kwlist, "id", "self", "scope", "String", "Field", "a-b", "property"])
#: Terraform names (hclsyntax.ValidIdentifier), the ones get must turn into safe Python names.
_TERRAFORM_NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True)
_NAMES = st.one_of(_TERRAFORM_NAMES, _TERRAFORM_NAMES, _TERRAFORM_NAMES, _TERRAFORM_NAMES, _ODD, st.text(max_size=10))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(attribute=_NAMES, block=_NAMES, key=st.text(max_size=10) | _ODD, tf_type=_NAMES)
def test_any_name_is_refused_or_safe(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    *,
    attribute: str,
    block: str,
    key: str,
    tf_type: str,
) -> None:
    """Arbitrary text as an attribute, block, object key and resource type name: get refuses it with the
    project's error and writes nothing, or every file compiles, stays in the output folder and imports cleanly."""
    inner = {"attributes": {"port": {"type": "number", "optional": True}}}
    schema = _schema(
        attributes={
            attribute: {"type": "string", "optional": True},
            "status": {"type": ["object", {key: "string"}], "computed": True},
        },
        blocks={block: {"nesting_mode": "list", "block": inner}},
    )
    schema["resource_schemas"] = {f"thing_{tf_type}": schema["resource_schemas"]["thing_widget"]}
    project = _project(tmp_path_factory.mktemp("any"), schema)
    before = _files(project.parent)
    code, err = _get(project, capsys)
    if code:
        assert err.startswith("error: ") and "Traceback" not in err, err
        assert _files(project.parent) == before
        event("refused")
        return
    _assert_safe_output(project)
    event("generated")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(provider=_NAMES, variable=_NAMES, output=_NAMES)
def test_any_cdktf_json_or_module_name_is_refused_or_safe(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    *,
    provider: str,
    variable: str,
    output: str,
) -> None:
    """Arbitrary text as a provider's local name in cdktf.json and as a module's variable and output names: get
    refuses it naming cdktf.json or the .tf file and writes nothing, or what it writes compiles, stays in the
    output folder and imports cleanly."""
    project = _project(tmp_path_factory.mktemp("names"), _schema())
    module = project / "modules/m"
    module.mkdir(parents=True)
    hcl = f"variable {json.dumps(variable)} {{}}\noutput {json.dumps(output)} {{\n  value = 1\n}}\n"
    (module / "main.tf").write_text(hcl, encoding="utf-8")
    config = {
        "terraformProviders": [{"name": provider, "source": "example/thing", "version": "1.0.0"}],
        "terraformModules": ["./modules/m"],
    }
    (project / "cdktf.json").write_text(json.dumps(config), encoding="utf-8")
    before = _files(project.parent)
    code, err = _get(project, capsys)
    if code:
        assert err.startswith("error: ") and "Traceback" not in err, err
        assert "cdktf.json" in err or "main.tf" in err or "modules/m" in err, err
        assert _files(project.parent) == before
        event("refused")
        return
    _assert_safe_output(project)
    event("generated")


#: Names of every kind the template treats specially: dunders, the construct and reference APIs, pydantic's.
_SPECIAL = st.sampled_from(
    [
        *("get", "property", "internal_value", "fqn", "node", "self", "scope", "super", "configure", "assign"),
        *("String", "Field", "model_config", "model_dump", "validate", "dict", "json", "copy", "schema"),
        *("count", "provider", "lifecycle", "depends_on", "for_each", "alias", "config", "id", "id_", "_", "timeouts"),
        *("__init__", "__class__", "__dict__", "__slots__", "__getattr__", "__eq__", "__hash__", "__new__"),
    ]
)
_CTY_TYPES = st.recursive(
    st.sampled_from(["string", "number", "bool", "dynamic"]),
    lambda inner: st.one_of(
        st.tuples(st.sampled_from(["list", "set", "map"]), inner).map(list),
        st.dictionaries(st.text(max_size=6) | _TERRAFORM_NAMES | _SPECIAL, inner, max_size=3).map(
            lambda fields: ["object", fields]
        ),
        st.lists(inner, max_size=2).map(lambda items: ["tuple", items]),
    ),
    max_leaves=6,
)
_ATTRIBUTES = st.dictionaries(
    _TERRAFORM_NAMES | _SPECIAL,
    st.fixed_dictionaries(
        {"type": _CTY_TYPES}, optional={"optional": st.booleans(), "computed": st.booleans(), "required": st.booleans()}
    ),
    max_size=3,
)


def _blocks(depth: int) -> st.SearchStrategy[dict[str, Any]]:
    """A block of the schema grammar: attributes and, ``depth`` levels down, nested blocks of every nesting mode."""
    if depth == 0:
        return st.fixed_dictionaries({"attributes": _ATTRIBUTES})
    mandatory: dict[str, st.SearchStrategy[Any]] = {
        "nesting_mode": st.sampled_from(["single", "group", "list", "set", "map"]),
        "block": _blocks(depth - 1),
    }
    counts: dict[str, st.SearchStrategy[Any]] = {"min_items": st.integers(0, 2), "max_items": st.integers(0, 2)}
    nested = st.fixed_dictionaries(mandatory, optional=counts)
    return st.fixed_dictionaries(
        {"attributes": _ATTRIBUTES, "block_types": st.dictionaries(_TERRAFORM_NAMES | _SPECIAL, nested, max_size=2)}
    )


@settings(max_examples=150, deadline=None)
@given(resource=_blocks(2), provider=_blocks(1))
def test_any_schema_of_the_grammar_is_refused_or_runs(resource: dict[str, Any], provider: dict[str, Any]) -> None:
    """Schemas drawn from the schema grammar (cty types, nested blocks) with special and odd names: refused with
    the project's error, or every generated module compiles and runs (classes built, pydantic models included)."""
    schema = {
        "provider": {"block": provider},
        "resource_schemas": {"thing_widget": {"block": resource}},
        "data_source_schemas": {"thing_info": {"block": resource}},
    }
    try:
        files = generate(Provider("thing", "example/thing", "1.0.0"), schema)
    except ConstructsVpnError:
        event("refused")
        return
    event("generated")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pydantic's warnings about a field name too
        for name, source in files.items():
            exec(compile(source, name, "exec"), {"__name__": f"generated_{name.replace('/', '_')}"})
