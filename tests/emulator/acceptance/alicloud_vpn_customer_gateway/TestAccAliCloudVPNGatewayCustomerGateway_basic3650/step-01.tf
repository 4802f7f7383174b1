
variable "name" {
    default = "tf-testacccn-hangzhouvpngatewaycustomergateway10000"
}




resource "alicloud_vpn_customer_gateway" "default" {
  customer_gateway_name = "tf-testacccn-hangzhouvpngatewaycustomergateway10000"
  ip_address = "1.1.1.1"
}
