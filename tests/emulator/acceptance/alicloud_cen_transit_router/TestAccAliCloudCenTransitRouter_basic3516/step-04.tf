
variable "name" {
    default = "tfacccen10000"
}

resource "alicloud_cen_instance" "defaultqcUYl3" {
  cen_instance_name = "defaultqcUYl3"
}




resource "alicloud_cen_transit_router" "default" {
  cen_id = "${alicloud_cen_instance.defaultqcUYl3.id}"
  support_multicast = "true"
}
