 
	variable "name" {
  		default = "tf-testacccn-hangzhoucentransitroutervpnattachment10000"
	}

	data "alicloud_account" "default" {
	}

	resource "alicloud_cen_instance" "default" {
		cen_instance_name = var.name
	}

	resource "alicloud_cen_transit_router" "default" {
		cen_id = alicloud_cen_instance.default.id
		transit_router_description = "desd"
		transit_router_name = var.name
	}

	resource "alicloud_vpn_customer_gateway" "default" {
  		customer_gateway_name = var.name
  		# Spread across 42.104.100-199.100-199 so repeated test runs do not
  		# collide with previously leaked customer gateways in the account.
  		ip_address            = "42.104.${100 + tonumber(substr(var.name, -3, 2)) % 100}.${100 + tonumber(substr(var.name, -2, 2)) % 100}"
  		asn                   = "45014"
  		description           = "testAccVpnConnectionDesc"
	}

	resource "alicloud_vpn_gateway_vpn_attachment" "default" {
  		network_type        = "public"
  		local_subnet        = "0.0.0.0/0"
  		remote_subnet       = "0.0.0.0/0"
  		effect_immediately  = false
	tunnel_options_specification {
		customer_gateway_id = alicloud_vpn_customer_gateway.default.id
		role                = "master"
		tunnel_index        = 1
			enable_dpd          = true
			enable_nat_traversal = true
			tunnel_ike_config {
				ike_auth_alg = "md5"
				ike_enc_alg  = "des"
				ike_version  = "ikev2"
				ike_mode     = "main"
				ike_lifetime = 86400
				psk          = "tf-testvpn3"
				ike_pfs      = "group1"
				remote_id    = "testbob3"
				local_id     = "testalice3"
			}
			tunnel_ipsec_config {
				ipsec_pfs      = "group5"
				ipsec_enc_alg  = "des"
				ipsec_auth_alg = "md5"
				ipsec_lifetime = 86400
			}
		}
	tunnel_options_specification {
		customer_gateway_id = alicloud_vpn_customer_gateway.default.id
		role                = "slave"
		tunnel_index        = 2
			enable_dpd          = true
			enable_nat_traversal = true
			tunnel_ike_config {
				ike_auth_alg = "md5"
				ike_enc_alg  = "des"
				ike_version  = "ikev2"
				ike_mode     = "main"
				ike_lifetime = 86400
				psk          = "tf-testvpn2"
				ike_pfs      = "group1"
				remote_id    = "testbob2"
				local_id     = "testalice2"
			}
			tunnel_ipsec_config {
				ipsec_pfs      = "group5"
				ipsec_enc_alg  = "des"
				ipsec_auth_alg = "md5"
				ipsec_lifetime = 86400
			}
		}
  		vpn_attachment_name  = var.name
	}

	resource "alicloud_cen_transit_router_cidr" "default" {
		transit_router_id        = alicloud_cen_transit_router.default.transit_router_id
  		cidr                     = "192.168.0.0/16"
  		transit_router_cidr_name = var.name
  		description              = var.name
  		publish_cidr_route       = false
	}
	
	data "alicloud_cen_transit_router_available_resources" "default" {
	}


resource "alicloud_cen_transit_router_vpn_attachment" "default" {
  auto_publish_route_enabled = "false"
  cen_id = "${alicloud_cen_transit_router.default.cen_id}"
  order_type = "PayByCenOwner"
  transit_router_attachment_description = "${var.name}"
  transit_router_id = "${alicloud_cen_transit_router_cidr.default.transit_router_id}"
  transit_router_vpn_attachment_name = "${var.name}"
  vpn_id = "${alicloud_vpn_gateway_vpn_attachment.default.id}"
  vpn_owner_id = "${data.alicloud_account.default.id}"
}
