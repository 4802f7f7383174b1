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

terraform -chdir=cdktf.out/stacks/dual-tunnel destroy -auto-approve
