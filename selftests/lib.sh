# SPDX-License-Identifier: GPL-2.0
#
# Helpers for the hnv selftests (source it; bash).  KTAP output as in
# kselftest's ktap_helpers.sh, namespace handling as in wireguard/netns.sh.
# Written for "set -u"; do not use "set -e": every assertion prints one
# test line and returns 0 (pass / skip) or 1 (fail), so a script goes on.
#
#   ktap_begin                       "TAP version 13"
#   ok_test   DESC CMD [ARG...]      passes if CMD succeeds
#   fail_test DESC CMD [ARG...]      passes if CMD fails
#     (CMD runs in this shell, so functions work; its stdout and stderr
#      are shown as "# " lines only when the test fails)
#   expect_eq    DESC EXPECTED ACTUAL   exact string compare
#   expect_match DESC REGEX ACTUAL      grep -E: some line of ACTUAL matches
#   wait_for  DESC TIMEOUT_S CMD...  passes once CMD succeeds (polled every
#                                    0.2 s), fails after TIMEOUT_S seconds
#   skip_test DESC REASON            "ok N DESC # SKIP REASON"
#   debug_kernel                     true on the sanitizer kernel of make
#                                    check-debug (HNV_DEBUG_KERNEL)
#   ping_gap FILE                    "LOST AFTER" of a ping's output: the
#                                    replies missing in a gap, and after it
#   ktap_end                         trailing plan "1..N", "# totals: ..."
#                                    line; exits 1 if any test failed, 4 if
#                                    all were skipped, else 0
#   netns_new NAME                   netns NAME-$NS_SUFFIX, lo up, deleted
#                                    on exit; returns non-zero on failure
#   netns_del NAME                   deletes it now (and not again on exit)
#   netns_name NAME                  prints NAME-$NS_SUFFIX
#   n NAME CMD...                    ip netns exec NAME-$NS_SUFFIX CMD...
#   nip NAME ARGS...                 ip -n NAME-$NS_SUFFIX ARGS...
#   nbg NAME CMD...                  n NAME CMD in the background, $! the
#                                    command itself (for kill)
#   on_exit "CMD ..."                eval'd at exit, last registered first,
#                                    before the namespaces are deleted
#   require_cmd CMD...  require_root     skip the whole script (exit 4)
#   module_load                      modprobe hnv
#   module_unload                    wait (10 s) for the refcount to drop
#                                    to 0, modprobe -r hnv; non-zero, with
#                                    a message, if either does not happen
#   poll_until TIMEOUT_S CMD...      the polling of wait_for, no test line
#
# Use on_exit instead of "trap ... EXIT": the library owns the traps.

NS_SUFFIX=$$
KTAP_COUNT=0
KTAP_PASS=0
KTAP_FAIL=0
KTAP_SKIP=0
_LIB_NETNS=()
_LIB_ON_EXIT=()
_LIB_BEGUN=0
_LIB_OUT=$(mktemp "${TMPDIR:-/tmp}/hnv-selftest.XXXXXX")

_lib_cleanup() {
	local i
	for ((i = ${#_LIB_ON_EXIT[@]} - 1; i >= 0; i--)); do
		eval "${_LIB_ON_EXIT[i]}" >/dev/null 2>&1
	done
	for i in "${_LIB_NETNS[@]}"; do
		ip netns del "$i" >/dev/null 2>&1
	done
	rm -f "$_LIB_OUT"
}
trap _lib_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

on_exit() {
	_LIB_ON_EXIT+=("$*")
}

# Indent text as KTAP diagnostics; at most 100 lines of it.
_lib_diag() {
	sed -e 's/^/# /' -e '100{s/.*/# [... output cut]/;q}'
}

ktap_begin() {
	[ $_LIB_BEGUN = 1 ] && return 0
	_LIB_BEGUN=1
	echo "TAP version 13"
}

_lib_result() {	# RESULT(0 pass, 1 fail, 2 skip) DESC [DIRECTIVE]
	ktap_begin
	KTAP_COUNT=$((KTAP_COUNT + 1))
	case $1 in
	0) KTAP_PASS=$((KTAP_PASS + 1)); echo "ok $KTAP_COUNT $2" ;;
	1) KTAP_FAIL=$((KTAP_FAIL + 1)); echo "not ok $KTAP_COUNT $2" ;;
	2) KTAP_SKIP=$((KTAP_SKIP + 1)); echo "ok $KTAP_COUNT $2 # SKIP ${3:-}" ;;
	esac
	[ "$1" != 1 ]
}

ok_test() {
	local desc=$1 rc=0
	shift
	"$@" >"$_LIB_OUT" 2>&1 || rc=$?
	if [ $rc = 0 ]; then
		_lib_result 0 "$desc"
	else
		_lib_result 1 "$desc"
		{ echo "command failed (exit $rc): $*"; cat "$_LIB_OUT"; } | _lib_diag
		return 1
	fi
}

fail_test() {
	local desc=$1 rc=0
	shift
	"$@" >"$_LIB_OUT" 2>&1 || rc=$?
	if [ $rc != 0 ]; then
		_lib_result 0 "$desc"
	else
		_lib_result 1 "$desc"
		{ echo "command succeeded, expected a failure: $*"; cat "$_LIB_OUT"; } |
			_lib_diag
		return 1
	fi
}

expect_eq() {
	if [ "$2" = "$3" ]; then
		_lib_result 0 "$1"
	else
		_lib_result 1 "$1"
		{ echo "expected: $2"; echo "actual:   $3"; } | _lib_diag
		return 1
	fi
}

expect_match() {
	if grep -qE -- "$2" <<<"$3"; then
		_lib_result 0 "$1"
	else
		_lib_result 1 "$1"
		{ echo "expected to match: $2"; echo "actual: $3"; } | _lib_diag
		return 1
	fi
}

skip_test() {
	_lib_result 2 "$1" "$2"
}

# ping_gap FILE: "LOST AFTER" from the output of a ping in FILE: how many
# sequence numbers went unanswered between its first and last answer,
# and how many answers came after the last of those (a path cut and
# restored under a running ping, whatever the kernel's speed).
ping_gap() {
	awk 'match($0, / icmp_seq=[0-9]+ /) {
		s = substr($0, RSTART + 10, RLENGTH - 11) + 0
		got[s] = 1
		if (min == "" || s < min) min = s
		if (s > max) max = s
	}
	END {
		last = -1
		for (i = min; i < max; i++)
			if (!(i in got)) { lost++; last = i }
		if (last >= 0)
			for (s in got) if (s + 0 > last) after++
		print lost + 0, after + 0
	}' "$1"
}

# True on the debug kernel (scripts/debug/guest-suite.sh says so).
debug_kernel() {
	[ -n "${HNV_DEBUG_KERNEL:-}" ]
}

poll_until() {
	local end=$((SECONDS + $1))
	shift
	until "$@"; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.2
	done
}

wait_for() {
	local desc=$1 limit=$2
	shift 2
	if poll_until "$limit" "$@" >"$_LIB_OUT" 2>&1; then
		_lib_result 0 "$desc"
	else
		_lib_result 1 "$desc"
		{ echo "still failing after ${limit}s: $*"; cat "$_LIB_OUT"; } |
			_lib_diag
		return 1
	fi
}

ktap_end() {
	ktap_begin
	echo "1..$KTAP_COUNT"
	echo "# totals: pass:$KTAP_PASS fail:$KTAP_FAIL skip:$KTAP_SKIP"
	[ $KTAP_FAIL -gt 0 ] && exit 1
	[ $KTAP_SKIP -gt 0 ] && [ $KTAP_PASS = 0 ] && exit 4
	exit 0
}

# The whole script cannot run here: one skipped test line, exit 4.
_lib_skip_all() {
	skip_test "${0##*/}" "$1"
	ktap_end
}

# Public form for a test's own preconditions: skip_all "reason".
skip_all() {
	_lib_skip_all "$1"
}

require_cmd() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || _lib_skip_all "missing command: $c"
	done
}

require_root() {
	[ "$(id -u)" = 0 ] || _lib_skip_all "must be run as root"
}

netns_name() {
	echo "$1-$NS_SUFFIX"
}

netns_new() {
	local ns=$1-$NS_SUFFIX
	ip netns add "$ns" || return 1
	_LIB_NETNS+=("$ns")
	ip -n "$ns" link set lo up
}

netns_del() {
	local ns=$1-$NS_SUFFIX i
	ip netns del "$ns" || return 1
	for i in "${!_LIB_NETNS[@]}"; do
		[ "${_LIB_NETNS[i]}" = "$ns" ] && unset '_LIB_NETNS[i]'
	done
	return 0
}

n() {
	local ns=$1-$NS_SUFFIX
	shift
	ip netns exec "$ns" "$@"
}

# nbg NAME CMD...: CMD in NAME's namespace, in the background, with $!
# the command itself; after "n NAME CMD &", $! is a subshell, and
# killing it leaves CMD running.
nbg() {
	local ns=$1-$NS_SUFFIX
	shift
	ip netns exec "$ns" "$@" &
}

# udp_flows NAME DST GAP: in NAME's namespace, in the background ($!
# the sender, as with nbg), a datagram to DST port 9 every GAP seconds,
# each from a new socket, so a new source port (a new flow), until
# killed.  Bash's /dev/udp and a read timeout on a pipe that stays empty:
# no process per datagram, and none of the seconds Python takes to start
# on the debug kernel.  Send errors (no route, a port going away) are
# ignored.
udp_flows() {
	nbg "$1" bash -c 'exec 3<> <(:)
		while :; do
			echo x 2>/dev/null >"/dev/udp/$0/9"
			read -r -t "$1" -u 3
		done' "$2" "$3" >/dev/null 2>&1
}

nip() {
	local ns=$1-$NS_SUFFIX
	shift
	ip -n "$ns" "$@"
}

# vm_new VM HOSTNS MAC CIDR [SWITCH]: a "VM", netns VM whose eth0 has MAC
# and address CIDR (IPv6 off: no chatter in counters), plugged into SWITCH
# (default hnv0) in netns HOSTNS as port pVM, which is up.
vm_new() {
	local vm=$1 host=$2 mac=$3 cidr=$4 sw=${5:-hnv0}

	netns_new "$vm" || return 1
	n "$vm" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
	nip "$host" link add "p$vm" type veth peer name eth0 \
		netns "$(netns_name "$vm")" &&
	nip "$vm" link set eth0 address "$mac" &&
	nip "$vm" addr add "$cidr" dev eth0 &&
	nip "$vm" link set eth0 up &&
	nip "$host" link set "p$vm" master "$sw" &&
	nip "$host" link set "p$vm" up
}

# underlay_new I...: the physical network: a router, netns rt, and for
# each I a host, netns hI (IPv6 off), whose NIC pnic has 192.168.I.(10*I)/24
# and a default route through rt's rI, 192.168.I.1.
underlay_new() {
	local i

	netns_new rt || return 1
	n rt sysctl -qw net.ipv4.ip_forward=1
	for i in "$@"; do
		netns_new "h$i" || return 1
		n "h$i" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
		nip rt link add "r$i" type veth peer name pnic \
			netns "$(netns_name "h$i")" &&
		nip rt addr add "192.168.$i.1/24" dev "r$i" &&
		nip rt link set "r$i" up &&
		nip "h$i" addr add "192.168.$i.$((i * 10))/24" dev pnic &&
		nip "h$i" link set pnic up &&
		nip "h$i" route add default via "192.168.$i.1" || return 1
	done
}

module_load() {
	modprobe hnv
}

_lib_unused() {	# the module is gone or nobody holds it
	local r
	r=$(cat /sys/module/hnv/refcnt 2>/dev/null) || return 0
	[ "$r" = 0 ]
}

module_unload() {
	[ -d /sys/module/hnv ] || return 0
	# Namespaces are torn down asynchronously: give their devices time to go.
	if ! poll_until 10 _lib_unused; then
		echo "hnv: module refcount did not drop: $(cat /sys/module/hnv/refcnt)" >&2
		return 1
	fi
	modprobe -r hnv || return 1
	if [ -d /sys/module/hnv ]; then
		echo "hnv: module still loaded after modprobe -r" >&2
		return 1
	fi
}
