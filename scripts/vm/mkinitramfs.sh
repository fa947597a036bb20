#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the test VM's initramfs for one Debian kernel release: busybox-static,
# the virtio-pci / 9p modules that kernel needs to mount the host's root
# over virtio-9p (taken from lib/modules/RELEASE, decompressed, in load
# order), and scripts/vm/init as /init.  About 3 MB.
#
# The image is cached: it is rebuilt only when one of its inputs (this
# script, init, busybox, the module files) changed.  Safe to run
# concurrently for the same release (flock).
#
# usage: scripts/vm/mkinitramfs.sh RELEASE OUT
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 RELEASE OUT" >&2; exit 2; }
rel=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
busybox=/bin/busybox
mapfile -t kp < <("$here/../kernel-paths.sh" "$rel")
[ -f "${kp[2]}/lib/modules/$rel/modules.builtin" ] ||
	{ echo "mkinitramfs: no ${kp[2]}/lib/modules/$rel" >&2; exit 1; }

# What the initramfs must load, dependencies first; builtins print nothing
# useful and are skipped (the debug kernel has them all built in),
# duplicates (shared dependencies) dropped.
mods=$(modprobe -d "${kp[2]}" -S "$rel" --show-depends -a virtio_pci 9pnet_virtio 9p |
	awk '$1 == "insmod" && !seen[$2]++ { print $2 }')

stamp=$({
	sha256sum "$here/init" "$0" "$busybox"
	for m in $mods; do stat -c '%n %s %Y' "$m"; done
} | sha256sum | cut -d' ' -f1)

mkdir -p "$(dirname "$out")"
exec 9>"$out.lock"
flock 9
[ -f "$out" ] && [ "$(cat "$out.stamp" 2>/dev/null)" = "$stamp" ] && exit 0

work=$(mktemp -d "$out.tmp.XXXXXX")
trap 'rm -rf "$work"' EXIT
tmp=$work/root
mkdir -p "$tmp"/{bin,dev,proc,sys,newroot,lib/modules}
cp "$busybox" "$tmp/bin/busybox"
for a in $("$busybox" --list); do
	[ "$a" = busybox ] || ln -s busybox "$tmp/bin/$a"
done
# Busybox insmod cannot read .ko.xz: store every module decompressed, and
# the load order in a list.
for m in $mods; do
	n=$(basename "$m")
	case "$m" in
	*.xz) xz -dc "$m" >"$tmp/lib/modules/${n%.xz}"; n=${n%.xz} ;;
	*) cp "$m" "$tmp/lib/modules/$n" ;;
	esac
	echo "$n" >>"$tmp/lib/modules/load-order"
done
touch "$tmp/lib/modules/load-order"
install -m 0755 "$here/init" "$tmp/init"
(cd "$tmp" && find . -mindepth 1 | LC_ALL=C sort |
	cpio --quiet -o -H newc -R 0:0) | gzip -1 >"$work/initramfs"
mv "$work/initramfs" "$out"
echo "$stamp" >"$out.stamp"
