"""Writes a fleet inventory of generated sites (``stacks/fleet.csv`` holds the 1,000 of ``python -m
stacks.fleet_inventory 1000``; a test keeps the file equal to this output).

Addresses come from 198.18.0.0/15 (RFC 2544's benchmarking block: public to the VPN rules, never a real peer);
LANs are consecutive /24s of 10.0.0.0/8; sites are spread round-robin over four regions.
"""

from __future__ import annotations

import ipaddress
import sys

from .inventory import COLUMNS, OPTIONAL_COLUMNS

__all__ = ["REGIONS", "inventory_text"]

REGIONS = ("cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen")
_PEERS = ipaddress.IPv4Network("198.18.0.0/15")
_LANS = ipaddress.IPv4Network("10.0.0.0/8")


def inventory_text(count: int, *, regions: tuple[str, ...] = REGIONS) -> str:
    """The CSV of ``count`` sites named ``site-0001`` onwards, with a header of every column."""
    if not 0 < count < min(_PEERS.num_addresses, 2**16) - 1:
        raise ValueError(f"count must be 1 to 65534, not {count}")
    lines = [",".join(COLUMNS + OPTIONAL_COLUMNS)]
    for index in range(1, count + 1):
        peer = _PEERS.network_address + index
        lan = ipaddress.IPv4Network((int(_LANS.network_address) + index * 256, 24))
        lines.append(f"site-{index:04d},{peer},{lan},{regions[(index - 1) % len(regions)]},")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(inventory_text(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
