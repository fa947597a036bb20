// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The "hnv" generic netlink family; uapi/linux/hnv.h documents it.
 */

#include <linux/inetdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/ipv6.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "compat.h"
#include "hnv.h"
#include "acl.h"
#include "netlink.h"


static const struct nla_policy hnv_switch_get_policy[HNV_A_MAX + 1] = {
	[HNV_A_SWITCH_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

static struct netlink_range_validation hnv_uft_max_range = {
	.min = 1,
	.max = 16777216,
};

/* 2^24 as for flows: about 2.6 GB of mappings at 157 bytes each. */
static struct netlink_range_validation hnv_maps_max_range = {
	.min = 1,
	.max = 16777216,
};

static struct netlink_range_validation hnv_uft_idle_range = {
	.min = 100,
	.max = 3600000,
};

static struct netlink_range_validation hnv_conn_timeout_range = {
	.min = 1,
	.max = HNV_CONN_TIMEOUT_MAX,
};

static const struct nla_policy hnv_switch_set_policy[HNV_A_MAX + 1] = {
	[HNV_A_SWITCH_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[HNV_A_SWITCH_UFT_MAX]	= NLA_POLICY_FULL_RANGE(NLA_U32,
							&hnv_uft_max_range),
	[HNV_A_SWITCH_UFT_PORT_MAX] = NLA_POLICY_FULL_RANGE(NLA_U32,
							    &hnv_uft_max_range),
	[HNV_A_SWITCH_UFT_IDLE_MS] = NLA_POLICY_FULL_RANGE(NLA_U32,
							   &hnv_uft_idle_range),
	[HNV_A_SWITCH_PAS]	= { .type = NLA_NESTED },
	[HNV_A_SWITCH_VXLAN_PORT] = NLA_POLICY_MIN(NLA_U16, 1),
	[HNV_A_SWITCH_STRICT]	= NLA_POLICY_MAX(NLA_U8, 1),
	[HNV_A_SWITCH_NVGRE_FLOWID] = NLA_POLICY_MAX(NLA_U8, 1),
	[HNV_A_SWITCH_ROUTER_MAC] = NLA_POLICY_ETH_ADDR,
	[HNV_A_SWITCH_CONN_TIMEOUT] = NLA_POLICY_FULL_RANGE(NLA_U32,
							    &hnv_conn_timeout_range),
	[HNV_A_SWITCH_CONN_TCP_TIMEOUT] = NLA_POLICY_FULL_RANGE(NLA_U32,
								&hnv_conn_timeout_range),
	[HNV_A_SWITCH_MAPS_MAX]	= NLA_POLICY_FULL_RANGE(NLA_U32,
							&hnv_maps_max_range),
};

const struct nla_policy hnv_port_get_policy[HNV_A_MAX + 1] = {
	[HNV_A_SWITCH_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[HNV_A_PORT_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_PORT_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

/*
 * The device named by an (ifindex, ifname) attribute pair, NULL if neither
 * is present.  Called under RTNL.
 */
struct net_device *hnv_nl_dev(struct net *net, struct nlattr **attrs,
			      int ifindex_attr, int ifname_attr,
			      struct netlink_ext_ack *extack)
{
	struct net_device *dev = NULL, *named;

	if (attrs[ifindex_attr]) {
		dev = __dev_get_by_index(net, nla_get_u32(attrs[ifindex_attr]));
		if (!dev) {
			NL_SET_ERR_MSG_ATTR(extack, attrs[ifindex_attr],
					    "no device with this ifindex");
			return ERR_PTR(-ENODEV);
		}
	}
	if (attrs[ifname_attr]) {
		named = __dev_get_by_name(net, nla_data(attrs[ifname_attr]));
		if (!named) {
			NL_SET_ERR_MSG_ATTR(extack, attrs[ifname_attr],
					    "no device with this name");
			return ERR_PTR(-ENODEV);
		}
		if (dev && dev != named) {
			NL_SET_ERR_MSG_ATTR(extack, attrs[ifname_attr],
					    "ifindex and ifname name different devices");
			return ERR_PTR(-EINVAL);
		}
		dev = named;
	}
	return dev;
}

/* A prefix without a gateway: route and ACL prefixes. */
const struct nla_policy hnv_net_policy[HNV_PREFIX_A_MAX + 1] = {
	[HNV_PREFIX_A_ADDR]	= NLA_POLICY_MIN_LEN(4),
	[HNV_PREFIX_A_LEN]	= NLA_POLICY_MAX(NLA_U8, 128),
};

/*
 * The prefix in @nest (hnv_net_policy): its address (*@alen bytes, 4 or
 * 16, into @addr, zero-padded) and length, which must not be longer than
 * the address, with no bits set past it.
 */
int hnv_nl_parse_net(const struct nlattr *nest, int *alen,
		     union hnv_addr *addr, u8 *len,
		     struct netlink_ext_ack *extack)
{
	struct nlattr *tb[HNV_PREFIX_A_MAX + 1];
	struct in6_addr masked;
	bool bad;
	int err;

	err = nla_parse_nested(tb, HNV_PREFIX_A_MAX, nest, hnv_net_policy,
			       extack);
	if (err)
		return err;
	if (!tb[HNV_PREFIX_A_ADDR] || !tb[HNV_PREFIX_A_LEN]) {
		NL_SET_ERR_MSG_ATTR(extack, nest,
				    "a prefix needs HNV_PREFIX_A_ADDR and HNV_PREFIX_A_LEN");
		NL_SET_ERR_ATTR_MISS(extack, nest, tb[HNV_PREFIX_A_ADDR] ?
				     HNV_PREFIX_A_LEN : HNV_PREFIX_A_ADDR);
		return -EINVAL;
	}
	*alen = nla_len(tb[HNV_PREFIX_A_ADDR]);
	if (*alen != 4 && *alen != 16) {
		NL_SET_ERR_MSG_ATTR(extack, tb[HNV_PREFIX_A_ADDR],
				    "a prefix is 4 (IPv4) or 16 (IPv6) bytes");
		return -EINVAL;
	}
	memset(addr, 0, sizeof(*addr));
	memcpy(addr, nla_data(tb[HNV_PREFIX_A_ADDR]), *alen);
	*len = nla_get_u8(tb[HNV_PREFIX_A_LEN]);
	if (*len > *alen * 8) {
		NL_SET_ERR_MSG_ATTR(extack, tb[HNV_PREFIX_A_LEN],
				    "the prefix length is longer than the address");
		return -EINVAL;
	}
	if (*alen == 16) {
		ipv6_addr_prefix(&masked, &addr->v6, *len);
		bad = !ipv6_addr_equal(&masked, &addr->v6);
	} else {
		bad = *len < 32 && addr->v4 & ~inet_make_mask(*len);
	}
	if (bad) {
		NL_SET_ERR_MSG_ATTR(extack, tb[HNV_PREFIX_A_ADDR],
				    "the prefix has bits set past its length");
		return -EINVAL;
	}
	return 0;
}

/* The switch a request selects, NULL if it selects none.  Under RTNL. */
struct hnv_switch *hnv_nl_switch(struct net *net, struct nlattr **attrs,
				 struct netlink_ext_ack *extack)
{
	struct net_device *dev;

	dev = hnv_nl_dev(net, attrs, HNV_A_SWITCH_IFINDEX, HNV_A_SWITCH_IFNAME,
			 extack);
	if (IS_ERR_OR_NULL(dev))
		return ERR_CAST(dev);
	if (!netif_is_hnv_switch(dev)) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[HNV_A_SWITCH_IFINDEX] ?:
				    attrs[HNV_A_SWITCH_IFNAME],
				    "device is not an hnv switch");
		return ERR_PTR(-EOPNOTSUPP);
	}
	return netdev_priv(dev);
}

struct hnv_switch *hnv_nl_switch_required(struct net *net,
					  struct nlattr **attrs,
					  struct netlink_ext_ack *extack)
{
	struct hnv_switch *sw = hnv_nl_switch(net, attrs, extack);

	if (!sw) {
		NL_SET_ERR_ATTR_MISS(extack, NULL, HNV_A_SWITCH_IFINDEX);
		NL_SET_ERR_MSG(extack,
			       "missing switch: HNV_A_SWITCH_IFINDEX or HNV_A_SWITCH_IFNAME is required");
		return ERR_PTR(-EINVAL);
	}
	return sw;
}

void *hnv_nl_put(struct sk_buff *skb, u32 portid, u32 seq, int flags,
		 u8 cmd, struct netlink_callback *cb)
{
	void *hdr = genlmsg_put(skb, portid, seq, &hnv_genl_family, flags, cmd);

	if (hdr && cb)
		genl_dump_check_consistent(cb, hdr);
	return hdr;
}

/**
 * hnv_nl_dump_switches - the common loop of the per-switch object dumps
 * @skb: the dump's message buffer
 * @cb: the dump; cb->args[0] counts switches done, cb->args[1] the
 *	objects of the current switch done
 * @only: the one switch to dump, or NULL for every switch of the namespace
 * @fn: dumps the objects of one switch, resuming after the first
 *	cb->args[1] (hnv_nl_dump_next() does the counting)
 * @arg: passed to @fn
 *
 * Under RTNL.  Returns 0 or the error that stopped @fn (-EMSGSIZE: this
 * part of the dump is full; hnv_nl_dump_end() makes that a success).
 */
int hnv_nl_dump_switches(struct sk_buff *skb, struct netlink_callback *cb,
			 struct hnv_switch *only, hnv_nl_dump_fn fn, void *arg)
{
	struct hnv_switch *sw;
	long si = 0;
	int err;

	list_for_each_entry(sw, &hnv_net(sock_net(skb->sk))->switches,
			    net_list) {
		if (si++ < cb->args[0] || (only && sw != only))
			continue;
		err = fn(skb, sw, cb, arg);
		if (err)
			return err;
		cb->args[0] = si;
		cb->args[1] = 0;
	}
	return 0;
}

static int hnv_nl_fill_switch(struct sk_buff *skb, struct hnv_switch *sw,
			      u32 portid, u32 seq, int flags,
			      struct netlink_callback *cb)
{
	struct hnv_stats total, one;
	struct hnv_port *port;
	void *hdr;

	hdr = hnv_nl_put(skb, portid, seq, flags, HNV_CMD_SWITCH_GET, cb);
	if (!hdr)
		return -EMSGSIZE;

	hnv_stats_read(sw->stats, &total);
	list_for_each_entry(port, &sw->ports, list) {
		hnv_stats_read(port->stats, &one);
		hnv_stats_add(&total, &one);
	}
	if (nla_put_u32(skb, HNV_A_SWITCH_IFINDEX, sw->dev->ifindex) ||
	    nla_put_string(skb, HNV_A_SWITCH_IFNAME, sw->dev->name) ||
	    nla_put_u32(skb, HNV_A_SWITCH_NPORTS, sw->nports) ||
	    nla_put_u32(skb, HNV_A_SWITCH_UFT_MAX, READ_ONCE(sw->uft_max)) ||
	    nla_put_u32(skb, HNV_A_SWITCH_UFT_PORT_MAX,
			READ_ONCE(sw->uft_port_max)) ||
	    nla_put_u32(skb, HNV_A_SWITCH_UFT_IDLE_MS,
			READ_ONCE(sw->uft_idle_ms)) ||
	    nla_put_u32(skb, HNV_A_SWITCH_NFLOWS, atomic_read(&sw->nflows)) ||
	    hnv_nl_fill_pas(skb, sw) ||
	    nla_put_u8(skb, HNV_A_SWITCH_STRICT, sw->strict) ||
	    nla_put_u8(skb, HNV_A_SWITCH_NVGRE_FLOWID, sw->nvgre_flowid) ||
	    nla_put(skb, HNV_A_SWITCH_ROUTER_MAC, ETH_ALEN, sw->router_mac) ||
	    nla_put_u32(skb, HNV_A_SWITCH_CONN_TIMEOUT,
			READ_ONCE(sw->conn_timeout)) ||
	    nla_put_u32(skb, HNV_A_SWITCH_CONN_TCP_TIMEOUT,
			READ_ONCE(sw->conn_tcp_timeout)) ||
	    nla_put_u32(skb, HNV_A_SWITCH_NCONNS, atomic_read(&sw->nconns)) ||
	    hnv_stats_fill(skb, HNV_A_SWITCH_STATS, &total)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static int hnv_nl_fill_cas(struct sk_buff *skb, const struct hnv_port_cas *cas)
{
	struct nlattr *nest;
	int i;

	if (!cas)
		return 0;
	nest = nla_nest_start(skb, HNV_A_PORT_CAS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < cas->n; i++)
		if (nla_put(skb, 1, cas->ca[i].v6 ? 16 : 4, &cas->ca[i].addr))
			return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int hnv_nl_fill_port(struct sk_buff *skb, struct hnv_port *port,
			    u32 portid, u32 seq, int flags,
			    struct netlink_callback *cb)
{
	struct hnv_stats stats;
	void *hdr;

	hdr = hnv_nl_put(skb, portid, seq, flags, HNV_CMD_PORT_GET, cb);
	if (!hdr)
		return -EMSGSIZE;

	hnv_stats_read(port->stats, &stats);
	if (nla_put_u32(skb, HNV_A_SWITCH_IFINDEX, port->sw->dev->ifindex) ||
	    nla_put_string(skb, HNV_A_SWITCH_IFNAME, port->sw->dev->name) ||
	    nla_put_u32(skb, HNV_A_PORT_IFINDEX, port->dev->ifindex) ||
	    nla_put_string(skb, HNV_A_PORT_IFNAME, port->dev->name) ||
	    nla_put_u32(skb, HNV_A_VSID, port->vsid) ||
	    (port->vsid &&
	     nla_put(skb, HNV_A_PORT_MAC, ETH_ALEN, port->mac)) ||
	    hnv_nl_fill_cas(skb, rtnl_dereference(port->cas)) ||
	    hnv_stats_fill(skb, HNV_A_PORT_STATS, &stats)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static int hnv_nl_switch_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct hnv_switch *sw;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rtnl_lock();
	sw = hnv_nl_switch_required(genl_info_net(info), info->attrs,
				    info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto err_unlock;
	}
	err = hnv_nl_fill_switch(msg, sw, info->snd_portid, info->snd_seq, 0,
				 NULL);
	if (err)
		goto err_unlock;
	rtnl_unlock();
	return genlmsg_reply(msg, info);

err_unlock:
	rtnl_unlock();
	nlmsg_free(msg);
	return err;
}

static int hnv_nl_switch_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct hnv_pas *pas = NULL;
	struct hnv_switch *sw;
	u16 old_port;
	int err = 0;

	if (attrs[HNV_A_SWITCH_ROUTER_MAC] &&
	    !is_valid_ether_addr(nla_data(attrs[HNV_A_SWITCH_ROUTER_MAC]))) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[HNV_A_SWITCH_ROUTER_MAC],
				    "the router MAC must be unicast and not zero");
		return -EINVAL;
	}
	if (attrs[HNV_A_SWITCH_PAS]) {
		pas = hnv_nl_parse_pas(attrs[HNV_A_SWITCH_PAS], info->extack);
		if (IS_ERR(pas))
			return PTR_ERR(pas);
	}
	rtnl_lock();
	sw = hnv_nl_switch_required(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(sw)) {
		rtnl_unlock();
		kfree(pas);
		return PTR_ERR(sw);
	}
	/*
	 * The settings that can fail come first: all or nothing.  The PAs
	 * fail only when the first one opens the sockets; none were open,
	 * so the port was only a number and is simply put back.
	 */
	old_port = sw->vxlan_port;
	if (attrs[HNV_A_SWITCH_VXLAN_PORT])
		err = hnv_nl_set_vxlan_port(sw,
					    nla_get_u16(attrs[HNV_A_SWITCH_VXLAN_PORT]),
					    info->extack);
	if (err) {
		kfree(pas);
	} else if (pas) {
		err = hnv_nl_set_pas(sw, pas, info->extack);
		if (err)
			WRITE_ONCE(sw->vxlan_port, old_port);
	}
	if (err) {
		rtnl_unlock();
		return err;
	}
	if (attrs[HNV_A_SWITCH_UFT_MAX])
		WRITE_ONCE(sw->uft_max, nla_get_u32(attrs[HNV_A_SWITCH_UFT_MAX]));
	if (attrs[HNV_A_SWITCH_UFT_PORT_MAX])
		WRITE_ONCE(sw->uft_port_max,
			   nla_get_u32(attrs[HNV_A_SWITCH_UFT_PORT_MAX]));
	if (attrs[HNV_A_SWITCH_STRICT]) {
		/* Composed into the uplink's flows. */
		WRITE_ONCE(sw->strict, nla_get_u8(attrs[HNV_A_SWITCH_STRICT]));
		hnv_policy_changed(sw);
	}
	if (attrs[HNV_A_SWITCH_ROUTER_MAC]) {
		/* Validated before anything was changed (above). */
		ether_addr_copy(sw->router_mac,
				nla_data(attrs[HNV_A_SWITCH_ROUTER_MAC]));
		hnv_policy_changed(sw);
	}
	if (attrs[HNV_A_SWITCH_NVGRE_FLOWID])
		WRITE_ONCE(sw->nvgre_flowid,
			   nla_get_u8(attrs[HNV_A_SWITCH_NVGRE_FLOWID]));
	if (attrs[HNV_A_SWITCH_UFT_IDLE_MS])
		hnv_uft_set_idle(sw, nla_get_u32(attrs[HNV_A_SWITCH_UFT_IDLE_MS]));
	if (attrs[HNV_A_SWITCH_CONN_TIMEOUT])
		WRITE_ONCE(sw->conn_timeout,
			   nla_get_u32(attrs[HNV_A_SWITCH_CONN_TIMEOUT]));
	if (attrs[HNV_A_SWITCH_CONN_TCP_TIMEOUT])
		WRITE_ONCE(sw->conn_tcp_timeout,
			   nla_get_u32(attrs[HNV_A_SWITCH_CONN_TCP_TIMEOUT]));
	/* Below the count: the mappings stay, new ones are refused. */
	if (attrs[HNV_A_SWITCH_MAPS_MAX])
		sw->maps_max = nla_get_u32(attrs[HNV_A_SWITCH_MAPS_MAX]);
	rtnl_unlock();
	return 0;
}

static int hnv_nl_switch_get_dumpit(struct sk_buff *skb,
				    struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct hnv_net *hn = hnv_net(net);
	struct hnv_switch *sw, *only;
	long idx = 0;
	int err = 0;

	rtnl_lock();
	only = hnv_nl_switch(net, hnv_dump_attrs(cb), cb->extack);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
		goto out;
	}
	cb->seq = hn->gen;
	list_for_each_entry(sw, &hn->switches, net_list) {
		if (idx++ < cb->args[0] || (only && sw != only))
			continue;
		err = hnv_nl_fill_switch(skb, sw, NETLINK_CB(cb->skb).portid,
					 cb->nlh->nlmsg_seq, NLM_F_MULTI, cb);
		if (err)
			break;
		cb->args[0] = idx;
	}
out:
	rtnl_unlock();
	/* A full skb ends this part of the dump; the next call resumes. */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/* The port a request selects.  Under RTNL. */
struct hnv_port *hnv_nl_port(struct net *net, struct nlattr **attrs,
			     struct netlink_ext_ack *extack)
{
	struct nlattr *sel = attrs[HNV_A_PORT_IFINDEX] ?:
			     attrs[HNV_A_PORT_IFNAME];
	struct net_device *dev;
	struct hnv_switch *sw;
	struct hnv_port *port;

	sw = hnv_nl_switch(net, attrs, extack);
	if (IS_ERR(sw))
		return ERR_CAST(sw);
	dev = hnv_nl_dev(net, attrs, HNV_A_PORT_IFINDEX, HNV_A_PORT_IFNAME,
			 extack);
	if (IS_ERR(dev))
		return ERR_CAST(dev);
	if (!dev) {
		NL_SET_ERR_ATTR_MISS(extack, NULL, HNV_A_PORT_IFINDEX);
		NL_SET_ERR_MSG(extack,
			       "missing port: HNV_A_PORT_IFINDEX or HNV_A_PORT_IFNAME is required");
		return ERR_PTR(-EINVAL);
	}
	port = hnv_port_get_rtnl(dev);
	if (!port) {
		NL_SET_ERR_MSG_ATTR(extack, sel, "device is not an hnv port");
		return ERR_PTR(-EOPNOTSUPP);
	}
	if (sw && port->sw != sw) {
		NL_SET_ERR_MSG_ATTR(extack, sel,
				    "device is a port of another switch");
		return ERR_PTR(-EINVAL);
	}
	return port;
}

static int hnv_nl_port_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct hnv_port *port;
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	rtnl_lock();
	port = hnv_nl_port(genl_info_net(info), info->attrs, info->extack);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto err_unlock;
	}
	err = hnv_nl_fill_port(msg, port, info->snd_portid, info->snd_seq, 0,
			       NULL);
	if (err)
		goto err_unlock;
	rtnl_unlock();
	return genlmsg_reply(msg, info);

err_unlock:
	rtnl_unlock();
	nlmsg_free(msg);
	return err;
}

/*
 * Ports of one switch, or of every switch of the namespace: cb->args[0]
 * counts the switches done, cb->args[1] the ports of the current one.
 */
static int hnv_nl_port_get_dumpit(struct sk_buff *skb,
				  struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct nlattr **attrs = hnv_dump_attrs(cb);
	struct hnv_net *hn = hnv_net(net);
	struct hnv_switch *sw, *only;
	struct hnv_port *port;
	long si = 0, pi;
	int err = 0;

	rtnl_lock();
	if (attrs[HNV_A_PORT_IFINDEX] || attrs[HNV_A_PORT_IFNAME]) {
		NL_SET_ERR_MSG_ATTR(cb->extack, attrs[HNV_A_PORT_IFINDEX] ?:
				    attrs[HNV_A_PORT_IFNAME],
				    "a port dump takes a switch, not a port");
		err = -EINVAL;
		goto out;
	}
	only = hnv_nl_switch(net, attrs, cb->extack);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
		goto out;
	}
	cb->seq = hn->gen;
	list_for_each_entry(sw, &hn->switches, net_list) {
		if (si++ < cb->args[0] || (only && sw != only))
			continue;
		pi = 0;
		list_for_each_entry(port, &sw->ports, list) {
			if (pi++ < cb->args[1])
				continue;
			err = hnv_nl_fill_port(skb, port,
					       NETLINK_CB(cb->skb).portid,
					       cb->nlh->nlmsg_seq, NLM_F_MULTI,
					       cb);
			if (err)
				goto out;
			cb->args[1] = pi;
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

static const struct genl_ops hnv_genl_ops[] = {
	{
		.cmd		= HNV_CMD_SWITCH_GET,
		.doit		= hnv_nl_switch_get_doit,
		.dumpit		= hnv_nl_switch_get_dumpit,
		.policy		= hnv_switch_get_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_PORT_GET,
		.doit		= hnv_nl_port_get_doit,
		.dumpit		= hnv_nl_port_get_dumpit,
		.policy		= hnv_port_get_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_SWITCH_SET,
		.doit		= hnv_nl_switch_set_doit,
		.policy		= hnv_switch_set_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_MAP_NEW,
		.doit		= hnv_nl_map_new_doit,
		.policy		= hnv_map_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_MAP_DEL,
		.doit		= hnv_nl_map_del_doit,
		.policy		= hnv_map_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_MAP_GET,
		.dumpit		= hnv_nl_map_get_dumpit,
		.policy		= hnv_map_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_ACL_NEW,
		.doit		= hnv_nl_acl_new_doit,
		.policy		= hnv_acl_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_ACL_DEL,
		.doit		= hnv_nl_acl_del_doit,
		.policy		= hnv_acl_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_ACL_GET,
		.dumpit		= hnv_nl_acl_get_dumpit,
		.policy		= hnv_acl_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_ACL_FLUSH,
		.doit		= hnv_nl_acl_flush_doit,
		.policy		= hnv_acl_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_CONN_GET,
		.dumpit		= hnv_nl_conn_get_dumpit,
		.policy		= hnv_port_get_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_TRACE,
		.doit		= hnv_nl_trace_doit,
		.policy		= hnv_trace_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_ROUTE_NEW,
		.doit		= hnv_nl_route_new_doit,
		.policy		= hnv_route_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_ROUTE_DEL,
		.doit		= hnv_nl_route_del_doit,
		.policy		= hnv_route_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_ROUTE_GET,
		.dumpit		= hnv_nl_route_get_dumpit,
		.policy		= hnv_route_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_PORT_SET,
		.doit		= hnv_nl_port_set_doit,
		.policy		= hnv_port_set_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_SUBNET_NEW,
		.doit		= hnv_nl_subnet_new_doit,
		.policy		= hnv_subnet_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_SUBNET_DEL,
		.doit		= hnv_nl_subnet_del_doit,
		.policy		= hnv_subnet_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_SUBNET_GET,
		.doit		= hnv_nl_subnet_get_doit,
		.dumpit		= hnv_nl_subnet_get_dumpit,
		.policy		= hnv_subnet_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_FLOW_GET,
		.dumpit		= hnv_nl_flow_get_dumpit,
		.policy		= hnv_port_get_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd		= HNV_CMD_FLOW_FLUSH,
		.doit		= hnv_nl_flow_flush_doit,
		.policy		= hnv_port_get_policy,
		.maxattr	= HNV_A_MAX,
		.flags		= GENL_UNS_ADMIN_PERM,
	},
};

static const struct genl_multicast_group hnv_genl_mcgrps[] = {
	/* Events name tenants' addresses: as private as the dumps. */
	{ .name = HNV_MCGRP_EVENTS, .flags = GENL_MCAST_CAP_NET_ADMIN },
};

/*
 * HNV_CMD_NEIGH_MISS to the "events" group of the switch's namespace.
 * From the packet path (softirq, under RCU).
 */
void hnv_nl_notify_miss(struct hnv_switch *sw, const struct hnv_port *port,
			u32 vsid, bool v6, const union hnv_addr *addr)
{
	struct net *net = dev_net(sw->dev);
	struct sk_buff *skb;
	void *hdr;

	if (!genl_has_listeners(&hnv_genl_family, net, 0))
		return;
	skb = genlmsg_new(NLMSG_GOODSIZE, GFP_ATOMIC);
	if (!skb)
		return;
	hdr = genlmsg_put(skb, 0, 0, &hnv_genl_family, 0, HNV_CMD_NEIGH_MISS);
	if (!hdr ||
	    nla_put_u32(skb, HNV_A_SWITCH_IFINDEX, sw->dev->ifindex) ||
	    nla_put_u32(skb, HNV_A_PORT_IFINDEX, port->dev->ifindex) ||
	    nla_put_u32(skb, HNV_A_VSID, vsid) ||
	    nla_put(skb, HNV_A_MISS_ADDR, v6 ? 16 : 4, addr)) {
		kfree_skb(skb);
		return;
	}
	genlmsg_end(skb, hdr);
	genlmsg_multicast_netns(&hnv_genl_family, net, skb, 0, 0, GFP_ATOMIC);
}

struct genl_family hnv_genl_family __ro_after_init = {
	.name		= HNV_GENL_NAME,
	.version	= HNV_GENL_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.ops		= hnv_genl_ops,
	.n_ops		= ARRAY_SIZE(hnv_genl_ops),
	.mcgrps		= hnv_genl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(hnv_genl_mcgrps),
};

int __init hnv_genl_init(void)
{
	return genl_register_family(&hnv_genl_family);
}

void hnv_genl_exit(void)
{
	genl_unregister_family(&hnv_genl_family);
}
