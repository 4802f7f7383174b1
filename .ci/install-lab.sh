#!/usr/bin/env bash
# Install what the strongSwan lab (tests/peer) needs: two charon daemons with user-space ESP
# (kernel-libipsec, because this kernel has no ESP), swanctl, and iproute2 for the namespaces;
# FRR (device) and BIRD (cloud) for the BGP sessions through the tunnel;
# and Graphviz, whose `dot` draws the SVG topology diagrams (tests/diagram).
# Idempotent: when everything is installed it only runs dpkg-query and exits.
# apt-get update runs only when a package has no install candidate or the install fails (stale lists).
set -euo pipefail

PACKAGES=(
    strongswan-charon              # /usr/lib/ipsec/charon (pulls strongswan-starter, unused)
    strongswan-swanctl             # swanctl and the vici plugin
    libstrongswan-standard-plugins # openssl plugin: every console algorithm, DES via the legacy provider
    libcharon-extra-plugins        # kernel-libipsec: ESP in user space over a TUN device
    iproute2                       # ip netns / ip link (usually on the image already)
    util-linux                     # unshare, mount: private /run per charon (usually on the image already)
    graphviz                       # dot: constructs-vpn graph --format svg
    frr                            # zebra + bgpd + vtysh: the device's BGP speaker (peer-config --format frr)
    bird2                          # bird + birdc: the cloud side's BGP speaker, another implementation
)
PLUGIN_DIR=/usr/lib/ipsec/plugins

installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

missing=()
for package in "${PACKAGES[@]}"; do
    installed "$package" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
    echo "install-lab: already installed: ${PACKAGES[*]}"
    exit 0
fi

if ((EUID != 0)); then
    echo "install-lab: must run as root to install: ${missing[*]}" >&2
    exit 1
fi

# strongswan-starter's postinst would start an IPsec service in the root namespace; a policy-rc.d
# that answers 101 ("action forbidden") stops that. Only a file we created ourselves is removed again.
policy=/usr/sbin/policy-rc.d
if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
fi

export DEBIAN_FRONTEND=noninteractive
apt_install() {
    # --no-install-recommends: the recommended extra plugins pull in udev and a systemd upgrade.
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}
needs_update=0
for package in "${missing[@]}"; do
    candidate="$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ {print $2}')"
    if [[ -z "$candidate" || "$candidate" == "(none)" ]]; then
        needs_update=1
    fi
done
if ((needs_update)); then
    apt-get update -q
    apt_install
elif ! apt_install; then
    echo "install-lab: install failed, refreshing the package lists and retrying" >&2
    apt-get update -q
    apt_install
fi

for plugin in kernel-libipsec kdf openssl vici; do
    if [[ ! -f "$PLUGIN_DIR/libstrongswan-$plugin.so" ]]; then
        echo "install-lab: strongSwan plugin $plugin missing from $PLUGIN_DIR after install" >&2
        exit 1
    fi
done
echo "install-lab: installed: ${missing[*]}"
