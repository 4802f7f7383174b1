"""``python -m constructs_vpn.cli``."""

import sys

from .main import main

sys.exit(main())
