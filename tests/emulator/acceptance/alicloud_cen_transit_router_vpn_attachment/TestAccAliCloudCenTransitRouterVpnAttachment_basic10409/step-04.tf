
variable "name" {
    default = "tfacccen10000"
}

data "alicloud_account" "default" {
}

resource "alicloud_cen_instance" "defaultbpR5Uk" {
  cen_instance_name = "test-vpn-attachment"
}

resource "alicloud_cen_transit_router" "defaultM8Zo6H" {
  cen_id = alicloud_cen_instance.defaultbpR5Uk.id
}

resource "alicloud_cen_transit_router_cidr" "defaultuUtyCv" {
  cidr              = "192.168.10.0/24"
  transit_router_id = alicloud_cen_transit_router.defaultM8Zo6H.transit_router_id
}

resource "alicloud_vpn_customer_gateway" "defaultMeoCIz" {
  ip_address            = "43.104.22.${230 + tonumber(substr(var.name, -2, 2)) % 20}"
  customer_gateway_name = var.name
}

resource "alicloud_vpn_gateway_vpn_attachment" "defaultvrPzdh" {
  network_type        = "public"
  local_subnet        = "0.0.0.0/0"
  remote_subnet       = "0.0.0.0/0"
  enable_tunnels_bgp  = false
  vpn_attachment_name = var.name
  tunnel_options_specification {
    customer_gateway_id  = alicloud_vpn_customer_gateway.defaultMeoCIz.id
    role                 = "master"
    enable_dpd           = true
    enable_nat_traversal = true
    tunnel_index         = 1
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg  = "aes"
      ike_version  = "ikev2"
      ike_mode     = "main"
      ike_lifetime = 86400
      psk          = "tf-testvpn10409-1"
      ike_pfs      = "group2"
      remote_id    = "testbob-10409-1"
      local_id     = "testalice-10409-1"
    }
    tunnel_ipsec_config {
      ipsec_pfs      = "group5"
      ipsec_enc_alg  = "aes"
      ipsec_auth_alg = "md5"
      ipsec_lifetime = 86400
    }
  }
  tunnel_options_specification {
    customer_gateway_id  = alicloud_vpn_customer_gateway.defaultMeoCIz.id
    role                 = "master"
    enable_dpd           = true
    enable_nat_traversal = true
    tunnel_index         = 2
    tunnel_ike_config {
      ike_auth_alg = "md5"
      ike_enc_alg  = "aes"
      ike_version  = "ikev2"
      ike_mode     = "main"
      ike_lifetime = 86400
      psk          = "tf-testvpn10409-2"
      ike_pfs      = "group2"
      remote_id    = "testbob-10409-2"
      local_id     = "testalice-10409-2"
    }
    tunnel_ipsec_config {
      ipsec_pfs      = "group5"
      ipsec_enc_alg  = "aes"
      ipsec_auth_alg = "md5"
      ipsec_lifetime = 86400
    }
  }
}




resource "alicloud_cen_transit_router_vpn_attachment" "default" {
  auto_publish_route_enabled = "true"
  cen_id = "${alicloud_cen_transit_router.defaultM8Zo6H.cen_id}"
  charge_type = "POSTPAY"
  tags = {
    Created = "TF"
    For = "Test"
  }
  transit_router_attachment_description = "test-vpn-attachment2"
  transit_router_attachment_name = "test-vpn-attachment2"
  transit_router_id = "${alicloud_cen_transit_router_cidr.defaultuUtyCv.transit_router_id}"
  vpn_id = "${alicloud_vpn_gateway_vpn_attachment.defaultvrPzdh.id}"
  vpn_owner_id = "${data.alicloud_account.default.id}"
}
