# SPDX-License-Identifier: GPL-2.0
"""Attributes of requests: A (a typed attribute of a request template,
with what the tests know of it), Raw (an attribute given as bytes), nest
helpers, and the address conversions the other modules share."""

import socket
import struct

from .netlink import NLA_F_NESTED, nla
from .uapi import U


def ip(s):
    return socket.inet_pton(socket.AF_INET6 if ":" in s else socket.AF_INET,
                            s)


def ipstr(b):
    if len(b) == 4:
        return socket.inet_ntop(socket.AF_INET, b)
    if len(b) == 16:
        return socket.inet_ntop(socket.AF_INET6, b)
    return "raw:" + b.hex()


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def macstr(b):
    return ":".join("%02x" % x for x in b)


# A.miss default: the attribute's own type.
SELF = "self"

_PACK = {"u8": "=B", "u16": "=H", "be16": ">H", "u32": "=I", "u64": "=Q"}


class A:
    """One attribute of a request template.

    kind: u8 u16 u32 u64 be16 flag str bin nest.  Test metadata:
      req      required by the command: True (missing it is -EINVAL, the
               message names it), or the errnos its absence gets
      miss     when it is missing: the attribute whose type is in
               NLMSGERR_ATTR_MISS_TYPE (default itself; None: the kernel
               sets none); the message names one of the two
      lo, hi   the documented range of an integer
      sizes    the payload sizes a binary may have
      bad      [(value, {errnos})]: documented-invalid values
      ok       values that are valid too (boundaries)
      policy   for nests: "strict" (a nested policy), "pas" (validated
               list), "cas" (list of customer addresses); empty_ok
    """

    def __init__(self, name, kind, value, req=False, lo=None, hi=None,
                 sizes=None, bad=(), ok=(), policy="strict", empty_ok=False,
                 miss=SELF):
        self.name = name
        self.type = getattr(U, name) if isinstance(name, str) else name
        self.kind = kind
        self.value = value
        self.req = req
        self.miss = name if miss == SELF else miss
        self.lo, self.hi = lo, hi
        self.sizes = sizes
        self.bad = list(bad)
        self.ok = list(ok)
        self.policy = policy
        self.empty_ok = empty_ok

    def copy(self, **kw):
        a = A.__new__(A)
        a.__dict__.update(self.__dict__)
        a.__dict__.update(kw)
        return a

    def payload(self, value=None):
        v = self.value if value is None else value
        k = self.kind
        if isinstance(v, (bytes, bytearray)) and k != "nest":
            return bytes(v)
        if k in _PACK:
            return struct.pack(_PACK[k], v)
        if k == "flag":
            return b""
        if k == "str":
            return v.encode() + b"\0"
        if k == "bin":
            return bytes(v)
        if k == "nest":
            return b"".join(c.encode() for c in v)
        raise ValueError(k)

    def encode(self, value=None, flags=None):
        # Every nest, list nests included, is an NLA_NESTED: flagged.
        if flags is None:
            flags = NLA_F_NESTED if self.kind == "nest" else 0
        return nla(self.type | flags, self.payload(value))

    def __repr__(self):
        if self.kind == "nest":
            return "%s{%s}" % (self.name, ", ".join(map(repr, self.value)))
        v = self.value
        if isinstance(v, (bytes, bytearray)):
            v = v.hex()
        return "%s=%s" % (self.name, v)


class Raw:
    """An attribute given as its bytes."""

    kind = "raw"
    req = False

    def __init__(self, data, name="raw"):
        self.data = bytes(data)
        self.name = name

    def encode(self):
        return self.data

    def __repr__(self):
        return "%s:%s" % (self.name, self.data.hex())


def aname(a):
    """An attribute's name for messages (list items have a number)."""
    return a.name if isinstance(a.name, str) else "item %s" % a.name


def enc(attrs):
    return b"".join(a.encode() for a in attrs)


def prefix_nest(name, addr, length, gw=None):
    kids = [A("HNV_PREFIX_A_ADDR", "bin", ip(addr)),
            A("HNV_PREFIX_A_LEN", "u8", length)]
    if gw is not None:
        kids.append(A("HNV_PREFIX_A_GATEWAY", "bin", ip(gw)))
    return A(name, "nest", kids)


def list_nest(name, addrs):
    return A(name, "nest", [A(1, "bin", ip(x)) for x in addrs])
