#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The switch as a link and its ports.
#
#   +-- ns vm1 --+    +----------------- ns sw ---------------+
#   |  eth0      |----| v1 --\                                 |
#   +------------+    |       hnv0   hnv1                      |
#   +-- ns vm2 --+    |      /                                 |
#   |  eth0      |----| v2 -/   (v3, lo, ipip0, mv0 on v3 ...) |
#   +------------+    +----------------------------------------+
#
# Creating and deleting switches with ip-link (module autoload included),
# attaching and detaching ports, what may not be a port, every way a port
# leaves (nomaster, device deleted, moved to another netns, switch deleted,
# netns deleted, module unloaded), and the counters of a port that is not
# yet bound to a virtual subnet.

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3

ktap_begin

# Ports' master as ip-link reports it, or "none".
master_of() {
	local m
	m=$(nip sw -o link show dev "$1" | sed -n 's/.* master \([^ ]*\) .*/\1/p')
	echo "${m:-none}"
}

# A number from hnvctl's JSON: json_get 'EXPR' hnvctl-args...
# EXPR is Python over the parsed document "d".
json_get() {
	local expr=$1
	shift
	n sw hnvctl -j "$@" | python3 -c "import json,sys; d=json.load(sys.stdin); print($expr)"
}

module_unload
netns_new sw
netns_new vm1
netns_new vm2

ok_test "module autoloads on 'ip link add type hnv'" nip sw link add hnv0 type hnv
ok_test "module is loaded" test -d /sys/module/hnv
# The tested module is built with HNV_SELFTEST=1 (scripts/build-module.sh).
expect_match "its load-time self-tests passed" 'hnv: selftests passed' \
	"$(dmesg | grep 'hnv: selftest' | tail -1)"
expect_match "ip -d link show reports kind hnv" '^ +hnv ' \
	"$(nip sw -d link show dev hnv0)"
ok_test "a second switch in the same namespace" nip sw link add hnv1 type hnv
ok_test "a switch in another namespace may reuse the name" \
	nip vm1 link add hnv0 type hnv
expect_eq "hnvctl sees the switches of its own namespace only" "hnv0 hnv1" \
	"$(json_get '" ".join(s["ifname"] for s in d)' switch show)"
fail_test "a switch rejects a multicast MAC" \
	nip sw link add hnv2 address 01:00:5e:00:00:01 type hnv
ok_test "delete the namespace's extra switch" nip vm1 link del hnv0

for i in 1 2; do
	# No IPv6 chatter in the VMs: the counters below are exact.
	n vm$i sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
	nip sw link add v$i type veth peer name eth0 netns "$(netns_name vm$i)"
	nip sw link set v$i up
	nip vm$i link set eth0 up
done
nip sw link add v3 type veth peer name v3p
nip sw link set hnv0 up

ok_test "attach v1" nip sw link set v1 master hnv0
ok_test "attach v2" nip sw link set v2 master hnv0
expect_eq "ip-link shows the master" "hnv0" "$(master_of v1)"
expect_eq "the switch counts its ports" "2" \
	"$(json_get 'd[0]["ports"]' switch show dev hnv0)"
expect_eq "port show lists the ports" "v1 v2" \
	"$(json_get '" ".join(p["ifname"] for p in d)' port show switch hnv0)"
expect_eq "port show names the switch" "hnv0" \
	"$(json_get 'd[0]["switch"]' port show dev v1)"

# What may not be a port.
out=$(nip sw link set lo master hnv0 2>&1)
expect_match "loopback is refused with a reason" "loopback device cannot be a port" "$out"
out=$(nip sw link set hnv1 master hnv0 2>&1)
expect_match "a switch is refused as a port" "switch cannot be a port" "$out"
nip sw link add ipip0 type ipip local 10.255.0.1 remote 10.255.0.2
out=$(nip sw link set ipip0 master hnv0 2>&1)
expect_match "a non-Ethernet device is refused" "must be an Ethernet device" "$out"
nip sw link add mv0 link v3 type macvlan
out=$(nip sw link set v3 master hnv0 2>&1)
expect_match "a device with another rx handler is refused" "already has an rx handler" "$out"
nip sw link del mv0
expect_eq "refused devices did not become ports" "2" \
	"$(json_get 'd[0]["ports"]' switch show dev hnv0)"

# Frames from a port that is not bound to a virtual subnet are dropped and
# counted, per port and in the switch's sum.
ok_test "send 5 frames from vm1" n vm1 python3 -c '
import socket
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("eth0", 0))
frame = b"\xff" * 6 + bytes.fromhex("020000000001") + b"\x88\xb5" + bytes(46)
for _ in range(5):
    s.send(frame)
'
drops=$(json_get 'd[0]["stats"]["drops"].get("port-unbound", 0)' port show dev v1)
expect_eq "frames from an unbound port are counted as port-unbound drops" "5" "$drops"
expect_eq "and as received" "5" \
	"$(json_get 'd[0]["stats"]["rx_packets"]' port show dev v1)"
expect_eq "with their bytes (5 x 60)" "300" \
	"$(json_get 'd[0]["stats"]["rx_bytes"]' port show dev v1)"
expect_eq "the switch sums its ports' drops" "$drops" \
	"$(json_get 'd[0]["stats"]["drops"].get("port-unbound", 0)' switch show dev hnv0)"
expect_eq "nothing was delivered to the other port" "0" \
	"$(json_get 'd[0]["stats"]["tx_packets"]' port show dev v2)"

# The switch device itself carries no traffic.
nip sw addr add 10.0.9.1/24 dev hnv0
n sw ping -c 2 -W 1 10.0.9.2 >/dev/null 2>&1
expect_match "frames sent on the switch device are counted as tx_dropped" \
	'^[1-9]' "$(nip sw -s -j link show dev hnv0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["stats64"]["tx"]["dropped"])')"

# Every way a port leaves.
ok_test "nomaster detaches" nip sw link set v2 nomaster
expect_eq "detached port has no master" "none" "$(master_of v2)"
ok_test "nomaster on a detached device is harmless" nip sw link set v2 nomaster
ok_test "re-attach after detach" nip sw link set v2 master hnv0
ok_test "delete an attached port device" nip sw link del v2
expect_eq "the deleted port is gone from the switch" "1" \
	"$(json_get 'd[0]["ports"]' switch show dev hnv0)"
nip sw link add v4 type veth peer name v4p
nip sw link set v4 master hnv0
ok_test "move an attached port to another namespace" nip sw link set v4 netns "$(netns_name vm2)"
expect_eq "the moved port left the switch" "1" \
	"$(json_get 'd[0]["ports"]' switch show dev hnv0)"
expect_eq "the moved device has no master there" "" \
	"$(nip vm2 -o link show dev v4 | grep -o 'master [^ ]*')"
ok_test "delete a switch that has ports" nip sw link del hnv0
expect_eq "its port survives without a master" "none" "$(master_of v1)"
ok_test "the port can join another switch" nip sw link set v1 master hnv1

# Namespace deletion with a switch and ports in it.
netns_new gone
nip gone link add hnv0 type hnv
nip gone link add p1 type veth peer name p2
nip gone link set p1 master hnv0
nip gone link set p2 master hnv0
ok_test "delete a namespace holding a switch and its ports" netns_del gone

# Unload with switches and ports present.
nip sw link add v5 type veth peer name v5p
nip sw link set v5 master hnv1
ok_test "module unloads with a switch and ports present" module_unload
expect_eq "its ports are left without a master" "none none" \
	"$(master_of v1) $(master_of v5)"
expect_eq "and the switches are gone" "" "$(nip sw -o link show type hnv)"

ktap_end
