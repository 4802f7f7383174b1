
resource "alicloud_vpn_customer_gateway" "default" {
	name = "tf-testAccVpnCgwName1000"
	ip_address = "43.104.22.228"
	description = "tf-testAccVpnCgwName1000"
}
