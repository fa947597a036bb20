# SPDX-License-Identifier: GPL-2.0
"""The namespace's hnv state: dumps decoded into snapshots, their
differences, and State, which reads snapshots and rebuilds one (to undo
what a fuzzed request did).

A snapshot is {kind: {key: value}}, value a sorted tuple of (field, v):
  switch  key ifindex
  port    key ifindex
  subnet  key (switch ifindex, vsid)
  map     key (switch ifindex, vsid, mac)
  route   key (switch ifindex, rdid, prefix, length)
  acl     key (switch ifindex, ("port", ifindex) | ("vsid", vsid), dir,
               priority, 0 for the default)
Counters (stats, flow and connection counts, ACL hits) are left out;
attributes the decoder does not know are kept raw ("extra"), so that any
change shows.
"""

import struct

from .attrs import A, ip, ipstr, list_nest, mac, macstr, prefix_nest, enc
from .netlink import (NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST, genl_msg,
                      parse_attrs, summarize)
from .uapi import U

KINDS = ("switch", "port", "subnet", "map", "route", "acl")


class Failure(Exception):
    """A bookkeeping request (dump, restore) failed."""


def freeze(d):
    return tuple(sorted(d.items()))


def _number(fmt):
    """A decoder of an integer attribute (a payload of another size is
    kept raw)."""
    st = struct.Struct(fmt)
    return lambda b: st.unpack(b)[0] if len(b) == st.size else \
        ("raw", b.hex())


u32, u16, u8 = _number("=I"), _number("=H"), _number("=B")


def take(attrs, t):
    """The payload of attribute @t (removed from @attrs), None if absent."""
    v = None
    for i in range(len(attrs) - 1, -1, -1):
        if attrs[i][0] == t:
            if v is None:
                v = attrs[i][1]
            del attrs[i]
    return v


def drop(attrs, *names):
    """Remove the attributes @names (counters) from @attrs."""
    for n in names:
        take(attrs, getattr(U, n))


def extra(attrs, rec):
    if attrs:
        rec["extra"] = tuple((t, v.hex()) for t, v in attrs)
    return rec


def dec_name(b):
    return b.rstrip(b"\0").decode()


def dec_prefix(b, gw=True):
    if b is None:
        return None
    a = parse_attrs(b)
    addr = take(a, U.HNV_PREFIX_A_ADDR)
    ln = take(a, U.HNV_PREFIX_A_LEN)
    g = take(a, U.HNV_PREFIX_A_GATEWAY)
    r = (ipstr(addr or b""), u8(ln or b""))
    if gw or g is not None:
        r += (ipstr(g or b""),)
    return r + ((("extra",) + tuple(a)) if a else ())


def dec_list(b):
    """A nest of type-1 addresses."""
    if b is None:
        return None
    return tuple(ipstr(v) if t == 1 else ("raw", t, v.hex())
                 for t, v in parse_attrs(b))


# The fields of a switch record: (field, attribute, decoder).
SWITCH_FIELDS = (
    ("name", "HNV_A_SWITCH_IFNAME", dec_name),
    ("nports", "HNV_A_SWITCH_NPORTS", u32),
    ("uft_max", "HNV_A_SWITCH_UFT_MAX", u32),
    ("uft_port_max", "HNV_A_SWITCH_UFT_PORT_MAX", u32),
    ("uft_idle_ms", "HNV_A_SWITCH_UFT_IDLE_MS", u32),
    ("nmaps", "HNV_A_SWITCH_NMAPS", u32),
    ("maps_max", "HNV_A_SWITCH_MAPS_MAX", u32),
    ("pas", "HNV_A_SWITCH_PAS", lambda b: dec_list(b) or ()),
    ("vxlan_port", "HNV_A_SWITCH_VXLAN_PORT", u16),
    ("strict", "HNV_A_SWITCH_STRICT", u8),
    ("nvgre_flowid", "HNV_A_SWITCH_NVGRE_FLOWID", u8),
    ("router_mac", "HNV_A_SWITCH_ROUTER_MAC", macstr),
    ("conn_timeout", "HNV_A_SWITCH_CONN_TIMEOUT", u32),
    ("conn_tcp_timeout", "HNV_A_SWITCH_CONN_TCP_TIMEOUT", u32),
)


def dec_switch(attrs):
    drop(attrs, "HNV_A_SWITCH_STATS", "HNV_A_SWITCH_NFLOWS",
         "HNV_A_SWITCH_NCONNS")
    key = u32(take(attrs, U.HNV_A_SWITCH_IFINDEX))
    rec = {f: dec(take(attrs, getattr(U, name)) or b"")
           for f, name, dec in SWITCH_FIELDS}
    return key, extra(attrs, rec)


def dec_port(attrs):
    drop(attrs, "HNV_A_PORT_STATS", "HNV_A_SWITCH_IFNAME")
    key = u32(take(attrs, U.HNV_A_PORT_IFINDEX))
    m = take(attrs, U.HNV_A_PORT_MAC)
    rec = {
        "switch": u32(take(attrs, U.HNV_A_SWITCH_IFINDEX)),
        "name": dec_name(take(attrs, U.HNV_A_PORT_IFNAME)),
        "vsid": u32(take(attrs, U.HNV_A_VSID)),
        "mac": macstr(m) if m is not None else None,
        "cas": dec_list(take(attrs, U.HNV_A_PORT_CAS)) or (),
    }
    return key, extra(attrs, rec)


def dec_subnet(attrs):
    drop(attrs, "HNV_A_SWITCH_IFNAME")
    key = (u32(take(attrs, U.HNV_A_SWITCH_IFINDEX)),
           u32(take(attrs, U.HNV_A_VSID)))
    rec = {
        "rdid": u32(take(attrs, U.HNV_A_RDID)),
        "encap": u8(take(attrs, U.HNV_A_ENCAP)),
        "p4": dec_prefix(take(attrs, U.HNV_A_SUBNET_PREFIX4)),
        "p6": dec_prefix(take(attrs, U.HNV_A_SUBNET_PREFIX6)),
    }
    return key, extra(attrs, rec)


def dec_map(attrs):
    key = (u32(take(attrs, U.HNV_A_SWITCH_IFINDEX)),
           u32(take(attrs, U.HNV_A_VSID)),
           macstr(take(attrs, U.HNV_A_MAP_MAC)))
    ca = take(attrs, U.HNV_A_MAP_CA)
    rec = {"pa": ipstr(take(attrs, U.HNV_A_MAP_PA)),
           "ca": ipstr(ca) if ca is not None else None}
    return key, extra(attrs, rec)


def dec_route(attrs):
    p = dec_prefix(take(attrs, U.HNV_A_ROUTE_PREFIX), gw=False)
    key = (u32(take(attrs, U.HNV_A_SWITCH_IFINDEX)),
           u32(take(attrs, U.HNV_A_RDID))) + p[:2]
    rec = {"via": ipstr(take(attrs, U.HNV_A_ROUTE_VIA))}
    if len(p) > 2:
        rec["prefix_extra"] = p[2:]
    return key, extra(attrs, rec)


def dec_acl_rule(a, rec):
    """The match of a rule (not a default) from its nest's attributes."""
    p = take(a, U.HNV_ACL_A_PROTO)
    rec["proto"] = u8(p) if p is not None else None
    rec["src"] = dec_prefix(take(a, U.HNV_ACL_A_SRC), gw=False)
    rec["dst"] = dec_prefix(take(a, U.HNV_ACL_A_DST), gw=False)
    for f, lo, hi in (("sport", U.HNV_ACL_A_SPORT_MIN, U.HNV_ACL_A_SPORT_MAX),
                      ("dport", U.HNV_ACL_A_DPORT_MIN, U.HNV_ACL_A_DPORT_MAX)):
        lo, hi = take(a, lo), take(a, hi)
        rec[f] = (u16(lo) if lo is not None else 0,
                  u16(hi) if hi is not None else 65535)


def dec_acl(attrs):
    sw = u32(take(attrs, U.HNV_A_SWITCH_IFINDEX))
    port = take(attrs, U.HNV_A_PORT_IFINDEX)
    vsid = take(attrs, U.HNV_A_VSID)
    target = ("port", u32(port)) if port is not None else ("vsid", u32(vsid))
    a = parse_attrs(take(attrs, U.HNV_A_ACL) or b"")
    drop(a, "HNV_ACL_A_HITS", "HNV_ACL_A_PAD")
    dflt = take(a, U.HNV_ACL_A_DEFAULT) is not None
    prio = take(a, U.HNV_ACL_A_PRIORITY)
    key = (sw, target, u8(take(a, U.HNV_ACL_A_DIR)),
           0 if dflt else u32(prio or b""))
    rec = {"action": u8(take(a, U.HNV_ACL_A_ACTION)),
           "stateful": take(a, U.HNV_ACL_A_STATEFUL) is not None}
    if not dflt:
        dec_acl_rule(a, rec)
    if a:
        rec["acl_extra"] = tuple((t, v.hex()) for t, v in a)
    return key, extra(attrs, rec)


# kind: (the command that dumps it, the decoder of a dump message)
DUMPS = {
    "switch": ("HNV_CMD_SWITCH_GET", dec_switch),
    "port": ("HNV_CMD_PORT_GET", dec_port),
    "subnet": ("HNV_CMD_SUBNET_GET", dec_subnet),
    "map": ("HNV_CMD_MAP_GET", dec_map),
    "route": ("HNV_CMD_ROUTE_GET", dec_route),
    "acl": ("HNV_CMD_ACL_GET", dec_acl),
}


def decode(kind, data):
    """[(key, frozen record)] of the messages @data of a reply or dump."""
    return [(k, freeze(v)) for k, v in
            (DUMPS[kind][1](parse_attrs(p[4:])) for p in data)]


def diff(want, got, kinds=KINDS, limit=6):
    """Readable differences of two snapshots (at most @limit)."""
    out = []
    for k in kinds:
        for key in sorted(set(want[k]) | set(got[k]), key=repr):
            a, b = want[k].get(key), got[k].get(key)
            if a == b:
                continue
            if a and b:
                a, b = dict(a), dict(b)
                out.append("%s %r: %s" % (k, key, ", ".join(
                    "%s %r, expected %r" % (f, b.get(f), a.get(f))
                    for f in sorted(set(a) | set(b)) if a.get(f) != b.get(f))))
            else:
                out.append("%s %r: %s" % (
                    k, key, "missing, expected %s" % dict(a) if a else
                    "unexpected %s" % dict(b)))
    if len(out) > limit:
        out = out[:limit] + ["... %d more" % (len(out) - limit)]
    return out


# --- requests that make a record so, or remove it ----------------------------

def sw_attr(sw):
    return A("HNV_A_SWITCH_IFINDEX", "u32", sw)


def acl_target(key):
    sw, (what, ident) = key[0], key[1]
    if what == "port":
        return [A("HNV_A_PORT_IFINDEX", "u32", ident)]
    return [sw_attr(sw), A("HNV_A_VSID", "u32", ident)]


def make_switch(key, r):
    return "HNV_CMD_SWITCH_SET", [
        sw_attr(key),
        A("HNV_A_SWITCH_UFT_MAX", "u32", r["uft_max"]),
        A("HNV_A_SWITCH_UFT_PORT_MAX", "u32", r["uft_port_max"]),
        A("HNV_A_SWITCH_UFT_IDLE_MS", "u32", r["uft_idle_ms"]),
        A("HNV_A_SWITCH_MAPS_MAX", "u32", r["maps_max"]),
        list_nest("HNV_A_SWITCH_PAS", r["pas"]),
        A("HNV_A_SWITCH_VXLAN_PORT", "u16", r["vxlan_port"]),
        A("HNV_A_SWITCH_STRICT", "u8", r["strict"]),
        A("HNV_A_SWITCH_NVGRE_FLOWID", "u8", r["nvgre_flowid"]),
        A("HNV_A_SWITCH_ROUTER_MAC", "bin", mac(r["router_mac"])),
        A("HNV_A_SWITCH_CONN_TIMEOUT", "u32", r["conn_timeout"]),
        A("HNV_A_SWITCH_CONN_TCP_TIMEOUT", "u32", r["conn_tcp_timeout"])]


def make_port(key, r):
    at = [A("HNV_A_PORT_IFINDEX", "u32", key),
          A("HNV_A_VSID", "u32", r["vsid"])]
    if r["vsid"]:
        at.append(A("HNV_A_PORT_MAC", "bin", mac(r["mac"])))
        if r["cas"]:
            at.append(list_nest("HNV_A_PORT_CAS", r["cas"]))
    return "HNV_CMD_PORT_SET", at


def make_subnet(key, r):
    at = [sw_attr(key[0]), A("HNV_A_VSID", "u32", key[1]),
          A("HNV_A_RDID", "u32", r["rdid"]), A("HNV_A_ENCAP", "u8", r["encap"])]
    for f, name in (("p4", "HNV_A_SUBNET_PREFIX4"),
                    ("p6", "HNV_A_SUBNET_PREFIX6")):
        if r[f]:
            at.append(prefix_nest(name, *r[f]))
    return "HNV_CMD_SUBNET_NEW", at


def make_map(key, r):
    at = [sw_attr(key[0]), A("HNV_A_VSID", "u32", key[1]),
          A("HNV_A_MAP_MAC", "bin", mac(key[2])),
          A("HNV_A_MAP_PA", "bin", ip(r["pa"]))]
    if r["ca"]:
        at.append(A("HNV_A_MAP_CA", "bin", ip(r["ca"])))
    return "HNV_CMD_MAP_NEW", at + [A("HNV_A_REPLACE", "flag", 0)]


def make_route(key, r):
    return "HNV_CMD_ROUTE_NEW", [
        sw_attr(key[0]), A("HNV_A_RDID", "u32", key[1]),
        prefix_nest("HNV_A_ROUTE_PREFIX", key[2], key[3]),
        A("HNV_A_ROUTE_VIA", "bin", ip(r["via"])),
        A("HNV_A_REPLACE", "flag", 0)]


def port_range(name_min, rng):
    """The attributes of a port range other than 0-65535."""
    if rng == (0, 65535):
        return []
    return [A(name_min, "u16", rng[0]),
            A(getattr(U, name_min) + 1, "u16", rng[1])]   # its _MAX


def make_acl(key, r):
    kids = [A("HNV_ACL_A_DIR", "u8", key[2]),
            A("HNV_ACL_A_ACTION", "u8", r["action"])]
    if r["stateful"]:
        kids.append(A("HNV_ACL_A_STATEFUL", "flag", 0))
    if key[3] == 0:
        kids.append(A("HNV_ACL_A_DEFAULT", "flag", 0))
        return "HNV_CMD_ACL_NEW", acl_target(key) + \
            [A("HNV_A_ACL", "nest", kids)]
    kids.append(A("HNV_ACL_A_PRIORITY", "u32", key[3]))
    if r["proto"] is not None:
        kids.append(A("HNV_ACL_A_PROTO", "u8", r["proto"]))
    for f, name in (("src", "HNV_ACL_A_SRC"), ("dst", "HNV_ACL_A_DST")):
        if r[f]:
            kids.append(prefix_nest(name, r[f][0], r[f][1]))
    kids += port_range("HNV_ACL_A_SPORT_MIN", r["sport"]) + \
        port_range("HNV_ACL_A_DPORT_MIN", r["dport"])
    return "HNV_CMD_ACL_NEW", acl_target(key) + \
        [A("HNV_A_ACL", "nest", kids), A("HNV_A_REPLACE", "flag", 0)]


def acl_key_nest(key):
    """HNV_A_ACL naming the rule or default of ACL @key."""
    return A("HNV_A_ACL", "nest", [
        A("HNV_ACL_A_DIR", "u8", key[2]),
        A("HNV_ACL_A_DEFAULT", "flag", 0) if key[3] == 0 else
        A("HNV_ACL_A_PRIORITY", "u32", key[3])])


def unmake(kind, key):
    """(command, attributes) that remove @key."""
    if kind == "port":
        return "HNV_CMD_PORT_SET", [A("HNV_A_PORT_IFINDEX", "u32", key),
                                    A("HNV_A_VSID", "u32", 0)]
    if kind == "subnet":
        return "HNV_CMD_SUBNET_DEL", [sw_attr(key[0]),
                                      A("HNV_A_VSID", "u32", key[1])]
    if kind == "map":
        return "HNV_CMD_MAP_DEL", [sw_attr(key[0]),
                                   A("HNV_A_VSID", "u32", key[1]),
                                   A("HNV_A_MAP_MAC", "bin", mac(key[2]))]
    if kind == "route":
        return "HNV_CMD_ROUTE_DEL", [
            sw_attr(key[0]), A("HNV_A_RDID", "u32", key[1]),
            prefix_nest("HNV_A_ROUTE_PREFIX", key[2], key[3])]
    if kind == "acl":
        return "HNV_CMD_ACL_DEL", acl_target(key) + [acl_key_nest(key)]
    raise ValueError(kind)


MAKE = {"switch": make_switch, "port": make_port, "subnet": make_subnet,
        "map": make_map, "route": make_route, "acl": make_acl}


def make(kind, key, rec):
    """(command, attributes) that create @key as @rec (or replace it)."""
    return MAKE[kind](key, dict(rec))


class State:
    """Snapshots of the namespace's hnv state, and requests that rebuild a
    snapshot's objects.  @book counts the bookkeeping requests (dumps and
    restores)."""

    def __init__(self, nl):
        self.nl = nl
        self.book = 0
        self.cache = {}

    def request(self, cmd, attrs, dump=False, ack=True):
        if isinstance(cmd, str):
            cmd = getattr(U, cmd)
        if not isinstance(attrs, (bytes, bytearray)):
            attrs = enc(attrs)
        flags = NLM_F_REQUEST | (NLM_F_ACK if ack else 0) | \
            (NLM_F_DUMP if dump else 0)
        req = genl_msg(self.nl.fam, cmd, attrs, flags, self.nl.next_seq())
        return summarize(self.nl.exchange(req), req, self.nl.fam)

    def book_request(self, cmd, attrs, dump=False):
        """A bookkeeping request: counted in @book."""
        self.book += 1
        return self.request(cmd, attrs, dump)

    def must(self, cmd, attrs, what):
        o = self.book_request(cmd, attrs)
        if o.status != "ok":
            raise Failure("%s: %s" % (what, o))
        return o

    def dump(self, kind):
        cmd = DUMPS[kind][0]
        for _ in range(10):
            o = self.book_request(cmd, b"", dump=True)
            if o.status != "ok":
                raise Failure("dump of the %ss: %s" % (kind, o))
            if not o.intr:
                return o.data
        raise Failure("dump of the %ss: NLM_F_DUMP_INTR ten times" % kind)

    def records(self, kind, data):
        """{key: record} of dump @data; a key twice is marked DUPLICATE.
        Mostly the same dump again: decoded once."""
        raw = b"".join(data)
        recs = self.cache.get((kind, raw))
        if recs is None:
            recs = {}
            for payload in data:
                key, rec = DUMPS[kind][1](parse_attrs(payload[4:]))
                if key in recs:
                    rec["DUPLICATE"] = True
                recs[key] = freeze(rec)
            if len(self.cache) > 256:
                self.cache.clear()
            self.cache[(kind, raw)] = recs
        return recs

    def snapshot(self, kinds=KINDS):
        return {k: self.records(k, self.dump(k)) for k in kinds}

    def put(self, kind, key, rec):
        cmd, attrs = make(kind, key, rec)
        self.must(cmd, attrs, "restoring %s %r" % (kind, key))

    def remove(self, kind, key):
        cmd, attrs = unmake(kind, key)
        self.must(cmd, attrs, "restoring %s %r" % (kind, key))

    def restore_switches(self, keys, want):
        keys = [k for k in keys if k in want]
        try:
            for key in keys:
                self.put("switch", key, want[key])
        except Failure:
            # Another switch may hold the VXLAN port one is to get back:
            # provider addresses (and their sockets) off first.
            for key in keys:
                self.must("HNV_CMD_SWITCH_SET", [
                    sw_attr(key), list_nest("HNV_A_SWITCH_PAS", [])],
                    "restoring switch %r" % key)
            for key in keys:
                self.put("switch", key, want[key])

    def restore(self, want, kinds=KINDS, verify=True):
        """Make the objects of @kinds what snapshot @want holds again; the
        snapshot after (None if not @verify and something was done).
        Raises Failure if a restoring request fails."""
        cur = self.snapshot(kinds)
        if all(cur[k] == want[k] for k in kinds):
            return cur
        ch = {k: sorted((key for key in set(cur[k]) | set(want[k])
                         if cur[k].get(key) != want[k].get(key)), key=repr)
              for k in kinds}

        def bound(snap, key):
            return key in snap["port"] and dict(snap["port"][key])["vsid"]

        def put(kind, key):
            self.put(kind, key, want[kind][key])
        remove = self.remove

        if "switch" in ch:
            self.restore_switches(ch["switch"], want["switch"])
        # Unbind, remove what is in the way, then rebuild in order:
        # subnets before the mappings and ports that need them.
        for key in ch.get("port", ()):
            if bound(cur, key):
                remove("port", key)
        for key in ch.get("map", ()):
            if key in cur["map"] and key not in want["map"]:
                remove("map", key)
        for key in ch.get("subnet", ()):
            if key in cur["subnet"]:
                remove("subnet", key)
        for key in ch.get("subnet", ()):
            if key in want["subnet"]:
                put("subnet", key)
        for key in ch.get("map", ()):
            if key in want["map"]:
                put("map", key)
        for key in ch.get("port", ()):
            if bound(want, key):
                put("port", key)
        for kind in ("route", "acl"):
            for key in ch.get(kind, ()):
                if key in want[kind]:
                    put(kind, key)
                else:
                    remove(kind, key)
        return self.snapshot(kinds) if verify else None
