// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Headers, valid or nearly: IPv4 (options, fragments, wrong lengths, IHL
 * and checksums), IPv6 (hop-by-hop, routing, fragment, destination, AH
 * headers), ARP, TCP (options), UDP (VXLAN from a VM), ICMP (errors
 * quoting a header), ICMPv6 and neighbour discovery (options), GRE/TEB.
 * Each builder writes at most @room bytes and returns how many it wrote;
 * checksums are right most of the time, sometimes zero or wrong.
 */
#include "fuzz.h"

#include <netinet/in.h>
#include <string.h>

bool want_nd, want_vxlan;

/* The L4 checksum at @ck of the @len bytes at @p: right, zero or wrong. */
static void l4_csum(const struct l3 *l, uint8_t proto, uint8_t *p, int len,
		    int ck, bool zero_ok)
{
	uint16_t c;

	if (ck + 2 > len)
		return;
	put16(p + ck, 0);
	c = fold(sum16(p, len, pseudo(l->v6, l->src, l->dst, proto,
				      (uint32_t)len)));
	if (proto == IPPROTO_UDP && !c)
		c = 0xffff;
	if (zero_ok && chance(15))
		c = 0;
	else if (chance(8))
		c ^= (uint16_t)(1 + rnd(0xffff));
	put16(p + ck, c);
}

static int build_tcp(uint8_t *p, int room, const struct l3 *l)
{
	static const uint8_t flags[] = {
		0x02, 0x12, 0x10, 0x18, 0x04, 0x14, 0x01, 0x11, 0x00, 0x3f,
		0xff, 0x29, 0xc2,
	};
	int optlen = 0, hl, n;

	if (room < 20)
		return 0;
	if (chance(40)) {
		uint8_t *o = p + 20;
		int max = room - 20 < 40 ? room - 20 : 40;

		while (optlen < max) {
			uint32_t r = rnd(10);
			int left = max - optlen;

			if (r == 0) {
				o[optlen++] = 0;		/* EOL */
			} else if (r < 3) {
				o[optlen++] = 1;		/* NOP */
			} else if (r == 3 && left >= 4) {
				o[optlen] = 2;			/* MSS */
				o[optlen + 1] = 4;
				put16(o + optlen + 2, (uint16_t)rnd(65536));
				optlen += 4;
			} else if (r == 4 && left >= 3) {
				o[optlen] = 3;			/* WS */
				o[optlen + 1] = 3;
				o[optlen + 2] = (uint8_t)rnd(20);
				optlen += 3;
			} else if (r == 5 && left >= 10) {
				o[optlen] = 8;			/* TS */
				o[optlen + 1] = 10;
				rnd_bytes(o + optlen + 2, 8);
				optlen += 10;
			} else if (r == 6 && left >= 2) {
				o[optlen] = 4;			/* SACK-perm */
				o[optlen + 1] = 2;
				optlen += 2;
			} else {
				/* bad or odd: a length of 0, 1, too long */
				int l2 = rnd_range(0, left);

				o[optlen] = (uint8_t)rnd(256);
				if (left >= 2) {
					o[optlen + 1] = chance(50) ?
						(uint8_t)rnd(3) :
						(uint8_t)rnd(256);
					rnd_bytes(o + optlen + 2,
						  l2 > 2 ? l2 - 2 : 0);
					optlen += l2 > 2 ? l2 : 2;
				} else {
					optlen++;
				}
			}
			if (chance(25))
				break;
		}
		if (optlen > max)
			optlen = max;
		while (optlen & 3 && optlen < max)
			o[optlen++] = 1;
		optlen &= ~3;
	}
	hl = 20 + optlen;
	put16(p, pick_port());
	put16(p + 2, pick_port());
	put32(p + 4, (uint32_t)rnd64());
	put32(p + 8, (uint32_t)rnd64());
	p[12] = (uint8_t)((hl / 4) << 4);
	if (chance(5))
		p[12] = (uint8_t)(rnd(16) << 4);
	p[13] = flags[rnd(ARRAY_SIZE(flags))];
	put16(p + 14, (uint16_t)rnd(65536));
	put16(p + 16, 0);
	put16(p + 18, chance(90) ? 0 : (uint16_t)rnd(65536));
	n = pick_plen(room - hl);
	fill_payload(p + hl, n);
	l4_csum(l, IPPROTO_TCP, p, hl + n, 16, false);
	return hl + n;
}

static int build_udp(uint8_t *p, int room, const struct l3 *l)
{
	int n;

	if (room < 8)
		return 0;
	put16(p, pick_port());
	put16(p + 2, want_vxlan ? 4789 : pick_port());
	want_vxlan = false;
	if (p[2] == 0x12 && p[3] == 0xb5 && room >= 8 + 8 + 14 && chance(60)) {
		/* VXLAN from a VM, to port 4789 */
		int k;

		p[8] = 0x08;
		memset(p + 9, 0, 7);
		put32(p + 12, (uint32_t)rnd(1 << 24) << 8);
		n = 8 + gen_frame(&vmp, p + 16, room - 16 < 200 ? room - 16 : 200,
				  &k, true);
	} else {
		n = pick_plen(room - 8);
		fill_payload(p + 8, n);
	}
	put16(p + 4, (uint16_t)(8 + n));
	if (chance(5))
		put16(p + 4, (uint16_t)rnd(65536));
	l4_csum(l, IPPROTO_UDP, p, 8 + n, 6, !l->v6);
	return 8 + n;
}

static int build_icmp4(const struct pools *pl, uint8_t *p, int room)
{
	static const uint8_t types[] = {
		0, 3, 3, 4, 5, 8, 8, 8, 11, 12, 13, 14, 17, 18, 40, 255,
	};
	int n;

	if (room < 8)
		return 0;
	p[0] = chance(90) ? types[rnd(ARRAY_SIZE(types))] : (uint8_t)rnd(256);
	p[1] = chance(80) ? (uint8_t)rnd(16) : (uint8_t)rnd(256);
	put32(p + 4, (uint32_t)rnd64());
	if ((p[0] == 3 || p[0] == 11 || p[0] == 12 || p[0] == 5) &&
	    room >= 8 + 28 && chance(80)) {
		/* an error quoting an IPv4 header and 8 bytes */
		n = build_ip4(pl, p + 8, room - 8 < 100 ? room - 8 : 100,
			      chance(50) ? IPPROTO_UDP : IPPROTO_TCP, false,
			      false);
		if (n > 28 && chance(70))
			n = 28;
	} else {
		n = pick_plen(room - 8);
		fill_payload(p + 8, n);
	}
	put16(p + 2, 0);
	put16(p + 2, fold(sum16(p, 8 + n, 0)));
	if (chance(8))
		put16(p + 2, (uint16_t)rnd(65536));
	return 8 + n;
}

/* ND options: link-layer addresses, prefix information, MTU, junk. */
static int nd_opts(const struct pools *pl, uint8_t *o, int room)
{
	int n = 0;

	while (n + 8 <= room && chance(60)) {
		uint32_t r = rnd(10);

		if (r < 4) {
			o[n] = chance(50) ? 1 : 2;
			o[n + 1] = 1;
			if (chance(80) && pl->has_own_mac)
				memcpy(o + n + 2, pl->own_mac, 6);
			else
				rnd_bytes(o + n + 2, 6);
			n += 8;
		} else if (r < 6 && n + 32 <= room) {
			o[n] = 3;
			o[n + 1] = 4;
			o[n + 2] = (uint8_t)rnd(129);
			o[n + 3] = (uint8_t)rnd(256);
			rnd_bytes(o + n + 4, 28);
			n += 32;
		} else if (r < 7) {
			o[n] = 5;
			o[n + 1] = 1;
			put16(o + n + 2, 0);
			put32(o + n + 4, (uint32_t)rnd_range(0, 70000));
			n += 8;
		} else {
			/* length 0, too long, or random */
			o[n] = (uint8_t)rnd(256);
			o[n + 1] = chance(40) ? 0 : (uint8_t)rnd(256);
			rnd_bytes(o + n + 2, 6);
			n += 8;
		}
	}
	return n;
}

static int build_icmp6(const struct pools *pl, uint8_t *p, int room,
		       const struct l3 *l)
{
	static const uint8_t types[] = {
		1, 2, 3, 4, 128, 128, 128, 129, 130, 131, 132, 133, 134, 135,
		135, 136, 136, 137, 143, 200,
	};
	int n = 0;

	if (room < 8)
		return 0;
	p[0] = chance(92) ? types[rnd(ARRAY_SIZE(types))] : (uint8_t)rnd(256);
	if (want_nd)
		p[0] = (uint8_t)rnd_range(133, 137);
	want_nd = false;
	p[1] = chance(85) ? 0 : (uint8_t)rnd(256);
	put32(p + 4, (uint32_t)rnd64());
	switch (p[0]) {
	case 1: case 2: case 3: case 4:
		if (room >= 8 + 48 && chance(80)) {
			n = build_ip6(pl, p + 8, room - 8 < 120 ? room - 8 : 120,
				      IPPROTO_UDP, false, false);
			if (n > 48 && chance(60))
				n = 48;
		}
		break;
	case 135: case 136: case 137:
		/* target (and destination, for a redirect) */
		if (room < 24)
			break;
		if (p[0] == 136)
			p[4] = (uint8_t)(rnd(8) << 5);
		else
			put32(p + 4, 0);
		if (chance(60) && pl->nip6)
			memcpy(p + 8, pl->ip6[rnd(pl->nip6)], 16);
		else if (chance(50) && pl->nown6)
			memcpy(p + 8, pl->own6[rnd(pl->nown6)], 16);
		else
			rnd_bytes(p + 8, 16);
		if (chance(10)) {
			memset(p + 8, 0, 8);
			p[8] = 0xfe;
			p[9] = 0x80;
		}
		n = 16;
		if (p[0] == 137 && room >= 40) {
			rnd_bytes(p + 24, 16);
			n = 32;
		}
		n += nd_opts(pl, p + 8 + n, room - 8 - n);
		break;
	case 133: case 134:
		if (p[0] == 134 && room >= 16) {
			rnd_bytes(p + 8, 8);
			n = 8;
		}
		n += nd_opts(pl, p + 8 + n, room - 8 - n);
		break;
	default:
		n = pick_plen(room - 8);
		fill_payload(p + 8, n);
	}
	l4_csum(l, IPPROTO_ICMPV6, p, 8 + n, 2, false);
	return 8 + n;
}

static int build_gre_teb(uint8_t *p, int room)
{
	int k, n;

	if (room < 8 + 14)
		return 0;
	put16(p, chance(80) ? 0x2000 : (uint16_t)rnd(65536));
	put16(p + 2, chance(80) ? 0x6558 : (uint16_t)rnd(65536));
	put32(p + 4, (uint32_t)rnd64());
	n = gen_frame(&vmp, p + 8, room - 8 < 200 ? room - 8 : 200, &k, true);
	return 8 + n;
}

int build_l4(const struct pools *pl, uint8_t *p, int room, int proto,
		    const struct l3 *l)
{
	int n;

	switch (proto) {
	case IPPROTO_TCP:
		return build_tcp(p, room, l);
	case IPPROTO_UDP:
		return build_udp(p, room, l);
	case IPPROTO_ICMP:
		return build_icmp4(pl, p, room);
	case IPPROTO_ICMPV6:
		return build_icmp6(pl, p, room, l);
	case IPPROTO_GRE:
		return build_gre_teb(p, room);
	default:
		n = pick_plen(room);
		fill_payload(p, n);
		return n;
	}
}

int ip4_options(uint8_t *o, int max)
{
	int n = 0;

	while (n < max) {
		uint32_t r = rnd(9);
		int left = max - n, l;

		if (r == 0) {
			o[n++] = 0;			/* EOL */
		} else if (r < 3) {
			o[n++] = 1;			/* NOP */
		} else if (r < 6 && left >= 3) {
			/* RR, LSRR, SSRR, TS, sometimes with a bad length */
			static const uint8_t t[] = { 7, 131, 137, 68 };

			l = 3 + 4 * rnd_range(0, (left - 3) / 4);
			o[n] = t[rnd(4)];
			o[n + 1] = chance(20) ? (uint8_t)rnd(256) : (uint8_t)l;
			o[n + 2] = chance(70) ? 4 : (uint8_t)rnd(256);
			rnd_bytes(o + n + 3, l - 3);
			n += l;
		} else if (r == 6 && left >= 4) {
			o[n] = 148;			/* router alert */
			o[n + 1] = 4;
			put16(o + n + 2, 0);
			n += 4;
		} else if (left >= 2) {
			l = rnd_range(2, left);
			o[n] = (uint8_t)rnd(256);
			o[n + 1] = chance(30) ? (uint8_t)rnd(256) : (uint8_t)l;
			rnd_bytes(o + n + 2, l - 2);
			n += l;
		} else {
			o[n++] = 1;
		}
		if (chance(30))
			break;
	}
	return n;
}

int build_ip4(const struct pools *pl, uint8_t *p, int room, int proto,
		     bool routed, bool frag)
{
	static const uint8_t ttls[] = { 64, 64, 64, 0, 1, 2, 255, 128 };
	int hl = 20, n, optlen = 0;
	struct l3 l = { .v6 = false };
	uint16_t fo = 0;

	if (room < 20)
		return 0;
	if (chance(10) && room >= 24) {
		optlen = ip4_options(p + 20,
				     (room - 20 < 40 ? room - 20 : 40) & ~3);
		while (optlen & 3)
			p[20 + optlen++] = 0;
		hl = 20 + optlen;
	}
	pick_src4(pl, l.src);
	pick_dst4(pl, l.dst);
	p[0] = (uint8_t)(0x40 | hl / 4);
	p[1] = chance(80) ? 0 : (uint8_t)rnd(256);
	put16(p + 4, (uint16_t)rnd(65536));
	fo = chance(40) ? 0x4000 : 0;
	p[8] = routed ? ttls[rnd(ARRAY_SIZE(ttls))] :
			(chance(90) ? 64 : (uint8_t)rnd(256));
	p[9] = (uint8_t)proto;
	memcpy(p + 12, l.src, 4);
	memcpy(p + 16, l.dst, 4);
	n = build_l4(pl, p + hl, room - hl, proto, &l);
	if (frag) {
		/* first, middle, last, tiny, far away */
		switch (rnd(5)) {
		case 0:
			fo = 0x2000;
			if (n > 8)
				n &= ~7;
			break;
		case 1:
			fo = (uint16_t)(0x2000 | rnd_range(1, 200));
			n &= ~7;
			break;
		case 2:
			fo = (uint16_t)rnd_range(1, 200);
			break;
		case 3:
			fo = 0x2000 | (chance(50) ? 0 : 1);
			if (n > 8)
				n = 8;
			break;
		default:
			fo = (uint16_t)(0x1fff | (chance(50) ? 0x2000 : 0));
		}
		if (chance(10))
			fo |= 0x4000;
	}
	put16(p + 6, fo);
	put16(p + 2, (uint16_t)(hl + n));
	if (chance(6)) {
		static const int d[] = { -1, 1, -20, 1000 };

		put16(p + 2, (uint16_t)(hl + n + d[rnd(4)]));
	}
	if (chance(3))
		put16(p + 2, chance(50) ? 0 : 0xffff);
	ip4_csum(p, hl);
	if (chance(4))
		p[0] = (uint8_t)(0x40 | rnd(5));	/* IHL < 5 */
	else if (chance(2))
		p[0] = (uint8_t)(0x4f);
	if (chance(7))
		put16(p + 10, (uint16_t)(get16(p + 10) ^ (1 + rnd(0xfffe))));
	return hl + n;
}

/* A TLV options header (hop-by-hop, destination): 8 * (1 + len) bytes. */
static int ip6_tlv_hdr(uint8_t *p, int room)
{
	int len = rnd_range(0, 3), total = 8 * (1 + len), n = 2;

	if (total > room)
		return 0;
	p[1] = (uint8_t)len;
	while (n < total) {
		uint32_t r = rnd(8);
		int left = total - n, l;

		if (r == 0) {
			p[n++] = 0;			/* Pad1 */
		} else if (r < 3) {
			l = rnd_range(0, left - 2 < 0 ? 0 : left - 2);
			p[n] = 1;			/* PadN */
			if (left >= 2) {
				p[n + 1] = (uint8_t)l;
				memset(p + n + 2, 0, l);
				n += 2 + l;
			} else {
				p[n++] = 0;
			}
		} else if (r == 3 && left >= 4) {
			p[n] = 5;			/* router alert */
			p[n + 1] = 2;
			put16(p + n + 2, 0);
			n += 4;
		} else if (r == 4 && left >= 6) {
			p[n] = 0xc2;			/* jumbo */
			p[n + 1] = 4;
			put32(p + n + 2, (uint32_t)rnd64());
			n += 6;
		} else if (left >= 2) {
			p[n] = (uint8_t)rnd(256);	/* junk, odd length */
			p[n + 1] = (uint8_t)rnd(left + 8);
			rnd_bytes(p + n + 2, left - 2);
			n = total;
		} else {
			p[n++] = 0;
		}
	}
	return total;
}

int build_ip6(const struct pools *pl, uint8_t *p, int room, int l4,
		     bool routed, bool frag)
{
	static const uint8_t hops[] = { 64, 64, 64, 0, 1, 2, 255 };
	static const uint8_t exts[] = { 0, 43, 44, 60, 51, 135, 59 };
	struct l3 l = { .v6 = true };
	int n = 40, next_off = 6, next, k, nexts = 0, m;

	if (room < 40)
		return 0;
	pick_src6(pl, l.src);
	pick_dst6(pl, l.dst);
	p[0] = 0x60 | (chance(80) ? 0 : (uint8_t)rnd(16));
	p[1] = (uint8_t)rnd(256);
	put16(p + 2, (uint16_t)rnd(65536));
	p[7] = routed ? hops[rnd(ARRAY_SIZE(hops))] :
			(chance(90) ? 255 : (uint8_t)rnd(256));
	memcpy(p + 8, l.src, 16);
	memcpy(p + 24, l.dst, 16);

	if (frag || chance(20))
		nexts = frag ? rnd_range(0, 2) : rnd_range(1, 4);
	for (k = 0; k <= nexts; k++) {
		bool last = k == nexts;
		uint8_t *h = p + n;
		int room2 = room - n;

		if (last && frag) {
			next = 44;
		} else if (last) {
			break;
		} else {
			next = exts[rnd(ARRAY_SIZE(exts))];
			if (k == 0 && chance(50))
				next = 0;
		}
		p[next_off] = (uint8_t)next;
		if (next == 59) {		/* no next header */
			m = pick_plen(room2 < 64 ? room2 : 64);
			fill_payload(h, m);
			n += m;
			put16(p + 4, (uint16_t)(n - 40));
			return n;
		}
		if (room2 < 8)
			break;
		switch (next) {
		case 44:			/* fragment */
			h[1] = 0;
			put16(h + 2, (uint16_t)((rnd(8192) << 3) |
					       (chance(50) ? 1 : 0)));
			if (chance(30))
				put16(h + 2, chance(50) ? 1 : 0);
			put32(h + 4, (uint32_t)rnd64());
			m = 8;
			break;
		case 43:			/* routing */
			m = 8 * (1 + 2 * rnd_range(0, 2));
			if (m > room2)
				m = 8;
			h[1] = (uint8_t)(m / 8 - 1);
			h[2] = chance(50) ? (uint8_t)rnd(5) : (uint8_t)rnd(256);
			h[3] = (uint8_t)rnd(4);
			rnd_bytes(h + 4, m - 4);
			break;
		case 51:			/* AH: 4 * (len + 2) bytes */
			m = 4 * (rnd_range(1, 4) + 2);
			if (m > room2)
				m = 8;
			h[1] = (uint8_t)(m / 4 - 2);
			rnd_bytes(h + 2, m - 2);
			break;
		default:			/* TLV options, mobility */
			m = ip6_tlv_hdr(h, room2);
			if (!m) {
				m = 8;
				h[1] = 0;
				memset(h + 2, 1, 6);
			}
		}
		if (chance(4))
			h[1] = (uint8_t)rnd(256);	/* a length past the end */
		next_off = n;
		n += m;
	}
	p[next_off] = (uint8_t)l4;
	n += build_l4(pl, p + n, room - n, l4, &l);
	put16(p + 4, (uint16_t)(n - 40));
	if (chance(6))
		put16(p + 4, (uint16_t)(chance(50) ? (int)rnd(65536) :
					n - 40 + rnd_range(-8, 8)));
	return n;
}

int build_arp(const struct pools *pl, uint8_t *p, int room,
		     const uint8_t *sha)
{
	int n = 28;

	if (room < 28) {
		n = rnd_range(0, room);
		rnd_bytes(p, n);
		return n;
	}
	put16(p, chance(90) ? 1 : (uint16_t)rnd(65536));
	put16(p + 2, chance(90) ? 0x0800 : (uint16_t)rnd(65536));
	p[4] = chance(92) ? 6 : (uint8_t)rnd(256);
	p[5] = chance(92) ? 4 : (uint8_t)rnd(256);
	put16(p + 6, chance(85) ? (uint16_t)(1 + rnd(2)) : (uint16_t)rnd(65536));
	if (chance(85))
		memcpy(p + 8, sha, 6);
	else
		rnd_bytes(p + 8, 6);
	if (chance(8))
		memset(p + 14, 0, 4);	/* probe */
	else
		pick_src4(pl, p + 14);
	if (chance(70))
		memset(p + 18, 0, 6);
	else if (chance(50))
		memset(p + 18, 0xff, 6);
	else
		rnd_bytes(p + 18, 6);
	if (chance(10))
		memcpy(p + 24, p + 14, 4);	/* announcement */
	else
		pick_dst4(pl, p + 24);
	if (chance(40) && room >= 46) {
		memset(p + 28, 0, 18);
		n = 46;
	}
	return n;
}
