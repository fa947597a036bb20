#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run one command as root in a throw-away VM booting a Debian kernel under
# qemu (TCG, no KVM needed).  The guest sees the host's root read-only
# (the repo at the same path, the command starts in the current directory),
# fresh tmpfs on /tmp /run /root ..., and a modprobe that finds
# build/RELEASE/hnv.ko (staged if it exists).
#
# usage: scripts/vm/run.sh [-t TIMEOUT] [-o DIR] KERNEL -- COMMAND...
#   KERNEL   Debian release, or 6.1 / 6.12, or debug (scripts/debug/kernel.sh)
#   -t       seconds the command may run (default 600); qemu itself is
#            killed TIMEOUT+60s after the start
#   -o DIR   results dir (default: a fresh build/vm/RELEASE.XXXXXX);
#            gets console.log (kernel console), dmesg, status, boot-time
#            (guest uptime when the command started), splats
# HNV_VM_APPEND adds to the kernel command line (e.g. "loglevel=7"),
# HNV_VM_MEM sets the guest's memory (default 1G).
#
# The command's stdout and stderr (merged) stream to stdout.  Exit status:
# the command's, or 124 if it (or the guest) timed out, 125 if the guest
# crashed or never ran it, 3 if the guest's dmesg has a kernel splat
# (Oops, BUG, WARNING, stalls, KASAN/UBSAN, leaks...) even if it succeeded.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
limit=600
dir=
while getopts t:o: opt; do
	case $opt in
	t) limit=$OPTARG ;;
	o) dir=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -lt 3 ] || [ "$2" != -- ]; then
	echo "usage: $0 [-t TIMEOUT] [-o DIR] KERNEL -- COMMAND..." >&2
	exit 2
fi
rel=$("$top/scripts/kernel-version.sh" "$1")
shift 2
case "$top" in *[[:space:]]*)
	echo "vm: the repo path must not contain whitespace: $top" >&2; exit 2 ;;
esac

"$top/scripts/deps.sh" "$rel"
mapfile -t kp < <("$top/scripts/kernel-paths.sh" "$rel")
b=$top/build/$rel
"$top/scripts/vm/mkinitramfs.sh" "$rel" "$b/initramfs.cpio.gz"
"$top/scripts/vm/stage-modules.sh" "$rel" "$b/modroot" "$b/hnv.ko"

if [ -z "$dir" ]; then
	mkdir -p "$top/build/vm"
	dir=$(mktemp -d "$top/build/vm/$rel.XXXXXX")
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
rm -f "$dir"/{status,dmesg,splats,console.log,boot-time}
echo "$limit" >"$dir/timeout"
{
	printf 'cd -- %q 2>/dev/null || cd -- %q\n' "$PWD" "$top"
	printf 'exec'
	printf ' %q' "$@"
	echo
} >"$dir/job"

# quiet: only errors and worse reach the console.  RCU stall reports after
# 60s instead of 21s: TCG vCPUs on a busy 2-core host are slow, not stuck.
append="console=ttyS0 panic=-1 quiet rcupdate.rcu_cpu_stall_timeout=60"
append+=" hnv_repo=$top ${HNV_VM_APPEND:-}"
# shellcheck disable=SC2054 # the commas are qemu's
qemu=(qemu-system-x86_64 -accel tcg,thread=multi -cpu max -smp 2 -m "${HNV_VM_MEM:-1G}"
	-nodefaults -no-user-config -display none -no-reboot -nic none
	-kernel "${kp[0]}" -initrd "$b/initramfs.cpio.gz"
	-append "$append"
	-fsdev local,id=root,path=/,security_model=none,readonly=on,multidevs=remap
	-device virtio-9p-pci,fsdev=root,mount_tag=hostroot
	-fsdev "local,id=out,path=$dir,security_model=none"
	-device virtio-9p-pci,fsdev=out,mount_tag=hnvout
	-serial "file:$dir/console.log" -serial stdio)

# In the background so that ^C / TERM can stop qemu (timeout(1) puts it
# in its own process group, out of reach of the terminal).
timeout -k 5 $((limit + 60)) "${qemu[@]}" </dev/null &
pid=$!
stopped=0
trap 'stopped=1; kill -TERM $pid 2>/dev/null' INT TERM
while :; do
	rc=0
	wait $pid || rc=$?
	kill -0 $pid 2>/dev/null || break
done
trap - INT TERM
if [ $stopped = 1 ]; then
	echo "vm: $rel: interrupted, results so far in $dir" >&2
	exit 130
fi

show_console() {	# from the first sign of trouble, else the end
	local first
	first=$(grep -nE 'Kernel panic|Oops|BUG:|WARNING:|general protection|INFO: task|rcu: INFO' \
		"$dir/console.log" | head -1 | cut -d: -f1 || true)
	echo "vm: kernel console ($dir/console.log):" >&2
	if [ -n "$first" ]; then
		sed -n "$first,$((first + 59))p" "$dir/console.log" >&2
	else
		tail -n 40 "$dir/console.log" >&2
	fi
}
if [ ! -f "$dir/status" ]; then
	if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		echo "vm: $rel: guest hung: no result after $((limit + 60))s, killed" >&2
		show_console
		exit 124
	fi
	echo "vm: $rel: guest crashed or never ran the command (qemu exit $rc)" >&2
	show_console
	exit 125
fi
status=$(cat "$dir/status")
if [ "$status" = 124 ]; then
	echo "vm: $rel: command timed out after ${limit}s; dmesg: $dir/dmesg" >&2
	exit 124
fi

if "$top/scripts/vm/find-splats.sh" "$dir/dmesg" >"$dir/splats"; then
	echo "vm: $rel: kernel splat in the guest's dmesg ($dir/dmesg):" >&2
	sed 's/^/vm:   /' "$dir/splats" >&2
	[ "$status" = 0 ] || echo "vm: $rel: the command also failed (exit $status)" >&2
	exit 3
fi
rm -f "$dir/splats"
[ "$status" = 0 ] || echo "vm: $rel: command exit status $status; dmesg: $dir/dmesg" >&2
exit "$status"
