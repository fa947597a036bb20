/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * pkt_fuzz, the frame generator of selftests/pkt_fuzz.sh: what its parts
 * share.  The parts:
 *
 *   rnd.c      the seeded PRNG (xoshiro256**)
 *   csum.c     byte order and Internet checksums
 *   pick.c     the addresses, ports and lengths frames are made of
 *   build.c    L3/L4 headers: IPv4 (options, fragments), IPv6 (extension
 *              headers), ARP, TCP (options), UDP, ICMP, ICMPv6/ND, GRE
 *   frame.c    a VM's frames by kind, and their mutation
 *   vm.c       vm mode: what the switch must make of a VM's frames, and
 *              what comes back to the VM
 *   underlay.c underlay mode: VXLAN and NVGRE packets, fragment trains
 *   oracle.c   underlay mode: the verdict predicted for each packet
 *   tx.c       batches, repeats, sendmmsg, counting what was sent
 *   main.c     options and the report
 */
#ifndef PKT_FUZZ_H
#define PKT_FUZZ_H

/* Included first: the sources are compiled one by one or concatenated. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdbool.h>
#include <stdint.h>

#define FRAME_MAX	1600
#define MAXP		32
#define VXLAN_PORT	4789
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* rnd.c */
void rnd_seed(uint64_t seed);
uint64_t rnd64(void);
uint32_t rnd(uint32_t n);		/* uniform in [0, n) */
int rnd_range(int a, int b);		/* uniform in [a, b] */
bool chance(unsigned int pct);
int rnd_weighted(const int *w, int n);	/* an index, as weighted */
void rnd_bytes(uint8_t *p, int n);

/* csum.c */
static inline uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static inline void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = (uint8_t)v;
}

static inline void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

uint32_t sum16(const uint8_t *p, int n, uint32_t s);
uint16_t fold(uint32_t s);
uint32_t pseudo(bool v6, const uint8_t *src, const uint8_t *dst,
		uint8_t proto, uint32_t len);
void ip4_csum(uint8_t *ip, int hl);
uint16_t udp4_csum(const uint8_t *ip, const uint8_t *u, int len);

/* pick.c: the addresses frames are made of */
struct pools {
	bool has_own_mac;
	uint8_t own_mac[6];
	uint8_t router[6];
	int nmacs, nsrcmacs, nip4, nip6, nown4, nown6;
	uint8_t macs[MAXP][6];		/* destinations of interest */
	uint8_t srcmacs[MAXP][6];	/* other sources (inner frames) */
	uint8_t own4[MAXP][4];		/* the sender's addresses */
	uint8_t own6[MAXP][16];
	uint8_t ip4[MAXP][4];		/* destinations of interest */
	uint8_t ip6[MAXP][16];
};

/* vm mode, or the inner frames of underlay mode */
extern struct pools vmp;

void pick_dmac(const struct pools *p, uint8_t *m);
void pick_smac(const struct pools *p, uint8_t *m);
void pick_src4(const struct pools *p, uint8_t *a);
void pick_dst4(const struct pools *p, uint8_t *a);
void pick_src6(const struct pools *p, uint8_t *a);
void pick_dst6(const struct pools *p, uint8_t *a);
uint16_t pick_port(void);
int pick_plen(int room);
int pick_proto4(void);
int pick_proto6(void);
void fill_payload(uint8_t *p, int n);

/* build.c */
struct l3 {
	bool v6;
	uint8_t src[16], dst[16];
};

/* What the next ICMPv6 / UDP header built is: ND, VXLAN. */
extern bool want_nd, want_vxlan;

int build_l4(const struct pools *pl, uint8_t *p, int room, int proto,
	     const struct l3 *l);
int ip4_options(uint8_t *o, int max);
int build_ip4(const struct pools *pl, uint8_t *p, int room, int proto,
	      bool routed, bool frag);
int build_ip6(const struct pools *pl, uint8_t *p, int room, int l4,
	      bool routed, bool frag);
int build_arp(const struct pools *pl, uint8_t *p, int room,
	      const uint8_t *sha);

/* frame.c: a VM's frames */
enum vm_kind {
	VK_RANDOM, VK_RANDETH, VK_TRUNC, VK_VLAN, VK_ARP, VK_IPV4,
	VK_IPV4_FRAG, VK_IPV6, VK_IPV6_FRAG, VK_ND, VK_ROUTED, VK_TUNNEL,
	VK_REPEAT, VK_MAX
};

#define KIND_MUTATED	0x100

extern const char *const vm_kind_name[VK_MAX];

int gen_frame(const struct pools *pl, uint8_t *f, int maxlen, int *kind,
	      bool inner);
void mutate(uint8_t *f, int *lenp, int maxlen);
int clamp_len(const uint8_t *f, int n);
bool is_vlan(uint16_t t);

/* vm.c */
extern uint64_t vm_reach, vm_pre_drop, vm_foreign, vm_foreign_nonip,
	vm_must_malformed, back_err, back_other;

void vm_account(const uint8_t *f, int len);
void vm_back(const uint8_t *f, int len);
void vm_one(void);

/* underlay.c */
enum u_kind {
	UK_RANDOM, UK_IPV4, UK_VXLAN, UK_NVGRE, UK_TRUNC, UK_FRAG, UK_OTHER,
	UK_REPEAT, UK_MAX
};

extern const char *const u_kind_name[UK_MAX];
extern uint8_t u_dmac[6], u_smac[6], u_pa[4];
extern uint8_t u_src[MAXP][4];
extern int u_nsrc;
extern uint32_t u_vnis[MAXP], u_avoid[MAXP];
extern int u_nvnis, u_navoid;
extern uint64_t u_trains, u_train_frags;

void u_one(void);

/* oracle.c: the verdicts on frames from the physical network */
enum ucls {
	C_DROP,		/* never reaches the switch */
	C_UNKNOWN,	/* cannot tell */
	C_BAD_VXLAN, C_UNKNOWN_VNI, C_BAD_NVGRE,
	C_DECAP,	/* decapsulated into the switch's uplink */
	C_NONE,		/* part of a datagram that is never reassembled */
	C_FRAG,		/* a fragment of a train: the train decides */
	C_MAX
};

/* Why the oracle could not tell. */
enum why {
	W_OPTIONS, W_DST, W_SRC, W_FRAG, W_ECN_VLAN, W_OVERLAP, W_MAX
};

extern const char *const ucls_name[C_MAX];
extern const char *const why_name[W_MAX];
extern enum why why;		/* of the last C_UNKNOWN */
extern uint64_t ucount[C_MAX], why_count[W_MAX], udecap_vni[MAXP];

int vni_index(uint32_t v);
void stray_frag_id(uint8_t *f, int len);
void fix_avoid(uint8_t *f, int len);
enum ucls classify(const uint8_t *f, int len, uint32_t *vni);
void count_class(enum ucls c, enum why w, uint32_t vni);

/* tx.c */
#define BATCH		64

extern uint8_t bufs[BATCH][FRAME_MAX];	/* the batch being built */
extern int nslots;			/* frames in it */
extern int tx_fd, rx_fd;
extern bool vm_mode;
extern bool dry;			/* --hexdump: print, do not send */
extern uint64_t dump_from, dump_to;
extern uint64_t *shared_sent;		/* --shared: frames sent by all */
extern uint64_t kind_sent[16], kind_mut[16], kind_fail[16];
extern uint64_t n_sent, n_fail, n_enobufs;
extern uint64_t frame_no;		/* frames generated so far */

int new_train(int nfrags, enum ucls cls, uint32_t vni);
void queue(int kind, int len, enum ucls cls, uint32_t vni, int train,
	   bool train_last);
bool repeat_one(int kind);
void flush_batch(void);
void drain_rx(void);

#endif
