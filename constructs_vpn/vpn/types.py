"""Network value types, defined once: each parses, normalizes and explains what it rejects.

Every type also accepts a token (a reference such as ``cgw.ip_address`` or ``var.psk``): value rules are
skipped for tokens, type rules are not. Errors carry a stable rule id as their pydantic ``type``.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator
from pydantic_core import PydanticCustomError

from ..core.tokens import Expression, Token

__all__ = [
    "ASN_MAX",
    "PSK_ALPHABET",
    "Asn",
    "Cidr",
    "Identity",
    "Ipv4",
    "Lifetime",
    "Psk",
    "TunnelCidr",
    "address_scope",
    "check_psk",
    "is_private_asn",
    "is_token",
    "parse_asn",
    "rule_error",
]

ASN_MAX = 4294967295
PSK_ALPHABET = "~`!@#$%^&*()_-+={}[]\\|;:',.<>/?"
_PSK_RE = re.compile(r"^[A-Za-z0-9" + re.escape(PSK_ALPHABET) + r"]{1,100}$")
_FQDN_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_LINK_LOCAL = ipaddress.IPv4Network("169.254.0.0/16")
#: /30 blocks the cloud keeps for itself (as AWS does for its tunnels).
RESERVED_TUNNEL_CIDRS = tuple(
    ipaddress.IPv4Network(c)
    for c in (
        "169.254.0.0/30",
        "169.254.1.0/30",
        "169.254.2.0/30",
        "169.254.3.0/30",
        "169.254.4.0/30",
        "169.254.5.0/30",
        "169.254.169.252/30",
    )
)


#: Serialize validated values as they are: a token may stand where a number is declared.
AS_IS = PlainSerializer(lambda value: value, return_type=Any)


def rule_error(rule: str, message: str, fix: str = "") -> PydanticCustomError:
    """A validation error whose pydantic ``type`` is our rule id; the texts travel in its context."""
    return PydanticCustomError(rule, "{message}", {"message": message, "fix": fix, "quiet": message})


def is_token(value: Any) -> bool:
    """A value known only to Terraform: value rules skip it."""
    return isinstance(value, Expression) or (isinstance(value, str) and Token.is_unresolved(value))


def _need_str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise rule_error("type", f"expected {what} as a string, got {type(value).__name__}", f"pass {what} as text")
    return value


def _ipv4(value: Any) -> Any:
    if is_token(value):
        return value
    text = _need_str(value, "an IPv4 address")
    try:
        return str(ipaddress.IPv4Address(text))
    except ipaddress.AddressValueError:
        raise rule_error(
            "ipv4-address", f"{text!r} is not an IPv4 address", "write four numbers 0-255, e.g. 203.0.113.10"
        ) from None


def _cidr(value: Any) -> Any:
    if is_token(value):
        return value
    text = _need_str(value, "a CIDR block")
    try:
        network = ipaddress.IPv4Network(text, strict=False)
    except ValueError:
        raise rule_error(
            "cidr", f"{text!r} is not an IPv4 CIDR block", "write it as address/prefix, e.g. 10.0.0.0/24"
        ) from None
    if "/" not in text:
        raise rule_error("cidr", f"{text!r} has no prefix length", f"write {network.with_prefixlen}")
    if network.network_address != ipaddress.IPv4Interface(text).ip:
        raise rule_error("cidr-host-bits", f"{text!r} has host bits set", f"use the network address: {network}")
    return str(network)


def _tunnel_cidr(value: Any) -> Any:
    value = _cidr(value)
    if is_token(value):
        return value
    network = ipaddress.IPv4Network(value)
    if network.prefixlen != 30 or not network.subnet_of(_LINK_LOCAL):
        raise rule_error(
            "bgp-tunnel-cidr",
            f"{value} is not a /30 inside 169.254.0.0/16",
            "pick a /30 such as 169.254.10.0/30",
        )
    if network in RESERVED_TUNNEL_CIDRS:
        raise rule_error(
            "bgp-tunnel-cidr-reserved",
            f"{value} is reserved by the cloud",
            "avoid 169.254.0.0/30 to 169.254.5.0/30 and 169.254.169.252/30; e.g. 169.254.10.0/30",
        )
    return value


_PRIVATE = tuple(ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
_UNUSABLE = tuple(
    ipaddress.IPv4Network(n)
    for n in ("0.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4")
)


def address_scope(address: str) -> str:
    """``private`` (RFC 1918), ``unusable`` (loopback, link-local, CGNAT, multicast, reserved) or ``public``."""
    ip = ipaddress.IPv4Address(address)
    if any(ip in network for network in _PRIVATE):
        return "private"
    if any(ip in network for network in _UNUSABLE):
        return "unusable"
    return "public"


def parse_asn(value: int | str) -> int:
    """An ASN as a number; ``"a.b"`` (asdot) means a×65536+b. Raises ``ValueError`` when not an ASN."""
    if isinstance(value, str):
        if re.fullmatch(r"\d+\.\d+", value):
            high, low = (int(part) for part in value.split("."))
            if high > 65535 or low > 65535:
                raise ValueError(f"{value!r}: each part of a dotted ASN is 0-65535")
            number = high * 65536 + low
        elif re.fullmatch(r"\d+", value):
            number = int(value)
        else:
            raise ValueError(f"{value!r} is not an ASN (a number, or dotted as 123.456)")
    else:
        number = value
    if not 1 <= number <= ASN_MAX:
        raise ValueError(f"{value!r} is outside 1-{ASN_MAX}")
    return number


def is_private_asn(asn: int) -> bool:
    return 64512 <= asn <= 65534 or 4200000000 <= asn <= 4294967294


def _asn(value: Any) -> Any:
    if is_token(value):
        return value
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise rule_error(
            "type", f"expected an ASN (int or 'a.b'), got {type(value).__name__}", "pass e.g. 65001 or '1.10'"
        )
    try:
        return parse_asn(value)
    except ValueError as error:
        raise rule_error("asn", str(error), f"use 1-{ASN_MAX}, or the dotted form 1.10 (= 65546)") from None


def _lifetime(value: Any) -> Any:
    if is_token(value):
        return value
    if type(value) is not int:
        raise rule_error("type", f"expected whole seconds (int), got {type(value).__name__}", "pass e.g. 86400")
    if not 0 <= value <= 86400:
        raise rule_error("lifetime-range", f"{value} is outside 0-86400 seconds", "use 0 to 86400 (default 86400)")
    return value


def _identity(value: Any) -> Any:
    if is_token(value):
        return value
    text = _need_str(value, "an IP address or FQDN")
    if not text or any(ch.isspace() for ch in text):
        raise rule_error("ike-identity", f"{text!r} is empty or contains spaces", "use an IP address or an FQDN")
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        pass
    labels = text.rstrip(".").split(".")
    if len(text) > 253 or not all(_FQDN_LABEL.match(label) for label in labels):
        raise rule_error(
            "ike-identity", f"{text!r} is neither an IP address nor an FQDN", "e.g. 203.0.113.10 or vpn.example.com"
        )
    return text


class _PskText(str):
    """A literal pre-shared key: never shown in ``repr``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'******'"


def check_psk(value: Any) -> Any:
    """The pre-shared key rule; the key itself never appears in the error."""
    if is_token(value):
        return value
    if isinstance(value, _PskText):
        return value
    if hasattr(value, "get_secret_value"):  # pydantic SecretStr
        value = value.get_secret_value()
    text = _need_str(value, "a pre-shared key")
    if not _PSK_RE.match(text):
        length = len(text)
        problem = "contains a space" if any(ch.isspace() for ch in text) else "has a character outside the allowed set"
        if not 1 <= length <= 100:
            problem = f"is {length} characters long"
        raise rule_error(
            "psk-format",
            f"the pre-shared key {problem}",
            f"use 1-100 characters: letters, digits and {PSK_ALPHABET}",
        )
    return _PskText(text)


Ipv4 = Annotated[str, PlainValidator(_ipv4), AS_IS]
"""An IPv4 address, normalized (``203.0.113.10``)."""
Cidr = Annotated[str, PlainValidator(_cidr), AS_IS]
"""An IPv4 CIDR block, normalized; host bits set is an error."""
TunnelCidr = Annotated[str, PlainValidator(_tunnel_cidr), AS_IS]
"""A BGP tunnel CIDR: an aligned /30 inside 169.254.0.0/16, not one the cloud reserves."""
Asn = Annotated[int, PlainValidator(_asn), AS_IS]
"""An AS number 1-4294967295; the dotted form ``123.456`` is accepted and converted."""
Lifetime = Annotated[int, PlainValidator(_lifetime), AS_IS]
"""An SA lifetime in seconds, 0-86400."""
Identity = Annotated[str, PlainValidator(_identity), AS_IS]
"""An IKE LocalId/RemoteId: an IP address or an FQDN, without spaces."""
Psk = Annotated[str, PlainValidator(check_psk), AS_IS]
"""A pre-shared key: 1-100 characters of letters, digits and ``~`!@#$%^&*()_-+={}[]\\|;:',.<>/?``."""
