
variable "name" {
    default = "tf-testacccn-hangzhouvpcvpc10000"
}




resource "alicloud_vpc" "default" {
  cidr_block = "10.0.0.0/8"
  description = "test-update"
  dns_hostname_status = "DISABLED"
  force_delete = "true"
  system_route_table_route_propagation_enable = "true"
  vpc_name = "tf-testacccn-hangzhouvpcvpc10000"
}
