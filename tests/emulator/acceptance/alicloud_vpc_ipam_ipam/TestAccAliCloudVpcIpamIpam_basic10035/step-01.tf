
variable "name" {
    default = "tfaccvpcipam10000"
}

data "alicloud_resource_manager_resource_groups" "default" {}




resource "alicloud_vpc_ipam_ipam" "default" {
  ipam_description = "This is my first Ipam."
  ipam_name = "tfaccvpcipam10000"
  operating_region_list = [
    "cn-hangzhou"
  ]
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.0}"
}
