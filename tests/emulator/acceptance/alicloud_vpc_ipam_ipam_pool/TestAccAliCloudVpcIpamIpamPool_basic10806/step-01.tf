
variable "name" {
    default = "tfacc1"
}

data "alicloud_resource_manager_resource_groups" "default" {}

resource "alicloud_vpc_ipam_ipam" "defaultIpam" {
  operating_region_list = ["cn-hangzhou"]
  ipam_name             = "defaultIpam"
}




resource "alicloud_vpc_ipam_ipam_pool" "default" {
  allocation_default_cidr_mask = "20"
  allocation_max_cidr_mask = "24"
  allocation_min_cidr_mask = "16"
  auto_import = "true"
  ip_version = "IPv4"
  ipam_pool_description = "This is my ipam pool."
  ipam_pool_name = "tfacc1"
  ipam_scope_id = "${alicloud_vpc_ipam_ipam.defaultIpam.private_default_scope_id}"
  pool_region_id = "cn-hangzhou"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.0}"
}
