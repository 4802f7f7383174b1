"""Customer gateways, IPsec connections (``vpn_gateway_vpn_attachment``, single- and dual-tunnel) and
their static routes (VCO routes)."""

from __future__ import annotations

import ipaddress
import secrets
import time
from typing import Any

from .. import rules
from ..errors import ApiError
from .attachments import VPN_ATTACHMENT, binding_of
from .base import Call, Family, default
from .cen import zones

__all__ = ["CustomerGateway", "VcoRoute", "VpnAttachment"]

CUSTOMER_GATEWAY = "alicloud_vpn_customer_gateway"
VCO_ROUTE = "alicloud_vpn_gateway_vco_route"


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
        for connection_id, connection in call.where(VPN_ATTACHMENT):
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
