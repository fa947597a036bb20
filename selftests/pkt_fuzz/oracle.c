// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * underlay mode's oracle: follows each frame through what Linux does
 * before the switch sees it (Ethernet, VLAN, IPv4 header checks, local
 * delivery, UDP, gre_demux and ip_gre's tunnel receive) and predicts the
 * switch's verdict: bad-vxlan, unknown-vni, bad-nvgre, decapsulated (per
 * VNI), or never seen.  What it cannot predict (IPv4 options, stray
 * fragments, odd addresses, overlapping fragments) is "unknown", with
 * the reason.  It also keeps frames out of the VSIDs of the legitimate
 * VMs, and stray fragments out of the IP IDs of the trains it predicts.
 */
#include "fuzz.h"

#include <netinet/in.h>
#include <string.h>

const char *const ucls_name[C_MAX] = {
	"drop", "unknown", "bad_vxlan", "unknown_vni", "bad_nvgre", "decap",
	"none", "frag",
};

const char *const why_name[W_MAX] = {
	"ip_options", "odd_dst", "odd_src", "stray_fragment", "ecn_vlan",
	"overlapping_fragments",
};

enum why why;
uint64_t ucount[C_MAX], why_count[W_MAX], udecap_vni[MAXP];

static bool in_list(const uint32_t *l, int n, uint32_t v)
{
	int i;

	for (i = 0; i < n; i++)
		if (l[i] == v)
			return true;
	return false;
}

int vni_index(uint32_t v)
{
	int i;

	for (i = 0; i < u_nvnis; i++)
		if (u_vnis[i] == v)
			return i;
	return -1;
}

/* Where the L3 header of a frame is, past up to 4 VLAN tags; its type. */
static int l3_off(const uint8_t *f, int len, uint16_t *type)
{
	uint16_t t = get16(f + 12);
	int off = 14, i;

	for (i = 0; i < 4 && is_vlan(t) && len >= off + 4; i++) {
		t = get16(f + off + 2);
		off += 4;
	}
	*type = t;
	return off;
}

/*
 * A stray fragment (a mutation set MF or an offset) gets an IP ID of the
 * upper half, which the trains whose fate is predicted never use: it
 * cannot complete or spoil them.
 */
void stray_frag_id(uint8_t *f, int len)
{
	uint16_t t;
	int off = l3_off(f, len, &t), hl;
	uint8_t *ip = f + off;
	bool ok;

	if (len < off + 20 || t != 0x0800)
		return;
	hl = (ip[0] & 15) * 4;
	if (hl < 20 || len < off + hl || !(get16(ip + 6) & 0x3fff) ||
	    (ip[4] & 0x80))
		return;
	ok = !fold(sum16(ip, hl, 0));
	ip[4] |= 0x80;
	if (ok) {
		put16(ip + 10, 0);
		put16(ip + 10, fold(sum16(ip, hl, 0)));
	}
}

/* Where the VNI / VSID of a VXLAN or NVGRE packet is, -1 if none. */
static int tunnel_id_off(const uint8_t *f, int len, bool *gre)
{
	int off, hl, l4;
	uint16_t t;

	if (len < 14)
		return -1;
	off = l3_off(f, len, &t);
	if (t != 0x0800 || len < off + 20)
		return -1;
	hl = (f[off] & 15) * 4;
	if (hl < 20)
		return -1;
	l4 = off + hl;
	if (get16(f + off + 6) & 0x1fff)
		return -1;		/* not the first fragment */
	if (f[off + 9] == IPPROTO_UDP && len >= l4 + 16 &&
	    get16(f + l4 + 2) == VXLAN_PORT) {
		*gre = false;
		return l4 + 12;
	}
	if (f[off + 9] == IPPROTO_GRE && len >= l4 + 4) {
		uint16_t fl = get16(f + l4);
		int ko = l4 + 4 + ((fl & 0x8000) ? 4 : 0);

		if ((fl & 0x2000) && len >= ko + 4) {
			*gre = true;
			return ko;
		}
	}
	return -1;
}

/* Frames into the VSIDs of the legitimate VMs are not made. */
void fix_avoid(uint8_t *f, int len)
{
	bool gre = false;
	int o = tunnel_id_off(f, len, &gre), off, l4, ulen;
	uint32_t vni;
	bool csum_ok = false;
	uint16_t t;

	if (o < 0)
		return;
	vni = get32(f + o) >> 8;
	if (!in_list(u_avoid, u_navoid, vni))
		return;
	off = l3_off(f, len, &t);
	l4 = off + (f[off] & 15) * 4;
	ulen = get16(f + l4 + 4);
	if (!gre && get16(f + l4 + 6) && ulen >= 8 && l4 + ulen <= len)
		csum_ok = !fold(sum16(f + l4, ulen,
				      pseudo(false, f + off + 12, f + off + 16,
					     IPPROTO_UDP, (uint32_t)ulen)));
	vni = u_nvnis ? u_vnis[0] : 0x123456;
	f[o] = (uint8_t)(vni >> 16);
	f[o + 1] = (uint8_t)(vni >> 8);
	f[o + 2] = (uint8_t)vni;
	if (csum_ok) {
		put16(f + l4 + 6, 0);
		put16(f + l4 + 6, udp4_csum(f + off, f + l4, ulen));
	}
}

static bool ip4_local_ok(const uint8_t *a)
{
	return !memcmp(a, u_pa, 4);
}

/* A source Linux takes without a doubt: a unicast address routed back
 * through the interface it came in on, not of the host's own subnet.
 */
static bool ip4_src_ok(const uint8_t *a)
{
	if (a[0] == 0 || a[0] == 127 || a[0] >= 224)
		return false;
	if (!memcmp(a, u_pa, 3))
		return false;
	return true;
}

/*
 * Follow a frame from the physical network into the host: what happens to
 * it?  *@vni gets the VNI/VSID of a decapsulated frame; @why says why it
 * is C_UNKNOWN.  A train's datagram is classified whole, before it is cut
 * into fragments.
 */
enum ucls classify(const uint8_t *f, int len, uint32_t *vni)
{
	const uint8_t *ip, *pl, *daddr, *saddr;
	int off = 14, l, hl, tot, plen;
	uint16_t t;

	if (len < 14)
		return C_DROP;
	/* another host's (a broadcast or multicast is taken) */
	if (memcmp(f, u_dmac, 6) && !(f[0] & 1))
		return C_DROP;
	t = get16(f + 12);
	while (is_vlan(t)) {
		/* __netif_receive_skb_core() untags: a VLAN the host has no
		 * device for is not its; priority tags (VLAN 0) go
		 */
		if (len < off + 6 || (get16(f + off) & 0xfff))
			return C_DROP;
		t = get16(f + off + 2);
		off += 4;
	}
	if (t != 0x0800)
		return C_DROP;
	ip = f + off;
	l = len - off;
	if (l < 20)
		return C_DROP;
	hl = (ip[0] & 15) * 4;
	if ((ip[0] >> 4) != 4 || hl < 20 || l < hl)
		return C_DROP;
	if (fold(sum16(ip, hl, 0)))
		return C_DROP;
	tot = get16(ip + 2);
	if (l < tot || tot < hl)
		return C_DROP;
	if (hl > 20)
		return why = W_OPTIONS, C_UNKNOWN;
	daddr = ip + 16;
	saddr = ip + 12;
	if (!ip4_local_ok(daddr)) {
		if (daddr[0] == 0 || daddr[0] == 127 || daddr[0] >= 224 ||
		    (!memcmp(daddr, u_pa, 3) && (daddr[3] == 0 ||
						 daddr[3] == 255)))
			return why = W_DST, C_UNKNOWN;
		return C_DROP;	/* not forwarded: not a router */
	}
	if (!ip4_src_ok(saddr))
		return why = W_SRC, C_UNKNOWN;
	if (get16(ip + 6) & 0x3fff)
		return why = W_FRAG, C_UNKNOWN;
	pl = ip + hl;
	plen = tot - hl;

	if (ip[9] == IPPROTO_UDP) {
		const uint8_t *v;
		int ulen, vl;

		if (plen < 8)
			return C_DROP;
		ulen = get16(pl + 4);
		if (ulen > plen || ulen < 8)
			return C_DROP;
		if (get16(pl + 6) &&
		    fold(sum16(pl, ulen, pseudo(false, saddr, daddr,
						IPPROTO_UDP, (uint32_t)ulen))))
			return C_DROP;
		if (get16(pl + 2) != VXLAN_PORT)
			return C_DROP;
		/* hnv_vxlan_rcv() */
		v = pl + 8;
		vl = ulen - 8;
		if (vl < 8 + 14)
			return C_BAD_VXLAN;
		if (get32(v) != 0x08000000 || v[7])
			return C_BAD_VXLAN;
		*vni = get32(v + 4) >> 8;
		if (vni_index(*vni) < 0)
			return C_UNKNOWN_VNI;
		return C_DECAP;
	}
	if (ip[9] == IPPROTO_GRE) {
		const uint8_t *g = pl, *in;
		uint16_t fl, proto;
		int ghl, il;

		/* gre_rcv() of gre_demux, then ip_gre's */
		if (plen < 12)
			return C_DROP;
		if (g[1] & 0x7f)
			return C_DROP;		/* version, reserved flags */
		fl = get16(g);
		if (fl & 0x4000)
			return C_DROP;		/* routing */
		ghl = 4 + 4 * (!!(fl & 0x8000) + !!(fl & 0x2000) +
			       !!(fl & 0x1000));
		if (plen < ghl)
			return C_DROP;
		if (fl & 0x8000)
			return C_DROP;		/* bad sum, or rx_crc_errors */
		proto = get16(g + 2);
		if (proto != 0x6558)
			return C_DROP;
		in = g + ghl;
		il = plen - ghl;
		if (il < 14)
			return C_DROP;
		/* ip_tunnel_rcv(): pskb_inet_may_pull(), ECN */
		t = get16(in + 12);
		if (t == 0x0800 && il < 14 + 20)
			return C_DROP;
		if (t == 0x86dd && il < 14 + 40)
			return C_DROP;
		if ((ip[1] & 3) == 3) {
			if (t == 0x0800 && !(in[15] & 3))
				return C_DROP;
			if (t == 0x86dd && !(((get16(in + 14) >> 4) & 0xff) & 3))
				return C_DROP;
			if (is_vlan(t))
				return why = W_ECN_VLAN, C_UNKNOWN;
		}
		/* the receiver device untags */
		if (is_vlan(t) && il < 20)
			return C_DROP;
		/* hnv_nvgre_frame() */
		if (!(fl & 0x2000))
			return C_BAD_NVGRE;
		*vni = get32(g + 4 + ((fl & 0x8000) ? 4 : 0)) >> 8;
		if (vni_index(*vni) < 0)
			return C_UNKNOWN_VNI;
		return C_DECAP;
	}
	return C_DROP;
}

void count_class(enum ucls c, enum why w, uint32_t vni)
{
	int i;

	ucount[c]++;
	if (c == C_UNKNOWN)
		why_count[w]++;
	if (c == C_DECAP) {
		i = vni_index(vni);
		if (i >= 0)
			udecap_vni[i]++;
	}
}
