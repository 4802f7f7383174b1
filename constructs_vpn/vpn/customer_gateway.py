"""``CustomerGateway``: the data center's VPN device as the cloud knows it (``alicloud_vpn_customer_gateway``)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Protocol, TypedDict, Unpack, runtime_checkable

from ..core.construct import Construct
from ..core.provider import TerraformProvider
from ._base import PropsModel, VpnConstruct
from .types import Asn, Description, Ipv4, Name100, ResourceId, Tags

if TYPE_CHECKING:  # the binding loads when a gateway is built
    from ..alicloud.vpn_customer_gateway import VpnCustomerGateway

__all__ = [
    "CustomerGateway",
    "CustomerGatewayAttributes",
    "CustomerGatewayOptions",
    "CustomerGatewayProps",
    "ICustomerGateway",
]


class CustomerGatewayProps(PropsModel):
    """The console's "Create Customer Gateway" dialog. ``ip_address`` and ``asn`` force replacement."""

    ip_address: Ipv4
    """The device's public (or, for a private connection, private) IPv4 address. Changing it replaces the
    customer gateway."""
    asn: Asn | None = None
    """The device's ASN, needed for BGP; 1-4294967295, dotted ``123.456`` accepted. Default: none."""
    name: Name100 | None = None
    """Name, 1-100 characters. Default: none (the console leaves it empty)."""
    description: Description | None = None
    """Description. Default: none."""
    tags: Tags | None = None
    """Tags. Default: none."""
    existing: ResourceId | None = None
    """Adopt an existing customer gateway by id (``cgw-...``): emits a Terraform ``import`` block.
    Default: create a new one."""


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


class CustomerGatewayAttributes(PropsModel):
    """What a reference to an existing customer gateway needs: its id."""

    customer_gateway_id: ResourceId
    """The gateway's id (``cgw-...``), or a token (e.g. another stack's ``cgw.customer_gateway_id``)."""


class CustomerGatewayReference(VpnConstruct):
    """An existing customer gateway, referred to by id: no resource, no import, Terraform never manages it.

    Its address and ASN are unknown here, so the connection's address and BGP-ASN rules skip it."""

    def __init__(self, scope: Construct, id: str, customer_gateway_id: str, provider: TerraformProvider | None) -> None:
        """Use ``CustomerGateway.from_customer_gateway_attributes``."""
        super().__init__(scope, id)
        self.provider = provider
        self.props = self._props(CustomerGatewayAttributes, {"customer_gateway_id": customer_gateway_id})

    @property
    def customer_gateway_id(self) -> str:
        return self.props.customer_gateway_id if self.props is not None else self._unavailable()


class CustomerGatewayOptions(TypedDict, total=False):
    """Keyword arguments of ``CustomerGateway`` (checked at run time by ``CustomerGatewayProps``)."""

    ip_address: str
    asn: int | str
    name: str
    description: str
    tags: dict[str, str]
    existing: str


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
        self.props = self._props(CustomerGatewayProps, options)
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
