#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""One line per IPv4 packet of a pcap file, with the overlay headers decoded
field by field, so that tests check the wire format exactly:

  vxlan SRC DST SPORT DPORT flags=0xFF vni=N inner=ETHERTYPE[ icmp6=TYPE]
  nvgre SRC DST flags=0xFFFF proto=0xPPPP key=0xKKKKKKKK vsid=N flowid=N inner=ETHERTYPE[ icmp6=TYPE]

(icmp6=TYPE when the inner frame is ICMPv6 right after its IPv6 header)
  ip SRC DST proto=N            (anything else)

usage: pcap_summary.py FILE [VXLAN_PORT]
"""

import socket
import struct
import sys


def icmp6(frame):
    """" icmp6=TYPE" for an Ethernet frame holding IPv6 + ICMPv6, else ""."""
    if len(frame) >= 14 + 41 and frame[12:14] == b"\x86\xdd" and frame[14 + 6] == 58:
        return f" icmp6={frame[14 + 40]}"
    return ""


def main():
    path = sys.argv[1]
    vxlan_port = int(sys.argv[2]) if len(sys.argv) > 2 else 4789
    data = open(path, "rb").read()
    magic, = struct.unpack_from("<I", data)
    endian = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    linktype, = struct.unpack_from(endian + "I", data, 20)
    off = 24
    while off + 16 <= len(data):
        _, _, caplen, _ = struct.unpack_from(endian + "IIII", data, off)
        pkt = data[off + 16:off + 16 + caplen]
        off += 16 + caplen
        if linktype == 1:           # Ethernet
            if len(pkt) < 14 or pkt[12:14] != b"\x08\x00":
                continue
            pkt = pkt[14:]
        elif linktype == 113:       # Linux cooked
            pkt = pkt[16:]
        if len(pkt) < 20 or pkt[0] >> 4 != 4:
            continue
        ihl = (pkt[0] & 0xF) * 4
        proto = pkt[9]
        src = socket.inet_ntoa(pkt[12:16])
        dst = socket.inet_ntoa(pkt[16:20])
        l4 = pkt[ihl:]
        if proto == 17 and len(l4) >= 16:
            sport, dport = struct.unpack_from("!HH", l4)
            if dport == vxlan_port:
                flags = l4[8]
                vni = int.from_bytes(l4[12:15], "big")
                inner = l4[16 + 12:16 + 14].hex()
                print(f"vxlan {src} {dst} {sport} {dport} flags=0x{flags:02x} "
                      f"vni={vni} inner=0x{inner}{icmp6(l4[16:])}")
                continue
        if proto == 47 and len(l4) >= 8:
            flags, gproto = struct.unpack_from("!HH", l4)
            key, = struct.unpack_from("!I", l4, 4) if flags & 0x2000 else (0,)
            hlen = 4 + 4 * bool(flags & 0x8000) + 4 * bool(flags & 0x2000) \
                + 4 * bool(flags & 0x1000)
            inner = l4[hlen + 12:hlen + 14].hex()
            print(f"nvgre {src} {dst} flags=0x{flags:04x} proto=0x{gproto:04x} "
                  f"key=0x{key:08x} vsid={key >> 8} flowid={key & 0xff} "
                  f"inner=0x{inner}{icmp6(l4[hlen:])}")
            continue
        print(f"ip {src} {dst} proto={proto}")


if __name__ == "__main__":
    main()
