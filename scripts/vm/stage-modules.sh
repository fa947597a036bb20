#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Make a module tree in which "modprobe -d MODROOT" finds both the kernel's
# own modules and hnv.ko, without installing anything into /lib/modules:
#   MODROOT/lib/modules/RELEASE/kernel/    symlinks to the kernel's modules
#                                          (/lib/modules/RELEASE/kernel)
#   MODROOT/lib/modules/RELEASE/extra/hnv.ko   copy of KO (if given and present)
#   modules.builtin*, modules.order copied, then depmod -b MODROOT.
# Used by the VM (MODROOT is read over the 9p root share, where the
# absolute symlinks resolve to the same files) and by check-host.sh.
# Cached: depmod runs again only when hnv.ko or the kernel's modules change.
#
# usage: scripts/vm/stage-modules.sh RELEASE MODROOT [KO]
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 RELEASE MODROOT [KO]" >&2; exit 2; }
rel=$1
root=$2
ko=${3:-}
mapfile -t kp < <("$(dirname "$0")/../kernel-paths.sh" "$rel")
src=${kp[2]%/}/lib/modules/$rel
dst=$root/lib/modules/$rel
[ -f "$src/modules.order" ] || { echo "stage-modules: no $src" >&2; exit 1; }

mkdir -p "$root"
exec 9>"$root.lock"
flock 9

# The symlink tree follows the installed kernel package.
kstamp=$(stat -c '%Y %s' "$src/modules.order" "$src/modules.builtin")
if [ "$(cat "$root/kernel.stamp" 2>/dev/null)" != "$kstamp" ]; then
	rm -rf "$dst" "$root/kernel.stamp" "$root/depmod.stamp"
	mkdir -p "$dst"
	# (The debug kernel has every driver built in: no kernel/ at all.)
	[ ! -d "$src/kernel" ] || cp -rs "$src/kernel" "$dst/kernel"
	cp "$src"/modules.builtin* "$src/modules.order" "$dst/"
	echo "$kstamp" >"$root/kernel.stamp"
fi

mkdir -p "$dst/extra"
if [ -n "$ko" ] && [ -f "$ko" ]; then
	cmp -s "$ko" "$dst/extra/hnv.ko" || cp "$ko" "$dst/extra/hnv.ko"
else
	rm -f "$dst/extra/hnv.ko"
fi

dstamp=$(sha256sum 2>/dev/null <"$dst/extra/hnv.ko" || echo none)
if [ "$(cat "$root/depmod.stamp" 2>/dev/null)" != "$dstamp" ]; then
	depmod -b "$root" "$rel"
	echo "$dstamp" >"$root/depmod.stamp"
fi
