"""``operators`` under ``cdktf synth --hcl``."""

from .operators import build

__all__ = ["build"]
