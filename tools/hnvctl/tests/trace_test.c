// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of the trace half of msg.c and output.c: TRACE requests checked
 * attribute by attribute, nests and sizes included; answers made up as
 * the kernel would send them, parsed into the model and printed, in both
 * formats, byte for byte; malformed ones refused.
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

static const uint8_t mac1[ETH_ALEN] = { 2, 0, 0, 0, 0, 1 };
static const uint8_t mac2[ETH_ALEN] = { 2, 0, 0, 0, 0, 2 };

static char *fake_ifname(unsigned int ifindex, char *buf)
{
	static const char *const names[] = {
		[7] = "hnv0", [9] = "vm1", [10] = "vm2",
	};

	if (ifindex >= ARRAY_SIZE(names) || !names[ifindex])
		return NULL;
	return strcpy(buf, names[ifindex]);
}

static struct nl_msg *request(void)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 1, 0x22, 0, 0, HNV_CMD_TRACE, HNV_GENL_VERSION);
	return msg;
}

/* The packet of a request: proto, addresses of the family of src. */
static struct hnv_flow packet(uint8_t proto, const char *src,
			      const char *dst)
{
	struct hnv_flow f = { .ip_proto = proto, .has = HNV_FLOW_IP_PROTO };
	int family = strchr(src, ':') ? AF_INET6 : AF_INET;

	f.ip_src_len = f.ip_dst_len = family == AF_INET ? 4 : 16;
	inet_pton(family, src, f.ip_src);
	inet_pton(family, dst, f.ip_dst);
	return f;
}

static const struct attr_want tcp_flow[] = {
	WANT_U8(HNV_FLOW_A_IP_PROTO, IPPROTO_TCP),
	WANT_BYTES(HNV_FLOW_A_IP_SRC, 4, "\x0a\x00\x00\x01"),
	WANT_BYTES(HNV_FLOW_A_IP_DST, 4, "\x0a\x00\x00\x02"),
	WANT_BE16(HNV_FLOW_A_L4_SRC, 40000),
	WANT_BE16(HNV_FLOW_A_L4_DST, 22),
	WANT_BYTES(HNV_FLOW_A_ETH_SRC, ETH_ALEN, mac1),
	WANT_BYTES(HNV_FLOW_A_ETH_DST, ETH_ALEN, mac2),
	WANT_END,
};

static const struct attr_want tcp_req[] = {
	WANT_STR(HNV_A_PORT_IFNAME, "vm1"),
	WANT_NEST(HNV_A_FLOW, tcp_flow),
	WANT_END,
};

static const struct attr_want icmp6_flow[] = {
	WANT_U8(HNV_FLOW_A_IP_PROTO, IPPROTO_ICMPV6),
	WANT_BYTES(HNV_FLOW_A_IP_SRC, 16,
		   "\xfd\x00\x00\x01\0\0\0\0\0\0\0\0\0\0\0\x0b"),
	WANT_BYTES(HNV_FLOW_A_IP_DST, 16,
		   "\xfd\x00\x00\x02\0\0\0\0\0\0\0\0\0\0\0\x0c"),
	WANT_BE16(HNV_FLOW_A_L4_SRC, 128),
	WANT_END,
};

static const struct attr_want icmp6_req[] = {
	WANT_U32(HNV_A_PORT_IFINDEX, 9),
	WANT_NEST(HNV_A_FLOW, icmp6_flow),
	WANT_END,
};

static const struct attr_want uplink_flow[] = {
	WANT_U8(HNV_FLOW_A_IP_PROTO, 47),
	WANT_BYTES(HNV_FLOW_A_IP_SRC, 4, "\x0a\x01\x01\x0c"),
	WANT_BYTES(HNV_FLOW_A_IP_DST, 4, "\x0a\x01\x01\x0b"),
	WANT_U32(HNV_FLOW_A_VSID, 5001),
	WANT_BYTES(HNV_FLOW_A_TUN_SRC, 4, "\xc0\xa8\x02\x14"),
	WANT_END,
};

static const struct attr_want uplink_req[] = {
	WANT_STR(HNV_A_PORT_IFNAME, "hnv0"),
	WANT_NEST(HNV_A_FLOW, uplink_flow),
	WANT_END,
};

static void trace_request_tests(void)
{
	struct hnv_flow f = packet(IPPROTO_TCP, "10.0.0.1", "10.0.0.2");
	struct nl_msg *msg;

	f.has |= HNV_FLOW_L4_SRC | HNV_FLOW_L4_DST | HNV_FLOW_ETH_SRC |
		 HNV_FLOW_ETH_DST;
	f.l4_src = 40000;
	f.l4_dst = 22;
	memcpy(f.eth_src, mac1, ETH_ALEN);
	memcpy(f.eth_dst, mac2, ETH_ALEN);
	msg = request();
	check_int(hnv_put_trace(msg, &(struct hnv_sel){ .ifname = "vm1" }, &f),
		  0, "TRACE: put");
	check(msg_attrs_are(msg, tcp_req),
	      "TRACE of a TCP packet: the port's name, HNV_A_FLOW "
	      "(NLA_F_NESTED): u8 IP_PROTO, 4-byte IP_SRC and IP_DST, be16 "
	      "L4_SRC and L4_DST, 6-byte ETH_SRC and ETH_DST, nothing else");
	nlmsg_free(msg);

	f = packet(IPPROTO_ICMPV6, "fd00:1::b", "fd00:2::c");
	f.has |= HNV_FLOW_L4_SRC;
	f.l4_src = 128;
	msg = request();
	hnv_put_trace(msg, &(struct hnv_sel){ .ifindex = 9 }, &f);
	check(msg_attrs_are(msg, icmp6_req),
	      "TRACE of an ICMPv6 echo request: 16-byte addresses, the type "
	      "in L4_SRC, no code, no MACs");
	nlmsg_free(msg);

	f = packet(47, "10.1.1.12", "10.1.1.11");
	f.has |= HNV_FLOW_UPLINK;
	f.vsid = 5001;
	memcpy(f.tun_src, "\xc0\xa8\x02\x14", 4);
	msg = request();
	hnv_put_trace(msg, &(struct hnv_sel){ .ifname = "hnv0" }, &f);
	check(msg_attrs_are(msg, uplink_req),
	      "TRACE of a packet from the physical network: the switch as "
	      "the port, u32 VSID and 4-byte TUN_SRC in the flow, no L4");
	nlmsg_free(msg);
}

/* One step of an answer: its layer (NULL: none), ACL nest, actions. */
struct step {
	const char *layer;
	int layer_len;			/* 0: strlen + 1 */
	const struct raw *acl;
	const struct raw *actions;
};

/*
 * The answer to a trace: port (the switch itself, 7, for the uplink,
 * with VSID 5001 from 192.168.2.20) of hnv0 (7), the packet proto src >
 * dst with l4, from mac1 to mac2, whose actions are acts, and the steps
 * (up to one without layer nor ACL nor actions); without HNV_A_TRACE if
 * steps is NULL.
 */
static struct nl_msg *answer(uint32_t port, uint8_t proto, const char *src,
			     const char *dst, uint16_t l4_src,
			     uint16_t l4_dst, const struct raw *acts,
			     const struct step *steps)
{
	struct nl_msg *msg = message(HNV_CMD_TRACE);
	int family = strchr(src, ':') ? AF_INET6 : AF_INET;
	int len = family == AF_INET ? 4 : 16;
	struct nlattr *flow, *trace, *step;
	uint8_t addr[16];

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, port);
	flow = nest_start(msg, HNV_A_FLOW);
	if (port == 7) {
		nla_put_u32(msg, HNV_FLOW_A_VSID, 5001);
		nla_put(msg, HNV_FLOW_A_TUN_SRC, 4, "\xc0\xa8\x02\x14");
	}
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, mac1);
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, mac2);
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE, htons(len == 4 ? 0x0800 :
							      0x86dd));
	nla_put_u8(msg, HNV_FLOW_A_IP_PROTO, proto);
	inet_pton(family, src, addr);
	nla_put(msg, HNV_FLOW_A_IP_SRC, len, addr);
	inet_pton(family, dst, addr);
	nla_put(msg, HNV_FLOW_A_IP_DST, len, addr);
	nla_put_u16(msg, HNV_FLOW_A_L4_SRC, htons(l4_src));
	nla_put_u16(msg, HNV_FLOW_A_L4_DST, htons(l4_dst));
	put_raw(msg, HNV_FLOW_A_ACTIONS, acts);
	nla_nest_end(msg, flow);
	if (!steps)
		return msg;
	trace = nest_start(msg, HNV_A_TRACE);
	for (; steps->layer || steps->acl || steps->actions; steps++) {
		step = nest_start(msg, HNV_TRACE_A_STEP);
		if (steps->layer)
			nla_put(msg, HNV_STEP_A_LAYER, steps->layer_len ?
				steps->layer_len :
				(int)strlen(steps->layer) + 1, steps->layer);
		if (steps->acl)
			put_raw(msg, HNV_STEP_A_ACL, steps->acl);
		if (steps->actions)
			put_raw(msg, HNV_STEP_A_ACTIONS, steps->actions);
		nla_put_u32(msg, HNV_STEP_A_MAX + 1, 1);
		nla_nest_end(msg, step);
	}
	nla_put_u32(msg, HNV_TRACE_A_MAX + 1, 1);
	nla_nest_end(msg, trace);
	return msg;
}

static const uint32_t if_vm1 = 9, if_vm2 = 10, vsid = 5001;
static const uint32_t prio100 = 100, prio10 = 10;

/* vm1's out default allow */
static const struct raw out_default[] = {
	{ HNV_ACL_A_DIR, 1, "\x02" },
	{ HNV_ACL_A_PORT_IFINDEX, 4, &if_vm1 },
	{ HNV_ACL_A_DEFAULT, 0, NULL },
	{ HNV_ACL_A_ACTION, 1, "\x01" },
	{ 0 },
};

/* VSID 5001's out rule 100, allow stateful */
static const struct raw vsid_rule[] = {
	{ HNV_ACL_A_DIR, 1, "\x02" },
	{ HNV_ACL_A_VSID, 4, &vsid },
	{ HNV_ACL_A_PRIORITY, 4, &prio100 },
	{ HNV_ACL_A_ACTION, 1, "\x01" },
	{ HNV_ACL_A_STATEFUL, 0, NULL },
	{ 0 },
};

/* vm2's in rule 10, deny */
static const struct raw in_deny[] = {
	{ HNV_ACL_A_DIR, 1, "\x01" },
	{ HNV_ACL_A_PORT_IFINDEX, 4, &if_vm2 },
	{ HNV_ACL_A_PRIORITY, 4, &prio10 },
	{ HNV_ACL_A_ACTION, 1, "\x02" },
	{ 0 },
};

static const struct raw to_vm2[] = {
	{ HNV_ACTION_A_OUTPUT, 4, &if_vm2 },
	{ 0 },
};

static const struct raw dropped[] = {
	{ HNV_ACTION_A_DROP, 1, "\x12" },	/* HNV_DROP_ACL */
	{ 0 },
};

static const struct step denied_steps[] = {
	{ "port", 0, NULL, NULL },
	{ "acl-out", 0, out_default, NULL },
	{ "acl-out", 0, vsid_rule, NULL },
	{ "arp", 0, NULL, NULL },
	{ "vnet", 0, NULL, to_vm2 },
	{ "acl-in", 0, in_deny, NULL },
	{ NULL, 0, NULL, NULL },
};

/* the return traffic of an established connection, into vm1 */
static const struct raw conn_in[] = {
	{ HNV_ACL_A_DIR, 1, "\x01" },
	{ HNV_ACL_A_PORT_IFINDEX, 4, &if_vm1 },
	{ HNV_ACL_A_CONN, 1, "\x02" },
	{ 0 },
};

static const struct raw conn_only[] = {
	{ HNV_ACL_A_CONN, 1, "\x01" },
	{ 0 },
};

/* as the kernel names the return traffic: the direction and the state */
static const struct raw conn_dir[] = {
	{ HNV_ACL_A_DIR, 1, "\x01" },
	{ HNV_ACL_A_CONN, 1, "\x03" },
	{ 0 },
};

static const struct raw conn_action[] = {
	{ HNV_ACL_A_CONN, 1, "\x02" },
	{ 0 },
};

static const struct step return_steps[] = {
	{ "acl-in", 0, conn_in, NULL },
	{ "acl-in", 0, conn_only, NULL },
	{ "vnet-uplink", 0, conn_dir, NULL },
	{ NULL, 0, NULL, NULL },
};

/* VSID 5001's in default allow, with its acl action */
static const struct raw vsid_default[] = {
	{ HNV_ACL_A_DIR, 1, "\x01" },
	{ HNV_ACL_A_VSID, 4, &vsid },
	{ HNV_ACL_A_DEFAULT, 0, NULL },
	{ HNV_ACL_A_ACTION, 1, "\x01" },
	{ 0 },
};

static const struct raw to_vm1[] = {
	{ HNV_ACTION_A_OUTPUT, 4, &if_vm1 },
	{ 0 },
};

static const struct step uplink_steps[] = {
	{ "uplink-decap", 0, NULL, NULL },
	{ "acl-in", 0, vsid_default, to_vm1 },
	{ NULL, 0, NULL, NULL },
};

static const char human_denied[] =
	"trace vm1: tcp 10.0.0.1:40000 -> 10.0.0.2:22, "
	"02:00:00:00:00:01 -> 02:00:00:00:00:02\n"
	"  port     pass\n"
	"  acl-out  dev vm1 out default allow\n"
	"  acl-out  vsid 5001 out prio 100 allow stateful\n"
	"  arp      pass\n"
	"  vnet     output vm2\n"
	"  acl-in   dev vm2 in prio 10 deny\n"
	"result: drop (acl)\n";

static const char json_denied[] =
	"{\"switch\":\"hnv0\",\"dev\":\"vm1\",\"flow\":{\"switch\":\"hnv0\","
	"\"port\":\"vm1\",\"eth_src\":\"02:00:00:00:00:01\","
	"\"eth_dst\":\"02:00:00:00:00:02\",\"eth_type\":2048,\"ip_proto\":6,"
	"\"ip_src\":\"10.0.0.1\",\"ip_dst\":\"10.0.0.2\",\"l4_src\":40000,"
	"\"l4_dst\":22,\"packets\":0,\"bytes\":0,\"idle_ms\":0,"
	"\"actions\":[{\"drop\":\"acl\"}]},"
	"\"steps\":[{\"layer\":\"port\"},"
	"{\"layer\":\"acl-out\",\"acl\":{\"dev\":\"vm1\",\"dir\":\"out\","
	"\"default\":true,\"action\":\"allow\",\"stateful\":false}},"
	"{\"layer\":\"acl-out\",\"acl\":{\"vsid\":5001,\"dir\":\"out\","
	"\"prio\":100,\"action\":\"allow\",\"stateful\":true}},"
	"{\"layer\":\"arp\"},"
	"{\"layer\":\"vnet\",\"actions\":[{\"output\":\"vm2\"}]},"
	"{\"layer\":\"acl-in\",\"acl\":{\"dev\":\"vm2\",\"dir\":\"in\","
	"\"prio\":10,\"action\":\"deny\",\"stateful\":false}}],"
	"\"actions\":[{\"drop\":\"acl\"}]}\n";

static const char human_return[] =
	"trace vm2: icmp 10.0.0.2 -> 10.0.0.1 type 0 code 0, "
	"02:00:00:00:00:01 -> 02:00:00:00:00:02\n"
	"  acl-in      dev vm1 in: return traffic of an established "
	"connection\n"
	"  acl-in      return traffic of a new connection\n"
	"  vnet-uplink in: return traffic of a closing connection\n"
	"result: acl conn, output vm1\n";

static const char human_uplink[] =
	"trace hnv0 uplink vsid 5001 from 192.168.2.20: udp "
	"[fd00:1::c]:5353 -> [fd00:1::b]:53, "
	"02:00:00:00:00:01 -> 02:00:00:00:00:02\n"
	"  uplink-decap pass\n"
	"  acl-in       vsid 5001 in default allow; output vm1\n"
	"result: output vm1\n";

static const char pretty_return_steps[] =
	"    \"steps\": [\n"
	"        {\n"
	"            \"layer\": \"acl-in\",\n"
	"            \"acl\": {\n"
	"                \"dev\": \"vm1\",\n"
	"                \"dir\": \"in\",\n"
	"                \"conn\": \"established\"\n"
	"            }\n"
	"        },\n"
	"        {\n"
	"            \"layer\": \"acl-in\",\n"
	"            \"acl\": {\n"
	"                \"conn\": \"new\"\n"
	"            }\n"
	"        },\n"
	"        {\n"
	"            \"layer\": \"vnet-uplink\",\n"
	"            \"acl\": {\n"
	"                \"dir\": \"in\",\n"
	"                \"conn\": \"closing\"\n"
	"            }\n"
	"        }\n"
	"    ],\n"
	"    \"actions\": [\n"
	"        {\n"
	"            \"acl\": {\n"
	"                \"conn\": \"established\"\n"
	"            }\n"
	"        },\n"
	"        {\n"
	"            \"output\": \"vm1\"\n"
	"        }\n"
	"    ]\n"
	"}\n";

/*
 * The answer for the return traffic of a connection: its flow's actions
 * are an acl action (a nest, built aside and put as bytes) and an output.
 */
static struct nl_msg *return_answer(void)
{
	struct nl_msg *tmp = nlmsg_alloc(), *msg;
	struct nlattr *nest;
	struct raw acts[3] = { { 0 } };

	nest = nest_start(tmp, HNV_ACTION_A_ACL);
	put_raw(tmp, 0, conn_action);
	nla_nest_end(tmp, nest);
	acts[0] = (struct raw){ HNV_ACTION_A_ACL | NLA_F_NESTED,
				nla_len(nest), nla_data(nest) };
	acts[1] = (struct raw){ HNV_ACTION_A_OUTPUT, 4, &if_vm1 };
	msg = answer(10, IPPROTO_ICMP, "10.0.0.2", "10.0.0.1", 0, 0, acts,
		     return_steps);
	nlmsg_free(tmp);
	return msg;
}

static void trace_answer_tests(void)
{
	struct hnv_trace t[3];
	struct nl_msg *msg;
	struct capture c;
	struct out o;

	msg = answer(9, IPPROTO_TCP, "10.0.0.1", "10.0.0.2", 40000, 22,
		     dropped, denied_steps);
	check_int(hnv_parse_trace(nlmsg_hdr(msg), &t[0]), 0,
		  "parse a trace");
	nlmsg_free(msg);
	check(t[0].flow.switch_ifindex == 7 && t[0].flow.port_ifindex == 9 &&
	      t[0].flow.ip_proto == IPPROTO_TCP && t[0].flow.l4_src == 40000 &&
	      t[0].flow.nactions == 1 &&
	      t[0].flow.actions[0].type == HNV_ACTION_A_DROP &&
	      t[0].flow.actions[0].arg == HNV_DROP_ACL,
	      "trace: the switch, the port, the packet, its drop");
	check(t[0].nsteps == 6 && !strcmp(t[0].steps[0].layer, "port") &&
	      !t[0].steps[0].has_acl && !t[0].steps[0].actions.nactions &&
	      t[0].steps[1].has_acl &&
	      t[0].steps[1].acl.has == (HNV_ACL_DIR | HNV_ACL_PORT |
					HNV_ACL_DEFAULT | HNV_ACL_ACTION) &&
	      t[0].steps[2].acl.has == (HNV_ACL_DIR | HNV_ACL_VSID |
					HNV_ACL_PRIORITY | HNV_ACL_ACTION |
					HNV_ACL_STATEFUL) &&
	      t[0].steps[4].actions.nactions == 1 &&
	      t[0].steps[4].actions.actions[0].arg == 10 &&
	      t[0].steps[5].acl.action == HNV_ACL_ACTION_DENY,
	      "trace: six steps in order, their layers, ACL rules and "
	      "actions; unknown attributes skipped");

	msg = return_answer();
	check_int(hnv_parse_trace(nlmsg_hdr(msg), &t[1]), 0,
		  "parse a trace of return traffic");
	nlmsg_free(msg);
	check(t[1].nsteps == 3 && t[1].steps[0].acl.has ==
	      (HNV_ACL_DIR | HNV_ACL_PORT | HNV_ACL_CONN) &&
	      t[1].steps[0].acl.conn == HNV_CONN_ESTABLISHED &&
	      t[1].steps[1].acl.has == HNV_ACL_CONN &&
	      t[1].steps[2].acl.has == (HNV_ACL_DIR | HNV_ACL_CONN) &&
	      t[1].steps[2].acl.conn == HNV_CONN_CLOSING &&
	      t[1].flow.nactions == 2 &&
	      t[1].flow.actions[0].type == HNV_ACTION_A_ACL &&
	      t[1].flow.actions[0].acl.has == HNV_ACL_CONN,
	      "trace: ACL steps of a connection's return traffic, the acl "
	      "action of the flow");

	msg = answer(7, IPPROTO_UDP, "fd00:1::c", "fd00:1::b", 5353, 53,
		     to_vm1, uplink_steps);
	check(!hnv_parse_trace(nlmsg_hdr(msg), &t[2]) &&
	      (t[2].flow.has & HNV_FLOW_UPLINK) && t[2].flow.vsid == 5001 &&
	      t[2].nsteps == 2 && t[2].steps[1].has_acl &&
	      t[2].steps[1].actions.nactions == 1,
	      "parse a trace of the uplink: VSID and outer source, a step "
	      "with an ACL and actions");
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	out_trace(&o, &t[0]);
	check_str(out_close(&o, &c), human_denied,
		  "trace: the packet, a step a line (layer, then the ACL rule "
		  "or the actions, \"pass\" if neither), \"result: drop "
		  "(acl)\"; human");
	free(c.buf);

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	out_trace(&o, &t[1]);
	check_str(out_close(&o, &c), human_return,
		  "trace of return traffic: ICMP type and code, \"return "
		  "traffic of an established connection\" after the port and "
		  "direction the kernel names, \"acl conn\"; the layers as "
		  "wide as the longest");
	free(c.buf);

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	out_trace(&o, &t[2]);
	check_str(out_close(&o, &c), human_uplink,
		  "trace of the uplink: its VSID and outer source, [addr]:port, "
		  "the layers as wide as the longest, an ACL and actions "
		  "joined by \"; \"");
	free(c.buf);

	c.buf = NULL;
	c.fp = open_memstream(&c.buf, &c.len);
	out_one_begin(&o, c.fp, true, false);
	o.ifname = fake_ifname;
	out_trace(&o, &t[0]);
	out_end(&o);
	fclose(c.fp);
	check_str(c.buf, json_denied,
		  "trace -j: one object, not an array: switch, dev, the flow "
		  "as \"flow show\" has it, the steps (layer, acl and actions "
		  "if any), the actions");
	free(c.buf);

	c.buf = NULL;
	c.fp = open_memstream(&c.buf, &c.len);
	out_one_begin(&o, c.fp, true, true);
	o.ifname = fake_ifname;
	out_trace(&o, &t[1]);
	out_end(&o);
	fclose(c.fp);
	check(c.buf[0] == '{' && strstr(c.buf, pretty_return_steps) &&
	      strstr(c.buf, "    \"dev\": \"vm2\",\n    \"flow\": {\n"),
	      "trace -p: indented, the conn steps' \"acl\":{\"conn\":STATE}");
	if (!strstr(c.buf, pretty_return_steps))
		diag("%s", c.buf);
	free(c.buf);

	hnv_trace_free(&t[0]);
	hnv_trace_free(&t[1]);
	hnv_trace_free(&t[2]);
	check(!t[0].steps && !t[0].nsteps && !t[0].flow.actions,
	      "hnv_trace_free: zeroed");
}

static void trace_bad_tests(void)
{
	static const struct raw no_action[] = {
		{ HNV_ACL_A_DIR, 1, "\x01" },
		{ HNV_ACL_A_PORT_IFINDEX, 4, &if_vm1 },
		{ HNV_ACL_A_DEFAULT, 0, NULL },
		{ 0 },
	};
	static const struct raw no_dir[] = {
		{ HNV_ACL_A_PORT_IFINDEX, 4, &if_vm1 },
		{ HNV_ACL_A_DEFAULT, 0, NULL },
		{ HNV_ACL_A_ACTION, 1, "\x01" },
		{ 0 },
	};
	static const struct raw bad_output[] = {
		{ HNV_ACTION_A_OUTPUT, 1, "\x09" },
		{ 0 },
	};
	static const struct {
		struct step step;
		const char *what;
	} bad[] = {
		{ { NULL, 0, NULL, to_vm1 }, "a step without a layer" },
		{ { "port", 4, NULL, NULL },
		  "a layer without its NUL" },
		{ { "", 0, NULL, NULL }, "an empty layer" },
		{ { "acl-in", 0, no_action, NULL },
		  "an ACL step whose rule has no action" },
		{ { "acl-in", 0, no_dir, NULL },
		  "an ACL step whose rule has no direction" },
		{ { "vnet", 0, NULL, bad_output }, "a 1-byte output" },
	};
	struct step steps[3] = { { "port", 0, NULL, NULL } };
	struct hnv_trace t;
	struct nl_msg *msg;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		steps[1] = bad[i].step;
		msg = answer(9, IPPROTO_TCP, "10.0.0.1", "10.0.0.2", 1, 2,
			     to_vm2, steps);
		check_int(hnv_parse_trace(nlmsg_hdr(msg), &t), -EBADMSG,
			  "a trace with %s is malformed", bad[i].what);
		hnv_trace_free(&t);
		nlmsg_free(msg);
	}

	msg = answer(9, IPPROTO_TCP, "10.0.0.1", "10.0.0.2", 1, 2, to_vm2,
		     NULL);
	check_int(hnv_parse_trace(nlmsg_hdr(msg), &t), -EBADMSG,
		  "a trace without HNV_A_TRACE is malformed");
	hnv_trace_free(&t);
	nlmsg_free(msg);

	msg = message(HNV_CMD_TRACE);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	put_raw(msg, HNV_A_TRACE, (const struct raw[]){ { 0 } });
	check_int(hnv_parse_trace(nlmsg_hdr(msg), &t), -EBADMSG,
		  "a trace without HNV_A_FLOW is malformed");
	hnv_trace_free(&t);
	nlmsg_free(msg);

	steps[1] = (struct step){ "a-layer-name-longer-than-31-characters",
				  0, NULL, NULL };
	msg = answer(9, IPPROTO_TCP, "10.0.0.1", "10.0.0.2", 1, 2, to_vm2,
		     steps);
	check(!hnv_parse_trace(nlmsg_hdr(msg), &t) && t.nsteps == 2 &&
	      !strcmp(t.steps[1].layer, "a-layer-name-longer-than-31-cha"),
	      "a layer longer than 31 characters is cut");
	hnv_trace_free(&t);
	nlmsg_free(msg);

	steps[1] = (struct step){ NULL, 0, NULL, NULL };
	msg = answer(9, IPPROTO_TCP, "10.0.0.1", "10.0.0.2", 1, 2, to_vm2,
		     steps);
	check(!hnv_parse_trace(nlmsg_hdr(msg), &t) && t.nsteps == 1,
	      "a trace of one step");
	hnv_trace_free(&t);
	nlmsg_free(msg);
}

void trace_tests(void)
{
	trace_request_tests();
	trace_answer_tests();
	trace_bad_tests();
}
