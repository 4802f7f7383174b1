
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
  cidr = "192.168.20.0/24"
  description = "update"
  publish_cidr_route = "true"
  transit_router_cidr_name = "tfacccen10000_update"
  transit_router_id = "${alicloud_cen_transit_router.tr.transit_router_id}"
}
