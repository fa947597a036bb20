#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Virtual subnets on one host: L2 inside a VSID through the engine and its
# unified flow table, isolation between VSIDs with overlapping addresses.
#
#   Contoso, VSID 5001            Fabrikam, VSID 6001
#   c1 10.1.1.1  c2 10.1.1.2      f1 10.1.1.1  f2 10.1.1.2
#      |            |                |            |
#   +--pc1---------pc2--------------pf1----------pf2--+
#   |                     hnv0 (ns sw)                 |
#   +---------------------------------------------------+

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3 nc

nl() { n sw python3 "$here/hnv_nl.py" "$@"; }
hj() { # EXPR hnvctl-args...: a value from hnvctl's JSON ("d" is the document)
	local expr=$1
	shift
	n sw hnvctl -j "$@" | python3 -c "import json,sys; d=json.load(sys.stdin); print($expr)"
}
port_stat() { # PORT FIELD
	hj "d[0]['stats']['$2']" port show dev "$1"
}
port_drop() { # PORT REASON
	hj "d[0]['stats']['drops'].get('$2', 0)" port show dev "$1"
}
# Send COUNT copies of a raw frame from NS's eth0: send NS DST SRC COUNT
send() {
	n "$1" python3 -c '
import socket, sys
dst, src, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("eth0", 0))
f = bytes.fromhex(dst.replace(":", "") + src.replace(":", "")) + b"\x88\xb5" + bytes(46)
for _ in range(count):
    s.send(f)
' "$2" "$3" "$4"
}

ktap_begin

netns_new sw
nip sw link add hnv0 type hnv
nip sw link set hnv0 up
declare -A mac=([c1]=02:00:00:00:50:01 [c2]=02:00:00:00:50:02
		[f1]=02:00:00:00:60:01 [f2]=02:00:00:00:60:02)
declare -A ip=([c1]=10.1.1.1 [c2]=10.1.1.2 [f1]=10.1.1.1 [f2]=10.1.1.2)
for vm in c1 c2 f1 f2; do
	vm_new $vm sw "${mac[$vm]}" "${ip[$vm]}/24"
done

# Virtual subnets and bindings, and their validation.
ok_test "add Contoso's subnet" n sw hnvctl subnet add vsid 5001 rdid 1 switch hnv0
ok_test "add Fabrikam's subnet (NVGRE)" n sw hnvctl subnet add vsid 6001 rdid 2 encap nvgre switch hnv0
expect_eq "subnet show lists both" "5001:1:vxlan 6001:2:nvgre" \
	"$(hj '" ".join("%d:%d:%s" % (s["vsid"], s["rdid"], s["encap"]) for s in sorted(d, key=lambda s: s["vsid"]))' subnet show switch hnv0)"
expect_eq "the kernel rejects VSID 4095" "error ERANGE msg=integer out of range offs=32" \
	"$(nl subnet_new --attr 2:str:hnv0 --attr 8:u32:4095 --attr 9:u32:1)"
expect_eq "the kernel rejects VSID 2^24-1" "error ERANGE msg=integer out of range offs=32" \
	"$(nl subnet_new --attr 2:str:hnv0 --attr 8:u32:16777215 --attr 9:u32:1)"
expect_match "a subnet needs an RDID (attribute 9)" '^error EINVAL msg=.*miss=9 offs=-$' \
	"$(nl subnet_new --attr 2:str:hnv0 --attr 8:u32:7001)"
out=$(n sw hnvctl subnet add vsid 5001 rdid 1 switch hnv0 2>&1)
expect_match "a duplicate VSID is refused" "already has this virtual subnet" "$out"
out=$(n sw hnvctl port set dev pc1 vsid 7001 mac "${mac[c1]}" 2>&1)
expect_match "binding to a missing subnet is refused" "no such virtual subnet" "$out"
for vm in c1 c2; do
	ok_test "bind p$vm to 5001" n sw hnvctl port set dev p$vm vsid 5001 mac "${mac[$vm]}"
done
for vm in f1 f2; do
	ok_test "bind p$vm to 6001" n sw hnvctl port set dev p$vm vsid 6001 mac "${mac[$vm]}"
done
expect_eq "port show reports the binding" "5001 ${mac[c2]}" \
	"$(hj 'd[0]["vsid"], d[0]["mac"]' port show dev pc2 | tr -d "(),'")"
out=$(n sw hnvctl subnet del vsid 5001 switch hnv0 2>&1)
expect_match "a subnet with bound ports cannot be deleted" "ports are bound" "$out"

# Traffic inside each tenant; the same addresses, never crossing over.
ok_test "Contoso c1 pings c2" n c1 ping -c 3 -i 0.2 -W 2 10.1.1.2
ok_test "Fabrikam f1 pings f2" n f1 ping -c 3 -i 0.2 -W 2 10.1.1.2
expect_eq "c1 resolved 10.1.1.2 to Contoso's c2" "${mac[c2]}" \
	"$(nip c1 neigh show 10.1.1.2 | awk '{print $5}')"
expect_eq "f1 resolved 10.1.1.2 to Fabrikam's f2" "${mac[f2]}" \
	"$(nip f1 neigh show 10.1.1.2 | awk '{print $5}')"
n c2 sh -c 'nc -l -p 5001 > /tmp/recv.c2 &' ; sleep 0.5
head -c 200000 /dev/urandom > /tmp/send.c1
ok_test "TCP transfer c1 -> c2" n c1 timeout 20 nc -N 10.1.1.2 5001 < /tmp/send.c1
wait_for "c2 received every byte" 10 cmp -s /tmp/send.c1 /tmp/recv.c2
rm -f /tmp/send.c1 /tmp/recv.c2

# Broadcast reaches exactly the other ports of its VSID.  Static neighbour
# entries keep the VMs' own ARP probes out of the counters below.
for vm in c1 c2 f1 f2; do
	peer=10.1.1.$((3 - ${ip[$vm]##*.}))
	other=${vm:0:1}$((3 - ${vm:1}))
	nip $vm neigh replace "$peer" lladdr "${mac[$other]}" dev eth0 nud permanent
done
before=$(port_stat pc2 tx_packets) fb=$(port_stat pf1 tx_packets) fb2=$(port_stat pf2 tx_packets)
send c1 ff:ff:ff:ff:ff:ff "${mac[c1]}" 4
expect_eq "a broadcast from c1 reaches c2" "$((before + 4))" "$(port_stat pc2 tx_packets)"
expect_eq "and no Fabrikam port" "$fb $fb2" "$(port_stat pf1 tx_packets) $(port_stat pf2 tx_packets)"
send c1 "${mac[f1]}" "${mac[c1]}" 3
expect_eq "unicast to another VSID's MAC stays in the VSID" "$fb" "$(port_stat pf1 tx_packets)"

# A port may only send from its own MAC.
d0=$(port_drop pc1 src-mac)
send c1 "${mac[c2]}" 02:00:00:00:99:99 5
expect_eq "frames with a forged source MAC are dropped and counted" "$((d0 + 5))" \
	"$(port_drop pc1 src-mac)"

# The unified flow table.  (Four pings now: the ones above may be longer
# ago than the idle timeout on a slow host, and their flow gone.)
n c1 ping -c 4 -i 0.2 -W 2 10.1.1.2 >/dev/null
out=$(n sw hnvctl -j flow show switch hnv0 dev pc1)
expect_match "flow show lists c1's ICMP flow with output to pc2" \
	'"ip_proto":1,.*"actions":\[\{"output":"pc2"\}\]' "$out"
expect_match "and the forged frames' flow with its drop" \
	'"actions":\[\{"drop":"src-mac"\}\]' "$out"
pk=$(echo "$out" | python3 -c 'import json,sys; print(max(f["packets"] for f in json.load(sys.stdin) if f.get("ip_proto") == 1))')
ok_test "the ICMP flow counted its packets ($pk)" test "$pk" -ge 4
ok_test "flush the port's flows" n sw hnvctl flow flush switch hnv0 dev pc1
expect_eq "the table is empty" "0" "$(hj 'len(d)' flow show switch hnv0 dev pc1)"
ok_test "traffic goes on after a flush" n c1 ping -c 1 -W 2 10.1.1.2

# A policy change reaches cached flows on their next packet.
ok_test "warm c1 -> c2 flows" n c1 ping -c 2 -i 0.2 -W 2 10.1.1.2
ok_test "move c2 to Fabrikam's subnet" n sw hnvctl port set dev pc2 vsid 6001 mac "${mac[c2]}"
fail_test "c1 no longer reaches c2: no stale flow kept it" n c1 ping -c 2 -i 0.2 -W 1 10.1.1.2
ok_test "move c2 back" n sw hnvctl port set dev pc2 vsid 5001 mac "${mac[c2]}"
ok_test "c1 reaches c2 again" n c1 ping -c 2 -i 0.2 -W 2 10.1.1.2
ok_test "unbind c2" n sw hnvctl port set dev pc2 vsid none
fail_test "an unbound port receives nothing" n c1 ping -c 2 -i 0.2 -W 1 10.1.1.2
expect_match "and sends nothing" '^[1-9]' "$(n c2 ping -c 1 -W 1 10.1.1.1 >/dev/null 2>&1; port_drop pc2 port-unbound)"

# Deleting a port with cached flows towards it.
ok_test "rebind c2" n sw hnvctl port set dev pc2 vsid 5001 mac "${mac[c2]}"
n c1 ping -c 1 -W 2 10.1.1.2 >/dev/null
ok_test "delete c2's port while c1 has flows to it" nip sw link del pc2
fail_test "c1's traffic to it now goes nowhere" n c1 ping -c 1 -W 1 10.1.1.2
expect_match "counted as no-dest" '^[1-9]' "$(port_drop pc1 no-dest)"
ok_test "remove Fabrikam's ports, then its subnet" sh -c \
	"ip -n $(netns_name sw) link del pf1 && ip -n $(netns_name sw) link del pf2 &&
	 ip netns exec $(netns_name sw) hnvctl subnet del vsid 6001 switch hnv0"
# A broadcast to more ports than the slow path's first action list holds
# (8): the list grows, every other port of the VSID gets one copy.
n sw sysctl -qw net.ipv6.conf.default.disable_ipv6=1
n sw hnvctl subnet add vsid 7001 rdid 3 switch hnv0
for i in $(seq 0 20); do
	m=$(printf '02:00:00:00:70:%02x' "$i")
	nip sw link add "pm$i" type veth peer name "qm$i" &&
	nip sw link set "qm$i" address "$m" &&
	nip sw link set "pm$i" master hnv0 &&
	nip sw link set "pm$i" up && nip sw link set "qm$i" up &&
	n sw hnvctl port set dev "pm$i" vsid 7001 mac "$m"
done
many_tx() {
	hj "' '.join(str(p['stats']['tx_packets']) for p in sorted(d, key=lambda p: int(p['ifname'][2:])) if p['ifname'].startswith('pm'))" port show switch hnv0
}
before=$(many_tx)
n sw python3 -c '
import socket
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("qm0", 0))
s.send(bytes.fromhex("ffffffffffff020000007000") + b"\x88\xb5" + bytes(46))
'
want=$(echo "$before" | awk '{printf "%s", $1; for (i = 2; i <= NF; i++) printf " %d", $i + 1; print ""}')
expect_eq "a broadcast reaches each of 20 other ports once" "$want" "$(many_tx)"
for i in $(seq 0 20); do
	nip sw link del "pm$i"
done
n sw hnvctl subnet del vsid 7001 switch hnv0

ok_test "module unloads with subnets, bindings and flows" module_unload

ktap_end
