// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Generic netlink: the switch's provider addresses and VXLAN port, and the
 * CA->PA mappings.
 */

#include <linux/etherdevice.h>
#include <linux/rhashtable.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/sock.h>

#include "compat.h"
#include "netlink.h"

static struct netlink_range_validation hnv_map_vsid_range = {
	.min = HNV_VSID_MIN,
	.max = HNV_VSID_MAX,
};

const struct nla_policy hnv_map_policy[HNV_A_MAX + 1] = {
	[HNV_A_SWITCH_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[HNV_A_VSID]		= NLA_POLICY_FULL_RANGE(NLA_U32,
							&hnv_map_vsid_range),
	[HNV_A_MAP_MAC]		= NLA_POLICY_ETH_ADDR,
	[HNV_A_MAP_CA]		= NLA_POLICY_MIN_LEN(4),
	[HNV_A_MAP_PA]		= NLA_POLICY_EXACT_LEN(4),
	[HNV_A_REPLACE]		= { .type = NLA_FLAG },
};

static const struct nla_policy hnv_pa_policy[2] = {
	[1] = NLA_POLICY_EXACT_LEN(4),
};

/*
 * HNV_A_SWITCH_PAS of a SWITCH_SET, checked with no side effect: a new
 * struct hnv_pas (n == 0 for an empty list) or an ERR_PTR.
 */
struct hnv_pas *hnv_nl_parse_pas(const struct nlattr *nest,
				 struct netlink_ext_ack *extack)
{
	const struct nlattr *attr;
	struct hnv_pas *pas;
	int rem, i, err;

	err = nla_validate_nested(nest, 1, hnv_pa_policy, extack);
	if (err)
		return ERR_PTR(err);
	pas = kzalloc(sizeof(*pas), GFP_KERNEL);
	if (!pas)
		return ERR_PTR(-ENOMEM);
	nla_for_each_nested(attr, nest, rem) {
		__be32 a = nla_get_in_addr(attr);

		if (pas->n == HNV_PAS_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, attr, "too many provider addresses");
			goto err_free;
		}
		if (ipv4_is_multicast(a) || ipv4_is_zeronet(a) ||
		    ipv4_is_lbcast(a)) {
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "a provider address must be a unicast address");
			goto err_free;
		}
		for (i = 0; i < pas->n; i++) {
			if (pas->addr[i] == a) {
				NL_SET_ERR_MSG_ATTR(extack, attr,
						    "duplicate provider address");
				goto err_free;
			}
		}
		pas->addr[pas->n++] = a;
	}
	return pas;

err_free:
	kfree(pas);
	return ERR_PTR(-EINVAL);
}

/*
 * Replace the switch's PAs with @pas (from hnv_nl_parse_pas(), consumed
 * either way).  Fails only when the first PA opens the sockets.  RTNL.
 */
int hnv_nl_set_pas(struct hnv_switch *sw, struct hnv_pas *pas,
		   struct netlink_ext_ack *extack)
{
	struct hnv_pas *old = rtnl_dereference(sw->pas);
	int err;

	if (pas->n && !old) {
		/* The first PA: start receiving from the physical network. */
		err = hnv_vxlan_open(sw, sw->vxlan_port, extack);
		if (err)
			goto err_free;
		err = hnv_nvgre_open(sw, extack);
		if (err) {
			hnv_vxlan_close(sw);
			goto err_free;
		}
	}
	if (!pas->n) {
		hnv_nvgre_close(sw);
		hnv_vxlan_close(sw);
		kfree(pas);
		pas = NULL;
	}
	rcu_assign_pointer(sw->pas, pas);
	kfree_rcu(old, rcu);
	hnv_policy_changed(sw);
	return 0;

err_free:
	kfree(pas);
	return err;
}

/* HNV_A_SWITCH_VXLAN_PORT of a SWITCH_SET.  RTNL. */
int hnv_nl_set_vxlan_port(struct hnv_switch *sw, u16 port,
			  struct netlink_ext_ack *extack)
{
	int err;

	if (port == sw->vxlan_port)
		return 0;
	if (rtnl_dereference(sw->vxlan_sock)) {
		hnv_vxlan_close(sw);
		err = hnv_vxlan_open(sw, port, extack);
		if (err) {
			/* Keep listening where we did. */
			if (hnv_vxlan_open(sw, sw->vxlan_port, NULL))
				netdev_warn(sw->dev, "VXLAN port %u lost\n",
					    sw->vxlan_port);
			return err;
		}
	}
	WRITE_ONCE(sw->vxlan_port, port);
	return 0;
}

int hnv_nl_fill_pas(struct sk_buff *skb, struct hnv_switch *sw)
{
	const struct hnv_pas *pas = rtnl_dereference(sw->pas);
	struct nlattr *nest;
	int i;

	if (nla_put_u16(skb, HNV_A_SWITCH_VXLAN_PORT, sw->vxlan_port) ||
	    nla_put_u32(skb, HNV_A_SWITCH_NMAPS, sw->nmaps) ||
	    nla_put_u32(skb, HNV_A_SWITCH_MAPS_MAX, sw->maps_max))
		return -EMSGSIZE;
	if (!pas)
		return 0;
	nest = nla_nest_start(skb, HNV_A_SWITCH_PAS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < pas->n; i++) {
		if (nla_put_in_addr(skb, 1, pas->addr[i])) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int hnv_nl_map_key(struct genl_info *info, struct hnv_map *tmpl)
{
	if (HNV_NL_MISSING(info, HNV_A_VSID) ||
	    HNV_NL_MISSING(info, HNV_A_MAP_MAC))
		return -EINVAL;
	memset(tmpl, 0, sizeof(*tmpl));
	tmpl->key.vsid = nla_get_u32(info->attrs[HNV_A_VSID]);
	ether_addr_copy(tmpl->key.mac, nla_data(info->attrs[HNV_A_MAP_MAC]));
	if (!is_valid_ether_addr(tmpl->key.mac)) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[HNV_A_MAP_MAC],
				    "a mapping's MAC must be unicast and not zero");
		return -EINVAL;
	}
	return 0;
}

int hnv_nl_map_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct hnv_switch *sw;
	struct hnv_map tmpl;
	int err;

	err = hnv_nl_map_key(info, &tmpl);
	if (err)
		return err;
	if (HNV_NL_MISSING(info, HNV_A_MAP_PA))
		return -EINVAL;
	tmpl.pa = nla_get_in_addr(attrs[HNV_A_MAP_PA]);
	if (ipv4_is_multicast(tmpl.pa) || ipv4_is_zeronet(tmpl.pa) ||
	    ipv4_is_lbcast(tmpl.pa)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[HNV_A_MAP_PA],
				    "a provider address must be a unicast address");
		return -EINVAL;
	}
	if (attrs[HNV_A_MAP_CA]) {
		tmpl.ca_len = nla_len(attrs[HNV_A_MAP_CA]);
		if (tmpl.ca_len != 4 && tmpl.ca_len != 16) {
			NL_SET_ERR_MSG_ATTR(info->extack, attrs[HNV_A_MAP_CA],
					    "a CA is 4 (IPv4) or 16 (IPv6) bytes");
			return -EINVAL;
		}
		nla_memcpy(&tmpl.ca, attrs[HNV_A_MAP_CA], sizeof(tmpl.ca));
	}

	rtnl_lock();
	sw = hnv_nl_switch_required(genl_info_net(info), attrs, info->extack);
	err = IS_ERR(sw) ? PTR_ERR(sw) :
		hnv_map_add(sw, &tmpl, nla_get_flag(attrs[HNV_A_REPLACE]),
			    info->extack);
	rtnl_unlock();
	return err;
}

int hnv_nl_map_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct hnv_switch *sw;
	struct hnv_map tmpl;
	int err;

	err = hnv_nl_map_key(info, &tmpl);
	if (err)
		return err;
	rtnl_lock();
	sw = hnv_nl_switch_required(genl_info_net(info), info->attrs,
				    info->extack);
	err = IS_ERR(sw) ? PTR_ERR(sw) :
		hnv_map_del(sw, tmpl.key.vsid, tmpl.key.mac, info->extack);
	rtnl_unlock();
	return err;
}

static int hnv_nl_fill_map(struct sk_buff *skb, struct hnv_switch *sw,
			   const struct hnv_map *map,
			   struct netlink_callback *cb)
{
	void *hdr;

	hdr = hnv_nl_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			 NLM_F_MULTI, HNV_CMD_MAP_GET, cb);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, HNV_A_SWITCH_IFINDEX, sw->dev->ifindex) ||
	    nla_put_u32(skb, HNV_A_VSID, map->key.vsid) ||
	    nla_put(skb, HNV_A_MAP_MAC, ETH_ALEN, map->key.mac) ||
	    nla_put_in_addr(skb, HNV_A_MAP_PA, map->pa) ||
	    (map->ca_len &&
	     nla_put(skb, HNV_A_MAP_CA, map->ca_len, &map->ca))) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/*
 * cb->args[0]: switches done, [1]: mappings of the current switch.  The
 * table walk restarts for every part of the dump; when the dump names one
 * switch, a policy change in between shows as NLM_F_DUMP_INTR.
 */
static int hnv_nl_dump_maps(struct sk_buff *skb, struct hnv_switch *sw,
			    struct netlink_callback *cb, void *arg)
{
	struct rhashtable_iter iter;
	u32 vsid = *(u32 *)arg;
	struct hnv_map *map;
	long pos = 0;
	int err = 0;

	rhashtable_walk_enter(&sw->maps, &iter);
	rhashtable_walk_start(&iter);
	while ((map = rhashtable_walk_next(&iter))) {
		if (IS_ERR(map))
			continue;
		if ((vsid && map->key.vsid != vsid) ||
		    !hnv_nl_dump_next(cb, &pos))
			continue;
		err = hnv_nl_fill_map(skb, sw, map, cb);
		if (err)
			break;
		hnv_nl_dump_sent(cb, pos);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	return err;
}

int hnv_nl_map_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct nlattr **attrs = hnv_dump_attrs(cb);
	struct hnv_switch *only;
	u32 vsid = 0;
	int err;

	if (attrs[HNV_A_VSID])
		vsid = nla_get_u32(attrs[HNV_A_VSID]);
	rtnl_lock();
	only = hnv_nl_switch(net, attrs, cb->extack);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
	} else {
		/* One switch's mappings: its policy generation flags overlap. */
		cb->seq = only ? only->gen : hnv_net(net)->gen;
		err = hnv_nl_dump_switches(skb, cb, only, hnv_nl_dump_maps,
					   &vsid);
	}
	rtnl_unlock();
	return hnv_nl_dump_end(skb, err);
}
