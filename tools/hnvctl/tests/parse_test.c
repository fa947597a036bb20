// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of parse.c: keywords, device names, numbers, batch lines.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "parse.h"
#include "test.h"

static const char *const objects[] = {
	"switch", "port", "stats", "version", "help",
};

static void keyword_tests(void)
{
	static const char *const nested[] = { "port", "ports" };
	static const struct {
		const char *name;
		int value;
	} table[] = { { "dev", 1 }, { "ifindex", 2 }, { "switch", 3 } };
	static const struct {
		const char *word;
		int want;
	} cases[] = {
		{ "switch", 0 },
		{ "sw", 0 },
		{ "swi", 0 },
		{ "p", 1 },
		{ "port", 1 },
		{ "st", 2 },
		{ "stats", 2 },
		{ "v", 3 },
		{ "h", 4 },
		{ "s", KW_AMBIGUOUS },
		{ "", KW_NONE },
		{ "x", KW_NONE },
		{ "switches", KW_NONE },
		{ "SWITCH", KW_NONE },
		{ "swx", KW_NONE },
	};
	char buf[64];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		check_int(KEYWORD_MATCH(cases[i].word, objects), cases[i].want,
			  "keyword_match \"%s\"", cases[i].word);
	check_int(KEYWORD_MATCH("port", nested), 0,
		  "keyword_match: an exact keyword wins over a longer one");
	check_int(KEYWORD_MATCH("ports", nested), 1,
		  "keyword_match: the longer keyword in full");
	check_int(KEYWORD_MATCH("por", nested), KW_AMBIGUOUS,
		  "keyword_match: a prefix of both is ambiguous");
	check_int(KEYWORD_MATCH("i", table), 1,
		  "keyword_match on a table of structures");
	check_int(KEYWORD_MATCH("sw", table), 2,
		  "keyword_match on a table of structures, last entry");

	KEYWORD_CANDIDATES("s", objects, buf, sizeof(buf));
	check_str(buf, "switch, stats", "keyword_candidates \"s\"");
	KEYWORD_CANDIDATES("x", objects, buf, sizeof(buf));
	check_str(buf, "", "keyword_candidates of no keyword is empty");
	KEYWORD_CANDIDATES("s", objects, buf, 8);
	check_str(buf, "switch,", "keyword_candidates truncates to the buffer");
}

static void ifname_tests(void)
{
	static const struct {
		const char *name;
		const char *want;	/* NULL: valid */
	} cases[] = {
		{ "eth0", NULL },
		{ "a", NULL },
		{ "hnv-0_1.2@x", NULL },
		{ "0123456789abcde", NULL },
		{ "...", NULL },
		{ "\xc3\xa9t\xc3\xa9", NULL },
		{ "", "device name is empty" },
		{ "0123456789abcdef", "device name is longer than 15 characters" },
		{ ".", "\".\" and \"..\" are not device names" },
		{ "..", "\".\" and \"..\" are not device names" },
		{ "a/b", "device name contains '/'" },
		{ "a:0", "device name contains ':'" },
		{ "a b", "device name contains white space" },
		{ "a\tb", "device name contains white space" },
		{ "ab\n", "device name contains white space" },
		{ "a\xa0", "device name contains white space" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *got = ifname_invalid(cases[i].name);

		if (cases[i].want)
			check_str(got, cases[i].want,
				  "ifname_invalid case %zu refuses", i);
		else
			check(!got, "ifname_invalid \"%s\" accepts",
			      cases[i].name);
	}
}

static void u32_tests(void)
{
	static const struct {
		const char *s;
		uint32_t min, max;
		int ret;
		uint32_t val;
	} cases[] = {
		{ "0", 0, UINT32_MAX, 0, 0 },
		{ "42", 0, UINT32_MAX, 0, 42 },
		{ "010", 0, UINT32_MAX, 0, 10 },
		{ "4294967295", 0, UINT32_MAX, 0, UINT32_MAX },
		{ "0x10", 0, UINT32_MAX, 0, 16 },
		{ "0XfF", 0, UINT32_MAX, 0, 255 },
		{ "0xffffffff", 0, UINT32_MAX, 0, UINT32_MAX },
		{ "1", 1, 10, 0, 1 },
		{ "10", 1, 10, 0, 10 },
		{ "4294967296", 0, UINT32_MAX, -ERANGE, 0 },
		{ "0x100000000", 0, UINT32_MAX, -ERANGE, 0 },
		{ "99999999999999999999999", 0, UINT32_MAX, -ERANGE, 0 },
		{ "0", 1, 10, -ERANGE, 0 },
		{ "11", 1, 10, -ERANGE, 0 },
		{ "", 0, UINT32_MAX, -EINVAL, 0 },
		{ "-1", 0, UINT32_MAX, -EINVAL, 0 },
		{ "+1", 0, UINT32_MAX, -EINVAL, 0 },
		{ " 1", 0, UINT32_MAX, -EINVAL, 0 },
		{ "1 ", 0, UINT32_MAX, -EINVAL, 0 },
		{ "12a", 0, UINT32_MAX, -EINVAL, 0 },
		{ "0x", 0, UINT32_MAX, -EINVAL, 0 },
		{ "0x-1", 0, UINT32_MAX, -EINVAL, 0 },
		{ "0xg", 0, UINT32_MAX, -EINVAL, 0 },
		{ "1.5", 0, UINT32_MAX, -EINVAL, 0 },
		{ "ten", 0, UINT32_MAX, -EINVAL, 0 },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		uint32_t val = 7777;
		int ret = parse_u32(cases[i].s, cases[i].min, cases[i].max,
				    &val);

		check(ret == cases[i].ret &&
		      val == (ret ? 7777 : cases[i].val),
		      "parse_u32 \"%s\" in [%u, %u] gives %d, %u", cases[i].s,
		      cases[i].min, cases[i].max, cases[i].ret,
		      cases[i].ret ? 7777 : cases[i].val);
	}
}

static void mac_tests(void)
{
	static const char format[] =
		"MAC must be 6 octets of 2 hexadecimal digits, as in "
		"02:00:00:00:00:01";
	static const struct {
		const char *s;
		const char *why;	/* NULL: good */
		uint8_t mac[6];
	} cases[] = {
		{ "02:00:00:00:00:01", NULL, { 2, 0, 0, 0, 0, 1 } },
		{ "aa:bb:cc:dd:ee:fe", NULL,
		  { 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xfe } },
		{ "AA:Bb:cC:09:7f:80", NULL,
		  { 0xaa, 0xbb, 0xcc, 0x09, 0x7f, 0x80 } },
		{ "00:00:00:00:00:01", NULL, { 0, 0, 0, 0, 0, 1 } },
		{ "fe:ff:ff:ff:ff:ff", NULL,
		  { 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff } },
		{ "", format, { 0 } },
		{ "02:00:00:00:00", format, { 0 } },
		{ "02:00:00:00:00:", format, { 0 } },
		{ "02:00:00:00:00:01:", format, { 0 } },
		{ "02:00:00:00:00:01:02", format, { 0 } },
		{ "2:0:0:0:0:1", format, { 0 } },
		{ "002:00:00:00:00:01", format, { 0 } },
		{ "02-00-00-00-00-01", format, { 0 } },
		{ "0200.0000.0001", format, { 0 } },
		{ "02:00:00:00:00:0g", format, { 0 } },
		{ "02:00:00:00:00:01 ", format, { 0 } },
		{ " 02:00:00:00:00:01", format, { 0 } },
		{ "+2:00:00:00:00:01", format, { 0 } },
		{ "01:00:5e:00:00:01", "MAC is multicast (its first octet is "
		  "odd); a VM needs a unicast MAC", { 0 } },
		{ "ff:ff:ff:ff:ff:ff", "MAC is multicast (its first octet is "
		  "odd); a VM needs a unicast MAC", { 0 } },
		{ "00:00:00:00:00:00", "MAC 00:00:00:00:00:00 is not an address",
		  { 0 } },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		uint8_t mac[6] = { 7, 7, 7, 7, 7, 7 };
		static const uint8_t untouched[6] = { 7, 7, 7, 7, 7, 7 };
		const char *why = parse_mac(cases[i].s, mac);

		if (cases[i].why)
			check(why && !strcmp(why, cases[i].why) &&
			      !memcmp(mac, untouched, 6),
			      "parse_mac \"%s\" refuses: %s", cases[i].s,
			      cases[i].why);
		else
			check(!why && !memcmp(mac, cases[i].mac, 6),
			      "parse_mac \"%s\" accepts", cases[i].s);
	}
}

/* Splits line and joins the words with '|'. */
static const char *split(const char *line, int max, int *argc)
{
	static char joined[256];
	char copy[256], *argv[8];
	int i;

	strcpy(copy, line);
	*argc = split_args(copy, argv, max);
	joined[0] = '\0';
	for (i = 0; i < *argc; i++) {
		if (i)
			strcat(joined, "|");
		strcat(joined, argv[i]);
	}
	return joined;
}

static void split_tests(void)
{
	static const struct {
		const char *line;
		int argc;
		const char *words;
	} cases[] = {
		{ "switch show dev hnv0\n", 4, "switch|show|dev|hnv0" },
		{ "\tport \t show\r\n", 2, "port|show" },
		{ "", 0, "" },
		{ "   \t\n", 0, "" },
		{ "# a comment\n", 0, "" },
		{ "   # indented comment", 0, "" },
		{ "port show # the rest is a comment\n", 2, "port|show" },
		{ "port show#not a comment", 4, "port|show#not|a|comment" },
		{ "a b c d e f g h", 8, "a|b|c|d|e|f|g|h" },
	};
	const char *words;
	size_t i;
	int argc;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		words = split(cases[i].line, 8, &argc);
		check(argc == cases[i].argc && !strcmp(words, cases[i].words),
		      "split_args case %zu gives %d words \"%s\"", i,
		      cases[i].argc, cases[i].words);
	}
	split("a b c d e f g h i", 8, &argc);
	check_int(argc, -E2BIG, "split_args refuses more than max words");
}

#define PA_UNICAST "; a PA must be a unicast address"

static void address_tests(void)
{
	static const struct {
		const char *s;
		const char *why;	/* NULL: accepted */
		uint8_t addr[4];
	} pas[] = {
		{ "192.168.1.10", NULL, { 192, 168, 1, 10 } },
		{ "1.0.0.0", NULL, { 1, 0, 0, 0 } },
		{ "127.0.0.1", NULL, { 127, 0, 0, 1 } },
		{ "223.255.255.255", NULL, { 223, 255, 255, 255 } },
		{ "240.0.0.1", NULL, { 240, 0, 0, 1 } },
		{ "255.255.255.254", NULL, { 255, 255, 255, 254 } },
		{ "0.0.0.0", "PA is in 0.0.0.0/8" PA_UNICAST, { 0 } },
		{ "0.1.2.3", "PA is in 0.0.0.0/8" PA_UNICAST, { 0 } },
		{ "224.0.0.1", "PA is multicast" PA_UNICAST, { 0 } },
		{ "239.255.255.255", "PA is multicast" PA_UNICAST, { 0 } },
		{ "255.255.255.255", "PA is the broadcast address" PA_UNICAST,
		  { 0 } },
	};
	static const char *const not_pas[] = {
		"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4 ", "a.b.c.d",
		"2001:db8::1", "0x1.2.3.4", "01.2.3.4",
	};
	uint8_t addr[16], len;
	const char *why;
	uint8_t v6[16];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pas); i++) {
		memset(addr, 0xee, sizeof(addr));
		why = parse_pa(pas[i].s, addr);
		if (pas[i].why)
			check(why && !strcmp(why, pas[i].why) &&
			      addr[0] == 0xee,
			      "parse_pa \"%s\" refuses: %s", pas[i].s,
			      pas[i].why);
		else
			check(!why && !memcmp(addr, pas[i].addr, 4),
			      "parse_pa \"%s\" accepts", pas[i].s);
	}
	for (i = 0; i < ARRAY_SIZE(not_pas); i++)
		check_str(parse_pa(not_pas[i], addr),
			  "PA must be an IPv4 address, as in 192.168.1.10",
			  "parse_pa \"%s\" is no IPv4 address", not_pas[i]);

	check(!parse_ca("10.1.1.12", addr, &len) && len == 4 &&
	      !memcmp(addr, "\x0a\x01\x01\x0c", 4),
	      "parse_ca of an IPv4 address: 4 bytes");
	inet_pton(AF_INET6, "2001:db8::12", v6);
	check(!parse_ca("2001:db8::12", addr, &len) && len == 16 &&
	      !memcmp(addr, v6, 16),
	      "parse_ca of an IPv6 address: 16 bytes");
	inet_pton(AF_INET6, "::ffff:10.1.1.12", v6);
	check(!parse_ca("::ffff:10.1.1.12", addr, &len) && len == 16 &&
	      !memcmp(addr, v6, 16),
	      "parse_ca of an IPv4-mapped IPv6 address: 16 bytes");
	len = 7;
	check(!strcmp(parse_ca("10.1.1", addr, &len) ?: "",
		      "CA must be an IPv4 or IPv6 address, as in 10.1.1.12 "
		      "or 2001:db8::12") && len == 7 &&
	      parse_ca("2001:db8:::1", addr, &len) && parse_ca("", addr, &len),
	      "parse_ca refuses what is no address");
}

#define PREFIX_FORMAT \
	"prefix must be an IPv4 or IPv6 address and a length, as in " \
	"10.1.1.0/24 or fd00:1::/64"
#define PREFIX_NO_LEN \
	"prefix needs a length, as in 10.1.1.0/24 or fd00:1::/64"
#define PREFIX4_LEN "prefix length must be a number, at most 32 for IPv4"
#define PREFIX6_LEN "prefix length must be a number, at most 128 for IPv6"

static void prefix_tests(void)
{
	static const struct {
		const char *s;
		const char *why;	/* NULL: accepted */
		const char *addr;	/* as written, for a good one */
		uint8_t len;
	} cases[] = {
		{ "10.1.1.0/24", NULL, "10.1.1.0", 24 },
		{ "10.1.1.0/0", NULL, "10.1.1.0", 0 },
		{ "10.1.1.7/32", NULL, "10.1.1.7", 32 },
		{ "10.1.1.0/024", NULL, "10.1.1.0", 24 },
		{ "10.1.1.1/24", NULL, "10.1.1.1", 24 },
		{ "fd00:1::/64", NULL, "fd00:1::", 64 },
		{ "FD00:1::/126", NULL, "fd00:1::", 126 },
		{ "::/0", NULL, "::", 0 },
		{ "fd00:1::1/128", NULL, "fd00:1::1", 128 },
		{ "::ffff:10.1.1.0/120", NULL, "::ffff:10.1.1.0", 120 },
		{ "10.1.1.0", PREFIX_NO_LEN, NULL, 0 },
		{ "fd00:1::", PREFIX_NO_LEN, NULL, 0 },
		{ "", PREFIX_FORMAT, NULL, 0 },
		{ "/24", PREFIX_FORMAT, NULL, 0 },
		{ "10.1.1/24", PREFIX_FORMAT, NULL, 0 },
		{ "10.1.1.256/24", PREFIX_FORMAT, NULL, 0 },
		{ "fd00:::1/64", PREFIX_FORMAT, NULL, 0 },
		{ "net/24", PREFIX_FORMAT, NULL, 0 },
		{ "10.1.1.0/24/8", PREFIX_FORMAT, NULL, 0 },
		{ " 10.1.1.0/24", PREFIX_FORMAT, NULL, 0 },
		{ "0123456789012345678901234567890123456789012345/8",
		  PREFIX_FORMAT, NULL, 0 },
		{ "10.1.1.0/", PREFIX4_LEN, NULL, 0 },
		{ "10.1.1.0/33", PREFIX4_LEN, NULL, 0 },
		{ "10.1.1.0/-1", PREFIX4_LEN, NULL, 0 },
		{ "10.1.1.0/24 ", PREFIX4_LEN, NULL, 0 },
		{ "10.1.1.0/255.255.255.0", PREFIX4_LEN, NULL, 0 },
		{ "10.1.1.0/4294967320", PREFIX4_LEN, NULL, 0 },
		{ "fd00:1::/129", PREFIX6_LEN, NULL, 0 },
		{ "fd00:1::/sixty", PREFIX6_LEN, NULL, 0 },
	};
	uint8_t addr[16], want[16], alen, plen;
	const char *why;
	size_t i;
	int n;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		memset(addr, 0xee, sizeof(addr));
		alen = plen = 7;
		why = parse_prefix(cases[i].s, addr, &alen, &plen);
		if (cases[i].why) {
			check(why && !strcmp(why, cases[i].why) &&
			      addr[0] == 0xee && alen == 7 && plen == 7,
			      "parse_prefix \"%s\" refuses: %s", cases[i].s,
			      cases[i].why);
			if (why && strcmp(why, cases[i].why))
				diag("got: %s", why);
			continue;
		}
		n = strchr(cases[i].addr, ':') ? 16 : 4;
		inet_pton(n == 4 ? AF_INET : AF_INET6, cases[i].addr, want);
		check(!why && alen == n && plen == cases[i].len &&
		      !memcmp(addr, want, n),
		      "parse_prefix \"%s\" accepts: %d bytes, /%u", cases[i].s,
		      n, cases[i].len);
	}
}

void parse_tests(void)
{
	keyword_tests();
	ifname_tests();
	u32_tests();
	mac_tests();
	address_tests();
	prefix_tests();
	split_tests();
}
