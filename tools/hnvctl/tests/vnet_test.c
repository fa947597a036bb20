// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of the virtual-network half of msg.c and output.c: subnets and
 * their prefixes, the binding of ports to subnets with their customer
 * addresses, virtual networks, flows (those of the uplink included).
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

static bool is_string(const struct nlattr *a, const char *val)
{
	return a && nla_len(a) == (int)strlen(val) + 1 &&
	       !strcmp(nla_data(a), val);
}

/* a is the address text: 4 bytes for IPv4, 16 for IPv6. */
static bool is_ip(const struct nlattr *a, const char *text)
{
	int len = strchr(text, ':') ? 16 : 4;
	uint8_t addr[16];

	inet_pton(len == 4 ? AF_INET : AF_INET6, text, addr);
	return a && nla_len(a) == len && !memcmp(nla_data(a), addr, len);
}

/* How many attributes the nest a holds, duplicates included. */
static int nested_count(const struct nlattr *a)
{
	const struct nlattr *x;
	int rem, n = 0;

	nla_for_each_nested(x, a, rem)
		n++;
	return n;
}

/*
 * The nest a has NLA_F_NESTED and holds exactly HNV_PREFIX_A_ADDR addr,
 * the u8 HNV_PREFIX_A_LEN len and, if gw is not NULL, HNV_PREFIX_A_GATEWAY
 * gw (4-byte addresses for IPv4, 16-byte for IPv6).
 */
static bool is_prefix(struct nlattr *a, const char *addr, uint8_t len,
		      const char *gw)
{
	struct nlattr *tb[HNV_PREFIX_A_MAX + 1];

	if (!a || !(a->nla_type & NLA_F_NESTED) ||
	    nla_parse_nested(tb, HNV_PREFIX_A_MAX, a, NULL) < 0 ||
	    nested_count(a) != (gw ? 3 : 2))
		return false;
	return is_ip(tb[HNV_PREFIX_A_ADDR], addr) &&
	       is_u8(tb[HNV_PREFIX_A_LEN], len) &&
	       (gw ? is_ip(tb[HNV_PREFIX_A_GATEWAY], gw) :
		!tb[HNV_PREFIX_A_GATEWAY]);
}

/*
 * The nest a has NLA_F_NESTED and holds exactly the n addresses of want,
 * in order, each an attribute of type 1.
 */
static bool is_cas(const struct nlattr *a, const char *const *want, int n)
{
	const struct nlattr *x;
	int rem, i = 0;

	if (!a || !(a->nla_type & NLA_F_NESTED))
		return false;
	nla_for_each_nested(x, a, rem) {
		if (i == n || nla_type(x) != 1 || !is_ip(x, want[i]))
			return false;
		i++;
	}
	return i == n && !rem;
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
	check_int(hnv_put_port_set(msg, &v1, 5001, mac1, NULL), 0,
		  "PORT_SET bind: put");
	n = attrs_of(msg, tb);
	check(n == 3 && is_string(tb[HNV_A_PORT_IFNAME], "v1") &&
	      is_u32(tb[HNV_A_VSID], 5001) && tb[HNV_A_PORT_MAC] &&
	      nla_len(tb[HNV_A_PORT_MAC]) == ETH_ALEN &&
	      !memcmp(nla_data(tb[HNV_A_PORT_MAC]), mac1, ETH_ALEN),
	      "PORT_SET bind: port name, VSID, 6-byte MAC, nothing else");
	nlmsg_free(msg);

	msg = message(HNV_CMD_PORT_SET);
	hnv_put_port_set(msg, &v1, 0, NULL, NULL);
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
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0,"
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":0,\"acl\":0}}},"
	"{\"ifname\":\"v1\",\"ifindex\":9,\"switch\":\"hnv0\",\"vsid\":0,"
	"\"stats\":{\"rx_packets\":2,\"rx_bytes\":0,\"tx_packets\":0,"
	"\"tx_bytes\":0,\"flows_new\":0,\"flows_aged\":0,"
	"\"flows_uncached\":0,\"flows_recomposed\":0,"
	"\"drops\":{\"port-unbound\":0,\"switch-xmit\":0,"
	"\"no-subnet\":0,\"src-mac\":0,\"no-dest\":0,\"malformed\":0,"
	"\"no-pa\":0,\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0,"
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0,"
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":0,\"acl\":0}}}]\n";

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

/* Sets p to the prefix addr/len, with the gateway gw unless NULL. */
static void set_prefix(struct hnv_prefix *p, const char *addr, uint8_t len,
		       const char *gw)
{
	int af = strchr(addr, ':') ? AF_INET6 : AF_INET;

	memset(p, 0, sizeof(*p));
	p->has = true;
	p->len = len;
	inet_pton(af, addr, p->addr);
	if (gw) {
		inet_pton(af, gw, p->gateway);
		p->has_gateway = true;
	}
}

/* Sets cas to the n addresses of text. */
static void set_cas(struct hnv_cas *cas, const char *const *text, int n)
{
	int i;

	memset(cas, 0, sizeof(*cas));
	cas->n = n;
	for (i = 0; i < n; i++) {
		cas->len[i] = strchr(text[i], ':') ? 16 : 4;
		inet_pton(cas->len[i] == 4 ? AF_INET : AF_INET6, text[i],
			  cas->addr[i]);
	}
}

static const char *const three_cas[] = {
	"10.1.1.11", "fd00:1::11", "10.1.1.12",
};

static const char *const max_cas[HNV_PORT_CAS_MAX] = {
	"10.1.1.1", "10.1.1.2", "10.1.1.3", "10.1.1.4", "fd00:1::5",
	"fd00:1::6", "fd00:1::7", "255.255.255.255",
};

static void prefix_request_tests(void)
{
	struct hnv_subnet subnet = { .vsid = 5001, .rdid = 1 };
	struct hnv_sel hnv0 = { .ifname = "hnv0" }, v1 = { .ifname = "v1" };
	struct nlattr *tb[HNV_A_MAX + 1];
	struct hnv_cas cas = { 0 };
	struct nl_msg *msg;
	int n;

	set_prefix(&subnet.prefix4, "10.1.1.0", 24, "10.1.1.254");
	set_prefix(&subnet.prefix6, "fd00:1::", 64, NULL);
	msg = message(HNV_CMD_SUBNET_NEW);
	check_int(hnv_put_subnet_new(msg, &hnv0, &subnet), 0,
		  "SUBNET_NEW with two prefixes: put");
	n = attrs_of(msg, tb);
	check(n == 5 && is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0") &&
	      is_u32(tb[HNV_A_VSID], 5001) && is_u32(tb[HNV_A_RDID], 1) &&
	      !tb[HNV_A_ENCAP] && tb[HNV_A_SUBNET_PREFIX4] &&
	      tb[HNV_A_SUBNET_PREFIX6],
	      "SUBNET_NEW with two prefixes: switch name, VSID, RDID, "
	      "PREFIX4, PREFIX6, nothing else");
	check(is_prefix(tb[HNV_A_SUBNET_PREFIX4], "10.1.1.0", 24, "10.1.1.254"),
	      "SUBNET_NEW: HNV_A_SUBNET_PREFIX4 is a nest (NLA_F_NESTED) of "
	      "a 4-byte address, a u8 length and the 4-byte gateway given");
	check(is_prefix(tb[HNV_A_SUBNET_PREFIX6], "fd00:1::", 64, NULL),
	      "SUBNET_NEW: HNV_A_SUBNET_PREFIX6 is a nest (NLA_F_NESTED) of "
	      "a 16-byte address and a u8 length, no gateway if none is given");
	nlmsg_free(msg);

	memset(&subnet.prefix4, 0, sizeof(subnet.prefix4));
	set_prefix(&subnet.prefix6, "fd00:1::", 126, "fd00:1::2");
	subnet.encap = HNV_ENCAP_NVGRE;
	msg = message(HNV_CMD_SUBNET_NEW);
	hnv_put_subnet_new(msg, &hnv0, &subnet);
	n = attrs_of(msg, tb);
	check(n == 5 && !tb[HNV_A_SUBNET_PREFIX4] &&
	      nla_get_u8(tb[HNV_A_ENCAP]) == HNV_ENCAP_NVGRE &&
	      is_prefix(tb[HNV_A_SUBNET_PREFIX6], "fd00:1::", 126, "fd00:1::2"),
	      "SUBNET_NEW with an IPv6 prefix only: no HNV_A_SUBNET_PREFIX4; "
	      "the prefix with its 16-byte gateway");
	nlmsg_free(msg);

	memset(&subnet.prefix6, 0, sizeof(subnet.prefix6));
	set_prefix(&subnet.prefix4, "10.0.0.0", 8, NULL);
	msg = message(HNV_CMD_SUBNET_NEW);
	hnv_put_subnet_new(msg, &hnv0, &subnet);
	n = attrs_of(msg, tb);
	check(n == 5 && !tb[HNV_A_SUBNET_PREFIX6] &&
	      is_prefix(tb[HNV_A_SUBNET_PREFIX4], "10.0.0.0", 8, NULL),
	      "SUBNET_NEW with an IPv4 prefix only, without a gateway");
	nlmsg_free(msg);

	set_cas(&cas, three_cas, 3);
	msg = message(HNV_CMD_PORT_SET);
	check_int(hnv_put_port_set(msg, &v1, 5001, mac1, &cas), 0,
		  "PORT_SET bind with CAs: put");
	n = attrs_of(msg, tb);
	check(n == 4 && is_string(tb[HNV_A_PORT_IFNAME], "v1") &&
	      is_u32(tb[HNV_A_VSID], 5001) && tb[HNV_A_PORT_MAC] &&
	      nla_len(tb[HNV_A_PORT_MAC]) == ETH_ALEN,
	      "PORT_SET bind with CAs: port name, VSID, MAC, CAS, nothing "
	      "else");
	check(is_cas(tb[HNV_A_PORT_CAS], three_cas, 3),
	      "PORT_SET: HNV_A_PORT_CAS is a nest (NLA_F_NESTED) of type-1 "
	      "attributes of 4 and 16 bytes, IPv4 and IPv6 mixed, in order");
	nlmsg_free(msg);

	cas.n = 0;
	msg = message(HNV_CMD_PORT_SET);
	hnv_put_port_set(msg, &v1, 5001, mac1, &cas);
	n = attrs_of(msg, tb);
	check(n == 3 && !tb[HNV_A_PORT_CAS],
	      "PORT_SET with an empty CA list: no HNV_A_PORT_CAS, which the "
	      "kernel would refuse empty");
	nlmsg_free(msg);

	set_cas(&cas, max_cas, HNV_PORT_CAS_MAX);
	msg = message(HNV_CMD_PORT_SET);
	hnv_put_port_set(msg, &v1, 5001, mac1, &cas);
	attrs_of(msg, tb);
	check(is_cas(tb[HNV_A_PORT_CAS], max_cas, HNV_PORT_CAS_MAX),
	      "PORT_SET with HNV_PORT_CAS_MAX CAs: every one, in order");
	nlmsg_free(msg);
}

/*
 * Puts the nest of a prefix as the kernel does: the address (4 or 16
 * bytes, as it is written), the length and the gateway, unless NULL.
 */
static void put_prefix(struct nl_msg *msg, int type, const char *addr,
		       uint8_t len, const char *gw)
{
	int alen = strchr(addr, ':') ? 16 : 4;
	struct nlattr *nest = nest_start(msg, type);

	put_ip(msg, HNV_PREFIX_A_ADDR, alen, addr);
	nla_put_u8(msg, HNV_PREFIX_A_LEN, len);
	if (gw)
		put_ip(msg, HNV_PREFIX_A_GATEWAY, alen, gw);
	nla_nest_end(msg, nest);
}

/* A prefix reply parsed: addr/len, gateway gw (NULL: none reported). */
static bool prefix_is(const struct hnv_prefix *p, const char *addr,
		      uint8_t len, const char *gw)
{
	struct hnv_prefix want;

	set_prefix(&want, addr, len, gw);
	return p->has && p->len == len && !memcmp(p->addr, want.addr, 16) &&
	       p->has_gateway == (gw != NULL) &&
	       !memcmp(p->gateway, want.gateway, 16);
}

static const char human_prefixes[] =
	"subnet 5001 rdid 1 encap vxlan prefix 10.1.1.0/24 gateway 10.1.1.1 "
	"prefix fd00:1::/64 gateway fd00:1::1 switch hnv0\n"
	"subnet 5002 rdid 1 encap nvgre prefix 10.2.0.0/16 gateway "
	"10.2.255.254 switch hnv0\n"
	"subnet 5003 rdid 2 encap vxlan prefix fd00:2::/126 gateway fd00:2::2 "
	"switch hnv-b\n"
	"subnet 5004 rdid 2 encap vxlan switch hnv-b\n"
	"subnet 5005 rdid 3 encap vxlan prefix 10.3.0.0/30 switch hnv0\n";

static const char json_prefixes[] =
	"[{\"vsid\":5001,\"rdid\":1,\"encap\":\"vxlan\","
	"\"prefix\":\"10.1.1.0/24\",\"gateway\":\"10.1.1.1\","
	"\"prefix6\":\"fd00:1::/64\",\"gateway6\":\"fd00:1::1\","
	"\"switch\":\"hnv0\"},"
	"{\"vsid\":5002,\"rdid\":1,\"encap\":\"nvgre\","
	"\"prefix\":\"10.2.0.0/16\",\"gateway\":\"10.2.255.254\","
	"\"switch\":\"hnv0\"},"
	"{\"vsid\":5003,\"rdid\":2,\"encap\":\"vxlan\","
	"\"prefix6\":\"fd00:2::/126\",\"gateway6\":\"fd00:2::2\","
	"\"switch\":\"hnv-b\"},"
	"{\"vsid\":5004,\"rdid\":2,\"encap\":\"vxlan\",\"switch\":\"hnv-b\"},"
	"{\"vsid\":5005,\"rdid\":3,\"encap\":\"vxlan\","
	"\"prefix\":\"10.3.0.0/30\",\"switch\":\"hnv0\"}]\n";

static const char pretty_prefixes[] =
	"[\n"
	"    {\n"
	"        \"vsid\": 5001,\n"
	"        \"rdid\": 1,\n"
	"        \"encap\": \"vxlan\",\n"
	"        \"prefix\": \"10.1.1.0/24\",\n"
	"        \"gateway\": \"10.1.1.1\",\n"
	"        \"prefix6\": \"fd00:1::/64\",\n"
	"        \"gateway6\": \"fd00:1::1\",\n"
	"        \"switch\": \"hnv0\"\n"
	"    }\n"
	"]\n";

static void prefix_reply_tests(void)
{
	struct hnv_subnet s[5];
	struct nl_msg *msg;
	struct capture c;
	struct out o;
	size_t i;

	/* IPv6 first, as a kernel may put them: shown IPv4 first */
	msg = subnet_reply("hnv0", 5001, 1, HNV_ENCAP_VXLAN);
	put_prefix(msg, HNV_A_SUBNET_PREFIX6, "fd00:1::", 64, "fd00:1::1");
	put_prefix(msg, HNV_A_SUBNET_PREFIX4, "10.1.1.0", 24, "10.1.1.1");
	check_int(hnv_parse_subnet(nlmsg_hdr(msg), &s[0]), 0,
		  "parse a subnet with both prefixes");
	check(prefix_is(&s[0].prefix4, "10.1.1.0", 24, "10.1.1.1") &&
	      prefix_is(&s[0].prefix6, "fd00:1::", 64, "fd00:1::1") &&
	      s[0].vsid == 5001 && s[0].rdid == 1,
	      "subnet with both prefixes: addresses, lengths, gateways");
	nlmsg_free(msg);

	msg = subnet_reply("hnv0", 5002, 1, HNV_ENCAP_NVGRE);
	put_prefix(msg, HNV_A_SUBNET_PREFIX4, "10.2.0.0", 16, "10.2.255.254");
	check(!hnv_parse_subnet(nlmsg_hdr(msg), &s[1]) &&
	      prefix_is(&s[1].prefix4, "10.2.0.0", 16, "10.2.255.254") &&
	      !s[1].prefix6.has,
	      "subnet with an IPv4 prefix only");
	nlmsg_free(msg);

	msg = subnet_reply("hnv-b", 5003, 2, HNV_ENCAP_VXLAN);
	put_prefix(msg, HNV_A_SUBNET_PREFIX6, "fd00:2::", 126, "fd00:2::2");
	check(!hnv_parse_subnet(nlmsg_hdr(msg), &s[2]) && !s[2].prefix4.has &&
	      prefix_is(&s[2].prefix6, "fd00:2::", 126, "fd00:2::2"),
	      "subnet with an IPv6 prefix only");
	nlmsg_free(msg);

	msg = subnet_reply("hnv-b", 5004, 2, HNV_ENCAP_VXLAN);
	check(!hnv_parse_subnet(nlmsg_hdr(msg), &s[3]) && !s[3].prefix4.has &&
	      !s[3].prefix6.has,
	      "subnet without prefixes (or of an older kernel): none");
	nlmsg_free(msg);

	msg = subnet_reply("hnv0", 5005, 3, HNV_ENCAP_VXLAN);
	put_prefix(msg, HNV_A_SUBNET_PREFIX4, "10.3.0.0", 30, NULL);
	check(!hnv_parse_subnet(nlmsg_hdr(msg), &s[4]) &&
	      prefix_is(&s[4].prefix4, "10.3.0.0", 30, NULL),
	      "a prefix without HNV_PREFIX_A_GATEWAY is taken, without one");
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	for (i = 0; i < ARRAY_SIZE(s); i++)
		out_subnet(&o, &s[i]);
	check_str(out_close(&o, &c), human_prefixes,
		  "subnet show: \"prefix P gateway G\" after the encap, IPv4 "
		  "first, only those the subnet has; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	for (i = 0; i < ARRAY_SIZE(s); i++)
		out_subnet(&o, &s[i]);
	check_str(out_close(&o, &c), json_prefixes,
		  "subnet show: \"prefix\", \"gateway\", \"prefix6\", "
		  "\"gateway6\" after \"encap\", each only if sent; JSON");
	free(c.buf);

	out_open(&o, &c, true, true);
	out_subnet(&o, &s[0]);
	check_str(out_close(&o, &c), pretty_prefixes,
		  "subnet show: both prefixes, pretty JSON");
	free(c.buf);
}

/* A subnet reply of hnv0 whose nest HNV_A_SUBNET_PREFIX4 or 6 is bad. */
struct bad_prefix {
	const char *what;
	int type;			/* HNV_A_SUBNET_PREFIX4 or 6 */
	int addr_len;			/* -1: no HNV_PREFIX_A_ADDR */
	int len_size;			/* of HNV_PREFIX_A_LEN: 1, 4, 0: none */
	uint32_t len;
	int gw_len;			/* -1: no HNV_PREFIX_A_GATEWAY */
};

static void prefix_bad_tests(void)
{
	static const struct bad_prefix cases[] = {
		{ "an HNV_A_SUBNET_PREFIX4 with a 16-byte address",
		  HNV_A_SUBNET_PREFIX4, 16, 1, 24, 4 },
		{ "an HNV_A_SUBNET_PREFIX6 with a 4-byte address",
		  HNV_A_SUBNET_PREFIX6, 4, 1, 24, 16 },
		{ "a prefix without HNV_PREFIX_A_ADDR",
		  HNV_A_SUBNET_PREFIX4, -1, 1, 24, 4 },
		{ "a prefix without HNV_PREFIX_A_LEN",
		  HNV_A_SUBNET_PREFIX4, 4, 0, 0, 4 },
		{ "a 32-bit HNV_PREFIX_A_LEN",
		  HNV_A_SUBNET_PREFIX4, 4, 4, 24, 4 },
		{ "an IPv4 prefix of length 33",
		  HNV_A_SUBNET_PREFIX4, 4, 1, 33, 4 },
		{ "an IPv6 prefix of length 129",
		  HNV_A_SUBNET_PREFIX6, 16, 1, 129, 16 },
		{ "an IPv6 prefix with a 4-byte gateway",
		  HNV_A_SUBNET_PREFIX6, 16, 1, 64, 4 },
		{ "an IPv4 prefix with a 16-byte gateway",
		  HNV_A_SUBNET_PREFIX4, 4, 1, 24, 16 },
	};
	static const uint8_t bytes[16] = { 10, 1, 1, 0 };
	struct nlattr *nest;
	struct hnv_subnet s;
	struct nl_msg *msg;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct bad_prefix *b = &cases[i];

		msg = subnet_reply("hnv0", 5001, 1, HNV_ENCAP_VXLAN);
		nest = nest_start(msg, b->type);
		if (b->addr_len >= 0)
			nla_put(msg, HNV_PREFIX_A_ADDR, b->addr_len, bytes);
		if (b->len_size == 1)
			nla_put_u8(msg, HNV_PREFIX_A_LEN, b->len);
		else if (b->len_size)
			nla_put_u32(msg, HNV_PREFIX_A_LEN, b->len);
		if (b->gw_len >= 0)
			nla_put(msg, HNV_PREFIX_A_GATEWAY, b->gw_len, bytes);
		nla_nest_end(msg, nest);
		check_int(hnv_parse_subnet(nlmsg_hdr(msg), &s), -EBADMSG,
			  "%s is malformed", b->what);
		nlmsg_free(msg);
	}

	msg = subnet_reply("hnv0", 5001, 1, HNV_ENCAP_VXLAN);
	nest = nest_start(msg, HNV_A_SUBNET_PREFIX4);
	put_ip(msg, HNV_PREFIX_A_ADDR, 4, "10.1.1.0");
	nla_put_u8(msg, HNV_PREFIX_A_LEN, 24);
	put_ip(msg, HNV_PREFIX_A_GATEWAY, 4, "10.1.1.1");
	nla_put_u32(msg, HNV_PREFIX_A_MAX + 1, 7);
	nla_nest_end(msg, nest);
	check(!hnv_parse_subnet(nlmsg_hdr(msg), &s) &&
	      prefix_is(&s.prefix4, "10.1.1.0", 24, "10.1.1.1"),
	      "an unknown attribute in a prefix nest (a newer kernel) is "
	      "skipped");
	nlmsg_free(msg);
}

/* A bound port's reply with the nest HNV_A_PORT_CAS of the n of text. */
static struct nl_msg *cas_reply(const char *const *text, int n)
{
	struct nl_msg *msg = port_reply(5001, mac1, ETH_ALEN);
	struct nlattr *nest = nest_start(msg, HNV_A_PORT_CAS);
	int i;

	for (i = 0; i < n; i++)
		put_ip(msg, 1, strchr(text[i], ':') ? 16 : 4, text[i]);
	nla_nest_end(msg, nest);
	return msg;
}

static const char json_cas_head[] =
	"[{\"ifname\":\"v1\",\"ifindex\":9,\"switch\":\"hnv0\",\"vsid\":5001,"
	"\"mac\":\"02:00:00:00:00:01\",\"cas\":[\"10.1.1.11\",\"fd00:1::11\","
	"\"10.1.1.12\"],\"stats\":{\"rx_packets\":2,";

static void cas_reply_tests(void)
{
	struct hnv_cas want;
	struct nlattr *nest;
	struct hnv_port p;
	struct nl_msg *msg;
	struct capture c;
	struct out o;
	char *text;
	int i;

	msg = cas_reply(three_cas, 3);
	set_cas(&want, three_cas, 3);
	check_int(hnv_parse_port(nlmsg_hdr(msg), &p), 0,
		  "parse a port with three CAs");
	check(p.cas.n == 3 && !memcmp(p.cas.len, want.len, 3) &&
	      !memcmp(p.cas.addr, want.addr, 3 * 16) && p.has_mac &&
	      p.vsid == 5001,
	      "port with CAs: IPv4 and IPv6, 4 and 16 bytes, in order");

	out_open(&o, &c, false, false);
	out_port(&o, &p, "hnv0");
	check_str(line_of(out_close(&o, &c), 0),
		  "port v1 ifindex 9 switch hnv0 vsid 5001 mac "
		  "02:00:00:00:00:01 ca 10.1.1.11 ca fd00:1::11 ca 10.1.1.12",
		  "port show: \"ca A\" for each CA after the MAC, in the "
		  "kernel's order; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_port(&o, &p, "hnv0");
	text = out_close(&o, &c);
	check(!strncmp(text, json_cas_head, strlen(json_cas_head)),
	      "port show: \"cas\", an array of strings after \"mac\"; JSON");
	free(c.buf);

	out_open(&o, &c, true, true);
	out_port(&o, &p, "hnv0");
	text = out_close(&o, &c);
	check(strstr(text, "        \"mac\": \"02:00:00:00:00:01\",\n"
			   "        \"cas\": [\n"
			   "            \"10.1.1.11\",\n"
			   "            \"fd00:1::11\",\n"
			   "            \"10.1.1.12\"\n"
			   "        ],\n"
			   "        \"stats\": {\n") != NULL,
	      "port show: the CAs in pretty JSON");
	free(c.buf);
	nlmsg_free(msg);

	msg = cas_reply(max_cas, HNV_PORT_CAS_MAX);
	set_cas(&want, max_cas, HNV_PORT_CAS_MAX);
	check(!hnv_parse_port(nlmsg_hdr(msg), &p) &&
	      p.cas.n == HNV_PORT_CAS_MAX &&
	      !memcmp(p.cas.addr, want.addr, sizeof(want.addr[0]) *
		      HNV_PORT_CAS_MAX),
	      "port with HNV_PORT_CAS_MAX CAs");
	nlmsg_free(msg);

	msg = cas_reply(three_cas, 0);
	check(!hnv_parse_port(nlmsg_hdr(msg), &p) && !p.cas.n,
	      "an empty HNV_A_PORT_CAS: no CA");
	out_open(&o, &c, false, false);
	out_port(&o, &p, "hnv0");
	check_str(line_of(out_close(&o, &c), 0),
		  "port v1 ifindex 9 switch hnv0 vsid 5001 mac "
		  "02:00:00:00:00:01",
		  "port show without CAs: no \"ca\"");
	free(c.buf);
	nlmsg_free(msg);

	msg = port_reply(5001, mac1, ETH_ALEN);
	nest = nest_start(msg, HNV_A_PORT_CAS);
	nla_put_u32(msg, 2, 1);
	put_ip(msg, 1, 16, "fd00:1::11");
	nla_nest_end(msg, nest);
	check(!hnv_parse_port(nlmsg_hdr(msg), &p) && p.cas.n == 1 &&
	      p.cas.len[0] == 16,
	      "an attribute of another type in HNV_A_PORT_CAS is skipped");
	nlmsg_free(msg);

	msg = port_reply(5001, mac1, ETH_ALEN);
	nest = nest_start(msg, HNV_A_PORT_CAS);
	nla_put(msg, 1, 5, "\x0a\x01\x01\x0b\x00");
	nla_nest_end(msg, nest);
	check_int(hnv_parse_port(nlmsg_hdr(msg), &p), -EBADMSG,
		  "a 5-byte CA is malformed");
	nlmsg_free(msg);

	msg = port_reply(5001, mac1, ETH_ALEN);
	nest = nest_start(msg, HNV_A_PORT_CAS);
	for (i = 0; i <= HNV_CAS; i++)
		put_ip(msg, 1, 4, "10.1.1.11");
	nla_nest_end(msg, nest);
	check_int(hnv_parse_port(nlmsg_hdr(msg), &p), -EBADMSG,
		  "more CAs than hnvctl holds is malformed");
	nlmsg_free(msg);

	msg = port_reply(0, NULL, 0);
	nest = nest_start(msg, HNV_A_PORT_CAS);
	put_ip(msg, 1, 4, "10.1.1.11");
	nla_nest_end(msg, nest);
	hnv_parse_port(nlmsg_hdr(msg), &p);
	out_open(&o, &c, true, false);
	out_port(&o, &p, "hnv0");
	text = out_close(&o, &c);
	check(!strstr(text, "\"cas\"") && !strstr(text, "\"mac\""),
	      "an unbound port shows no CA, whatever the kernel sends");
	free(c.buf);
	nlmsg_free(msg);
}

static const char pretty_vnet[] =
	"[\n"
	"    {\n"
	"        \"rdid\": 1,\n"
	"        \"switch\": \"hnv0\",\n"
	"        \"subnets\": [\n"
	"            5001,\n"
	"            5002\n"
	"        ]\n"
	"    }\n"
	"]\n";

static void vnet_output_tests(void)
{
	struct hnv_subnet v[3] = {
		{ .switch_ifindex = 7, .switch_ifname = "hnv0", .vsid = 5001,
		  .rdid = 1 },
		{ .switch_ifindex = 7, .switch_ifname = "hnv0", .vsid = 5002,
		  .rdid = 1 },
		{ .switch_ifindex = 8, .switch_ifname = "hnv-b",
		  .vsid = HNV_VSID_MAX, .rdid = UINT32_MAX },
	};
	struct capture c;
	struct out o;

	out_open(&o, &c, false, false);
	out_vnet(&o, &v[0], 2);
	out_vnet(&o, &v[2], 1);
	check_str(out_close(&o, &c),
		  "vnet rdid 1 switch hnv0 subnets 5001 5002\n"
		  "vnet rdid 4294967295 switch hnv-b subnets 16777214\n",
		  "vnet show: one line per virtual network, its VSIDs in the "
		  "order given; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_vnet(&o, &v[0], 2);
	out_vnet(&o, &v[2], 1);
	check_str(out_close(&o, &c),
		  "[{\"rdid\":1,\"switch\":\"hnv0\",\"subnets\":[5001,5002]},"
		  "{\"rdid\":4294967295,\"switch\":\"hnv-b\","
		  "\"subnets\":[16777214]}]\n",
		  "vnet show: \"rdid\", \"switch\", \"subnets\" (numbers); "
		  "JSON");
	free(c.buf);

	out_open(&o, &c, true, true);
	out_vnet(&o, &v[0], 2);
	check_str(out_close(&o, &c), pretty_vnet, "vnet show: pretty JSON");
	free(c.buf);
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
	prefix_request_tests();
	prefix_reply_tests();
	prefix_bad_tests();
	cas_reply_tests();
	vnet_output_tests();
	list_tests();
}
