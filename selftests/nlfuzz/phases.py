# SPDX-License-Identifier: GPL-2.0
"""The phases of a run, each on a Fuzzer and from its own random stream
of the seed (the same seed sends the same requests again, as many as the
count and the time budget allow):

  malformed  each template, then its malformed variants and several
             messages in one datagram; errors must leave the state as it
             was, successes are undone
  mutate     random mutations of the valid requests, up to 8 a datagram
  sequence   random valid requests against the Model, the dumps compared
             with it at checkpoints
"""

import errno as E
import random
import struct
import time

from .attrs import enc
from .model import Model
from .netlink import (NLM_F_ACK, NLM_F_REQUEST, NLMSG_DONE, NLMSG_NOOP,
                      align4, diag, errname, genl_msg, seq_of, summarize)
from .state import KINDS, diff
from .templates import T, changes, templates
from .uapi import U
from .variants import variants, walk, wire_variants
from .mutations import mutated
from .verdict import core_expect, judge


def expect_base(t, base, why):
    """@why, or why the valid request's answer @base is not what template
    @t expects."""
    if why or t.expect is None:
        return why
    if t.expect == "ok":
        if base.status != "ok" or (t.n is not None and len(base.data) != t.n):
            return "expected success with %s replies, got %s" % (t.n, base)
    elif base.status != "err" or base.errno != t.expect:
        return "expected %s, got %s" % (errname(t.expect), base)
    return None


def bare_templates(name):
    """What can be fuzzed of a command without a template."""
    return [T(name, [], dump=d, expect=None) for d in (False, True)]


class Malformed:
    """Phase 1: malformed requests.  Every command's first template (and
    its variants) first, then the others while the time lasts."""

    def __init__(self, fz):
        self.fz = fz
        self.rng = random.Random("%s:malformed" % fz.seed)
        self.pending = []
        self.catalogue = {}

    def run(self, msgs, secs):
        fz = self.fz
        tmpl = templates()
        for tl in tmpl.values():
            for t in tl:
                for a in t.attrs:
                    self.catalogue.setdefault(a.type, a)
        fz.initial = fz.state.snapshot()
        later = []
        for name, _ in U.commands():
            tl = tmpl.get(name)
            g = fz.group(name, "has valid request templates in nlfuzz/"
                         "templates.py")
            g.n = len(tl or ())
            if not tl:
                g.fail("no template: write valid requests for it in "
                       "templates() (and MODES, CHANGES)")
                tl = bare_templates(name)
            for i, t in enumerate(tl):
                t.id = "%s#%d" % (name[8:], i + 1)
                diag("%s: %s" % (t.id, t.desc()))
            self.one(tl[0])
            later += tl[1:]
            self.state_unchanged(name)
        for t in later:
            self.one(t)
        self.state_unchanged("all commands")

    def state_unchanged(self, name):
        fz = self.fz
        g = fz.group(name, "state reads back unchanged", unit="checks")
        g.n += 1
        got = fz.state.snapshot()
        if got != fz.initial:
            g.fail("; ".join(diff(fz.initial, got)))
            fz.undo(KINDS, g, name)

    def base(self, t):
        """Send the valid request @t itself: its Outcome."""
        fz = self.fz
        kinds = changes(t.cmd)
        g = fz.group(t.cmd, "valid requests answer as documented")
        g.n += 1
        _, verdict, base = fz.send(genl_msg(fz.fam, t.cmdv, enc(t.attrs),
                                            t.flags(), fz.nl.next_seq()))
        why = expect_base(t, base, judge(base, verdict, ("any",)))
        if why:
            g.fail("%s: %s" % (t.id, why))
        fz.check_msg(verdict, base, t.id)
        if not fz.kinds_of(verdict):
            return base
        if base.status == "ok":
            fz.undo(kinds, g, t.id)
            return base
        d = fz.changed(kinds)
        if d:
            g.fail("%s: %s, yet the state changed: %s" % (t.id, base,
                                                          "; ".join(d)))
            fz.undo(kinds, g, t.id)
        return base

    def one(self, t):
        """Template @t and all its variants."""
        base = self.base(t)
        first = t.id.endswith("#1")
        classes = {}
        for v in list(variants(t, self.catalogue, self.rng, first)) + \
                list(wire_variants(t, self.fz.unknown_fam, first)):
            classes.setdefault(v.cls, []).append(v)
        # Errors must leave the state as it was.  It is looked at after a
        # run of errors: before a request that may succeed (whose undoing
        # could hide what they did) and at the end; if it changed, the
        # run is sent again, a look after each, to find the culprit.
        self.pending = []
        for cls, vs in classes.items():
            g = self.fz.group(t.cmd, cls)
            g.n += len(vs)
            for v in vs:
                if v.want[0] not in ("err", "missing"):
                    self.flush(t, base)
                self.send(t, v, base, g)
        self.flush(t, base)
        if first:
            self.batches(t, base)

    def send(self, t, v, base, g, look=False):
        """Send variant @v of @t; judge the answer into group @g; undo what
        a success did; an error is looked at later (now if @look)."""
        fz = self.fz
        req, verdict, o = fz.send(v.build(t, fz.fam, fz.nl.next_seq()))
        what = "%s %s [request %s]" % (t.id, v.desc, req.hex())
        if g:
            why = judge(o, verdict, v.want, base)
            if why:
                g.fail("%s: %s" % (what, why))
            fz.check_msg(verdict, o, what)
        k = fz.kinds_of(verdict)
        if not k:
            return
        gs = fz.group(t.cmd, "errors leave the state unchanged")
        if o.status in ("ok", "silent"):
            # (silence: a success without NLM_F_ACK)
            fz.undo(k, gs, what)
        elif look:
            d = fz.changed(k)
            if d:
                gs.fail("%s: %s, yet the state changed: %s" % (
                    what, o, "; ".join(d)))
                fz.undo(k, gs, what)
        else:
            gs.n += 1
            self.pending.append((v, k))

    def flush(self, t, base):
        """Look at the state after the errors not looked at yet."""
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        kinds = sorted({k for _, ks in pending for k in ks})
        if not self.fz.changed(kinds):
            return
        self.fz.undo(kinds, self.fz.group(t.cmd, "errors leave the state "
                                          "unchanged"), t.id)
        for v, _ in pending:
            self.send(t, v, base, None, look=True)

    def batch_cases(self, t, base):
        """(description, datagram maker, what each message must get) of
        several messages in one datagram."""
        fz = self.fz
        body = enc(t.attrs)

        def msg(nlen=None, flags=None):
            m = genl_msg(fz.fam, t.cmdv, body, t.flags() if flags is None
                         else flags, fz.nl.next_seq())
            if nlen is not None:
                m = struct.pack("=I", nlen) + m[4:]
            return m + bytes(align4(len(m)) - len(m))

        # A dump is running until its NLMSG_DONE is read: a second one on
        # the socket meanwhile is -EBUSY (the netlink core's, no message);
        # not so if the first had nothing to send (flows and connections
        # may have aged out since the valid request).
        busy = ("busy" if t.n else "busy?") if t.dump and \
            base.status == "ok" and base.data else "any"
        return [
            ("the request twice", lambda: msg() + msg(), ("same", busy)),
            ("16 zero bytes, then the request", lambda: bytes(16) + msg(),
             ()),
            ("the request, then 8 stray bytes",
             lambda: msg() + b"\x01" * 8, ("same",)),
            ("the request, then one whose nlmsg_len runs past the datagram",
             lambda: msg() + msg(nlen=len(body) + 40)[:24], ("same",)),
            ("one without NLM_F_REQUEST, then the request",
             lambda: msg(flags=NLM_F_ACK) + msg(), ("ack0", "same")),
            ("the request with reserved bits set, then the request",
             lambda: msg(flags=t.flags() | 0x40) + msg(), ("core", "same")),
        ]

    def batches(self, t, base):
        """Several messages in one datagram: each is answered in turn, the
        core's rules apply to each (a bad nlmsg_len ends the datagram)."""
        fz = self.fz
        kinds = changes(t.cmd)
        g = fz.group(t.cmd, "several messages in a datagram")
        for desc, make, wants in self.batch_cases(t, base):
            g.n += 1
            data = make()
            verdicts = core_expect(data, fz.fam, fz.foreign)
            msgs = fz.nl.exchange(data)
            what = "%s %s [datagram %s]" % (t.id, desc, data.hex())
            for i, (req, verdict) in enumerate(verdicts):
                seq = seq_of(req)
                o = summarize([m for m in msgs if m[2] == seq], req, fz.fam)
                fz.count(o)
                w = wants[min(i, len(wants) - 1)] if wants else "any"
                if w == "busy" or w == "busy?" and o.status == "err" and \
                        o.errno == E.EBUSY and not o.msg:
                    verdict = ("core", E.EBUSY, None)
                why = judge(o, verdict, ("same", t.n) if w == "same"
                            else ("any",), base)
                if why:
                    g.fail("%s: message of seq %d: %s" % (what, seq, why))
                fz.check_msg(verdict, o, what)
            seqs = {seq_of(r) for r, _ in verdicts}
            stray = [m for m in msgs if m[2] not in seqs]
            if len(verdicts) != len(wants) or stray:
                g.fail("%s: %d messages handled (expected %d), %d stray "
                       "answers" % (what, len(verdicts), len(wants),
                                    len(stray)))
            if kinds:
                fz.undo(kinds, g, what)


class Mutate:
    """Phase 2: random mutations of the valid requests.  Up to 8 go in one
    datagram (the kernel answers each in turn): do-requests whose
    nlmsg_len is right, a dump last; a request whose headers were mutated
    goes alone.  What successes changed is undone every 8 of them (or
    250 requests)."""

    def __init__(self, fz):
        self.fz = fz
        self.rng = random.Random("%s:mutate" % fz.seed)
        self.held = None
        self.pool, self.chunks = self.make_pool()
        self.types = [fz.fam] * 12 + [0, NLMSG_NOOP, NLMSG_DONE, 15,
                                      fz.unknown_fam]

    def make_pool(self):
        """(template, its bytes) of every valid request (a bare request of
        each command without a template); the attributes' bytes."""
        tmpl = templates()
        pool = []
        for name, _ in U.commands():
            for t in tmpl.get(name) or bare_templates(name):
                pool.append((t, genl_msg(self.fz.fam, t.cmdv, enc(t.attrs),
                                         t.flags(), 0)))
        chunks = [a.encode() for t, _ in pool
                  for _, a, _ in walk(t.attrs)]
        return pool, chunks

    def batch(self, room):
        """The next datagram's requests, at most @room."""
        fz, r = self.fz, self.rng.random
        batch = []
        while len(batch) < min(8, room):
            if self.held:
                t, d, setlen = self.held
                self.held = None
            else:
                t, base = self.pool[int(r() * len(self.pool))]
                d, setlen = mutated(self.rng, bytearray(base), self.chunks,
                                    self.types)
            alone = not setlen or len(d) < 20
            if alone and batch:
                self.held = (t, d, setlen)
                break
            if setlen:
                struct.pack_into("=I", d, 0, len(d))
            if len(d) >= 12:
                struct.pack_into("=I", d, 8, fz.nl.next_seq())
            batch.append((t, bytes(d)))
            if alone or d[7] & 3 == 3 and d[4] | d[5] << 8 == fz.fam:
                break       # alone, or a dump: last
        return batch

    def run(self, msgs, secs):
        fz = self.fz
        fz.initial = fz.state.snapshot()
        fz.check_consistency("before the mutations")
        groups = {t.cmd: fz.group(t.cmd, "random mutations of valid "
                                  "requests") for t, _ in self.pool}
        gs = fz.group("state", "restores to the snapshot after the "
                      "mutations' changes", unit="checks")
        deadline = time.monotonic() + secs
        dirty, ndirty, since = set(), 0, 0
        i = 0
        while i < msgs:
            if time.monotonic() > deadline:
                diag("mutate: time budget (%d s) spent after %d of %d "
                     "requests" % (secs, i, msgs))
                break
            batch = self.batch(msgs - i)
            i += len(batch)
            for t, req, verdict, o in fz.send_batch(batch):
                g = groups[t.cmd]
                g.n += 1
                why = judge(o, verdict, ("any",))
                if why:
                    g.fail("request %d [%s]: %s" % (i, req.hex(), why))
                if verdict[0] != "hnv":
                    continue
                fz.check_msg(verdict, o, lambda: "request %d [%s]" % (
                    i, req.hex()))
                k = fz.kinds_of(verdict)
                if o.status in ("ok", "silent") and k:
                    dirty.update(k)
                    ndirty += 1
                since += 1
            if ndirty >= 8 or (dirty and since >= 250):
                gs.n += 1
                fz.undo(sorted(dirty), gs, "after request %d" % i)
                dirty, ndirty, since = set(), 0, 0
        gs.n += 1
        fz.undo(KINDS, gs, "at the end")
        fz.check_consistency("after the mutations")


class Sequence:
    """Phase 3: random sequences of valid requests against a Model: each
    answer as the model predicts, the dumps equal to it every 250
    requests and at the end."""

    def __init__(self, fz):
        self.fz = fz
        self.rng = random.Random("%s:sequence" % fz.seed)

    def request(self, model, i):
        """Send the model's next request: why its answer is wrong, or
        None (then the model applies what it did)."""
        fz = self.fz
        desc, cmd, at, err, apply, check = model.op()
        _, verdict, o = fz.send(genl_msg(fz.fam, getattr(U, cmd), enc(at),
                                         NLM_F_REQUEST | NLM_F_ACK,
                                         fz.nl.next_seq()))
        fz.check_msg(verdict, o, desc)
        why = judge(o, verdict, ("any",))
        if not why and not err and o.status != "ok":
            why = "expected success, got %s" % o
        elif not why and err and (o.status != "err" or o.errno != err):
            why = "expected %s, got %s" % (errname(err), o)
        elif not why and not err and check:
            why = check(o)
        if why:
            return "request %d, %s: %s" % (i, desc, why)
        if not err and apply:
            apply()
        return None

    def run(self, msgs, secs):
        fz = self.fz
        fz.initial = fz.state.snapshot()
        model = Model(fz.initial, self.rng)
        ga = fz.group("sequence", "every request answers as the model "
                      "predicts")
        gc = fz.group("sequence", "the dumps equal the model at every "
                      "checkpoint", unit="checkpoints")
        deadline = time.monotonic() + secs
        for i in range(msgs):
            if not i & 63 and time.monotonic() > deadline:
                diag("sequence: time budget (%d s) spent after %d of %d "
                     "requests" % (secs, i, msgs))
                break
            ga.n += 1
            why = self.request(model, i)
            if why:
                ga.fail(why)
                model.reset(fz.state.snapshot())
            if i % 250 == 249:
                self.checkpoint(model, gc, "after request %d" % i)
        self.checkpoint(model, gc, "at the end")
        fz.check_consistency("after the sequence")

    def checkpoint(self, model, g, what):
        g.n += 1
        got = self.fz.state.snapshot()
        want = model.frozen()
        if got != want:
            g.fail("%s: %s" % (what, "; ".join(diff(want, got))))
            model.reset(got)


PHASES = {"malformed": Malformed, "mutate": Mutate, "sequence": Sequence}
