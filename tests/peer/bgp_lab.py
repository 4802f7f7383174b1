"""BGP daemons in the lab's namespaces: FRR (zebra + bgpd, the device) and BIRD (the cloud side).

The cloud side's ``bird.conf`` is written here from the synthesized connection, apart from the product's FRR
renderer: the connection's ``local_asn`` and ``local_bgp_ip``, the customer gateway's ``asn``, and the other
host of the tunnel /30 as the neighbour.
"""

from __future__ import annotations

import ipaddress
import json
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.peer.lab import LabError, Peer, _tool, _wait_until

__all__ = ["Bird", "Frr", "bird_conf"]

FRR_DIR = Path("/usr/lib/frr")


def _block(value: Any) -> Mapping[str, Any]:
    block: Mapping[str, Any] = value[0] if isinstance(value, list) else value
    return block


def bird_conf(document: Mapping[str, Any], body: Mapping[str, Any], *, announce: list[str], neighbour_asn: int | None = None,
              neighbour_ip: str | None = None) -> str:  # fmt: skip
    """The cloud's BGP side of every tunnel of connection ``body``: one ``protocol bgp`` per tunnel."""
    specs = body.get("tunnel_options_specification") or [{"tunnel_bgp_config": body["bgp_config"],
                                                           "customer_gateway_id": body["customer_gateway_id"]}]  # fmt: skip
    gateways = document["resource"]["alicloud_vpn_customer_gateway"]
    lines = ['log "{log}" all;', "protocol device { scan time 1; }"]
    lines += ["protocol static { ipv4; " + " ".join(f"route {cidr} blackhole;" for cidr in announce) + " }"]
    router_id = None
    for index, spec in enumerate(specs, start=1):
        bgp = _block(spec["tunnel_bgp_config"])
        name = spec["customer_gateway_id"].split(".")[1]
        device_asn = int(gateways[name]["asn"])
        hosts = [str(h) for h in ipaddress.IPv4Network(bgp["tunnel_cidr"]).hosts()]
        device_ip = next(h for h in hosts if h != bgp["local_bgp_ip"])
        router_id = router_id or bgp["local_bgp_ip"]
        lines += [
            f"protocol bgp tunnel{index} {{",
            f"    local {bgp['local_bgp_ip']} as {bgp['local_asn']};",
            f"    neighbor {neighbour_ip or device_ip} as {neighbour_asn or device_asn};",
            "    connect retry time 1; connect delay time 1; error wait time 1, 2;",
            "    ipv4 { import all; export where source = RTS_STATIC; };",
            "}",
        ]
    return f"router id {router_id};\n" + "\n".join(lines) + "\n"


class _Daemons:
    """Processes started in a peer's namespace, stopped (and reaped) on exit."""

    def __init__(self, peer: Peer) -> None:
        self.peer = peer
        self.directory = Path(tempfile.mkdtemp(prefix=f"{peer.namespace}-bgp-"))
        self.directory.chmod(0o755)
        self._processes: list[subprocess.Popen[bytes]] = []

    def _start(self, *command: str) -> None:
        ip = _tool("ip") or "ip"
        with (self.directory / "daemons.out").open("ab") as out:
            self._processes.append(
                subprocess.Popen(
                    [ip, "netns", "exec", self.peer.namespace, *command],
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            )

    def __enter__(self) -> _Daemons:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for process in reversed(self._processes):
            process.terminate()
        for process in self._processes:
            try:
                process.wait(3)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(3)
        shutil.rmtree(self.directory, ignore_errors=True)

    def output(self) -> str:
        path = self.directory / "daemons.out"
        return path.read_text(errors="replace") if path.exists() else ""


class Frr(_Daemons):
    """zebra and bgpd reading one ``frr.conf``; ``show`` asks bgpd through vtysh."""

    def __init__(self, peer: Peer, conf: str) -> None:
        super().__init__(peer)
        shutil.chown(self.directory, "frr", "frr")
        self.conf = self.directory / "frr.conf"
        self.conf.write_text(conf)
        shutil.chown(self.conf, "frr", "frr")

    def __enter__(self) -> Frr:
        common = ["-f", str(self.conf), "-u", "frr", "-g", "frr", "--vty_socket", str(self.directory),
                  "-z", str(self.directory / "zserv.api")]  # fmt: skip
        self._start(str(FRR_DIR / "zebra"), *common, "-i", str(self.directory / "zebra.pid"))
        _wait_until(lambda: (self.directory / "zserv.api").exists() or None, 10, "zebra's socket")
        self._start(str(FRR_DIR / "bgpd"), *common, "-i", str(self.directory / "bgpd.pid"))
        _wait_until(lambda: (self.directory / "bgpd.vty").exists() or None, 10, "bgpd's vty socket")
        return self

    def show(self, command: str) -> Any:
        vtysh = _tool("vtysh") or "vtysh"
        done = subprocess.run([vtysh, "--vty_socket", str(self.directory), "-c", f"{command} json"],
                              capture_output=True, text=True, timeout=10, check=False)  # fmt: skip
        if done.returncode != 0:
            raise LabError(f"vtysh {command}: {done.stdout}{done.stderr}")
        return json.loads(done.stdout)


class Bird(_Daemons):
    """BIRD 2 with its control socket; ``show`` runs birdc."""

    def __init__(self, peer: Peer, conf: str) -> None:
        super().__init__(peer)
        self.log = self.directory / "bird.log"
        self.conf = self.directory / "bird.conf"
        self.conf.write_text(conf.replace("{log}", str(self.log)))
        self.socket = self.directory / "bird.ctl"

    def __enter__(self) -> Bird:
        self._start("bird", "-f", "-c", str(self.conf), "-s", str(self.socket), "-P", str(self.directory / "bird.pid"))
        _wait_until(lambda: self.socket.exists() or None, 10, "bird's control socket")
        return self

    def show(self, command: str) -> str:
        done = subprocess.run(["birdc", "-s", str(self.socket), *command.split()], capture_output=True, text=True,
                              timeout=10, check=False)  # fmt: skip
        return done.stdout + done.stderr

    def wait(self, text: str, command: str = "show protocols all", timeout: float = 20) -> str:
        def probe() -> str | None:
            out = self.show(command)
            return out if text in out else None

        return _wait_until(probe, timeout, f"{text!r} in birdc {command}", interval=0.2)
