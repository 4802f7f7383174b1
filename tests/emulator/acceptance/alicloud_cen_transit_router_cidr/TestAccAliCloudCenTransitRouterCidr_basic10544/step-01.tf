
variable "name" {
    default = "tfacccen10000"
}

resource "alicloud_cen_instance" "cen" {
  cen_instance_name = "test-cidr"
}

resource "alicloud_cen_transit_router" "tr" {
  cen_id = alicloud_cen_instance.cen.id
}




resource "alicloud_cen_transit_router_cidr" "default" {
  cidr = "192.168.10.0/24"
  description = "create"
  publish_cidr_route = "false"
  transit_router_cidr_name = "tfacccen10000"
  transit_router_id = "${alicloud_cen_transit_router.tr.transit_router_id}"
}
