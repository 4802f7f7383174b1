"""``backends_more`` under ``cdktf synth --hcl``."""

from .backends_more import build

__all__ = ["build"]
