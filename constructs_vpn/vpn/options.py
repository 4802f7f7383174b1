"""The console's parameters as props models: one place for every field, its default and its rule.

Defaults are the console's, and constructs write them out explicitly (the provider would send 0/false for
an omitted block field). Models are frozen and reject unknown keys; nothing is coerced (``"true"`` is not a
bool, ``1.5`` is not an int). A field's docstring says what is written when it is left out.
"""

from __future__ import annotations

import ipaddress
from typing import Annotated, Any

from pydantic import Field, PlainValidator, model_validator

from ..core.tokens import Expression, Token
from ..core.variable import TerraformVariable
from ._base import PropsModel
from .customer_gateway import CustomerGateway
from .types import AS_IS, Asn, Cidr, Identity, Ipv4, Lifetime, TunnelCidr, check_psk, is_token, rule_error

__all__ = [
    "BgpConfig",
    "CrossAccount",
    "ExistingConnection",
    "HealthCheckConfig",
    "IkeConfig",
    "IpsecConfig",
    "PropsModel",
    "StaticRoute",
    "TunnelOptions",
]


def one_of(*allowed: str) -> PlainValidator:
    """A case-sensitive choice, as the provider's ``StringInSlice(..., false)``; tokens pass."""

    def check(value: Any) -> Any:
        if value in allowed and isinstance(value, str):
            return value
        if is_token(value):
            return value
        shown = repr(value) if isinstance(value, str) else f"a {type(value).__name__}"
        raise rule_error("enum", f"{shown} is not allowed", f"use one of {', '.join(allowed)}")

    return PlainValidator(check)


def _strict(kind: type, name: str, *, positive: bool = False) -> PlainValidator:
    def check(value: Any) -> Any:
        if is_token(value):
            return value
        if type(value) is not kind:
            raise rule_error("type", f"expected {name}, got {type(value).__name__}", f"pass {name}")
        if positive and isinstance(value, int) and value <= 0:
            raise rule_error("positive", f"{value} is not positive", "use a whole number of at least 1")
        return value

    return PlainValidator(check)


Bool = Annotated[bool, _strict(bool, "True or False"), AS_IS]
PositiveInt = Annotated[int, _strict(int, "a whole number", positive=True), AS_IS]
EncryptionAlgorithm = Annotated[str, one_of("aes", "aes192", "aes256", "des", "3des"), AS_IS]
AuthenticationAlgorithm = Annotated[str, one_of("md5", "sha1", "sha256", "sha384", "sha512"), AS_IS]
IkeDhGroup = Annotated[str, one_of("group1", "group2", "group5", "group14"), AS_IS]
IpsecDhGroup = Annotated[str, one_of("disabled", "group1", "group2", "group5", "group14"), AS_IS]

#: Choices the console allows but flags as weak: (field, value) → warning id.
WEAK_CHOICES = {"des": "vpn:weak-encryption", "3des": "vpn:weak-encryption", "md5": "vpn:weak-authentication",
                "group1": "vpn:weak-dh-group"}  # fmt: skip


class IkeConfig(PropsModel):
    """Phase 1 (IKE) negotiation, as grouped in the console. Terraform: ``ike_config`` (or ``tunnel_ike_config``)."""

    ike_version: Annotated[str, one_of("ikev1", "ikev2"), AS_IS] = "ikev2"
    """IKE version. Default ``ikev2`` (the console's; the provider sets none and its docs disagree)."""
    ike_mode: Annotated[str, one_of("main", "aggressive"), AS_IS] = "main"
    """Negotiation mode. Default ``main``; ``aggressive`` suits FQDN identities and dynamic peer addresses."""
    ike_enc_alg: EncryptionAlgorithm = "aes"
    """Encryption: ``aes`` (AES-128, default), ``aes192``, ``aes256``, ``des`` or ``3des`` (weak: warning)."""
    ike_auth_alg: AuthenticationAlgorithm = "sha1"
    """Authentication: ``sha1`` (default), ``md5`` (weak: warning), ``sha256``, ``sha384``, ``sha512``."""
    ike_pfs: IkeDhGroup = "group2"
    """Diffie-Hellman group: ``group2`` (default), ``group1`` (weak: warning), ``group5``, ``group14``."""
    ike_lifetime: Lifetime = 86400
    """IKE SA lifetime in seconds, 0-86400. Default 86400."""
    local_id: Identity | None = None
    """LocalId: the cloud side's identity, an IP or FQDN. Default: the cloud gateway's IP address."""
    remote_id: Identity | None = None
    """RemoteId: the data center's identity, an IP or FQDN. Default: the customer gateway's IP address."""


class IpsecConfig(PropsModel):
    """Phase 2 (IPsec) negotiation. Terraform: ``ipsec_config`` (or ``tunnel_ipsec_config``)."""

    ipsec_enc_alg: EncryptionAlgorithm = "aes"
    """Encryption: ``aes`` (default), ``aes192``, ``aes256``, ``des`` or ``3des`` (weak: warning)."""
    ipsec_auth_alg: AuthenticationAlgorithm = "sha1"
    """Authentication: ``sha1`` (default), ``md5`` (weak: warning), ``sha256``, ``sha384``, ``sha512``."""
    ipsec_pfs: IpsecDhGroup = "group2"
    """PFS Diffie-Hellman group: ``group2`` (default), ``disabled``, ``group1`` (weak: warning), ``group5``,
    ``group14``."""
    ipsec_lifetime: Lifetime = 86400
    """IPsec SA lifetime in seconds, 0-86400. Default 86400."""


class BgpConfig(PropsModel):
    """Dynamic routing over the tunnel. Given: BGP is on; left out: off (written as ``enable = false``)."""

    tunnel_cidr: TunnelCidr
    """The tunnel's /30 inside 169.254.0.0/16 (not 169.254.0.0/30-169.254.5.0/30 or 169.254.169.252/30)."""
    local_bgp_ip: Ipv4
    """The cloud side's BGP address: a host address inside ``tunnel_cidr``."""
    local_asn: Asn = 45104
    """The cloud side's ASN, 1-4294967295, dotted ``123.456`` accepted. Default 45104 (Alibaba Cloud's)."""

    @model_validator(mode="after")
    def _ip_inside_tunnel(self) -> BgpConfig:
        if Token.is_unresolved(self.tunnel_cidr) or Token.is_unresolved(self.local_bgp_ip):
            return self
        network = ipaddress.IPv4Network(self.tunnel_cidr)
        hosts = [str(h) for h in network.hosts()]
        if self.local_bgp_ip not in hosts:
            raise rule_error(
                "bgp-ip-in-tunnel-cidr",
                f"local_bgp_ip {self.local_bgp_ip} is not a host address of tunnel_cidr {self.tunnel_cidr}",
                f"use {hosts[0]} or {hosts[1]}",
            )
        return self


class HealthCheckConfig(PropsModel):
    """Probe the tunnel from the cloud. Given: on; left out: off (written as ``enable = false``)."""

    dip: Ipv4
    """Destination IP: an address in the data center that answers."""
    sip: Ipv4
    """Source IP: an address on the cloud side of the tunnel."""
    interval: PositiveInt = 3
    """Retry interval in seconds. Default 3."""
    retry: PositiveInt = 3
    """Number of retries. Default 3."""
    switch_route: Bool = True
    """Withdraw the connection's routes when the check fails (``revoke_route``, default); ``False`` keeps them
    (``reserve_route``)."""


def _weight(value: Any) -> Any:
    if type(value) is int and value in (0, 100):
        return value
    raise rule_error("enum", f"{value!r} is not allowed", "use 100 (preferred) or 0")


class StaticRoute(PropsModel):
    """A route toward the data center through this connection (``alicloud_vpn_gateway_vco_route``).

    Every field forces replacement of the route (the provider has no update)."""

    destination: Cidr
    """Destination CIDR block in the data center."""
    weight: Annotated[int, PlainValidator(_weight), AS_IS] = 100
    """100 (preferred, default) or 0."""


def _customer_gateway(value: Any) -> Any:
    if isinstance(value, CustomerGateway | Expression) or (isinstance(value, str) and value):
        return value
    raise rule_error(
        "type", f"expected a CustomerGateway or its id, got {type(value).__name__}", "pass a CustomerGateway"
    )


def _psk_source(value: Any) -> Any:
    if isinstance(value, TerraformVariable):
        return value
    return check_psk(value)


CustomerGatewayRef = Annotated[CustomerGateway | str, PlainValidator(_customer_gateway)]
PskSource = Annotated[str | TerraformVariable, PlainValidator(_psk_source)]


class TunnelOptions(PropsModel):
    """One tunnel of a dual-tunnel connection. Terraform: an element of ``tunnel_options_specification``."""

    customer_gateway: CustomerGatewayRef
    """The data center gateway this tunnel ends on."""
    psk: PskSource | None = None
    """Pre-shared key: a sensitive ``TerraformVariable`` (recommended) or a literal (warning: it lands in the
    JSON). Default: none; the cloud generates one, exposed as a sensitive output."""
    ike_config: IkeConfig = IkeConfig()
    """Phase 1 settings (console defaults)."""
    ipsec_config: IpsecConfig = IpsecConfig()
    """Phase 2 settings (console defaults)."""
    bgp: BgpConfig | None = None
    """BGP for this tunnel. Give it on both tunnels or neither."""
    enable_dpd: Bool = True
    """Dead peer detection. Default on."""
    enable_nat_traversal: Bool = True
    """NAT traversal. Default on."""


class CrossAccount(PropsModel):
    """The connection (account B) is bound to a transit router in another account (A).

    The grant is created with the connection's provider (B); the attachment with the transit router's (A)."""

    cen_owner_id: str = Field(min_length=1)
    """UID of account A, which owns the CEN instance."""
    vpn_owner_id: str = Field(min_length=1)
    """UID of account B, which owns this IPsec connection."""
    payer: Annotated[str, one_of("cen_owner", "vpn_owner"), AS_IS] = "cen_owner"
    """Who pays for the attachment: the CEN account (``PayByCenOwner``, default) or the VPN account
    (``PayByResourceOwner``). Changing it is an in-place update of the grant, then the attachment."""


class ExistingConnection(PropsModel):
    """Adopt a connection that already exists (single-tunnel TR connections can no longer be created)."""

    vpn_connection_id: str = Field(min_length=1)
    """The IPsec connection id, ``vco-...``."""
    transit_router_attachment_id: str | None = None
    """The TR attachment id, ``tr-attach-...``, when it is already bound; association, propagation and
    grant are then adopted as well."""
