
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
  local_subnet = "9.9.9.9/32"
  network_type = "public"
  remote_subnet = "9.0.0.0/8"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.1}"
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw2.id}"
    enable_dpd = "false"
    enable_nat_traversal = "false"
    tunnel_bgp_config {
      local_asn = "1219002"
      local_bgp_ip = "169.254.42.1"
      tunnel_cidr = "169.254.42.0/30"
    }
    tunnel_ike_config {
      ike_auth_alg = "sha384"
      ike_enc_alg = "aes256"
      ike_lifetime = "86122"
      ike_mode = "aggressive"
      ike_pfs = "group14"
      ike_version = "ikev2"
      local_id = "2.2.2.2"
      psk = "tunnel2new"
      remote_id = "3.3.3.3"
    }
    tunnel_index = "2"
    tunnel_ipsec_config {
      ipsec_auth_alg = "sha512"
      ipsec_enc_alg = "aes192"
      ipsec_lifetime = "86111"
      ipsec_pfs = "disabled"
    }
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.cgw2.id}"
    enable_dpd = "false"
    enable_nat_traversal = "false"
    tunnel_bgp_config {
      local_asn = "1219002"
      local_bgp_ip = "169.254.41.1"
      tunnel_cidr = "169.254.41.0/30"
    }
    tunnel_ike_config {
      ike_auth_alg = "sha384"
      ike_enc_alg = "aes192"
      ike_lifetime = "86022"
      ike_mode = "aggressive"
      ike_pfs = "group2"
      ike_version = "ikev1"
      local_id = "5.5.5.5"
      psk = "123456789"
      remote_id = "4.4.4.4"
    }
    tunnel_index = "1"
    tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "aes192"
      ipsec_lifetime = "86111"
      ipsec_pfs = "disabled"
    }
  }
  vpn_attachment_name = "tfaccvpngateway10000"
}
