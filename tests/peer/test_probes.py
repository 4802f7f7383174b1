"""The held-out probes of issue 15: no key that was not asked for, the key Terraform sends, no injection through
names, identities or addresses, strict ``--gateway-ip``, state after destroy, JSON from other tools, customer
gateways by id. Every error is a ``ValidationError`` (a clean CLI message), never a traceback."""

from __future__ import annotations

import copy
import json
import random
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from constructs_vpn.cli.main import main
from constructs_vpn.core import App, ValidationError
from constructs_vpn.core.testing import Testing
from constructs_vpn.peer import FORMATS, plan_connection, render
from constructs_vpn.peer.plan import template_literal
from constructs_vpn.vpn import IpsecConnection
from tests.tooling import require_executable
from tests.vpn.conftest import Site

KEY = "Literal-Key~1"
BGP = {"tunnel_cidr": "169.254.10.0/30", "local_bgp_ip": "169.254.10.1"}
CONNECTION = "alicloud_vpn_gateway_vpn_attachment"


def synthesized(outdir: Path | None = None, *, dual: bool = False, **options: Any) -> dict[str, Any]:
    """Stack "net" with connection "dc" (a literal key unless ``psk`` is given; single-tunnel unless ``dual``),
    written to ``outdir`` if given."""
    site = Site(App(outdir=outdir) if outdir else Testing.app())
    options.setdefault("psk", KEY)
    if dual:
        psk = options.pop("psk")
        tunnel = {"customer_gateway": site.cgw, "psk": psk}
        IpsecConnection(site.stack, "dc", transit_router=site.tr, tunnels=[tunnel, tunnel], **options)
    else:
        site.connect("dc", **{"tunnel_mode": "single", **options})
    if outdir is not None:
        site.app.synth()
        loaded: dict[str, Any] = json.loads((outdir / "stacks/net/cdk.tf.json").read_text())
        return loaded
    return site.app.synthesize().documents["net"]


def cli(outdir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["peer-config", "--dir", str(outdir), "--stack", "net", "--connection", "dc", *args])
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
    synthesized(tmp_path, bgp=BGP)
    code, out, err = cli(tmp_path, capsys, "--format", format, "--gateway-ip", "47.0.0.1")
    assert code == 0, err
    assert KEY not in out + err and ("<PRE_SHARED_KEY>" in out or format == "frr")
    code, out, err = cli(tmp_path, capsys, "--format", format, "--gateway-ip", "47.0.0.1", "--psk-from-state")
    assert code == 0, err
    assert (KEY in out) is (format != "frr")  # not deployed yet: the literal written in the stack (frr: no key)
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


# ---------------------------------------------------------------------------------------------------------------------
# The key on the device is the key Terraform sends

TEMPLATE_KEY = "K%{x}${y}$${z}%%{w}"


def terraform_string(tmp_path: Path, json_string: str) -> str:
    """What Terraform makes of a string of a ``.tf.json`` file (templates evaluated, escapes undone)."""
    terraform = require_executable("terraform", "install Terraform 1.11")
    (tmp_path / "main.tf.json").write_text(json.dumps({"locals": {"k": json_string}}))
    done = subprocess.run(
        [terraform, "console"], input="local.k\n", cwd=tmp_path, capture_output=True, text=True, check=True
    )
    value: str = json.loads(done.stdout)
    return value


def test_a_key_terraform_reads_as_template_text_is_refused_not_mangled(tmp_path: Path) -> None:
    """The constructs refuse ``${``/``%{`` in a literal key (rule psk-template-text). A stack written by another
    tool may hold one escaped: the plan reads it as Terraform does and then refuses it with the same rule, so the
    device never gets a key that differs from the one Terraform sends (it was ``%%{`` on the device)."""
    document = synthesized()
    written = TEMPLATE_KEY.replace("${", "$${").replace("%{", "%%{")  # as App(escape_raw_expressions=True) writes it
    assert terraform_string(tmp_path, written) == TEMPLATE_KEY
    connection_body(document)["ike_config"]["psk"] = written
    with pytest.raises(ValidationError) as caught:
        plan_connection(document, "dc", literal_psks=True)
    assert [p.rule for p in caught.value.problems] == ["psk-template-text"]
    assert TEMPLATE_KEY not in str(caught.value) and written not in str(caught.value)


def test_a_key_terraform_computes_is_not_literal() -> None:
    document = synthesized()
    body = connection_body(document)
    body["ike_config"]["psk"] = "pre-${var.x}"
    assert plan_connection(document, "dc", literal_psks=True).placeholders[-1] == "<PRE_SHARED_KEY>"


def test_literal_strings_read_as_terraform_reads_them(tmp_path: Path) -> None:
    """Many strings of ``$``, ``%`` and braces at once: each the plan takes as literal, Terraform reads the same."""
    chance = random.Random(15)
    strings = ["".join(chance.choice("$%{}a") for _ in range(chance.randint(1, 12))) for _ in range(400)]
    literal = {s: read for s in strings if (read := template_literal(s)) is not None}
    assert len(literal) > 100
    terraform = require_executable("terraform", "install Terraform 1.11")
    (tmp_path / "main.tf.json").write_text(json.dumps({"locals": {"k": list(literal)}}))
    done = subprocess.run(
        [terraform, "console"], input="jsonencode(local.k)\n", cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert json.loads(json.loads(done.stdout)) == list(literal.values())


# ---------------------------------------------------------------------------------------------------------------------
# Nothing from the document, the options or the environment can break out of a comment or the config structure

EVIL = "\nconnections { evil { remote_addrs = 0.0.0.0 } }\n! evil\u2028evil\r# evil */ evil {"


def foreign(document: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """``document`` as another tool (or a tampered file) might write it: ``changes`` applied to the connection."""
    changed = copy.deepcopy(document)
    body = connection_body(changed)
    for path, value in changes.items():
        *parents, last = path.split("__")
        target = body
        for parent in parents:
            target = target[parent]
        target[last] = value
    return changed


@pytest.mark.parametrize("format", sorted(FORMATS))
def test_names_cannot_break_out_of_comments(format: str) -> None:
    document = synthesized(bgp=BGP)
    clean = render(plan_connection(document, "dc"), format)
    tampered = foreign(document, **{"vpn_attachment_name": f"dc{EVIL}", "//__metadata__path": f"net/dc{EVIL}"})
    plan = plan_connection(tampered, f"net/dc{EVIL}")
    text = render(plan, format)
    assert len(text.splitlines()) == len(clean.splitlines())  # no line added: every name stayed on its line
    assert not any(ch in text for ch in "\r\u2028")
    for line in text.splitlines():  # outside comments, a name is one word of letters, digits, - and _
        if line.lstrip().startswith("/*"):  # a Junos comment: it must end where the line does
            assert line.count("*/") == 1 and line.endswith("*/"), line
        elif not line.lstrip().startswith(("#", "!")):
            assert all(re.fullmatch(r"[A-Za-z0-9_-]+;?", word) for word in line.split() if "evil" in word), line


@pytest.mark.parametrize(
    ("changes", "field", "rule"),
    [
        ({"ike_config__remote_id": "dc.example.com\n  evil"}, "ike_config.remote_id", "ike-identity"),
        ({"ike_config__local_id": "1.2.3.4 } connections {"}, "ike_config.local_id", "ike-identity"),
        ({"remote_subnet": "10.20.0.0/24,10.30.0.0/24 }"}, "remote_subnet", "cidr"),
        ({"ike_config__ike_enc_alg": "aes128\n  evil"}, "ike_config.ike_enc_alg", "enum"),
        ({"ipsec_config__ipsec_lifetime": "3600s"}, "ipsec_config.ipsec_lifetime", "type"),
        ({"enable_dpd": "yes"}, "enable_dpd", "type"),
    ],
)
def test_values_of_the_document_are_checked(changes: dict[str, Any], field: str, rule: str) -> None:
    with pytest.raises(ValidationError) as caught:
        plan_connection(foreign(synthesized(), **changes), "dc")
    assert (field, rule) in problems(caught)


def test_the_customer_gateway_address_is_checked() -> None:
    document = synthesized()
    (gateway,) = document["resource"]["alicloud_vpn_customer_gateway"].values()
    gateway["ip_address"] = "203.0.113.10\nevil"
    with pytest.raises(ValidationError) as caught:
        plan_connection(document, "dc")
    assert ("customer_gateway_id.ip_address", "ipv4-address") in problems(caught)


@pytest.mark.parametrize("address", ["999.1.1.1", "1.2.3.4 } connections { evil {", "47.0.0.1\n", "", "::1"])
def test_gateway_ip_must_be_an_ipv4_address(tmp_path: Path, capsys: pytest.CaptureFixture[str], address: str) -> None:
    synthesized(tmp_path)
    code, out, err = cli(tmp_path, capsys, "--gateway-ip", address)
    assert (code, out) == (1, "")
    assert "--gateway-ip" in err and "ipv4-address" in err and "\n" not in err.rstrip("\n")


def test_a_gateway_ip_count_mismatch_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    synthesized(tmp_path, dual=True)
    code, out, err = cli(tmp_path, capsys, "--gateway-ip", "47.0.0.1", "--gateway-ip", "47.0.0.2")
    assert code == 0, err
    for given in (["47.0.0.1"], ["47.0.0.1", "47.0.0.2", "47.0.0.3"]):
        code, out, err = cli(tmp_path, capsys, *(arg for ip in given for arg in ("--gateway-ip", ip)))
        assert (code, out) == (1, "")
        assert f"{len(given)} values for 2 tunnel(s)" in err and "peer-tunnel-count" in err
    with pytest.raises(ValidationError) as caught:
        plan_connection(synthesized(dual=True), "dc", psks=["One-Key-1", "Two-Key-2", "Three-Key-3"])
    assert ("psk", "peer-tunnel-count") in problems(caught)


@pytest.mark.parametrize("key", ["has space", "new\nline", "x" * 101, 'quote"', "tab\tkey"])
def test_a_key_from_the_environment_follows_the_key_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    synthesized(tmp_path)
    monkeypatch.setenv("DEVICE_PSK", key)
    code, out, err = cli(tmp_path, capsys, "--psk-from-env", "DEVICE_PSK")
    assert (code, out) == (1, "")
    assert "psk-format" in err and key not in err


# ---------------------------------------------------------------------------------------------------------------------
# Terraform state: after destroy or a partial apply, and single-tunnel gateway addresses


def write_state(path: Path, resources: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"version": 4, "resources": resources}))
    return path


def connection_state(document: dict[str, Any], attributes: dict[str, Any]) -> dict[str, Any]:
    (name,) = document["resource"][CONNECTION]
    return {"mode": "managed", "type": CONNECTION, "name": name, "instances": [{"attributes": attributes}]}


def test_state_without_the_connection_is_fine_with_every_gateway_ip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    synthesized(tmp_path, dual=True)
    destroyed = write_state(tmp_path / "destroyed.tfstate", [])
    partial = write_state(tmp_path / "partial.tfstate", [{"mode": "managed", "type": "alicloud_cen_instance",
                                                          "name": "cen", "instances": []}])  # fmt: skip
    for state in (destroyed, partial):
        given = ("--gateway-ip", "47.0.0.1", "--gateway-ip", "47.0.0.2")
        code, out, err = cli(tmp_path, capsys, "--state", str(state), *given)
        assert code == 0, err
        assert "remote_addrs = 47.0.0.1" in out and "remote_addrs = 47.0.0.2" in out
        assert "destroyed, or not applied yet" in err
        code, out, err = cli(tmp_path, capsys, "--state", str(state))
        assert code == 0, err
        assert "remote_addrs = <CLOUD_GATEWAY_IP>" in out


def test_a_single_tunnel_gateway_address_is_read_from_state(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = synthesized(tmp_path, psk=Site().psk)
    # The API writes the gateway's address as LocalId when the stack sets none (its documented default).
    attributes = {"ike_config": [{"local_id": "47.0.0.7", "psk": "State-Key-7"}]}
    state = write_state(tmp_path / "single.tfstate", [connection_state(document, attributes)])
    code, out, err = cli(tmp_path, capsys, "--state", str(state))
    assert code == 0, err
    assert "remote_addrs = 47.0.0.7" in out and "State-Key-7" not in out
    code, out, err = cli(tmp_path, capsys, "--state", str(state), "--psk-from-state")
    assert 'secret = "State-Key-7"' in out


def test_a_set_local_id_is_not_taken_for_the_gateway_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = synthesized(tmp_path, ike_config={"local_id": "47.0.0.99"})
    state = write_state(
        tmp_path / "single.tfstate", [connection_state(document, {"ike_config": [{"local_id": "47.0.0.99"}]})]
    )
    code, out, err = cli(tmp_path, capsys, "--state", str(state))
    assert code == 0, err
    assert "remote_addrs = <CLOUD_GATEWAY_IP>" in out and "id = 47.0.0.99" in out


def test_asking_for_keys_of_a_destroyed_connection_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = Site(App(outdir=tmp_path))
    site.connect("dc", tunnel_mode="single")
    site.app.synth()
    state = write_state(tmp_path / "destroyed.tfstate", [])
    code, out, err = cli(tmp_path, capsys, "--state", str(state), "--gateway-ip", "47.0.0.1", "--psk-from-state")
    assert (code, out) == (1, "")
    assert "no key in state" in err


def test_unreadable_state_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    synthesized(tmp_path)
    state = tmp_path / "bad.tfstate"
    for text, expected in (("{not json", 1), ('["a list"]', 0), ('{"resources": [1, {"type": null}]}', 0)):
        state.write_text(text)
        code, _, err = cli(tmp_path, capsys, "--state", str(state), "--gateway-ip", "47.0.0.1")
        assert code == expected, err
        assert ("cannot read Terraform state" if code else "not applied yet") in err


# ---------------------------------------------------------------------------------------------------------------------
# JSON from other tools: nothing guessed; customer gateways by id, from another stack, through a local


def test_values_left_to_the_api_are_refused_not_guessed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = synthesized()
    body = connection_body(document)
    del body["ike_config"]["ike_enc_alg"], body["ipsec_config"]["ipsec_lifetime"], body["enable_dpd"]
    body["ike_config"]["ike_auth_alg"] = "${var.auth}"
    body["ike_config"]["local_id"] = "${var.cloud_id}"
    plan = plan_connection(document, "dc")  # the plan says so (a diagram can still show the connection) ...
    (tunnel,) = plan.tunnels
    assert set(tunnel.unknown) == {"ike_config.ike_enc_alg", "ike_config.ike_auth_alg", "ike_config.local_id",
                                   "ipsec_config.ipsec_lifetime", "enable_dpd"}  # fmt: skip
    for format in FORMATS:  # ... and no device configuration is written from a guess
        with pytest.raises(ValidationError) as caught:
            render(plan, format)
        assert {rule for _, rule in problems(caught)} == {"peer-value-unknown"}
        assert len(caught.value.problems) == 5


def test_generic_resources_are_refused_by_the_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from stacks import build_app

    build_app(App(outdir=tmp_path)).synth()
    code = main(["peer-config", "-o", str(tmp_path), "--stack", "generic-site", "--connection", "dc1-vpn"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "ike_config.ike_enc_alg: not set in the stack" in err and "peer-value-unknown" in err


@pytest.mark.parametrize(
    "reference",
    ["cgw-bp1example0000000000", "${data.terraform_remote_state.network.outputs.cgw_id}", "${var.cgw_id}"],
)
def test_a_customer_gateway_the_stack_does_not_declare(reference: str) -> None:
    document = foreign(synthesized(), customer_gateway_id=reference)
    plan = plan_connection(document, "dc", gateway_ips=["47.0.0.1"])
    assert plan.placeholders == ("<DEVICE_IP>", "<PRE_SHARED_KEY>")
    conf = render(plan, "swanctl")
    assert "local_addrs = <DEVICE_IP>" in conf and "id-1 = <DEVICE_IP>" in conf
    (tunnel,) = plan_connection(document, "dc", gateway_ips=["47.0.0.1"], device_ips=["198.51.100.9"]).tunnels
    assert (tunnel.local_address, tunnel.local_id) == ("198.51.100.9", "198.51.100.9")


def test_a_customer_gateway_given_by_id_in_the_construct(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    synthesized(tmp_path, customer_gateway="cgw-bp1example0000000000")
    code, out, err = cli(tmp_path, capsys, "--gateway-ip", "47.0.0.1", "--device-ip", "198.51.100.9")
    assert code == 0, err
    assert "local_addrs = 198.51.100.9" in out and "remote_addrs = 47.0.0.1" in out


def test_a_customer_gateway_through_a_local() -> None:
    document = synthesized()
    reference = connection_body(document)["customer_gateway_id"]
    document["locals"] = {"gateway": "${local.chosen}", "chosen": reference}
    (tunnel,) = plan_connection(foreign(document, customer_gateway_id="${local.gateway}"), "dc").tunnels
    assert tunnel.local_address == "203.0.113.10"


def test_a_customer_gateway_reference_must_exist() -> None:
    document = foreign(synthesized(), customer_gateway_id="${alicloud_vpn_customer_gateway.gone.id}")
    with pytest.raises(ValidationError) as caught:
        plan_connection(document, "dc")
    assert ("customer_gateway_id", "peer-customer-gateway") in problems(caught)


def test_a_device_ip_must_agree_with_the_stack() -> None:
    with pytest.raises(ValidationError) as caught:
        plan_connection(synthesized(), "dc", device_ips=["198.51.100.9"])
    assert ("--device-ip", "peer-device-ip") in problems(caught)


@pytest.mark.parametrize(("format", "identity"), [("cisco", "match identity remote address"), ("huawei", "remote-id")])
def test_an_address_placeholder_has_the_address_type(format: str, identity: str) -> None:
    """The placeholder is replaced by an address: the identity type around it must already be the address type."""
    document = synthesized()
    placeholder = render(plan_connection(document, "dc"), format)
    filled = render(plan_connection(document, "dc", gateway_ips=["47.0.0.1"]), format)
    header = "Fill in before use: <CLOUD_GATEWAY_IP>, "
    assert placeholder.replace(header, "Fill in before use: ").replace("<CLOUD_GATEWAY_IP>", "47.0.0.1") == filled
    assert f"{identity} <CLOUD_GATEWAY_IP>" in placeholder
