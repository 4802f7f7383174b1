
variable "name" {
    default = "tf-testacccn-hangzhoucentransitroutervpcattachment10000"
}

resource "alicloud_vpc" "defaultJLRlxW" {
  cidr_block  = "192.168.0.0/16"
  ipv6_isp    = "BGP"
  description = "ttt"
  enable_ipv6 = true
  vpc_name    = "ttt"
}

resource "alicloud_vswitch" "defaulteKv3Dd" {
  vpc_id               = alicloud_vpc.defaultJLRlxW.id
  cidr_block           = "192.168.3.0/24"
  zone_id              = "cn-hangzhou-h"
  vswitch_name         = "v1"
  ipv6_cidr_block_mask = "3"
}

resource "alicloud_vswitch" "defaultoxj0Cs" {
  vpc_id               = alicloud_vpc.defaultJLRlxW.id
  zone_id              = "cn-hangzhou-i"
  cidr_block           = "192.168.4.0/24"
  vswitch_name         = "v2"
  ipv6_cidr_block_mask = "4"
}

resource "alicloud_vswitch" "defaultBY6Ody" {
  vpc_id               = alicloud_vpc.defaultJLRlxW.id
  zone_id              = "cn-hangzhou-j"
  cidr_block           = "192.168.6.0/24"
  vswitch_name         = "v3"
  ipv6_cidr_block_mask = "6"
}

resource "alicloud_cen_instance" "defaultJ6HrUE" {
  cen_instance_name = "rdktest01"
}

resource "alicloud_cen_transit_router" "defaults5WvfD" {
  cen_id = alicloud_cen_instance.defaultJ6HrUE.id
}




resource "alicloud_cen_transit_router_vpc_attachment" "default" {
  auto_publish_route_enabled = "false"
  cen_id = "${alicloud_cen_instance.defaultJ6HrUE.id}"
  payment_type = "PayAsYouGo"
  transit_router_attachment_description = "testupdate"
  transit_router_id = "${alicloud_cen_transit_router.defaults5WvfD.transit_router_id}"
  transit_router_vpc_attachment_name = "tf-testacccn-hangzhoucentransitroutervpcattachment10000_update"
  transit_router_vpc_attachment_options = {
    "ipv6Support" = "enable"
  }
  vpc_id = "${alicloud_vpc.defaultJLRlxW.id}"
  zone_mappings {
    vswitch_id = "${alicloud_vswitch.defaultoxj0Cs.id}"
    zone_id = "${alicloud_vswitch.defaultoxj0Cs.zone_id}"
  }
  zone_mappings {
    vswitch_id = "${alicloud_vswitch.defaultBY6Ody.id}"
    zone_id = "${alicloud_vswitch.defaultBY6Ody.zone_id}"
  }
}
