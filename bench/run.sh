#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# "make bench": hnv against Linux's bridge + vxlan and the Open vSwitch
# kernel datapath, measured in one VM run on the same topology, for each
# kernel in KERNELS (default 6.12).  Prints the table (bench/report.py) and
# writes build/bench/RELEASE.json and the guest's raw log next to it.
# Not part of "make check": the figures are ratios to track, not gates.
#
# usage: [KERNELS=6.12] [BENCH_ROUNDS=5] [BENCH_SECONDS=3] bench/run.sh
#   BENCH_SYSTEMS, BENCH_METRICS, BENCH_PROFILE, BENCH_ACL_RULES: see
#   bench/guest.sh (profiles land in build/bench/RELEASE.vm/); BENCH_MAPS
#   (default 100000): bench/mem.sh; HNV_VM_MEM: scripts/vm/run.sh (a
#   million mappings on bridge+vxlan want HNV_VM_MEM=4G)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
read -ra kernels <<<"${KERNELS:-6.12}"
rels=()
for k in "${kernels[@]}"; do
	rels+=("$(scripts/kernel-version.sh "$k")")
done
scripts/deps.sh --bench "${rels[@]}"
make -s -C tools/hnvctl
mkdir -p build/bench
# The guest runs the host's root: its tools can be built here.
cc -O2 -Wall -Wextra -Werror -o build/bench/tcp_crr bench/tcp_crr.c
for k in "${kernels[@]}"; do
	rel=$(scripts/kernel-version.sh "$k")
	HNV_SELFTEST=0 HNV_BENCH=1 scripts/build-module.sh "$k" >/dev/null
	log=build/bench/$rel.log
	echo "bench: $rel: $(date -u +%FT%TZ), ${BENCH_ROUNDS:-5} rounds, log $log"
	t0=$SECONDS
	rm -rf "build/bench/$rel.vm"
	# 30 minutes, and a millisecond for each mapping bridge+vxlan and
	# hnv install in the scale metric
	scripts/vm/run.sh -t $((1800 + ${BENCH_MAPS:-100000} / 1000)) -o "build/bench/$rel.vm" "$k" -- env \
		BENCH_ROUNDS="${BENCH_ROUNDS:-5}" BENCH_SECONDS="${BENCH_SECONDS:-3}" \
		${BENCH_SYSTEMS:+BENCH_SYSTEMS="$BENCH_SYSTEMS"} \
		${BENCH_METRICS:+BENCH_METRICS="$BENCH_METRICS"} \
		${BENCH_PROFILE:+BENCH_PROFILE="$BENCH_PROFILE"} \
		${BENCH_ACL_RULES:+BENCH_ACL_RULES="$BENCH_ACL_RULES"} \
		${BENCH_MAPS:+BENCH_MAPS="$BENCH_MAPS"} \
		bench/guest.sh | tee "$log" | grep -v '^BENCH \|^CLS ' || true
	bench/report.py "$log" "build/bench/$rel.json"
	echo "bench: $rel: $((SECONDS - t0)) s; JSON: build/bench/$rel.json"
done
