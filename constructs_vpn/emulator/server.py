"""Serving the provider to Terraform: the go-plugin handshake over a mutual-TLS unix socket (protocol 6).

Unlike ``tf.runner.run_provider`` this keeps serving after ``StopProvider`` (Terraform's "cancel what is in
flight", sent on Ctrl-C) so that calls finish cleanly, ignores SIGINT as Go plugins do (Terraform handles
it), and exits when Terraform goes away. TLS is go-plugin's automatic mutual TLS (:mod:`.tls`): a fresh key
made in memory at each start, and only the client certificate Terraform passed is accepted (``tf.runner``
used a 1024-bit RSA key cached on disk for 7 days, and accepted any client).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import tempfile
import threading
from concurrent import futures
from typing import Any

from ..core.errors import ConstructsVpnError
from . import _tf, tls
from .provider import AlicloudEmulator, Emulator, EmulatorServicer

__all__ = ["REATTACH_ENV", "serve"]

#: Set (to any value) to serve many terraform runs from one process, as ``TF_REATTACH_PROVIDERS`` describes it:
#: the reattach JSON is printed instead of the handshake, on a plain socket, until the process is ended. Tests
#: use it to start Python once per scenario rather than a few times per terraform command.
REATTACH_ENV = "CONSTRUCTS_VPN_EMULATOR_REATTACH"
#: Set to a file path to append the emulator's log (API calls and outcomes, never values) there.
LOG_ENV = "CONSTRUCTS_VPN_EMULATOR_LOG"
#: The longest path a unix socket address holds (``sun_path`` is 108 bytes on Linux, with its final NUL).
_SOCKET_PATH_MAX = 107


#: The emulator's private socket folder: ``mkdtemp`` adds 8 random characters; its sockets are named 11 bytes.
_SOCKET_PREFIX = "cvpn-emu-"
_SOCKET_ROOM = len(_SOCKET_PREFIX) + 8 + len("/grpc.sock") + 1


def _socket_parent() -> str | None:
    """Where the socket folder goes: the temp folder, as go-plugin's own, unless its path leaves no room for a
    unix socket's 107 bytes (a deep ``TMPDIR``, as test runners make), then ``/tmp``. Either way the folder is
    a new ``mkdtemp`` one, mode 0700, reachable by this user only."""
    parent = tempfile.gettempdir()
    if len(os.fsencode(parent)) + _SOCKET_ROOM <= _SOCKET_PATH_MAX:
        return None
    return "/tmp"


def _configure_logging() -> None:
    handler: logging.Handler
    target = os.environ.get(LOG_ENV)
    handler = logging.FileHandler(target) if target else logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"%(asctime)s [{os.getpid()}] %(name)s: %(message)s"))
    logger = logging.getLogger("constructs_vpn.emulator")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def serve() -> int:
    """Run the provider until Terraform shuts it down; the handshake line is the only thing on stdout."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _configure_logging()
    reattaching = bool(os.environ.get(REATTACH_ENV))
    try:
        roots = "" if reattaching else tls.client_roots(f"to serve tests over a private socket, set {REATTACH_ENV}=1")
    except ConstructsVpnError as refused:  # before any handshake: terraform shows the plugin's stderr
        print(f"error: {refused}", file=sys.stderr)
        return 1
    emulator = Emulator.from_env()
    done = threading.Event()
    server = _tf.grpc.server(thread_pool=futures.ThreadPoolExecutor(max_workers=10))
    _tf.plugin_rpc.add_ProviderServicer_to_server(EmulatorServicer(AlicloudEmulator(emulator)), server)

    class Controller(_tf.controller_rpc.GRPCControllerServicer):  # type: ignore[misc]
        def Shutdown(self, request: Any, context: Any) -> Any:
            done.set()
            return _tf.controller_pb.Empty()

    class Stdio(_tf.stdio_rpc.GRPCStdioServicer):  # type: ignore[misc]
        def StreamStdio(self, request: Any, context: Any) -> Any:
            return iter(())

    _tf.controller_rpc.add_GRPCControllerServicer_to_server(Controller(), server)
    _tf.stdio_rpc.add_GRPCStdioServicer_to_server(Stdio(), server)
    parent = os.getppid()
    signal.signal(signal.SIGTERM, lambda *_: done.set())  # stop cleanly: the folder below is removed
    # mkdtemp: a new folder of mode 0700, so only this user reaches the socket (the reattach mode has no TLS).
    with tempfile.TemporaryDirectory(prefix=_SOCKET_PREFIX, dir=_socket_parent()) as directory:
        socket_path = f"{directory}/plugin.sock"
        if reattaching:
            server.add_insecure_port(f"unix://{socket_path}")
            server.start()
            address = {"Network": "unix", "String": socket_path}
            reattach = {"Protocol": "grpc", "ProtocolVersion": 6, "Pid": os.getpid(), "Test": True, "Addr": address}
            print(json.dumps({"registry.terraform.io/aliyun/alicloud": reattach}), flush=True)
            done.wait()
            server.stop(grace=1).wait()
            return 0
        identity, inner = tls.server_identity(), f"{directory}/grpc.sock"
        # gRPC's own mutual TLS, for the relay alone: it presents the plugin's certificate, as nobody else can.
        credentials = _tf.grpc.ssl_server_credentials(
            [(identity.key_pem, identity.cert_pem)], root_certificates=identity.cert_pem, require_client_auth=True
        )
        server.add_secure_port(f"unix://{inner}", credentials)
        server.start()
        tls.relay(tls.server_context(identity, roots), tls.relay_context(identity), socket_path, inner)
        print(f"1|6|unix|{socket_path}|grpc|{tls.handshake_form(identity)}", flush=True)
        while not done.wait(0.5):
            if os.getppid() != parent:
                break
        server.stop(grace=1).wait()
    return 0
