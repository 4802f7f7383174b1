"""``assets`` under ``cdktf synth --hcl``."""

from .assets import build

__all__ = ["build"]
