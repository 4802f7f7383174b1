
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
  description = "tfaccexpressconnect1"
  detect_multiplier = "6"
  enable_ipv6 = "true"
  local_gateway_ip = "10.0.0.1"
  local_ipv6_gateway_ip = "2408:4004:cc:400::1"
  peer_gateway_ip = "10.0.0.2"
  peer_ipv6_gateway_ip = "2408:4004:cc:400::2"
  peering_ipv6_subnet_mask = "2408:4004:cc:400::/56"
  peering_subnet_mask = "255.255.255.0"
  physical_connection_id = "${data.alicloud_express_connect_physical_connections.default.ids.0}"
  vlan_id = "1"
}
