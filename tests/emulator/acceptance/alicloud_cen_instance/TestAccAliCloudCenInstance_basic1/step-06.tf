
	variable "name" {
  		default = "tf-testAcccn-hangzhouCenConfig-1000000"
	}

	data "alicloud_resource_manager_resource_groups" "default" {
	}


resource "alicloud_cen_instance" "default" {
  description = "tf-testAcccn-hangzhouCenConfig-1000000"
  name = "tf-testAcccn-hangzhouCenConfig-1000000"
  protection_level = "REDUCED"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.groups.1.id}"
  tags = {
    Created = "TF"
    For = "Instance"
  }
}
