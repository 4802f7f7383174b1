"""``strings`` under ``cdktf synth --hcl``."""

from .strings import build

__all__ = ["build"]
