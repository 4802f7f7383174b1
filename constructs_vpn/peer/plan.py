"""The on-premises side of a connection, read from the synthesized stack and seen from the device.

The cloud's local subnet is the device's remote subnet, the cloud's LocalId is the device's RemoteId, and the
cloud gateway's address is the device's remote address. Reading ``cdk.tf.json`` (not the Python objects)
means the same code serves a stack synthesized earlier, or by another tool.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from ..core.errors import Problem, ValidationError
from ..vpn.options import BgpConfig, IkeConfig, IpsecConfig, TunnelOptions
from ..vpn.types import Asn, Cidr, Identity, Ipv4, Psk, SentPsk

__all__ = [
    "BgpPeering",
    "PeerPlan",
    "Secret",
    "TunnelPlan",
    "find_connections",
    "label",
    "plan_connection",
    "printable",
    "template_literal",
]

CONNECTION_TYPE = "alicloud_vpn_gateway_vpn_attachment"
GATEWAY_TYPE = "alicloud_vpn_customer_gateway"
GATEWAY_IP_PLACEHOLDER = "<CLOUD_GATEWAY_IP>"
DEVICE_IP_PLACEHOLDER = "<DEVICE_IP>"
PSK_PLACEHOLDER = "<PRE_SHARED_KEY>"
ADDRESS_PLACEHOLDERS = (GATEWAY_IP_PLACEHOLDER, DEVICE_IP_PLACEHOLDER)
IKE_FIELDS = tuple(IkeConfig.model_fields)
IPSEC_FIELDS = tuple(IpsecConfig.model_fields)


class Secret:
    """A pre-shared key: its text is read only by a renderer, never by ``repr``/``str``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('******')"

    __str__ = __repr__


@dataclass(frozen=True)
class BgpPeering:
    """BGP over the tunnel, from the device's side."""

    local_asn: int | None
    """The device's ASN (the customer gateway's); ``None`` when the stack does not know it."""
    peer_asn: int
    """The cloud's ASN."""
    tunnel_cidr: str
    local_ip: str
    """The device's tunnel address: the other host of the /30."""
    peer_ip: str
    """The cloud's BGP address."""


@dataclass(frozen=True)
class TunnelPlan:
    """One IPsec tunnel as the device must configure it; console names for the algorithms."""

    name: str
    ike_version: str
    ike_mode: str
    ike_enc_alg: str
    ike_auth_alg: str
    ike_pfs: str
    ike_lifetime: int
    ipsec_enc_alg: str
    ipsec_auth_alg: str
    ipsec_pfs: str
    ipsec_lifetime: int
    dpd: bool
    nat_traversal: bool
    local_address: str
    """The device's address (the customer gateway's)."""
    remote_address: str
    """The cloud gateway's address, or ``GATEWAY_IP_PLACEHOLDER`` until it is known."""
    local_id: str
    remote_id: str
    psk: Secret | None
    """``None``: not given, rendered as ``PSK_PLACEHOLDER``."""
    local_subnets: tuple[str, ...]
    remote_subnets: tuple[str, ...]
    bgp: BgpPeering | None = None
    unknown: tuple[str, ...] = ()
    """Fields the document leaves to the API (absent, or an expression): the API, not the console, decides
    them, so their values here are only the console's defaults and a device configuration is refused."""

    @property
    def route_based(self) -> bool:
        """Destination routing (0.0.0.0/0 both sides) needs a route-based (virtual interface) tunnel."""
        return self.local_subnets == ("0.0.0.0/0",) and self.remote_subnets == ("0.0.0.0/0",)

    @property
    def policy_based(self) -> bool:
        """Protected data flows: the cloud negotiates exactly these selectors, so the device needs them too."""
        return self.bgp is None and not self.route_based

    @property
    def ike_v1(self) -> bool:
        return self.ike_version == "ikev1"


@dataclass(frozen=True)
class PeerPlan:
    """Everything the on-premises device needs for one connection."""

    connection_path: str
    name: str
    tunnels: tuple[TunnelPlan, ...]
    placeholders: tuple[str, ...] = field(default=())
    """What the user still has to fill in: ``GATEWAY_IP_PLACEHOLDER``, ``DEVICE_IP_PLACEHOLDER`` or
    ``PSK_PLACEHOLDER``."""
    announce: tuple[str, ...] = ()
    """The data center's networks the device announces over BGP (the stack does not know them)."""

    @property
    def title(self) -> str:
        """The connection's name and path for a comment line: nothing in it can end the comment."""
        return printable(f"{self.name!r} ({self.connection_path})")

    @property
    def label(self) -> str:
        """The connection's name as a configuration object name (``cvpn-<label>-tunnel1``)."""
        return label(self.name)

    def refuse_unknown(self) -> None:
        """Raise one ``ValidationError`` naming every value the document leaves to the API (see ``unknown``)."""
        problems = [
            Problem(
                printable(self.connection_path),
                "not set in the stack (or only by an expression): the API decides it, so the device's value"
                " would be a guess",
                f"{tunnel.name}: {name}" if len(self.tunnels) > 1 else name,
                "peer-value-unknown",
                "set it explicitly (the IpsecConnection construct writes every value), then synth again",
            )
            for tunnel in self.tunnels
            for name in tunnel.unknown
        ]
        if problems:
            raise ValidationError(problems)

    def refuse_malformed(self) -> None:
        """Raise one ``ValidationError`` naming every value the constructs' rules refuse. A plan from
        ``plan_connection`` passes; one built or changed by hand (these classes are public) is held to the same
        rules before a renderer writes its values into a device's syntax, most of them as bare words."""
        reader = _Reader(printable(self.connection_path))
        for tunnel in self.tunnels:
            _recheck(tunnel, reader, f"{printable(tunnel.name)}: " if len(self.tunnels) > 1 else "")
        for cidr in self.announce:
            reader.value(_CIDR, cidr, "--announce")
        known = (*ADDRESS_PLACEHOLDERS, PSK_PLACEHOLDER)
        unknown = sorted(set(self.placeholders) - set(known))
        if unknown:
            reader.problem("placeholders", f"{printable(repr(unknown))} are not placeholders of this layer",
                           "peer-placeholder", f"use {', '.join(known)}")  # fmt: skip
        if reader.problems:
            raise ValidationError(reader.problems)


def _recheck(tunnel: TunnelPlan, reader: _Reader, prefix: str) -> None:
    """``tunnel``'s values checked again by the rules ``plan_connection`` read them with (see
    ``PeerPlan.refuse_malformed``); placeholders stand for an address until the user fills them in."""
    if label(tunnel.name) != tunnel.name:
        reader.problem(f"{prefix}name", f"{printable(repr(tunnel.name))} is not a configuration object name",
                       "peer-tunnel-name", "use letters, digits, - and _ (tunnel1, tunnel2)")  # fmt: skip
    reader.check(IkeConfig, {name: getattr(tunnel, name) for name in IKE_FIELDS if not name.endswith("_id")},
                 f"{prefix}ike_config")  # fmt: skip
    reader.check(IpsecConfig, {name: getattr(tunnel, name) for name in IPSEC_FIELDS}, f"{prefix}ipsec_config")
    for name, adapter in (("local_address", _IPV4), ("remote_address", _IPV4), ("local_id", _IDENTITY),
                          ("remote_id", _IDENTITY)):  # fmt: skip
        if getattr(tunnel, name) not in ADDRESS_PLACEHOLDERS:
            reader.value(adapter, getattr(tunnel, name), f"{prefix}{name}")
    for name in ("local_subnets", "remote_subnets"):
        for cidr in getattr(tunnel, name):
            reader.value(_CIDR, cidr, f"{prefix}{name}")
    if tunnel.psk is not None:
        reader.value(_SENT_PSK, tunnel.psk.reveal(), f"{prefix}psk")
    if tunnel.bgp is not None:
        bgp = tunnel.bgp
        reader.check(BgpConfig, {"tunnel_cidr": bgp.tunnel_cidr, "local_bgp_ip": bgp.peer_ip}, f"{prefix}bgp")
        reader.value(_IPV4, bgp.local_ip, f"{prefix}bgp.local_ip")
        for name, asn in (("peer_asn", bgp.peer_asn), ("local_asn", bgp.local_asn)):
            if type(asn) is int:
                reader.value(_ASN, asn, f"{prefix}bgp.{name}")
            elif asn is not None:
                reader.problem(f"{prefix}bgp.{name}", f"expected an int, got {type(asn).__name__}", "type",
                               "write the AS number as an int")  # fmt: skip


def find_connections(document: Mapping[str, Any]) -> dict[str, str]:
    """Construct path of each IPsec connection in a stack → its resource name."""
    found: dict[str, str] = {}
    for name, body in document.get("resource", {}).get(CONNECTION_TYPE, {}).items():
        path = str(body.get("//", {}).get("metadata", {}).get("path", name))
        found[path.rsplit("/", 1)[0] if path.endswith("/Connection") else path] = name
    return found


#: In a Terraform template ``$${`` and ``%%{`` are escapes; ``${`` and ``%{`` open an interpolation or directive.
_TEMPLATE_MARK = re.compile(r"(\$\$\{|%%\{)|\$\{|%\{")


def template_literal(value: Any) -> str | None:
    """The text Terraform makes of a JSON string with no interpolation or directive (escapes undone), else
    ``None``: a key written ``a%%{b`` in ``cdk.tf.json`` reaches the cloud as ``a%{b``, so the device needs that."""
    if not isinstance(value, str):
        return None
    parts, start = [], 0
    for mark in _TEMPLATE_MARK.finditer(value):
        if mark.group(1) is None:
            return None
        parts += [value[start : mark.start()], mark.group(1)[1:]]
        start = mark.end()
    return "".join([*parts, value[start:]])


def printable(text: str) -> str:
    """``text`` safe inside a device config's comment or quoted name: control and line-break characters (a
    newline in a construct id would end the comment and start a command) are written as escapes."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def label(text: str) -> str:
    """``text`` as a configuration object name every device accepts: letters, digits, ``-`` and ``_``."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", text) or "connection"


class _Reader:
    """Reads one connection's values, checked by the same rules as the constructs; collects every problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, field: str, message: str, rule: str, fix: str) -> None:
        self.problems.append(Problem(self.path, message, field, rule, fix))

    def check(self, model: type[BaseModel], values: Mapping[str, Any], prefix: str) -> BaseModel | None:
        """``values`` validated into ``model`` (its defaults fill what is absent), or ``None`` with the problems."""
        try:
            return model.model_validate(dict(values))
        except PydanticValidationError as error:
            for detail in error.errors():
                context = detail.get("ctx") or {}
                where = ".".join(str(part) for part in detail["loc"])
                message = str(context.get("message") or detail["msg"])
                self.problem(
                    f"{prefix}.{where}" if where else prefix, message, detail["type"], str(context.get("fix", ""))
                )
            return None

    def value(self, adapter: TypeAdapter[Any], value: Any, field: str) -> Any:
        try:
            return adapter.validate_python(value)
        except PydanticValidationError as error:
            detail = error.errors()[0]
            context = detail.get("ctx") or {}
            self.problem(
                field, str(context.get("message") or detail["msg"]), detail["type"], str(context.get("fix", ""))
            )
            return None


_IPV4: TypeAdapter[str] = TypeAdapter(Ipv4)
_CIDR: TypeAdapter[str] = TypeAdapter(Cidr)
_PSK: TypeAdapter[str] = TypeAdapter(Psk)
_SENT_PSK: TypeAdapter[str] = TypeAdapter(SentPsk)
_IDENTITY: TypeAdapter[str] = TypeAdapter(Identity)
_ASN: TypeAdapter[int] = TypeAdapter(Asn)


def _known(block: Mapping[str, Any], names: Sequence[str]) -> tuple[dict[str, Any], list[str]]:
    """The literal values of ``names`` in ``block`` (templates read as Terraform reads them), and the names the
    block leaves to the API: absent, or set by an expression only Terraform can evaluate."""
    known: dict[str, Any] = {}
    unknown: list[str] = []
    for name in names:
        value = block.get(name)
        text = template_literal(value) if isinstance(value, str) else value
        if value is None or text is None:
            unknown.append(name)
        else:
            known[name] = text
    return known, unknown


_GATEWAY_REFERENCE = re.compile(r"^\$\{\s*" + GATEWAY_TYPE + r"\.([A-Za-z_][A-Za-z0-9_-]*)\.id\s*\}$")
_LOCAL_REFERENCE = re.compile(r"^\$\{\s*local\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}$")


def _gateway(document: Mapping[str, Any], reference: Any, reader: _Reader, field: str) -> Mapping[str, Any]:
    """The customer gateway resource ``reference`` names, through locals; ``{}`` for one the stack does not
    declare (given by id, or from another stack): its address must then come from ``device_ips``."""
    for _ in range(16):  # locals may refer to locals; a cycle is Terraform's error, not an endless loop here
        local = _LOCAL_REFERENCE.match(reference) if isinstance(reference, str) else None
        if local is None:
            break
        reference = document.get("locals", {}).get(local.group(1))
    match = _GATEWAY_REFERENCE.match(reference) if isinstance(reference, str) else None
    if match is None:
        return {}
    gateway = document.get("resource", {}).get(GATEWAY_TYPE, {}).get(match.group(1))
    if not isinstance(gateway, Mapping):
        reader.problem(
            field,
            f"refers to {GATEWAY_TYPE}.{match.group(1)}, which this stack does not declare",
            "peer-customer-gateway",
            "refer to a customer gateway of the stack, or give its id",
        )
        return {}
    return gateway


def _device_address(gateway: Mapping[str, Any], given: str | None, reader: _Reader, field: str) -> str | None:
    known = template_literal(gateway.get("ip_address"))
    if known is None:
        return given
    address = reader.value(_IPV4, known, f"{field}.ip_address")
    if given is not None and address is not None and given != address:
        reader.problem(
            "--device-ip",
            f"{given} differs from the customer gateway's ip_address {address} in the stack",
            "peer-device-ip",
            "leave --device-ip out for a customer gateway of the stack",
        )
    return address if address is not None else None


def _bgp(
    bgp: Mapping[str, Any], enabled: Any, gateway: Mapping[str, Any], reader: _Reader, prefix: str
) -> tuple[BgpPeering | None, list[str]]:
    """The device's BGP peering, and the fields the document leaves to the API (then the vpn layer's defaults)."""
    if enabled is False or not bgp or (enabled is None and not bgp.get("tunnel_cidr")):
        return None, []
    known, unknown = _known(bgp, ("tunnel_cidr", "local_bgp_ip", "local_asn"))
    unknown = [f"{prefix}.{name}" for name in unknown]
    if enabled is None:
        unknown.append("enable_tunnels_bgp" if prefix == "tunnel_bgp_config" else f"{prefix}.enable")
    if "tunnel_cidr" not in known or "local_bgp_ip" not in known:
        reader.problem(prefix, "BGP is on but tunnel_cidr or local_bgp_ip is not a literal", "peer-bgp",
                       "set both in the stack: the device needs the tunnel's addresses")  # fmt: skip
        return None, unknown
    config = reader.check(BgpConfig, known, prefix)
    if not isinstance(config, BgpConfig):
        return None, unknown
    device_asn = template_literal(gateway.get("asn"))
    hosts = [str(host) for host in ipaddress.IPv4Network(config.tunnel_cidr).hosts()]
    return BgpPeering(
        local_asn=int(device_asn) if device_asn is not None and device_asn.isdigit() else None,
        peer_asn=int(config.local_asn),
        tunnel_cidr=str(config.tunnel_cidr),
        local_ip=next(host for host in hosts if host != config.local_bgp_ip),
        peer_ip=str(config.local_bgp_ip),
    ), unknown


_FLAG_DEFAULTS = {name: TunnelOptions.model_fields[name].default for name in ("enable_dpd", "enable_nat_traversal")}


def _tunnel(
    name: str,
    row: _Row,
    document: Mapping[str, Any],
    reader: _Reader,
    *,
    subnets: tuple[tuple[str, ...], tuple[str, ...]],
    gateway_ip: str | None,
    device_ip: str | None,
    psk: Secret | None,
) -> TunnelPlan:
    ike_known, ike_unknown = _known(row.ike, IKE_FIELDS)
    ipsec_known, ipsec_unknown = _known(row.ipsec, IPSEC_FIELDS)
    flags, flags_unknown = _known(row.flags, tuple(_FLAG_DEFAULTS))
    ike = reader.check(IkeConfig, ike_known, row.ike_field)
    ipsec = reader.check(IpsecConfig, ipsec_known, row.ipsec_field)
    for flag, value in flags.items():
        if not isinstance(value, bool):
            reader.problem(
                f"{row.prefix}{flag}", f"expected true or false, got {value!r}", "type", "write true or false"
            )
    gateway = _gateway(document, row.gateway_ref, reader, f"{row.prefix}customer_gateway_id")
    device = _device_address(gateway, device_ip, reader, f"{row.prefix}customer_gateway_id")
    peering, bgp_unknown = _bgp(row.bgp, row.bgp_enabled, gateway, reader, row.bgp_field)
    # An absent LocalId/RemoteId is the gateway's address (the API's documented default); an expression is unknown.
    ids_unknown = [n for n in ("local_id", "remote_id") if n in ike_unknown and row.ike.get(n) is not None]
    if not isinstance(ike, IkeConfig) or not isinstance(ipsec, IpsecConfig):
        ike, ipsec = IkeConfig(), IpsecConfig()  # a problem is recorded: the plan is never returned
    device_ip_text = device or DEVICE_IP_PLACEHOLDER
    cloud_ip = gateway_ip or GATEWAY_IP_PLACEHOLDER
    unknown = [
        *(f"{row.ike_field}.{n}" for n in ike_unknown if n not in ("local_id", "remote_id") or n in ids_unknown),
        *(f"{row.ipsec_field}.{n}" for n in ipsec_unknown),
        *(f"{row.prefix}{n}" for n in flags_unknown),
        *bgp_unknown,
    ]
    return TunnelPlan(
        name=name,
        ike_version=ike.ike_version,
        ike_mode=ike.ike_mode,
        ike_enc_alg=ike.ike_enc_alg,
        ike_auth_alg=ike.ike_auth_alg,
        ike_pfs=ike.ike_pfs,
        ike_lifetime=int(ike.ike_lifetime),
        ipsec_enc_alg=ipsec.ipsec_enc_alg,
        ipsec_auth_alg=ipsec.ipsec_auth_alg,
        ipsec_pfs=ipsec.ipsec_pfs,
        ipsec_lifetime=int(ipsec.ipsec_lifetime),
        dpd=bool(flags.get("enable_dpd", _FLAG_DEFAULTS["enable_dpd"])),
        nat_traversal=bool(flags.get("enable_nat_traversal", _FLAG_DEFAULTS["enable_nat_traversal"])),
        local_address=device_ip_text,
        remote_address=cloud_ip,
        # perspective swap: the cloud's remote id is the device's own id
        local_id=ike.remote_id or device_ip_text,
        remote_id=ike.local_id or cloud_ip,
        psk=psk,
        local_subnets=subnets[1],
        remote_subnets=subnets[0],
        bgp=peering,
        unknown=tuple(unknown),
    )


@dataclass(frozen=True)
class _Row:
    """One tunnel's blocks as the document writes them, single-tunnel (top level) or dual-tunnel (per spec)."""

    ike: Mapping[str, Any]
    ipsec: Mapping[str, Any]
    bgp: Mapping[str, Any]
    bgp_enabled: Any
    flags: Mapping[str, Any]
    gateway_ref: Any
    prefix: str
    """Field prefix of this tunnel's values, e.g. ``tunnel_options_specification[1].``."""
    dual: bool

    @property
    def ike_field(self) -> str:
        return f"{self.prefix}{'tunnel_ike_config' if self.dual else 'ike_config'}"

    @property
    def ipsec_field(self) -> str:
        return f"{self.prefix}{'tunnel_ipsec_config' if self.dual else 'ipsec_config'}"

    @property
    def bgp_field(self) -> str:
        return "tunnel_bgp_config" if self.dual else "bgp_config"


def _rows(body: Mapping[str, Any], reader: _Reader) -> list[tuple[str, _Row]]:
    specs = body.get("tunnel_options_specification")
    if not specs:
        bgp = _one(body.get("bgp_config"))
        row = _Row(_one(body.get("ike_config")), _one(body.get("ipsec_config")), bgp, bgp.get("enable"), body,
                   body.get("customer_gateway_id"), "", dual=False)  # fmt: skip
        return [("tunnel1", row)]
    rows = []
    for position, item in enumerate(specs if isinstance(specs, list) else []):
        spec: Mapping[str, Any] = item if isinstance(item, Mapping) else {}
        prefix = f"tunnel_options_specification[{position}]."
        index = spec.get("tunnel_index")
        if not isinstance(index, int) or isinstance(index, bool) or index not in (1, 2):
            reader.problem(f"{prefix}tunnel_index", f"{printable(repr(index))} is not 1 or 2", "peer-tunnel-index",
                           "number the tunnels 1 and 2")  # fmt: skip
            index = position + 1
        enabled = body.get("enable_tunnels_bgp")
        row = _Row(_one(spec.get("tunnel_ike_config")), _one(spec.get("tunnel_ipsec_config")),
                   _one(spec.get("tunnel_bgp_config")), enabled, spec, spec.get("customer_gateway_id"), prefix,
                   dual=True)  # fmt: skip
        rows.append((f"tunnel{index}", row))
    return sorted(rows, key=lambda item: item[0])


def _per_tunnel(values: Sequence[str | None], count: int, option: str, reader: _Reader) -> list[str | None]:
    """``values`` (one per tunnel, or none) checked against the tunnel count: an extra value is never dropped."""
    if values and len(values) != count:
        reader.problem(option, f"{len(values)} values for {count} tunnel(s)", "peer-tunnel-count",
                       f"give {option} once per tunnel, in tunnel order, or not at all")  # fmt: skip
    return [values[i] if i < len(values) else None for i in range(count)]


def _subnets(body: Mapping[str, Any], reader: _Reader) -> tuple[tuple[str, ...], tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name in ("local_subnet", "remote_subnet"):
        text = template_literal(body.get(name))
        if text is None:
            reader.problem(name, "is not a literal list of CIDR blocks", "peer-subnet", f"set {name} in the stack")
            found.append(("0.0.0.0/0",))
            continue
        found.append(tuple(str(reader.value(_CIDR, cidr.strip(), name)) for cidr in text.split(",")))
    return found[0], found[1]


def plan_connection(
    document: Mapping[str, Any],
    connection: str,
    *,
    gateway_ips: Sequence[str | None] = (),
    psks: Sequence[str | None] = (),
    device_ips: Sequence[str | None] = (),
    announce: Sequence[str] = (),
    literal_psks: bool = False,
) -> PeerPlan:
    """The device's view of ``connection`` (a construct path, its id, or a resource name) in ``document``.

    ``gateway_ips``, ``psks`` and ``device_ips`` (for a customer gateway the stack does not declare) are per
    tunnel, in tunnel order; missing values become placeholders. A key written literally in the document
    fills a tunnel without one only with ``literal_psks`` (the key is printed only when asked for); ``announce``
    lists the data center networks a BGP device announces. Every
    value is checked by the constructs' rules: one ``ValidationError`` names all problems.
    """
    connections = find_connections(document)
    matches = [p for p in connections if connection in (p, p.rsplit("/", 1)[-1], connections[p])]
    if len(matches) != 1:
        raise ValidationError.single(
            printable(connection),
            f"{'no' if not matches else 'more than one'} IPsec connection matches {printable(repr(connection))}",
            rule="peer-connection",
            fix=f"use one of {sorted(map(printable, connections)) or 'the connections of another stack'}",
        )
    path = matches[0]
    reader = _Reader(printable(path))
    body = document["resource"][CONNECTION_TYPE][connections[path]]
    subnets = _subnets(body, reader)
    rows = _rows(body, reader)
    count = len(rows)
    gateways = [reader.value(_IPV4, ip, "--gateway-ip") if ip is not None else None
                for ip in _per_tunnel(gateway_ips, count, "--gateway-ip", reader)]  # fmt: skip
    devices = [reader.value(_IPV4, ip, "--device-ip") if ip is not None else None
               for ip in _per_tunnel(device_ips, count, "--device-ip", reader)]  # fmt: skip
    keys = _per_tunnel(psks, count, "psk", reader)
    networks = tuple(str(reader.value(_CIDR, cidr, "--announce")) for cidr in announce)
    tunnels = []
    for index, (name, row) in enumerate(rows):
        psk = _key(keys[index], row, reader, literal_psks=literal_psks)
        tunnels.append(
            _tunnel(
                name,
                row,
                document,
                reader,
                subnets=subnets,
                gateway_ip=gateways[index],
                device_ip=devices[index],
                psk=psk,
            )
        )
    if reader.problems:
        raise ValidationError(reader.problems)
    placeholders = {
        placeholder
        for tunnel in tunnels
        for placeholder, missing in (
            (GATEWAY_IP_PLACEHOLDER, tunnel.remote_address == GATEWAY_IP_PLACEHOLDER),
            (DEVICE_IP_PLACEHOLDER, tunnel.local_address == DEVICE_IP_PLACEHOLDER),
            (PSK_PLACEHOLDER, tunnel.psk is None),
        )
        if missing
    }
    return PeerPlan(
        connection_path=path,
        name=printable(str(body.get("vpn_attachment_name") or path.rsplit("/", 1)[-1])),
        tunnels=tuple(tunnels),
        placeholders=tuple(sorted(placeholders)),
        announce=networks,
    )


def _key(given: str | None, row: _Row, reader: _Reader, *, literal_psks: bool) -> Secret | None:
    """The tunnel's key: ``given`` (from the environment or state) is the key Terraform sends, as it is; else,
    with ``literal_psks``, the stack's literal, which the construct's rule (no template syntax) still holds."""
    field = f"{row.ike_field}.psk"
    if given:
        return Secret(given) if reader.value(_SENT_PSK, given, field) is not None else None
    literal = template_literal(row.ike.get("psk")) if literal_psks else None
    return Secret(literal) if literal and reader.value(_PSK, literal, field) is not None else None


def _one(block: Any) -> dict[str, Any]:
    """A block written as an object or as a one-item list."""
    if isinstance(block, list):
        return dict(block[0]) if block else {}
    return dict(block) if isinstance(block, Mapping) else {}
