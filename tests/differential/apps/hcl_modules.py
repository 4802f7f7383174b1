"""``modules`` under ``cdktf synth --hcl``."""

from .modules import build

__all__ = ["build"]
