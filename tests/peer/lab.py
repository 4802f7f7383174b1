"""Two real strongSwan peers in network namespaces, for proving generated IPsec configurations by negotiation.

Layout of one :class:`Lab`::

    namespace <prefix>-cloud                         namespace <prefix>-onprem
      lo: 10.10.0.1/32 (one host per subnet)           lo: 10.20.0.1/32
      wan: 203.0.113.10 ──────── veth ──────────────── wan: 198.51.100.20
      charon (kernel-libipsec, ipsec0 TUN)             charon (kernel-libipsec, ipsec0 TUN)

The kernel here has no ESP, so each charon does ESP in user space (``kernel-libipsec``), which always encapsulates in
UDP 4500. The namespaces have no default route and no route to the other side's subnets: a datagram between protected
hosts arrives only through the tunnel. Each charon gets a private ``/run`` (its pid file is hard-coded), its own
``strongswan.conf``, VICI socket and log file in a temporary directory, and is stopped by PID.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import os
import re
import secrets
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network
from pathlib import Path
from types import TracebackType
from typing import Self, TypeVar

from tests.peer.sa import ChildSa, IkeSa, text
from tests.peer.vici import Message, Value, ViciError, ViciSession
from tests.tooling import require

__all__ = [
    "CHARON",
    "PLUGINS",
    "ChildSa",
    "IkeSa",
    "Lab",
    "LabError",
    "LabFactory",
    "NegotiationError",
    "Peer",
    "TrafficError",
    "UdpExchange",
    "lab_problems",
    "require_lab",
]

IPSEC_DIR = Path("/usr/lib/ipsec")
CHARON = IPSEC_DIR / "charon"
PLUGIN_DIR = IPSEC_DIR / "plugins"
PLUGINS = ("random", "nonce", "openssl", "kdf", "kernel-libipsec", "kernel-netlink", "socket-default", "vici")
"""The charon plugin list. ``kdf`` is needed by every IKEv2 key derivation, ``kernel-libipsec`` for ESP without
kernel support; ``kernel-libipsec`` must come before ``kernel-netlink``."""
INSTALL_HINT = "install with .ci/install-lab.sh and run the tests as root"
_SBIN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
_T = TypeVar("_T")


class LabError(RuntimeError):
    """The lab could not be built or torn down, or a bounded wait ran out."""


class NegotiationError(LabError):
    """``initiate`` failed: the daemon's answer and its log lines for the attempt are attached."""

    def __init__(self, message: str, log: Sequence[str], elapsed: float) -> None:
        super().__init__(message + "".join(f"\n    {line}" for line in log))
        self.errmsg = message
        self.log = tuple(log)
        self.elapsed = elapsed


class TrafficError(LabError):
    """A datagram did not make it through the tunnel, or the CHILD_SA counters did not show it."""


# --------------------------------------------------------------------------------------------------------------------
# Availability


def _tool(name: str) -> str | None:
    return shutil.which(name, path=os.environ.get("PATH", "") + os.pathsep + _SBIN_PATH)


@functools.cache
def lab_problems() -> tuple[str, ...]:
    """Why the lab cannot run here (empty when it can); probed once per process, about 10 ms."""
    problems: list[str] = []
    if os.geteuid() != 0:
        return ("the strongSwan lab needs root (network namespaces, TUN devices)",)
    ip = _tool("ip")
    if ip is None:
        problems.append("ip (iproute2) not found")
    if not os.path.exists("/dev/net/tun"):
        problems.append("/dev/net/tun missing (kernel-libipsec needs TUN)")
    if _tool("swanctl") is None:
        problems.append("swanctl not found")
    if not os.access(CHARON, os.X_OK):
        problems.append(f"{CHARON} not found")
    for plugin in ("kernel-libipsec", "kdf", "openssl", "vici"):
        if not (PLUGIN_DIR / f"libstrongswan-{plugin}.so").is_file():
            problems.append(f"strongSwan plugin {plugin} not found in {PLUGIN_DIR}")
    if ip is not None:
        probe = f"cvpn-{os.getpid()}-probe"
        result = subprocess.run([ip, "netns", "add", probe], capture_output=True, text=True, timeout=10, check=False)
        if result.returncode != 0:
            problems.append(f"cannot create a network namespace: {result.stderr.strip()}")
        else:
            subprocess.run([ip, "netns", "delete", probe], capture_output=True, timeout=10, check=False)
    return tuple(problems)


def require_lab() -> None:
    """Skip the calling test (fail under ``CONSTRUCTS_VPN_REQUIRE_TOOLS=1``) when the lab cannot run here."""
    problems = lab_problems()
    require(not problems, f"strongSwan lab unavailable: {'; '.join(problems)}; {INSTALL_HINT}")


@dataclass(frozen=True)
class UdpExchange:
    """A datagram that went through the tunnel and its echo came back, with the CHILD_SAs after the exchange."""

    source: IPv4Address
    destination: IPv4Address
    port: int
    payload: bytes
    seen_source: IPv4Address
    """The source address the receiver saw (proves no NAT or proxy in between)."""
    sender_child: ChildSa
    receiver_child: ChildSa


# --------------------------------------------------------------------------------------------------------------------
# Helpers


def _wait_until(probe: Callable[[], _T | None], timeout: float, what: str, interval: float = 0.02) -> _T:
    """Poll ``probe`` until it returns a value; a :class:`LabError` naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value is not None:
            return value
        if time.monotonic() >= deadline:
            raise LabError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)


def _run(
    args: Sequence[str], *, timeout: float = 10.0, stdin: str | None = None, env: dict[str, str] | None = None
) -> str:
    """Run a command to completion; a :class:`LabError` with its output when it fails or hangs."""
    try:
        result = subprocess.run(
            args, input=stdin, capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise LabError(f"{' '.join(args)} did not finish within {timeout:g} s") from error
    if result.returncode != 0:
        raise LabError(f"{' '.join(args)} failed with rc={result.returncode}:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def _first_host(network: IPv4Network) -> IPv4Address:
    return next(iter(network.hosts()), network.network_address)


# swanctl --load-all reads credentials from these folders next to swanctl.conf and complains about each missing one.
_SWANCTL_DIRS: tuple[str, ...] = ("x509", "x509ca", "x509ocsp", "x509aa", "x509ac", "x509crl", "pubkey", "private")
_SWANCTL_DIRS += ("rsa", "ecdsa", "bliss", "pkcs8", "pkcs12")
_SWANCTL_TROUBLE = re.compile(r"syntax error|invalid|failed|unknown|ignor|error", re.IGNORECASE)

# The UDP endpoints run as `python -I -S -c` in a namespace; argv carries the addresses (and whether to echo).
_RECEIVER = """
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], int(sys.argv[2])))
s.settimeout(float(sys.argv[3]))
print("ready", flush=True)
try:
    data, peer = s.recvfrom(65535)
except TimeoutError:
    sys.exit("nothing received")
if sys.argv[4] == "echo":
    s.sendto(data, peer)
print(peer[0], data.hex(), flush=True)
"""
_SENDER = """
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], 0))
s.settimeout(float(sys.argv[5]))
try:
    s.sendto(bytes.fromhex(sys.argv[4]), (sys.argv[2], int(sys.argv[3])))
    data, peer = s.recvfrom(65535)
except OSError as error:  # TimeoutError: no echo; ENETUNREACH: no route (no tunnel)
    sys.exit(f"{type(error).__name__}: {error}")
print(peer[0], data.hex(), flush=True)
"""


# --------------------------------------------------------------------------------------------------------------------
# One peer


class Peer:
    """One namespace with its public address, protected hosts and a charon; built and torn down by :class:`Lab`."""

    def __init__(
        self,
        name: str,
        *,
        namespace: str,
        directory: Path,
        addresses: Iterable[IPv4Address],
        subnets: Iterable[IPv4Network],
        charon_conf: str = "",
    ) -> None:
        self.name = name
        self.namespace = namespace
        self.directory = directory
        self.addresses = tuple(addresses)
        """The public (veth) addresses, IKE endpoints; more than one for a dual-tunnel cloud side."""
        self.address = self.addresses[0]
        self.subnets = tuple(subnets)
        self.hosts = tuple(_first_host(subnet) for subnet in self.subnets)
        """One address per protected subnet (its first host, on ``lo``) to source and receive traffic."""
        self.conf_path = directory / "strongswan.conf"
        self.swanctl_path = directory / "swanctl" / "swanctl.conf"
        self.vici_path = directory / "charon.vici"
        self.log_path = directory / "charon.log"
        """charon's file logger (level 1 for every subsystem, flushed per line)."""
        self._charon_conf = charon_conf
        self._process: subprocess.Popen[bytes] | None = None

    def __repr__(self) -> str:
        return f"Peer({self.name!r}, namespace={self.namespace!r}, address={self.address})"

    @property
    def pid(self) -> int | None:
        """charon's PID (the process this peer started), or ``None`` when it is not running."""
        return self._process.pid if self._process is not None and self._process.poll() is None else None

    # -- daemon ------------------------------------------------------------------------------------------------------

    def _write_strongswan_conf(self) -> None:
        for credentials in _SWANCTL_DIRS:
            (self.swanctl_path.parent / credentials).mkdir(parents=True, exist_ok=True)
        self.conf_path.write_text(
            f"""\
charon {{
    load = {" ".join(PLUGINS)}
    retransmit_tries = 2
    retransmit_timeout = 0.5
    # IKEv1 aggressive mode with a PSK is refused by a responder unless allowed here.
    i_dont_care_about_security_and_use_aggressive_mode_psk = yes
    plugins {{
        vici {{
            socket = "unix://{self.vici_path}"
        }}
        openssl {{
            load_legacy = yes  # DES
        }}
    }}
    filelog {{
        lab {{
            path = "{self.log_path}"
            time_format = %H:%M:%S
            time_add_ms = yes
            ike_name = yes
            flush_line = yes
            default = 1
        }}
    }}
    syslog {{
        daemon {{
            default = -1
        }}
        auth {{
            default = -1
        }}
    }}
}}
swanctl {{
    load = random nonce openssl
}}
{self._charon_conf}
"""
        )

    def _start(self, ip: str) -> None:
        self._write_strongswan_conf()
        in_namespace = [ip, "netns", "exec", self.namespace]
        # charon writes /var/run/charon.pid unconditionally: give it a private /run in its own mount namespace.
        private_run = [_tool("unshare") or "unshare", "--mount", "--propagation", "private"]
        private_run += ["sh", "-c", 'mount -t tmpfs tmpfs /run && exec "$0"']
        # ip netns exec, unshare and sh all exec, so Popen's PID is charon's own.
        with (self.directory / "charon.stdout").open("wb") as stdout:
            self._process = subprocess.Popen(
                [*in_namespace, *private_run, str(CHARON)],
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=subprocess.STDOUT,
                env={"PATH": _SBIN_PATH, "STRONGSWAN_CONF": str(self.conf_path)},
            )

    def _wait_ready(self, timeout: float) -> None:
        """Wait until VICI answers: the socket file appears at bind(), a moment before charon listens on it."""

        def ready() -> bool | None:
            if self._process is None or self._process.poll() is not None:
                output = (self.directory / "charon.stdout").read_text(errors="replace")
                raise LabError(f"charon for {self.name} exited early:\n{output}{self.log()}")
            if not self.vici_path.exists():
                return None
            try:
                with ViciSession(str(self.vici_path), timeout=1.0) as vici:
                    vici.request("version")
            except (OSError, ViciError):
                return None
            return True

        _wait_until(ready, timeout, f"charon's VICI socket for {self.name}")

    def crash(self) -> None:
        """SIGKILL charon: it vanishes without a DELETE, so only the other side's dead peer detection notices."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait(3.0)

    def _stop(self, timeout: float = 3.0) -> None:
        """SIGTERM our own charon (it sends DELETEs and exits in ~0.1 s), SIGKILL if it hangs, and reap it."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)

    def _vici(self) -> ViciSession:
        return ViciSession(str(self.vici_path))

    # -- configuration ----------------------------------------------------------------------------------------------

    def load(self, swanctl_conf: str, timeout: float = 10.0) -> str:
        """Write ``swanctl.conf`` and load connections and secrets with ``swanctl --load-all``; return its output.

        Loading replaces what was loaded before. Raises :class:`LabError` with swanctl's output when it refuses
        anything, including a syntax error, for which swanctl itself exits 0 (after unloading every connection).
        """
        self.swanctl_path.write_text(swanctl_conf)
        swanctl = _tool("swanctl") or "swanctl"
        command = [swanctl, "--load-all", "--file", str(self.swanctl_path), "--uri", f"unix://{self.vici_path}"]
        output = _run(command, timeout=timeout, env={"PATH": _SBIN_PATH, "STRONGSWAN_CONF": str(self.conf_path)})
        if _SWANCTL_TROUBLE.search(output):
            raise LabError(f"swanctl refused the configuration for {self.name}:\n{output}")
        return output

    # -- negotiation -------------------------------------------------------------------------------------------------

    def initiate(self, child: str | None = None, ike: str | None = None, *, timeout: float = 10.0) -> tuple[str, ...]:
        """Initiate ``child`` (or only the IKE_SA ``ike``) and wait until it is up; return charon's log lines.

        Raises :class:`NegotiationError` when charon reports failure or ``timeout`` seconds pass; the exception holds
        the log lines of this attempt. Success means up on this side: use :meth:`Lab.establish` to wait for both.
        """
        if child is None and ike is None:
            raise ValueError("initiate needs a child or an ike name")
        request: dict[str, Value] = {"timeout": str(int(timeout * 1000)), "init-limits": "no", "loglevel": "1"}
        if child is not None:
            request["child"] = child
        if ike is not None:
            request["ike"] = ike
        started = time.monotonic()
        try:
            with self._vici() as vici:
                response, events = vici.streamed("initiate", "control-log", request, deadline=started + timeout + 5)
        except ViciError as error:
            raise NegotiationError(f"initiate on {self.name}: {error}", [], time.monotonic() - started) from error
        log = [f"[{text(event, 'group')}] {text(event, 'msg')}" for event in events]
        if text(response, "success") != "yes":
            errmsg = text(response, "errmsg", "failed")
            raise NegotiationError(f"initiate on {self.name}: {errmsg}", log, time.monotonic() - started)
        return tuple(log)

    def terminate(self, ike: str, *, timeout: float = 5.0) -> None:
        """Close the IKE_SA ``ike`` (with its CHILD_SAs) and wait for the DELETE exchange."""
        with self._vici() as vici:
            response, _ = vici.streamed(
                "terminate",
                "control-log",
                {"ike": ike, "timeout": str(int(timeout * 1000))},
                deadline=time.monotonic() + timeout + 5,
            )
        if text(response, "success") != "yes":
            raise LabError(f"terminate {ike!r} on {self.name}: {text(response, 'errmsg', 'failed')}")

    def list_sas(self, ike: str | None = None) -> list[IkeSa]:
        """Every IKE_SA (or those of config ``ike``) with its CHILD_SAs, as data."""
        request: dict[str, Value] = {"noblock": "yes"}
        if ike is not None:
            request["ike"] = ike
        with self._vici() as vici:
            _, events = vici.streamed("list-sas", "list-sa", request, deadline=time.monotonic() + 10)
        return [
            IkeSa.from_vici(name, data) for event in events for name, data in event.items() if isinstance(data, dict)
        ]

    def ike_sa(self, name: str) -> IkeSa:
        """The newest established IKE_SA of config ``name``; :class:`LookupError` when there is none."""
        established = [sa for sa in self.list_sas(name) if sa.state == "ESTABLISHED"]
        if not established:
            raise LookupError(f"no established IKE_SA {name!r} on {self.name}")
        return max(established, key=lambda sa: sa.uniqueid)

    def wait_child(self, name: str, *, ike: str | None = None, newer_than: int = 0, timeout: float = 5.0) -> IkeSa:
        """Wait until an installed CHILD_SA ``name`` with a uniqueid above ``newer_than`` exists; return its IKE_SA."""

        def probe() -> IkeSa | None:
            for sa in sorted(self.list_sas(ike), key=lambda sa: -sa.uniqueid):
                if sa.state != "ESTABLISHED":
                    continue
                with contextlib.suppress(LookupError):
                    if sa.child(name).uniqueid > newer_than:
                        return sa
            return None

        return _wait_until(probe, timeout, f"CHILD_SA {name!r} on {self.name}")

    def rekey_child(self, name: str, *, ike: str | None = None, timeout: float = 10.0) -> ChildSa:
        """Force a rekey of CHILD_SA ``name`` (under IKE_SA ``ike``) and return its successor.

        In IKEv2 the successor is the first CHILD_SA that shows the PFS group: IKE_AUTH carries no key exchange.
        A refused rekey (e.g. a PFS mismatch) surfaces as a :class:`LabError` after ``timeout``.
        """
        old = self.wait_child(name, ike=ike, timeout=0).child(name)
        self._request("rekey", {"child-id": str(old.uniqueid)})
        return self.wait_child(name, ike=ike, newer_than=old.uniqueid, timeout=timeout).child(name)

    def rekey_ike(self, name: str, *, timeout: float = 10.0) -> IkeSa:
        """Force a rekey of IKE_SA ``name`` and return its successor."""
        old = self.ike_sa(name)

        def probe() -> IkeSa | None:
            with contextlib.suppress(LookupError):
                sa = self.ike_sa(name)
                if sa.uniqueid > old.uniqueid:
                    return sa
            return None

        self._request("rekey", {"ike-id": str(old.uniqueid)})
        return _wait_until(probe, timeout, f"a rekeyed IKE_SA {name!r} on {self.name}")

    def _request(self, command: str, message: dict[str, Value]) -> Message:
        with self._vici() as vici:
            response = vici.request(command, message)
        if text(response, "success") != "yes":
            raise LabError(f"{command} {message} on {self.name}: {text(response, 'errmsg', 'failed')}")
        return response

    # -- logs --------------------------------------------------------------------------------------------------------

    def log_offset(self) -> int:
        """The current end of the log, to pass as ``since`` and read only what follows."""
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def log(self, since: int = 0) -> str:
        """charon's log text from byte offset ``since``."""
        if not self.log_path.exists():
            return ""
        with self.log_path.open("rb") as file:
            file.seek(since)
            return file.read().decode(errors="replace")

    def wait_for_log(self, pattern: str, *, since: int = 0, timeout: float = 5.0) -> re.Match[str]:
        """Wait until the log (from ``since``) matches the regular expression ``pattern``; return the match."""
        compiled = re.compile(pattern)
        return _wait_until(lambda: compiled.search(self.log(since)), timeout, f"{pattern!r} in {self.name}'s log")

    def owns(self, address: IPv4Address) -> bool:
        return address in self.hosts

    def ip(self, *args: str) -> str:
        """Run ``ip ARGS`` in this peer's namespace, e.g. ``peer.ip("route", "add", "10.10.0.0/24", "dev", "ipsec0")``."""
        return _run([_tool("ip") or "ip", "-n", self.namespace, *args])


# --------------------------------------------------------------------------------------------------------------------
# The lab


class Topology:
    """A context manager over ``_build`` and ``close``: what was built is removed again, even when building fails."""

    def _build(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        try:
            self._build()
        except BaseException as error:
            try:
                self.close()
            except LabError as teardown:
                error.add_note(str(teardown))
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


class Lab(Topology):
    """Two namespaces on a veth pair, a charon in each; a context manager that removes everything it made.

    ``with Lab() as lab:`` builds it in about 0.1 s. ``lab.cloud`` and ``lab.onprem`` are the :class:`Peer`\\ s. Names
    are ``cvpn-<pid>-<random>-<side>``, unique per run, so parallel runs (pytest-xdist) do not collide.

    Args:
        cloud_addresses: the cloud side's public addresses; the first is :attr:`Peer.address`. Give two for a
            dual-tunnel attachment (two gateway IPs, one charon).
        onprem_addresses: the on-premises public addresses (the customer gateway IP first).
        cloud_subnets: the protected CIDRs behind the cloud side; the first host of each is put on ``lo``.
        onprem_subnets: the protected CIDRs behind the on-premises side.
        charon_conf: extra ``strongswan.conf`` text appended for both daemons, e.g.
            ``"charon { plugins { openssl { load_legacy = no } } }"`` (later settings override earlier ones).
        startup_timeout: seconds to wait for each charon's VICI socket.
    """

    def __init__(
        self,
        *,
        cloud_addresses: Sequence[str] = ("203.0.113.10",),
        onprem_addresses: Sequence[str] = ("198.51.100.20",),
        cloud_subnets: Sequence[str] = ("10.10.0.0/24",),
        onprem_subnets: Sequence[str] = ("10.20.0.0/24",),
        charon_conf: str = "",
        startup_timeout: float = 5.0,
    ) -> None:
        self.prefix = f"cvpn-{os.getpid()}-{secrets.token_hex(3)}"
        self.directory = Path(tempfile.gettempdir()) / self.prefix
        self._startup_timeout = startup_timeout
        self._namespaces: list[str] = []
        self._made_directory = False
        self.cloud = Peer(
            "cloud",
            namespace=f"{self.prefix}-cloud",
            directory=self.directory / "cloud",
            addresses=map(IPv4Address, cloud_addresses),
            subnets=map(IPv4Network, cloud_subnets),
            charon_conf=charon_conf,
        )
        self.onprem = Peer(
            "onprem",
            namespace=f"{self.prefix}-onprem",
            directory=self.directory / "onprem",
            addresses=map(IPv4Address, onprem_addresses),
            subnets=map(IPv4Network, onprem_subnets),
            charon_conf=charon_conf,
        )
        self.peers = (self.cloud, self.onprem)

    def __repr__(self) -> str:
        return f"Lab({self.prefix!r}, cloud={self.cloud.address}, onprem={self.onprem.address})"

    def _build(self) -> None:
        ip = _tool("ip")
        if ip is None:
            raise LabError(f"ip (iproute2) not found; {INSTALL_HINT}")
        self.directory.mkdir(mode=0o700)
        self._made_directory = True
        for peer in self.peers:
            peer.directory.mkdir()
            if len(str(peer.vici_path)) > 100:
                raise LabError(f"VICI socket path too long for AF_UNIX: {peer.vici_path}")
            _run([ip, "netns", "add", peer.namespace])
            self._namespaces.append(peer.namespace)
        # Created directly inside the namespaces, so the fixed name "wan" never exists in the root namespace.
        veth = [ip, "link", "add", "wan", "netns", self.cloud.namespace, "type", "veth"]
        _run([*veth, "peer", "name", "wan", "netns", self.onprem.namespace])
        for peer, other in ((self.cloud, self.onprem), (self.onprem, self.cloud)):
            commands = [
                "link set lo up",
                f"addr add {peer.address}/32 peer {other.address}/32 dev wan",
                "link set wan up",
            ]
            commands += [f"addr add {extra}/32 dev wan" for extra in peer.addresses[1:]]
            commands += [f"route add {extra}/32 dev wan" for extra in other.addresses[1:]]
            commands += [f"addr add {host}/32 dev lo" for host in peer.hosts]
            _run([ip, "-n", peer.namespace, "-batch", "-"], stdin="\n".join(commands) + "\n")
        for peer in self.peers:
            peer._start(ip)
        for peer in self.peers:
            peer._wait_ready(self._startup_timeout)

    def close(self) -> None:
        """Stop both charons by PID, delete our namespaces and the work directory; safe to call twice."""
        errors: list[str] = []
        for peer in self.peers:
            try:
                peer._stop()
            except (OSError, subprocess.SubprocessError) as error:
                errors.append(f"stopping charon for {peer.name}: {error}")
        ip = _tool("ip") or "ip"
        while self._namespaces:
            namespace = self._namespaces.pop()
            try:
                _run([ip, "netns", "delete", namespace])
            except LabError as error:
                errors.append(str(error))
        if self._made_directory:
            shutil.rmtree(self.directory, ignore_errors=True)
            self._made_directory = False
        if errors:
            raise LabError("lab teardown: " + "; ".join(errors))

    # -- convenience over both peers ---------------------------------------------------------------------------------

    def load(self, *, cloud: str, onprem: str) -> None:
        """Load a ``swanctl.conf`` into each side."""
        self.cloud.load(cloud)
        self.onprem.load(onprem)

    def establish(
        self, child: str, *, ike: str | None = None, initiator: str = "onprem", timeout: float = 10.0
    ) -> tuple[IkeSa, IkeSa]:
        """Initiate ``child`` from ``initiator`` and wait until both sides have it installed.

        Returns ``(initiator's IKE_SA, responder's IKE_SA)``. The responder may install a moment after the initiator
        (IKEv1 Quick Mode), hence the wait. Raises :class:`NegotiationError` when negotiation fails.
        """
        first = self.peer(initiator)
        second = self.onprem if first is self.cloud else self.cloud
        first.initiate(child, ike, timeout=timeout)
        return first.wait_child(child, ike=ike, timeout=timeout), second.wait_child(child, ike=ike, timeout=timeout)

    def keep_ike_outside_tunnels(self) -> None:
        """Route-based tunnels (0.0.0.0/0 selectors): kernel-libipsec routes everything into its TUN device
        (``default dev ipsec0`` in table 220) and excludes only the peer of each tunnel already up, so the first
        tunnel would swallow the second tunnel's IKE packets. Exclude every IKE peer beforehand (``throw`` falls
        through to the main table), as a route-based device keeps its IKE traffic out of its tunnel interfaces."""
        for peer, other in ((self.cloud, self.onprem), (self.onprem, self.cloud)):
            commands = [f"route add throw {address}/32 table 220" for address in other.addresses]
            _run([_tool("ip") or "ip", "-n", peer.namespace, "-batch", "-"], stdin="\n".join(commands) + "\n")

    def peer(self, name: str) -> Peer:
        """``"cloud"`` or ``"onprem"``."""
        for peer in self.peers:
            if peer.name == name:
                return peer
        raise KeyError(f"no peer {name!r}; use 'cloud' or 'onprem'")

    def owner(self, address: IPv4Address) -> Peer:
        """The peer whose protected hosts include ``address``."""
        for peer in self.peers:
            if peer.owns(address):
                return peer
        raise KeyError(f"{address} is not a protected host of either peer: {[p.hosts for p in self.peers]}")

    def send_udp(
        self, source: str | IPv4Address, destination: str | IPv4Address, port: int = 7777, *, timeout: float = 3.0
    ) -> UdpExchange:
        """Send a datagram from protected host ``source`` to ``destination``, get it echoed back, and prove the tunnel.

        Passes only when the datagram arrives with its source address unchanged, the echo returns, and on each side the
        CHILD_SAs that cover the pair counted packets both ways. Raises :class:`TrafficError` otherwise.
        """
        src, dst = IPv4Address(source), IPv4Address(destination)
        sender, receiver = self.owner(src), self.owner(dst)
        if sender is receiver:
            raise ValueError(f"{src} and {dst} are on the same side ({sender.name})")
        before = (_counters(sender, src, dst), _counters(receiver, dst, src))
        payload = secrets.token_bytes(16)
        python = [sys.executable, "-I", "-S", "-c"]
        ip = _tool("ip") or "ip"
        with subprocess.Popen(
            [
                ip,
                "netns",
                "exec",
                receiver.namespace,
                *python,
                _RECEIVER,
                str(dst),
                str(port),
                str(timeout + 1),
                "echo",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as listener:
            try:
                _read_line(listener, timeout, f"the UDP receiver on {dst}:{port} to bind")
                try:
                    sent = subprocess.run(
                        [
                            ip,
                            "netns",
                            "exec",
                            sender.namespace,
                            *python,
                            _SENDER,
                            str(src),
                            str(dst),
                            str(port),
                            payload.hex(),
                            str(timeout),
                        ],
                        capture_output=True,
                        text=True,
                        timeout=timeout + 5,
                        check=False,
                    )
                except subprocess.TimeoutExpired as error:
                    raise TrafficError(f"UDP sender {src} -> {dst} hung") from error
                # The sender waited up to `timeout` for the echo; by then a datagram that arrived has been reported.
                echoed = sent.returncode == 0 and sent.stdout.split() == [str(dst), payload.hex()]
                try:
                    received = _read_line(listener, timeout if echoed else 0.2, "the datagram at the receiver")
                except TrafficError:
                    raise TrafficError(
                        f"UDP {src} -> {dst}:{port} did not arrive within {timeout:g} s"
                        f" (sender: {sent.stderr.strip() or 'no error'})"
                    ) from None
            finally:
                if listener.poll() is None:
                    listener.kill()
                listener.wait(timeout)
        seen, _, data = received.partition(" ")
        if bytes.fromhex(data) != payload:
            raise TrafficError(f"{dst} received {data!r}, expected {payload.hex()}")
        if not echoed:
            raise TrafficError(f"UDP {src} -> {dst} arrived but no echo came back: {sent.stdout}{sent.stderr}")
        carriers = (
            _carrier(sender, src, dst, before[0]),
            _carrier(receiver, dst, src, before[1]),
        )
        return UdpExchange(src, dst, port, payload, IPv4Address(seen), carriers[0], carriers[1])


LabFactory = Callable[..., Lab]
"""The ``make_lab`` fixture: ``make_lab(cloud_subnets=[...], ...)`` takes the keyword arguments of :class:`Lab`."""


def _covering_children(peer: Peer, local: IPv4Address, remote: IPv4Address) -> list[ChildSa]:
    """The installed CHILD_SAs on ``peer`` whose traffic selectors cover ``local`` → ``remote``.

    Waits a little: while charon updates an SA (a MOBIKE address update when the veth gets its IPv6 link-local
    address), the SA is briefly not listed as installed."""

    def probe() -> list[ChildSa] | None:
        found = [
            child
            for sa in peer.list_sas()
            for child in sa.children
            if child.state == "INSTALLED" and _covers(child.local_ts, local) and _covers(child.remote_ts, remote)
        ]
        return found or None

    try:
        return _wait_until(probe, 2.0, f"an installed CHILD_SA on {peer.name} covering {local} -> {remote}")
    except LabError:
        raise TrafficError(f"no installed CHILD_SA on {peer.name} covers {local} -> {remote}") from None


def _counters(peer: Peer, local: IPv4Address, remote: IPv4Address) -> dict[int, tuple[int, int]]:
    """Packets in and out of each covering CHILD_SA, by unique id."""
    return {c.uniqueid: (c.packets_in, c.packets_out) for c in _covering_children(peer, local, remote)}


def _carrier(peer: Peer, local: IPv4Address, remote: IPv4Address, before: dict[int, tuple[int, int]]) -> ChildSa:
    """The covering CHILD_SA that sent the datagram, once the covering SAs together counted it both ways.

    With two tunnels for the same selectors each side picks one on its own, so the datagram may leave through
    one and its echo return through the other: the counts are summed over the covering SAs (a new one counts
    from zero)."""
    children = _covering_children(peer, local, remote)
    rises = [
        (
            child,
            child.packets_in - before.get(child.uniqueid, (0, 0))[0],
            child.packets_out - before.get(child.uniqueid, (0, 0))[1],
        )
        for child in children
    ]
    if sum(r[1] for r in rises) <= 0 or sum(r[2] for r in rises) <= 0:
        counts = ", ".join(f"{c.name}{{{c.uniqueid}}} in {c.packets_in}, out {c.packets_out}" for c in children)
        raise TrafficError(
            f"the CHILD_SAs on {peer.name} did not count the exchange both ways ({counts}; before {before})"
        )
    return max(rises, key=lambda r: r[2])[0]


def _covers(selectors: Iterable[str], address: IPv4Address) -> bool:
    for selector in selectors:
        network = selector.split("[", 1)[0]  # "10.1.0.0/24[udp/500]" carries protocol and port
        with contextlib.suppress(ValueError):
            if address in ipaddress.ip_network(network, strict=False):
                return True
    return False


def _read_line(process: subprocess.Popen[str], timeout: float, what: str) -> str:
    """One line of ``process``'s stdout within ``timeout`` seconds, or a :class:`TrafficError` with its stderr."""
    assert process.stdout is not None
    readable, _, _ = select.select([process.stdout], [], [], timeout)
    line = process.stdout.readline() if readable else ""
    if not line:
        if process.poll() is None:
            process.kill()
        _, stderr = process.communicate(timeout=5)
        raise TrafficError(f"timed out after {timeout:g} s waiting for {what}: {stderr.strip()}")
    return line.strip()
