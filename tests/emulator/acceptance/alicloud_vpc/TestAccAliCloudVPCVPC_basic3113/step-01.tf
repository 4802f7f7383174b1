
variable "name" {
    default = "tf-testacccn-hangzhouvpcvpc10000"
}




resource "alicloud_vpc" "default" {
  dns_hostname_status = "ENABLED"
  force_delete = "true"
  system_route_table_route_propagation_enable = "true"
  vpc_name = "tf-testacccn-hangzhouvpcvpc10000"
}
