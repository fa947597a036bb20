#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ARP and neighbour-discovery suppression, and anti-spoofing: the switch
# answers requests for local ports' CAs, for mapped remote CAs and for the
# gateway itself; unknown addresses get no answer and one event; requests
# are never broadcast, locally or on the underlay; a port may only claim
# its own addresses.
#
#  a 10.1.1.11 fd00:5001::11 -+                 +- c 10.1.1.13 (IPv4 only)
#  b 10.1.1.12 fd00:5001::12 -+ h1 -- rt -- h2 -+- d fd00:5001::14 (IPv6 only)
#  subnet 5001: 10.1.1.0/24 (gateway .1), fd00:5001::/64 (gateway ::1)

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3 tcpdump

router_mac=02:48:4e:56:00:01
declare -A mac=([a]=02:00:00:00:02:01 [b]=02:00:00:00:02:02
		[c]=02:00:00:00:02:03 [d]=02:00:00:00:02:04)
port_drop() { # HOST PORT REASON
	n "$1" hnvctl -j port show dev "$2" |
		python3 -c "import json,sys; print(json.load(sys.stdin)[0]['stats']['drops'].get('$3', 0))"
}
lladdr() { # VM ADDR: the MAC the VM resolved ADDR to ("" if none)
	nip "$1" neigh show "$2" | sed -n 's/.* lladdr \([0-9a-f:]*\).*/\1/p'
}
ipv6_on() { # VM ADDR
	n "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=0 \
		net.ipv6.conf.eth0.disable_ipv6=0
	nip "$1" addr add "$2/64" dev eth0 nodad
}
# capture NS IFACE FILTER: start tcpdump on IFACE in netns NS, into $cap_NS
capture() {
	local f
	f=$(mktemp)
	on_exit "rm -f $f"
	ip netns exec "$(netns_name "$1")" tcpdump -Z root -n -U -i "$2" -Q in \
		-w "$f" "$3" 2>/dev/null &
	eval "cap_$1=$f pid_$1=$!"
	poll_until 10 test -s "$f"
}
pcount() { # FILE FILTER: the packets of a capture that FILTER matches
	tcpdump -Z root -n -r "$1" "$2" 2>/dev/null | wc -l
}
stop_capture() { # NS: stop it, print the number of packets captured
	local f pid
	eval "f=\$cap_$1 pid=\$pid_$1"
	sleep 0.5
	kill "$pid"
	wait "$pid" 2>/dev/null
	tcpdump -Z root -n -r "$f" 2>/dev/null | wc -l
}

ktap_begin

underlay_new 1 2
for i in 1 2; do
	nip h$i link add hnv0 type hnv
	nip h$i link set hnv0 up
	n h$i hnvctl subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 \
		prefix fd00:5001::/64 switch hnv0
	n h$i hnvctl switch set dev hnv0 pa 192.168.$i.$((i * 10))
done
vm_new a h1 "${mac[a]}" 10.1.1.11/24
vm_new b h1 "${mac[b]}" 10.1.1.12/24
vm_new c h2 "${mac[c]}" 10.1.1.13/24
netns_new d
nip h2 link add pd type veth peer name eth0 netns "$(netns_name d)"
nip d link set eth0 address "${mac[d]}"
nip d link set eth0 up
nip h2 link set pd master hnv0
nip h2 link set pd up
ipv6_on a fd00:5001::11
ipv6_on b fd00:5001::12
ipv6_on d fd00:5001::14
n h1 hnvctl port set dev pa vsid 5001 mac "${mac[a]}" ca 10.1.1.11 ca fd00:5001::11
n h1 hnvctl port set dev pb vsid 5001 mac "${mac[b]}" ca 10.1.1.12 ca fd00:5001::12
n h2 hnvctl port set dev pc vsid 5001 mac "${mac[c]}" ca 10.1.1.13
n h2 hnvctl port set dev pd vsid 5001 mac "${mac[d]}" ca fd00:5001::14
n h1 hnvctl map add vsid 5001 mac "${mac[c]}" ca 10.1.1.13 pa 192.168.2.20 switch hnv0
n h1 hnvctl map add vsid 5001 mac "${mac[d]}" ca fd00:5001::14 pa 192.168.2.20 switch hnv0
n h2 hnvctl map add vsid 5001 mac "${mac[a]}" ca 10.1.1.11 pa 192.168.1.10 switch hnv0
# One CA per mapping: a is mapped by its IPv4 CA, b by its IPv6 one.
n h2 hnvctl map add vsid 5001 mac "${mac[b]}" ca fd00:5001::12 pa 192.168.1.10 switch hnv0
expect_eq "the switch's router MAC defaults to $router_mac" "$router_mac" \
	"$(n h1 hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["router_mac"])')"

n h1 sh -c 'hnvctl -j monitor switch hnv0 > /tmp/neigh.events 2>&1 &'
sleep 0.5
capture b eth0 'arp or icmp or icmp6'
capture rt r1 'udp port 4789'

# --- answers -------------------------------------------------------------------
ok_test "a pings b (local): ARP answered" n a ping -c 1 -W 2 10.1.1.12
expect_eq "with b's MAC" "${mac[b]}" "$(lladdr a 10.1.1.12)"
ok_test "a pings c (remote, mapped): ARP answered" n a ping -c 1 -W 2 10.1.1.13
expect_eq "with c's MAC, from the mapping" "${mac[c]}" "$(lladdr a 10.1.1.13)"
n a ping -c 1 -W 1 10.1.1.1 >/dev/null 2>&1
expect_eq "ARP for the gateway is answered with the router MAC" "$router_mac" \
	"$(lladdr a 10.1.1.1)"
ok_test "IPv6: a pings b: the solicitation answered" n a ping -6 -c 1 -W 2 fd00:5001::12
expect_eq "with b's MAC" "${mac[b]}" "$(lladdr a fd00:5001::12)"
ok_test "IPv6: b pings d (remote, mapped)" n b ping -6 -c 1 -W 2 fd00:5001::14
expect_eq "with d's MAC" "${mac[d]}" "$(lladdr b fd00:5001::14)"
n a ping -6 -c 1 -W 1 fd00:5001::1 >/dev/null 2>&1
expect_eq "a solicitation for the IPv6 gateway gets the router MAC" "$router_mac" \
	"$(lladdr a fd00:5001::1)"
expect_match "flow show: the ARP request's flow replies with b's MAC" \
	"arp 10\.1\.1\.11 > 10\.1\.1\.12 .*actions reply ${mac[b]}" \
	"$(n h1 hnvctl flow show dev pa)"

# --- unknown addresses ----------------------------------------------------------
d0=$(port_drop h1 pa neigh-unknown)
fail_test "a pings 10.1.1.99, which nobody has" n a ping -c 3 -i 0.3 -W 1 10.1.1.99
ok_test "its requests are neigh-unknown drops" test "$(port_drop h1 pa neigh-unknown)" -gt "$d0"
fail_test "IPv6: a pings fd00:5001::99, which nobody has" n a ping -6 -c 2 -i 0.3 -W 1 fd00:5001::99

sleep 0.5
pkill -f "hnvctl -j monitor switch hnv0"
expect_eq "one event for 10.1.1.99, one for fd00:5001::99, naming VSID and port" \
	"pa 5001 10.1.1.99
pa 5001 fd00:5001::99" \
	"$(python3 -c '
import json
for l in open("/tmp/neigh.events"):
    e = json.loads(l)
    if e["event"] == "neigh-miss":
        print(e["port"], e["vsid"], e["addr"])' | sort)"
rm -f /tmp/neigh.events

stop_capture b >/dev/null
ok_test "b's capture saw a's pings" \
	test "$(pcount "$cap_b" 'icmp[0] == 8')" -ge 1
expect_eq "but no ARP request or neighbour solicitation: the switch answered them all" 0 \
	"$(pcount "$cap_b" '(arp and arp[6:2] == 1) or (icmp6 and ip6[40] == 135)')"
stop_capture rt >/dev/null
wire=$(python3 "$here/pcap_summary.py" "$cap_rt")
ok_test "the pings crossed the underlay" sh -c "echo '$wire' | grep -q 'inner=0x0800$'"
expect_eq "no ARP and no neighbour solicitation did" "" \
	"$(echo "$wire" | grep -E 'inner=0x0806|icmp6=135')" 

# --- anti-spoofing ------------------------------------------------------------
# raw VM HEX: one Ethernet frame from VM's eth0
raw() {
	n "$1" python3 -c '
import socket, sys
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("eth0", 0))
s.send(bytes.fromhex(sys.argv[1]))' "$2"
}
hexip() { printf '%02x' ${1//./ }; }
arp_frame() { # ETH_DST ETH_SRC OP SHA SIP THA TIP
	echo "${1//:/}${2//:/}0806000108000604000$3${4//:/}$(hexip "$5")${6//:/}$(hexip "$7")"
}
d0=$(port_drop h1 pa spoof)
nip b neigh flush all
raw a "$(arp_frame ff:ff:ff:ff:ff:ff "${mac[a]}" 2 "${mac[a]}" 10.1.1.13 ff:ff:ff:ff:ff:ff 10.1.1.13)"
raw a "$(arp_frame "${mac[b]}" "${mac[a]}" 2 "${mac[a]}" 10.1.1.13 "${mac[b]}" 10.1.1.12)"
raw a "$(arp_frame ff:ff:ff:ff:ff:ff "${mac[a]}" 1 "${mac[b]}" 10.1.1.11 00:00:00:00:00:00 10.1.1.12)"
wait_for "ARP claiming c's address, and ARP with another sender MAC: spoof drops" 5 \
	sh -c "[ \$(ip netns exec $(netns_name h1) hnvctl -j port show dev pa | python3 -c 'import json,sys; print(json.load(sys.stdin)[0][\"stats\"][\"drops\"][\"spoof\"])') -ge $((d0 + 3)) ]"
expect_eq "b's neighbour table was not poisoned" "" "$(lladdr b 10.1.1.13)"
d0=$(port_drop h1 pa spoof)
n a python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
# UDP from 10.1.1.12, the address of b, to b
ip = bytes.fromhex("4500001c00004000401100000a01010c0a01010c")
s.sendto(ip + bytes.fromhex("30393039000800000"[:16]), ("10.1.1.12", 0))'
wait_for "an IP packet with b's address as source: a spoof drop" 5 \
	sh -c "[ \$(ip netns exec $(netns_name h1) hnvctl -j port show dev pa | python3 -c 'import json,sys; print(json.load(sys.stdin)[0][\"stats\"][\"drops\"][\"spoof\"])') -gt $d0 ]"
ok_test "a's own traffic still flows" n a ping -c 1 -W 2 10.1.1.12

# --- a subnet without a prefix stays plain L2 -----------------------------------
n h1 hnvctl subnet add vsid 7001 rdid 7 switch hnv0
vm_new e h1 02:00:00:00:02:05 10.7.0.1/24
vm_new f h1 02:00:00:00:02:06 10.7.0.2/24
n h1 hnvctl port set dev pe vsid 7001 mac 02:00:00:00:02:05
n h1 hnvctl port set dev pf vsid 7001 mac 02:00:00:00:02:06
ok_test "without a prefix, e reaches f" n e ping -c 1 -W 2 10.7.0.2
expect_match "its ARP request was switched to f as before, not answered" \
	"arp 10\.7\.0\.1 > 10\.7\.0\.2 .*actions output pf$" "$(n h1 hnvctl flow show dev pe)"

ok_test "module unloads" module_unload

ktap_end
