#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Packet agent of isolation.sh.

One process, started once (Python starts slowly in the TCG test VM), that
enters the test's network namespaces with setns(2), crafts attack frames
byte by byte and sends them (AF_PACKET on a VM's NIC, raw IPv4 on an
underlay host, for VXLAN and NVGRE with any outer source), and counts the
frames every listening NIC receives.

Every crafted frame carries a tag: b"HNVATK" and the attack id (u16),
in the payload (EtherType 0x88b5, UDP) or as a trailer after the packet
(ARP, neighbour discovery: the receiving stack trims it, so the packet
stays valid).  A listener counts, per attack id, the received frames that
hold a tag; on the underlay it also decodes the VSID the frame crossed
with (VXLAN VNI, NVGRE key >> 8; 0 for a frame that is not encapsulated),
so a count is keyed "NAME" or "NAME/VSID".  Listeners ignore what their
NIC sends (PACKET_IGNORE_OUTGOING) and also count every frame received
(tagged or not), for "nothing at all arrived" checks.

usage: isolation_inject.py serve SUFFIX   namespaces are NAME-SUFFIX
       isolation_inject.py pcap FILE      write one frame of each kind to
                                          a pcap file (to check the
                                          crafting with tcpdump -vv)

Commands, one a line on stdin; each gets one line on stdout, "ok [...]"
or "err MESSAGE":

  listen NAME NS IFACE            count what IFACE in NS receives as NAME
  sysctl NS KEY=VALUE...          write /proc/sys/KEY (dots: slashes) in NS
  run NS ARGV...                  run a command in NS: "ok RC OUTPUT"
                                  (lines of the output joined by " | ")
  lladdr NS DEV ADDR              the MAC DEV in NS resolved ADDR to, or
                                  "none"
  neigh NS DEV                    "ADDR=MAC..." of DEV's neighbour entries
  spawn TAG NS ARGV...            start a command in NS, in the background
  reap TAG                        wait for it: "ok RC OUTPUT", as run
  drops NS port|switch DEV REASON...
                                  hnv drop counters of a port or a switch
                                  (hnvctl -j); REASON "any" is their sum
  send ID COUNT NS IFACE FRAME    send COUNT copies of a crafted frame
                                  ("ok SECONDS" it took)
  inject ID COUNT NS ENCAP osrc=A odst=B vsid=V FRAME
                                  send COUNT copies of FRAME encapsulated
                                  (ENCAP vxlan or nvgre) from outer source
                                  A (forged or not) to B, through a raw
                                  IPv4 socket in NS
  settle [QUIET_MS [MAX_S]]       wait until no tagged frame arrived for
                                  QUIET_MS (default 500), at most MAX_S (10):
                                  "ok SECONDS" waited
  tally NAME NS IFACE KEY ID OFFSET=HEX...
                                  count in the kernel the frames IFACE
                                  receives that hold these 32-bit words
                                  (for a flood: nothing per frame here);
                                  listener NAME ignores them meanwhile
  untally NAME                    stop; add the count to ID at KEY: "ok N"
  count ID                        "NAME=N..." (sorted, non-zero) for ID
  dump                            every count: "ID:NAME=N,..." ...
  mark                            remember every listener's total
  delta NAME...                   "NAME=N..." frames received since mark
  capdrops                        "NAME=N..." frames a listener's socket
                                  dropped (the counts would be short)
  quit

FRAME is a kind and KEY=VALUE fields (MACs, addresses):
  eth   dst src [type=0x88b5]           tag in the payload
  udp4  dst src sip dip [sport dport]   tag in the UDP payload; with
        [vxlan=VNI] the payload is a VXLAN header and a tagged broadcast
  udp6  dst src sip dip [sport dport]
  arp   dst src op sha sip tha tip [hrd=1]
  na    dst src sip dip target tlla [o=1 s=0 r=0]
  ns    dst src sip dip target slla
and, for any kind, vlan=VID[,VID...]: 802.1Q tags after the source MAC,
outermost first.
"""

import ctypes
import json
import os
import select
import socket
import struct
import subprocess
import sys
import threading
import time

MAGIC = b"HNVATK"
ETH_P_ALL = 0x0003
SOL_PACKET = 263
PACKET_STATISTICS = 6
PACKET_IGNORE_OUTGOING = 23
SO_RCVBUFFORCE = 33
SO_ATTACH_FILTER = 26
SO_DETACH_FILTER = 27
CLONE_NEWNET = 0x40000000
VXLAN_PORT = 4789

_libc = ctypes.CDLL(None, use_errno=True)


def tag(aid):
    return MAGIC + struct.pack("!H", aid)


def mac(s):
    b = bytes.fromhex(s.replace(":", ""))
    if len(b) != 6:
        raise ValueError("bad MAC " + s)
    return b


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, payload, ttl=64):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 0x1234,
                      0, ttl, proto, 0, socket.inet_aton(src),
                      socket.inet_aton(dst))
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + payload


def ipv6(src, dst, nh, payload, hlim=64):
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), nh, hlim,
                       socket.inet_pton(socket.AF_INET6, src),
                       socket.inet_pton(socket.AF_INET6, dst)) + payload


def l4_csum6(src, dst, proto, seg):
    pseudo = (socket.inet_pton(socket.AF_INET6, src) +
              socket.inet_pton(socket.AF_INET6, dst) +
              struct.pack("!I3xB", len(seg), proto))
    return csum(pseudo + seg)


def udp4(sip, dip, sport, dport, data):
    seg = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    pseudo = (socket.inet_aton(sip) + socket.inet_aton(dip) +
              struct.pack("!BBH", 0, 17, len(seg)))
    c = csum(pseudo + seg) or 0xFFFF
    return ipv4(sip, dip, 17, seg[:6] + struct.pack("!H", c) + seg[8:])


def udp6(sip, dip, sport, dport, data):
    seg = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    c = l4_csum6(sip, dip, 17, seg) or 0xFFFF
    return ipv6(sip, dip, 17, seg[:6] + struct.pack("!H", c) + seg[8:])


def icmp6(sip, dip, body):
    c = l4_csum6(sip, dip, 58, body)
    return ipv6(sip, dip, 58, body[:2] + struct.pack("!H", c) + body[4:],
                hlim=255)


def eth(f, etype, payload):
    hdr = mac(f["dst"]) + mac(f["src"])
    for vid in [v for v in f.get("vlan", "").split(",") if v != ""]:
        hdr += struct.pack("!HH", 0x8100, int(vid, 0))
    frame = hdr + struct.pack("!H", etype) + payload
    return frame + b"\0" * max(0, 60 - len(frame))


def build(aid, kind, f):
    """The frame of kind KIND with fields F, tagged with attack id AID."""
    t = tag(aid)
    if kind == "eth":
        return eth(f, int(f.get("type", "0x88b5"), 0), t)
    if kind == "udp4":
        data = t
        if "vxlan" in f:    # a VXLAN packet, its inner frame tagged
            data = encap("vxlan", int(f["vxlan"]), build(aid, "eth", {
                "dst": "ff:ff:ff:ff:ff:ff", "src": "02:de:ad:00:00:02"}), 0)[1][8:]
        return eth(f, 0x0800, udp4(f["sip"], f["dip"],
                                   int(f.get("sport", 40000 + aid)),
                                   int(f.get("dport", 9)), data))
    if kind == "udp6":
        return eth(f, 0x86DD, udp6(f["sip"], f["dip"],
                                   int(f.get("sport", 40000 + aid)),
                                   int(f.get("dport", 9)), t))
    if kind == "arp":
        body = struct.pack("!HHBBH6s4s6s4s", int(f.get("hrd", "1")), 0x0800,
                           6, 4, int(f["op"]), mac(f["sha"]),
                           socket.inet_aton(f["sip"]), mac(f["tha"]),
                           socket.inet_aton(f["tip"]))
        return eth(f, 0x0806, body + t)
    if kind == "na":
        flags = (int(f.get("r", "0")) << 31 | int(f.get("s", "0")) << 30 |
                 int(f.get("o", "1")) << 29)
        body = (struct.pack("!BBHI", 136, 0, 0, flags) +
                socket.inet_pton(socket.AF_INET6, f["target"]) +
                struct.pack("!BB", 2, 1) + mac(f["tlla"]))
        return eth(f, 0x86DD, icmp6(f["sip"], f["dip"], body) + t)
    if kind == "ns":
        body = (struct.pack("!BBHI", 135, 0, 0, 0) +
                socket.inet_pton(socket.AF_INET6, f["target"]) +
                struct.pack("!BB", 1, 1) + mac(f["slla"]))
        return eth(f, 0x86DD, icmp6(f["sip"], f["dip"], body) + t)
    raise ValueError("unknown frame kind " + kind)


def encap(kind, vsid, inner, sport):
    if kind == "vxlan":
        return 17, (struct.pack("!HHHH", sport, VXLAN_PORT, 16 + len(inner), 0)
                    + struct.pack("!II", 0x08000000, vsid << 8) + inner)
    if kind == "nvgre":
        return 47, struct.pack("!HHI", 0x2000, 0x6558, vsid << 8) + inner
    raise ValueError("unknown encapsulation " + kind)


def overlay_vsid(data):
    """The VSID an underlay frame carries, 0 if it is not VXLAN/NVGRE."""
    try:
        if data[12:14] != b"\x08\x00":
            return 0
        ihl = (data[14] & 15) * 4
        proto, l4 = data[23], 14 + ihl
        if proto == 17 and struct.unpack_from("!H", data, l4 + 2)[0] == VXLAN_PORT:
            return int.from_bytes(data[l4 + 12:l4 + 15], "big")
        if proto == 47:
            flags = struct.unpack_from("!H", data, l4)[0]
            off = l4 + 4 + (4 if flags & 0x8000 else 0)
            if flags & 0x2000:
                return struct.unpack_from("!I", data, off)[0] >> 8
    except (IndexError, struct.error):
        pass
    return 0


def bpf_match(pred, match, other):
    """A classic BPF program: MATCH if the frame holds, at each OFFSET of
    PRED, the 32-bit VALUE (big endian) given with it, else OTHER."""
    ins = [(0x80, 0, 0, 0),                                 # ld len
           (0x35, 0, None, max(o for o, _ in pred) + 4)]     # jge #need
    for o, v in pred:
        ins += [(0x20, 0, 0, o), (0x15, 0, None, v)]         # ld [o]; jeq #v
    ins += [(0x06, 0, 0, match), (0x06, 0, 0, other)]        # ret
    fail = len(ins) - 1
    return [(c, jt, fail - i - 1 if jf is None else jf, k)
            for i, (c, jt, jf, k) in enumerate(ins)]


def attach_bpf(sock, prog):
    buf = ctypes.create_string_buffer(b"".join(struct.pack("HBBI", *i) for i in prog))
    sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER,
                    struct.pack("HL", len(prog), ctypes.addressof(buf)))


def fields(words):
    f = {}
    for w in words:
        k, sep, v = w.partition("=")
        if not sep:
            raise ValueError("expected KEY=VALUE, got " + w)
        f[k] = v
    return f


class Listener:
    def __init__(self, name, sock, underlay):
        self.name = name
        self.sock = sock
        self.underlay = underlay
        self.total = 0
        self.marked = 0
        self.drops = 0


class Agent:
    def __init__(self, suffix):
        self.suffix = suffix
        self.lock = threading.Lock()
        self.counts = {}        # attack id -> {key: n}
        self.listeners = {}     # fd -> Listener
        self.last_tag = 0.0
        self.senders = {}
        self.tallies = {}       # name -> [socket, count, key, attack id]
        self.spawned = {}       # tag -> Popen
        self.ep = select.epoll()
        threading.Thread(target=self.receive, daemon=True).start()

    def setns(self, ns):
        fd = os.open("/run/netns/%s-%s" % (ns, self.suffix), os.O_RDONLY)
        try:
            if _libc.setns(fd, CLONE_NEWNET):
                raise OSError(ctypes.get_errno(), "setns " + ns)
        finally:
            os.close(fd)

    def receive(self):
        buf = bytearray(65536)
        while True:
            for fd, _ in self.ep.poll(0.5):
                lis = self.listeners[fd]
                recv_into = lis.sock.recv_into
                while True:
                    try:
                        n = recv_into(buf, 0, socket.MSG_DONTWAIT)
                    except BlockingIOError:
                        break
                    lis.total += 1
                    i = buf.find(MAGIC, 0, n)
                    if 0 <= i <= n - 8:
                        self.tagged(lis, bytes(buf[:n]), i)

    def tagged(self, lis, data, i):
        aid = struct.unpack_from("!H", data, i + 6)[0]
        key = lis.name
        if lis.underlay:
            key += "/%d" % overlay_vsid(data)
        with self.lock:
            c = self.counts.setdefault(aid, {})
            c[key] = c.get(key, 0) + 1
            self.last_tag = time.monotonic()

    def neighbours(self, ns, dev):
        """{address: MAC} of DEV's neighbour entries in NS (RTM_GETNEIGH)."""
        self.setns(ns)
        ifindex = socket.if_nametoindex(dev)
        s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
        try:
            # nlmsghdr RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP; ndmsg
            s.send(struct.pack("=IHHII", 28, 30, 0x301, 1, 0) +
                   struct.pack("=B3xiHBB", 0, 0, 0, 0, 0))
            table, done = {}, False
            while not done:
                data = s.recv(1 << 16)
                off = 0
                while off + 16 <= len(data):
                    length, typ = struct.unpack_from("=IH", data, off)
                    if typ == 3:            # NLMSG_DONE
                        done = True
                        break
                    if typ == 2:            # NLMSG_ERROR
                        raise OSError(-struct.unpack_from("=i", data, off + 16)[0],
                                      "RTM_GETNEIGH")
                    family, idx = struct.unpack_from("=B3xi", data, off + 16)
                    attrs, a = {}, off + 28
                    while a + 4 <= off + length:
                        alen, atype = struct.unpack_from("=HH", data, a)
                        if alen < 4:
                            break
                        attrs[atype] = data[a + 4:a + alen]
                        a += (alen + 3) & ~3
                    if idx == ifindex and 1 in attrs and 2 in attrs:
                        table[socket.inet_ntop(family, attrs[1])] = \
                            ":".join("%02x" % b for b in attrs[2])
                    off += (length + 3) & ~3
            return table
        finally:
            s.close()

    # --- commands ---------------------------------------------------------
    def c_listen(self, name, ns, iface):
        s = self.packet_socket(ns, iface)
        s.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 64 << 20)
        s.bind((iface, ETH_P_ALL))
        # Underlay NICs are the router's and the attacker host's.
        self.listeners[s.fileno()] = Listener(name, s, not name.startswith(("a", "b")))
        self.ep.register(s.fileno(), select.EPOLLIN)
        return ""

    def packet_socket(self, ns, iface):
        self.setns(ns)
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                          socket.htons(ETH_P_ALL))
        s.setsockopt(SOL_PACKET, PACKET_IGNORE_OUTGOING, 1)
        return s

    def c_tally(self, name, ns, iface, key, aid, *pred):
        """Count in the kernel, not here, the frames NAME's NIC receives
        that hold the words of PRED ("OFFSET=HEX"...): a socket filter
        passes them to a socket too small to queue them, whose statistics
        count them all; the listener NAME's own filter drops them.  Until
        "untally NAME", which adds the count to attack AID at KEY."""
        pred = [(int(o), int(v, 16)) for o, v in (w.split("=") for w in pred)]
        s = self.packet_socket(ns, iface)
        attach_bpf(s, bpf_match(pred, 1, 0))
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 0)
        s.bind((iface, ETH_P_ALL))
        self.tallies[name] = [s, 0, key, int(aid)]
        for lis in self.listeners.values():
            if lis.name == name:
                attach_bpf(lis.sock, bpf_match(pred, 0, 0x40000))
        return ""

    def read_tallies(self):
        grew = False
        for t in self.tallies.values():
            st = t[0].getsockopt(SOL_PACKET, PACKET_STATISTICS, 8)
            n = struct.unpack("II", st)[0]      # packets, drops included
            t[1] += n
            grew = grew or n > 0
        return grew

    def c_untally(self, name):
        self.read_tallies()
        s, n, key, aid = self.tallies.pop(name)
        s.close()
        for lis in self.listeners.values():
            if lis.name == name:
                lis.sock.setsockopt(socket.SOL_SOCKET, SO_DETACH_FILTER, 0)
        with self.lock:
            c = self.counts.setdefault(aid, {})
            c[key] = c.get(key, 0) + n
        return str(n)

    def c_sysctl(self, ns, *kvs):
        self.setns(ns)
        for k, v in (kv.split("=", 1) for kv in kvs):
            with open("/proc/sys/" + k.replace(".", "/"), "w") as fh:
                fh.write(v)
        return ""

    def c_run(self, ns, *argv):
        self.setns(ns)
        p = subprocess.run(argv, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=120, check=False)
        out = p.stdout.decode(errors="replace").strip().replace("\n", " | ")
        return ("%d %s" % (p.returncode, out)).strip()

    def c_lladdr(self, ns, dev, addr):
        return self.neighbours(ns, dev).get(addr, "none")

    def c_neigh(self, ns, dev):
        return " ".join("%s=%s" % kv for kv in sorted(self.neighbours(ns, dev).items()))

    def c_spawn(self, tag, ns, *argv):
        self.setns(ns)
        self.spawned[tag] = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                             stdout=subprocess.PIPE,
                                             stderr=subprocess.STDOUT)
        return ""

    def c_reap(self, tag):
        proc = self.spawned.pop(tag)
        out = proc.communicate(timeout=120)[0]
        out = out.decode(errors="replace").strip().replace("\n", " | ")
        return ("%d %s" % (proc.returncode, out)).strip()

    def c_drops(self, ns, what, dev, *reasons):
        self.setns(ns)
        out = subprocess.run(["hnvctl", "-j", what, "show", "dev", dev],
                             stdout=subprocess.PIPE, check=True).stdout
        drops = json.loads(out)[0]["stats"]["drops"]
        return " ".join(str(sum(drops.values()) if r == "any" else drops.get(r, 0))
                        for r in reasons)

    def sender(self, ns, iface):
        key = (ns, iface)
        if key not in self.senders:
            self.setns(ns)
            if iface is None:
                s = socket.socket(socket.AF_INET, socket.SOCK_RAW,
                                  socket.IPPROTO_RAW)
            else:
                s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
                s.bind((iface, 0))
            self.senders[key] = s
        return self.senders[key]

    def c_send(self, aid, count, ns, iface, kind, *kv):
        frame = build(int(aid), kind, fields(kv))
        s = self.sender(ns, iface)
        start = time.monotonic()
        for _ in range(int(count)):
            s.send(frame)
        return "%.1f" % (time.monotonic() - start)

    def c_inject(self, aid, count, ns, enc, *words):
        outer = fields(words[:3])
        inner = build(int(aid), words[3], fields(words[4:]))
        proto, payload = encap(enc, int(outer["vsid"]), inner,
                               49152 + int(aid))
        packet = ipv4(outer["osrc"], outer["odst"], proto, payload)
        s = self.sender(ns, None)
        for _ in range(int(count)):
            s.sendto(packet, (outer["odst"], 0))
        return ""

    def c_settle(self, quiet_ms="500", max_s="10"):
        start = time.monotonic()
        quiet = int(quiet_ms) / 1000
        while time.monotonic() - start < float(max_s):
            now = time.monotonic()
            if self.read_tallies():
                self.last_tag = now
            with self.lock:
                last = max(self.last_tag, start)
            if now - last >= quiet:
                break
            time.sleep(0.05)
        return "%.1f" % (time.monotonic() - start)

    def c_count(self, aid):
        with self.lock:
            c = dict(self.counts.get(int(aid), {}))
        return " ".join("%s=%d" % kv for kv in sorted(c.items()) if kv[1])

    def c_dump(self):
        with self.lock:
            return " ".join("%d:%s" % (aid, ",".join("%s=%d" % kv for kv in sorted(c.items())
                                                     if kv[1]))
                            for aid, c in sorted(self.counts.items()) if any(c.values()))

    def c_mark(self):
        with self.lock:
            for lis in self.listeners.values():
                lis.marked = lis.total
        return ""

    def c_delta(self, *names):
        with self.lock:
            d = {lis.name: lis.total - lis.marked
                 for lis in self.listeners.values() if lis.name in names}
        return " ".join("%s=%d" % kv for kv in sorted(d.items()) if kv[1])

    def c_capdrops(self):
        out = []
        for lis in self.listeners.values():
            st = lis.sock.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8)
            lis.drops += struct.unpack("II", st)[1]
            if lis.drops:
                out.append("%s=%d" % (lis.name, lis.drops))
        return " ".join(sorted(out))

    def serve(self):
        for line in sys.stdin:
            words = line.split()
            if not words:
                continue
            if words[0] == "quit":
                break
            try:
                fn = getattr(self, "c_" + words[0], None)
                if fn is None:
                    raise ValueError("unknown command " + words[0])
                reply = "ok " + fn(*words[1:])
            except Exception as e:  # pylint: disable=broad-except
                reply = "err %s: %s" % (type(e).__name__, e)
            sys.stdout.write(reply.rstrip() + "\n")
            sys.stdout.flush()


def write_pcap(path):
    """One frame of each kind, to check the crafting with tcpdump -vv."""
    a, b = "02:00:00:00:00:01", "02:00:00:00:00:02"
    frames = [
        build(1, "eth", {"dst": "ff:ff:ff:ff:ff:ff", "src": a}),
        build(2, "udp4", {"dst": b, "src": a, "sip": "10.0.0.1", "dip": "10.0.0.2"}),
        build(3, "udp6", {"dst": b, "src": a, "sip": "fd00::1", "dip": "fd00::2"}),
        build(4, "arp", {"dst": b, "src": a, "op": "2", "sha": a, "sip": "10.0.0.1",
                         "tha": b, "tip": "10.0.0.2"}),
        build(5, "na", {"dst": b, "src": a, "sip": "fe80::1", "dip": "fd00::2",
                        "target": "fd00::1", "tlla": a}),
        build(6, "ns", {"dst": b, "src": a, "sip": "fd00::1", "dip": "fd00::2",
                        "target": "fd00::2", "slla": a}),
        build(7, "arp", {"dst": b, "src": a, "op": "1", "sha": a, "sip": "10.0.0.1",
                         "tha": b, "tip": "10.0.0.2", "vlan": "0,0"}),
    ]
    proto, payload = encap("vxlan", 5001, frames[1], 49152)
    frames.append(mac(b) + mac(a) + b"\x08\x00" +
                  ipv4("192.168.3.30", "192.168.1.10", proto, payload))
    proto, payload = encap("nvgre", 6001, frames[3], 0)
    frames.append(mac(b) + mac(a) + b"\x08\x00" +
                  ipv4("192.168.3.30", "192.168.1.10", proto, payload))
    with open(path, "wb") as fh:
        fh.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for fr in frames:
            fh.write(struct.pack("<IIII", 0, 0, len(fr), len(fr)) + fr)
    for fr in frames[-2:]:
        assert overlay_vsid(fr) in (5001, 6001), overlay_vsid(fr)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "serve":
        Agent(sys.argv[2]).serve()
    elif len(sys.argv) == 3 and sys.argv[1] == "pcap":
        write_pcap(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
