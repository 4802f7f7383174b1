"""Rules the Alibaba Cloud API enforces and the provider does not: checked at apply time, reported as API
errors. The error codes follow the API's naming; where the console guide gives no code, one in its style.

Messages never contain a pre-shared key.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import string
from collections.abc import Mapping
from typing import Any

from .errors import ApiError

__all__ = [
    "PSK_ALPHABET",
    "SINGLE_TUNNEL_ENV",
    "check_asn",
    "check_bgp",
    "check_health_check_single_tunnel",
    "check_psk",
    "check_single_tunnel_create",
    "check_subnets",
    "generate_psk",
]

#: The characters a pre-shared key may use (letters, digits and these specials; no spaces).
PSK_SPECIALS = "~`!@#$%^&*()_-+={}[]\\|;:',.<>/?"
PSK_ALPHABET = frozenset(string.ascii_letters + string.digits + PSK_SPECIALS)
PSK_MAX_LENGTH = 100
GENERATED_PSK_LENGTH = 16

#: Tunnel CIDR blocks the API reserves for itself.
RESERVED_TUNNEL_CIDRS = tuple(
    ipaddress.IPv4Network(c) for c in (*(f"169.254.{i}.0/30" for i in range(7)), "169.254.169.252/30")
)
LINK_LOCAL = ipaddress.IPv4Network("169.254.0.0/16")


def generate_psk() -> str:
    """What the API generates when no key is given: 16 random letters and digits."""
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(GENERATED_PSK_LENGTH))


def check_psk(psk: str, where: str = "IkeConfig.Psk") -> None:
    if not 1 <= len(psk) <= PSK_MAX_LENGTH:
        raise ApiError(
            "IllegalParam.Psk",
            f"The specified {where} is invalid: it must be 1 to {PSK_MAX_LENGTH} characters long (got {len(psk)}).",
        )
    if not set(psk) <= PSK_ALPHABET:
        raise ApiError(
            "IllegalParam.Psk",
            f"The specified {where} is invalid: it may contain only letters, digits and {PSK_SPECIALS} "
            "(no spaces or other characters).",
        )


def _cidrs(value: str, code: str, name: str) -> list[ipaddress.IPv4Network]:
    networks = []
    for part in value.split(","):
        try:
            networks.append(ipaddress.IPv4Network(part.strip(), strict=True))
        except ValueError:
            raise ApiError(code, f"The specified {name} {part.strip()!r} is not a valid IPv4 CIDR block.") from None
    return networks


def check_subnets(local_subnet: str, remote_subnet: str, ike_versions: list[str | None]) -> None:
    """Comma-separated CIDR blocks; more than one on either side needs IKEv2 on every tunnel."""
    local = _cidrs(local_subnet, "IllegalParam.LocalSubnet", "LocalSubnet")
    remote = _cidrs(remote_subnet, "IllegalParam.RemoteSubnet", "RemoteSubnet")
    if (len(local) > 1 or len(remote) > 1) and any(v != "ikev2" for v in ike_versions):
        raise ApiError(
            "OperationUnsupported.MultiSubnetNeedIkev2",
            "LocalSubnet or RemoteSubnet holds several CIDR blocks, which needs IkeVersion ikev2; "
            'set ike_version = "ikev2" or use one CIDR block on each side.',
        )


def check_bgp(bgp: Mapping[str, Any], where: str, taken: Mapping[ipaddress.IPv4Network, str]) -> None:
    """BGP tunnel CIDR: a /30 inside 169.254.0.0/16, not reserved, not used by another tunnel; the local
    BGP address one of its two hosts. ``taken``: tunnel CIDRs already in use, and by what."""
    if not bgp.get("enable") and not bgp.get("tunnel_cidr"):
        return
    raw = bgp.get("tunnel_cidr")
    if not raw:
        raise ApiError("MissingParam.TunnelCidr", f"{where}.TunnelCidr is required when BGP is enabled.")
    try:
        cidr = ipaddress.IPv4Network(raw, strict=True)
    except ValueError:
        raise ApiError("IllegalParam.TunnelCidr", f"{where}.TunnelCidr {raw!r} is not a valid CIDR block.") from None
    if cidr.prefixlen != 30 or not cidr.subnet_of(LINK_LOCAL):
        raise ApiError("IllegalParam.TunnelCidr", f"{where}.TunnelCidr {cidr} must be a /30 block within {LINK_LOCAL}.")
    if cidr in RESERVED_TUNNEL_CIDRS:
        reserved = ", ".join(str(c) for c in RESERVED_TUNNEL_CIDRS)
        raise ApiError("IllegalParam.TunnelCidr", f"{where}.TunnelCidr {cidr} is reserved ({reserved}).")
    if cidr in taken:
        raise ApiError("IllegalParam.TunnelCidr", f"{where}.TunnelCidr {cidr} is already used by {taken[cidr]}.")
    local_ip = bgp.get("local_bgp_ip")
    if local_ip:
        hosts = list(cidr.hosts())
        try:
            address = ipaddress.IPv4Address(local_ip)
        except ValueError:
            address = None
        if address not in hosts:
            raise ApiError(
                "IllegalParam.LocalBgpIp",
                f"{where}.LocalBgpIp {local_ip} must be one of {hosts[0]} and {hosts[1]}, the hosts of {cidr}.",
            )


def check_asn(value: Any, code: str, name: str) -> None:
    try:
        number = int(str(value))
    except ValueError:
        number = 0
    if not 1 <= number <= 4294967295:
        raise ApiError(code, f"The specified {name} {value} must be a number from 1 to 4294967295.")


def check_health_check_single_tunnel(values: Mapping[str, Any]) -> None:
    """A dual-tunnel connection (tunnel_options_specification) with a health_check_config block.

    The provider (resource_alicloud_vpn_gateway_vpn_attachment.go, v1.289.0) sends HealthCheckConfig from the
    top-level block whatever the mode, and its docs say health_check_config is "supported if you create an vpn
    attachment in single-tunnel mode"; the API reference of ModifyVpnAttachmentAttribute lists HealthCheckConfig
    for single-tunnel connections only, and CreateVpnAttachment in the transit router scenario takes none. So
    a dual-tunnel connection with the block is refused, on create and on update.
    """
    if values.get("tunnel_options_specification") and values.get("health_check_config") not in (None, []):
        raise ApiError(
            "OperationUnsupported.HealthCheckConfig",
            "HealthCheckConfig is supported by single-tunnel IPsec-VPN connections only; a dual-tunnel connection "
            "(TunnelOptionsSpecification) takes none: remove health_check_config.",
        )


#: The emulated account's option for single-tunnel creation: ``refuse`` (the default) as the API does for
#: transit routers today (see :func:`check_single_tunnel_create`); ``accept`` for an account or region that
#: still creates single-tunnel connections, which the single-tunnel examples declare they need.
SINGLE_TUNNEL_ENV = "CONSTRUCTS_VPN_EMULATOR_SINGLE_TUNNEL"
SINGLE_TUNNEL_MODES = ("refuse", "accept")
#: The parameters of CreateVpnAttachment that only a single-tunnel connection takes.
SINGLE_TUNNEL_PARAMETERS = (
    "ike_config",
    "ipsec_config",
    "bgp_config",
    "health_check_config",
    "enable_dpd",
    "enable_nat_traversal",
)


def single_tunnel_mode() -> str:
    """The account's single-tunnel option from :data:`SINGLE_TUNNEL_ENV`; a value that is neither mode is
    refused rather than read as one, so a typo does not silently change what the emulator accepts."""
    mode = os.environ.get(SINGLE_TUNNEL_ENV, "refuse")
    if mode not in SINGLE_TUNNEL_MODES:
        raise ApiError(
            "InvalidParameter.EmulatorSetting",
            f"{SINGLE_TUNNEL_ENV}={mode!r} is not an option: set it to accept (an account that still creates "
            "single-tunnel connections) or refuse (the default), or unset it.",
        )
    return mode


def check_single_tunnel_create(values: Mapping[str, Any]) -> None:
    """A new connection without tunnel_options_specification that sets single-tunnel parameters.

    Contested in the provider's own tests (v1.289.0), decided as follows. TestAccAliCloudVpnGatewayVpnAttachment
    _legacyFields (resource_alicloud_vpn_gateway_vpn_attachment_test.go) expects
    ``VpnConnection.InvalidCreateTunnelOptions`` for a connection setting customer_gateway_id with ike_config,
    ipsec_config, bgp_config, health_check_config, enable_dpd and enable_nat_traversal ("the API now requires
    dual tunnels in every region"). The newer TestAccAliCloudCENTransitRouterVpnAttachment_crossAccountOrderType
    creates one with customer_gateway_id and none of those. The API reference of CreateVpnAttachment
    (help/pt-br/vpn/sub-product-ipsec-vpn/developer-reference/api-vpc-2016-04-28-createvpnattachment-vpns,
    June 2026) agrees with both: in the transit router scenario a new connection takes, besides the required
    parameters, only the dual-tunnel ones (Name, NetworkType, EffectImmediately, Tags, ResourceGroupId,
    TunnelOptionsSpecification, EnableTunnelsBgp). So the parameters, not customer_gateway_id, are refused.
    Enforced by default, the API's behaviour today; ``CONSTRUCTS_VPN_EMULATOR_SINGLE_TUNNEL=accept`` emulates an
    account or region that still accepts them. Adopting an existing single-tunnel connection (an import) creates
    nothing and is never refused.
    """
    if single_tunnel_mode() == "accept" or values.get("tunnel_options_specification"):
        return
    given = [name for name in SINGLE_TUNNEL_PARAMETERS if values.get(name) not in (None, [])]
    if given:
        raise ApiError(
            "VpnConnection.InvalidCreateTunnelOptions",
            "IPsec-VPN connections for transit routers are created in dual-tunnel mode: set "
            f"tunnel_options_specification (two tunnels) instead of {', '.join(given)}; an emulated account "
            f"that still creates single-tunnel connections is {SINGLE_TUNNEL_ENV}=accept.",
        )
