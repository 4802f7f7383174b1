"""``testing`` under ``cdktf synth --hcl``."""

from .testing import build

__all__ = ["build"]
