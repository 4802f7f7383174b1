"""``constructs-vpn orchestrate`` against a hostile ``cdktf.out``: stack ids the engine accepts (quotes, ``${``,
``%{``, newlines, controls, any Unicode) and a crafted ``manifest.json`` whose paths lead out of the folder.

Every stack id and path either comes back from the written ``terragrunt.hcl`` (python-hcl2; and Terraform's own
HCL parser where ``terraform`` is installed) and ``atlantis.yaml`` (PyYAML) as exactly that value, or is an
``error:`` naming manifest.json, the stack and the field, with nothing written. No value becomes a template
sequence, and no path from the manifest reads or writes outside the synthesized folder, symlinks included.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import hcl2
import jsonschema
import pytest
import yaml
from hcl2.utils import process_escape_sequences
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn.cli.main import main
from tests.tooling import require_executable

SCHEMA = json.loads((Path(__file__).parents[1] / "cli/schemas/atlantis-repo-config-v3.schema.json").read_text("utf-8"))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
#: Characters that break a quoted string or a template in HCL and YAML, and control and separator characters.
NASTY = "\"\\$%{}\n\r\t\x00\x01\x1b\x7f\x85\u2028\u2029\ufeff\u00e9 #:-[],&*!|>'`"
#: The stack ids the engine takes: a folder name under ``stacks/`` (core/stack.py's rule).
STACK_IDS = st.text(st.one_of(st.sampled_from(NASTY), st.characters(codec="utf-8")), min_size=1, max_size=12).filter(
    lambda s: s not in (".", "..") and not s.startswith("~") and not set(s) & set("/\\\0")
)


def write_app(outdir: Path, stacks: dict[str, list[str]], entries: dict[str, dict[str, Any]] | None = None) -> None:
    """A ``cdktf.out`` as the engine writes it (``stacks/<id>/cdk.tf.json``), stack -> its dependencies;
    ``entries`` replaces fields of a stack's manifest entry."""
    manifest: dict[str, Any] = {"version": "0.21.0", "stacks": {}}
    for name, dependencies in stacks.items():
        folder = outdir / "stacks" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "cdk.tf.json").write_text("{}\n", "utf-8")
        manifest["stacks"][name] = {
            "name": name,
            "constructPath": name,
            "workingDirectory": f"stacks/{name}",
            "synthesizedStackPath": f"stacks/{name}/cdk.tf.json",
            "annotations": [],
            "dependencies": dependencies,
            **(entries or {}).get(name, {}),
        }
    (outdir / "manifest.json").write_text(json.dumps(manifest), "utf-8")


def orchestrate(outdir: Path, root: Path) -> int:
    return main(["orchestrate", "--dir", str(outdir), "--root", str(root)])


def hcl_value(literal: str) -> str:
    """The value of an HCL quoted string that python-hcl2 returns as written: its escapes, then ``$${`` and
    ``%%{`` (HCL native syntax spec, "Template Literals": a doubled leading character escapes the sequence)."""
    assert literal.startswith('"') and literal.endswith('"'), literal
    return process_escape_sequences(literal[1:-1]).replace("$${", "${").replace("%%{", "%{")


def hcl2_reads(value: str) -> bool:
    """python-hcl2 8's grammar takes ``$${`` and ``%%{`` only with a ``}`` after them in the same string (HCL
    does not need it: those are checked by Terraform's parser below)."""
    return all("}" in value[m.end() :] for m in re.finditer(r"[$%]\{", value))


def dependency_blocks(path: Path) -> dict[str, str]:
    """Each ``dependency`` block of a terragrunt.hcl: its label's value -> its ``config_path``'s."""
    with path.open(encoding="utf-8") as handle:
        parsed = hcl2.load(handle)
    blocks: dict[str, str] = {}
    for block in parsed.get("dependency", []):
        for label, body in block.items():
            assert body["skip_outputs"] is True
            blocks[hcl_value(label)] = hcl_value(body["config_path"])
    return blocks


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@given(hub=STACK_IDS, site=STACK_IDS)
@SETTINGS
def test_any_stack_id_comes_back_from_terragrunt_hcl_and_atlantis_yaml(
    tmp_path_factory: Any, hub: str, site: str
) -> None:
    root = tmp_path_factory.mktemp("repo")
    outdir = root / "cdktf.out"
    try:
        write_app(outdir, {hub: [], site: [hub]} if hub != site else {hub: []})
    except (OSError, UnicodeEncodeError):
        return  # not a folder this file system takes: the engine cannot write such a stack either
    before = snapshot(root)
    if orchestrate(outdir, root) != 0:
        assert any(not unicodedata.is_normalized("NFC", n) for n in (hub, site))  # see the test below
        assert snapshot(root) == before
        return
    config = yaml.safe_load((root / "atlantis.yaml").read_text("utf-8"))
    jsonschema.validate(config, SCHEMA)
    projects = {p["name"]: p for p in config["projects"]}
    assert {n: p["dir"] for n, p in projects.items()} == {n: f"cdktf.out/stacks/{n}" for n in (hub, site)}
    if hub != site:
        assert projects[site]["depends_on"] == [hub]
        if hcl2_reads(hub):
            assert dependency_blocks(outdir / "stacks" / site / "terragrunt.hcl") == {hub: f"../{hub}"}
    if hcl2_reads(hub) and hcl2_reads(site):
        assert dependency_blocks(outdir / "stacks" / hub / "terragrunt.hcl") == {}


def test_a_name_hcl_would_read_as_another_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """HCL normalizes every string to NFC: a decomposed ``é`` would name the other folder, so it is refused."""
    outdir = tmp_path / "cdktf.out"
    write_app(outdir, {"hub": [], "site-e\u0301": ["hub"]})
    before = snapshot(tmp_path)
    assert orchestrate(outdir, tmp_path) == 1
    err = capsys.readouterr().err
    assert "manifest.json" in err and "'site-e\u0301'" in err and "NFC" in err
    assert snapshot(tmp_path) == before


@pytest.mark.terraform
@given(names=st.lists(STACK_IDS.map(lambda s: unicodedata.normalize("NFC", s)), min_size=2, max_size=8, unique=True))
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_terraform_reads_each_terragrunt_hcl_back(tmp_path_factory: Any, names: list[str]) -> None:
    """HCL's own parser (Terraform's): each file parses (``terraform fmt``), and each label and ``config_path``
    evaluates to the stack id and path (``terraform console``), one Terraform run for a batch of ids."""
    terraform = require_executable(
        "terraform", "install Terraform 1.11: https://developer.hashicorp.com/terraform/install"
    )
    root = tmp_path_factory.mktemp("repo")
    outdir = root / "cdktf.out"
    names = [n for n in names if unicodedata.is_normalized("NFC", n)]
    try:
        write_app(outdir, {names[0]: [], **{n: [names[0]] for n in names[1:]}})
    except (OSError, UnicodeEncodeError):
        return
    assert orchestrate(outdir, root) == 0
    check = root / "check"
    check.mkdir()
    literals: list[str] = []
    expected: list[str] = []
    for index, name in enumerate(names[1:]):
        text = (outdir / "stacks" / name / "terragrunt.hcl").read_text("utf-8")
        (check / f"s{index}.tf").write_text(text, "utf-8")  # fmt parses any block, whatever its type
        [(label, path)] = re.findall(r'^dependency (".*") \{\n  config_path  = (".*")$', text, re.M)
        literals += [label, path]
        expected += [names[0], f"../{names[0]}"]
    fmt = subprocess.run([terraform, "fmt", "-check", "-diff", str(check)], capture_output=True, text=True, check=False)
    assert fmt.returncode in (0, 3), fmt.stderr  # 3: parses, only spacing differs
    evaluate = root / "evaluate"
    evaluate.mkdir()
    body = "\n".join(f"  v{i} = {literal}" for i, literal in enumerate(literals))
    (evaluate / "main.tf").write_text(f"locals {{\n{body}\n}}\n", "utf-8")
    expression = f"base64encode(jsonencode([{', '.join(f'local.v{i}' for i in range(len(literals)))}]))"
    done = subprocess.run(
        [terraform, "console"], cwd=evaluate, input=expression, capture_output=True, text=True, check=False,
        env={**os.environ, "TF_CLI_CONFIG_FILE": os.devnull},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(base64.b64decode(json.loads(done.stdout))) == expected


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("workingDirectory", "../outside"),
        ("workingDirectory", "stacks/../../outside"),
        ("workingDirectory", "OUTSIDE"),  # the absolute path of the folder next to cdktf.out
        ("synthesizedStackPath", "../outside/cdk.tf.json"),
        ("synthesizedStackPath", "OUTSIDE/cdk.tf.json"),
        ("workingDirectory", "stacks/a\x00b"),
        ("workingDirectory", 7),
        ("dependencies", [["hub"]]),
    ],
)
def test_a_manifest_path_out_of_the_folder_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str, value: Any
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "cdk.tf.json").write_text("{}\n", "utf-8")
    value = value.replace("OUTSIDE", str(outside)) if isinstance(value, str) else value
    outdir = tmp_path / "cdktf.out"
    write_app(outdir, {"hub": [], "site": ["hub"]}, {"site": {field: value}})
    before = snapshot(tmp_path)
    assert orchestrate(outdir, tmp_path) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "manifest.json" in err and "'site'" in err and f'"{field}"' in err
    assert snapshot(tmp_path) == before


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A stack folder that is a link to elsewhere, and a terragrunt.hcl or stack-digests.json that is one: none
    is followed."""
    outside = tmp_path / "outside"
    outside.mkdir()
    outdir = tmp_path / "cdktf.out"
    write_app(outdir, {"hub": [], "site": ["hub"]}, {"site": {"workingDirectory": "stacks/link"}})
    (outdir / "stacks/link").symlink_to(outside, target_is_directory=True)
    assert orchestrate(outdir, tmp_path) == 1
    assert "leads out of" in capsys.readouterr().err and not list(outside.iterdir())
    (outdir / "stacks/link").unlink()
    write_app(outdir, {"hub": [], "site": ["hub"]})
    (outdir / "stacks/site/terragrunt.hcl").symlink_to(outside / "terragrunt.hcl")
    assert orchestrate(outdir, tmp_path) == 1
    assert "terragrunt.hcl" in capsys.readouterr().err and not list(outside.iterdir())
    (outdir / "stacks/site/terragrunt.hcl").unlink()
    (outdir / "stack-digests.json").symlink_to(outside / "stack-digests.json")
    assert orchestrate(outdir, tmp_path) == 1
    assert "stack-digests.json is a link out of" in capsys.readouterr().err and not list(outside.iterdir())
    assert not (outdir / "stacks/hub/terragrunt.hcl").exists() and not (tmp_path / "atlantis.yaml").exists()


def test_moves_from_reads_no_stack_out_of_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "secret.json"
    outside.write_text('{"resource": {"t": {"r": {}}}}', "utf-8")
    old = tmp_path / "old"
    write_app(old, {"hub": []}, {"hub": {"synthesizedStackPath": str(outside)}})
    new = tmp_path / "new"
    write_app(new, {"hub": []})
    assert main(["orchestrate", "--dir", str(new), "--moves-from", str(old)]) == 1
    err = capsys.readouterr().err
    assert "old/manifest.json" in err and '"synthesizedStackPath"' in err


SEGMENTS = st.sampled_from(["..", ".", "stacks", "hub", "site", "link", "", "/", str(Path("/tmp"))])


@given(
    parts=st.lists(SEGMENTS, min_size=1, max_size=6),
    field=st.sampled_from(["workingDirectory", "synthesizedStackPath"]),
)
@SETTINGS
def test_no_manifest_path_reaches_out_of_the_folder(tmp_path_factory: Any, parts: list[str], field: str) -> None:
    """Paths built of ``..``, links and absolute parts: orchestrate either writes only inside ``cdktf.out``
    (and ``atlantis.yaml`` at the root) or refuses with an error, and reads nothing outside."""
    root = tmp_path_factory.mktemp("repo")
    outside = root / "outside"
    (outside / "stacks/hub").mkdir(parents=True)
    (outside / "stacks/hub/cdk.tf.json").write_text("{}\n", "utf-8")
    outdir = root / "cdktf.out"
    value = "/".join(parts)
    write_app(
        outdir,
        {"hub": [], "site": ["hub"]},
        {"site": {field: value + ("/cdk.tf.json" if field != "workingDirectory" else "")}},
    )
    (outdir / "link").symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    code = orchestrate(outdir, root)
    assert snapshot(outside) == before
    if code == 0:  # each file is in cdktf.out, and the site's dependency leads to the hub's folder
        written = list(root.rglob("terragrunt.hcl"))
        assert len(written) == 2 and all(p.resolve().is_relative_to(outdir.resolve()) for p in written)
        [(site, blocks)] = [(p, b) for p in written if (b := dependency_blocks(p))]
        assert (site.parent / blocks["hub"]).resolve() == (outdir / "stacks/hub").resolve()


def test_two_stacks_in_one_folder_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One terragrunt.hcl cannot be two stacks': the second would overwrite the first."""
    outdir = tmp_path / "cdktf.out"
    write_app(outdir, {"hub": [], "site": ["hub"]}, {"site": {"workingDirectory": "stacks/hub/."}})
    before = snapshot(tmp_path)
    assert orchestrate(outdir, tmp_path) == 1
    assert "stack 'site': \"workingDirectory\" is the folder of stack 'hub' too" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_a_long_chain_of_stacks_is_ordered_without_recursion(tmp_path: Path) -> None:
    """A manifest may chain more stacks than Python's recursion limit (1,000 frames): each is one group deeper."""
    names = [f"s{i:04d}" for i in range(1200)]
    outdir = tmp_path / "cdktf.out"
    write_app(outdir, {name: names[i + 1 : i + 2] for i, name in enumerate(names)})  # the first is the deepest
    assert orchestrate(outdir, tmp_path) == 0
    projects = yaml.safe_load((tmp_path / "atlantis.yaml").read_text("utf-8"))["projects"]
    assert [(p["name"], p["execution_order_group"]) for p in projects] == [(n, 1199 - i) for i, n in enumerate(names)][
        ::-1
    ]
