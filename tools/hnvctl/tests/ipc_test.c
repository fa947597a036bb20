// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of ipc.c without the hnv module: the unit tests are linked with
 * -Wl,--wrap=nlreq_run, so that the requests ipc.c makes come here while
 * a fake kernel is set.  Each is recorded (command, dump or not, the
 * attributes its put() writes, whether it wants a reply) and answered
 * with made-up replies, handed to its parser.  Without a fake kernel, the
 * real nlreq_run() runs (the live tests of netlink_test.c).  batch_test.c
 * uses the same fake through ipc_fake_begin().
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/hnv.h>

#include "fake_nl.h"
#include "ipc.h"
#include "msg.h"
#include "test.h"
#include "util.h"

#define FAMILY 0x22

struct fake_kernel {
	struct nl_msg *replies[4];	/* up to NULL */
	int error;			/* positive errno to fail with */
	/* if set, gives the replies to each request instead */
	struct nl_msg *const *(*answer)(const struct nlreq *r);
	/* what the last request was */
	unsigned int calls;
	uint16_t family, flags;
	uint8_t cmd, version;
	bool dump, parses;
	struct nl_msg *request;
	/* refuse the request being answered: ipc_fake_refuse() */
	int refuse;
	char refuse_msg[256];
	int refuse_attr;
};

static struct fake_kernel *fake;

int __real_nlreq_run(struct nl_sock *sk, const struct nlreq *r,
		     struct nlerr *err);
int __wrap_nlreq_run(struct nl_sock *sk, const struct nlreq *r,
		     struct nlerr *err);

int __wrap_nlreq_run(struct nl_sock *sk, const struct nlreq *r,
		     struct nlerr *err)
{
	struct nl_msg *const *reply;
	int ret;

	if (!fake)
		return __real_nlreq_run(sk, r, err);
	fake->calls++;
	fake->family = r->family;
	fake->flags = r->flags;
	fake->cmd = r->cmd;
	fake->version = r->version;
	fake->dump = r->dump;
	fake->parses = r->parse;
	nlmsg_free(fake->request);
	fake->request = nlmsg_alloc();
	genlmsg_put(fake->request, 0, 1, r->family, 0,
		    (r->dump ? NLM_F_DUMP : NLM_F_ACK) | r->flags, r->cmd,
		    r->version);
	if (r->put && r->put(fake->request, r->put_arg))
		return nlerr_set(err, EMSGSIZE, "put failed");
	if (fake->error)
		return nlerr_set(err, fake->error, NULL);
	reply = fake->answer ? fake->answer(r) : fake->replies;
	if (fake->refuse) {
		ret = fake->refuse;
		fake->refuse = 0;
		nlerr_set(err, ret, "%s", fake->refuse_msg);
		err->attr = fake->refuse_attr;
		return -1;
	}
	for (; reply && *reply && r->parse; reply++) {
		ret = r->parse(nlmsg_hdr(*reply), r->parse_arg);
		if (ret < 0)
			return nlerr_set(err, -ret, "parse failed");
	}
	return 0;
}

static struct nl_msg *subnet_msg(uint32_t vsid)
{
	struct nl_msg *msg = message(HNV_CMD_SUBNET_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, "hnv0");
	nla_put_u32(msg, HNV_A_VSID, vsid);
	nla_put_u32(msg, HNV_A_RDID, 1);
	nla_put_u8(msg, HNV_A_ENCAP, HNV_ENCAP_NVGRE);
	return msg;
}

static struct nl_msg *flow_msg(uint32_t out)
{
	static const uint8_t mac[ETH_ALEN] = { 2, 0, 0, 0, 0, 1 };
	struct nl_msg *msg = message(HNV_CMD_FLOW_GET);
	struct nlattr *flow, *acts;

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	flow = nla_nest_start(msg, HNV_A_FLOW);
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, mac);
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, mac);
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE, htons(0x0806));
	acts = nla_nest_start(msg, HNV_FLOW_A_ACTIONS);
	nla_put_u32(msg, HNV_ACTION_A_OUTPUT, out);
	nla_nest_end(msg, acts);
	nla_nest_end(msg, flow);
	return msg;
}

static struct nl_msg *map_msg(uint32_t vsid, uint8_t last, bool ca)
{
	static const uint8_t pa[4] = { 192, 168, 2, 20 };
	uint8_t mac[ETH_ALEN] = { 2, 0, 0, 0, 0, last };
	struct nl_msg *msg = message(HNV_CMD_MAP_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_VSID, vsid);
	nla_put(msg, HNV_A_MAP_MAC, ETH_ALEN, mac);
	nla_put(msg, HNV_A_MAP_PA, 4, pa);
	if (ca)
		nla_put(msg, HNV_A_MAP_CA, 4, "\x0a\x01\x01\x0c");
	return msg;
}

static void clear(struct fake_kernel *k)
{
	struct nl_msg **reply;

	for (reply = k->replies; *reply; reply++)
		nlmsg_free(*reply);
	nlmsg_free(k->request);
	memset(k, 0, sizeof(*k));
}

/* The top-level attributes of the last request, and how many. */
static int request_attrs(struct nlattr **tb)
{
	struct nlmsghdr *nlh = nlmsg_hdr(fake->request);
	struct nlattr *a;
	int rem, n = 0;

	genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL);
	nla_for_each_attr(a, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem)
		n++;
	return n;
}

static struct fake_kernel shared;

/* From now on nlreq_run() gets the replies answer(r) gives (NULL: none). */
void ipc_fake_begin(struct nl_msg *const *(*answer)(const struct nlreq *r))
{
	clear(&shared);
	shared.answer = answer;
	fake = &shared;
}

/*
 * For an answer hook: the request being answered fails with the positive
 * errno code, the extack message msg and the attribute attr blamed (-1:
 * none), as nlreq_run() reports the kernel's refusal.
 */
void ipc_fake_refuse(int code, const char *msg, int attr)
{
	fake->refuse = code;
	snprintf(fake->refuse_msg, sizeof(fake->refuse_msg), "%s", msg);
	fake->refuse_attr = attr;
}

/* Back to the real nlreq_run(); returns how many requests the fake got. */
unsigned int ipc_fake_end(void)
{
	unsigned int calls = shared.calls;

	clear(&shared);
	fake = NULL;
	return calls;
}

/* The last request was cmd, a dump or not, with or without a parser. */
static bool was(uint8_t cmd, bool dump, bool parses)
{
	return fake->calls == 1 && fake->family == FAMILY &&
	       fake->version == HNV_GENL_VERSION && fake->cmd == cmd &&
	       fake->dump == dump && fake->parses == parses;
}

static bool has_flag(uint16_t flag)
{
	return nlmsg_hdr(fake->request)->nlmsg_flags & flag;
}

static struct fake_nl *piped;		/* for the answer hook below */
static unsigned long piped_seen;	/* requests it had answered */

static struct nl_msg *const *count_piped(const struct nlreq *r)
{
	(void)r;
	piped_seen = piped->requests - fake_nl_unanswered(piped);
	return NULL;
}

static void record_tag(void *arg, unsigned long tag, const struct nlerr *err)
{
	(void)err;
	*(unsigned long *)arg = tag;
}

/*
 * Refuses MAP_DEL requests, and MAP_NEW requests without the flag
 * HNV_A_REPLACE (the test queues a replace) or with nlmsg_flags generic
 * netlink would refuse.
 */
static int refuse_del(void *arg, const struct nlmsghdr *req, const char **msg,
		      int *attr)
{
	const struct genlmsghdr *g = nlmsg_data(req);
	struct nlattr *tb[HNV_A_MAX + 1];

	(void)arg;
	if (g->cmd == HNV_CMD_MAP_NEW &&
	    (req->nlmsg_flags != (NLM_F_REQUEST | NLM_F_ACK) ||
	     genlmsg_parse((struct nlmsghdr *)req, 0, tb, HNV_A_MAX, NULL) ||
	     !tb[HNV_A_REPLACE] || nla_len(tb[HNV_A_REPLACE])))
		return EINVAL;
	if (g->cmd != HNV_CMD_MAP_DEL)
		return 0;
	*msg = "no such switch";
	*attr = HNV_A_SWITCH_IFNAME;
	return ENODEV;
}

static void ipc_map_tests(void)
{
	struct hnv_switch_conf conf = {
		.has = HNV_SWITCH_SET_PAS | HNV_SWITCH_SET_VXLAN_PORT,
		.pas = { 2, { { 192, 168, 1, 10 }, { 192, 168, 1, 11 } } },
		.vxlan_port = 4789,
	};
	struct hnv_map map = {
		.vsid = 5001, .mac = { 2, 0, 0, 0, 0, 2 }, .ca_len = 4,
		.ca = { 10, 1, 1, 12 }, .pa = { 192, 168, 2, 20 },
	};
	struct hnv h = { .sk = NULL, .family = { .id = FAMILY } };
	struct hnv_sel hnv0 = { .ifname = "hnv0" }, by_index = { .ifindex = 7 };
	struct hnv_subnet subnet = { .vsid = 5002, .rdid = 1 };
	struct hnv_map_list maps = { 0 };
	struct nlattr *tb[HNV_A_MAX + 1];
	struct fake_kernel k = { 0 };
	struct fake_nl kernel = { 0 };
	unsigned long refused = 0;
	struct nlpipe pipe;
	struct nlerr err;
	int ret, n;

	fake = &k;
	ret = hnv_map_new(&h, &hnv0, &map, false, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_MAP_NEW, false, false) && n == 5 &&
	      !tb[HNV_A_REPLACE] && !fake->flags &&
	      !has_flag(NLM_F_REPLACE) && has_flag(NLM_F_ACK),
	      "hnv_map_new: MAP_NEW, ACK only, 5 attributes, no "
	      "HNV_A_REPLACE, no NLM_F_REPLACE");
	clear(&k);

	ret = hnv_map_new(&h, &hnv0, &map, true, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_MAP_NEW, false, false) && n == 6 &&
	      tb[HNV_A_REPLACE] && !nla_len(tb[HNV_A_REPLACE]) &&
	      tb[HNV_A_MAP_PA] && has_flag(NLM_F_ACK),
	      "hnv_map_new replace: MAP_NEW with the flag HNV_A_REPLACE and "
	      "NLM_F_ACK");
	check(!fake->flags && !has_flag(NLM_F_REPLACE),
	      "hnv_map_new replace: no NLM_F_REPLACE, which generic netlink "
	      "reserves for dumps");
	clear(&k);

	ret = hnv_map_del(&h, &hnv0, 5001, map.mac, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_MAP_DEL, false, false) && n == 3 &&
	      !fake->flags && tb[HNV_A_MAP_MAC] && !tb[HNV_A_MAP_PA],
	      "hnv_map_del: MAP_DEL, ACK only, switch, VSID, MAC");
	clear(&k);

	k.replies[0] = map_msg(5001, 2, true);
	k.replies[1] = map_msg(5002, 3, false);
	ret = hnv_map_dump(&h, &by_index, 5001, &maps, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_MAP_GET, true, true) && n == 2 &&
	      tb[HNV_A_SWITCH_IFINDEX] && tb[HNV_A_VSID] && maps.n == 2 &&
	      maps.v[0].ca_len == 4 && !maps.v[1].ca_len &&
	      maps.v[1].vsid == 5002,
	      "hnv_map_dump: MAP_GET dump with switch and VSID, a list");
	clear(&k);
	hnv_map_list_free(&maps);

	ret = hnv_map_dump(&h, &(struct hnv_sel){ 0 }, 0, &maps, &err);
	check(!ret && was(HNV_CMD_MAP_GET, true, true) && !request_attrs(tb),
	      "hnv_map_dump of every switch and VSID: no attribute");
	clear(&k);

	ret = hnv_switch_set(&h, &hnv0, &conf, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_SWITCH_SET, false, false) && n == 3 &&
	      tb[HNV_A_SWITCH_PAS] && tb[HNV_A_SWITCH_VXLAN_PORT] &&
	      nla_get_u16(tb[HNV_A_SWITCH_VXLAN_PORT]) == 4789,
	      "hnv_switch_set: the switch, HNV_A_SWITCH_PAS, "
	      "HNV_A_SWITCH_VXLAN_PORT");
	clear(&k);

	conf.has |= HNV_SWITCH_SET_STRICT;
	conf.strict = true;
	ret = hnv_switch_set(&h, &hnv0, &conf, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_SWITCH_SET, false, false) && n == 4 &&
	      tb[HNV_A_SWITCH_PAS] && tb[HNV_A_SWITCH_VXLAN_PORT] &&
	      tb[HNV_A_SWITCH_STRICT] && nla_len(tb[HNV_A_SWITCH_STRICT]) == 1 &&
	      nla_get_u8(tb[HNV_A_SWITCH_STRICT]) == 1,
	      "hnv_switch_set with strict on: HNV_A_SWITCH_STRICT 1 too");
	clear(&k);

	conf.has |= HNV_SWITCH_SET_NVGRE_FLOWID;
	conf.nvgre_flowid = false;
	ret = hnv_switch_set(&h, &hnv0, &conf, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_SWITCH_SET, false, false) && n == 5 &&
	      tb[HNV_A_SWITCH_STRICT] && tb[HNV_A_SWITCH_NVGRE_FLOWID] &&
	      nla_len(tb[HNV_A_SWITCH_NVGRE_FLOWID]) == 1 &&
	      nla_get_u8(tb[HNV_A_SWITCH_NVGRE_FLOWID]) == 0,
	      "hnv_switch_set with nvgre-flowid off: "
	      "HNV_A_SWITCH_NVGRE_FLOWID 0 too");
	clear(&k);

	/* through a pipe: queued, answered later, before any other request */
	nlpipe_init(&pipe, NULL, 16, &err);
	pipe.io = &fake_nl_io;
	pipe.io_ctx = &kernel;
	pipe.fail = record_tag;
	pipe.fail_arg = &refused;
	h.pipe = &pipe;
	h.tag = 41;
	ret = hnv_map_new(&h, &hnv0, &map, true, &err);
	check(!ret && !k.calls && pipe.count == 1 && !kernel.requests,
	      "hnv_map_new with a pipe: queued, not run");
	h.tag = 42;
	kernel.judge = refuse_del;
	ret = hnv_map_del(&h, &hnv0, 5001, map.mac, &err);
	check(!ret && !k.calls && pipe.count == 2,
	      "hnv_map_del with a pipe: queued, not run");
	piped = &kernel;
	k.answer = count_piped;
	ret = hnv_subnet_new(&h, &hnv0, &subnet, &err);
	check(!ret && k.calls == 1 && piped_seen == 2 && !pipe.count &&
	      kernel.datagrams == 1,
	      "a request that waits runs after the pipe's, answered");
	check(refused == 42 && pipe.failed == 1 && pipe.acked == 1,
	      "the kernel's refusal of a queued request comes with its tag; "
	      "the queued replace had HNV_A_REPLACE, no NLM_F_REPLACE");
	nlpipe_free(&pipe);
	fake_nl_free(&kernel);
	clear(&k);
	fake = NULL;
}

void ipc_tests(void)
{
	static const uint8_t mac[ETH_ALEN] = { 2, 0, 0, 0, 0, 1 };
	struct hnv_subnet subnet = {
		.vsid = 5001, .rdid = 1, .encap = HNV_ENCAP_VXLAN,
	};
	struct hnv h = { .sk = NULL, .family = { .id = FAMILY } };
	struct hnv_sel hnv0 = { .ifname = "hnv0" }, v1 = { .ifname = "v1" };
	struct hnv_sel none = { 0 };
	struct hnv_switch_conf uft = { .uft = {
		.has = HNV_UFT_SET_PORT_MAX | HNV_UFT_SET_IDLE_MS,
		.max = 5, .port_max = 100, .idle_ms = 600,
	} };
	struct hnv_subnet prefixed = {
		.vsid = 5002, .rdid = 1,
		.prefix4 = { .has = true, .len = 24, .addr = { 10, 1, 1 } },
	};
	struct hnv_cas cas = {
		.n = 2, .len = { 4, 16 },
		.addr = { { 10, 1, 1, 11 }, { 0xfd, 0, 0, 1 } },
	};
	struct hnv_subnet_list subnets = { 0 };
	struct hnv_flow_list flows = { 0 };
	struct nlattr *tb[HNV_A_MAX + 1];
	struct fake_kernel k = { 0 };
	struct nlerr err;
	int ret, n;

	fake = &k;

	ret = hnv_subnet_new(&h, &hnv0, &subnet, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_SUBNET_NEW, false, false) && n == 4 &&
	      tb[HNV_A_ENCAP] && nla_get_u8(tb[HNV_A_ENCAP]) == HNV_ENCAP_VXLAN,
	      "hnv_subnet_new: SUBNET_NEW, no dump, ACK only, 4 attributes");
	clear(&k);

	ret = hnv_subnet_new(&h, &hnv0, &prefixed, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_SUBNET_NEW, false, false) && n == 4 &&
	      tb[HNV_A_SUBNET_PREFIX4] && !tb[HNV_A_SUBNET_PREFIX6] &&
	      !tb[HNV_A_ENCAP],
	      "hnv_subnet_new with an IPv4 prefix: HNV_A_SUBNET_PREFIX4 too");
	clear(&k);

	ret = hnv_subnet_del(&h, &hnv0, 5001, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_SUBNET_DEL, false, false) && n == 2 &&
	      tb[HNV_A_VSID] && nla_get_u32(tb[HNV_A_VSID]) == 5001,
	      "hnv_subnet_del: SUBNET_DEL, no dump, ACK only, switch and VSID");
	clear(&k);

	k.replies[0] = subnet_msg(5001);
	memset(&subnet, 0, sizeof(subnet));
	ret = hnv_subnet_get(&h, &hnv0, 5001, &subnet, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_SUBNET_GET, false, true) && n == 2 &&
	      subnet.vsid == 5001 && subnet.encap == HNV_ENCAP_NVGRE,
	      "hnv_subnet_get: SUBNET_GET, no dump, parses its reply");
	clear(&k);

	k.replies[0] = subnet_msg(5001);
	k.replies[1] = subnet_msg(5002);
	ret = hnv_subnet_dump(&h, &none, &subnets, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_SUBNET_GET, true, true) && n == 0 &&
	      subnets.n == 2 && subnets.v[1].vsid == 5002,
	      "hnv_subnet_dump: SUBNET_GET dump without selector, a list");
	clear(&k);
	hnv_subnet_list_free(&subnets);

	ret = hnv_subnet_dump(&h, &hnv0, &subnets, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_SUBNET_GET, true, true) && n == 1 &&
	      tb[HNV_A_SWITCH_IFNAME] && !tb[HNV_A_VSID] && !subnets.n,
	      "hnv_subnet_dump of a switch: its name only, no subnet");
	clear(&k);

	ret = hnv_port_set(&h, &v1, 5001, mac, NULL, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_PORT_SET, false, false) && n == 3 &&
	      tb[HNV_A_PORT_MAC],
	      "hnv_port_set: PORT_SET, no dump, ACK only, port, VSID, MAC");
	clear(&k);

	ret = hnv_port_set(&h, &v1, 5001, mac, &cas, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_PORT_SET, false, false) && n == 4 &&
	      tb[HNV_A_PORT_MAC] && tb[HNV_A_PORT_CAS] &&
	      nla_len(tb[HNV_A_PORT_CAS]) == 2 * NLA_HDRLEN + 4 + 16,
	      "hnv_port_set with two CAs: port, VSID, MAC, HNV_A_PORT_CAS "
	      "of an IPv4 and an IPv6 address");
	clear(&k);

	ret = hnv_port_set(&h, &v1, 0, NULL, NULL, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_PORT_SET, false, false) && n == 2 &&
	      tb[HNV_A_VSID] && !nla_get_u32(tb[HNV_A_VSID]) &&
	      !tb[HNV_A_PORT_MAC],
	      "hnv_port_set to unbind: VSID 0, no MAC");
	clear(&k);

	k.replies[0] = flow_msg(10);
	k.replies[1] = flow_msg(11);
	k.replies[2] = flow_msg(12);
	ret = hnv_flow_dump(&h, &v1, &hnv0, &flows, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_FLOW_GET, true, true) && n == 2 &&
	      flows.n == 3 && flows.v[2].nactions == 1 &&
	      flows.v[2].actions[0].arg == 12,
	      "hnv_flow_dump: FLOW_GET dump with port and switch, a list");
	clear(&k);
	hnv_flow_list_free(&flows);

	ret = hnv_flow_flush(&h, &none, &hnv0, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_FLOW_FLUSH, false, false) && n == 1 &&
	      tb[HNV_A_SWITCH_IFNAME],
	      "hnv_flow_flush: FLOW_FLUSH, no dump, ACK only, the switch");
	clear(&k);

	ret = hnv_switch_set(&h, &hnv0, &uft, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_SWITCH_SET, false, false) && n == 3 &&
	      tb[HNV_A_SWITCH_IFNAME] && tb[HNV_A_SWITCH_UFT_PORT_MAX] &&
	      nla_get_u32(tb[HNV_A_SWITCH_UFT_PORT_MAX]) == 100 &&
	      tb[HNV_A_SWITCH_UFT_IDLE_MS] &&
	      nla_get_u32(tb[HNV_A_SWITCH_UFT_IDLE_MS]) == 600 &&
	      !tb[HNV_A_SWITCH_UFT_MAX],
	      "hnv_switch_set: SWITCH_SET, no dump, ACK only, the switch and "
	      "the given settings");
	clear(&k);

	k.error = ERANGE;
	ret = hnv_switch_set(&h, &hnv0, &uft, &err);
	check(ret == -1 && err.code == ERANGE,
	      "hnv_switch_set passes the kernel's error on");
	clear(&k);

	k.error = EEXIST;
	ret = hnv_subnet_new(&h, &hnv0, &subnet, &err);
	check(ret == -1 && err.code == EEXIST,
	      "hnv_subnet_new passes the kernel's error on");
	clear(&k);

	fake = NULL;
	ipc_map_tests();
}
