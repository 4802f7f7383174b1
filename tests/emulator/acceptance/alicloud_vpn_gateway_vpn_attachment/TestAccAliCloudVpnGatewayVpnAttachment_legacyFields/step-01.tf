
variable "name" {
  default = "tfaccvpngateway10000"
}

resource "alicloud_vpn_customer_gateway" "default" {
  ip_address            = "8.0.0.${100 + tonumber(substr(var.name, -2, 2)) % 50}"
  asn                   = "65001"
  customer_gateway_name = "${var.name}-legacy-cgw"
}

resource "alicloud_vpn_customer_gateway" "update" {
  ip_address            = "8.0.1.${100 + tonumber(substr(var.name, -2, 2)) % 50}"
  asn                   = "65002"
  customer_gateway_name = "${var.name}-legacy-cgw-update"
}


resource "alicloud_vpn_gateway_vpn_attachment" "default" {
  bgp_config {
    enable = "true"
    local_asn = "65530"
    local_bgp_ip = "169.254.30.1"
    tunnel_cidr = "169.254.30.0/30"
  }
  customer_gateway_id = "${alicloud_vpn_customer_gateway.default.id}"
  effect_immediately = "false"
  enable_dpd = "true"
  enable_nat_traversal = "true"
  health_check_config {
    dip = "10.0.0.2"
    enable = "true"
    interval = "10"
    policy = "revoke_route"
    retry = "3"
    sip = "192.168.1.1"
  }
  ike_config {
    ike_auth_alg = "md5"
    ike_enc_alg = "aes"
    ike_lifetime = "86400"
    ike_mode = "main"
    ike_pfs = "group2"
    ike_version = "ikev1"
    local_id = "1.2.3.4"
    psk = "tf-legacy-test-psk1"
    remote_id = "5.6.7.8"
  }
  ipsec_config {
    ipsec_auth_alg = "md5"
    ipsec_enc_alg = "aes"
    ipsec_lifetime = "86400"
    ipsec_pfs = "group2"
  }
  local_subnet = "0.0.0.0/0"
  network_type = "public"
  remote_subnet = "0.0.0.0/0"
  vpn_attachment_name = "tfaccvpngateway10000"
}
