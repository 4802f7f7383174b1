
variable "name" {
  default = "tf-testacccn-hangzhoucentrvpnatt10000"
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

# --- Account A: CEN ---
resource "alicloud_cen_instance" "default" {
  provider          = alicloud.a
  cen_instance_name = var.name
}

resource "alicloud_cen_transit_router" "default" {
  provider                   = alicloud.a
  cen_id                     = alicloud_cen_instance.default.id
  transit_router_description = "desd"
  transit_router_name        = var.name
}

resource "alicloud_cen_transit_router_cidr" "default" {
  provider                 = alicloud.a
  transit_router_id        = alicloud_cen_transit_router.default.transit_router_id
  cidr                     = "192.168.0.0/16"
  transit_router_cidr_name = var.name
  description              = var.name
  publish_cidr_route       = false
}

# Single-tunnel VPN attachments require an explicit zone matching the tunnel
# layout; pull the first master zone available in account A's region.
data "alicloud_cen_transit_router_available_resources" "default" {
  provider = alicloud.a
}

# --- Account B: VPN + Grant ---
resource "alicloud_vpn_customer_gateway" "default" {
  customer_gateway_name = var.name
  # Spread the test-generated IP across a wider range than basic0's
  # 42.104.22.100-119 pool so repeated cross-account runs do not collide
  # with account B's accumulated leftover gateways.
  ip_address  = "42.104.${100 + tonumber(substr(var.name, -3, 2)) % 100}.${100 + tonumber(substr(var.name, -2, 2)) % 100}"
  asn         = "45014"
  description = "testAccVpnConnectionDesc"
}

resource "alicloud_vpn_gateway_vpn_attachment" "default" {
  network_type        = "public"
  local_subnet        = "0.0.0.0/0"
  remote_subnet       = "0.0.0.0/0"
  effect_immediately  = false
  customer_gateway_id = alicloud_vpn_customer_gateway.default.id
  vpn_attachment_name = var.name
}

resource "alicloud_cen_transit_router_grant_attachment" "default" {
  instance_type = "VPN"
  instance_id   = alicloud_vpn_gateway_vpn_attachment.default.id
  cen_owner_id  = data.alicloud_account.a.id
  cen_id        = alicloud_cen_instance.default.id
  order_type    = "PayByResourceOwner"
}

# --- Account A: attach B's VPN into A's CEN ---
resource "alicloud_cen_transit_router_vpn_attachment" "default" {
  provider                              = alicloud.a
  vpn_owner_id                          = data.alicloud_account.b.id
  transit_router_vpn_attachment_name    = var.name
  auto_publish_route_enabled            = false
  transit_router_attachment_description = var.name
  vpn_id                                = alicloud_vpn_gateway_vpn_attachment.default.id
  cen_id                                = alicloud_cen_transit_router.default.cen_id
  transit_router_id                     = alicloud_cen_transit_router_cidr.default.transit_router_id
  order_type                            = "PayByResourceOwner"
  zone {
    zone_id = data.alicloud_cen_transit_router_available_resources.default.resources.0.master_zones.0
  }
  depends_on = [alicloud_cen_transit_router_grant_attachment.default]
}
