
variable "name" {
	default = "tf-testacccn-hangzhougateway10000"
}

data "alicloud_vpcs" "default"	{
  name_regex = "default-NODELETING"
}

data "alicloud_vswitches" "default" {
  vpc_id = "${data.alicloud_vpcs.default.ids.0}"
}



resource "alicloud_vpn_customer_gateway" "default" {
  asn = "12345"
  ip_address = "192.104.22.228"
  name = "tf-testacccn-hangzhougateway10000"
}
