#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Netlink fuzzer for the "hnv" generic-netlink family (nl_fuzz.sh runs it;
the code is in the package nlfuzz/).

    nl_fuzz.py --uapi uapi/linux/hnv.h --seed S --results FILE
               [--msgs N] [--secs S] PHASE[,PHASE...]

in the network namespace nl_fuzz.sh sets up (nlfuzz/templates.py).
PHASE is
  malformed  for every HNV_CMD_* of the uapi header: each attribute of a
             valid request missing, duplicated, of a wrong size, out of
             range; unknown, output-only and flagged attribute types;
             garbage in nests; truncated nlmsghdr / genlmsghdr / attributes,
             bad nla_len, genl version and reserved, nlmsg flags and types,
             with and without NLM_F_DUMP
  mutate     seeded random mutations (bit flips, random bytes, cuts,
             splices) of the valid requests
  sequence   random valid create/delete/modify requests against a model of
             the expected state, compared with the kernel's dumps

Every answer is checked: a request the netlink/genetlink core rejects
before hnv gets exactly what the core does (silence, an ACK, or an errno
without or with its own extack message); a request that reaches hnv gets
a success or an NLMSG_ERROR / NLMSG_DONE with a documented negative errno
and an extended-ack message (for a missing required attribute: naming it,
and its type in NLMSGERR_ATTR_MISS_TYPE).  Whatever a request did is
undone and the state (dumps of every object kind) must read back as
before.

Results go to --results, one assertion group a line:
    DESCRIPTION <TAB> EXPECTED <TAB> ACTUAL
(nl_fuzz.sh feeds them to expect_eq); diagnostics go to stdout as "# ",
then for each phase "fuzzed PHASE N BOOK": the requests fuzzed and those
sent to read and restore the state.  Each phase draws its requests from
its own random stream of the seed: the same seed sends the same requests
again, as many as the count and the time budget allow.
HNV_FUZZ_PROFILE=FILE writes the profile of each phase to FILE.PHASE.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from nlfuzz.fuzzer import Fuzzer  # noqa: E402
from nlfuzz.netlink import diag  # noqa: E402
from nlfuzz.phases import PHASES  # noqa: E402
from nlfuzz.templates import load_ifindexes  # noqa: E402
from nlfuzz.uapi import U  # noqa: E402


def args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("phases", help="malformed,mutate or sequence")
    ap.add_argument("--uapi", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--msgs", type=int, default=10000,
                    help="requests to fuzz in all (the malformed phase "
                    "sends what it must)")
    ap.add_argument("--secs", type=float, default=1e6,
                    help="time budget of the random phases (the malformed "
                    "phase always sends all its variants): they stop "
                    "early when it is spent")
    ap.add_argument("--results", required=True)
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="seconds to wait for an answer that must come")
    a = ap.parse_args()
    for phase in a.phases.split(","):
        if phase not in PHASES:
            ap.error("unknown phase " + phase)
    return a


def run_phase(fz, phase, msgs, secs):
    """Run @phase; HNV_FUZZ_PROFILE=FILE: where the time goes
    (FILE.PHASE)."""
    p = PHASES[phase](fz)
    prof = os.environ.get("HNV_FUZZ_PROFILE")
    if not prof:
        p.run(msgs, secs)
        return
    import cProfile
    cProfile.runctx("p.run(msgs, secs)", globals(), locals(),
                    "%s.%s" % (prof, phase))


def main():
    a = args()
    U.load(a.uapi)
    load_ifindexes()
    fz = Fuzzer(a.seed, a.timeout)
    end = None
    for phase in a.phases.split(","):
        start, before, book = time.monotonic(), fz.fuzzed, fz.state.book
        if phase != "malformed" and end is None:
            end = start + a.secs
        fz.start_phase(phase)
        run_phase(fz, phase, max(0, a.msgs - fz.fuzzed),
                  float("inf") if phase == "malformed" else end - start)
        secs = time.monotonic() - start
        n, nbook = fz.fuzzed - before, fz.state.book - book
        diag("%s: %d requests fuzzed in %.1f s (%.0f/s), plus %d to read and "
             "restore the state" % (phase, n, secs, n / max(secs, 1e-6),
                                    nbook))
        print("fuzzed %s %d %d" % (phase, n, nbook))
    with open(a.results, "w") as out:
        fz.emit(out)
    diag("answers: " + fz.tally_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
