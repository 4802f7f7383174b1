
variable "name" {
  default = "tf-testAccCenTrVpcAttX1000000"
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

# --- Account B: VPC + VSwitch + Grant ---
data "alicloud_zones" "b" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_vpc" "default" {
  vpc_name   = var.name
  cidr_block = "172.16.0.0/12"
}

resource "alicloud_vswitch" "default" {
  vswitch_name = var.name
  vpc_id       = alicloud_vpc.default.id
  cidr_block   = "172.16.0.0/24"
  zone_id      = data.alicloud_zones.b.ids.0
}

resource "alicloud_cen_transit_router_grant_attachment" "default" {
  instance_type = "VPC"
  instance_id   = alicloud_vpc.default.id
  cen_owner_id  = data.alicloud_account.a.id
  cen_id        = alicloud_cen_instance.default.id
  order_type    = "PayByCenOwner"
}

# --- Account A: CEN + Transit Router + VPC attachment consuming B's grant ---
resource "alicloud_cen_instance" "default" {
  provider          = alicloud.a
  cen_instance_name = var.name
  protection_level  = "REDUCED"
}

resource "alicloud_cen_transit_router" "default" {
  provider = alicloud.a
  cen_id   = alicloud_cen_instance.default.id
}

resource "alicloud_cen_transit_router_vpc_attachment" "default" {
  provider          = alicloud.a
  cen_id            = alicloud_cen_instance.default.id
  transit_router_id = alicloud_cen_transit_router.default.transit_router_id
  vpc_id            = alicloud_vpc.default.id
  vpc_owner_id      = data.alicloud_account.b.id
  force_delete      = true
  zone_mappings {
    vswitch_id = alicloud_vswitch.default.id
    zone_id    = data.alicloud_zones.b.ids.0
  }
  order_type = "PayByCenOwner"
  depends_on = [alicloud_cen_transit_router_grant_attachment.default]
}
