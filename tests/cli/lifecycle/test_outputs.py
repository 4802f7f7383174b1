"""Outputs as cdktf nests and saves them: by construct, sensitive values left out unless asked for."""

from __future__ import annotations

import json
from pathlib import Path

from constructs_vpn.cli.lifecycle import outputs

DOCUMENT = {"//": {"outputs": {"app": {"branch": {"Psk": "branch_Psk_1"}, "gone": {"x": "missing"}, "id": "id"}}}}
TERRAFORM = {
    "branch_Psk_1": {"value": "secret-key", "type": "string", "sensitive": True},
    "id": {"value": "vco-1", "type": "string", "sensitive": False},
}


def test_nested_by_construct_and_absent_outputs_left_out() -> None:
    nested = outputs.by_construct(DOCUMENT, TERRAFORM)
    assert nested == {"app": {"branch": {"Psk": TERRAFORM["branch_Psk_1"]}, "id": TERRAFORM["id"]}}
    assert outputs.by_construct({}, TERRAFORM) == TERRAFORM  # no map: as terraform gives them


def test_the_file_leaves_sensitive_values_out_unless_asked(tmp_path: Path) -> None:
    nested = outputs.by_construct(DOCUMENT, TERRAFORM)
    path = tmp_path / "out.json"
    outputs.write(path, nested, include_sensitive=False)
    text = path.read_text("utf-8")
    assert "secret-key" not in text
    assert text == json.dumps({"app": {"branch": {}, "id": "vco-1"}}, indent=2)  # cdktf: no final newline
    outputs.write(path, nested, include_sensitive=True)
    assert json.loads(path.read_text("utf-8"))["app"]["branch"] == {"Psk": "secret-key"}


def test_on_screen_sensitive_values_are_masked() -> None:
    shown = outputs.unpack(outputs.by_construct(DOCUMENT, TERRAFORM), include_sensitive=False, mask=outputs.MASK)
    assert shown == {"app": {"branch": {"Psk": "<sensitive>"}, "id": "vco-1"}}
