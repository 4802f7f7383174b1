
variable "name" {
    default = "tfaccvpcipam10000"
}

data "alicloud_resource_manager_resource_groups" "default" {}

resource "alicloud_vpc_ipam_ipam" "defaultIpam" {
  operating_region_list = ["cn-hangzhou"]
}

resource "alicloud_vpc_ipam_ipam_pool" "parentIpamPool" {
  ipam_scope_id  = alicloud_vpc_ipam_ipam.defaultIpam.private_default_scope_id
  pool_region_id = "cn-hangzhou"
}




resource "alicloud_vpc_ipam_ipam_pool" "default" {
  ip_version = "IPv4"
  ipam_pool_name = "tfaccvpcipam10000"
  ipam_scope_id = "${alicloud_vpc_ipam_ipam.defaultIpam.private_default_scope_id}"
  pool_region_id = "${alicloud_vpc_ipam_ipam_pool.parentIpamPool.pool_region_id}"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.0}"
  source_ipam_pool_id = "${alicloud_vpc_ipam_ipam_pool.parentIpamPool.id}"
}
