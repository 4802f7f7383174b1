
variable "name" {
  default = "tf-testAccCenTransitRouterVpcAttachment1000000"
}

provider "alicloud" {
  region = "cn-hangzhou"
}

data "alicloud_account" "default" {
}

resource "alicloud_vpc" "default" {
  vpc_name   = var.name
  cidr_block = "192.168.0.0/16"
}

resource "alicloud_vswitch" "default" {
  vpc_id       = alicloud_vpc.default.id
  cidr_block   = "192.168.1.0/24"
  zone_id      = "cn-hangzhou-h"
  vswitch_name = var.name
}

resource "alicloud_vswitch" "default_master" {
  vpc_id       = alicloud_vpc.default.id
  cidr_block   = "192.168.2.0/24"
  zone_id      = "cn-hangzhou-i"
  vswitch_name = "${var.name}-master"
}

resource "alicloud_cen_instance" "default" {
  cen_instance_name = var.name
  protection_level  = "REDUCED"
}

resource "alicloud_cen_transit_router" "default" {
  cen_id = alicloud_cen_instance.default.id
}


resource "alicloud_cen_transit_router_vpc_attachment" "default" {
  cen_id = "${alicloud_cen_transit_router.default.cen_id}"
  force_delete = "true"
  order_type = "PayByCenOwner"
  route_table_association_enabled = "false"
  route_table_propagation_enabled = "false"
  transit_router_attachment_description = "tf-testAccCenTransitRouterVpcAttachment1000000"
  transit_router_attachment_name = "tf-testAccCenTransitRouterVpcAttachment1000000"
  vpc_id = "${alicloud_vpc.default.id}"
  zone_mappings {
    vswitch_id = "${alicloud_vswitch.default.id}"
    zone_id = "${alicloud_vswitch.default.zone_id}"
  }
}
