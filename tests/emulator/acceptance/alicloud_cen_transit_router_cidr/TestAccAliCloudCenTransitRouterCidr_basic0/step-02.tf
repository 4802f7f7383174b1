
	variable "name" {
  		default = "tf-testAcccn-hangzhou-name10000"
	}

	resource "alicloud_cen_instance" "default" {
  		cen_instance_name = var.name
	}

	resource "alicloud_cen_transit_router" "default" {
  		cen_id = alicloud_cen_instance.default.id
	}


resource "alicloud_cen_transit_router_cidr" "default" {
  cidr = "192.168.0.0/18"
  description = "tf-testAcccn-hangzhou-name10000"
  publish_cidr_route = "false"
  transit_router_cidr_name = "tf-testAcccn-hangzhou-name10000"
  transit_router_id = "${alicloud_cen_transit_router.default.transit_router_id}"
}
