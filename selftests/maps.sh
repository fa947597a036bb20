#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# CA->PA mappings at scale: 100,000 installed with one hnvctl -batch
# (pipelined requests), counted by the switch, dumped back completely
# (the dump spans many messages), a sample read back exactly, a batch
# delete, and the mapping-level errors of a batch.
#
#   ns sw: hnv0 with subnets 5001 and 5002, no ports needed

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
ok_test "module unloads with $((N - 999)) mappings" module_unload

ktap_end
