"""Hostile strings under ``synth --hcl`` (issue #22): every string is written as an HCL literal that Terraform
reads back as the string itself, never as an expression, and as the JSON output reads it.

Terraform reads both ``cdk.tf`` and ``cdk.tf.json`` through ``terraform console``; the fast properties read the
rendered literals with ``_read_literal``, a reader written from the HCL spec
(https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md, "Template Expressions")."""

from __future__ import annotations

import base64
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from constructs_vpn.cli.main import main
from constructs_vpn.core import (
    App,
    TerraformHclModule,
    TerraformLocal,
    TerraformOutput,
    TerraformResource,
    TerraformStack,
    TerraformVariable,
    Testing,
    ValidationError,
)
from constructs_vpn.core.hcl_format import format_hcl
from constructs_vpn.core.hcl_render import render_attributes, typed
from constructs_vpn.core.tokens import ResolveContext, resolve
from tests.tooling import terraform

#: The issue's examples: a quote after backslashes that closed the string early, "${" that stopped all
#: escaping, text that looks like a list, object or quoted string, a backslash escape, a heredoc's "EOF".
PSK_NAME = 'a\\" != null ? var.psk : null #'
ISSUE_EXAMPLES = [
    PSK_NAME,
    'x ${ "y" } \\"',
    '"${var.psk}" "b"',
    "[1]",
    '{"a": 1}',
    '"quoted"',
    "42",
    "C:\\new",
    "line\nEOF\nafter\n",
    "  EOF  \nx\n",
    "a\ud800b",
    "\ud83d\ude00",
]
#: Pieces hostile strings are made of, so they meet often (all of Unicode alone seldom makes "${" or "EOF\n").
FRAGMENTS = ["\\", '"', "$", "%", "{", "}", "${", "%{", "$${", "%%{", "~", "#", "//", "/*", "\n", "\r", "\t"]
FRAGMENTS += [
    "EOF",
    "EOF1",
    "\x00",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\ud800",
    "\udfff",
    "é",
    "e\u0301",
    "😀",
    "a",
    " ",
]
_LONE_CR = re.compile(r"\r(?!\n)")
hostile = st.one_of(
    st.text(min_size=1, max_size=12), st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8).map("".join)
)


def as_terraform_reads(text: str) -> str:
    """``text`` as Terraform reads it: a surrogate pair is one character and a lone surrogate U+FFFD (what a
    JSON decoder makes of ``\\udXXX``), then NFC, as Terraform normalizes every string it reads."""
    return unicodedata.normalize("NFC", text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace"))


def but_lone_cr(values: list[Any], strings: list[str]) -> list[Any]:
    """``values`` but those of strings holding a lone CR: Terraform's JSON syntax reads such a string only partly
    as a template (after the CR, ``${...}`` stays text but ``$${`` is an escape), so cdk.tf.json cannot carry it
    in escape_raw_expressions mode; cdk.tf, which writes the CR as ``\\r``, reads right."""
    return [value for value, text in zip(values, strings, strict=True) if not _LONE_CR.search(text)]


def as_utf8(text: str) -> str:
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


# reading HCL literals -------------------------------------------------------------------------------------
_ESCAPED = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_HEREDOC = re.compile(r"<<([A-Za-z_][A-Za-z0-9_-]*)\n")


def _template_char(text: str, i: int) -> tuple[str, int]:
    """One literal character of a template at ``i``: a ``$${``/``%%{`` escape reads as ``${``/``%{``; a live
    ``${``/``%{`` fails (a literal must hold no expression)."""
    if text.startswith(("$${", "%%{"), i):
        return text[i + 1 : i + 3], i + 3
    assert not text.startswith(("${", "%{"), i), f"a live template sequence at {i} in {text!r}"
    return text[i], i + 1


def _read_quoted(text: str, i: int) -> tuple[str, int]:
    assert text[i] == '"', text
    out, i = [], i + 1
    while text[i] != '"':
        if text[i] == "\\":
            kind = text[i + 1]
            if kind in _ESCAPED:
                out.append(_ESCAPED[kind])
                i += 2
            else:
                size = {"u": 4, "U": 8}[kind]
                out.append(chr(int(text[i + 2 : i + 2 + size], 16)))
                i += 2 + size
            continue
        assert text[i] not in "\r\n", f"a raw newline in a quoted string: {text!r}"
        char, i = _template_char(text, i)
        out.append(char)
    return "".join(out), i + 1


def _read_heredoc(text: str, i: int) -> tuple[str, int]:
    found = _HEREDOC.match(text, i)
    assert found, text
    lines, i = [], found.end()
    while (line := text[i : text.index("\n", i) + 1 if "\n" in text[i:] else len(text)]).strip() != found[1]:
        assert line, f"heredoc {found[1]} never ends: {text!r}"
        lines.append(line)
        i += len(line)
    body = "".join(lines)
    out, j = [], 0
    while j < len(body):
        char, j = _template_char(body, j)
        out.append(char)
    return "".join(out), i + len(found[1])


def _read_literal(text: str, i: int = 0) -> tuple[str, int]:
    """The string an HCL quoted literal or heredoc at ``i`` stands for, and where it ends."""
    return _read_heredoc(text, i) if text.startswith("<<", i) else _read_quoted(text, i)


def _read_whole(text: str) -> str:
    value, end = _read_literal(text)
    assert end == len(text), f"text after the literal: {text[end:]!r}"
    return value


def _escaped(text: Any) -> Any:
    """``text`` resolved as ``App(escape_raw_expressions=True)`` resolves it: every ``${``/``%{`` literal."""
    return resolve(text, ResolveContext(None, escape=True))


# the renderer, fast --------------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.one_of(hostile, st.text()))
def test_every_string_is_a_literal_that_reads_back_as_itself(text: str) -> None:
    resolved = _escaped(text)
    for value in (typed(resolved, "simple", "string"), resolved):
        assert _read_whole(render_attributes({"a": value}).removeprefix("a = ")) == as_utf8(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(hostile, min_size=1, max_size=4))
def test_every_string_of_a_list_reads_back_as_itself(texts: list[str]) -> None:
    """A list item is followed by a comma: a heredoc's closing line cannot carry one."""
    resolved = _escaped(texts)
    for value in (typed(resolved, "list", "stringList"), resolved):
        written = render_attributes({"a": value}).removeprefix("a = ")
        assert written.startswith("[\n") and written.endswith("\n]"), written
        items, position = [], 2
        while position < len(written) - 2:
            item, position = _read_literal(written, position)
            items.append(item)
            assert written[position : position + 2] in (",\n", "\n]"), written
            position += 1 if written[position] == "\n" else 2
        assert items == [as_utf8(t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(hostile, hostile)
def test_a_map_key_and_value_read_back_as_themselves(key: str, value: str) -> None:
    for rendered in (
        render_attributes({"m": typed(_escaped({key: value}), "map", "stringMap")}),
        render_attributes({"m": _escaped({key: value})}),
    ):
        assert rendered.startswith("m = {\n") and rendered.endswith("\n}"), rendered
        body = rendered[len("m = {\n") : -2]
        bare = re.match(r"[A-Za-z_][A-Za-z0-9_-]*", body)
        read_key, end = (bare[0], bare.end()) if bare and body[0] != '"' else _read_literal(body)
        assert body[end : end + 3] == " = ", body
        assert read_key == as_utf8(key)
        assert _read_whole(body[end + 3 :]) == as_utf8(value)


@settings(max_examples=200, deadline=None)
@given(st.lists(hostile, min_size=1, max_size=6))
def test_formatting_keeps_every_literal(texts: list[str]) -> None:
    """``hclwrite``'s formatting (which ``synth --hcl`` applies) changes only the spaces between tokens."""
    lines = [render_attributes({f"a{i}": typed(_escaped(t), "simple", "string")}) for i, t in enumerate(texts)]
    formatted = format_hcl("locals {\n" + "\n".join(lines) + "\n}\n")
    position = 0
    for index, text in enumerate(texts):
        found = re.compile(rf"^  a{index} *= ", re.M).search(formatted, position)
        assert found, formatted
        value, position = _read_literal(formatted, found.end())
        assert value == as_utf8(text)


def test_the_issue_examples_are_written_as_literals() -> None:
    assert render_attributes({"a": typed(PSK_NAME, "simple", "string")}) == 'a = "a\\\\\\" != null ? var.psk : null #"'
    assert render_attributes({"a": "[1]"}) == 'a = "[1]"'
    assert render_attributes({"a": "C:\\new"}) == 'a = "C:\\\\new"'
    assert render_attributes({"a": "x\nEOF\n"}) == "a = <<EOF1\nx\nEOF\nEOF1"
    assert render_attributes({"a": "x\n"}) == "a = <<EOF\nx\nEOF"  # a heredoc where it carries the text
    assert render_attributes({"a": "x\ny"}) == 'a = "x\\ny"'  # a heredoc would add a final newline
    assert render_attributes({"a": "x\r\n"}) == 'a = "x\\r\\n"'
    assert render_attributes({"a": "\x00\x1b\u2028"}) == 'a = "\\u0000\\u001b\\u2028"'
    assert render_attributes({"a": "a\ud800b"}) == 'a = "a\ufffdb"'


def test_a_template_keeps_its_expressions_and_escapes_the_text_around_them() -> None:
    """Hand-written ``${...}``/``%{...}`` pass through as expressions, as in the JSON output (cdktf's default),
    their own strings untouched; the literal text between them is escaped."""
    written = render_attributes({"a": 'say "hi" \\ ${lookup(var.m, "k}")} %{ if var.x == "y" }C:\\new%{ endif }'})
    assert written == 'a = "say \\"hi\\" \\\\ ${lookup(var.m, "k}")} %{ if var.x == "y" }C:\\\\new%{ endif }"'
    assert render_attributes({"a": "${var.x"}) == 'a = "$${var.x"'  # never closes: text (Terraform refuses it in JSON)
    assert render_attributes({"a": "$${x} $$${y}"}) == 'a = "$${x} $$${y}"'  # escapes stay escapes


def test_a_bare_key_is_an_identifier() -> None:
    assert render_attributes({"m": {"-a": 1, "k-1": 2, "_x": 3}}) == 'm = {\n"-a" = 1\nk-1 = 2\n_x = 3\n}'


def test_an_untyped_value_is_written_from_its_python_type() -> None:
    """cdktf pastes an untyped string starting with ``[``, ``{`` or ``"`` and writes ``"42"`` as a number."""
    stack = TerraformStack(App(), "s")
    TerraformLocal(stack, "l", '"q" + var.psk')
    default = {"list": "[1]", "n": "42", "nums": [1, 2.5, True, None], "o": {"k": '{"a": 1}'}}
    TerraformVariable(stack, "v", default=default)
    text = Testing.synth_hcl(stack)
    assert 'l = "\\"q\\" + var.psk"' in text
    assert 'list = "[1]"\nn = "42"\nnums = [\n1,\n2.5,\ntrue,\nnull,\n]\no = {\nk = "{\\"a\\": 1}"\n}' in text


def test_arguments_terraform_reads_as_text_escape_their_templates() -> None:
    """A variable's default and description, an output's description, a module's source and version: Terraform
    evaluates them without variables and reads cdk.tf.json's strings there as they are (``terraform init`` of
    ``{"module": {"m": {"source": "./m/${x}"}}}`` looks for the folder ``./m/${x}``)."""
    stack = TerraformStack(App(), "s")
    TerraformVariable(stack, "v", default={"k": "${a}"}, description="%{b}")
    TerraformOutput(stack, "o", value="${var.v}", description="${c}")
    TerraformHclModule(stack, "m", source="./m/${x}", version="1.${y}")
    text = Testing.synth_hcl(stack)
    assert 'default = {\nk = "$${a}"\n}\ndescription = "%%{b}"' in text
    assert 'value = "${var.v}"\ndescription = "$${c}"' in text  # the value stays an expression, as in JSON
    assert 'source = "./m/$${x}"\nversion = "1.$${y}"' in text


# text cdk.tf writes as it is ----------------------------------------------------------------------------
def _moved_to(stack: TerraformStack, text: str) -> None:
    TerraformResource(stack, "r", terraform_resource_type="terraform_data").move_to_id(text)


def _variable_type(stack: TerraformStack, text: str) -> None:
    TerraformVariable(stack, "v", type=text)


def _resource_type(stack: TerraformStack, text: str) -> None:
    TerraformResource(stack, "r", terraform_resource_type=text)


def _override(stack: TerraformStack, text: str) -> None:
    TerraformResource(stack, "r", terraform_resource_type="terraform_data").add_override(text, 1)


INJECTION = 'x\n}\noutput "leak" {\n  value = var.psk\n}\nresource "terraform_data" "y" {\n  input = "'
SITES = {"to": _moved_to, "type": _variable_type, "resource": _resource_type, "override": _override}


@pytest.mark.parametrize(
    ("site", "text", "rule", "path"),
    [
        ("to", INJECTION, "hcl-expression", "s/r"),
        ("to", "a.b # comment", "hcl-expression", "s/r"),
        ("type", 'string\n  default = "x"', "hcl-expression", "s/v"),
        ("type", "list(string", "hcl-expression", "s/v"),
        ("resource", f'x" "{INJECTION}', "hcl-block-label", "s/r"),
        ("override", "input = var", "hcl-argument-name", "s/r"),
    ],
)
def test_text_that_would_add_code_to_cdk_tf_is_refused(site: str, text: str, rule: str, path: str) -> None:
    """Addresses, type constraints, block labels and argument names are written as they are (HCL has no quoted
    form for most of them): text that would leave its place is refused, naming the construct and the rule."""
    stack = TerraformStack(App(), "s")
    SITES[site](stack, text)
    with pytest.raises(ValidationError) as raised:
        Testing.synth_hcl(stack)
    (problem,) = raised.value.problems
    assert (problem.rule, problem.path) == (rule, path)


def test_synth_hcl_answers_such_text_with_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cdktf.json").write_text(json.dumps({"language": "python", "app": "python app.py"}))
    (tmp_path / "app.py").write_text(
        "from constructs_vpn.core import App, TerraformStack, TerraformVariable\n"
        "app = App()\n"
        "TerraformVariable(TerraformStack(app, 's'), 'v', type='string\\n  default = 1')\n"
        "app.synth()\n"
    )
    assert main(["synth", "--project", str(tmp_path), "--hcl"]) != 0
    err = capsys.readouterr().err
    assert "error: the app `python app.py` stopped at app.py, line 4: [s/v] type: " in err
    assert "(rule hcl-expression); fix: " in err and "Traceback" not in err


def _blocks(text: str) -> list[tuple[str, int]]:
    """Each top-level block's header line and how many lines its body has, in formatted cdk.tf."""
    out: list[tuple[str, int]] = []
    for line in format_hcl(text).split("\n"):
        if line.endswith("{") and not line.startswith(" "):
            out.append((line, 0))
        elif line.startswith(" ") and out:
            out[-1] = (out[-1][0], out[-1][1] + 1)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*FRAGMENTS, "a", ".", "b", "[", "]", "(", ")", "=", "/*", "*/", ","]), max_size=8))
def test_an_address_or_type_constraint_stays_in_its_place(pieces: list[str]) -> None:
    """Refused, or one line in its block. (Text holding ``${`` is a string literal there, as in cdktf: the
    literal properties above cover it.)"""
    text = "".join(pieces)
    assume("${" not in text)
    stack = TerraformStack(App(), "s")
    _moved_to(stack, text)
    _variable_type(stack, text)
    try:
        written = Testing.synth_hcl(stack)
    except ValidationError as error:
        assert {p.rule for p in error.problems} == {"hcl-expression"}
        return
    assert [(header, size) for header, size in _blocks(written) if not header.startswith("terraform")] == [
        ("moved {", 2),
        ('variable "v" {', 1),
    ]


# through terraform ---------------------------------------------------------------------------------------
APP = """\
import json
from pathlib import Path

from constructs_vpn.core import App, Fn, TerraformLocal, TerraformStack, TerraformVariable

config = json.loads(Path("strings.json").read_text())
app = App(escape_raw_expressions=config["escape"])
stack = TerraformStack(app, "strings")
for index, text in enumerate(config["strings"]):
    if config["local"]:
        TerraformLocal(stack, f"s{index}", text)
    else:
        TerraformVariable(stack, f"s{index}", default=text)
if config["local"]:
    TerraformLocal(stack, "all", config["strings"])
if config["local"] and config["escape"]:  # without, "%{" in a function's argument is a directive, as in cdktf
    TerraformLocal(stack, "joined", [Fn.join("", [text]) for text in config["strings"]])
app.synth()
"""


def _project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "cdktf.json").write_text(json.dumps({"language": "python", "app": "python app.py"}))
    (root / "app.py").write_text(APP)
    return root


def read_back(project: Path, strings: list[str], *, hcl: bool, escape: bool, local: bool | None = None) -> list[Any]:
    """``strings`` written by ``constructs-vpn synth`` (with ``--hcl`` or not) into one stack and read back by
    one ``terraform console``, as locals (where Terraform reads a template; then also as one list, and with
    ``escape``, as the string argument of a function call, which must read the same) or variable defaults
    (which it reads as they are). ``escape``: ``App(escape_raw_expressions=True)``; by default the strings are locals then, and
    variable defaults without it (where a hand-written ``${...}`` in a local is an expression, as in cdktf)."""
    local = escape if local is None else local
    (project / "strings.json").write_text(json.dumps({"escape": escape, "local": local, "strings": strings}))
    out = project / ("hcl" if hcl else "json")
    assert main(["synth", "--project", str(project), "--output", out.name, *(["--hcl"] if hcl else [])]) == 0
    folder = out / "stacks/strings"
    init = terraform(folder, "init", "-input=false")
    assert init.returncode == 0, init.stderr
    prefix = "local" if local else "var"
    names = ", ".join(
        [f"{prefix}.s{i}" for i in range(len(strings))]
        + (["local.all"] if local else [])
        + (["local.joined"] if local and escape else [])
    )
    console = terraform(folder, "console", stdin=f"base64encode(jsonencode([{names}]))\n")
    assert console.returncode == 0, console.stderr + (folder / ("cdk.tf" if hcl else "cdk.tf.json")).read_text()
    decoded: list[Any] = json.loads(base64.b64decode(json.loads(console.stdout.strip().splitlines()[-1])))
    if local and escape:
        *decoded, joined = decoded
        assert but_lone_cr(joined, strings) == but_lone_cr(decoded[:-1], strings)
    if local:
        *decoded, listed = decoded
        assert listed == decoded
    return decoded


@pytest.mark.terraform
@settings(max_examples=15, deadline=None)
@given(st.lists(hostile, min_size=30, max_size=30))
def test_terraform_reads_every_string_back_from_cdk_tf(
    tmp_path_factory: pytest.TempPathFactory, strings: list[str]
) -> None:
    """The proof: one example is 30 strings, as locals and as variable defaults; cdk.tf.json is the cross-check."""
    project = _project(tmp_path_factory.mktemp("hostile-hcl"))
    expected = [as_terraform_reads(s) for s in strings]
    assert read_back(project, strings, hcl=True, escape=True) == expected
    assert read_back(project, strings, hcl=True, escape=False) == expected
    assert but_lone_cr(read_back(project, strings, hcl=False, escape=True), strings) == but_lone_cr(expected, strings)
    assert read_back(project, strings, hcl=False, escape=False) == expected


@pytest.mark.terraform
@pytest.mark.parametrize("escape", [True, False])
def test_terraform_reads_the_issue_examples_back(tmp_path: Path, escape: bool) -> None:
    project = _project(tmp_path)
    expected = [as_terraform_reads(s) for s in ISSUE_EXAMPLES]
    assert read_back(project, ISSUE_EXAMPLES, hcl=True, escape=escape) == expected
    assert read_back(project, ISSUE_EXAMPLES, hcl=False, escape=escape) == expected


@pytest.mark.terraform
@pytest.mark.parametrize("hcl", [True, False])
def test_a_variable_default_reads_as_written_with_escape_raw_expressions(tmp_path: Path, hcl: bool) -> None:
    """Terraform reads a variable's default as it is, never as a template: with escape_raw_expressions the
    default's ``${`` reaches it as ``${`` (it was written ``$${`` in cdk.tf.json, and read back so)."""
    project = _project(tmp_path)
    strings = [*ISSUE_EXAMPLES, "${x}", "%{ if a }", "$${y}"]
    expected = [as_terraform_reads(s) for s in strings]
    assert read_back(project, strings, hcl=hcl, escape=True, local=False) == expected


@pytest.mark.terraform
def test_a_template_means_in_cdk_tf_what_it_means_in_cdk_tf_json(tmp_path: Path) -> None:
    """Without escape_raw_expressions a hand-written ``${...}`` is an expression in both outputs; the quotes and
    backslashes around it stay text."""
    project = _project(tmp_path)
    templates = ['say "hi" \\ ${upper("k}")} C:\\new', '%{ if "a" == "a" }"yes"\\%{ else }no%{ endif }']
    expected = ['say "hi" \\ K} C:\\new', '"yes"\\']
    assert read_back(project, templates, hcl=True, escape=False, local=True) == expected
    assert read_back(project, templates, hcl=False, escape=False, local=True) == expected


@pytest.mark.terraform
def test_the_cen_name_in_cdk_tf_is_the_name_not_the_key(tmp_path: Path) -> None:
    """The issue's example: in cdk.tf, Terraform read this CEN name as ``var.psk``."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "cdktf.json").write_text(json.dumps({"language": "python", "app": "python app.py"}))
    (project / "app.py").write_text(
        "from constructs_vpn.core import App, TerraformStack\n"
        "from constructs_vpn.vpn import CenInstance\n"
        "app = App()\n"
        "stack = TerraformStack(app, 'cen')\n"
        f"CenInstance(stack, 'cen', name={PSK_NAME!r})\n"
        "app.synth()\n"
    )
    assert main(["synth", "--project", str(project), "--output", "out", "--hcl"]) == 0
    text = (project / "out/stacks/cen/cdk.tf").read_text("utf-8")
    found = re.search(r"^ *cen_instance_name *= (.*)$", text, re.M)
    assert found, text
    # the argument's value, as cdk.tf writes it, read by Terraform where var.psk is the key
    check = tmp_path / "check"
    check.mkdir()
    (check / "main.tf").write_text(
        f'variable "psk" {{\n  default = "the-key"\n}}\nlocals {{\n  name = {found[1]}\n}}\n'
    )
    console = terraform(check, "console", stdin="local.name\n")
    assert console.returncode == 0, console.stderr
    assert json.loads(console.stdout.strip()) == PSK_NAME
