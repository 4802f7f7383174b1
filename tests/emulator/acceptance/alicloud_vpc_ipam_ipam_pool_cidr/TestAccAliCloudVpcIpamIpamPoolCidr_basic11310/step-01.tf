
variable "name" {
    default = "tfaccvpcipam10000"
}

resource "alicloud_vpc_ipam_ipam" "defaultIpam" {
  operating_region_list = ["cn-hangzhou"]
}

resource "alicloud_vpc_ipam_ipam_pool" "defaultIpamPool" {
  ipv6_isp       = "BGP"
  ip_version     = "IPv6"
  ipam_scope_id  = alicloud_vpc_ipam_ipam.defaultIpam.public_default_scope_id
  pool_region_id = alicloud_vpc_ipam_ipam.defaultIpam.region_id
}




resource "alicloud_vpc_ipam_ipam_pool_cidr" "default" {
  ipam_pool_id = "${alicloud_vpc_ipam_ipam_pool.defaultIpamPool.id}"
  netmask_length = "56"
}
