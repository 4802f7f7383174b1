
variable "name" {
  default = "tfacccenx10000"
}

# Default provider = Account B (TerraformTest): owns the resource that gets
# granted to account A's CEN.
provider "alicloud" {
  access_key = "emulated-TerraformTest-access-key"
  secret_key = "emulated-TerraformTest-secret-key"
}

# Alias "a" = Account A (TerraformUT): owns the CEN instance and the
# transit_router_*_attachment that consumes the grant.
provider "alicloud" {
  alias      = "a"
  access_key = "emulated-TerraformUT-access-key"
  secret_key = "emulated-TerraformUT-secret-key"
}


data "alicloud_account" "b" {}

data "alicloud_account" "a" {
  provider = alicloud.a
}

# --- Account B (default provider, TerraformTest — VBR resource owner) ---
data "alicloud_express_connect_physical_connections" "b" {
  name_regex = "^preserved-NODELETING"
}

resource "alicloud_express_connect_virtual_border_router" "vbr" {
  peer_gateway_ip        = "10.0.0.1"
  physical_connection_id = data.alicloud_express_connect_physical_connections.b.connections.0.id
  peering_subnet_mask    = "255.255.255.252"
  local_gateway_ip       = "10.0.0.2"
  vlan_id                = 1
}

# Keep OrderType coverage on the CEN-side grant (alicloud_cen_transit_router_grant_attachment
# is the resource that actually carries the order_type knob). The
# ExpressConnect-side alicloud_express_connect_grant_rule_to_cen does not
# carry an order_type and would not exercise the payer-negotiation behaviour
# this test is trying to pin down.
resource "alicloud_cen_transit_router_grant_attachment" "default" {
  instance_type = "ExpressConnect"
  instance_id   = alicloud_express_connect_virtual_border_router.vbr.id
  cen_owner_id  = data.alicloud_account.a.id
  cen_id        = alicloud_cen_instance.default.id
  order_type    = "PayByCenOwner"
}

# --- Account A (alias.a, TerraformUT — CEN owner) ---
resource "alicloud_cen_instance" "default" {
  provider          = alicloud.a
  cen_instance_name = var.name
}

resource "alicloud_cen_transit_router" "default" {
  provider = alicloud.a
  cen_id   = alicloud_cen_instance.default.id
}

resource "alicloud_cen_transit_router_vbr_attachment" "default" {
  provider                              = alicloud.a
  auto_publish_route_enabled            = false
  cen_id                                = alicloud_cen_instance.default.id
  vbr_id                                = alicloud_express_connect_virtual_border_router.vbr.id
  vbr_owner_id                          = data.alicloud_account.b.id
  transit_router_id                     = alicloud_cen_transit_router.default.transit_router_id
  transit_router_attachment_description = var.name
  order_type                            = "PayByCenOwner"
  depends_on                            = [alicloud_cen_transit_router_grant_attachment.default]
}
