#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install, from Debian's archive, whatever the build and the test VM need
# and is missing.  Idempotent: a second run installs nothing.
#
# usage: scripts/deps.sh [--bench] [KERNEL_VERSION ...]
#   --bench        also what "make bench" runs: Open vSwitch, iperf3, perf
#   KERNEL_VERSION is a Debian kernel release such as 6.1.0-41-amd64 or
#   6.12.117+deb12-amd64, or one of the aliases "6.1" / "6.12" (newest);
#   the debug kernel's release (6.1.N-hnvdebug) is built once
#   (scripts/debug/kernel.sh, ~15 minutes), with what building it needs.
set -euo pipefail

PKGS=(make gcc pkg-config qemu-system-x86 busybox-static cpio kmod iproute2
      tcpdump libnl-3-dev libnl-genl-3-dev sparse python3 iputils-ping
      netcat-openbsd procps psmisc xz-utils ethtool)

if [ "${1:-}" = --bench ]; then
	shift
	PKGS+=(openvswitch-switch iperf3 linux-perf)
fi

missing=()
debug=0
# A kernel counts as present when its image and build tree are, however
# they were installed (a non-Debian running kernel for check-host, say).
# The debug kernel is built from source, once (scripts/debug/kernel.sh).
for k in "$@"; do
	case $k in
	*-hnvdebug)
		debug=1
		continue ;;
	esac
	[ -e "/boot/vmlinuz-$k" ] || missing+=("linux-image-$k")
	[ -e "/lib/modules/$k/build/Makefile" ] || missing+=("linux-headers-$k")
done

for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done

updated=0
apt_update() {
	[ $updated = 1 ] && return 0
	apt-get update -qq >/dev/null
	updated=1
}

if [ ${#missing[@]} -eq 0 ]; then
	[ $debug = 0 ] || "$(dirname "$0")/debug/kernel.sh" >/dev/null
	exit 0
fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# The test kernels are only ever booted under qemu with our own initramfs:
# skip Debian's initramfs generation, which is most of the install time.
export INITRD=No
if ! apt-get install -y -qq -o DPkg::Lock::Timeout=900 --no-install-recommends \
		"${missing[@]}" >/dev/null; then
	apt_update
	apt-get install -y -qq -o DPkg::Lock::Timeout=900 --no-install-recommends \
		"${missing[@]}" >/dev/null
fi
[ $debug = 0 ] || "$(dirname "$0")/debug/kernel.sh" >/dev/null
