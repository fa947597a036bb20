#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build hnv.ko against one Debian kernel's headers, warning-free with W=1
# (and, with SPARSE=1, sparse-clean with C=2), with its load-time
# self-tests (kmod/selftest.c) unless HNV_SELFTEST=0, and with HNV_BENCH=1
# also the classifier benchmark hnv_cls_bench.ko.  Each kernel gets its own
# object tree, build/<release>/src, a symlink mirror of the sources, so
# builds for different kernels never share objects.
#
# usage: scripts/build-module.sh KERNEL  (a release, or 6.1 / 6.12 / debug)
# output: build/<release>/hnv.ko (and hnv_cls_bench.ko); exit 1 on any
# warning.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
kver=$("$top/scripts/kernel-version.sh" "$1")
"$top/scripts/deps.sh" "$kver"

out="$top/build/$kver"
src="$out/src"
mkdir -p "$src"
# Refresh the mirror: new files appear, removed ones disappear.
find "$src" -type l -delete
for d in kmod uapi bench; do
	mkdir -p "$src/$d"
	cp -rs "$top/$d/." "$src/$d/"
done
ln -sf "$top/Kbuild" "$src/Kbuild"
ln -sf "$top/VERSION" "$src/VERSION"
find "$src" -xtype l -delete

log="$out/build.log"
# The tested module carries its load-time self-tests (HNV_SELFTEST=0 to
# build without, as "make install" does).
mapfile -t kp < <("$top/scripts/kernel-paths.sh" "$kver")
args=(-C "${kp[1]}" M="$src" W=1 HNV_SELFTEST="${HNV_SELFTEST:-1}"
      HNV_BENCH="${HNV_BENCH:-0}")
[ "${SPARSE:-0}" = 1 ] && args+=(C=2)
[ -n "${HNV_EXTRA_CFLAGS:-}" ] && args+=(EXTRA_CFLAGS="$HNV_EXTRA_CFLAGS")
if ! make -s "${args[@]}" -j"$(nproc)" modules >"$log" 2>&1; then
	cat "$log" >&2
	echo "build-module: $kver: build failed" >&2
	exit 1
fi
# Anything the compiler or sparse says about our sources is a failure.
# "Skipping BTF generation" concerns the headers package (no vmlinux).
if grep -v 'Skipping BTF generation' "$log" | grep -E '(warning|error):' >&2; then
	echo "build-module: $kver: diagnostics above (W=1${SPARSE:+, sparse})" >&2
	exit 1
fi
cp "$src/hnv.ko" "$out/hnv.ko"
[ "${HNV_BENCH:-0}" = 1 ] && cp "$src/hnv_cls_bench.ko" "$out/hnv_cls_bench.ko"
echo "$out/hnv.ko"
