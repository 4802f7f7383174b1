
variable "name" {
    default = "tf-testacccn-hangzhouvpcvswitch10000"
}
resource "alicloud_vpc" "OeB4be" {
  vpc_name    = var.name
  enable_ipv6 = true
  cidr_block  = "172.16.0.0/12"
}
data "alicloud_zones" "default" {
	available_resource_creation= "VSwitch"
}


resource "alicloud_vswitch" "default" {
  cidr_block = "172.16.0.0/24"
  description = "test-update"
  is_default = "false"
  vpc_id = "${alicloud_vpc.OeB4be.id}"
  vswitch_name = "tf-testacccn-hangzhouvpcvswitch10000_update"
  zone_id = "${data.alicloud_zones.default.zones.0.id}"
}
