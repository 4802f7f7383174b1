
variable "name" {
    default = "tfacccen10000"
}

resource "alicloud_cen_instance" "cen" {
}

resource "alicloud_cen_transit_router" "tr" {
  cen_id = alicloud_cen_instance.cen.id
}

data "alicloud_express_connect_physical_connections" "nameRegex" {
  name_regex = "^preserved-NODELETING"
}

resource "alicloud_express_connect_virtual_border_router" "vbr" {
  peer_gateway_ip        = "10.0.0.1"
  physical_connection_id = data.alicloud_express_connect_physical_connections.nameRegex.connections.0.id
  peering_subnet_mask    = "255.255.255.252"
  local_gateway_ip       = "10.0.0.2"
  vlan_id                = 1
}




resource "alicloud_cen_transit_router_vbr_attachment" "default" {
  auto_publish_route_enabled = "false"
  cen_id = "${alicloud_cen_instance.cen.id}"
  order_type = "PayByCenOwner"
  transit_router_attachment_description = "bbb"
  transit_router_id = "${alicloud_cen_transit_router.tr.transit_router_id}"
  vbr_id = "${alicloud_express_connect_virtual_border_router.vbr.id}"
}
