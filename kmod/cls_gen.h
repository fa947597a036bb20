/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Random ACL rules and packets for the classifier's load-time self-test
 * (selftest.c) and its benchmark (bench/cls_bench.c):
 *
 * HNV_CLS_GEN_RANDOM: any or one family and protocol, prefixes of a few
 *	lengths, port ranges and single ports; many distinct masks.
 * HNV_CLS_GEN_BUCKET: TCP to anywhere with random port ranges: the rules
 *	share one bucket of one subtable, as a port-range-heavy ACL does.
 * HNV_CLS_GEN_NSG: what cloud security groups look like: IPv4 host and
 *	subnet prefixes, TCP or UDP to service ports or port ranges.
 *
 * Drawn from a seeded pseudo-random state: a seed gives the same rules
 * and packets on every run (the benchmark's are fixed, the self-test
 * prints its seed when it fails).
 */
#ifndef _HNV_CLS_GEN_H
#define _HNV_CLS_GEN_H

#include <linux/prandom.h>

#include "acl.h"

enum hnv_cls_gen {
	HNV_CLS_GEN_RANDOM,
	HNV_CLS_GEN_BUCKET,
	HNV_CLS_GEN_NSG,
};

static const u16 hnv_cls_gen_services[] = {
	22, 53, 80, 443, 1433, 3306, 3389, 5432, 6379, 8080, 8443, 9200,
};

static inline void hnv_cls_gen_clear(union hnv_addr *a, u8 family, u8 len)
{
	int i, bits = family == 4 ? 32 : 128;

	for (i = len; i < bits; i++)
		a->v6.s6_addr[i / 8] &= ~(0x80 >> (i % 8));
}

static inline void hnv_cls_gen_random(struct rnd_state *st,
				      struct hnv_acl_rule *r, u32 rnd)
{
	/* Few distinct lengths, as real rule sets have. */
	static const u8 lens[] = { 0, 8, 16, 24, 31, 32 };
	int i;

	r->family = (rnd >> 1) % 3 == 0 ? 0 : (rnd >> 1) % 3 == 1 ? 4 : 6;
	if ((rnd >> 3) & 1) {
		r->has_proto = true;
		r->proto = (rnd >> 4) & 1 ? IPPROTO_TCP : IPPROTO_UDP;
	}
	if (r->family) {
		prandom_bytes_state(st, &r->src, sizeof(r->src));
		prandom_bytes_state(st, &r->dst, sizeof(r->dst));
		/* Small address space: rules overlap and packets match. */
		for (i = 0; i < 4; i++) {
			r->src.v6.s6_addr32[i] &= htonl(0x0f0f0f03);
			r->dst.v6.s6_addr32[i] &= htonl(0x0f0f0f03);
		}
		r->src_len = lens[(rnd >> 5) % ARRAY_SIZE(lens)];
		r->dst_len = lens[(rnd >> 8) % ARRAY_SIZE(lens)];
		if (r->family == 6) {
			r->src_len *= 4;
			r->dst_len *= 4;
		}
	}
	if (r->has_proto && (rnd >> 11) & 1) {
		r->dport[0] = prandom_u32_state(st) % 2048;
		r->dport[1] = r->dport[0] + ((rnd >> 12) & 1 ?
					     prandom_u32_state(st) % 2048 : 0);
	}
	if (r->has_proto && !((rnd >> 13) & 7)) {
		r->sport[0] = prandom_u32_state(st) % 65536;
		r->sport[1] = r->sport[0] + prandom_u32_state(st) % (65536 - r->sport[0]);
	}
}

static inline void hnv_cls_gen_bucket(struct rnd_state *st,
				      struct hnv_acl_rule *r, u32 rnd)
{
	r->family = 4;
	r->has_proto = true;
	r->proto = IPPROTO_TCP;
	/* 1 in 16 without ranges, 1 in 8 with a source range. */
	if ((rnd >> 1) & 15) {
		r->dport[0] = prandom_u32_state(st) % 4096;
		r->dport[1] = r->dport[0] + prandom_u32_state(st) % 512;
	}
	if (!((rnd >> 5) & 7)) {
		r->sport[0] = prandom_u32_state(st) % 4096;
		r->sport[1] = r->sport[0] + prandom_u32_state(st) % 2048;
	}
}

static inline void hnv_cls_gen_nsg(struct rnd_state *st,
				   struct hnv_acl_rule *r, u32 rnd)
{
	static const u8 src_lens[] = { 0, 16, 24, 32 };
	u32 a = prandom_u32_state(st);

	r->family = 4;
	r->src_len = src_lens[(rnd >> 1) & 3];
	r->dst_len = (rnd >> 3) & 1 ? 32 : 24;
	r->src.v4 = htonl(0x0a000000 | (a & 0x0003ffff));
	r->dst.v4 = htonl(0x0a000000 | ((a >> 18) & 0x3fff));
	if (((rnd >> 4) & 15) < 14) {
		r->has_proto = true;
		r->proto = (rnd >> 8) & 3 ? IPPROTO_TCP : IPPROTO_UDP;
	}
	if (!r->has_proto)
		return;
	if ((rnd >> 10) & 3) {
		r->dport[0] = hnv_cls_gen_services[(rnd >> 12) %
					ARRAY_SIZE(hnv_cls_gen_services)];
		r->dport[1] = r->dport[0];
	} else {
		r->dport[0] = 1024 + prandom_u32_state(st) % 9000;
		r->dport[1] = r->dport[0] + prandom_u32_state(st) % 1000;
	}
}

/* A random rule of @kind with priority @prio, drawn from @st. */
static inline void hnv_cls_rand_rule(struct rnd_state *st,
				     struct hnv_acl_rule *r, u32 prio,
				     enum hnv_cls_gen kind)
{
	u32 rnd = prandom_u32_state(st);

	memset(r, 0, sizeof(*r));
	r->prio = prio;
	r->action = HNV_ACL_ACTION_ALLOW + (rnd & 1);
	r->sport[1] = 65535;
	r->dport[1] = 65535;
	if (kind == HNV_CLS_GEN_BUCKET)
		hnv_cls_gen_bucket(st, r, rnd);
	else if (kind == HNV_CLS_GEN_NSG)
		hnv_cls_gen_nsg(st, r, rnd);
	else
		hnv_cls_gen_random(st, r, rnd);
	r->has_src = !!r->family;
	r->has_dst = !!r->family;
	hnv_cls_gen_clear(&r->src, r->family, r->src_len);
	hnv_cls_gen_clear(&r->dst, r->family, r->dst_len);
}

/* A random packet that rules of @kind often match, drawn from @st. */
static inline void hnv_cls_rand_key(struct rnd_state *st,
				    struct hnv_cls_key *k,
				    enum hnv_cls_gen kind)
{
	int j;

	prandom_bytes_state(st, k, sizeof(*k));
	k->pad = 0;
	if (kind == HNV_CLS_GEN_NSG) {
		u32 a = prandom_u32_state(st);

		memset(&k->src, 0, sizeof(k->src));
		memset(&k->dst, 0, sizeof(k->dst));
		k->family = 4;
		k->proto = k->proto & 3 ? IPPROTO_TCP : IPPROTO_UDP;
		k->src.v4 = htonl(0x0a000000 | (a & 0x0003ffff));
		k->dst.v4 = htonl(0x0a000000 | ((a >> 18) & 0x3fff));
		k->sport = htons(32768 + ntohs(k->sport) % 28000);
		k->dport = htons(a >> 31 ? hnv_cls_gen_services[a %
				 ARRAY_SIZE(hnv_cls_gen_services)] :
				 ntohs(k->dport) % 11000);
		return;
	}
	k->family = k->family & 1 || kind == HNV_CLS_GEN_BUCKET ? 4 : 6;
	k->proto = k->proto & 1 || kind == HNV_CLS_GEN_BUCKET ?
		   IPPROTO_TCP : IPPROTO_UDP;
	k->sport = htons(ntohs(k->sport) % 4096);
	k->dport = htons(ntohs(k->dport) % 4096);
	for (j = 0; j < 4; j++) {
		k->src.v6.s6_addr32[j] &= htonl(0x0f0f0f03);
		k->dst.v6.s6_addr32[j] &= htonl(0x0f0f0f03);
	}
	if (k->family == 4) {
		memset(&k->src.v6.s6_addr32[1], 0, 12);
		memset(&k->dst.v6.s6_addr32[1], 0, 12);
	}
}

#endif /* _HNV_CLS_GEN_H */
