#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# CA->PA mappings at scale: 100,000 installed with one hnvctl -batch
# (pipelined requests), counted by the switch, dumped back completely
# (the dump spans many messages), a sample read back exactly, a batch
# delete, and the mapping-level errors of a batch.  The mapping limit
# (maps-max, HNV_A_SWITCH_MAPS_MAX): its default, a mapping beyond it
# refused with the kernel's message while replace, delete-then-add and a
# raised limit work, a limit below the count, invalid limits; and a
# flood of 5,000 against a limit of 1,000 that ends with exactly 1,000.
#
#   ns sw: hnv0 with subnets 5001 and 5002, no ports needed; hnv1 and
#          hnv2 with subnet 5001 for the limit

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3

N=100000
ktap_begin

netns_new sw
nip sw link add hnv0 type hnv
n sw hnvctl subnet add vsid 5001 rdid 1 switch hnv0
n sw hnvctl subnet add vsid 5002 rdid 1 switch hnv0
tmp=$(mktemp -d)
on_exit "rm -rf $tmp"
# MAC 02:00:HH:HH:HH:HH, CA 172.(16+(i>>16)).(i>>8).(i) (unique: a VSID's
# CAs must be) and PA 10.(i>>16).(i>>8).(i) for mapping i.
python3 - "$N" "$tmp/add" "$tmp/del" <<'PY'
import sys
n = int(sys.argv[1])
with open(sys.argv[2], "w") as f:
    for i in range(1, n + 1):
        f.write(f"map add vsid {5001 + i % 2} mac 02:00:{i >> 24 & 255:02x}:{i >> 16 & 255:02x}:"
                f"{i >> 8 & 255:02x}:{i & 255:02x} ca 172.{16 + (i >> 16 & 15)}.{i >> 8 & 255}.{i & 255} "
                f"pa 10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255 or 1} switch hnv0\n")
with open(sys.argv[3], "w") as f:
    for i in range(1, 1001):
        f.write(f"map del vsid {5001 + i % 2} mac 02:00:00:00:{i >> 8 & 255:02x}:{i & 255:02x} switch hnv0\n")
PY
start=$(date +%s.%N)
ok_test "install $N mappings with one batch" n sw hnvctl -batch "$tmp/add"
secs=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
echo "# $N mappings installed in ${secs}s (TCG guest)"
expect_eq "the switch counts them" "$N" \
	"$(n sw hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["maps"])')"
n sw hnvctl -j map show switch hnv0 > "$tmp/dump"
expect_eq "a dump returns every one of them, exactly" "$N ok" "$(python3 - "$tmp/dump" <<'PY'
import json, sys
maps = json.load(open(sys.argv[1]))
seen = set()
for m in maps:
    o = [int(x, 16) for x in m["mac"].split(":")]
    i = o[2] << 24 | o[3] << 16 | o[4] << 8 | o[5]
    want = (5001 + i % 2, f"172.{16 + (i >> 16 & 15)}.{i >> 8 & 255}.{i & 255}",
            f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255 or 1}")
    if (m["vsid"], m.get("ca"), m["pa"]) != want or i in seen:
        print("mismatch", m)
        sys.exit()
    seen.add(i)
print(len(seen), "ok")
PY
)"
expect_eq "a dump of one VSID returns its half" "$((N / 2))" \
	"$(n sw hnvctl -j map show switch hnv0 vsid 5002 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
ok_test "delete 1000 with one batch" n sw hnvctl -batch "$tmp/del"
expect_eq "$((N - 1000)) remain" "$((N - 1000))" \
	"$(n sw hnvctl -j switch show dev hnv0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["maps"])')"
# Line 1 is new, line 2 an existing mapping (number 2000).
printf 'map add vsid 5001 mac 02:00:00:aa:00:01 pa 10.0.0.1 switch hnv0\nmap add vsid 5001 mac 02:00:00:00:07:d0 pa 10.0.0.1 switch hnv0\n' > "$tmp/bad"
out=$(n sw hnvctl -batch "$tmp/bad" 2>&1)
expect_match "a refused batch line gets the kernel's reason" "already maps this MAC" "$out"
expect_match "and its line number" "Command failed $tmp/bad:2" "$out"
out=$(n sw hnvctl subnet del vsid 5001 switch hnv0 2>&1)
expect_match "a subnet with mappings cannot be deleted" "has CA->PA mappings" "$out"

# The mapping limit, on a switch of its own.  Mapping i of hnv1 or hnv2:
# MAC 02:01:00:00:HH:LL, PA 10.1.HH.LL (LL 0 is 1).  (awk and sed rather
# than python3 from here on: a TCG guest starts python slowly.)
FULL="Error: HNV_A_SWITCH_MAPS_MAX: the switch has as many mappings as its limit allows"
maplines() { # SWITCH VERB FIRST LAST: one map line per mapping
	seq "$3" "$4" | awk -v sw="$1" -v verb="$2" '{
		hh = int($1 / 256) % 256; ll = $1 % 256
		pa = verb == "del" ? "" : sprintf(" pa 10.1.%d.%d", hh, ll ? ll : 1)
		printf "map %s vsid 5001 mac 02:01:00:00:%02x:%02x%s switch %s\n",
			verb, hh, ll, pa, sw }'
}
map1() { # VERB I: one map command for mapping I of hnv1
	# shellcheck disable=SC2046 # the words of the line
	n sw hnvctl $(maplines hnv1 "$1" "$2" "$2")
}
maps_of() { # SWITCH: "count limit", from the pa line of switch show
	n sw hnvctl switch show dev "$1" |
		sed -n 's/.* maps \([0-9]*\) maps-max \([0-9]*\).*/\1 \2/p'
}
nip sw link add hnv1 type hnv
n sw hnvctl subnet add vsid 5001 rdid 1 switch hnv1
expect_eq "default limit 1048576, reported with the count" "0 1048576" "$(maps_of hnv1)"
expect_match "and in JSON" '"maps":0,"maps_max":1048576,' \
	"$(n sw hnvctl -j switch show dev hnv1)"
ok_test "set maps-max 100" n sw hnvctl switch set dev hnv1 maps-max 100
maplines hnv1 add 1 100 > "$tmp/lim"
ok_test "100 mappings with one batch" n sw hnvctl -batch "$tmp/lim"
expect_eq "count 100, limit 100" "100 100" "$(maps_of hnv1)"
out=$(map1 add 101 2>&1)
expect_eq "the 101st is refused with the kernel's message naming the limit" \
	"$FULL" "$out"
out=$(map1 replace 101 2>&1)
expect_eq "so is a replace of a mapping the switch does not have" "$FULL" "$out"
ok_test "replacing an existing mapping works at the limit" \
	n sw hnvctl map replace vsid 5001 mac 02:01:00:00:00:01 pa 10.9.9.9 switch hnv1
expect_match "and moved it" "mac 02:01:00:00:00:01 pa 10\.9\.9\.9 " \
	"$(n sw hnvctl map show switch hnv1)"
ok_test "delete one" map1 del 2
ok_test "then an add fits" map1 add 101
fail_test "and the next does not" map1 add 102
expect_eq "count 100" "100 100" "$(maps_of hnv1)"

ok_test "lower maps-max to 50, below the count" n sw hnvctl switch set dev hnv1 maps-max 50
expect_eq "no mapping is removed" "100 50" "$(maps_of hnv1)"
out=$(map1 add 102 2>&1)
expect_eq "a new one is refused" "$FULL" "$out"
ok_test "a replace still works" map1 replace 3
maplines hnv1 del 3 53 > "$tmp/lim"
ok_test "delete 51 with a batch" n sw hnvctl -batch "$tmp/lim"
ok_test "under the limit (49), an add fits" map1 add 102
out=$(map1 add 103 2>&1)
expect_eq "at it (50), the next is refused" "$FULL" "$out"
ok_test "raise maps-max to 200" n sw hnvctl switch set dev hnv1 maps-max 200
maplines hnv1 add 1001 1150 > "$tmp/lim"
ok_test "150 more fit with one batch" n sw hnvctl -batch "$tmp/lim"
expect_eq "count 200, limit 200" "200 200" "$(maps_of hnv1)"
expect_eq "the dump agrees" "200" "$(n sw hnvctl map show switch hnv1 | wc -l)"
out=$(map1 add 103 2>&1)
expect_eq "and the 201st is refused" "$FULL" "$out"

# Invalid limits: hnvctl refuses them; so does the kernel, pointing at the
# attribute (hnv_nl.py sends what hnvctl would not; offs=20: the first;
# ynl.sh sees both refused by the attribute's name).
for v in 0 16777217; do
	out=$(n sw hnvctl switch set dev hnv1 maps-max "$v" 2>&1)
	expect_match "hnvctl refuses maps-max $v" \
		"^Error: argument \"$v\" is wrong: maps-max must be 1\.\.16777216$" "$out"
done
# HNV_A_SWITCH_MAPS_MAX's number: its place in enum hnv_attr.
a=$(sed -n '/^enum hnv_attr {/,/^};/p' "$(dirname "$here")/uapi/linux/hnv.h" |
	grep -E '^\s*HNV_A_\w+,' | grep -n 'HNV_A_SWITCH_MAPS_MAX,' | cut -d: -f1)
a=$((a - 1))
expect_eq "the kernel refuses HNV_A_SWITCH_MAPS_MAX 0 (attribute $a)" \
	"error ERANGE msg=integer out of range offs=20" \
	"$(n sw python3 "$here/hnv_nl.py" switch_set --attr "$a:u32:0" --attr 2:str:hnv1)"
expect_eq "the limit is unchanged" "200 200" "$(maps_of hnv1)"
ok_test "the largest limit, 16777216, is taken" \
	n sw hnvctl switch set dev hnv1 maps-max 16777216
expect_eq "and reported" "200 16777216" "$(maps_of hnv1)"

# A flood: 5,000 new mappings against a limit of 1,000.
nip sw link add hnv2 type hnv
n sw hnvctl subnet add vsid 5001 rdid 1 switch hnv2
n sw hnvctl switch set dev hnv2 maps-max 1000
maplines hnv2 add 1 5000 > "$tmp/flood"
n sw hnvctl -force -batch "$tmp/flood" > "$tmp/flood.out" 2> "$tmp/flood.err"
rc=$?
expect_eq "a batch of 5000 against a limit of 1000 fails (exit 1)" "1" "$rc"
expect_eq "exactly 1000 are installed" "1000 1000" "$(maps_of hnv2)"
expect_eq "the dump agrees" "1000" "$(n sw hnvctl map show switch hnv2 | wc -l)"
expect_eq "every failure a clean error: the kernel's message 4000 times" \
	"4000 8000" "$(grep -cxF "$FULL" "$tmp/flood.err") $(wc -l < "$tmp/flood.err")"
expect_eq "each followed by its line, 1001 .. 5000, once" "" \
	"$(sed -n 'n; p' "$tmp/flood.err" | sed "s|^Command failed $tmp/flood:||" |
		diff - <(seq 1001 5000) | head -5)"
ok_test "module unloads with $((N - 999)) + 1200 mappings" module_unload

ktap_end
