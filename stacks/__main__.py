"""Run by ``cdktf synth`` / ``constructs-vpn synth`` through cdktf.json."""

import sys

from constructs_vpn.core import ConstructsVpnError

from . import build_app

try:
    app = build_app()
except ConstructsVpnError as error:  # e.g. a malformed inventory: one clean message, no traceback
    sys.exit(f"error: {error}")
app.run()
