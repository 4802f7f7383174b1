
variable "name" {
    default = "tfacccen10000"
}

data "alicloud_resource_manager_resource_groups" "default" {}




resource "alicloud_cen_instance" "default" {
  cen_instance_name = "tfacccen10000_update"
  description = "update"
  protection_level = "REDUCED"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.1}"
}
