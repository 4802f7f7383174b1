"""What an IpsecConnection writes: console defaults spelled out, the resources and their edges."""

from __future__ import annotations

from typing import Any

import pytest

from constructs_vpn.core import ValidationError
from constructs_vpn.vpn import (
    BgpConfig,
    CrossAccount,
    CustomerGateway,
    ExistingConnection,
    HealthCheckConfig,
    IkeConfig,
    IpsecConnection,
    StaticRoute,
    TunnelOptions,
)
from tests.vpn.conftest import Site

VA = "alicloud_vpn_gateway_vpn_attachment"
TRA = "alicloud_cen_transit_router_vpn_attachment"


CONSOLE_IKE = {
    "ike_version": "ikev2",
    "ike_mode": "main",
    "ike_enc_alg": "aes",
    "ike_auth_alg": "sha1",
    "ike_pfs": "group2",
    "ike_lifetime": 86400,
    "psk": "${var.psk}",
}
CONSOLE_IPSEC = {"ipsec_enc_alg": "aes", "ipsec_auth_alg": "sha1", "ipsec_pfs": "group2", "ipsec_lifetime": 86400}


def test_console_defaults_are_written_out(site: Site) -> None:
    """The short form with a gateway and a key: two tunnels, each with the console's defaults."""
    site.connect()
    body = site.resource(VA)
    assert body["network_type"] == "public"
    assert body["local_subnet"] == body["remote_subnet"] == "0.0.0.0/0"
    assert body["effect_immediately"] is True
    gateway = "${alicloud_vpn_customer_gateway.cgw_5BAAF9FE.id}"
    assert body["tunnel_options_specification"] == [
        {
            "tunnel_index": index,
            "customer_gateway_id": gateway,
            "enable_dpd": True,
            "enable_nat_traversal": True,
            "tunnel_ike_config": CONSOLE_IKE,
            "tunnel_ipsec_config": CONSOLE_IPSEC,
        }
        for index in (1, 2)
    ]
    assert body["enable_tunnels_bgp"] is False
    single_only = {"customer_gateway_id", "ike_config", "ipsec_config", "bgp_config", "health_check_config"}
    assert not single_only & body.keys()
    attachment = site.resource(TRA)
    assert attachment["auto_publish_route_enabled"] is True
    assert attachment["transit_router_id"].endswith(".transit_router_id}")
    assert "zone" not in attachment  # the cloud spreads the two tunnels across zones
    synthesized = site.synth()
    assert len(synthesized["resource"]["alicloud_cen_transit_router_route_table_association"]) == 1
    assert len(synthesized["resource"]["alicloud_cen_transit_router_route_table_propagation"]) == 1
    table = synthesized["data"]["alicloud_cen_transit_router_route_tables"]
    assert next(iter(table.values()))["transit_router_route_table_type"] == "System"
    assert "vpn:single-tunnel" not in [note.id for note in site.app.synthesize().annotations]


def test_single_tunnel_console_defaults_are_written_out(site: Site) -> None:
    site.connect(tunnel_mode="single")
    body = site.resource(VA)
    assert body["customer_gateway_id"] == "${alicloud_vpn_customer_gateway.cgw_5BAAF9FE.id}"
    assert body["enable_dpd"] is True and body["enable_nat_traversal"] is True
    assert body["ike_config"] == CONSOLE_IKE
    assert body["ipsec_config"] == CONSOLE_IPSEC
    assert body["bgp_config"] == {"enable": False, "local_asn": 45104}
    assert body["health_check_config"] == {"enable": False, "interval": 3, "retry": 3, "policy": "revoke_route"}
    assert "tunnel_options_specification" not in body
    assert "available_resources" in site.resource(TRA)["zone"][0]["zone_id"]
    (warning,) = [note for note in site.app.synthesize().annotations if note.id == "vpn:single-tunnel"]
    assert "drop tunnel_mode='single'" in warning.message


def test_every_console_parameter(site: Site) -> None:
    site.connect(
        tunnel_mode="single",
        name="dc1",
        resource_group_id="rg-1",
        gateway_type="public",
        zone_id="cn-hangzhou-h",
        local_subnets=["10.0.0.0/16"],
        remote_subnets=["192.168.0.0/24"],
        effect_immediately=False,
        ike_config={
            "ike_version": "ikev1",
            "ike_mode": "aggressive",
            "ike_enc_alg": "aes256",
            "ike_auth_alg": "sha512",
            "ike_pfs": "group14",
            "ike_lifetime": 3600,
            "local_id": "vpn.example.com",
            "remote_id": "dc1.example.com",
        },
        ipsec_config={
            "ipsec_enc_alg": "aes192",
            "ipsec_auth_alg": "sha384",
            "ipsec_pfs": "disabled",
            "ipsec_lifetime": 0,
        },
        enable_dpd=False,
        enable_nat_traversal=False,
        bgp=BgpConfig.model_validate(
            {"tunnel_cidr": "169.254.11.0/30", "local_bgp_ip": "169.254.11.2", "local_asn": "1.1"}
        ),
        health_check=HealthCheckConfig(dip="192.168.0.1", sip="10.0.0.1", interval=5, retry=4, switch_route=False),
        advertise_routes=False,
        associate_default_route_table=False,
        propagate_to_default_route_table=False,
        static_routes=[StaticRoute(destination="192.168.0.0/24", weight=0)],
        tunnel_bandwidth="Large",
        tags={"team": "net"},
    )
    body = site.resource(VA)
    assert body["vpn_attachment_name"] == "dc1"
    assert body["resource_group_id"] == "rg-1"
    assert (body["local_subnet"], body["remote_subnet"]) == ("10.0.0.0/16", "192.168.0.0/24")
    assert body["effect_immediately"] is False
    assert body["ike_config"]["local_id"] == "vpn.example.com"
    assert body["ipsec_config"]["ipsec_pfs"] == "disabled" and body["ipsec_config"]["ipsec_lifetime"] == 0
    assert body["bgp_config"] == {
        "enable": True,
        "local_asn": 65537,
        "tunnel_cidr": "169.254.11.0/30",
        "local_bgp_ip": "169.254.11.2",
    }
    assert body["health_check_config"] == {
        "enable": True,
        "dip": "192.168.0.1",
        "sip": "10.0.0.1",
        "interval": 5,
        "retry": 4,
        "policy": "reserve_route",
    }
    assert body["tunnel_bandwidth"] == "Large" and body["tags"] == {"team": "net"}
    attachment = site.resource(TRA)
    assert attachment["auto_publish_route_enabled"] is False
    assert attachment["zone"] == [{"zone_id": "cn-hangzhou-h"}]
    synthesized = site.synth()
    assert "alicloud_cen_transit_router_route_table_association" not in synthesized["resource"]
    route = next(iter(synthesized["resource"]["alicloud_vpn_gateway_vco_route"].values()))
    assert route["weight"] == 0 and route["route_dest"] == "192.168.0.0/24"
    assert route["next_hop"] == route["vpn_connection_id"]
    assert route["depends_on"] == [f"{TRA}.{next(iter(synthesized['resource'][TRA]))}"]


def test_omitted_psk_is_generated_and_exposed_sensitively(site: Site) -> None:
    site.connect(psk=None, tunnel_mode="single")
    synthesized = site.synth()
    assert "psk" not in site.resource(VA)["ike_config"]
    (output,) = synthesized["output"].values()
    assert output["sensitive"] is True
    assert output["value"].endswith(".ike_config[0].psk}")


def test_dual_tunnel(site: Site) -> None:
    backup = CustomerGateway(site.stack, "backup", ip_address="203.0.113.11", asn=65010)
    bgp = [BgpConfig(tunnel_cidr=f"169.254.{n}.0/30", local_bgp_ip=f"169.254.{n}.1") for n in (20, 21)]
    IpsecConnection(
        site.stack,
        "site",
        transit_router=site.tr,
        tunnels=[
            TunnelOptions(customer_gateway=site.cgw, psk=site.psk, bgp=bgp[0]),
            TunnelOptions(
                customer_gateway=backup, psk=site.psk, bgp=bgp[1], ike_config=IkeConfig(ike_enc_alg="aes256")
            ),
        ],
    )
    body = site.resource(VA)
    assert "customer_gateway_id" not in body and "ike_config" not in body and "bgp_config" not in body
    assert body["enable_tunnels_bgp"] is True
    first, second = body["tunnel_options_specification"]
    assert (first["tunnel_index"], second["tunnel_index"]) == (1, 2)
    assert second["tunnel_ike_config"]["ike_enc_alg"] == "aes256" and second["tunnel_ike_config"]["psk"] == "${var.psk}"
    assert first["tunnel_bgp_config"] == {
        "local_asn": 45104,
        "tunnel_cidr": "169.254.20.0/30",
        "local_bgp_ip": "169.254.20.1",
    }
    assert "zone" not in site.resource(TRA)  # the cloud picks the zone of a dual-tunnel connection


def test_the_connections_of_a_router_share_their_tunnel_blocks(site: Site) -> None:
    def ike_blocks(connection: IpsecConnection) -> list[Any]:
        assert connection.connection is not None
        tunnels = connection.connection.config.tunnel_options_specification
        assert isinstance(tunnels, list)
        return [tunnel.tunnel_ike_config for tunnel in tunnels]

    first, second = site.connect("a"), site.connect("b", ike_config=IkeConfig())
    other = site.connect("c", ike_config=IkeConfig(ike_enc_alg="aes256"))
    literal = site.connect("d", psk="literal-Key-1234")
    ike = [ike_blocks(c) for c in (first, second, other, literal)]
    assert ike[0][0] is ike[0][1] is ike[1][0]  # equal settings, one key source: one frozen block
    assert ike[2][0] is not ike[0][0] and ike[2][0].ike_enc_alg == "aes256"
    assert ike[3][0] is not ike[0][0] and ike[3][0].psk == "literal-Key-1234"
    # kept by the router (gone with its app), and never with a literal key
    assert len(site.tr.tunnel_blocks) == 2
    assert all(key[2] is site.psk for key in site.tr.tunnel_blocks)


def test_cross_account(make_site: Any) -> None:
    from constructs_vpn.alicloud.provider import AlicloudProvider

    site = make_site()
    vpn_account = AlicloudProvider(site.stack, "b", alias="b", region="cn-hangzhou")
    gateway = CustomerGateway(site.stack, "cgw-b", ip_address="203.0.113.11", asn=65011, provider=vpn_account)
    site.connect(
        provider=vpn_account,
        customer_gateway=gateway,
        cross_account=CrossAccount(cen_owner_id="111", vpn_owner_id="222", payer="vpn_owner"),
    )
    synthesized = site.synth()
    ((grant_name, grant),) = synthesized["resource"]["alicloud_cen_transit_router_grant_attachment"].items()
    assert grant == {
        **grant,
        "instance_type": "VPN",
        "cen_owner_id": "111",
        "order_type": "PayByResourceOwner",
        "provider": "alicloud.b",
    }
    attachment = site.resource(TRA)
    assert attachment["vpn_owner_id"] == "222" and attachment["order_type"] == "PayByResourceOwner"
    assert attachment["depends_on"] == [f"alicloud_cen_transit_router_grant_attachment.{grant_name}"]
    assert "provider" not in attachment  # the CEN account's (default) provider
    assert site.resource(VA)["provider"] == "alicloud.b"


def test_cross_account_needs_the_vpn_accounts_provider(site: Site) -> None:
    site.connect(cross_account={"cen_owner_id": "111", "vpn_owner_id": "222"})
    with pytest.raises(ValidationError) as caught:
        site.synth()
    assert [p.rule for p in caught.value.problems] == ["cross-account-provider"]


def test_adopting_an_existing_connection(site: Site) -> None:
    site.connect(existing=ExistingConnection(vpn_connection_id="vco-1", transit_router_attachment_id="tr-attach-1"))
    imports = {entry["to"].split(".")[0]: entry["id"] for entry in site.synth()["import"]}
    assert imports[VA] == "vco-1"
    assert imports[TRA] == "tr-attach-1"
    assert imports["alicloud_cen_transit_router_route_table_association"].startswith("tr-attach-1:${data.")


def test_protect_prevents_destroy(site: Site) -> None:
    site.connect(protect=True)
    assert site.resource(VA)["lifecycle"] == {"prevent_destroy": True}
    assert site.resource(TRA)["lifecycle"] == {"prevent_destroy": True}


def test_invalid_constructs_are_all_reported_together(site: Site) -> None:
    site.connect("a", ike_config={"ike_enc_alg": "AES"})
    site.connect("b", bgp={"tunnel_cidr": "169.254.1.0/30", "local_bgp_ip": "169.254.1.1"}, ike_versoin="ikev2")
    with pytest.raises(ValidationError) as caught:
        site.synth()
    found = {(p.path, p.field, p.rule) for p in caught.value.problems}
    assert ("net/a", "ike_config.ike_enc_alg", "enum") in found
    assert ("net/b", "bgp.tunnel_cidr", "bgp-tunnel-cidr-reserved") in found
    assert ("net/b", "ike_versoin", "unknown-argument") in found
