# SPDX-License-Identifier: GPL-2.0
"""Valid requests of every HNV_CMD_* on the namespace nl_fuzz.sh sets up,
with what the tests know of each attribute (required, range, sizes,
invalid values and their errnos), the modes of each command and the kinds
of objects each may change.

The namespace (nl_fuzz.sh's setup(); keep the two in step):
  hnv0: PAs 192.168.1.10 192.168.1.11; ports pa, pb (VMs a, b), pc
    subnets 5001 rdid 1 10.1.1.0/24 fd00:1::/64, 5002 rdid 1 10.1.2.0/24,
            6001 rdid 2 10.1.1.0/24 nvgre, 7001 rdid 3 (no prefix)
    pa: 5001 02:00:00:00:00:0a 10.1.1.11 fd00:1::11
    pb: 5001 02:00:00:00:00:0b 10.1.1.12; pc unbound
    maps 5001 02:00:00:00:01:01 ca 10.1.1.21 pa 192.168.2.20,
         5002 02:00:00:00:01:02 pa 192.168.2.20,
         5001 02:00:00:00:01:03 ca fd00:1::23 pa 192.168.2.21
    routes rdid 1 10.9.0.0/16 via 10.1.1.12, fd00:9::/64 via fd00:1::11
    ACLs: dev pb in prio 100 deny tcp dport 80; vsid 5001 out prio 10
          allow stateful udp src 10.1.1.0/24; vsid 5002 in default deny;
          dev pa out default allow stateful
  hnv1: subnet 5001 rdid 1 10.1.1.0/24, port pz (unbound)
  dummy0: a device that is neither a switch nor a port
"""

import errno as E
import socket

from .attrs import SELF, A, ip, mac
from .netlink import NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST
from .state import KINDS
from .uapi import U

DEVICES = ("dummy0", "hnv0", "hnv1", "pa", "pb", "pc", "pz")
IDX = {}        # device name: ifindex, in the namespace

INV = {E.EINVAL}
RNG = {E.EINVAL, E.ERANGE}
EX, NOENT = {E.EEXIST}, {E.ENOENT}


def load_ifindexes():
    for name in DEVICES:
        IDX[name] = socket.if_nametoindex(name)


# --- attributes, by what they are --------------------------------------------

def bad_macs():
    return [(mac("01:00:5e:00:00:01"), INV), (bytes(6), INV),
            (b"\xff" * 6, INV)]


BAD_PAS = (("224.0.0.1", INV), ("0.0.0.0", INV), ("255.255.255.255", INV))


def SWI(name="hnv0", req=True, other=INV, both=False):
    """HNV_A_SWITCH_IFINDEX; @other: the answer when it names hnv1;
    @both: the request names the switch by name too (another device is
    then -EINVAL, whatever it is)."""
    notsw = INV if both else {E.EOPNOTSUPP}
    return A("HNV_A_SWITCH_IFINDEX", "u32", IDX[name], req=req, lo=1,
             bad=[(0, RNG), (0x7FFFFF00, {E.ENODEV}),
                  (IDX["dummy0"], notsw), (IDX["pa"], notsw)] +
             ([(IDX["hnv1"], other)] if other else []))


def SWN(name="hnv0", req=True, other=INV, both=False):
    """HNV_A_SWITCH_IFNAME (missing: the switch selector is)."""
    return A("HNV_A_SWITCH_IFNAME", "str", name, req=req,
             miss="HNV_A_SWITCH_IFINDEX",
             bad=[("nosuch0", {E.ENODEV}),
                  ("dummy0", INV if both else {E.EOPNOTSUPP}),
                  ("", {E.ENODEV}), ("x" * 16, RNG),
                  (b"hnv0", RNG)] +       # not NUL-terminated
             ([("hnv1", other)] if other else []))


def PN(name, req=True, other=INV, miss="HNV_A_PORT_IFINDEX"):
    """HNV_A_PORT_IFNAME (missing: the port selector is)."""
    return A("HNV_A_PORT_IFNAME", "str", name, req=req, miss=miss,
             bad=[("nosuch0", {E.ENODEV}), ("dummy0", {E.EOPNOTSUPP}),
                  ("x" * 16, RNG), (b"pa", RNG)] +
             ([("pz", other)] if other else []))


def PI(name, req=True, other=INV):
    return A("HNV_A_PORT_IFINDEX", "u32", IDX[name], req=req, lo=1,
             bad=[(0, RNG), (0x7FFFFF00, {E.ENODEV}),
                  (IDX["dummy0"], {E.EOPNOTSUPP})] +
             ([(IDX["pz"], other)] if other else []))


def VSID(v, req=True, none=None, ok=(4096, 16777214)):
    """HNV_A_VSID; @none: the answer for a VSID without a subnet."""
    bad = [(0, RNG), (4095, RNG), (16777215, RNG), (0xFFFFFFFF, RNG)]
    if none:
        bad.append((5999, none))
    return A("HNV_A_VSID", "u32", v, req=req, lo=4096, hi=16777214, bad=bad,
             ok=ok)


def out_of_range(lo, hi, top):
    return [(x, RNG) for x in (lo - 1, hi + 1, top)
            if 0 <= x <= top and not lo <= x <= hi]


def U8(name, v, lo, hi, req=False):
    return A(name, "u8", v, req=req, lo=lo, hi=hi,
             bad=out_of_range(lo, hi, 255), ok=(lo, hi))


def U32(name, v, lo, hi=0xFFFFFFFF, req=False):
    return A(name, "u32", v, req=req, lo=lo, hi=hi,
             bad=out_of_range(lo, hi, 0xFFFFFFFF), ok=(lo, hi))


def BIN(name, value, sizes, req=False, bad=(), miss=SELF):
    return A(name, "bin", value, req=req, sizes=sizes, bad=bad, miss=miss)


def addrs(bad):
    """[(value, errnos)] with the addresses as bytes."""
    return [(ip(x) if isinstance(x, str) else x, e) for x, e in bad]


def ADDR(name, s, req=False, bad=(), sizes=None, miss=SELF):
    b = ip(s)
    return BIN(name, b, sizes or (len(b),), req=req, bad=addrs(bad),
               miss=miss)


def MACA(name, s, req=False, bad=(), miss=SELF):
    return BIN(name, mac(s), (6,), req=req, bad=bad_macs() + list(bad),
               miss=miss)


def NEST(name, kids, req=False, policy="strict", empty_ok=False, bad=()):
    return A(name, "nest", kids, req=req, policy=policy, empty_ok=empty_ok,
             bad=bad)


def PFX(name, addr, length, gw=None, req=False, lo=None, hi=None,
        bad_addr=(), bad_gw=(), bad_len=(), addr_sizes=None):
    """A prefix nest."""
    b = ip(addr)
    kids = [ADDR("HNV_PREFIX_A_ADDR", addr, req=True, bad=bad_addr,
                 sizes=addr_sizes),
            A("HNV_PREFIX_A_LEN", "u8", length, req=True, lo=lo, hi=hi,
              bad=list(bad_len) +
              out_of_range(lo or 0, 255 if hi is None else hi, 255),
              ok=[x for x in (lo, hi) if x is not None])]
    if gw:
        kids.append(ADDR("HNV_PREFIX_A_GATEWAY", gw, bad=bad_gw,
                         sizes=(len(b),)))
    return NEST(name, kids, req=req)


def LIST(name, addrs_, policy, req=False, item_bad=(), empty_ok=False,
         nmax=8):
    """A list nest of addresses (type 1), @policy "cas" or "pas"."""
    kids = []
    for x in addrs_:
        b = ip(x)
        kids.append(BIN(1, b, (4, 16) if policy == "cas" else (4,),
                        req=policy == "cas" and len(addrs_) == 1,
                        bad=addrs(item_bad)))
    # One address too many.
    many = [BIN(1, ip("10.1.1.%d" % (100 + i) if policy == "cas" else
                      "192.168.9.%d" % (1 + i)), (4,))
            for i in range(nmax + 1)]
    return NEST(name, kids, req=req, policy=policy, empty_ok=empty_ok,
                bad=[(many, INV)])


def REPL():
    """HNV_A_REPLACE of a request that replaces: without it, -EEXIST."""
    return A("HNV_A_REPLACE", "flag", 0, req=EX)


def be16(name, v):
    return A(name, "be16", v)


class T:
    """A valid request: command, attributes, NLM_F_DUMP, the answer it gets
    ("ok" with @n replies (None: any number), an errno, or None: not
    known)."""

    def __init__(self, cmd, attrs, dump=False, expect="ok", n=None):
        self.cmd = cmd
        self.cmdv = getattr(U, cmd)
        self.attrs = attrs
        self.dump = dump
        self.expect = expect
        self.n = n
        self.id = cmd

    def flags(self):
        return NLM_F_REQUEST | NLM_F_ACK | (NLM_F_DUMP if self.dump else 0)

    def desc(self):
        return "%s%s [%s]" % (self.cmd, " (dump)" if self.dump else "",
                              ", ".join(map(repr, self.attrs)))


# The modes documented for each command (uapi/linux/hnv.h): a request of
# another mode is refused by the genetlink core.
MODES = {
    "HNV_CMD_SWITCH_GET": ("do", "dump"), "HNV_CMD_PORT_GET": ("do", "dump"),
    "HNV_CMD_SUBNET_NEW": ("do",), "HNV_CMD_SUBNET_DEL": ("do",),
    "HNV_CMD_SUBNET_GET": ("do", "dump"), "HNV_CMD_PORT_SET": ("do",),
    "HNV_CMD_FLOW_GET": ("dump",), "HNV_CMD_FLOW_FLUSH": ("do",),
    "HNV_CMD_SWITCH_SET": ("do",), "HNV_CMD_MAP_NEW": ("do",),
    "HNV_CMD_MAP_DEL": ("do",), "HNV_CMD_MAP_GET": ("dump",),
    "HNV_CMD_NEIGH_MISS": (),   # an event, not a request
    "HNV_CMD_ROUTE_NEW": ("do",), "HNV_CMD_ROUTE_DEL": ("do",),
    "HNV_CMD_ROUTE_GET": ("dump",), "HNV_CMD_ACL_NEW": ("do",),
    "HNV_CMD_ACL_DEL": ("do",), "HNV_CMD_ACL_GET": ("dump",),
    "HNV_CMD_ACL_FLUSH": ("do",), "HNV_CMD_CONN_GET": ("dump",),
    "HNV_CMD_TRACE": ("do",),
}

# What each command changes: the kinds to check and restore after it.
CHANGES = {
    "HNV_CMD_SWITCH_SET": ("switch",), "HNV_CMD_PORT_SET": ("port",),
    "HNV_CMD_SUBNET_NEW": ("subnet",), "HNV_CMD_SUBNET_DEL": ("subnet",),
    "HNV_CMD_MAP_NEW": ("map", "switch"), "HNV_CMD_MAP_DEL": ("map", "switch"),
    "HNV_CMD_ROUTE_NEW": ("route",), "HNV_CMD_ROUTE_DEL": ("route",),
    "HNV_CMD_ACL_NEW": ("acl",), "HNV_CMD_ACL_DEL": ("acl",),
    "HNV_CMD_ACL_FLUSH": ("acl",),
}
READ_ONLY = {"HNV_CMD_SWITCH_GET", "HNV_CMD_PORT_GET", "HNV_CMD_SUBNET_GET",
             "HNV_CMD_FLOW_GET", "HNV_CMD_FLOW_FLUSH", "HNV_CMD_MAP_GET",
             "HNV_CMD_NEIGH_MISS", "HNV_CMD_ROUTE_GET", "HNV_CMD_ACL_GET",
             "HNV_CMD_CONN_GET", "HNV_CMD_TRACE"}


def changes(cmd):
    """Kinds a command may change; every kind for an unknown command."""
    if cmd in CHANGES:
        return CHANGES[cmd]
    return () if cmd in READ_ONLY else KINDS


# Attributes only ever in the kernel's answers: a request carrying one is
# refused (-EINVAL).
def output_only():
    return [("HNV_A_SWITCH_NPORTS", "u32", 1),
            ("HNV_A_SWITCH_STATS", "nest", []),
            ("HNV_A_PORT_STATS", "nest", []),
            ("HNV_A_SWITCH_NFLOWS", "u32", 1),
            ("HNV_A_SWITCH_NMAPS", "u32", 1),
            ("HNV_A_MISS_ADDR", "bin", ip("10.1.1.99")),
            ("HNV_A_CONN", "nest", []), ("HNV_A_TRACE", "nest", []),
            ("HNV_A_SWITCH_NCONNS", "u32", 1)]


# --- the valid requests, by area ----------------------------------------------

def switch_port_gets():
    return [
        T("HNV_CMD_SWITCH_GET", [SWI(other=None)], n=1),
        T("HNV_CMD_SWITCH_GET", [SWN(other=None)], n=1),
        T("HNV_CMD_SWITCH_GET", [SWI(req=False, other=INV, both=True),
                                 SWN(req=False, both=True)], n=1),
        T("HNV_CMD_SWITCH_GET", [SWN(req=False, other=None)], dump=True, n=1),
        T("HNV_CMD_SWITCH_GET", [], dump=True, n=2),
        T("HNV_CMD_PORT_GET", [PN("pa", other=None)], n=1),
        T("HNV_CMD_PORT_GET", [SWI(req=False), PI("pb")], n=1),
        T("HNV_CMD_PORT_GET", [SWN(req=False, other=None)], dump=True, n=3),
        T("HNV_CMD_PORT_GET", [], dump=True, n=4),
    ]


def subnets():
    return [
        T("HNV_CMD_SUBNET_NEW", [
            SWN(other=None), VSID(5999),
            U32("HNV_A_RDID", 9, 1, req=True),
            U8("HNV_A_ENCAP", 2, 1, 2),
            PFX("HNV_A_SUBNET_PREFIX4", "10.99.0.0", 16, "10.99.0.254",
                lo=8, hi=30, bad_addr=[("10.99.0.1", INV)],
                bad_gw=[("10.99.0.0", INV), ("10.99.255.255", INV),
                        ("10.98.0.1", INV)]),
            PFX("HNV_A_SUBNET_PREFIX6", "fd00:99::", 64, "fd00:99::fe",
                lo=16, hi=126, bad_addr=[("fd00:99::1", INV)],
                bad_gw=[("fd00:99::", INV), ("fd00:98::1", INV)])]),
        T("HNV_CMD_SUBNET_NEW", [SWI(other=None), VSID(5001),
                                 U32("HNV_A_RDID", 1, 1, req=True)],
          expect=E.EEXIST),
        T("HNV_CMD_SUBNET_NEW", [
            SWN(other=None), VSID(5998), U32("HNV_A_RDID", 1, 1, req=True),
            PFX("HNV_A_SUBNET_PREFIX4", "10.1.1.128", 25, lo=8, hi=30)],
          expect=E.EEXIST),
        T("HNV_CMD_SUBNET_DEL", [SWI(other=NOENT), VSID(7001, none=NOENT)]),
        T("HNV_CMD_SUBNET_DEL", [SWN(other=None), VSID(5001)],
          expect=E.EBUSY),
        T("HNV_CMD_SUBNET_GET", [SWN(other=None), VSID(5001, none=NOENT)],
          n=1),
        T("HNV_CMD_SUBNET_GET", [SWI(req=False, other=None)], dump=True,
          n=4),
        T("HNV_CMD_SUBNET_GET", [], dump=True, n=5),
    ]


def port_sets():
    return [
        T("HNV_CMD_PORT_SET", [
            PN("pc", other=NOENT),
            A("HNV_A_VSID", "u32", 5002, req=True,
              bad=[(4095, RNG), (16777215, RNG), (0xFFFFFFFF, RNG),
                   (5999, NOENT), (0, INV)]),
            MACA("HNV_A_PORT_MAC", "02:00:00:00:00:0c", req=True),
            LIST("HNV_A_PORT_CAS", ["10.1.2.13"], "cas",
                 item_bad=[("10.1.3.1", INV), ("10.1.2.1", INV),
                           ("10.1.2.0", INV), ("10.1.2.255", INV),
                           ("fd00:1::13", INV)])]),
        T("HNV_CMD_PORT_SET", [
            SWN(req=False), PI("pa"), VSID(5001, none=NOENT),
            MACA("HNV_A_PORT_MAC", "02:00:00:00:00:0a", req=True),
            LIST("HNV_A_PORT_CAS", ["10.1.1.11", "fd00:1::11"], "cas",
                 item_bad=[("fd00:2::1", INV), ("10.1.1.12", EX),
                           ("fd00:1::1", INV), ("10.1.1.1", INV)])]),
        T("HNV_CMD_PORT_SET", [PN("pb", other=None),
                               A("HNV_A_VSID", "u32", 0, req=True)]),
    ]


def flows():
    return [
        T("HNV_CMD_FLOW_GET", [SWN(req=False, other=None),
                               PN("pa", req=False)], dump=True),
        T("HNV_CMD_FLOW_GET", [], dump=True),
        T("HNV_CMD_FLOW_FLUSH", [SWI(), PN("pa", req=False)]),
        T("HNV_CMD_FLOW_FLUSH", [SWN(other=None)]),
        T("HNV_CMD_CONN_GET", [SWN(req=False, other=None)], dump=True),
        T("HNV_CMD_CONN_GET", [], dump=True),
    ]


def switch_sets():
    # Changing the provider addresses or the VXLAN port opens and closes
    # sockets, which is slow: #1 keeps the addresses and changes the port,
    # #2 removes the addresses.
    pas = ["192.168.1.10", "192.168.1.11"]
    return [
        T("HNV_CMD_SWITCH_SET", [
            SWN(other=None),
            U32("HNV_A_SWITCH_UFT_MAX", 1000, 1, 16777216),
            U32("HNV_A_SWITCH_UFT_PORT_MAX", 500, 1, 16777216),
            U32("HNV_A_SWITCH_UFT_IDLE_MS", 5000, 100, 3600000),
            U32("HNV_A_SWITCH_MAPS_MAX", 100000, 1, 16777216),
            A("HNV_A_SWITCH_VXLAN_PORT", "u16", 4790, bad=[(0, RNG)]),
            LIST("HNV_A_SWITCH_PAS", pas, "pas", item_bad=BAD_PAS,
                 empty_ok=True),
            U8("HNV_A_SWITCH_STRICT", 1, 0, 1),
            U8("HNV_A_SWITCH_NVGRE_FLOWID", 0, 0, 1),
            MACA("HNV_A_SWITCH_ROUTER_MAC", "02:48:4e:56:00:02"),
            U32("HNV_A_SWITCH_CONN_TIMEOUT", 60, 1, 864000),
            U32("HNV_A_SWITCH_CONN_TCP_TIMEOUT", 7200, 1, 864000)]),
        T("HNV_CMD_SWITCH_SET", [SWI(other=None),
                                 LIST("HNV_A_SWITCH_PAS", [], "pas",
                                      empty_ok=True)]),
    ]


def maps():
    return [
        T("HNV_CMD_MAP_NEW", [
            SWI(other=None), VSID(5001, none=NOENT),
            MACA("HNV_A_MAP_MAC", "02:00:00:00:09:01", req=True),
            ADDR("HNV_A_MAP_CA", "10.1.1.91", sizes=(4, 16),
                 bad=[("10.1.1.21", EX)]),
            ADDR("HNV_A_MAP_PA", "192.168.2.91", req=True, bad=BAD_PAS)]),
        T("HNV_CMD_MAP_NEW", [
            SWN(other=None), VSID(5001, none=NOENT),
            MACA("HNV_A_MAP_MAC", "02:00:00:00:01:01", req=True),
            ADDR("HNV_A_MAP_CA", "fd00:1::91", sizes=(4, 16),
                 bad=[("fd00:1::23", EX)]),
            ADDR("HNV_A_MAP_PA", "192.168.2.99", req=True, bad=BAD_PAS),
            REPL()]),
        T("HNV_CMD_MAP_NEW", [
            SWN(other=NOENT), VSID(5002, none=NOENT),
            MACA("HNV_A_MAP_MAC", "02:00:00:00:01:02", req=True),
            ADDR("HNV_A_MAP_PA", "192.168.2.20", req=True, bad=BAD_PAS)],
          expect=E.EEXIST),
        T("HNV_CMD_MAP_DEL", [
            SWI(other=NOENT), VSID(5001),
            MACA("HNV_A_MAP_MAC", "02:00:00:00:01:01", req=True,
                 bad=[(mac("02:00:00:00:09:09"), NOENT)])]),
        T("HNV_CMD_MAP_GET", [SWN(req=False, other=None),
                              VSID(5001, req=False)], dump=True, n=2),
        T("HNV_CMD_MAP_GET", [], dump=True, n=3),
        T("HNV_CMD_NEIGH_MISS", [SWI(), PI("pa"), VSID(5001),
                                 ADDR("HNV_A_MISS_ADDR", "10.1.1.99")],
          expect=E.EOPNOTSUPP),
        T("HNV_CMD_NEIGH_MISS", [], dump=True, expect=E.EOPNOTSUPP),
    ]


def route_prefix(addr, length, **kw):
    return PFX("HNV_A_ROUTE_PREFIX", addr, length, req=True, lo=0, hi=128,
               addr_sizes=(4, 16), **kw)


def routes():
    rdid = lambda: U32("HNV_A_RDID", 1, 1, req=True)  # noqa: E731
    return [
        T("HNV_CMD_ROUTE_NEW", [
            SWN(other=None), rdid(),
            route_prefix("10.8.0.0", 16, bad_len=[(33, INV)],
                         bad_addr=[("10.8.0.1", INV)]),
            ADDR("HNV_A_ROUTE_VIA", "10.1.1.12", req=True, sizes=(4, 16),
                 bad=[("10.1.1.1", INV), ("10.5.5.5", INV),
                      ("fd00:1::11", INV)])]),
        T("HNV_CMD_ROUTE_NEW", [
            SWI(other=INV), rdid(),
            route_prefix("fd00:8::", 48, bad_addr=[("fd00:8::1", INV)]),
            ADDR("HNV_A_ROUTE_VIA", "fd00:1::11", req=True, sizes=(4, 16),
                 bad=[("fd00:1::1", INV), ("10.1.1.11", INV)])]),
        T("HNV_CMD_ROUTE_NEW", [
            SWN(other=None), rdid(), route_prefix("10.9.0.0", 16),
            ADDR("HNV_A_ROUTE_VIA", "10.1.1.11", req=True, sizes=(4, 16)),
            REPL()]),
        T("HNV_CMD_ROUTE_DEL", [
            SWI(other=NOENT), rdid(),
            route_prefix("10.9.0.0", 16, bad_addr=[("10.7.0.0", NOENT)])]),
        T("HNV_CMD_ROUTE_GET", [SWN(req=False, other=None),
                                U32("HNV_A_RDID", 1, 1)], dump=True, n=2),
        T("HNV_CMD_ROUTE_GET", [], dump=True, n=2),
    ]


# An ACL's target missing: the kernel reports HNV_A_VSID (a port selector
# or HNV_A_VSID).
ACL_TARGET = "HNV_A_VSID"


def acl_prefix(name, addr, length, **kw):
    return PFX(name, addr, length, lo=0, hi=128, addr_sizes=(4, 16), **kw)


def acl_news():
    dir_in = U8("HNV_ACL_A_DIR", 1, 1, 2, req=True)
    dir_out = U8("HNV_ACL_A_DIR", 2, 1, 2, req=True)
    prio = lambda v: U32("HNV_ACL_A_PRIORITY", v, 1, 65535,  # noqa: E731
                         req=True)
    return [
        T("HNV_CMD_ACL_NEW", [PN("pa", other=None, miss=ACL_TARGET),
                              NEST("HNV_A_ACL", [
            dir_in, prio(200),
            U8("HNV_ACL_A_ACTION", 2, 1, 2, req=True),
            A("HNV_ACL_A_PROTO", "u8", 6, bad=[(1, INV), (58, INV)]),
            acl_prefix("HNV_ACL_A_SRC", "10.1.0.0", 16, bad_len=[(33, INV)],
                       bad_addr=[("10.1.0.1", INV), ("fd00::", INV)]),
            acl_prefix("HNV_ACL_A_DST", "10.1.2.0", 24),
            A("HNV_ACL_A_SPORT_MIN", "u16", 1000),
            A("HNV_ACL_A_SPORT_MAX", "u16", 2000, bad=[(999, INV)]),
            A("HNV_ACL_A_DPORT_MIN", "u16", 80, bad=[(81, INV)]),
            A("HNV_ACL_A_DPORT_MAX", "u16", 80)], req=True)]),
        T("HNV_CMD_ACL_NEW", [SWN(other=None), VSID(5001), NEST("HNV_A_ACL", [
            dir_out, U8("HNV_ACL_A_ACTION", 1, 1, 1, req=True),
            A("HNV_ACL_A_STATEFUL", "flag", 0),
            A("HNV_ACL_A_DEFAULT", "flag", 0)], req=True)]),
        T("HNV_CMD_ACL_NEW", [PN("pb", other=None, miss=ACL_TARGET),
                              NEST("HNV_A_ACL", [
            dir_in, prio(100), U8("HNV_ACL_A_ACTION", 2, 1, 2, req=True),
            A("HNV_ACL_A_PROTO", "u8", 17),
            A("HNV_ACL_A_DPORT_MIN", "u16", 443)], req=True), REPL()]),
        T("HNV_CMD_ACL_NEW", [SWI(other=None), VSID(6001), NEST("HNV_A_ACL", [
            dir_in, prio(5), U8("HNV_ACL_A_ACTION", 1, 1, 2, req=True),
            acl_prefix("HNV_ACL_A_SRC", "fd00::", 16,
                       bad_len=[(129, RNG)])], req=True)]),
    ]


def acls():
    dir_in = U8("HNV_ACL_A_DIR", 1, 1, 2, req=True)
    return acl_news() + [
        T("HNV_CMD_ACL_DEL", [PN("pb", other=NOENT, miss=ACL_TARGET),
                              NEST("HNV_A_ACL", [
            dir_in, A("HNV_ACL_A_PRIORITY", "u32", 100, req=True,
                      bad=[(0, RNG), (65536, RNG), (101, NOENT)])],
            req=True)]),
        T("HNV_CMD_ACL_DEL", [SWN(other=NOENT), VSID(5002, none=NOENT),
                              NEST("HNV_A_ACL", [
                                  dir_in, A("HNV_ACL_A_DEFAULT", "flag", 0,
                                            req=True,
                                            miss="HNV_ACL_A_PRIORITY")],
                                   req=True)]),
        T("HNV_CMD_ACL_GET", [SWN(req=False, other=None)], dump=True, n=4),
        T("HNV_CMD_ACL_GET", [PN("pb", req=False, other=None)], dump=True,
          n=1),
        T("HNV_CMD_ACL_GET", [SWI(req=False, other=None),
                              VSID(5001, req=False)], dump=True, n=1),
        # A direction needs a port or a VSID (reported as HNV_A_VSID);
        # without a port, the switch is missing.
        T("HNV_CMD_ACL_FLUSH", [SWN(other=None), VSID(5001),
                                NEST("HNV_A_ACL", [U8("HNV_ACL_A_DIR", 2, 1,
                                                      2)], empty_ok=True)]),
        T("HNV_CMD_ACL_FLUSH", [PN("pa", other=None,
                                   miss="HNV_A_SWITCH_IFINDEX")]),
        T("HNV_CMD_ACL_FLUSH", [SWI(other=None)]),
    ]


def traces():
    def flow(*kids):
        return NEST("HNV_A_FLOW", list(kids), req=True)

    def addr(name, s, req=True, **kw):
        return ADDR(name, s, req=req, sizes=(4, 16), **kw)
    proto = lambda v: A("HNV_FLOW_A_IP_PROTO", "u8", v,  # noqa: E731
                        req=True)
    return [
        T("HNV_CMD_TRACE", [PN("pa", other=None), flow(
            proto(6), addr("HNV_FLOW_A_IP_SRC", "10.1.1.11"),
            addr("HNV_FLOW_A_IP_DST", "10.1.2.12", bad=[("fd00::1", INV)]),
            be16("HNV_FLOW_A_L4_SRC", 40000),
            be16("HNV_FLOW_A_L4_DST", 80))], n=1),
        T("HNV_CMD_TRACE", [SWN(req=False), PI("pb"), flow(
            proto(58),
            addr("HNV_FLOW_A_IP_SRC", "fd00:1::12", bad=[("10.1.1.12", INV)]),
            addr("HNV_FLOW_A_IP_DST", "fd00:1::11"),
            BIN("HNV_FLOW_A_ETH_SRC", mac("02:00:00:00:00:0b"), (6,)),
            BIN("HNV_FLOW_A_ETH_DST", mac("02:00:00:00:00:0a"), (6,)))],
          n=1),
        T("HNV_CMD_TRACE", [PN("hnv0", other=None), flow(
            proto(17), addr("HNV_FLOW_A_IP_SRC", "10.1.1.21"),
            addr("HNV_FLOW_A_IP_DST", "10.1.1.11"),
            VSID(5001).copy(name="HNV_FLOW_A_VSID", type=U.HNV_FLOW_A_VSID,
                            miss="HNV_FLOW_A_VSID"),
            ADDR("HNV_FLOW_A_TUN_SRC", "192.168.2.20", req=True),
            be16("HNV_FLOW_A_L4_SRC", 5353),
            be16("HNV_FLOW_A_L4_DST", 53))], n=1),
    ]


def templates():
    """{command: [T, ...]}: valid requests on the namespace above."""
    t = {}
    for area in (switch_port_gets, subnets, port_sets, flows, switch_sets,
                 maps, routes, acls, traces):
        for tmpl in area():
            t.setdefault(tmpl.cmd, []).append(tmpl)
    return t
