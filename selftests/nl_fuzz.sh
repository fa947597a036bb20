#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Netlink fuzzing of the "hnv" generic netlink family (nl_fuzz.py): for
# every HNV_CMD_* of uapi/linux/hnv.h, requests with missing, duplicated,
# wrongly sized, out-of-range and unknown attributes, garbage in nests,
# truncated messages and bad headers, with and without NLM_F_DUMP; seeded
# random mutations of valid requests; then random sequences of valid
# requests against a model of the state.  Every answer must be a clean
# errno with an extack message, or a success, or exactly what the netlink
# core does with a message it refuses itself; the state must read back
# as before (malformed phases) or as the model says (sequence phase).
#
#   ns fz: hnv0 (ports pa, pb of VMs a and b, pc), hnv1 (port pz), dummy0;
#          subnets, mappings, routes and ACLs on hnv0 (nlfuzz/templates.py
#          describes them, keep the two in step)
#
# HNV_FUZZ_SEED sets the seed (default: random, printed).  The malformed
# phase always sends all its variants (about 5,600).  HNV_FUZZ_MSGS sets
# the number of requests to fuzz in all (a tenth, at least 2000, are
# sequences of valid requests, the others mutations); without it the
# random phases stop at 100,000 requests or after HNV_FUZZ_SECS (45)
# seconds between them, times HNV_TIMEOUT_SCALE on a slower kernel,
# whichever comes first.  The
# requests of each phase do not depend on the time or the count: with the
# same seed, a phase sends the same ones again, as many as it is given.

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3 ping
begin=$(date +%s)

seed=${HNV_FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
scale=${HNV_TIMEOUT_SCALE:-1}
if [ -n "${HNV_FUZZ_MSGS:-}" ]; then
	msgs=$HNV_FUZZ_MSGS
	budget=${HNV_FUZZ_SECS:-1000000}
else
	msgs=100000
	budget=$((${HNV_FUZZ_SECS:-45} * scale))
fi
uapi=$here/../uapi/linux/hnv.h
tmp=$(mktemp -d)
on_exit "rm -rf $tmp"

ktap_begin
echo "# seed $seed, at most $msgs requests, ${budget}s"

module_load
netns_new fz
hc() { n fz hnvctl "$@"; }

# shellcheck disable=SC2317 # (run through ok_test)
setup() {
	cat >"$tmp/ip" <<-EOF
	link add hnv0 type hnv
	link add hnv1 type hnv
	link add pc type veth peer name pcx
	link set pc master hnv0
	link add pz type veth peer name pzx
	link set pz master hnv1
	link add dummy0 type dummy
	EOF
	cat >"$tmp/hnvctl" <<-EOF
	switch set dev hnv0 pa 192.168.1.10 pa 192.168.1.11
	subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 prefix fd00:1::/64 switch hnv0
	subnet add vsid 5002 rdid 1 prefix 10.1.2.0/24 switch hnv0
	subnet add vsid 6001 rdid 2 encap nvgre prefix 10.1.1.0/24 switch hnv0
	subnet add vsid 7001 rdid 3 switch hnv0
	subnet add vsid 5001 rdid 1 prefix 10.1.1.0/24 switch hnv1
	port set dev pa vsid 5001 mac 02:00:00:00:00:0a ca 10.1.1.11 ca fd00:1::11
	port set dev pb vsid 5001 mac 02:00:00:00:00:0b ca 10.1.1.12
	map add vsid 5001 mac 02:00:00:00:01:01 ca 10.1.1.21 pa 192.168.2.20 switch hnv0
	map add vsid 5002 mac 02:00:00:00:01:02 pa 192.168.2.20 switch hnv0
	map add vsid 5001 mac 02:00:00:00:01:03 ca fd00:1::23 pa 192.168.2.21 switch hnv0
	route add rdid 1 prefix 10.9.0.0/16 via 10.1.1.12 switch hnv0
	route add rdid 1 prefix fd00:9::/64 via fd00:1::11 switch hnv0
	acl add dev pb dir in prio 100 deny proto tcp dport 80
	acl add vsid 5001 switch hnv0 dir out prio 10 allow stateful proto udp src 10.1.1.0/24
	acl default vsid 5002 switch hnv0 dir in deny
	acl default dev pa dir out allow stateful
	EOF
	nip fz -batch "$tmp/ip" &&
	vm_new a fz 02:00:00:00:00:0a 10.1.1.11/24 &&
	vm_new b fz 02:00:00:00:00:0b 10.1.1.12/24 &&
	hc -batch "$tmp/hnvctl"
}
ok_test "set up switches, ports, subnets, mappings, routes and ACLs" setup
# Cached flows and a tracked connection for the flow and conn dumps.
ok_test "a pings b (flows to dump)" n a ping -c 2 -i 0.2 -W 2 10.1.1.12

# hnvctl's view of the state, counters left out (they move with traffic).
state() {
	printf '%s show\n' switch port subnet map route acl |
		hc -j -batch - | python3 -c '
import json, sys
volatile = {"stats", "flows", "conns", "hits", "rx_packets", "tx_packets"}
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k not in volatile}
    if isinstance(v, list):
        return sorted((strip(x) for x in v), key=json.dumps)
    return v
text, dec, pos = sys.stdin.read(), json.JSONDecoder(), 0
kinds = iter(("switch", "port", "subnet", "map", "route", "acl"))
while text[pos:].strip():
    while text[pos].isspace():
        pos += 1
    doc, pos = dec.raw_decode(text, pos)
    print(next(kinds, "extra"), len(doc), json.dumps(strip(doc),
                                                     sort_keys=True))
'
}

fuzzed=0 book=0 counts=
# phase NAME [ARGS...]: run nl_fuzz.py's phases, one test line for each of
# their assertion groups; count the requests fuzzed and the bookkeeping
# ones (dumps and restores).
phase() {
	local name=$1 desc want got ph cnt bk rc=0 start=$SECONDS
	shift
	n fz python3 "$here/nl_fuzz.py" --uapi "$uapi" --seed "$seed" \
		--results "$tmp/$name" "$@" "$name" >"$tmp/$name.out" 2>&1 || rc=$?
	echo "# $name: $((SECONDS - start))s"
	grep '^# ' "$tmp/$name.out"
	expect_eq "$name: the fuzzer ran to its end" 0 "$rc" ||
		grep -v '^# ' "$tmp/$name.out" | _lib_diag
	[ -f "$tmp/$name" ] || return 1
	while IFS=$'\t' read -r desc want got; do
		expect_eq "$desc" "$want" "$got"
	done <"$tmp/$name"
	while read -r ph cnt bk; do
		fuzzed=$((fuzzed + cnt)) book=$((book + bk))
		counts+="${counts:+, }$ph $cnt"
	done < <(sed -n 's/^fuzzed \([a-z]*\) \([0-9]*\) \([0-9]*\)$/\1 \2 \3/p' \
		"$tmp/$name.out")
}

# The malformed phase sends every variant of every template, whatever
# the budget.  Then a tenth of the count (at least 2000) for the
# sequences of valid requests, which get at least 15 s of the budget, and
# the rest for the mutations.
seqs=$(( msgs / 10 > 2000 ? msgs / 10 : 2000 ))
reserve=$((15 * scale))
SECONDS=0
before=$(state)
echo "# hnvctl read the state in ${SECONDS}s"
expect_eq "hnvctl shows the 2 switches, 4 ports, 5 subnets, 3 mappings, 2 routes, 4 ACL entries" \
	"switch 2 port 4 subnet 5 map 3 route 2 acl 4" \
	"$(cut -d' ' -f1,2 <<<"$before" | tr '\n' ' ' | sed 's/ $//')"
phase malformed
random0=$SECONDS
phase mutate --msgs $((msgs - seqs - fuzzed)) --secs $((budget - reserve))
expect_eq "hnvctl reads the same state after the malformed requests and the mutations" \
	"$before" "$(state)"
left=$((budget - (SECONDS - random0)))
phase sequence --msgs "$seqs" --secs $((left > reserve ? left : reserve))
echo "# $((fuzzed + book)) requests sent in total: $fuzzed fuzzed ($counts), $book to read and restore the state"
echo "# fuzzing took ${SECONDS}s, the whole script $(($(date +%s) - begin))s; seed $seed"
ktap_end
