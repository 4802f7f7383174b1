"""go-plugin's automatic mutual TLS, on the plugin's side: Terraform passes the PEM of its client certificate
in ``PLUGIN_CLIENT_CERT``; the plugin makes its own key and certificate, accepts only connections that present
that client certificate, and prints its certificate (base64 DER) in the handshake line.

gRPC's own TLS (BoringSSL) cannot be used for it: the client key Terraform makes is ECDSA P-521, and BoringSSL
neither offers nor verifies ``ecdsa_secp521r1_sha512`` in TLS 1.3, so Terraform sends no certificate and the
handshake fails. TLS is therefore ended here with Python's ``ssl`` (OpenSSL) on the socket Terraform dials,
and each connection is relayed to the gRPC server on a second socket in the same private folder (mode 0700),
over gRPC's own mutual TLS with the plugin's certificate on both ends, so no other process reaches it either.
The key is made in memory at each start and never written to a file.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import socket
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ..core.errors import ConstructsVpnError

__all__ = [
    "CLIENT_CERT_ENV",
    "Identity",
    "client_roots",
    "handshake_form",
    "relay",
    "relay_context",
    "server_context",
    "server_identity",
]

#: Where go-plugin's client (Terraform) puts the PEM of its client certificate for the plugin to require.
CLIENT_CERT_ENV = "PLUGIN_CLIENT_CERT"
#: Bytes read at once from either side of a relayed connection.
_CHUNK = 1 << 16
#: Seconds a closing connection waits for the peer's TLS goodbye: gRPC sends none, and the default 30 s held
#: the gRPC server's stop (and so each provider process's exit) for its whole grace period.
_SHUTDOWN_TIMEOUT = 0.1


def client_roots(hint: str) -> str:
    """The client certificate Terraform passed, the only one the plugin accepts. A missing or unreadable one
    is refused (``hint`` says what to do instead), since serving without it would let any local process
    drive the emulated cloud."""
    pem = os.environ.get(CLIENT_CERT_ENV, "")
    if not pem.strip():
        raise ConstructsVpnError(
            f"{CLIENT_CERT_ENV} is not set: this is a Terraform provider plugin, started by terraform "
            f"(see `constructs-vpn emulator setup`); {hint}"
        )
    try:
        x509.load_pem_x509_certificates(pem.encode())
    except ValueError as error:
        raise ConstructsVpnError(
            f"{CLIENT_CERT_ENV} holds no PEM certificate ({error}); let terraform start the emulator"
        ) from error
    return pem


class Identity(NamedTuple):
    """The plugin's key and certificate (PEM), made in memory at each start and never written."""

    key_pem: bytes
    cert_pem: bytes


def server_identity(curve: ec.EllipticCurve | None = None) -> Identity:
    """A fresh ECDSA key (P-256 unless ``curve``) and a self-signed certificate for ``localhost``, the name
    go-plugin's client checks (its own certificate has the same shape, on P-521: tests make one like it)."""
    key = ec.generate_private_key(curve or ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(usage, critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return Identity(key_pem, certificate.public_bytes(serialization.Encoding.PEM))


def handshake_form(identity: Identity) -> str:
    """The certificate as the handshake line carries it: base64 of its DER, without padding."""
    der = x509.load_pem_x509_certificate(identity.cert_pem).public_bytes(serialization.Encoding.DER)
    return base64.b64encode(der).decode().rstrip("=")


@contextlib.contextmanager
def _pipe_path(data: bytes) -> Iterator[str]:
    """A path that reads ``data`` once, through a pipe: ``ssl`` loads keys from paths only, and a pipe puts
    the key on no disk and at no name another process could open."""
    read, write = os.pipe()
    try:
        with os.fdopen(write, "wb") as handle:  # a certificate and key are far below a pipe's buffer
            handle.write(data)
        yield f"/dev/fd/{read}"
    finally:
        os.close(read)


def _context(identity: Identity, roots: str, *, server: bool) -> ssl.SSLContext:
    """TLS 1.2+ presenting ``identity``, requiring a peer certificate signed by (here: equal to) ``roots``,
    speaking HTTP/2 (gRPC requires the ALPN)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER if server else ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cadata=roots)
    context.set_alpn_protocols(["h2"])
    with _pipe_path(identity.cert_pem) as chain, _pipe_path(identity.key_pem) as secret:
        context.load_cert_chain(chain, secret)
    return context


def server_context(identity: Identity, roots: str) -> ssl.SSLContext:
    """The socket Terraform dials: only a client presenting the certificate in ``roots``."""
    return _context(identity, roots, server=True)


def relay_context(identity: Identity) -> ssl.SSLContext:
    """The relay's side of the gRPC server's mutual TLS: the plugin's certificate on both ends."""
    return _context(identity, identity.cert_pem.decode(), server=False)


async def _copy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Bytes from ``reader`` to ``writer`` until either side ends; then ``writer`` is closed, after what it
    holds is sent."""
    try:
        while data := await reader.read(_CHUNK):
            writer.write(data)
            await writer.drain()
    except OSError:
        pass  # the other side went away
    finally:
        writer.close()


def relay(outer: ssl.SSLContext, inner: ssl.SSLContext, public: str, private: str) -> None:
    """Accept TLS connections (``outer``) on unix socket ``public``, listening when this returns, and relay
    each to ``private`` over TLS (``inner``), from a daemon thread until the process ends. A client whose
    certificate is refused never reaches ``private``."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(public)
    listener.listen()

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            inner_reader, inner_writer = await asyncio.open_unix_connection(
                private, ssl=inner, server_hostname="localhost", ssl_shutdown_timeout=_SHUTDOWN_TIMEOUT
            )
        except (OSError, ssl.SSLError):  # the gRPC server is stopping: so is this connection
            writer.close()
            return
        await asyncio.gather(_copy(reader, inner_writer), _copy(inner_reader, writer))

    async def main() -> None:
        server = await asyncio.start_unix_server(
            connection, sock=listener, ssl=outer, ssl_shutdown_timeout=_SHUTDOWN_TIMEOUT
        )
        async with server:
            await server.serve_forever()

    threading.Thread(target=asyncio.run, args=(main(),), name="tls-relay", daemon=True).start()
