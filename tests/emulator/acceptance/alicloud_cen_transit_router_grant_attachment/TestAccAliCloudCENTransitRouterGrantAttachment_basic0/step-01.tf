
variable "name" {
  default = "tf-testacccn-hangzhoucentransitroutergrantattachment1000"
}

data "alicloud_account" "default" {
}

data "alicloud_vpcs" "default" {
    name_regex = "^default-NODELETING$"
}

resource "alicloud_cen_instance" "default" {
  cen_instance_name = var.name
  description       = "test for transit router grant attachment"
}



resource "alicloud_cen_transit_router_grant_attachment" "default" {
  cen_id = "${alicloud_cen_instance.default.id}"
  cen_owner_id = "${data.alicloud_account.default.id}"
  instance_id = "${data.alicloud_vpcs.default.ids.0}"
  instance_type = "VPC"
  order_type = "PayByCenOwner"
}
