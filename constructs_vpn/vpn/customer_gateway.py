"""``CustomerGateway``: the data center's VPN device as the cloud knows it (``alicloud_vpn_customer_gateway``)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Protocol, Unpack, runtime_checkable

from ..core.construct import Construct
from ..core.provider import TerraformProvider
from ._base import VpnConstruct, load, props_names

if TYPE_CHECKING:  # the binding loads when a gateway is built, the props (with pydantic) with the first construct
    from ..alicloud.vpn_customer_gateway import VpnCustomerGateway
    from .props import CustomerGatewayAttributes, CustomerGatewayOptions, CustomerGatewayProps

__all__ = [
    "CustomerGateway",
    "CustomerGatewayAttributes",
    "CustomerGatewayOptions",
    "CustomerGatewayProps",
    "ICustomerGateway",
]

__getattr__ = props_names(__name__, "CustomerGatewayAttributes", "CustomerGatewayOptions", "CustomerGatewayProps")


@runtime_checkable
class ICustomerGateway(Protocol):
    """A customer gateway: one this app creates (``CustomerGateway``) or one it only refers to
    (``CustomerGateway.from_customer_gateway_attributes``)."""

    @property
    def customer_gateway_id(self) -> str:
        """The gateway's id (``cgw-...``)."""
        ...

    @property
    def provider(self) -> TerraformProvider | None:
        """The provider (account, region) the gateway lives in."""
        ...


class CustomerGatewayReference(VpnConstruct):
    """An existing customer gateway, referred to by id: no resource, no import, Terraform never manages it.

    Its address and ASN are unknown here, so the connection's address and BGP-ASN rules skip it."""

    def __init__(self, scope: Construct, id: str, customer_gateway_id: str, provider: TerraformProvider | None) -> None:
        """Use ``CustomerGateway.from_customer_gateway_attributes``."""
        super().__init__(scope, id)
        self.provider = provider
        self.props: CustomerGatewayAttributes | None = self._props(
            load(".props").CustomerGatewayAttributes, {"customer_gateway_id": customer_gateway_id}
        )

    @property
    def customer_gateway_id(self) -> str:
        return self.props.customer_gateway_id if self.props is not None else self._unavailable()


class CustomerGateway(VpnConstruct):
    """A customer gateway. Reference it from ``IpsecConnection(customer_gateway=...)``."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        provider: TerraformProvider | None = None,
        **options: Unpack[CustomerGatewayOptions],
    ) -> None:
        """Create a customer gateway (``alicloud_vpn_customer_gateway``), or adopt one with ``existing=``.

        ``provider``: the account and region (for a cross-account connection, the VPN account's).
        ``options``: see ``CustomerGatewayProps``; problems are reported at synth."""
        super().__init__(scope, id)
        self.props: CustomerGatewayProps | None = self._props(load(".props").CustomerGatewayProps, options)
        self.provider = provider
        self.resource: VpnCustomerGateway | None = None
        if self.props is not None:
            self.resource = self._build(self._create)

    @staticmethod
    def from_customer_gateway_attributes(
        scope: Construct, id: str, *, customer_gateway_id: str, provider: TerraformProvider | None = None
    ) -> ICustomerGateway:
        """Refer to an existing customer gateway by id, without Terraform taking it over (no resource, no import)."""
        return CustomerGatewayReference(scope, id, customer_gateway_id, provider)

    def _create(self) -> VpnCustomerGateway:
        from ..alicloud.vpn_customer_gateway import VpnCustomerGateway

        props = self.props
        assert props is not None
        resource = VpnCustomerGateway(
            self,
            "Resource",
            ip_address=props.ip_address,
            asn=None if props.asn is None else str(props.asn),
            customer_gateway_name=props.name,
            description=props.description,
            tags=props.tags,
            provider=self.provider,
        )
        if props.existing is not None:
            resource.import_from(props.existing, self.provider)
        return resource

    @cached_property
    def customer_gateway_id(self) -> str:
        """One token for every reader (both tunnels of a connection, other connections)."""
        return self.resource.id if self.resource is not None else self._unavailable()
