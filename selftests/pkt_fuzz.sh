#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Packet fuzzing: a million frames (HNV_FUZZ_FRAMES) from a VM's port and
# from the physical network, random, truncated and mutated Ethernet, VLAN,
# ARP, IPv4, IPv6, TCP, UDP, ICMP, ICMPv6 and neighbour discovery, and
# VXLAN and NVGRE with every header field fuzzed, fragments, options,
# wrong lengths and checksums (pkt_fuzz/*.c, compiled here; HNV_FUZZ_SEED
# replays a run).  Afterwards the counters account for every frame, no
# frame leaked into another virtual subnet, legitimate traffic flows, the
# configuration reads back unchanged and the kernel log is clean.
#
#  h1 (PA 192.168.1.10)                           h2 (PA 192.168.2.20)
#    a 10.1.1.11, b 10.1.1.12 (5001, VXLAN)         c 10.1.1.13 (5001)
#    d 10.2.1.11 (6001, NVGRE)                      e 10.2.1.12 (6001)
#    fz, sink (7001, RDID 7: CAs 10.7.1.11, .12)    7002, 7003: no VM
#    us (7004, RDID 8, no prefix)
#  RDID 7: 7002 (VXLAN) and 7003 (NVGRE) have their VMs behind h2
#  (mappings on h1); static routes 10.7.9.0/24 and fd00:7:9::/64 via
#  sink, 10.7.8.0/24 via 10.7.2.13; ACLs on fz's port, on 7001 and 7002.
#
# Two generators run at once, one per CPU, on disjoint counters, until
# they sent HNV_FUZZ_FRAMES between them:
#
# From a VM: fz sends the fuzz.  Every frame fz's port takes in
# (rx_packets: what the generator sent, but VLAN frames too short to
# untag) is counted by one drop reason of the port, or answered back to
# fz by the switch (ARP/ND reply, echo from a gateway: the generator reads
# what comes back off fz's interface), or delivered to sink (its port's
# tx_packets, or the device's tx dropped), or encapsulated to h2 (h2's
# uplink rx_packets).  The ICMP errors back to fz (unreachable, time
# exceeded, too big) come with a drop of the frame they answer and are
# told apart.  7001 has no mappings and one other port: nothing is
# replicated.  Frames that must be rejected are: VLAN-tagged ones and
# those too short for the header they announce are malformed drops,
# those from another source MAC src-mac drops (unless malformed).  A
# VLAN-tagged frame routed to a VM behind h2 is also sent on its own: it
# must reach h2 or be a counted drop.
#
# From the physical network: the fuzz arrives at h1's NIC from the
# router's side of the link.  The generator's oracle predicts, frame by
# frame, which packets Linux hands to hnv (IPv4 and UDP checks,
# reassembly, ip_gre) and what hnv must make of them: bad-vxlan,
# unknown-vni, bad-nvgre or decapsulated; the frames it cannot predict
# (IPv4 options, stray fragments) are few and counted apart.  Each
# counter must lie between the prediction and the prediction plus those.
# The VSIDs with VMs of several ports (5001, 6001, 7001) are never aimed
# at: what is decapsulated goes to 7004's one port, or to 7002/7003,
# without port on h1, so uplink rx_packets == uplink drops + us's tx.
#
# The fuzz stops early, failing the frame count, rather than overrun the
# script's timeout (settings, HNV_TIMEOUT_SCALE): the other checks still
# run.  Under TCG the frame rate, not the count, is the limit: on 6.12
# about 11,000 frames/s, a million in 90 s, the script in 170 s.  The
# debug kernel (KASAN) manages about 440 frames/s: 50,000 by default
# there, still every kind of frame many times over.

# shellcheck disable=SC2317 # functions called through ok_test
here=$(dirname "$(readlink -f "$0")")
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$here/lib.sh"

require_root
require_cmd ip hnvctl ethtool ping dmesg

frames=${HNV_FUZZ_FRAMES:-1000000}
debug_kernel && frames=${HNV_FUZZ_FRAMES:-50000}
seed=${HNV_FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
scale=${HNV_TIMEOUT_SCALE:-1}
limit=$(sed -n 's/^timeout=//p' "$here/settings" 2>/dev/null)
limit=$((${limit:-300} * scale))

declare -A mac=([a]=02:00:00:00:01:11 [b]=02:00:00:00:01:12
		[c]=02:00:00:00:01:13 [d]=02:00:00:00:02:11
		[e]=02:00:00:00:02:12 [fz]=02:00:00:00:07:11
		[sink]=02:00:00:00:07:12 [us]=02:00:00:00:07:44
		[m2]=02:00:00:00:07:21 [m2b]=02:00:00:00:07:22
		[m3]=02:00:00:00:07:31 [m3b]=02:00:00:00:07:32)
router_mac=02:48:4e:56:00:01
pa1=192.168.1.10
pa2=192.168.2.20

tmpd=$(mktemp -d)
on_exit "rm -rf $tmpd"

ktap_begin
echo "# seed $seed (HNV_FUZZ_SEED=$seed replays it), $frames frames from a" \
	"VM and from the physical network"

# The generator: pkt_fuzz_gen as "make -C selftests" built it (make
# check does, on the host), unless a source is newer; else compiled here
# while the topology is built, as one translation unit: under TCG each
# compiler process started costs seconds, and -O1 more than it saves.
gen=$here/pkt_fuzz_gen
if [ -x "$gen" ] &&
	[ -z "$(find "$here/pkt_fuzz" -newer "$gen" -name '*.[ch]')" ]; then
	echo "built by make" >"$tmpd/gcc.time"
	gcc_pid=
else
	require_cmd gcc
	gen=$tmpd/pkt_fuzz
	{
		cat "$here"/pkt_fuzz/*.c |
			gcc -O0 -Wall -Wextra -I"$here/pkt_fuzz" -x c -o "$gen" - \
			>"$tmpd/gcc.out" 2>&1
		rc=$?
		echo "compiled here by ${SECONDS}s" >"$tmpd/gcc.time"
		exit $rc
	} &
	gcc_pid=$!
fi

# --- the topology ----------------------------------------------------------
#
# The topology of lib.sh's underlay_new and vm_new, built with a few batches
# instead of a command per step: under TCG every command started costs
# most of a second.

# nsh NS SH-SCRIPT: run SH-SCRIPT in namespace NS (its stdin follows)
nsh() {
	ip netns exec "$(netns_name "$1")" sh -c "$2"
}
# no IPv6 in the namespace: no chatter in the counters
noip6='echo 1 >/proc/sys/net/ipv6/conf/all/disable_ipv6
	echo 1 >/proc/sys/net/ipv6/conf/default/disable_ipv6'
# fragments of the fuzz that never complete expire fast and do not crowd
# out the others
frag='echo 67108864 >/proc/sys/net/ipv4/ipfrag_high_thresh &&
	echo 3 >/proc/sys/net/ipv4/ipfrag_time'

mark() {
	echo "$SECONDS $*" >>"$tmpd/marks"
}

setup() {
	local all=(rt h1 h2 a b c d e fz sink us) v h i

	printf 'netns add %s\n' "${all[@]/%/-$NS_SUFFIX}" | ip -batch - ||
		return 1
	on_exit "printf 'netns del %s\n' ${all[*]/%/-$NS_SUFFIX} | ip -force -batch -"
	# the underlay: rt routes between h1's and h2's NICs; VM links
	{
		for i in 1 2; do
			echo "link add r$i netns $(netns_name rt) type veth" \
			     "peer name pnic netns $(netns_name "h$i")"
		done
		for v in a b d fz sink us c e; do
			h=h1
			[ "$v" = c ] || [ "$v" = e ] && h=h2
			echo "link add p$v netns $(netns_name "$h") type veth" \
			     "peer name eth0 netns $(netns_name "$v")"
		done
	} | ip -batch - || return 1
	mark links
	nsh rt 'echo 1 >/proc/sys/net/ipv4/ip_forward && ip -batch -' <<-EOF || return 1
	link set lo up
	addr add 192.168.1.1/24 dev r1
	addr add 192.168.2.1/24 dev r2
	link set r1 up
	link set r2 up
	EOF
	for i in 1 2; do
		{
			echo "link set lo up"
			echo "addr add 192.168.$i.$((i * 10))/24 dev pnic"
			echo "link set pnic up"
			echo "route add default via 192.168.$i.1"
			echo "link add hnv0 type hnv"
			echo "link set hnv0 up"
			for v in a b d fz sink us c e; do
				h=h1
				[ "$v" = c ] || [ "$v" = e ] && h=h2
				[ "$h" = "h$i" ] || continue
				echo "link set p$v master hnv0"
				echo "link set p$v up"
			done
		} | nsh "h$i" "$noip6 && $frag && ip -batch -" || return 1
	done
	mark hosts
	# the VMs: a, b, c, d, e with their address; fz, sink and us without
	# (no traffic of their own), dropping what they receive at ingress
	# (packet sockets see it first), which spares their stacks the fuzz.
	# One process each: no IPv6 address (no chatter in the counters)
	# instead of IPv6 off, which takes a shell in the namespace.
	for v in a b c d e fz sink us; do
		{
			echo "link set lo up"
			echo "link set eth0 address ${mac[$v]} addrgenmode none"
			case $v in
			a) echo "addr add 10.1.1.11/24 dev eth0" ;;
			b) echo "addr add 10.1.1.12/24 dev eth0" ;;
			c) echo "addr add 10.1.1.13/24 dev eth0" ;;
			d) echo "addr add 10.2.1.11/24 dev eth0" ;;
			e) echo "addr add 10.2.1.12/24 dev eth0" ;;
			esac
			echo "link set eth0 up"
		} | nip "$v" -batch - || return 1
	done
	mark vms
	for v in fz sink us; do
		printf '%s\n' "qdisc add dev eth0 clsact" \
			"filter add dev eth0 ingress matchall action drop" |
			tc -n "$(netns_name "$v")" -batch - || return 1
	done

	mark tc
	n h1 hnvctl -batch - <<-EOF || return 1
	subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 switch hnv0
	subnet add vsid 6001 rdid 2 encap nvgre prefix 10.2.1.0/24 switch hnv0
	subnet add vsid 7001 rdid 7 prefix 10.7.1.0/24 prefix fd00:7:1::/64 switch hnv0
	subnet add vsid 7002 rdid 7 prefix 10.7.2.0/24 prefix fd00:7:2::/64 switch hnv0
	subnet add vsid 7003 rdid 7 encap nvgre prefix 10.7.3.0/24 prefix fd00:7:3::/64 switch hnv0
	subnet add vsid 7004 rdid 8 switch hnv0
	switch set dev hnv0 pa $pa1
	port set dev pa vsid 5001 mac ${mac[a]} ca 10.1.1.11
	port set dev pb vsid 5001 mac ${mac[b]} ca 10.1.1.12
	port set dev pd vsid 6001 mac ${mac[d]} ca 10.2.1.11
	port set dev pfz vsid 7001 mac ${mac[fz]} ca 10.7.1.11 ca fd00:7:1::11
	port set dev psink vsid 7001 mac ${mac[sink]} ca 10.7.1.12 ca fd00:7:1::12
	port set dev pus vsid 7004 mac ${mac[us]}
	map add vsid 5001 mac ${mac[c]} ca 10.1.1.13 pa $pa2 switch hnv0
	map add vsid 6001 mac ${mac[e]} ca 10.2.1.12 pa $pa2 switch hnv0
	map add vsid 7002 mac ${mac[m2]} ca 10.7.2.13 pa $pa2 switch hnv0
	map add vsid 7002 mac ${mac[m2b]} ca fd00:7:2::13 pa $pa2 switch hnv0
	map add vsid 7003 mac ${mac[m3]} ca 10.7.3.13 pa $pa2 switch hnv0
	map add vsid 7003 mac ${mac[m3b]} ca fd00:7:3::13 pa $pa2 switch hnv0
	route add rdid 7 prefix 10.7.9.0/24 via 10.7.1.12 switch hnv0
	route add rdid 7 prefix 10.7.8.0/24 via 10.7.2.13 switch hnv0
	route add rdid 7 prefix fd00:7:9::/64 via fd00:7:1::12 switch hnv0
	acl add dev pfz dir out prio 10 deny proto tcp dport 23
	acl add dev pfz dir out prio 20 allow stateful proto udp dport 53
	acl add dev pfz dir out prio 30 deny proto udp src 10.7.1.0/24 dst 10.7.3.0/24 dport 9
	acl add dev pfz dir out prio 40 allow stateful proto tcp dport 80-90
	acl add vsid 7001 switch hnv0 dir in prio 10 deny proto tcp dport 25
	acl add vsid 7002 switch hnv0 dir in prio 10 deny proto icmp dst 10.7.2.99
	switch set dev hnv0 uft-idle-ms 2000 uft-port-max 8192 conn-timeout 5
	EOF
	n h2 hnvctl -batch - <<-EOF || return 1
	subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 switch hnv0
	subnet add vsid 6001 rdid 2 encap nvgre prefix 10.2.1.0/24 switch hnv0
	subnet add vsid 7002 rdid 7 prefix 10.7.2.0/24 prefix fd00:7:2::/64 switch hnv0
	subnet add vsid 7003 rdid 7 encap nvgre prefix 10.7.3.0/24 prefix fd00:7:3::/64 switch hnv0
	switch set dev hnv0 pa $pa2
	port set dev pc vsid 5001 mac ${mac[c]} ca 10.1.1.13
	port set dev pe vsid 6001 mac ${mac[e]} ca 10.2.1.12
	map add vsid 5001 mac ${mac[a]} ca 10.1.1.11 pa $pa1 switch hnv0
	map add vsid 5001 mac ${mac[b]} ca 10.1.1.12 pa $pa1 switch hnv0
	map add vsid 6001 mac ${mac[d]} ca 10.2.1.11 pa $pa1 switch hnv0
	EOF

	mark hnvctl
	# One frame in, one frame counted: no GRO merging on the NVGRE
	# receivers.
	for h in h1 h2; do
		# shellcheck disable=SC2016 # for the inner shell
		nsh "$h" 'set -- /sys/class/net/hnvgre*
			 [ -e "$1" ] && ethtool -K "${1##*/}" gro off' || return 1
	done
}
ok_test "two hosts, eight VMs, four tenants' subnets, mappings, routes, ACLs" setup
mark ethtool
mapfile -t steps <"$tmpd/marks"
echo "# [${SECONDS}s] set up (at: ${steps[*]})"

# --- helpers ---------------------------------------------------------------

# snap HOST: the counters of HOST's switch, its ports, its uplink (the
# switch's total less its ports') and its devices' tx dropped, one
# "key value" a line (from hnvctl's text: jq takes seconds to start here)
snap() {
	# shellcheck disable=SC2016 # for the inner shell
	nsh "$1" 'printf "switch show dev hnv0\nport show switch hnv0\n" |
		hnvctl -batch - &&
		for f in /sys/class/net/*/statistics/tx_dropped; do
			read -r v <"$f" && f=${f#/sys/class/net/} &&
			echo "dev ${f%%/*} $v"
		done' |
	awk '/^switch / { n = "sw" }
	     /^port / { n = $2; port[n] = 1 }
	     /^    RX:/ { getline; v[n ".rx_packets"] = $1 }
	     /^    TX:/ { getline; v[n ".tx_packets"] = $1 }
	     /^    flows: / { v[n ".flows_new"] = $3; v[n ".flows_aged"] = $5
			    v[n ".flows_uncached"] = $7
			    v[n ".flows_recomposed"] = $9 }
	     /^    drops: / { v[n ".drops"] = $2 }
	     /^        [a-z]/ { v[n ".drop." $1] = $2 }
	     /^dev / { v["dev." $2 ".tx_dropped"] = $3 }
	     END {
		for (k in v) {
			print k, v[k]
			if (substr(k, 1, 3) != "sw.")
				continue
			u = v[k]
			for (p in port)
				u -= v[p substr(k, 3)]
			print "uplink" substr(k, 3), u
		}
	     }'
}
# load ARRAY FILE: the "key value" or "key=value" lines of FILE into the
# associative array ARRAY
load() {
	local -n _a=$1
	local k v

	_a=()
	while IFS=' =' read -r k v; do
		_a["$k"]=$v
	done <"$2"
}
declare -A A1 B1 A2 B2 VM U
# d1 KEY, d2 KEY: how a counter of h1, h2 changed over the fuzz
d1() {
	echo $((${B1[$1]:-0} - ${A1[$1]:-0}))
}
d2() {
	echo $((${B2[$1]:-0} - ${A2[$1]:-0}))
}
# drops_of PORT: ": REASON N, ..." of the drops of PORT of h1 that changed
drops_of() {
	local r sep=": "

	for r in "${!B1[@]}"; do
		if [[ $r = "$1".drop.* ]] && [ "$(d1 "$r")" != 0 ]; then
			printf '%s%s %s' "$sep" "${r#"$1".drop.}" "$(d1 "$r")"
			sep=", "
		fi
	done
}
# vm KEY, u KEY: what a generator said
vm() {
	echo "${VM[$1]:-0}"
}
u() {
	echo "${U[$1]:-0}"
}
# steady FILE: the counters of a snapshot but the flows' (aging goes on)
steady() {
	local l

	while read -r l; do
		[[ $l = *flows_* ]] || echo "$l"
	done <"$1"
}
# quiet_snap PREFIX: snapshots of both hosts in PREFIX.h1 and PREFIX.h2,
# once they stop moving (flow aging aside)
quiet_snap() {
	local p=$1 end=$((SECONDS + 60))

	while [ "$SECONDS" -lt "$end" ]; do
		snap h1 >"$p.h1" && snap h2 >"$p.h2" &&
		grep -q '^sw\.rx_packets ' "$p.h1" || return 1
		sleep 0.5
		snap h1 >"$p.h1b" && snap h2 >"$p.h2b" || return 1
		if [ "$(steady "$p.h1")" = "$(steady "$p.h1b")" ] &&
		   [ "$(steady "$p.h2")" = "$(steady "$p.h2b")" ]; then
			return 0
		fi
	done
	echo "counters still moving after 60 s:"
	diff <(grep -v flows_ "$p.h1") <(grep -v flows_ "$p.h1b")
	diff <(grep -v flows_ "$p.h2") <(grep -v flows_ "$p.h2b")
	return 1
}
# config HOST: every dump of the configuration, counters left out
config() {
	{
		echo "switch show dev hnv0"
		printf '%s show switch hnv0\n' port subnet vnet map route acl
	} | n "$1" hnvctl -batch - |
		sed -e '/^    RX:/,/^[^ ]/{/^ /d}' -e 's/^    flows [0-9]* (/    flows (/' \
		    -e 's/ conns [0-9]*//' -e 's/ hits [0-9]*//'
}
# summary FILE REGEX: the "key=value" lines of FILE whose key matches, as
# diagnostic lines of up to 140 characters
summary() {
	local k v line=

	while IFS='=' read -r k v; do
		[[ $k =~ $2 ]] || continue
		if [ $((${#line} + ${#k} + ${#v} + 2)) -gt 140 ]; then
			echo "#  $line"
			line=
		fi
		line+=" $k=$v"
	done <"$1"
	[ -z "$line" ] || echo "#  $line"
}
# the lines of the kernel log since the fuzzing began that report a problem
splats() {
	dmesg | sed -n "/pkt_fuzz: start $seed/,\$p" |
		"$here/../scripts/vm/find-splats.sh"
}

# --- before ------------------------------------------------------------------

ok_test "same host: a pings b" n a ping -c 2 -i 0.3 -W 2 10.1.1.12
ok_test "VXLAN: a pings c across hosts" n a ping -c 2 -i 0.3 -W 2 10.1.1.13
ok_test "NVGRE: d pings e across hosts" n d ping -c 2 -i 0.3 -W 2 10.2.1.12

config h1 >"$tmpd/config.h1.before"
config h2 >"$tmpd/config.h2.before"
ok_test "the configuration dumps: $(grep -c . "$tmpd/config.h1.before") and $(grep -c . "$tmpd/config.h2.before") lines" \
	grep -q '^hnv0 vsid 7002 in prio 10 deny proto icmp dst 10.7.2.99' \
	"$tmpd/config.h1.before"
echo "pkt_fuzz: start $seed" >/dev/kmsg
pnic_mac=$(n h1 cat /sys/class/net/pnic/address)
r1_mac=$(n rt cat /sys/class/net/r1/address)

ok_test "counters settle" quiet_snap "$tmpd/pv"
rc=0
[ -z "$gcc_pid" ] || { wait "$gcc_pid"; rc=$?; }
if ! ok_test "the frame generator ($(cat "$tmpd/gcc.time" 2>/dev/null))" test $rc = 0; then
	_lib_diag <"$tmpd/gcc.out"
	ktap_end
fi
# A frame fz sends, VLAN-tagged, routed to a VM behind h2: it reaches h2
# (its tag inside the encapsulation) or is dropped and counted (ports are
# untagged: malformed); it must not vanish (a tag left on the outer
# packet, which the underlay drops uncounted).  fz (10.7.1.11) to
# 10.7.2.13, UDP 4660 > 9999, through the router MAC, 10 untagged, 10 with
# an 802.1Q tag (VLAN 100).
plain=02484e56000102000000071108004500001c00000000401163ac0a07010b0a07020d
plain+=1234270f00080000
tagged=${plain:0:24}81000064${plain:24}
n fz "$gen" vm -i eth0 -n 10 --send "$plain" >/dev/null
n fz "$gen" vm -i eth0 -n 10 --send "$tagged" >/dev/null
ok_test "counters settle before the fuzz" quiet_snap "$tmpd/p0"
load A1 "$tmpd/pv.h1"
load B1 "$tmpd/p0.h1"
load A2 "$tmpd/pv.h2"
load B2 "$tmpd/p0.h2"
got=$(d2 uplink.rx_packets) dropped=$(d1 pfz.drops)
expect_eq "20 frames routed from fz to a VM behind h2, 10 VLAN-tagged: at h2 ($got) or counted drops ($dropped$(drops_of pfz))" \
	20 $((got + dropped))
# What follows the fuzz takes less than half as long as what went before
# it (on 6.12: 25 s after, 55 s before), starting and stopping the
# generators some seconds.
budget=$((limit - SECONDS - (SECONDS > 90 ? SECONDS * 2 / 3 : 60) - 20))
[ $budget -lt 20 ] && budget=20
echo "# [${SECONDS}s] the fuzz begins, for up to $budget s"

# --- the fuzz ----------------------------------------------------------------

t=$SECONDS
n fz "$gen" vm -i eth0 -n "$frames" -s "$seed" \
	--shared "$tmpd/sent" --max-ms $((budget * 1000)) \
	--own-mac "${mac[fz]}" --own4 10.7.1.11 --own6 fd00:7:1::11 \
	--router-mac $router_mac \
	--mac "${mac[sink]}" --mac "${mac[m2]}" --mac "${mac[m2b]}" \
	--mac "${mac[m3]}" --mac "${mac[a]}" --mac 02:00:00:00:07:99 \
	--ip4 10.7.1.1 --ip4 10.7.1.12 --ip4 10.7.2.13 --ip4 10.7.3.13 \
	--ip4 10.7.9.5 --ip4 10.7.8.5 --ip4 10.7.2.1 --ip4 10.7.1.99 \
	--ip4 10.7.2.99 --ip4 10.99.0.1 --ip4 10.7.1.255 \
	--ip6 fd00:7:1::1 --ip6 fd00:7:1::12 --ip6 fd00:7:2::13 \
	--ip6 fd00:7:3::13 --ip6 fd00:7:9::5 --ip6 fd00:7:2::1 \
	--ip6 fd00:7:1::99 --ip6 fd00:9::1 \
	>"$tmpd/vm.out" 2>"$tmpd/vm.err" &
vm_pid=$!
n rt "$gen" underlay -i r1 -n "$frames" -s "$((seed + 1))" \
	--shared "$tmpd/sent" --max-ms $((budget * 1000)) \
	--dst-mac "$pnic_mac" --src-mac "$r1_mac" --pa $pa1 \
	--src 192.168.2.21 --src 192.168.3.30 --src 172.16.5.5 --src 10.200.0.1 \
	--vni 7004 --vni 7002 --vni 7003 \
	--avoid 5001 --avoid 6001 --avoid 7001 \
	--router-mac $router_mac \
	--inner-mac "${mac[us]}" --inner-mac "${mac[us]}" --inner-mac "${mac[fz]}" \
	--inner-src-mac 02:00:00:00:08:01 --inner-src-mac 02:00:00:00:08:02 \
	--inner-src-mac "${mac[m2]}" \
	--ip4 10.7.2.13 --ip4 10.7.4.1 --ip4 10.7.4.2 --ip6 fd00:7:2::13 \
	>"$tmpd/u.out" 2>"$tmpd/u.err" &
u_pid=$!
wait $vm_pid
vm_rc=$?
wait $u_pid
u_rc=$?
fuzz_s=$((SECONDS - t))
sed 's/^/# vm: /' "$tmpd/vm.err"
sed 's/^/# underlay: /' "$tmpd/u.err"
load VM "$tmpd/vm.out"
load U "$tmpd/u.out"
sent=$(($(vm sent) + $(u sent)))
echo "# from the VM: $(vm sent) frames in $(($(vm elapsed_ms) / 1000)) s," \
	"$(vm rate) frames/s; send errors $(vm failed)"
summary "$tmpd/vm.out" '^(kind|vm|back)\.'
echo "# from the physical network: $(u sent) frames in $(($(u elapsed_ms) / 1000)) s," \
	"$(u rate) frames/s; send errors $(u failed); $(u trains) datagrams" \
	"in $(u train_frags) fragments"
summary "$tmpd/u.out" '^(kind|pred)\.'
echo "# [${SECONDS}s] $sent frames in $fuzz_s s: $((sent / (fuzz_s > 0 ? fuzz_s : 1))) frames/s"
expect_eq "both generators exited cleanly" "0 0" "$vm_rc $u_rc"
why=
[ "$(vm out_of_time)$(u out_of_time)" != 00 ] &&
	why=": the time ($budget s) ran out at $((sent / (fuzz_s > 0 ? fuzz_s : 1))) frames/s"
ok_test "$sent frames sent, at least $frames$why" test "$sent" -ge "$frames"
ok_test "counters settle after the fuzz" quiet_snap "$tmpd/p1"
echo "# [${SECONDS}s] settled"

# --- from the VM: where every frame went ---------------------------------

load A1 "$tmpd/p0.h1"
load B1 "$tmpd/p1.h1"
load A2 "$tmpd/p0.h2"
load B2 "$tmpd/p1.h2"
h2_arrived=$(d2 uplink.rx_packets)
h2_bad=$(($(d2 sw.drop.bad-vxlan) + $(d2 sw.drop.bad-nvgre) + $(d2 sw.drop.unknown-vni)))
h2_udrops=$(($(d2 uplink.drops) - h2_bad - $(d2 sw.drop.switch-xmit)))
h2_ports=$(($(d2 pc.rx_packets) + $(d2 pc.tx_packets) + $(d2 pe.rx_packets) + $(d2 pe.tx_packets)))
drops=$(d1 pfz.drops)
echo "# fz's port: rx $(d1 pfz.rx_packets), drops $drops$(drops_of pfz);" \
	"flows new $(d1 pfz.flows_new) uncached $(d1 pfz.flows_uncached)" \
	"recomposed $(d1 pfz.flows_recomposed) aged $(d1 pfz.flows_aged)"
echo "# back to fz: $(vm back.err) ICMP errors, $(vm back.other) replies;" \
	"to sink $(d1 psink.tx_packets) (dropped $(d1 dev.psink.tx_dropped));" \
	"encapsulated to h2 $h2_arrived"

expect_eq "fz's port took in every frame sent but $(vm vm.pre_drop) VLAN runts" \
	"$(vm vm.reach)" "$(d1 pfz.rx_packets)"
expect_eq "fz got every frame its port sent back ($(d1 pfz.tx_packets)), none dropped" \
	"$(d1 pfz.tx_packets) 0 0" \
	"$(($(vm back.err) + $(vm back.other))) $(vm back.drops) $(d1 dev.pfz.tx_dropped)"
expect_eq "every frame into fz's port: a counted drop, an answer, to sink, or to h2" \
	"$(d1 pfz.rx_packets)" \
	"$((drops + $(vm back.other) + $(d1 psink.tx_packets) + $(d1 dev.psink.tx_dropped) + h2_arrived + h2_bad))"
ok_test "foreign source MACs: src-mac drops ($(vm vm.foreign_nonip) <= $(d1 pfz.drop.src-mac) <= $(vm vm.foreign))" \
	test "$(d1 pfz.drop.src-mac)" -ge "$(vm vm.foreign_nonip)" -a \
	"$(d1 pfz.drop.src-mac)" -le "$(vm vm.foreign)"
ok_test "too short for their headers: malformed drops ($(d1 pfz.drop.malformed) >= $(vm vm.must_malformed))" \
	test "$(d1 pfz.drop.malformed)" -ge "$(vm vm.must_malformed)"
hits=$(($(d1 pfz.rx_packets) - $(d1 pfz.drop.malformed) - $(d1 pfz.flows_new) - \
	$(d1 pfz.flows_uncached) - $(d1 pfz.flows_recomposed)))
ok_test "slow path and flow cache: $(d1 pfz.flows_new) new flows, $(d1 pfz.flows_uncached) uncached, $hits hits" \
	test "$(d1 pfz.flows_new)" -gt 100 -a "$hits" -gt 100
expect_eq "h2 took all it got as valid and delivered none of it to its VMs" \
	"0 $h2_arrived 0" "$h2_bad $h2_udrops $h2_ports"
expect_eq "sink and us sent nothing" "0 0" \
	"$(d1 psink.rx_packets) $(d1 pus.rx_packets)"

# --- from the physical network -----------------------------------------------

unk=$(u pred.unknown)
echo "# h1: bad-vxlan $(d1 sw.drop.bad-vxlan) unknown-vni $(d1 sw.drop.unknown-vni)" \
	"bad-nvgre $(d1 sw.drop.bad-nvgre) uplink rx $(d1 uplink.rx_packets)" \
	"drops $(d1 uplink.drops) to us $(d1 pus.tx_packets); unknown to the oracle: $unk"
# within KEY PREDICTED DESC: PREDICTED <= the change of KEY <= PREDICTED
# + the frames the oracle could not predict
within() {
	local v
	v=$(d1 "$1")
	ok_test "$3: $1 +$v, predicted $2 (+ up to $unk)" \
		test "$v" -ge "$2" -a "$v" -le "$(($2 + unk))"
}
within sw.drop.bad-vxlan "$(u pred.bad_vxlan)" "VXLAN with bad flags or too short"
within sw.drop.unknown-vni "$(u pred.unknown_vni)" "VXLAN and NVGRE to VNIs without subnet"
within sw.drop.bad-nvgre "$(u pred.bad_nvgre)" "GRE/TEB without a key"
within uplink.rx_packets "$(u pred.decap)" "decapsulated into the uplink"
up_drops=$(($(d1 uplink.drops) - $(d1 sw.drop.bad-vxlan) - $(d1 sw.drop.bad-nvgre) - \
	$(d1 sw.drop.unknown-vni) - $(d1 sw.drop.switch-xmit)))
expect_eq "every decapsulated frame: a counted drop, or delivered to us" \
	"$(d1 uplink.rx_packets)" "$((up_drops + $(d1 pus.tx_packets) + $(d1 dev.pus.tx_dropped)))"
ok_test "us got at most what was aimed at 7004 ($(d1 pus.tx_packets) <= $(u pred.decap.7004) + $unk)" \
	test "$(d1 pus.tx_packets)" -le "$(($(u pred.decap.7004) + unk))"
expect_eq "nothing reached the other VMs (a, b, d: rx tx)" "0 0 0 0 0 0" \
	"$(for p in pa pb pd; do printf '%s %s ' "$(d1 $p.rx_packets)" "$(d1 $p.tx_packets)"; done | sed 's/ $//')"

# --- after -------------------------------------------------------------------

echo "# [${SECONDS}s] the counters add up; now the traffic and the configuration"

ok_test "same host: a still pings b" n a ping -c 2 -i 0.3 -W 2 10.1.1.12
ok_test "VXLAN: a still pings c across hosts" n a ping -c 2 -i 0.3 -W 2 10.1.1.13
ok_test "VXLAN: and c pings a back" n c ping -c 2 -i 0.3 -W 2 10.1.1.11
ok_test "NVGRE: d still pings e across hosts" n d ping -c 2 -i 0.3 -W 2 10.2.1.12
n fz tc qdisc del dev eth0 clsact 2>/dev/null
n sink tc qdisc del dev eth0 clsact 2>/dev/null
nip fz addr add 10.7.1.11/24 dev eth0
nip sink addr add 10.7.1.12/24 dev eth0
ok_test "the fuzzing VM's port still forwards: fz pings sink" \
	n fz ping -c 2 -i 0.3 -W 2 10.7.1.12
ok_test "and its gateway answers" n fz ping -c 2 -i 0.3 -W 2 10.7.1.1
echo "# [${SECONDS}s] pinged"

config h1 >"$tmpd/config.h1.after"
config h2 >"$tmpd/config.h2.after"
expect_eq "h1's configuration reads back unchanged" "" \
	"$(diff "$tmpd/config.h1.before" "$tmpd/config.h1.after")"
expect_eq "h2's configuration reads back unchanged" "" \
	"$(diff "$tmpd/config.h2.before" "$tmpd/config.h2.after")"
ok_test "the flow tables still dump" n h1 hnvctl -j flow show switch hnv0
ok_test "and flush" n h1 hnvctl flow flush switch hnv0
echo "# [${SECONDS}s] configuration read back"
expect_eq "no kernel splat since the fuzzing began" "" "$(splats)"
ok_test "module unloads after the fuzz" module_unload
echo "# [${SECONDS}s] done"

ktap_end
