set -euo pipefail
# Point terraform at the emulator instead of the real aliyun/alicloud provider (in this shell only).
eval "$(constructs-vpn emulator setup ~/.constructs-vpn/emulator)"

constructs-vpn synth
export TF_VAR_psk='Emulated-Psk-2024'
terraform -chdir=cdktf.out/stacks/dual-tunnel init
terraform -chdir=cdktf.out/stacks/dual-tunnel apply -auto-approve
constructs-vpn emulator show  # what the emulated cloud holds now

# The device side, with the (emulated) cloud gateway address read from the stack's state:
constructs-vpn peer-config --stack dual-tunnel --connection dc3 --format swanctl

# Drift: turn DPD off on the first tunnel in the emulated cloud, behind terraform's back; plan shows it
# (exit code 2: changes). A dual-tunnel connection keeps it per tunnel; a single-tunnel one at $.enable_dpd.
sqlite3 "$CONSTRUCTS_VPN_EMULATOR_STATE" "UPDATE objects SET attributes = json_set(attributes, \
    '$.tunnel_options_specification[0].enable_dpd', json('false')) WHERE type = 'alicloud_vpn_gateway_vpn_attachment'"
terraform -chdir=cdktf.out/stacks/dual-tunnel plan -detailed-exitcode || test $? -eq 2

terraform -chdir=cdktf.out/stacks/dual-tunnel destroy -auto-approve
