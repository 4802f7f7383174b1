set -euo pipefail
constructs-vpn synth

# strongSwan (swanctl.conf) for the data center's gateways of connection dc3, keys left as placeholders:
constructs-vpn peer-config --stack dual-tunnel --connection dc3 --format swanctl > dc3-swanctl.conf

# A Cisco IOS template with the key filled in from the environment variable DC3_PSK (your key, agreed with the
# data center; this example key when you have not set one):
export DC3_PSK="${DC3_PSK:-Example-Dc3-Psk-2024}"
constructs-vpn peer-config --stack dual-tunnel --connection dc3 --format cisco --psk-from-env DC3_PSK > dc3-cisco.txt

# Alibaba's DownloadVpnConnectionConfig JSON, with the cloud gateway addresses given by hand:
constructs-vpn peer-config --stack dual-tunnel --connection dc3 --format json \
    --gateway-ip 47.96.0.10 --gateway-ip 47.96.0.11
