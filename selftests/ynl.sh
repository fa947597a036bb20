#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The YNL spec (Documentation/netlink/specs/hnv.yaml) describes the family
# the module really implements: the kernel's generic YNL client, driven by
# nothing but the spec, reads the same switches and ports as hnvctl, and
# sets and reads the mapping limit (switch-maps-max) by its spec name.
#
#   ns sw: hnv0 with ports v1, v2; hnv1 without ports
#
# Needs the kernel's tools/net/ynl (HNV_YNL_DIR, or build/kernel-tools from
# scripts/kernel-tools.sh); skips without it.

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

top=$(dirname "$here")
ynl_dir=${HNV_YNL_DIR:-$top/build/kernel-tools/tools/net/ynl}
spec=$top/Documentation/netlink/specs/hnv.yaml
schema=$ynl_dir/../../../Documentation/netlink/genetlink-c.yaml

require_root
require_cmd ip hnvctl python3
[ -f "$ynl_dir/cli.py" ] || skip_all "no YNL client at $ynl_dir (scripts/kernel-tools.sh)"

ynl() { n sw python3 "$ynl_dir/cli.py" --spec "$spec" --schema "$schema" --output-json "$@"; }
py() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

ktap_begin

netns_new sw
nip sw link add hnv0 type hnv
nip sw link add hnv1 type hnv
for i in 1 2; do
	nip sw link add v$i type veth peer name p$i
	nip sw link set v$i master hnv0
done

out=$(ynl --dump switch-get)
dump=$out
expect_eq "YNL dumps both switches" "hnv0 hnv1" \
	"$(echo "$out" | py '" ".join(s["switch-ifname"] for s in d)')"
expect_eq "YNL and hnvctl agree on port counts" \
	"$(n sw hnvctl -j switch show | py '" ".join(str(s["ports"]) for s in d)')" \
	"$(echo "$out" | py '" ".join(str(s["switch-nports"]) for s in d)')"
out=$(ynl --do port-get --json '{"port-ifname": "v2"}')
expect_eq "YNL gets a port by name" "v2 $(n sw cat /sys/class/net/v2/ifindex)" \
	"$(echo "$out" | py 'd["port-ifname"], d["port-ifindex"]' | tr -d "(),'")"
expect_eq "and its switch" "$(n sw cat /sys/class/net/hnv0/ifindex)" \
	"$(echo "$out" | py 'd["switch-ifindex"]')"
out=$(ynl --dump port-get --json '{"switch-ifname": "hnv0"}')
expect_eq "YNL dumps a switch's ports" "v1 v2" \
	"$(echo "$out" | py '" ".join(p["port-ifname"] for p in d)')"
out=$(ynl --do switch-get --json '{"switch-ifname": "v1"}' 2>&1)
expect_match "YNL shows the kernel's extack message" 'device is not an hnv switch' "$out"

# The mapping limit: read from the dump above; set, and refused by its
# name in the spec, through the YNL library in one process (each start of
# the client costs tens of seconds in a loaded TCG guest; the spec is
# valid: lint.sh spec, and the client above).
expect_eq "YNL reads the mapping count and limit" "0 1048576" \
	"$(echo "$dump" | py '" ".join(str(s[k]) for s in d if s["switch-ifname"] == "hnv1" for k in ("switch-nmaps", "switch-maps-max"))')"
out=$(n sw python3 - "$ynl_dir" "$spec" <<'PY' 2>&1
import errno, sys
sys.path.insert(0, sys.argv[1])
from lib import YnlFamily, NlError
ynl = YnlFamily(sys.argv[2], "")
for v in (5, 0, 16777217):
    try:
        ynl.do("switch-set", {"switch-ifname": "hnv1", "switch-maps-max": v})
        print(v, "ok")
    except NlError as e:
        x = e.nl_msg.extack
        print(v, errno.errorcode[e.error], x.get("msg"), x.get("bad-attr"))
PY
)
expect_eq "YNL sets switch-maps-max 5; 0 and 16777217 are refused, the kernel's extack naming switch-maps-max" \
	"5 ok|0 ERANGE integer out of range .switch-maps-max|16777217 ERANGE integer out of range .switch-maps-max" \
	"$(echo "$out" | paste -sd'|')"
expect_eq "hnvctl sees the limit YNL set" "5" \
	"$(n sw hnvctl -j switch show dev hnv1 | py 'd[0]["maps_max"]')"

ktap_end
