# SPDX-License-Identifier: GPL-2.0
"""A raw generic-netlink socket: message encoding, sending one datagram
and collecting every answer, and decoding the answers to one request
into an Outcome (success, errno with its extack, silence, or unclean)."""

import errno
import select
import socket
import struct
import sys

NETLINK_GENERIC = 16
SOL_NETLINK = 270
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11
SO_RCVBUFFORCE = 33
NLM_F_REQUEST = 0x1
NLM_F_MULTI = 0x2
NLM_F_ACK = 0x4
NLM_F_ECHO = 0x8
NLM_F_DUMP_INTR = 0x10
NLM_F_ROOT = 0x100
NLM_F_MATCH = 0x200
NLM_F_DUMP = 0x300
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200
NLMSG_NOOP = 0x1
NLMSG_ERROR = 0x2
NLMSG_DONE = 0x3
NLMSG_MIN_TYPE = 0x10
NLMSGERR_ATTR_MSG = 1
NLMSGERR_ATTR_OFFS = 2
NLMSGERR_ATTR_MISS_TYPE = 5
NLA_F_NESTED = 0x8000
NLA_F_NET_BYTEORDER = 0x4000
NLA_TYPE_MASK = 0x3FFF
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
HDR = struct.Struct("=IHHII")
GENLHDR = struct.Struct("=BBH")

# Pseudo message types exchange() reports problems with.
MSG_TIMEOUT, MSG_MALFORMED, MSG_REFUSED = -1, -2, -3


def errname(e):
    if e == errno.EOPNOTSUPP:
        return "EOPNOTSUPP"
    return errno.errorcode.get(e, str(e))


def diag(text):
    """Print @text as KTAP diagnostics ("# " lines)."""
    for line in str(text).splitlines() or [""]:
        print("# " + line)
    sys.stdout.flush()


def align4(n):
    return (n + 3) & ~3


def nla(atype, payload):
    """An attribute's bytes, padded."""
    return struct.pack("=HH", 4 + len(payload), atype) + payload + \
        b"\0" * (align4(len(payload)) - len(payload))


def genl_msg(fam, cmd, attrs, flags, seq, version=1, reserved=0):
    body = GENLHDR.pack(cmd, version, reserved) + attrs
    return HDR.pack(16 + len(body), fam, flags, seq, 0) + body


def seq_of(msg):
    """The nlmsg_seq of message @msg."""
    return struct.unpack_from("=I", msg, 8)[0]


def parse_attrs(data):
    """[(type, payload)] of a stream of attributes (flags masked)."""
    out = []
    off = 0
    while off + 4 <= len(data):
        alen, atype = struct.unpack_from("=HH", data, off)
        if alen < 4 or off + alen > len(data):
            break
        out.append((atype & NLA_TYPE_MASK, bytes(data[off + 4:off + alen])))
        off += align4(alen)
    return out


class Outcome:
    """What the kernel answered to one request.

    status: ok (success: an ACK, a reply, or a dump ending in DONE 0),
    err (an NLMSG_ERROR or a dump's NLMSG_DONE with a negative errno),
    silent (nothing at all), refused (sendmsg() failed: errno) or bad
    (not a clean answer: detail says why).  msg, offs and miss are the
    extack's message, offset and missing attribute type.
    """

    __slots__ = ("status", "errno", "msg", "offs", "miss", "data", "done",
                 "detail", "intr")

    def __init__(self, status, err=0, msg=None, offs=None, miss=None,
                 data=(), done=False, detail=""):
        self.status = status
        self.errno = err
        self.msg = msg
        self.offs = offs
        self.miss = miss
        self.data = data
        self.done = done
        self.detail = detail
        self.intr = False

    def key(self):
        """The class of the answer: what "the same answer" compares."""
        return self.status if self.status != "err" else \
            "err " + errname(self.errno)

    def __str__(self):
        if self.status == "ok":
            return "ok (%d messages)" % len(self.data)
        if self.status == "err":
            s = "%s%s msg=%r offs=%s" % (
                "DONE " if self.done else "", errname(self.errno), self.msg,
                "-" if self.offs is None else self.offs)
            if self.miss is not None:
                s += " miss=%d" % self.miss
            return s
        return self.status + (": " + self.detail if self.detail else "")


class Nl:
    """A generic netlink socket that sends raw bytes and collects answers.
    @sent counts the datagrams sent."""

    def __init__(self, timeout=30.0):
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                                  NETLINK_GENERIC)
        self.sock.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        # Errors echo the request's header only: the TLVs follow at once.
        self.sock.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 8 << 20)
        except OSError:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
        self.sock.bind((0, 0))
        self.timeout = timeout
        self.buf = bytearray(1 << 20)
        self.seq = 1000
        self.sent = 0
        ids = self.families()
        if "hnv" not in ids:
            raise OSError(errno.ENOENT, "no generic netlink family hnv")
        self.fam = ids["hnv"]
        self.family_ids = set(ids.values())

    def next_seq(self):
        self.seq = (self.seq + 1) & 0xFFFFFFFF or 1
        return self.seq

    def families(self):
        """{name: id} of every registered generic netlink family."""
        body = GENLHDR.pack(CTRL_CMD_GETFAMILY, 1, 0)
        msgs = self.exchange(HDR.pack(16 + len(body), GENL_ID_CTRL,
                                      NLM_F_REQUEST | NLM_F_DUMP,
                                      self.next_seq(), 0) + body)
        out = {}
        for mtype, _, _, payload in msgs:
            if mtype != GENL_ID_CTRL:
                continue
            a = dict(parse_attrs(payload[4:]))
            if CTRL_ATTR_FAMILY_ID in a and CTRL_ATTR_FAMILY_NAME in a:
                name = a[CTRL_ATTR_FAMILY_NAME].rstrip(b"\0").decode()
                out[name] = struct.unpack("=H", a[CTRL_ATTR_FAMILY_ID][:2])[0]
        return out

    def _recv(self, block):
        if block and not select.select([self.sock], [], [], self.timeout)[0]:
            return None
        try:
            n = self.sock.recv_into(self.buf, 0, socket.MSG_DONTWAIT)
        except BlockingIOError:
            return None
        return bytes(self.buf[:n])

    def exchange(self, data, last=None):
        """Send @data (one datagram); every answer message, in order, as
        (type, flags, seq, payload).

        The kernel handles a request while it is sent, so its answers (and
        a dump's first part; the next parts come as they are read) are
        queued when send() returns: read until the queue is empty and no
        dump is half-way; or, given the sequence number @last of the last
        request, until its NLMSG_ERROR or NLMSG_DONE (an answer that would
        still follow shows as a stray one at the next request)."""
        self.sent += 1
        try:
            self.sock.send(data)
        except OSError as e:
            # sendmsg() itself refused it: no request reached the kernel.
            return [(MSG_REFUSED, e.errno, 0, b"")]
        out = []
        open_dump = set()
        while True:
            d = self._recv(block=bool(open_dump))
            if d is None:
                if open_dump:
                    out.append((MSG_TIMEOUT, 0, 0,
                                b"timeout: a dump never ended"))
                return out
            off = 0
            while off + 16 <= len(d):
                mlen, mtype, mflags, mseq, _ = HDR.unpack_from(d, off)
                if mlen < 16 or off + mlen > len(d):
                    out.append((MSG_MALFORMED, 0, 0, b"malformed answer"))
                    return out
                out.append((mtype, mflags, mseq, d[off + 16:off + mlen]))
                if mtype in (NLMSG_DONE, NLMSG_ERROR):
                    open_dump.discard(mseq)
                    if mseq == last and off + align4(mlen) >= len(d) and \
                            not open_dump:
                        return out
                elif mflags & NLM_F_MULTI:
                    open_dump.add(mseq)
                off += align4(mlen)


def decode_error(payload, mflags, done):
    """(errno, extack message, offset, missing type) of an ERROR/DONE."""
    (err,) = struct.unpack_from("=i", payload)
    if done:
        off = 4
    else:
        olen = struct.unpack_from("=I", payload, 4)[0]
        off = align4(4 + (16 if mflags & NLM_F_CAPPED else olen))
    msg = offs = miss = None
    if mflags & NLM_F_ACK_TLVS:
        for t, v in parse_attrs(payload[off:]):
            if t == NLMSGERR_ATTR_MSG:
                msg = v.rstrip(b"\0").decode(errors="replace")
            elif t == NLMSGERR_ATTR_OFFS and len(v) == 4:
                offs = struct.unpack("=I", v)[0]
            elif t == NLMSGERR_ATTR_MISS_TYPE and len(v) == 4:
                miss = struct.unpack("=I", v)[0]
    return -err, msg, offs, miss


def summarize(msgs, req, fam):
    """The Outcome of the answers @msgs to the single request @req."""
    if not msgs:
        return Outcome("silent")
    if msgs[0][0] == MSG_REFUSED:
        return Outcome("refused", msgs[0][1], detail="by sendmsg(): " +
                       errname(msgs[0][1]))
    o = _single_error(msgs, req) or _summarize(msgs, req, fam)
    o.intr = any(m[1] & NLM_F_DUMP_INTR for m in msgs if m[0] >= 0)
    return o


def _single_error(msgs, req):
    """The common answer, quickly: one NLMSG_ERROR (or ACK) that is
    clean; None for anything else."""
    if len(msgs) != 1 or msgs[0][0] != NLMSG_ERROR:
        return None
    rlen, _, rflags, rseq, _ = HDR.unpack_from(req)
    _, mflags, mseq, payload = msgs[0]
    if mseq != rseq or len(payload) < 20 or payload[4:20] != req[:16] or \
            not mflags & NLM_F_CAPPED:
        return None
    err, msg, offs, miss = decode_error(payload, mflags, False)
    if 0 < err < 4096 and (offs is None or 20 <= offs < rlen):
        return Outcome("err", err, msg, offs, miss)
    if err == 0 and rflags & NLM_F_ACK:
        return Outcome("ok", msg=msg)
    return None


def _summarize(msgs, req, fam):
    rlen, _, rflags, rseq, _ = HDR.unpack_from(req)
    data = []
    for i, (mtype, mflags, mseq, payload) in enumerate(msgs):
        last = i == len(msgs) - 1
        if mtype < 0:
            return Outcome("bad", detail=payload.decode())
        if mseq != rseq:
            return Outcome("bad", detail="answer seq %d, request %d" %
                           (mseq, rseq))
        if mtype == fam:
            if last:
                # A doit reply without an ACK (no NLM_F_ACK): fine.
                if rflags & NLM_F_ACK or mflags & NLM_F_MULTI:
                    return Outcome("bad", detail="no ACK/DONE after replies")
                return Outcome("ok", data=data + [payload])
            data.append(payload)
            continue
        if mtype not in (NLMSG_ERROR, NLMSG_DONE):
            return Outcome("bad", detail="answer of type %d" % mtype)
        if not last:
            return Outcome("bad", detail="messages after the %s" %
                           ("ERROR" if mtype == NLMSG_ERROR else "DONE"))
        done = mtype == NLMSG_DONE
        if len(payload) < (4 if done else 20):
            return Outcome("bad", detail="short ERROR/DONE")
        err, msg, offs, miss = decode_error(payload, mflags, done)
        if not done and payload[4:20] != req[:16]:
            return Outcome("bad", detail="the error does not echo the "
                           "request's header")
        if err < 0 or err > 4095:
            return Outcome("bad", detail="errno %d is not a negative errno"
                           % -err)
        if offs is not None and not 20 <= offs < rlen:
            return Outcome("bad", detail="extack offset %d outside the "
                           "attributes (message of %d bytes)" % (offs, rlen))
        if err == 0:
            if not done and not rflags & NLM_F_ACK:
                return Outcome("bad", detail="ACK not asked for")
            return Outcome("ok", data=data, done=done, msg=msg)
        return Outcome("err", err, msg, offs, miss, data, done)
    return Outcome("bad", detail="unreachable")
