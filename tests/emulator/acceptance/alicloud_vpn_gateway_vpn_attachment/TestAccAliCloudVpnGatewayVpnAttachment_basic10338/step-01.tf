
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
  enable_tunnels_bgp = "true"
  local_subnet = "0.0.0.0/0"
  network_type = "public"
  remote_subnet = "0.0.0.0/0"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.0}"
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw1.id}"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    tunnel_bgp_config {
      local_asn = "1219001"
      local_bgp_ip = "169.254.10.1"
      tunnel_cidr = "169.254.10.0/30"
    }
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg = "aes"
      ike_lifetime = "86100"
      ike_mode = "main"
      ike_pfs = "group2"
      ike_version = "ikev1"
      local_id = "1.1.1.1"
      psk = "12345678"
      remote_id = "2.2.2.2"
    }
    tunnel_index = "1"
    tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "aes"
      ipsec_lifetime = "86200"
      ipsec_pfs = "group5"
    }
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw1.id}"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    tunnel_bgp_config {
      local_asn = "1219001"
      local_bgp_ip = "169.254.20.1"
      tunnel_cidr = "169.254.20.0/30"
    }
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg = "aes"
      ike_lifetime = "86400"
      ike_mode = "main"
      ike_pfs = "group5"
      ike_version = "ikev2"
      local_id = "4.4.4.4"
      psk = "32333442"
      remote_id = "5.5.5.5"
    }
    tunnel_index = "2"
    tunnel_ipsec_config {
      ipsec_auth_alg = "sha256"
      ipsec_enc_alg = "aes"
      ipsec_lifetime = "86400"
      ipsec_pfs = "group5"
    }
  }
  vpn_attachment_name = "tfaccvpngateway10000"
}
