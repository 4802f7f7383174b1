"""The cdktf golden reference app (tests/fixtures/cdktf-golden), rebuilt on constructs_vpn.core."""

from __future__ import annotations

from typing import Any

from constructs_vpn.core import (
    App,
    Construct,
    TerraformOutput,
    TerraformProvider,
    TerraformProviderGeneratorMetadata,
    TerraformResource,
    TerraformStack,
    TerraformVariable,
)

META = TerraformProviderGeneratorMetadata(provider_name="alicloud", provider_version_constraint="~> 1.240")


def res(scope: Construct, id: str, rtype: str, attrs: dict[str, Any], **meta: Any) -> TerraformResource:
    return TerraformResource(
        scope, id, terraform_resource_type=rtype, terraform_generator_metadata=META, attributes=attrs, **meta
    )


class IpsecConnection(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        cen: TerraformResource,
        tr: TerraformResource,
        psk: TerraformVariable,
        peer_ip: str,
        peer_asn: str,
        zone_id: str,
    ) -> None:
        super().__init__(scope, id)
        self.cgw = res(
            self,
            "cgw",
            "alicloud_vpn_customer_gateway",
            {
                "customer_gateway_name": f"{id}-cgw",
                "ip_address": peer_ip,
                "asn": peer_asn,
                "description": "on-prem peer",
            },
        )
        self.vpn = res(
            self,
            "vpn",
            "alicloud_vpn_gateway_vpn_attachment",
            {
                "vpn_attachment_name": f"{id}-vpn",
                "customer_gateway_id": self.cgw.get_string_attribute("id"),
                "network_type": "public",
                "local_subnet": "0.0.0.0/0",
                "remote_subnet": "0.0.0.0/0",
                "effect_immediately": False,
                "enable_dpd": True,
                "enable_nat_traversal": True,
                "ike_config": {
                    "ike_version": "ikev2",
                    "ike_mode": "main",
                    "ike_enc_alg": "aes",
                    "ike_auth_alg": "sha1",
                    "ike_pfs": "group2",
                    "ike_lifetime": 86400,
                    "psk": psk.string_value,
                    "local_id": "tr",
                    "remote_id": peer_ip,
                },
                "ipsec_config": {
                    "ipsec_enc_alg": "aes",
                    "ipsec_auth_alg": "sha1",
                    "ipsec_pfs": "group2",
                    "ipsec_lifetime": 86400,
                },
                "bgp_config": {
                    "enable": True,
                    "local_asn": 45104,
                    "tunnel_cidr": "169.254.11.0/30",
                    "local_bgp_ip": "169.254.11.1",
                },
                "health_check_config": {
                    "enable": True,
                    "sip": "169.254.11.1",
                    "dip": "169.254.11.2",
                    "interval": 3,
                    "retry": 3,
                    "policy": "revoke_route",
                },
            },
        )
        self.tr_att = res(
            self,
            "tr-attachment",
            "alicloud_cen_transit_router_vpn_attachment",
            {
                "cen_id": cen.get_string_attribute("id"),
                "transit_router_id": tr.get_string_attribute("transit_router_id"),
                "vpn_id": self.vpn.get_string_attribute("id"),
                "auto_publish_route_enabled": False,
                "transit_router_attachment_name": f"{id}-tr-att",
                "zone": [{"zone_id": zone_id}],
            },
            depends_on=[self.cgw],
        )


class VpnStack(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        TerraformProvider(
            self,
            "alicloud",
            terraform_resource_type="alicloud",
            terraform_generator_metadata=META,
            terraform_provider_source="aliyun/alicloud",
            attributes={"region": "cn-hangzhou"},
        )
        psk = TerraformVariable(self, "psk", type="string", sensitive=True, description="IPsec pre-shared key")
        cen = res(self, "cen", "alicloud_cen_instance", {"cen_instance_name": "golden-cen", "description": "golden"})
        tr = res(
            self,
            "tr",
            "alicloud_cen_transit_router",
            {"cen_id": cen.get_string_attribute("id"), "transit_router_name": "golden-tr"},
        )
        conn = IpsecConnection(
            self,
            "ipsec-conn-1",
            cen=cen,
            tr=tr,
            psk=psk,
            peer_ip="203.0.113.10",
            peer_asn="65001",
            zone_id="cn-hangzhou-h",
        )
        TerraformOutput(self, "vpn_attachment_id", value=conn.vpn.get_string_attribute("id"))
        TerraformOutput(
            self, "tr_attachment_id", value=conn.tr_att.get_string_attribute("id"), description="TR VPN attachment id"
        )


def build(outdir: str | None = None) -> App:
    app = App(outdir=outdir)
    VpnStack(app, "ipsec-vpn")
    return app


if __name__ == "__main__":
    build().synth()
