#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the hnv selftests (as root, on a kernel that can load hnv.ko: the
# test VM or scripts/check-host.sh) and print one KTAP document, like
# kselftest's runner: each script's output indented with "# ", then
# "ok N selftests: hnv: NAME" ("# SKIP" for exit 4, "# TIMEOUT" when it
# ran out of the settings file's timeout=).  After every script the hnv
# module is unloaded (and namespaces the script left behind deleted); a
# refcount that does not drop fails that script.
# Before each result line, "# time: NAME Ss": the script's wall time.
# Ends with "# hnv: P passed, F failed, S skipped", counted over the
# scripts' own test lines (a script that fails or skips without saying so
# in a test line counts once).  Exit 1 if anything failed.
#
# usage: selftests/run.sh [NAME...]     default: TEST_PROGS of the Makefile
#        (HNV_TIMEOUT_SCALE=N multiplies the timeout, for a debug kernel)
#        selftests/run.sh --list        print the test names
set -uo pipefail

cd "$(dirname "$0")" || exit

# TEST_PROGS (":=", "=", "+=", backslash continuations) from the Makefile.
test_progs() {
	sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' Makefile |
		sed -n 's/^TEST_PROGS[[:space:]]*[:+]\{0,1\}=//p' | tr -s ' \t' '\n' |
		sed '/^$/d'
}

if [ "${1:-}" = --list ]; then
	test_progs
	exit 0
fi
if [ $# -gt 0 ]; then
	tests=("$@")
else
	mapfile -t tests < <(test_progs)
fi
limit=$(sed -n 's/^timeout=//p' settings 2>/dev/null)
# A slower kernel (the debug kernel: KASAN, lockdep, kmemleak) gets
# HNV_TIMEOUT_SCALE times the settings file's timeout.
limit=$((${limit:-45} * ${HNV_TIMEOUT_SCALE:-1}))

pass=0 fail=0 skip=0 i=0 failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "TAP version 13"
echo "1..${#tests[@]}"
for t in "${tests[@]}"; do
	i=$((i + 1))
	name=${t##*/}
	echo "# selftests: hnv: $name"
	run=("./$name")
	[ -x "$name" ] || run=(bash "./$name")
	: >"$out"
	netns_before=$(ip netns list 2>/dev/null | cut -d' ' -f1)
	# timeout(1) leads its own process group: after the script, whatever
	# it left running in the background is killed with it.  (The subshell
	# keeps bash's "Killed" notices out of the output.)
	SECONDS=0
	(
		timeout -k 10 "$limit" "${run[@]}" </dev/null >"$out" 2>&1 &
		t=$!
		wait $t
		rc=$?
		kill -KILL -- -$t
		exit $rc
	) 2>/dev/null &
	pid=$!
	tail -s 0.2 -n +1 -f --pid=$pid "$out" | sed -u 's/^/# /'
	wait $pid
	rc=$?
	took=$SECONDS

	# The script's own test lines.
	s=$(grep -cE '^ok [0-9]+.*# *SKIP' "$out")
	p=$(($(grep -cE '^ok [0-9]+' "$out") - s))
	f=$(grep -cE '^not ok [0-9]+' "$out")

	# Namespaces a killed script could not delete would pin the module.
	for ns in $(ip netns list 2>/dev/null | cut -d' ' -f1); do
		grep -qxF "$ns" <<<"$netns_before" && continue
		echo "# left-over netns $ns deleted"
		ip netns del "$ns"
	done

	why=
	case $rc in
	0) ;;
	4) why=" # SKIP" ;;
	124) why=" # TIMEOUT $limit seconds" ;;
	137) why=" # exit=137 (SIGKILL)"
	     [ $SECONDS -ge "$limit" ] && why=" # TIMEOUT $limit seconds" ;;
	*) why=" # exit=$rc" ;;
	esac
	if ! msg=$(bash -c '. ./lib.sh; module_unload' 2>&1); then
		sed 's/^/# /' <<<"$msg"
		why=" # module refcount did not drop"
		rc=1
	fi
	echo "# time: $name ${took}s"
	case $rc in
	0|4) echo "ok $i selftests: hnv: $name$why"
	     [ $rc = 4 ] && [ $((p + s + f)) = 0 ] && s=1 ;;
	*) echo "not ok $i selftests: hnv: $name$why"
	   failed=1
	   [ "$f" = 0 ] && f=1 ;;
	esac
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
done
echo "# hnv: $pass passed, $fail failed, $skip skipped"
[ $failed = 0 ]
