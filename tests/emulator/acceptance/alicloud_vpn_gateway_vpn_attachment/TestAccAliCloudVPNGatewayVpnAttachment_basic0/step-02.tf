 
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
  effect_immediately = "false"
  local_subnet = "0.0.0.0/0"
  network_type = "public"
  remote_subnet = "0.0.0.0/0"
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.default.id}"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    role = "master"
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg = "des"
      ike_lifetime = "86400"
      ike_mode = "main"
      ike_pfs = "group1"
      ike_version = "ikev2"
      local_id = "testalice2"
      psk = "tf-testvpn2-1"
      remote_id = "testbob2"
    }
    tunnel_index = "1"
    tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "des"
      ipsec_lifetime = "86400"
      ipsec_pfs = "group5"
    }
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.default.id}"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    role = "master"
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg = "des"
      ike_lifetime = "86400"
      ike_mode = "main"
      ike_pfs = "group1"
      ike_version = "ikev2"
      local_id = "testalice2"
      psk = "tf-testvpn2-2"
      remote_id = "testbob2"
    }
    tunnel_index = "2"
    tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "des"
      ipsec_lifetime = "86400"
      ipsec_pfs = "group5"
    }
  }
  vpn_attachment_name = "${var.name}_update"
}
