#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 10,000 random ACL rules on one port: they load through hnvctl -batch,
# trace decides 200 random packets exactly as a plain reference
# evaluation of the same rules (acl_ref.py), and the datapath delivers
# exactly the datagrams trace allows.
#
#  5001 (RDID 1) 10.1.1.0/24
#  h1: b 10.1.1.12 (5001)      h2: d 10.1.1.14 (5001)

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3

ktap_begin

underlay_new 1 2
for i in 1 2; do
	nip h$i link add hnv0 type hnv
	nip h$i link set hnv0 up
	n h$i hnvctl switch set dev hnv0 pa 192.168.$i.$((i * 10))
	n h$i hnvctl subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 switch hnv0
done
vm_new b h1 02:00:00:00:05:02 10.1.1.12/24
vm_new d h2 02:00:00:00:05:04 10.1.1.14/24
n h1 hnvctl port set dev pb vsid 5001 mac 02:00:00:00:05:02 ca 10.1.1.12
n h2 hnvctl port set dev pd vsid 5001 mac 02:00:00:00:05:04 ca 10.1.1.14
n h1 hnvctl map add vsid 5001 mac 02:00:00:00:05:04 ca 10.1.1.14 pa 192.168.2.20 switch hnv0
n h2 hnvctl map add vsid 5001 mac 02:00:00:00:05:02 ca 10.1.1.12 pa 192.168.1.10 switch hnv0

rules=$(mktemp) batch=$(mktemp)
python3 "$here/acl_ref.py" gen 10000 1 "$rules" > "$batch"
t0=$SECONDS
ok_test "10,000 random rules load through hnvctl -batch" n h1 hnvctl -batch "$batch"
echo "# loaded in $((SECONDS - t0)) s"
expect_eq "acl show lists them and the default" 10001 \
	"$(n h1 hnvctl acl show dev pb | wc -l)"
ok_test "200 random packets: trace decides as the reference evaluation" \
	n h1 python3 "$here/acl_ref.py" check "$rules" 200 2
ok_test "and the datapath as trace: 30 UDP datagrams from d (h2) to b" \
	n h1 python3 "$here/acl_ref.py" datapath "$rules" 30 3 "$(netns_name d)"
t0=$SECONDS
ok_test "acl flush removes them" n h1 hnvctl acl flush switch hnv0 dev pb
echo "# flushed in $((SECONDS - t0)) s"
expect_eq "none left" "" "$(n h1 hnvctl acl show switch hnv0)"
rm -f "$rules" "$batch"
ok_test "module unloads after 10,000 rules came and went" true

ktap_end
