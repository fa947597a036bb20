// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * underlay mode: packets as they arrive at a host from the physical
 * network: VXLAN and NVGRE with every header field fuzzed (outer IPv4
 * too), IPv4 options, datagrams cut into fragment trains (in order,
 * shuffled, duplicated, missing or overlapping pieces), truncated at
 * every length in turn, random frames, IPv6, ARP, VLAN-tagged, for
 * another host.  Each one's fate is predicted by oracle.c.
 */
#include "fuzz.h"

#include <netinet/in.h>
#include <string.h>

const char *const u_kind_name[UK_MAX] = {
	"random", "ipv4", "vxlan", "nvgre", "truncated", "fragments", "other",
	"repeat",
};

static const int u_kind_weight[UK_MAX] = {
	50, 80, 320, 270, 110, 90, 80, 0,
};

uint8_t u_dmac[6], u_smac[6], u_pa[4];
uint8_t u_src[MAXP][4];
int u_nsrc;
uint32_t u_vnis[MAXP], u_avoid[MAXP];
int u_nvnis, u_navoid;
uint64_t u_trains, u_train_frags;

static uint32_t pick_vni(void)
{
	uint32_t r = rnd(100);

	if (r < 75 && u_nvnis)
		return u_vnis[rnd(u_nvnis)];
	if (r < 80)
		return chance(50) ? 0 : 0xffffff;
	return rnd(1 << 24);
}

static void u_outer_ip(uint8_t *ip, int proto)
{
	ip[0] = 0x45;
	ip[1] = chance(90) ? 0 : (uint8_t)rnd(256);
	put16(ip + 4, (uint16_t)rnd(65536));
	put16(ip + 6, chance(50) ? 0x4000 : 0);
	ip[8] = chance(90) ? 64 : (uint8_t)rnd(256);
	ip[9] = (uint8_t)proto;
	if (u_nsrc && chance(99))
		memcpy(ip + 12, u_src[rnd(u_nsrc)], 4);
	else
		pick_src4(&vmp, ip + 12);
	memcpy(ip + 16, u_pa, 4);
}

static void u_eth(uint8_t *f)
{
	memcpy(f, u_dmac, 6);
	memcpy(f + 6, u_smac, 6);
	put16(f + 12, 0x0800);
}

/*
 * A VXLAN packet from the physical network (@fuzz: with its fields
 * fuzzed); returns its length.  The outer IPv4 header is valid, without
 * options, unless @fuzz_ip.
 */
static int build_vxlan(uint8_t *f, int maxlen, bool fuzz, bool fuzz_ip)
{
	uint8_t *ip = f + 14, *u = ip + 20, *v = u + 8;
	int k, n, ulen;

	u_eth(f);
	u_outer_ip(ip, IPPROTO_UDP);
	put16(u, (uint16_t)rnd_range(32768, 61000));
	put16(u + 2, VXLAN_PORT);
	put32(v, 0x08000000);
	put32(v + 4, pick_vni() << 8);
	n = gen_frame(&vmp, v + 8, maxlen - 14 - 20 - 16, &k, true);
	ulen = 16 + n;
	put16(u + 4, (uint16_t)ulen);
	if (fuzz) {
		if (chance(12))
			v[0] = chance(50) ? (uint8_t)rnd(256) :
			       (uint8_t)(0x08 ^ (1 << rnd(8)));
		if (chance(6))
			rnd_bytes(v + 1, 3);
		if (chance(6))
			v[7] = (uint8_t)rnd(256);
		if (chance(5))
			put16(u + 2, chance(50) ? 4790 : (uint16_t)rnd(65536));
		if (chance(6)) {
			static const int d[] = { -1, 1, -16, -30 };

			put16(u + 4, (uint16_t)(ulen + d[rnd(4)]));
			if (chance(30))
				put16(u + 4, (uint16_t)rnd(65536));
		}
	}
	put16(u + 6, 0);
	if (chance(40))
		put16(u + 6, udp4_csum(ip, u, ulen));
	if (fuzz && chance(8))
		put16(u + 6, (uint16_t)rnd(65536));
	put16(ip + 2, (uint16_t)(20 + ulen));
	ip4_csum(ip, 20);
	if (fuzz_ip) {
		if (chance(5))
			ip[1] |= 3;		/* CE */
		if (chance(5))
			put16(ip + 2, (uint16_t)(20 + ulen + rnd_range(-4, 4)));
		if (chance(3))
			put16(ip + 6, (uint16_t)(0x2000 | rnd(0x2000)));
		if (chance(3))
			ip[6] |= 0x80;		/* reserved */
		if (chance(4))
			rnd_bytes(ip + 12, 4);
		if (chance(3))
			ip[16 + rnd(4)] ^= (uint8_t)(1 << rnd(8));
		ip4_csum(ip, 20);
		if (chance(5))
			ip[10] ^= (uint8_t)(1 + rnd(255));
		if (chance(3))
			ip[0] = (uint8_t)(0x40 | rnd(5));
	}
	return 14 + 20 + ulen;
}

static int build_nvgre(uint8_t *f, int maxlen, bool fuzz, bool fuzz_ip)
{
	uint8_t *ip = f + 14, *g = ip + 20;
	uint16_t flags = 0x2000;
	int k, n, hl, o;

	u_eth(f);
	u_outer_ip(ip, IPPROTO_GRE);
	if (fuzz) {
		uint32_t r = rnd(100);

		if (r < 5)
			flags |= 0x8000;	/* checksum */
		else if (r < 13)
			flags |= 0x1000;	/* sequence */
		else if (r < 20)
			flags = 0;		/* no key */
		else if (r < 23)
			flags |= 0x4000;	/* routing */
		else if (r < 26)
			flags |= (uint16_t)rnd_range(1, 7);	/* version */
		else if (r < 31)
			flags |= (uint16_t)(rnd(0x10) << 7 | (chance(50) ?
					    0x0800 : 0x0300));
		else if (r < 34)
			flags = (uint16_t)rnd(65536);
	}
	put16(g, flags);
	put16(g + 2, 0x6558);
	if (fuzz && chance(10)) {
		static const uint16_t pr[] = { 0x0800, 0x86dd, 0x88be, 0x883e,
					       0x22eb, 0x0000 };

		put16(g + 2, chance(70) ? pr[rnd(ARRAY_SIZE(pr))] :
		      (uint16_t)rnd(65536));
	}
	hl = 4 + 4 * (!!(flags & 0x8000) + !!(flags & 0x2000) +
		      !!(flags & 0x1000));
	o = 4;
	if (flags & 0x8000) {
		put32(g + o, 0);
		o += 4;
	}
	if (flags & 0x2000) {
		put32(g + o, pick_vni() << 8 | rnd(256));
		o += 4;
	}
	if (flags & 0x1000) {
		put32(g + o, (uint32_t)rnd64());
		o += 4;
	}
	n = gen_frame(&vmp, g + hl, maxlen - 14 - 20 - hl, &k, true);
	if (flags & 0x8000) {
		put16(g + 4, fold(sum16(g, hl + n, 0)));
		if (chance(50))
			put16(g + 4, (uint16_t)rnd(65536));
	}
	put16(ip + 2, (uint16_t)(20 + hl + n));
	ip4_csum(ip, 20);
	if (fuzz_ip) {
		if (chance(6))
			ip[1] |= 3;		/* CE: ECN checks inner */
		if (chance(5))
			put16(ip + 2, (uint16_t)(20 + hl + n +
						 rnd_range(-4, 4)));
		if (chance(4))
			rnd_bytes(ip + 12, 4);
		ip4_csum(ip, 20);
		if (chance(5))
			ip[10] ^= (uint8_t)(1 + rnd(255));
	}
	return 14 + 20 + hl + n;
}

static uint16_t train_id;

/* A datagram cut into fragments: @f holds the whole frame, @n bytes. */
static void u_train(const uint8_t *f, int n)
{
	uint8_t whole[FRAME_MAX];
	uint32_t vni = 0;
	enum ucls cls;
	int ipl = n - 14 - 20, fsz, nf, i, order[8], seq[9], nseq = 0, tix;
	int variant, dup = -1, missing = -1, overlap = -1;
	uint16_t id;

	memcpy(whole, f, n);
	fix_avoid(whole, n);
	cls = classify(whole, n, &vni);
	/* 2 to 4 fragments of a multiple of 8 bytes, or tiny ones */
	nf = rnd_range(2, 4);
	fsz = ((ipl + nf - 1) / nf + 7) & ~7;
	if (chance(10))
		fsz = 8;
	if (fsz < 8)
		fsz = 8;
	nf = (ipl + fsz - 1) / fsz;
	if (nf < 2 || nf > 8) {
		/* too small, or too many pieces: whole */
		memcpy(bufs[nslots], whole, n);
		queue(UK_FRAG, n, cls, vni, 0, false);
		return;
	}
	for (i = 0; i < nf; i++)
		order[i] = i;
	variant = (int)rnd(100);
	if (variant < 40) {
		/* in order */
	} else if (variant < 65) {
		for (i = nf - 1; i > 0; i--) {
			int j = (int)rnd((uint32_t)(i + 1)), t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
	} else if (variant < 78) {
		dup = (int)rnd((uint32_t)nf);
	} else if (variant < 92) {
		missing = (int)rnd((uint32_t)nf);
	} else {
		overlap = (int)rnd((uint32_t)nf);
	}
	for (i = 0; i < nf; i++)
		if (order[i] != missing)
			seq[nseq++] = order[i];
	if (dup >= 0)
		seq[nseq++] = dup;
	/* one batch holds the whole train and its record */
	if (nslots + nseq > BATCH)
		flush_batch();
	if (missing >= 0)
		cls = C_NONE;
	else if (overlap >= 0 && cls != C_DROP)
		cls = C_UNKNOWN, why = W_OVERLAP;
	tix = new_train(nseq, cls, vni);
	u_trains++;
	/* trains whose fate is known use IDs 0..0x7fff, never reused
	 * within a run; overlapping ones random IDs above
	 */
	train_id = (uint16_t)((train_id + 1) & 0x7fff);
	id = overlap >= 0 ? (uint16_t)(0x8000 | rnd(0x8000)) : train_id;
	for (i = 0; i < nseq; i++) {
		int idx = seq[i], o = idx * fsz;
		int len = ipl - o < fsz ? ipl - o : fsz;
		uint8_t *b = bufs[nslots];
		uint16_t fo = (uint16_t)(o / 8);

		memcpy(b, whole, 14 + 20);
		memcpy(b + 34, whole + 34 + o, len);
		if (idx == overlap)
			fo = (uint16_t)(idx > 0 ? fo - 1 : fo + 1);
		if (idx < nf - 1)
			fo |= 0x2000;
		put16(b + 14 + 6, fo);
		put16(b + 14 + 4, id);
		put16(b + 14 + 2, (uint16_t)(20 + len));
		ip4_csum(b + 14, 20);
		u_train_frags++;
		queue(UK_FRAG, 34 + len, C_FRAG, 0, tix + 1, i == nseq - 1);
	}
}

/* IPv4 options in an outer header (@f has one, at 14, without): room made. */
static int add_ip_options(uint8_t *f, int n)
{
	uint8_t *ip = f + 14;
	int ol = 4 * rnd_range(1, 4), tot = get16(ip + 2);

	if (n + ol > 1514 || tot != n - 14)
		return n;
	memmove(ip + 20 + ol, ip + 20, n - 34);
	ip4_options(ip + 20, ol);
	ip[0] = (uint8_t)(0x40 | (20 + ol) / 4);
	put16(ip + 2, (uint16_t)(tot + ol));
	ip4_csum(ip, 20 + ol);
	return n + ol;
}

void u_one(void)
{
	uint8_t *f;
	int k, n = 0;
	uint32_t vni = 0;
	enum ucls cls;
	bool mut = false;

	if (repeat_one(UK_REPEAT))
		return;
	k = rnd_weighted(u_kind_weight, UK_MAX);
	if (nslots == BATCH)
		flush_batch();
	f = bufs[nslots];

	switch (k) {
	case UK_RANDOM:
		n = chance(50) ? rnd_range(14, 120) : rnd_range(14, 1514);
		rnd_bytes(f, n);
		if (chance(50))
			memcpy(f, u_dmac, 6);
		if (chance(30))
			put16(f + 12, 0x0800);
		break;
	case UK_IPV4: {
		struct l3 l = { .v6 = false };
		int proto = chance(30) ? IPPROTO_UDP :
			    chance(30) ? IPPROTO_GRE : pick_proto4();

		u_eth(f);
		u_outer_ip(f + 14, proto);
		memcpy(l.src, f + 14 + 12, 4);
		memcpy(l.dst, f + 14 + 16, 4);
		n = build_l4(&vmp, f + 34, 1480, proto, &l);
		put16(f + 14 + 2, (uint16_t)(20 + n));
		ip4_csum(f + 14, 20);
		n += 34;
		mut = chance(30);
		break;
	}
	case UK_VXLAN:
		n = build_vxlan(f, 1514, chance(60), chance(30));
		if (chance(3))
			n = add_ip_options(f, n);
		mut = chance(20);
		break;
	case UK_NVGRE:
		n = build_nvgre(f, 1514, chance(60), chance(30));
		if (chance(3))
			n = add_ip_options(f, n);
		mut = chance(20);
		break;
	case UK_TRUNC: {
		static uint32_t sweep;
		int full = chance(50) ? build_vxlan(f, 1514, false, false) :
					build_nvgre(f, 1514, false, false);

		n = 14 + (int)(sweep++ % (uint32_t)(full - 14));
		if (n >= 34 && chance(50)) {
			/* consistently: the IP and UDP lengths follow */
			uint8_t *ip = f + 14;

			put16(ip + 2, (uint16_t)(n - 14));
			ip4_csum(ip, 20);
			if (ip[9] == IPPROTO_UDP && n >= 42) {
				put16(ip + 20 + 4, (uint16_t)(n - 34));
				put16(ip + 20 + 6, 0);
				if (chance(50))
					put16(ip + 20 + 6,
					      udp4_csum(ip, ip + 20, n - 34));
			}
		}
		break;
	}
	case UK_FRAG: {
		uint8_t tmp[FRAME_MAX];
		int m = chance(55) ? build_vxlan(tmp, 1514, chance(40), false) :
				     build_nvgre(tmp, 1514, chance(40), false);

		u_train(tmp, m);
		return;
	}
	default: {
		uint32_t r = rnd(100);

		if (r < 30) {
			/* IPv6 outer: not spoken here */
			u_eth(f);
			put16(f + 12, 0x86dd);
			n = 14 + build_ip6(&vmp, f + 14, 400, IPPROTO_UDP,
					   false, false);
		} else if (r < 50) {
			/* ARP to the host */
			u_eth(f);
			put16(f + 12, 0x0806);
			n = 14 + build_arp(&vmp, f + 14, 46, f + 6);
		} else if (r < 75) {
			/* VLAN-tagged outer */
			uint8_t tmp[FRAME_MAX];
			int m = chance(50) ? build_vxlan(tmp, 1510, chance(40),
							 false) :
					     build_nvgre(tmp, 1510, chance(40),
							 false);

			memcpy(f, tmp, 12);
			put16(f + 12, 0x8100);
			put16(f + 14, chance(30) ? 0 : (uint16_t)rnd(4096));
			memcpy(f + 16, tmp + 12, m - 12);
			n = m + 4;
		} else {
			/* broadcast or another host's MAC */
			n = chance(50) ? build_vxlan(f, 1514, chance(40), false) :
					 build_nvgre(f, 1514, chance(40), false);
			if (chance(50))
				memset(f, 0xff, 6);
			else
				f[5] ^= 1;
		}
	}
	}
	while (n < 14)
		f[n++] = 0;
	if (mut) {
		mutate(f, &n, 1514);
		kind_mut[k]++;
	}
	n = clamp_len(f, n);
	fix_avoid(f, n);
	stray_frag_id(f, n);
	cls = classify(f, n, &vni);
	queue(k, n, cls, vni, 0, false);
}
