
	variable "name" {
  		default = "tf-testAcccn-hangzhouCenConfig-1000000"
	}

	data "alicloud_resource_manager_resource_groups" "default" {
	}


resource "alicloud_cen_instance" "default" {
  protection_level = "REDUCED"
}
