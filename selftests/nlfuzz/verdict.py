# SPDX-License-Identifier: GPL-2.0
"""What the kernel must answer: what the netlink and genetlink cores do
with a datagram before hnv sees it (core_expect()), and judge(), which
compares an Outcome with that and with what hnv must answer."""

import errno as E
import struct

from .netlink import (HDR, NLM_F_ACK, NLM_F_DUMP, NLM_F_ECHO, NLM_F_REQUEST,
                      NLMSG_MIN_TYPE, align4, errname)
from .templates import MODES
from .uapi import U

# What the genetlink core itself answers (net/netlink/genetlink.c), with
# the extack message it sets, if any.
CORE_MSG_RESERVED = "genlmsghdr.reserved field is not 0"
CORE_MSG_FLAGS = "ambiguous or reserved bits set in nlmsg_flags"

# The errnos the uapi header documents for hnv requests.
DOCUMENTED_ERRNOS = {E.EINVAL, E.ERANGE, E.ENODEV, E.EOPNOTSUPP, E.EEXIST,
                     E.ENOENT, E.EBUSY, E.ENOSPC, E.EADDRINUSE, E.EPERM}


def core_expect(data, fam, foreign=()):
    """What the netlink and genetlink cores do with datagram @data before
    hnv sees it (net/netlink/af_netlink.c netlink_rcv_skb(),
    net/netlink/genetlink.c genl_rcv_msg()): [(request bytes, verdict)]
    for each message the kernel looks at, in order.  Verdicts:
      ("silent",)             not answered (not a request, no NLM_F_ACK)
      ("ack0",)               acknowledged without being handled
      ("core", errno, msg)    refused by the core; msg its extack message
                              (None: it sets none)
      ("hnv", cmd, dump, flags)  handed to hnv
      ("foreign",)            another family's: not predicted
    A message whose nlmsg_len is below 16 or past the datagram ends the
    datagram's processing silently; so does a tail shorter than 16 bytes.
    An empty datagram is refused by sendmsg(): ("refused", ENODATA).
    """
    if not data:
        return [(data, ("refused", E.ENODATA))]
    n = len(data)
    if n >= 20:
        # The common case first: one request of the family, whole.
        nlen, ntype, nflags = struct.unpack_from("=IHH", data)
        if nlen == n and ntype == fam and nflags & NLM_F_REQUEST:
            return [(data, genl_verdict(data, nflags))]
    out = []
    off = 0
    while len(data) - off >= 16:
        nlen, ntype, nflags, _, _ = HDR.unpack_from(data, off)
        if nlen < 16 or len(data) - off < nlen:
            break
        req = data[off:off + nlen]
        if not nflags & NLM_F_REQUEST or ntype < NLMSG_MIN_TYPE:
            v = ("ack0",) if nflags & NLM_F_ACK else ("silent",)
        elif ntype != fam:
            v = ("foreign",) if ntype in foreign else \
                ("core", E.ENOENT, None)
        elif nlen < 20:
            v = ("core", E.EINVAL, None)
        else:
            v = genl_verdict(req, nflags)
        out.append((req, v))
        off += min(align4(nlen), len(data) - off)
    return out


def genl_verdict(req, nflags):
    """What genl_family_rcv_msg() does with a request of the family whose
    genlmsghdr is whole."""
    cmd = req[16]
    flags = nflags
    dump = nflags & NLM_F_DUMP == NLM_F_DUMP
    if dump:
        flags &= ~NLM_F_DUMP
    if req[18] or req[19]:
        return ("core", E.EINVAL, CORE_MSG_RESERVED)
    if flags & ~(NLM_F_REQUEST | NLM_F_ACK | NLM_F_ECHO):
        return ("core", E.EINVAL, CORE_MSG_FLAGS)
    if ("dump" if dump else "do") not in MODES.get(U.name("hnv_cmd", cmd),
                                                   ()):
        return ("core", E.EOPNOTSUPP, None)
    return ("hnv", cmd, dump, nflags)


def clean(o):
    """None if @o is a clean answer of hnv (a success, or a documented
    errno), else why not.  (Whether an error carries an extack message is
    its own assertion: see Fuzzer.check_msg().)"""
    if o.status == "ok":
        return None
    if o.status != "err":
        return "not a clean answer: %s" % o
    if o.errno not in DOCUMENTED_ERRNOS:
        return "undocumented errno %s" % o
    return None


def judge_core(o, verdict):
    """judge() for a datagram the netlink core answers itself."""
    kind = verdict[0]
    if kind == "refused":
        if o.status == "refused" and o.errno == verdict[1]:
            return None
        return "expected sendmsg() to fail with %s, got %s" % (
            errname(verdict[1]), o)
    if kind == "silent":
        return None if o.status == "silent" else "expected silence, got %s" % o
    if kind == "ack0":
        if o.status == "ok" and not o.data and not o.done:
            return None
        return "expected a bare ACK (error 0), got %s" % o
    if kind == "core":
        _, err, msg = verdict
        if o.status == "err" and o.errno == err and o.msg == msg and \
                not o.done:
            return None
        return "expected the core's %s msg=%r, got %s" % (errname(err), msg,
                                                          o)
    return None         # foreign


def short(name):
    """How a message may name attribute @name: the part after "_A_"."""
    return name.split("_A_", 1)[-1]


def missing_named(o, a):
    """None if error @o says that the required attribute @a is missing
    as the uapi header says: the message names it (or the attribute
    a.miss the kernel reports in its stead), the type of a.miss is in
    NLMSGERR_ATTR_MISS_TYPE (a.miss None: the kernel reports none)."""
    names = {short(a.name)} | ({short(a.miss)} if a.miss else set())
    if not o.msg or not any(n in o.msg for n in names):
        return "%s missing, the message does not name %s: %s" % (
            a.name, " or ".join(sorted(names)), o)
    if a.miss and o.miss != getattr(U, a.miss):
        return "%s missing, NLMSGERR_ATTR_MISS_TYPE %s, expected %d (%s): " \
            "%s" % (a.name, o.miss, getattr(U, a.miss), a.miss, o)
    return None


def judge_same(o, want, base):
    n = want[1] if len(want) > 1 else None
    if o.key() == base.key() and (n is None or o.status != "ok" or
                                  len(o.data) == n):
        return None
    return "expected %s (as the valid request), got %s" % (base, o)


def judge_noack(o, base):
    if base.status == "err":
        return None if o.key() == base.key() else \
            "expected %s, got %s" % (base.key(), o)
    if o.status == "silent" and not base.data:
        return None
    if o.status == "ok" and (base.done or len(o.data) == len(base.data)):
        return None
    return "expected %s without an ACK, got %s" % (base, o)


def judge(o, verdict, want, base=None):
    """None if Outcome @o is what the core @verdict and, for a request hnv
    handles, @want say; else why not.  @want:
      ("any",)           a success or a clean error
      ("err", errnos)    a clean error, errno in errnos
      ("missing", errnos, attr)  the same, for required attribute @attr
                         missing: the error names it (missing_named())
      ("same",)          the answer @base got
      ("noack",)         @base's answer without the ACK (request without
                         NLM_F_ACK): a success is silent or just a reply
    """
    if verdict[0] != "hnv":
        return judge_core(o, verdict)
    why = clean(o)
    if why and o.status == "silent" and not verdict[2] and \
            not verdict[3] & NLM_F_ACK and want[0] in ("any", "noack"):
        # A do-request without NLM_F_ACK: its success is silent.
        why = None
    if why:
        return why
    w = want[0]
    if w == "any":
        return None
    if w in ("err", "missing"):
        if o.status != "err" or o.errno not in want[1]:
            return "expected %s, got %s" % (
                "/".join(sorted(errname(e) for e in want[1])), o)
        return missing_named(o, want[2]) if w == "missing" else None
    if w == "same":
        return judge_same(o, want, base)
    if w == "noack":
        return judge_noack(o, base)
    raise ValueError(want)
