"""``iterators_more`` under ``cdktf synth --hcl``."""

from .iterators_more import build

__all__ = ["build"]
