#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# In a debug-kernel VM (make check-debug): load and unload hnv.ko once with
# its load-time self-tests, run selftests/run.sh with them off (they take
# ~30 s per load on this kernel), then look for leaks.  kmemleak's
# periodic scan is off for the run (a scan takes long under TCG); at the
# end, with hnv unloaded after the last script, one scan reports every
# object nothing points to any more.
# The report is kept as kmemleak in the VM's results directory, its first
# lines are printed as KTAP diagnostics, and the kernel's "N new suspected
# memory leaks" line in dmesg fails the run (scripts/vm/find-splats.sh).
#
# usage (in the VM): scripts/debug/guest-suite.sh [TEST...]
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
kml=/sys/kernel/debug/kmemleak
out=/run/hnv/out

if [ ! -w $kml ]; then
	echo "guest-suite: no $kml: not the debug kernel?" >&2
	exit 1
fi
echo scan=off >$kml

# hnv.ko's load-time self-tests take ~30 s on this kernel: run them once
# here, then have every script's modprobe skip them.
if ! modprobe hnv || ! modprobe -r hnv; then
	echo "guest-suite: hnv.ko does not load (or unload) with its self-tests" >&2
	exit 1
fi
mkdir -p /run/modprobe.d
echo "options hnv selftest=0" >/run/modprobe.d/hnv-debug.conf

# Scripts that measure memory skip those checks: KASAN's redzones and
# quarantine make every slab figure meaningless (lib.sh: debug_kernel).
HNV_DEBUG_KERNEL=1 "$top/selftests/run.sh" "$@"
rc=$?

# An object is reported once it has been unreferenced for 5 s when a scan
# runs.
sleep 6
SECONDS=0
echo scan >$kml
cat $kml >"$out/kmemleak"
n=$(grep -c '^unreferenced object' "$out/kmemleak")
echo "# kmemleak: $n unreferenced objects after the run (scan: ${SECONDS}s)"
if [ "$n" != 0 ]; then
	sed -e 's/^/# /' -e '80q' "$out/kmemleak"
	rc=1
fi
exit $rc
