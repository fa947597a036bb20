#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The guest side of "make bench" (bench/run.sh boots the VM): builds the
# same two-host overlay three ways side by side, each in its own network
# namespaces, and measures them in alternating rounds (hnv, bridge, ovs,
# hnv, bridge, ovs, ...), printing one line per measurement:
#
#   BENCH round=R sys=SYSTEM metric=METRIC value=V
#
#   SYSTEM  hnv     hnv.ko: a switch per host, VXLAN, CA->PA mappings
#           bridge  Linux bridge + vxlan, static FDB and neighbour entries,
#                   ARP suppression on
#           ovs     the Open vSwitch kernel datapath: ovsdb-server and
#                   ovs-vswitchd per host, a VXLAN tunnel port, NORMAL
#           ovsct   the same with a stateful firewall: IP through the
#                   kernel's conntrack (ct()), new connections committed,
#                   established ones forwarded (OVS with per-connection
#                   policy, as OpenStack's OVS firewall driver runs it)
#           hnvpol  hnv with policy: the VMs in two subnets (routed by the
#                   distributed router) and 1,000 ACL rules on each VM's
#                   port (out on vm1's, in on vm2's) that the traffic
#                   does not match, so that each new flow is classified
#                   against all of them
#           polN    the same with N rules per port (pol1, pol100,
#                   pol10000: the policy-scale systems, measured for the
#                   packet-rate metrics only)
#   METRIC  udp_pps     64-byte UDP, one flow, VM -> VM across the hosts:
#                       packets per second delivered to the receiving VM
#           newflow_pps the same with a random source port per packet:
#                       every packet a new 5-tuple (OVS: megaflows off, so
#                       that each one is an upcall, as each is a new flow
#                       in hnv's flow table)
#           tcp_cps     TCP connections per second, one at a time, each
#                       a new 5-tuple: connect, a 1-byte request and
#                       response, close (bench/tcp_crr.c, netperf's
#                       TCP_CRR; OVS with megaflows off as for newflow_pps)
#           tcp_mbps    one TCP stream (iperf3), Mbit/s
#           rtt_p50_us, rtt_p99_us  ping round trips, microseconds
#           scale       once, not per round (bench/mem.sh): time and kernel
#                       memory per CA->PA mapping (hnv vs a Linux vxlan FDB
#                       entry plus a neighbour entry), memory per cached flow
#           cls         once, at the end, for no SYSTEM: the classifier
#                       benchmark (bench/cls_bench.c), whose lines are
#   CLS KIND rules=N ...
#
# Topology, for each SYSTEM (namespaces SYSTEM-h1, -h2, -vm1, -vm2):
#
#   vm1 10.1.1.1 -- h1 [switch] PA 192.168.1.1 ==== 192.168.1.2 PA [switch] h2 -- vm2 10.1.1.2
#
# (hnvpol, polN: vm1 10.1.1.11 in 10.1.1.0/24, vm2 10.1.2.12 in 10.1.2.0/24.)
#
# The VMs' MTU is 1450 everywhere (OVS's tunnel device would allow 65000).
# Packets come from the kernel's pktgen in vm1, reniced so that each one
# runs to completion through the whole path (see Documentation/performance.rst).
#
# With BENCH_PROFILE (a list of metrics: udp_pps, newflow_pps, tcp_cps,
# tcp_mbps), the first round of each of those also samples every CPU with
# perf (cpu-clock: TCG has no PMU) during its window, and writes the
# report, by symbol with call chains, to profile-SYSTEM-METRIC.txt in the
# VM's results share (bench/run.sh keeps it in build/bench/RELEASE.vm/).
#
# usage (in the VM): bench/guest.sh   environment: BENCH_ROUNDS (5),
#   BENCH_SECONDS (3) per rate measurement, BENCH_SYSTEMS,
#   BENCH_METRICS, BENCH_PROFILE
set -u

# It creates namespaces and loads modules: never on a real host.
if [ "$(cat /proc/sys/kernel/hostname)" != hnv-vm ] || [ ! -d /run/hnv/out ]; then
	echo "bench: guest.sh runs only inside the test VM (make bench)" >&2
	exit 1
fi

here=$(dirname "$(readlink -f "$0")")
top=$(cd "$here/.." && pwd)
export PATH="$top/tools/hnvctl:$PATH"
rounds=${BENCH_ROUNDS:-5}
secs=${BENCH_SECONDS:-3}
read -ra systems <<<"${BENCH_SYSTEMS:-hnv hnvpol bridge ovs ovsct pol1 pol100 pol10000}"
read -ra metrics <<<"${BENCH_METRICS:-udp_pps newflow_pps tcp_cps tcp_mbps rtt scale cls}"
mac1=02:00:00:00:01:01
mac2=02:00:00:00:01:02
acl_rules=${BENCH_ACL_RULES:-1000}
read -ra profile <<<"${BENCH_PROFILE:-}"
out=/run/hnv/out
# bench/run.sh compiles it on the host, where the VM's root comes from
crr=$top/build/bench/tcp_crr

listed() {	# WORD LIST...: is WORD one of LIST?
	[[ " ${*:2} " == *" $1 "* ]]
}

routed() {	# SYSTEM: are its VMs in two routed subnets?
	[ "$1" = hnvpol ] || [[ $1 = pol* ]]
}

# vm_ip SYSTEM I: VM I's address
vm_ip() {
	if routed "$1"; then
		echo "10.1.$2.1$2"
	else
		echo "10.1.1.$2"
	fi
}

# shellcheck source=bench/mem.sh
. "$here/mem.sh"

die() {
	echo "bench: $*" >&2
	exit 1
}

n() {	# SYSTEM-NS CMD...
	local ns=$1
	shift
	ip netns exec "$ns" "$@"
}

# topo SYSTEM: the namespaces, the underlay and the VMs, no switch yet.
topo() {
	local s=$1 i
	for i in h1 h2 vm1 vm2; do
		ip netns add "$s-$i" || return 1
		ip -n "$s-$i" link set lo up
		n "$s-$i" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
			net.ipv6.conf.default.disable_ipv6=1
	done
	ip -n "$s-h1" link add u1 type veth peer name u2 netns "$s-h2" || return 1
	for i in 1 2; do
		ip -n "$s-h$i" addr add "192.168.1.$i/24" dev "u$i"
		ip -n "$s-h$i" link set "u$i" up
		ip -n "$s-h$i" link add "pvm$i" mtu 1450 type veth peer name eth0 \
			mtu 1450 netns "$s-vm$i" || return 1
		ip -n "$s-vm$i" link set eth0 address "$(eval echo "\$mac$i")"
		ip -n "$s-vm$i" addr add "$(vm_ip "$s" $i)/24" dev eth0
		ip -n "$s-vm$i" link set eth0 up
		routed "$s" &&
			ip -n "$s-vm$i" route add default via "10.1.$i.1"
	done
	return 0
}

setup_hnv() {
	setup_vnet hnv 0
}

# acl_batch PORT DIR COUNT: COUNT rules toward 172.16.0.0/12, which the
# benchmark's traffic never matches, in hnvctl -batch form.
acl_batch() {
	python3 - "$1" "$2" "$3" <<'PY'
import random, sys
port, d, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rnd = random.Random(1)
for prio in rnd.sample(range(1, 60000), n):
    w = ["acl", "add", "dev", port, "dir", d, "prio", str(prio),
         rnd.choice(["allow", "deny"]), "proto", rnd.choice(["tcp", "udp"]),
         "dst", "172.%d.%d.0/%d" % (16 + rnd.randrange(16), rnd.randrange(256),
                                     rnd.choice([24, 28, 32]))]
    if rnd.random() < 0.5:
        w += ["src", "10.%d.0.0/16" % rnd.randrange(256)]
    lo = rnd.randrange(1, 60000)
    w += ["dport", str(lo) if rnd.random() < 0.7 else "%d-%d" % (lo, lo + rnd.randrange(1000))]
    print(" ".join(w))
PY
}

# setup_vnet SYSTEM RULES: hnv on both hosts; the VMs in one subnet, or,
# for a routed SYSTEM, in two subnets of one virtual network with RULES
# ACL rules on each VM's port.
setup_vnet() {
	local s=$1 rules=$2 i j b vsid=(5001 5001 5001) ca=()
	modprobe hnv || return 1
	routed "$s" && vsid=(0 5001 5002)
	for i in 1 2; do
		j=$((3 - i))
		ip -n "$s-h$i" link add hnv0 type hnv || return 1
		ip -n "$s-h$i" link set hnv0 up
		if routed "$s"; then
			n "$s-h$i" hnvctl subnet add vsid 5001 rdid 1 \
				prefix 10.1.1.0/24 switch hnv0 &&
			n "$s-h$i" hnvctl subnet add vsid 5002 rdid 1 \
				prefix 10.1.2.0/24 switch hnv0
		else
			n "$s-h$i" hnvctl subnet add vsid 5001 rdid 1 switch hnv0
		fi &&
		ip -n "$s-h$i" link set "pvm$i" master hnv0 &&
		ip -n "$s-h$i" link set "pvm$i" up &&
		# Routed VMs need their customer address on the port.
		{ routed "$s" && ca=(ca "$(vm_ip "$s" $i)") || ca=(); } &&
		n "$s-h$i" hnvctl port set dev "pvm$i" vsid "${vsid[i]}" \
			mac "$(eval echo "\$mac$i")" "${ca[@]}" &&
		n "$s-h$i" hnvctl switch set dev hnv0 pa "192.168.1.$i" &&
		n "$s-h$i" hnvctl map add vsid "${vsid[j]}" mac "$(eval echo "\$mac$j")" \
			ca "$(vm_ip "$s" $j)" pa "192.168.1.$j" switch hnv0 || return 1
		[ "$rules" -gt 0 ] || continue
		b=/tmp/acl-$i.batch
		if [ $i = 1 ]; then
			acl_batch pvm1 out "$rules"
		else
			acl_batch pvm2 in "$rules"
		fi >"$b"
		n "$s-h$i" hnvctl -batch "$b" || return 1
	done
}

setup_hnvpol() {
	setup_vnet hnvpol "$acl_rules"
}

setup_pol() {	# SYSTEM: polN
	setup_vnet "$1" "${1#pol}"
}

setup_bridge() {
	local s=bridge i j
	for i in 1 2; do
		j=$((3 - i))
		ip -n "$s-h$i" link add br0 type bridge || return 1
		ip -n "$s-h$i" link add vx0 type vxlan id 5001 local "192.168.1.$i" \
			dstport 4789 nolearning || return 1
		ip -n "$s-h$i" link set vx0 master br0
		ip -n "$s-h$i" link set "pvm$i" master br0
		n "$s-h$i" bridge link set dev vx0 learning off neigh_suppress on
		for d in br0 vx0 "pvm$i"; do
			ip -n "$s-h$i" link set "$d" up
		done
		n "$s-h$i" bridge fdb append 00:00:00:00:00:00 dev vx0 \
			dst "192.168.1.$j" || return 1
		n "$s-h$i" bridge fdb add "$(eval echo "\$mac$j")" dev vx0 master static &&
		n "$s-h$i" bridge fdb append "$(eval echo "\$mac$j")" dev vx0 \
			dst "192.168.1.$j" self permanent &&
		ip -n "$s-h$i" neigh add "10.1.1.$j" lladdr "$(eval echo "\$mac$j")" \
			dev br0 nud permanent || return 1
	done
}

ovs() {	# SYSTEM-HOST CMD...: an OVS tool against that host's daemons
	local h=$1
	shift
	OVS_RUNDIR=/tmp/$h OVS_DBDIR=/tmp/$h OVS_LOGDIR=/tmp/$h \
		ip netns exec "$h" "$@"
}

setup_ovs() {	# [SYSTEM]
	local s=${1:-ovs} i j h
	command -v ovs-vswitchd >/dev/null || return 1
	modprobe openvswitch || return 1
	for i in 1 2; do
		j=$((3 - i)) h=$s-h$i
		mkdir -p "/tmp/$h"
		ovs "$h" ovsdb-tool create "/tmp/$h/conf.db" \
			/usr/share/openvswitch/vswitch.ovsschema || return 1
		ovs "$h" ovsdb-server --remote="punix:/tmp/$h/db.sock" \
			--pidfile --detach --log-file -vconsole:off || return 1
		ovs "$h" ovs-vsctl --no-wait init &&
		ovs "$h" ovs-vswitchd --pidfile --detach --log-file -vconsole:off || return 1
		ovs "$h" ovs-vsctl add-br br0 &&
		ovs "$h" ovs-vsctl add-port br0 "pvm$i" &&
		ovs "$h" ovs-vsctl add-port br0 vx0 -- set interface vx0 \
			type=vxlan options:remote_ip="192.168.1.$j" \
			options:local_ip="192.168.1.$i" options:key=5001 || return 1
		ip -n "$h" link set "pvm$i" up
		ip -n "$h" link set br0 up
	done
}

# ovsct: OVS with a stateful firewall, as OpenStack's OVS firewall driver
# builds one: IP through the kernel's conntrack (ct() and recirculation),
# new connections committed, established and related ones forwarded,
# invalid ones dropped; NORMAL for the rest (ARP).  Connections are
# tracked in the datapath: a new 5-tuple is a conntrack entry, no upcall.
setup_ovsct() {
	local i
	setup_ovs ovsct || return 1
	for i in 1 2; do
		ovs "ovsct-h$i" ovs-ofctl add-flows br0 - <<'EOF' || return 1
table=0,priority=100,ip,ct_state=-trk,actions=ct(table=1)
table=0,priority=0,actions=NORMAL
table=1,priority=100,ip,ct_state=+trk+new,actions=ct(commit),NORMAL
table=1,priority=100,ip,ct_state=+trk+est,actions=NORMAL
table=1,priority=100,ip,ct_state=+trk+rel,actions=NORMAL
table=1,priority=0,actions=drop
EOF
	done
}

teardown_ovs() {	# SYSTEM
	local i
	for i in 1 2; do
		ovs "$1-h$i" ovs-appctl -t ovs-vswitchd exit 2>/dev/null
		ovs "$1-h$i" ovs-appctl -t ovsdb-server exit 2>/dev/null
	done
}

# ovs_megaflows on|off: off makes every new 5-tuple an upcall.
ovs_megaflows() {
	local i
	for i in 1 2; do
		ovs "ovs-h$i" ovs-appctl -t ovs-vswitchd "upcall/$1able-megaflows" \
			>/dev/null
		ovs "ovs-h$i" ovs-appctl -t ovs-vswitchd dpctl/del-flows >/dev/null
	done
}

ovs_misses() {	# SYSTEM: its datapaths' missed lookups (upcalls), both hosts
	local i t=0 x
	for i in 1 2; do
		x=$(ovs "$1-h$i" ovs-appctl dpctl/show |
			sed -n 's/.*lookups:.*missed:\([0-9]*\).*/\1/p')
		t=$((t + ${x:-0}))
	done
	echo $t
}

rx_packets() {	# SYSTEM
	n "$1-vm2" cat /sys/class/net/eth0/statistics/rx_packets
}

# pktgen ROUND SYSTEM METRIC SPORT_MIN SPORT_MAX: 64-byte UDP frames vm1 ->
# vm2 for the window (after a second's warm-up); prints packets/s received.
pktgen() {
	local r=$1 s=$2 m=$3 lo=$4 hi=$5 pg=/proc/net/pktgen a b t0 t1 dst hop dmac
	dst=$(vm_ip "$s" 2) hop=$dst
	routed "$s" && hop=10.1.1.1
	# The next hop's MAC, as vm1 resolved it.
	dmac=$(ip -n "$s-vm1" neigh show to "$hop" dev eth0 | awk '{print $3; exit}')
	[ -n "$dmac" ] || return 1
	n "$s-vm1" sh -e -c "
		echo rem_device_all >$pg/kpktgend_0
		echo add_device eth0 >$pg/kpktgend_0
		for c in 'count 0' 'clone_skb 0' 'burst 1' 'pkt_size 60' 'delay 0' \
			'dst $dst' 'dst_mac $dmac' 'udp_dst_min 9' 'udp_dst_max 9' \
			'udp_src_min $lo' 'udp_src_max $hi'; do
			echo \"\$c\" >$pg/eth0
		done
		[ $lo = $hi ] || echo 'flag UDPSRC_RND' >$pg/eth0
	" || return 1
	n "$s-vm1" sh -c "echo start >$pg/pgctrl" &
	local gen=$!
	sleep 1
	a=$(rx_packets "$s") t0=$(date +%s%N)
	window "$r" "$s" "$m"
	b=$(rx_packets "$s") t1=$(date +%s%N)
	n "$s-vm1" sh -c "echo stop >$pg/pgctrl"
	wait $gen
	echo $(( (b - a) * 1000000000 / (t1 - t0) ))
}

tcp_mbps() {	# ROUND SYSTEM METRIC
	local s=$2 out dst
	dst=$(vm_ip "$s" 2)
	n "$s-vm2" iperf3 -s -1 -D -B "$dst" >/dev/null 2>&1 || return 1
	sleep 0.3
	perf_on "$@"
	out=$(n "$s-vm1" iperf3 -c "$dst" -t "$secs" -J 2>/dev/null)
	perf_off
	python3 -c '
import json, sys
print(int(json.loads(sys.argv[1])["end"]["sum_received"]["bits_per_second"] / 1e6))
' "$out"
}

# tcp_cps ROUND SYSTEM METRIC: connections per second (bench/tcp_crr.c)
tcp_cps() {
	local s=$2 dst srv v
	dst=$(vm_ip "$s" 2)
	# Not through n(): $! must be the server itself, not a subshell.
	ip netns exec "$s-vm2" "$crr" -s "$dst" 5001 >/dev/null &
	srv=$!
	sleep 0.3
	perf_on "$@"
	v=$(n "$s-vm1" "$crr" -c "$dst" 5001 "$secs")
	perf_off
	kill "$srv"
	wait "$srv" 2>/dev/null
	[ -n "$v" ] && echo "$v"
}

rtt() {	# SYSTEM: two lines, p50 and p99 in microseconds
	n "$1-vm1" ping -n -c 300 -i 0.005 -W 1 "$(vm_ip "$1" 2)" | python3 -c '
import re, sys
t = sorted(float(m.group(1)) * 1000 for m in
           (re.search(r"time=([0-9.]+) ms", l) for l in sys.stdin) if m)
if len(t) < 250:
    sys.exit(1)
print("rtt_p50_us", int(t[len(t) // 2]))
print("rtt_p99_us", int(t[min(len(t) - 1, len(t) * 99 // 100)]))
'
}

report() {	# ROUND SYSTEM METRIC VALUE
	echo "BENCH round=$1 sys=$2 metric=$3 value=$4"
}

profiled() {	# ROUND SYSTEM METRIC: does perf sample this one?
	[ "$1" = 1 ] && listed "$3" "${profile[@]}"
}

# window ROUND SYSTEM METRIC: the measurement window of a rate the
# generator keeps up, $secs seconds; perf samples it if profiled.
window() {
	perf_on "$@"
	sleep "$secs"
	perf_off
}

# perf_on ROUND SYSTEM METRIC, perf_off: perf samples what runs in
# between, if profiled.  perf takes seconds to start under TCG: its
# workload says when sampling has begun (a client started after perf_on
# is sampled from its start), then blocks on a FIFO until perf_off writes
# to it (no polling: under TCG a process started ten times a second
# costs a tenth of the CPU).
perf_on() {
	local i
	perf_pid=
	profiled "$@" || return 0
	rm -f /tmp/perf-on /tmp/perf-off
	mkfifo /tmp/perf-off
	perf record -q -e cpu-clock -a -g -o "/tmp/perf-$2-$3.data" -- sh -c \
		'touch /tmp/perf-on; read -r x </tmp/perf-off' >/dev/null 2>&1 &
	perf_pid=$!
	for ((i = 0; i < 600; i++)); do
		[ -e /tmp/perf-on ] && return 0
		sleep 0.1
	done
	echo "bench: perf did not start in 60 s" >&2
}

perf_off() {
	[ -n "$perf_pid" ] || return 0
	echo >/tmp/perf-off
	wait "$perf_pid"
}

profile_report() {	# SYSTEM METRIC
	[ -f "/tmp/perf-$1-$2.data" ] || return 0
	perf report -i "/tmp/perf-$1-$2.data" --stdio --no-children \
		--sort symbol --percent-limit 1 >"$out/profile-$1-$2.txt" 2>&1
	# Then every hnv symbol, however small, and the switches' own code
	# in all (perf counts modules' samples as the kernel's: --sort dso
	# cannot tell them apart).
	perf report -i "/tmp/perf-$1-$2.data" --stdio --no-children \
		--sort symbol -g none 2>/dev/null | awk '
		$3 ~ /^hnv_/ { hnv += $1; print }
		$3 ~ /^(br_|vxlan_)/ { br += $1 }
		$3 ~ /^(ovs_|ovs_ct_|queue_userspace_packet)/ { ovs += $1 }
		END { printf "# in all: hnv_* %.2f%%, br_* and vxlan_* %.2f%%, " \
			"ovs_* %.2f%%\n", hnv, br, ovs }
	' >>"$out/profile-$1-$2.txt"
	rm -f "/tmp/perf-$1-$2.data"
}

flow_flush() {	# SYSTEM: so that the next new-flow run starts as empty
	local k
	[[ $1 = hnv* || $1 = pol* ]] || return 0
	for k in 1 2; do
		n "$1-h$k" hnvctl flow flush switch hnv0 >/dev/null
	done
}

measure() {	# ROUND SYSTEM METRIC
	local r=$1 s=$2 m=$3 v k
	# The policy-scale systems answer one question: packet rates.
	[[ $s = pol* ]] && [[ $m != *_pps ]] && return 0
	case $m in
	udp_pps)
		v=$(pktgen "$r" "$s" "$m" 9 9) && report "$r" "$s" "$m" "$v" ;;
	newflow_pps | tcp_cps)
		[ "$s" = ovs ] && ovs_megaflows dis
		[[ $s = ovs* ]] && k=$(ovs_misses "$s")
		if [ "$m" = tcp_cps ]; then
			v=$(tcp_cps "$r" "$s" "$m")
		else
			v=$(pktgen "$r" "$s" "$m" 1024 65535)
		fi && report "$r" "$s" "$m" "$v"
		# Where OVS's time goes: upcalls per connection, over the
		# warm-up second and the window (at about the same rate).
		[[ $s = ovs* ]] && [ "$m" = tcp_cps ] && [ "${v:-0}" -gt 0 ] &&
			awk -v m=$(($(ovs_misses "$s") - k)) -v c=$((v * (secs + 1))) \
				-v s="$s" -v r="$r" 'BEGIN { printf "# %s round %d: " \
				"%.1f upcalls per TCP connection\n", s, r, m / c }'
		[ "$s" = ovs ] && ovs_megaflows en
		flow_flush "$s" ;;
	tcp_mbps)
		v=$(tcp_mbps "$r" "$s" "$m") && report "$r" "$s" "$m" "$v" ;;
	scale | cls)
		return 0 ;;
	rtt)
		rtt "$s" | while read -r k v; do report "$r" "$s" "$k" "$v"; done ;;
	esac
	profile_report "$s" "$m"
	[ -n "${v:-}" ] || [ "$m" = rtt ] || echo "bench: $s: $m failed" >&2
}

modprobe pktgen || die "no pktgen"
! listed tcp_cps "${metrics[@]}" || [ -x "$crr" ] ||
	die "no $crr (bench/run.sh compiles bench/tcp_crr.c)"
if [ ${#profile[@]} -gt 0 ]; then
	command -v perf >/dev/null || die "BENCH_PROFILE needs perf (linux-perf)"
	echo -1 >/proc/sys/kernel/perf_event_paranoid
	echo 0 >/proc/sys/kernel/kptr_restrict
fi
for s in "${systems[@]}"; do
	topo "$s" || die "$s: topology"
	if [[ $s = pol* ]]; then setup_pol "$s"; else "setup_$s"; fi ||
		die "$s: setup failed"
	n "$s-vm1" ping -c 3 -i 0.2 -W 2 "$(vm_ip "$s" 2)" >/dev/null ||
		die "$s: vm1 cannot reach vm2"
done
# pktgen's threads at the lowest priority: each frame then runs through
# the whole path before the next is made (no backlog drops).
for p in $(pgrep kpktgend); do
	renice -n 19 -p "$p" >/dev/null
done

# Memory first: once the packet-rate runs have made and freed thousands
# of flows, new ones reuse their slab pages and cost nothing to measure.
listed scale "${metrics[@]}" && scale

for ((r = 1; r <= rounds; r++)); do
	for m in "${metrics[@]}"; do
		for s in "${systems[@]}"; do
			measure "$r" "$s" "$m"
		done
	done
done

ko=$top/build/$(uname -r)/hnv_cls_bench.ko
if listed cls "${metrics[@]}"; then
	[ -f "$ko" ] || die "no $ko (bench/run.sh builds it)"
	insmod "$ko" && dmesg | sed -n 's/.*hnv_cls_bench: \(.* rules=\)/CLS \1/p'
	rmmod hnv_cls_bench
fi
for s in ovs ovsct; do
	! listed "$s" "${systems[@]}" || teardown_ovs "$s"
done
exit 0
