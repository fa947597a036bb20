// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The PRNG: xoshiro256**, seeded through splitmix64.  One stream for the
 * whole run: the frames of a seed are the same on every run, whatever
 * the kernel did with them.
 */
#include "fuzz.h"

static uint64_t rs[4];

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void rnd_seed(uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		rs[i] = splitmix64(&seed);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t rnd64(void)
{
	uint64_t r = rotl(rs[1] * 5, 7) * 9, t = rs[1] << 17;

	rs[2] ^= rs[0];
	rs[3] ^= rs[1];
	rs[1] ^= rs[2];
	rs[0] ^= rs[3];
	rs[2] ^= t;
	rs[3] = rotl(rs[3], 45);
	return r;
}

uint32_t rnd(uint32_t n)
{
	return (uint32_t)(((rnd64() >> 32) * (uint64_t)n) >> 32);
}

int rnd_range(int a, int b)
{
	return b <= a ? a : a + (int)rnd((uint32_t)(b - a + 1));
}

bool chance(unsigned int pct)
{
	return rnd(100) < pct;
}

/* An index of @w, drawn in proportion to the weights (not all 0). */
int rnd_weighted(const int *w, int n)
{
	int sum = 0, i;

	for (i = 0; i < n; i++)
		sum += w[i];
	sum = (int)rnd((uint32_t)sum);
	for (i = 0; i < n - 1; i++) {
		sum -= w[i];
		if (sum < 0)
			break;
	}
	return i;
}

void rnd_bytes(uint8_t *p, int n)
{
	uint64_t r = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (!(i & 7))
			r = rnd64();
		p[i] = (uint8_t)r;
		r >>= 8;
	}
}
