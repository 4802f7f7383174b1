
variable "name" {
  default = "tfaccexpressconnect1"
}

data "alicloud_account" "default" {
}

data "alicloud_resource_manager_resource_groups" "default" {
}

data "alicloud_express_connect_physical_connections" "default" {
  name_regex = "^preserved-NODELETING"
}


resource "alicloud_express_connect_virtual_border_router" "default" {
  bandwidth = "100"
  circuit_code = "1024"
  local_gateway_ip = "10.0.0.1"
  peer_gateway_ip = "10.0.0.2"
  peering_subnet_mask = "255.255.255.252"
  physical_connection_id = "${data.alicloud_express_connect_physical_connections.default.ids.0}"
  vlan_id = "1"
}
