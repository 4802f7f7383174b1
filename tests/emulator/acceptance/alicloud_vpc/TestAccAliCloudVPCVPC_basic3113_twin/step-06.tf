
variable "name" {
    default = "tf-testacccn-hangzhouvpcvpc10000"
}




resource "alicloud_vpc" "default" {
  cidr_block = "10.0.0.0/16"
  classic_link_enabled = "false"
  description = "test-update"
  ipv6_isp = "BGP"
  secondary_cidr_blocks = [
    "192.168.0.0/16",
    "10.1.0.0/16",
    "172.16.0.0/16"
  ]
  system_route_table_route_propagation_enable = "false"
  tags = {
    Created = "TF"
    For = "Test"
  }
  vpc_name = "tf-testacccn-hangzhouvpcvpc10000"
}
