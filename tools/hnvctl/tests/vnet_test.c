// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of the virtual-network half of msg.c and output.c: subnets, the
 * binding of ports to subnets, flows (those of the uplink included).
 * Requests are built and checked attribute by attribute; replies are made
 * up as the kernel would send them, parsed into the model and printed, in
 * both formats.
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

static const uint8_t mac1[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
static const uint8_t mac2[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x02 };
static const uint8_t bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static struct nl_msg *message(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 1, FAMILY, 0, NLM_F_MULTI, cmd, HNV_GENL_VERSION);
	return msg;
}

/* A nest as the kernel starts it: NLA_F_NESTED set. */
static struct nlattr *nest_start(struct nl_msg *msg, int type)
{
	struct nlattr *nest = nla_nest_start(msg, type);

	nest->nla_type |= NLA_F_NESTED;
	return nest;
}

/*
 * Parses msg into tb and returns how many top-level attributes it has,
 * duplicates included.
 */
static int attrs_of(struct nl_msg *msg, struct nlattr **tb)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *a;
	int rem, n = 0;

	genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL);
	nla_for_each_attr(a, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem)
		n++;
	return n;
}

static bool is_u32(const struct nlattr *a, uint32_t val)
{
	return a && nla_len(a) == 4 && nla_get_u32(a) == val;
}

static bool is_string(const struct nlattr *a, const char *val)
{
	return a && nla_len(a) == (int)strlen(val) + 1 &&
	       !strcmp(nla_data(a), val);
}

static void request_tests(void)
{
	struct hnv_subnet subnet = {
		.vsid = 5001, .rdid = 1, .encap = HNV_ENCAP_NVGRE,
	};
	struct hnv_sel hnv0 = { .ifname = "hnv0" };
	struct hnv_sel v1 = { .ifname = "v1" };
	struct hnv_sel by_index = { .ifindex = 9 };
	struct hnv_sel none = { 0 };
	struct nlattr *tb[HNV_A_MAX + 1];
	struct nl_msg *msg;
	int n;

	msg = message(HNV_CMD_SUBNET_NEW);
	check_int(hnv_put_subnet_new(msg, &hnv0, &subnet), 0,
		  "SUBNET_NEW request: put");
	n = attrs_of(msg, tb);
	check(n == 4 && is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0") &&
	      is_u32(tb[HNV_A_VSID], 5001) && is_u32(tb[HNV_A_RDID], 1) &&
	      tb[HNV_A_ENCAP] && nla_len(tb[HNV_A_ENCAP]) == 1 &&
	      nla_get_u8(tb[HNV_A_ENCAP]) == HNV_ENCAP_NVGRE,
	      "SUBNET_NEW: switch name, VSID, RDID, u8 ENCAP nvgre, nothing else");
	nlmsg_free(msg);

	subnet.encap = HNV_ENCAP_UNSPEC;
	subnet.vsid = HNV_VSID_MAX;
	subnet.rdid = UINT32_MAX;
	msg = message(HNV_CMD_SUBNET_NEW);
	hnv_put_subnet_new(msg, &hnv0, &subnet);
	n = attrs_of(msg, tb);
	check(n == 3 && is_u32(tb[HNV_A_VSID], HNV_VSID_MAX) &&
	      is_u32(tb[HNV_A_RDID], UINT32_MAX) && !tb[HNV_A_ENCAP],
	      "SUBNET_NEW without an encap leaves HNV_A_ENCAP out");
	nlmsg_free(msg);

	msg = message(HNV_CMD_SUBNET_DEL);
	check_int(hnv_put_subnet_sel(msg, &hnv0, 5001), 0,
		  "SUBNET_DEL / SUBNET_GET request: put");
	n = attrs_of(msg, tb);
	check(n == 2 && is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0") &&
	      is_u32(tb[HNV_A_VSID], 5001),
	      "SUBNET_DEL / SUBNET_GET: switch name and VSID only");
	nlmsg_free(msg);

	msg = message(HNV_CMD_SUBNET_GET);
	hnv_put_subnet_sel(msg, &hnv0, 0);
	n = attrs_of(msg, tb);
	check(n == 1 && is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0"),
	      "SUBNET_GET dump of a switch: its name only");
	nlmsg_free(msg);

	msg = message(HNV_CMD_SUBNET_GET);
	hnv_put_subnet_sel(msg, &none, 0);
	check_int(attrs_of(msg, tb), 0,
		  "SUBNET_GET dump of every switch: no attribute");
	nlmsg_free(msg);

	msg = message(HNV_CMD_PORT_SET);
	check_int(hnv_put_port_set(msg, &v1, 5001, mac1), 0,
		  "PORT_SET bind: put");
	n = attrs_of(msg, tb);
	check(n == 3 && is_string(tb[HNV_A_PORT_IFNAME], "v1") &&
	      is_u32(tb[HNV_A_VSID], 5001) && tb[HNV_A_PORT_MAC] &&
	      nla_len(tb[HNV_A_PORT_MAC]) == ETH_ALEN &&
	      !memcmp(nla_data(tb[HNV_A_PORT_MAC]), mac1, ETH_ALEN),
	      "PORT_SET bind: port name, VSID, 6-byte MAC, nothing else");
	nlmsg_free(msg);

	msg = message(HNV_CMD_PORT_SET);
	hnv_put_port_set(msg, &v1, 0, NULL);
	n = attrs_of(msg, tb);
	check(n == 2 && is_string(tb[HNV_A_PORT_IFNAME], "v1") &&
	      is_u32(tb[HNV_A_VSID], 0) && !tb[HNV_A_PORT_MAC],
	      "PORT_SET unbind: port name and VSID 0, no MAC");
	nlmsg_free(msg);

	msg = message(HNV_CMD_FLOW_GET);
	check_int(hnv_put_port_sel(msg, &v1, &hnv0), 0,
		  "FLOW_GET / FLOW_FLUSH request: put");
	n = attrs_of(msg, tb);
	check(n == 2 && is_string(tb[HNV_A_PORT_IFNAME], "v1") &&
	      is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0"),
	      "FLOW_GET of a port of a switch: port name, switch name");
	nlmsg_free(msg);

	msg = message(HNV_CMD_FLOW_GET);
	hnv_put_port_sel(msg, &none, &none);
	check_int(attrs_of(msg, tb), 0,
		  "FLOW_GET of every switch: no attribute");
	nlmsg_free(msg);

	msg = message(HNV_CMD_FLOW_FLUSH);
	hnv_put_port_sel(msg, &none, &hnv0);
	n = attrs_of(msg, tb);
	check(n == 1 && is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0"),
	      "FLOW_FLUSH of a switch: its name only");
	nlmsg_free(msg);

	msg = message(HNV_CMD_FLOW_FLUSH);
	hnv_put_port_sel(msg, &by_index, &hnv0);
	n = attrs_of(msg, tb);
	check(n == 2 && is_u32(tb[HNV_A_PORT_IFINDEX], 9) &&
	      is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0"),
	      "FLOW_FLUSH of a port by ifindex: port ifindex, switch name");
	nlmsg_free(msg);
}

/* encap < 0: no HNV_A_ENCAP. */
static struct nl_msg *subnet_reply(const char *sw, uint32_t vsid,
				   uint32_t rdid, int encap)
{
	struct nl_msg *msg = message(HNV_CMD_SUBNET_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, sw);
	nla_put_u32(msg, HNV_A_VSID, vsid);
	nla_put_u32(msg, HNV_A_RDID, rdid);
	if (encap >= 0)
		nla_put_u8(msg, HNV_A_ENCAP, encap);
	/* from a newer kernel: ignored */
	nla_put_u32(msg, HNV_A_MAX + 3, 1);
	return msg;
}

static void subnet_tests(void)
{
	struct hnv_subnet s[3];
	struct nl_msg *msg;
	struct capture c;
	struct out o;

	msg = subnet_reply("hnv0", 5001, 1, HNV_ENCAP_VXLAN);
	check_int(hnv_parse_subnet(nlmsg_hdr(msg), &s[0]), 0,
		  "parse a subnet reply");
	check(s[0].switch_ifindex == 7 && !strcmp(s[0].switch_ifname, "hnv0") &&
	      s[0].vsid == 5001 && s[0].rdid == 1 &&
	      s[0].encap == HNV_ENCAP_VXLAN, "subnet reply: every field");
	nlmsg_free(msg);

	msg = subnet_reply("hnv-b", HNV_VSID_MAX, UINT32_MAX, HNV_ENCAP_NVGRE);
	check(!hnv_parse_subnet(nlmsg_hdr(msg), &s[1]) &&
	      s[1].encap == HNV_ENCAP_NVGRE && s[1].rdid == UINT32_MAX,
	      "subnet reply with nvgre");
	nlmsg_free(msg);

	msg = subnet_reply("hnv0", 6000, 2, -1);
	check(!hnv_parse_subnet(nlmsg_hdr(msg), &s[2]) &&
	      s[2].encap == HNV_ENCAP_VXLAN,
	      "subnet reply without HNV_A_ENCAP is vxlan, the default");
	nlmsg_free(msg);

	msg = message(HNV_CMD_SUBNET_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put_u32(msg, HNV_A_RDID, 1);
	check_int(hnv_parse_subnet(nlmsg_hdr(msg), &s[2]), -EBADMSG,
		  "subnet reply without a VSID is malformed");
	nlmsg_free(msg);

	msg = message(HNV_CMD_SUBNET_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put_u32(msg, HNV_A_VSID, 5001);
	nla_put_u32(msg, HNV_A_RDID, 1);
	nla_put_u32(msg, HNV_A_ENCAP, HNV_ENCAP_VXLAN);
	check_int(hnv_parse_subnet(nlmsg_hdr(msg), &s[2]), -EBADMSG,
		  "subnet reply with a 32-bit encap is malformed");
	nlmsg_free(msg);

	msg = subnet_reply("hnv0", 7000, 3, 9);
	hnv_parse_subnet(nlmsg_hdr(msg), &s[2]);
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	out_subnet(&o, &s[0]);
	out_subnet(&o, &s[1]);
	out_subnet(&o, &s[2]);
	check_str(out_close(&o, &c),
		  "subnet 5001 rdid 1 encap vxlan switch hnv0\n"
		  "subnet 16777214 rdid 4294967295 encap nvgre switch hnv-b\n"
		  "subnet 7000 rdid 3 encap encap-9 switch hnv0\n",
		  "subnet show: human, one line each, unknown encap-N");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_subnet(&o, &s[0]);
	out_subnet(&o, &s[2]);
	check_str(out_close(&o, &c),
		  "[{\"vsid\":5001,\"rdid\":1,\"encap\":\"vxlan\","
		  "\"switch\":\"hnv0\"},"
		  "{\"vsid\":7000,\"rdid\":3,\"encap\":\"encap-9\","
		  "\"switch\":\"hnv0\"}]\n",
		  "subnet show: JSON");
	free(c.buf);
}

/* mac NULL: none; vsid < 0: no HNV_A_VSID (an older kernel). */
static struct nl_msg *port_reply(long long vsid, const uint8_t *mac,
				 int mac_len)
{
	struct nl_msg *msg = message(HNV_CMD_PORT_GET);
	struct nlattr *nest;

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	nla_put_string(msg, HNV_A_PORT_IFNAME, "v1");
	nest = nest_start(msg, HNV_A_PORT_STATS);
	nla_put_u64(msg, HNV_STATS_A_RX_PACKETS, 2);
	nla_nest_end(msg, nest);
	if (vsid >= 0)
		nla_put_u32(msg, HNV_A_VSID, vsid);
	if (mac)
		nla_put(msg, HNV_A_PORT_MAC, mac_len, mac);
	return msg;
}

static const char human_bound[] =
	"port v1 ifindex 9 switch hnv0 vsid 5001 mac 02:00:00:00:00:01\n"
	"    RX: packets bytes\n"
	"              2     0\n"
	"    TX: packets bytes\n"
	"              0     0\n"
	"    flows: new 0 aged 0 uncached 0 recomposed 0\n"
	"    drops: 0\n"
	"\n"
	"port v1 ifindex 9 switch hnv0 unbound\n"
	"    RX: packets bytes\n"
	"              2     0\n"
	"    TX: packets bytes\n"
	"              0     0\n"
	"    flows: new 0 aged 0 uncached 0 recomposed 0\n"
	"    drops: 0\n";

static const char json_bound[] =
	"[{\"ifname\":\"v1\",\"ifindex\":9,\"switch\":\"hnv0\",\"vsid\":5001,"
	"\"mac\":\"02:00:00:00:00:01\",\"stats\":{\"rx_packets\":2,"
	"\"rx_bytes\":0,\"tx_packets\":0,\"tx_bytes\":0,"
	"\"flows_new\":0,\"flows_aged\":0,\"flows_uncached\":0,"
	"\"flows_recomposed\":0,\"drops\":{"
	"\"port-unbound\":0,\"switch-xmit\":0,\"no-subnet\":0,\"src-mac\":0,"
	"\"no-dest\":0,\"malformed\":0,"
	"\"no-pa\":0,\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0,"
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0}}},"
	"{\"ifname\":\"v1\",\"ifindex\":9,\"switch\":\"hnv0\",\"vsid\":0,"
	"\"stats\":{\"rx_packets\":2,\"rx_bytes\":0,\"tx_packets\":0,"
	"\"tx_bytes\":0,\"flows_new\":0,\"flows_aged\":0,"
	"\"flows_uncached\":0,\"flows_recomposed\":0,"
	"\"drops\":{\"port-unbound\":0,\"switch-xmit\":0,"
	"\"no-subnet\":0,\"src-mac\":0,\"no-dest\":0,\"malformed\":0,"
	"\"no-pa\":0,\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0,"
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0}}}]\n";

static void port_tests(void)
{
	static const uint8_t mac_aa[ETH_ALEN] = {
		0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee,
	};
	struct hnv_port p[2];
	struct nl_msg *msg;
	struct capture c;
	struct out o;

	msg = port_reply(5001, mac1, ETH_ALEN);
	check_int(hnv_parse_port(nlmsg_hdr(msg), &p[0]), 0,
		  "parse a bound port");
	check(p[0].vsid == 5001 && p[0].has_mac &&
	      !memcmp(p[0].mac, mac1, ETH_ALEN) && p[0].ifindex == 9,
	      "bound port: VSID and MAC");
	nlmsg_free(msg);

	msg = port_reply(0, NULL, 0);
	check(!hnv_parse_port(nlmsg_hdr(msg), &p[1]) && !p[1].vsid &&
	      !p[1].has_mac, "unbound port: VSID 0, no MAC");
	nlmsg_free(msg);

	msg = port_reply(-1, NULL, 0);
	check(!hnv_parse_port(nlmsg_hdr(msg), &p[1]) && !p[1].vsid &&
	      !p[1].has_mac, "port of a kernel without HNV_A_VSID: unbound");
	nlmsg_free(msg);

	msg = port_reply(5001, mac_aa, 5);
	check_int(hnv_parse_port(nlmsg_hdr(msg), &p[1]), -EBADMSG,
		  "port with a 5-byte MAC is malformed");
	nlmsg_free(msg);

	msg = port_reply(5001, mac_aa, ETH_ALEN);
	nla_put_u16(msg, HNV_A_MAX + 1, 1);
	hnv_parse_port(nlmsg_hdr(msg), &p[1]);
	out_open(&o, &c, false, false);
	out_port(&o, &p[1], "hnv0");
	check_str(line_of(out_close(&o, &c), 0),
		  "port v1 ifindex 9 switch hnv0 vsid 5001 mac 02:aa:bb:cc:dd:ee",
		  "port show: the MAC in lower case");
	free(c.buf);
	nlmsg_free(msg);

	msg = port_reply(0, NULL, 0);
	hnv_parse_port(nlmsg_hdr(msg), &p[1]);
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	out_port(&o, &p[0], "hnv0");
	out_port(&o, &p[1], "hnv0");
	check_str(out_close(&o, &c), human_bound,
		  "port show: bound and unbound, human");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_port(&o, &p[0], "hnv0");
	out_port(&o, &p[1], "hnv0");
	check_str(out_close(&o, &c), json_bound,
		  "port show: bound and unbound, JSON");
	free(c.buf);
}

struct action {
	int type;		/* 0 ends the list */
	uint32_t arg;
	int len;		/* of the attribute, 0: the right one */
};

struct flow_desc {
	uint16_t eth_type;
	const uint8_t *dst;
	int ip_len;		/* 0: no IP attributes */
	const char *src_ip, *dst_ip;
	int proto;		/* -1: none */
	int l4_src, l4_dst;	/* -1: none */
	uint64_t packets, bytes;
	uint32_t idle_ms;
	struct action actions[6];	/* up to a zero type */
};

static void put_ip(struct nl_msg *msg, int type, int len, const char *text)
{
	uint8_t addr[16];

	inet_pton(len == 4 ? AF_INET : AF_INET6, text, addr);
	nla_put(msg, type, len, addr);
}

/*
 * Where a flow of the uplink came from: HNV_FLOW_A_VSID unless vsid is 0,
 * HNV_FLOW_A_TUN_SRC (4 or 16 bytes, as the address is written) unless
 * tun_src is NULL.
 */
struct uplink {
	uint32_t vsid;
	const char *tun_src;
};

/*
 * A flow of hnv0 (ifindex 7) from mac1, as the kernel puts it, with
 * padding before the 64-bit counters and attributes from a newer kernel:
 * of port v1 (ifindex 9), or if up is not NULL of the uplink (the switch's
 * own ifindex for its port).
 */
static struct nl_msg *flow_msg(const struct flow_desc *d,
			       const struct uplink *up)
{
	struct nl_msg *msg = message(HNV_CMD_FLOW_GET);
	struct nlattr *flow, *acts;
	const struct action *a;

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, up ? 7 : 9);
	flow = nest_start(msg, HNV_A_FLOW);
	if (up && up->vsid)
		nla_put_u32(msg, HNV_FLOW_A_VSID, up->vsid);
	if (up && up->tun_src)
		put_ip(msg, HNV_FLOW_A_TUN_SRC,
		       strchr(up->tun_src, ':') ? 16 : 4, up->tun_src);
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, mac1);
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, d->dst);
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE, htons(d->eth_type));
	if (d->proto >= 0)
		nla_put_u8(msg, HNV_FLOW_A_IP_PROTO, d->proto);
	if (d->ip_len) {
		put_ip(msg, HNV_FLOW_A_IP_SRC, d->ip_len, d->src_ip);
		put_ip(msg, HNV_FLOW_A_IP_DST, d->ip_len, d->dst_ip);
	}
	if (d->l4_src >= 0)
		nla_put_u16(msg, HNV_FLOW_A_L4_SRC, htons(d->l4_src));
	if (d->l4_dst >= 0)
		nla_put_u16(msg, HNV_FLOW_A_L4_DST, htons(d->l4_dst));
	acts = nest_start(msg, HNV_FLOW_A_ACTIONS);
	for (a = d->actions; a->type; a++) {
		if (a->len)
			nla_put(msg, a->type, a->len, &a->arg);
		else if (a->type == HNV_ACTION_A_DROP)
			nla_put_u8(msg, a->type, a->arg);
		else
			nla_put_u32(msg, a->type, a->arg);
	}
	nla_nest_end(msg, acts);
	nla_put(msg, HNV_FLOW_A_PAD, 0, NULL);
	nla_put_u64(msg, HNV_FLOW_A_PACKETS, d->packets);
	nla_put(msg, HNV_FLOW_A_PAD, 0, NULL);
	nla_put_u64(msg, HNV_FLOW_A_BYTES, d->bytes);
	nla_put_u32(msg, HNV_FLOW_A_IDLE_MS, d->idle_ms);
	nla_put_u32(msg, HNV_FLOW_A_MAX + 2, 1);
	nla_nest_end(msg, flow);
	nla_put_u32(msg, HNV_A_MAX + 4, 1);
	return msg;
}

/* A flow of port v1. */
static struct nl_msg *flow_reply(const struct flow_desc *d)
{
	return flow_msg(d, NULL);
}

/* ICMP from 10.0.0.1 to 10.0.0.2, to v2 */
static const struct flow_desc icmp4 = {
	0x0800, mac2, 4, "10.0.0.1", "10.0.0.2", 1, 0, 0, 3, 294, 120,
	{ { HNV_ACTION_A_OUTPUT, 10, 0 } },
};

/* TCP 10.0.0.1:1234 to 10.0.0.2:80, dropped */
static const struct flow_desc tcp4 = {
	0x0800, mac2, 4, "10.0.0.1", "10.0.0.2", 6, 1234, 80, 1, 74, 5,
	{ { HNV_ACTION_A_DROP, HNV_DROP_NO_DEST, 0 } },
};

/* UDP [2001:db8::1]:5353 to [2001:db8::2]:53 */
static const struct flow_desc udp6 = {
	0x86dd, mac2, 16, "2001:db8::1", "2001:db8::2", 17, 5353, 53,
	18446744073709551615ULL, 4294967296ULL, 4294967295U,
	{ { HNV_ACTION_A_OUTPUT, 10, 0 } },
};

/*
 * ARP broadcast, flooded: v2, an unknown action, v3, a port without a
 * name, then a drop for an unknown reason.
 */
static const struct flow_desc arp = {
	0x0806, bcast, 0, NULL, NULL, -1, -1, -1, 2, 84, 0,
	{ { HNV_ACTION_A_OUTPUT, 10, 0 }, { HNV_ACTION_A_MAX + 1, 5, 0 },
	  { HNV_ACTION_A_OUTPUT, 12, 0 }, { HNV_ACTION_A_OUTPUT, 99, 0 },
	  { HNV_ACTION_A_DROP, 40, 0 } },
};

/* LLDP, without actions */
static const struct flow_desc lldp = {
	0x88cc, mac2, 0, NULL, NULL, -1, -1, -1, 1, 60, 7, { { 0 } },
};

/* ICMPv6, with ports 0, and a protocol without a name */
static const struct flow_desc icmp6 = {
	0x86dd, mac2, 16, "fe80::1", "ff02::1:ff00:2", 58, 0, 0, 1, 86, 9,
	{ { HNV_ACTION_A_DROP, HNV_DROP_SRC_MAC, 0 } },
};

static const struct flow_desc gre4 = {
	0x0800, mac2, 4, "192.0.2.1", "192.0.2.2", 47, 0, 0, 1, 100, 1,
	{ { HNV_ACTION_A_DROP, HNV_DROP_MALFORMED, 0 } },
};

/* The names of the devices of the flows above. */
static char *fake_ifname(unsigned int ifindex, char *buf)
{
	static const char *const names[] = {
		[7] = "hnv0", [9] = "v1", [10] = "v2", [12] = "v3",
	};

	if (ifindex >= ARRAY_SIZE(names) || !names[ifindex])
		return NULL;
	return strcpy(buf, names[ifindex]);
}

static const char human_flows[] =
	"hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv4 10.0.0.1 > "
	"10.0.0.2 icmp packets 3 bytes 294 idle 120ms actions output v2\n"
	"hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv4 "
	"10.0.0.1:1234 > 10.0.0.2:80 tcp packets 1 bytes 74 idle 5ms "
	"actions drop no-dest\n"
	"hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv6 "
	"[2001:db8::1]:5353 > [2001:db8::2]:53 udp "
	"packets 18446744073709551615 bytes 4294967296 idle 4294967295ms "
	"actions output v2\n"
	"hnv0 port v1: 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff arp "
	"packets 2 bytes 84 idle 0ms actions output v2, output v3, "
	"output ifindex 99, drop reason-40\n"
	"hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 0x88cc "
	"packets 1 bytes 60 idle 7ms actions none\n"
	"hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv6 "
	"fe80::1 > ff02::1:ff00:2 icmpv6 packets 1 bytes 86 idle 9ms "
	"actions drop src-mac\n"
	"hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv4 "
	"192.0.2.1 > 192.0.2.2 47 packets 1 bytes 100 idle 1ms "
	"actions drop malformed\n";

#define FLOW_HEAD \
	"{\"switch\":\"hnv0\",\"port\":\"v1\",\"eth_src\":\"02:00:00:00:00:01\","

static const char json_flows[] =
	"[" FLOW_HEAD "\"eth_dst\":\"02:00:00:00:00:02\",\"eth_type\":2048,"
	"\"ip_proto\":1,\"ip_src\":\"10.0.0.1\",\"ip_dst\":\"10.0.0.2\","
	"\"l4_src\":0,\"l4_dst\":0,\"packets\":3,\"bytes\":294,"
	"\"idle_ms\":120,\"actions\":[{\"output\":\"v2\"}]},"
	FLOW_HEAD "\"eth_dst\":\"02:00:00:00:00:02\",\"eth_type\":2048,"
	"\"ip_proto\":6,\"ip_src\":\"10.0.0.1\",\"ip_dst\":\"10.0.0.2\","
	"\"l4_src\":1234,\"l4_dst\":80,\"packets\":1,\"bytes\":74,"
	"\"idle_ms\":5,\"actions\":[{\"drop\":\"no-dest\"}]},"
	FLOW_HEAD "\"eth_dst\":\"02:00:00:00:00:02\",\"eth_type\":34525,"
	"\"ip_proto\":17,\"ip_src\":\"2001:db8::1\",\"ip_dst\":\"2001:db8::2\","
	"\"l4_src\":5353,\"l4_dst\":53,\"packets\":18446744073709551615,"
	"\"bytes\":4294967296,\"idle_ms\":4294967295,"
	"\"actions\":[{\"output\":\"v2\"}]},"
	FLOW_HEAD "\"eth_dst\":\"ff:ff:ff:ff:ff:ff\",\"eth_type\":2054,"
	"\"packets\":2,\"bytes\":84,\"idle_ms\":0,\"actions\":["
	"{\"output\":\"v2\"},{\"output\":\"v3\"},{\"output_ifindex\":99},"
	"{\"drop\":\"reason-40\"}]},"
	FLOW_HEAD "\"eth_dst\":\"02:00:00:00:00:02\",\"eth_type\":35020,"
	"\"packets\":1,\"bytes\":60,\"idle_ms\":7,\"actions\":[]}]\n";

static const char pretty_flow[] =
	"[\n"
	"    {\n"
	"        \"switch\": \"hnv0\",\n"
	"        \"port\": \"v1\",\n"
	"        \"eth_src\": \"02:00:00:00:00:01\",\n"
	"        \"eth_dst\": \"02:00:00:00:00:02\",\n"
	"        \"eth_type\": 2048,\n"
	"        \"ip_proto\": 1,\n"
	"        \"ip_src\": \"10.0.0.1\",\n"
	"        \"ip_dst\": \"10.0.0.2\",\n"
	"        \"l4_src\": 0,\n"
	"        \"l4_dst\": 0,\n"
	"        \"packets\": 3,\n"
	"        \"bytes\": 294,\n"
	"        \"idle_ms\": 120,\n"
	"        \"actions\": [\n"
	"            {\n"
	"                \"output\": \"v2\"\n"
	"            }\n"
	"        ]\n"
	"    }\n"
	"]\n";

static void flow_parse_tests(void)
{
	struct hnv_flow f;
	struct nl_msg *msg;
	uint8_t v6[16];

	msg = flow_reply(&tcp4);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f), 0,
		  "parse an IPv4 TCP flow");
	check(f.switch_ifindex == 7 && f.port_ifindex == 9 &&
	      !memcmp(f.eth_src, mac1, ETH_ALEN) &&
	      !memcmp(f.eth_dst, mac2, ETH_ALEN) && f.eth_type == 0x0800 &&
	      f.has == (HNV_FLOW_IP_PROTO | HNV_FLOW_L4_SRC | HNV_FLOW_L4_DST) &&
	      f.ip_proto == 6 && f.ip_src_len == 4 && f.ip_dst_len == 4 &&
	      !memcmp(f.ip_src, "\x0a\x00\x00\x01", 4) &&
	      !memcmp(f.ip_dst, "\x0a\x00\x00\x02", 4) &&
	      f.l4_src == 1234 && f.l4_dst == 80 && f.packets == 1 &&
	      f.bytes == 74 && f.idle_ms == 5 && f.nactions == 1 &&
	      f.actions[0].type == HNV_ACTION_A_DROP &&
	      f.actions[0].arg == HNV_DROP_NO_DEST,
	      "IPv4 TCP flow: every field, ports in host byte order");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	msg = flow_reply(&udp6);
	inet_pton(AF_INET6, "2001:db8::2", v6);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f) && f.eth_type == 0x86dd &&
	      f.ip_src_len == 16 && f.ip_dst_len == 16 &&
	      !memcmp(f.ip_dst, v6, 16) && f.l4_dst == 53 &&
	      f.packets == 18446744073709551615ULL,
	      "parse an IPv6 UDP flow");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	msg = flow_reply(&arp);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f) && f.eth_type == 0x0806 &&
	      !f.has && !f.ip_src_len && !f.ip_dst_len,
	      "ARP flow: no IP attribute, none made up");
	check(f.nactions == 4 &&
	      f.actions[0].type == HNV_ACTION_A_OUTPUT &&
	      f.actions[0].arg == 10 &&
	      f.actions[1].type == HNV_ACTION_A_OUTPUT &&
	      f.actions[1].arg == 12 &&
	      f.actions[2].type == HNV_ACTION_A_OUTPUT &&
	      f.actions[2].arg == 99 &&
	      f.actions[3].type == HNV_ACTION_A_DROP &&
	      f.actions[3].arg == 40,
	      "ARP flow: four actions in order, the unknown one skipped");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	msg = flow_reply(&lldp);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f) && !f.nactions &&
	      !f.actions, "flow without actions");
	hnv_flow_free(&f);
	nlmsg_free(msg);
}

/* Each reply has one defect. */
static void flow_bad_tests(void)
{
	struct flow_desc d;
	struct nlattr *flow;
	struct hnv_flow f;
	struct nl_msg *msg;

	msg = message(HNV_CMD_FLOW_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f), -EBADMSG,
		  "flow reply without HNV_A_FLOW is malformed");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	msg = message(HNV_CMD_FLOW_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	flow = nest_start(msg, HNV_A_FLOW);
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, mac1);
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, mac2);
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE, htons(0x0800));
	nla_nest_end(msg, flow);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f), -EBADMSG,
		  "flow reply without its port is malformed");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	msg = message(HNV_CMD_FLOW_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	flow = nest_start(msg, HNV_A_FLOW);
	nla_put(msg, HNV_FLOW_A_ETH_SRC, 5, mac1);
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, mac2);
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE, htons(0x0800));
	nla_nest_end(msg, flow);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f), -EBADMSG,
		  "flow with a 5-byte Ethernet source is malformed");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	msg = message(HNV_CMD_FLOW_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	flow = nest_start(msg, HNV_A_FLOW);
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, mac1);
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, mac2);
	nla_nest_end(msg, flow);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f), -EBADMSG,
		  "flow without its Ethernet type is malformed");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	d = icmp4;
	d.ip_len = 5;
	msg = flow_reply(&d);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f), -EBADMSG,
		  "flow with a 5-byte IP address is malformed");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	d = icmp4;
	d.actions[0] = (struct action){ HNV_ACTION_A_OUTPUT, 10, 2 };
	msg = flow_reply(&d);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f), -EBADMSG,
		  "16-bit output action is malformed");
	hnv_flow_free(&f);
	nlmsg_free(msg);

	d = arp;
	d.actions[4] = (struct action){ HNV_ACTION_A_DROP, 1, 4 };
	msg = flow_reply(&d);
	check(hnv_parse_flow(nlmsg_hdr(msg), &f) == -EBADMSG,
	      "32-bit drop action after good ones is malformed");
	hnv_flow_free(&f);
	check(!f.actions && !f.nactions,
	      "hnv_flow_free frees the actions of a half-parsed flow");
	nlmsg_free(msg);
}

static void flow_output_tests(void)
{
	const struct flow_desc *descs[] = {
		&icmp4, &tcp4, &udp6, &arp, &lldp, &icmp6, &gre4,
	};
	struct hnv_flow f[ARRAY_SIZE(descs)];
	struct nl_msg *msg;
	struct capture c;
	struct out o;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(descs); i++) {
		msg = flow_reply(descs[i]);
		hnv_parse_flow(nlmsg_hdr(msg), &f[i]);
		nlmsg_free(msg);
	}

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	for (i = 0; i < ARRAY_SIZE(descs); i++)
		out_flow(&o, &f[i]);
	check_str(out_close(&o, &c), human_flows,
		  "flow show: human, one line per flow");
	free(c.buf);

	out_open(&o, &c, true, false);
	o.ifname = fake_ifname;
	for (i = 0; i < 5; i++)
		out_flow(&o, &f[i]);
	check_str(out_close(&o, &c), json_flows, "flow show: JSON");
	free(c.buf);

	out_open(&o, &c, true, true);
	o.ifname = fake_ifname;
	out_flow(&o, &f[0]);
	check_str(out_close(&o, &c), pretty_flow, "flow show: pretty JSON");
	free(c.buf);

	f[0].switch_ifindex = 70;
	f[0].port_ifindex = 90;
	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	out_flow(&o, &f[0]);
	check_str(line_of(out_close(&o, &c), 0),
		  "if70 port if90: 02:00:00:00:00:01 > 02:00:00:00:00:02 "
		  "ipv4 10.0.0.1 > 10.0.0.2 icmp packets 3 bytes 294 "
		  "idle 120ms actions output v2",
		  "flow show: devices without a name are ifN");
	free(c.buf);

	for (i = 0; i < ARRAY_SIZE(descs); i++)
		hnv_flow_free(&f[i]);
}

/* TCP 10.0.0.1:443 to 10.0.0.2:50000, from the physical network, to v2 */
static const struct flow_desc tcp4_in = {
	0x0800, mac2, 4, "10.0.0.1", "10.0.0.2", 6, 443, 50000, 7, 9000, 3,
	{ { HNV_ACTION_A_OUTPUT, 10, 0 } },
};

static const struct uplink from_pa10 = { 5001, "192.168.1.10" };

/* ARP broadcast from the physical network, flooded to v2 and v3 */
static const struct flow_desc arp_in = {
	0x0806, bcast, 0, NULL, NULL, -1, -1, -1, 2, 84, 0,
	{ { HNV_ACTION_A_OUTPUT, 10, 0 }, { HNV_ACTION_A_OUTPUT, 12, 0 } },
};

static const struct uplink from_pa20 = { HNV_VSID_MAX, "192.168.2.20" };

static const char human_uplink[] =
	"hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv4 10.0.0.1 > "
	"10.0.0.2 icmp packets 3 bytes 294 idle 120ms actions output v2\n"
	"hnv0 uplink vsid 5001 from 192.168.1.10: 02:00:00:00:00:01 > "
	"02:00:00:00:00:02 ipv4 10.0.0.1:443 > 10.0.0.2:50000 tcp "
	"packets 7 bytes 9000 idle 3ms actions output v2\n"
	"hnv0 uplink vsid 16777214 from 192.168.2.20: 02:00:00:00:00:01 > "
	"ff:ff:ff:ff:ff:ff arp packets 2 bytes 84 idle 0ms "
	"actions output v2, output v3\n";

static const char json_uplink[] =
	"[" FLOW_HEAD "\"eth_dst\":\"02:00:00:00:00:02\",\"eth_type\":2048,"
	"\"ip_proto\":1,\"ip_src\":\"10.0.0.1\",\"ip_dst\":\"10.0.0.2\","
	"\"l4_src\":0,\"l4_dst\":0,\"packets\":3,\"bytes\":294,"
	"\"idle_ms\":120,\"actions\":[{\"output\":\"v2\"}]},"
	"{\"switch\":\"hnv0\",\"port\":\"uplink\",\"vsid\":5001,"
	"\"tun_src\":\"192.168.1.10\",\"eth_src\":\"02:00:00:00:00:01\","
	"\"eth_dst\":\"02:00:00:00:00:02\",\"eth_type\":2048,"
	"\"ip_proto\":6,\"ip_src\":\"10.0.0.1\",\"ip_dst\":\"10.0.0.2\","
	"\"l4_src\":443,\"l4_dst\":50000,\"packets\":7,\"bytes\":9000,"
	"\"idle_ms\":3,\"actions\":[{\"output\":\"v2\"}]},"
	"{\"switch\":\"hnv0\",\"port\":\"uplink\",\"vsid\":16777214,"
	"\"tun_src\":\"192.168.2.20\",\"eth_src\":\"02:00:00:00:00:01\","
	"\"eth_dst\":\"ff:ff:ff:ff:ff:ff\",\"eth_type\":2054,"
	"\"packets\":2,\"bytes\":84,\"idle_ms\":0,\"actions\":["
	"{\"output\":\"v2\"},{\"output\":\"v3\"}]}]\n";

/*
 * Flows of the uplink, from the physical network: HNV_FLOW_A_VSID and
 * HNV_FLOW_A_TUN_SRC, and the switch as their port.
 */
static void uplink_tests(void)
{
	static const struct uplink vsid_only = { 5001, NULL };
	static const struct uplink tun_src_only = { 0, "192.168.1.10" };
	static const struct uplink tun_src_v6 = { 5001, "2001:db8::10" };
	struct nlattr *flow;
	struct hnv_flow f[3];
	struct nl_msg *msg;
	struct capture c;
	struct out o;
	size_t i;

	msg = flow_msg(&tcp4_in, &from_pa10);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[1]), 0,
		  "parse a flow of the uplink");
	check(f[1].has == (HNV_FLOW_UPLINK | HNV_FLOW_IP_PROTO |
			   HNV_FLOW_L4_SRC | HNV_FLOW_L4_DST) &&
	      f[1].vsid == 5001 &&
	      !memcmp(f[1].tun_src, "\xc0\xa8\x01\x0a", 4) &&
	      f[1].switch_ifindex == 7 && f[1].port_ifindex == 7 &&
	      f[1].l4_src == 443 && f[1].l4_dst == 50000 &&
	      f[1].nactions == 1 && f[1].actions[0].arg == 10,
	      "flow of the uplink: VSID, outer source, the switch as its "
	      "port, the rest as for a port's");
	nlmsg_free(msg);

	msg = flow_reply(&icmp4);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f[0]) &&
	      !(f[0].has & HNV_FLOW_UPLINK) && !f[0].vsid,
	      "flow of a port: not of the uplink, no VSID");
	nlmsg_free(msg);

	msg = flow_msg(&arp_in, &from_pa20);
	check(!hnv_parse_flow(nlmsg_hdr(msg), &f[2]) &&
	      f[2].has == HNV_FLOW_UPLINK && f[2].vsid == HNV_VSID_MAX &&
	      !memcmp(f[2].tun_src, "\xc0\xa8\x02\x14", 4) &&
	      f[2].nactions == 2,
	      "ARP flow of the uplink: VSID and outer source, no IP");
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	for (i = 0; i < ARRAY_SIZE(f); i++)
		out_flow(&o, &f[i]);
	check_str(out_close(&o, &c), human_uplink,
		  "flow show: a port's flow, then the uplink's, with "
		  "\"uplink vsid VSID from PA\" for the port; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	o.ifname = fake_ifname;
	for (i = 0; i < ARRAY_SIZE(f); i++)
		out_flow(&o, &f[i]);
	check_str(out_close(&o, &c), json_uplink,
		  "flow show: \"port\":\"uplink\", then \"vsid\" and "
		  "\"tun_src\"; JSON");
	free(c.buf);

	out_open(&o, &c, true, true);
	o.ifname = fake_ifname;
	out_flow(&o, &f[1]);
	check(strstr(out_close(&o, &c),
		     "        \"switch\": \"hnv0\",\n"
		     "        \"port\": \"uplink\",\n"
		     "        \"vsid\": 5001,\n"
		     "        \"tun_src\": \"192.168.1.10\",\n"
		     "        \"eth_src\": \"02:00:00:00:00:01\",\n") != NULL,
	      "flow show: a flow of the uplink in pretty JSON");
	free(c.buf);

	for (i = 0; i < ARRAY_SIZE(f); i++)
		hnv_flow_free(&f[i]);

	/* one defect each */
	msg = flow_msg(&tcp4_in, &vsid_only);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[0]), -EBADMSG,
		  "HNV_FLOW_A_VSID without HNV_FLOW_A_TUN_SRC is malformed");
	hnv_flow_free(&f[0]);
	nlmsg_free(msg);

	msg = flow_msg(&tcp4_in, &tun_src_only);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[0]), -EBADMSG,
		  "HNV_FLOW_A_TUN_SRC without HNV_FLOW_A_VSID is malformed");
	hnv_flow_free(&f[0]);
	nlmsg_free(msg);

	msg = flow_msg(&tcp4_in, &tun_src_v6);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[0]), -EBADMSG,
		  "a 16-byte HNV_FLOW_A_TUN_SRC is malformed");
	hnv_flow_free(&f[0]);
	nlmsg_free(msg);

	msg = message(HNV_CMD_FLOW_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 7);
	flow = nest_start(msg, HNV_A_FLOW);
	nla_put_u16(msg, HNV_FLOW_A_VSID, 5001);
	put_ip(msg, HNV_FLOW_A_TUN_SRC, 4, "192.168.1.10");
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, mac1);
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, mac2);
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE, htons(0x0806));
	nla_nest_end(msg, flow);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[0]), -EBADMSG,
		  "a 16-bit HNV_FLOW_A_VSID is malformed");
	hnv_flow_free(&f[0]);
	nlmsg_free(msg);
}

static void list_tests(void)
{
	struct hnv_flow_list flows = { 0 };
	struct hnv_subnet_list subnets = { 0 };
	bool ok = true;
	size_t i;

	for (i = 0; i < 40; i++) {
		struct hnv_flow *f = hnv_flow_list_add(&flows);

		if (!f || hnv_flow_add_action(f, HNV_ACTION_A_OUTPUT, i) ||
		    !hnv_subnet_list_add(&subnets))
			ok = false;
		else
			subnets.v[i].vsid = HNV_VSID_MIN + i;
	}
	for (i = 0; ok && i < 40; i++)
		if (flows.v[i].nactions != 1 || flows.v[i].actions[0].arg != i ||
		    subnets.v[i].vsid != HNV_VSID_MIN + i)
			ok = false;
	check(ok && flows.n == 40 && subnets.n == 40,
	      "flow and subnet lists grow and keep their elements");
	hnv_flow_list_free(&flows);
	hnv_subnet_list_free(&subnets);
	check(!flows.v && !flows.n && !subnets.v && !subnets.n,
	      "flow and subnet lists free");
}

void vnet_tests(void)
{
	request_tests();
	subnet_tests();
	port_tests();
	flow_parse_tests();
	flow_bad_tests();
	flow_output_tests();
	uplink_tests();
	list_tests();
}
