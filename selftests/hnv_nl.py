#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Raw generic-netlink requests to the hnv family, for malformed-input tests.

hnvctl only ever sends well-formed requests; this sends exactly the bytes a
test describes and prints the kernel's answer:

    hnv_nl.py CMD [--dump] [--flags N] [--attr TYPE:KIND:VALUE ...]
              [--truncate N] [--reserved N]

KIND is u8, u16, u32, u64, str (NUL-terminated) or hex.  CMD is a number or
one of the HNV_CMD_* names without the prefix (switch_get, port_get, ...).

Output: "ok N" (N reply messages) or
        "error ERRNO_NAME msg=<extack message>[ miss=<missing attribute
        type>] offs=<offset or ->" + exit 1.
"""

import argparse
import errno
import os
import socket
import struct
import sys

NETLINK_GENERIC = 16
NETLINK_EXT_ACK = 11
SOL_NETLINK = 270
NLM_F_REQUEST = 0x1
NLM_F_ACK = 0x4
NLM_F_DUMP = 0x300
NLMSG_ERROR = 0x2
NLMSG_DONE = 0x3
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200
NLMSGERR_ATTR_MSG = 1
NLMSGERR_ATTR_OFFS = 2
NLMSGERR_ATTR_MISS_TYPE = 5
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2

CMDS = {"switch_get": 1, "port_get": 2, "subnet_new": 3, "subnet_del": 4,
        "subnet_get": 5, "port_set": 6, "flow_get": 7, "flow_flush": 8,
        "switch_set": 9}


def nla(atype, payload):
    hdr = struct.pack("HH", 4 + len(payload), atype)
    pad = b"\0" * ((4 - len(payload) % 4) % 4)
    return hdr + payload + pad


def encode(kind, value):
    if kind == "u8":
        return struct.pack("B", int(value, 0))
    if kind == "u16":
        return struct.pack("H", int(value, 0))
    if kind == "u32":
        return struct.pack("I", int(value, 0))
    if kind == "u64":
        return struct.pack("Q", int(value, 0))
    if kind == "str":
        return value.encode() + b"\0"
    if kind == "hex":
        return bytes.fromhex(value)
    raise SystemExit(f"hnv_nl.py: unknown attribute kind {kind}")


def parse_attrs(data):
    attrs = {}
    while len(data) >= 4:
        alen, atype = struct.unpack_from("HH", data)
        if alen < 4:
            break
        attrs[atype & 0x3FFF] = data[4:alen]
        data = data[(alen + 3) & ~3:]
    return attrs


class Genl:
    def __init__(self):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                                  NETLINK_GENERIC)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.sock.bind((0, 0))
        # The kernel answers every request; silence is a failure, not a hang.
        self.sock.settimeout(5)
        self.seq = 1

    def send(self, family, flags, payload, truncate=None):
        # --truncate cuts the message and its nlmsg_len alike, so the
        # header is consistent and the attributes inside are short.
        if truncate is not None:
            payload = payload[:truncate - 16]
        msg = struct.pack("IHHII", 16 + len(payload), family, flags,
                          self.seq, 0) + payload
        self.sock.send(msg)
        return self.seq

    def replies(self):
        """Yields (type, flags, payload) until DONE or an error/ack."""
        while True:
            data = self.sock.recv(1 << 20)
            while len(data) >= 16:
                mlen, mtype, mflags, _, _ = struct.unpack_from("IHHII", data)
                if mlen < 16:
                    return
                yield mtype, mflags, data[16:mlen]
                if mtype in (NLMSG_ERROR, NLMSG_DONE):
                    return
                data = data[(mlen + 3) & ~3:]

    def family_id(self, name):
        payload = struct.pack("BBH", CTRL_CMD_GETFAMILY, 1, 0)
        payload += nla(CTRL_ATTR_FAMILY_NAME, name.encode() + b"\0")
        self.send(GENL_ID_CTRL, NLM_F_REQUEST, payload)
        for mtype, _, body in self.replies():
            if mtype == NLMSG_ERROR:
                (err,) = struct.unpack_from("i", body)
                if err:
                    raise OSError(-err, os.strerror(-err))
                continue
            attrs = parse_attrs(body[4:])
            return struct.unpack("H", attrs[CTRL_ATTR_FAMILY_ID][:2])[0]
        raise OSError(errno.ENOENT, "no reply")


def errname(err):
    # errno.errorcode says ENOTSUP for 95; netlink users know EOPNOTSUPP.
    return "EOPNOTSUPP" if err == errno.EOPNOTSUPP else \
        errno.errorcode.get(err, str(err))


def decode_error(body, mflags, done=False):
    (err,) = struct.unpack_from("i", body)
    if err == 0:
        return 0, None, None
    if done:
        # NLMSG_DONE of a failed dump: the error, then the extack TLVs.
        skip = 4
    else:
        # nlmsgerr = error + the original header (+ payload unless capped).
        olen = struct.unpack_from("I", body, 4)[0]
        skip = 4 + (16 if mflags & NLM_F_CAPPED else olen)
    tlvs = parse_attrs(body[(skip + 3) & ~3:]) if mflags & NLM_F_ACK_TLVS \
        else {}
    msg = tlvs.get(NLMSGERR_ATTR_MSG, b"").rstrip(b"\0").decode()
    offs = tlvs.get(NLMSGERR_ATTR_OFFS)
    offs = struct.unpack("I", offs)[0] if offs else None
    miss = tlvs.get(NLMSGERR_ATTR_MISS_TYPE)
    if miss:
        msg += f" miss={struct.unpack('I', miss)[0]}"
    return -err, msg, offs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd")
    ap.add_argument("--dump", action="store_true")
    ap.add_argument("--version", type=int, default=1)
    ap.add_argument("--reserved", type=int, default=0)
    ap.add_argument("--attr", action="append", default=[])
    ap.add_argument("--truncate", type=int)
    args = ap.parse_args()

    g = Genl()
    try:
        fam = g.family_id("hnv")
    except OSError as e:
        print(f"error {errname(e.errno)} msg=family")
        return 1

    cmd = CMDS.get(args.cmd)
    cmd = int(args.cmd, 0) if cmd is None else cmd
    payload = struct.pack("BBH", cmd, args.version, args.reserved)
    for a in args.attr:
        atype, kind, value = a.split(":", 2)
        payload += nla(int(atype, 0), encode(kind, value))
    flags = NLM_F_REQUEST | NLM_F_ACK
    if args.dump:
        flags |= NLM_F_DUMP
    g.send(fam, flags, payload, args.truncate)

    n = 0
    try:
        for mtype, mflags, body in g.replies():
            if mtype in (NLMSG_ERROR, NLMSG_DONE) and body:
                err, msg, offs = decode_error(body, mflags,
                                              mtype == NLMSG_DONE)
                if err:
                    print(f"error {errname(err)} msg={msg or ''} "
                          f"offs={'-' if offs is None else offs}")
                    return 1
            elif mtype != NLMSG_DONE:
                n += 1
    except socket.timeout:
        print("timeout: no answer from the kernel")
        return 2
    print(f"ok {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
