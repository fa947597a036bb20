#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Unload and reload hnv.ko N times from one process, for lifecycle.sh.

Under TCG every process costs a few hundred milliseconds, so a cycle of
rmmod, modprobe, ip and hnvctl took seconds; here a cycle is system
calls and netlink requests.  Runs in the switch's network namespace
(ip netns exec), where the ports pc1 and pc2 are.  Each cycle:

  unload  delete_module(O_NONBLOCK), retried while the module is in use
          (10 s at most); then /sys/module/hnv and hnv0 must be gone;
  reload  finit_module(MODULE, PARAMS) (its dependencies stay loaded);
          hnv0 created and up (rtnetlink), pc1 and pc2 its ports, subnet
          5001 and both ports bound in it (the hnv family, looked up
          anew: the module registers it again);
  every CHECK-th cycle and the last: traffic crosses the new switch
          (pc1 transmits what c2 keeps sending to c1) within 10 s.

Prints "# N cycles in S s (T s a cycle)" and exits 0, or prints the
first failure and exits 1.

usage: lifecycle_cycles.py MODULE PARAMS N CHECK
"""
import ctypes
import errno
import os
import socket
import struct
import sys
import time

from hnv_nl import Genl, nla, parse_attrs

SYS_DELETE_MODULE = 176		# x86_64
SYS_FINIT_MODULE = 313
NETLINK_ROUTE = 0
NLM_F_REQUEST, NLM_F_ACK, NLM_F_EXCL, NLM_F_CREATE = 0x1, 0x4, 0x200, 0x400
NLMSG_ERROR = 2
RTM_NEWLINK, RTM_SETLINK = 16, 19
IFLA_IFNAME, IFLA_MASTER, IFLA_LINKINFO, IFLA_INFO_KIND = 3, 10, 18, 1
NLA_F_NESTED = 0x8000
IFF_UP = 1
GENL_ID_CTRL, CTRL_CMD_GETFAMILY = 0x10, 3
CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME = 1, 2
# uapi/linux/hnv.h
HNV_CMD_SUBNET_NEW, HNV_CMD_PORT_SET = 3, 6
HNV_A_SWITCH_IFNAME, HNV_A_PORT_IFNAME, HNV_A_VSID, HNV_A_RDID = 2, 6, 8, 9
HNV_A_PORT_MAC = 11
PORTS = {"pc1": "02:00:00:00:50:01", "pc2": "02:00:00:00:50:02"}

libc = ctypes.CDLL(None, use_errno=True)


class Failed(Exception):
    pass


def ask(sock, mtype, flags, payload, what):
    """One request, its replies' payloads; an error raises Failed."""
    seq = int(time.monotonic_ns() & 0x7FFFFFFF)
    sock.send(struct.pack("IHHII", 16 + len(payload), mtype,
                          flags | NLM_F_REQUEST | NLM_F_ACK, seq, 0) +
              payload)
    replies = []
    while True:
        data = sock.recv(1 << 16)
        off = 0
        while off + 16 <= len(data):
            mlen, t, _, s, _ = struct.unpack_from("IHHII", data, off)
            if mlen < 16:
                raise Failed("%s: a malformed answer" % what)
            if s == seq and t == NLMSG_ERROR:
                (err,) = struct.unpack_from("i", data, off + 16)
                if err:
                    raise Failed("%s: %s" % (what, os.strerror(-err)))
                return replies
            if s == seq:
                replies.append(data[off + 16:off + mlen])
            off += (mlen + 3) & ~3


def unload(deadline=10.0):
    end = time.monotonic() + deadline
    while libc.syscall(SYS_DELETE_MODULE, b"hnv", os.O_NONBLOCK):
        e = ctypes.get_errno()
        if e not in (errno.EWOULDBLOCK, errno.EBUSY) or \
           time.monotonic() > end:
            raise Failed("unload: %s (refcount %s)" % (
                os.strerror(e), open("/sys/module/hnv/refcnt").read().strip()
                if os.path.exists("/sys/module/hnv/refcnt") else "?"))
        time.sleep(0.02)
    if os.path.exists("/sys/module/hnv"):
        raise Failed("unload: /sys/module/hnv is still there")
    if "hnv0" in (n for _, n in socket.if_nameindex()):
        raise Failed("unload: hnv0 survived the module")


def load(module, params):
    fd = os.open(module, os.O_RDONLY)
    try:
        if libc.syscall(SYS_FINIT_MODULE, fd, params.encode(), 0):
            raise Failed("reload: %s" % os.strerror(ctypes.get_errno()))
    finally:
        os.close(fd)


def ifinfo(index=0, flags=0, change=0):
    return struct.pack("BBHiII", socket.AF_UNSPEC, 0, 0, index, flags,
                       change)


def switch_up(rt, genl):
    ask(rt, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL,
        ifinfo(flags=IFF_UP, change=IFF_UP) +
        nla(IFLA_IFNAME, b"hnv0\0") +
        nla(IFLA_LINKINFO | NLA_F_NESTED, nla(IFLA_INFO_KIND, b"hnv")),
        "create hnv0")
    sw = socket.if_nametoindex("hnv0")
    for port in PORTS:
        ask(rt, RTM_SETLINK, 0,
            ifinfo(socket.if_nametoindex(port)) +
            nla(IFLA_MASTER, struct.pack("I", sw)), "enslave " + port)
    fam = family(genl)
    hdr = struct.pack("BBH", HNV_CMD_SUBNET_NEW, 1, 0)
    ask(genl, fam, 0, hdr + nla(HNV_A_SWITCH_IFNAME, b"hnv0\0") +
        nla(HNV_A_VSID, struct.pack("I", 5001)) +
        nla(HNV_A_RDID, struct.pack("I", 1)), "subnet add")
    for port, mac in PORTS.items():
        hdr = struct.pack("BBH", HNV_CMD_PORT_SET, 1, 0)
        ask(genl, fam, 0, hdr + nla(HNV_A_PORT_IFNAME, port.encode() + b"\0") +
            nla(HNV_A_VSID, struct.pack("I", 5001)) +
            nla(HNV_A_PORT_MAC, bytes.fromhex(mac.replace(":", ""))),
            "bind " + port)


def family(genl):
    payload = struct.pack("BBH", CTRL_CMD_GETFAMILY, 1, 0) + \
        nla(CTRL_ATTR_FAMILY_NAME, b"hnv\0")
    for body in ask(genl, GENL_ID_CTRL, 0, payload, "family hnv"):
        attrs = parse_attrs(body[4:])
        if CTRL_ATTR_FAMILY_ID in attrs:
            return struct.unpack("H", attrs[CTRL_ATTR_FAMILY_ID][:2])[0]
    raise Failed("family hnv: not in the answer")


def tx_packets():
    with open("/sys/class/net/pc1/statistics/tx_packets") as f:
        return int(f.read())


def flowing(within=10.0):
    """pc1 transmits 20 more packets within @within seconds."""
    start, end = tx_packets(), time.monotonic() + within
    while time.monotonic() < end:
        if tx_packets() > start + 20:
            return
        time.sleep(0.1)
    raise Failed("no traffic across the new switch (pc1 sent %d in %.0f s)"
                 % (tx_packets() - start, within))


def main():
    module, params, n, check = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
        int(sys.argv[4])
    rt = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_ROUTE)
    rt.bind((0, 0))
    rt.settimeout(10)
    genl = Genl().sock
    t0 = time.monotonic()
    i = 0
    try:
        for i in range(1, n + 1):
            unload()
            load(module, params)
            switch_up(rt, genl)
            if i % check == 0 or i == n:
                flowing()
    except (Failed, OSError) as e:
        print("cycle %d: %s" % (i, e))
        return 1
    secs = time.monotonic() - t0
    print("# %d cycles in %.0f s (%.2f s a cycle)" % (n, secs, secs / n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
