"""Example apps. ``python -m stacks`` (the app in cdktf.json) synthesizes every example stack."""

from __future__ import annotations

from constructs_vpn.core import App

from . import generic_site

__all__ = ["build_app"]


def build_app(app: App | None = None) -> App:
    """Add every example stack to ``app`` (a new App from the environment if none)."""
    app = app or App()
    generic_site.GenericSiteStack(app, "generic-site")
    return app
