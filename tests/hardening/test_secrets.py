"""A known pre-shared key, planted everywhere a user can give one, shows up only where it must.

It may appear in cdk.tf.json only where the user wrote it as a literal (and a warning said so); never in a
repr, an error, an annotation, a log record, the manifest or the CLI's output.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from constructs_vpn.alicloud.provider import AlicloudProvider
from constructs_vpn.cli.main import main
from constructs_vpn.core import App, Construct, TerraformStack, TerraformVariable, ValidationError
from constructs_vpn.vpn import CenInstance, CrossAccount, CustomerGateway, IpsecConnection, TransitRouter, TunnelOptions
from tests.tooling import REPO_DIR

PSK = "Planted-Psk_7f3a~9"


def build(app: App) -> TerraformStack:
    """Every place a key can be given: literal (single-tunnel), variable default, dual-tunnel options, the
    short form (cross-account)."""
    stack = TerraformStack(app, "secrets")
    AlicloudProvider(stack, region="cn-hangzhou", secret_key=PSK, access_key="ak")
    b = AlicloudProvider(stack, "b", alias="b", region="cn-hangzhou")
    tr = TransitRouter(stack, "tr", cen=CenInstance(stack, "cen"))
    gateway = CustomerGateway(stack, "gw", ip_address="203.0.113.10", asn=65001)
    variable = TerraformVariable(stack, "psk", type="string", sensitive=True, default=PSK)
    IpsecConnection(stack, "literal", transit_router=tr, customer_gateway=gateway, psk=PSK, tunnel_mode="single")
    IpsecConnection(stack, "from-variable", transit_router=tr, customer_gateway=gateway, psk=variable)
    IpsecConnection(
        stack,
        "dual",
        transit_router=tr,
        tunnels=[TunnelOptions(customer_gateway=gateway, psk=PSK), {"customer_gateway": gateway, "psk": PSK}],
    )
    IpsecConnection(
        stack,
        "cross",
        transit_router=tr,
        provider=b,
        customer_gateway=CustomerGateway(stack, "gw-b", ip_address="203.0.113.11", provider=b),
        psk=PSK,
        cross_account=CrossAccount(cen_owner_id="1", vpn_owner_id="2"),
    )
    return stack


def reprs(construct: Construct) -> list[str]:
    """repr/str of every construct and of every model or object it holds."""
    found = []
    for node in construct.node.walk():
        found += [repr(node), str(node)]
        for value in vars(node).values():
            items = value if isinstance(value, list) else [value]
            for item in items:
                if isinstance(item, BaseModel | Construct) or hasattr(item, "__dict__"):
                    found.append(repr(item))
    return found


def test_planted_key_shows_only_where_written(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    app = App(outdir=tmp_path / "out")
    stack = build(app)
    result = app.synth()
    for text in reprs(stack):
        assert PSK not in text
    notes = [str(a) for a in result.annotations]
    assert all(PSK not in note for note in notes)
    assert all(PSK not in record.getMessage() for record in caplog.records)
    assert PSK not in (tmp_path / "out/manifest.json").read_text()
    literal_warnings = [a for a in result.annotations if a.id == "vpn:literal-psk"]
    assert {a.path for a in literal_warnings} == {
        "secrets/literal",
        "secrets/from-variable",
        "secrets/dual",
        "secrets/cross",
    }
    document: dict[str, Any] = json.loads((tmp_path / "out/stacks/secrets/cdk.tf.json").read_text())
    places = []

    def find(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                find(item, f"{path}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                find(item, f"{path}[{index}]")
        elif value == PSK:
            places.append(path.split(".", 4)[-1] if path.startswith(".resource") else path)

    find(document, "")
    assert sorted(places) == sorted(
        [
            ".provider.alicloud[0].secret_key",
            ".variable.psk.default",
            "ike_config.psk",  # literal
            "tunnel_options_specification[0].tunnel_ike_config.psk",
            "tunnel_options_specification[1].tunnel_ike_config.psk",
            "tunnel_options_specification[0].tunnel_ike_config.psk",  # cross-account, the short form
            "tunnel_options_specification[1].tunnel_ike_config.psk",
        ]
    )


def test_errors_never_echo_the_key(tmp_path: Path) -> None:
    app = App(outdir=tmp_path / "out")
    stack = TerraformStack(app, "s")
    tr = TransitRouter(stack, "tr", cen=CenInstance(stack, "cen"))
    gateway = CustomerGateway(stack, "gw", ip_address="203.0.113.10")
    IpsecConnection(stack, "a", transit_router=tr, customer_gateway=gateway, psk=PSK + " with space")
    IpsecConnection(stack, "b", transit_router=tr, customer_gateway=gateway, psk=PSK, ike_config={"ike_mode": "x"})
    IpsecConnection(stack, "c", transit_router=tr, tunnels=[{"customer_gateway": gateway, "psk": PSK, "bogus": PSK}])
    with pytest.raises(ValidationError) as caught:
        app.synth()
    assert {p.path for p in caught.value.problems} == {"s/a", "s/b", "s/c"}
    assert PSK not in str(caught.value) and PSK not in repr(caught.value.problems)


def test_cli_output_never_shows_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cdktf.json").write_text(json.dumps({"app": "python app.py"}))
    (tmp_path / "app.py").write_text(
        "from constructs_vpn.core import App\nfrom tests.hardening.test_secrets import build\n"
        "app = App(); build(app); app.run()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_DIR)}
    done = subprocess.run(
        [sys.executable, "-m", "constructs_vpn.cli", "synth"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "literal pre-shared key" in done.stdout
    assert PSK not in done.stdout + done.stderr
    # Every connection, in every format: a literal key of the stack is not printed unless asked for.
    capsys.readouterr()
    for connection in ("from-variable", "literal", "dual", "cross"):
        for format in ("swanctl", "json", "cisco", "huawei", "junos", "vyos", "fortigate", "panos"):
            args = ["-o", str(tmp_path / "cdktf.out"), "--stack", "secrets", "--connection", connection]
            code = main(["peer-config", *args, "--format", format])
            printed = capsys.readouterr()
            assert code == 0, printed.err
            assert PSK not in printed.out + printed.err, (connection, format)
