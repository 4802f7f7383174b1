
	variable "name" {
		default = "tf-testacccn-hangzhouvswitch10000"
	}

	data "alicloud_zones" "default" {
		available_resource_creation= "VSwitch"
	}


resource "alicloud_vswitch" "default" {
  is_default = "true"
  zone_id = "${data.alicloud_zones.default.zones.1.id}"
}
