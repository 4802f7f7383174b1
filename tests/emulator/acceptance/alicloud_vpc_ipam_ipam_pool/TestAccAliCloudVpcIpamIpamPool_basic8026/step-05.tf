
variable "name" {
    default = "tfacc1"
}

data "alicloud_resource_manager_resource_groups" "default" {}

resource "alicloud_vpc_ipam_ipam" "defaultIpam" {
  operating_region_list = ["cn-hangzhou"]
  ipam_name             = "defaultIpam"
}




resource "alicloud_vpc_ipam_ipam_pool" "default" {
  allocation_default_cidr_mask = "56"
  allocation_max_cidr_mask = "128"
  allocation_min_cidr_mask = "9"
  auto_import = "true"
  ip_version = "IPv6"
  ipam_pool_description = "This is my ipam pool."
  ipam_pool_name = "tfacc1"
  ipam_scope_id = "${alicloud_vpc_ipam_ipam.defaultIpam.public_default_scope_id}"
  ipv6_isp = "BGP"
  pool_region_id = "cn-hangzhou"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.0}"
}
