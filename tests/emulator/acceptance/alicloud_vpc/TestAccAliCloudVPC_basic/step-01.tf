

data "alicloud_resource_manager_resource_groups" "default" {
  name_regex = "default"
}


resource "alicloud_vpc" "default" {
  user_cidrs = [
    "106.11.62.0/24"
  ]
}
