# SPDX-License-Identifier: GPL-2.0
"""Fuzzer: what the phases share.  Sending a fuzzed datagram and judging
it against the core's verdict, the assertion groups (one result line
each), the answer tally, undoing what requests did (back to the phase's
initial snapshot), and the consistency of what the kernel reads back."""

from .attrs import A
from .netlink import Outcome, Nl, align4, errname, diag, seq_of, summarize
from .state import DUMPS, Failure, State, decode, diff
from .templates import changes
from .uapi import U
from .verdict import core_expect


class Group:
    """The requests (or checks) of one assertion group and what went
    wrong."""

    def __init__(self, unit="requests"):
        self.n = 0
        self.unit = unit
        self.fails = []

    def fail(self, text):
        self.fails.append(text)


class Fuzzer:
    def __init__(self, seed, timeout):
        self.seed = seed
        self.nl = Nl(timeout=timeout)
        self.state = State(self.nl)
        self.fam = self.nl.fam
        fams = self.nl.family_ids
        self.foreign = fams - {self.fam}
        self.unknown_fam = next(i for i in range(0xFFF0, 0x10, -1)
                                if i not in fams)
        self.groups = {}
        self.order = []
        self.tally = {}
        self.msg_groups = {}
        self.phase = ""
        self.fuzzed = 0
        self.initial = None

    def group(self, *key, unit="requests"):
        if key not in self.groups:
            self.groups[key] = Group(unit)
            self.order.append(key)
        return self.groups[key]

    def start_phase(self, name):
        self.phase, self.msg_groups = name, {}

    # -- sending --

    def count(self, o):
        self.fuzzed += 1
        k = (o.status, o.errno, o.done)
        self.tally[k] = self.tally.get(k, 0) + 1

    def tally_text(self):
        out = {}
        for (status, err, done), n in self.tally.items():
            k = {"ok": "success", "silent": "silence", "bad": "unclean",
                 "refused": "sendmsg() failed"}.get(status) or \
                ("NLMSG_DONE " if done else "") + errname(err)
            out[k] = out.get(k, 0) + n
        return ", ".join("%s %d" % kv for kv in sorted(
            out.items(), key=lambda kv: -kv[1]))

    def send(self, data):
        """Send one fuzzed datagram holding (at most) one request: its
        (request bytes, core verdict, Outcome)."""
        verdicts = core_expect(data, self.fam, self.foreign)
        last = verdicts[-1][0] if verdicts else b""
        msgs = self.nl.exchange(data, seq_of(last) if len(last) >= 12
                                else None)
        if not verdicts:
            o = Outcome("silent") if not msgs else \
                Outcome("bad", detail="%d answers to a datagram the kernel "
                        "must ignore" % len(msgs))
            self.count(o)
            return data, ("silent",), o
        if len(verdicts) > 1:
            raise ValueError("one request a datagram")
        req, verdict = verdicts[0]
        o = summarize(msgs, req, self.fam)
        self.count(o)
        return req, verdict, o

    def send_batch(self, batch):
        """Send the requests of @batch [(template, bytes)] in one datagram:
        [(template, request, verdict, Outcome)], one a message the kernel
        looks at (a request alone may be cut short or be no message)."""
        if len(batch) == 1:
            t, data = batch[0]
            return [(t,) + self.send(data)]
        data = b"".join(d + bytes(align4(len(d)) - len(d)) for _, d in batch)
        verdicts = core_expect(data, self.fam, self.foreign)
        if len(verdicts) != len(batch):
            raise ValueError("a batch of %d requests parses as %d" % (
                len(batch), len(verdicts)))
        msgs = self.nl.exchange(data, seq_of(verdicts[-1][0]))
        by = {}
        for m in msgs:
            by.setdefault(m[2], []).append(m)
        out = []
        for (t, _), (req, verdict) in zip(batch, verdicts):
            o = summarize(by.pop(seq_of(req), []), req, self.fam)
            self.count(o)
            out.append((t, req, verdict, o))
        if by:
            t, req, verdict, o = out[-1]
            out[-1] = (t, req, verdict, Outcome(
                "bad", detail="%d stray answers in the datagram" %
                sum(map(len, by.values()))))
        return out

    def check_msg(self, verdict, o, what):
        """An error of hnv (or of its policies) carries an extack message.
        (@what: a string, or a function that makes it)"""
        if verdict[0] != "hnv":
            return
        g = self.msg_groups.get(verdict[1])
        if not g:
            g = self.msg_groups[verdict[1]] = self.group(
                U.name("hnv_cmd", verdict[1]),
                "every error carries an extack message (%s)" % self.phase)
        g.n += 1
        if o.status == "err" and not o.msg:
            g.fail("%s: %s" % (what if isinstance(what, str) else what(), o))

    # -- the state --

    @staticmethod
    def kinds_of(verdict):
        """The kinds a request the core handed to hnv may have changed."""
        if verdict[0] != "hnv":
            return ()
        return changes(U.name("hnv_cmd", verdict[1]))

    def undo(self, kinds, g, what, verify=True):
        """Restore @kinds to the initial snapshot; it must read back so
        (if not @verify, the caller looks later)."""
        want = {k: self.initial[k] for k in kinds}
        try:
            got = self.state.restore(self.initial, kinds, verify)
        except Failure as e:
            g.fail("%s: restoring the state: %s" % (what, e))
            return
        if got is not None and got != want:
            g.fail("%s: not restored: %s" % (
                what, "; ".join(diff(want, got, kinds))))

    def changed(self, kinds):
        """The differences of @kinds from the initial snapshot."""
        got = self.state.snapshot(kinds)
        return diff(self.initial, got, kinds)

    def get_matches(self, kind, key, rec, attrs):
        """None if the do-request GET of @kind with @attrs replies record
        @rec of @key, else why not."""
        o = self.state.book_request(DUMPS[kind][0], attrs)
        if o.status == "ok" and decode(kind, o.data) == [(key, rec)]:
            return None
        return "%s GET of %r: %s, not its dump record" % (kind, key, o)

    def switch_consistency(self, snap, sw, rec):
        """A switch's counts, its do-request and its dumps of each kind
        against snapshot @snap."""
        bad = []
        r = dict(rec)
        nports = sum(1 for p in snap["port"].values()
                     if dict(p)["switch"] == sw)
        nmaps = sum(1 for k in snap["map"] if k[0] == sw)
        if (r["nports"], r["nmaps"]) != (nports, nmaps):
            bad.append("switch %d reports %d ports, %d mappings; the dumps "
                       "hold %d, %d" % (sw, r["nports"], r["nmaps"], nports,
                                        nmaps))
        sel = [A("HNV_A_SWITCH_IFINDEX", "u32", sw)]
        bad.append(self.get_matches("switch", sw, rec, sel))
        for kind in ("port", "subnet", "map", "route", "acl"):
            o = self.state.book_request(DUMPS[kind][0], sel, dump=True)
            got = dict(decode(kind, o.data))
            swof = (lambda k, v: dict(v)["switch"]) if kind == "port" \
                else (lambda k, v: k[0])
            want = {k: v for k, v in snap[kind].items() if swof(k, v) == sw}
            if o.status != "ok" or got != want:
                bad.append("%s dump of switch %d: %s" % (
                    kind, sw, "; ".join(diff({kind: want}, {kind: got},
                                             (kind,))) or o))
        return bad

    def consistency(self, snap):
        """Problems of snapshot @snap read back other ways: the counts a
        switch reports, the do-requests against the dumps, and dumps of
        one switch against dumps of all."""
        bad = []
        for sw, rec in snap["switch"].items():
            bad += self.switch_consistency(snap, sw, rec)
        for port, rec in snap["port"].items():
            bad.append(self.get_matches("port", port, rec, [
                A("HNV_A_PORT_IFINDEX", "u32", port)]))
        for (sw, vsid), rec in snap["subnet"].items():
            bad.append(self.get_matches("subnet", (sw, vsid), rec, [
                A("HNV_A_SWITCH_IFINDEX", "u32", sw),
                A("HNV_A_VSID", "u32", vsid)]))
        for kind, recs in snap.items():
            for key, rec in recs.items():
                if any(f in ("extra", "acl_extra", "prefix_extra",
                             "DUPLICATE") for f, _ in rec):
                    bad.append("%s %r: %s" % (kind, key, dict(rec)))
        return [b for b in bad if b]

    def check_consistency(self, what):
        g = self.group("state", "reads back consistently (%s)" % what,
                       unit="checks")
        g.n += 1
        try:
            for b in self.consistency(self.state.snapshot()):
                g.fail(b)
        except Failure as e:
            g.fail(str(e))

    # -- results --

    def emit(self, out):
        """The results: one line a group."""
        for key in self.order:
            g = self.groups[key]
            desc = "%s: %s (%d %s)" % (key[0], key[1], g.n, g.unit)
            if g.fails:
                actual = "%d wrong, first: %s" % (len(g.fails), g.fails[0])
                for f in g.fails[:5]:
                    diag("%s: %s" % (key[0], f))
            else:
                actual = "all as documented"
            out.write("%s\t%s\t%s\n" % (desc, "all as documented",
                                         actual.replace("\t", " ")
                                         .replace("\n", " ")))
