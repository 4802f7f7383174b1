"""The key variables' ``validation`` blocks say what the console's rule says (``types.check_sent_psk``): the
pattern agrees with it on any text, and real ``terraform plan`` refuses exactly the keys it refuses, one
message per key, a missing key of a map included, before anything is created."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constructs_vpn.core import App, TerraformStack, TerraformVariable, ValidationError
from constructs_vpn.vpn import add_psk_validation, console
from constructs_vpn.vpn.psk_rule import PSK_PATTERN
from constructs_vpn.vpn.types import check_sent_psk
from tests.tooling import terraform

#: Keys near the rule's edges: every special character, the lengths around 1 and 100, spaces and others.
_KEYS = st.text(alphabet=st.sampled_from([*sorted(console.PSK_ALPHABET), " ", "é", "\n", '"']), max_size=102) | (
    st.sampled_from(["", "a" * 100, "a" * 101, console.PSK_SPECIAL_CHARACTERS, "${var.x}", "%{ if true }x%{ endif }"])
)


def _console_accepts(key: str) -> bool:
    try:
        check_sent_psk(key)
    except (ValidationError, ValueError):
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(key=_KEYS)
def test_the_pattern_is_the_console_rule(key: str) -> None:
    # Go's regexp and Python's re read this pattern alike: a class of literals, each punctuation escaped
    assert (re.fullmatch(PSK_PATTERN, key) is not None) is _console_accepts(key)


def _stack_document(tmp_path: Path, keys: list[str], names: list[str]) -> Path:
    """One stack: a string key variable per key, and a map of keys checked for ``names``."""
    app = App(outdir=tmp_path / "out")
    stack = TerraformStack(app, "keys")
    for index in range(len(keys)):
        add_psk_validation(TerraformVariable(stack, f"psk_{index}", type="string", sensitive=True))
    add_psk_validation(TerraformVariable(stack, "site_psks", type="map(string)", sensitive=True), names)
    app.synth()
    return tmp_path / "out/stacks/keys"


@pytest.mark.terraform
@settings(max_examples=3, deadline=None)
@given(keys=st.lists(_KEYS, min_size=1, max_size=12))
def test_terraform_plan_refuses_what_the_console_refuses(
    tmp_path_factory: pytest.TempPathFactory, keys: list[str]
) -> None:
    """One plan per example (a batch of keys): each refused key is one error naming its variable."""
    folder = _stack_document(tmp_path_factory.mktemp("plan"), keys, ["site-a", "site-b", "site-c"])
    values: dict[str, object] = {f"psk_{i}": key for i, key in enumerate(keys)}
    values["site_psks"] = {"site-a": "Good-Key-1", "site-b": "bad key"}  # site-c missing
    (folder / "terraform.tfvars.json").write_text(json.dumps(values), "utf-8")
    assert terraform(folder, "init", "-input=false").returncode == 0
    done = terraform(folder, "plan", "-input=false")
    refused = sorted(set(re.findall(r"var\.(psk_\d+): a pre-shared key has", done.stderr)))
    assert refused == sorted(f"psk_{i}" for i, key in enumerate(keys) if not _console_accepts(key)), done.stderr
    assert re.findall(r"the key of '(site-\w)' is missing", done.stderr) == ["site-b", "site-c"], done.stderr
    assert done.returncode == 1 and "Invalid index" not in done.stderr


@pytest.mark.terraform
def test_a_null_key_is_refused_too(tmp_path: Path) -> None:
    """The examples' key variable needs no ``nullable = false`` (which cdk.tf cannot carry): the rule refuses null."""
    folder = _stack_document(tmp_path, ["unused"], [])
    (folder / "terraform.tfvars.json").write_text(json.dumps({"psk_0": None, "site_psks": {}}), "utf-8")
    assert terraform(folder, "init", "-input=false").returncode == 0
    done = terraform(folder, "plan", "-input=false")
    assert done.returncode == 1 and "var.psk_0: a pre-shared key has" in done.stderr, done.stderr
