
variable "name" {
    default = "tfacccen10000"
}

resource "alicloud_vpc" "defaultJLRlxW" {
  cidr_block = "192.168.0.0/16"
}

resource "alicloud_vswitch" "defaulteKv3Dd" {
  vpc_id     = alicloud_vpc.defaultJLRlxW.id
  cidr_block = "192.168.3.0/24"
  zone_id    = "cn-hangzhou-h"
}

resource "alicloud_vswitch" "defaultoxj0Cs" {
  vpc_id     = alicloud_vpc.defaultJLRlxW.id
  zone_id    = "cn-hangzhou-i"
  cidr_block = "192.168.4.0/24"
}

resource "alicloud_vswitch" "defaulteKv3Da" {
  vpc_id     = alicloud_vpc.defaultJLRlxW.id
  zone_id    = "cn-hangzhou-j"
  cidr_block = "192.168.5.0/24"
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
  tags = {
    Created = "TF-update"
    For = "Test-update"
  }
  transit_router_attachment_description = "testupdate"
  transit_router_id = "${alicloud_cen_transit_router.defaults5WvfD.transit_router_id}"
  transit_router_vpc_attachment_name = "tfacccen10000_update"
  vpc_id = "${alicloud_vpc.defaultJLRlxW.id}"
  zone_mappings {
    vswitch_id = "${alicloud_vswitch.defaulteKv3Dd.id}"
    zone_id = "cn-hangzhou-h"
  }
  zone_mappings {
    vswitch_id = "${alicloud_vswitch.defaulteKv3Da.id}"
    zone_id = "cn-hangzhou-j"
  }
}
