#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of the test VM, started by the initramfs /init after switch_root
# onto the host's (read-only) root.  Finishes the environment, runs the
# host's job and powers off.  The contract with scripts/vm/run.sh, through
# the writable share mounted on /run/hnv/out:
#   in:  job       bash script with the command (written by the host)
#        timeout   seconds the command may run
#   out: status    the command's exit code (124: timed out in the guest)
#        boot-time guest uptime when the command started
#        dmesg     the guest's whole kernel log, taken after the command
# The command's stdout and stderr go to the second serial port (ttyS1),
# which the host streams; the kernel console is ttyS0.
#
# Never waits on anything unbounded: the command runs under timeout(1),
# and if this script dies the kernel panics, which ends qemu too.
set -u
out=/run/hnv/out
repo=/
[[ " $(</proc/cmdline) " =~ \ hnv_repo=([^ ]*)\  ]] && repo=${BASH_REMATCH[1]}
rel=$(</proc/sys/kernel/osrelease)
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root LANG=C.UTF-8 TERM=dumb

# devtmpfs has none of these, bash process substitution needs /dev/fd.
ln -sfn /proc/self/fd /dev/fd
ln -sfn /proc/self/fd/0 /dev/stdin
ln -sfn /proc/self/fd/1 /dev/stdout
ln -sfn /proc/self/fd/2 /dev/stderr
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
echo hnv-vm >/proc/sys/kernel/hostname
ip link set lo up
echo 60 >/proc/sys/kernel/hung_task_timeout_secs 2>/dev/null

# modprobe (the tests' and the kernel's own request_module) looks in the
# staging tree of scripts/vm/stage-modules.sh: hnv.ko in extra/, the
# kernel's own modules symlinked.
modroot=$repo/build/$rel/modroot
mkdir -p /run/hnv-bin
if [ -f "$modroot/lib/modules/$rel/modules.dep.bin" ]; then
	printf '#!/bin/sh\nexec /sbin/modprobe -d %s "$@"\n' "$modroot" \
		>/run/hnv-bin/modprobe
	printf '#!/bin/sh\nexec /sbin/modinfo -b %s "$@"\n' "$modroot" \
		>/run/hnv-bin/modinfo
	chmod 755 /run/hnv-bin/modprobe /run/hnv-bin/modinfo
	echo /run/hnv-bin/modprobe >/proc/sys/kernel/modprobe
fi
export PATH=$repo/tools/hnvctl:/run/hnv-bin:$PATH

tty=/dev/ttyS1
[ -c $tty ] || tty=/dev/console
stty -F $tty raw -echo 2>/dev/null

# TCG (qemu's software CPU) has been seen to execute the int3 of a
# static key's text patch after the patch was done: "Oops: int3" in
# netif_rx_internal, in ping, whose SO_TIMESTAMP had just turned
# netstamp_needed_key on (each ping turns it on, its end off again: ~50
# patches in neigh.sh and overlay.sh alone).  A socket that keeps
# timestamps wanted for the guest's life leaves that key on, so no test
# patches the kernel's text for it.  It costs every received packet a
# timestamp, in every system a benchmark compares alike.
python3 -c 'import socket, signal
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, 29, 1)	# SO_TIMESTAMP: Python has no name
signal.pause()' </dev/null >/dev/null 2>$tty &

limit=$(<"$out/timeout") || limit=600
read -r up _ </proc/uptime
echo "$up" >"$out/boot-time"	# seconds from kernel start to the command
SECONDS=0
timeout -k 10 "$limit" /bin/bash "$out/job" </dev/null >$tty 2>&1
rc=$?
# 124: timeout's TERM worked; 137 after the limit: it needed KILL.
if [ $rc = 124 ] || { [ $rc = 137 ] && [ $SECONDS -ge "$limit" ]; }; then
	echo "hnv-vm: command timed out after ${limit}s" >$tty
	echo w >/proc/sysrq-trigger	# blocked tasks, into dmesg
	rc=124
fi

dmesg >"$out/dmesg.tmp" && mv "$out/dmesg.tmp" "$out/dmesg"
echo $rc >"$out/status.tmp" && mv "$out/status.tmp" "$out/status"
sync
stty -F $tty raw -echo 2>/dev/null	# TCSADRAIN: flush the output first
# Power off; a kernel without ACPI (the debug kernel) cannot, so it
# reboots, which qemu's -no-reboot turns into an exit.
if [ -d /sys/firmware/acpi ]; then
	echo o >/proc/sysrq-trigger
else
	echo b >/proc/sysrq-trigger
fi
sleep 30
