"""The console's facts about IPsec-VPN connections on a transit router: one table, each fact with its source.

The constructs (``types.py``, ``options.py``, ``rules.py``) and the peer layer read these names; nothing else
writes the same number down. The emulator keeps its own copy on purpose, as an independent oracle, and
``tests/vpn/test_console.py`` sweeps both over the same values.

Sources, named by their page title (Alibaba Cloud documentation unless noted):

- GUIDE: "Create and manage IPsec-VPN connections in single-tunnel mode" (VPN Gateway user guide);
  where ``shared/reference/provider-facts.md`` disagrees with the guide as quoted in issue #14, the guide wins.
- DUAL: "Attach an IPsec-VPN connection to a transit router" (CEN user guide): new connections are
  dual-tunnel since 2024-11-26.
- API_CREATE: "CreateVpnAttachment" (VPN Gateway API reference).
- API_MODIFY: "ModifyVpnAttachmentAttribute" (VPN Gateway API reference).
- PROVIDER: aliyun/terraform-provider-alicloud v1.289.0, ``alicloud/resource_alicloud_vpn_gateway_vpn_attachment.go``
  (``StringInSlice``/``IntBetween`` validations) and its docs page ``r/vpn_gateway_vpn_attachment``.
"""

from __future__ import annotations

import ipaddress
import string
from dataclasses import dataclass
from typing import Final

__all__ = [
    "ALIBABA_CLOUD_ASN",
    "ASN_DOTTED_PART_MAX",
    "ASN_MAX",
    "ASN_MIN",
    "AUTHENTICATION_ALGORITHMS",
    "DEFAULT_AUTHENTICATION",
    "DEFAULT_DH_GROUP",
    "DEFAULT_ENCRYPTION",
    "DEFAULT_IKE_MODE",
    "DEFAULT_IKE_VERSION",
    "DEFAULT_LIFETIME",
    "DPD_TIMEOUT_SECONDS",
    "DUAL_TUNNEL_COUNT",
    "ENCRYPTION_ALGORITHMS",
    "FACTS",
    "GATEWAY_TYPES",
    "GENERATED_PSK_LENGTH",
    "HEALTH_CHECK_DUAL_TUNNEL",
    "HEALTH_CHECK_INTERVAL",
    "HEALTH_CHECK_INTERVAL_MAX",
    "HEALTH_CHECK_POLICIES",
    "HEALTH_CHECK_POLICY",
    "HEALTH_CHECK_RETRY",
    "HEALTH_CHECK_RETRY_MAX",
    "IKE_DH_GROUPS",
    "IKE_IDENTITY_MAX_LENGTH",
    "IKE_IDENTITY_NAME_CHARACTERS",
    "IKE_MODES",
    "IKE_VERSIONS",
    "IPSEC_DH_GROUPS",
    "LIFETIME_MAX",
    "LIFETIME_MIN",
    "PSK_ALPHABET",
    "PSK_MAX_LENGTH",
    "PSK_MIN_LENGTH",
    "PSK_SPECIAL_CHARACTERS",
    "RESERVED_TUNNEL_CIDRS",
    "TUNNEL_CIDR_PARENT",
    "TUNNEL_CIDR_PREFIX",
    "Fact",
]

GUIDE: Final = "Create and manage IPsec-VPN connections in single-tunnel mode"
DUAL: Final = "Attach an IPsec-VPN connection to a transit router"
API_CREATE: Final = "CreateVpnAttachment (API reference)"
API_MODIFY: Final = "ModifyVpnAttachmentAttribute (API reference)"
PROVIDER: Final = "terraform-provider-alicloud v1.289.0, resource_alicloud_vpn_gateway_vpn_attachment.go"


@dataclass(frozen=True, slots=True)
class Fact:
    """One console fact: its name in this module, what it says, and the page it comes from."""

    name: str
    summary: str
    source: str


# --- BGP tunnel CIDR -----------------------------------------------------------------------------------
TUNNEL_CIDR_PARENT: Final = ipaddress.IPv4Network("169.254.0.0/16")
TUNNEL_CIDR_PREFIX: Final = 30
RESERVED_TUNNEL_CIDRS: Final = tuple(
    ipaddress.IPv4Network(c) for c in (*(f"169.254.{i}.0/30" for i in range(7)), "169.254.169.252/30")
)
"""169.254.0.0/30 through 169.254.6.0/30 and 169.254.169.252/30: the guide's list, 169.254.6.0/30 included."""

# --- pre-shared key ------------------------------------------------------------------------------------
PSK_MIN_LENGTH: Final = 1
PSK_MAX_LENGTH: Final = 100
PSK_SPECIAL_CHARACTERS: Final = "~`!@#$%^&*()_-+={}[]\\|;:',.<>/?"
"""The special characters a key may hold, besides letters and digits (no spaces)."""
PSK_ALPHABET: Final = frozenset(string.ascii_letters + string.digits + PSK_SPECIAL_CHARACTERS)
"""Every character a key may hold: letters, digits and ``PSK_SPECIAL_CHARACTERS``."""
GENERATED_PSK_LENGTH: Final = 16

# --- ASN -----------------------------------------------------------------------------------------------
ASN_MIN: Final = 1
ASN_MAX: Final = 4294967295
ASN_DOTTED_PART_MAX: Final = 65535
"""The dotted form ``a.b`` (each part 0-65535) means ``a*65536+b``."""
ALIBABA_CLOUD_ASN: Final = 45104

# --- IKE / IPsec ---------------------------------------------------------------------------------------
LIFETIME_MIN: Final = 0
LIFETIME_MAX: Final = 86400
IKE_VERSIONS: Final = ("ikev1", "ikev2")
IKE_MODES: Final = ("main", "aggressive")
ENCRYPTION_ALGORITHMS: Final = ("aes", "aes192", "aes256", "des", "3des")
AUTHENTICATION_ALGORITHMS: Final = ("md5", "sha1", "sha256", "sha384", "sha512")
IKE_DH_GROUPS: Final = ("group1", "group2", "group5", "group14")
IPSEC_DH_GROUPS: Final = ("disabled", "group1", "group2", "group5", "group14")
DEFAULT_IKE_VERSION: Final = "ikev2"
DEFAULT_IKE_MODE: Final = "main"
DEFAULT_ENCRYPTION: Final = "aes"
DEFAULT_AUTHENTICATION: Final = "sha1"
DEFAULT_DH_GROUP: Final = "group2"
DEFAULT_LIFETIME: Final = 86400
"""IKE and IPsec share these defaults: ikev2, main mode, aes, sha1, group2, 86400 s."""
DPD_TIMEOUT_SECONDS: Final = 30

# --- IKE identity (LocalId / RemoteId) ---------------------------------------------------------------------
IKE_IDENTITY_MAX_LENGTH: Final = 100
"""The guide: the local and remote identifiers are an IP address or an FQDN-like string of up to 100 characters."""
IKE_IDENTITY_NAME_CHARACTERS: Final = frozenset(string.ascii_letters + string.digits + "-.")
"""What the non-IP form may hold here: DNS labels (letters, digits, ``-``) joined by dots. Stricter than the
console on purpose: it is what every device format the peer layer writes takes as one bare word (strongSwan
``id``, Cisco/Huawei/PAN-OS ``fqdn``, Junos ``hostname``, VyOS ``id``); ``@`` would make an e-mail identity on
strongSwan and Cisco, ``:`` an address, and ``_`` is no FQDN character. An IP address is taken as ``ipaddress``
reads it, except an IPv6 address with a zone (``fe80::1%eth0``): a zone names an interface of one host, no
device takes it as an identity, and ``ipaddress`` lets any text through after the ``%``."""

# --- health check --------------------------------------------------------------------------------------
HEALTH_CHECK_INTERVAL: Final = 3
HEALTH_CHECK_RETRY: Final = 3
HEALTH_CHECK_POLICY: Final = "revoke_route"
HEALTH_CHECK_POLICIES: Final = ("revoke_route", "reserve_route")
HEALTH_CHECK_INTERVAL_MAX: Final = 2**31 - 1
HEALTH_CHECK_RETRY_MAX: Final = 2**31 - 1
"""The API types ``HealthCheckConfig.Interval`` and ``.Retry`` as ``Integer`` (32-bit) and documents no
narrower range; the provider has none (``TypeInt``, no ``ValidateFunc``). Beyond it the API cannot parse."""

HEALTH_CHECK_DUAL_TUNNEL: Final = False
"""Whether a dual-tunnel connection takes a health check: no. ModifyVpnAttachmentAttribute lists
HealthCheckConfig for single-tunnel connections only, and the provider docs say "supported if you create an
vpn attachment in single-tunnel mode" (its Create still sends the top-level block whatever the mode)."""

# --- tunnels -------------------------------------------------------------------------------------------
DUAL_TUNNEL_COUNT: Final = 2

# --- gateway -------------------------------------------------------------------------------------------
GATEWAY_TYPES: Final = ("public", "private")

FACTS: Final = (
    Fact("RESERVED_TUNNEL_CIDRS", "BGP tunnel CIDRs the cloud reserves (169.254.0-6.0/30, 169.254.169.252/30)", GUIDE),
    Fact("TUNNEL_CIDR_PREFIX", "a BGP tunnel CIDR is a /30 inside 169.254.0.0/16", GUIDE),
    Fact("PSK_MAX_LENGTH", "a pre-shared key has 1-100 characters", GUIDE),
    Fact("PSK_SPECIAL_CHARACTERS", "letters, digits and ~`!@#$%^&*()_-+={}[]\\|;:',.<>/?, no spaces", GUIDE),
    Fact("GENERATED_PSK_LENGTH", "without a key the cloud generates 16 random characters", GUIDE),
    Fact("ASN_MAX", "an ASN is 1-4294967295; the dotted form a.b is accepted", GUIDE),
    Fact("ALIBABA_CLOUD_ASN", "the cloud side's default ASN is 45104", GUIDE),
    Fact("LIFETIME_MAX", "IKE and IPsec SA lifetimes are 0-86400 seconds, default 86400", PROVIDER),
    Fact("DEFAULT_IKE_VERSION", "IKE defaults: ikev2, main mode", GUIDE),
    Fact("DEFAULT_ENCRYPTION", "IKE and IPsec defaults: aes, sha1, group2, 86400 s", GUIDE),
    Fact("IKE_IDENTITY_MAX_LENGTH", "LocalId/RemoteId: an IP address or an FQDN-like string, 1-100 characters", GUIDE),
    Fact(
        "IKE_IDENTITY_NAME_CHARACTERS",
        "a non-IP identity: DNS labels (letters, digits, '-') and dots, what every device format takes bare",
        f"{GUIDE}, narrowed to the device formats of constructs_vpn/peer",
    ),
    Fact("DPD_TIMEOUT_SECONDS", "a peer silent for 30 seconds of DPD is down; its SAs are deleted", GUIDE),
    Fact("HEALTH_CHECK_INTERVAL", "health check retry interval default 3 seconds", GUIDE),
    Fact("HEALTH_CHECK_RETRY", "health check number of retries default 3", GUIDE),
    Fact("HEALTH_CHECK_POLICY", "health check failure withdraws routes (revoke_route) by default", PROVIDER),
    Fact("HEALTH_CHECK_INTERVAL_MAX", "HealthCheckConfig.Interval/Retry are API Integers", API_CREATE),
    Fact("GATEWAY_TYPES", "gateway type public (default) or private", API_CREATE),
    Fact("ENCRYPTION_ALGORITHMS", "on a transit router: aes, aes192, aes256, des, 3des", PROVIDER),
    Fact("AUTHENTICATION_ALGORITHMS", "on a transit router: md5, sha1, sha256, sha384, sha512", PROVIDER),
    Fact("IKE_DH_GROUPS", "IKE DH groups: group1, group2, group5, group14 (no disabled)", PROVIDER),
    Fact("IPSEC_DH_GROUPS", "IPsec PFS: disabled, group1, group2, group5, group14", PROVIDER),
    Fact("HEALTH_CHECK_POLICIES", "health check policy revoke_route or reserve_route", PROVIDER),
    Fact(
        "HEALTH_CHECK_DUAL_TUNNEL",
        "health check is single-tunnel only: dual-tunnel takes no HealthCheckConfig",
        API_MODIFY,
    ),
    Fact("IKE_VERSIONS", "IKE version ikev1 or ikev2; IKE mode main or aggressive", PROVIDER),
    Fact("DUAL_TUNNEL_COUNT", "new TR connections are dual-tunnel: two tunnels, equal-cost (ECMP) paths", DUAL),
)
"""Every fact above with its source page; docs and tests read this table."""
