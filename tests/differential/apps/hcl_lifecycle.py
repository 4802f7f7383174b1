"""``lifecycle`` under ``cdktf synth --hcl``."""

from .lifecycle import build

__all__ = ["build"]
