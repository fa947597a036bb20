#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Policy churn for churn.sh: random mapping, ACL and route changes through
hnvctl -batch for a while, a model of what the last change of each object
left, and a check of the kernel's dumps against that model.

    churn.py run SECONDS SEED MODEL   change for SECONDS, write the model
    churn.py check MODEL              compare hnvctl's dumps with it

Runs in the switch's namespace (h1 of churn.sh), on switch hnv0, VSID 5001,
RDID 1.  The objects: mappings of CAs 10.1.1.100-10.1.1.199 (made up), the
mapping of VM d (10.1.1.14, to its real PA or to a PA that does not exist),
ACL rules of port pa (out) at priorities 1000-1099 matching UDP ports
20000-20099 (no traffic uses them) and one at priority 999 that denies
UDP port 7000 (churn.sh's traffic), routes 10.200.K.0/24 (K 0-99) of RDID
1.  Every command is valid for the state the model says the kernel is in,
so every batch must succeed.
"""

import json
import random
import subprocess
import sys
import time

SW = "hnv0"
VSID = 5001
D_MAC, D_CA, D_PA, BOGUS_PA = "02:00:00:00:06:04", "10.1.1.14", "192.168.2.20", "192.168.9.9"
VIAS = ["10.1.1.11", "10.1.1.12", "10.1.1.14", "10.1.2.13"]
CHUNK = 500


def fake_mac(i):
    return "02:00:00:01:00:%02x" % i


def run(seconds, seed, model_file):
    rnd = random.Random(seed)
    maps = {D_MAC: (D_CA, D_PA)}        # mac -> (ca, pa): churn.sh installs d's
    acls = {}                           # prio -> (action, dport)
    routes = {}                         # prefix -> via
    n = 0
    end = time.monotonic() + seconds
    t0 = time.monotonic()
    while time.monotonic() < end:
        lines = []
        for _ in range(CHUNK):
            kind = rnd.random()
            if kind < 0.4:
                i = rnd.randrange(101)
                if i == 100:            # VM d's own mapping: right or wrong PA
                    pa = rnd.choice([D_PA, BOGUS_PA])
                    lines.append("map replace vsid %d mac %s ca %s pa %s switch %s"
                                 % (VSID, D_MAC, D_CA, pa, SW))
                    maps[D_MAC] = (D_CA, pa)
                    continue
                mac, ca = fake_mac(i), "10.1.1.%d" % (100 + i)
                if mac in maps and rnd.random() < 0.4:
                    lines.append("map del vsid %d mac %s switch %s" % (VSID, mac, SW))
                    del maps[mac]
                else:
                    pa = "192.168.%d.%d" % (rnd.choice([2, 9]), rnd.randrange(1, 255))
                    verb = "replace" if mac in maps else "add"
                    lines.append("map %s vsid %d mac %s ca %s pa %s switch %s"
                                 % (verb, VSID, mac, ca, pa, SW))
                    maps[mac] = (ca, pa)
            elif kind < 0.7:
                i = rnd.randrange(101)
                prio = 999 if i == 100 else 1000 + i
                if prio in acls and rnd.random() < 0.4:
                    lines.append("acl del dev pa dir out prio %d" % prio)
                    del acls[prio]
                    continue
                if prio == 999:
                    action, dport = "deny", 7000
                else:
                    action, dport = rnd.choice(["allow", "deny"]), 20000 + rnd.randrange(100)
                verb = "replace" if prio in acls else "add"
                lines.append("acl %s dev pa dir out prio %d %s proto udp dport %d"
                             % (verb, prio, action, dport))
                acls[prio] = (action, dport)
            else:
                prefix = "10.200.%d.0/24" % rnd.randrange(100)
                if prefix in routes and rnd.random() < 0.4:
                    lines.append("route del rdid 1 prefix %s switch %s" % (prefix, SW))
                    del routes[prefix]
                    continue
                via = rnd.choice(VIAS)
                verb = "replace" if prefix in routes else "add"
                lines.append("route %s rdid 1 prefix %s via %s switch %s"
                             % (verb, prefix, via, SW))
                routes[prefix] = via
        p = subprocess.run(["hnvctl", "-batch", "-"], input="\n".join(lines) + "\n",
                           text=True, capture_output=True)
        if p.returncode != 0:
            print("batch failed after %d changes: %s" % (n, p.stderr.strip()[:2000]))
            return 1
        n += len(lines)
    elapsed = time.monotonic() - t0
    with open(model_file, "w") as f:
        json.dump({"maps": maps, "acls": {str(k): v for k, v in acls.items()},
                   "routes": routes, "changes": n, "seconds": elapsed}, f)
    print("%d changes in %.1f s: %.0f per second" % (n, elapsed, n / elapsed))
    return 0


def dump(*args):
    out = subprocess.run(["hnvctl", "-j"] + list(args), text=True,
                         capture_output=True, check=True).stdout
    return json.loads(out)


def check(model_file):
    with open(model_file) as f:
        m = json.load(f)
    bad = []
    got = {e["mac"]: (e.get("ca"), e["pa"])
           for e in dump("map", "show", "switch", SW, "vsid", str(VSID))
           if e["mac"] == D_MAC or e["mac"].startswith("02:00:00:01:00:")}
    want = {k: tuple(v) for k, v in m["maps"].items()}
    if got != want:
        bad.append("mappings: %d in the kernel, %d in the model, %d differ"
                   % (len(got), len(want), len(set(got.items()) ^ set(want.items()))))
    got = {}
    for e in dump("acl", "show", "dev", "pa"):
        if e.get("dir") == "out" and "prio" in e and e["prio"] >= 999:
            got[e["prio"]] = (e["action"], int(e["dport"]), e.get("proto"))
    want = {int(k): (v[0], v[1], "udp") for k, v in m["acls"].items()}
    if got != want:
        bad.append("ACL rules: %d in the kernel, %d in the model, differing at prio %s"
                   % (len(got), len(want),
                      sorted({k for k in set(got) | set(want) if got.get(k) != want.get(k)})[:10]))
    got = {e["prefix"]: e["via"] for e in dump("route", "show", "rdid", "1", "switch", SW)
           if e["prefix"].startswith("10.200.")}
    if got != m["routes"]:
        bad.append("routes: %d in the kernel, %d in the model" % (len(got), len(m["routes"])))
    for b in bad:
        print(b)
    return 1 if bad else 0


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "run":
        return run(float(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    if len(sys.argv) == 3 and sys.argv[1] == "check":
        return check(sys.argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
