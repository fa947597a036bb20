#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn bench/guest.sh's output into the benchmark table and JSON.

Reads the guest's lines (BENCH ... and CLS ...) from a log file, prints a
table and writes JSON.  Every figure is a median over the rounds with min
and max; each ratio is hnv's value over a peer's taken per round (the two
measured next to each other), then summarised the same way: raw rates vary
with the host's load across a run, per-round ratios much less.

usage: bench/report.py LOG JSON
"""

import json
import re
import statistics
import sys

# metric: (label, unit, higher is better)
METRICS = {
    "udp_pps": ("64-byte UDP, established flow", "pkt/s", True),
    "newflow_pps": ("64-byte UDP, every packet a new flow", "pkt/s", True),
    "tcp_cps": ("TCP connect+request+response+close", "conn/s", True),
    "tcp_mbps": ("TCP stream", "Mbit/s", True),
    "rtt_p50_us": ("ping round trip p50", "us", False),
    "rtt_p99_us": ("ping round trip p99", "us", False),
    "map_ns": ("install one CA->PA mapping (-batch)", "ns", False),
    "map_bytes": ("kernel memory per mapping", "bytes", False),
    "flow_bytes": ("kernel memory per cached flow", "bytes", False),
    "flows": ("flows cached when measuring that", "flows", True),
}
OURS = ("hnv", "hnvpol")
PEERS = ("bridge", "ovs", "ovsct")
POLICY = ("pol1", "pol100", "pol10000")   # ACL rules per port
NAMES = {"hnv": "hnv", "hnvpol": "hnv+policy", "bridge": "bridge+vxlan",
         "ovs": "ovs", "ovsct": "ovs+ct"}


def summary(values):
    return {"median": statistics.median(values), "min": min(values),
            "max": max(values), "n": len(values)}


def parse(path):
    runs = {}   # (metric, sys) -> {round: value}
    cls = []
    for line in open(path, errors="replace"):
        m = re.search(r"BENCH round=(\d+) sys=(\S+) metric=(\S+) value=(\d+)",
                      line)
        if m:
            r, s, metric, v = m.groups()
            runs.setdefault((metric, s), {})[int(r)] = int(v)
            continue
        m = re.search(r"CLS (\S+) rules=(\d+) subtables=(\d+) insert_ns=(\d+)"
                      r" lookup_ns=(\d+)/(\d+)/(\d+) matched=(\d+)/(\d+)", line)
        if m:
            g = m.groups()
            cls.append({"kind": g[0], "rules": int(g[1]),
                        "subtables": int(g[2]), "insert_ns": int(g[3]),
                        "lookup_ns": {"min": int(g[4]), "median": int(g[5]),
                                      "max": int(g[6])},
                        "matched": int(g[7]), "packets": int(g[8])})
    return runs, cls


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    runs, cls = parse(sys.argv[1])
    out = {"metrics": {}, "classifier": cls}
    for metric, (label, unit, higher) in METRICS.items():
        entry = {"label": label, "unit": unit, "higher_is_better": higher,
                 "systems": {}, "ratios": {}}
        for s in OURS + PEERS + POLICY:
            vals = runs.get((metric, s), {})
            if vals:
                entry["systems"][s] = summary(list(vals.values()))
        base = runs.get((metric, POLICY[0]), {})
        for s in POLICY[1:]:
            vals = runs.get((metric, s), {})
            ratios = [vals[r] / base[r] for r in vals if r in base and base[r]]
            if ratios:
                entry["ratios"][s + "/" + POLICY[0]] = summary(ratios)
        for ours in OURS:
            mine = runs.get((metric, ours), {})
            for peer in PEERS:
                vals = runs.get((metric, peer), {})
                ratios = [mine[r] / vals[r] for r in mine
                          if r in vals and vals[r]]
                if ratios:
                    entry["ratios"][ours + "/" + peer] = summary(ratios)
        if entry["systems"]:
            out["metrics"][metric] = entry
    with open(sys.argv[2], "w") as f:
        json.dump(out, f, indent=1)

    def fig(d, fmt="{:.0f}"):
        if not d:
            return "-"
        return (fmt.format(d["median"]) + " (" + fmt.format(d["min"]) + "-"
                + fmt.format(d["max"]) + ")")

    systems = [x for x in OURS + PEERS
               if any(x in e["systems"] for e in out["metrics"].values())]
    pairs = [o + "/" + p for o in OURS for p in PEERS
             if any(o + "/" + p in e["ratios"]
                    for e in out["metrics"].values())]
    if out["metrics"]:
        print("Median (min-max) over the rounds")
        print("%-38s %-7s" % ("metric", "unit")
              + "".join(" %-20s" % NAMES[x] for x in systems))
        for e in out["metrics"].values():
            print("%-38s %-7s" % (e["label"], e["unit"])
                  + "".join(" %-20s" % fig(e["systems"].get(x))
                            for x in systems))
        print()
        print("Ratios, per round (hnv's figure over the peer's: for round "
              "trips, time and memory, lower is better)")
        print("%-38s" % "metric" + "".join(
            " %-23s" % "/".join(NAMES[y] for y in x.split("/"))
            for x in pairs))
        for e in out["metrics"].values():
            print("%-38s" % e["label"] + "".join(
                " %-23s" % fig(e["ratios"].get(x), "{:.2f}") for x in pairs))
    pol = [e for e in out["metrics"].values()
           if any(x in e["systems"] for x in POLICY)]
    if pol:
        print()
        print("Policy scale: hnv with routing and 1 / 100 / 10,000 ACL rules "
              "per port")
        print("%-38s %-7s" % ("metric", "unit")
              + "".join(" %-20s" % ("%s rules" % x[3:]) for x in POLICY)
              + " %-18s %-18s" % ("100/1", "10000/1"))
        for e in pol:
            print("%-38s %-7s" % (e["label"], e["unit"])
                  + "".join(" %-20s" % fig(e["systems"].get(x))
                            for x in POLICY)
                  + "".join(" %-18s" % fig(e["ratios"].get(x + "/pol1"),
                                           "{:.2f}")
                            for x in POLICY[1:]))
    if cls:
        print()
        print("ACL classifier, one lookup (a new flow's slow path), ns: "
              "median (min-max) of 7 rounds")
        print("%-8s %7s %10s %10s %22s %9s" % ("rules", "count", "subtables",
                                              "insert_ns", "lookup_ns",
                                              "matched"))
        for c in cls:
            print("%-8s %7d %10d %10d %22s %9s" % (
                c["kind"], c["rules"], c["subtables"], c["insert_ns"],
                fig(c["lookup_ns"]), "%d/%d" % (c["matched"], c["packets"])))
        for kind in sorted({c["kind"] for c in cls}):
            by = {c["rules"]: c["lookup_ns"]["median"] for c in cls
                  if c["kind"] == kind}
            if 10 in by and 10000 in by and by[10]:
                print("%s: 10,000 rules cost %.1fx 10 rules" %
                      (kind, by[10000] / by[10]))
    if not out["metrics"] and not cls:
        sys.exit("bench: no results in " + sys.argv[1])


if __name__ == "__main__":
    main()
