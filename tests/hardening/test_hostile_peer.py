"""Issue 22, device configurations: a hostile identity, key or name never becomes a device command.

Every value the peer layer writes is an IP address, a CIDR block, an FQDN or an object name of letters, digits,
``-`` and ``_`` (all bare words in every format), or a key, quoted where the format quotes and refused where it
cannot carry a character. Hypothesis throws hostile text at each surface (the constructs, a stack written by
another tool, a plan changed by hand, the environment): each value is either refused with the project's error
or written exactly, on the line it belongs to, with no line or statement added.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import re
import string
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constructs_vpn.core import ValidationError
from constructs_vpn.peer import FORMATS, PeerPlan, Secret, plan_connection, render
from constructs_vpn.vpn import IkeConfig, console
from tests.peer import test_negotiation
from tests.peer.lab import Lab, require_lab
from tests.peer.test_probes import BGP, cli, connection_body, connection_state, synthesized, write_state
from tests.tooling import require_executable
from tests.vpn.conftest import Site

ISSUE_IDENTITY = "fe80::1%x;}}}system{services{telnet;}}}#"
#: Characters that end a word, a statement, a block, a line or a string in one device syntax or another.
HOSTILE = ";{}\"'\\\n\r#! %$`/?*<>|\t\x00\u2028\u00e9\u0131"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

hostile_text = st.text(alphabet=st.sampled_from(HOSTILE + string.ascii_letters + string.digits + ".-:_@"), max_size=40)
scoped_ipv6 = st.builds(lambda address, zone: f"{address}%{zone}", st.ip_addresses(v=6).map(str), hostile_text)
fqdn_with_hostile = st.builds(lambda head, bad, tail: f"{head}{bad}{tail}", st.from_regex(r"[a-z]{1,8}\.", fullmatch=True),
                              st.sampled_from(HOSTILE + "_@:"), st.from_regex(r"[a-z]{0,8}(\.com)?", fullmatch=True))  # fmt: skip
identities = st.one_of(hostile_text, scoped_ipv6, fqdn_with_hostile, st.just(ISSUE_IDENTITY))
#: Keys of the console's alphabet, often with template marks, plus characters outside it.
keys = st.one_of(
    st.text(alphabet=st.sampled_from(sorted(console.PSK_ALPHABET)), min_size=1, max_size=30),
    st.builds(lambda a, b: f"{a}${{{b}}}%{{{a}}}", st.from_regex(r"[A-Za-z0-9]{1,6}", fullmatch=True), hostile_text),
    st.builds(
        lambda mark, body: f"{mark}{body}{mark}", st.sampled_from(["%^%#", "%@%@", "%#%#"]), st.text("ab1?", max_size=4)
    ),
    hostile_text.filter(bool),
)


def refusal(error: ValidationError) -> None:
    """A refusal is the project's error with a rule and a fix for every problem (the CLI prints it as one line)."""
    assert error.problems and all(p.rule and p.fix for p in error.problems), error


def written_identity(text: str) -> str:
    """An identity as the constructs normalize it (an IP address as ``ipaddress`` writes it)."""
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return text


def is_plain_identity(text: str) -> bool:
    """What every device format takes as a bare word: an IP address without a zone, or DNS labels with dots."""
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return bool(re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.?", text)) and len(text) <= 100
    return "%" not in text


# ---------------------------------------------------------------------------------------------------------------------
# The constructs refuse identities no device can take


def test_the_identity_of_the_issue_is_refused_by_the_construct() -> None:
    with pytest.raises(ValidationError) as caught:
        IkeConfig(local_id=ISSUE_IDENTITY)
    (problem,) = caught.value.problems
    assert (problem.field, problem.rule) == ("local_id", "ike-identity-zone")
    assert "without its %zone" in problem.fix


@SETTINGS
@given(identities)
def test_an_identity_the_construct_takes_is_plain(text: str) -> None:
    try:
        config = IkeConfig(remote_id=text)
    except ValidationError as error:
        refusal(error)
        return
    assert config.remote_id is not None and is_plain_identity(config.remote_id), config.remote_id


def test_an_identity_is_at_most_100_characters() -> None:
    IkeConfig(local_id=("a" * 49 + ".") * 2)
    with pytest.raises(ValidationError) as caught:
        IkeConfig(local_id=("a" * 50 + ".") * 2)
    assert [p.rule for p in caught.value.problems] == ["ike-identity"]


# ---------------------------------------------------------------------------------------------------------------------
# What a sheet must look like when a value went in


@cache
def base_document() -> str:
    """The stack of tests/peer's probes with BGP (every format renders it), as JSON: each example copies it."""
    return json.dumps(synthesized(bgp=BGP))


def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(base_document())
    return loaded


def base_plan(*, bgp: bool = True) -> PeerPlan:
    """The BGP connection, or (``bgp=False``) the same with protected data flows, where subnets are written."""
    given = document()
    if not bgp:
        body = connection_body(given)
        body["bgp_config"] = [{"enable": False}]
        body["local_subnet"], body["remote_subnet"] = "10.20.0.0/16", "192.168.1.0/24,192.168.2.0/24"
    return plan_connection(given, "dc", gateway_ips=["47.0.0.1"], psks=["Base-Key-1"])


def sheets(plan: PeerPlan) -> dict[str, str]:
    """Every format that renders ``plan`` (FRR only BGP plans), by name."""
    return {format: text for format in FORMATS if (text := render_or_refuse(plan, format)) is not None}


#: The command that carries the key in each format, and whether the format quotes it there.
KEY_COMMAND = {
    "swanctl": (r"\s*secret = (.*)", True),
    "junos": (r"\s*pre-shared-key ascii-text (.*);", True),
    "fortigate": (r"\s*set psksecret (.*)", True),
    "panos": (r".* authentication pre-shared-key key (.*)", True),
    "vyos": (r"\s*secret (.*)", True),
    "cisco": (r"\s*pre-shared-key (\S+)", False),
    "huawei": (r"\s*pre-shared-key cipher (\S+)", False),
}
#: A double-quoted string with backslash escapes: swanctl (strongswan.conf(5)), Junos, FortiOS, PAN-OS, VyOS.
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def written_keys(format: str, text: str) -> list[str]:
    """Every key the sheet ``text`` carries, read back as its device reads it."""
    if format == "frr":
        return []
    if format == "json":
        config = json.loads(text)["VpnConnectionConfig"]
        return [config["IkeConfig"]["Psk"]] if "IkeConfig" in config else []
    command, quotes = KEY_COMMAND[format]
    found = []
    for line in text.splitlines():
        match = re.fullmatch(command, line)
        if match is None:
            continue
        value = match.group(1)
        if quotes:
            quoted = QUOTED.fullmatch(value)
            assert quoted is not None, line  # one string, nothing after it
            value = re.sub(r"\\(.)", r"\1", quoted.group(1))
        found.append(value)
    return found


#: Junos tokens: a string, a comment, a brace or semicolon, a word; anything else (a lone quote) is an error.
JUNOS_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|/\*.*?\*/|[{};]|[^\s{};"]+|\s+|.', re.DOTALL)


def junos_statements(text: str) -> int:
    """How many statements (``;`` and ``{``) a Junos sheet holds; its strings, comments and braces must close."""
    depth = statements = 0
    for token in (match.group() for match in JUNOS_TOKEN.finditer(text)):
        assert token != '"' and not (token.startswith("/*") and not token.endswith("*/")), token
        assert "/*" not in token or token.startswith(("/*", '"')), token
        depth += {"{": 1, "}": -1}.get(token, 0)
        statements += token in ("{", ";")
        assert depth >= 0
    assert depth == 0
    return statements


def assert_same_shape(format: str, clean: str, text: str) -> None:
    """``text`` has the lines (and for Junos the statements) of the sheet ``clean``: no value added one."""
    assert len(text.splitlines()) == len(clean.splitlines())
    assert not re.search(r"[\r\x00\u2028\u2029\x85\x0b\x0c]", text)
    if format == "junos":
        assert junos_statements(text) == junos_statements(clean)


def render_or_refuse(plan: PeerPlan, format: str) -> str | None:
    try:
        return render(plan, format)
    except ValidationError as error:
        refusal(error)
        return None


# ---------------------------------------------------------------------------------------------------------------------
# A stack written by another tool (or tampered with) holds the hostile value


def test_the_identity_of_the_issue_in_a_stack_is_refused() -> None:
    tampered = document()
    connection_body(tampered)["ike_config"]["remote_id"] = ISSUE_IDENTITY
    with pytest.raises(ValidationError) as caught:
        plan_connection(tampered, "dc")
    assert [(p.field, p.rule) for p in caught.value.problems] == [("ike_config.remote_id", "ike-identity-zone")]


@SETTINGS
@given(identity=identities, side=st.sampled_from(["local_id", "remote_id"]))
def test_an_identity_in_a_stack_is_refused_or_written_as_it_is(identity: str, side: str) -> None:
    tampered = document()
    connection_body(tampered)["ike_config"][side] = identity
    try:
        plan = plan_connection(tampered, "dc", gateway_ips=["47.0.0.1"], psks=["Base-Key-1"])
    except ValidationError as error:
        refusal(error)
        return
    written = written_identity(identity)
    for format, before in sheets(base_plan()).items():
        text = render_or_refuse(plan, format)
        if text is not None:
            assert_same_shape(format, before, text)
            assert written in text or format == "frr"


@SETTINGS
@given(name=hostile_text)
def test_a_connection_name_stays_in_its_comment(name: str) -> None:
    tampered = document()
    connection_body(tampered)["vpn_attachment_name"] = name or "x"
    plan = plan_connection(tampered, "dc", gateway_ips=["47.0.0.1"], psks=["Base-Key-1"])
    for format, before in sheets(base_plan()).items():
        assert_same_shape(format, before, render(plan, format))


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(hostile_text.filter(bool), min_size=3, max_size=5))
def test_frr_reads_every_sheet_of_hostile_names(tmp_path_factory: pytest.TempPathFactory, names: list[str]) -> None:
    """FRR's own parser (``vtysh --dryrun``) takes the sheet of each hostile name: no command was added, none cut."""
    vtysh = require_executable("vtysh", "install FRR (.ci/install-lab.sh)")
    folder = tmp_path_factory.mktemp("frr")
    for index, name in enumerate(names):
        tampered = document()
        connection_body(tampered)["vpn_attachment_name"] = name
        text = render(plan_connection(tampered, "dc", gateway_ips=["47.0.0.1"], announce=["10.20.0.0/16"]), "frr")
        conf = folder / f"{index}.conf"
        conf.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [vtysh, "--dryrun", "-f", str(conf)], capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 0, f"{name!r}: {done.stdout}{done.stderr}"


# ---------------------------------------------------------------------------------------------------------------------
# A plan changed by hand (the classes are public) is held to the same rules before anything is written

#: The plan's text fields a hostile value goes into; the subnets are tuples, the hostile one among good ones.
FIELDS = ("local_id", "remote_id", "local_address", "remote_address", "name", "ike_mode", "ipsec_pfs")
SUBNET_FIELDS = ("local_subnets", "remote_subnets")


def changed(plan: PeerPlan, **values: Any) -> PeerPlan:
    (tunnel,) = plan.tunnels
    return dataclasses.replace(plan, tunnels=(dataclasses.replace(tunnel, **values),))


def test_the_identity_of_the_issue_in_a_plan_is_refused_by_every_format() -> None:
    plan = changed(base_plan(), local_id=ISSUE_IDENTITY)
    for format in FORMATS:
        with pytest.raises(ValidationError) as caught:
            render(plan, format)
        assert ("local_id", "ike-identity-zone") in [(p.field, p.rule) for p in caught.value.problems]


@SETTINGS
@given(field=st.sampled_from(FIELDS + SUBNET_FIELDS), text=st.one_of(identities, hostile_text), bgp=st.booleans())
def test_a_hostile_value_in_a_plan_is_refused_or_written_as_it_is(field: str, text: str, bgp: bool) -> None:
    clean = base_plan(bgp=bgp)
    plan = changed(clean, **{field: ("10.9.0.0/16", text) if field in SUBNET_FIELDS else text})
    (tunnel,) = clean.tunnels
    original = getattr(tunnel, field)
    for format, before in sheets(clean).items():
        written = render_or_refuse(plan, format)
        if written is not None:
            assert_same_shape(format, before, written)
            shown = (original[-1] if field in SUBNET_FIELDS else original) in before  # the format writes it
            assert not shown or text in written


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"local_ip": "169.254.10.2;}"}, "bgp.local_ip"),
        ({"peer_ip": "169.254.10.1\nneighbor 1.2.3.4"}, "bgp.local_bgp_ip"),
        ({"tunnel_cidr": "169.254.10.0/30 }"}, "bgp.tunnel_cidr"),
        ({"peer_asn": "45104\nevil"}, "bgp.peer_asn"),
        ({"local_asn": "65010;"}, "bgp.local_asn"),
    ],
)
def test_a_hostile_bgp_value_in_a_plan_is_refused(change: dict[str, Any], field: str) -> None:
    plan = base_plan()
    (tunnel,) = plan.tunnels
    assert tunnel.bgp is not None
    hostile = changed(plan, bgp=dataclasses.replace(tunnel.bgp, **change))
    for format in FORMATS:
        with pytest.raises(ValidationError) as caught:
            render(hostile, format)
        assert field in [p.field for p in caught.value.problems], format


def test_a_hostile_placeholder_or_announced_network_in_a_plan_is_refused() -> None:
    for hostile in (
        dataclasses.replace(base_plan(), placeholders=("<PRE_SHARED_KEY>\nrouter bgp 1",)),
        dataclasses.replace(base_plan(), announce=("10.20.0.0/16\n network 0.0.0.0/0",)),
    ):
        for format in FORMATS:
            with pytest.raises(ValidationError) as caught:
                render(hostile, format)
            refusal(caught.value)


# ---------------------------------------------------------------------------------------------------------------------
# Keys: quoted where the format quotes, refused where it cannot carry a character, never a template

CLI_HELP_FORMATS = {"cisco", "huawei", "fortigate", "panos"}
#: Huawei AR product documentation, "Security Conventions": a plain-text password that starts and ends with one of
#: these is taken as cipher text the device decrypts.
HUAWEI_CIPHER_MARKS = ("%@%@", "@%@%", "%#%#", "%^%#")


def in_alphabet(key: str) -> bool:
    return 1 <= len(key) <= console.PSK_MAX_LENGTH and set(key) <= console.PSK_ALPHABET


@SETTINGS
@given(key=keys)
def test_a_key_is_written_exactly_or_refused_with_the_format_and_character(key: str) -> None:
    """Through the plan (a key from the environment or state) and through a plan changed by hand."""
    try:
        from_plan: PeerPlan | None = plan_connection(document(), "dc", gateway_ips=["47.0.0.1"], psks=[key])
    except ValidationError as error:
        refusal(error)
        assert not in_alphabet(key)
        from_plan = None
    clean = base_plan()
    for plan in filter(None, (from_plan, changed(clean, psk=Secret(key)))):
        for format, before in sheets(clean).items():
            try:
                text = render(plan, format)
            except ValidationError as error:
                assert not in_alphabet(key) or cannot_carry(format, key), format
                if in_alphabet(key):
                    assert {p.rule for p in error.problems} == {"peer-format-key"}
                    assert all(format_vendor(format) in p.message for p in error.problems)
                continue
            assert in_alphabet(key) and not cannot_carry(format, key)
            assert_same_shape(format, before, text)
            assert written_keys(format, text) == ([] if format == "frr" else [key]), format


def cannot_carry(format: str, key: str) -> bool:
    """A key of the console's alphabet a format cannot carry: '?' (help on the CLIs); on Cisco IOS a key that
    is a keyword there (an encryption type, or ``local``/``remote`` abbreviated); on Huawei VRP one shaped like
    its cipher text."""
    keyword = key in ("0", "6") or any(word.startswith(key) for word in ("local", "remote"))
    cipher = any(key.startswith(mark) and key.endswith(mark) for mark in HUAWEI_CIPHER_MARKS)
    return ("?" in key and format in CLI_HELP_FORMATS) or (format, True) in (("cisco", keyword), ("huawei", cipher))


def format_vendor(format: str) -> str:
    return {"cisco": "Cisco IOS", "huawei": "Huawei VRP", "fortigate": "FortiGate", "panos": "PAN-OS"}[format]


def test_a_template_key_from_the_environment_is_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A variable's value is not a template: Terraform sends ``${x}%{y}`` as it is, so the device gets that."""
    key = "Env-${x}%{y}"
    synthesized(tmp_path, psk=Site().psk)
    monkeypatch.setenv("DEVICE_PSK", key)
    code, out, err = cli(tmp_path, capsys, "--psk-from-env", "DEVICE_PSK")
    assert code == 0, err
    assert written_keys("swanctl", out) == [key]
    assert 'secret = "Env-${x}%{y}"' in out
    assert out.count(key) == 1 and key not in err


def test_a_template_key_from_state_is_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = "State-${x}%{y}"
    built = synthesized(tmp_path, psk=Site().psk)
    attributes = {"ike_config": [{"local_id": "47.0.0.7", "psk": key}]}
    state = write_state(tmp_path / "single.tfstate", [connection_state(built, attributes)])
    code, out, err = cli(tmp_path, capsys, "--state", str(state), "--psk-from-state", "--format", "junos")
    assert code == 0, err
    assert written_keys("junos", out) == [key] and out.count(key) == 1 and key not in err


def test_a_literal_template_key_is_still_refused_by_the_construct() -> None:
    """Only a key written in the construct is a template to Terraform: that one keeps the rule."""
    with pytest.raises(ValidationError) as caught:
        synthesized(psk="Lit-${x}")
    assert "psk-template-text" in {p.rule for p in caught.value.problems}
    tampered = document()
    connection_body(tampered)["ike_config"]["psk"] = "Lit-$${x}"
    with pytest.raises(ValidationError) as caught:
        plan_connection(tampered, "dc", literal_psks=True)
    assert [p.rule for p in caught.value.problems] == ["psk-template-text"]


@pytest.mark.parametrize("format", sorted(CLI_HELP_FORMATS))
def test_a_question_mark_is_refused_where_the_cli_asks_for_help(format: str) -> None:
    plan = plan_connection(document(), "dc", gateway_ips=["47.0.0.1"], psks=["Why?Key-1"])
    with pytest.raises(ValidationError) as caught:
        render(plan, format)
    (problem,) = caught.value.problems
    assert (problem.field, problem.rule) == ("psk", "peer-format-key")
    assert (
        format_vendor(format) in problem.message and "'?'" in problem.message and "Why?Key-1" not in str(caught.value)
    )
    for other in sorted(set(FORMATS) - CLI_HELP_FORMATS - {"frr"}):
        assert written_keys(other, render(plan, other)) == ["Why?Key-1"]


def test_an_ipv6_identity_has_the_ipv6_type_on_junos() -> None:
    """Junos keeps ``inet`` and ``inet6`` apart: an IPv6 identity written as ``inet`` is refused by the device."""
    text = render(changed(base_plan(), local_id="2001:db8::1", remote_id="203.0.113.77"), "junos")
    assert "local-identity inet6 2001:db8::1;" in text and "remote-identity inet 203.0.113.77;" in text


def test_the_cli_refuses_a_key_a_format_cannot_carry_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    synthesized(tmp_path, psk=Site().psk)
    monkeypatch.setenv("DEVICE_PSK", "Why?Key-2")
    code, out, err = cli(tmp_path, capsys, "--psk-from-env", "DEVICE_PSK", "--format", "cisco")
    assert (code, out) == (1, "")
    assert err.startswith("error:") and "peer-format-key" in err and "Cisco IOS" in err and "Why?Key-2" not in err


@pytest.mark.parametrize("key", ["0", "6", "l", "loc", "local", "re", "remote"])
def test_a_key_cisco_reads_as_a_keyword_is_refused(key: str) -> None:
    """IOS takes ``pre-shared-key 6`` as the encryption type and ``pre-shared-key loc`` as ``local``: the key
    on the device would be another, or none."""
    plan = plan_connection(document(), "dc", gateway_ips=["47.0.0.1"], psks=[key])
    with pytest.raises(ValidationError) as caught:
        render(plan, "cisco")
    assert [(p.field, p.rule) for p in caught.value.problems] == [("psk", "peer-format-key")]
    assert written_keys("cisco", render(changed(plan, psk=Secret(f"{key}x7")), "cisco")) == [f"{key}x7"]


def test_a_key_of_every_special_character_and_template_marks_negotiates() -> None:
    """strongSwan reads the key back: the device's swanctl.conf (a key as from the environment, every special
    character of the console's alphabet and ``${``/``%{``) against a cloud side written apart from the product
    (tests/peer/cloud_side.py) with the same key. A key quoted wrongly would fail authentication."""
    require_lab()
    key = "Sent-${x}%{y}" + console.PSK_SPECIAL_CHARACTERS
    with Lab() as lab:
        device, cloud = test_negotiation.negotiate(lab, test_negotiation.synthesized(), device_psk=key, cloud_psk=key)
        assert (device.state, cloud.state) == ("ESTABLISHED", "ESTABLISHED")


@pytest.mark.parametrize("key", ["%^%#Qk1%^%#", "%@%@x%@%@", "@%@%@%@%", "%#%#%#%#"])
def test_a_key_huawei_reads_as_its_cipher_text_is_refused(key: str) -> None:
    """VRP decrypts a password shaped like its cipher text instead of taking it: the device would hold another."""
    plan = plan_connection(document(), "dc", gateway_ips=["47.0.0.1"], psks=[key])
    with pytest.raises(ValidationError) as caught:
        render(plan, "huawei")
    assert [(p.field, p.rule) for p in caught.value.problems] == [("psk", "peer-format-key")]
    assert "Huawei VRP" in caught.value.problems[0].message and key not in str(caught.value)
    assert written_keys("huawei", render(changed(plan, psk=Secret(f"x{key}")), "huawei")) == [f"x{key}"]
