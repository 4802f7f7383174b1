
variable "name" {
    default = "tfaccvpngateway10000"
}

variable "region_id" {
  default = "eu-central-1"
}

data "alicloud_resource_manager_resource_groups" "default" {}

resource "alicloud_vpn_customer_gateway" "用户网关1" {
  ip_address            = "4.4.4.1"
  asn                   = "1219002"
  customer_gateway_name = "用户网关1-VpnAttachment"
  description           = "Xingque-Amp-test-vpn-attachement"
}

resource "alicloud_vpn_customer_gateway" "用户网关2" {
  description           = "Xingque-Amp-test-vpn-attachement"
  ip_address            = "43.43.43.43"
  asn                   = "1219001"
  customer_gateway_name = "用户网关2-Vpnattachment"
}




resource "alicloud_vpn_gateway_vpn_attachment" "default" {
  effect_immediately = "true"
  local_subnet = "192.168.0.0/24"
  network_type = "public"
  remote_subnet = "0.0.0.0/1"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.ids.0}"
  tags = {
    Created = "TF"
    For = "Test"
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.用户网关1.id}"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    role = "master"
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg = "aes"
      ike_lifetime = "86400"
      ike_mode = "main"
      ike_pfs = "group2"
      ike_version = "ikev1"
      local_id = "9.0.0.1"
      psk = "tf-5358-1"
      remote_id = "6.6.6.6"
    }
    tunnel_index = "1"
    tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "aes"
      ipsec_lifetime = "86400"
      ipsec_pfs = "group2"
    }
  }
  tunnel_options_specification {
    customer_gateway_id = "${alicloud_vpn_customer_gateway.用户网关1.id}"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    role = "master"
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg = "aes"
      ike_lifetime = "86400"
      ike_mode = "main"
      ike_pfs = "group2"
      ike_version = "ikev1"
      local_id = "9.0.0.1"
      psk = "tf-5358-2"
      remote_id = "6.6.6.6"
    }
    tunnel_index = "2"
    tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "aes"
      ipsec_lifetime = "86400"
      ipsec_pfs = "group2"
    }
  }
  vpn_attachment_name = "tfaccvpngateway10000_update"
}
