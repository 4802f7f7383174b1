"""``iterators`` under ``cdktf synth --hcl``."""

from .iterators import build

__all__ = ["build"]
