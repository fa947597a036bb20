// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Command-line parsing helpers: keyword prefix matching, device names,
 * numbers, addresses, batch lines.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

static const char *keyword_at(const void *table, size_t stride, size_t i)
{
	return *(const char *const *)((const char *)table + i * stride);
}

static int is_prefix(const char *word, const char *keyword)
{
	return !strncmp(word, keyword, strlen(word));
}

/*
 * Returns the index of the keyword that word names: the keyword equal to
 * word, else the only keyword word is a prefix of ("sw" for "switch").
 * KW_NONE if there is none, KW_AMBIGUOUS if there are several.
 */
int keyword_match(const char *word, const void *table, size_t n,
		  size_t stride)
{
	int found = KW_NONE;
	size_t i;

	if (!*word)
		return KW_NONE;
	for (i = 0; i < n; i++) {
		const char *kw = keyword_at(table, stride, i);

		if (!strcmp(word, kw))
			return i;
		if (is_prefix(word, kw))
			found = found == KW_NONE ? (int)i : KW_AMBIGUOUS;
	}
	return found;
}

/* Writes "a, b, c": the keywords word is a prefix of. */
void keyword_candidates(const char *word, const void *table, size_t n,
			size_t stride, char *buf, size_t len)
{
	size_t i, used = 0;

	if (len)
		buf[0] = '\0';
	for (i = 0; i < n && used < len; i++) {
		const char *kw = keyword_at(table, stride, i);

		if (is_prefix(word, kw))
			used += snprintf(buf + used, len - used, "%s%s",
					 used ? ", " : "", kw);
	}
}

/*
 * The kernel's dev_valid_name(): its isspace() also counts 0xa0 (no-break
 * space in Latin-1) as a space.
 */
static int ifname_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

/* Returns NULL if name is a valid device name, else why it is not. */
const char *ifname_invalid(const char *name)
{
	const char *p;

	if (!*name)
		return "device name is empty";
	if (strlen(name) >= IFNAMSIZ)
		return "device name is longer than 15 characters";
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return "\".\" and \"..\" are not device names";
	for (p = name; *p; p++) {
		if (*p == '/')
			return "device name contains '/'";
		if (*p == ':')
			return "device name contains ':'";
		if (ifname_space(*p))
			return "device name contains white space";
	}
	return NULL;
}

/*
 * Parses a decimal or 0x-prefixed hexadecimal number in [min, max].
 * Signs, white space, octal and trailing characters are refused.
 * Returns 0, -EINVAL if s is not a number, -ERANGE if it is out of range.
 */
int parse_u32(const char *s, uint32_t min, uint32_t max, uint32_t *val)
{
	unsigned long long v;
	int base = 10;
	char *end;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (!isxdigit((unsigned char)*s))
			return -EINVAL;
	} else if (!isdigit((unsigned char)*s)) {
		return -EINVAL;
	}
	errno = 0;
	v = strtoull(s, &end, base);
	if (*end)
		return -EINVAL;
	if (errno == ERANGE || v < min || v > max)
		return -ERANGE;
	*val = v;
	return 0;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower((unsigned char)c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * Parses the MAC of a VM: six octets of two hexadecimal digits each, in
 * either case, separated by ':' ("02:00:5E:10:00:01"), unicast and not zero.
 * Returns NULL, or why s is not one (mac is then unchanged).
 */
const char *parse_mac(const char *s, uint8_t mac[6])
{
	static const uint8_t zero[6];
	uint8_t v[6];
	int i, hi, lo;

	for (i = 0; i < 6; i++, s += 3) {
		hi = hex_digit(s[0]);
		lo = hi < 0 ? -1 : hex_digit(s[1]);
		if (lo < 0 || s[2] != (i == 5 ? '\0' : ':'))
			return "MAC must be 6 octets of 2 hexadecimal digits, "
			       "as in 02:00:00:00:00:01";
		v[i] = hi << 4 | lo;
	}
	if (v[0] & 1)
		return "MAC is multicast (its first octet is odd); "
		       "a VM needs a unicast MAC";
	if (!memcmp(v, zero, sizeof(v)))
		return "MAC 00:00:00:00:00:00 is not an address";
	memcpy(mac, v, sizeof(v));
	return NULL;
}

/*
 * Parses a provider address: an IPv4 address in dotted-quad notation that
 * is unicast as the kernel sees it (not in 0.0.0.0/8, not multicast, not
 * 255.255.255.255).  Returns NULL, or why s is not one.
 */
const char *parse_pa(const char *s, uint8_t addr[4])
{
	uint8_t v[4];

	if (inet_pton(AF_INET, s, v) != 1)
		return "PA must be an IPv4 address, as in 192.168.1.10";
	if (!v[0])
		return "PA is in 0.0.0.0/8; a PA must be a unicast address";
	if ((v[0] & 0xf0) == 0xe0)
		return "PA is multicast; a PA must be a unicast address";
	if (v[0] == 255 && v[1] == 255 && v[2] == 255 && v[3] == 255)
		return "PA is the broadcast address; a PA must be a unicast "
		       "address";
	memcpy(addr, v, sizeof(v));
	return NULL;
}

/*
 * Parses a customer address, the address of a VM: IPv4 (4 bytes) or IPv6
 * (16 bytes), into addr and *len.  Returns NULL, or why s is not one.
 */
const char *parse_ca(const char *s, uint8_t addr[16], uint8_t *len)
{
	uint8_t v[16];

	if (inet_pton(AF_INET, s, v) == 1)
		*len = 4;
	else if (inet_pton(AF_INET6, s, v) == 1)
		*len = 16;
	else
		return "CA must be an IPv4 or IPv6 address, as in 10.1.1.12 "
		       "or 2001:db8::12";
	memcpy(addr, v, *len);
	return NULL;
}

/*
 * Parses a prefix, ADDR/LEN: an IPv4 (4 bytes) or IPv6 (16 bytes) address
 * and a length of at most 32 or 128 bits, into addr, *alen and *plen.
 * Whether bits are set past the length is not checked.  Returns NULL, or
 * why s is not one (addr, *alen and *plen are then unchanged).
 */
const char *parse_prefix(const char *s, uint8_t addr[16], uint8_t *alen,
			 uint8_t *plen)
{
	const char *slash = strrchr(s, '/');
	char text[INET6_ADDRSTRLEN];
	uint8_t v[16], n;
	uint32_t len;

	if (!slash && !parse_ca(s, v, &n))
		return "prefix needs a length, as in 10.1.1.0/24 or "
		       "fd00:1::/64";
	if (!slash || (size_t)(slash - s) >= sizeof(text))
		return "prefix must be an IPv4 or IPv6 address and a length, "
		       "as in 10.1.1.0/24 or fd00:1::/64";
	memcpy(text, s, slash - s);
	text[slash - s] = '\0';
	if (parse_ca(text, v, &n))
		return "prefix must be an IPv4 or IPv6 address and a length, "
		       "as in 10.1.1.0/24 or fd00:1::/64";
	if (parse_u32(slash + 1, 0, n * 8, &len))
		return n == 4 ?
			"prefix length must be a number, at most 32 for IPv4" :
			"prefix length must be a number, at most 128 for IPv6";
	memcpy(addr, v, n);
	*alen = n;
	*plen = len;
	return NULL;
}

/*
 * Splits a batch line in place into at most max words separated by white
 * space.  A word starting with '#' starts a comment that runs to the end of
 * the line.  Returns the number of words, -E2BIG if there are more than max.
 */
int split_args(char *line, char **argv, int max)
{
	int argc = 0;

	for (;;) {
		while (isspace((unsigned char)*line))
			line++;
		if (!*line || *line == '#')
			return argc;
		if (argc == max)
			return -E2BIG;
		argv[argc++] = line;
		while (*line && !isspace((unsigned char)*line))
			line++;
		if (*line)
			*line++ = '\0';
	}
}
