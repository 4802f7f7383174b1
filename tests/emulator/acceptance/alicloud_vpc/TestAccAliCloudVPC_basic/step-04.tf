

data "alicloud_resource_manager_resource_groups" "default" {
  name_regex = "default"
}


resource "alicloud_vpc" "default" {
  cidr_block = "172.16.0.0/16"
  user_cidrs = [
    "106.11.62.0/24"
  ]
  vpc_name = "tf-testAcccn-hangzhouVpc1000000"
}
