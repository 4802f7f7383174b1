 
variable "name" {
  default = "tf-testacccn-hangzhouvpngatewayvpnattachment10000"
}

resource "alicloud_vpn_customer_gateway" "default" {
	name = "${var.name}"
	ip_address = "42.${100 + tonumber(substr(var.name, -5, 2)) % 100}.${100 + tonumber(substr(var.name, -3, 2)) % 100}.${100 + tonumber(substr(var.name, -1, 1)) % 10}"
	asn = "45014"
	description = "testAccVpnConnectionDesc"
}

resource "alicloud_vpn_customer_gateway" "defaultone" {
  name        = "${var.name}"
  ip_address  = "41.${100 + tonumber(substr(var.name, -5, 2)) % 100}.${100 + tonumber(substr(var.name, -3, 2)) % 100}.${100 + tonumber(substr(var.name, -1, 1)) % 10}"
  asn = "45014"
  description = "${var.name}"
}



resource "alicloud_vpn_gateway_vpn_attachment" "default" {
  local_subnet = "0.0.0.0/0"
  remote_subnet = "0.0.0.0/0"
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.default.id}"
    role = "master"
    tunnel_index = "1"
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.default.id}"
    role = "master"
    tunnel_index = "2"
  }
  vpn_attachment_name = "${var.name}"
}
