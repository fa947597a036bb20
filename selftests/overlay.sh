#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Contoso/Fabrikam scenario across hosts, Contoso over VXLAN and
# Fabrikam over NVGRE: wire formats, interop with Linux's own vxlan and
# gretap drivers, an ordinary GRE tunnel beside NVGRE, bad packets from
# the underlay, a mapping change (VM move) under traffic.
#
#  csql 10.1.1.11 (5001) -+                      +- cweb 10.1.1.12 (5001)
#  fsql 10.1.1.11 (6001) -+ h1 hnv0              |  fweb 10.1.1.12 (6001)
#           PA 192.168.1.10 -- r1 [rt] r2 -- 192.168.2.20 PA  h2 hnv0
#                                   r3
#                                    |
#            192.168.3.30 h3: Linux vxlan (VNI 5001) + bridge
#                             lweb 10.1.1.13 (Contoso)
#                             Linux gretap (key 6001 << 8) + bridge
#                             lfweb 10.1.1.13 (Fabrikam)

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3 nc tcpdump bridge

declare -A mac=([csql]=02:00:00:00:00:01 [fsql]=02:00:00:00:00:02
		[cweb]=02:00:00:00:00:03 [fweb]=02:00:00:00:00:04
		[lweb]=02:00:00:00:00:05 [lfweb]=02:00:00:00:00:06)
port_stat() { # HOST PORT FIELD
	n "$1" hnvctl -j port show dev "$2" |
		python3 -c "import json,sys; print(json.load(sys.stdin)[0]['stats']['$3'])"
}
sw_drop() { # HOST REASON
	n "$1" hnvctl -j switch show dev hnv0 |
		python3 -c "import json,sys; print(json.load(sys.stdin)[0]['stats']['drops'].get('$2', 0))"
}
# udp_send HOST DST PORT HEX: one UDP datagram from HOST
udp_send() {
	n "$1" python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(bytes.fromhex(sys.argv[3]), (sys.argv[1], int(sys.argv[2])))
' "$2" "$3" "$4"
}

ktap_begin

underlay_new 1 2 3
ok_test "the underlay routes h2 -> h1" n h2 ping -c 1 -W 2 192.168.1.10

# hnv on h1 and h2.
for h in h1 h2; do
	nip $h link add hnv0 type hnv
	nip $h link set hnv0 up
	n $h hnvctl subnet add vsid 5001 rdid 1 switch hnv0
	n $h hnvctl subnet add vsid 6001 rdid 2 encap nvgre switch hnv0
done
vm_new csql h1 "${mac[csql]}" 10.1.1.11/24
vm_new fsql h1 "${mac[fsql]}" 10.1.1.11/24
vm_new cweb h2 "${mac[cweb]}" 10.1.1.12/24
vm_new fweb h2 "${mac[fweb]}" 10.1.1.12/24
for vm in csql cweb; do
	h=h1; [ $vm = cweb ] && h=h2
	n $h hnvctl port set dev p$vm vsid 5001 mac "${mac[$vm]}"
done
for vm in fsql fweb; do
	h=h1; [ $vm = fweb ] && h=h2
	n $h hnvctl port set dev p$vm vsid 6001 mac "${mac[$vm]}"
done

fail_test "without a PA nothing leaves the host" n cweb ping -c 1 -W 1 10.1.1.11
ok_test "h1: PA 192.168.1.10" n h1 hnvctl switch set dev hnv0 pa 192.168.1.10
ok_test "h2: PA 192.168.2.20" n h2 hnvctl switch set dev hnv0 pa 192.168.2.20
expect_eq "switch show lists the PA and the VXLAN port" "['192.168.1.10'] 4789" \
	"$(n h1 hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; s=json.load(sys.stdin)[0]; print(s["pas"], s["vxlan_port"])')"
ok_test "h1 maps Contoso web -> h2" n h1 hnvctl map add vsid 5001 mac "${mac[cweb]}" ca 10.1.1.12 pa 192.168.2.20 switch hnv0
ok_test "h1 maps Fabrikam web -> h2" n h1 hnvctl map add vsid 6001 mac "${mac[fweb]}" ca 10.1.1.12 pa 192.168.2.20 switch hnv0
ok_test "h2 maps Contoso SQL -> h1" n h2 hnvctl map add vsid 5001 mac "${mac[csql]}" ca 10.1.1.11 pa 192.168.1.10 switch hnv0
ok_test "h2 maps Fabrikam SQL -> h1" n h2 hnvctl map add vsid 6001 mac "${mac[fsql]}" ca 10.1.1.11 pa 192.168.1.10 switch hnv0
out=$(n h1 hnvctl map add vsid 5001 mac "${mac[cweb]}" pa 192.168.2.21 switch hnv0 2>&1)
expect_match "a second add of the same (VSID, MAC) is refused" "already maps this MAC" "$out"
out=$(n h1 hnvctl map add vsid 7001 mac "${mac[cweb]}" pa 192.168.2.21 switch hnv0 2>&1)
expect_match "a mapping needs the subnet" "no such virtual subnet" "$out"
expect_eq "map show lists h1's two mappings" "2" \
	"$(n h1 hnvctl -j map show switch hnv0 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"

# Each tenant reaches its own VMs across the hosts, never the other's.
tcpdump_start() { # FILE: capture VXLAN on the router's h1 side
	# Not through n(): $! must be tcpdump itself, not a subshell.
	: > "$1"
	ip netns exec "$(netns_name rt)" tcpdump -Z root -n -U -i r1 -w "$1" \
		'udp port 4789 or ip proto 47' 2>/dev/null &
	TCPDUMP_PID=$!
	# It writes the file header once it captures.
	poll_until 10 test -s "$1"
}
tcpdump_stop() {
	sleep 0.5
	kill "$TCPDUMP_PID"
	wait "$TCPDUMP_PID" 2>/dev/null
}
cap=$(mktemp)
on_exit "rm -f $cap"
tcpdump_start "$cap"
ok_test "Contoso web pings Contoso SQL across hosts" n cweb ping -c 3 -i 0.2 -W 2 10.1.1.11
ok_test "Fabrikam web pings Fabrikam SQL across hosts" n fweb ping -c 3 -i 0.2 -W 2 10.1.1.11
tcpdump_stop
expect_eq "Contoso web resolved 10.1.1.11 to Contoso SQL" "${mac[csql]}" \
	"$(nip cweb neigh show 10.1.1.11 | awk '{print $5}')"
expect_eq "Fabrikam web resolved 10.1.1.11 to Fabrikam SQL" "${mac[fsql]}" \
	"$(nip fweb neigh show 10.1.1.11 | awk '{print $5}')"
wire=$(python3 "$here/pcap_summary.py" "$cap")
expect_match "Contoso crosses as VXLAN: PA to PA, port 4789, I flag, VNI 5001" \
	'^vxlan 192\.168\.2\.20 192\.168\.1\.10 [0-9]+ 4789 flags=0x08 vni=5001 inner=0x0800$' "$wire"
expect_match "Fabrikam crosses as NVGRE: key present, proto 0x6558, key VSID<<8|FlowID" \
	'^nvgre 192\.168\.2\.20 192\.168\.1\.10 flags=0x2000 proto=0x6558 key=0x[0-9a-f]{8} vsid=6001 flowid=[0-9]+ inner=0x0800$' "$wire"
expect_eq "every overlay packet carries its own tenant's VSID" "" \
	"$(echo "$wire" | grep -vE '^vxlan .* vni=5001 |^nvgre .* vsid=6001 ')"
expect_eq "no tenant packet crosses the underlay unencapsulated" "0" \
	"$(tcpdump -Z root -n -r "$cap" 'not udp port 4789 and not ip proto 47' 2>/dev/null | wc -l)"

n csql sh -c 'nc -l -p 7000 > /tmp/overlay.recv &'
sleep 0.5
head -c 1000000 /dev/urandom > /tmp/overlay.send
ok_test "TCP: 1 MB Contoso web -> Contoso SQL" n cweb timeout 60 nc -N 10.1.1.11 7000 < /tmp/overlay.send
wait_for "every byte arrived intact" 15 cmp -s /tmp/overlay.send /tmp/overlay.recv
rm -f /tmp/overlay.send /tmp/overlay.recv
# GSO: the VM hands the switch TCP segments far larger than the MTU and
# they are encapsulated whole, to be segmented after encapsulation.
avg=$(n h2 hnvctl -j flow show switch hnv0 dev pcweb | python3 -c '
import json, sys
f = [f for f in json.load(sys.stdin) if f.get("ip_proto") == 6 and f.get("l4_dst") == 7000]
print(max(x["bytes"] // x["packets"] for x in f) if f else 0)')
ok_test "the TCP stream crossed the switch in GSO frames (avg $avg bytes > 1514)" test "$avg" -gt 1514

# Flows leave on different UDP source ports (ECMP entropy).
tcpdump_start "$cap"
for p in 1 2 3 4 5 6; do
	n cweb python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("", 40000 + int(sys.argv[1]))); s.sendto(b"x", ("10.1.1.11", 9))' $p
done
tcpdump_stop
sports=$(python3 "$here/pcap_summary.py" "$cap" | awk '$1 == "vxlan" {print $4}' | sort -u | wc -l)
ok_test "six UDP flows used several outer source ports ($sports)" test "$sports" -ge 3

tcpdump_start "$cap"
for p in 1 2 3 4 5 6; do
	n fweb python3 -c 'import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("", 40000 + int(sys.argv[1]))); s.sendto(b"x", ("10.1.1.11", 9))' $p
done
tcpdump_stop
keys=$(python3 "$here/pcap_summary.py" "$cap" | awk '$1 == "nvgre" {print $6}' | sort -u | wc -l)
ok_test "six NVGRE flows used several FlowIDs ($keys)" test "$keys" -ge 3

# An ordinary GRE tunnel between the same hosts keeps working beside NVGRE.
nip h1 link add gre1 type gre local 192.168.1.10 remote 192.168.2.20
nip h2 link add gre1 type gre local 192.168.2.20 remote 192.168.1.10
nip h1 addr add 10.99.0.1/30 dev gre1
nip h2 addr add 10.99.0.2/30 dev gre1
nip h1 link set gre1 up
nip h2 link set gre1 up
ok_test "an ordinary GRE tunnel in the same namespaces works" n h2 ping -c 2 -i 0.3 -W 2 10.99.0.1
ok_test "and NVGRE still does" n fweb ping -c 2 -i 0.3 -W 2 10.1.1.11

n cweb ping -c 1 -W 2 10.1.1.11 >/dev/null	# the flow, afresh (it idles out)
expect_match "flow show shows the encapsulation" \
	'"encap":\{"type":"vxlan","vni":5001,"src":"192.168.2.20","dst":"192.168.1.10"\}' \
	"$(n h2 hnvctl -j flow show switch hnv0 dev pcweb)"

# linux_vm VM TUNNEL BRIDGE CIDR: on h3, a VM behind a Linux bridge
# BRIDGE with the tunnel device TUNNEL (already created) as its uplink.
linux_vm() {
	local vm=$1 tun=$2 br=$3 cidr=$4 d

	netns_new "$vm"
	n "$vm" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	nip h3 link add "$br" type bridge
	nip h3 link set "$tun" master "$br"
	nip h3 link add "p$vm" type veth peer name eth0 netns "$(netns_name "$vm")"
	nip h3 link set "p$vm" master "$br"
	for d in "$tun" "$br" "p$vm"; do nip h3 link set "$d" up; done
	nip "$vm" link set eth0 address "${mac[$vm]}"
	nip "$vm" addr add "$cidr" dev eth0
	nip "$vm" link set eth0 up
}

# Interop: h3 runs Linux's vxlan + bridge for a Contoso VM.
nip h3 link add vx0 type vxlan id 5001 local 192.168.3.30 dstport 4789 nolearning
linux_vm lweb vx0 br0 10.1.1.13/24
n h3 bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.1.10
n h3 bridge fdb add "${mac[csql]}" dev vx0 dst 192.168.1.10
n h1 hnvctl map add vsid 5001 mac "${mac[lweb]}" pa 192.168.3.30 switch hnv0
ok_test "Linux vxlan host -> hnv host" n lweb ping -c 2 -i 0.3 -W 2 10.1.1.11
ok_test "hnv host -> Linux vxlan host" n csql ping -c 2 -i 0.3 -W 2 10.1.1.13

# Interop: h3 also runs a Linux gretap with the NVGRE key of VSID 6001
# (FlowID 0) for a Fabrikam VM.  A plain gretap matches its key exactly:
# h1 sends FlowID 0 once told to.
nip h3 link add gt0 type gretap local 192.168.3.30 remote 192.168.1.10 \
	key $((6001 << 8))
linux_vm lfweb gt0 br1 10.1.1.13/24
n h1 hnvctl map add vsid 6001 mac "${mac[lfweb]}" pa 192.168.3.30 switch hnv0
ok_test "h1: NVGRE FlowID off" n h1 hnvctl switch set dev hnv0 nvgre-flowid off
expect_eq "switch show says so" "False" \
	"$(n h1 hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["nvgre_flowid"])')"
ok_test "Linux gretap host -> hnv host" n lfweb ping -c 2 -i 0.3 -W 2 10.1.1.11
ok_test "hnv host -> Linux gretap host" n fsql ping -c 2 -i 0.3 -W 2 10.1.1.13

# Broadcast: one unicast copy per remote host with VMs in the VSID, and
# only to that VSID's VMs.  Each VM counts the frames of the test's
# EtherType (0x88b5) it receives.
listen() { # VM: count 0x88b5 frames on eth0 into $tmpd/VM until $tmpd/stop
	n "$1" python3 -c '
import os, socket, sys, time
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x88b5))
s.bind(("eth0", 0))
s.settimeout(0.2)
n = 0
open(sys.argv[1] + ".ready", "w").close()
while not os.path.exists(os.path.dirname(sys.argv[1]) + "/stop"):
    try:
        s.recv(2048)
        n += 1
    except socket.timeout:
        pass
open(sys.argv[1], "w").write(str(n))
' "$tmpd/$1" &
}
tmpd=$(mktemp -d)
on_exit "rm -rf $tmpd"
for vm in cweb lweb fweb fsql; do listen $vm; done
poll_until 10 sh -c "ls $tmpd/*.ready 2>/dev/null | wc -l | grep -qx 4"
n csql python3 -c '
import socket
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW); s.bind(("eth0", 0))
for i in range(3):
    s.send(b"\xff" * 6 + bytes.fromhex("020000000001") + b"\x88\xb5" + bytes([i]) * 46)'
sleep 2		# the copies' way through two hosts
touch "$tmpd/stop"
wait
expect_eq "3 Contoso broadcasts reached Contoso web (hnv, h2) and the Linux host's VM once each, no Fabrikam VM" \
	"cweb=3 lweb=3 fweb=0 fsql=0" \
	"$(for vm in cweb lweb fweb fsql; do printf '%s=%s ' $vm "$(cat $tmpd/$vm)"; done | sed 's/ $//')"

# Bad input from the underlay is dropped and counted.
d=$(sw_drop h1 unknown-vni)
zeros=$(printf '00%.0s' $(seq 46))
udp_send h2 192.168.1.10 4789 "08000000001e6100${mac[csql]//:/}02000000000388b5$zeros"
wait_for "an unknown VNI is dropped and counted" 5 sh -c "[ \$(ip netns exec $(netns_name h1) hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0][\"stats\"][\"drops\"].get(\"unknown-vni\", 0))') -gt $d ]"
d=$(sw_drop h1 bad-vxlan)
udp_send h2 192.168.1.10 4789 "0c00000000138900${mac[csql]//:/}02000000000388b5$zeros"
udp_send h2 192.168.1.10 4789 "08000000"
wait_for "bad VXLAN flags and a runt are dropped and counted" 5 sh -c "[ \$(ip netns exec $(netns_name h1) hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0][\"stats\"][\"drops\"].get(\"bad-vxlan\", 0))') -ge $((d + 2)) ]"

# Bad NVGRE: GRE without a key is the switch's bad-nvgre drop; a GRE
# checksum (NVGRE has none) is counted by ip_gre on the switch's receiver
# device.  ip_gre drops GRE version 1, the routing bit and inner frames
# shorter than an Ethernet header before any tunnel sees them, uncounted;
# they must not disturb anything.  (A sequence number is accepted: ip_gre
# does not pass it on in the tunnel metadata.)
gre_send() { # HEX: one GRE packet (its GRE header onward) from h2 to h1
	n h2 python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, 47)
s.sendto(bytes.fromhex(sys.argv[1]), ("192.168.1.10", 0))' "$1"
}
gre_csum() { # HEX: HEX with the GRE checksum at bytes 4..5 filled in
	python3 -c '
import sys
b = bytearray.fromhex(sys.argv[1])
s = sum((b[i] << 8) + (b[i + 1] if i + 1 < len(b) else 0) for i in range(0, len(b), 2))
while s >> 16:
    s = (s & 0xffff) + (s >> 16)
b[4:6] = (~s & 0xffff).to_bytes(2, "big")
print(b.hex())' "$1"
}
crc_errs() { # rx_crc_errors of the switch's NVGRE receiver (not gretap0)
	nip h1 -s -s -j link show type gretap | python3 -c '
import json, sys
print([d for d in json.load(sys.stdin) if d["ifname"].startswith("hnvgre")][0]["stats64"]["rx"]["crc_errors"])'
}
frame="${mac[fsql]//:/}02000000000488b5$zeros"
d=$(sw_drop h1 bad-nvgre)
crc=$(crc_errs)
gre_send "00006558$frame"
gre_send "$(gre_csum "a00065580000000000177100$frame")"
gre_send "20006558001771001122334455"
gre_send "300065580017710000000001$frame"
gre_send "2001655800177100$frame"
gre_send "6000655800177100$frame"
wait_for "GRE without a key: counted as bad-nvgre" 5 \
	sh -c "[ \$(ip netns exec $(netns_name h1) hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0][\"stats\"][\"drops\"].get(\"bad-nvgre\", 0))') -gt $d ]"
crc2=$(crc_errs)
ok_test "GRE with a checksum: the receiver's rx_crc_errors ($crc -> $crc2)" \
	test "$crc2" -gt "$crc"
ok_test "Fabrikam still flows after bad GRE" n fweb ping -c 2 -i 0.3 -W 2 10.1.1.11

# A VM move: the mapping's PA changes under a running ping (10 s, so
# that a slow kernel still moves it back well before the end); the
# replies' sequence numbers show the gap and the ping going on after it.
n cweb sh -c 'ping -i 0.1 -c 100 -W 1 10.1.1.11 > /tmp/overlay.ping' &
pinger=$!
sleep 1.5
ok_test "h2 moves Contoso SQL's mapping to a dead PA" \
	n h2 hnvctl map replace vsid 5001 mac "${mac[csql]}" pa 192.168.1.99 switch hnv0
sleep 1
ok_test "and back" n h2 hnvctl map replace vsid 5001 mac "${mac[csql]}" pa 192.168.1.10 switch hnv0
wait "$pinger"
read -r lost after < <(ping_gap /tmp/overlay.ping)
rm -f /tmp/overlay.ping
ok_test "the ping stopped while the mapping pointed elsewhere ($lost lost)" \
	test "${lost:-0}" -ge 5
ok_test "and went on after the move back ($after answered after the gap)" \
	test "${after:-0}" -ge 10

# Strict mode: only what comes from the PA the inner source is mapped to.
vxlan_from_h2() { # INNER_SRC_MAC: a VXLAN frame, VNI 5001, to csql, from h2
	udp_send h2 192.168.1.10 4789 "0800000000138900${mac[csql]//:/}${1//:/}88b5$zeros"
}
ok_test "h1: strict mode on" n h1 hnvctl switch set dev hnv0 strict on
d=$(sw_drop h1 pa-mismatch)
vxlan_from_h2 "${mac[lweb]}"
vxlan_from_h2 02:00:00:00:00:77
wait_for "a frame claiming h3's VM, and one from an unmapped MAC, both from h2, are dropped" 5 \
	sh -c "[ \$(ip netns exec $(netns_name h1) hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0][\"stats\"][\"drops\"].get(\"pa-mismatch\", 0))') -ge $((d + 2)) ]"
ok_test "legitimate traffic still flows in strict mode" n cweb ping -c 2 -i 0.3 -W 2 10.1.1.11
ok_test "and from the Linux host" n lweb ping -c 2 -i 0.3 -W 2 10.1.1.11
ok_test "strict mode off" n h1 hnvctl switch set dev hnv0 strict off

# ip -s link shows the switch's totals (read twice apart, so allow for
# stray neighbour probes in between: seconds apart on a debug kernel).
a=$(n h1 hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; s=json.load(sys.stdin)[0]["stats"]; print(s["rx_packets"], s["tx_packets"])')
b=$(nip h1 -s -j link show dev hnv0 | python3 -c 'import json,sys; s=json.load(sys.stdin)[0]["stats64"]; print(s["rx"]["packets"], s["tx"]["packets"])')
ok_test "ip -s link of the switch sums its ports ($a vs $b)" python3 -c "
a, b = '$a'.split(), '$b'.split()
assert int(a[0]) > 0 and all(0 <= int(y) - int(x) <= 10 for x, y in zip(a, b))"

# Unload while traffic flows in both tenants.
n cweb ping -i 0.02 -c 1000 -W 1 10.1.1.11 >/dev/null 2>&1 &
n fweb ping -i 0.02 -c 1000 -W 1 10.1.1.11 >/dev/null 2>&1 &
sleep 2
ok_test "module unloads under traffic, with PAs, mappings, VXLAN and NVGRE" module_unload
wait
expect_eq "the NVGRE receiver went with it" "" "$(nip h1 -o link show | grep hnvgre)"

ktap_end
