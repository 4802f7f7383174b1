

data "alicloud_resource_manager_resource_groups" "default" {
  name_regex = "default"
}


resource "alicloud_vpc" "default" {
  dry_run = "false"
  enable_ipv6 = "true"
  is_default = "true"
  resource_group_id = "${data.alicloud_resource_manager_resource_groups.default.groups.0.id}"
}
