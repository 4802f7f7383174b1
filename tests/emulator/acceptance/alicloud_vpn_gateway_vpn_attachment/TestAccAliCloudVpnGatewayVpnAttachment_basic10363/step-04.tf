
variable "name" {
    default = "tfaccvpngateway10000"
}

variable "region_id" {
  default = "cn-huhehaote"
}

variable "name2" {
  default = "test_amp2"
}

resource "alicloud_vpn_customer_gateway" "cgw1" {
  ip_address = "54.54.54.21"
  asn        = "42311"
}

resource "alicloud_vpn_customer_gateway" "cgw2" {
  ip_address = "3.12.22.33"
  asn        = "44492"
}




resource "alicloud_vpn_gateway_vpn_attachment" "default" {
  effect_immediately = "true"
  local_subnet = "0.0.0.0/0"
  network_type = "private"
  remote_subnet = "0.0.0.0/0"
  tags = {
    Created = "TF"
    For = "Test"
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw1.id}"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    role = "master"
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg = "3des"
      ike_lifetime = "86100"
      ike_mode = "main"
      ike_pfs = "group2"
      ike_version = "ikev1"
      local_id = "32.32.32.32"
      psk = "122312421-1"
      remote_id = "5.5.5.5"
    }
    tunnel_index = "1"
    tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "3des"
      ipsec_lifetime = "86100"
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
      ike_enc_alg = "3des"
      ike_lifetime = "86100"
      ike_mode = "main"
      ike_pfs = "group2"
      ike_version = "ikev1"
      local_id = "32.32.32.32"
      psk = "122312421-2"
      remote_id = "5.5.5.5"
    }
    tunnel_index = "2"
    tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "3des"
      ipsec_lifetime = "86100"
      ipsec_pfs = "group5"
    }
  }
  vpn_attachment_name = "tfaccvpngateway10000_update"
}
