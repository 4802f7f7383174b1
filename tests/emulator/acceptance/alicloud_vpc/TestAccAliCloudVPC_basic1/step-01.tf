

data "alicloud_resource_manager_resource_groups" "default" {
  name_regex = "default"
}


resource "alicloud_vpc" "default" {
  description = "tf-testAcccn-hangzhouVpc10000"
  dry_run = "false"
  enable_ipv6 = "true"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.groups.0.id}"
  system_route_table_description = "tf-testAcccn-hangzhouVpc10000"
  system_route_table_name = "tf-testAcccn-hangzhouVpc10000"
  user_cidrs = [
    "106.11.62.0/24"
  ]
  vpc_name = "tf-testAcccn-hangzhouVpc10000"
}
