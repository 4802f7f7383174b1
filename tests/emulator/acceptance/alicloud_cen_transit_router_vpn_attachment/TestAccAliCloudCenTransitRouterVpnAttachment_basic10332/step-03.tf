
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
  ip_address            = "42.104.22.${210 + tonumber(substr(var.name, -2, 2)) % 20}"
  customer_gateway_name = var.name
  depends_on            = ["alicloud_cen_transit_router_cidr.defaultuUtyCv"]
}

data "alicloud_cen_transit_router_service" "default" {
	enable = "On"
}

resource "alicloud_vpn_gateway_vpn_attachment" "defaultvrPzdh" {
  network_type = "public"
  local_subnet = "0.0.0.0/0"
  enable_tunnels_bgp = "false"
  vpn_attachment_name = var.name
  tunnel_options_specification {
    customer_gateway_id = alicloud_vpn_customer_gateway.defaultMeoCIz.id
    role = "master"
    enable_dpd = "true"
    enable_nat_traversal = "true"
    tunnel_index = "2"

    tunnel_ike_config {
      remote_id = "2.2.2.2"
      ike_enc_alg = "aes"
      ike_mode = "main"
      ike_version = "ikev1"
      local_id = "1.1.1.1"
      ike_auth_alg = "md5"
      ike_lifetime = "86100"
      ike_pfs = "group2"
      psk = "12345678"
    }
    
      tunnel_ipsec_config {
      ipsec_auth_alg = "md5"
      ipsec_enc_alg = "aes"
      ipsec_lifetime = "86200"
      ipsec_pfs = "group5"
    }
    
  }
  tunnel_options_specification {
    role = "master"
    enable_nat_traversal = "true"
    tunnel_index = "1"
      tunnel_ike_config {
      local_id = "4.4.4.4"
      remote_id = "5.5.5.5"
      ike_lifetime = "86400"
      ike_pfs = "group5"
      ike_mode = "main"
      ike_version = "ikev2"
      psk = "32333442"
      ike_auth_alg = "md5"
      ike_enc_alg = "aes"
    }
    
      tunnel_ipsec_config {
      ipsec_enc_alg = "aes"
      ipsec_lifetime = "86400"
      ipsec_pfs = "group5"
      ipsec_auth_alg = "sha256"
    }
    
    customer_gateway_id = alicloud_vpn_customer_gateway.defaultMeoCIz.id
    enable_dpd = "true"
  }
  
  remote_subnet = "0.0.0.0/0"
}



resource "alicloud_cen_transit_router_vpn_attachment" "default" {
  auto_publish_route_enabled = "true"
  cen_id = "${alicloud_cen_transit_router.defaultM8Zo6H.cen_id}"
  charge_type = "POSTPAY"
  transit_router_attachment_description = "test-vpn-attachment2"
  transit_router_attachment_name = "test-vpn-attachment2"
  transit_router_id = "${alicloud_cen_transit_router.defaultM8Zo6H.transit_router_id}"
  vpn_id = "${alicloud_vpn_gateway_vpn_attachment.defaultvrPzdh.id}"
  vpn_owner_id = "${data.alicloud_account.default.id}"
}
