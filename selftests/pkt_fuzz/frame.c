// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * A VM's frames, by kind: random bytes, random Ethernet, truncated at
 * every length in turn, VLAN-tagged (802.1Q, QinQ), ARP, IPv4 and IPv6
 * (also fragments), neighbour discovery, routed through the gateway's
 * MAC, tunnels sent from inside a VM; a third of them then mutated
 * (bits, bytes, words, lengths, cut or grown), biased toward the headers.
 * The same frames are what underlay mode puts inside VXLAN and NVGRE.
 */
#include "fuzz.h"

#include <netinet/in.h>
#include <string.h>

const char *const vm_kind_name[VK_MAX] = {
	"random", "random-eth", "truncated", "vlan", "arp", "ipv4",
	"ipv4-frag", "ipv6", "ipv6-frag", "nd", "routed", "tunnel-in-vm",
	"repeat",
};

/* Per mille; repeats are chosen apart (tx.c). */
static const int vm_kind_weight[VK_MAX] = {
	50, 50, 100, 70, 100, 170, 50, 120, 40, 80, 130, 40, 0,
};

bool is_vlan(uint16_t t)
{
	return t == 0x8100 || t == 0x88a8;
}

static int eth_hdr(const struct pools *pl, uint8_t *f, uint16_t type,
		   bool routed)
{
	if (routed)
		memcpy(f, pl->router, 6);
	else
		pick_dmac(pl, f);
	pick_smac(pl, f + 6);
	put16(f + 12, type);
	return 14;
}

static int pick_vm_kind(bool inner)
{
	int k = rnd_weighted(vm_kind_weight, VK_MAX);

	/* No tunnels inside tunnels. */
	if (inner && k == VK_TUNNEL)
		k = VK_IPV4;
	return k;
}

/* One frame of a kind; its Ethernet header included. */
static int gen_kind(const struct pools *pl, uint8_t *f, int maxlen, int k,
		    bool inner)
{
	static uint32_t trunc_sweep;
	int n, room = maxlen - 14, sub;
	static const uint16_t types[] = {
		0x0800, 0x86dd, 0x0806, 0x8100, 0x88a8, 0x88cc, 0x8035, 0x0004,
		0x05dc, 0x0600, 0x88e5, 0x8847, 0x9100, 0x6558,
	};

	switch (k) {
	case VK_RANDOM:
		n = chance(50) ? rnd_range(14, 100) : rnd_range(14, maxlen);
		rnd_bytes(f, n);
		return n;
	case VK_RANDETH:
		eth_hdr(pl, f, chance(70) ? types[rnd(ARRAY_SIZE(types))] :
			(uint16_t)rnd(65536), false);
		n = chance(50) ? rnd_range(0, 64) : pick_plen(room);
		rnd_bytes(f + 14, n);
		return 14 + n;
	case VK_TRUNC:
		sub = pick_vm_kind(inner);
		if (sub == VK_TRUNC || sub == VK_RANDOM)
			sub = VK_IPV4;
		n = gen_kind(pl, f, maxlen, sub, inner);
		if (n > 15) {
			/* every length in turn, 14 .. n - 1 */
			n = 14 + (int)(trunc_sweep++ % (uint32_t)(n - 14));
		}
		return n;
	case VK_VLAN: {
		int tags = chance(70) ? 1 : rnd_range(2, 3), t, off = 12;

		eth_hdr(pl, f, 0, false);
		for (t = 0; t < tags; t++) {
			uint16_t tpid = t == 0 && tags > 1 && chance(70) ?
					0x88a8 : 0x8100;

			put16(f + off, tpid);
			put16(f + off + 2, chance(30) ?
			      (uint16_t)(chance(50) ? 0 : 0xfff) :
			      (uint16_t)rnd(65536));
			off += 4;
		}
		/* the inner frame, its Ethernet header dropped */
		sub = pick_vm_kind(inner);
		if (sub == VK_VLAN || sub == VK_TRUNC)
			sub = VK_ARP;
		{
			uint8_t tmp[FRAME_MAX];
			int m = gen_kind(pl, tmp, maxlen - 4 * tags, sub, inner);

			if (m < 14)
				m = 14;
			memcpy(f + off, tmp + 12, m - 12);
			return off + m - 12;
		}
	}
	case VK_ARP: {
		uint8_t *sha = f + 6;

		eth_hdr(pl, f, 0x0806, false);
		if (chance(30))
			memset(f, 0xff, 6);
		return 14 + build_arp(pl, f + 14, room, sha);
	}
	case VK_IPV4:
	case VK_IPV4_FRAG:
		eth_hdr(pl, f, 0x0800, false);
		return 14 + build_ip4(pl, f + 14, room, pick_proto4(), false,
				      k == VK_IPV4_FRAG);
	case VK_IPV6:
	case VK_IPV6_FRAG:
		eth_hdr(pl, f, 0x86dd, false);
		return 14 + build_ip6(pl, f + 14, room, pick_proto6(), false,
				      k == VK_IPV6_FRAG);
	case VK_ND:
		eth_hdr(pl, f, 0x86dd, false);
		want_nd = true;
		n = build_ip6(pl, f + 14, room < 200 ? room : 200,
			      IPPROTO_ICMPV6, false, false);
		want_nd = false;
		if (n >= 40 && chance(90))
			f[14 + 7] = 255;	/* not in the pseudo-header */
		return 14 + n;
	case VK_ROUTED: {
		bool big = chance(15);
		int lim = big ? room : (room < 400 ? room : 400);

		if (chance(65)) {
			eth_hdr(pl, f, 0x0800, true);
			n = build_ip4(pl, f + 14, lim, chance(40) ?
				      IPPROTO_ICMP : pick_proto4(), true,
				      false);
			if (big && n >= 20 && chance(60)) {
				/* DF, too big for the overlay */
				put16(f + 14 + 6, 0x4000);
				ip4_csum(f + 14, (f[14] & 15) * 4 > n ?
					 20 : (f[14] & 15) * 4);
			}
		} else {
			eth_hdr(pl, f, 0x86dd, true);
			n = build_ip6(pl, f + 14, lim, chance(40) ?
				      IPPROTO_ICMPV6 : pick_proto6(), true,
				      false);
		}
		return 14 + n;
	}
	case VK_TUNNEL:
	default:
		eth_hdr(pl, f, 0x0800, false);
		want_vxlan = chance(50);
		n = build_ip4(pl, f + 14, room, want_vxlan ? IPPROTO_UDP :
			      IPPROTO_GRE, false, false);
		want_vxlan = false;
		return 14 + n;
	}
}

/*
 * A frame as a VM sends it (or, @inner, as one inside a tunnel packet);
 * its kind in *@kind, with KIND_MUTATED if it was mutated (35% of the
 * time).
 */
int gen_frame(const struct pools *pl, uint8_t *f, int maxlen, int *kind,
		     bool inner)
{
	int k = pick_vm_kind(inner), n;

	n = gen_kind(pl, f, maxlen, k, inner);
	while (n < 14)
		f[n++] = 0;
	if (n > maxlen)
		n = maxlen;
	if (k != VK_RANDOM && chance(35)) {
		mutate(f, &n, maxlen);
		k |= KIND_MUTATED;
	}
	*kind = k;
	return n;
}

/* Random mutations, biased toward the headers. */
void mutate(uint8_t *f, int *lenp, int maxlen)
{
	static const uint8_t ib[] = { 0, 1, 0x7f, 0x80, 0xff, 0x40, 0x45, 6 };
	static const uint16_t iw[] = { 0, 1, 0x7fff, 0x8000, 0xffff, 0x0800,
				       0x86dd, 0x0806, 0x8100, 0x6558 };
	int ops = rnd_range(1, 4), len = *lenp, o, i;

	for (i = 0; i < ops; i++) {
		int span = len < 80 ? len : 80;

		o = chance(75) ? (int)rnd((uint32_t)span) :
				 (int)rnd((uint32_t)len);
		switch (rnd(8)) {
		case 0:
		case 1:
			f[o] ^= (uint8_t)(1 << rnd(8));
			break;
		case 2:
			f[o] = ib[rnd(ARRAY_SIZE(ib))];
			break;
		case 3:
			f[o] = (uint8_t)rnd(256);
			break;
		case 4:
			if (o + 1 < len) {
				uint16_t v = iw[rnd(ARRAY_SIZE(iw))];

				if (chance(30))
					v = (uint16_t)(len - o + rnd_range(-2, 2));
				put16(f + o, v);
			}
			break;
		case 5:
			if (len > 14)
				len = rnd_range(14, len - 1);
			break;
		case 6:
			if (len < maxlen) {
				int add = rnd_range(1, maxlen - len < 64 ?
						    maxlen - len : 64);

				rnd_bytes(f + len, add);
				len += add;
			}
			break;
		default:
			if (o + 4 <= len)
				rnd_bytes(f + o, rnd_range(1, 4));
		}
	}
	*lenp = len;
}

/* The longest frame AF_PACKET sends on an MTU 1500 Ethernet device. */
int clamp_len(const uint8_t *f, int n)
{
	int max = get16(f + 12) == 0x8100 ? 1518 : 1514;

	return n > max ? max : n < 14 ? 14 : n;
}
