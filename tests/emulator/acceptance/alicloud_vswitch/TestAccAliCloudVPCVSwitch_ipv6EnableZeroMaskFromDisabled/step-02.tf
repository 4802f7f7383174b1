
variable "name" {
			default = "tf-testacccn-hangzhouvswitch10000"
		}

resource "alicloud_vpc" "default" {
  vpc_name   = "tf-testacc"
  cidr_block = "172.16.0.0/12"
  enable_ipv6 = "true"
}
data "alicloud_zones" "default" {
	available_resource_creation= "VSwitch"
}


resource "alicloud_vswitch" "default" {
  cidr_block = "${cidrsubnet(alicloud_vpc.default.cidr_block, 4, 2)}"
  enable_ipv6 = true
  ipv6_cidr_block_mask = 0
  vpc_id = "${alicloud_vpc.default.id}"
  zone_id = "${data.alicloud_zones.default.zones.0.id}"
}
