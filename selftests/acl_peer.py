#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Traffic ends for the ACL tests.

    acl_peer.py serve [--tcp PORT]... [--udp PORT]... [--v6]
        TCP: accept any number of connections, count the bytes received
        on each port in /tmp/acl_peer.tcp.PORT (rewritten as they come).
        UDP: echo every datagram.  Runs until killed.
    acl_peer.py udp ADDR PORT
        Send one datagram, exit 0 if its echo comes back within 1.5 s.
    acl_peer.py stream ADDR PORT SECONDS
        Connect and send 100 bytes every 0.1 s for SECONDS; exit 0 if the
        connection stayed up (sends may block and time out once the
        switch drops the traffic: then exit 1).
    acl_peer.py rst ADDR PORT
        Connect, print the local port, send a byte, then abort the
        connection (RST).
"""

import select
import socket
import struct
import sys
import time


def family(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def serve(args):
    v6 = "--v6" in args
    fam = socket.AF_INET6 if v6 else socket.AF_INET
    anyaddr = "::" if v6 else "0.0.0.0"
    listeners, udps, conns = {}, [], {}
    counts = {}
    i = 0
    while i < len(args):
        if args[i] in ("--tcp", "--udp"):
            port = int(args[i + 1])
            if args[i] == "--tcp":
                s = socket.socket(fam, socket.SOCK_STREAM)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if v6:  # leave IPv4 to the other server
                    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                s.bind((anyaddr, port))
                s.listen(64)
                listeners[s] = port
                counts[port] = 0
            else:
                s = socket.socket(fam, socket.SOCK_DGRAM)
                if v6:
                    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                s.bind((anyaddr, port))
                udps.append(s)
            i += 2
        else:
            i += 1
    while True:
        rd = list(listeners) + udps + list(conns)
        ready, _, _ = select.select(rd, [], [])
        for s in ready:
            if s in listeners:
                c, _ = s.accept()
                conns[c] = listeners[s]
            elif s in udps:
                data, peer = s.recvfrom(65535)
                s.sendto(data, peer)
            else:
                try:
                    data = s.recv(65536)
                except OSError:
                    data = b""
                port = conns[s]
                if not data:
                    del conns[s]
                    s.close()
                    continue
                counts[port] += len(data)
                with open("/tmp/acl_peer.tcp.%d" % port, "w") as f:
                    f.write("%d\n" % counts[port])


def udp(addr, port):
    s = socket.socket(family(addr), socket.SOCK_DGRAM)
    s.settimeout(1.5)
    s.sendto(b"ping", (addr, int(port)))
    try:
        s.recvfrom(100)
    except socket.timeout:
        return 1
    return 0


def stream(addr, port, seconds):
    s = socket.create_connection((addr, int(port)), timeout=3)
    s.settimeout(2)
    end = time.time() + float(seconds)
    try:
        while time.time() < end:
            s.sendall(b"x" * 100)
            time.sleep(0.1)
    except OSError:
        return 1
    return 0


def rst(addr, port):
    s = socket.create_connection((addr, int(port)), timeout=3)
    print(s.getsockname()[1])
    s.sendall(b"x")
    time.sleep(0.3)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
    return 0


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "serve":
        serve(args)
    elif cmd == "udp":
        sys.exit(udp(*args))
    elif cmd == "stream":
        sys.exit(stream(*args))
    elif cmd == "rst":
        sys.exit(rst(*args))
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
