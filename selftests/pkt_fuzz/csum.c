// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Internet checksums (RFC 1071): the one's complement sum, the L4
 * pseudo-header, the IPv4 header's and UDP over IPv4's.
 */
#include "fuzz.h"

#include <netinet/in.h>

uint32_t sum16(const uint8_t *p, int n, uint32_t s)
{
	for (; n > 1; p += 2, n -= 2)
		s += (uint32_t)(p[0] << 8 | p[1]);
	if (n > 0)
		s += (uint32_t)p[0] << 8;
	return s;
}

uint16_t fold(uint32_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/* The pseudo-header sum of an L4 packet of @len bytes. */
uint32_t pseudo(bool v6, const uint8_t *src, const uint8_t *dst,
		uint8_t proto, uint32_t len)
{
	int alen = v6 ? 16 : 4;
	uint32_t s = sum16(src, alen, 0);

	s = sum16(dst, alen, s);
	return s + proto + (len >> 16) + (len & 0xffff);
}

void ip4_csum(uint8_t *ip, int hl)
{
	put16(ip + 10, 0);
	put16(ip + 10, fold(sum16(ip, hl, 0)));
}

/* The UDP checksum of the @len bytes at @u under the IPv4 header @ip. */
uint16_t udp4_csum(const uint8_t *ip, const uint8_t *u, int len)
{
	uint16_t c = fold(sum16(u, len, pseudo(false, ip + 12, ip + 16,
					       IPPROTO_UDP, (uint32_t)len)));

	return c ? c : 0xffff;
}
