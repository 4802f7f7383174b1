"""``backends`` under ``cdktf synth --hcl``."""

from .backends import build

__all__ = ["build"]
