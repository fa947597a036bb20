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

static const struct nla_policy hnv_route_prefix_policy[HNV_PREFIX_A_MAX + 1] = {
	[HNV_PREFIX_A_ADDR]	= NLA_POLICY_MIN_LEN(4),
	[HNV_PREFIX_A_LEN]	= NLA_POLICY_MAX(NLA_U8, 128),
};

const struct nla_policy hnv_route_policy[HNV_A_MAX + 1] = {
	[HNV_A_SWITCH_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[HNV_A_RDID]		= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_ROUTE_PREFIX]	= NLA_POLICY_NESTED(hnv_route_prefix_policy),
	[HNV_A_ROUTE_VIA]	= NLA_POLICY_MIN_LEN(4),
	[HNV_A_REPLACE]		= { .type = NLA_FLAG },
};

/* HNV_A_RDID and HNV_A_ROUTE_PREFIX (and HNV_A_ROUTE_VIA if @via). */
static int hnv_nl_route_parse(struct genl_info *info, struct hnv_route *rt,
			      bool via)
{
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *tb[HNV_PREFIX_A_MAX + 1];
	struct nlattr **attrs = info->attrs;
	struct in6_addr masked;
	int err, alen;
	bool bad;

	if (GENL_REQ_ATTR_CHECK(info, HNV_A_RDID) ||
	    GENL_REQ_ATTR_CHECK(info, HNV_A_ROUTE_PREFIX) ||
	    (via && GENL_REQ_ATTR_CHECK(info, HNV_A_ROUTE_VIA)))
		return -EINVAL;
	memset(rt, 0, sizeof(*rt));
	rt->rdid = nla_get_u32(attrs[HNV_A_RDID]);
	err = nla_parse_nested(tb, HNV_PREFIX_A_MAX, attrs[HNV_A_ROUTE_PREFIX],
			       hnv_route_prefix_policy, extack);
	if (err)
		return err;
	if (!tb[HNV_PREFIX_A_ADDR] || !tb[HNV_PREFIX_A_LEN]) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[HNV_A_ROUTE_PREFIX],
				    "a prefix needs HNV_PREFIX_A_ADDR and HNV_PREFIX_A_LEN");
		return -EINVAL;
	}
	alen = nla_len(tb[HNV_PREFIX_A_ADDR]);
	if (alen != 4 && alen != 16) {
		NL_SET_ERR_MSG_ATTR(extack, tb[HNV_PREFIX_A_ADDR],
				    "a prefix is 4 (IPv4) or 16 (IPv6) bytes");
		return -EINVAL;
	}
	rt->v6 = alen == 16;
	memcpy(&rt->p.addr, nla_data(tb[HNV_PREFIX_A_ADDR]), alen);
	rt->p.len = nla_get_u8(tb[HNV_PREFIX_A_LEN]);
	if (rt->p.len > alen * 8) {
		NL_SET_ERR_MSG_ATTR(extack, tb[HNV_PREFIX_A_LEN],
				    "the prefix length is longer than the address");
		return -EINVAL;
	}
	if (rt->v6) {
		ipv6_addr_prefix(&masked, &rt->p.addr.v6, rt->p.len);
		bad = !ipv6_addr_equal(&masked, &rt->p.addr.v6);
	} else {
		bad = rt->p.len < 32 &&
		      rt->p.addr.v4 & ~inet_make_mask(rt->p.len);
	}
	if (bad) {
		NL_SET_ERR_MSG_ATTR(extack, tb[HNV_PREFIX_A_ADDR],
				    "the prefix has bits set past its length");
		return -EINVAL;
	}
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

/* cb->args[0]: switches done, [1]: routes of the current one. */
int hnv_nl_route_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct nlattr **attrs = hnv_dump_attrs(cb);
	struct hnv_switch *sw, *only;
	const struct hnv_route *rt;
	long si = 0, ri;
	u32 rdid = 0;
	int err = 0;

	if (attrs[HNV_A_RDID])
		rdid = nla_get_u32(attrs[HNV_A_RDID]);
	rtnl_lock();
	only = hnv_nl_switch(net, attrs, cb->extack);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
		goto out;
	}
	cb->seq = hnv_net(net)->gen;
	list_for_each_entry(sw, &hnv_net(net)->switches, net_list) {
		if (si++ < cb->args[0] || (only && sw != only))
			continue;
		ri = 0;
		list_for_each_entry(rt, &sw->routes, list) {
			if (rdid && rt->rdid != rdid)
				continue;
			if (ri++ < cb->args[1])
				continue;
			err = hnv_nl_fill_route(skb, sw, rt, cb);
			if (err)
				goto out;
			cb->args[1] = ri;
		}
		cb->args[0] = si;
		cb->args[1] = 0;
	}
out:
	rtnl_unlock();
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}
