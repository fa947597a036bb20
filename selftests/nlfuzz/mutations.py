# SPDX-License-Identifier: GPL-2.0
"""Seeded random mutations of a valid request's bytes: bit flips, random
and interesting bytes and words, cuts, insertions, deletions, attributes
repeated, dropped or taken from other requests, nla_len and nla_type,
header fields.  Mostly the attributes, sometimes the headers."""

import struct

from .netlink import NLA_F_NESTED, NLA_F_NET_BYTEORDER
from .uapi import U

INTERESTING8 = (0, 1, 0x7F, 0x80, 0xFF)
INTERESTING32 = (0, 1, 0xFF, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000,
                 0xFFFFFFFF, 4095, 4096, 16777214, 16777215)


def attr_offsets(d):
    """Offsets of the top-level attributes of message @d."""
    out = []
    off = 20
    n = len(d)
    while off + 4 <= n:
        alen = d[off] | d[off + 1] << 8
        if alen < 4:
            break
        out.append(off)
        off += (alen + 3) & ~3
    return out


def pick(r, seq):
    return seq[int(r() * len(seq))]


def padded_len(d, o):
    return (d[o] | d[o + 1] << 8) + 3 & ~3


# Each operation: op(rng, d, pos, chunks, types) changes bytearray @d
# (pos: a random offset, mostly in the attributes); it returns False if
# nlmsg_len is to be left as it made it.

def flip_bit(rng, d, pos, chunks, types):
    if d:
        d[pos] ^= 1 << int(rng.random() * 8)


def random_byte(rng, d, pos, chunks, types):
    if d:
        d[pos] = int(rng.random() * 256)


def interesting_byte(rng, d, pos, chunks, types):
    if d:
        d[pos] = pick(rng.random, INTERESTING8)


def interesting_u32(rng, d, pos, chunks, types):
    p = pos & ~3
    if p + 4 <= len(d):
        struct.pack_into("=I", d, p, pick(rng.random, INTERESTING32))


def cut(rng, d, pos, chunks, types):
    n = len(d)
    if n > 16:
        del d[16 + int(rng.random() * (n - 16)):]


def insert_bytes(rng, d, pos, chunks, types):
    r = rng.random
    if len(d) >= 20:
        k = 1 + int(r() * 8)
        d[pos:pos] = rng.getrandbits(8 * k).to_bytes(k, "little") \
            if r() < 0.5 else bytes(k)


def delete_bytes(rng, d, pos, chunks, types):
    if len(d) > 20:
        del d[pos:pos + 1 + int(rng.random() * 8)]


def add_attr(rng, d, pos, chunks, types):
    """One of its own attributes again, or another request's."""
    r = rng.random
    offs = attr_offsets(d)
    at = pick(r, offs) if offs and r() < 0.8 else len(d)
    if r() < 0.5 and offs:
        o = pick(r, offs)
        d[at:at] = d[o:o + padded_len(d, o)]
    else:
        d[at:at] = pick(r, chunks)


def drop_attr(rng, d, pos, chunks, types):
    offs = attr_offsets(d)
    if offs:
        o = pick(rng.random, offs)
        del d[o:o + padded_len(d, o)]


def attr_header(rng, d, pos, chunks, types):
    """nla_len or nla_type of an attribute."""
    r = rng.random
    offs = attr_offsets(d)
    if not offs:
        return
    o = pick(r, offs)
    if r() < 0.5:
        alen = d[o] | d[o + 1] << 8
        v = (0, 1, 3, 4, alen - 1, alen + 1, alen + 4, 0xFFFF,
             int(r() * 65536))[int(r() * 9)]
        struct.pack_into("=H", d, o, v & 0xFFFF)
    else:
        typ = d[o + 2] | d[o + 3] << 8
        v = (typ ^ NLA_F_NESTED, typ ^ NLA_F_NET_BYTEORDER,
             int(r() * (U.HNV_A_MAX + 4)), int(r() * 65536))[int(r() * 4)]
        struct.pack_into("=H", d, o + 2, v)


def header_field(rng, d, pos, chunks, types):
    """nlmsg_len, type or flags; genl cmd, version or reserved."""
    r = rng.random
    n = len(d)
    if n < 20:
        return None
    f = int(r() * 6)
    if f == 0:
        struct.pack_into("=I", d, 0, (
            0, 8, 15, 16, 19, 20, n - 1, n + 1, n + 4,
            int(r() * (n + 8)))[int(r() * 10)])
        return False
    if f == 1:
        struct.pack_into("=H", d, 4, pick(r, types))
    elif f == 2:
        struct.pack_into("=H", d, 6, (d[6] | d[7] << 8) ^
                         (1 << int(r() * 16)))
    elif f == 3:
        d[16] = int(r() * (U.HNV_CMD_MAX + 3)) if r() < 0.8 else \
            int(r() * 256)
    elif f == 4:
        d[17] = int(r() * 256)
    else:
        struct.pack_into("=H", d, 18, (1, 0x100, int(r() * 65536))[
            int(r() * 3)])
    return None


# (cumulative probability, operation)
OPS = ((0.30, flip_bit), (0.40, random_byte), (0.48, interesting_byte),
       (0.56, interesting_u32), (0.62, cut), (0.67, insert_bytes),
       (0.72, delete_bytes), (0.80, add_attr), (0.86, drop_attr),
       (0.94, attr_header), (1.0, header_field))


def mutate_once(rng, d, chunks, types):
    r = rng.random
    n = len(d)
    op = r()
    pos = 20 + int(r() * (n - 20)) if n > 20 and r() < 0.85 else \
        int(r() * n)
    fn = next(f for p, f in OPS if op < p)
    return fn(rng, d, pos, chunks, types) is not False


def mutated(rng, d, chunks, types):
    """@d (a valid request, a bytearray) after one to three random
    mutations; and whether nlmsg_len is to be set to the new length (not
    when the header itself was mutated).  @chunks: attributes of other
    requests; @types: nlmsg types to choose from."""
    r = rng.random
    setlen = True
    for _ in range(1 + (r() < 0.35) + (r() < 0.1)):
        setlen &= mutate_once(rng, d, chunks, types)
    if not setlen and len(d) >= 16:
        # One request a datagram: what follows a short nlmsg_len is cut
        # below the 16 bytes of a header.
        nlen = struct.unpack_from("=I", d)[0]
        if 16 <= nlen <= len(d):
            del d[min(len(d), ((nlen + 3) & ~3) + int(r() * 16)):]
    return d, setlen
