
variable "name" {
    default = "tfacccen10000"
}

resource "alicloud_cen_instance" "defaultJ5klsx" {
  cen_instance_name = "rdktestname"
}




resource "alicloud_cen_transit_router" "default" {
  cen_id = "${alicloud_cen_instance.defaultJ5klsx.id}"
  support_multicast = "false"
  transit_router_description = "rdktestupdate"
  transit_router_name = "tfacccen10000_update"
}
