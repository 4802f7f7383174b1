"""``meta`` under ``cdktf synth --hcl``."""

from .meta import build

__all__ = ["build"]
