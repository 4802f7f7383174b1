"""Customer gateways, IPsec connections (``vpn_gateway_vpn_attachment``, single- and dual-tunnel) and
their static routes (VCO routes); VPN gateways in a VPC and the IPsec connections bound to them
(``vpn_connection``)."""

from __future__ import annotations

import ipaddress
import secrets
import time
from typing import Any

from .. import rules
from ..errors import ApiError
from .attachments import VPN_ATTACHMENT, binding_of
from .base import Call, DataFamily, Family, default, listing, matches
from .cen import zones
from .network import VPC, VPN_GATEWAY, VSWITCH, region_zone_ids

__all__ = [
    "CustomerGateway",
    "CustomerGateways",
    "GatewayZones",
    "VcoRoute",
    "VcoRoutes",
    "VpnAttachment",
    "VpnAttachments",
    "VpnConnection",
    "VpnConnections",
    "VpnGateway",
]

CUSTOMER_GATEWAY = "alicloud_vpn_customer_gateway"
VCO_ROUTE = "alicloud_vpn_gateway_vco_route"
VPN_CONNECTION = "alicloud_vpn_connection"
#: Peak bandwidths (Mbit/s) of an IPsec-VPN gateway (CreateVpnGateway, Bandwidth).
GATEWAY_BANDWIDTHS = (5, 10, 20, 50, 100, 200, 500, 1000)


def _public_ip() -> str:
    return f"47.{secrets.randbelow(256)}.{secrets.randbelow(256)}.{1 + secrets.randbelow(254)}"


def _ike_defaults(version: str, auth: str) -> dict[str, Any]:
    return {
        "ike_version": version,
        "ike_mode": "main",
        "ike_enc_alg": "aes",
        "ike_auth_alg": auth,
        "ike_pfs": "group2",
        "ike_lifetime": 86400,
    }


def _ipsec_defaults(auth: str) -> dict[str, Any]:
    return {"ipsec_enc_alg": "aes", "ipsec_auth_alg": auth, "ipsec_pfs": "group2", "ipsec_lifetime": 86400}


def _first(values: dict[str, Any], block: str) -> dict[str, Any]:
    """The single element of a list block, created (empty) when the configuration left the block out."""
    elements = values.get(block)
    if not elements:
        elements = values[block] = [{}]
    first: dict[str, Any] = elements[0]
    return first


class CustomerGateway(Family):
    type_name = CUSTOMER_GATEWAY
    actions = (
        "CreateCustomerGateway",
        "DescribeCustomerGateway",
        "ModifyCustomerGatewayAttribute",
        "DeleteCustomerGateway",
    )
    # resource_alicloud_vpn_customer_gateway.go (v1.289.0): the same Name handling as the CEN instance.
    aliases = (("customer_gateway_name", "name"),)

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        address = values.get("ip_address") or ""
        try:
            ipaddress.IPv4Address(address)
        except ValueError:
            raise ApiError(
                "IllegalParam.IpAddress", f"The specified IpAddress {address!r} is not an IPv4 address."
            ) from None
        if values.get("asn") is not None:
            rules.check_asn(values["asn"], "IllegalParam.Asn", "Asn")

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        self.check(call, planned, None)
        for other_id, _ in call.where(CUSTOMER_GATEWAY, ip_address=planned["ip_address"]):
            if call.owner(CUSTOMER_GATEWAY, other_id) == call.account:
                raise ApiError(
                    "InvalidIpAddress.AlreadyExist",
                    f"A customer gateway with IpAddress {planned['ip_address']} already exists ({other_id}).",
                )
        planned["create_time"] = int(time.time() * 1000)
        return self.store(call, call.new_id("cgw-", 21, regional=True), planned)

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        for connection_id, connection in [*call.where(VPN_ATTACHMENT), *call.where(VPN_CONNECTION)]:
            tunnels = connection.get("tunnel_options_specification") or []
            if connection.get("customer_gateway_id") == id or any(t.get("customer_gateway_id") == id for t in tunnels):
                raise ApiError(
                    "DependencyViolation.VpnConnection",
                    f"The customer gateway {id} is used by IPsec connection {connection_id}.",
                )


class VpnAttachment(Family):
    """An IPsec connection bound to no VPN gateway, for a transit router."""

    type_name = VPN_ATTACHMENT
    actions = ("CreateVpnAttachment", "DescribeVpnConnection", "ModifyVpnAttachmentAttribute", "DeleteVpnAttachment")

    def _gateway(self, call: Call, id: str | None, where: str) -> dict[str, Any]:
        if not id:
            raise ApiError("MissingParam.CustomerGatewayId", f"{where} is required.")
        return call.require(CUSTOMER_GATEWAY, id, "InvalidCustomerGatewayInstanceId.NotFound", "customer gateway")

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        tunnels = values.get("tunnel_options_specification") or []
        rules.check_health_check_single_tunnel(values)
        if tunnels:
            indexes = sorted(int(t.get("tunnel_index") or 0) for t in tunnels)
            if indexes != [1, 2]:
                raise ApiError(
                    "IllegalParam.TunnelOptionsSpecification",
                    f"A dual-tunnel IPsec connection needs two tunnels with TunnelIndex 1 and 2, got {indexes}.",
                )
            versions = []
            taken: dict[ipaddress.IPv4Network, str] = {}
            for tunnel in sorted(tunnels, key=lambda t: int(t["tunnel_index"])):
                where = f"TunnelOptionsSpecification[{int(tunnel['tunnel_index'])}]"
                gateway = self._gateway(call, tunnel.get("customer_gateway_id"), f"{where}.CustomerGatewayId")
                ike = (tunnel.get("tunnel_ike_config") or [{}])[0]
                versions.append(ike.get("ike_version") or "ikev2")
                if ike.get("psk") is not None:
                    rules.check_psk(ike["psk"], f"{where}.TunnelIkeConfig.Psk")
                bgp = (tunnel.get("tunnel_bgp_config") or [{}])[0]
                if values.get("enable_tunnels_bgp"):
                    self._check_bgp(gateway, {**bgp, "enable": True}, f"{where}.TunnelBgpConfig", taken)
                    if bgp.get("tunnel_cidr"):
                        taken[ipaddress.IPv4Network(bgp["tunnel_cidr"])] = where
        else:
            gateway = self._gateway(call, values.get("customer_gateway_id"), "CustomerGatewayId")
            ike = (values.get("ike_config") or [{}])[0]
            versions = [ike.get("ike_version") or "ikev1"]
            if ike.get("psk") is not None:
                rules.check_psk(ike["psk"])
            bgp = (values.get("bgp_config") or [{}])[0]
            self._check_bgp(gateway, bgp, "BgpConfig", {})
        rules.check_subnets(values.get("local_subnet") or "", values.get("remote_subnet") or "", versions)

    def _check_bgp(
        self, gateway: dict[str, Any], bgp: dict[str, Any], where: str, taken: dict[ipaddress.IPv4Network, str]
    ) -> None:
        rules.check_bgp(bgp, where, taken)
        if bgp.get("enable") and not gateway.get("asn"):
            raise ApiError(
                "OperationFailed.CustomerGatewayAsnNotSet",
                f"{where}: BGP needs a customer gateway with an ASN; {gateway.get('id')} has none.",
            )
        if bgp.get("local_asn") is not None:
            rules.check_asn(bgp["local_asn"], "IllegalParam.LocalAsn", f"{where}.LocalAsn")

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        if not call.standing:
            rules.check_single_tunnel_create(planned)
        self.check(call, planned, None)
        planned["create_time"] = call.now()
        return self.store(call, call.new_id("vco-", 21, regional=True), planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(
            values,
            network_type="public",
            effect_immediately=False,
            enable_dpd=True,
            enable_nat_traversal=True,
            enable_tunnels_bgp=False,
            resource_group_id=call.resource_group_id,
            tunnel_bandwidth="Standard",
            status="active",
        )
        tunnels = values.get("tunnel_options_specification") or []
        if tunnels:
            for tunnel in tunnels:
                self._fill_tunnel(call, tunnel)
            return
        gateway = call.lookup(CUSTOMER_GATEWAY, values.get("customer_gateway_id")) or {}
        ike = _first(values, "ike_config")
        default(ike, **_ike_defaults("ikev1", "md5"), local_id=_public_ip(), remote_id=gateway.get("ip_address"))
        if ike.get("psk") is None:
            ike["psk"] = rules.generate_psk()
        default(_first(values, "ipsec_config"), **_ipsec_defaults("md5"))
        bgp = _first(values, "bgp_config")
        default(bgp, enable=False, local_asn=45104)
        bgp["status"] = "success" if bgp["enable"] else "false"
        health = _first(values, "health_check_config")
        default(health, enable=False, interval=3, retry=3, policy="revoke_route", sip="", dip="")
        health["status"] = "success" if health["enable"] else "disable"

    def _fill_tunnel(self, call: Call, tunnel: dict[str, Any]) -> None:
        index = int(tunnel["tunnel_index"])
        gateway = call.lookup(CUSTOMER_GATEWAY, tunnel.get("customer_gateway_id")) or {}
        region_zones = zones(call.region)["master_zones"]
        default(
            tunnel,
            role="master" if index == 1 else "slave",
            enable_dpd=True,
            enable_nat_traversal=True,
            internet_ip=_public_ip(),
            tunnel_id=call.new_id("tun-", 21, regional=True),
            zone_no=region_zones[(index - 1) % len(region_zones)],
            state="active",
            status="active",
        )
        ike = _first(tunnel, "tunnel_ike_config")
        default(
            ike, **_ike_defaults("ikev2", "sha1"), local_id=tunnel["internet_ip"], remote_id=gateway.get("ip_address")
        )
        if ike.get("psk") is None:
            ike["psk"] = rules.generate_psk()
        default(_first(tunnel, "tunnel_ipsec_config"), **_ipsec_defaults("sha1"))
        bgp = _first(tunnel, "tunnel_bgp_config")
        default(bgp, local_asn=45104, peer_asn=gateway.get("asn") or "", peer_bgp_ip="", bgp_status="false")

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        bound = binding_of(call, id)
        if bound is not None:
            raise ApiError(
                "DependencyViolation.VpnConnectionAttached",
                f"The IPsec connection {id} is attached to a transit router ({bound}); delete that attachment first.",
            )

    def delete(self, call: Call, id: str) -> None:
        super().delete(call, id)
        for route_id, _ in list(call.where(VCO_ROUTE, vpn_connection_id=id)):
            call.remove(VCO_ROUTE, route_id)


class VcoRoute(Family):
    type_name = VCO_ROUTE
    actions = ("CreateVcoRouteEntry", "DescribeVcoRouteEntries", "ModifyVcoRouteEntryWeight", "DeleteVcoRouteEntry")

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        connection_id = planned.get("vpn_connection_id")
        call.require(VPN_ATTACHMENT, connection_id, "InvalidVpnConnectionInstanceId.NotFound", "IPsec connection")
        try:
            ipaddress.IPv4Network(planned.get("route_dest") or "", strict=True)
        except ValueError:
            raise ApiError(
                "IllegalParam.RouteDest", f"The RouteDest {planned.get('route_dest')!r} is not a CIDR block."
            ) from None
        if planned.get("next_hop") != connection_id:
            raise ApiError(
                "IllegalParam.NextHop", f"The NextHop of a VCO route must be the IPsec connection {connection_id}."
            )
        id = f"{connection_id}:{planned['route_dest']}:{planned['next_hop']}:{int(planned['weight'])}"
        if call.lookup(VCO_ROUTE, id) is not None or any(
            call.where(VCO_ROUTE, vpn_connection_id=connection_id, route_dest=planned["route_dest"])
        ):
            raise ApiError(
                "VpnRouteEntry.AlreadyExists", f"A route to {planned['route_dest']} already exists on {connection_id}."
            )
        return self.store(call, id, planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(values, status="published")


class VpnGateway(Family):
    """An IPsec-VPN gateway in a VPC: a public (or private) address, one vSwitch, and a second one in another
    zone for a dual-tunnel gateway (``disaster_recovery_vswitch_id``)."""

    type_name = VPN_GATEWAY
    actions = ("CreateVpnGateway", "DescribeVpnGateway", "ModifyVpnGatewayAttribute", "DeleteVpnGateway")
    # resource_alicloud_vpn_gateway.go (v1.289.0): name is the deprecated alias of vpn_gateway_name.
    aliases = (("vpn_gateway_name", "name"),)

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        vpc_id = values.get("vpc_id")
        call.require(VPC, vpc_id, "InvalidVpcId.NotFound", "VPC")
        if values.get("bandwidth") not in GATEWAY_BANDWIDTHS:
            raise ApiError(
                "IllegalParam.Bandwidth",
                f"The Bandwidth {values.get('bandwidth')} is not one of {', '.join(map(str, GATEWAY_BANDWIDTHS))}.",
            )
        zones_used = {}
        for key in ("vswitch_id", "disaster_recovery_vswitch_id"):
            if values.get(key):
                vswitch = call.require(VSWITCH, values[key], "InvalidVSwitchId.NotFound", "vSwitch")
                if vswitch.get("vpc_id") != vpc_id:
                    raise ApiError("IllegalParam.VSwitchId", f"The vSwitch {values[key]} is not in VPC {vpc_id}.")
                zones_used[key] = vswitch.get("zone_id")
        if len(zones_used) == 2 and len(set(zones_used.values())) == 1:
            raise ApiError(
                "IllegalParam.DisasterRecoveryVSwitchId",
                "The DisasterRecoveryVSwitchId must be in another zone than the VSwitchId "
                f"(both are in {zones_used['vswitch_id']}).",
            )

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        if not planned.get("vswitch_id"):
            # The API picks a vSwitch of the VPC when none is given.
            planned["vswitch_id"] = next((v for v, _ in sorted(call.where(VSWITCH, vpc_id=planned.get("vpc_id")))), "")
        self.check(call, planned, None)
        planned.update(
            create_time=int(time.time() * 1000),
            internet_ip=_public_ip(),
            disaster_recovery_internet_ip=_public_ip() if planned.get("disaster_recovery_vswitch_id") else "",
        )
        return self.store(call, call.new_id("vpn-", 21, regional=True), planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        prepaid = values.get("instance_charge_type") in (None, "PrePaid", "Subscription") and values.get(
            "payment_type"
        ) in (None, "Subscription", "PrePaid")
        default(
            values,
            business_status="Normal",
            description="",
            disaster_recovery_vswitch_id="",
            enable_ipsec=True,
            enable_ssl=False,
            instance_charge_type="PrePaid" if prepaid else "PostPaid",
            network_type="public",
            payment_type="Subscription" if prepaid else "PayAsYouGo",
            resource_group_id=call.resource_group_id,
            ssl_connections=5,
            ssl_vpn_internet_ip="",
            status="Active",
            vpn_type="Normal",
        )

    def check_delete(self, call: Call, id: str, current: dict[str, Any]) -> None:
        connections = [c for c, _ in call.where(VPN_CONNECTION, vpn_gateway_id=id)]
        if connections:
            raise ApiError(
                "DependencyViolation.VpnConnection",
                f"The VPN gateway {id} still has IPsec connections ({', '.join(connections)}); delete them first.",
            )


class VpnConnection(VpnAttachment):
    """An IPsec connection bound to a VPN gateway: the rules of :class:`VpnAttachment` (subnets, keys, BGP,
    tunnels), with comma-free subnet sets and the gateway's address as the local IKE identity."""

    type_name = VPN_CONNECTION
    actions = ("CreateVpnConnection", "DescribeVpnConnection", "ModifyVpnConnectionAttribute", "DeleteVpnConnection")
    # resource_alicloud_vpn_connection.go (v1.289.0): name is the deprecated alias of vpn_connection_name.
    aliases = (("vpn_connection_name", "name"),)

    def check(self, call: Call, values: dict[str, Any], current: dict[str, Any] | None) -> None:
        gateway = call.require(
            VPN_GATEWAY, values.get("vpn_gateway_id"), "InvalidVpnGatewayInstanceId.NotFound", "VPN gateway"
        )
        if not gateway.get("enable_ipsec"):
            raise ApiError(
                "VpnGateway.IpsecDisabled", f"The VPN gateway {gateway['id']} has IPsec-VPN disabled (enable_ipsec)."
            )
        if values.get("tunnel_options_specification") and not gateway.get("disaster_recovery_vswitch_id"):
            raise ApiError(
                "OperationUnsupported.DualTunnel",
                f"The VPN gateway {gateway['id']} has no disaster_recovery_vswitch_id; it takes single-tunnel "
                "connections only.",
            )
        joined = {key: ",".join(sorted(values.get(key) or [])) for key in ("local_subnet", "remote_subnet")}
        super().check(call, {**values, **joined}, current)

    def create(self, call: Call, planned: dict[str, Any]) -> dict[str, Any]:
        self.check(call, planned, None)
        planned["create_time"] = int(time.time() * 1000)
        return self.store(call, call.new_id("vco-", 21, regional=True), planned)

    def fill(self, call: Call, values: dict[str, Any]) -> None:
        default(
            values,
            enable_dpd=True,
            enable_nat_traversal=True,
            enable_tunnels_bgp=False,
            resource_group_id=call.resource_group_id,
            status="ike_sa_not_established",
        )
        for tunnel in values.get("tunnel_options_specification") or []:
            # Optional only in this resource: the API's values would show as drift of the configuration.
            kept = {key: tunnel.get(key) for key in ("enable_dpd", "enable_nat_traversal")}
            self._fill_tunnel(call, tunnel)
            tunnel.update(kept)
        gateway = call.lookup(VPN_GATEWAY, values.get("vpn_gateway_id")) or {}
        customer = call.lookup(CUSTOMER_GATEWAY, values.get("customer_gateway_id")) or {}
        ike = _first(values, "ike_config")
        default(
            ike,
            **_ike_defaults("ikev1", "md5"),
            ike_local_id=gateway.get("internet_ip"),
            ike_remote_id=customer.get("ip_address"),
        )
        if ike.get("psk") is None:
            ike["psk"] = rules.generate_psk()
        default(_first(values, "ipsec_config"), **_ipsec_defaults("md5"))
        bgp = _first(values, "bgp_config")
        default(bgp, enable=False, local_asn="45104", local_bgp_ip="", tunnel_cidr="")
        bgp["status"] = "success" if bgp["enable"] else "false"
        default(_first(values, "health_check_config"), enable=False, interval=3, retry=3, sip="", dip="")


class VpnConnections(DataFamily):
    """The caller's IPsec connections on VPN gateways, in the API's shape (subnets comma-joined, the health
    check and BGP blocks under their DescribeVpnConnections names)."""

    type_name = "alicloud_vpn_connections"
    action = "DescribeVpnConnections"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        found = []
        for id, connection in call.where(VPN_CONNECTION):
            item = self._item(id, connection)
            if call.owner(VPN_CONNECTION, id) == call.account and matches(
                config, item, "name", ("vpn_gateway_id", "customer_gateway_id")
            ):
                found.append(item)
        return listing(self, config, "connections", found, "name")

    @staticmethod
    def _item(id: str, connection: dict[str, Any]) -> dict[str, Any]:
        health = (connection.get("health_check_config") or [{}])[0]
        bgp = (connection.get("bgp_config") or [{}])[0]
        return {
            **connection,
            "id": id,
            "create_time": str(connection.get("create_time")),
            "local_subnet": ",".join(sorted(connection.get("local_subnet") or [])),
            "remote_subnet": ",".join(sorted(connection.get("remote_subnet") or [])),
            "vco_health_check": [
                {**health, "enable": "enable" if health.get("enable") else "disable", "status": "success"}
            ],
            "vpn_bgp_config": [{**bgp, "local_asn": int(bgp.get("local_asn") or 45104), "peer_asn": None}],
        }


class CustomerGateways(DataFamily):
    type_name = "alicloud_vpn_customer_gateways"
    action = "DescribeCustomerGateways"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        found = []
        for id, gateway in call.where(CUSTOMER_GATEWAY):
            asn = gateway.get("asn")
            item = {
                **gateway,
                "id": id,
                "name": gateway.get("customer_gateway_name"),
                "asn": int(asn) if asn else None,
                "create_time": str(gateway.get("create_time")),
            }
            if call.owner(CUSTOMER_GATEWAY, id) == call.account and matches(config, item, "name", ()):
                found.append(item)
        return listing(self, config, "gateways", found, "name")


class GatewayZones(DataFamily):
    """The zones where a VPN gateway of a specification can be placed: every zone of the region."""

    type_name = "alicloud_vpn_gateway_zones"
    action = "ListVpnGatewayZones"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        found = [{"id": zone, "zone_id": zone, "zone_name": zone} for zone in region_zone_ids(call.region)]
        return listing(self, config, "zones", found, "zone_name")


class VcoRoutes(DataFamily):
    """The static routes (``custom``) of an IPsec connection; the emulator learns no BGP routes."""

    type_name = "alicloud_vpn_gateway_vco_routes"
    action = "DescribeVcoRouteEntries"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        connection_id = config.get("vpn_connection_id")
        call.require(VPN_ATTACHMENT, connection_id, "InvalidVpnConnectionInstanceId.NotFound", "IPsec connection")
        found = []
        if config.get("route_entry_type") in (None, "custom"):
            for id, route in call.where(VCO_ROUTE, vpn_connection_id=connection_id):
                item = {**route, "id": id, "source": "CUSTOM", "as_path": "", "create_time": ""}
                if matches(config, item, "id", ("status",)):
                    found.append(item)
        return listing(self, config, "routes", found, "id")


class VpnAttachments(DataFamily):
    """The caller's IPsec connections bound to no VPN gateway (for transit routers)."""

    type_name = "alicloud_vpn_gateway_vpn_attachments"
    action = "DescribeVpnConnections"

    def read(self, call: Call, config: dict[str, Any]) -> dict[str, Any]:
        found = []
        for id, connection in call.where(VPN_ATTACHMENT):
            item = {
                **connection,
                "id": id,
                "vpn_connection_id": id,
                "attach_type": "CEN",
                "connection_status": "ike_sa_not_established",
                "create_time": str(connection.get("create_time")),
            }
            if call.owner(VPN_ATTACHMENT, id) == call.account and matches(
                config, item, "vpn_attachment_name", ("status",)
            ):
                found.append(item)
        return listing(self, config, "attachments", found, "vpn_attachment_name")
