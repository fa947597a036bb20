// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of the routing half of msg.c and output.c: the route, icmp and
 * echo actions of a flow, which the distributed router composes for the
 * frames sent to its MAC.  Flows are made up as the kernel would send
 * them, parsed into the model and printed, in both formats, byte for
 * byte; an action attribute of the wrong size makes the flow malformed.
 * And the static routes: ROUTE_NEW, ROUTE_DEL and ROUTE_GET requests
 * checked attribute by attribute, routes made up as the kernel dumps
 * them, parsed and printed.
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
#include "output.h"
#include "test.h"
#include "util.h"

#define FAMILY 0x22

static const uint8_t router_mac[ETH_ALEN] = { 0x02, 0x48, 0x4e, 0x56, 0, 1 };
static const uint8_t mac1[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
static const uint8_t mac3[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x03 };

/* ICMP destination unreachable, network unreachable (3/0) */
static const uint16_t net_unreach = 3 << 8 | 0;
/* ICMP destination unreachable, host unreachable (3/1) */
static const uint16_t host_unreach = 3 << 8 | 1;
/* ICMPv6 destination unreachable, no route (1/0) */
static const uint16_t noroute6 = 1 << 8 | 0;
/* the largest type and code */
static const uint16_t icmp_max = 255 << 8 | 255;

/* One action attribute as the kernel puts it: len bytes of data. */
struct act {
	uint16_t type;			/* 0 ends a list */
	int len;
	const void *data;
};

/* The output to v2 and the encapsulation of the flows below. */
static const uint32_t out_v2 = 10;
static const struct hnv_encap_action encap = {
	HNV_ENCAP_VXLAN, 5002, { 192, 168, 1, 10 }, { 192, 168, 2, 20 },
};

static void put_encap(struct nl_msg *msg)
{
	struct nlattr *nest = nest_start(msg, HNV_ACTION_A_ENCAP);

	nla_put_u8(msg, HNV_ENCAP_A_TYPE, encap.type);
	nla_put_u32(msg, HNV_ENCAP_A_VNI, encap.vni);
	nla_put(msg, HNV_ENCAP_A_SRC, 4, encap.src);
	nla_put(msg, HNV_ENCAP_A_DST, 4, encap.dst);
	nla_nest_end(msg, nest);
}

/*
 * An ICMP or ICMPv6 echo request (type 8 or 128, code 0) of port v1 (9) of
 * hnv0 (7) from mac1 and src to the router MAC and dst, whose actions are
 * acts; an action of type HNV_ACTION_A_ENCAP is the nest of encap above.
 */
static struct nl_msg *routed_flow(const char *src, const char *dst,
				  const struct act *acts)
{
	struct nl_msg *msg = nlmsg_alloc();
	int len = strchr(src, ':') ? 16 : 4;
	int family = len == 4 ? AF_INET : AF_INET6;
	struct nlattr *flow, *nest;
	uint8_t addr[16];

	genlmsg_put(msg, 0, 1, FAMILY, 0, NLM_F_MULTI, HNV_CMD_FLOW_GET,
		    HNV_GENL_VERSION);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	flow = nest_start(msg, HNV_A_FLOW);
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, mac1);
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, router_mac);
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE,
		    htons(len == 4 ? 0x0800 : 0x86dd));
	nla_put_u8(msg, HNV_FLOW_A_IP_PROTO, len == 4 ? 1 : 58);
	inet_pton(family, src, addr);
	nla_put(msg, HNV_FLOW_A_IP_SRC, len, addr);
	inet_pton(family, dst, addr);
	nla_put(msg, HNV_FLOW_A_IP_DST, len, addr);
	nla_put_u16(msg, HNV_FLOW_A_L4_SRC, htons(len == 4 ? 8 : 128));
	nla_put_u16(msg, HNV_FLOW_A_L4_DST, htons(0));
	nest = nest_start(msg, HNV_FLOW_A_ACTIONS);
	for (; acts->type; acts++) {
		if (acts->type == HNV_ACTION_A_ENCAP)
			put_encap(msg);
		else
			nla_put(msg, acts->type, acts->len, acts->data);
	}
	nla_nest_end(msg, nest);
	nla_put_u64(msg, HNV_FLOW_A_PACKETS, 4);
	nla_put_u64(msg, HNV_FLOW_A_BYTES, 392);
	nla_put_u32(msg, HNV_FLOW_A_IDLE_MS, 15);
	nla_nest_end(msg, flow);
	return msg;
}

static char *fake_ifname(unsigned int ifindex, char *buf)
{
	static const char *const names[] = {
		[7] = "hnv0", [9] = "v1", [10] = "v2", [11] = "eth1",
	};

	if (ifindex >= ARRAY_SIZE(names) || !names[ifindex])
		return NULL;
	return strcpy(buf, names[ifindex]);
}

/* The flows of the output tests, in this order. */
static const struct act routed[] = {
	{ HNV_ACTION_A_ROUTE, ETH_ALEN, mac3 },
	{ HNV_ACTION_A_OUTPUT, 4, &out_v2 },
	{ 0 },
};

static const uint32_t out_eth1 = 11;
static const struct act routed_away[] = {
	{ HNV_ACTION_A_ROUTE, ETH_ALEN, mac3 },
	{ HNV_ACTION_A_ENCAP, 0, NULL },
	{ HNV_ACTION_A_OUTPUT, 4, &out_eth1 },
	{ 0 },
};

static const struct act unreach[] = {
	{ HNV_ACTION_A_ICMP, 2, &net_unreach },
	{ 0 },
};

static const struct act unreach6[] = {
	{ HNV_ACTION_A_ICMP, 2, &noroute6 },
	{ 0 },
};

static const struct act echo[] = {
	{ HNV_ACTION_A_ECHO, 0, NULL },
	{ 0 },
};

static void route_parse_tests(void)
{
	static const struct act several[] = {
		{ HNV_ACTION_A_ICMP, 2, &host_unreach },
		{ HNV_ACTION_A_MAX + 1, 4, &out_v2 },
		{ HNV_ACTION_A_ECHO, 0, NULL },
		{ HNV_ACTION_A_ICMP, 2, &icmp_max },
		{ 0 },
	};
	struct hnv_flow f;
	struct nl_msg *msg;

	msg = routed_flow("10.1.1.11", "10.1.2.12", routed);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f), 0,
		  "parse a flow with a route action");
	check(f.nactions == 2 && f.actions[0].type == HNV_ACTION_A_ROUTE &&
	      !memcmp(f.actions[0].mac, mac3, ETH_ALEN) &&
	      f.actions[1].type == HNV_ACTION_A_OUTPUT &&
	      f.actions[1].arg == 10,
	      "a route toward the VM's MAC, then an output: both, in order");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	msg = routed_flow("10.1.1.11", "10.1.2.12", routed_away);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f) && f.nactions == 3 &&
	      f.actions[0].type == HNV_ACTION_A_ROUTE &&
	      !memcmp(f.actions[0].mac, mac3, ETH_ALEN) &&
	      f.actions[1].type == HNV_ACTION_A_ENCAP &&
	      f.actions[1].encap.vni == 5002 &&
	      f.actions[2].type == HNV_ACTION_A_OUTPUT &&
	      f.actions[2].arg == 11,
	      "a route, an encap and an output: all three, in order");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	msg = routed_flow("10.1.1.11", "10.9.9.9", unreach);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f) && f.nactions == 1 &&
	      f.actions[0].type == HNV_ACTION_A_ICMP &&
	      f.actions[0].arg == (3 << 8 | 0),
	      "icmp action: type << 8 | code");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	msg = routed_flow("10.1.1.11", "10.1.1.1", echo);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f) && f.nactions == 1 &&
	      f.actions[0].type == HNV_ACTION_A_ECHO && !f.actions[0].arg,
	      "echo action: a flag, no argument");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	msg = routed_flow("10.1.1.11", "10.1.1.1", several);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f) && f.nactions == 3 &&
	      f.actions[0].type == HNV_ACTION_A_ICMP &&
	      f.actions[0].arg == (3 << 8 | 1) &&
	      f.actions[1].type == HNV_ACTION_A_ECHO &&
	      f.actions[2].type == HNV_ACTION_A_ICMP &&
	      f.actions[2].arg == 0xffff,
	      "icmp, an unknown action, echo, icmp 255/255: the unknown one "
	      "skipped, the others in order");
	hnv_flow_free(&f);
	nlmsg_free(msg);
}

/* Each flow has one action of the wrong size. */
static void route_malformed_tests(void)
{
	static const uint8_t bytes[8] = { 0x02, 0, 0, 0, 0, 0x03, 0, 0 };
	static const struct {
		struct act act;
		const char *what;
	} bad[] = {
		{ { HNV_ACTION_A_ROUTE, 4, bytes }, "a 4-byte route action" },
		{ { HNV_ACTION_A_ROUTE, 8, bytes }, "an 8-byte route action" },
		{ { HNV_ACTION_A_ROUTE, 0, NULL }, "an empty route action" },
		{ { HNV_ACTION_A_ICMP, 1, bytes }, "an 8-bit icmp action" },
		{ { HNV_ACTION_A_ICMP, 4, bytes }, "a 32-bit icmp action" },
		{ { HNV_ACTION_A_ICMP, 0, NULL }, "an empty icmp action" },
		{ { HNV_ACTION_A_ECHO, 1, bytes }, "an echo flag with a byte" },
		{ { HNV_ACTION_A_ECHO, 4, bytes },
		  "an echo flag with 4 bytes" },
	};
	struct act acts[3] = { { 0 } };
	struct hnv_flow f;
	struct nl_msg *msg;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		acts[0] = bad[i].act;
		msg = routed_flow("10.1.1.11", "10.1.2.12", acts);
		check_int(hnv_parse_flow(nlmsg_hdr(msg), &f), -EBADMSG,
			  "%s is malformed", bad[i].what);
		hnv_flow_free(&f);
		nlmsg_free(msg);
	}

	acts[0] = (struct act){ HNV_ACTION_A_OUTPUT, 4, &out_v2 };
	acts[1] = (struct act){ HNV_ACTION_A_ROUTE, 5, bytes };
	msg = routed_flow("10.1.1.11", "10.1.2.12", acts);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f), -EBADMSG,
		  "a 5-byte route action after a good output is malformed");
	hnv_flow_free(&f);
	nlmsg_free(msg);
}

/* The flows of route_output_tests(), parsed into f. */
static size_t parse_flows(struct hnv_flow f[5])
{
	static const struct {
		const char *src, *dst;
		const struct act *acts;
	} flows[] = {
		{ "10.1.1.11", "10.1.2.12", routed },
		{ "10.1.1.11", "10.1.2.12", routed_away },
		{ "10.1.1.11", "10.9.9.9", unreach },
		{ "fd00:1::11", "fd00:9::9", unreach6 },
		{ "10.1.1.11", "10.1.1.1", echo },
	};
	struct nl_msg *msg;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(flows); i++) {
		msg = routed_flow(flows[i].src, flows[i].dst, flows[i].acts);
		hnv_parse_flow(nlmsg_hdr(msg), &f[i]);
		nlmsg_free(msg);
	}
	return ARRAY_SIZE(flows);
}

#define HEAD "hnv0 port v1: 02:00:00:00:00:01 > 02:48:4e:56:00:01 "
#define TAIL "packets 4 bytes 392 idle 15ms actions "

#define JHEAD \
	"{\"switch\":\"hnv0\",\"port\":\"v1\"," \
	"\"eth_src\":\"02:00:00:00:00:01\",\"eth_dst\":\"02:48:4e:56:00:01\","
#define JV4(dst) \
	JHEAD "\"eth_type\":2048,\"ip_proto\":1,\"ip_src\":\"10.1.1.11\"," \
	"\"ip_dst\":\"" dst "\",\"l4_src\":8,\"l4_dst\":0,"
#define JTAIL "\"packets\":4,\"bytes\":392,\"idle_ms\":15,\"actions\":"

static void route_output_tests(void)
{
	struct hnv_flow f[5];
	struct capture c;
	struct out o;
	size_t i, n;

	n = parse_flows(f);

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	for (i = 0; i < n; i++)
		out_flow(&o, &f[i]);
	check_str(out_close(&o, &c),
		  HEAD "ipv4 10.1.1.11 > 10.1.2.12 icmp " TAIL
		  "route 02:00:00:00:00:03, output v2\n"
		  HEAD "ipv4 10.1.1.11 > 10.1.2.12 icmp " TAIL
		  "route 02:00:00:00:00:03, encap vxlan vni 5002 "
		  "192.168.1.10 > 192.168.2.20, output eth1\n"
		  HEAD "ipv4 10.1.1.11 > 10.9.9.9 icmp " TAIL "icmp 3/0\n"
		  HEAD "ipv6 fd00:1::11 > fd00:9::9 icmpv6 " TAIL "icmp 1/0\n"
		  HEAD "ipv4 10.1.1.11 > 10.1.1.1 icmp " TAIL "echo\n",
		  "flow show: route MAC, icmp TYPE/CODE, echo; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	o.ifname = fake_ifname;
	for (i = 0; i < n; i++)
		out_flow(&o, &f[i]);
	check_str(out_close(&o, &c),
		  "[" JV4("10.1.2.12") JTAIL
		  "[{\"route\":\"02:00:00:00:00:03\"},{\"output\":\"v2\"}]},"
		  JV4("10.1.2.12") JTAIL
		  "[{\"route\":\"02:00:00:00:00:03\"},"
		  "{\"encap\":{\"type\":\"vxlan\",\"vni\":5002,"
		  "\"src\":\"192.168.1.10\",\"dst\":\"192.168.2.20\"}},"
		  "{\"output\":\"eth1\"}]},"
		  JV4("10.9.9.9") JTAIL
		  "[{\"icmp\":{\"type\":3,\"code\":0}}]},"
		  JHEAD "\"eth_type\":34525,\"ip_proto\":58,"
		  "\"ip_src\":\"fd00:1::11\",\"ip_dst\":\"fd00:9::9\","
		  "\"l4_src\":128,\"l4_dst\":0," JTAIL
		  "[{\"icmp\":{\"type\":1,\"code\":0}}]},"
		  JV4("10.1.1.1") JTAIL "[{\"echo\":true}]}]\n",
		  "flow show: {\"route\":MAC}, {\"icmp\":{\"type\":T,"
		  "\"code\":C}}, {\"echo\":true}; JSON");
	free(c.buf);

	out_open(&o, &c, true, true);
	o.ifname = fake_ifname;
	out_flow(&o, &f[2]);
	out_close(&o, &c);
	check(strstr(c.buf,
		     "        \"actions\": [\n"
		     "            {\n"
		     "                \"icmp\": {\n"
		     "                    \"type\": 3,\n"
		     "                    \"code\": 0\n"
		     "                }\n"
		     "            }\n"
		     "        ]\n") != NULL,
	      "flow show: the icmp action, pretty JSON");
	free(c.buf);

	for (i = 0; i < n; i++)
		hnv_flow_free(&f[i]);
}

/* Type and code of the largest ICMP action, and the drop ttl. */
static void route_edge_tests(void)
{
	static const uint8_t ttl = HNV_DROP_TTL;
	static const struct act acts[] = {
		{ HNV_ACTION_A_ICMP, 2, &icmp_max },
		{ HNV_ACTION_A_DROP, 1, &ttl },
		{ 0 },
	};
	struct nl_msg *msg;
	struct capture c;
	struct hnv_flow f;
	struct out o;

	msg = routed_flow("10.1.1.11", "10.1.2.12", acts);
	hnv_parse_flow(nlmsg_hdr(msg), &f);
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	out_flow(&o, &f);
	check_str(out_close(&o, &c),
		  HEAD "ipv4 10.1.1.11 > 10.1.2.12 icmp " TAIL
		  "icmp 255/255, drop ttl\n",
		  "flow show: icmp 255/255 in decimal, drop ttl; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	o.ifname = fake_ifname;
	out_flow(&o, &f);
	check_str(out_close(&o, &c),
		  "[" JV4("10.1.2.12") JTAIL
		  "[{\"icmp\":{\"type\":255,\"code\":255}},"
		  "{\"drop\":\"ttl\"}]}]\n",
		  "flow show: icmp 255/255, drop ttl; JSON");
	free(c.buf);
	hnv_flow_free(&f);
}

/* A route of 4 or 16 bytes: prefix addr/len via via. */
static struct hnv_route make_route(uint32_t rdid, const char *addr,
				   uint8_t len, const char *via)
{
	struct hnv_route r = { .rdid = rdid, .len = len };
	int family = strchr(addr, ':') ? AF_INET6 : AF_INET;

	r.alen = family == AF_INET ? 4 : 16;
	inet_pton(family, addr, r.addr);
	inet_pton(family, via, r.via);
	return r;
}

static bool route_eq(const struct hnv_route *a, const struct hnv_route *b)
{
	return a->switch_ifindex == b->switch_ifindex &&
	       a->rdid == b->rdid && a->alen == b->alen &&
	       a->len == b->len && !memcmp(a->addr, b->addr, a->alen) &&
	       !memcmp(a->via, b->via, a->alen);
}

/*
 * The nest a is HNV_A_ROUTE_PREFIX as the kernel wants it: NLA_F_NESTED,
 * exactly HNV_PREFIX_A_ADDR (alen bytes of addr) and a u8
 * HNV_PREFIX_A_LEN of len, in that order.
 */
static bool is_route_prefix(const struct nlattr *a, const uint8_t *addr,
			    int alen, uint8_t len)
{
	const struct nlattr *x;
	int rem, i = 0;
	bool ok = true;

	if (!a || !(a->nla_type & NLA_F_NESTED))
		return false;
	nla_for_each_nested(x, a, rem) {
		if (i == 0)
			ok = ok && nla_type(x) == HNV_PREFIX_A_ADDR &&
			     nla_len(x) == alen &&
			     !memcmp(nla_data(x), addr, alen);
		else if (i == 1)
			ok = ok && nla_type(x) == HNV_PREFIX_A_LEN &&
			     nla_len(x) == 1 && nla_get_u8(x) == len;
		i++;
	}
	return ok && i == 2 && !rem;
}

static struct nl_msg *request(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 1, FAMILY, 0, 0, cmd, HNV_GENL_VERSION);
	return msg;
}

static void static_request_tests(void)
{
	struct hnv_route r4 = make_route(1, "10.9.0.0", 16, "10.1.2.50");
	struct hnv_route r6 = make_route(7, "fd00:9::", 32, "fd00:1::50");
	struct hnv_route def = make_route(2, "0.0.0.0", 0, "10.1.2.51");
	struct hnv_sel hnv0 = { .ifname = "hnv0" }, by_index = { .ifindex = 7 };
	struct hnv_sel none = { 0 };
	struct nlattr *tb[HNV_A_MAX + 1];
	struct nl_msg *msg;
	int n;

	msg = request(HNV_CMD_ROUTE_NEW);
	check_int(hnv_put_route_new(msg, &hnv0, &r4, false), 0,
		  "ROUTE_NEW IPv4: put");
	n = attrs_of(msg, tb);
	check(n == 4 && is_bytes(tb[HNV_A_SWITCH_IFNAME], "hnv0", 5) &&
	      is_u32(tb[HNV_A_RDID], 1) &&
	      is_route_prefix(tb[HNV_A_ROUTE_PREFIX], r4.addr, 4, 16) &&
	      is_bytes(tb[HNV_A_ROUTE_VIA], r4.via, 4) &&
	      !tb[HNV_A_REPLACE],
	      "ROUTE_NEW 10.9.0.0/16 via 10.1.2.50: switch name, u32 RDID, "
	      "the prefix nest (NLA_F_NESTED, 4-byte ADDR, u8 LEN), a 4-byte "
	      "VIA, no REPLACE, nothing else");
	nlmsg_free(msg);

	msg = request(HNV_CMD_ROUTE_NEW);
	check_int(hnv_put_route_new(msg, &by_index, &r6, true), 0,
		  "ROUTE_NEW IPv6 with replace: put");
	n = attrs_of(msg, tb);
	check(n == 5 && is_u32(tb[HNV_A_SWITCH_IFINDEX], 7) &&
	      !tb[HNV_A_SWITCH_IFNAME] && is_u32(tb[HNV_A_RDID], 7) &&
	      is_route_prefix(tb[HNV_A_ROUTE_PREFIX], r6.addr, 16, 32) &&
	      is_bytes(tb[HNV_A_ROUTE_VIA], r6.via, 16) &&
	      tb[HNV_A_REPLACE] && nla_len(tb[HNV_A_REPLACE]) == 0,
	      "ROUTE_NEW fd00:9::/32 via fd00:1::50, replace: ifindex, RDID, "
	      "16-byte ADDR and VIA, the flag HNV_A_REPLACE (no payload)");
	check(!(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_REPLACE),
	      "ROUTE_NEW replace: not NLM_F_REPLACE");
	nlmsg_free(msg);

	msg = request(HNV_CMD_ROUTE_NEW);
	check_int(hnv_put_route_new(msg, &hnv0, &def, false), 0,
		  "ROUTE_NEW default route: put");
	attrs_of(msg, tb);
	check(is_route_prefix(tb[HNV_A_ROUTE_PREFIX], def.addr, 4, 0),
	      "ROUTE_NEW 0.0.0.0/0: ADDR 0.0.0.0 and LEN 0, both sent");
	nlmsg_free(msg);

	msg = request(HNV_CMD_ROUTE_DEL);
	check_int(hnv_put_route_del(msg, &hnv0, &r6), 0,
		  "ROUTE_DEL: put");
	n = attrs_of(msg, tb);
	check(n == 3 && is_bytes(tb[HNV_A_SWITCH_IFNAME], "hnv0", 5) &&
	      is_u32(tb[HNV_A_RDID], 7) &&
	      is_route_prefix(tb[HNV_A_ROUTE_PREFIX], r6.addr, 16, 32) &&
	      !tb[HNV_A_ROUTE_VIA] && !tb[HNV_A_REPLACE],
	      "ROUTE_DEL: the switch, RDID and the prefix nest; no VIA");
	nlmsg_free(msg);

	msg = request(HNV_CMD_ROUTE_GET);
	check_int(hnv_put_route_sel(msg, &by_index, 5), 0,
		  "ROUTE_GET of a switch and an RDID: put");
	n = attrs_of(msg, tb);
	check(n == 2 && is_u32(tb[HNV_A_SWITCH_IFINDEX], 7) &&
	      is_u32(tb[HNV_A_RDID], 5),
	      "ROUTE_GET: the switch's ifindex and HNV_A_RDID");
	nlmsg_free(msg);

	msg = request(HNV_CMD_ROUTE_GET);
	check_int(hnv_put_route_sel(msg, &none, 0), 0,
		  "ROUTE_GET of everything: put");
	check_int(attrs_of(msg, tb), 0,
		  "ROUTE_GET without switch or RDID: no attribute");
	nlmsg_free(msg);
}

/*
 * A route as the kernel dumps it, of switch ifindex; prefix_alen and
 * via_alen 0: the attribute is left out.
 */
static struct nl_msg *route_msg(uint32_t ifindex, uint32_t rdid,
				const char *addr, int alen, int len,
				const char *via, int via_alen)
{
	struct nl_msg *msg = nlmsg_alloc();
	uint8_t buf[16] = { 0 };
	struct nlattr *nest;

	genlmsg_put(msg, 0, 1, FAMILY, 0, NLM_F_MULTI, HNV_CMD_ROUTE_GET,
		    HNV_GENL_VERSION);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, ifindex);
	nla_put_u32(msg, HNV_A_RDID, rdid);
	if (alen) {
		nest = nest_start(msg, HNV_A_ROUTE_PREFIX);
		inet_pton(strchr(addr, ':') ? AF_INET6 : AF_INET, addr, buf);
		nla_put(msg, HNV_PREFIX_A_ADDR, alen, buf);
		if (len >= 0)
			nla_put_u8(msg, HNV_PREFIX_A_LEN, len);
		nla_nest_end(msg, nest);
	}
	if (via_alen) {
		memset(buf, 0, sizeof(buf));
		inet_pton(strchr(via, ':') ? AF_INET6 : AF_INET, via, buf);
		nla_put(msg, HNV_A_ROUTE_VIA, via_alen, buf);
	}
	return msg;
}

static void static_parse_tests(void)
{
	struct hnv_route want = make_route(1, "10.9.0.0", 16, "10.1.2.50");
	struct hnv_route r;
	struct nl_msg *msg;
	size_t i;
	static const struct {
		int alen, len, via_alen;
		const char *addr, *via, *what;
	} bad[] = {
		{ 0, 16, 4, "10.9.0.0", "10.1.2.50", "no HNV_A_ROUTE_PREFIX" },
		{ 4, -1, 4, "10.9.0.0", "10.1.2.50", "no HNV_PREFIX_A_LEN" },
		{ 4, 33, 4, "10.9.0.0", "10.1.2.50",
		  "an IPv4 prefix of length 33" },
		{ 16, 129, 16, "fd00:9::", "fd00:1::50",
		  "an IPv6 prefix of length 129" },
		{ 5, 16, 4, "10.9.0.0", "10.1.2.50", "a 5-byte address" },
		{ 4, 16, 0, "10.9.0.0", "10.1.2.50", "no HNV_A_ROUTE_VIA" },
		{ 4, 16, 16, "10.9.0.0", "fd00:1::50",
		  "an IPv6 next hop of an IPv4 prefix" },
		{ 16, 32, 4, "fd00:9::", "10.1.2.50",
		  "an IPv4 next hop of an IPv6 prefix" },
		{ 4, 16, 3, "10.9.0.0", "10.1.2.50", "a 3-byte next hop" },
	};

	want.switch_ifindex = 7;
	msg = route_msg(7, 1, "10.9.0.0", 4, 16, "10.1.2.50", 4);
	check(!hnv_parse_route(nlmsg_hdr(msg), &r) &&
	      route_eq(&r, &want),
	      "parse an IPv4 route: switch, RDID, prefix, length, via");
	nlmsg_free(msg);

	want = make_route(9, "fd00:9::", 128, "fd00:1::50");
	want.switch_ifindex = 8;
	msg = route_msg(8, 9, "fd00:9::", 16, 128, "fd00:1::50", 16);
	check(!hnv_parse_route(nlmsg_hdr(msg), &r) &&
	      route_eq(&r, &want),
	      "parse an IPv6 route of length 128");
	nlmsg_free(msg);

	msg = route_msg(8, 9, "0.0.0.0", 4, 0, "10.1.2.50", 4);
	check(!hnv_parse_route(nlmsg_hdr(msg), &r) && r.len == 0 &&
	      r.alen == 4,
	      "parse a default route, length 0");
	nlmsg_free(msg);

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		msg = route_msg(7, 1, bad[i].addr, bad[i].alen, bad[i].len,
				bad[i].via, bad[i].via_alen);
		check_int(hnv_parse_route(nlmsg_hdr(msg), &r), -EBADMSG,
			  "a route with %s is malformed", bad[i].what);
		nlmsg_free(msg);
	}
}

static void static_output_tests(void)
{
	struct hnv_route r4 = make_route(1, "10.9.0.0", 16, "10.1.2.50");
	struct hnv_route r6 = make_route(4294967295u, "fd00:9::", 32,
					 "fd00:1::50");
	struct hnv_route def = make_route(2, "0.0.0.0", 0, "10.1.2.51");
	struct capture c;
	struct out o;

	out_open(&o, &c, false, false);
	out_route(&o, &r4, "hnv0");
	out_route(&o, &r6, "hnv1");
	out_route(&o, &def, "if9");
	check_str(out_close(&o, &c),
		  "route rdid 1 prefix 10.9.0.0/16 via 10.1.2.50 switch hnv0\n"
		  "route rdid 4294967295 prefix fd00:9::/32 via fd00:1::50 "
		  "switch hnv1\n"
		  "route rdid 2 prefix 0.0.0.0/0 via 10.1.2.51 switch if9\n",
		  "route show: one line a route, IPv4, IPv6, default");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_route(&o, &r4, "hnv0");
	out_route(&o, &r6, "hnv1");
	check_str(out_close(&o, &c),
		  "[{\"rdid\":1,\"prefix\":\"10.9.0.0/16\","
		  "\"via\":\"10.1.2.50\",\"switch\":\"hnv0\"},"
		  "{\"rdid\":4294967295,\"prefix\":\"fd00:9::/32\","
		  "\"via\":\"fd00:1::50\",\"switch\":\"hnv1\"}]\n",
		  "route show -j: rdid, prefix, via, switch");
	free(c.buf);

	out_open(&o, &c, true, false);
	check_str(out_close(&o, &c), "[]\n", "route show -j of no route: []");
	free(c.buf);
}

static void static_list_tests(void)
{
	struct hnv_route_list l = { 0 };
	struct hnv_route *r;
	int i;

	for (i = 0; i < 100; i++) {
		r = hnv_route_list_add(&l);
		if (!r)
			break;
		r->rdid = i;
	}
	check(l.n == 100 && l.v[99].rdid == 99 && l.v[0].rdid == 0 &&
	      !l.v[50].alen,
	      "route list: 100 routes added, zeroed, in order");
	hnv_route_list_free(&l);
	check(!l.v && !l.n && !l.cap, "route list: freed");
}

void route_tests(void)
{
	route_parse_tests();
	route_malformed_tests();
	route_output_tests();
	route_edge_tests();
	static_request_tests();
	static_parse_tests();
	static_output_tests();
	static_list_tests();
}
