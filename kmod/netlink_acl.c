// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Generic netlink: ACL rules, tracked connections and traces.
 */

#include <linux/inetdevice.h>
#include <linux/rtnetlink.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "compat.h"
#include "engine.h"
#include "netlink.h"

static struct netlink_range_validation hnv_acl_vsid_range = {
	.min = HNV_VSID_MIN,
	.max = HNV_VSID_MAX,
};

static struct netlink_range_validation hnv_acl_prio_range = {
	.min = 1,
	.max = 65535,
};

/* What a request may carry in HNV_A_ACL; the rest is output only. */
static const struct nla_policy hnv_acl_rule_policy[HNV_ACL_A_MAX + 1] = {
	[HNV_ACL_A_DIR]		= NLA_POLICY_RANGE(NLA_U8, HNV_ACL_DIR_IN,
						   HNV_ACL_DIR_MAX),
	[HNV_ACL_A_PRIORITY]	= NLA_POLICY_FULL_RANGE(NLA_U32,
							&hnv_acl_prio_range),
	[HNV_ACL_A_ACTION]	= NLA_POLICY_RANGE(NLA_U8, HNV_ACL_ACTION_ALLOW,
						   HNV_ACL_ACTION_MAX),
	[HNV_ACL_A_STATEFUL]	= { .type = NLA_FLAG },
	[HNV_ACL_A_DEFAULT]	= { .type = NLA_FLAG },
	[HNV_ACL_A_PROTO]	= { .type = NLA_U8 },
	[HNV_ACL_A_SRC]		= NLA_POLICY_NESTED(hnv_net_policy),
	[HNV_ACL_A_DST]		= NLA_POLICY_NESTED(hnv_net_policy),
	[HNV_ACL_A_SPORT_MIN]	= { .type = NLA_U16 },
	[HNV_ACL_A_SPORT_MAX]	= { .type = NLA_U16 },
	[HNV_ACL_A_DPORT_MIN]	= { .type = NLA_U16 },
	[HNV_ACL_A_DPORT_MAX]	= { .type = NLA_U16 },
};

const struct nla_policy hnv_acl_policy[HNV_A_MAX + 1] = {
	[HNV_A_SWITCH_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[HNV_A_PORT_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_PORT_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[HNV_A_VSID]		= NLA_POLICY_FULL_RANGE(NLA_U32,
							&hnv_acl_vsid_range),
	[HNV_A_ACL]		= NLA_POLICY_NESTED(hnv_acl_rule_policy),
	[HNV_A_REPLACE]		= { .type = NLA_FLAG },
};

static const struct nla_policy hnv_trace_flow_policy[HNV_FLOW_A_MAX + 1] = {
	[HNV_FLOW_A_ETH_SRC]	= NLA_POLICY_ETH_ADDR,
	[HNV_FLOW_A_ETH_DST]	= NLA_POLICY_ETH_ADDR,
	[HNV_FLOW_A_IP_PROTO]	= { .type = NLA_U8 },
	[HNV_FLOW_A_IP_SRC]	= NLA_POLICY_MIN_LEN(4),
	[HNV_FLOW_A_IP_DST]	= NLA_POLICY_MIN_LEN(4),
	[HNV_FLOW_A_L4_SRC]	= { .type = NLA_BE16 },
	[HNV_FLOW_A_L4_DST]	= { .type = NLA_BE16 },
	[HNV_FLOW_A_VSID]	= NLA_POLICY_FULL_RANGE(NLA_U32,
							&hnv_acl_vsid_range),
	[HNV_FLOW_A_TUN_SRC]	= NLA_POLICY_EXACT_LEN(4),
};

const struct nla_policy hnv_trace_policy[HNV_A_MAX + 1] = {
	[HNV_A_SWITCH_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[HNV_A_PORT_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_PORT_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[HNV_A_FLOW]		= NLA_POLICY_NESTED(hnv_trace_flow_policy),
};

/*
 * The ACL a request is about: a port's (port selector) or a VSID's
 * (switch selector and HNV_A_VSID).  Without either, only the switch,
 * unless @required.  Under RTNL.
 */
static int hnv_nl_acl_target(struct genl_info *info, struct hnv_switch **sw,
			     struct hnv_port **port, u32 *vsid, bool required)
{
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr **attrs = info->attrs;
	struct net *net = genl_info_net(info);

	*port = NULL;
	*vsid = 0;
	if (attrs[HNV_A_PORT_IFINDEX] || attrs[HNV_A_PORT_IFNAME]) {
		if (attrs[HNV_A_VSID]) {
			NL_SET_ERR_MSG_ATTR(extack, attrs[HNV_A_VSID],
					    "an ACL is a port's or a VSID's: HNV_A_VSID with a port selector");
			return -EINVAL;
		}
		*port = hnv_nl_port(net, attrs, extack);
		if (IS_ERR(*port))
			return PTR_ERR(*port);
		*sw = (*port)->sw;
		return 0;
	}
	if (!attrs[HNV_A_VSID] && required) {
		NL_SET_ERR_ATTR_MISS(extack, NULL, HNV_A_VSID);
		NL_SET_ERR_MSG(extack,
			       "an ACL belongs to a port (HNV_A_PORT_IFINDEX or HNV_A_PORT_IFNAME) or a VSID (HNV_A_VSID)");
		return -EINVAL;
	}
	*sw = hnv_nl_switch_required(net, attrs, extack);
	if (IS_ERR(*sw))
		return PTR_ERR(*sw);
	if (attrs[HNV_A_VSID])
		*vsid = nla_get_u32(attrs[HNV_A_VSID]);
	return 0;
}

static int hnv_nl_acl_prefix(const struct nlattr *nest, u8 *family,
			     union hnv_addr *addr, u8 *len,
			     struct netlink_ext_ack *extack)
{
	int err, alen;

	err = hnv_nl_parse_net(nest, &alen, addr, len, extack);
	if (err)
		return err;
	if (*family && *family != (alen == 4 ? 4 : 6)) {
		NL_SET_ERR_MSG_ATTR(extack, nest,
				    "the rule's prefixes and protocol name different address families");
		return -EINVAL;
	}
	*family = alen == 4 ? 4 : 6;
	return 0;
}

static int hnv_nl_acl_ports(struct nlattr **tb, int min_attr, int max_attr,
			    u16 *range, struct netlink_ext_ack *extack)
{
	range[0] = tb[min_attr] ? nla_get_u16(tb[min_attr]) : 0;
	range[1] = tb[max_attr] ? nla_get_u16(tb[max_attr]) :
		   tb[min_attr] ? range[0] : 65535;
	if (range[0] > range[1]) {
		NL_SET_ERR_MSG_ATTR(extack, tb[max_attr],
				    "the port range ends before it starts");
		return -EINVAL;
	}
	return 0;
}

/* A rule (or default) from HNV_A_ACL, parsed into @tb. */
static int hnv_nl_acl_parse_rule(struct nlattr **tb, const struct nlattr *nest,
				 struct hnv_acl_rule *r,
				 struct netlink_ext_ack *extack)
{
	static const int match[] = {
		HNV_ACL_A_PRIORITY, HNV_ACL_A_PROTO, HNV_ACL_A_SRC,
		HNV_ACL_A_DST, HNV_ACL_A_SPORT_MIN, HNV_ACL_A_SPORT_MAX,
		HNV_ACL_A_DPORT_MIN, HNV_ACL_A_DPORT_MAX,
	};
	bool ports = false;
	int i, err;

	memset(r, 0, sizeof(*r));
	if (!tb[HNV_ACL_A_ACTION]) {
		NL_SET_ERR_ATTR_MISS(extack, nest, HNV_ACL_A_ACTION);
		NL_SET_ERR_MSG(extack, "missing HNV_ACL_A_ACTION");
		return -EINVAL;
	}
	r->action = nla_get_u8(tb[HNV_ACL_A_ACTION]);
	r->stateful = nla_get_flag(tb[HNV_ACL_A_STATEFUL]);
	if (r->stateful && r->action != HNV_ACL_ACTION_ALLOW) {
		NL_SET_ERR_MSG_ATTR(extack, tb[HNV_ACL_A_STATEFUL],
				    "only an allow can be stateful");
		return -EINVAL;
	}
	if (nla_get_flag(tb[HNV_ACL_A_DEFAULT])) {
		for (i = 0; i < ARRAY_SIZE(match); i++)
			if (tb[match[i]]) {
				NL_SET_ERR_MSG_ATTR(extack, tb[match[i]],
						    "a default action has no priority or match");
				return -EINVAL;
			}
		return 0;
	}
	if (!tb[HNV_ACL_A_PRIORITY]) {
		NL_SET_ERR_ATTR_MISS(extack, nest, HNV_ACL_A_PRIORITY);
		NL_SET_ERR_MSG(extack, "missing HNV_ACL_A_PRIORITY (or HNV_ACL_A_DEFAULT)");
		return -EINVAL;
	}
	r->prio = nla_get_u32(tb[HNV_ACL_A_PRIORITY]);
	if (tb[HNV_ACL_A_PROTO]) {
		r->has_proto = true;
		r->proto = nla_get_u8(tb[HNV_ACL_A_PROTO]);
		if (r->proto == IPPROTO_ICMP)
			r->family = 4;
		else if (r->proto == IPPROTO_ICMPV6)
			r->family = 6;
	}
	if (tb[HNV_ACL_A_SRC]) {
		err = hnv_nl_acl_prefix(tb[HNV_ACL_A_SRC], &r->family, &r->src,
					&r->src_len, extack);
		if (err)
			return err;
		r->has_src = true;
	}
	if (tb[HNV_ACL_A_DST]) {
		err = hnv_nl_acl_prefix(tb[HNV_ACL_A_DST], &r->family, &r->dst,
					&r->dst_len, extack);
		if (err)
			return err;
		r->has_dst = true;
	}
	for (i = 4; i < ARRAY_SIZE(match); i++)
		ports |= !!tb[match[i]];
	if (ports && (!r->has_proto || (r->proto != IPPROTO_TCP &&
					r->proto != IPPROTO_UDP))) {
		NL_SET_ERR_MSG_ATTR(extack, tb[HNV_ACL_A_SPORT_MIN] ?:
				    tb[HNV_ACL_A_SPORT_MAX] ?:
				    tb[HNV_ACL_A_DPORT_MIN] ?:
				    tb[HNV_ACL_A_DPORT_MAX],
				    "port ranges need HNV_ACL_A_PROTO TCP or UDP");
		return -EINVAL;
	}
	err = hnv_nl_acl_ports(tb, HNV_ACL_A_SPORT_MIN, HNV_ACL_A_SPORT_MAX,
			       r->sport, extack);
	return err ?: hnv_nl_acl_ports(tb, HNV_ACL_A_DPORT_MIN,
				       HNV_ACL_A_DPORT_MAX, r->dport, extack);
}

static int hnv_nl_acl_nest(struct genl_info *info, struct nlattr **tb,
			   bool required)
{
	struct nlattr *nest = info->attrs[HNV_A_ACL];

	memset(tb, 0, sizeof(*tb) * (HNV_ACL_A_MAX + 1));
	if (!nest) {
		if (!required)
			return 0;
		NL_SET_ERR_ATTR_MISS(info->extack, NULL, HNV_A_ACL);
		NL_SET_ERR_MSG(info->extack, "missing HNV_A_ACL");
		return -EINVAL;
	}
	return nla_parse_nested(tb, HNV_ACL_A_MAX, nest, hnv_acl_rule_policy,
				info->extack);
}

static int hnv_nl_acl_dir(struct genl_info *info, struct nlattr **tb)
{
	if (tb[HNV_ACL_A_DIR])
		return nla_get_u8(tb[HNV_ACL_A_DIR]);
	NL_SET_ERR_ATTR_MISS(info->extack, info->attrs[HNV_A_ACL],
			     HNV_ACL_A_DIR);
	NL_SET_ERR_MSG(info->extack, "missing HNV_ACL_A_DIR");
	return -EINVAL;
}

int hnv_nl_acl_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[HNV_ACL_A_MAX + 1];
	struct hnv_acl_rule rule;
	struct hnv_switch *sw;
	struct hnv_port *port;
	int err, dir;
	u32 vsid;

	err = hnv_nl_acl_nest(info, tb, true);
	if (err)
		return err;
	dir = hnv_nl_acl_dir(info, tb);
	if (dir < 0)
		return dir;
	err = hnv_nl_acl_parse_rule(tb, info->attrs[HNV_A_ACL], &rule,
				    info->extack);
	if (err)
		return err;
	rtnl_lock();
	err = hnv_nl_acl_target(info, &sw, &port, &vsid, true);
	if (err)
		goto out;
	if (nla_get_flag(tb[HNV_ACL_A_DEFAULT]))
		err = hnv_acl_set_default(sw, port, vsid, dir, rule.action,
					  rule.stateful, info->extack);
	else
		err = hnv_acl_add(sw, port, vsid, dir, &rule,
				  nla_get_flag(info->attrs[HNV_A_REPLACE]),
				  info->extack);
out:
	rtnl_unlock();
	return err;
}

int hnv_nl_acl_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[HNV_ACL_A_MAX + 1];
	struct hnv_switch *sw;
	struct hnv_port *port;
	bool dflt;
	int err, dir;
	u32 vsid;

	err = hnv_nl_acl_nest(info, tb, true);
	if (err)
		return err;
	dir = hnv_nl_acl_dir(info, tb);
	if (dir < 0)
		return dir;
	dflt = nla_get_flag(tb[HNV_ACL_A_DEFAULT]);
	if (!dflt && !tb[HNV_ACL_A_PRIORITY]) {
		NL_SET_ERR_ATTR_MISS(info->extack, info->attrs[HNV_A_ACL],
				     HNV_ACL_A_PRIORITY);
		NL_SET_ERR_MSG(info->extack,
			       "missing HNV_ACL_A_PRIORITY (or HNV_ACL_A_DEFAULT)");
		return -EINVAL;
	}
	rtnl_lock();
	err = hnv_nl_acl_target(info, &sw, &port, &vsid, true);
	if (!err)
		err = hnv_acl_del(sw, port, vsid, dir,
				  dflt ? 0 : nla_get_u32(tb[HNV_ACL_A_PRIORITY]),
				  dflt, info->extack);
	rtnl_unlock();
	return err;
}

int hnv_nl_acl_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[HNV_ACL_A_MAX + 1];
	struct hnv_switch *sw;
	struct hnv_port *port;
	u32 vsid;
	int err;
	u8 dir;

	err = hnv_nl_acl_nest(info, tb, false);
	if (err)
		return err;
	dir = tb[HNV_ACL_A_DIR] ? nla_get_u8(tb[HNV_ACL_A_DIR]) : 0;
	if (dir && !info->attrs[HNV_A_VSID] && !info->attrs[HNV_A_PORT_IFINDEX] &&
	    !info->attrs[HNV_A_PORT_IFNAME]) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[HNV_ACL_A_DIR],
				    "a direction flushes one port's or VSID's ACL: select it");
		NL_SET_ERR_ATTR_MISS(info->extack, NULL, HNV_A_VSID);
		return -EINVAL;
	}
	rtnl_lock();
	err = hnv_nl_acl_target(info, &sw, &port, &vsid, false);
	if (!err)
		hnv_acl_flush(sw, port, vsid, dir);
	rtnl_unlock();
	return err;
}

static int hnv_nl_fill_acl_prefix(struct sk_buff *skb, int type, u8 family,
				  const union hnv_addr *addr, u8 len)
{
	struct nlattr *nest = nla_nest_start(skb, type);

	if (!nest ||
	    nla_put(skb, HNV_PREFIX_A_ADDR, family == 4 ? 4 : 16, addr) ||
	    nla_put_u8(skb, HNV_PREFIX_A_LEN, len))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int hnv_nl_fill_acl_ports(struct sk_buff *skb, int min_attr,
				 const u16 *range)
{
	if (range[0] == 0 && range[1] == 65535)
		return 0;
	if (nla_put_u16(skb, min_attr, range[0]) ||
	    nla_put_u16(skb, min_attr + 1, range[1]))
		return -EMSGSIZE;
	return 0;
}

static int hnv_nl_fill_acl(struct sk_buff *skb, struct hnv_switch *sw,
			   const struct hnv_acl *acl,
			   const struct hnv_acl_rule *r,
			   struct netlink_callback *cb)
{
	const struct hnv_acl_set *set = r->set;
	struct nlattr *nest;
	void *hdr;

	hdr = hnv_nl_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			 NLM_F_MULTI, HNV_CMD_ACL_GET, cb);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, HNV_A_SWITCH_IFINDEX, sw->dev->ifindex) ||
	    nla_put_u32(skb, acl->vsid ? HNV_A_VSID : HNV_A_PORT_IFINDEX,
			acl->vsid ?: acl->ifindex))
		goto cancel;
	nest = nla_nest_start(skb, HNV_A_ACL);
	if (!nest ||
	    nla_put_u8(skb, HNV_ACL_A_DIR, set->dir) ||
	    nla_put_u8(skb, HNV_ACL_A_ACTION, r->action) ||
	    (r->stateful && nla_put_flag(skb, HNV_ACL_A_STATEFUL)) ||
	    nla_put_u64_64bit(skb, HNV_ACL_A_HITS, hnv_acl_hits_read(r),
			      HNV_ACL_A_PAD))
		goto cancel;
	if (r == set->dflt) {
		if (nla_put_flag(skb, HNV_ACL_A_DEFAULT))
			goto cancel;
	} else if (nla_put_u32(skb, HNV_ACL_A_PRIORITY, r->prio) ||
		   (r->has_proto && nla_put_u8(skb, HNV_ACL_A_PROTO, r->proto)) ||
		   (r->has_src &&
		    hnv_nl_fill_acl_prefix(skb, HNV_ACL_A_SRC, r->family,
					   &r->src, r->src_len)) ||
		   (r->has_dst &&
		    hnv_nl_fill_acl_prefix(skb, HNV_ACL_A_DST, r->family,
					   &r->dst, r->dst_len)) ||
		   hnv_nl_fill_acl_ports(skb, HNV_ACL_A_SPORT_MIN, r->sport) ||
		   hnv_nl_fill_acl_ports(skb, HNV_ACL_A_DPORT_MIN, r->dport)) {
		goto cancel;
	}
	nla_nest_end(skb, nest);
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* The set default (if set) and the rules of @set. */
static int hnv_nl_dump_acl_set(struct sk_buff *skb, struct hnv_switch *sw,
			       const struct hnv_acl *acl,
			       struct hnv_acl_set *set,
			       struct netlink_callback *cb, long *pos)
{
	struct hnv_acl_rule *r;
	unsigned long prio;
	int err;

	if (set->dflt_set && hnv_nl_dump_next(cb, pos)) {
		err = hnv_nl_fill_acl(skb, sw, acl, set->dflt, cb);
		if (err)
			return err;
		hnv_nl_dump_sent(cb, *pos);
	}
	xa_for_each(&set->rules, prio, r) {
		if (!hnv_nl_dump_next(cb, pos))
			continue;
		err = hnv_nl_fill_acl(skb, sw, acl, r, cb);
		if (err)
			return err;
		hnv_nl_dump_sent(cb, *pos);
	}
	return 0;
}

static int hnv_nl_dump_acl(struct sk_buff *skb, struct hnv_switch *sw,
			   struct hnv_acl *acl, struct netlink_callback *cb,
			   long *pos)
{
	if (!acl)
		return 0;
	return hnv_nl_dump_acl_set(skb, sw, acl, &acl->in, cb, pos) ?:
	       hnv_nl_dump_acl_set(skb, sw, acl, &acl->out, cb, pos);
}

/* What an ACL dump lists: one port's, one VSID's, or all. */
struct hnv_nl_acl_sel {
	struct hnv_port *port;
	u32 vsid;
};

static int hnv_nl_dump_acls(struct sk_buff *skb, struct hnv_switch *sw,
			    struct netlink_callback *cb, void *arg)
{
	const struct hnv_nl_acl_sel *sel = arg;
	struct hnv_port *port;
	struct hnv_acl *acl;
	long pos = 0;
	int err, bkt;

	if (sel->port && sel->port->sw != sw)
		return 0;
	list_for_each_entry(port, &sw->ports, list) {
		if (sel->vsid || (sel->port && port != sel->port))
			continue;
		err = hnv_nl_dump_acl(skb, sw, rtnl_dereference(port->acl), cb,
				      &pos);
		if (err)
			return err;
	}
	if (sel->port)
		return 0;
	hash_for_each(sw->acls, bkt, acl, node) {
		if (sel->vsid && acl->vsid != sel->vsid)
			continue;
		err = hnv_nl_dump_acl(skb, sw, acl, cb, &pos);
		if (err)
			return err;
	}
	return 0;
}

int hnv_nl_acl_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct nlattr **attrs = hnv_dump_attrs(cb);
	struct hnv_nl_acl_sel sel = {};
	struct hnv_switch *only;
	int err;

	if (attrs[HNV_A_VSID])
		sel.vsid = nla_get_u32(attrs[HNV_A_VSID]);
	rtnl_lock();
	if (attrs[HNV_A_PORT_IFINDEX] || attrs[HNV_A_PORT_IFNAME]) {
		sel.port = hnv_nl_port(net, attrs, cb->extack);
		if (IS_ERR(sel.port)) {
			err = PTR_ERR(sel.port);
			goto out;
		}
	}
	only = hnv_nl_switch(net, attrs, cb->extack);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
		goto out;
	}
	cb->seq = hnv_net(net)->gen;
	err = hnv_nl_dump_switches(skb, cb, only, hnv_nl_dump_acls, &sel);
out:
	rtnl_unlock();
	return hnv_nl_dump_end(skb, err);
}

static int hnv_nl_fill_conn(struct sk_buff *skb, struct hnv_switch *sw,
			    const struct hnv_conn *conn,
			    struct netlink_callback *cb)
{
	const struct hnv_conn_key *k = &conn->key;
	int alen = k->family == 4 ? 4 : 16;
	unsigned long expires = READ_ONCE(conn->expires);
	bool alive = hnv_conn_alive(conn);
	struct nlattr *nest;
	void *hdr;

	hdr = hnv_nl_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			 NLM_F_MULTI, HNV_CMD_CONN_GET, cb);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, HNV_A_SWITCH_IFINDEX, sw->dev->ifindex))
		goto cancel;
	nest = nla_nest_start(skb, HNV_A_CONN);
	if (!nest ||
	    nla_put_u32(skb, HNV_CONN_A_RDID, k->rdid) ||
	    nla_put_u8(skb, HNV_CONN_A_PROTO, k->proto) ||
	    nla_put(skb, HNV_CONN_A_SRC, alen, &k->src) ||
	    nla_put(skb, HNV_CONN_A_DST, alen, &k->dst) ||
	    nla_put_be16(skb, HNV_CONN_A_SPORT, k->sport) ||
	    nla_put_be16(skb, HNV_CONN_A_DPORT, k->dport) ||
	    nla_put_u8(skb, HNV_CONN_A_STATE,
		       alive ? READ_ONCE(conn->state) : HNV_CONN_CLOSED) ||
	    nla_put_u32(skb, HNV_CONN_A_EXPIRES_MS,
			alive ? jiffies_to_msecs(expires - jiffies) : 0))
		goto cancel;
	nla_nest_end(skb, nest);
	genlmsg_end(skb, hdr);
	return 0;
cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/* As with flows, the walk restarts for every part of the dump. */
static int hnv_nl_dump_conns(struct sk_buff *skb, struct hnv_switch *sw,
			     struct netlink_callback *cb, void *arg)
{
	struct rhashtable_iter iter;
	struct hnv_conn *conn;
	long pos = 0;
	int err = 0;

	rhashtable_walk_enter(&sw->conns, &iter);
	rhashtable_walk_start(&iter);
	while ((conn = rhashtable_walk_next(&iter))) {
		if (IS_ERR(conn) || !hnv_nl_dump_next(cb, &pos))
			continue;
		err = hnv_nl_fill_conn(skb, sw, conn, cb);
		if (err)
			break;
		hnv_nl_dump_sent(cb, pos);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	return err;
}

int hnv_nl_conn_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct hnv_switch *only;
	int err;

	rtnl_lock();
	only = hnv_nl_switch(net, hnv_dump_attrs(cb), cb->extack);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
	} else {
		cb->seq = hnv_net(net)->gen;
		err = hnv_nl_dump_switches(skb, cb, only, hnv_nl_dump_conns,
					   NULL);
	}
	rtnl_unlock();
	return hnv_nl_dump_end(skb, err);
}

/* --- Trace --- */

/* The MAC the switch knows for @a in @vsid, else the router's. */
static const u8 *hnv_nl_trace_mac(struct hnv_switch *sw, u32 vsid, bool v6,
				  const union hnv_addr *a)
{
	const struct hnv_map *map;
	struct hnv_port *p;

	list_for_each_entry(p, &sw->ports, list)
		if (p->vsid == vsid &&
		    hnv_cas_has(rtnl_dereference(p->cas), v6, a))
			return p->mac;
	map = hnv_map_find_ca(sw, vsid, v6, a);
	return map ? map->key.mac : sw->router_mac;
}

/* The described packet's key, as the datapath would extract it. */
static int hnv_nl_trace_key(struct genl_info *info, struct hnv_port *port,
			    struct hnv_flow_key *key)
{
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr *nest = info->attrs[HNV_A_FLOW];
	struct nlattr *tb[HNV_FLOW_A_MAX + 1];
	struct hnv_switch *sw = port->sw;
	bool uplink = port == sw->uplink;
	static const int need[] = {
		HNV_FLOW_A_IP_PROTO, HNV_FLOW_A_IP_SRC, HNV_FLOW_A_IP_DST,
		HNV_FLOW_A_VSID, HNV_FLOW_A_TUN_SRC,
	};
	union hnv_addr src = {}, dst = {};
	int i, err, alen;
	u32 vsid;

	if (!nest) {
		NL_SET_ERR_ATTR_MISS(extack, NULL, HNV_A_FLOW);
		NL_SET_ERR_MSG(extack, "missing HNV_A_FLOW: the packet to trace");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, HNV_FLOW_A_MAX, nest, hnv_trace_flow_policy,
			       extack);
	if (err)
		return err;
	for (i = 0; i < (uplink ? 5 : 3); i++)
		if (!tb[need[i]]) {
			NL_SET_ERR_ATTR_MISS(extack, nest, need[i]);
			if (i < 3)
				NL_SET_ERR_MSG(extack,
					       "the packet needs HNV_FLOW_A_IP_PROTO, _IP_SRC and _IP_DST");
			else
				NL_SET_ERR_MSG(extack,
					       "a packet from the physical network needs HNV_FLOW_A_VSID and _TUN_SRC");
			return -EINVAL;
		}
	alen = nla_len(tb[HNV_FLOW_A_IP_SRC]);
	if ((alen != 4 && alen != 16) ||
	    nla_len(tb[HNV_FLOW_A_IP_DST]) != alen) {
		NL_SET_ERR_MSG_ATTR(extack, tb[HNV_FLOW_A_IP_DST],
				    "the addresses must be both 4 (IPv4) or both 16 (IPv6) bytes");
		return -EINVAL;
	}
	memcpy(&src, nla_data(tb[HNV_FLOW_A_IP_SRC]), alen);
	memcpy(&dst, nla_data(tb[HNV_FLOW_A_IP_DST]), alen);

	memset(key, 0, sizeof(*key));
	if (uplink) {
		key->vsid = nla_get_u32(tb[HNV_FLOW_A_VSID]);
		key->tun_src = nla_get_in_addr(tb[HNV_FLOW_A_TUN_SRC]);
	}
	vsid = uplink ? key->vsid : port->vsid;
	key->eth_type = htons(alen == 4 ? ETH_P_IP : ETH_P_IPV6);
	key->ip_proto = nla_get_u8(tb[HNV_FLOW_A_IP_PROTO]);
	if (alen == 4) {
		key->addr.v4[0] = src.v4;
		key->addr.v4[1] = dst.v4;
	} else {
		key->addr.v6[0] = src.v6;
		key->addr.v6[1] = dst.v6;
	}
	if (tb[HNV_FLOW_A_L4_SRC])
		key->l4_src = nla_get_be16(tb[HNV_FLOW_A_L4_SRC]);
	if (tb[HNV_FLOW_A_L4_DST])
		key->l4_dst = nla_get_be16(tb[HNV_FLOW_A_L4_DST]);
	if (tb[HNV_FLOW_A_ETH_SRC])
		ether_addr_copy(key->eth_src, nla_data(tb[HNV_FLOW_A_ETH_SRC]));
	else if (uplink)
		ether_addr_copy(key->eth_src,
				hnv_nl_trace_mac(sw, vsid, alen == 16, &src));
	else
		ether_addr_copy(key->eth_src, port->mac);
	if (tb[HNV_FLOW_A_ETH_DST])
		ether_addr_copy(key->eth_dst, nla_data(tb[HNV_FLOW_A_ETH_DST]));
	else
		ether_addr_copy(key->eth_dst,
				hnv_nl_trace_mac(sw, vsid, alen == 16, &dst));
	return 0;
}

static int hnv_nl_fill_trace(struct sk_buff *msg, const struct hnv_trace *t)
{
	struct nlattr *nest, *step;
	u32 i;

	nest = nla_nest_start(msg, HNV_A_TRACE);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < t->n; i++) {
		const struct hnv_trace_step *s = &t->step[i];

		step = nla_nest_start(msg, HNV_TRACE_A_STEP);
		if (!step ||
		    nla_put_string(msg, HNV_STEP_A_LAYER, s->layer) ||
		    (s->has_acl &&
		     hnv_nl_fill_acl_ref(msg, HNV_STEP_A_ACL, &s->acl, true)) ||
		    (s->nacts &&
		     hnv_nl_fill_actions(msg, HNV_STEP_A_ACTIONS, s->acts,
					 s->nacts)))
			return -EMSGSIZE;
		nla_nest_end(msg, step);
	}
	nla_nest_end(msg, nest);
	return 0;
}

int hnv_nl_trace_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct hnv_compose c = { .probe = true };
	struct hnv_actions *acts = NULL;
	struct hnv_flow_key key;
	struct net_device *dev;
	struct hnv_switch *sw;
	struct hnv_trace *t;
	struct sk_buff *msg;
	struct nlattr *nest;
	void *hdr;
	int err;

	t = kvzalloc(sizeof(*t), GFP_KERNEL);
	msg = genlmsg_new(60000, GFP_KERNEL);
	if (!t || !msg) {
		err = -ENOMEM;
		goto out_free;
	}
	rtnl_lock();
	dev = hnv_nl_dev(genl_info_net(info), info->attrs, HNV_A_PORT_IFINDEX,
			 HNV_A_PORT_IFNAME, info->extack);
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto out_unlock;
	}
	if (dev && netif_is_hnv_switch(dev)) {
		sw = netdev_priv(dev);
		c.port = sw->uplink;
	} else {
		c.port = hnv_nl_port(genl_info_net(info), info->attrs,
				     info->extack);
		if (IS_ERR(c.port)) {
			err = PTR_ERR(c.port);
			goto out_unlock;
		}
		sw = c.port->sw;
	}
	err = hnv_nl_trace_key(info, c.port, &key);
	if (err)
		goto out_unlock;

	c.key = &key;
	c.trace = t;
	c.gen = READ_ONCE(sw->gen);
	local_bh_disable();
	rcu_read_lock();
	acts = hnv_compose(&c);
	rcu_read_unlock();
	local_bh_enable();
	if (!acts) {
		err = -ENOMEM;
		goto out_unlock;
	}

	err = -EMSGSIZE;
	hdr = genlmsg_put_reply(msg, info, &hnv_genl_family, 0, HNV_CMD_TRACE);
	if (!hdr)
		goto out_unlock;
	if (nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, sw->dev->ifindex) ||
	    nla_put_u32(msg, HNV_A_PORT_IFINDEX, c.port->dev->ifindex))
		goto out_unlock;
	nest = nla_nest_start(msg, HNV_A_FLOW);
	if (!nest || hnv_nl_fill_flow_key(msg, &key) ||
	    hnv_nl_fill_actions(msg, HNV_FLOW_A_ACTIONS, acts->a, acts->n))
		goto out_unlock;
	nla_nest_end(msg, nest);
	if (hnv_nl_fill_trace(msg, t))
		goto out_unlock;
	genlmsg_end(msg, hdr);
	rtnl_unlock();
	hnv_actions_free(acts);
	kvfree(t);
	return genlmsg_reply(msg, info);

out_unlock:
	rtnl_unlock();
out_free:
	if (acts)
		hnv_actions_free(acts);
	kvfree(t);
	nlmsg_free(msg);
	return err;
}
