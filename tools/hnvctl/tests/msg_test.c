// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of msg.c and output.c: requests are built and checked attribute by
 * attribute; replies are made up as the kernel would send them, parsed into
 * the model and printed, in both formats.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/hnv.h>

#include "msg.h"
#include "output.h"
#include "test.h"

#define FAMILY 0x22

struct drop {
	int reason;
	uint64_t count;
};

struct counters {
	uint64_t rx_packets, rx_bytes, tx_packets, tx_bytes;
	struct drop drops[4];	/* up to a zero reason */
	/* new, aged, uncached, recomposed; left out if !has_flows */
	bool has_flows;
	uint64_t flows[4];
};

/* The flow tables of a switch; left out of its reply if NULL. */
struct uft {
	uint32_t max, port_max, idle_ms, nflows;
};

static struct nl_msg *reply(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 1, FAMILY, 0, NLM_F_MULTI, cmd, HNV_GENL_VERSION);
	return msg;
}

/*
 * Counters as the kernel puts them, with padding attributes as
 * nla_put_64bit() puts them where unaligned access is slow.
 */
static void put_stats(struct nl_msg *msg, int type, const struct counters *c)
{
	struct nlattr *nest = nest_start(msg, type), *drops;
	const struct drop *d;
	int i;

	nla_put(msg, HNV_STATS_A_PAD, 0, NULL);
	nla_put_u64(msg, HNV_STATS_A_RX_PACKETS, c->rx_packets);
	nla_put_u64(msg, HNV_STATS_A_RX_BYTES, c->rx_bytes);
	nla_put_u64(msg, HNV_STATS_A_TX_PACKETS, c->tx_packets);
	nla_put_u64(msg, HNV_STATS_A_TX_BYTES, c->tx_bytes);
	for (i = 0; c->has_flows && i < 4; i++) {
		nla_put(msg, HNV_STATS_A_PAD, 0, NULL);
		nla_put_u64(msg, HNV_STATS_A_FLOWS_NEW + i, c->flows[i]);
	}
	drops = nest_start(msg, HNV_STATS_A_DROPS);
	for (d = c->drops; d->reason; d++) {
		/* padding, whichever type the kernel gives it */
		nla_put(msg, HNV_DROP_UNSPEC, 0, NULL);
		nla_put(msg, HNV_STATS_A_PAD, 0, NULL);
		nla_put_u64(msg, d->reason, d->count);
	}
	nla_nest_end(msg, drops);
	nla_nest_end(msg, nest);
}

static const struct counters hnv0_counters = {
	12, 1234, 10, 1000,
	{ { HNV_DROP_PORT_UNBOUND, 3 }, { HNV_DROP_SWITCH_XMIT, 1 } },
	true, { 15, 3, 0, 1 },
};

static const struct counters big_counters = {
	18446744073709551615ULL, 1, 0, 4294967296ULL,
	{ { 40, 5 }, { HNV_DROP_SWITCH_XMIT, 77 } },
	true, { 18446744073709551615ULL, 4294967296ULL, 7, 0 },
};

/* frames too big for the overlay, and one from the wrong host */
static const struct counters mtu_counters = {
	20, 30000, 18, 1500,
	{ { HNV_DROP_PA_MISMATCH, 1 }, { HNV_DROP_TOO_BIG, 2 } },
	true, { 1, 0, 0, 0 },
};

/* a routing port: routed packets dropped */
static const struct counters ttl_counters = {
	9, 882, 3, 294,
	{ { HNV_DROP_NO_ROUTE, 4 }, { HNV_DROP_TTL, 2 } },
	true, { 2, 0, 0, 0 },
};

/* from a kernel without flow counters */
static const struct counters veth0_counters = { 5, 300, 0, 0, { { 0 } },
						false, { 0 } };

/* the defaults, 12 flows cached */
static const struct uft hnv0_uft = { 262144, 16384, 30000, 12 };

/* the largest settings */
static const struct uft big_uft = { 16777216, 16777216, 3600000,
				    4294967295U };

static struct nl_msg *switch_reply(const char *name, uint32_t ifindex,
				   const uint32_t *nports,
				   const struct counters *c,
				   const struct uft *uft)
{
	struct nl_msg *msg = reply(HNV_CMD_SWITCH_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, ifindex);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, name);
	if (nports)
		nla_put_u32(msg, HNV_A_SWITCH_NPORTS, *nports);
	put_stats(msg, HNV_A_SWITCH_STATS, c);
	if (uft) {
		nla_put_u32(msg, HNV_A_SWITCH_UFT_MAX, uft->max);
		nla_put_u32(msg, HNV_A_SWITCH_UFT_PORT_MAX, uft->port_max);
		nla_put_u32(msg, HNV_A_SWITCH_UFT_IDLE_MS, uft->idle_ms);
		nla_put_u32(msg, HNV_A_SWITCH_NFLOWS, uft->nflows);
	}
	/* from a newer kernel: ignored */
	nla_put_u32(msg, HNV_A_MAX + 5, 1);
	return msg;
}

static struct nl_msg *port_reply(const char *name, uint32_t ifindex,
				 uint32_t sw, const struct counters *c)
{
	struct nl_msg *msg = reply(HNV_CMD_PORT_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, sw);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, ifindex);
	nla_put_string(msg, HNV_A_PORT_IFNAME, name);
	put_stats(msg, HNV_A_PORT_STATS, c);
	return msg;
}

static void request_tests(void)
{
	struct hnv_sel byname = { .ifname = "hnv0" };
	struct hnv_sel byindex = { .ifindex = 7 };
	struct hnv_sel both = { .ifname = "veth0", .ifindex = 9 };
	struct nlattr *tb[HNV_A_MAX + 1];
	struct nl_msg *msg;
	int n, i;

	msg = reply(HNV_CMD_SWITCH_GET);
	check_int(hnv_put_switch_sel(msg, &byname), 0,
		  "switch selector by name: put");
	genlmsg_parse(nlmsg_hdr(msg), 0, tb, HNV_A_MAX, NULL);
	check(tb[HNV_A_SWITCH_IFNAME] && !tb[HNV_A_SWITCH_IFINDEX] &&
	      nla_len(tb[HNV_A_SWITCH_IFNAME]) == 5 &&
	      !strcmp(nla_data(tb[HNV_A_SWITCH_IFNAME]), "hnv0"),
	      "switch selector by name: HNV_A_SWITCH_IFNAME \"hnv0\" only");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	hnv_put_switch_sel(msg, &byindex);
	genlmsg_parse(nlmsg_hdr(msg), 0, tb, HNV_A_MAX, NULL);
	check(tb[HNV_A_SWITCH_IFINDEX] && !tb[HNV_A_SWITCH_IFNAME] &&
	      nla_len(tb[HNV_A_SWITCH_IFINDEX]) == 4 &&
	      nla_get_u32(tb[HNV_A_SWITCH_IFINDEX]) == 7,
	      "switch selector by ifindex: HNV_A_SWITCH_IFINDEX 7 only");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_PORT_GET);
	check_int(hnv_put_port_sel(msg, &both, &byname), 0,
		  "port selector with a switch: put");
	genlmsg_parse(nlmsg_hdr(msg), 0, tb, HNV_A_MAX, NULL);
	for (i = 1, n = 0; i <= HNV_A_MAX; i++)
		n += !!tb[i];
	check(n == 3 && nla_get_u32(tb[HNV_A_PORT_IFINDEX]) == 9 &&
	      !strcmp(nla_data(tb[HNV_A_PORT_IFNAME]), "veth0") &&
	      !strcmp(nla_data(tb[HNV_A_SWITCH_IFNAME]), "hnv0"),
	      "port selector with a switch: port ifindex, port name, switch name");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_PORT_GET);
	hnv_put_port_sel(msg, &byindex, NULL);
	genlmsg_parse(nlmsg_hdr(msg), 0, tb, HNV_A_MAX, NULL);
	for (i = 1, n = 0; i <= HNV_A_MAX; i++)
		n += !!tb[i];
	check(n == 1 && nla_get_u32(tb[HNV_A_PORT_IFINDEX]) == 7,
	      "port selector alone: HNV_A_PORT_IFINDEX only");
	nlmsg_free(msg);
}

static void switch_set_tests(void)
{
	struct hnv_switch_conf conf = { .uft = {
		.has = HNV_UFT_SET_MAX | HNV_UFT_SET_PORT_MAX |
		       HNV_UFT_SET_IDLE_MS,
		.max = 1000, .port_max = 100, .idle_ms = 600,
	} };
	struct hnv_sel byname = { .ifname = "hnv0" };
	struct hnv_sel byindex = { .ifindex = 7 };
	struct nlattr *tb[HNV_A_MAX + 1];
	struct nl_msg *msg;
	int n;

	msg = reply(HNV_CMD_SWITCH_SET);
	check_int(hnv_put_switch_set(msg, &byname, &conf), 0,
		  "SWITCH_SET request: put");
	n = attrs_of(msg, tb);
	check(n == 4 && tb[HNV_A_SWITCH_IFNAME] &&
	      nla_len(tb[HNV_A_SWITCH_IFNAME]) == 5 &&
	      !strcmp(nla_data(tb[HNV_A_SWITCH_IFNAME]), "hnv0") &&
	      is_u32(tb[HNV_A_SWITCH_UFT_MAX], 1000) &&
	      is_u32(tb[HNV_A_SWITCH_UFT_PORT_MAX], 100) &&
	      is_u32(tb[HNV_A_SWITCH_UFT_IDLE_MS], 600),
	      "SWITCH_SET: switch name, u32 UFT_MAX, UFT_PORT_MAX, "
	      "UFT_IDLE_MS, nothing else");
	nlmsg_free(msg);

	conf.uft.has = HNV_UFT_SET_IDLE_MS;
	msg = reply(HNV_CMD_SWITCH_SET);
	hnv_put_switch_set(msg, &byname, &conf);
	n = attrs_of(msg, tb);
	check(n == 2 && tb[HNV_A_SWITCH_IFNAME] &&
	      is_u32(tb[HNV_A_SWITCH_UFT_IDLE_MS], 600) &&
	      !tb[HNV_A_SWITCH_UFT_MAX] && !tb[HNV_A_SWITCH_UFT_PORT_MAX],
	      "SWITCH_SET of uft-idle-ms only: switch name and UFT_IDLE_MS");
	nlmsg_free(msg);

	conf.uft.has = HNV_UFT_SET_PORT_MAX;
	conf.uft.port_max = 16777216;
	msg = reply(HNV_CMD_SWITCH_SET);
	hnv_put_switch_set(msg, &byindex, &conf);
	n = attrs_of(msg, tb);
	check(n == 2 && is_u32(tb[HNV_A_SWITCH_IFINDEX], 7) &&
	      is_u32(tb[HNV_A_SWITCH_UFT_PORT_MAX], 16777216),
	      "SWITCH_SET of uft-port-max by ifindex: ifindex, UFT_PORT_MAX");
	nlmsg_free(msg);

	conf.uft.has = HNV_UFT_SET_MAX;
	conf.uft.max = 1;
	msg = reply(HNV_CMD_SWITCH_SET);
	hnv_put_switch_set(msg, &byname, &conf);
	n = attrs_of(msg, tb);
	check(n == 2 && is_u32(tb[HNV_A_SWITCH_UFT_MAX], 1) &&
	      !tb[HNV_A_SWITCH_UFT_PORT_MAX] && !tb[HNV_A_SWITCH_UFT_IDLE_MS],
	      "SWITCH_SET of uft-max 1: switch name and UFT_MAX");
	nlmsg_free(msg);

	conf.uft.has = 0;
	msg = reply(HNV_CMD_SWITCH_SET);
	hnv_put_switch_set(msg, &byname, &conf);
	check_int(attrs_of(msg, tb), 1,
		  "SWITCH_SET without settings: values not flagged are left out");
	nlmsg_free(msg);
}

static void parse_good_tests(void)
{
	static const uint32_t two = 2;
	struct hnv_switch sw;
	struct hnv_port port;
	struct nl_msg *msg;

	msg = switch_reply("hnv0", 7, &two, &hnv0_counters, &hnv0_uft);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), 0,
		  "parse a switch reply");
	check(!strcmp(sw.ifname, "hnv0") && sw.ifindex == 7 &&
	      sw.nports == 2 && sw.stats.rx_packets == 12 &&
	      sw.stats.rx_bytes == 1234 && sw.stats.tx_packets == 10 &&
	      sw.stats.tx_bytes == 1000 &&
	      sw.stats.drops[HNV_DROP_PORT_UNBOUND] == 3 &&
	      sw.stats.drops[HNV_DROP_SWITCH_XMIT] == 1 &&
	      hnv_stats_drops(&sw.stats) == 4,
	      "switch reply: every field");
	check(sw.has_uft && sw.uft.max == 262144 &&
	      sw.uft.port_max == 16384 && sw.uft.idle_ms == 30000 &&
	      sw.nflows == 12,
	      "switch reply: flow-table settings and flows cached");
	check(sw.stats.flows_new == 15 && sw.stats.flows_aged == 3 &&
	      sw.stats.flows_uncached == 0 && sw.stats.flows_recomposed == 1,
	      "switch reply: flow counters");
	nlmsg_free(msg);

	msg = switch_reply("hnv-big", 12, NULL, &big_counters, NULL);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.nports == 0 &&
	      sw.stats.rx_packets == 18446744073709551615ULL &&
	      sw.stats.drops[40] == 5,
	      "switch reply without ports count, unknown drop reason 40");
	check(!sw.has_uft && !sw.uft.max && !sw.uft.port_max &&
	      !sw.uft.idle_ms && !sw.nflows,
	      "switch reply without flow tables (older kernel): none made up");
	check(sw.stats.flows_new == 18446744073709551615ULL &&
	      sw.stats.flows_aged == 4294967296ULL &&
	      sw.stats.flows_uncached == 7 && sw.stats.flows_recomposed == 0,
	      "switch reply: 64-bit flow counters");
	nlmsg_free(msg);

	msg = switch_reply("hnv1", 8, &two, &veth0_counters, &big_uft);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.has_uft &&
	      sw.uft.max == 16777216 && sw.uft.port_max == 16777216 &&
	      sw.uft.idle_ms == 3600000 && sw.nflows == 4294967295U,
	      "switch reply: largest settings, flows 2^32-1");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put_u32(msg, HNV_A_SWITCH_NFLOWS, 3);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.has_uft &&
	      sw.nflows == 3 && !sw.uft.max && !sw.uft.port_max &&
	      !sw.uft.idle_ms,
	      "switch reply with the flow count alone: settings count as 0");
	nlmsg_free(msg);

	msg = port_reply("veth0", 9, 7, &veth0_counters);
	check_int(hnv_parse_port(nlmsg_hdr(msg), &port), 0,
		  "parse a port reply");
	check(!strcmp(port.ifname, "veth0") && port.ifindex == 9 &&
	      port.switch_ifindex == 7 && port.stats.rx_packets == 5 &&
	      port.stats.rx_bytes == 300 && !hnv_stats_drops(&port.stats),
	      "port reply: every field");
	check(!port.stats.flows_new && !port.stats.flows_aged &&
	      !port.stats.flows_uncached && !port.stats.flows_recomposed,
	      "port reply without flow counters: they count as 0");
	nlmsg_free(msg);

	msg = port_reply("veth1", 10, 7, &hnv0_counters);
	check(!hnv_parse_port(nlmsg_hdr(msg), &port) &&
	      port.stats.flows_new == 15 && port.stats.flows_aged == 3 &&
	      port.stats.flows_uncached == 0 &&
	      port.stats.flows_recomposed == 1,
	      "port reply: flow counters");
	nlmsg_free(msg);
}

/* Each reply has one defect. */
static void parse_bad_tests(void)
{
	struct hnv_switch sw;
	struct hnv_port port;
	struct nlattr *nest, *drops;
	struct nl_msg *msg;

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "switch reply without a name is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "switch reply without an ifindex is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put(msg, HNV_A_SWITCH_IFNAME, 4, "hnv0");
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "switch name without its NUL is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "0123456789abcdef");
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "switch name of IFNAMSIZ characters is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "");
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "empty switch name is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u16(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "16-bit ifindex is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nest = nest_start(msg, HNV_A_SWITCH_STATS);
	nla_put_u32(msg, HNV_STATS_A_RX_PACKETS, 1);
	nla_nest_end(msg, nest);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "32-bit counter is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nest = nest_start(msg, HNV_A_SWITCH_STATS);
	drops = nest_start(msg, HNV_STATS_A_DROPS);
	nla_put_u64(msg, HNV_DROP_REASONS, 1);
	nla_nest_end(msg, drops);
	nla_nest_end(msg, nest);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "drop reason beyond HNV_DROP_REASONS is refused");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_PORT_GET);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	nla_put_string(msg, HNV_A_PORT_IFNAME, "veth0");
	check_int(hnv_parse_port(nlmsg_hdr(msg), &port), -EBADMSG,
		  "port reply without its switch is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nest = nest_start(msg, HNV_A_SWITCH_STATS);
	drops = nest_start(msg, HNV_STATS_A_DROPS);
	nla_put_u32(msg, HNV_DROP_PORT_UNBOUND, 1);
	nla_nest_end(msg, drops);
	nla_nest_end(msg, nest);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "32-bit drop counter is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nest = nest_start(msg, HNV_A_SWITCH_STATS);
	nla_put_u32(msg, HNV_STATS_A_FLOWS_UNCACHED, 1);
	nla_nest_end(msg, nest);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "32-bit flow counter is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_PORT_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	nla_put_string(msg, HNV_A_PORT_IFNAME, "veth0");
	nest = nest_start(msg, HNV_A_PORT_STATS);
	nla_put_u16(msg, HNV_STATS_A_FLOWS_RECOMPOSED, 1);
	nla_nest_end(msg, nest);
	check_int(hnv_parse_port(nlmsg_hdr(msg), &port), -EBADMSG,
		  "16-bit flow counter of a port is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put_u16(msg, HNV_A_SWITCH_UFT_MAX, 1000);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "16-bit HNV_A_SWITCH_UFT_MAX is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put_u32(msg, HNV_A_SWITCH_UFT_MAX, 1000);
	nla_put_u32(msg, HNV_A_SWITCH_UFT_PORT_MAX, 100);
	nla_put_u32(msg, HNV_A_SWITCH_UFT_IDLE_MS, 600);
	nla_put_u64(msg, HNV_A_SWITCH_NFLOWS, 3);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "64-bit HNV_A_SWITCH_NFLOWS is malformed");
	nlmsg_free(msg);

	msg = reply(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put(msg, HNV_A_SWITCH_UFT_IDLE_MS, 0, NULL);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "empty HNV_A_SWITCH_UFT_IDLE_MS is malformed");
	nlmsg_free(msg);
}

struct out *out_open(struct out *o, struct capture *c, bool json,
		     bool pretty)
{
	c->fp = open_memstream(&c->buf, &c->len);
	out_begin(o, c->fp, json, pretty);
	return o;
}

char *out_close(struct out *o, struct capture *c)
{
	out_end(o);
	fclose(c->fp);
	return c->buf;
}

static const char human_switches[] =
	"switch hnv0 ifindex 7 ports 2\n"
	"    flows 12 (max 262144, per port 16384, idle 30000ms)\n"
	"    RX: packets bytes\n"
	"             12  1234\n"
	"    TX: packets bytes\n"
	"             10  1000\n"
	"    flows: new 15 aged 3 uncached 0 recomposed 1\n"
	"    drops: 4\n"
	"        port-unbound 3\n"
	"        switch-xmit  1\n"
	"\n"
	"switch hnv-big ifindex 12 ports 0\n"
	"    RX:              packets      bytes\n"
	"        18446744073709551615          1\n"
	"    TX:              packets      bytes\n"
	"                           0 4294967296\n"
	"    flows: new 18446744073709551615 aged 4294967296 uncached 7 "
	"recomposed 0\n"
	"    drops: 82\n"
	"        switch-xmit 77\n"
	"        reason-40    5\n"
	"\n"
	"switch hnv1 ifindex 8 ports 2\n"
	"    flows 4294967295 (max 16777216, per port 16777216, "
	"idle 3600000ms)\n"
	"    RX: packets bytes\n"
	"              5   300\n"
	"    TX: packets bytes\n"
	"              0     0\n"
	"    flows: new 0 aged 0 uncached 0 recomposed 0\n"
	"    drops: 0\n";

static const char json_switches[] =
	"[{\"ifname\":\"hnv0\",\"ifindex\":7,\"ports\":2,\"flows\":12,"
	"\"uft_max\":262144,\"uft_port_max\":16384,\"uft_idle_ms\":30000,"
	"\"stats\":{"
	"\"rx_packets\":12,\"rx_bytes\":1234,\"tx_packets\":10,"
	"\"tx_bytes\":1000,\"flows_new\":15,\"flows_aged\":3,"
	"\"flows_uncached\":0,\"flows_recomposed\":1,"
	"\"drops\":{\"port-unbound\":3,\"switch-xmit\":1,"
	"\"no-subnet\":0,\"src-mac\":0,\"no-dest\":0,\"malformed\":0,"
	"\"no-pa\":0,\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0,"
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0,"
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":0,\"acl\":0}}},"
	"{\"ifname\":\"hnv-big\",\"ifindex\":12,\"ports\":0,\"stats\":{"
	"\"rx_packets\":18446744073709551615,\"rx_bytes\":1,\"tx_packets\":0,"
	"\"tx_bytes\":4294967296,\"flows_new\":18446744073709551615,"
	"\"flows_aged\":4294967296,\"flows_uncached\":7,"
	"\"flows_recomposed\":0,\"drops\":{\"port-unbound\":0,"
	"\"switch-xmit\":77,\"no-subnet\":0,\"src-mac\":0,\"no-dest\":0,"
	"\"malformed\":0,"
	"\"no-pa\":0,\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0,"
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0,"
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":0,"
	"\"acl\":0,\"reason-40\":5}}}]\n";

static const char pretty_switch[] =
	"[\n"
	"    {\n"
	"        \"ifname\": \"hnv1\",\n"
	"        \"ifindex\": 8,\n"
	"        \"ports\": 2,\n"
	"        \"flows\": 4294967295,\n"
	"        \"uft_max\": 16777216,\n"
	"        \"uft_port_max\": 16777216,\n"
	"        \"uft_idle_ms\": 3600000,\n"
	"        \"stats\": {\n"
	"            \"rx_packets\": 5,\n"
	"            \"rx_bytes\": 300,\n"
	"            \"tx_packets\": 0,\n"
	"            \"tx_bytes\": 0,\n"
	"            \"flows_new\": 0,\n"
	"            \"flows_aged\": 0,\n"
	"            \"flows_uncached\": 0,\n"
	"            \"flows_recomposed\": 0,\n"
	"            \"drops\": {\n"
	"                \"port-unbound\": 0,\n"
	"                \"switch-xmit\": 0,\n"
	"                \"no-subnet\": 0,\n"
	"                \"src-mac\": 0,\n"
	"                \"no-dest\": 0,\n"
	"                \"malformed\": 0,\n"
	"                \"no-pa\": 0,\n"
	"                \"no-route\": 0,\n"
	"                \"bad-vxlan\": 0,\n"
	"                \"unknown-vni\": 0,\n"
	"                \"pa-mismatch\": 0,\n"
	"                \"too-big\": 0,\n"
	"                \"bad-nvgre\": 0,\n"
	"                \"spoof\": 0,\n"
	"                \"neigh-unknown\": 0,\n"
	"                \"neigh-self\": 0,\n"
	"                \"ttl\": 0,\n"
	"                \"acl\": 0\n"
	"            }\n"
	"        }\n"
	"    }\n"
	"]\n";

static const char pretty_port[] =
	"[\n"
	"    {\n"
	"        \"ifname\": \"veth0\",\n"
	"        \"ifindex\": 9,\n"
	"        \"switch\": \"hnv0\",\n"
	"        \"vsid\": 0,\n"
	"        \"stats\": {\n"
	"            \"rx_packets\": 5,\n"
	"            \"rx_bytes\": 300,\n"
	"            \"tx_packets\": 0,\n"
	"            \"tx_bytes\": 0,\n"
	"            \"flows_new\": 0,\n"
	"            \"flows_aged\": 0,\n"
	"            \"flows_uncached\": 0,\n"
	"            \"flows_recomposed\": 0,\n"
	"            \"drops\": {\n"
	"                \"port-unbound\": 0,\n"
	"                \"switch-xmit\": 0,\n"
	"                \"no-subnet\": 0,\n"
	"                \"src-mac\": 0,\n"
	"                \"no-dest\": 0,\n"
	"                \"malformed\": 0,\n"
	"                \"no-pa\": 0,\n"
	"                \"no-route\": 0,\n"
	"                \"bad-vxlan\": 0,\n"
	"                \"unknown-vni\": 0,\n"
	"                \"pa-mismatch\": 0,\n"
	"                \"too-big\": 0,\n"
	"                \"bad-nvgre\": 0,\n"
	"                \"spoof\": 0,\n"
	"                \"neigh-unknown\": 0,\n"
	"                \"neigh-self\": 0,\n"
	"                \"ttl\": 0,\n"
	"                \"acl\": 0\n"
	"            }\n"
	"        }\n"
	"    }\n"
	"]\n";

static const char human_port[] =
	"port veth0 ifindex 9 switch hnv0 unbound\n"
	"    RX: packets bytes\n"
	"              5   300\n"
	"    TX: packets bytes\n"
	"              0     0\n"
	"    flows: new 0 aged 0 uncached 0 recomposed 0\n"
	"    drops: 0\n";

static const char human_counters[] =
	"switch hnv0\n"
	"    RX: packets bytes\n"
	"             12  1234\n"
	"    TX: packets bytes\n"
	"             10  1000\n"
	"    flows: new 15 aged 3 uncached 0 recomposed 1\n"
	"    drops: 4\n"
	"        port-unbound 3\n"
	"        switch-xmit  1\n"
	"\n"
	"port veth0\n"
	"    RX: packets bytes\n"
	"              5   300\n"
	"    TX: packets bytes\n"
	"              0     0\n"
	"    flows: new 0 aged 0 uncached 0 recomposed 0\n"
	"    drops: 0\n"
	"\n"
	"port veth1\n"
	"    RX: packets bytes\n"
	"             12  1234\n"
	"    TX: packets bytes\n"
	"             10  1000\n"
	"    flows: new 15 aged 3 uncached 0 recomposed 1\n"
	"    drops: 4\n"
	"        port-unbound 3\n"
	"        switch-xmit  1\n";

static const char json_counters[] =
	"[{\"ifname\":\"hnv0\",\"kind\":\"switch\",\"stats\":{"
	"\"rx_packets\":12,\"rx_bytes\":1234,\"tx_packets\":10,"
	"\"tx_bytes\":1000,\"flows_new\":15,\"flows_aged\":3,"
	"\"flows_uncached\":0,\"flows_recomposed\":1,"
	"\"drops\":{\"port-unbound\":3,\"switch-xmit\":1,"
	"\"no-subnet\":0,\"src-mac\":0,\"no-dest\":0,\"malformed\":0,"
	"\"no-pa\":0,\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0,"
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0,"
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":0,\"acl\":0}}},"
	"{\"ifname\":\"veth0\",\"kind\":\"port\",\"stats\":{"
	"\"rx_packets\":5,\"rx_bytes\":300,\"tx_packets\":0,\"tx_bytes\":0,"
	"\"flows_new\":0,\"flows_aged\":0,\"flows_uncached\":0,"
	"\"flows_recomposed\":0,"
	"\"drops\":{\"port-unbound\":0,\"switch-xmit\":0,"
	"\"no-subnet\":0,\"src-mac\":0,\"no-dest\":0,\"malformed\":0,"
	"\"no-pa\":0,\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0,"
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0,"
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":0,\"acl\":0}}},"
	"{\"ifname\":\"veth1\",\"kind\":\"port\",\"stats\":{"
	"\"rx_packets\":12,\"rx_bytes\":1234,\"tx_packets\":10,"
	"\"tx_bytes\":1000,\"flows_new\":15,\"flows_aged\":3,"
	"\"flows_uncached\":0,\"flows_recomposed\":1,"
	"\"drops\":{\"port-unbound\":3,\"switch-xmit\":1,"
	"\"no-subnet\":0,\"src-mac\":0,\"no-dest\":0,\"malformed\":0,"
	"\"no-pa\":0,\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0,"
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0,"
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":0,\"acl\":0}}}]\n";

static void output_tests(void)
{
	static const uint32_t two = 2;
	struct nl_msg *m1, *m2, *m3, *m4, *m5;
	struct hnv_switch sw[3];
	struct hnv_port port[2];
	struct capture c;
	struct out o;

	m1 = switch_reply("hnv0", 7, &two, &hnv0_counters, &hnv0_uft);
	m2 = switch_reply("hnv-big", 12, NULL, &big_counters, NULL);
	m3 = port_reply("veth0", 9, 7, &veth0_counters);
	m4 = switch_reply("hnv1", 8, &two, &veth0_counters, &big_uft);
	m5 = port_reply("veth1", 10, 7, &hnv0_counters);
	hnv_parse_switch(nlmsg_hdr(m1), &sw[0]);
	hnv_parse_switch(nlmsg_hdr(m2), &sw[1]);
	hnv_parse_port(nlmsg_hdr(m3), &port[0]);
	hnv_parse_switch(nlmsg_hdr(m4), &sw[2]);
	hnv_parse_port(nlmsg_hdr(m5), &port[1]);

	out_open(&o, &c, false, false);
	out_switch(&o, &sw[0]);
	out_switch(&o, &sw[1]);
	out_switch(&o, &sw[2]);
	check_str(out_close(&o, &c), human_switches,
		  "switch show: with and without flow tables, human");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_switch(&o, &sw[0]);
	out_switch(&o, &sw[1]);
	check_str(out_close(&o, &c), json_switches,
		  "switch show: with and without flow tables, JSON");
	free(c.buf);

	out_open(&o, &c, true, true);
	out_switch(&o, &sw[2]);
	check_str(out_close(&o, &c), pretty_switch,
		  "switch show: largest settings, pretty JSON");
	free(c.buf);

	out_open(&o, &c, false, false);
	out_port(&o, &port[0], "hnv0");
	check_str(out_close(&o, &c), human_port, "port show: human");
	free(c.buf);

	out_open(&o, &c, true, true);
	out_port(&o, &port[0], "hnv0");
	check_str(out_close(&o, &c), pretty_port, "port show: pretty JSON");
	free(c.buf);

	out_open(&o, &c, false, false);
	out_counters(&o, "switch", sw[0].ifname, &sw[0].stats);
	out_counters(&o, "port", port[0].ifname, &port[0].stats);
	out_counters(&o, "port", port[1].ifname, &port[1].stats);
	check_str(out_close(&o, &c), human_counters, "stats show: human");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_counters(&o, "switch", sw[0].ifname, &sw[0].stats);
	out_counters(&o, "port", port[0].ifname, &port[0].stats);
	out_counters(&o, "port", port[1].ifname, &port[1].stats);
	check_str(out_close(&o, &c), json_counters, "stats show: JSON");
	free(c.buf);

	out_open(&o, &c, false, false);
	check_str(out_close(&o, &c), "", "nothing to show: human is empty");
	free(c.buf);

	out_open(&o, &c, true, false);
	check_str(out_close(&o, &c), "[]\n", "nothing to show: JSON []");
	free(c.buf);

	nlmsg_free(m1);
	nlmsg_free(m2);
	nlmsg_free(m3);
	nlmsg_free(m4);
	nlmsg_free(m5);
}

static const char human_too_big[] =
	"port veth2\n"
	"    RX: packets bytes\n"
	"             20 30000\n"
	"    TX: packets bytes\n"
	"             18  1500\n"
	"    flows: new 1 aged 0 uncached 0 recomposed 0\n"
	"    drops: 3\n"
	"        pa-mismatch 1\n"
	"        too-big     2\n";

static const char json_too_big[] =
	"[{\"ifname\":\"veth2\",\"kind\":\"port\",\"stats\":{"
	"\"rx_packets\":20,\"rx_bytes\":30000,\"tx_packets\":18,"
	"\"tx_bytes\":1500,\"flows_new\":1,\"flows_aged\":0,"
	"\"flows_uncached\":0,\"flows_recomposed\":0,"
	"\"drops\":{\"port-unbound\":0,\"switch-xmit\":0,"
	"\"no-subnet\":0,\"src-mac\":0,\"no-dest\":0,\"malformed\":0,"
	"\"no-pa\":0,\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0,"
	"\"pa-mismatch\":1,\"too-big\":2,\"bad-nvgre\":0,"
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":0,\"acl\":0}}}]\n";

/* The drops of HNV_DROP_TOO_BIG, by their name. */
static void too_big_tests(void)
{
	struct hnv_port port;
	struct nl_msg *msg;
	struct capture c;
	struct out o;

	msg = port_reply("veth2", 11, 7, &mtu_counters);
	check(!hnv_parse_port(nlmsg_hdr(msg), &port) &&
	      port.stats.drops[HNV_DROP_TOO_BIG] == 2 &&
	      port.stats.drops[HNV_DROP_PA_MISMATCH] == 1 &&
	      hnv_stats_drops(&port.stats) == 3,
	      "port reply: HNV_DROP_TOO_BIG drops counted");
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	out_counters(&o, "port", port.ifname, &port.stats);
	check_str(out_close(&o, &c), human_too_big,
		  "stats show: too-big drops by name, aligned; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_counters(&o, "port", port.ifname, &port.stats);
	check_str(out_close(&o, &c), json_too_big,
		  "stats show: \"too-big\" after \"pa-mismatch\"; JSON");
	free(c.buf);
}

static const char human_ttl[] =
	"port veth3\n"
	"    RX: packets bytes\n"
	"              9   882\n"
	"    TX: packets bytes\n"
	"              3   294\n"
	"    flows: new 2 aged 0 uncached 0 recomposed 0\n"
	"    drops: 6\n"
	"        no-route 4\n"
	"        ttl      2\n";

static const char json_ttl[] =
	"[{\"ifname\":\"veth3\",\"kind\":\"port\",\"stats\":{"
	"\"rx_packets\":9,\"rx_bytes\":882,\"tx_packets\":3,"
	"\"tx_bytes\":294,\"flows_new\":2,\"flows_aged\":0,"
	"\"flows_uncached\":0,\"flows_recomposed\":0,"
	"\"drops\":{\"port-unbound\":0,\"switch-xmit\":0,"
	"\"no-subnet\":0,\"src-mac\":0,\"no-dest\":0,\"malformed\":0,"
	"\"no-pa\":0,\"no-route\":4,\"bad-vxlan\":0,\"unknown-vni\":0,"
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0,"
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":2,\"acl\":0}}}]\n";

/* The drops of HNV_DROP_TTL, by their name. */
static void ttl_tests(void)
{
	struct hnv_port port;
	struct nl_msg *msg;
	struct capture c;
	struct out o;

	msg = port_reply("veth3", 12, 7, &ttl_counters);
	check(!hnv_parse_port(nlmsg_hdr(msg), &port) &&
	      port.stats.drops[HNV_DROP_TTL] == 2 &&
	      port.stats.drops[HNV_DROP_NO_ROUTE] == 4 &&
	      hnv_stats_drops(&port.stats) == 6,
	      "port reply: HNV_DROP_TTL drops counted");
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	out_counters(&o, "port", port.ifname, &port.stats);
	check_str(out_close(&o, &c), human_ttl,
		  "stats show: ttl drops by name, aligned; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_counters(&o, "port", port.ifname, &port.stats);
	check_str(out_close(&o, &c), json_ttl,
		  "stats show: \"ttl\" after \"neigh-self\"; JSON");
	free(c.buf);
}

void msg_tests(void)
{
	request_tests();
	switch_set_tests();
	parse_good_tests();
	parse_bad_tests();
	output_tests();
	too_big_tests();
	ttl_tests();
}
