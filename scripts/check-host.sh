#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the selftests (selftests/run.sh) on the running kernel instead of a
# VM, for machines that can load modules.  Builds hnv.ko against
# /lib/modules/$(uname -r)/build and hnvctl, and makes modprobe find
# build/RELEASE/hnv.ko without installing it: a staging tree (see
# scripts/vm/stage-modules.sh) and a "modprobe -d" wrapper that is first
# in PATH and, for the run, the kernel's /proc/sys/kernel/modprobe (the
# previous value is put back on exit).  Kernel splats logged during the
# run fail it (exit 3).
#
# usage: scripts/check-host.sh [TEST...]      (as root)
# Exit: selftests/run.sh's status, 3 on a splat, 4 (skip) if this kernel
# cannot load modules or we are not root.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
rel=$(uname -r)
skip() {
	echo "TAP version 13"
	echo "1..0 # SKIP $*"
	echo "check-host: skipped: $*" >&2
	exit 4
}
[ -e /proc/modules ] ||
	skip "kernel $rel has no loadable module support (no /proc/modules)"
[ "$(id -u)" = 0 ] || skip "must be run as root"

"$top/scripts/build-module.sh" "$rel" >/dev/null
make -s -C "$top/tools/hnvctl"
modroot=$top/build/$rel/modroot
"$top/scripts/vm/stage-modules.sh" "$rel" "$modroot" "$top/build/$rel/hnv.ko"

bin=$top/build/$rel/host-bin
mkdir -p "$bin"
printf '#!/bin/sh\nexec /sbin/modprobe -d %s "$@"\n' "$modroot" >"$bin/modprobe"
printf '#!/bin/sh\nexec /sbin/modinfo -b %s "$@"\n' "$modroot" >"$bin/modinfo"
chmod 755 "$bin/modprobe" "$bin/modinfo"
export PATH=$top/tools/hnvctl:$bin:$PATH

if [ -d /sys/module/hnv ]; then
	modprobe -r hnv || { echo "check-host: an hnv module is loaded and busy" >&2; exit 1; }
fi
old=$(cat /proc/sys/kernel/modprobe)
trap 'echo "$old" >/proc/sys/kernel/modprobe' EXIT
echo "$bin/modprobe" >/proc/sys/kernel/modprobe

mark="hnv-check-host: start $$ $(date +%s)"
echo "$mark" >/dev/kmsg
rc=0
"$top/selftests/run.sh" "$@" || rc=$?

log=$top/build/$rel/check-host.dmesg
dmesg | sed -n "/$mark/,\$p" >"$log"
if "$top/scripts/vm/find-splats.sh" "$log" >"$log.splats"; then
	echo "check-host: kernel splat during the run ($log):" >&2
	sed 's/^/check-host:   /' "$log.splats" >&2
	exit 3
fi
exit $rc
