
variable "name" {
  default = "tfaccvpngateway10000"
}

resource "alicloud_vpn_customer_gateway" "cgw1" {
  ip_address            = "6.6.6.${100 + tonumber(substr(var.name, -2, 2)) % 50}"
  asn                   = "65001"
  customer_gateway_name = "${var.name}-1"
}

resource "alicloud_vpn_customer_gateway" "cgw2" {
  ip_address            = "6.6.7.${100 + tonumber(substr(var.name, -2, 2)) % 50}"
  asn                   = "65002"
  customer_gateway_name = "${var.name}-2"
}



resource "alicloud_vpn_gateway_vpn_attachment" "default" {
  enable_tunnels_bgp = "false"
  local_subnet = "0.0.0.0/0"
  network_type = "public"
  remote_subnet = "0.0.0.0/0"
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw1.id}"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    role = "master"
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg = "aes"
      ike_lifetime = "86400"
      ike_mode = "main"
      ike_pfs = "group2"
      ike_version = "ikev2"
      local_id = "role-local-1"
      psk = "tf-testvpn-role-1"
      remote_id = "role-remote-1"
    }
    tunnel_index = "1"
    tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "aes"
      ipsec_lifetime = "86400"
      ipsec_pfs = "group5"
    }
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw1.id}"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    role = "master"
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg = "aes"
      ike_lifetime = "86400"
      ike_mode = "main"
      ike_pfs = "group2"
      ike_version = "ikev2"
      local_id = "role-local-2"
      psk = "tf-testvpn-role-2"
      remote_id = "role-remote-2"
    }
    tunnel_index = "2"
    tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "aes"
      ipsec_lifetime = "86400"
      ipsec_pfs = "group5"
    }
  }
  vpn_attachment_name = "tfaccvpngateway10000"
}
