#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Where a test kernel's files are, for a release from kernel-version.sh:
# print three lines, the kernel image, the tree to build modules against,
# and the root under which lib/modules/RELEASE/ has its module index
# ("modprobe -d ROOT").  A Debian kernel's are /boot/vmlinuz-RELEASE,
# /lib/modules/RELEASE/build and /; the debug kernel's (a release ending
# in -hnvdebug) are in scripts/debug/kernel.sh's cache.  Prints the paths
# whether or not they exist: scripts/deps.sh installs or builds them.
#
# usage: mapfile -t kp < <(scripts/kernel-paths.sh RELEASE)
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 RELEASE" >&2; exit 2; }
case "$1" in
*-hnvdebug)
	d=$("$(dirname "$0")/debug/kernel.sh" --dir)
	printf '%s\n' "$d/vmlinuz" "$d/obj" "$d/mods"
	;;
*)
	printf '%s\n' "/boot/vmlinuz-$1" "/lib/modules/$1/build" /
	;;
esac
