# Type-checks the differential apps against the engine: under it, `cdktf` is constructs_vpn.core.
from constructs_vpn.core import *  # noqa: F403
