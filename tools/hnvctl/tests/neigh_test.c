// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of the neighbour half of msg.c and output.c: the router MAC of a
 * switch, the reply action of a flow, the events of the "events" group
 * (neigh-miss).  Requests are built and checked attribute by attribute;
 * replies and events are made up as the kernel would send them, parsed
 * into the model and printed, in both formats, byte for byte.
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
static const uint8_t bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static void router_mac_request_tests(void)
{
	struct hnv_switch_conf conf = { .has = HNV_SWITCH_SET_ROUTER_MAC };
	struct hnv_sel byname = { .ifname = "hnv0" };
	struct nlattr *tb[HNV_A_MAX + 1];
	struct nl_msg *msg;
	int n;

	memcpy(conf.router_mac, mac3, ETH_ALEN);
	msg = message(HNV_CMD_SWITCH_SET);
	check_int(hnv_put_switch_set(msg, &byname, &conf), 0,
		  "SWITCH_SET of the router MAC: put");
	n = attrs_of(msg, tb);
	check(n == 2 && is_bytes(tb[HNV_A_SWITCH_IFNAME], "hnv0", 5) &&
	      is_bytes(tb[HNV_A_SWITCH_ROUTER_MAC], mac3, ETH_ALEN),
	      "SWITCH_SET: switch name and HNV_A_SWITCH_ROUTER_MAC, 6 bytes");
	nlmsg_free(msg);

	conf.has |= HNV_SWITCH_SET_STRICT;
	conf.strict = true;
	msg = message(HNV_CMD_SWITCH_SET);
	hnv_put_switch_set(msg, &byname, &conf);
	n = attrs_of(msg, tb);
	check(n == 3 && is_bytes(tb[HNV_A_SWITCH_ROUTER_MAC], mac3, ETH_ALEN) &&
	      tb[HNV_A_SWITCH_STRICT],
	      "SWITCH_SET: the router MAC beside strict");
	nlmsg_free(msg);

	conf.has = HNV_SWITCH_SET_STRICT;
	msg = message(HNV_CMD_SWITCH_SET);
	hnv_put_switch_set(msg, &byname, &conf);
	n = attrs_of(msg, tb);
	check(n == 2 && !tb[HNV_A_SWITCH_ROUTER_MAC],
	      "SWITCH_SET without HNV_SWITCH_SET_ROUTER_MAC: no router MAC");
	nlmsg_free(msg);
}

/*
 * A switch of a kernel with mappings: no PA, VXLAN port 4789, 2 mappings,
 * strict off, the NVGRE FlowID on, and the router MAC mac (of len bytes)
 * if mac is not NULL.
 */
static struct nl_msg *switch_reply(const uint8_t *mac, int len)
{
	struct nl_msg *msg = message(HNV_CMD_SWITCH_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put_u32(msg, HNV_A_SWITCH_NPORTS, 1);
	nla_put_u16(msg, HNV_A_SWITCH_VXLAN_PORT, 4789);
	nla_put_u32(msg, HNV_A_SWITCH_NMAPS, 2);
	nla_put_u8(msg, HNV_A_SWITCH_STRICT, 0);
	if (mac)
		nla_put(msg, HNV_A_SWITCH_ROUTER_MAC, len, mac);
	nla_put_u8(msg, HNV_A_SWITCH_NVGRE_FLOWID, 1);
	return msg;
}

#define STATS0 \
	"\"stats\":{\"rx_packets\":0,\"rx_bytes\":0,\"tx_packets\":0," \
	"\"tx_bytes\":0,\"flows_new\":0,\"flows_aged\":0," \
	"\"flows_uncached\":0,\"flows_recomposed\":0,\"drops\":{" \
	"\"port-unbound\":0,\"switch-xmit\":0,\"no-subnet\":0," \
	"\"src-mac\":0,\"no-dest\":0,\"malformed\":0,\"no-pa\":0," \
	"\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0," \
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0," \
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":0,\"acl\":0}}"

static void router_mac_reply_tests(void)
{
	struct hnv_switch sw[2];
	struct nl_msg *msg;
	struct capture c;
	struct out o;

	msg = switch_reply(router_mac, ETH_ALEN);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw[0]), 0,
		  "parse a switch with a router MAC");
	check(sw[0].has_overlay && sw[0].has_router_mac &&
	      !memcmp(sw[0].router_mac, router_mac, ETH_ALEN) &&
	      sw[0].has_strict && sw[0].has_nvgre_flowid,
	      "switch reply: HNV_A_SWITCH_ROUTER_MAC reported, its 6 bytes");
	nlmsg_free(msg);

	msg = switch_reply(NULL, 0);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw[1]) &&
	      !sw[1].has_router_mac && sw[1].has_overlay,
	      "switch of a kernel without router MAC: not reported");
	nlmsg_free(msg);

	msg = message(HNV_CMD_SWITCH_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put(msg, HNV_A_SWITCH_ROUTER_MAC, ETH_ALEN, mac3);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw[1]) &&
	      sw[1].has_overlay && sw[1].has_router_mac &&
	      !sw[1].has_strict && !sw[1].vxlan_port,
	      "HNV_A_SWITCH_ROUTER_MAC alone sets has_overlay; the others "
	      "count as zero");
	nlmsg_free(msg);

	msg = switch_reply(router_mac, 4);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw[1]), -EBADMSG,
		  "a 4-byte router MAC is malformed");
	nlmsg_free(msg);

	msg = switch_reply((const uint8_t *)"\2HNV\0\1\0", 7);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw[1]), -EBADMSG,
		  "a 7-byte router MAC is malformed");
	nlmsg_free(msg);

	msg = switch_reply(NULL, 0);
	hnv_parse_switch(nlmsg_hdr(msg), &sw[1]);
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	out_switch(&o, &sw[0]);
	out_switch(&o, &sw[1]);
	check_str(out_close(&o, &c),
		  "switch hnv0 ifindex 7 ports 1\n"
		  "    pa none vxlan-port 4789 maps 2 strict off "
		  "nvgre-flowid on router-mac 02:48:4e:56:00:01\n"
		  "    RX: packets bytes\n"
		  "              0     0\n"
		  "    TX: packets bytes\n"
		  "              0     0\n"
		  "    flows: new 0 aged 0 uncached 0 recomposed 0\n"
		  "    drops: 0\n"
		  "\n"
		  "switch hnv0 ifindex 7 ports 1\n"
		  "    pa none vxlan-port 4789 maps 2 strict off "
		  "nvgre-flowid on\n"
		  "    RX: packets bytes\n"
		  "              0     0\n"
		  "    TX: packets bytes\n"
		  "              0     0\n"
		  "    flows: new 0 aged 0 uncached 0 recomposed 0\n"
		  "    drops: 0\n",
		  "switch show: router-mac last on the pa line, left out "
		  "if not reported; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_switch(&o, &sw[0]);
	out_switch(&o, &sw[1]);
	check_str(out_close(&o, &c),
		  "[{\"ifname\":\"hnv0\",\"ifindex\":7,\"ports\":1,\"pas\":[],"
		  "\"vxlan_port\":4789,\"maps\":2,\"strict\":false,"
		  "\"nvgre_flowid\":true,\"router_mac\":\"02:48:4e:56:00:01\","
		  STATS0 "},"
		  "{\"ifname\":\"hnv0\",\"ifindex\":7,\"ports\":1,\"pas\":[],"
		  "\"vxlan_port\":4789,\"maps\":2,\"strict\":false,"
		  "\"nvgre_flowid\":true," STATS0 "}]\n",
		  "switch show: \"router_mac\" after \"nvgre_flowid\", "
		  "left out if not reported; JSON");
	free(c.buf);
}

/*
 * An ARP flow of port v1 (9) of hnv0 (7) from mac1 (10.1.1.11, asking for
 * 10.1.1.1), to dst, whose actions are a reply with mac (of len bytes)
 * and, if out, an output to v2 (10).
 */
static struct nl_msg *arp_flow(const uint8_t *dst, const void *mac, int len,
			       bool out)
{
	struct nl_msg *msg = message(HNV_CMD_FLOW_GET);
	struct nlattr *flow, *acts;

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	flow = nest_start(msg, HNV_A_FLOW);
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, mac1);
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, dst);
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE, htons(0x0806));
	nla_put(msg, HNV_FLOW_A_IP_SRC, 4, "\x0a\x01\x01\x0b");
	nla_put(msg, HNV_FLOW_A_IP_DST, 4, "\x0a\x01\x01\x01");
	acts = nest_start(msg, HNV_FLOW_A_ACTIONS);
	nla_put(msg, HNV_ACTION_A_REPLY, len, mac);
	if (out)
		nla_put_u32(msg, HNV_ACTION_A_OUTPUT, 10);
	nla_nest_end(msg, acts);
	nla_put_u64(msg, HNV_FLOW_A_PACKETS, 2);
	nla_put_u64(msg, HNV_FLOW_A_BYTES, 84);
	nla_put_u32(msg, HNV_FLOW_A_IDLE_MS, 3);
	nla_nest_end(msg, flow);
	return msg;
}

static char *fake_ifname(unsigned int ifindex, char *buf)
{
	static const char *const names[] = {
		[7] = "hnv0", [9] = "v1", [10] = "v2", [11] = "pc1",
	};

	if (ifindex >= ARRAY_SIZE(names) || !names[ifindex])
		return NULL;
	return strcpy(buf, names[ifindex]);
}

static void reply_action_tests(void)
{
	struct hnv_flow f[2];
	struct nl_msg *msg;
	struct capture c;
	struct out o;

	msg = arp_flow(bcast, mac3, ETH_ALEN, false);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[0]), 0,
		  "parse a flow with a reply action");
	check(f[0].nactions == 1 &&
	      f[0].actions[0].type == HNV_ACTION_A_REPLY &&
	      !memcmp(f[0].actions[0].mac, mac3, ETH_ALEN),
	      "reply action: its MAC");
	nlmsg_free(msg);

	msg = arp_flow(mac3, router_mac, ETH_ALEN, true);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f[1]) && f[1].nactions == 2 &&
	      f[1].actions[0].type == HNV_ACTION_A_REPLY &&
	      !memcmp(f[1].actions[0].mac, router_mac, ETH_ALEN) &&
	      f[1].actions[1].type == HNV_ACTION_A_OUTPUT &&
	      f[1].actions[1].arg == 10,
	      "a reply, then an output: both, in order");
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	out_flow(&o, &f[0]);
	out_flow(&o, &f[1]);
	check_str(out_close(&o, &c),
		  "hnv0 port v1: 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff arp "
		  "10.1.1.11 > 10.1.1.1 packets 2 bytes 84 idle 3ms "
		  "actions reply 02:00:00:00:00:03\n"
		  "hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:03 arp "
		  "10.1.1.11 > 10.1.1.1 packets 2 bytes 84 idle 3ms "
		  "actions reply 02:48:4e:56:00:01, output v2\n",
		  "flow show: the reply action, human");
	free(c.buf);

	out_open(&o, &c, true, false);
	o.ifname = fake_ifname;
	out_flow(&o, &f[0]);
	out_flow(&o, &f[1]);
	check_str(out_close(&o, &c),
		  "[{\"switch\":\"hnv0\",\"port\":\"v1\","
		  "\"eth_src\":\"02:00:00:00:00:01\","
		  "\"eth_dst\":\"ff:ff:ff:ff:ff:ff\",\"eth_type\":2054,"
		  "\"ip_src\":\"10.1.1.11\",\"ip_dst\":\"10.1.1.1\","
		  "\"packets\":2,\"bytes\":84,\"idle_ms\":3,\"actions\":["
		  "{\"reply\":\"02:00:00:00:00:03\"}]},"
		  "{\"switch\":\"hnv0\",\"port\":\"v1\","
		  "\"eth_src\":\"02:00:00:00:00:01\","
		  "\"eth_dst\":\"02:00:00:00:00:03\",\"eth_type\":2054,"
		  "\"ip_src\":\"10.1.1.11\",\"ip_dst\":\"10.1.1.1\","
		  "\"packets\":2,\"bytes\":84,\"idle_ms\":3,\"actions\":["
		  "{\"reply\":\"02:48:4e:56:00:01\"},{\"output\":\"v2\"}]}]\n",
		  "flow show: the reply action, JSON");
	free(c.buf);
	hnv_flow_free(&f[0]);
	hnv_flow_free(&f[1]);

	msg = arp_flow(bcast, mac3, 4, false);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[0]), -EBADMSG,
		  "a 4-byte reply action is malformed");
	hnv_flow_free(&f[0]);
	nlmsg_free(msg);

	msg = arp_flow(bcast, "\2\0\0\0\0\3\0\0", 8, false);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[0]), -EBADMSG,
		  "an 8-byte reply action is malformed");
	hnv_flow_free(&f[0]);
	nlmsg_free(msg);
}

/*
 * A HNV_CMD_NEIGH_MISS of port 11 of switch 7 in VSID 5001 for addr, as
 * the kernel sends it (sequence and port 0); an attribute whose type is in
 * skip is left out.
 */
static struct nl_msg *miss_msg(const char *addr, int skip)
{
	struct nl_msg *msg = nlmsg_alloc();
	uint8_t a[16];
	int len = strchr(addr, ':') ? 16 : 4;

	genlmsg_put(msg, 0, 0, FAMILY, 0, 0, HNV_CMD_NEIGH_MISS,
		    HNV_GENL_VERSION);
	inet_pton(len == 4 ? AF_INET : AF_INET6, addr, a);
	if (skip != HNV_A_SWITCH_IFINDEX)
		nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	if (skip != HNV_A_PORT_IFINDEX)
		nla_put_u32(msg, HNV_A_PORT_IFINDEX, 11);
	if (skip != HNV_A_VSID)
		nla_put_u32(msg, HNV_A_VSID, 5001);
	if (skip != HNV_A_MISS_ADDR)
		nla_put(msg, HNV_A_MISS_ADDR, len, a);
	return msg;
}

static void event_parse_tests(void)
{
	static const uint8_t v4[4] = { 10, 1, 1, 99 };
	struct hnv_event ev;
	struct nl_msg *msg;
	uint8_t v6[16];

	msg = miss_msg("10.1.1.99", 0);
	nla_put_u32(msg, HNV_A_MAX + 3, 1);	/* from a newer kernel */
	check_int(hnv_parse_event(nlmsg_hdr(msg), &ev), 0,
		  "parse a neigh-miss event");
	check(ev.cmd == HNV_CMD_NEIGH_MISS && ev.switch_ifindex == 7 &&
	      ev.port_ifindex == 11 && ev.vsid == 5001 && ev.addr_len == 4 &&
	      !memcmp(ev.addr, v4, 4),
	      "neigh-miss: switch, port, VSID and the IPv4 address asked for");
	nlmsg_free(msg);

	msg = miss_msg("fd00:1::99", 0);
	inet_pton(AF_INET6, "fd00:1::99", v6);
	check(!hnv_parse_event(nlmsg_hdr(msg), &ev) && ev.addr_len == 16 &&
	      !memcmp(ev.addr, v6, 16),
	      "neigh-miss for an IPv6 address: its 16 bytes");
	nlmsg_free(msg);

	msg = nlmsg_alloc();
	genlmsg_put(msg, 0, 0, FAMILY, 0, 0, HNV_CMD_SWITCH_GET,
		    HNV_GENL_VERSION);
	check_int(hnv_parse_event(nlmsg_hdr(msg), &ev), -EOPNOTSUPP,
		  "a message of another command is no event: -EOPNOTSUPP");
	nlmsg_free(msg);

	msg = nlmsg_alloc();
	genlmsg_put(msg, 0, 0, FAMILY, 0, 0, __HNV_CMD_MAX + 5,
		    HNV_GENL_VERSION);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	check_int(hnv_parse_event(nlmsg_hdr(msg), &ev), -EOPNOTSUPP,
		  "an event of a newer kernel: -EOPNOTSUPP, to be skipped");
	nlmsg_free(msg);

	msg = miss_msg("10.1.1.99", HNV_A_SWITCH_IFINDEX);
	check(hnv_parse_event(nlmsg_hdr(msg), &ev) == -EBADMSG &&
	      ev.cmd == HNV_CMD_NEIGH_MISS,
	      "neigh-miss without its switch is malformed, and says which "
	      "event it is");
	nlmsg_free(msg);

	msg = miss_msg("10.1.1.99", HNV_A_PORT_IFINDEX);
	check_int(hnv_parse_event(nlmsg_hdr(msg), &ev), -EBADMSG,
		  "neigh-miss without its port is malformed");
	nlmsg_free(msg);

	msg = miss_msg("10.1.1.99", HNV_A_VSID);
	check_int(hnv_parse_event(nlmsg_hdr(msg), &ev), -EBADMSG,
		  "neigh-miss without its VSID is malformed");
	nlmsg_free(msg);

	msg = miss_msg("10.1.1.99", HNV_A_MISS_ADDR);
	check_int(hnv_parse_event(nlmsg_hdr(msg), &ev), -EBADMSG,
		  "neigh-miss without its address is malformed");
	nlmsg_free(msg);

	msg = miss_msg("10.1.1.99", HNV_A_MISS_ADDR);
	nla_put(msg, HNV_A_MISS_ADDR, 6, mac1);
	check_int(hnv_parse_event(nlmsg_hdr(msg), &ev), -EBADMSG,
		  "neigh-miss with a 6-byte address is malformed");
	nlmsg_free(msg);

	msg = miss_msg("10.1.1.99", HNV_A_VSID);
	nla_put_u16(msg, HNV_A_VSID, 5001);
	check_int(hnv_parse_event(nlmsg_hdr(msg), &ev), -EBADMSG,
		  "neigh-miss with a 16-bit VSID is malformed");
	nlmsg_free(msg);

	msg = nlmsg_alloc();
	nlmsg_put(msg, 0, 0, FAMILY, 0, 0);
	check_int(hnv_parse_event(nlmsg_hdr(msg), &ev), -EBADMSG,
		  "a message without its generic netlink header is malformed");
	nlmsg_free(msg);
}

static void event_output_tests(void)
{
	struct hnv_event ev[3];
	struct nl_msg *msg;
	struct capture c;
	struct out o;
	int i;

	msg = miss_msg("10.1.1.99", 0);
	hnv_parse_event(nlmsg_hdr(msg), &ev[0]);
	nlmsg_free(msg);
	msg = miss_msg("fd00:1::99", 0);
	hnv_parse_event(nlmsg_hdr(msg), &ev[1]);
	nlmsg_free(msg);
	ev[2] = ev[0];
	ev[2].switch_ifindex = 70;
	ev[2].port_ifindex = 0;

	c.fp = open_memstream(&c.buf, &c.len);
	out_stream_begin(&o, c.fp, false);
	o.ifname = fake_ifname;
	for (i = 0; i < 3; i++)
		out_event(&o, &ev[i]);
	check_str(out_close(&o, &c),
		  "neigh-miss switch hnv0 port pc1 vsid 5001 addr 10.1.1.99\n"
		  "neigh-miss switch hnv0 port pc1 vsid 5001 addr fd00:1::99\n"
		  "neigh-miss switch if70 port if0 vsid 5001 addr 10.1.1.99\n",
		  "monitor: neigh-miss events, one a line, devices without a "
		  "name as ifN; human");
	free(c.buf);

	c.fp = open_memstream(&c.buf, &c.len);
	out_stream_begin(&o, c.fp, true);
	o.ifname = fake_ifname;
	for (i = 0; i < 3; i++)
		out_event(&o, &ev[i]);
	check_str(out_close(&o, &c),
		  "{\"event\":\"neigh-miss\",\"switch\":\"hnv0\","
		  "\"port\":\"pc1\",\"vsid\":5001,\"addr\":\"10.1.1.99\"}\n"
		  "{\"event\":\"neigh-miss\",\"switch\":\"hnv0\","
		  "\"port\":\"pc1\",\"vsid\":5001,\"addr\":\"fd00:1::99\"}\n"
		  "{\"event\":\"neigh-miss\",\"switch\":\"if70\","
		  "\"port\":\"if0\",\"vsid\":5001,\"addr\":\"10.1.1.99\"}\n",
		  "monitor: one JSON object a line, no array (JSON lines)");
	free(c.buf);

	c.fp = open_memstream(&c.buf, &c.len);
	out_stream_begin(&o, c.fp, true);
	ev[0].cmd = HNV_CMD_SWITCH_GET;
	out_event(&o, &ev[0]);
	check_str(out_close(&o, &c), "",
		  "monitor: nothing for a command that is no event");
	free(c.buf);

	c.fp = open_memstream(&c.buf, &c.len);
	out_stream_begin(&o, c.fp, true);
	check_str(out_close(&o, &c), "",
		  "monitor without events: no output, not even []");
	free(c.buf);
}

void neigh_tests(void)
{
	router_mac_request_tests();
	router_mac_reply_tests();
	reply_action_tests();
	event_parse_tests();
	event_output_tests();
}
