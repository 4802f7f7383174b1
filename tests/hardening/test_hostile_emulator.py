"""Hostile input to the alicloud emulator (issue #22): a local process that dials the plugin's socket, state
files that are not the emulator's, ids and fault rules chosen to break the parsers, mistyped paths."""

from __future__ import annotations

import base64
import contextlib
import json
import math
import os
import shutil
import socket
import sqlite3
import ssl
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.emulator.harness import require_emulator
from tests.tooling import REPO_DIR

require_emulator()

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402

from constructs_vpn.cli.main import main  # noqa: E402
from constructs_vpn.core.errors import ConstructsVpnError  # noqa: E402
from constructs_vpn.emulator import STATE_ENV, Store  # noqa: E402
from constructs_vpn.emulator._tf import grpc, pb, plugin_rpc  # noqa: E402
from constructs_vpn.emulator.faults import FAULTS_ENV, MAX_DELAY, parse_faults  # noqa: E402
from constructs_vpn.emulator.server import REATTACH_ENV  # noqa: E402
from constructs_vpn.emulator.store import APPLICATION_ID, Cloud, StateError  # noqa: E402
from constructs_vpn.emulator.tls import CLIENT_CERT_ENV, client_roots, server_identity  # noqa: E402

# --- the plugin's socket: go-plugin's automatic mutual TLS -------------------------------------------


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """A short private folder: the plugin's socket lies in the temp folder, and a unix socket's path holds at
    most 107 bytes, which pytest-xdist's own temporary paths nearly fill."""
    folder = Path(tempfile.mkdtemp(prefix="cv-", dir="/tmp"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _start(tmp_path: Path, **env: str) -> subprocess.Popen[str]:
    """The provider process as a launcher starts it, with ``env`` added to a clean environment."""
    base = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "TMPDIR": str(tmp_path), "PYTHONPATH": str(REPO_DIR)}
    return subprocess.Popen(
        [sys.executable, "-P", "-m", "constructs_vpn.emulator"],
        env={**base, STATE_ENV: str(tmp_path / "state.db"), **env},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def plugin(tmp_path: Path) -> Iterator[tuple[bytes, bytes, str, x509.Certificate]]:
    """A plugin started as Terraform starts it: (client key, client certificate, socket path, server
    certificate from the handshake line)."""
    key_pem, cert_pem = server_identity()
    process = _start(tmp_path, **{CLIENT_CERT_ENV: cert_pem.decode()})
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        version, protocol, network, address, kind, certificate = line.split("|")
        assert (version, protocol, network, kind) == ("1", "6", "unix", "grpc"), line
        der = base64.b64decode(certificate + "=" * (-len(certificate) % 4))
        yield key_pem, cert_pem, address, x509.load_der_x509_certificate(der)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _schema_call(address: str, server: x509.Certificate, client: tuple[bytes, bytes] | None) -> object:
    """The status of a GetProviderSchema call over TLS to ``address``, presenting ``client`` (key, cert)."""
    root = server.public_bytes(serialization.Encoding.PEM)
    key, chain = client if client is not None else (None, None)
    credentials = grpc.ssl_channel_credentials(root_certificates=root, private_key=key, certificate_chain=chain)
    options = [("grpc.ssl_target_name_override", "localhost")]
    with grpc.secure_channel(f"unix://{address}", credentials, options=options) as channel:
        try:
            response = plugin_rpc.ProviderStub(channel).GetProviderSchema(pb.GetProviderSchema.Request(), timeout=20)
        except grpc.RpcError as error:
            return error.code()
    assert "alicloud_vpn_gateway_vpn_attachment" in response.resource_schemas
    return grpc.StatusCode.OK


def test_the_plugin_serves_only_the_client_certificate_terraform_passed(
    plugin: tuple[bytes, bytes, str, x509.Certificate],
) -> None:
    key_pem, cert_pem, address, server = plugin
    public_key = server.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey) and public_key.curve.name == "secp256r1"
    assert _schema_call(address, server, None) == grpc.StatusCode.UNAVAILABLE
    assert _schema_call(address, server, server_identity()) == grpc.StatusCode.UNAVAILABLE
    assert _schema_call(address, server, (key_pem, cert_pem)) == grpc.StatusCode.OK
    inner = str(Path(address).with_name("grpc.sock"))  # the relay's way in: gRPC's TLS, the plugin's own key
    assert _schema_call(inner, server, None) == grpc.StatusCode.UNAVAILABLE
    assert _schema_call(inner, server, (key_pem, cert_pem)) == grpc.StatusCode.UNAVAILABLE
    assert (Path(address).parent.stat().st_mode & 0o777) == 0o700


def _tls_handshake(address: str, server: x509.Certificate, client: tuple[bytes, bytes]) -> str | None:
    """The ALPN protocol of a TLS 1.3 handshake (OpenSSL, as Go's TLS offers P-521) with ``client`` (key,
    cert); ``None`` when the plugin refuses it."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.load_verify_locations(cadata=server.public_bytes(serialization.Encoding.PEM).decode())
    context.set_alpn_protocols(["h2"])
    with tempfile.TemporaryDirectory() as directory:
        key_file, cert_file = Path(directory, "key.pem"), Path(directory, "cert.pem")
        key_file.write_bytes(client[0])
        cert_file.write_bytes(client[1])
        context.load_cert_chain(cert_file, key_file)
    with context.wrap_socket(socket.socket(socket.AF_UNIX), server_hostname="localhost") as tls:
        tls.settimeout(20)
        tls.connect(address)
        try:
            tls.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")  # TLS 1.3 reports a refused certificate here
            answer = tls.recv(9)  # gRPC's SETTINGS frame; nothing when the plugin closed the connection
        except (ssl.SSLError, OSError):
            return None
        return tls.selected_alpn_protocol() if answer else None


def test_a_p521_client_certificate_like_terraforms_is_verified(
    plugin: tuple[bytes, bytes, str, x509.Certificate], tmp_path: Path
) -> None:
    """Terraform's client key is ECDSA P-521, which gRPC's own TLS (BoringSSL) cannot verify in TLS 1.3."""
    _, _, address, server = plugin
    assert _tls_handshake(address, server, server_identity(ec.SECP521R1())) is None  # a P-521 key, not the one passed
    key_pem, cert_pem = server_identity(ec.SECP521R1())
    process = _start(tmp_path, **{CLIENT_CERT_ENV: cert_pem.decode()})
    try:
        assert process.stdout is not None
        _, _, _, address, _, encoded = process.stdout.readline().strip().split("|")
        der = base64.b64decode(encoded + "=" * (-len(encoded) % 4))
        assert _tls_handshake(address, x509.load_der_x509_certificate(der), (key_pem, cert_pem)) == "h2"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_each_start_makes_a_fresh_key_and_writes_none(tmp_path: Path) -> None:
    """No key cache: nothing is left in ``$HOME``, the temp folder or beside the state, and two starts differ."""
    keys = []
    for _ in range(2):
        process = _start(tmp_path, **{CLIENT_CERT_ENV: server_identity().cert_pem.decode()})
        assert process.stdout is not None
        keys.append(process.stdout.readline().rsplit("|", 1)[-1])
        process.terminate()
        process.wait(timeout=30)
    assert keys[0] != keys[1] and all(keys)
    assert list(tmp_path.rglob("*")) == []


def test_the_plugin_refuses_to_serve_without_a_client_certificate(tmp_path: Path) -> None:
    process = _start(tmp_path)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1 and out == ""
    assert f"error: {CLIENT_CERT_ENV} is not set" in err and REATTACH_ENV in err and "Traceback" not in err


def test_a_temp_folder_too_long_for_a_socket_puts_the_socket_in_tmp(tmp_path: Path) -> None:
    """A unix socket's path holds 107 bytes: under a deep ``TMPDIR`` the private socket folder goes to /tmp."""
    deep = tmp_path / ("d" * 100)
    deep.mkdir()
    process = _start(tmp_path, TMPDIR=str(deep), **{REATTACH_ENV: "1"})
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert '"String": "/tmp/cvpn-emu-' in line, line
        address = Path(line.split('"String": "')[1].split('"')[0])
        assert (address.parent.stat().st_mode & 0o777) == 0o700 and address.is_socket()
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_reattach_socket_is_in_a_private_folder(tmp_path: Path) -> None:
    process = _start(tmp_path, **{REATTACH_ENV: "1"})
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if '"String": "' not in line:
            process.terminate()
            pytest.fail(f"no reattach line: {line!r}; stderr: {process.communicate(timeout=30)[1]}")
        address = Path(line.split('"String": "')[1].split('"')[0])
        assert (address.parent.stat().st_mode & 0o777) == 0o700 and address.is_socket()
    finally:
        process.terminate()
        process.wait(timeout=30)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200) | st.binary(max_size=200).map(lambda b: "-----BEGIN CERTIFICATE-----\n" + b.hex()))
def test_a_client_certificate_that_is_no_certificate_is_refused(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setenv(CLIENT_CERT_ENV, text.replace("\0", ""))
    with pytest.raises(ConstructsVpnError, match=CLIENT_CERT_ENV):
        client_roots("hint")


# --- the state file: keys in clear, for its owner only ----------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_state_and_its_journal_are_for_the_owner_only(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        store = Store(tmp_path / "state.db")
        with store.transaction() as cloud:
            cloud.put("t", "a", "1", "r", {"psk": "Secret-Key-1"})
            files = [store.path, Path(f"{store.path}-wal"), Path(f"{store.path}-shm")]
            assert {file.name: _mode(file) for file in files} == {file.name: 0o600 for file in files}
    finally:
        os.umask(previous)


def test_a_looser_state_is_tightened_when_opened(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    with store.transaction() as cloud:
        cloud.put("t", "a", "1", "r", {})
    store.path.chmod(0o644)
    with Store(store.path).snapshot() as cloud:
        assert cloud.count() == 1
    assert _mode(store.path) == 0o600


# --- emulator reset: removes only an emulator state -------------------------------------------------


def _reset(state: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["emulator", "reset", "--state", str(state)])
    out, err = capsys.readouterr()
    return code, out, err


def _refused(state: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """``reset`` refuses ``state`` with an ``error:`` naming it and leaves it as it was; the message."""
    before = state.read_bytes() if state.is_file() else None
    code, out, err = _reset(state, capsys)
    assert code == 1 and out == "" and err.startswith("error: emulator reset: ") and str(state) in err
    assert "Traceback" not in err
    assert state.exists() and (before is None or state.read_bytes() == before)
    return err


_TFSTATE = st.builds(
    lambda serial, resources: json.dumps(
        {"version": 4, "terraform_version": "1.11.0", "serial": serial, "resources": resources}
    ).encode(),
    st.integers(0, 99),
    st.lists(st.dictionaries(st.text(max_size=8), st.text(max_size=8)), max_size=3),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | _TFSTATE | st.binary(max_size=200).map(lambda b: b"SQLite format 3\0" + b))
def test_reset_refuses_any_file_it_does_not_recognise(capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    """A ``terraform.tfstate``, random bytes, a damaged database of no one known: left alone."""
    with tempfile.TemporaryDirectory() as directory:
        state = Path(directory) / "terraform.tfstate"
        state.write_bytes(content)
        assert "emulator reset" in _refused(state, capsys)


def test_reset_refuses_another_applications_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "app.db"
    with contextlib.closing(sqlite3.connect(state)) as foreign:
        foreign.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        foreign.execute("INSERT INTO meta VALUES ('format', 'something else')")
        foreign.commit()
    assert "is not an emulator state file" in _refused(state, capsys)
    with contextlib.closing(sqlite3.connect(state)) as kept:
        assert kept.execute("SELECT value FROM meta").fetchall() == [("something else",)]


def test_reset_does_not_follow_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Not even to a real state: the link may be planted; the state itself is named instead."""
    real = Store(tmp_path / "state.db")
    with real.transaction() as cloud:
        cloud.put("t", "a", "1", "r", {})
    (tmp_path / "precious.txt").write_text("keep", encoding="utf-8")
    for target in (real.path, tmp_path / "precious.txt"):
        link = tmp_path / f"link-to-{target.name}"
        link.symlink_to(target)
        error = _refused(link, capsys)
        assert (
            f"is a symbolic link; `emulator reset` does not follow links: give the state file itself (--state {target})"
            in error
        )
        assert link.is_symlink()
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "keep"
    with real.snapshot() as cloud:
        assert cloud.count() == 1
    assert _reset(real.path, capsys) == (0, f"Cleared 1 object(s) from {real.path}\n", "")


def test_reset_of_a_folder_or_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "is not a file" in _refused(tmp_path, capsys)
    missing = tmp_path / "typo.db"
    assert _reset(missing, capsys) == (0, f"Nothing to reset: {missing} does not exist\n", "")
    assert not missing.exists()


def test_reset_replaces_a_damaged_state_it_recognises(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The emulator's application id in the header marks the file as its state even when SQLite cannot read
    the rest."""
    store = Store(tmp_path / "state.db")
    with store.transaction() as cloud:
        for n in range(200):
            cloud.put("t", f"id-{n}", "1", "r", {"psk": "x" * 200})
    with open(store.path, "r+b") as handle:
        assert int.from_bytes(handle.read(72)[68:], "big") == APPLICATION_ID
        handle.seek(100)
        handle.write(bytes(range(256)) * 64)
    with pytest.raises(StateError, match="is damaged"), store.snapshot():
        pass
    assert _reset(store.path, capsys) == (0, f"Cleared 0 object(s) from {store.path}\n", "")
    with store.snapshot() as cloud:
        assert cloud.count() == 0


# --- emulator seed: ids renamed as values, not as text ----------------------------------------------

#: A name the stack may give: any text but ``:`` (which separates the parts of an id made of others).
_NAMES = st.text(st.characters(exclude_characters=":", exclude_categories=["Cs"]), min_size=1, max_size=20)


@settings(max_examples=60, deadline=None)
@given(theirs=_NAMES, around=_NAMES)
def test_a_rename_changes_values_equal_to_the_id_and_nothing_else(theirs: str, around: str) -> None:
    """Quotes, backslashes or SQL in the new id stay a value; text that only contains the old id is kept."""
    cloud = Cloud.empty()
    ours = "cen-abc123"
    attributes = {
        "id": ours,
        "note": f"{ours}{around}",  # contains the id: not a reference to it
        "nested": [{"cen_id": ours, "ids": [ours, f"x{ours}"]}],
        "composite": f"{ours}:tr-1",
        "count": 3,
    }
    cloud.put("alicloud_cen_instance", ours, "1", "r", attributes)
    cloud.put("alicloud_cen_transit_router", f"{ours}:tr-1", "1", "r", {"cen_id": ours, "name": f"{around}{ours}"})
    cloud.rename(ours, theirs)
    assert [id for id, _ in cloud.records("alicloud_cen_instance")] == [theirs]
    assert cloud.get("alicloud_cen_instance", theirs) == {
        "account": "1",
        "region": "r",
        "attributes": {
            "id": theirs,
            "note": f"{ours}{around}",
            "nested": [{"cen_id": theirs, "ids": [theirs, f"x{ours}"]}],
            "composite": f"{theirs}:tr-1",
            "count": 3,
        },
    }
    assert cloud.records("alicloud_cen_transit_router") == [
        (f"{theirs}:tr-1", {"account": "1", "region": "r", "attributes": {"cen_id": theirs, "name": f"{around}{ours}"}})
    ]


def test_a_rename_onto_an_existing_id_is_refused() -> None:
    cloud = Cloud.empty()
    cloud.put("t", "a", "1", "r", {})
    cloud.put("t", "b", "1", "r", {"keep": True})
    with pytest.raises(StateError, match="cannot rename t a to b: the emulated cloud has one already"):
        cloud.rename("a", "b")
    assert cloud.get("t", "b") == {"account": "1", "region": "r", "attributes": {"keep": True}}


def _hostile_stack(directory: Path, suffix: str) -> tuple[Path, dict[str, str]]:
    """The adopting example stack with ``suffix`` added to each of its plain import ids, wherever the stack
    names them: its folder, and the address -> id of those imports."""
    from constructs_vpn.core import App
    from stacks.adopt_existing import AdoptExistingStack

    app = App(outdir=directory)
    AdoptExistingStack(app, "adopt-existing")
    app.synth()
    stack = directory / "stacks" / "adopt-existing"
    document = json.loads((stack / "cdk.tf.json").read_text(encoding="utf-8"))
    plain = {e["to"]: e["id"] for e in document["import"] if "${" not in e["id"] and ":" not in e["id"]}
    text = json.dumps(document)
    for id in plain.values():  # the example's ids are unique strings: the text holds no other use of them
        text = text.replace(json.dumps(id), json.dumps(id + suffix)).replace(
            f"{id}:", json.dumps(f"{id}{suffix}:")[1:-1]
        )
    (stack / "cdk.tf.json").write_text(text, encoding="utf-8")
    return stack, {address: id + suffix for address, id in plain.items()}


def test_seed_gives_hostile_import_ids_as_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Import ids with quotes, backslashes and JSON: the objects get exactly those ids, nothing else changes."""
    stack, wanted = _hostile_stack(tmp_path / "out", '","psk"="injected\\')
    assert wanted
    monkeypatch.setenv("TF_VAR_psk", "Example-Key-1")
    state = tmp_path / "state.db"
    assert main(["emulator", "seed", str(stack), "--state", str(state)]) == 0, capsys.readouterr().err
    seeded = dict(line.split("  ") for line in capsys.readouterr().out.splitlines()[:-1])
    assert {address: seeded[address] for address in wanted} == wanted
    with Store(state).snapshot() as cloud:
        for address, id in wanted.items():
            record = cloud.get(address.split(".")[0], id)
            assert record is not None and record["attributes"]["id"] == id


def test_seed_refuses_an_import_id_of_another_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stack, _ = _hostile_stack(tmp_path / "out", ":extra")
    monkeypatch.setenv("TF_VAR_psk", "Example-Key-1")
    assert main(["emulator", "seed", str(stack), "--state", str(tmp_path / "state.db")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: the import block of alicloud_") and "its ids have the form" in error
    assert "Traceback" not in error


# --- fault rules: slow= is a bounded, finite delay --------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.floats().map(repr)
    | st.sampled_from(["inf", "-inf", "nan", "NaN", "Infinity", "1e400", "-0.5", "3600.0001", "1_0", " 2"])
    | st.text(max_size=12)
)
def test_a_delay_is_a_finite_number_of_seconds_within_the_bound(text: str) -> None:
    """Every ``slow=`` value is either a delay ``Event.wait`` can take (finite, 0 to MAX_DELAY) or refused by
    the parser, naming the variable and the bound; never an ``OverflowError`` at the first call."""
    try:
        faults = parse_faults(f"DeleteCen:slow={text}")
    except ValueError as error:
        message = str(error)
        assert message.startswith(f"{FAULTS_ENV}: ")
        assert f"from 0 to {MAX_DELAY:g}" in message or "cannot read rule" in message
        return
    (fault,) = faults
    assert math.isfinite(fault.seconds) and 0 <= fault.seconds <= MAX_DELAY


@pytest.mark.parametrize("text", ["inf", "nan", "-1", "1e400", "3601"])
def test_a_delay_out_of_bounds_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=rf"DeleteCen:slow={text}' needs a number of seconds from 0 to 3600"):
        parse_faults(f"DeleteCen:slow={text}")


# --- a mistyped state path --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["typo.db", "missing/state.db"])
def test_show_of_a_missing_state_is_an_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    state = tmp_path / name
    assert main(["emulator", "show", "--state", str(state)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"error: emulator show: {state} does not exist; check --state or ")
    assert not state.exists()


def test_show_through_the_variable_of_a_missing_state_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STATE_ENV, str(tmp_path / "stat.db"))
    assert main(["emulator", "show"]) == 1
    assert f"{tmp_path / 'stat.db'} does not exist; check --state or ${STATE_ENV}" in capsys.readouterr().err


def test_reset_never_replaces_a_state_in_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A state locked by another process's write beyond the timeout is busy, not damaged: it is kept."""
    store = Store(tmp_path / "state.db")
    with store.transaction() as cloud:
        cloud.put("t", "a", "1", "r", {})
    monkeypatch.setattr("constructs_vpn.emulator.store.BUSY_TIMEOUT", 0.1)
    with contextlib.closing(sqlite3.connect(store.path, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        assert "cannot use emulator state" in _refused(store.path, capsys)
        writer.execute("ROLLBACK")
    with store.snapshot() as cloud:
        assert cloud.count() == 1
