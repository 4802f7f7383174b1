
variable "name" {
  default = "tf-testacccn-hangzhoucentrgrantx1000"
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


data "alicloud_account" "a" {
  provider = alicloud.a
}

# --- Account B: VPC to be granted ---
resource "alicloud_vpc" "default" {
  vpc_name   = var.name
  cidr_block = "172.16.0.0/12"
}

# --- Account A: CEN instance receiving the grant ---
resource "alicloud_cen_instance" "default" {
  provider          = alicloud.a
  cen_instance_name = var.name
  description       = "cross-account grant attachment test"
}

# --- Account B: the grant itself (resource under test) ---
resource "alicloud_cen_transit_router_grant_attachment" "default" {
  instance_type = "VPC"
  instance_id   = alicloud_vpc.default.id
  cen_owner_id  = data.alicloud_account.a.id
  cen_id        = alicloud_cen_instance.default.id
  order_type    = "PayByCenOwner"
}
