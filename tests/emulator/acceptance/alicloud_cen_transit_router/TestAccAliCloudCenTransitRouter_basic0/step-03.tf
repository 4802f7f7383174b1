
	variable "name" {
		default = "tf-testacccn-hangzhoucentransitrouter10000"
	}

	resource "alicloud_cen_instance" "default" {
		cen_instance_name = var.name
	}
	

resource "alicloud_cen_transit_router" "default" {
  cen_id = "${alicloud_cen_instance.default.id}"
  transit_router_description = "tf-testacccn-hangzhoucentransitrouter10000"
  transit_router_name = "tf-testacccn-hangzhoucentransitrouter10000"
}
