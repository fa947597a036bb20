#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Lifecycle under traffic: the module unloaded and reloaded
# HNV_LIFECYCLE_CYCLES (100; 50 on the debug kernel) times while a VM
# keeps sending to another through the switch, and a port, the switch, a
# VM's namespace and the switch's namespace deleted in every order while
# traffic flows.  Each time the module must go (its refcount back to
# zero) and come back working; the debug kernel's kmemleak, netdev
# reference tracker and lockdep watch the teardown paths
# (scripts/debug/guest-suite.sh).
#
#   c1 (10.1.1.1) --pc1-- hnv0 (ns sw) --pc2-- c2 (10.1.1.2), VSID 5001
#   c2 sends UDP to c1 from ever new source ports (new flows) and pings it.

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3 ping modprobe modinfo

# On the debug kernel a cycle takes about 3 s and each teardown order a
# minute; 50 cycles keep the script well inside its timeout there.
cycles=${HNV_LIFECYCLE_CYCLES:-100}
debug_kernel && cycles=${HNV_LIFECYCLE_CYCLES:-50}
mac1=02:00:00:00:50:01
mac2=02:00:00:00:50:02

# The test module runs its load-time self-tests on every load; once is
# enough (the first load of this script, by module_load below).
reload() {
	modprobe hnv selftest=0
}

# The namespaces c1, c2 and sw, deleted at the end whatever happened
# (run.sh would too).
all_ns="$(netns_name c1) $(netns_name c2) $(netns_name sw)"
ns_del_all() {
	# shellcheck disable=SC2086 # one name a word
	printf 'netns del %s\n' $all_ns | ip -force -batch - >/dev/null 2>&1
}
on_exit ns_del_all

# vm_side NAME MAC CIDR PEER PEERMAC: NAME's eth0 (MAC, CIDR) up, with
# no IPv6 address (no chatter) and PEER statically resolved (the test is
# not about ARP).
vm_side() {
	printf '%s\n' "link set lo up" "link set eth0 address $2" \
		"link set eth0 addrgenmode none" "addr add $3 dev eth0" \
		"link set eth0 up" \
		"neigh replace $4 lladdr $5 dev eth0 nud permanent" |
		nip "$1" -batch -
}

# vms: sw with c1 and c2 plugged in as pc1 and pc2 (not yet into a
# switch).  Four processes: under TCG, and on the debug kernel most of
# all, a process costs far more than what it does, and this runs before
# each of the 16 teardown orders.
vms() {
	# shellcheck disable=SC2086 # one name a word
	printf 'netns add %s\n' $all_ns | ip -batch - &&
	printf '%s\n' "link set lo up" \
		"link add pc1 type veth peer name eth0 netns $(netns_name c1)" \
		"link add pc2 type veth peer name eth0 netns $(netns_name c2)" \
		"link set pc1 up" "link set pc2 up" | nip sw -batch - &&
	vm_side c1 $mac1 10.1.1.1/24 10.1.1.2 $mac2 &&
	vm_side c2 $mac2 10.1.1.2/24 10.1.1.1 $mac1
}

# switch_up: hnv0 in sw with both ports in VSID 5001 (two processes).
switch_up() {
	printf '%s\n' "link add hnv0 type hnv" "link set hnv0 up" \
		"link set pc1 master hnv0" "link set pc2 master hnv0" |
		nip sw -batch - &&
	printf '%s\n' "subnet add vsid 5001 rdid 1 switch hnv0" \
		"port set dev pc1 vsid 5001 mac $mac1" \
		"port set dev pc2 vsid 5001 mac $mac2" | n sw hnvctl -batch -
}

# traffic_start: c2 sends UDP to c1 from a new source port every 2 ms (a
# new flow each) and pings it every 20 ms, until killed.  Modest rates: on
# the debug kernel under TCG a packet costs about a millisecond, and a
# flood would starve the script itself.  The sender is
# c2 so that c1's namespace, with no process in it, really goes when it
# is deleted.
traffic_start() {
	udp_flows c2 10.1.1.1 0.002
	traffic_pids=($!)
	nbg c2 ping -q -i 0.02 10.1.1.1 >/dev/null 2>&1
	traffic_pids+=($!)
}

traffic_stop() {
	kill "${traffic_pids[@]}" 2>/dev/null
	wait "${traffic_pids[@]}" 2>/dev/null
	traffic_pids=()
}
traffic_pids=()
on_exit traffic_stop

# flowing: c1 receives more than 20 packets within 10 s (one process:
# each costs a few hundred milliseconds under TCG).
flowing() {
	n c1 bash -c 'f=/sys/class/net/eth0/statistics/rx_packets
		read -r a <$f
		for _ in {1..50}; do
			read -r b <$f
			[ "$b" -gt $((a + 20)) ] && exit 0
			sleep 0.2
		done
		exit 1'
}

# no_hnv_devices: no device of type hnv left in any namespace.
no_hnv_devices() {
	local ns out
	for ns in "" $(ip netns list | cut -d' ' -f1); do
		out=$(ip ${ns:+-n "$ns"} -br link show type hnv 2>/dev/null)
		[ -z "$out" ] || { echo "${ns:-init}: $out"; return 1; }
	done
}

ktap_begin

ok_test "load hnv (with its load-time self-tests)" module_load

# --- 1. teardown in every order under traffic ------------------------
# First: on the debug kernel, after many module loads, every process and
# namespace operation is slower (the orders took twice as long after the
# cycles as before them).
# The objects: the VM namespace c1 (its veth pair, hence port pc1, goes
# with it), port pc2, the switch hnv0, the switch's namespace sw.
# Deleting sw deletes whatever is left in it, so an order is the objects
# deleted before sw: every ordered selection from {c1, pc2, hnv0}.
del_one() {
	case $1 in
	c1|sw) ip netns del "$(netns_name "$1")" ;;
	pc2) nip sw link del pc2 ;;
	hnv0) nip sw link del hnv0 ;;
	esac
}

orders=("sw" "c1 sw" "pc2 sw" "hnv0 sw"
	"c1 pc2 sw" "c1 hnv0 sw" "pc2 c1 sw" "pc2 hnv0 sw" "hnv0 c1 sw" "hnv0 pc2 sw"
	"c1 pc2 hnv0 sw" "c1 hnv0 pc2 sw" "pc2 c1 hnv0 sw" "pc2 hnv0 c1 sw"
	"hnv0 c1 pc2 sw" "hnv0 pc2 c1 sw")

# lap NAME: the time since the last lap, added to $laps as "NAME S.SS".
lap() {
	local now=${EPOCHREALTIME/[.,]/}
	laps+=" $1 $(printf '%d.%02d' $(((now - t_lap) / 1000000)) \
		$(((now - t_lap) / 10000 % 100)))"
	t_lap=$now
}

t_orders=$SECONDS
for o in "${orders[@]}"; do
	ok=1 why='' laps='' t_lap=${EPOCHREALTIME/[.,]/}
	if ! { vms && switch_up; } >"$_LIB_OUT.c" 2>&1; then
		ok=0 why="setup: $(cat "$_LIB_OUT.c")"
	fi
	lap setup
	if [ $ok = 1 ]; then
		traffic_start
		flowing || { ok=0 why="no traffic before the teardown"; }
		lap traffic
		for x in $o; do
			if ! del_one "$x" >"$_LIB_OUT.c" 2>&1; then
				ok=0 why="deleting $x: $(cat "$_LIB_OUT.c")"
				break
			fi
		done
		traffic_stop
		lap delete
	fi
	# c2, and whatever the order left behind (after a failure), goes now.
	ns_del_all
	if [ $ok = 1 ] && ! poll_until 10 no_hnv_devices >"$_LIB_OUT.c" 2>&1; then
		ok=0 why="left behind: $(cat "$_LIB_OUT.c")"
	fi
	lap cleanup
	rm -f "$_LIB_OUT.c"
	echo "# ${o// / then }: seconds of$laps"
	expect_eq "delete under traffic: ${o// / then }" "" "$why"
done
echo "# ${#orders[@]} teardown orders in $((SECONDS - t_orders)) s"
ok_test "the module unloads after every teardown order" module_unload

# --- 2. unload and reload under traffic -------------------------------
ok_test "load it again" reload
ok_test "two VMs" vms
ok_test "the switch and its ports" switch_up
traffic_start
wait_for "traffic flows c1 -> c2" 15 flowing

# The cycles run in one process (lifecycle_cycles.py): under TCG a
# process costs a few hundred milliseconds, rmmod, modprobe, ip and
# hnvctl made a cycle seconds.
ko=$(modinfo -n hnv)
out=$(n sw python3 "$here/lifecycle_cycles.py" "$ko" "selftest=0" "$cycles" 10 2>&1)
rc=$?
grep '^# ' <<<"$out"
err=$(grep -v '^# ' <<<"$out")
expect_eq "$cycles unload/reload cycles under traffic, each one clean" \
	"0" "$rc${err:+ ($err)}"
traffic_stop
ok_test "the module unloads at the end" module_unload
ok_test "no hnv device left anywhere" no_hnv_devices
ns_del_all

ktap_end
