"""Value types, defined once: each parses, normalizes and explains what it rejects.

Every type also accepts a token (a reference such as ``cgw.ip_address`` or ``var.psk``): value rules are
skipped for tokens, type rules are not. Text that is not a token never becomes a Terraform expression:
``${``, ``%{`` and token-looking text in it are rejected where it enters (rule ``expression-text``), so a
value read from a file cannot smuggle a reference in. Errors carry a stable rule id as their pydantic ``type``.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator
from pydantic_core import PydanticCustomError

from . import console
from ._base import is_token  # defined without pydantic: the constructs use it too

__all__ = [
    "Asn",
    "Cidr",
    "Description",
    "Identity",
    "Ipv4",
    "Lifetime",
    "Name100",
    "Name128",
    "Psk",
    "ResourceId",
    "SentPsk",
    "Tags",
    "TunnelCidr",
    "address_scope",
    "check_literal_text",
    "check_psk",
    "check_resource_id",
    "check_sent_psk",
    "is_private_asn",
    "is_token",
    "parse_asn",
    "rule_error",
]

_PSK_RE = re.compile("[" + re.escape("".join(sorted(console.PSK_ALPHABET))) + "]+")
_FQDN_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
#: Template syntax Terraform would evaluate: never allowed in text that is not a token.
_TEMPLATE = re.compile(r"[$%]\{|TfToken\[")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
#: An IPv4 address as ``ipaddress`` writes it (no leading zeros): accepted as it is, without parsing it.
_CANONICAL_IPV4 = re.compile(rf"(?:{_OCTET}\.){{3}}{_OCTET}")
_URL_START = ("http://", "https://")


#: Serialize validated values as they are: a token may stand where a number is declared.
AS_IS = PlainSerializer(lambda value: value, return_type=Any)


def rule_error(rule: str, message: str, fix: str = "") -> PydanticCustomError:
    """A validation error whose pydantic ``type`` is our rule id; the texts travel in its context."""
    return PydanticCustomError(rule, "{message}", {"message": message, "fix": fix, "quiet": message})


def check_literal_text(text: str) -> None:
    """Reject text Terraform would read as an expression (``${``, ``%{``, token-looking text)."""
    if _TEMPLATE.search(text):
        raise rule_error(
            "expression-text",
            "holds Terraform template syntax ('${', '%{' or token text), which is never read as an expression here",
            "write the literal value; for a reference pass the token object itself (e.g. a TerraformVariable's "
            ".value or a resource attribute), never text",
        )


def _need_str(value: Any, what: str) -> str:
    if type(value) is not str:
        raise rule_error("type", f"expected {what} as a string, got {type(value).__name__}", f"pass {what} as text")
    check_literal_text(value)
    return value


def _ipv4(value: Any) -> Any:
    if type(value) is str and _CANONICAL_IPV4.fullmatch(value):
        return value
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


_RESERVED_TEXT = ", ".join(str(c) for c in console.RESERVED_TUNNEL_CIDRS)


def _tunnel_cidr(value: Any) -> Any:
    value = _cidr(value)
    if is_token(value):
        return value
    network = ipaddress.IPv4Network(value)
    parent = console.TUNNEL_CIDR_PARENT
    if network.prefixlen != console.TUNNEL_CIDR_PREFIX or not network.subnet_of(parent):
        raise rule_error(
            "bgp-tunnel-cidr",
            f"{value} is not a /{console.TUNNEL_CIDR_PREFIX} inside {parent}",
            "pick a /30 such as 169.254.10.0/30",
        )
    if network in console.RESERVED_TUNNEL_CIDRS:
        raise rule_error(
            "bgp-tunnel-cidr-reserved",
            f"{value} is reserved by the cloud ({_RESERVED_TEXT})",
            "pick another /30, e.g. 169.254.10.0/30",
        )
    return value


def _ranges(*cidrs: str) -> tuple[tuple[int, int], ...]:
    """(network, netmask) as integers: an address is inside when ``address & netmask == network``."""
    networks = [ipaddress.IPv4Network(cidr) for cidr in cidrs]
    return tuple((int(n.network_address), int(n.netmask)) for n in networks)


_PRIVATE = _ranges("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
_UNUSABLE = _ranges("0.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4")


def address_scope(address: str) -> str:
    """``private`` (RFC 1918), ``unusable`` (loopback, link-local, CGNAT, multicast, reserved) or ``public``."""
    if _CANONICAL_IPV4.fullmatch(address):  # what the props hold: four octets, read without ``ipaddress``
        a, b, c, d = address.split(".")
        ip = int(a) << 24 | int(b) << 16 | int(c) << 8 | int(d)
    else:
        ip = int(ipaddress.IPv4Address(address))
    if any(ip & mask == network for network, mask in _PRIVATE):
        return "private"
    if any(ip & mask == network for network, mask in _UNUSABLE):
        return "unusable"
    return "public"


def parse_asn(value: int | str) -> int:
    """An ASN as a number; ``"a.b"`` (asdot) means a×65536+b. Raises ``ValueError`` when not an ASN."""
    if isinstance(value, str):
        part_max = console.ASN_DOTTED_PART_MAX
        if re.fullmatch(r"[0-9]{1,10}\.[0-9]{1,10}", value):
            high, low = (int(part) for part in value.split("."))
            if high > part_max or low > part_max:
                raise ValueError(f"{value!r}: each part of a dotted ASN is 0-{part_max}")
            number = high * (part_max + 1) + low
        elif re.fullmatch(r"[0-9]{1,10}", value):
            number = int(value)
        else:
            raise ValueError(f"{value!r} is not an ASN (a number, or dotted as 123.456)")
    else:
        number = value
    if not console.ASN_MIN <= number <= console.ASN_MAX:
        raise ValueError(f"{value!r} is outside {console.ASN_MIN}-{console.ASN_MAX}")
    return number


def is_private_asn(asn: int) -> bool:
    return 64512 <= asn <= 65534 or 4200000000 <= asn <= 4294967294


def _asn(value: Any) -> Any:
    if is_token(value):
        return value
    if type(value) is not int and type(value) is not str:
        raise rule_error(
            "type", f"expected an ASN (int or 'a.b'), got {type(value).__name__}", "pass e.g. 65001 or '1.10'"
        )
    if isinstance(value, str):
        check_literal_text(value)
    try:
        return parse_asn(value)
    except ValueError as error:
        raise rule_error(
            "asn", str(error), f"use {console.ASN_MIN}-{console.ASN_MAX}, or the dotted form 1.10 (= 65546)"
        ) from None


def _lifetime(value: Any) -> Any:
    if is_token(value):
        return value
    if type(value) is not int:
        raise rule_error("type", f"expected whole seconds (int), got {type(value).__name__}", "pass e.g. 86400")
    low, high = console.LIFETIME_MIN, console.LIFETIME_MAX
    if not low <= value <= high:
        raise rule_error(
            "lifetime-range", f"{value} is outside {low}-{high} seconds", f"use {low} to {high} (default {high})"
        )
    return value


def _identity(value: Any) -> Any:
    """An IP address or an FQDN (``console.IKE_IDENTITY_NAME_CHARACTERS``): the identity is written bare into
    every device format, so anything else could end a statement there (``fe80::1%x;}`` closes Junos blocks)."""
    if is_token(value):
        return value
    text = _need_str(value, "an IP address or FQDN")
    if not text or any(ch.isspace() for ch in text) or _CONTROL.search(text):
        raise rule_error("ike-identity", f"{text!r} is empty or contains spaces", "use an IP address or an FQDN")
    high = console.IKE_IDENTITY_MAX_LENGTH
    if len(text) > high:
        raise rule_error("ike-identity", f"the identity has {len(text)} characters, over {high}", "shorten it")
    if "%" in text:  # ipaddress takes any text after an IPv6 zone mark
        raise rule_error(
            "ike-identity-zone",
            f"{text!r} is an IPv6 address with a zone (%...), which no device takes as an IKE identity",
            "write the address without its %zone, e.g. fe80::1",
        )
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        pass
    outside = sorted(set(text) - console.IKE_IDENTITY_NAME_CHARACTERS)
    labels = text.rstrip(".").split(".")
    if outside or not all(_FQDN_LABEL.fullmatch(label) for label in labels):
        found = (
            f" (it holds {', '.join(map(repr, outside))}; a name is letters, digits, '-' and '.')" if outside else ""
        )
        raise rule_error(
            "ike-identity",
            f"{text!r} is neither an IP address nor an FQDN{found}",
            "e.g. 203.0.113.10 or vpn.example.com",
        )
    return text


class _PskText(str):
    """A literal pre-shared key: never shown in ``repr``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'******'"


def check_psk(value: Any) -> Any:
    """The pre-shared key rule for a key written in the construct: the console's rule (``check_sent_psk``), and
    no template syntax, which Terraform would evaluate in a literal. The key itself never appears in the error."""
    value = check_sent_psk(value)
    if is_token(value):
        return value
    if _TEMPLATE.search(value):
        raise rule_error(
            "psk-template-text",
            "the pre-shared key holds '${' or '%{', which Terraform would read as template syntax",
            "avoid those two pairs in a literal key, or pass it as a sensitive TerraformVariable",
        )
    return value


def check_sent_psk(value: Any) -> Any:
    """The console's key rule (length, alphabet) for a key as Terraform sends it: a variable's value or a key
    in state is never read as a template, so ``${`` and ``%{`` in it are the key's own characters."""
    if is_token(value):
        return value
    if isinstance(value, _PskText):
        return value
    if hasattr(type(value), "get_secret_value"):  # pydantic SecretStr
        value = value.get_secret_value()
    if type(value) is not str:
        raise rule_error("type", f"expected a pre-shared key as a string, got {type(value).__name__}", "pass text")
    low, high = console.PSK_MIN_LENGTH, console.PSK_MAX_LENGTH
    allowed = f"use {low}-{high} characters: letters, digits and {console.PSK_SPECIAL_CHARACTERS}"
    if not low <= len(value) <= high:
        raise rule_error("psk-format", f"the pre-shared key is {len(value)} characters long", allowed)
    if not _PSK_RE.fullmatch(value):
        problem = "contains a space" if any(ch.isspace() for ch in value) else "has a character outside the allowed set"
        raise rule_error("psk-format", f"the pre-shared key {problem}", allowed)
    return _PskText(value)


def _text(value: Any, *, what: str, low: int, high: int, url_start: bool = True) -> Any:
    """A name or description as the API takes it: a string, no control characters, ``low``-``high`` long."""
    if is_token(value):
        return value
    text = _need_str(value, what)
    if _CONTROL.search(text):
        raise rule_error("text-control", f"{what} holds a control character (NUL, newline, ...)", "remove it")
    if text != text.strip():
        raise rule_error("text-whitespace", f"{what} starts or ends with white space", "strip it")
    if not low <= len(text) <= high:
        raise rule_error("text-length", f"{what} has {len(text)} characters, not {low}-{high}", "shorten it")
    if url_start and text.lower().startswith(_URL_START):
        raise rule_error("text-url", f"{what} starts with http:// or https://", "the API refuses that; reword it")
    return text


def _name(high: int) -> PlainValidator:
    return PlainValidator(lambda value: _text(value, what="the name", low=1, high=high))


def _description(value: Any) -> Any:
    return _text(value, what="the description", low=1, high=256)


def check_resource_id(value: Any) -> Any:
    if is_token(value):
        return value
    text = _need_str(value, "an id")
    if not text or _CONTROL.search(text) or any(ch.isspace() for ch in text) or len(text) > 128:
        raise rule_error(
            "id-format",
            f"{text!r} is not an id (empty, white space, control characters or over 128 characters)",
            "copy the id from the console or the API, e.g. cen-abc123",
        )
    return text


def _tag_text(value: Any, what: str, low: int) -> Any:
    text = _text(value, what=what, low=low, high=128)
    if isinstance(text, str) and low and text.lower().startswith(("aliyun", "acs:")):
        raise rule_error("tag-key", f"{what} {text!r} starts with a prefix the cloud reserves", "rename it")
    return text


def _tags(value: Any) -> Any:
    if type(value) is not dict:
        raise rule_error("type", f"expected tags as a dict of str to str, got {type(value).__name__}", "pass a dict")
    for key, item in value.items():
        _tag_text(key, "tag key", 1)
        _tag_text(item, "tag value", 0)
    return dict(value)


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
"""An IKE LocalId/RemoteId: an IP address (no IPv6 zone) or an FQDN, at most 100 characters."""
Psk = Annotated[str, PlainValidator(check_psk), AS_IS]
"""A pre-shared key: 1-100 characters of letters, digits and ``console.PSK_SPECIAL_CHARACTERS``."""
SentPsk = Annotated[str, PlainValidator(check_sent_psk), AS_IS]
"""A pre-shared key as Terraform sends it (a variable's value, state): ``Psk`` without the template rule."""
Name100 = Annotated[str, _name(100), AS_IS]
"""A name of 1-100 characters (IPsec connection, customer gateway: their API's limit)."""
Name128 = Annotated[str, _name(128), AS_IS]
"""A name of 1-128 characters (CEN instance, transit router, its CIDR blocks: their API's limit)."""
Description = Annotated[str, PlainValidator(_description), AS_IS]
"""A description: 1-256 characters, no control characters, not starting with http:// or https://."""
ResourceId = Annotated[str, PlainValidator(check_resource_id), AS_IS]
"""An id (``cen-...``, ``rg-...``, an account UID): no white space, no control characters."""
Tags = Annotated[dict[str, str], PlainValidator(_tags), AS_IS]
"""Tags: keys 1-128 characters (not ``aliyun``/``acs:``), values 0-128, no control characters."""
