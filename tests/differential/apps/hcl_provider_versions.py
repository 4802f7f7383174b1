"""``provider_versions`` under ``cdktf synth --hcl``."""

from .provider_versions import build

__all__ = ["build"]
