"""Serving the provider to Terraform: the go-plugin handshake over a TLS unix socket (protocol 6).

Unlike ``tf.runner.run_provider`` this keeps serving after ``StopProvider`` (Terraform's "cancel what is in
flight", sent on Ctrl-C) so that calls finish cleanly, ignores SIGINT as Go plugins do (Terraform handles
it), keeps its TLS certificate cache out of ``$HOME``, and exits when Terraform goes away.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import signal
import sys
import tempfile
import threading
from concurrent import futures
from pathlib import Path
from typing import Any

from . import _tf
from .provider import AlicloudEmulator, Emulator, EmulatorServicer
from .store import STATE_ENV

__all__ = ["CERT_DIR_ENV", "REATTACH_ENV", "serve"]

#: Where the plugin's self-signed TLS certificate is cached (default: beside the state file).
CERT_DIR_ENV = "CONSTRUCTS_VPN_EMULATOR_CERT_DIR"
#: Set (to any value) to serve many terraform runs from one process, as ``TF_REATTACH_PROVIDERS`` describes it:
#: the reattach JSON is printed instead of the handshake, on a plain socket, until the process is ended. Tests
#: use it to start Python once per scenario rather than a few times per terraform command.
REATTACH_ENV = "CONSTRUCTS_VPN_EMULATOR_REATTACH"
#: Set to a file path to append the emulator's log (API calls and outcomes, never values) there.
LOG_ENV = "CONSTRUCTS_VPN_EMULATOR_LOG"


def _cert_dir() -> Path:
    if os.environ.get(CERT_DIR_ENV):
        return Path(os.environ[CERT_DIR_ENV])
    state = os.environ.get(STATE_ENV)
    if state:
        return Path(state).expanduser().resolve().parent / ".emulator-cert"
    return Path(tempfile.gettempdir()) / f"constructs-vpn-emulator-{os.getuid()}"


def _pin_cert_cache() -> None:
    directory = _cert_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    # tf.runner caches the certificate under ~/.cache, which fails (before the handshake) on a read-only HOME.
    _tf.runner._get_cert_cache_path = lambda: directory / "ssl_cert.json"


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
    emulator = Emulator.from_env()
    _pin_cert_cache()
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
    with tempfile.TemporaryDirectory(prefix="alicloud-emulator-") as directory:
        socket_path = f"{directory}/plugin.sock"
        if os.environ.get(REATTACH_ENV):
            server.add_insecure_port(f"unix://{socket_path}")
            server.start()
            address = {"Network": "unix", "String": socket_path}
            reattach = {"Protocol": "grpc", "ProtocolVersion": 6, "Pid": os.getpid(), "Test": True, "Addr": address}
            print(json.dumps({"registry.terraform.io/aliyun/alicloud": reattach}), flush=True)
            signal.signal(signal.SIGTERM, lambda *_: done.set())
            done.wait()
            server.stop(grace=1).wait()
            return 0
        chain, credentials = _tf.runner._self_signed_cert()
        server.add_secure_port(f"unix://{socket_path}", credentials)
        server.start()
        certificate = base64.b64encode(chain).decode().rstrip("=")
        print(f"1|6|unix|{socket_path}|grpc|{certificate}", flush=True)
        while not done.wait(0.5):
            if os.getppid() != parent:
                break
        server.stop(grace=1).wait()
    return 0
