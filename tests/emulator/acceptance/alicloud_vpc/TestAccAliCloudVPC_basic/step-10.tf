

data "alicloud_resource_manager_resource_groups" "default" {
  name_regex = "default"
}


resource "alicloud_vpc" "default" {
  cidr_block = "172.16.0.0/12"
  description = "tf-testAcccn-hangzhouVpc1000000update"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.groups.0.id}"
  secondary_cidr_blocks = [
    "10.0.0.0/8"
  ]
  tags = {
    Created = "TF-update"
    For = "Test-update"
  }
  user_cidrs = [
    "106.11.62.0/24"
  ]
  vpc_name = "tf-testAcccn-hangzhouVpc1000000update"
}
