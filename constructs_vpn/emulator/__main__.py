"""``python -m constructs_vpn.emulator``: the provider process Terraform starts (through the launcher)."""

import sys

from .server import serve

sys.exit(serve())
