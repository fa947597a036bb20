#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The distributed router: between the subnets of one RDID, on one host and
# across hosts, IPv4 and IPv6, with the TTL decremented once; never
# between RDIDs, even with overlapping prefixes; the gateways answer ping;
# unknown destinations and expiring TTLs get ICMP errors from the gateway.
#
#  tenant 1 (RDID 1): 5001 10.1.1.0/24 fd00:1::/64, 5002 10.1.2.0/24 fd00:2::/64
#  tenant 2 (RDID 2): 6001 10.1.1.0/24,              6002 10.1.2.0/24
#
#  h1: a 10.1.1.11 fd00:1::11 (5001)      h2: c 10.1.2.13 (5002)
#      b 10.1.2.12 fd00:2::12 (5002)          d fd00:2::14 (5002)
#      e fd00:1::15 (5001)                    y 10.1.2.13 (6002)
#      x 10.1.1.11 (6001)

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3 nc

declare -A mac=([a]=02:00:00:00:03:01 [b]=02:00:00:00:03:02
		[c]=02:00:00:00:03:03 [d]=02:00:00:00:03:04
		[e]=02:00:00:00:03:05 [x]=02:00:00:00:03:06
		[y]=02:00:00:00:03:07)
router_mac=02:48:4e:56:00:01
port_stat() { # HOST PORT FIELD
	n "$1" hnvctl -j port show dev "$2" |
		python3 -c "import json,sys; s=json.load(sys.stdin)[0]['stats']; print(s.get('$3', s['drops'].get('$3', 0)))"
}
# vm HOST VM VSID [v4 CIDR] [v6 CIDR]: a VM with its port bound and its
# default routes through the gateways
vm() {
	local host=$1 vm=$2 vsid=$3 v4=$4 v6=$5 cas=()

	vm_new "$vm" "$host" "${mac[$vm]}" "${v4:-169.254.0.1/32}"
	[ -n "$v4" ] && cas+=(ca "${v4%/*}") &&
		nip "$vm" route add default via "${v4%.*}.1"
	if [ -n "$v6" ]; then
		n "$vm" sysctl -qw net.ipv6.conf.all.disable_ipv6=0 \
			net.ipv6.conf.eth0.disable_ipv6=0
		nip "$vm" addr add "$v6" dev eth0 nodad
		nip "$vm" -6 route add default via "${v6%::*}::1"
		cas+=(ca "${v6%/*}")
	fi
	n "$host" hnvctl port set dev "p$vm" vsid "$vsid" mac "${mac[$vm]}" "${cas[@]}"
}
map() { # HOST VSID VM CA PA
	n "$1" hnvctl map add vsid "$2" mac "${mac[$3]}" ca "$4" pa "$5" switch hnv0
}

ktap_begin

underlay_new 1 2
for i in 1 2; do
	nip h$i link add hnv0 type hnv
	nip h$i link set hnv0 up
	n h$i hnvctl switch set dev hnv0 pa 192.168.$i.$((i * 10))
	n h$i hnvctl subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 prefix fd00:1::/64 switch hnv0
	n h$i hnvctl subnet add vsid 5002 rdid 1 prefix 10.1.2.0/24 prefix fd00:2::/64 switch hnv0
	n h$i hnvctl subnet add vsid 6001 rdid 2 prefix 10.1.1.0/24 switch hnv0
	n h$i hnvctl subnet add vsid 6002 rdid 2 prefix 10.1.2.0/24 switch hnv0
done
vm h1 a 5001 10.1.1.11/24 fd00:1::11/64
vm h1 b 5002 10.1.2.12/24 fd00:2::12/64
vm h1 e 5001 "" fd00:1::15/64
vm h1 x 6001 10.1.1.11/24
vm h2 c 5002 10.1.2.13/24
vm h2 d 5002 "" fd00:2::14/64
vm h2 y 6002 10.1.2.13/24
map h1 5002 c 10.1.2.13 192.168.2.20
map h1 5002 d fd00:2::14 192.168.2.20
map h1 6002 y 10.1.2.13 192.168.2.20
map h2 5001 a 10.1.1.11 192.168.1.10
map h2 5001 e fd00:1::15 192.168.1.10
map h2 6001 x 10.1.1.11 192.168.1.10

# --- the gateways -----------------------------------------------------------------
ok_test "a pings its gateway 10.1.1.1" n a ping -c 1 -W 2 10.1.1.1
ok_test "and the other subnet's, 10.1.2.1" n a ping -c 1 -W 2 10.1.2.1
ok_test "a pings its IPv6 gateway" n a ping -6 -c 1 -W 2 fd00:1::1

# --- routing -----------------------------------------------------------------------
ttl() { # VM ARGS...: the TTL (hop limit) of the ping's reply
	n "$1" ping "${@:2}" -c 1 -W 2 | sed -n 's/.* \(ttl\|hlim\)=\([0-9]*\).*/\2/p'
}
expect_eq "one host, 5001 -> 5002: the reply's TTL went down once" 63 "$(ttl a 10.1.2.12)"
expect_eq "across hosts, 5001 -> 5002 (h1 -> h2): once" 63 "$(ttl a 10.1.2.13)"
expect_eq "IPv6, one host: the hop limit went down once" 63 "$(ttl a -6 fd00:2::12)"
expect_eq "IPv6, across hosts" 63 "$(ttl e -6 fd00:2::14)"
expect_match "h1's flow for it: route to c's MAC, encapsulated in c's VSID straight to h2" \
	"10\.1\.1\.11 > 10\.1\.2\.13 icmp .*actions route ${mac[c]}, encap vxlan vni 5002 192\.168\.1\.10 > 192\.168\.2\.20" \
	"$(n h1 hnvctl flow show dev pa)"

# tcp DESC FROM TO-VM ADDR: 500 kB over TCP, compared byte for byte
tcp() {
	local fam=-4

	[ "${4#*:}" != "$4" ] && fam=-6
	n "$3" sh -c "nc $fam -l -p 7000 > /tmp/route.recv &"
	sleep 0.5
	head -c 500000 /dev/urandom > /tmp/route.send
	ok_test "TCP: 500 kB $1" n "$2" timeout 60 nc -N "$4" 7000 < /tmp/route.send
	wait_for "every byte arrived intact" 15 cmp -s /tmp/route.send /tmp/route.recv
	rm -f /tmp/route.send /tmp/route.recv
}
tcp "from a to b, routed on one host" a b 10.1.2.12
tcp "from a to c, routed across hosts" a c 10.1.2.13
tcp "IPv6, from a to b, routed on one host" a b fd00:2::12
tcp "IPv6, from e to d, routed across hosts" e d fd00:2::14

# --- isolation between RDIDs ----------------------------------------------------------
# pings_to HOST VSID PORT: echo requests h2 took from the physical network
# in VSID, for 10.1.2.13, and delivered to PORT
pings_to() {
	n "$1" hnvctl -j flow show switch hnv0 | python3 -c '
import json, sys
print(sum(f["packets"] for f in json.load(sys.stdin)
          if f["port"] == "uplink" and f["vsid"] == int(sys.argv[1])
          and f.get("ip_dst") == "10.1.2.13" and f.get("ip_proto") == 1
          and f.get("l4_src") == 8 and {"output": sys.argv[2]} in f["actions"]))' "$2" "$3"
}
c0=$(pings_to h2 5002 pc)
ok_test "tenant 2: x pings 10.1.2.13, its own y" n x ping -c 2 -i 0.3 -W 2 10.1.2.13
expect_eq "they arrived in y's VSID 6002 and went to y" 2 "$(pings_to h2 6002 py)"
expect_eq "tenant 1's c, same address, got none of them" "$c0" "$(pings_to h2 5002 pc)"

# --- errors from the gateway -------------------------------------------------------
expect_match "an address nobody has in 10.1.2.0/24: host unreachable from 10.1.1.1" \
	"From 10\.1\.1\.1 .*Destination Host Unreachable" "$(n a ping -c 1 -W 2 10.1.2.99)"
expect_match "a prefix RDID 1 has no subnet for: net unreachable" \
	"From 10\.1\.1\.1 .*Destination Net Unreachable" "$(n a ping -c 1 -W 2 10.9.9.9)"
expect_match "IPv6: unreachable from fd00:1::1" \
	"From fd00:1::1 .*Destination unreachable" "$(n a ping -6 -c 1 -W 2 fd00:2::99)"
t0=$(port_stat h1 pa ttl)
expect_match "TTL 1: time exceeded from the gateway" \
	"From 10\.1\.1\.1 .*Time to live exceeded" "$(n a ping -t 1 -c 1 -W 2 10.1.2.12)"
ok_test "counted as a ttl drop" test "$(port_stat h1 pa ttl)" -gt "$t0"
expect_match "IPv6, hop limit 1: time exceeded" \
	"From fd00:1::1 .*Time exceeded: Hop limit" "$(n a ping -6 -t 1 -c 1 -W 2 fd00:2::12)"

# --- static routes ----------------------------------------------------------------------
# g, on h2 in 5002, is an appliance with 10.9.0.1/16 behind it (on its
# loopback).  Its port has no CA, so that it may answer from 10.9.0.1.
vm_new g h2 02:00:00:00:03:08 10.1.2.50/24
nip g addr add 10.9.0.1/16 dev lo
nip g route add default via 10.1.2.1
n h2 hnvctl port set dev pg vsid 5002 mac 02:00:00:00:03:08
n h1 hnvctl map add vsid 5002 mac 02:00:00:00:03:08 ca 10.1.2.50 pa 192.168.2.20 switch hnv0
fail_test "without a route, 10.9.0.1 is unreachable" n a ping -c 1 -W 1 10.9.0.1
ok_test "h1: route 10.9.0.0/16 via 10.1.2.50 in RDID 1" \
	n h1 hnvctl route add rdid 1 prefix 10.9.0.0/16 via 10.1.2.50 switch hnv0
ok_test "and a default route via b" \
	n h1 hnvctl route add rdid 1 prefix 0.0.0.0/0 via 10.1.2.12 switch hnv0
expect_eq "route show lists both" "0.0.0.0/0>10.1.2.12 10.9.0.0/16>10.1.2.50" \
	"$(n h1 hnvctl -j route show rdid 1 switch hnv0 | python3 -c 'import json,sys; print(" ".join(sorted("%s>%s" % (r["prefix"], r["via"]) for r in json.load(sys.stdin))))')"
expect_eq "a reaches 10.9.0.1 through g: the longer prefix wins over the default" 63 \
	"$(ttl a 10.9.0.1)"
expect_match "h1's flow: routed to g's MAC, in g's VSID, to h2" \
	"10\.1\.1\.11 > 10\.9\.0\.1 icmp .*actions route 02:00:00:00:03:08, encap vxlan vni 5002" \
	"$(n h1 hnvctl flow show dev pa)"
n a ping -c 1 -W 1 10.8.0.1 >/dev/null 2>&1
expect_match "10.8.0.1 takes the default route, to b" \
	"10\.1\.1\.11 > 10\.8\.0\.1 icmp .*actions route ${mac[b]}, output pb" \
	"$(n h1 hnvctl flow show dev pa)"
out=$(n h1 hnvctl route add rdid 1 prefix 10.9.0.0/16 via 10.1.2.50 switch hnv0 2>&1)
expect_match "the same route twice is refused" "the RDID has this route" "$out"
out=$(n h1 hnvctl route add rdid 1 prefix 10.7.0.0/16 via 10.5.5.5 switch hnv0 2>&1)
expect_match "a next hop outside the RDID's subnets is refused" "in no subnet of the RDID" "$out"
out=$(n h1 hnvctl route del rdid 1 prefix 10.6.0.0/16 switch hnv0 2>&1)
expect_match "deleting a route that is not there is refused" "no such route" "$out"

# A route change under traffic: 10.9.0.0/16 moves to b (who does not
# answer for it) and back; established flows follow on their next packet.
# (10 s of pings: a slow kernel still moves it back well before the end;
# the replies' sequence numbers show the gap.)
n a sh -c 'ping -i 0.2 -c 50 -W 1 10.9.0.1 > /tmp/route.ping' &
pinger=$!
sleep 1.5
ok_test "re-point 10.9.0.0/16 to b under traffic" \
	n h1 hnvctl route replace rdid 1 prefix 10.9.0.0/16 via 10.1.2.12 switch hnv0
sleep 1.5
ok_test "and back to g" \
	n h1 hnvctl route replace rdid 1 prefix 10.9.0.0/16 via 10.1.2.50 switch hnv0
wait "$pinger"
read -r lost after < <(ping_gap /tmp/route.ping)
rm -f /tmp/route.ping
ok_test "the ping stopped while the route pointed to b, and went on after ($lost lost, $after after)" \
	test "${lost:-0}" -ge 3 -a "${after:-0}" -ge 5
ok_test "route del" n h1 hnvctl route del rdid 1 prefix 10.9.0.0/16 switch hnv0
fail_test "10.9.0.1 now takes the default route to b, which does not answer" \
	n a ping -c 1 -W 1 10.9.0.1
expect_match "tenant 2 never sees RDID 1's routes" "unreachable|Unreachable" \
	"$(n x ping -c 1 -W 1 10.9.0.1)"

# --- strict mode ---------------------------------------------------------------------
ok_test "h2: strict mode on" n h2 hnvctl switch set dev hnv0 strict on
ok_test "routed frames from h1 still reach c (their source CA is mapped to h1)" \
	n a ping -c 1 -W 2 10.1.2.13
ok_test "h2 moves a's mapping to another PA" \
	n h2 hnvctl map replace vsid 5001 mac "${mac[a]}" ca 10.1.1.11 pa 192.168.1.99 switch hnv0
fail_test "routed frames claiming a's address from h1 are refused" n a ping -c 1 -W 1 10.1.2.13
n h2 hnvctl map replace vsid 5001 mac "${mac[a]}" ca 10.1.1.11 pa 192.168.1.10 switch hnv0
n h2 hnvctl switch set dev hnv0 strict off

# --- the route limit -------------------------------------------------------------
# HNV_ROUTES_MAX (1,024) routes on h2's switch; one more is refused with
# ENOSPC, naming the limit; a batch deletes them all.
lim=$(mktemp)
on_exit "rm -f $lim $lim.del"
for ((i = 0; i < 1024; i++)); do
	echo "route add rdid 1 prefix 172.16.$((i / 256)).$((i % 256))/32 via 10.1.2.50 switch hnv0"
done >"$lim"
sed 's/^route add \(.*\) via [^ ]* /route del \1 /' "$lim" >"$lim.del"
ok_test "h2: 1024 routes with one batch" n h2 hnvctl -batch "$lim"
out=$(n h2 hnvctl route add rdid 1 prefix 172.17.0.0/16 via 10.1.2.50 switch hnv0 2>&1)
expect_match "a 1025th is refused, naming the limit" "HNV_ROUTES_MAX" "$out"
ok_test "a batch deletes the 1024" n h2 hnvctl -batch "$lim.del"
expect_eq "h2 has no route left" 0 \
	"$(n h2 hnvctl -j route show switch hnv0 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"

ok_test "module unloads with routed flows" module_unload

ktap_end
