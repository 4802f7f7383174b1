
variable "name" {
	default = "tf-testacccn-hangzhoucentransitrouterroutetable10000"
}

resource "alicloud_cen_instance" "default" {
  cen_instance_name = var.name
  protection_level = "REDUCED"
}

resource "alicloud_cen_transit_router" "default" {
  cen_id = alicloud_cen_instance.default.id
}


resource "alicloud_cen_transit_router_route_table" "default" {
  transit_router_id = "${alicloud_cen_transit_router.default.transit_router_id}"
  transit_router_route_table_description = "desp1"
  transit_router_route_table_name = "tf-testacccn-hangzhoucentransitrouterroutetable10000"
}
