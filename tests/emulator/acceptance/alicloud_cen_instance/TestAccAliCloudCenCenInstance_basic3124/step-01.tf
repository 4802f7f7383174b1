
variable "name" {
    default = "tfacccen10000"
}

data "alicloud_resource_manager_resource_groups" "default" {}




resource "alicloud_cen_instance" "default" {
  cen_instance_name = "tfacccen10000"
  description = "test"
  protection_level = "FULL"
}
