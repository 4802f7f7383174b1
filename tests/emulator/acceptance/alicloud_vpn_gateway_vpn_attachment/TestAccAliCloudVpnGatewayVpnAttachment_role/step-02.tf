
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
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw2.id}"
    enable_dpd = "false"
    enable_nat_traversal = "false"
    role = "master"
    tunnel_ike_config {
      ike_auth_alg = "sha1"
      ike_enc_alg = "aes256"
      ike_lifetime = "43200"
      ike_mode = "aggressive"
      ike_pfs = "group14"
      ike_version = "ikev1"
      local_id = "role-local-upd-1"
      psk = "tf-testvpn-role-upd-1"
      remote_id = "role-remote-upd-1"
    }
    tunnel_index = "1"
    tunnel_ipsec_config {
      ipsec_auth_alg = "sha1"
      ipsec_enc_alg = "aes256"
      ipsec_lifetime = "43200"
      ipsec_pfs = "group14"
    }
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw2.id}"
    enable_dpd = "false"
    enable_nat_traversal = "false"
    role = "master"
    tunnel_ike_config {
      ike_auth_alg = "sha1"
      ike_enc_alg = "aes256"
      ike_lifetime = "43200"
      ike_mode = "aggressive"
      ike_pfs = "group14"
      ike_version = "ikev1"
      local_id = "role-local-upd-2"
      psk = "tf-testvpn-role-upd-2"
      remote_id = "role-remote-upd-2"
    }
    tunnel_index = "2"
    tunnel_ipsec_config {
      ipsec_auth_alg = "sha1"
      ipsec_enc_alg = "aes256"
      ipsec_lifetime = "43200"
      ipsec_pfs = "group14"
    }
  }
  vpn_attachment_name = "tfaccvpngateway10000"
}
