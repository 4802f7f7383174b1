
variable "name" {
    default = "tf-testacccn-hangzhouvpngatewaycustomergateway10000"
}




resource "alicloud_vpn_customer_gateway" "default" {
  asn = "1111"
  customer_gateway_name = "tf-testacccn-hangzhouvpngatewaycustomergateway10000_update"
  description = "defaultCustomerGateway"
  ip_address = "1.1.1.1"
  tags = {
    Created = "TF-update"
    For = "Test-update"
  }
}
