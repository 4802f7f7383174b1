"""``annotations`` under ``cdktf synth --hcl``."""

from .annotations import APP_OPTIONS, build

__all__ = ["APP_OPTIONS", "build"]
