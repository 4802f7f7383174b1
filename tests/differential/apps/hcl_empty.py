"""``empty`` under ``cdktf synth --hcl``."""

from .empty import build

__all__ = ["build"]
