
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
    enable = "false"
    local_asn = "65531"
    local_bgp_ip = "169.254.31.1"
    tunnel_cidr = "169.254.31.0/30"
  }
  customer_gateway_id = "${alicloud_vpn_customer_gateway.update.id}"
  effect_immediately = "false"
  enable_dpd = "false"
  enable_nat_traversal = "false"
  health_check_config {
    dip = "10.0.0.3"
    enable = "false"
    interval = "15"
    policy = "reserve_route"
    retry = "5"
    sip = "192.168.1.2"
  }
  ike_config {
    ike_auth_alg = "sha1"
    ike_enc_alg = "3des"
    ike_lifetime = "43200"
    ike_mode = "aggressive"
    ike_pfs = "group14"
    ike_version = "ikev2"
    local_id = "10.10.10.1"
    psk = "tf-legacy-test-psk2"
    remote_id = "10.10.10.2"
  }
  ipsec_config {
    ipsec_auth_alg = "sha1"
    ipsec_enc_alg = "3des"
    ipsec_lifetime = "43200"
    ipsec_pfs = "group14"
  }
  local_subnet = "0.0.0.0/0"
  network_type = "public"
  remote_subnet = "0.0.0.0/0"
  vpn_attachment_name = "tfaccvpngateway10000"
}
