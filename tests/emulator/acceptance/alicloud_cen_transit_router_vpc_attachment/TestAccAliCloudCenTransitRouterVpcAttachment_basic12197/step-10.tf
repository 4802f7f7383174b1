
variable "name" {
    default = "tfacccen10000"
}

provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_vpc" "defaultpzLsWV" {
  ipv6_isp    = "BGP"
  description = "jiatu-terraform-test"
  cidr_block  = "192.168.0.0/16"
  enable_ipv6 = true
  vpc_name    = "jiatu-terraform-test"
}

resource "alicloud_vswitch" "defaultWZIJKW" {
  ipv6_cidr_block_mask = "3"
  vpc_id               = alicloud_vpc.defaultpzLsWV.id
  zone_id              = "cn-hangzhou-h"
  cidr_block           = "192.168.3.0/24"
  vswitch_name         = "tf"
}

resource "alicloud_vswitch" "default5XiiOt" {
  vpc_id               = alicloud_vpc.defaultpzLsWV.id
  zone_id              = "cn-hangzhou-i"
  cidr_block           = "192.168.4.0/24"
  vswitch_name         = "tf2"
  ipv6_cidr_block_mask = "4"
}

resource "alicloud_vswitch" "defaultjQs0qh" {
  description          = "tf"
  ipv6_cidr_block_mask = "6"
  vpc_id               = alicloud_vpc.defaultpzLsWV.id
  zone_id              = "cn-hangzhou-j"
  cidr_block           = "192.168.6.0/24"
  vswitch_name         = "tf"
}

resource "alicloud_cen_instance" "defaultv7lEPH" {
  cen_instance_name = "tf-test"
}

resource "alicloud_cen_transit_router" "defaultrjuavE" {
  cen_id = alicloud_cen_instance.defaultv7lEPH.id
}




resource "alicloud_cen_transit_router_vpc_attachment" "default" {
  auto_publish_route_enabled = "true"
  cen_id = "${alicloud_cen_instance.defaultv7lEPH.id}"
  options {
    appliance_mode_support = "disable"
    ipv6_support = "disable"
  }
  payment_type = "PayAsYouGo"
  transit_router_attachment_description = "ss"
  transit_router_id = "${alicloud_cen_transit_router.defaultrjuavE.transit_router_id}"
  transit_router_vpc_attachment_name = "tfacccen10000_update"
  vpc_id = "${alicloud_vpc.defaultpzLsWV.id}"
  zone_mappings {
    vswitch_id = "${alicloud_vswitch.defaultWZIJKW.id}"
    zone_id = "${alicloud_vswitch.defaultWZIJKW.zone_id}"
  }
  zone_mappings {
    vswitch_id = "${alicloud_vswitch.default5XiiOt.id}"
    zone_id = "${alicloud_vswitch.default5XiiOt.zone_id}"
  }
}
