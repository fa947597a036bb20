#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The addressing of virtual networks: subnets' IPv4/IPv6 prefixes and
# gateways, ports' customer addresses, the virtual networks (RDIDs) they
# make up; what is accepted, what is refused and with which message, and
# that it all reads back.

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3

nl() { n sw python3 "$here/hnv_nl.py" "$@"; }
hj() { # EXPR hnvctl-args...: a value from hnvctl's JSON ("d" is the document)
	local expr=$1
	shift
	n sw hnvctl -j "$@" | python3 -c "import json,sys; d=json.load(sys.stdin); print($expr)"
}
# prefix_nest TYPE ADDR_HEX [LEN [GW_HEX]]: a raw nested prefix attribute
prefix_nest() {
	python3 -c '
import struct, sys
def attr(t, v):
    return struct.pack("=HH", 4 + len(v), t) + v + b"\0" * (-len(v) % 4)
body = attr(1, bytes.fromhex(sys.argv[2]))
if len(sys.argv) > 3:
    body += attr(2, bytes([int(sys.argv[3])]))
if len(sys.argv) > 4:
    body += attr(3, bytes.fromhex(sys.argv[4]))
print("%d:hex:%s" % (0x8000 | int(sys.argv[1]), body.hex()))' "$@"
}
# cas_nest HEX...: a raw HNV_A_PORT_CAS nest of type-1 attributes
cas_nest() {
	python3 -c '
import struct, sys
body = b"".join(struct.pack("=HH", 4 + len(v), 1) + v + b"\0" * (-len(v) % 4)
                for v in map(bytes.fromhex, sys.argv[1:]))
print("%d:hex:%s" % (0x8000 | 28, body.hex()))' "$@"
}

ktap_begin

netns_new sw
nip sw link add hnv0 type hnv
nip sw link set hnv0 up
for i in 1 2 3; do
	nip sw link add pc$i type veth peer name vm$i
	nip sw link set pc$i master hnv0
done

# --- prefixes and gateways ------------------------------------------------
ok_test "a subnet with an IPv4 and an IPv6 prefix" \
	n sw hnvctl subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 prefix fd00:5001::/64 switch hnv0
expect_eq "its gateways default to the first usable addresses" \
	"10.1.1.0/24 10.1.1.1 fd00:5001::/64 fd00:5001::1" \
	"$(hj 'd[0]["prefix"], d[0]["gateway"], d[0]["prefix6"], d[0]["gateway6"]' subnet show vsid 5001 switch hnv0 | tr -d "(),'")"
ok_test "a subnet with a chosen gateway" \
	n sw hnvctl subnet add vsid 6001 rdid 2 prefix 10.2.2.0/24 gateway 10.2.2.254 switch hnv0
expect_eq "reads back" "10.2.2.254 None" \
	"$(hj 'd[0]["gateway"], d[0].get("prefix6")' subnet show vsid 6001 switch hnv0 | tr -d "(),'")"
ok_test "a subnet without a prefix, as before" \
	n sw hnvctl subnet add vsid 7001 rdid 3 switch hnv0
out=$(n sw hnvctl subnet add vsid 5002 rdid 1 prefix 10.1.2.1/24 switch hnv0 2>&1)
expect_match "a prefix with host bits is refused" "bits set past its length" "$out"
out=$(n sw hnvctl subnet add vsid 5002 rdid 1 prefix 10.1.2.0/24 gateway 10.1.3.1 switch hnv0 2>&1)
expect_match "a gateway outside the prefix is refused" "usable address of the prefix" "$out"
out=$(n sw hnvctl subnet add vsid 5002 rdid 1 prefix 10.1.2.0/24 gateway 10.1.2.255 switch hnv0 2>&1)
expect_match "the broadcast address as gateway is refused" "usable address of the prefix" "$out"
out=$(n sw hnvctl subnet add vsid 5002 rdid 1 prefix 10.1.0.0/16 switch hnv0 2>&1)
expect_match "a prefix overlapping another subnet of the RDID is refused" \
	"PREFIX4: overlaps the prefix of another subnet of the RDID" "$out"
out=$(n sw hnvctl subnet add vsid 5002 rdid 1 prefix fd00:5001:0:0:8000::/65 switch hnv0 2>&1)
expect_match "an IPv6 one too" "PREFIX6: overlaps" "$out"
ok_test "another RDID may overlap (another tenant's address plan)" \
	n sw hnvctl subnet add vsid 6002 rdid 2 prefix 10.1.1.0/24 switch hnv0
ok_test "a neighbouring prefix in the same RDID is fine" \
	n sw hnvctl subnet add vsid 5002 rdid 1 prefix 10.1.2.0/24 switch hnv0
expect_match "an IPv4 prefix longer than /30 is refused by the policy" '^error ERANGE .*offs=[0-9]+$' \
	"$(nl subnet_new --attr 2:str:hnv0 --attr 8:u32:5003 --attr 9:u32:1 --attr "$(prefix_nest 26 0a010300 31)")"
expect_match "an IPv6 prefix address of 4 bytes is refused" '^error ERANGE msg=binary attribute size out of range offs=[0-9]+$' \
	"$(nl subnet_new --attr 2:str:hnv0 --attr 8:u32:5003 --attr 9:u32:1 --attr "$(prefix_nest 27 0a010300 64)")"
expect_match "a prefix without its length is refused, naming both, the length missing (2)" \
	'^error EINVAL msg=a prefix needs HNV_PREFIX_A_ADDR and HNV_PREFIX_A_LEN miss=2 offs=[0-9]+$' \
	"$(nl subnet_new --attr 2:str:hnv0 --attr 8:u32:5003 --attr 9:u32:1 --attr "$(prefix_nest 26 0a010300)")"
expect_eq "nothing of the refused subnets was added" "5001 5002 6001 6002 7001" \
	"$(hj '" ".join(str(s["vsid"]) for s in sorted(d, key=lambda s: s["vsid"]))' subnet show switch hnv0)"

# --- customer addresses ----------------------------------------------------
ok_test "bind a port with an IPv4 and an IPv6 CA" \
	n sw hnvctl port set dev pc1 vsid 5001 mac 02:00:00:00:00:01 ca 10.1.1.11 ca fd00:5001::11
expect_eq "port show lists them" "['10.1.1.11', 'fd00:5001::11']" \
	"$(hj 'd[0]["cas"]' port show dev pc1)"
for bad in "10.1.2.11|outside the subnet's prefix" "10.1.1.1|is the subnet's gateway" \
	   "10.1.1.255|prefix's own or broadcast address" "10.1.1.0|prefix's own or broadcast address" \
	   "fd00:5001::|prefix's own or broadcast address" "10.1.1.11|belongs to another port of the VSID"; do
	ca=${bad%%|*} why=${bad#*|}
	out=$(n sw hnvctl port set dev pc2 vsid 5001 mac 02:00:00:00:00:02 ca "$ca" 2>&1)
	expect_match "CA $ca is refused: $why" "$why" "$out"
done
out=$(n sw hnvctl port set dev pc2 vsid 6001 mac 02:00:00:00:00:02 ca fd00:6001::2 2>&1)
expect_match "a CA of a family the subnet has no prefix of is refused" "no prefix of this address family" "$out"
out=$(n sw hnvctl port set dev pc2 vsid 5001 mac 02:00:00:00:00:02 ca 10.1.1.12 ca 10.1.1.12 2>&1)
expect_match "a CA twice is refused" "duplicate customer address" "$out"
expect_eq "a refused bind leaves the port unbound" "0 None" \
	"$(hj 'd[0]["vsid"], d[0].get("cas")' port show dev pc2 | tr -d "(),'")"
ok_test "the same CA in another RDID's subnet is fine" \
	n sw hnvctl port set dev pc2 vsid 6002 mac 02:00:00:00:00:02 ca 10.1.1.11
expect_match "a CA of 5 bytes is refused by the kernel" \
	'^error EINVAL msg=a customer address is an attribute of type 1 holding 4 or 16 bytes offs=[0-9]+$' \
	"$(nl port_set --attr 6:str:pc3 --attr 8:u32:5001 --attr 11:hex:020000000003 --attr "$(cas_nest 0a01010d0a)")"
expect_match "nine CAs are refused" '^error EINVAL msg=too many customer addresses offs=[0-9]+$' \
	"$(nl port_set --attr 6:str:pc3 --attr 8:u32:5001 --attr 11:hex:020000000003 --attr "$(cas_nest 0a010114 0a010115 0a010116 0a010117 0a010118 0a010119 0a01011a 0a01011b 0a01011c)")"
expect_match "CAs when unbinding are refused" '^error EINVAL msg=unbinding \(VSID 0\) takes no customer addresses offs=[0-9]+$' \
	"$(nl port_set --attr 6:str:pc1 --attr 8:u32:0 --attr "$(cas_nest 0a01010b)")"
ok_test "rebind pc1 with one CA" n sw hnvctl port set dev pc1 vsid 5001 mac 02:00:00:00:00:01 ca 10.1.1.12
expect_eq "the CAs are replaced whole" "['10.1.1.12']" "$(hj 'd[0]["cas"]' port show dev pc1)"
ok_test "its old CA is free for another port" \
	n sw hnvctl port set dev pc3 vsid 5001 mac 02:00:00:00:00:03 ca 10.1.1.11
ok_test "unbind pc1" n sw hnvctl port set dev pc1 vsid none
expect_eq "an unbound port has no CAs" "None" "$(hj 'd[0].get("cas")' port show dev pc1)"

# --- virtual networks --------------------------------------------------------
expect_eq "vnet show groups the subnets by RDID" "1:5001,5002 2:6001,6002 3:7001" \
	"$(hj '" ".join("%d:%s" % (v["rdid"], ",".join(map(str, v["subnets"]))) for v in d)' vnet show switch hnv0)"
expect_eq "and narrows to one" "2:6001,6002" \
	"$(hj '" ".join("%d:%s" % (v["rdid"], ",".join(map(str, v["subnets"]))) for v in d)' vnet show rdid 2 switch hnv0)"

# --- the subnet limit ---------------------------------------------------------
# HNV_SUBNETS_MAX (4,096) subnets fill a second switch; one more is refused
# with ENOSPC and a message naming the limit; one deleted makes room.
nip sw link add hnv1 type hnv
lim=$(mktemp)
on_exit "rm -f $lim"
for ((v = 100000; v < 100000 + 4096; v++)); do
	echo "subnet add vsid $v rdid 9 switch hnv1"
done >"$lim"
ok_test "4096 subnets with one batch" n sw hnvctl -batch "$lim"
expect_eq "the switch has 4096" 4096 "$(hj 'len(d)' subnet show switch hnv1)"
out=$(n sw hnvctl subnet add vsid 200000 rdid 9 switch hnv1 2>&1)
expect_match "a 4097th is refused, naming the limit" \
	"has HNV_SUBNETS_MAX virtual subnets" "$out"
expect_match "with ENOSPC" "No space left on device|ENOSPC" \
	"$(nl subnet_new --attr 2:str:hnv1 --attr 8:u32:200000 --attr 9:u32:9)"
ok_test "after one is deleted" n sw hnvctl subnet del vsid 100000 switch hnv1
ok_test "another fits" n sw hnvctl subnet add vsid 200000 rdid 9 switch hnv1
nip sw link del hnv1

ok_test "module unloads with prefixes and CAs" module_unload

ktap_end
