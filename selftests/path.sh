#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The physical path under the overlay: its MTU (a frame too big once
# encapsulated and not to be fragmented gets an ICMP error back to the VM
# naming what fits, over VXLAN and NVGRE, IPv4 and IPv6), fragmentation of
# the outer packets, GRO of VXLAN on receive, and frames from the physical
# network going through the switch's flow table (the uplink's flows).
#
#  a 10.1.1.1 (5001, VXLAN) -+                       +- b 10.1.1.2 (5001)
#  c 10.2.2.1 (6001, NVGRE) -+ h1 hnv0               |  d 10.2.2.2 (6001)
#       PA 192.168.1.10 -- r1 [rt] r2 -- 192.168.2.20 PA  h2 hnv0
#    (h1's underlay MTU 1400: the overlay MTU is 1350 for VXLAN, 1358 for
#     NVGRE; the VMs' own MTU is 1500)

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3 nc tcpdump ethtool

declare -A mac=([a]=02:00:00:00:01:01 [b]=02:00:00:00:01:02
		[c]=02:00:00:00:01:03 [d]=02:00:00:00:01:04)
port_drop() { # HOST PORT REASON
	n "$1" hnvctl -j port show dev "$2" |
		python3 -c "import json,sys; print(json.load(sys.stdin)[0]['stats']['drops'].get('$3', 0))"
}
route_mtu() { # VM DST: the path MTU the VM has learnt for DST ("" if none)
	nip "$1" route get "$2" | sed -n 's/.* mtu \([0-9]*\).*/\1/p' | head -1
}

ktap_begin

underlay_new 1 2
for i in 1 2; do
	nip h$i link add hnv0 type hnv
	nip h$i link set hnv0 up
	n h$i hnvctl subnet add vsid 5001 rdid 1 switch hnv0
	n h$i hnvctl subnet add vsid 6001 rdid 2 encap nvgre switch hnv0
	n h$i hnvctl switch set dev hnv0 pa 192.168.$i.$((i * 10))
done
nip h1 link set pnic mtu 1400
nip rt link set r1 mtu 1400
vm_new a h1 "${mac[a]}" 10.1.1.1/24
vm_new b h2 "${mac[b]}" 10.1.1.2/24
vm_new c h1 "${mac[c]}" 10.2.2.1/24
vm_new d h2 "${mac[d]}" 10.2.2.2/24
n h1 hnvctl port set dev pa vsid 5001 mac "${mac[a]}"
n h2 hnvctl port set dev pb vsid 5001 mac "${mac[b]}"
n h1 hnvctl port set dev pc vsid 6001 mac "${mac[c]}"
n h2 hnvctl port set dev pd vsid 6001 mac "${mac[d]}"
n h1 hnvctl map add vsid 5001 mac "${mac[b]}" ca 10.1.1.2 pa 192.168.2.20 switch hnv0
n h2 hnvctl map add vsid 5001 mac "${mac[a]}" ca 10.1.1.1 pa 192.168.1.10 switch hnv0
n h1 hnvctl map add vsid 6001 mac "${mac[d]}" ca 10.2.2.2 pa 192.168.2.20 switch hnv0
n h2 hnvctl map add vsid 6001 mac "${mac[c]}" ca 10.2.2.1 pa 192.168.1.10 switch hnv0
ok_test "VXLAN VMs reach each other" n a ping -c 2 -i 0.3 -W 2 10.1.1.2
ok_test "NVGRE VMs reach each other" n c ping -c 2 -i 0.3 -W 2 10.2.2.2

# --- MTU -------------------------------------------------------------
# 1400 bytes of ICMP payload with DF: 1428-byte IP packets, 1478 with
# VXLAN around them, more than h1's underlay carries.
d0=$(port_drop h1 pa too-big)
fail_test "VXLAN: 1428 bytes with DF do not cross a 1400-byte underlay" \
	n a ping -M do -s 1400 -c 1 -W 2 10.1.1.2
expect_eq "VXLAN: the VM learnt the overlay MTU 1400 - 50 from the ICMP error" \
	1350 "$(route_mtu a 10.1.1.2)"
ok_test "VXLAN: counted as too-big on the port" \
	test "$(port_drop h1 pa too-big)" -gt "$d0"
ok_test "VXLAN: 1350 bytes with DF cross" n a ping -M do -s 1322 -c 1 -W 2 10.1.1.2
fail_test "VXLAN: 1351 do not" n a ping -M do -s 1323 -c 1 -W 2 10.1.1.2

fail_test "NVGRE: 1428 bytes with DF do not cross" \
	n c ping -M do -s 1400 -c 1 -W 2 10.2.2.2
expect_eq "NVGRE: the VM learnt the overlay MTU 1400 - 42" \
	1358 "$(route_mtu c 10.2.2.2)"
ok_test "NVGRE: 1358 bytes with DF cross" n c ping -M do -s 1330 -c 1 -W 2 10.2.2.2

# Without DF the outer packet is fragmented on the underlay and
# reassembled by the receiving host.
cap=$(mktemp)
on_exit "rm -f $cap"
: > "$cap"
ip netns exec "$(netns_name rt)" tcpdump -Z root -n -U -i r1 -w "$cap" \
	'ip[6:2] & 0x3fff != 0' 2>/dev/null &
tcpd=$!
poll_until 10 test -s "$cap"
ok_test "VXLAN: 3000 bytes without DF cross (VM and underlay fragment)" \
	n a ping -M dont -s 3000 -c 2 -i 0.3 -W 2 10.1.1.2
ok_test "NVGRE: 1428 bytes without DF cross (the underlay fragments)" \
	n c ping -M dont -s 1400 -c 2 -i 0.3 -W 2 10.2.2.2
sleep 0.5
kill "$tcpd"
wait "$tcpd" 2>/dev/null
frags=$(tcpdump -Z root -n -r "$cap" 2>/dev/null | wc -l)
ok_test "the outer packets were fragmented on the underlay ($frags fragments)" \
	test "$frags" -ge 4

# TCP finds the overlay MTU by itself (its segments carry DF).
n b sh -c 'nc -l -p 7000 > /tmp/path.recv &'
sleep 0.5
head -c 500000 /dev/urandom > /tmp/path.send
ok_test "TCP: 500 kB a -> b over the 1400-byte underlay" \
	n a timeout 60 nc -N 10.1.1.2 7000 < /tmp/path.send
wait_for "every byte arrived intact" 15 cmp -s /tmp/path.send /tmp/path.recv
rm -f /tmp/path.send /tmp/path.recv

# IPv6: "packet too big".
for vm in a b; do
	n $vm sysctl -qw net.ipv6.conf.all.disable_ipv6=0 \
		net.ipv6.conf.eth0.disable_ipv6=0
done
nip a addr add fd00:5001::1/64 dev eth0 nodad
nip b addr add fd00:5001::2/64 dev eth0 nodad
ok_test "VXLAN, IPv6: the VMs reach each other" \
	n a ping -6 -c 2 -i 0.3 -W 2 fd00:5001::2
fail_test "VXLAN, IPv6: 1448 bytes do not cross" \
	n a ping -6 -M do -s 1400 -c 1 -W 2 fd00:5001::2
expect_eq "VXLAN, IPv6: the VM learnt the overlay MTU from the packet-too-big" \
	1350 "$(route_mtu a fd00:5001::2)"
ok_test "VXLAN, IPv6: 1350 bytes cross" \
	n a ping -6 -M do -s 1302 -c 1 -W 2 fd00:5001::2

# --- the uplink's flows ----------------------------------------------
# Quiet VMs: no IPv6 chatter (neighbour and multicast listener messages)
# and no ARP probes may make a flow right after a flush.
for vm in a b; do
	n $vm sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.eth0.disable_ipv6=1
done
nip a neigh replace 10.1.1.2 lladdr "${mac[b]}" dev eth0 nud permanent
nip b neigh replace 10.1.1.1 lladdr "${mac[a]}" dev eth0 nud permanent
uplink_flows() { # HOST: the uplink flows as "vsid tun_src actions" lines
	n "$1" hnvctl -j flow show switch hnv0 | python3 -c '
import json, sys
for f in json.load(sys.stdin):
    if f["port"] == "uplink":
        print(f["vsid"], f["tun_src"], json.dumps(f["actions"], separators=(",", ":")))' |
		sort -u
}
n h1 hnvctl flow flush switch hnv0
ok_test "a pings b again" n a ping -c 2 -i 0.3 -W 2 10.1.1.2
expect_match "h1 caches the decapsulated replies as an uplink flow: VSID, sender's PA, output to a's port" \
	'^5001 192\.168\.2\.20 \[\{"output":"pa"\}\]$' "$(uplink_flows h1)"
expect_match "h2 caches the requests the same way" \
	'^5001 192\.168\.1\.10 \[\{"output":"pb"\}\]$' "$(uplink_flows h2)"
n h1 hnvctl flow flush switch hnv0
expect_eq "flow flush empties the uplink's table too" "" "$(uplink_flows h1)"
# Strict mode and the mappings are composed into uplink flows: a change
# reaches the cached flow on its next packet.
n h2 hnvctl switch set dev hnv0 strict on
n h2 hnvctl map replace vsid 5001 mac "${mac[a]}" ca 10.1.1.1 pa 192.168.1.11 switch hnv0
fail_test "strict: a's mapping moved to another PA, h2 no longer takes a's frames from h1" \
	n a ping -c 1 -W 1 10.1.1.2
expect_match "the cached uplink flow now drops" \
	'^5001 192\.168\.1\.10 \[\{"drop":"pa-mismatch"\}\]$' "$(uplink_flows h2)"
n h2 hnvctl map replace vsid 5001 mac "${mac[a]}" ca 10.1.1.1 pa 192.168.1.10 switch hnv0
ok_test "the mapping back: a reaches b again" n a ping -c 1 -W 2 10.1.1.2
n h2 hnvctl switch set dev hnv0 strict off

# --- GRO ---------------------------------------------------------------
# h1 segments its VXLAN packets before they leave (no UDP tunnel
# segmentation offload on its NIC); h2 receives with GRO (a veth does GRO
# when its own GRO is on and its peer does no TSO).  The switch's VXLAN
# GRO merges the packets of the TCP stream again, so they reach b in
# frames larger than the underlay's MTU.
n h1 ethtool -K pnic tx-udp_tnl-segmentation off \
	tx-udp_tnl-csum-segmentation off >/dev/null
n rt ethtool -K r2 tso off >/dev/null
n h2 ethtool -K pnic gro on >/dev/null
n h2 hnvctl flow flush switch hnv0
n b sh -c 'nc -l -p 7001 > /dev/null &'
sleep 0.5
ok_test "TCP: 2 MB a -> b, segmented on h1" \
	sh -c "head -c 2000000 /dev/zero | ip netns exec $(netns_name a) timeout 60 nc -N 10.1.1.2 7001"
avg=$(n h2 hnvctl -j flow show switch hnv0 | python3 -c '
import json, sys
f = [f for f in json.load(sys.stdin)
     if f["port"] == "uplink" and f.get("ip_proto") == 6 and f.get("l4_dst") == 7001]
print(max(x["bytes"] // x["packets"] for x in f) if f else 0)')
ok_test "GRO: the stream reached the switch in merged frames (avg $avg bytes > 1400)" \
	test "$avg" -gt 1400

ok_test "module unloads" module_unload

ktap_end
