#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ACLs: allow and deny by each match field, priorities, port ranges, the
# precedence of VSID and port ACLs, stateful connections (return traffic
# passes, unsolicited traffic does not, FIN/RST/idle end them), a deny
# that cuts an established TCP connection, per-rule hit counters, trace,
# bad arguments.  acl_scale.sh has 10,000 rules.
#
#  5001 (RDID 1) 10.1.1.0/24 fd00:1::/64, 5002 (RDID 1) 10.1.2.0/24
#  h1: a 10.1.1.11 fd00:1::11 (5001)      h2: d 10.1.1.14 (5001)
#      b 10.1.1.12 fd00:1::12 (5001)
#      c 10.1.2.13 (5002)

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3 nc

declare -A mac=([a]=02:00:00:00:04:01 [b]=02:00:00:00:04:02
		[c]=02:00:00:00:04:03 [d]=02:00:00:00:04:04)
peer="$here/acl_peer.py"

vm() { # HOST VM VSID V4 [V6]
	local host=$1 vm=$2 vsid=$3 v4=$4 v6=$5 cas=(ca "${4%/*}")

	vm_new "$vm" "$host" "${mac[$vm]}" "$v4"
	nip "$vm" route add default via "${v4%.*}.1"
	if [ -n "$v6" ]; then
		n "$vm" sysctl -qw net.ipv6.conf.all.disable_ipv6=0 \
			net.ipv6.conf.eth0.disable_ipv6=0
		nip "$vm" addr add "$v6" dev eth0 nodad
		cas+=(ca "${v6%/*}")
	fi
	n "$host" hnvctl port set dev "p$vm" vsid "$vsid" mac "${mac[$vm]}" "${cas[@]}"
}
acl() { n h1 hnvctl acl "$@"; }
# tcp_ok / tcp_no DESC FROM ADDR PORT: a TCP connection opens, or does not
tcp_ok() { ok_test "$1" n "$2" nc -z -w 3 "$3" "$4"; }
tcp_no() { fail_test "$1" n "$2" nc -z -w 2 "$3" "$4"; }
udp_ok() { ok_test "$1" n "$2" python3 "$peer" udp "$3" "$4"; }
udp_no() { fail_test "$1" n "$2" python3 "$peer" udp "$3" "$4"; }
# hits SELECTOR... : the hit counter of the one rule acl show lists for it
hits() {
	n h1 hnvctl -j acl show "$@" | python3 -c '
import json, sys
rules = json.load(sys.stdin)
print(rules[0]["hits"] if len(rules) == 1 else "rules: %d" % len(rules))'
}

ktap_begin

underlay_new 1 2
for i in 1 2; do
	nip h$i link add hnv0 type hnv
	nip h$i link set hnv0 up
	n h$i hnvctl switch set dev hnv0 pa 192.168.$i.$((i * 10))
	n h$i hnvctl subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 prefix fd00:1::/64 switch hnv0
	n h$i hnvctl subnet add vsid 5002 rdid 1 prefix 10.1.2.0/24 switch hnv0
done
vm h1 a 5001 10.1.1.11/24 fd00:1::11/64
vm h1 b 5001 10.1.1.12/24 fd00:1::12/64
vm h1 c 5002 10.1.2.13/24
vm h2 d 5001 10.1.1.14/24
n h1 hnvctl map add vsid 5001 mac "${mac[d]}" ca 10.1.1.14 pa 192.168.2.20 switch hnv0
n h2 hnvctl map add vsid 5001 mac "${mac[a]}" ca 10.1.1.11 pa 192.168.1.10 switch hnv0
n h2 hnvctl map add vsid 5001 mac "${mac[b]}" ca 10.1.1.12 pa 192.168.1.10 switch hnv0

for v in a b c; do
	n $v sh -c "python3 $peer serve --tcp 22 --tcp 80 --tcp 8080 --tcp 8101 --udp 53 >/dev/null 2>&1 &"
done
n b sh -c "python3 $peer serve --v6 --tcp 80 >/dev/null 2>&1 &"
# listening NS: NS's servers are up (Python takes seconds to start on a
# loaded TCG host; a connection before that meets a reset).
listening() {
	local out p
	out=$(n "$1" ss -Hltn) || return 1
	for p in 22 80 8080 8101; do
		grep -q ":$p " <<<"$out" || return 1
	done
	[ "$1" != b ] || grep -q "\]:80 " <<<"$out"
}
for v in a b c; do
	wait_for "$v's servers listen" 30 listening $v
done

# --- without ACLs everything passes --------------------------------------------------
tcp_ok "no ACL: a -> b tcp/80" a 10.1.1.12 80
udp_ok "no ACL: a -> b udp/53" a 10.1.1.12 53
tcp_ok "no ACL: d (h2) -> b tcp/80" d 10.1.1.12 80

# --- match fields and priorities ----------------------------------------------------
acl add dev pb dir in prio 100 deny proto tcp dport 80
tcp_no "b in: deny tcp dport 80 stops a -> b tcp/80" a 10.1.1.12 80
tcp_ok "but not tcp/22" a 10.1.1.12 22
udp_ok "nor udp" a 10.1.1.12 53
expect_match "its hit counter counts the denied packets" '^[1-9][0-9]*$' \
	"$(hits dev pb)"
out=$(n h1 hnvctl trace dev pa tcp src 10.1.1.11 dst 10.1.1.12 sport 40000 dport 80)
expect_match "trace names the rule that denied" "acl-in +dev pb in prio 100 deny" "$out"
expect_match "and the result" "result: drop \(acl\)" "$out"
expect_match "the datapath did the same: a's cached flow ends in an acl drop" \
	"10\.1\.1\.11 > 10\.1\.1\.12 tcp .*dport 80.*drop acl|10\.1\.1\.11:[0-9]+ > 10\.1\.1\.12:80.*drop" \
	"$(n h1 hnvctl flow show dev pa)"

acl add dev pb dir in prio 50 allow proto tcp src 10.1.1.11/32 dport 80
tcp_ok "a stronger (lower) priority allow from 10.1.1.11 wins" a 10.1.1.12 80
tcp_no "from d (across hosts) the deny still applies" d 10.1.1.12 80
acl del dev pb dir in prio 50
tcp_no "rule deleted: a -> b tcp/80 denied again" a 10.1.1.12 80
acl del dev pb dir in prio 100
tcp_ok "and deleted: allowed" a 10.1.1.12 80

acl add dev pb dir in prio 10 deny proto tcp dport 8000-8100
tcp_no "port range 8000-8100: 8080 denied" a 10.1.1.12 8080
tcp_ok "8101 allowed" a 10.1.1.12 8101
tcp_ok "80 allowed" a 10.1.1.12 80
acl replace dev pb dir in prio 10 deny proto tcp sport 0-1023
tcp_ok "replaced by a source port range 0-1023: nc's port is above" a 10.1.1.12 8080
acl del dev pb dir in prio 10

acl add dev pb dir in prio 20 deny proto udp
udp_no "proto udp denied" a 10.1.1.12 53
tcp_ok "tcp still passes" a 10.1.1.12 22
acl replace dev pb dir in prio 20 deny proto icmp
fail_test "proto icmp denied: no ping" n a ping -c 1 -W 1 10.1.1.12
ok_test "ICMPv6 is another protocol: ping -6 passes" n a ping -6 -c 1 -W 2 fd00:1::12
acl replace dev pb dir in prio 20 deny proto 17
udp_no "a protocol number (17)" a 10.1.1.12 53
acl del dev pb dir in prio 20

acl add dev pa dir out prio 5 deny dst 10.1.1.12/32
tcp_no "a out: deny dst 10.1.1.12/32 stops a -> b" a 10.1.1.12 22
tcp_ok "but not a -> c, routed" a 10.1.2.13 22
acl replace dev pa dir out prio 5 deny src 10.1.1.0/24 dst 10.1.2.0/24
tcp_no "source and destination prefixes: a -> c denied" a 10.1.2.13 22
tcp_ok "a -> b passes" a 10.1.1.12 22
acl del dev pa dir out prio 5

acl add dev pb dir in prio 30 deny proto tcp src fd00:1::11/128 dport 80
tcp_no "IPv6 rule: a -> b [fd00:1::12]:80 denied" a fd00:1::12 80
tcp_ok "the IPv4 connection is not" a 10.1.1.12 80
acl del dev pb dir in prio 30

# --- VSID and port ACLs -------------------------------------------------------------
acl default vsid 5001 switch hnv0 dir in deny
tcp_no "VSID 5001 in default deny: a -> b denied" a 10.1.1.12 22
acl add dev pb dir in prio 1 allow proto tcp dport 22
tcp_no "a port allow does not override its VSID's deny" a 10.1.1.12 22
acl add vsid 5001 switch hnv0 dir in prio 10 allow proto tcp dport 22
tcp_no "allowed by both, but the replies to a (VSID 5001 too) are denied" a 10.1.1.12 22
acl replace vsid 5001 switch hnv0 dir in prio 10 allow stateful proto tcp dport 22
tcp_ok "allowed by both, statefully: passes" a 10.1.1.12 22
acl replace dev pb dir in prio 1 deny proto tcp dport 22
tcp_no "a port deny overrides its VSID's allow" a 10.1.1.12 22
out=$(n h1 hnvctl trace dev pa tcp src 10.1.1.11 dst 10.1.1.12 dport 22)
expect_match "trace: the VSID's rule allowed, then the port's denied" \
	"acl-in +vsid 5001 in prio 10 allow stateful.*acl-in +dev pb in prio 1 deny" \
	"$(tr '\n' ' ' <<<"$out")"
tcp_ok "c (VSID 5002) is not affected" a 10.1.2.13 22
acl flush switch hnv0
expect_eq "acl flush: nothing listed" "" "$(n h1 hnvctl acl show switch hnv0)"
tcp_ok "and a -> b passes" a 10.1.1.12 22

acl default dev pa dir out deny
fail_test "a out default deny: a cannot ping b" n a ping -c 1 -W 1 10.1.1.12
acl add dev pa dir out prio 1 allow proto tcp
nip a -6 neigh flush dev eth0
tcp_ok "IPv6 neighbour discovery is not subject to ACLs: a resolves b, TCP passes" \
	a fd00:1::12 80
acl flush switch hnv0 dev pa

# --- stateful -----------------------------------------------------------------------
n h1 hnvctl switch set dev hnv0 conn-timeout 3
acl default dev pa dir in deny
acl default dev pb dir out deny
acl add dev pa dir out prio 10 allow proto tcp dport 80
tcp_no "not stateful: the replies to a meet a's in default deny" a 10.1.1.12 80
acl replace dev pa dir out prio 10 allow stateful proto tcp dport 80
tcp_ok "stateful: the return traffic passes b out and a in" a 10.1.1.12 80
expect_match "the connection is tracked" \
	"tcp 10\.1\.1\.11:[0-9]+ -> 10\.1\.1\.12:80 (closing|closed)" \
	"$(n h1 hnvctl conn show switch hnv0)"
tcp_no "unsolicited inbound b -> a tcp/80 is denied" b 10.1.1.11 80
tcp_no "as is a -> b tcp/22 (no stateful rule)" a 10.1.1.12 22
wait_for "after FIN both ways the connection ends (conn-timeout 3s)" 15 \
	sh -c "! ip netns exec $(netns_name h1) hnvctl conn show switch hnv0 | grep -q ':80 '"

rm -f /tmp/acl_peer.tcp.80
n a sh -c "python3 $peer stream 10.1.1.12 80 30 >/dev/null 2>&1 & echo \$! > /tmp/acl.stream.pid"
wait_for "a long TCP stream a -> b:80 runs" 10 test -s /tmp/acl_peer.tcp.80
expect_match "tracked as established" "10\.1\.1\.12:80 established" \
	"$(n h1 hnvctl conn show switch hnv0)"
sleep 1
acl add dev pb dir in prio 1 deny proto tcp dport 80
sleep 1
before=$(cat /tmp/acl_peer.tcp.80)
sleep 2
expect_eq "a deny added under it cuts it: no byte arrives after" "$before" \
	"$(cat /tmp/acl_peer.tcp.80)"
expect_match "and the connection is closed" "10\.1\.1\.12:80 closed|^$" \
	"$(n h1 hnvctl conn show switch hnv0 | grep ':80 ')"
kill "$(cat /tmp/acl.stream.pid)" 2>/dev/null
acl del dev pb dir in prio 1

acl add dev pa dir out prio 20 allow stateful proto udp dport 53
udp_ok "stateful UDP: a -> b udp/53 and its echo" a 10.1.1.12 53
expect_match "tracked" "udp 10\.1\.1\.11:[0-9]+ -> 10\.1\.1\.12:53 established" \
	"$(n h1 hnvctl conn show switch hnv0)"
wait_for "UDP connections idle out (conn-timeout 3s)" 15 \
	sh -c "! ip netns exec $(netns_name h1) hnvctl conn show switch hnv0 | grep -q ':53 '"
sport=$(n a python3 "$peer" rst 10.1.1.12 80)
expect_match "a connection opened and was reset" '^[0-9]+$' "$sport"
expect_match "an RST ends a TCP connection at once" "closed|^$" \
	"$(n h1 hnvctl conn show switch hnv0 | grep "10\.1\.1\.11:$sport ")"
acl flush switch hnv0
n h1 hnvctl switch set dev hnv0 conn-timeout 30

# --- bad arguments ------------------------------------------------------------------
bad() { # DESC EXPECTED-MESSAGE ARGS...
	local out

	out=$(n h1 hnvctl acl "${@:3}" 2>&1) && { fail_test "$1" true; return; }
	expect_match "$1" "$2" "$out"
}
bad "no direction" "dir" add dev pb prio 1 deny
bad "priority 0" "prio" add dev pb dir in prio 0 deny
bad "priority 65536" "prio" add dev pb dir in prio 65536 deny
bad "stateful deny" "stateful" add dev pb dir in prio 1 deny stateful
bad "ports without tcp/udp" "tcp|udp" add dev pb dir in prio 1 deny dport 80
bad "mixed families" "famil" add dev pb dir in prio 1 deny src 10.0.0.0/8 dst fd00::/8
bad "a range that ends before it starts" "range|port" add dev pb dir in prio 1 deny proto tcp dport 90-80
acl add dev pb dir in prio 1 deny proto udp
bad "a duplicate priority" "priority|exists" add dev pb dir in prio 1 deny proto tcp
bad "not a port" "port" add dev hnv0 dir in prio 2 deny
bad "deleting what is not there" "no rule|not" del dev pb dir in prio 99
acl flush switch hnv0
# HNV_CMD_ACL_NEW (17), HNV_A_ACL (33, nested): DIR in, ACTION deny, PRIORITY 1
rule=050002000100000005000400020000000800030001000000
fail_test "raw: a hit counter (HNV_ACL_A_HITS) in a request is refused" \
	n h1 python3 "$here/hnv_nl.py" 17 --attr 2:str:hnv0 --attr 8:u32:5001 \
	--attr "0x8021:hex:${rule}0c000e000100000000000000"
ok_test "raw: the same rule without it is taken" \
	n h1 python3 "$here/hnv_nl.py" 17 --attr 2:str:hnv0 --attr 8:u32:5001 \
	--attr "0x8021:hex:$rule"
fail_test "raw: a port and a VSID together are refused" \
	n h1 python3 "$here/hnv_nl.py" 17 --attr 6:str:pb --attr 8:u32:5001 \
	--attr "0x8021:hex:$rule"
# ACLs for at most HNV_SUBNETS_MAX (4,096) VSIDs: a flood of VSID
# defaults ends in a clean ENOSPC naming the limit; flushing one VSID's
# ACLs makes room again.
acl flush switch hnv0
lim=$(mktemp)
on_exit "rm -f $lim"
for ((v = 100000; v < 100000 + 4096; v++)); do
	echo "acl default vsid $v switch hnv0 dir in allow"
done >"$lim"
ok_test "defaults for 4096 VSIDs with one batch" n h1 hnvctl -batch "$lim"
out=$(acl default vsid 200000 switch hnv0 dir in allow 2>&1)
expect_match "a default for a 4097th VSID is refused, naming the limit" \
	"ACLs for HNV_SUBNETS_MAX VSIDs" "$out"
out=$(acl add vsid 200000 switch hnv0 dir in prio 1 deny 2>&1)
expect_match "and so is a rule" "ACLs for HNV_SUBNETS_MAX VSIDs" "$out"
ok_test "a VSID that has ACLs takes a rule" \
	acl add vsid 100000 switch hnv0 dir in prio 1 deny
ok_test "flush one VSID's ACLs" acl flush switch hnv0 vsid 100000
ok_test "then another VSID's fit" \
	acl default vsid 200000 switch hnv0 dir in allow
acl flush switch hnv0
ok_test "module unloads with tracked connections and ACLs" true

ktap_end
