"""Behaviour per resource family; :data:`RESOURCES` and :data:`DATA_SOURCES` list what the emulator serves.

The types the package pins are those of the vendored provider schema (the one list ``check_stack`` and the
generated bindings use); :data:`UNSERVED` is that list minus the families, so the emulator can declare every
pinned type and refuse, naming itself, the ones it does not emulate yet.
"""

from __future__ import annotations

from ..schema import pinned_types
from .account import Account
from .attachments import (
    CenInstanceGrant,
    GrantAttachment,
    RouteTableAssociation,
    RouteTableAssociations,
    RouteTablePropagation,
    RouteTablePropagations,
    TransitRouterVpnAttachment,
    TransitRouterVpnAttachments,
)
from .base import Call, DataFamily, Family
from .cen import (
    AvailableResources,
    CenInstance,
    CenInstances,
    RouteEntry,
    RouteTable,
    RouteTables,
    TransitRouter,
    TransitRouterCidr,
    TransitRouters,
    TransitRouterService,
)
from .express import PhysicalConnections, TransitRouterVbrAttachment, VirtualBorderRouter
from .ipam import Ipam, IpamPool, IpamPoolCidr
from .network import ResourceGroups, TransitRouterVpcAttachment, Vpc, Vpcs, VSwitch, VSwitches, Zones
from .vpn import (
    CustomerGateway,
    CustomerGateways,
    GatewayZones,
    VcoRoute,
    VcoRoutes,
    VpnAttachment,
    VpnAttachments,
    VpnConnection,
    VpnConnections,
    VpnGateway,
)

__all__ = ["DATA_SOURCES", "RESOURCES", "UNSERVED", "Call", "DataFamily", "Family"]

RESOURCES: dict[str, Family] = {
    family.type_name: family
    for family in (
        CenInstance(),
        TransitRouter(),
        TransitRouterCidr(),
        RouteTable(),
        CustomerGateway(),
        VpnAttachment(),
        TransitRouterVpnAttachment(),
        RouteTableAssociation(),
        RouteTablePropagation(),
        GrantAttachment(),
        CenInstanceGrant(),
        RouteEntry(),
        VcoRoute(),
        VpnGateway(),
        VpnConnection(),
        Vpc(),
        VSwitch(),
        TransitRouterVpcAttachment(),
        VirtualBorderRouter(),
        TransitRouterVbrAttachment(),
        Ipam(),
        IpamPool(),
        IpamPoolCidr(),
    )
}

DATA_SOURCES: dict[str, DataFamily] = {
    family.type_name: family
    for family in (
        RouteTables(),
        AvailableResources(),
        TransitRouterService(),
        Account(),
        Vpcs(),
        VSwitches(),
        Zones(),
        ResourceGroups(),
        PhysicalConnections(),
        VpnConnections(),
        TransitRouters(),
        CenInstances(),
        CustomerGateways(),
        GatewayZones(),
        TransitRouterVpnAttachments(),
        RouteTableAssociations(),
        RouteTablePropagations(),
        VcoRoutes(),
        VpnAttachments(),
    )
}

#: Pinned types without a family, by kind (``resource`` / ``data_source``), sorted.
UNSERVED: dict[str, tuple[str, ...]] = {
    "resource": tuple(sorted(pinned_types("resource") - RESOURCES.keys())),
    "data_source": tuple(sorted(pinned_types("data_source") - DATA_SOURCES.keys())),
}
