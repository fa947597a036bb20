// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of ipc.c without the hnv module: the unit tests are linked with
 * -Wl,--wrap=nlreq_run, so that the requests ipc.c makes come here while
 * a fake kernel is set.  Each is recorded (command, dump or not, the
 * attributes its put() writes, whether it wants a reply) and answered
 * with made-up replies, handed to its parser.  Without a fake kernel, the
 * real nlreq_run() runs (the live tests of netlink_test.c).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/hnv.h>

#include "ipc.h"
#include "test.h"
#include "util.h"

#define FAMILY 0x22

struct fake_kernel {
	struct nl_msg *replies[4];	/* up to NULL */
	int error;			/* positive errno to fail with */
	/* what the last request was */
	unsigned int calls;
	uint16_t family;
	uint8_t cmd, version;
	bool dump, parses;
	struct nl_msg *request;
};

static struct fake_kernel *fake;

int __real_nlreq_run(struct nl_sock *sk, const struct nlreq *r,
		     struct nlerr *err);
int __wrap_nlreq_run(struct nl_sock *sk, const struct nlreq *r,
		     struct nlerr *err);

int __wrap_nlreq_run(struct nl_sock *sk, const struct nlreq *r,
		     struct nlerr *err)
{
	struct nl_msg **reply;
	int ret;

	if (!fake)
		return __real_nlreq_run(sk, r, err);
	fake->calls++;
	fake->family = r->family;
	fake->cmd = r->cmd;
	fake->version = r->version;
	fake->dump = r->dump;
	fake->parses = r->parse;
	nlmsg_free(fake->request);
	fake->request = nlmsg_alloc();
	genlmsg_put(fake->request, 0, 1, r->family, 0,
		    r->dump ? NLM_F_DUMP : NLM_F_ACK, r->cmd, r->version);
	if (r->put && r->put(fake->request, r->put_arg))
		return nlerr_set(err, EMSGSIZE, "put failed");
	if (fake->error)
		return nlerr_set(err, fake->error, NULL);
	for (reply = fake->replies; *reply && r->parse; reply++) {
		ret = r->parse(nlmsg_hdr(*reply), r->parse_arg);
		if (ret < 0)
			return nlerr_set(err, -ret, "parse failed");
	}
	return 0;
}

static struct nl_msg *message(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 1, FAMILY, 0, NLM_F_MULTI, cmd, HNV_GENL_VERSION);
	return msg;
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

/* The last request was cmd, a dump or not, with or without a parser. */
static bool was(uint8_t cmd, bool dump, bool parses)
{
	return fake->calls == 1 && fake->family == FAMILY &&
	       fake->version == HNV_GENL_VERSION && fake->cmd == cmd &&
	       fake->dump == dump && fake->parses == parses;
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
	struct hnv_uft_conf uft = {
		.has = HNV_UFT_SET_PORT_MAX | HNV_UFT_SET_IDLE_MS,
		.max = 5, .port_max = 100, .idle_ms = 600,
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

	ret = hnv_port_set(&h, &v1, 5001, mac, &err);
	n = request_attrs(tb);
	check(!ret && was(HNV_CMD_PORT_SET, false, false) && n == 3 &&
	      tb[HNV_A_PORT_MAC],
	      "hnv_port_set: PORT_SET, no dump, ACK only, port, VSID, MAC");
	clear(&k);

	ret = hnv_port_set(&h, &v1, 0, NULL, &err);
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
}
