// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of the ACL half of msg.c, output.c and names.c: ACL_NEW, ACL_DEL,
 * ACL_FLUSH and ACL_GET requests checked attribute by attribute, nests
 * and sizes included; rules and defaults made up as the kernel dumps
 * them, parsed and printed in both formats, byte for byte, and malformed
 * ones refused; the acl action of a flow; the tracked connections
 * (CONN_GET); the connection settings and count of a switch.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/hnv.h>

#include "msg.h"
#include "names.h"
#include "output.h"
#include "test.h"
#include "util.h"

static char *fake_ifname(unsigned int ifindex, char *buf)
{
	static const char *const names[] = {
		[7] = "hnv0", [8] = "hnv1", [9] = "vm1", [10] = "vm2",
	};

	if (ifindex >= ARRAY_SIZE(names) || !names[ifindex])
		return NULL;
	return strcpy(buf, names[ifindex]);
}

static struct nl_msg *request(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 1, 0x22, 0, 0, cmd, HNV_GENL_VERSION);
	return msg;
}

/* The prefixes of the rules below, as HNV_ACL_A_SRC and _DST nests. */
static const struct attr_want src24[] = {
	WANT_BYTES(HNV_PREFIX_A_ADDR, 4, "\x0a\x00\x00\x00"),
	WANT_U8(HNV_PREFIX_A_LEN, 24),
	WANT_END,
};

static const struct attr_want dst32[] = {
	WANT_BYTES(HNV_PREFIX_A_ADDR, 4, "\x0a\x00\x01\x05"),
	WANT_U8(HNV_PREFIX_A_LEN, 32),
	WANT_END,
};

static const struct attr_want src64[] = {
	WANT_BYTES(HNV_PREFIX_A_ADDR, 16,
		   "\xfd\x00\x00\x01\0\0\0\0\0\0\0\0\0\0\0\0"),
	WANT_U8(HNV_PREFIX_A_LEN, 64),
	WANT_END,
};

/* out, prio 100, allow stateful tcp 10.0.0.0/24 > 10.0.1.5, 1024 > 80-90 */
static const struct attr_want full_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_OUT),
	WANT_U8(HNV_ACL_A_ACTION, HNV_ACL_ACTION_ALLOW),
	WANT_FLAG(HNV_ACL_A_STATEFUL),
	WANT_U32(HNV_ACL_A_PRIORITY, 100),
	WANT_U8(HNV_ACL_A_PROTO, IPPROTO_TCP),
	WANT_NEST(HNV_ACL_A_SRC, src24),
	WANT_NEST(HNV_ACL_A_DST, dst32),
	WANT_U16(HNV_ACL_A_SPORT_MIN, 1024),
	WANT_U16(HNV_ACL_A_DPORT_MIN, 80),
	WANT_U16(HNV_ACL_A_DPORT_MAX, 90),
	WANT_END,
};

static const struct attr_want full_req[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_STR(HNV_A_PORT_IFNAME, "vm1"),
	WANT_NEST(HNV_A_ACL, full_acl),
	WANT_END,
};

static const struct attr_want full_replace[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_STR(HNV_A_PORT_IFNAME, "vm1"),
	WANT_NEST(HNV_A_ACL, full_acl),
	WANT_FLAG(HNV_A_REPLACE),
	WANT_END,
};

static const struct attr_want default_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_IN),
	WANT_U8(HNV_ACL_A_ACTION, HNV_ACL_ACTION_DENY),
	WANT_FLAG(HNV_ACL_A_DEFAULT),
	WANT_END,
};

static const struct attr_want default_req[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_U32(HNV_A_VSID, 5001),
	WANT_NEST(HNV_A_ACL, default_acl),
	WANT_END,
};

static const struct attr_want del_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_OUT),
	WANT_U32(HNV_ACL_A_PRIORITY, 65535),
	WANT_END,
};

static const struct attr_want del_req[] = {
	WANT_U32(HNV_A_PORT_IFINDEX, 9),
	WANT_NEST(HNV_A_ACL, del_acl),
	WANT_END,
};

static const struct attr_want del_default_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_IN),
	WANT_FLAG(HNV_ACL_A_DEFAULT),
	WANT_END,
};

static const struct attr_want del_default_req[] = {
	WANT_U32(HNV_A_SWITCH_IFINDEX, 7),
	WANT_U32(HNV_A_VSID, 16777214),
	WANT_NEST(HNV_A_ACL, del_default_acl),
	WANT_END,
};

static const struct attr_want flush_req[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_END,
};

static const struct attr_want dir_out[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_OUT),
	WANT_END,
};

static const struct attr_want flush_dir_req[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_STR(HNV_A_PORT_IFNAME, "vm2"),
	WANT_NEST(HNV_A_ACL, dir_out),
	WANT_END,
};

static const struct attr_want v6_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_IN),
	WANT_U8(HNV_ACL_A_ACTION, HNV_ACL_ACTION_ALLOW),
	WANT_U32(HNV_ACL_A_PRIORITY, 1),
	WANT_U8(HNV_ACL_A_PROTO, IPPROTO_ICMPV6),
	WANT_NEST(HNV_ACL_A_SRC, src64),
	WANT_END,
};

static const struct attr_want v6_req[] = {
	WANT_STR(HNV_A_PORT_IFNAME, "vm1"),
	WANT_NEST(HNV_A_ACL, v6_acl),
	WANT_END,
};

static const struct attr_want dump_req[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv1"),
	WANT_U32(HNV_A_VSID, 4096),
	WANT_END,
};

static const struct attr_want none[] = { WANT_END };

static void acl_request_tests(void)
{
	struct hnv_acl_sel port = {
		.sw = { .ifname = "hnv0" }, .port = { .ifname = "vm1" },
	};
	struct hnv_acl_sel vsid = { .sw = { .ifname = "hnv0" }, .vsid = 5001 };
	struct hnv_acl acl = {
		.ref = {
			.has = HNV_ACL_DIR | HNV_ACL_ACTION | HNV_ACL_STATEFUL |
			       HNV_ACL_PRIORITY,
			.dir = HNV_ACL_DIR_OUT, .action = HNV_ACL_ACTION_ALLOW,
			.priority = 100,
		},
		.has = HNV_ACL_PROTO | HNV_ACL_SPORT_MIN | HNV_ACL_DPORT_MIN |
		       HNV_ACL_DPORT_MAX,
		.proto = IPPROTO_TCP,
		.src = { 4, 24, { 10, 0, 0, 0 } },
		.dst = { 4, 32, { 10, 0, 1, 5 } },
		.sport_min = 1024, .dport_min = 80, .dport_max = 90,
	};
	struct nl_msg *msg;

	msg = request(HNV_CMD_ACL_NEW);
	check_int(hnv_put_acl(msg, &port, &acl, false), 0, "ACL_NEW: put");
	check(msg_attrs_are(msg, full_req),
	      "ACL_NEW of a port's rule: the switch's and the port's names, "
	      "then HNV_A_ACL (NLA_F_NESTED): u8 DIR, u8 ACTION, the STATEFUL "
	      "flag, u32 PRIORITY, u8 PROTO, the SRC and DST nests (4-byte "
	      "ADDR, u8 LEN), u16 SPORT_MIN, DPORT_MIN and DPORT_MAX; no "
	      "SPORT_MAX without a range, no REPLACE, nothing else");
	nlmsg_free(msg);

	msg = request(HNV_CMD_ACL_NEW);
	hnv_put_acl(msg, &port, &acl, true);
	check(msg_attrs_are(msg, full_replace) &&
	      !(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_REPLACE),
	      "ACL_NEW replace: the same, then the flag HNV_A_REPLACE; not "
	      "NLM_F_REPLACE");
	nlmsg_free(msg);

	memset(&acl, 0, sizeof(acl));
	acl.ref = (struct hnv_acl_ref){
		.has = HNV_ACL_DIR | HNV_ACL_ACTION | HNV_ACL_DEFAULT,
		.dir = HNV_ACL_DIR_IN, .action = HNV_ACL_ACTION_DENY,
	};
	msg = request(HNV_CMD_ACL_NEW);
	check_int(hnv_put_acl(msg, &vsid, &acl, false), 0,
		  "ACL_NEW of a default: put");
	check(msg_attrs_are(msg, default_req),
	      "ACL_NEW of a VSID's default: the switch, u32 HNV_A_VSID, "
	      "HNV_A_ACL with DIR, ACTION and the DEFAULT flag, no PRIORITY");
	nlmsg_free(msg);

	memset(&acl, 0, sizeof(acl));
	acl.ref = (struct hnv_acl_ref){
		.has = HNV_ACL_DIR | HNV_ACL_PRIORITY,
		.dir = HNV_ACL_DIR_OUT, .priority = 65535,
	};
	msg = request(HNV_CMD_ACL_DEL);
	check_int(hnv_put_acl(msg, &(struct hnv_acl_sel){
				.port = { .ifindex = 9 } }, &acl, false), 0,
		  "ACL_DEL of a rule: put");
	check(msg_attrs_are(msg, del_req),
	      "ACL_DEL of a rule: the port's ifindex, HNV_A_ACL with DIR and "
	      "PRIORITY 65535 only");
	nlmsg_free(msg);

	acl.ref = (struct hnv_acl_ref){
		.has = HNV_ACL_DIR | HNV_ACL_DEFAULT, .dir = HNV_ACL_DIR_IN,
	};
	msg = request(HNV_CMD_ACL_DEL);
	hnv_put_acl(msg, &(struct hnv_acl_sel){
			.sw = { .ifindex = 7 }, .vsid = 16777214 }, &acl,
		    false);
	check(msg_attrs_are(msg, del_default_req),
	      "ACL_DEL of a default: the switch's ifindex, the VSID, "
	      "HNV_A_ACL with DIR and the DEFAULT flag");
	nlmsg_free(msg);

	msg = request(HNV_CMD_ACL_FLUSH);
	hnv_put_acl(msg, &(struct hnv_acl_sel){ .sw = { .ifname = "hnv0" } },
		    NULL, false);
	check(msg_attrs_are(msg, flush_req),
	      "ACL_FLUSH of a switch: its name only, no HNV_A_ACL");
	nlmsg_free(msg);

	acl.ref = (struct hnv_acl_ref){
		.has = HNV_ACL_DIR, .dir = HNV_ACL_DIR_OUT,
	};
	msg = request(HNV_CMD_ACL_FLUSH);
	hnv_put_acl(msg, &(struct hnv_acl_sel){
			.sw = { .ifname = "hnv0" },
			.port = { .ifname = "vm2" } },
		    &acl, false);
	check(msg_attrs_are(msg, flush_dir_req),
	      "ACL_FLUSH of a port's out ACL: switch, port, HNV_A_ACL with "
	      "DIR only");
	nlmsg_free(msg);

	memset(&acl, 0, sizeof(acl));
	acl.ref = (struct hnv_acl_ref){
		.has = HNV_ACL_DIR | HNV_ACL_ACTION | HNV_ACL_PRIORITY,
		.dir = HNV_ACL_DIR_IN, .action = HNV_ACL_ACTION_ALLOW,
		.priority = 1,
	};
	acl.has = HNV_ACL_PROTO;
	acl.proto = IPPROTO_ICMPV6;
	acl.src = (struct hnv_acl_prefix){ 16, 64, { 0xfd, 0, 0, 1 } };
	msg = request(HNV_CMD_ACL_NEW);
	hnv_put_acl(msg, &(struct hnv_acl_sel){ .port = { .ifname = "vm1" } },
		    &acl, false);
	check(msg_attrs_are(msg, v6_req),
	      "ACL_NEW of an ICMPv6 rule: no switch, a 16-byte ADDR in SRC, "
	      "no DST, no ports");
	nlmsg_free(msg);

	msg = request(HNV_CMD_ACL_GET);
	check_int(hnv_put_acl_sel(msg, &(struct hnv_acl_sel){
					.sw = { .ifname = "hnv1" },
					.vsid = 4096 }), 0,
		  "ACL_GET of a switch's VSID: put");
	check(msg_attrs_are(msg, dump_req),
	      "ACL_GET of a switch's VSID: its name and HNV_A_VSID");
	nlmsg_free(msg);

	msg = request(HNV_CMD_ACL_GET);
	hnv_put_acl_sel(msg, &(struct hnv_acl_sel){ 0 });
	check(msg_attrs_are(msg, none),
	      "ACL_GET of every switch: no attribute");
	nlmsg_free(msg);
}

/* What rule_msg() spoils, if anything. */
enum {
	GOOD, NO_SWITCH, NO_OWNER, NO_ACL, NO_DIR, NO_ACTION, NO_PRIO,
	DIR_U32, PRIO_U16, ACTION_EMPTY, STATEFUL_BYTE, SRC_5, SRC_LEN_33,
	SRC_NO_LEN, DPORT_U32, HITS_U32, DST_LEN_129,
};

/*
 * The rule of port vm1 (9) of hnv0 (7) as the kernel dumps it: out, prio
 * 100, allow stateful, tcp, src 10.0.0.0/24, dport 80-90, 12 hits, with
 * padding before the hits and attributes of a newer kernel; spoiled as
 * bad says.
 */
static struct nl_msg *rule_msg(int bad)
{
	struct nl_msg *msg = message(HNV_CMD_ACL_GET);
	struct nlattr *acl, *src;

	if (bad != NO_SWITCH)
		nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	if (bad != NO_OWNER)
		nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	nla_put_u32(msg, HNV_A_MAX + 3, 1);
	if (bad == NO_ACL)
		return msg;
	acl = nest_start(msg, HNV_A_ACL);
	if (bad == DIR_U32)
		nla_put_u32(msg, HNV_ACL_A_DIR, HNV_ACL_DIR_OUT);
	else if (bad != NO_DIR)
		nla_put_u8(msg, HNV_ACL_A_DIR, HNV_ACL_DIR_OUT);
	if (bad == PRIO_U16)
		nla_put_u16(msg, HNV_ACL_A_PRIORITY, 100);
	else if (bad != NO_PRIO)
		nla_put_u32(msg, HNV_ACL_A_PRIORITY, 100);
	if (bad == ACTION_EMPTY)
		nla_put(msg, HNV_ACL_A_ACTION, 0, NULL);
	else if (bad != NO_ACTION)
		nla_put_u8(msg, HNV_ACL_A_ACTION, HNV_ACL_ACTION_ALLOW);
	if (bad == STATEFUL_BYTE)
		nla_put_u8(msg, HNV_ACL_A_STATEFUL, 1);
	else
		nla_put_flag(msg, HNV_ACL_A_STATEFUL);
	nla_put_u8(msg, HNV_ACL_A_PROTO, IPPROTO_TCP);
	src = nest_start(msg, HNV_ACL_A_SRC);
	nla_put(msg, HNV_PREFIX_A_ADDR, bad == SRC_5 ? 5 : 4,
		"\x0a\x00\x00\x00\x00");
	if (bad != SRC_NO_LEN)
		nla_put_u8(msg, HNV_PREFIX_A_LEN, bad == SRC_LEN_33 ? 33 : 24);
	nla_nest_end(msg, src);
	if (bad == DST_LEN_129) {
		src = nest_start(msg, HNV_ACL_A_DST);
		nla_put(msg, HNV_PREFIX_A_ADDR, 16,
			"\xfd\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
		nla_put_u8(msg, HNV_PREFIX_A_LEN, 129);
		nla_nest_end(msg, src);
	}
	if (bad == DPORT_U32)
		nla_put_u32(msg, HNV_ACL_A_DPORT_MIN, 80);
	else
		nla_put_u16(msg, HNV_ACL_A_DPORT_MIN, 80);
	nla_put_u16(msg, HNV_ACL_A_DPORT_MAX, 90);
	nla_put(msg, HNV_ACL_A_PAD, 0, NULL);
	if (bad == HITS_U32)
		nla_put_u32(msg, HNV_ACL_A_HITS, 12);
	else
		nla_put_u64(msg, HNV_ACL_A_HITS, 12);
	nla_put_u32(msg, HNV_ACL_A_MAX + 1, 1);
	nla_nest_end(msg, acl);
	return msg;
}

/* The default of VSID 5001 of hnv0: in, deny, 3 hits. */
static struct nl_msg *default_msg(void)
{
	static const uint64_t hits = 3;
	static const struct raw acl[] = {
		{ HNV_ACL_A_DIR, 1, "\x01" },
		{ HNV_ACL_A_DEFAULT, 0, NULL },
		{ HNV_ACL_A_ACTION, 1, "\x02" },
		{ HNV_ACL_A_HITS, 8, &hits },
		{ 0 },
	};
	struct nl_msg *msg = message(HNV_CMD_ACL_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_VSID, 5001);
	put_raw(msg, HNV_A_ACL, acl);
	return msg;
}

/*
 * A rule of an unnamed port (11) of hnv1 (8), IPv6, without hits: in,
 * prio 7, allow udp fd00:1::/64 > fd00:2::5/128, sport 53, and only a
 * DPORT_MAX (its MIN being 0).
 */
static struct nl_msg *rule6_msg(void)
{
	static const uint16_t sport = 53, dport_max = 1023;
	static const struct raw src[] = {
		{ HNV_PREFIX_A_ADDR, 16,
		  "\xfd\x00\x00\x01\0\0\0\0\0\0\0\0\0\0\0\0" },
		{ HNV_PREFIX_A_LEN, 1, "\x40" },
		{ 0 },
	};
	static const struct raw dst[] = {
		{ HNV_PREFIX_A_ADDR, 16,
		  "\xfd\x00\x00\x02\0\0\0\0\0\0\0\0\0\0\0\x05" },
		{ HNV_PREFIX_A_LEN, 1, "\x80" },
		{ 0 },
	};
	struct nl_msg *msg = message(HNV_CMD_ACL_GET);
	struct nlattr *acl;

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 8);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 11);
	acl = nest_start(msg, HNV_A_ACL);
	nla_put_u8(msg, HNV_ACL_A_DIR, HNV_ACL_DIR_IN);
	nla_put_u32(msg, HNV_ACL_A_PRIORITY, 7);
	nla_put_u8(msg, HNV_ACL_A_ACTION, HNV_ACL_ACTION_ALLOW);
	nla_put_u8(msg, HNV_ACL_A_PROTO, IPPROTO_UDP);
	put_raw(msg, HNV_ACL_A_SRC, src);
	put_raw(msg, HNV_ACL_A_DST, dst);
	nla_put(msg, HNV_ACL_A_SPORT_MIN, 2, &sport);
	nla_put(msg, HNV_ACL_A_DPORT_MAX, 2, &dport_max);
	nla_nest_end(msg, acl);
	return msg;
}

static void acl_parse_tests(void)
{
	static const struct {
		int bad;
		const char *what;
	} bad[] = {
		{ NO_SWITCH, "no HNV_A_SWITCH_IFINDEX" },
		{ NO_OWNER, "neither a port nor a VSID" },
		{ NO_ACL, "no HNV_A_ACL" },
		{ NO_DIR, "no HNV_ACL_A_DIR" },
		{ NO_ACTION, "no HNV_ACL_A_ACTION" },
		{ NO_PRIO, "neither a priority nor HNV_ACL_A_DEFAULT" },
		{ DIR_U32, "a 32-bit direction" },
		{ PRIO_U16, "a 16-bit priority" },
		{ ACTION_EMPTY, "an empty action" },
		{ STATEFUL_BYTE, "a stateful flag with a byte" },
		{ SRC_5, "a 5-byte source address" },
		{ SRC_LEN_33, "an IPv4 prefix of length 33" },
		{ SRC_NO_LEN, "a prefix without length" },
		{ DST_LEN_129, "an IPv6 prefix of length 129" },
		{ DPORT_U32, "a 32-bit port" },
		{ HITS_U32, "32-bit hits" },
	};
	struct hnv_acl acl;
	struct nl_msg *msg;
	size_t i;

	msg = rule_msg(GOOD);
	check_int(hnv_parse_acl(nlmsg_hdr(msg), &acl), 0,
		  "parse a port's rule");
	check(acl.switch_ifindex == 7 &&
	      acl.ref.has == (HNV_ACL_PORT | HNV_ACL_DIR | HNV_ACL_PRIORITY |
			      HNV_ACL_ACTION | HNV_ACL_STATEFUL) &&
	      acl.ref.port_ifindex == 9 && acl.ref.dir == HNV_ACL_DIR_OUT &&
	      acl.ref.priority == 100 &&
	      acl.ref.action == HNV_ACL_ACTION_ALLOW,
	      "ACL rule: switch, port, out, prio 100, allow stateful");
	check(acl.has == (HNV_ACL_PROTO | HNV_ACL_DPORT_MIN |
			  HNV_ACL_DPORT_MAX | HNV_ACL_HITS) &&
	      acl.proto == IPPROTO_TCP && acl.src.alen == 4 &&
	      acl.src.len == 24 && !memcmp(acl.src.addr, "\x0a\0\0\0", 4) &&
	      !acl.dst.alen && acl.dport_min == 80 && acl.dport_max == 90 &&
	      acl.hits == 12,
	      "ACL rule: tcp, src 10.0.0.0/24, no dst, dport 80-90, 12 hits; "
	      "padding and unknown attributes skipped");
	nlmsg_free(msg);

	msg = default_msg();
	check(!hnv_parse_acl(nlmsg_hdr(msg), &acl) &&
	      acl.ref.has == (HNV_ACL_VSID | HNV_ACL_DIR | HNV_ACL_DEFAULT |
			      HNV_ACL_ACTION) &&
	      acl.ref.vsid == 5001 && acl.ref.action == HNV_ACL_ACTION_DENY &&
	      acl.has == HNV_ACL_HITS && acl.hits == 3,
	      "parse a VSID's default: VSID 5001, in, default, deny, 3 hits");
	nlmsg_free(msg);

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		msg = rule_msg(bad[i].bad);
		check_int(hnv_parse_acl(nlmsg_hdr(msg), &acl), -EBADMSG,
			  "an ACL rule with %s is malformed", bad[i].what);
		nlmsg_free(msg);
	}
}

static const char human_acls[] =
	"hnv0 dev vm1 out prio 100 allow stateful proto tcp src 10.0.0.0/24 "
	"dport 80-90 hits 12\n"
	"hnv0 vsid 5001 in default deny hits 3\n"
	"hnv1 dev if11 in prio 7 allow proto udp src fd00:1::/64 "
	"dst fd00:2::5/128 sport 53 dport 0-1023\n";

static const char json_acls[] =
	"[{\"switch\":\"hnv0\",\"dev\":\"vm1\",\"dir\":\"out\",\"prio\":100,"
	"\"action\":\"allow\",\"stateful\":true,\"proto\":\"tcp\","
	"\"src\":\"10.0.0.0/24\",\"dport\":\"80-90\",\"hits\":12},"
	"{\"switch\":\"hnv0\",\"vsid\":5001,\"dir\":\"in\",\"default\":true,"
	"\"action\":\"deny\",\"stateful\":false,\"hits\":3},"
	"{\"switch\":\"hnv1\",\"dev\":\"if11\",\"dir\":\"in\",\"prio\":7,"
	"\"action\":\"allow\",\"stateful\":false,\"proto\":\"udp\","
	"\"src\":\"fd00:1::/64\",\"dst\":\"fd00:2::5/128\",\"sport\":\"53\","
	"\"dport\":\"0-1023\"}]\n";

static const char pretty_acl[] =
	"[\n"
	"    {\n"
	"        \"switch\": \"hnv0\",\n"
	"        \"vsid\": 5001,\n"
	"        \"dir\": \"in\",\n"
	"        \"default\": true,\n"
	"        \"action\": \"deny\",\n"
	"        \"stateful\": false,\n"
	"        \"hits\": 3\n"
	"    }\n"
	"]\n";

static void acl_output_tests(void)
{
	struct hnv_acl acl[3];
	struct nl_msg *msg[3];
	struct capture c;
	struct out o;
	size_t i;

	msg[0] = rule_msg(GOOD);
	msg[1] = default_msg();
	msg[2] = rule6_msg();
	for (i = 0; i < 3; i++) {
		hnv_parse_acl(nlmsg_hdr(msg[i]), &acl[i]);
		nlmsg_free(msg[i]);
	}
	check(acl[2].has == (HNV_ACL_PROTO | HNV_ACL_SPORT_MIN |
			     HNV_ACL_DPORT_MAX) && acl[2].src.alen == 16 &&
	      acl[2].dst.len == 128 && acl[2].sport_min == 53,
	      "parse an IPv6 rule without hits, a DPORT_MAX alone");

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	for (i = 0; i < 3; i++)
		out_acl(&o, &acl[i]);
	check_str(out_close(&o, &c), human_acls,
		  "acl show: a line a rule, match fields only if set, a port "
		  "range N-M, MIN 0 by default, hits if reported; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	o.ifname = fake_ifname;
	for (i = 0; i < 3; i++)
		out_acl(&o, &acl[i]);
	check_str(out_close(&o, &c), json_acls,
		  "acl show -j: switch, dev or vsid, dir, prio or default, "
		  "action, stateful, proto, src, dst, sport and dport as "
		  "strings, hits");
	free(c.buf);

	out_open(&o, &c, true, true);
	o.ifname = fake_ifname;
	out_acl(&o, &acl[1]);
	check_str(out_close(&o, &c), pretty_acl, "acl show -p: a default");
	free(c.buf);

	acl[0].proto = 47;
	acl[0].ref.dir = 7;
	acl[0].ref.action = 9;
	acl[0].ref.has &= ~HNV_ACL_STATEFUL;
	acl[0].has &= ~(HNV_ACL_DPORT_MIN | HNV_ACL_HITS);
	acl[0].sport_min = 5;
	acl[0].sport_max = 5;
	acl[0].has |= HNV_ACL_SPORT_MIN | HNV_ACL_SPORT_MAX;
	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	out_acl(&o, &acl[0]);
	check_str(out_close(&o, &c),
		  "hnv0 dev vm1 dir-7 prio 100 action-9 proto 47 "
		  "src 10.0.0.0/24 sport 5 dport 0-90\n",
		  "acl show: an unknown protocol, direction and action by "
		  "number; a range of one port as a port");
	free(c.buf);

	out_open(&o, &c, true, false);
	check_str(out_close(&o, &c), "[]\n", "acl show -j of none: []");
	free(c.buf);
}

/* An acl action's nest: a rule of port vm1, out, prio 100 */
static const struct raw ref_port[] = {
	{ HNV_ACL_A_DIR, 1, "\x02" },
	{ HNV_ACL_A_PORT_IFINDEX, 4, &(const uint32_t){ 9 } },
	{ HNV_ACL_A_PRIORITY, 4, &(const uint32_t){ 100 } },
	{ 0 },
};

/* the default of VSID 5001, in */
static const struct raw ref_vsid[] = {
	{ HNV_ACL_A_DIR, 1, "\x01" },
	{ HNV_ACL_A_VSID, 4, &(const uint32_t){ 5001 } },
	{ HNV_ACL_A_DEFAULT, 0, NULL },
	{ 0 },
};

/* the return traffic of an established connection */
static const struct raw ref_conn[] = {
	{ HNV_ACL_A_CONN, 1, "\x02" },
	{ 0 },
};

/* A flow action: of type, a u32 arg, or the nest acl if not NULL. */
struct act {
	int type;			/* 0 ends a list */
	uint32_t arg;
	const struct raw *acl;
};

/*
 * A TCP flow of port vm1 (9) of hnv0 (7), 10.0.0.1:40000 > 10.0.0.2:22,
 * whose actions are acts.
 */
static struct nl_msg *acl_flow(const struct act *acts)
{
	static const uint8_t mac1[ETH_ALEN] = { 2, 0, 0, 0, 0, 1 };
	static const uint8_t mac2[ETH_ALEN] = { 2, 0, 0, 0, 0, 2 };
	struct nl_msg *msg = message(HNV_CMD_FLOW_GET);
	struct nlattr *flow, *nest;

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	flow = nest_start(msg, HNV_A_FLOW);
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, mac1);
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, mac2);
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE, htons(0x0800));
	nla_put_u8(msg, HNV_FLOW_A_IP_PROTO, IPPROTO_TCP);
	nla_put(msg, HNV_FLOW_A_IP_SRC, 4, "\x0a\x00\x00\x01");
	nla_put(msg, HNV_FLOW_A_IP_DST, 4, "\x0a\x00\x00\x02");
	nla_put_u16(msg, HNV_FLOW_A_L4_SRC, htons(40000));
	nla_put_u16(msg, HNV_FLOW_A_L4_DST, htons(22));
	nest = nest_start(msg, HNV_FLOW_A_ACTIONS);
	for (; acts->type; acts++) {
		if (acts->acl)
			put_raw(msg, acts->type, acts->acl);
		else if (acts->type == HNV_ACTION_A_DROP)
			nla_put_u8(msg, acts->type, acts->arg);
		else
			nla_put_u32(msg, acts->type, acts->arg);
	}
	nla_nest_end(msg, nest);
	nla_put_u64(msg, HNV_FLOW_A_PACKETS, 2);
	nla_put_u64(msg, HNV_FLOW_A_BYTES, 148);
	nla_put_u32(msg, HNV_FLOW_A_IDLE_MS, 4);
	nla_nest_end(msg, flow);
	return msg;
}

#define FLOW_HEAD \
	"hnv0 port vm1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv4 " \
	"10.0.0.1:40000 > 10.0.0.2:22 tcp packets 2 bytes 148 idle 4ms " \
	"actions "
#define JFLOW_HEAD \
	"{\"switch\":\"hnv0\",\"port\":\"vm1\"," \
	"\"eth_src\":\"02:00:00:00:00:01\",\"eth_dst\":\"02:00:00:00:00:02\"," \
	"\"eth_type\":2048,\"ip_proto\":6,\"ip_src\":\"10.0.0.1\"," \
	"\"ip_dst\":\"10.0.0.2\",\"l4_src\":40000,\"l4_dst\":22," \
	"\"packets\":2,\"bytes\":148,\"idle_ms\":4,\"actions\":"

/* acl action nests the parser refuses */
static const struct raw no_dir[] = {
	{ HNV_ACL_A_PORT_IFINDEX, 4, &(const uint32_t){ 9 } },
	{ HNV_ACL_A_PRIORITY, 4, &(const uint32_t){ 100 } },
	{ 0 },
};

static const struct raw no_owner[] = {
	{ HNV_ACL_A_DIR, 1, "\x02" },
	{ HNV_ACL_A_DEFAULT, 0, NULL },
	{ 0 },
};

static const struct raw no_prio[] = {
	{ HNV_ACL_A_DIR, 1, "\x02" },
	{ HNV_ACL_A_VSID, 4, &(const uint32_t){ 5001 } },
	{ 0 },
};

static const struct raw prio_u8[] = {
	{ HNV_ACL_A_DIR, 1, "\x02" },
	{ HNV_ACL_A_VSID, 4, &(const uint32_t){ 5001 } },
	{ HNV_ACL_A_PRIORITY, 1, "\x05" },
	{ 0 },
};

static const struct raw conn_u32[] = {
	{ HNV_ACL_A_CONN, 4, &(const uint32_t){ 2 } },
	{ 0 },
};

static const struct raw vsid_u8[] = {
	{ HNV_ACL_A_DIR, 1, "\x02" },
	{ HNV_ACL_A_VSID, 1, "\x05" },
	{ HNV_ACL_A_DEFAULT, 0, NULL },
	{ 0 },
};

static void acl_action_tests(void)
{
	static const struct act allowed[] = {
		{ HNV_ACTION_A_ACL, 0, ref_port },
		{ HNV_ACTION_A_ACL, 0, ref_vsid },
		{ HNV_ACTION_A_OUTPUT, 10, NULL },
		{ 0 },
	};
	static const struct act returning[] = {
		{ HNV_ACTION_A_ACL, 0, ref_conn },
		{ HNV_ACTION_A_OUTPUT, 9, NULL },
		{ 0 },
	};
	static const struct act denied[] = {
		{ HNV_ACTION_A_ACL, 0, ref_port },
		{ HNV_ACTION_A_DROP, HNV_DROP_ACL, NULL },
		{ 0 },
	};
	static const struct {
		const struct raw *nest;
		const char *what;
	} bad[] = {
		{ no_dir, "without a direction" },
		{ no_owner, "of neither a port nor a VSID" },
		{ no_prio, "without a priority or default" },
		{ prio_u8, "with an 8-bit priority" },
		{ conn_u32, "with a 32-bit connection state" },
		{ vsid_u8, "with an 8-bit VSID" },
	};
	struct act acts[3] = { { 0 } };
	struct hnv_flow f[3];
	struct nl_msg *msg;
	struct capture c;
	struct out o;
	size_t i;

	msg = acl_flow(allowed);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[0]), 0,
		  "parse a flow with acl actions");
	check(f[0].nactions == 3 && f[0].actions[0].type == HNV_ACTION_A_ACL &&
	      f[0].actions[0].acl.has == (HNV_ACL_DIR | HNV_ACL_PORT |
					  HNV_ACL_PRIORITY) &&
	      f[0].actions[0].acl.port_ifindex == 9 &&
	      f[0].actions[0].acl.priority == 100 &&
	      f[0].actions[1].acl.has == (HNV_ACL_DIR | HNV_ACL_VSID |
					  HNV_ACL_DEFAULT) &&
	      f[0].actions[1].acl.vsid == 5001 &&
	      f[0].actions[2].type == HNV_ACTION_A_OUTPUT,
	      "acl actions: the port's rule, the VSID's default, then the "
	      "output, in order");
	nlmsg_free(msg);
	msg = acl_flow(returning);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f[1]) && f[1].nactions == 2 &&
	      f[1].actions[0].acl.has == HNV_ACL_CONN &&
	      f[1].actions[0].acl.conn == HNV_CONN_ESTABLISHED,
	      "acl action of a connection's return traffic: its state");
	nlmsg_free(msg);
	msg = acl_flow(denied);
	hnv_parse_flow(nlmsg_hdr(msg), &f[2]);
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	for (i = 0; i < 3; i++)
		out_flow(&o, &f[i]);
	check_str(out_close(&o, &c),
		  FLOW_HEAD "acl dev vm1 out prio 100, acl vsid 5001 in "
		  "default, output vm2\n"
		  FLOW_HEAD "acl conn, output vm1\n"
		  FLOW_HEAD "acl dev vm1 out prio 100, drop acl\n",
		  "flow show: acl dev PORT DIR prio N, acl vsid VSID DIR "
		  "default, acl conn, drop acl; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	o.ifname = fake_ifname;
	for (i = 0; i < 3; i++)
		out_flow(&o, &f[i]);
	check_str(out_close(&o, &c),
		  "[" JFLOW_HEAD "[{\"acl\":{\"dev\":\"vm1\",\"dir\":\"out\","
		  "\"prio\":100}},{\"acl\":{\"vsid\":5001,\"dir\":\"in\","
		  "\"default\":true}},{\"output\":\"vm2\"}]},"
		  JFLOW_HEAD "[{\"acl\":{\"conn\":\"established\"}},"
		  "{\"output\":\"vm1\"}]},"
		  JFLOW_HEAD "[{\"acl\":{\"dev\":\"vm1\",\"dir\":\"out\","
		  "\"prio\":100}},{\"drop\":\"acl\"}]}]\n",
		  "flow show -j: {\"acl\":{...}} without action nor stateful, "
		  "{\"acl\":{\"conn\":STATE}}, {\"drop\":\"acl\"}");
	free(c.buf);
	for (i = 0; i < 3; i++)
		hnv_flow_free(&f[i]);

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		acts[0] = (struct act){ HNV_ACTION_A_ACL, 0, bad[i].nest };
		msg = acl_flow(acts);
		check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[0]), -EBADMSG,
			  "an acl action %s is malformed", bad[i].what);
		hnv_flow_free(&f[0]);
		nlmsg_free(msg);
	}
}

/* What conn_msg() leaves out or spoils. */
enum {
	C_GOOD, C_NO_CONN, C_NO_RDID, C_NO_STATE, C_NO_EXPIRES, C_MIXED,
	C_SPORT_U8, C_STATE_U32, C_NO_SRC,
};

/*
 * A connection of switch sw as the kernel dumps it, its addresses of the
 * family their text says; ports of 0 left out (ICMP); spoiled as bad
 * says.
 */
static struct nl_msg *conn_msg(uint32_t sw, uint32_t rdid, uint8_t proto,
			       const char *src, uint16_t sport,
			       const char *dst, uint16_t dport, uint8_t state,
			       uint32_t expires, int bad)
{
	struct nl_msg *msg = message(HNV_CMD_CONN_GET);
	int family = strchr(src, ':') ? AF_INET6 : AF_INET;
	int len = family == AF_INET ? 4 : 16;
	struct nlattr *nest;
	uint8_t addr[16];

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, sw);
	if (bad == C_NO_CONN)
		return msg;
	nest = nest_start(msg, HNV_A_CONN);
	if (bad != C_NO_RDID)
		nla_put_u32(msg, HNV_CONN_A_RDID, rdid);
	nla_put_u8(msg, HNV_CONN_A_PROTO, proto);
	inet_pton(family, src, addr);
	if (bad != C_NO_SRC)
		nla_put(msg, HNV_CONN_A_SRC, len, addr);
	inet_pton(family, dst, addr);
	nla_put(msg, HNV_CONN_A_DST, bad == C_MIXED ? 16 : len, addr);
	if (bad == C_SPORT_U8)
		nla_put_u8(msg, HNV_CONN_A_SPORT, 1);
	else if (sport)
		nla_put_u16(msg, HNV_CONN_A_SPORT, htons(sport));
	if (dport)
		nla_put_u16(msg, HNV_CONN_A_DPORT, htons(dport));
	if (bad == C_STATE_U32)
		nla_put_u32(msg, HNV_CONN_A_STATE, state);
	else if (bad != C_NO_STATE)
		nla_put_u8(msg, HNV_CONN_A_STATE, state);
	if (bad != C_NO_EXPIRES)
		nla_put_u32(msg, HNV_CONN_A_EXPIRES_MS, expires);
	nla_put_u32(msg, HNV_CONN_A_MAX + 1, 1);
	nla_nest_end(msg, nest);
	return msg;
}

static const char human_conns[] =
	"hnv0 rdid 1 tcp 10.0.0.1:40000 -> 10.0.0.2:22 established "
	"expires 3599s\n"
	"hnv1 rdid 2 udp [fd00:1::1]:5353 -> [fd00:2::2]:53 new expires 29s\n"
	"hnv0 rdid 1 icmp 10.0.0.1 -> 10.0.0.3 closing expires 0s\n"
	"if12 rdid 4294967295 icmpv6 fd00::1 -> fd00::2 closed "
	"expires 4294967s\n"
	"hnv0 rdid 3 47 10.0.0.1 -> 10.0.0.4 state-9 expires 1s\n";

static const char json_conns[] =
	"[{\"switch\":\"hnv0\",\"rdid\":1,\"proto\":\"tcp\","
	"\"src\":\"10.0.0.1\",\"dst\":\"10.0.0.2\",\"sport\":40000,"
	"\"dport\":22,\"state\":\"established\",\"expires_ms\":3599999},"
	"{\"switch\":\"hnv1\",\"rdid\":2,\"proto\":\"udp\","
	"\"src\":\"fd00:1::1\",\"dst\":\"fd00:2::2\",\"sport\":5353,"
	"\"dport\":53,\"state\":\"new\",\"expires_ms\":29000},"
	"{\"switch\":\"hnv0\",\"rdid\":1,\"proto\":\"icmp\","
	"\"src\":\"10.0.0.1\",\"dst\":\"10.0.0.3\",\"sport\":0,\"dport\":0,"
	"\"state\":\"closing\",\"expires_ms\":999},"
	"{\"switch\":\"if12\",\"rdid\":4294967295,\"proto\":\"icmpv6\","
	"\"src\":\"fd00::1\",\"dst\":\"fd00::2\",\"sport\":0,\"dport\":0,"
	"\"state\":\"closed\",\"expires_ms\":4294967295},"
	"{\"switch\":\"hnv0\",\"rdid\":3,\"proto\":\"47\","
	"\"src\":\"10.0.0.1\",\"dst\":\"10.0.0.4\",\"sport\":0,\"dport\":0,"
	"\"state\":\"state-9\",\"expires_ms\":1000}]\n";

static void acl_conn_tests(void)
{
	static const struct {
		int bad;
		const char *what;
	} bad[] = {
		{ C_NO_CONN, "no HNV_A_CONN" },
		{ C_NO_RDID, "no RDID" },
		{ C_NO_SRC, "no source" },
		{ C_NO_STATE, "no state" },
		{ C_NO_EXPIRES, "no expiry" },
		{ C_MIXED, "an IPv4 source and an IPv6 destination" },
		{ C_SPORT_U8, "an 8-bit port" },
		{ C_STATE_U32, "a 32-bit state" },
	};
	struct nl_msg *msg[5];
	struct hnv_conn conn[5];
	struct hnv_conn_list list = { 0 };
	struct capture c;
	struct out o;
	size_t i;

	msg[0] = conn_msg(7, 1, IPPROTO_TCP, "10.0.0.1", 40000, "10.0.0.2",
			  22, HNV_CONN_ESTABLISHED, 3599999, C_GOOD);
	msg[1] = conn_msg(8, 2, IPPROTO_UDP, "fd00:1::1", 5353, "fd00:2::2",
			  53, HNV_CONN_NEW, 29000, C_GOOD);
	msg[2] = conn_msg(7, 1, IPPROTO_ICMP, "10.0.0.1", 0, "10.0.0.3", 0,
			  HNV_CONN_CLOSING, 999, C_GOOD);
	msg[3] = conn_msg(12, 4294967295u, IPPROTO_ICMPV6, "fd00::1", 0,
			  "fd00::2", 0, HNV_CONN_CLOSED, 4294967295u, C_GOOD);
	msg[4] = conn_msg(7, 3, 47, "10.0.0.1", 0, "10.0.0.4", 0, 9, 1000,
			  C_GOOD);
	check_int(hnv_parse_conn(nlmsg_hdr(msg[0]), &conn[0]), 0,
		  "parse a TCP connection");
	check(conn[0].switch_ifindex == 7 && conn[0].rdid == 1 &&
	      conn[0].proto == IPPROTO_TCP && conn[0].alen == 4 &&
	      !memcmp(conn[0].src, "\x0a\0\0\x01", 4) &&
	      !memcmp(conn[0].dst, "\x0a\0\0\x02", 4) &&
	      conn[0].sport == 40000 && conn[0].dport == 22 &&
	      conn[0].state == HNV_CONN_ESTABLISHED &&
	      conn[0].expires_ms == 3599999,
	      "connection: switch, RDID, protocol, addresses, ports in host "
	      "order, state, expiry; unknown attributes skipped");
	for (i = 1; i < 5; i++)
		hnv_parse_conn(nlmsg_hdr(msg[i]), &conn[i]);
	check(conn[1].alen == 16 && conn[1].sport == 5353 &&
	      !conn[2].sport && !conn[2].dport,
	      "an IPv6 connection; an ICMP one without ports: 0");
	for (i = 0; i < 5; i++)
		nlmsg_free(msg[i]);

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	for (i = 0; i < 5; i++)
		out_conn(&o, &conn[i]);
	check_str(out_close(&o, &c), human_conns,
		  "conn show: a line a connection, ADDR:PORT and [ADDR]:PORT "
		  "for TCP and UDP, addresses alone for ICMP, seconds rounded "
		  "down; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	o.ifname = fake_ifname;
	for (i = 0; i < 5; i++)
		out_conn(&o, &conn[i]);
	check_str(out_close(&o, &c), json_conns,
		  "conn show -j: switch, rdid, proto, src, dst, sport, dport, "
		  "state, expires_ms");
	free(c.buf);

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		msg[0] = conn_msg(7, 1, IPPROTO_TCP, "10.0.0.1", 40000,
				  "10.0.0.2", 22, HNV_CONN_NEW, 1, bad[i].bad);
		check_int(hnv_parse_conn(nlmsg_hdr(msg[0]), &conn[0]),
			  -EBADMSG, "a connection with %s is malformed",
			  bad[i].what);
		nlmsg_free(msg[0]);
	}

	for (i = 0; i < 40; i++)
		if (hnv_conn_list_add(&list))
			list.v[list.n - 1].rdid = i;
	check(list.n == 40 && list.v[39].rdid == 39 && !list.v[20].proto,
	      "conn list: 40 added, zeroed, in order");
	hnv_conn_list_free(&list);
	check(!list.v && !list.n, "conn list: freed");
}

/* A switch of a kernel with stateful ACLs, of those of the three given. */
static struct nl_msg *conn_switch(bool nconns, bool timeout, bool tcp)
{
	struct nl_msg *msg = message(HNV_CMD_SWITCH_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put_u32(msg, HNV_A_SWITCH_NPORTS, 2);
	nla_put_u16(msg, HNV_A_SWITCH_VXLAN_PORT, 4789);
	nla_put_u32(msg, HNV_A_SWITCH_NMAPS, 0);
	if (nconns)
		nla_put_u32(msg, HNV_A_SWITCH_NCONNS, 2);
	if (timeout)
		nla_put_u32(msg, HNV_A_SWITCH_CONN_TIMEOUT, 30);
	if (tcp)
		nla_put_u32(msg, HNV_A_SWITCH_CONN_TCP_TIMEOUT, 3600);
	return msg;
}

static const struct attr_want conn_set_req[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_U32(HNV_A_SWITCH_CONN_TIMEOUT, 1),
	WANT_U32(HNV_A_SWITCH_CONN_TCP_TIMEOUT, 864000),
	WANT_END,
};

static void acl_switch_tests(void)
{
	struct hnv_switch_conf conf = {
		.has = HNV_SWITCH_SET_CONN_TIMEOUT |
		       HNV_SWITCH_SET_CONN_TCP_TIMEOUT,
		.conn_timeout = 1, .conn_tcp_timeout = 864000,
	};
	struct hnv_switch sw[3];
	struct nl_msg *msg;
	struct capture c;
	struct out o;

	msg = request(HNV_CMD_SWITCH_SET);
	hnv_put_switch_set(msg, &(struct hnv_sel){ .ifname = "hnv0" }, &conf);
	check(msg_attrs_are(msg, conn_set_req),
	      "SWITCH_SET of the connection timeouts: the switch, u32 "
	      "HNV_A_SWITCH_CONN_TIMEOUT and HNV_A_SWITCH_CONN_TCP_TIMEOUT");
	nlmsg_free(msg);

	msg = conn_switch(true, true, true);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw[0]) &&
	      sw[0].has_nconns && sw[0].nconns == 2 &&
	      sw[0].has_conn_timeout && sw[0].conn_timeout == 30 &&
	      sw[0].has_conn_tcp_timeout && sw[0].conn_tcp_timeout == 3600,
	      "switch reply: conns, conn-timeout, conn-tcp-timeout reported");
	nlmsg_free(msg);
	msg = conn_switch(true, false, false);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw[1]) &&
	      sw[1].has_nconns && !sw[1].has_conn_timeout &&
	      !sw[1].has_conn_tcp_timeout,
	      "switch reply: only the connection count");
	nlmsg_free(msg);
	msg = conn_switch(false, false, false);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw[2]) &&
	      !sw[2].has_nconns && !sw[2].has_conn_timeout,
	      "switch of a kernel without stateful ACLs: none reported");
	nlmsg_free(msg);
	msg = conn_switch(false, false, false);
	nla_put_u8(msg, HNV_A_SWITCH_NCONNS, 2);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw[2]), -EBADMSG,
		  "an 8-bit connection count is malformed");
	nlmsg_free(msg);
	msg = conn_switch(false, false, false);
	nla_put_u16(msg, HNV_A_SWITCH_CONN_TCP_TIMEOUT, 2);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw[2]), -EBADMSG,
		  "a 16-bit timeout is malformed");
	nlmsg_free(msg);
	msg = conn_switch(false, false, false);
	hnv_parse_switch(nlmsg_hdr(msg), &sw[2]);
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	out_switch(&o, &sw[0]);
	out_switch(&o, &sw[1]);
	out_switch(&o, &sw[2]);
	out_close(&o, &c);
	check_str(line_of(c.buf, 2),
		  "    conns 2 conn-timeout 30s conn-tcp-timeout 3600s",
		  "switch show: conns and the timeouts on a line after pa");
	check_str(line_of(c.buf, 1),
		  "    pa none vxlan-port 4789 maps 0",
		  "switch show: the pa line before it");
	check(!strcmp(line_of(c.buf, 12), "    conns 2") &&
	      !strcmp(line_of(c.buf, 13), "    RX: packets bytes") &&
	      !strcmp(line_of(c.buf, 21),
		      "    pa none vxlan-port 4789 maps 0") &&
	      !strcmp(line_of(c.buf, 22), "    RX: packets bytes"),
	      "switch show: the count alone; no line if none is reported");
	free(c.buf);

	sw[0].stats.drops[HNV_DROP_ACL] = 5;
	sw[0].stats.drops[HNV_DROP_TTL] = 1;
	out_open(&o, &c, false, false);
	out_counters(&o, "switch", "hnv0", &sw[0].stats);
	check_str(out_close(&o, &c),
		  "switch hnv0\n"
		  "    RX: packets bytes\n"
		  "              0     0\n"
		  "    TX: packets bytes\n"
		  "              0     0\n"
		  "    flows: new 0 aged 0 uncached 0 recomposed 0\n"
		  "    drops: 6\n"
		  "        ttl 1\n"
		  "        acl 5\n",
		  "stats show: acl drops by name, after ttl; human");
	free(c.buf);
	sw[0].stats.drops[HNV_DROP_TTL] = 0;

	out_open(&o, &c, true, false);
	out_switch(&o, &sw[0]);
	out_switch(&o, &sw[2]);
	out_close(&o, &c);
	check(strstr(c.buf, "\"maps\":0,\"conns\":2,\"conn_timeout\":30,"
			    "\"conn_tcp_timeout\":3600,\"stats\":{") &&
	      strstr(c.buf, "\"maps\":0,\"stats\":{") &&
	      strstr(c.buf, "\"ttl\":0,\"acl\":5}") &&
	      strstr(c.buf, "\"ttl\":0,\"acl\":0}"),
	      "switch show -j: \"conns\", \"conn_timeout\", "
	      "\"conn_tcp_timeout\" before \"stats\", left out if not "
	      "reported; the drop reason \"acl\"");
	free(c.buf);
}

static void acl_names_tests(void)
{
	static const struct {
		const char *word;
		int ret;
		uint8_t proto;
	} protos[] = {
		{ "tcp", 0, 6 }, { "udp", 0, 17 }, { "icmp", 0, 1 },
		{ "icmpv6", 0, 58 }, { "0", 0, 0 }, { "255", 0, 255 },
		{ "0x2f", 0, 47 }, { "256", -1, 0 }, { "TCP", -1, 0 },
		{ "tc", -1, 0 }, { "", -1, 0 }, { "-1", -1, 0 },
		{ "icmp6", -1, 0 },
	};
	char buf[ACL_ACTION_NAMSIZ];
	uint8_t proto;
	size_t i;
	bool ok;

	check(!strcmp(drop_reason_name(HNV_DROP_ACL, buf, sizeof(buf)),
		      "acl") && drop_reason_known(HNV_DROP_ACL),
	      "drop reason HNV_DROP_ACL is acl");
	check(!strcmp(hnv_attr_name(HNV_A_ACL), "HNV_A_ACL") &&
	      !strcmp(hnv_attr_name(HNV_A_CONN), "HNV_A_CONN") &&
	      !strcmp(hnv_attr_name(HNV_A_TRACE), "HNV_A_TRACE") &&
	      !strcmp(hnv_attr_name(HNV_A_SWITCH_CONN_TIMEOUT),
		      "HNV_A_SWITCH_CONN_TIMEOUT") &&
	      !strcmp(hnv_attr_name(HNV_A_SWITCH_CONN_TCP_TIMEOUT),
		      "HNV_A_SWITCH_CONN_TCP_TIMEOUT") &&
	      !strcmp(hnv_attr_name(HNV_A_SWITCH_NCONNS),
		      "HNV_A_SWITCH_NCONNS"),
	      "hnv_attr_name of the ACL, connection and trace attributes");
	check(!strcmp(acl_dir_name(HNV_ACL_DIR_IN, buf, sizeof(buf)), "in") &&
	      !strcmp(acl_dir_name(HNV_ACL_DIR_OUT, buf, sizeof(buf)), "out") &&
	      !strcmp(acl_dir_name(0, buf, sizeof(buf)), "dir-0") &&
	      !strcmp(acl_dir_name(4294967295u, buf, sizeof(buf)),
		      "dir-4294967295"),
	      "acl_dir_name: in, out, else dir-N");
	check(acl_dir_parse("in") == HNV_ACL_DIR_IN &&
	      acl_dir_parse("out") == HNV_ACL_DIR_OUT &&
	      !acl_dir_parse("i") && !acl_dir_parse("IN") &&
	      !acl_dir_parse("") && !acl_dir_parse("outs"),
	      "acl_dir_parse: in and out exactly");
	check(!strcmp(acl_action_name(HNV_ACL_ACTION_ALLOW, buf, sizeof(buf)),
		      "allow") &&
	      !strcmp(acl_action_name(HNV_ACL_ACTION_DENY, buf, sizeof(buf)),
		      "deny") &&
	      !strcmp(acl_action_name(4294967295u, buf, sizeof(buf)),
		      "action-4294967295"),
	      "acl_action_name: allow, deny, else action-N");
	check(!strcmp(conn_state_name(HNV_CONN_NEW, buf, sizeof(buf)),
		      "new") &&
	      !strcmp(conn_state_name(HNV_CONN_ESTABLISHED, buf, sizeof(buf)),
		      "established") &&
	      !strcmp(conn_state_name(HNV_CONN_CLOSING, buf, sizeof(buf)),
		      "closing") &&
	      !strcmp(conn_state_name(HNV_CONN_CLOSED, buf, sizeof(buf)),
		      "closed") &&
	      !strcmp(conn_state_name(0, buf, sizeof(buf)), "state-0") &&
	      !strcmp(conn_state_name(4294967295u, buf, sizeof(buf)),
		      "state-4294967295"),
	      "conn_state_name: new, established, closing, closed, else "
	      "state-N");
	for (i = 0, ok = true; i < ARRAY_SIZE(protos); i++) {
		proto = 99;
		if (ip_proto_parse(protos[i].word, &proto) != protos[i].ret ||
		    (!protos[i].ret && proto != protos[i].proto) ||
		    (protos[i].ret && proto != 99)) {
			diag("ip_proto_parse \"%s\"", protos[i].word);
			ok = false;
		}
	}
	check(ok, "ip_proto_parse: tcp, udp, icmp, icmpv6 exactly, or 0..255");
}

static void acl_list_tests(void)
{
	struct hnv_acl_list l = { 0 };
	int i;

	for (i = 0; i < 100; i++)
		if (hnv_acl_list_add(&l))
			l.v[l.n - 1].ref.priority = i;
	check(l.n == 100 && l.v[99].ref.priority == 99 && !l.v[50].has &&
	      !l.v[50].src.alen,
	      "acl list: 100 rules added, zeroed, in order");
	hnv_acl_list_free(&l);
	check(!l.v && !l.n && !l.cap, "acl list: freed");
}

void acl_tests(void)
{
	acl_request_tests();
	acl_parse_tests();
	acl_output_tests();
	acl_action_tests();
	acl_conn_tests();
	acl_switch_tests();
	acl_names_tests();
	acl_list_tests();
}
