#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The "hnv" generic netlink family: discovery and version, autoload through
# the family alias, permissions, strict validation with extack messages
# that name the attribute, and dumps that span many messages.
#
#   ns sw: hnv0 (port v1), hnv1 .. hnv300 for the dump test
#   ns other: hnv0, to check namespaces do not see each other's switches

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip genl hnvctl python3 setpriv unshare

nl() { n sw python3 "$here/hnv_nl.py" "$@"; }

ktap_begin

module_unload
netns_new sw
netns_new other

# Discovery and autoload through MODULE_ALIAS_GENL_FAMILY.
ok_test "hnvctl autoloads the module through the family alias" \
	n sw hnvctl switch show
ok_test "module is loaded" test -d /sys/module/hnv
out=$(n sw genl ctrl get name hnv)
expect_match "the controller knows the family" 'Name: hnv' "$out"
expect_match "family version is 1" 'Version: 0x1\b' "$out"
expect_match "family has the events multicast group" 'name: events' "$out"
expect_match "hnvctl version reports the kernel family" 'hnv.*version 1' \
	"$(n sw hnvctl version)"

nip sw link add hnv0 type hnv
nip sw link add v1 type veth peer name v1p
nip sw link set v1 master hnv0
nip other link add hnv0 type hnv
ifindex=$(cat "/sys/class/net/lo/ifindex")
sw_ifindex=$(n sw cat /sys/class/net/hnv0/ifindex)

# Well-formed requests.
expect_eq "get a switch by ifindex" "ok 1" \
	"$(nl switch_get --attr "1:u32:$sw_ifindex")"
expect_eq "get a switch by name" "ok 1" "$(nl switch_get --attr 2:str:hnv0)"
expect_eq "ifindex and name together" "ok 1" \
	"$(nl switch_get --attr "1:u32:$sw_ifindex" --attr 2:str:hnv0)"
expect_eq "dump the namespace's switches" "ok 1" "$(nl switch_get --dump)"
expect_eq "get a port" "ok 1" "$(nl port_get --attr 6:str:v1)"
expect_eq "dump a switch's ports" "ok 1" \
	"$(nl port_get --dump --attr 2:str:hnv0)"

# Malformed requests: a clean errno and a message naming the attribute;
# offs is the byte offset of the bad attribute (20 = the first one).
expect_eq "ifindex of the wrong size" \
	"error EINVAL msg=invalid attribute length offs=20" \
	"$(nl switch_get --attr 1:u16:1)"
expect_eq "ifindex 0 is out of range" \
	"error ERANGE msg=integer out of range offs=20" \
	"$(nl switch_get --attr 1:u32:0)"
expect_match "unknown attribute type" '^error EINVAL msg=Unknown attribute type offs=20$' \
	"$(nl switch_get --attr 99:u32:1)"
expect_match "a read-only attribute in a request" '^error EINVAL msg=.* offs=20$' \
	"$(nl switch_get --attr 3:u32:1)"
expect_match "an unterminated name" '^error EINVAL msg=.* offs=20$' \
	"$(nl switch_get --attr 2:hex:686e7630)"
expect_eq "a name longer than IFNAMSIZ" "error EINVAL msg=Attribute failed policy validation offs=20" \
	"$(nl switch_get --attr 2:str:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)"
expect_eq "missing switch" \
	"error EINVAL msg=missing switch: HNV_A_SWITCH_IFINDEX or HNV_A_SWITCH_IFNAME is required miss=1 offs=-" \
	"$(nl switch_get)"
expect_eq "no such device" "error ENODEV msg=no device with this name offs=20" \
	"$(nl switch_get --attr 2:str:nosuch0)"
expect_eq "a missing required attribute is named by type and by name" \
	"error EINVAL msg=missing HNV_A_VSID miss=8 offs=-" \
	"$(nl subnet_del --attr 2:str:hnv0)"
expect_eq "a mapping without its MAC" \
	"error EINVAL msg=missing HNV_A_MAP_MAC miss=19 offs=-" \
	"$(nl 10 --attr 2:str:hnv0 --attr 8:u32:4096)"
# HNV_A_PORT_CAS (28, nested) holding one IPv4 address (type 1), then
# two stray bytes; then an address cut short.
expect_eq "a customer address list with bytes after its last address" \
	"error EINVAL msg=malformed customer address list: bytes left after the last address offs=36" \
	"$(nl port_set --attr 6:str:v1 --attr 8:u32:4096 --attr 0x801c:hex:080001000a000001ffff)"
expect_eq "a customer address list whose last address is cut short" \
	"error EINVAL msg=malformed customer address list: bytes left after the last address offs=36" \
	"$(nl port_set --attr 6:str:v1 --attr 8:u32:4096 --attr 0x801c:hex:080001000a000001080001000a00)"
# SWITCH_SET (9) is all or nothing: a new VXLAN port (18) with a PA
# list (17) that is refused (a duplicate) leaves the port as it was.
expect_eq "a SWITCH_SET refused for its PAs" \
	"error EINVAL msg=duplicate provider address offs=52" \
	"$(nl 9 --attr 2:str:hnv0 --attr 18:u16:4790 --attr 0x8011:hex:08000100c0a8010a08000100c0a8010a)"
expect_match "changes nothing else it carried" '"vxlan_port":4789,' \
	"$(n sw hnvctl -j switch show dev hnv0)"
expect_eq "not a switch" "error EOPNOTSUPP msg=device is not an hnv switch offs=20" \
	"$(nl switch_get --attr "1:u32:$ifindex")"
expect_eq "ifindex and name disagree" \
	"error EINVAL msg=ifindex and ifname name different devices offs=28" \
	"$(nl switch_get --attr "1:u32:$ifindex" --attr 2:str:hnv0)"
expect_eq "not a port" "error EOPNOTSUPP msg=device is not an hnv port offs=20" \
	"$(nl port_get --attr 6:str:v1p)"
expect_eq "a port dump without a switch lists every switch's ports" "ok 1" \
	"$(nl port_get --dump)"
# (a failed dump's NLMSG_DONE carries the message but no offset)
expect_match "port dump given a port" \
	'^error EINVAL msg=a port dump takes a switch, not a port offs=' \
	"$(nl port_get --dump --attr 6:str:v1)"
expect_match "unknown command" '^error EOPNOTSUPP' "$(nl 77)"
expect_match "reserved header field set" '^error EINVAL' \
	"$(nl switch_get --reserved 1 --attr 2:str:hnv0)"
expect_match "truncated attribute" '^error EINVAL' \
	"$(nl switch_get --attr "1:u32:$sw_ifindex" --truncate 22)"
out=$(n sw hnvctl switch show dev v1p 2>&1)
rc=$?
expect_eq "hnvctl fails on an error" "1" "$rc"
expect_eq "hnvctl prints the kernel's message and attribute" \
	"Error: device is not an hnv switch (attribute HNV_A_SWITCH_IFNAME)" "$out"

# Permissions: every command needs CAP_NET_ADMIN over the namespace.
expect_match "an unprivileged user is refused" '^error EPERM' \
	"$(n sw setpriv --reuid=65534 --regid=65534 --clear-groups \
		python3 "$here/hnv_nl.py" switch_get --dump)"
expect_match "hnvctl says why" 'Operation not permitted' \
	"$(n sw setpriv --reuid=65534 --regid=65534 --clear-groups hnvctl switch show 2>&1)"
expect_match "root of a user namespace is refused in the initial netns" '^error EPERM' \
	"$(n sw unshare -U -r python3 "$here/hnv_nl.py" port_get --attr 6:str:v1)"
expect_eq "but owns a netns of its own, which has no switches" "ok 0" \
	"$(unshare -U -r -n python3 "$here/hnv_nl.py" switch_get --dump)"
expect_eq "and may create and see a switch there" "ok 1" \
	"$(unshare -U -r -n sh -c "ip link add hnvu type hnv && python3 '$here/hnv_nl.py' switch_get --dump")"

# Namespaces are separate.
expect_eq "another namespace sees only its own switch" "ok 1" \
	"$(n other python3 "$here/hnv_nl.py" switch_get --dump)"
expect_eq "and cannot name a port of this one" \
	"error ENODEV msg=no device with this name offs=20" \
	"$(n other python3 "$here/hnv_nl.py" port_get --attr 6:str:v1)"

# Dumps larger than one message.
tmp=$(mktemp -d)
on_exit "rm -rf $tmp"
for i in $(seq 1 300); do echo "link add hnv$i type hnv"; done > "$tmp/batch"
ok_test "create 300 more switches" nip sw -batch "$tmp/batch"
expect_eq "a dump returns all 301" "ok 301" "$(nl switch_get --dump)"
expect_eq "hnvctl lists all 301" "301" \
	"$(n sw hnvctl -j switch show | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
for i in $(seq 1 200); do
	echo "link add p$i type veth peer name q$i"
	echo "link set p$i master hnv1"
done > "$tmp/batch"
ok_test "attach 200 ports to one switch" nip sw -batch "$tmp/batch"
expect_eq "a port dump returns all 200" "ok 200" \
	"$(nl port_get --dump --attr 2:str:hnv1)"
expect_eq "a dump of every switch's ports returns 201" "ok 201" \
	"$(nl port_get --dump)"
expect_eq "a switch dump with a selector returns that switch" "ok 1" \
	"$(nl switch_get --dump --attr 2:str:hnv7)"

ktap_end
