"""Behaviour per resource family; :data:`RESOURCES` and :data:`DATA_SOURCES` list what the emulator serves."""

from __future__ import annotations

from .account import Account
from .attachments import GrantAttachment, RouteTableAssociation, RouteTablePropagation, TransitRouterVpnAttachment
from .base import Call, DataFamily, Family
from .cen import (
    AvailableResources,
    CenInstance,
    RouteTable,
    RouteTables,
    TransitRouter,
    TransitRouterCidr,
    TransitRouterService,
)
from .express import PhysicalConnections, TransitRouterVbrAttachment, VirtualBorderRouter
from .ipam import Ipam, IpamPool, IpamPoolCidr
from .network import ResourceGroups, TransitRouterVpcAttachment, Vpc, Vpcs, VSwitch, VSwitches, Zones
from .vpn import CustomerGateway, VcoRoute, VpnAttachment

__all__ = ["DATA_SOURCES", "RESOURCES", "Call", "DataFamily", "Family"]

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
        VcoRoute(),
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
    )
}
