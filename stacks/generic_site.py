"""One IPsec site declared with the engine's generic resources only (no generated bindings).

It shows what the core does on its own: a provider, a sensitive variable for the pre-shared key, references
between resources, a data source, dependencies and outputs. Its connection is single-tunnel, for an account or
region that still creates them (on the emulator: CONSTRUCTS_VPN_EMULATOR_SINGLE_TUNNEL=accept).
"""

from __future__ import annotations

from typing import Any

from constructs_vpn.core import (
    App,
    TerraformDataSource,
    TerraformOutput,
    TerraformProvider,
    TerraformProviderGeneratorMetadata,
    TerraformResource,
    TerraformStack,
    TerraformVariable,
)
from constructs_vpn.core.hcl_render import typed


class _Resource(TerraformResource):
    """A generic resource that writes its arguments in ``cdk.tf`` too: cdktf's generic ``TerraformResource``
    writes an empty HCL body (only a class's ``_synthesize_hcl_attributes`` is written), so ``synth --hcl``
    warned here. A dict, or a list of dicts, is a nested block; anything else a plain argument."""

    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        return {name: _hcl_argument(value) for name, value in self._synthesize_attributes().items()}


class _DataSource(TerraformDataSource):
    """A generic data source writing its arguments in ``cdk.tf`` too (see ``_Resource``)."""

    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        return {name: _hcl_argument(value) for name, value in self._synthesize_attributes().items()}


class _Provider(TerraformProvider):
    """The generic provider block writing its arguments in ``cdk.tf`` too (see ``_Resource``)."""

    def _synthesize_hcl_attributes(self) -> dict[str, Any]:
        return {name: _hcl_argument(value) for name, value in self._synthesize_attributes().items()}


def _hcl_argument(value: Any) -> Any:
    blocks = [value] if isinstance(value, dict) else value
    if isinstance(blocks, list) and blocks and all(isinstance(block, dict) for block in blocks):
        return typed(blocks, "list", "list", is_block=True)
    return value


ALICLOUD = TerraformProviderGeneratorMetadata(provider_name="alicloud", provider_version_constraint="~> 1.289")


class GenericSiteStack(TerraformStack):
    """CEN, transit router and one data center connected over IPsec, with destination routing."""

    def __init__(self, scope: App, id: str) -> None:
        super().__init__(scope, id)
        _Provider(
            self,
            "alicloud",
            terraform_resource_type="alicloud",
            terraform_provider_source="aliyun/alicloud",
            terraform_generator_metadata=ALICLOUD,
            attributes={"region": "cn-hangzhou"},
        )
        psk = TerraformVariable(
            self, "psk", type="string", sensitive=True, description="IPsec pre-shared key of the data center link"
        )
        cen = self._resource("cen", "alicloud_cen_instance", {"cen_instance_name": "corp-cen"})
        tr = self._resource(
            "tr",
            "alicloud_cen_transit_router",
            {"cen_id": cen.get_string_attribute("id"), "transit_router_name": "corp-tr"},
        )
        tables = _DataSource(
            self,
            "tr-tables",
            terraform_resource_type="alicloud_cen_transit_router_route_tables",
            attributes={
                "transit_router_id": tr.get_string_attribute("transit_router_id"),
                "transit_router_route_table_type": "System",
            },
        )
        cgw = self._resource(
            "dc1-cgw", "alicloud_vpn_customer_gateway", {"ip_address": "203.0.113.10", "customer_gateway_name": "dc1"}
        )
        vpn = self._resource(
            "dc1-vpn",
            "alicloud_vpn_gateway_vpn_attachment",
            {
                "vpn_attachment_name": "dc1",
                "customer_gateway_id": cgw.get_string_attribute("id"),
                "network_type": "public",
                "local_subnet": "0.0.0.0/0",
                "remote_subnet": "0.0.0.0/0",
                "effect_immediately": True,
                "ike_config": {"ike_version": "ikev2", "psk": psk.string_value},
            },
        )
        attachment = self._resource(
            "dc1-attachment",
            "alicloud_cen_transit_router_vpn_attachment",
            {
                "cen_id": cen.get_string_attribute("id"),
                "transit_router_id": tr.get_string_attribute("transit_router_id"),
                "vpn_id": vpn.get_string_attribute("id"),
                "auto_publish_route_enabled": True,
                "zone": [{"zone_id": "cn-hangzhou-h"}],
            },
        )
        self._resource(
            "dc1-association",
            "alicloud_cen_transit_router_route_table_association",
            {
                "transit_router_attachment_id": attachment.get_string_attribute("id"),
                "transit_router_route_table_id": tables.get_list_attribute("tables")[0].get_attribute("id"),
            },
        )
        TerraformOutput(self, "vpn_attachment_id", value=vpn.get_string_attribute("id"))
        TerraformOutput(self, "tr_attachment_id", value=attachment.get_string_attribute("id"))

    def _resource(self, id: str, type_name: str, attributes: dict[str, object]) -> TerraformResource:
        return _Resource(
            self, id, terraform_resource_type=type_name, terraform_generator_metadata=ALICLOUD, attributes=attributes
        )
