#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The YNL spec (Documentation/netlink/specs/hnv.yaml) describes the family
# the module really implements: the kernel's generic YNL client, driven by
# nothing but the spec, reads the same switches and ports as hnvctl.
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

ktap_end
