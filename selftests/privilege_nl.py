#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Helper of privilege.sh: the hnv family's commands, each sent as a valid
request, under whatever credentials and in whatever namespaces it runs.

The commands are read from the uAPI header (enum hnv_cmd) and the kernel's
op list (CTRL_CMD_GETFAMILY), not from a list kept here, so that a new
command cannot be skipped: a command without a request template below is
reported as "notemplate", one this file cannot classify as "unknown".

    privilege_nl.py JOB [ARGS] [: JOB [ARGS]]...
    privilege_nl.py serve       the jobs of each line of stdin, each line
                                from the initial netns

runs the jobs one after the other, in one process (Python starts slowly in
the test VM), each output ending with a line "<end>":

    header      ID NAME CLASS (change, read, event or unknown)
    ops         ID NAME do|- dump|- PERM (uns-admin, admin,
                admin+uns-admin or none): the kernel's ops of the family
    probe [--sw S] [--port P] [--port2 P] [--snap-each] [--bare]
          [--as nobody|userns|nobody-userns] [--drop-privs]
          [--fd-from-nobody]
        for every command of the header and every way (do, dump) the
        kernel offers it: "NAME do|dump RESULT", RESULT "ok" or an errno
        name (EPERM, ENODEV, ...).  S, P and P2 select the switch, a bound
        port and an unbound one, by name or (all digits) by ifindex.
        --snap-each: after each request that succeeded, " changed" or
        " same": whether the namespace's dumps changed.  --bare: the
        requests carry no attribute at all, and the header's events and
        the command after the last are sent too.  --as: in a child
        process that becomes uid/gid 65534 without capabilities, root of
        a new user namespace (its uid mapped to 0, all capabilities
        there), or the latter made by the former, and then opens its
        socket (in the netns it was in).  --drop-privs: open the socket,
        then become uid 65534 (a child) and send.  --fd-from-nobody:
        send, with this process's credentials, on a socket that uid 65534
        opened.
    snap        every dump of the namespace, one line per object,
                "NAME sw=IFINDEX port=IFINDEX|- attr=hex...", counters and
                timers left out
    foreign     the lines of snap whose switch is no hnv device of the
                namespace, or whose port no device of it
    links       INDEX NAME KIND MASTER up|down: the devices of the netns
    waitflow SW [SECONDS]   wait until switch SW (ifindex) has a flow
    write PATH VALUE        write a file (a sysctl of the netns)
    netns NAME  go to netns NAME (of "ip netns"; "-": back)
    subscribe NAME [--drop-privs]
        join the family's "events" group on a socket kept as NAME, as
        this process or as a child of uid 65534: "joined" or "join ERRNO"
    collect NAME [--want N] [--timeout S]
        the events the socket NAME got, waiting up to S seconds for N of
        them: "events N SW_IFINDEX..."
    arp DEV SRC_MAC SENDER_IP TARGET_IP
        send one broadcast ARP request on DEV (root)
"""

import errno
import os
import socket
import struct
import sys
import time

HERE = os.path.dirname(os.path.realpath(__file__))
HEADER = os.path.join(HERE, "..", "uapi", "linux", "hnv.h")

NETLINK_GENERIC = 16
NETLINK_ADD_MEMBERSHIP = 1
SOL_NETLINK = 270
NLM_F_REQUEST = 0x1
NLM_F_ACK = 0x4
NLM_F_DUMP = 0x300
NLMSG_ERROR = 0x2
NLMSG_DONE = 0x3
NLA_F_NESTED = 0x8000
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
CTRL_ATTR_OPS = 6
CTRL_ATTR_MCAST_GROUPS = 7
CTRL_ATTR_OP_ID = 1
CTRL_ATTR_OP_FLAGS = 2
CTRL_ATTR_MCAST_GRP_NAME = 1
CTRL_ATTR_MCAST_GRP_ID = 2
GENL_ADMIN_PERM = 0x01
GENL_CMD_CAP_DO = 0x02
GENL_CMD_CAP_DUMP = 0x04
GENL_UNS_ADMIN_PERM = 0x10
CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
PR_SET_DUMPABLE = 4

NOBODY = 65534


# --- The uAPI header ---

def strip_comments(text):
    out, i = [], 0
    while True:
        j = text.find("/*", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        i = text.index("*/", j) + 2
    return "\n".join(line.split("//")[0] for line in "".join(out).split("\n"))


def parse_header(path=HEADER):
    """All enumerators of the header (name -> value) and enum hnv_cmd."""
    with open(path) as f:
        text = strip_comments(f.read())
    values, enums, i = {}, {}, 0
    while True:
        i = text.find("enum ", i)
        if i < 0:
            break
        lbrace, rbrace = text.find("{", i), text.find("}", i)
        name = text[i + 5:lbrace].strip()
        nxt, names = 0, []
        for item in text[lbrace + 1:rbrace].split(","):
            item = item.strip()
            if not item:
                continue
            ename, _, val = item.partition("=")
            ename, val = ename.strip(), val.strip()
            if val:
                nxt = values[val] if val in values else int(val, 0)
            values[ename] = nxt
            names.append(ename)
            nxt += 1
        enums[name] = names
        i = rbrace
    cmds = [(values[n], n) for n in enums["hnv_cmd"]
            if n != "HNV_CMD_UNSPEC" and not n.startswith("__")]
    return values, cmds


# Documented in the header: HNV_CMD_TRACE changes nothing ("without
# sending anything, caching a flow or counting"); HNV_CMD_NEIGH_MISS is a
# notification, "not a request".  Everything else goes by its suffix.
READS = {"TRACE"}
EVENTS = {"NEIGH_MISS"}


def cmd_class(name):
    short = name[len("HNV_CMD_"):]
    if short in EVENTS:
        return "event"
    if short in READS or short.endswith("_GET"):
        return "read"
    if short.rsplit("_", 1)[-1] in ("NEW", "DEL", "SET", "FLUSH"):
        return "change"
    return "unknown"


V, CMDS = parse_header()


# --- Netlink ---

def nla(atype, payload):
    pad = b"\0" * ((4 - len(payload) % 4) % 4)
    return struct.pack("HH", 4 + len(payload), atype) + payload + pad


def parse_attrs(data):
    attrs = {}
    while len(data) >= 4:
        alen, atype = struct.unpack_from("HH", data)
        if alen < 4:
            break
        attrs[atype & 0x3FFF] = data[4:alen]
        data = data[(alen + 3) & ~3:]
    return attrs


def errname(err):
    # errno.errorcode says ENOTSUP for 95; netlink users know EOPNOTSUPP.
    return "EOPNOTSUPP" if err == errno.EOPNOTSUPP else \
        errno.errorcode.get(err, str(err))


class Sock:
    def __init__(self, sock=None):
        self.sock = sock or socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                                          NETLINK_GENERIC)
        if sock is None:
            self.sock.bind((0, 0))
        self.sock.settimeout(10)
        self.seq = int(time.time()) & 0xffff
        self.family = None
        self.ops = {}
        self.groups = {}

    def request(self, family, cmd, payload, dump=False):
        """(errno or 0, [reply bodies])."""
        self.seq += 1
        flags = NLM_F_REQUEST | (NLM_F_DUMP if dump else NLM_F_ACK)
        body = struct.pack("BBH", cmd, 1, 0) + payload
        self.sock.send(struct.pack("IHHII", 16 + len(body), family, flags,
                                   self.seq, 0) + body)
        replies = []
        while True:
            data = self.sock.recv(1 << 20)
            while len(data) >= 16:
                mlen, mtype, _, seq, _ = struct.unpack_from("IHHII", data)
                if mlen < 16:
                    break
                body = data[16:mlen]
                data = data[(mlen + 3) & ~3:]
                if seq != self.seq:
                    continue
                if mtype in (NLMSG_ERROR, NLMSG_DONE):
                    err = -struct.unpack_from("i", body)[0] if body else 0
                    return err, replies
                replies.append(body[4:])

    def resolve(self):
        payload = nla(CTRL_ATTR_FAMILY_NAME, b"hnv\0")
        err, replies = self.request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, payload)
        if err:
            raise OSError(err, "CTRL_CMD_GETFAMILY hnv: " + os.strerror(err))
        attrs = parse_attrs(replies[0])
        self.family = struct.unpack("H", attrs[CTRL_ATTR_FAMILY_ID][:2])[0]
        for op in parse_attrs(attrs.get(CTRL_ATTR_OPS, b"")).values():
            o = parse_attrs(op)
            oid = struct.unpack("I", o[CTRL_ATTR_OP_ID])[0]
            self.ops[oid] = struct.unpack("I", o.get(CTRL_ATTR_OP_FLAGS,
                                                     b"\0" * 4))[0]
        for grp in parse_attrs(attrs.get(CTRL_ATTR_MCAST_GROUPS,
                                         b"")).values():
            g = parse_attrs(grp)
            name = g[CTRL_ATTR_MCAST_GRP_NAME].rstrip(b"\0").decode()
            self.groups[name] = struct.unpack("I",
                                              g[CTRL_ATTR_MCAST_GRP_ID])[0]
        return self


# --- Attributes ---

def a(name):
    return V[name]


def u8(t, v):
    return nla(a(t), struct.pack("B", v))


def u32(t, v):
    return nla(a(t), struct.pack("I", v))


def be16(t, v):
    return nla(a(t), struct.pack(">H", v))


def string(t, v):
    return nla(a(t), v.encode() + b"\0")


def raw(t, v):
    return nla(a(t), v)


def nest(t, *children):
    # Strict validation wants the flag on every nest.
    return nla(a(t) | NLA_F_NESTED, b"".join(children))


def ip4(s):
    return socket.inet_aton(s)


def mac(s):
    return bytes.fromhex(s.replace(":", ""))


def prefix4(t, addr, plen):
    return nest(t, raw("HNV_PREFIX_A_ADDR", ip4(addr)),
                u8("HNV_PREFIX_A_LEN", plen))


class Sel:
    """Switch and port selectors, by name or (all digits) by ifindex."""

    def __init__(self, sw, port, port2):
        self.names = {"sw": sw, "port": port, "port2": port2}

    def dev(self, which, idx_attr, name_attr):
        v = self.names[which]
        return u32(idx_attr, int(v)) if v.isdigit() else string(name_attr, v)

    def sw(self):
        return self.dev("sw", "HNV_A_SWITCH_IFINDEX", "HNV_A_SWITCH_IFNAME")

    def port(self, which="port"):
        return self.dev(which, "HNV_A_PORT_IFINDEX", "HNV_A_PORT_IFNAME")


# One valid request per command and way of sending it, against the
# configuration privilege.sh gives a switch (setup_switch there): subnets
# 5000 (10.0.0.0/24), 5001 (10.0.1.0/24) of RDID 1 and 7000 of RDID 2;
# the port bound to 5000 (02:00:00:00:01:01, 10.0.0.2), port2 unbound;
# mappings 02:00:00:00:02:01 (10.0.0.3) and 02:00:00:00:02:99 in 5000;
# the route 10.8.0.0/16 via 10.0.0.3 in RDID 1; ACL rules: VSID 5000 in
# priority 100, port out priority 100; a cached flow.  Each succeeds as
# root there, and each change changes what the dumps show.
TEMPLATES = {
    ("SWITCH_GET", "do"): lambda s: s.sw(),
    ("SWITCH_GET", "dump"): lambda s: s.sw(),
    ("PORT_GET", "do"): lambda s: s.port(),
    ("PORT_GET", "dump"): lambda s: s.sw(),
    ("SUBNET_NEW", "do"): lambda s: s.sw() + u32("HNV_A_VSID", 6000) +
    u32("HNV_A_RDID", 1) + prefix4("HNV_A_SUBNET_PREFIX4", "10.0.6.0", 24),
    ("SUBNET_DEL", "do"): lambda s: s.sw() + u32("HNV_A_VSID", 7000),
    ("SUBNET_GET", "do"): lambda s: s.sw() + u32("HNV_A_VSID", 5000),
    ("SUBNET_GET", "dump"): lambda s: s.sw(),
    ("PORT_SET", "do"): lambda s: s.port("port2") +
    u32("HNV_A_VSID", 5001) + raw("HNV_A_PORT_MAC", mac("02:00:00:00:01:02")) +
    nest("HNV_A_PORT_CAS", nla(1, ip4("10.0.1.2"))),
    ("FLOW_GET", "dump"): lambda s: s.sw(),
    ("FLOW_FLUSH", "do"): lambda s: s.sw(),
    ("SWITCH_SET", "do"): lambda s: s.sw() +
    u32("HNV_A_SWITCH_UFT_MAX", 1000) + u8("HNV_A_SWITCH_STRICT", 1),
    ("MAP_NEW", "do"): lambda s: s.sw() + u32("HNV_A_VSID", 5000) +
    raw("HNV_A_MAP_MAC", mac("02:00:00:00:02:02")) +
    raw("HNV_A_MAP_PA", ip4("192.168.2.21")) +
    raw("HNV_A_MAP_CA", ip4("10.0.0.4")),
    ("MAP_DEL", "do"): lambda s: s.sw() + u32("HNV_A_VSID", 5000) +
    raw("HNV_A_MAP_MAC", mac("02:00:00:00:02:99")),
    ("MAP_GET", "dump"): lambda s: s.sw(),
    ("ROUTE_NEW", "do"): lambda s: s.sw() + u32("HNV_A_RDID", 1) +
    prefix4("HNV_A_ROUTE_PREFIX", "10.9.0.0", 16) +
    raw("HNV_A_ROUTE_VIA", ip4("10.0.0.3")),
    ("ROUTE_DEL", "do"): lambda s: s.sw() + u32("HNV_A_RDID", 1) +
    prefix4("HNV_A_ROUTE_PREFIX", "10.8.0.0", 16),
    ("ROUTE_GET", "dump"): lambda s: s.sw(),
    ("ACL_NEW", "do"): lambda s: s.sw() + u32("HNV_A_VSID", 5000) +
    nest("HNV_A_ACL", u8("HNV_ACL_A_DIR", a("HNV_ACL_DIR_IN")),
         u32("HNV_ACL_A_PRIORITY", 200),
         u8("HNV_ACL_A_ACTION", a("HNV_ACL_ACTION_DENY"))),
    ("ACL_DEL", "do"): lambda s: s.sw() + u32("HNV_A_VSID", 5000) +
    nest("HNV_A_ACL", u8("HNV_ACL_A_DIR", a("HNV_ACL_DIR_IN")),
         u32("HNV_ACL_A_PRIORITY", 100)),
    ("ACL_GET", "dump"): lambda s: s.sw(),
    ("ACL_FLUSH", "do"): lambda s: s.sw() + s.port(),
    ("CONN_GET", "dump"): lambda s: s.sw(),
    ("TRACE", "do"): lambda s: s.sw() + s.port() +
    nest("HNV_A_FLOW", u8("HNV_FLOW_A_IP_PROTO", 17),
         raw("HNV_FLOW_A_IP_SRC", ip4("10.0.0.2")),
         raw("HNV_FLOW_A_IP_DST", ip4("10.0.0.3")),
         be16("HNV_FLOW_A_L4_SRC", 1000), be16("HNV_FLOW_A_L4_DST", 53)),
}


# --- Snapshots ---

# Counters and timers move on their own; everything else must not.
VOLATILE = {V[n] for n in ("HNV_A_SWITCH_STATS", "HNV_A_PORT_STATS")}
VOLATILE_NESTED = {
    V["HNV_A_FLOW"]: {V[n] for n in ("HNV_FLOW_A_PACKETS", "HNV_FLOW_A_BYTES",
                                     "HNV_FLOW_A_IDLE_MS")},
    V["HNV_A_CONN"]: {V["HNV_CONN_A_EXPIRES_MS"]},
}
A_SWITCH_IFINDEX = V["HNV_A_SWITCH_IFINDEX"]
A_PORT_IFINDEX = V["HNV_A_PORT_IFINDEX"]


def render(body):
    attrs = parse_attrs(body)
    sw = attrs.get(A_SWITCH_IFINDEX)
    port = attrs.get(A_PORT_IFINDEX)
    out = ["sw=%d" % struct.unpack("I", sw)[0] if sw else "sw=-",
           "port=%d" % struct.unpack("I", port)[0] if port else "port=-"]
    for t in sorted(attrs):
        if t in VOLATILE:
            continue
        drop = VOLATILE_NESTED.get(t)
        if drop is None:
            out.append("%d=%s" % (t, attrs[t].hex()))
            continue
        inner = parse_attrs(attrs[t])
        out.append("%d={%s}" % (t, ",".join(
            "%d=%s" % (i, inner[i].hex()) for i in sorted(inner)
            if i not in drop)))
    return " ".join(out)


def snapshot(s):
    lines = []
    for cid, name in CMDS:
        if cmd_class(name) != "read" or \
                not s.ops.get(cid, 0) & GENL_CMD_CAP_DUMP:
            continue
        short = name[len("HNV_CMD_"):]
        err, replies = s.request(s.family, cid, b"", dump=True)
        if err:
            lines.append("%s error %s" % (short, errname(err)))
            continue
        lines += ["%s %s" % (short, render(r)) for r in replies]
    return lines


# --- Jobs ---

def options(args, flags, values):
    """--flag and --name VALUE options: a dict."""
    opts = dict(values)
    i = 0
    while i < len(args):
        name = args[i][2:].replace("-", "_")
        if name in flags:
            opts[name] = True
            i += 1
        elif name in values:
            opts[name] = args[i + 1]
            i += 2
        else:
            raise SystemExit("privilege_nl.py: unknown option " + args[i])
    for f in flags:
        opts.setdefault(f, False)
    return opts


def perm(flags):
    p = [w for w, bit in (("admin", GENL_ADMIN_PERM),
                          ("uns-admin", GENL_UNS_ADMIN_PERM)) if flags & bit]
    return "+".join(p) or "none"


class Jobs:
    def __init__(self):
        self.home = os.open("/proc/self/ns/net", os.O_RDONLY)
        self.cur = None
        self.subs = {}
        self.ns = "-"

    def sock(self):
        """A socket of the current netns (made there, as netlink wants),
        for this job only: a socket pins its netns."""
        if self.cur is None:
            self.cur = Sock().resolve()
        return self.cur

    def job_netns(self, args):
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        path = "/run/netns/" + args[0] if args[0] != "-" else None
        fd = os.open(path, os.O_RDONLY) if path else self.home
        try:
            if libc.setns(fd, CLONE_NEWNET):
                err = ctypes.get_errno()
                raise OSError(err, "setns %s: %s" % (args[0],
                                                     os.strerror(err)))
        finally:
            if path:
                os.close(fd)
        self.ns = args[0]

    def job_write(self, args):
        """write PATH VALUE: e.g. a sysctl of the current netns."""
        with open(args[0], "w") as f:
            f.write(args[1])

    def job_foreign(self, args):
        """The snapshot's lines whose switch is no hnv device of the
        current netns, or whose port no device of it."""
        links = rtnl_links()
        for line in snapshot(self.sock()):
            f = line.split()
            sw, port = f[1][3:], f[2][5:] if len(f) > 2 else "-"
            if links.get(sw, ("", ""))[1] != "hnv" or \
                    (port != "-" and port not in links):
                print(line)

    def job_links(self, args):
        """INDEX NAME KIND MASTER up|down: the devices of the netns."""
        links = rtnl_links()
        for index in sorted(links, key=int):
            print(index, *(v or "-" for v in links[index]))

    def job_header(self, args):
        for cid, name in CMDS:
            print(cid, name, cmd_class(name))

    def job_ops(self, args):
        s = self.sock()
        for cid in sorted(s.ops):
            f = s.ops[cid]
            names = [n for c, n in CMDS if c == cid]
            print(cid, names[0] if names else "?",
                  "do" if f & GENL_CMD_CAP_DO else "-",
                  "dump" if f & GENL_CMD_CAP_DUMP else "-", perm(f))

    def job_snap(self, args):
        for line in snapshot(self.sock()):
            print(line)

    def job_waitflow(self, args):
        end = time.monotonic() + float(args[1] if len(args) > 1 else 10)
        while time.monotonic() < end:
            if any(line.startswith("FLOW_GET sw=%s " % args[0])
                   for line in snapshot(self.sock())):
                print("flow")
                return
            time.sleep(0.1)
        print("no flow")

    def job_probe(self, args):
        o = options(args, ("snap_each", "bare", "drop_privs",
                           "fd_from_nobody"),
                    {"sw": "hnv0", "port": "v1", "port2": "v2", "as": ""})
        pre = None
        if o["fd_from_nobody"]:
            pre = Sock(nobody_socket())
        elif o["drop_privs"]:
            pre = Sock()
            o["as"] = "nobody"
        if not o["as"]:
            s = (pre or Sock()).resolve()
            probe(s, o)
            s.sock.close()
            return
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                become(o["as"])
                probe((pre or Sock()).resolve(), o)
            except OSError as e:
                print("error %s %s" % (errname(e.errno or errno.EIO), e))
            finally:
                sys.stdout.flush()
                os._exit(0)
        os.waitpid(pid, 0)
        if pre:
            pre.sock.close()

    def job_subscribe(self, args):
        """subscribe NAME [--drop-privs]: join "events" on a socket kept
        as NAME, opened and joined by this process or by a child of uid
        65534."""
        o = options(args[1:], ("drop_privs",), {})
        if not o["drop_privs"]:
            s = Sock().resolve()
            err = join(s)
        else:
            parent, child = socket.socketpair(socket.AF_UNIX,
                                              socket.SOCK_DGRAM)
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                try:
                    drop_privs()
                    s = Sock().resolve()
                    err = join(s)
                    socket.send_fds(child, [b"%d" % err], [s.sock.fileno()])
                finally:
                    os._exit(0)
            msg, fds, _, _ = socket.recv_fds(parent, 16, 1)
            os.waitpid(pid, 0)
            parent.close()
            child.close()
            err = int(msg)
            s = Sock(socket.socket(fileno=fds[0]))
        if err:
            s.sock.close()
            print("join %s" % errname(err))
            return
        self.subs[args[0]] = s
        print("joined")

    def job_collect(self, args):
        """collect NAME [--want N] [--timeout S]: the events NAME got,
        waiting up to S seconds for N of them: "events N SW_IFINDEX..."."""
        o = options(args[1:], (), {"want": "0", "timeout": "0"})
        s = self.subs.pop(args[0])
        end = time.monotonic() + float(o["timeout"])
        seen = []
        s.sock.settimeout(0.1)
        while True:
            try:
                data = s.sock.recv(1 << 16)
            except socket.timeout:
                if len(seen) >= int(o["want"]) or time.monotonic() > end:
                    break
                continue
            while len(data) >= 16:
                mlen = struct.unpack_from("I", data)[0]
                if mlen < 16:
                    break
                attrs = parse_attrs(data[20:mlen])
                sw = attrs.get(a("HNV_A_SWITCH_IFINDEX"), b"\0" * 4)
                seen.append(str(struct.unpack("I", sw)[0]))
                data = data[(mlen + 3) & ~3:]
        s.sock.close()
        print(" ".join(["events", str(len(seen))] + seen))

    def job_arp(self, args):
        dev, src, sender, target = args
        sha = mac(src)
        frame = b"\xff" * 6 + sha + b"\x08\x06" + \
            struct.pack(">HHBBH", 1, 0x0800, 6, 4, 1) + sha + \
            ip4(sender) + b"\0" * 6 + ip4(target)
        frame += b"\0" * (60 - len(frame))
        with socket.socket(socket.AF_PACKET, socket.SOCK_RAW) as p:
            p.bind((dev, 0))
            p.send(frame)

    def run(self, words):
        """Runs the jobs of WORDS (separated by ":"), each ending "<end>"."""
        jobs, cur = [], []
        for w in words + [":"]:
            if w == ":":
                if cur:
                    jobs.append(cur)
                cur = []
            else:
                cur.append(w)
        for job in jobs:
            fn = getattr(self, "job_" + job[0], None)
            try:
                if fn is None:
                    print("error unknown job " + job[0])
                else:
                    fn(job[1:])
            except OSError as e:
                print("error %s %s" % (errname(e.errno or errno.EIO), e))
            if self.cur is not None:
                self.cur.sock.close()
                self.cur = None
            print("<end>", flush=True)


def probe(s, o):
    sel = Sel(o["sw"], o["port"], o["port2"])
    before = snapshot(s) if o["snap_each"] else None
    cmds = list(CMDS)
    if o["bare"]:
        cmds.append((max(c for c, _ in CMDS) + 1, "HNV_CMD_AFTER_MAX"))
    known = dict(CMDS)
    for cid, name in cmds:
        short = name[len("HNV_CMD_"):]
        flags = s.ops.get(cid)
        cls = cmd_class(name) if cid in known else "none"
        if flags is None:
            if not o["bare"]:
                print("%s - %s" % (short, "notanop" if cls != "event"
                                   else "event"))
                continue
            flags = GENL_CMD_CAP_DO
        if cls == "unknown":
            print("%s - unknown" % short)
        for kind, cap in (("do", GENL_CMD_CAP_DO),
                          ("dump", GENL_CMD_CAP_DUMP)):
            if not flags & cap:
                continue
            tmpl = TEMPLATES.get((short, kind))
            if o["bare"]:
                payload = b""
            elif tmpl is None:
                print("%s %s notemplate" % (short, kind))
                continue
            else:
                payload = tmpl(sel)
            err, _ = s.request(s.family, cid, payload, dump=kind == "dump")
            line = "%s %s %s" % (short, kind, errname(err) if err else "ok")
            if o["snap_each"] and not err:
                after = snapshot(s)
                line += " changed" if after != before else " same"
                before = after
            print(line)


def nobody_socket():
    """A netlink socket opened by uid 65534, passed to this process."""
    parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            drop_privs()
            nl = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                               NETLINK_GENERIC)
            nl.bind((0, 0))
            socket.send_fds(child, [b"x"], [nl.fileno()])
        finally:
            os._exit(0)
    _, fds, _, _ = socket.recv_fds(parent, 1, 1)
    os.waitpid(pid, 0)
    parent.close()
    child.close()
    return socket.socket(fileno=fds[0])


def rtnl_links():
    """The devices of the current netns: {"ifindex": (name, kind, master,
    up)}."""
    rt = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    rt.settimeout(10)
    rt.send(struct.pack("IHHII", 32, 18, NLM_F_REQUEST | NLM_F_DUMP, 1, 0) +
            b"\0" * 16)    # RTM_GETLINK, struct ifinfomsg
    links = {}
    while True:
        data = rt.recv(1 << 20)
        while len(data) >= 16:
            mlen, mtype = struct.unpack_from("IH", data)
            if mtype in (NLMSG_DONE, NLMSG_ERROR) or mlen < 16:
                rt.close()
                return links
            index, flags = struct.unpack_from("iI", data, 20)
            attrs = parse_attrs(data[32:mlen])
            info = parse_attrs(attrs.get(18, b""))          # IFLA_LINKINFO
            master = attrs.get(10, b"\0" * 4)               # IFLA_MASTER
            links[str(index)] = (
                attrs.get(3, b"").rstrip(b"\0").decode(),   # IFLA_IFNAME
                info.get(1, b"").rstrip(b"\0").decode(),    # IFLA_INFO_KIND
                str(struct.unpack("I", master)[0]),
                "up" if flags & 1 else "down")
            data = data[(mlen + 3) & ~3:]


def join(s):
    """Joins the family's "events" group: 0 or an errno."""
    try:
        s.sock.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
                          s.groups["events"])
    except OSError as e:
        return e.errno
    return 0


def become(who):
    """nobody: uid and gid 65534, no capabilities; userns: root of a new
    user namespace (its own uid mapped to 0); nobody-userns: both."""
    if who not in ("nobody", "userns", "nobody-userns"):
        raise SystemExit("privilege_nl.py: --as " + who)
    if who.startswith("nobody"):
        drop_privs()
    if who.endswith("userns"):
        import ctypes
        uid, gid = os.getuid(), os.getgid()
        libc = ctypes.CDLL(None, use_errno=True)
        # Changing uids made /proc/self root's; exec would undo that.
        libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)
        if libc.unshare(CLONE_NEWUSER):
            err = ctypes.get_errno()
            raise OSError(err, "unshare(CLONE_NEWUSER): " + os.strerror(err))
        for name, text in (("setgroups", "deny"), ("uid_map", "0 %d 1" % uid),
                           ("gid_map", "0 %d 1" % gid)):
            with open("/proc/self/" + name, "w") as f:
                f.write(text)


def drop_privs():
    os.setgroups([])
    os.setresgid(NOBODY, NOBODY, NOBODY)
    os.setresuid(NOBODY, NOBODY, NOBODY)


def main():
    jobs = Jobs()
    if sys.argv[1:] == ["serve"]:
        for line in sys.stdin:
            jobs.run(line.split())
            # Out of the netns, which a process pins, till the next line.
            if jobs.ns != "-":
                jobs.job_netns(["-"])
    else:
        jobs.run(sys.argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
