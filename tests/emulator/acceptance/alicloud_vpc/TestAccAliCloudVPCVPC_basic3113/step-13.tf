
variable "name" {
    default = "tf-testacccn-hangzhouvpcvpc10000"
}




resource "alicloud_vpc" "default" {
  cidr_block = "10.0.0.0/8"
  classic_link_enabled = "false"
  description = "test"
  dns_hostname_status = "DISABLED"
  enable_ipv6 = "false"
  force_delete = "true"
  ipv6_isp = "BGP"
  system_route_table_route_propagation_enable = "false"
  vpc_name = "tf-testacccn-hangzhouvpcvpc10000_update"
}
