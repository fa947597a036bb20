#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The unified flow table's bounds: per-port and per-switch limits hold
# under a flood of distinct flows (packets beyond them still forwarded,
# uncached, and counted), idle flows age out, settings are validated.
#
#   c1 (10.1.1.1) --pc1-- hnv0 (ns sw) --pc2-- c2 (10.1.1.2), VSID 5001

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3

sw_get() { # EXPR: from hnvctl -j switch show dev hnv0 ("s" is the switch)
	n sw hnvctl -j switch show dev hnv0 |
		python3 -c "import json,sys; s=json.load(sys.stdin)[0]; print($1)"
}
port_get() { # PORT EXPR ("p" is the port)
	n sw hnvctl -j port show dev "$1" |
		python3 -c "import json,sys; p=json.load(sys.stdin)[0]; print($2)"
}
# flood FIRST COUNT: COUNT UDP frames c1 -> c2, source ports FIRST.. (each
# a distinct flow)
flood() {
	n c1 python3 -c '
import socket, struct, sys
first, count = int(sys.argv[1]), int(sys.argv[2])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("eth0", 0))
eth = bytes.fromhex("020000005002" "020000005001") + b"\x08\x00"
for sport in range(first, first + count):
    udp = struct.pack("!HHHH", sport, 9, 8 + 18, 0) + bytes(18)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17,
                     0, bytes([10, 1, 1, 1]), bytes([10, 1, 1, 2]))
    s.send(eth + ip + udp)
' "$1" "$2"
}

ktap_begin

netns_new sw
nip sw link add hnv0 type hnv
vm_new c1 sw 02:00:00:00:50:01 10.1.1.1/24
vm_new c2 sw 02:00:00:00:50:02 10.1.1.2/24
n sw hnvctl subnet add vsid 5001 rdid 1 switch hnv0
n sw hnvctl port set dev pc1 vsid 5001 mac 02:00:00:00:50:01
n sw hnvctl port set dev pc2 vsid 5001 mac 02:00:00:00:50:02

expect_eq "defaults: 262144 flows per switch, 16384 per port, 30 s idle" \
	"262144 16384 30000" "$(sw_get 's["uft_max"], s["uft_port_max"], s["uft_idle_ms"]' | tr -d '(),')"
out=$(n sw hnvctl switch set dev hnv0 uft-idle-ms 50 2>&1)
expect_match "an idle timeout below 100 ms is refused" 'out of range|must be' "$out"
out=$(n sw hnvctl switch set dev hnv0 uft-port-max 0 2>&1)
expect_match "a zero limit is refused" 'out of range|must be' "$out"
ok_test "set limits: 100 flows per port, 1000 per switch, 60 s idle" \
	n sw hnvctl switch set dev hnv0 uft-port-max 100 uft-max 1000 uft-idle-ms 60000
expect_eq "switch show reports them" "1000 100 60000" \
	"$(sw_get 's["uft_max"], s["uft_port_max"], s["uft_idle_ms"]' | tr -d '(),')"

tx0=$(port_get pc2 'p["stats"]["tx_packets"]')
ok_test "flood 300 distinct flows from c1" flood 10000 300
port_flows() { # PORT: its cached flows
	n sw hnvctl -j flow show switch hnv0 dev "$1" |
		python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'
}
expect_eq "the port's limit holds" "100" "$(port_flows pc1)"
expect_eq "every flow beyond it is counted as uncached" "200" \
	"$(port_get pc1 'p["stats"]["flows_uncached"]')"
expect_eq "uncached flows are still forwarded (300 reached c2)" "$((tx0 + 300))" \
	"$(port_get pc2 'p["stats"]["tx_packets"]')"
ok_test "shorten the idle timeout to 600 ms" n sw hnvctl switch set dev hnv0 uft-idle-ms 600
wait_for "idle flows age out" 10 sh -c "[ \"\$(ip netns exec $(netns_name sw) hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0][\"flows\"])')\" = 0 ]"
aged=$(port_get pc1 'p["stats"]["flows_aged"]')
ok_test "and are counted as aged ($aged)" test "$aged" -ge 100

ok_test "set a switch-wide limit below the port's" \
	n sw hnvctl switch set dev hnv0 uft-port-max 1000 uft-max 50 uft-idle-ms 60000
ok_test "flood 300 more" flood 20000 300
expect_eq "the switch's limit holds" "50" "$(sw_get 's["flows"]')"
expect_eq "all 50 of them c1's" "50" "$(port_flows pc1)"
# Memory: a cached flow costs a few hundred bytes of slab, not kilobytes.
slab_kb() { awk '/^Slab:/ {print $2}' /proc/meminfo; }
n sw hnvctl switch set dev hnv0 uft-port-max 10000 uft-max 10000
n sw hnvctl flow flush switch hnv0
sync; sleep 1
s0=$(slab_kb)
flood 30000 4000
s1=$(slab_kb)
nflows=$(sw_get 's["flows"]')
per=$(( (s1 - s0) * 1024 / (nflows > 0 ? nflows : 1) ))
echo "# $nflows flows cached, slab grew by $((s1 - s0)) kB: $per bytes per flow"
if debug_kernel; then
	skip_test "4000 flows cached, under 1 KiB of slab each ($per bytes)" \
		"slab figures mean nothing under KASAN"
else
	ok_test "4000 flows cached, under 1 KiB of slab each ($per bytes)" \
		test "$nflows" -ge 3900 -a "$per" -lt 1024
fi
ok_test "a flush empties the tables" n sw hnvctl flow flush switch hnv0
expect_eq "no flow left" "0" "$(sw_get 's["flows"]')"
ok_test "module unloads with cached flows and the aging worker" module_unload

ktap_end
