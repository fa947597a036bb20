#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Everything "make check" gates on, as one KTAP document printed as it
# goes: for each kernel in KERNELS (default "6.1 6.12") the W=1 build and
# the sparse build of hnv.ko; the hnvctl build and unit tests, the
# selftests' programs (pkt_fuzz_gen); then one VM
# per kernel running selftests/run.sh, side by side (a TCG guest keeps
# about one host core busy), their output folded in as each is done: each
# test script one top-level line "ok N KERNEL: NAME" with its own lines
# nested, then "# KERNEL: script times: NAME Ss ...", plus "ok N KERNEL:
# guest dmesg clean".  Ends with the timing of the phases
# and, as the very last line, "P passed, F failed, S skipped" over the
# scripts' test lines on every kernel plus the host steps.  Exits 1 on any
# failure (a crashed or hung guest and a dmesg splat are failures).
#
# With --debug ("make check-debug") the same on the debug kernel
# (scripts/debug/kernel.sh: KASAN, UBSAN, lockdep, PROVE_RCU, kmemleak),
# built and cached first: the W=1 build and hnvctl, then the whole suite
# split over HNV_DEBUG_VMS (default 2) VMs that run side by side (a TCG
# VM keeps about one host core busy), each ending with a kmemleak scan;
# the per-script timeouts are HNV_DEBUG_TIMEOUT_SCALE (default 4) times
# longer.  The host-only gates (sparse, unit tests, lints) are make
# check's.
#
# HNV_TESTS="a.sh b.sh" runs only those selftests.
#
# usage: [KERNELS="6.1 6.12"] scripts/check.sh
#        scripts/check.sh --debug
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit
debug=0
[ "${1:-}" = --debug ] && debug=1
if [ $debug = 1 ]; then
	kernels=(debug)
else
	read -ra kernels <<<"${KERNELS:-6.1 6.12}"
fi
mkdir -p build/check
logs=$(mktemp -d "$top/build/check/run.XXXXXX")
t_start=$SECONDS

n=0 pass=0 fail=0 skip=0
echo "TAP version 13"

# Indent as KTAP diagnostics, at most 200 lines.
diag() {
	sed -e 's/^/# /' -e '200{s/.*/# [... cut, see the log]/;q}'
}

# line RESULT(ok|fail|skip) DESC [REASON]: a top-level line, not counted.
line() {
	n=$((n + 1))
	case $1 in
	ok) echo "ok $n $2" ;;
	fail) echo "not ok $n $2${3:+ # $3}" ;;
	skip) echo "ok $n $2 # SKIP $3" ;;
	esac
}

# step DESC CMD...: a host step; counted; its output shown if it fails.
step() {
	local desc=$1 log
	shift
	log=$logs/step-$((n + 1)).log
	if "$@" >"$log" 2>&1; then
		line ok "$desc"
		pass=$((pass + 1))
	else
		line fail "$desc"
		fail=$((fail + 1))
		diag <"$log"
		echo "# log: $log"
		return 1
	fi
}

# --- build phase ------------------------------------------------------
t0=$SECONDS
rels=()
for k in "${kernels[@]}"; do
	r=$(scripts/kernel-version.sh "$k") || r=$k
	rels+=("$r")
done
step "host: dependencies" scripts/deps.sh "${rels[@]}"
declare -A built
for k in "${kernels[@]}"; do
	step "$k: build hnv.ko (W=1)" scripts/build-module.sh "$k" && built[$k]=1
	[ $debug = 1 ] ||
		step "$k: sparse" env SPARSE=1 scripts/build-module.sh "$k"
done
step "host: hnvctl build" make -C tools/hnvctl
step "host: selftest programs" make -C selftests
step "host: kernel tools (checkpatch, YNL)" scripts/kernel-tools.sh
if [ $debug = 0 ]; then
	step "host: hnvctl unit tests" make -C tools/hnvctl check
	for w in checkpatch spec versions manpage; do
		step "host: lint $w" scripts/lint.sh "$w"
	done
fi
t_build=$((SECONDS - t0))

# --- VM phase ---------------------------------------------------------
# vm_job LABEL RELEASE DIR SCALE TEST...: boot a VM for the suite (or the
# named tests), the raw KTAP in DIR.out, the exit status in DIR.rc.  A
# guest that dies before it reaches the command (no DIR/boot-time) is
# booted once more: TCG has been seen to oops on a static-key patch in
# early boot, about one boot in a hundred.  The first one's logs stay in
# DIR.boot1.  A crash in the tests is never retried.
vm_job() {
	local k=$1 rel=$2 dir=$3 scale=$4 limit per rc try
	shift 4
	per=$(sed -n 's/^timeout=//p' selftests/settings)
	limit=$((${#} * (${per:-45} * scale + 15) + 120))
	local cmd=(env HNV_TIMEOUT_SCALE="$scale" selftests/run.sh "$@")
	[ $debug = 0 ] || cmd=(env HNV_TIMEOUT_SCALE="$scale" scripts/debug/guest-suite.sh "$@")
	for try in 1 2; do
		rc=0
		scripts/vm/run.sh -t "$limit" -o "$dir" "$rel" -- "${cmd[@]}" \
			>"$dir.out" || rc=$?
		[ ! -f "$dir/boot-time" ] && [ $try = 1 ] || break
		echo "vm: $k: the guest died before the tests (exit $rc): booting again" >&2
		rm -rf "$dir.boot1"
		mv "$dir" "$dir.boot1"
		mv "$dir.out" "$dir.boot1/out"
	done
	echo $rc >"$dir.rc"
}

# fold LABEL DIR: the VM's KTAP on stdin, folded into ours; then whether
# the guest ran it all and left a clean dmesg.
fold() {
	local k=$1 dir=$2 l cur='' done=0 p=0 f=0 s=0 rc times=
	while IFS= read -r l; do
		case $l in
		"TAP version "*|1..*) ;;
		"# selftests: hnv: "*)
			cur=${l#\# selftests: hnv: } p=0 f=0 s=0
			echo "$l" ;;
		"# time: "*)
			echo "$l"
			times+=" ${l#\# time: }" ;;
		"# hnv: "*" passed, "*)
			done=1
			echo "# $k: ${l#\# hnv: }" ;;
		"# "*)
			echo "$l"
			[[ $l =~ ^#\ ok\ [0-9]+.*#\ *SKIP ]] && s=$((s + 1)) && continue
			[[ $l =~ ^#\ ok\ [0-9]+ ]] && p=$((p + 1))
			[[ $l =~ ^#\ not\ ok\ [0-9]+ ]] && f=$((f + 1)) ;;
		"ok "*|"not ok "*)
			[[ $l =~ ^(not )?ok\ [0-9]+\ selftests:\ hnv:\ ([^ ]+)(.*)$ ]] ||
				{ echo "# $l"; continue; }
			n=$((n + 1))
			echo "${BASH_REMATCH[1]}ok $n $k: ${BASH_REMATCH[2]}${BASH_REMATCH[3]}"
			# A script that failed or skipped with no test line saying so.
			if [ -n "${BASH_REMATCH[1]}" ] && [ $f = 0 ]; then f=1; fi
			if [[ $l == *"# SKIP"* ]] && [ $((p + f + s)) = 0 ]; then s=1; fi
			pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
			cur= ;;
		*) echo "# $l" ;;
		esac
	done
	rc=$(cat "$dir.rc" 2>/dev/null || echo 125)
	[ -z "$times" ] || echo "# $k: script times:$times"
	grep 'booting again$' "$dir.stderr" | diag

	if [ $done = 0 ]; then
		fail=$((fail + 1))
		line fail "$k: ${cur:-selftests}" "guest crashed, hung or never ran the tests (exit $rc)"
		diag <"$dir.stderr"
	elif [ "$rc" != 0 ]; then
		grep -v '^vm:   ' "$dir.stderr" | diag
	fi
	if [ ! -f "$dir/dmesg" ]; then
		fail=$((fail + 1))
		line fail "$k: guest dmesg clean" "no dmesg saved"
	elif scripts/vm/find-splats.sh "$dir/dmesg" >"$dir/splats.txt"; then
		fail=$((fail + 1))
		line fail "$k: guest dmesg clean"
		diag <"$dir/splats.txt"
		echo "# dmesg: $dir/dmesg"
	else
		pass=$((pass + 1))
		line ok "$k: guest dmesg clean"
	fi
}

# Minutes of each script on the debug kernel, to split the suite into
# VMs of about equal length (longest first onto the least loaded VM),
# from the "script times" of a full make check-debug (2026-11-27, two
# VMs, a third on the host at times): lifecycle.sh 19 (before its
# setup lost Python: about 10 now), maps.sh and overlay.sh 11,
# switching.sh and acl_scale.sh 10, nl_fuzz.sh 7, pkt_fuzz.sh, acl.sh and
# route.sh 6, addressing.sh, churn.sh and genl.sh 4, each other 2-3.
weight() {
	case $1 in
	maps.sh|overlay.sh) echo 11 ;;
	lifecycle.sh|switching.sh|acl_scale.sh) echo 10 ;;
	nl_fuzz.sh) echo 7 ;;
	pkt_fuzz.sh|acl.sh|route.sh) echo 6 ;;
	addressing.sh|churn.sh|genl.sh) echo 4 ;;
	path.sh|neigh.sh) echo 3 ;;
	*) echo 2 ;;
	esac
}

# Every VM of the phase runs side by side (one per kernel; for the debug
# kernel, the suite split over HNV_DEBUG_VMS): a TCG guest keeps about one
# host core busy.  Their output is folded in, in order, as each is done.
t0=$SECONDS
tests=${HNV_TESTS:-$(selftests/run.sh --list | tr '\n' ' ')}
jobs_label=() jobs_rel=() jobs_dir=() jobs_scale=() jobs_tests=()
if [ $debug = 0 ]; then
	read -ra all <<<"$tests"
	for i in "${!kernels[@]}"; do
		k=${kernels[i]}
		if [ -z "${built[$k]:-}" ]; then
			skip=$((skip + 1))
			line skip "$k: selftests" "hnv.ko did not build"
			continue
		fi
		jobs_label+=("$k") jobs_rel+=("${rels[i]}") jobs_scale+=(1)
		jobs_dir+=("$logs/vm-${rels[i]}") jobs_tests+=("${all[*]}")
	done
elif [ -z "${built[debug]:-}" ]; then
	skip=$((skip + 1))
	line skip "debug: selftests" "hnv.ko did not build"
else
	nvm=${HNV_DEBUG_VMS:-2}
	declare -a load shard
	for ((v = 0; v < nvm; v++)); do load[v]=0 shard[v]=; done
	while read -r w t; do
		m=0
		for ((v = 1; v < nvm; v++)); do
			[ "${load[v]}" -lt "${load[m]}" ] && m=$v
		done
		load[m]=$((load[m] + w)) shard[m]+=" $t"
	done < <(for t in $tests; do echo "$(weight "$t") $t"; done |
		sort -k1,1nr -s)
	for ((v = 0; v < nvm; v++)); do
		[ -n "${shard[v]}" ] || continue
		jobs_label+=("debug VM $((v + 1))") jobs_rel+=("${rels[0]}")
		jobs_scale+=("${HNV_DEBUG_TIMEOUT_SCALE:-4}")
		jobs_dir+=("$logs/vm-debug-$((v + 1))") jobs_tests+=("${shard[v]# }")
	done
fi
pids=()
for j in "${!jobs_label[@]}"; do
	echo "# ${jobs_label[j]}: ${jobs_tests[j]}"
	mem=1G
	[ $debug = 0 ] || mem=2G	# KASAN's shadow, kmemleak's metadata
	# shellcheck disable=SC2086 # the test list splits on spaces
	HNV_VM_MEM=$mem vm_job "${jobs_label[j]}" "${jobs_rel[j]}" \
		"${jobs_dir[j]}" "${jobs_scale[j]}" ${jobs_tests[j]} \
		2>"${jobs_dir[j]}.stderr" &
	pids+=($!)
done
for j in "${!jobs_label[@]}"; do
	wait "${pids[j]}"
	fold "${jobs_label[j]}" "${jobs_dir[j]}" <"${jobs_dir[j]}.out"
done
t_vm=$((SECONDS - t0))

echo "1..$n"
echo "# time: build ${t_build}s, vm boot+tests ${t_vm}s, total $((SECONDS - t_start))s"
echo "$pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
