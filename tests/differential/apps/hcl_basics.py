"""``basics`` under ``cdktf synth --hcl``."""

from .basics import build

__all__ = ["build"]
