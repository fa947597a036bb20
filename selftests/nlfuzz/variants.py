# SPDX-License-Identifier: GPL-2.0
"""Malformed variants of a valid request (a template T), each with what
hnv must answer if the core hands it over: every attribute missing,
duplicated, of a wrong size, out of range, with flag bits in its type;
garbage in nests; wrong nla_len; unknown and output-only attribute
types (variants()); truncations, nlmsg_len, genl version and reserved,
nlmsg flags and types, the dump flag (wire_variants())."""

import struct

from .attrs import A, Raw, aname, enc
from .netlink import (NLA_F_NESTED, NLA_F_NET_BYTEORDER, NLM_F_ACK,
                      NLM_F_DUMP, NLM_F_ECHO, NLM_F_MATCH, NLM_F_REQUEST,
                      NLM_F_ROOT, NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP,
                      genl_msg, nla)
from .templates import INV, RNG, output_only
from .uapi import U

ANY = ("any",)


class V:
    """A request to send: a template's attributes changed one way, its
    header fields, a transformation of the final bytes, and what hnv must
    answer if the core hands it over (see verdict.judge())."""

    __slots__ = ("cls", "desc", "attrs", "flags", "version", "reserved",
                 "mtype", "cmd", "post", "want")

    def __init__(self, cls, desc, attrs, want, flags=None, version=1,
                 reserved=0, mtype=None, cmd=None, post=None):
        self.cls, self.desc, self.attrs, self.want = cls, desc, attrs, want
        self.flags, self.version, self.reserved = flags, version, reserved
        self.mtype, self.cmd, self.post = mtype, cmd, post

    def build(self, t, fam, seq):
        body = self.attrs if isinstance(self.attrs, bytes) else enc(self.attrs)
        data = genl_msg(fam if self.mtype is None else self.mtype,
                        t.cmdv if self.cmd is None else self.cmd, body,
                        t.flags() if self.flags is None else self.flags, seq,
                        self.version, self.reserved)
        return self.post(data) if self.post else data


def walk(attrs, path=(), ctx="top"):
    """(path, attribute, context) of every attribute, nests' included;
    context: "top", or the policy of the enclosing nest."""
    for i, a in enumerate(attrs):
        yield path + (i,), a, ctx
        if a.kind == "nest":
            yield from walk(a.value, path + (i,), a.policy)


def edit(attrs, path, fn):
    """A copy of @attrs with fn(list, index) applied at @path."""
    attrs = list(attrs)
    if len(path) == 1:
        fn(attrs, path[0])
    else:
        a = attrs[path[0]]
        attrs[path[0]] = a.copy(value=edit(a.value, path[1:], fn))
    return attrs


def replace(attrs, path, new):
    def fn(lst, i):
        lst[i] = new
    return edit(attrs, path, fn)


def nest_max(a):
    """The highest attribute type of nest @a's enum."""
    if a.policy != "strict":
        return 1
    if a.name == "HNV_A_ACL":
        return U.HNV_ACL_A_MAX
    if a.name == "HNV_A_FLOW":
        return U.HNV_FLOW_A_MAX
    return U.HNV_PREFIX_A_MAX


def nest_output_only(a):
    """Types of nest @a's enum that are output only: refused in a
    request."""
    if a.name == "HNV_A_ACL":
        return ["HNV_ACL_A_PAD", "HNV_ACL_A_HITS", "HNV_ACL_A_PORT_IFINDEX",
                "HNV_ACL_A_VSID", "HNV_ACL_A_CONN"]
    if a.name == "HNV_A_FLOW":
        return ["HNV_FLOW_A_PAD", "HNV_FLOW_A_ETH_TYPE", "HNV_FLOW_A_ACTIONS",
                "HNV_FLOW_A_PACKETS", "HNV_FLOW_A_BYTES",
                "HNV_FLOW_A_IDLE_MS"]
    return []


WRONG_SIZES = {"u8": (0, 2, 4), "u16": (0, 1, 3, 4), "be16": (0, 1, 3, 4),
               "u32": (0, 2, 3, 5, 8), "u64": (0, 4, 7, 9), "flag": (1, 4),
               "str": (0,)}


def resized(payload, n):
    return payload[:n] + bytes(max(0, n - len(payload)))


def wrong_sizes(a):
    if a.kind == "nest":
        return (1, 2, 3) + (() if a.empty_ok else (0,))
    if a.kind == "bin":
        return sorted({0, 1, 32} | {x + d for x in a.sizes
                                    for d in (-1, 1)} - set(a.sizes))
    return WRONG_SIZES[a.kind]


def missing_want(a):
    """What a request without attribute @a must get."""
    if not a.req:
        return ANY
    if a.req is True and isinstance(a.name, str):
        return ("missing", INV, a)
    return ("err", INV if a.req is True else a.req)


def attr_variants(at, path, a, ctx, rng, same):
    """Variants of attribute @a (at @path of attributes @at, in context
    @ctx) itself: missing, duplicated, resized, out of range, flagged."""
    n = aname(a)
    flags = NLA_F_NESTED if a.kind == "nest" else 0
    yield V("missing", "without " + n,
            edit(at, path, lambda lst, i: lst.pop(i)), missing_want(a))
    yield V("duplicate", n + " twice",
            edit(at, path, lambda lst, i: lst.insert(i + 1, lst[i])),
            ("err", INV) if ctx in ("pas", "cas") else same)
    for sz in wrong_sizes(a):
        yield V("size", "%s of %d bytes" % (n, sz),
                replace(at, path, Raw(nla(a.type | flags, resized(
                    a.payload(), sz)), n)), ("err", RNG))
    if a.kind == "nest" and a.empty_ok:
        yield V("size", n + " empty", replace(at, path, a.copy(value=[])),
                ANY)
    for val, errs in a.bad:
        yield V("range", "%s = %r" % (n, val),
                replace(at, path, a.copy(value=val)), ("err", errs))
    for val in a.ok:
        yield V("range", "%s = %r (boundary)" % (n, val),
                replace(at, path, a.copy(value=val)), ANY)
    # the type's flag bits
    strict = ctx in ("top", "strict")
    if a.kind == "nest":
        yield V("nla_type", n + " without NLA_F_NESTED",
                replace(at, path, Raw(a.encode(flags=0), n)),
                ("err", INV) if strict else ANY)
    else:
        yield V("nla_type", n + " with NLA_F_NESTED",
                replace(at, path, Raw(a.encode(flags=NLA_F_NESTED), n)),
                ("err", INV) if strict or ctx == "pas" else ANY)
    yield V("nla_type", n + " with NLA_F_NET_BYTEORDER",
            replace(at, path, Raw(a.encode(
                flags=NLA_F_NET_BYTEORDER | flags), n)), ANY)
    if a.kind == "nest":
        yield from nest_variants(at, path, a, rng)


def nest_variants(at, path, a, rng):
    """Garbage in nest @a: instead of its attributes, after them, an
    output-only attribute of its enum, random bytes."""
    n = aname(a)
    good = a.payload()
    mx = nest_max(a)

    def holding(g):
        return replace(at, path, Raw(nla(a.type | NLA_F_NESTED, g), n))
    for g in (b"\x00", b"\xff\xff\xff", b"\x02\x00\x01\x00",
              b"\xff\x00\x01\x00", b"\x04\x00\x00\x00",
              nla(mx + 1, b"\x01\x02\x03\x04"), nla(0x3FFF, b"")):
        yield V("nest", "%s holding %s" % (n, g.hex()), holding(g),
                ("err", RNG))
    for g in (b"\x00", b"\x01\x02\x03", b"\x02\x00\x01\x00",
              b"\x08\x00\x01\x00\x00\x00", nla(mx + 1, b"\0" * 4),
              nla(0, b"\0" * 4)):
        yield V("nest", "%s + trailing %s" % (n, g.hex()), holding(good + g),
                ("err", RNG))
    for name in nest_output_only(a):
        yield V("nest", "%s + output-only %s" % (n, name),
                holding(good + nla(getattr(U, name), b"\0" * 8)),
                ("err", INV))
    for _ in range(3):
        g = bytes(rng.getrandbits(8) for _ in range(rng.randint(4, 40)))
        yield V("nest", "%s holding random %s" % (n, g.hex()), holding(g),
                ANY)


def nla_len_variants(at, others):
    """nla_len that does not match an attribute (the first only unless
    @others): below the header, past the message, a byte short or long
    (the latter may stay in the padding of a last attribute: then the
    value just ends with a 0)."""
    for i, a in enumerate(at if others else at[:1]):
        e = a.encode()
        alen = struct.unpack_from("=H", e)[0]
        # A byte off a nest whose last attribute has padding takes the
        # padding only.
        last = a.value[-1] if a.kind == "nest" and a.value else None
        short = ANY if last is not None and last.kind != "nest" and \
            struct.unpack_from("=H", last.encode())[0] % 4 else ("err", RNG)
        for ln, want in ((0, ("err", RNG)), (2, ("err", RNG)),
                         (alen - 1, short), (alen + 1, ANY),
                         (0xFFFF, ("err", RNG))):
            bad = struct.pack("=H", ln) + e[2:]
            yield V("nla_len", "%s with nla_len %d (not %d)" % (
                aname(a), ln, alen), replace(at, (i,), Raw(bad, aname(a))),
                want)


def unknown_variants(at, catalogue, rng, others):
    """Unknown, output-only and other commands' attribute types."""
    for typ in (0, U.HNV_A_MAX + 1, U.HNV_A_MAX + 2, 200, 0x3FFF):
        yield V("unknown", "unknown attribute type %d" % typ,
                at + [Raw(nla(typ, b"\x01\0\0\0"), "type%d" % typ)],
                ("err", INV))
    if not others:
        return
    for name, kind, val in output_only():
        yield V("unknown", "output-only " + name, at + [A(name, kind, val)],
                ("err", INV))
    used = {a.type for a in at}
    cands = [a for typ, a in sorted(catalogue.items()) if typ not in used]
    for a in rng.sample(cands, min(len(cands), 6)):
        yield V("unknown", "another command's " + aname(a), at + [a], ANY)


def variants(t, catalogue, rng, others=True):
    """Every malformed variant of the attributes of template @t; what
    does not depend on them only if @others (the first template of a
    command).  @catalogue: {type: attribute} of every template."""
    at = t.attrs
    same = ("same", t.n)
    for path, a, ctx in walk(at):
        yield from attr_variants(at, path, a, ctx, rng, same)
    yield from nla_len_variants(at, others)
    yield from unknown_variants(at, catalogue, rng, others)


def cut_points(t, first):
    """(where a cut may fall, where a cut leaves whole attributes: their
    starts, and their ends before the padding (a last attribute is whole
    without it)).  Cuts: every byte of the headers and of the first
    attribute's header, then in and around each attribute's header, its
    middle and its end."""
    size = 20 + len(enc(t.attrs))
    ends = {20, size}
    cuts = set((0, 1, 4, 8, 12, 15, 16, 17, 19, 21, 23) if first else ())
    off = 20
    for a in t.attrs:
        e = a.encode()
        alen = struct.unpack_from("=H", e)[0]
        ends.update(range(off + alen, off + len(e) + 1))
        cuts.update((off + 1, off + 3, off + 4, off + alen // 2,
                     off + alen - 1) if first else
                    (off + 3, off + alen // 2))
        off += len(e)
    return sorted(c for c in cuts if 0 <= c < size), ends


def cut_to(c):
    if c < 16:
        return lambda d: d[:c]
    return lambda d: struct.pack("=I", c) + d[4:c]


def set_nlmsg_len(n):
    return lambda d: struct.pack("=I", n) + d[4:]


def length_variants(t, first):
    """Truncated messages, wrong nlmsg_len, bytes after the message."""
    body = enc(t.attrs)
    size = 20 + len(body)
    cuts, ends = cut_points(t, first)
    for cut in cuts:
        yield V("truncated", "cut to %d of %d bytes" % (cut, size), t.attrs,
                ANY if cut in ends else ("err", INV), post=cut_to(cut))
    for n, what in ((size + 4, "past the datagram"), (0xFFFFFFFF, "~0"),
                    (0, "0"), (8, "8"), (15, "15")):
        if first or n == size + 4:
            yield V("truncated", "nlmsg_len " + what, t.attrs, ANY,
                    post=set_nlmsg_len(n))
    for k in ((1, 3, 15, 16, 40) if first else (3, 16)):
        yield V("truncated", "%d zero bytes after the message" % k, t.attrs,
                ("same", t.n), post=(lambda k: lambda d: d + bytes(k))(k))
    for g in (b"\x01", b"\x01\x02", b"\x00\x00\x00"):
        yield V("truncated", "%d stray bytes in nlmsg_len" % len(g),
                body + g, ("err", INV))


def header_variants(t, foreign_fam, first):
    """genl version and reserved, nlmsg flags and types."""
    same = ("same", t.n)
    f = t.flags()
    for ver in (0, 2, 255) if first else (2,):
        yield V("header", "genl version %d" % ver, t.attrs, same,
                version=ver)
    yield V("header", "NLM_F_ECHO", t.attrs, same, flags=f | NLM_F_ECHO)
    yield V("header", "without NLM_F_ACK", t.attrs, ("noack",),
            flags=f & ~NLM_F_ACK)
    yield V("dump flag", "NLM_F_DUMP " + ("cleared" if t.dump else "set"),
            t.attrs, ANY, flags=f ^ NLM_F_DUMP)
    if not first:
        return
    for r in (1, 0x100, 0xFFFF):
        yield V("header", "genl reserved %#x" % r, t.attrs, ANY, reserved=r)
    for bit in (0x10, 0x20, 0x40, 0x80, 0x400, 0x800, 0x1000, 0x8000):
        yield V("header", "nlmsg_flags bit %#x" % bit, t.attrs, ANY,
                flags=f | bit)
    for bit in (NLM_F_ROOT, NLM_F_MATCH):
        yield V("header", "half of NLM_F_DUMP (%#x)" % bit, t.attrs, ANY,
                flags=f & ~bit if t.dump else f | bit)
    yield V("header", "without NLM_F_REQUEST", t.attrs, ANY,
            flags=f & ~NLM_F_REQUEST)
    yield V("header", "no flags", t.attrs, ANY, flags=0)
    for mt in (NLMSG_NOOP, NLMSG_ERROR, NLMSG_DONE, 4, 0, 15):
        yield V("header", "nlmsg_type %d" % mt, t.attrs, ANY, mtype=mt)
    yield V("header", "unknown family %d" % foreign_fam, t.attrs, ANY,
            mtype=foreign_fam)


def wire_variants(t, foreign_fam, first=True):
    """Variants of @t's bytes and headers: truncations, nlmsg_len, genl
    version and reserved, nlmsg flags and types, the dump flag.  What does
    not depend on the attributes only for the @first request of a
    command."""
    yield from length_variants(t, first)
    yield from header_variants(t, foreign_fam, first)
