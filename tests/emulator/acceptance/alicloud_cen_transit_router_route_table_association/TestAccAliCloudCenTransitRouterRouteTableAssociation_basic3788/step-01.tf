
variable "name" {
    default = "tfacccen10000"
}

resource "alicloud_cen_instance" "cen" {
  description       = "terraform test"
  cen_instance_name = "Cen_Terraform_Test01"
}

resource "alicloud_cen_transit_router" "tr" {
  support_multicast          = false
  transit_router_name        = "CEN_TR_Terraform"
  transit_router_description = "tr-created-by-terraform"
  cen_id                     = alicloud_cen_instance.cen.id
}

resource "alicloud_cen_transit_router_route_table" "trr" {
  transit_router_id               = alicloud_cen_transit_router.tr.transit_router_id
  transit_router_route_table_name = "test"
}

resource "alicloud_vpc" "vpc1" {
  dry_run     = false
  enable_ipv6 = false
  cidr_block  = "192.168.1.0/24"
  vpc_name    = "cbnvpc1"
}

resource "alicloud_vswitch" "vsw1" {
  vpc_id       = alicloud_vpc.vpc1.id
  zone_id      = "cn-hangzhou-h"
  cidr_block   = "192.168.1.0/25"
  vswitch_name = "cbnvsw1"
}

resource "alicloud_vswitch" "vsw2" {
  vpc_id       = alicloud_vpc.vpc1.id
  zone_id      = "cn-hangzhou-i"
  cidr_block   = "192.168.1.128/26"
  vswitch_name = "cbnvsw2"
}

resource "alicloud_cen_transit_router_vpc_attachment" "bind1" {
  auto_publish_route_enabled = false
  vpc_id                     = alicloud_vpc.vpc1.id
  zone_mappings {
    vswitch_id = alicloud_vswitch.vsw1.id
    zone_id    = alicloud_vswitch.vsw1.zone_id
  }
  zone_mappings {
    vswitch_id = alicloud_vswitch.vsw2.id
    zone_id    = alicloud_vswitch.vsw2.zone_id
  }
  transit_router_id = alicloud_cen_transit_router.tr.transit_router_id
  cen_id            = alicloud_cen_transit_router.tr.cen_id
}




resource "alicloud_cen_transit_router_route_table_association" "default" {
  transit_router_attachment_id = "${alicloud_cen_transit_router_vpc_attachment.bind1.transit_router_attachment_id}"
  transit_router_route_table_id = "${alicloud_cen_transit_router_route_table.trr.transit_router_route_table_id}"
}
