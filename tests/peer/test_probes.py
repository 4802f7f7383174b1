"""The held-out probes of issue 15: no key that was not asked for, the key Terraform sends, no injection through
names, identities or addresses, strict ``--gateway-ip``, state after destroy, JSON from other tools, customer
gateways by id. Every error is a ``ValidationError`` (a clean CLI message), never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.cli.main import main
from constructs_vpn.core import App, ValidationError
from constructs_vpn.core.testing import Testing
from constructs_vpn.peer import FORMATS, plan_connection
from constructs_vpn.vpn import IpsecConnection
from tests.vpn.conftest import Site

KEY = "Literal-Key~1"
CONNECTION = "alicloud_vpn_gateway_vpn_attachment"


def synthesized(outdir: Path | None = None, *, dual: bool = False, **options: Any) -> dict[str, Any]:
    """Stack "net" with connection "dc" (a literal key unless ``psk`` is given), written to ``outdir`` if given."""
    site = Site(App(outdir=outdir) if outdir else Testing.app())
    options.setdefault("psk", KEY)
    if dual:
        psk = options.pop("psk")
        tunnel = {"customer_gateway": site.cgw, "psk": psk}
        IpsecConnection(site.stack, "dc", transit_router=site.tr, tunnels=[tunnel, tunnel], **options)
    else:
        site.connect("dc", **options)
    if outdir is not None:
        site.app.synth()
        loaded: dict[str, Any] = json.loads((outdir / "stacks/net/cdk.tf.json").read_text())
        return loaded
    return site.app.synthesize().documents["net"]


def cli(outdir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["peer-config", "-o", str(outdir), "--stack", "net", "--connection", "dc", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def connection_body(document: dict[str, Any]) -> dict[str, Any]:
    (body,) = document["resource"][CONNECTION].values()
    found: dict[str, Any] = body
    return found


def problems(caught: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in caught.value.problems}


# ---------------------------------------------------------------------------------------------------------------------
# A literal key is printed only when asked for


@pytest.mark.parametrize("format", sorted(FORMATS))
def test_a_literal_key_is_not_printed_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], format: str
) -> None:
    synthesized(tmp_path)
    code, out, err = cli(tmp_path, capsys, "--format", format, "--gateway-ip", "47.0.0.1")
    assert code == 0, err
    assert KEY not in out + err and "<PRE_SHARED_KEY>" in out
    code, out, err = cli(tmp_path, capsys, "--format", format, "--gateway-ip", "47.0.0.1", "--psk-from-state")
    assert code == 0, err
    assert KEY in out  # not deployed yet: the literal written in the stack
    assert KEY not in err


def test_the_library_uses_a_literal_key_only_when_asked() -> None:
    document = synthesized()
    assert plan_connection(document, "dc").placeholders == ("<CLOUD_GATEWAY_IP>", "<PRE_SHARED_KEY>")
    (tunnel,) = plan_connection(document, "dc", literal_psks=True).tunnels
    assert tunnel.psk is not None and tunnel.psk.reveal() == KEY


def test_asking_for_a_key_that_is_nowhere_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = Site(App(outdir=tmp_path))
    site.connect("dc")  # the key is a variable: only Terraform (and later its state) knows it
    site.app.synth()
    code, out, err = cli(tmp_path, capsys, "--psk-from-state")
    assert (code, out) == (1, "")
    assert "--psk-from-state" in err and "not deployed" in err and "--psk-from-env" in err
