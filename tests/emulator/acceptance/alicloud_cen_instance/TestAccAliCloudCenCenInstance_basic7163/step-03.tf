
variable "name" {
    default = "tfacccen10000"
}




resource "alicloud_cen_instance" "default" {
  cen_instance_name = "tfacccen10000_update"
  description = "update"
  protection_level = "REDUCED"
}
