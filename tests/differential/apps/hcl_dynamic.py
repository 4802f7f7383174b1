"""``dynamic`` under ``cdktf synth --hcl``."""

from .dynamic import build

__all__ = ["build"]
