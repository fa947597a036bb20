// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * What frames are made of: MAC and IP addresses (mostly those of
 * interest given on the command line, sometimes odd or random ones),
 * ports, protocols, payload lengths and bytes.
 */
#include "fuzz.h"

#include <netinet/in.h>
#include <string.h>

struct pools vmp;

void pick_dmac(const struct pools *p, uint8_t *m)
{
	uint32_t r = rnd(100);

	if (r < 58 && p->nmacs) {
		memcpy(m, p->macs[rnd(p->nmacs)], 6);
	} else if (r < 70) {
		memset(m, 0xff, 6);
	} else if (r < 76) {
		static const uint8_t v6m[] = { 0x33, 0x33, 0xff, 0, 0, 0x12 };

		memcpy(m, v6m, 6);
		if (chance(50))
			rnd_bytes(m + 3, 3);
	} else if (r < 80) {
		static const uint8_t v4m[] = { 0x01, 0x00, 0x5e, 0, 0, 1 };

		memcpy(m, v4m, 6);
	} else if (r < 90) {
		memcpy(m, p->router, 6);
	} else {
		rnd_bytes(m, 6);
		if (chance(70))
			m[0] &= 0xfe;
	}
}

void pick_smac(const struct pools *p, uint8_t *m)
{
	if (p->has_own_mac && chance(85)) {
		memcpy(m, p->own_mac, 6);
	} else if (p->nsrcmacs && chance(80)) {
		memcpy(m, p->srcmacs[rnd(p->nsrcmacs)], 6);
	} else if (p->nmacs && chance(30)) {
		memcpy(m, p->macs[rnd(p->nmacs)], 6);
	} else {
		rnd_bytes(m, 6);
		if (chance(80))
			m[0] &= 0xfe;
	}
}

void pick_src4(const struct pools *p, uint8_t *a)
{
	if (p->nown4 && chance(85)) {
		memcpy(a, p->own4[rnd(p->nown4)], 4);
	} else if (p->nip4 && chance(50)) {
		memcpy(a, p->ip4[rnd(p->nip4)], 4);
	} else {
		static const uint8_t odd[][4] = {
			{ 0, 0, 0, 0 }, { 255, 255, 255, 255 },
			{ 127, 0, 0, 1 }, { 224, 0, 0, 1 },
		};

		if (chance(20))
			memcpy(a, odd[rnd(ARRAY_SIZE(odd))], 4);
		else
			rnd_bytes(a, 4);
	}
}

void pick_dst4(const struct pools *p, uint8_t *a)
{
	if (p->nip4 && chance(80)) {
		memcpy(a, p->ip4[rnd(p->nip4)], 4);
	} else if (p->nown4 && chance(20)) {
		memcpy(a, p->own4[rnd(p->nown4)], 4);
	} else {
		static const uint8_t odd[][4] = {
			{ 0, 0, 0, 0 }, { 255, 255, 255, 255 },
			{ 127, 0, 0, 1 }, { 224, 0, 0, 1 }, { 10, 7, 1, 255 },
		};

		if (chance(30))
			memcpy(a, odd[rnd(ARRAY_SIZE(odd))], 4);
		else
			rnd_bytes(a, 4);
	}
}

void pick_src6(const struct pools *p, uint8_t *a)
{
	uint32_t r = rnd(100);

	memset(a, 0, 16);
	if (r < 80 && p->nown6) {
		memcpy(a, p->own6[rnd(p->nown6)], 16);
	} else if (r < 86) {
		a[0] = 0xfe;
		a[1] = 0x80;
		rnd_bytes(a + 8, 8);
	} else if (r < 89) {
		/* :: */
	} else if (r < 94 && p->nip6) {
		memcpy(a, p->ip6[rnd(p->nip6)], 16);
	} else {
		rnd_bytes(a, 16);
	}
}

void pick_dst6(const struct pools *p, uint8_t *a)
{
	uint32_t r = rnd(100);

	memset(a, 0, 16);
	if (r < 70 && p->nip6) {
		memcpy(a, p->ip6[rnd(p->nip6)], 16);
	} else if (r < 78) {
		a[0] = 0xff;
		a[1] = 0x02;
		a[15] = 1;
	} else if (r < 86) {
		/* solicited-node multicast of an address of interest */
		a[0] = 0xff;
		a[1] = 0x02;
		a[11] = 1;
		a[12] = 0xff;
		if (p->nip6)
			memcpy(a + 13, p->ip6[rnd(p->nip6)] + 13, 3);
		else
			rnd_bytes(a + 13, 3);
	} else if (r < 90 && p->nown6) {
		memcpy(a, p->own6[rnd(p->nown6)], 16);
	} else {
		rnd_bytes(a, 16);
	}
}

uint16_t pick_port(void)
{
	static const uint16_t ports[] = {
		0, 7, 9, 22, 23, 25, 53, 67, 80, 123, 443, 546, 4789, 6081,
		8080, 65535,
	};

	if (chance(70))
		return ports[rnd(ARRAY_SIZE(ports))];
	return (uint16_t)rnd(65536);
}

/* Payload length: mostly small, sometimes all the room there is. */
int pick_plen(int room)
{
	uint32_t r = rnd(100);
	int n;

	if (room <= 0)
		return 0;
	if (r < 55)
		n = rnd_range(0, 64);
	else if (r < 85)
		n = rnd_range(64, 512);
	else if (r < 95)
		n = rnd_range(512, room);
	else
		n = room;
	return n > room ? room : n;
}

void fill_payload(uint8_t *p, int n)
{
	switch (rnd(4)) {
	case 0:
		memset(p, 0, n);
		break;
	case 1:
		memset(p, rnd(256), n);
		break;
	default:
		rnd_bytes(p, n);
	}
}

/* A protocol of the L4 header after an IPv4 (@v6: IPv6) header. */
static int pick_proto(bool v6)
{
	/* cumulative percentages; the rest: any protocol number */
	static const struct { uint8_t pct4, pct6, proto; } t[] = {
		{ 30, 28, IPPROTO_TCP }, { 58, 55, IPPROTO_UDP },
		{ 85, 57, IPPROTO_ICMP }, { 88, 57, IPPROTO_GRE },
		{ 90, 94, IPPROTO_ICMPV6 },
	};
	uint32_t r = rnd(100);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t); i++)
		if (r < (v6 ? t[i].pct6 : t[i].pct4))
			return t[i].proto;
	return (int)rnd(256);
}

int pick_proto4(void)
{
	return pick_proto(false);
}

int pick_proto6(void)
{
	return pick_proto(true);
}
