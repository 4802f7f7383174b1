"""Example apps. ``python -m stacks`` (the app in cdktf.json) synthesizes every example stack;
``python -m stacks.<module>`` synthesizes one. The fleet (``stacks.fleet``: a hub and 1,000 site stacks) joins
the examples only when the app's context has the key ``fleet``, so the usual synth stays quick."""

from __future__ import annotations

from constructs_vpn.core import App

__all__ = ["build_app"]


def build_app(app: App | None = None) -> App:
    """Add every example stack to ``app`` (a new App from the environment if none)."""
    # Imported here, not at package import, so `python -m stacks.<module>` runs its module only once.
    from .adopt_existing import AdoptExistingStack
    from .bgp_site import BgpSiteStack
    from .branches import BranchesStack
    from .cross_account import CrossAccountStack
    from .dc_destination import DcDestinationStack
    from .dual_tunnel import DualTunnelStack
    from .fleet import CONTEXT_KEY, build_fleet
    from .generic_site import GenericSiteStack
    from .protected_flows import ProtectedFlowsStack
    from .vpc_datacenter import VpcDatacenterStack

    app = app or App()
    GenericSiteStack(app, "generic-site")
    DcDestinationStack(app, "dc-destination")
    BgpSiteStack(app, "bgp-site")
    ProtectedFlowsStack(app, "protected-flows")
    CrossAccountStack(app, "cross-account")
    DualTunnelStack(app, "dual-tunnel")
    AdoptExistingStack(app, "adopt-existing")
    BranchesStack(app, "branches")
    VpcDatacenterStack(app, "vpc-datacenter")
    if app.node.try_get_context(CONTEXT_KEY) is not None:
        build_fleet(app)
    return app
