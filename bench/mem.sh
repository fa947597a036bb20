# SPDX-License-Identifier: GPL-2.0
#
# Sourced by bench/guest.sh (metric "scale"): what mappings and cached
# flows cost.  Each figure is reported once, as round 1:
#
#   map_ns      time to install one CA->PA mapping with a -batch file of
#               $maps of them: hnv "hnvctl -batch" (map add), Linux
#               "bridge -batch" (vxlan FDB entry toward the PA) plus
#               "ip -batch" (the permanent neighbour entry ARP suppression
#               answers from) -- what the two need to reach a VM
#   map_bytes   kernel memory per mapping (slab, per-CPU and vmalloc,
#               /proc/meminfo, before and after)
#   flow_bytes  hnv: kernel memory per cached flow, after $secs s of
#               64-byte frames with random source ports, over the flows
#               both hosts then hold (hnvctl switch show)

maps=${BENCH_MAPS:-100000}

# kmem: kernel memory that tables grow, slab + per-CPU + vmalloc, in
# bytes.  Slab includes kmalloc's allocations beyond a page (an
# rhashtable's bucket array, while kvmalloc gets it from kmalloc); a
# bucket array too large for kmalloc comes from vmalloc (VmallocUsed: at
# a million mappings, 38 of a mapping's bytes).
kmem() {
	sync
	awk '/^(Slab|Percpu|VmallocUsed):/ { kb += $2 } END { print kb * 1024 }' /proc/meminfo
}

# kmem_snap FILE: the bytes of every slab cache's objects in use, one
# "NAME BYTES" a line, then "=Slab", "=Percpu" and "=VmallocUsed" from
# /proc/meminfo; kmem_breakdown compares two of them.
kmem_snap() {
	sync
	{
		awk 'NR > 2 { print $1, $2 * $4 }' /proc/slabinfo
		awk '/^(Slab|Percpu|VmallocUsed):/ { sub(":", "", $1); print "=" $1, $2 * 1024 }' /proc/meminfo
	} >"$1"
}

# kmem_breakdown WHAT N BEFORE AFTER: where the memory of N new WHATs
# went, in bytes per WHAT: each slab cache that grew by at least half a
# byte per WHAT, what Slab grew by beyond the caches' objects (slab page
# slack and kmalloc's large allocations, which the kernel counts as Slab:
# an rhashtable's bucket array beyond a page), per-CPU and vmalloc.
kmem_breakdown() {
	awk -v what="$1" -v n="$2" '
	FNR == NR { a[$1] = $2; next }
	{ d = $2 - a[$1]; if ($1 ~ /^=/) m[$1] = d; else if (d * 2 >= n) { c[$1] = d; objs += d } }
	END {
		line = sprintf("# %s memory: %.0f B each in slab objects:", what, objs / n)
		for (k in c) line = line sprintf(" %s %.1f", k, c[k] / n)
		line = line sprintf("; Slab beyond them %.1f (slack, large kmalloc); per-CPU %.1f; vmalloc %.1f",
			(m["=Slab"] - objs) / n, m["=Percpu"] / n, m["=VmallocUsed"] / n)
		print line
	}' "$3" "$4"
}

# map_lines: $maps distinct (MAC, CA, PA) triples, one per line
map_lines() {
	python3 - "$maps" <<'PY'
import sys
for i in range(int(sys.argv[1])):
    print("02:10:%02x:%02x:%02x:%02x 10.%d.%d.%d 192.168.%d.%d" % (
        i >> 24 & 255, i >> 16 & 255, i >> 8 & 255, i & 255,
        64 + (i >> 16 & 63), i >> 8 & 255, i & 255, 2 + (i >> 8 & 63), 1 + (i & 127)))
PY
}

# scale_measure SYSTEM NS CMD...: time and memory of one batch install
scale_measure() {
	local s=$1 ns=$2 m0 m1 t0 t1
	shift 2
	kmem_snap /tmp/kmem.0
	m0=$(kmem) t0=$(date +%s%N)
	n "$ns" "$@" >/dev/null || return 1
	t1=$(date +%s%N)
	sleep 1
	m1=$(kmem)
	kmem_snap /tmp/kmem.1
	report 1 "$s" map_ns $(( (t1 - t0) / maps ))
	report 1 "$s" map_bytes $(( (m1 - m0) / maps ))
	kmem_breakdown "$s mapping" "$maps" /tmp/kmem.0 /tmp/kmem.1
	rm -f /tmp/kmem.0 /tmp/kmem.1
}

scale_hnv() {
	local ns=scale-hnv f=/tmp/maps-hnv.batch
	ip netns add "$ns" && ip -n "$ns" link add hnv0 type hnv &&
	ip -n "$ns" link set hnv0 up &&
	n "$ns" hnvctl subnet add vsid 5001 rdid 1 switch hnv0 || return 1
	map_lines | awk '{ printf "map add vsid 5001 mac %s ca %s pa %s switch hnv0\n", $1, $2, $3 }' >"$f"
	scale_measure hnv "$ns" hnvctl -batch "$f"
	ip netns del "$ns"
	rm -f "$f"
}

scale_bridge() {
	local ns=scale-bridge f=/tmp/maps-fdb.batch g=/tmp/maps-neigh.batch
	ip netns add "$ns" &&
	ip -n "$ns" link add br0 type bridge &&
	ip -n "$ns" link add vx0 type vxlan id 5001 local 192.168.1.1 \
		dstport 4789 nolearning &&
	ip -n "$ns" link set vx0 master br0 &&
	ip -n "$ns" link set br0 up && ip -n "$ns" link set vx0 up || return 1
	map_lines | awk '{ printf "fdb append %s dev vx0 dst %s self permanent\n", $1, $3 }' >"$f"
	map_lines | awk '{ printf "neigh add %s lladdr %s dev br0 nud permanent\n", $2, $1 }' >"$g"
	# Room for the neighbour entries (gc_thresh3 is 1024 by default; the
	# knobs exist in the initial namespace only, for all of them).
	sysctl -qw net.ipv4.neigh.default.gc_thresh3=$((maps * 2)) \
		net.ipv4.neigh.default.gc_thresh2=$((maps * 2)) \
		net.ipv4.neigh.default.gc_thresh1=$((maps * 2))
	# iproute2's bridge -batch grows by ~3 KB a command (at a million
	# it was OOM-killed with 3.4 GB in a 4 GB guest): files of 100,000
	# lines each, all of them timed.
	split -l 100000 "$f" "$f." && split -l 100000 "$g" "$g." || return 1
	scale_measure bridge "$ns" sh -c "for b in $f.*; do bridge -batch \$b || exit; done &&
		for b in $g.*; do ip -batch \$b || exit; done"
	ip netns del "$ns"
	rm -f "$f" "$g" "$f".* "$g".*
}

# flow_bytes: after pktgen with random source ports through "hnv"
scale_flows() {
	local m0 m1 f=0 k v
	for k in 1 2; do
		n "hnv-h$k" hnvctl flow flush switch hnv0 >/dev/null
	done
	sleep 1
	kmem_snap /tmp/kmem.0
	m0=$(kmem)
	pktgen 1 hnv scale 1024 65535 >/dev/null || return 1
	sleep 1
	m1=$(kmem)
	kmem_snap /tmp/kmem.1
	for k in 1 2; do
		v=$(n "hnv-h$k" hnvctl -j switch show dev hnv0 |
			python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["flows"])')
		f=$((f + v))
	done
	[ "$f" -gt 0 ] || return 1
	report 1 hnv flow_bytes $(( (m1 - m0) / f ))
	report 1 hnv flows "$f"
	kmem_breakdown "hnv cached flow" "$f" /tmp/kmem.0 /tmp/kmem.1
	rm -f /tmp/kmem.0 /tmp/kmem.1
	for k in 1 2; do
		n "hnv-h$k" hnvctl flow flush switch hnv0 >/dev/null
	done
}

scale() {
	listed hnv "${systems[@]}" && { scale_hnv; scale_flows; }
	listed bridge "${systems[@]}" && scale_bridge
	return 0
}
