
variable "name" {
    default = "tfaccvpngateway10000"
}

variable "region_id" {
  default = "cn-huhehaote"
}

variable "az2" {
  default = "cn-huhehaote-b"
}

variable "az1" {
  default = "cn-huhehaote-a"
}

data "alicloud_resource_manager_resource_groups" "default" {}

resource "alicloud_vpn_customer_gateway" "cgw1" {
  ip_address = "2.2.2.2"
  asn        = "1219001"
}

resource "alicloud_vpn_customer_gateway" "cgw2" {
  ip_address            = "43.43.3.22"
  asn                   = "44331"
  customer_gateway_name = "test_amp"
}




resource "alicloud_vpn_gateway_vpn_attachment" "default" {
  enable_tunnels_bgp = "false"
  local_subnet = "0.0.0.0/0"
  network_type = "public"
  remote_subnet = "0.0.0.0/0"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.0}"
  tags = {
    Created = "TF-update"
    For = "Test-update"
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw1.id}"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    tunnel_ike_config {
      ike_auth_alg = "sha384"
      ike_enc_alg = "aes"
      ike_lifetime = "55555"
      ike_mode = "main"
      ike_pfs = "group2"
      ike_version = "ikev2"
      local_id = "54.54.3.2"
      psk = "sadsaa"
      remote_id = "54.54.3.23"
    }
    tunnel_index = "1"
    tunnel_ipsec_config {
      ipsec_auth_alg = "sha512"
      ipsec_enc_alg = "3des"
      ipsec_lifetime = "44232"
      ipsec_pfs = "group5"
    }
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw2.id}"
    enable_dpd = "false"
    enable_nat_traversal = "false"
    tunnel_ike_config {
      ike_auth_alg = "sha1"
      ike_enc_alg = "aes"
      ike_lifetime = "4432"
      ike_mode = "main"
      ike_pfs = "group14"
      ike_version = "ikev1"
      local_id = "54.54.3.2"
      psk = "wdascsax"
      remote_id = "54.54.3.29"
    }
    tunnel_index = "2"
    tunnel_ipsec_config {
      ipsec_auth_alg = "sha512"
      ipsec_enc_alg = "des"
      ipsec_lifetime = "86400"
      ipsec_pfs = "group1"
    }
  }
  vpn_attachment_name = "tfaccvpngateway10000"
}
