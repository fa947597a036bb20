#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Policy churn under traffic: for HNV_CHURN_SECONDS (60) random mapping,
# ACL and route changes go through hnvctl -batch as fast as they are taken
# while VM a sends to VM d across the overlay.  Afterwards every churned
# object reads back exactly as last set (churn.py keeps the model), and
# the traffic follows the final policy: a -> d UDP/7000 passes if and only
# if d's mapping ended on its real PA and the deny rule for port 7000
# ended deleted.  Prints the sustained rate.
#
#  5001 (RDID 1) 10.1.1.0/24, 5002 (RDID 1) 10.1.2.0/24
#  h1: a 10.1.1.11, b 10.1.1.12 (5001), c 10.1.2.13 (5002)
#  h2: d 10.1.1.14 (5001)

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3

seconds=${HNV_CHURN_SECONDS:-60}
seed=${HNV_CHURN_SEED:-$RANDOM}
declare -A mac=([a]=02:00:00:00:06:01 [b]=02:00:00:00:06:02
		[c]=02:00:00:00:06:03 [d]=02:00:00:00:06:04)
peer="$here/acl_peer.py"

vm() { # HOST VM VSID V4
	vm_new "$2" "$1" "${mac[$2]}" "$4" &&
	nip "$2" route add default via "${4%.*}.1" &&
	n "$1" hnvctl port set dev "p$2" vsid "$3" mac "${mac[$2]}" ca "${4%/*}"
}

ktap_begin

underlay_new 1 2
for i in 1 2; do
	nip h$i link add hnv0 type hnv
	nip h$i link set hnv0 up
	n h$i hnvctl switch set dev hnv0 pa 192.168.$i.$((i * 10))
	n h$i hnvctl subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 switch hnv0
	n h$i hnvctl subnet add vsid 5002 rdid 1 prefix 10.1.2.0/24 switch hnv0
done
vm h1 a 5001 10.1.1.11/24
vm h1 b 5001 10.1.1.12/24
vm h1 c 5002 10.1.2.13/24
vm h2 d 5001 10.1.1.14/24
n h1 hnvctl map add vsid 5001 mac "${mac[d]}" ca 10.1.1.14 pa 192.168.2.20 switch hnv0
n h2 hnvctl map add vsid 5001 mac "${mac[a]}" ca 10.1.1.11 pa 192.168.1.10 switch hnv0
n d sh -c "python3 $peer serve --udp 7000 --udp 9 >/dev/null 2>&1 &"
# (The echo server takes a while to start on a slow host.)
wait_for "before the churn: a -> d udp/7000" 30 n a python3 "$peer" udp 10.1.1.14 7000

# Background traffic for the whole churn: a -> d, a new source port (new
# flow) every 5 ms, and pings.
udp_flows a 10.1.1.14 0.005
traffic=$!
nbg a ping -q -i 0.05 10.1.1.14 >/dev/null 2>&1
traffic="$traffic $!"
on_exit "kill $traffic"

model=$(mktemp)
on_exit "rm -f $model"
echo "# seed $seed (HNV_CHURN_SEED)"
out=$(n h1 python3 "$here/churn.py" run "$seconds" "$seed" "$model" 2>&1)
rc=$?
echo "# churn: $out"
expect_eq "${seconds} s of mapping/ACL/route changes under traffic, every batch accepted" \
	0 "$rc"
# shellcheck disable=SC2086 # two pids
kill $traffic 2>/dev/null
ok_test "every churned mapping, ACL rule and route reads back as last set" \
	n h1 python3 "$here/churn.py" check "$model"

final=$(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
real = m["maps"]["02:00:00:00:06:04"][1] == "192.168.2.20"
deny = "999" in m["acls"]
print("pass" if real and not deny else "blocked (%s)" % ", ".join(
    (["d mapped to the wrong PA"] if not real else []) + (["deny udp/7000"] if deny else [])))
' "$model")
if [ "$final" = pass ]; then
	ok_test "the final policy lets a -> d udp/7000 through" \
		n a python3 "$peer" udp 10.1.1.14 7000
else
	fail_test "the final policy stops a -> d udp/7000: $final" \
		n a python3 "$peer" udp 10.1.1.14 7000
fi
# Then set the policy that lets it through and see it obeyed.
n h1 hnvctl map replace vsid 5001 mac "${mac[d]}" ca 10.1.1.14 pa 192.168.2.20 switch hnv0
n h1 hnvctl acl del dev pa dir out prio 999 2>/dev/null
ok_test "after restoring d's mapping and dropping the deny: it passes" \
	n a python3 "$peer" udp 10.1.1.14 7000
n h1 hnvctl acl add dev pa dir out prio 999 deny proto udp dport 7000
fail_test "and a deny added now stops it" n a python3 "$peer" udp 10.1.1.14 7000

ktap_end
