
resource "alicloud_vpn_customer_gateway" "default" {
	name = "tf-testAccVpnCgwName1000_change"
	ip_address = "43.104.22.228"
	description = "tf-testAccVpnCgwName1000_change"
}
