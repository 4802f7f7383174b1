"""``cross_stack`` under ``cdktf synth --hcl``."""

from .cross_stack import build

__all__ = ["build"]
