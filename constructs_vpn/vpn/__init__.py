"""The VPN constructs: CEN instance, transit router, customer gateway and IPsec-VPN connection.

Every console parameter with its console default and rule; names load on first use (PEP 562), and the construct
classes import without pydantic (their props and option models load with it when the first construct is built).
``PropsModel`` is the base of their option models, for apps' own input models (frozen, strict, every problem
reported at once).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.lazy import lazy_names

if TYPE_CHECKING:
    from .cen import CenInstance as CenInstance
    from .cen import ICenInstance as ICenInstance
    from .customer_gateway import CustomerGateway as CustomerGateway
    from .customer_gateway import ICustomerGateway as ICustomerGateway
    from .ipsec_connection import IIpsecConnection as IIpsecConnection
    from .ipsec_connection import IpsecConnection as IpsecConnection
    from .options import BgpConfig as BgpConfig
    from .options import CrossAccount as CrossAccount
    from .options import ExistingConnection as ExistingConnection
    from .options import HealthCheckConfig as HealthCheckConfig
    from .options import IkeConfig as IkeConfig
    from .options import IpsecConfig as IpsecConfig
    from .options import PropsModel as PropsModel
    from .options import StaticRoute as StaticRoute
    from .options import TunnelOptions as TunnelOptions
    from .props import TransitRouterCidrBlock as TransitRouterCidrBlock
    from .psk_rule import add_psk_validation as add_psk_validation
    from .transit_router import ITransitRouter as ITransitRouter
    from .transit_router import TransitRouter as TransitRouter

_MODULES = {
    "CenInstance": ".cen",
    "CustomerGateway": ".customer_gateway",
    "IpsecConnection": ".ipsec_connection",
    "IIpsecConnection": ".ipsec_connection",
    "ICenInstance": ".cen",
    "ICustomerGateway": ".customer_gateway",
    "ITransitRouter": ".transit_router",
    "BgpConfig": ".options",
    "CrossAccount": ".options",
    "ExistingConnection": ".options",
    "HealthCheckConfig": ".options",
    "IkeConfig": ".options",
    "IpsecConfig": ".options",
    "StaticRoute": ".options",
    "TunnelOptions": ".options",
    "PropsModel": ".options",
    "TransitRouter": ".transit_router",
    "TransitRouterCidrBlock": ".props",
    "add_psk_validation": ".psk_rule",
}

__all__ = [
    "BgpConfig",
    "CenInstance",
    "CrossAccount",
    "CustomerGateway",
    "ExistingConnection",
    "HealthCheckConfig",
    "ICenInstance",
    "ICustomerGateway",
    "IIpsecConnection",
    "ITransitRouter",
    "IkeConfig",
    "IpsecConfig",
    "IpsecConnection",
    "PropsModel",
    "StaticRoute",
    "TransitRouter",
    "TransitRouterCidrBlock",
    "TunnelOptions",
    "add_psk_validation",
]


__getattr__, __dir__ = lazy_names(__name__, _MODULES)
