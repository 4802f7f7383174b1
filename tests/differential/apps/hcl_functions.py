"""``functions`` under ``cdktf synth --hcl``."""

from .functions import build

__all__ = ["build"]
