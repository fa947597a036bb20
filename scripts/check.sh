#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Everything "make check" gates on, as one KTAP document printed as it
# goes: for each kernel in KERNELS (default "6.1 6.12") the W=1 build and
# the sparse build of hnv.ko; the hnvctl build and unit tests; then, one
# kernel after the other, a VM running selftests/run.sh, each test script
# one top-level line "ok N KERNEL: NAME" with its own lines nested, plus
# "ok N KERNEL: guest dmesg clean".  Ends with the timing of the phases
# and, as the very last line, "P passed, F failed, S skipped" over the
# scripts' test lines on every kernel plus the host steps.  Exits 1 on any
# failure (a crashed or hung guest and a dmesg splat are failures).
#
# usage: [KERNELS="6.1 6.12"] scripts/check.sh
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit
read -ra kernels <<<"${KERNELS:-6.1 6.12}"
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
	step "$k: sparse" env SPARSE=1 scripts/build-module.sh "$k"
done
step "host: hnvctl build" make -C tools/hnvctl
step "host: hnvctl unit tests" make -C tools/hnvctl check
step "host: kernel tools (checkpatch, YNL)" scripts/kernel-tools.sh
for w in checkpatch spec versions manpage; do
	step "host: lint $w" scripts/lint.sh "$w"
done
t_build=$((SECONDS - t0))

# --- VM phase ---------------------------------------------------------
# vm_tests KERNEL RELEASE: boot, run the suite, fold its KTAP into ours.
vm_tests() {
	local k=$1 rel=$2 dir=$logs/vm-$2 l cur='' done=0 p=0 f=0 s=0 rc
	local ntests per limit
	ntests=$(selftests/run.sh --list | wc -l)
	per=$(sed -n 's/^timeout=//p' selftests/settings)
	limit=$((ntests * (${per:-45} + 15) + 60))
	while IFS= read -r l; do
		case $l in
		"TAP version "*|1..*) ;;
		"# selftests: hnv: "*)
			cur=${l#\# selftests: hnv: } p=0 f=0 s=0
			echo "$l" ;;
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
	done < <(scripts/vm/run.sh -t "$limit" -o "$dir" "$k" -- selftests/run.sh \
		2>"$logs/vm-$rel.stderr")
	wait $! && rc=0 || rc=$?

	if [ $done = 0 ]; then
		fail=$((fail + 1))
		line fail "$k: ${cur:-selftests}" "guest crashed, hung or never ran the tests (exit $rc)"
		diag <"$logs/vm-$rel.stderr"
	elif [ $rc != 0 ]; then
		grep -v '^vm:   ' "$logs/vm-$rel.stderr" | diag
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

t0=$SECONDS
for i in "${!kernels[@]}"; do
	k=${kernels[i]}
	if [ -z "${built[$k]:-}" ]; then
		skip=$((skip + 1))
		line skip "$k: selftests" "hnv.ko did not build"
		continue
	fi
	vm_tests "$k" "${rels[i]}"
done
t_vm=$((SECONDS - t0))

echo "1..$n"
echo "# time: build ${t_build}s, vm boot+tests ${t_vm}s, total $((SECONDS - t_start))s"
echo "$pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
