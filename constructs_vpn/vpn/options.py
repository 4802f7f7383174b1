"""The console's parameters as props models: one place for every field, its default and its rule.

Defaults are the console's, and constructs write them out explicitly (the provider would send 0/false for
an omitted block field). Models are frozen and reject unknown keys; nothing is coerced (``"true"`` is not a
bool, ``1.5`` is not an int). A field's docstring says what is written when it is left out.
"""

from __future__ import annotations

import ipaddress
from functools import cache
from typing import Annotated, Any

from pydantic import ConfigDict, Field, PlainValidator, model_validator

from ..codegen.runtime import CheckedModel
from ..core.tokens import Expression, Token
from ..core.variable import TerraformVariable
from . import console
from .customer_gateway import CustomerGateway, CustomerGatewayReference, ICustomerGateway
from .types import (
    AS_IS,
    Asn,
    Cidr,
    Identity,
    Ipv4,
    Lifetime,
    ResourceId,
    TunnelCidr,
    check_literal_text,
    check_psk,
    check_resource_id,
    is_token,
    rule_error,
)

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


class PropsModel(CheckedModel):
    """Base of every user-facing model: frozen, unknown keys rejected, inputs never echoed in errors.

    A field's docstring documents it in the source, not in ``model_fields[...].description``: pydantic reads
    those by tokenizing the source of every class, a third of the VPN constructs' import time.

    Built on its own (``IkeConfig(ike_enc_alg="AES")``), a model raises ``constructs_vpn.ValidationError``
    with every problem at once, each under the model's name; given as a dict to a construct, its problems
    are reported under the construct's path with all the others."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        hide_input_in_errors=True,
        arbitrary_types_allowed=True,
        defer_build=True,
    )


def one_of(*allowed: str) -> PlainValidator:
    """A case-sensitive choice, as the provider's ``StringInSlice(..., false)``; tokens pass."""

    def check(value: Any) -> Any:
        if is_token(value):
            return value
        if type(value) is str:
            if value in allowed:
                return value
            check_literal_text(value)
            import difflib  # only a mistake needs it

            close = [a for a in allowed if a.lower() == value.lower()] or difflib.get_close_matches(value, allowed, 1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise rule_error("enum", f"{value!r} is not allowed", f"{hint}use one of {', '.join(allowed)}")
        raise rule_error("enum", f"a {type(value).__name__} is not allowed", f"use one of {', '.join(allowed)}")

    return PlainValidator(check)


def _strict(kind: type, name: str, *, low: int | None = None, high: int | None = None) -> PlainValidator:
    def check(value: Any) -> Any:
        if is_token(value):
            return value
        if type(value) is not kind:
            raise rule_error("type", f"expected {name}, got {type(value).__name__}", f"pass {name}")
        if isinstance(value, int) and low is not None and high is not None and not low <= value <= high:
            raise rule_error("range", f"{value} is outside {low}-{high}", f"use a whole number from {low} to {high}")
        return value

    return PlainValidator(check)


Bool = Annotated[bool, _strict(bool, "True or False"), AS_IS]
HealthCheckInterval = Annotated[
    int, _strict(int, "a whole number", low=1, high=console.HEALTH_CHECK_INTERVAL_MAX), AS_IS
]
HealthCheckRetry = Annotated[int, _strict(int, "a whole number", low=1, high=console.HEALTH_CHECK_RETRY_MAX), AS_IS]
EncryptionAlgorithm = Annotated[str, one_of(*console.ENCRYPTION_ALGORITHMS), AS_IS]
AuthenticationAlgorithm = Annotated[str, one_of(*console.AUTHENTICATION_ALGORITHMS), AS_IS]
IkeDhGroup = Annotated[str, one_of(*console.IKE_DH_GROUPS), AS_IS]
IpsecDhGroup = Annotated[str, one_of(*console.IPSEC_DH_GROUPS), AS_IS]

#: Choices the console allows but flags as weak: (field, value) → warning id.
WEAK_CHOICES = {"des": "vpn:weak-encryption", "3des": "vpn:weak-encryption", "md5": "vpn:weak-authentication",
                "group1": "vpn:weak-dh-group"}  # fmt: skip


class IkeConfig(PropsModel):
    """Phase 1 (IKE) negotiation, as grouped in the console. Terraform: ``ike_config`` (or ``tunnel_ike_config``)."""

    ike_version: Annotated[str, one_of(*console.IKE_VERSIONS), AS_IS] = console.DEFAULT_IKE_VERSION
    """IKE version. Default ``ikev2`` (the console's; the provider sets none and its docs disagree)."""
    ike_mode: Annotated[str, one_of(*console.IKE_MODES), AS_IS] = console.DEFAULT_IKE_MODE
    """Negotiation mode. Default ``main``; ``aggressive`` suits FQDN identities and dynamic peer addresses."""
    ike_enc_alg: EncryptionAlgorithm = console.DEFAULT_ENCRYPTION
    """Encryption: ``aes`` (AES-128, default), ``aes192``, ``aes256``, ``des`` or ``3des`` (weak: warning)."""
    ike_auth_alg: AuthenticationAlgorithm = console.DEFAULT_AUTHENTICATION
    """Authentication: ``sha1`` (default), ``md5`` (weak: warning), ``sha256``, ``sha384``, ``sha512``."""
    ike_pfs: IkeDhGroup = console.DEFAULT_DH_GROUP
    """Diffie-Hellman group: ``group2`` (default), ``group1`` (weak: warning), ``group5``, ``group14``."""
    ike_lifetime: Lifetime = console.DEFAULT_LIFETIME
    """IKE SA lifetime in seconds, 0-86400. Default 86400."""
    local_id: Identity | None = None
    """LocalId: the cloud side's identity, an IP or FQDN. Default: the cloud gateway's IP address."""
    remote_id: Identity | None = None
    """RemoteId: the data center's identity, an IP or FQDN. Default: the customer gateway's IP address."""


class IpsecConfig(PropsModel):
    """Phase 2 (IPsec) negotiation. Terraform: ``ipsec_config`` (or ``tunnel_ipsec_config``)."""

    ipsec_enc_alg: EncryptionAlgorithm = console.DEFAULT_ENCRYPTION
    """Encryption: ``aes`` (default), ``aes192``, ``aes256``, ``des`` or ``3des`` (weak: warning)."""
    ipsec_auth_alg: AuthenticationAlgorithm = console.DEFAULT_AUTHENTICATION
    """Authentication: ``sha1`` (default), ``md5`` (weak: warning), ``sha256``, ``sha384``, ``sha512``."""
    ipsec_pfs: IpsecDhGroup = console.DEFAULT_DH_GROUP
    """PFS Diffie-Hellman group: ``group2`` (default), ``disabled``, ``group1`` (weak: warning), ``group5``,
    ``group14``."""
    ipsec_lifetime: Lifetime = console.DEFAULT_LIFETIME
    """IPsec SA lifetime in seconds, 0-86400. Default 86400."""


@cache
def console_ike_config() -> IkeConfig:
    """The console's phase 1 (the default of ``ike_config``): one frozen instance, built on first use, not
    at import (building a model instance compiles its validator)."""
    return IkeConfig()


@cache
def console_ipsec_config() -> IpsecConfig:
    """The console's phase 2 (the default of ``ipsec_config``), as ``console_ike_config``."""
    return IpsecConfig()


class BgpConfig(PropsModel):
    """Dynamic routing over the tunnel. Given: BGP is on; left out: off (written as ``enable = false``)."""

    tunnel_cidr: TunnelCidr
    """The tunnel's /30 inside 169.254.0.0/16, not one the cloud reserves (169.254.0.0/30 to 169.254.6.0/30,
    169.254.169.252/30: ``console.RESERVED_TUNNEL_CIDRS``); the two tunnels of a connection need different ones."""
    local_bgp_ip: Ipv4
    """The cloud side's BGP address: a host address inside ``tunnel_cidr``."""
    local_asn: Asn = console.ALIBABA_CLOUD_ASN
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
    interval: HealthCheckInterval = console.HEALTH_CHECK_INTERVAL
    """Retry interval in seconds, 1 to 2**31-1 (the API's Integer). Default 3 (the console's)."""
    retry: HealthCheckRetry = console.HEALTH_CHECK_RETRY
    """Number of retries, 1 to 2**31-1 (the API's Integer). Default 3 (the console's)."""
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
    if isinstance(value, CustomerGateway | CustomerGatewayReference | Expression):
        return value
    if type(value) is str:
        return check_resource_id(value)
    raise rule_error(
        "type", f"expected a CustomerGateway or its id, got {type(value).__name__}", "pass a CustomerGateway"
    )


def _psk_source(value: Any) -> Any:
    if isinstance(value, TerraformVariable):
        return value
    return check_psk(value)


CustomerGatewayRef = Annotated[ICustomerGateway | str, PlainValidator(_customer_gateway)]
PskSource = Annotated[str | TerraformVariable | Expression, PlainValidator(_psk_source)]


class TunnelOptions(PropsModel):
    """One tunnel of a dual-tunnel connection. Terraform: an element of ``tunnel_options_specification``."""

    customer_gateway: CustomerGatewayRef
    """The data center gateway this tunnel ends on."""
    psk: PskSource | None = None
    """Pre-shared key: a sensitive ``TerraformVariable`` (recommended) or a literal (warning: it lands in the
    JSON). Default: none; the cloud generates one, exposed as a sensitive output."""
    ike_config: IkeConfig = Field(default_factory=console_ike_config)
    """Phase 1 settings (console defaults)."""
    ipsec_config: IpsecConfig = Field(default_factory=console_ipsec_config)
    """Phase 2 settings (console defaults)."""
    bgp: BgpConfig | None = None
    """BGP for this tunnel. Give it on both tunnels or neither."""
    enable_dpd: Bool = True
    """Dead peer detection. Default on."""
    enable_nat_traversal: Bool = True
    """NAT traversal. Default on."""


def _account_id(value: Any) -> Any:
    value = check_resource_id(value)
    if isinstance(value, str) and not is_token(value) and not (value.isascii() and value.isdigit()):
        raise rule_error("account-id", f"{value!r} is not an account UID", "use the account's numeric UID")
    return value


AccountId = Annotated[str, PlainValidator(_account_id), AS_IS]


class CrossAccount(PropsModel):
    """The connection (account B) is bound to a transit router in another account (A).

    The grant is created with the connection's provider (B); the attachment with the transit router's (A)."""

    cen_owner_id: AccountId
    """UID of account A, which owns the CEN instance (digits)."""
    vpn_owner_id: AccountId
    """UID of account B, which owns this IPsec connection (digits)."""
    payer: Annotated[str | Expression, one_of("cen_owner", "vpn_owner"), AS_IS] = "cen_owner"
    """Who pays for the attachment: the CEN account (``PayByCenOwner``, default) or the VPN account
    (``PayByResourceOwner``). Changing it is an in-place update of the grant, then the attachment."""


class ExistingConnection(PropsModel):
    """Adopt a connection that already exists (single-tunnel TR connections can no longer be created)."""

    vpn_connection_id: ResourceId
    """The IPsec connection id, ``vco-...``."""
    transit_router_attachment_id: ResourceId | None = None
    """The TR attachment id, ``tr-attach-...``, when it is already bound; association, propagation and
    grant are then adopted as well."""
