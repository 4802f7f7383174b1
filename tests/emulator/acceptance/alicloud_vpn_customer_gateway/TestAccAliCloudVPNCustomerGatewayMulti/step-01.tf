
resource "alicloud_vpn_customer_gateway" "default" {
	count = 5
	name = "tf-testAccVpnCgwName1000"
	ip_address = "43.104.22.${ 221 + count.index }"
}
