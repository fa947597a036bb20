#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Privileges and network-namespace isolation.  Every request of the "hnv"
# family needs CAP_NET_ADMIN in the user namespace that owns the switch's
# network namespace (GENL_UNS_ADMIN_PERM), reads included ("the state of
# a switch describes its tenants' networks", uapi/linux/hnv.h), and so
# must joining its "events" group, whose events name tenants' addresses;
# a network namespace sees and changes only its own switches.
#
# The requests are those of the uAPI header and of the kernel's op list,
# each a valid one (privilege_nl.py): root's control runs show that each
# succeeds and that each change changes the dumps, so that a refusal means
# something, and that the selectors sent from other namespaces are valid
# at home.  State is compared as every dump of a namespace, counters and
# timers left out.
#
#   ns a: hnv0 (ifindex 1000; ports v1 1010, bound, and v2 1011; a PA),
#         hnva (1100; ports pa1 1110, bound, and pa2 1111), v3 (no master)
#   ns b: hnv0 (2000; ports v1 2010 and v2 2011): a's configuration, PA
#   a user and network namespace of uid 65534: hnv0 (3000; v1, v2)
#   ns m: where a switch of a is moved to
#
# Python starts slowly in the test VM: the requests go through one helper
# process, started at the beginning, that moves between the namespaces
# and forks to take other credentials.

here=$(dirname "$(readlink -f "$0")")
. "$here/lib.sh"

require_root
require_cmd ip hnvctl python3 setpriv unshare

helper=$here/privilege_nl.py
nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all)
userns=(unshare -U -r)
eperm="RTNETLINK answers: Operation not permitted"
nl=$'\n'

# hq NS JOB [ARGS...]: a job of the helper's server, in netns NS ("-": the
# initial one)
hq() {
	local ns=- line ends=0

	[ "$1" = - ] || ns=$(netns_name "$1")
	shift
	# (Not into a closed pipe: SIGPIPE would end the script.)
	if ! kill -0 "$srv_pid" 2>/dev/null; then
		echo "the helper's server is gone"
		return 1
	fi
	echo "netns $ns : $*" >&7
	while IFS= read -r line <&8; do
		if [ "$line" = "<end>" ]; then
			ends=$((ends + 1))
			[ $ends = 2 ] && return 0
			continue
		fi
		printf '%s\n' "$line"
	done
	echo "the helper's server is gone"
	return 1
}

snap() {
	hq "$1" snap
}

# job N OUT: the output of the Nth job (from 0) of a helper's OUT
job() {
	local k=0 line

	while IFS= read -r line; do
		if [ "$line" = "<end>" ]; then
			k=$((k + 1))
		elif [ $k = "$1" ]; then
			printf '%s\n' "$line"
		fi
	done <<<"$2"
}

# lines PREFIX TEXT: the lines of TEXT that start with PREFIX
lines() {
	local line

	while IFS= read -r line; do
		[ "${line#"$1"}" != "$line" ] && printf '%s\n' "$line"
	done <<<"$2"
	return 0
}

# pick INDEXES LINKS: the lines of a links job of those ifindexes
pick() {
	local i

	for i in $1; do
		lines "$i " "$2"
	done
}

# census SNAP: "NAME COUNT ..." of a snapshot (its dumps come in order)
census() {
	local name last='' count=0 out=''

	while read -r name _; do
		[ -z "$name" ] && continue
		if [ "$name" != "$last" ] && [ -n "$last" ]; then
			out+="$last $count "
			count=0
		fi
		last=$name
		count=$((count + 1))
	done <<<"$1"
	[ -n "$last" ] && out+="$last $count"
	echo "${out% }"
}

# setup_switch NS SW BASE P1 P2 MARK [PA]: in netns NS ("-": this
# process's), switch SW of ifindex BASE with ports P1 (BASE+10) and P2
# (BASE+11), their veth peers P1p and P2p (BASE+20, BASE+21), all up, and
# the configuration privilege_nl.py's templates expect, plus a mapping of
# MAC 02:00:00:00:0a:MARK that only this switch has, and PA if given.
# shellcheck disable=SC2317 # called through ok_test or declare -f
setup_switch() {
	local ns=$1 sw=$2 base=$3 p1=$4 p2=$5 mark=$6 pa=${7:-}
	local ipc=(ip) run=()

	if [ "$ns" != - ]; then
		ipc=(ip -n "$(netns_name "$ns")")
		run=(ip netns exec "$(netns_name "$ns")")
	fi
	"${ipc[@]}" -batch - <<-EOF || return 1
	link add $sw index $base type hnv
	link add $p1 index $((base + 10)) type veth peer name ${p1}p index $((base + 20))
	link add $p2 index $((base + 11)) type veth peer name ${p2}p index $((base + 21))
	link set $p1 master $sw
	link set $p2 master $sw
	link set $sw up
	link set $p1 up
	link set ${p1}p up
	link set $p2 up
	link set ${p2}p up
	EOF
	"${run[@]}" hnvctl -batch - <<-EOF
	switch set dev $sw uft-idle-ms 3600000 ${pa:+pa $pa}
	subnet add vsid 5000 rdid 1 prefix 10.0.0.0/24 switch $sw
	subnet add vsid 5001 rdid 1 prefix 10.0.1.0/24 switch $sw
	subnet add vsid 7000 rdid 2 switch $sw
	port set dev $p1 vsid 5000 mac 02:00:00:00:01:01 ca 10.0.0.2
	map add vsid 5000 mac 02:00:00:00:02:01 pa 192.168.2.20 ca 10.0.0.3 switch $sw
	map add vsid 5000 mac 02:00:00:00:02:99 pa 192.168.2.20 switch $sw
	map add vsid 5000 mac 02:00:00:00:0a:$mark pa 192.168.2.30 switch $sw
	route add rdid 1 prefix 10.8.0.0/16 via 10.0.0.3 switch $sw
	acl add vsid 5000 switch $sw dir in prio 100 allow
	acl add dev $p1 dir out prio 100 allow
	EOF
}

# make_flow NS P1p SW: a flow in the table of port P1 of switch SW
# (ifindex) of netns NS: an ARP request for the gateway, answered
make_flow() {
	hq "$1" arp "$2" 02:00:00:00:01:01 10.0.0.2 10.0.0.1 &&
	expect_eq "a flow in switch $3 of $1" "flow" "$(hq "$1" waitflow "$3" 10)"
}

# own_only DESC NS: the dumps of netns NS show its objects only: no
# switch that is not an hnv device of NS, no port that is not a device
# of NS
own_only() {
	expect_eq "$1" "" "$(hq "$2" foreign)"
}

# shellcheck disable=SC2317 # called through wait_for
xa_gone() {
	local links

	links=$(hq a links)
	[ "${links/ xa veth /}" = "$links" ]
}

# same_state DESC NS BEFORE: NS's dumps are still BEFORE
same_state() {
	local now

	now=$(snap "$2")
	if [ "$now" = "$3" ]; then
		ok_test "$1" true
	else
		ok_test "$1" diff -u <(echo "$3") <(echo "$now")
	fi
}

# check_probe WHO CHANGE READ OUT [each]: OUT, a probe's, tried every way
# of every request of the kernel's family; the changes gave CHANGE, the
# reads READ.  With "each", one test line per request, else one in all.
check_probe() {
	local who=$1 wchange=$2 wread=$3 out=$4 each=${5:-}
	local cmd kind res want bad='' sent=''

	while read -r cmd kind res; do
		[ -z "$cmd" ] && continue
		[ "$kind" = - ] && [ "$res" = event ] && continue
		[ "$kind" != - ] && sent+="$cmd $kind$nl"
		case " $changes " in
		*" $cmd "*) want=$wchange ;;
		*) want=$wread ;;
		esac
		if [ -n "$each" ]; then
			expect_eq "$who: HNV_CMD_$cmd ($kind): $want" "$want" "$res"
		elif [ "$res" != "$want" ]; then
			bad+="HNV_CMD_$cmd ($kind): $res; "
		fi
	done <<<"$out"
	expect_eq "$who: every request of the family sent" "$ways" "${sent%"$nl"}"
	if [ -z "$each" ]; then
		expect_eq "$who: changes give $wchange, reads $wread" "" "$bad"
	fi
}

# userns_scenario NS_A: a user and network namespace's own switch, and
# what it can reach of netns NS_A.  Runs there, as its root; prints
# "KEY: VALUE" lines, then "py:" and the helper's jobs.
# shellcheck disable=SC2317 # called through declare -f
userns_scenario() {
	local ns_a=$1 err

	sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
	if err=$(setup_switch - hnv0 3000 v1 v2 0c 192.168.1.10 2>&1); then
		echo "setup: ok"
	else
		echo "setup: failed: ${err//$'\n'/ }"
	fi
	echo "rtadd: $(ip link add hnvz netns "$ns_a" type hnv 2>&1)"
	echo "rtmove: $(ip link set hnv0 netns "$ns_a" 2>&1)"
	echo "py:"
	python3 -S "$helper" arp v1p 02:00:00:00:01:01 10.0.0.2 10.0.0.1 : \
		waitflow 3000 10 : snap : foreign : \
		probe --sw 1000 --port 1010 --port2 1011 : \
		probe --sw hnva --port pa1 --port2 pa2 : probe
}

# section KEY OUT: the VALUEs of KEY in userns_scenario's OUT
section() {
	lines "$1: " "$2" | while IFS= read -r line; do
		echo "${line#"$1: "}"
	done
}

ktap_begin
module_load || skip_all "cannot load hnv"

srv=$(mktemp -d)
on_exit "rm -rf $srv"
mkfifo "$srv/req" "$srv/resp"
python3 -S "$helper" serve <"$srv/req" >"$srv/resp" 2>&1 &
srv_pid=$!
on_exit "kill $srv_pid"
exec 7>"$srv/req" 8<"$srv/resp"
on_exit "exec 7>&-"

# --- The family: every request needs CAP_NET_ADMIN over the netns ---

header=$(hq - header)
ops=$(hq - ops)
changes='' requests='' unknown='' events='' ways='' perms=''
while read -r id name class; do
	case $class in
	change) changes+=" ${name#HNV_CMD_}" ;;
	unknown) unknown+=" $name" ;;
	event) events+=" ${name#HNV_CMD_}"; continue ;;
	esac
	requests+="$id $name$nl"
done <<<"$header"
ops_list=''
while read -r id name cando candump perm; do
	ops_list+="$id $name$nl"
	[ "$cando" = "do" ] && ways+="${name#HNV_CMD_} do$nl"
	[ "$candump" = dump ] && ways+="${name#HNV_CMD_} dump$nl"
	[ "$perm" = uns-admin ] || perms+=" $name: $perm"
done <<<"$ops"
ways=${ways%"$nl"}
expect_eq "every command of the uAPI header is a change, a read or an event" \
	"" "$unknown"
expect_eq "the kernel's ops are the header's requests" "$requests" "$ops_list"
expect_eq "every op needs CAP_NET_ADMIN over the netns (GENL_UNS_ADMIN_PERM)" \
	"" "$perms"
expect_match "there are changes to refuse" '_NEW.*_DEL' "$changes"

# --- Two namespaces, each with a switch hnv0, the same configuration ---

netns_new a
netns_new b
for ns in a b; do
	for c in all default; do
		hq $ns write "/proc/sys/net/ipv6/conf/$c/disable_ipv6" 1
	done
done
ok_test "set up a's hnv0" setup_switch a hnv0 1000 v1 v2 aa 192.168.1.10
ok_test "set up a's hnva" setup_switch a hnva 1100 pa1 pa2 ab
ok_test "set up b's hnv0, a's configuration and PA" \
	setup_switch b hnv0 2000 v1 v2 bb 192.168.1.10
ok_test "a third veth in a, v3" \
	nip a link add v3 index 1012 type veth peer name v3p index 1022
links_a=$(hq a links)
expect_eq "a's devices have the ifindexes the requests use" \
	"1000 hnv0 hnv 0 up${nl}1010 v1 veth 1000 up${nl}1011 v2 veth 1000 up" \
	"$(pick "1000 1010 1011" "$links_a")"
expect_eq "and those of hnva" \
	"1100 hnva hnv 0 up${nl}1110 pa1 veth 1100 up${nl}1111 pa2 veth 1100 up" \
	"$(pick "1100 1110 1111" "$links_a")"
expect_eq "b's too" \
	"2000 hnv0 hnv 0 up${nl}2010 v1 veth 2000 up${nl}2011 v2 veth 2000 up" \
	"$(pick "2000 2010 2011" "$(hq b links)")"
make_flow a v1p 1000
make_flow a pa1p 1100
make_flow b v1p 2000

snap_a=$(snap a)
snap_b=$(snap b)
expect_eq "a's dumps show its two switches' configuration" \
	"SWITCH_GET 2 PORT_GET 4 SUBNET_GET 6 FLOW_GET 2 MAP_GET 6 ROUTE_GET 2 ACL_GET 4" \
	"$(census "$snap_a")"
expect_eq "b's dumps show its switch's" \
	"SWITCH_GET 1 PORT_GET 2 SUBNET_GET 3 FLOW_GET 1 MAP_GET 3 ROUTE_GET 1 ACL_GET 2" \
	"$(census "$snap_b")"
own_only "a's dumps show a's switches and ports only" a
own_only "b's dumps show b's switch and ports only" b
ok_test "a's dumps show a's own mapping (02:00:00:00:0a:aa)" \
	test "${snap_a/020000000aaa/}" != "$snap_a"
ok_test "b's dumps show b's (02:00:00:00:0a:bb)" \
	test "${snap_b/020000000abb/}" != "$snap_b"
ok_test "b's dumps do not show a's own mapping" \
	test "${snap_b/020000000aaa/}" = "$snap_b"
ok_test "a's dumps do not show b's own mapping" \
	test "${snap_a/020000000abb/}" = "$snap_a"

# --- An unprivileged user ---

check_probe "uid 65534" EPERM EPERM "$(hq a probe --as nobody)" each
check_probe "uid 65534, a's hnva" EPERM EPERM \
	"$(hq a probe --as nobody --sw hnva --port pa1 --port2 pa2)"
want=''
while read -r cmd kind; do
	want+="$cmd $kind EPERM$nl"
done <<<"$ways"
for cmd in $events AFTER_MAX; do
	want+="$cmd do EOPNOTSUPP$nl"
done
got=$(hq a probe --as nobody --bare)
expect_eq "uid 65534, requests without attributes: EPERM (no op: EOPNOTSUPP)" \
	"$(sort <<<"${want%"$nl"}")" "$(sort <<<"$got")"
check_probe "a root socket used after dropping to uid 65534" EPERM EPERM \
	"$(hq a probe --drop-privs)"
check_probe "root sending on a socket uid 65534 opened" EPERM EPERM \
	"$(hq a probe --fd-from-nobody)"

# --- Root of a user namespace that does not own the switch's netns ---

check_probe "root of a user namespace in a" EPERM EPERM \
	"$(hq a probe --as userns)"
out=$(hq a probe --as nobody-userns)
if [ "${out#error EPERM unshare}" = "$out" ]; then
	unpriv_userns=1
	check_probe "root of a user namespace of uid 65534 in a" EPERM EPERM \
		"$out"
else
	unpriv_userns=0
	skip_test "root of a user namespace of uid 65534 in a" "$out"
fi

# The links: rtnetlink asks for the same capability.
refused=''
for i in 1 2 3 4; do
	refused+="$eperm${nl}Command failed -:$i$nl"
done
for who in "uid 65534" "root of a user namespace"; do
	if [ "$who" = "uid 65534" ]; then
		run=("${nobody[@]}")
	else
		run=("${userns[@]}")
	fi
	expect_eq "$who: ip link add type hnv, set master, nomaster, del: refused" \
		"${refused%"$nl"}" "$(n a "${run[@]}" ip -force -batch - 2>&1 <<-EOF
		link add hnvx type hnv
		link set v3 master hnv0
		link set v1 nomaster
		link del hnv0
		EOF
		)"
done
expect_eq "a's links are unchanged" "$links_a" "$(hq a links)"
same_state "a's switches are unchanged" a "$snap_a"
same_state "b's switch is unchanged" b "$snap_b"

# --- Another namespace's switch, by name and by ifindex ---

check_probe "root of b, a's hnv0 by ifindex" ENODEV ENODEV \
	"$(hq b probe --sw 1000 --port 1010 --port2 1011)"
check_probe "root of b, a's hnva by name" ENODEV ENODEV \
	"$(hq b probe --sw hnva --port pa1 --port2 pa2)"
check_probe "root of a, b's hnv0 by ifindex" ENODEV ENODEV \
	"$(hq a probe --sw 2000 --port 2010 --port2 2011)"
same_state "a's switches are unchanged" a "$snap_a"
same_state "b's switch is unchanged" b "$snap_b"

# --- A user namespace of uid 65534 with a network namespace of its own ---

if [ $unpriv_userns = 1 ]; then
	out=$("${nobody[@]}" "${userns[@]}" -n bash -c "$(declare -f \
		setup_switch lines userns_scenario)
		helper=$helper userns_scenario $(netns_name a)" 2>&1)
	pyout=${out#*"${nl}py:$nl"}
	expect_eq "it creates and configures a switch of its own" "ok" \
		"$(section setup "$out")"
	expect_eq "with a flow" "flow" "$(job 1 "$pyout")"
	expect_eq "its dumps show its switch" \
		"SWITCH_GET 1 PORT_GET 2 SUBNET_GET 3 FLOW_GET 1 MAP_GET 3 ROUTE_GET 1 ACL_GET 2" \
		"$(census "$(job 2 "$pyout")")"
	expect_eq "and nothing of another namespace" "" "$(job 3 "$pyout")"
	check_probe "its root, a's hnv0 by ifindex" ENODEV ENODEV \
		"$(job 4 "$pyout")"
	check_probe "its root, a's hnva by name" ENODEV ENODEV \
		"$(job 5 "$pyout")"
	expect_eq "its root cannot create a switch in a" "$eperm" \
		"$(section rtadd "$out")"
	expect_eq "its root cannot move its switch to a" "$eperm" \
		"$(section rtmove "$out")"
	check_probe "its root, its own switch" ok ok "$(job 6 "$pyout")"
else
	skip_test "a user namespace of uid 65534 with its own netns" \
		"no user namespace for uid 65534"
fi
same_state "a's switches are unchanged" a "$snap_a"
same_state "b's switch is unchanged" b "$snap_b"

# --- Root at home: the same requests work, and stay in their namespace ---

check_probe "root of a, hnv0 by name" "ok changed" "ok same" \
	"$(hq a probe --snap-each)" each
same_state "b's hnv0 (the same name) is unchanged" b "$snap_b"
snap_a=$(snap a)
check_probe "root of a, hnva by name" ok ok \
	"$(hq a probe --sw hnva --port pa1 --port2 pa2)"
ok_test "a's dumps changed" test "$(snap a)" != "$snap_a"
snap_a=$(snap a)
check_probe "root of b, hnv0 by ifindex" ok ok \
	"$(hq b probe --sw 2000 --port 2010 --port2 2011)"
ok_test "b's dumps changed" test "$(snap b)" != "$snap_b"
same_state "a's switches are unchanged" a "$snap_a"
own_only "a's dumps show a's switches and ports only" a
own_only "b's dumps show b's switch and ports only" b

# --- Events: to the switch's namespace, to CAP_NET_ADMIN there ---

expect_eq "root of a joins the events group" joined "$(hq a subscribe root_a)"
expect_eq "root of b joins it" joined "$(hq b subscribe root_b)"
nobody_joins=$(hq a subscribe nobody_a --drop-privs)
expect_eq "uid 65534 in a cannot join it" "join EPERM" "$nobody_joins"
hq a arp v1p 02:00:00:00:01:01 10.0.0.2 10.0.0.77
expect_eq "root of a hears of a neighbour miss of a's hnv0" "events 1 1000" \
	"$(hq a collect root_a --want 1 --timeout 10)"
expect_eq "b hears nothing of it" "events 0" "$(hq b collect root_b)"
if [ "$nobody_joins" = joined ]; then
	expect_eq "uid 65534 in a hears nothing of it" "events 0" \
		"$(hq a collect nobody_a)"
fi

# --- Links created in, and moved to, another namespace ---

ok_test "root of a creates a switch in b" \
	nip a link add hnvx netns "$(netns_name b)" type hnv
x=''
while read -r i name _; do
	[ "$name" = hnvx ] && x=$i
done <<<"$(hq b links)"
expect_eq "it is b's" "1" "$(lines "SWITCH_GET sw=$x " "$(snap b)" | wc -l)"
own_only "a's dumps show a's switches and ports only" a
own_only "b's dumps show b's switches and ports only" b

# Deleting b deletes b's switches only.  (xa, in a, goes when b has been
# dismantled, with its veth peer.)
ok_test "a veth from a to b" nip a link add xa type veth peer name xb \
	netns "$(netns_name b)"
snap_a=$(snap a)
ok_test "delete b" netns_del b
wait_for "b is dismantled" 30 xa_gone
same_state "a's switches are unchanged" a "$snap_a"
ok_test "a's hnv0 still takes changes" \
	n a hnvctl switch set dev hnv0 uft-max 4242
expect_match "and shows them (HNV_A_SWITCH_UFT_MAX 4242)" ' 13=92100000 ' \
	"$(lines "SWITCH_GET sw=1000 " "$(snap a)")"

# A switch moved to another namespace: refused (bridges, bonds and teams
# are netns-local), or it goes there with its objects, seen from there
# only.
netns_new m
nip a -batch - <<-EOF
	link add hnvm index 1200 type hnv
	link add pm1 index 1210 type veth peer name pm1p index 1220
	link set pm1 master hnvm
EOF
n a hnvctl subnet add vsid 5000 rdid 1 switch hnvm
if nip a link set hnvm netns "$(netns_name m)" 2>/dev/null; then
	echo "# hnvm moved to m"
	expect_eq "the moved switch is m's" "1" \
		"$(lines "SWITCH_GET sw=1200 " "$(snap m)" | wc -l)"
	expect_eq "and no longer a's" "0" \
		"$(lines "SWITCH_GET sw=1200 " "$(snap a)" | wc -l)"
	ok_test "m changes it" n m hnvctl switch set dev hnvm uft-max 77
	expect_eq "a does not see the change (HNV_A_SWITCH_UFT_MAX 77)" "" \
		"$(lines "SWITCH_GET sw=1200 " "$(snap a)" | grep ' 13=4d000000 ')"
else
	echo "# moving hnvm to m was refused"
	expect_eq "the switch stays a's" "1" \
		"$(lines "SWITCH_GET sw=1200 " "$(snap a)" | wc -l)"
fi
own_only "a's dumps show a's switches and ports only" a
own_only "m's dumps show m's switches and ports only" m

ktap_end
