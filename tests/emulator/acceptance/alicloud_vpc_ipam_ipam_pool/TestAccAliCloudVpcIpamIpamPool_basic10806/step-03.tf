
variable "name" {
    default = "tfacc1"
}

data "alicloud_resource_manager_resource_groups" "default" {}

resource "alicloud_vpc_ipam_ipam" "defaultIpam" {
  operating_region_list = ["cn-hangzhou"]
  ipam_name             = "defaultIpam"
}




resource "alicloud_vpc_ipam_ipam_pool" "default" {
  allocation_default_cidr_mask = "24"
  allocation_max_cidr_mask = "26"
  allocation_min_cidr_mask = "12"
  auto_import = "false"
  clear_allocation_default_cidr_mask = "false"
  ip_version = "IPv4"
  ipam_pool_description = "This is my new ipam pool description."
  ipam_pool_name = "tfacc1_update"
  ipam_scope_id = "${alicloud_vpc_ipam_ipam.defaultIpam.private_default_scope_id}"
  pool_region_id = "cn-hangzhou"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.1}"
}
