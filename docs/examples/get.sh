set -euo pipefail
# A new project in a scratch folder: typed bindings for a provider and a local module, offline.
project=$(mktemp -d)
cd "$project"
mkdir -p modules/site-tags
cat > modules/site-tags/main.tf <<'TF'
variable "site" {
  type        = string
  description = "site name"
}
output "tags" {
  value = { site = var.site, managed_by = "constructs-vpn" }
}
TF
cat > cdktf.json <<'JSON'
{
  "language": "python",
  "app": "python main.py",
  "terraformProviders": ["aliyun/alicloud@1.289.0"],
  "terraformModules": ["./modules/site-tags"]
}
JSON

# Offline: terraform reads the provider's schema from the emulator (only aliyun/alicloud); for any other
# provider, pass --schema FILE (`terraform providers schema -json` run where the registry is reachable).
eval "$(constructs-vpn emulator setup ~/.constructs-vpn/emulator)"
constructs-vpn get
ls imports
python -c "from imports.site_tags import SiteTags; print(SiteTags.__name__)"
