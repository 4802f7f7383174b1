
variable "name" {
    default = "tfacccen10000"
}

data "alicloud_resource_manager_resource_groups" "default" {}




resource "alicloud_cen_instance" "default" {
  cen_instance_name = "tfacccen10000"
  description = "create"
  protection_level = "FULL"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.0}"
}
