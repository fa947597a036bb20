// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Generic netlink: the static routes of the distributed router.
 */

#include <linux/inetdevice.h>
#include <linux/rtnetlink.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "compat.h"
#include "netlink.h"

const struct nla_policy hnv_route_policy[HNV_A_MAX + 1] = {
	[HNV_A_SWITCH_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[HNV_A_RDID]		= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_ROUTE_PREFIX]	= NLA_POLICY_NESTED(hnv_net_policy),
	[HNV_A_ROUTE_VIA]	= NLA_POLICY_MIN_LEN(4),
	[HNV_A_REPLACE]		= { .type = NLA_FLAG },
};

/* HNV_A_RDID and HNV_A_ROUTE_PREFIX (and HNV_A_ROUTE_VIA if @via). */
static int hnv_nl_route_parse(struct genl_info *info, struct hnv_route *rt,
			      bool via)
{
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr **attrs = info->attrs;
	int err, alen;

	if (HNV_NL_MISSING(info, HNV_A_RDID) ||
	    HNV_NL_MISSING(info, HNV_A_ROUTE_PREFIX) ||
	    (via && HNV_NL_MISSING(info, HNV_A_ROUTE_VIA)))
		return -EINVAL;
	memset(rt, 0, sizeof(*rt));
	rt->rdid = nla_get_u32(attrs[HNV_A_RDID]);
	err = hnv_nl_parse_net(attrs[HNV_A_ROUTE_PREFIX], &alen, &rt->p.addr,
			       &rt->p.len, extack);
	if (err)
		return err;
	rt->v6 = alen == 16;
	if (!via)
		return 0;
	if (nla_len(attrs[HNV_A_ROUTE_VIA]) != alen) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[HNV_A_ROUTE_VIA],
				    "the next hop must be of the prefix's address family");
		return -EINVAL;
	}
	memcpy(&rt->via, nla_data(attrs[HNV_A_ROUTE_VIA]), alen);
	return 0;
}

int hnv_nl_route_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct hnv_switch *sw;
	struct hnv_route rt;
	int err;

	err = hnv_nl_route_parse(info, &rt, true);
	if (err)
		return err;
	rtnl_lock();
	sw = hnv_nl_switch_required(genl_info_net(info), info->attrs,
				    info->extack);
	err = IS_ERR(sw) ? PTR_ERR(sw) :
		hnv_route_add(sw, &rt, nla_get_flag(info->attrs[HNV_A_REPLACE]),
			      info->extack);
	rtnl_unlock();
	return err;
}

int hnv_nl_route_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct hnv_switch *sw;
	struct hnv_route rt;
	int err;

	err = hnv_nl_route_parse(info, &rt, false);
	if (err)
		return err;
	rtnl_lock();
	sw = hnv_nl_switch_required(genl_info_net(info), info->attrs,
				    info->extack);
	err = IS_ERR(sw) ? PTR_ERR(sw) : hnv_route_del(sw, &rt, info->extack);
	rtnl_unlock();
	return err;
}

static int hnv_nl_fill_route(struct sk_buff *skb, struct hnv_switch *sw,
			     const struct hnv_route *rt,
			     struct netlink_callback *cb)
{
	int alen = rt->v6 ? 16 : 4;
	struct nlattr *nest;
	void *hdr;

	hdr = hnv_nl_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			 NLM_F_MULTI, HNV_CMD_ROUTE_GET, cb);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, HNV_A_SWITCH_IFINDEX, sw->dev->ifindex) ||
	    nla_put_u32(skb, HNV_A_RDID, rt->rdid))
		goto cancel;
	nest = nla_nest_start(skb, HNV_A_ROUTE_PREFIX);
	if (!nest ||
	    nla_put(skb, HNV_PREFIX_A_ADDR, alen, &rt->p.addr) ||
	    nla_put_u8(skb, HNV_PREFIX_A_LEN, rt->p.len))
		goto cancel;
	nla_nest_end(skb, nest);
	if (nla_put(skb, HNV_A_ROUTE_VIA, alen, &rt->via))
		goto cancel;
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static int hnv_nl_dump_routes(struct sk_buff *skb, struct hnv_switch *sw,
			      struct netlink_callback *cb, void *arg)
{
	const struct hnv_route *rt;
	u32 rdid = *(u32 *)arg;
	long pos = 0;
	int err;

	list_for_each_entry(rt, &sw->routes, list) {
		if ((rdid && rt->rdid != rdid) || !hnv_nl_dump_next(cb, &pos))
			continue;
		err = hnv_nl_fill_route(skb, sw, rt, cb);
		if (err)
			return err;
		hnv_nl_dump_sent(cb, pos);
	}
	return 0;
}

int hnv_nl_route_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct nlattr **attrs = hnv_dump_attrs(cb);
	struct hnv_switch *only;
	u32 rdid = 0;
	int err;

	if (attrs[HNV_A_RDID])
		rdid = nla_get_u32(attrs[HNV_A_RDID]);
	rtnl_lock();
	only = hnv_nl_switch(net, attrs, cb->extack);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
	} else {
		cb->seq = hnv_net(net)->gen;
		err = hnv_nl_dump_switches(skb, cb, only, hnv_nl_dump_routes,
					   &rdid);
	}
	rtnl_unlock();
	return hnv_nl_dump_end(skb, err);
}
