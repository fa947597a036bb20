#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Print the lines of a kernel log (file, or stdin) that report a kernel
# problem: oopses, BUG/WARNING splats, RCU stalls, lockups, hung tasks,
# KASAN/UBSAN/kmemleak reports, GPFs, call traces, panics, slab
# corruption and debug-object reports, a device whose last reference is
# never put (unregister_netdevice waiting, a leaked tracked reference).
# Exit 0 if any was found, 1 if the log is clean (like grep).
#
# usage: scripts/vm/find-splats.sh [DMESG_FILE]
set -euo pipefail

re='Oops|BUG:|WARNING:|RCU stall|rcu_sched self-detected stall|rcu: INFO'
re+='|KASAN:|UBSAN:|kmemleak:.*suspected memory leak|unreferenced object 0x'
re+='|general protection fault|Call Trace|blocked for more than|hard LOCKUP'
re+='|Kernel panic|unregister_netdevice: waiting for|ref_tracker: .*users at'
re+='|\] BUG [^ ]+ \(|ODEBUG:'
grep -E -- "$re" "${1:--}"
