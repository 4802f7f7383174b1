"""A dual-tunnel lab: the device in one namespace, each cloud tunnel end in its own (so one can go away alone).

::

    cloud-a (47.96.0.10, charon, 10.10.0.1) ── wan1 ─┐
                                                     onprem (203.0.113.50 + .51, charon, 10.20.0.1)
    cloud-b (47.96.0.11, charon, 10.10.0.1) ── wan2 ─┘

Both cloud ends hold the cloud's protected host (the VPC is reachable through either tunnel), so a datagram
shows by where it arrives which tunnel carried it. Every IKE peer is excluded from kernel-libipsec's tunnel
route beforehand (see :meth:`tests.peer.lab.Lab.keep_ike_outside_tunnels`).
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from ipaddress import IPv4Address, IPv4Network
from pathlib import Path

from tests.peer.lab import _RECEIVER, LabError, Peer, Topology, _run, _tool

__all__ = ["EcmpLab"]

_SEND = """
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], 0))
s.sendto(bytes.fromhex(sys.argv[4]), (sys.argv[2], int(sys.argv[3])))
"""


class EcmpLab(Topology):
    """Three namespaces and three charons; a context manager that removes everything it made."""

    def __init__(
        self,
        *,
        cloud_addresses: Sequence[str],
        device_addresses: Sequence[str],
        cloud_subnet: str = "10.10.0.0/24",
        device_subnet: str = "10.20.0.0/24",
    ) -> None:
        self.prefix = f"cvpn-{secrets.token_hex(3)}"
        self.directory = Path(tempfile.gettempdir()) / self.prefix
        self.device = Peer(
            "onprem",
            namespace=f"{self.prefix}-onprem",
            directory=self.directory / "onprem",
            addresses=map(IPv4Address, device_addresses),
            subnets=[IPv4Network(device_subnet)],
        )
        self.clouds = tuple(
            Peer(
                f"cloud-{'ab'[index]}",
                namespace=f"{self.prefix}-cloud{index}",
                directory=self.directory / f"cloud{index}",
                addresses=[IPv4Address(address)],
                subnets=[IPv4Network(cloud_subnet)],
            )
            for index, address in enumerate(cloud_addresses)
        )
        self.peers = (self.device, *self.clouds)
        self._namespaces: list[str] = []

    def _build(self) -> None:
        ip = _tool("ip") or "ip"
        self.directory.mkdir(mode=0o700)
        for peer in self.peers:
            peer.directory.mkdir()
            _run([ip, "netns", "add", peer.namespace])
            self._namespaces.append(peer.namespace)
        device_commands = ["link set lo up", f"addr add {self.device.hosts[0]}/32 dev lo"]
        for index, cloud in enumerate(self.clouds, start=1):
            local, remote = self.device.addresses[index - 1], cloud.address
            link = [ip, "link", "add", f"wan{index}", "netns", self.device.namespace, "type", "veth"]
            _run([*link, "peer", "name", "wan", "netns", cloud.namespace])
            device_commands += [
                f"addr add {local}/32 peer {remote}/32 dev wan{index}",
                f"link set wan{index} up",
                f"route add throw {remote}/32 table 220",
            ]
            cloud_commands = [
                "link set lo up",
                f"addr add {remote}/32 peer {local}/32 dev wan",
                "link set wan up",
                f"addr add {cloud.hosts[0]}/32 dev lo",
                f"route add throw {local}/32 table 220",
            ]
            _run([ip, "-n", cloud.namespace, "-batch", "-"], stdin="\n".join(cloud_commands) + "\n")
        _run([ip, "-n", self.device.namespace, "-batch", "-"], stdin="\n".join(device_commands) + "\n")
        for peer in self.peers:
            peer._start(ip)
        for peer in self.peers:
            peer._wait_ready(5.0)

    def close(self) -> None:
        errors = []
        for peer in self.peers:
            try:
                peer._stop()
            except (OSError, subprocess.SubprocessError) as error:
                errors.append(f"stopping charon for {peer.name}: {error}")
        while self._namespaces:
            try:
                _run([_tool("ip") or "ip", "netns", "delete", self._namespaces.pop()])
            except LabError as error:
                errors.append(str(error))
        shutil.rmtree(self.directory, ignore_errors=True)
        if errors:
            raise LabError("ecmp lab teardown: " + "; ".join(errors))

    def send(self, sender: Peer, source: IPv4Address, destination: IPv4Address, *receivers: Peer) -> Peer | None:
        """One datagram ``source`` → ``destination`` from ``sender``'s namespace; the receiver it reached, if any."""
        ip = _tool("ip") or "ip"
        python = [sys.executable, "-I", "-S", "-c"]
        payload = secrets.token_hex(8)
        listeners = [
            subprocess.Popen(
                [ip, "netns", "exec", peer.namespace, *python, _RECEIVER, str(destination), "7788", "2", "quiet"],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            for peer in receivers
        ]
        try:
            for listener in listeners:
                assert listener.stdout is not None
                if listener.stdout.readline().strip() != "ready":
                    raise LabError("a UDP receiver did not start")
            _run(
                [ip, "netns", "exec", sender.namespace, *python, _SEND, str(source), str(destination), "7788", payload]
            )
            outputs = [listener.communicate(timeout=5)[0].strip() for listener in listeners]
        finally:
            for listener in listeners:
                if listener.poll() is None:
                    listener.kill()
                    listener.wait()
        # The receiver prints "<sender> <payload>"; it does not echo: an echo could leave by the other tunnel.
        reached = [peer for peer, output in zip(receivers, outputs, strict=True) if output.endswith(f" {payload}")]
        if len(reached) > 1:
            raise LabError(f"one datagram reached {len(reached)} receivers")
        return reached[0] if reached else None
