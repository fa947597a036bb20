#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Random ACL rules and a plain reference evaluation of them.

    acl_ref.py gen N SEED RULES_JSON
        Print N random "acl add dev pb dir in ..." lines (an hnvctl batch)
        and a "default deny" line; save the rules to RULES_JSON.
    acl_ref.py check RULES_JSON COUNT SEED
        For COUNT random packets from the physical network (VSID 5001,
        from 192.168.2.20) to b (10.1.1.12), ask "hnvctl trace" which rule
        of pb's IN ACL decided and compare with the reference: the
        matching rule of lowest priority, else the default.
    acl_ref.py datapath RULES_JSON COUNT SEED NETNS
        Send COUNT random UDP datagrams from d (in NETNS, 10.1.1.14, on
        the other host) to b and check that b got exactly those the
        reference allows (b's port counter of frames sent to it).

Exit 0 if everything agreed; else print the differences and exit 1.
"""

import ipaddress
import json
import random
import subprocess
import sys
import time

B = "10.1.1.12"


def rand_prefix(rnd):
    """A prefix in the small space the packets come from."""
    plen = rnd.choice([8, 16, 24, 32, 32])
    addr = "10.%d.%d.%d" % (rnd.randrange(4), rnd.randrange(8), rnd.randrange(16))
    return str(ipaddress.ip_network("%s/%d" % (addr, plen), strict=False))


def rand_range(rnd, single, span):
    lo = rnd.randrange(2048)
    if single:
        return (lo, lo)
    return (lo, min(65535, lo + rnd.randrange(span)))


def gen(n, seed, path):
    rnd = random.Random(int(seed))
    prios = rnd.sample(range(1, 65536), int(n))
    rules = []
    for prio in prios:
        r = {"prio": prio, "action": rnd.choice(["allow", "deny"])}
        r["proto"] = rnd.choice([None, "tcp", "udp", "udp"])
        if rnd.random() < 0.6:
            r["src"] = rand_prefix(rnd)
        r["dst"] = rnd.choice([None, B + "/32", "10.1.1.0/24", "10.1.0.0/16",
                               "10.1.1.13/32"])
        if r["proto"]:
            x = rnd.random()
            if x < 0.6:
                r["dport"] = rand_range(rnd, True, 0)
            elif x < 0.75:
                r["dport"] = rand_range(rnd, False, 300)
            if rnd.random() < 0.1:
                r["sport"] = rand_range(rnd, False, 4000)
        rules.append(r)
    with open(path, "w") as f:
        json.dump(rules, f)
    for r in rules:
        words = ["acl", "add", "dev", "pb", "dir", "in", "prio", str(r["prio"]),
                 r["action"]]
        if r["proto"]:
            words += ["proto", r["proto"]]
        for k in ("src", "dst"):
            if r.get(k):
                words += [k, r[k]]
        for k in ("sport", "dport"):
            if r.get(k):
                lo, hi = r[k]
                words += [k, str(lo) if lo == hi else "%d-%d" % (lo, hi)]
        print(" ".join(words))
    print("acl default dev pb dir in deny")


def compile_rules(rules):
    """The rules with their prefixes parsed once: (value, mask) integers."""
    for r in rules:
        for k in ("src", "dst"):
            if r.get(k):
                net = ipaddress.ip_network(r[k])
                r["_" + k] = (int(net.network_address), int(net.netmask))
    return rules


def matches(r, pkt, addr):
    """Does @r match @pkt, whose addresses are @addr["src"], ["dst"] as integers?"""
    if r["proto"] and r["proto"] != pkt["proto"]:
        return False
    for k in ("src", "dst"):
        if "_" + k in r:
            net, mask = r["_" + k]
            if addr[k] & mask != net:
                return False
    for k in ("sport", "dport"):
        if r.get(k):
            lo, hi = r[k]
            if not lo <= pkt[k] <= hi:
                return False
    return True


def reference(rules, pkt):
    """(priority or "default", action) of the rule that decides."""
    best = None
    addr = {k: int(ipaddress.ip_address(pkt[k])) for k in ("src", "dst")}
    for r in rules:
        if matches(r, pkt, addr) and (best is None or r["prio"] < best["prio"]):
            best = r
    if best is None:
        return ("default", "deny")
    return (best["prio"], best["action"])


def rand_packet(rnd, proto=None):
    return {
        "proto": proto or rnd.choice(["tcp", "udp", "icmp"]),
        "src": "10.%d.%d.%d" % (rnd.randrange(4), rnd.randrange(8), rnd.randrange(16)),
        "dst": B,
        "sport": rnd.randrange(6000),
        "dport": rnd.randrange(2100),
    }


def trace(pkt):
    cmd = ["hnvctl", "-j", "trace", "dev", "hnv0", "vsid", "5001",
           "tun-src", "192.168.2.20", pkt["proto"], "src", pkt["src"],
           "dst", pkt["dst"]]
    if pkt["proto"] == "icmp":
        pkt = dict(pkt, sport=8, dport=0)
        cmd += ["type", "8", "code", "0"]
    else:
        cmd += ["sport", str(pkt["sport"]), "dport", str(pkt["dport"])]
    t = json.loads(subprocess.check_output(cmd))
    decided = None
    for step in t["steps"]:
        acl = step.get("acl")
        if step["layer"] == "acl-in" and acl and acl.get("dev") == "pb":
            decided = ("default" if acl.get("default") else acl["prio"],
                       acl["action"])
    delivered = any("output" in a for a in t["actions"])
    return pkt, decided, delivered


def check(path, count, seed):
    rules = compile_rules(json.load(open(path)))
    rnd = random.Random(int(seed))
    bad = 0
    verdicts = {"allow": 0, "deny": 0}
    for _ in range(int(count)):
        pkt, decided, delivered = trace(rand_packet(rnd))
        want = reference(rules, pkt)
        verdicts[want[1]] += 1
        if decided != want or delivered != (want[1] == "allow"):
            bad += 1
            print("packet %s: trace %s (delivered %s), reference %s"
                  % (pkt, decided, delivered, want))
    print("%s allowed, %s denied by the reference" % (verdicts["allow"], verdicts["deny"]))
    if not verdicts["allow"] or not verdicts["deny"]:
        print("the packets do not exercise both verdicts")
        bad += 1
    return 1 if bad else 0


def datapath(path, count, seed, netns):
    """Send from d (a real VM on h2, source 10.1.1.14) to b, UDP only."""
    rules = compile_rules(json.load(open(path)))
    rnd = random.Random(int(seed))
    bad = 0
    for _ in range(int(count)):
        pkt = rand_packet(rnd, "udp")
        pkt["src"] = "10.1.1.14"
        want = reference(rules, pkt)
        _, decided, delivered = trace(pkt)
        if decided != want:
            bad += 1
            print("packet %s: trace %s, reference %s" % (pkt, decided, want))
        before = port_rx("pb")
        subprocess.check_call(
            ["ip", "netns", "exec", netns, "python3", "-c",
             "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); "
             "s.bind(('', %d)); s.sendto(b'x', ('%s', %d))"
             % (pkt["sport"], B, pkt["dport"])])
        got = wait_change(before, want[1] == "allow")
        if got != (want[1] == "allow"):
            bad += 1
            print("packet %s: delivered %s, trace and reference say %s"
                  % (pkt, got, want))
    return 1 if bad else 0


def port_rx(port):
    """Frames the switch sent to the port (its tx counter)."""
    s = json.loads(subprocess.check_output(["hnvctl", "-j", "port", "show", "dev", port]))
    return s[0]["stats"]["tx_packets"]


def wait_change(before, expect):
    # A delivered datagram shows up at once; wait longer only to be sure
    # that a denied one does not.
    end = time.time() + (3 if expect else 1.5)
    while time.time() < end:
        if port_rx("pb") != before:
            return True
        time.sleep(0.1)
    return False


def main():
    cmd = sys.argv[1]
    if cmd == "gen":
        gen(*sys.argv[2:5])
    elif cmd == "check":
        sys.exit(check(*sys.argv[2:5]))
    elif cmd == "datapath":
        sys.exit(datapath(*sys.argv[2:6]))
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
