// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Generic netlink: virtual subnets, port binding and the flow tables.
 */

#include <linux/etherdevice.h>
#include <linux/inetdevice.h>
#include <linux/jiffies.h>
#include <linux/rhashtable.h>
#include <linux/rtnetlink.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "compat.h"
#include "netlink.h"

#define HNV_NL_SELECTORS						\
	[HNV_A_SWITCH_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),		\
	[HNV_A_SWITCH_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 }

static struct netlink_range_validation hnv_vsid_range = {
	.min = HNV_VSID_MIN,
	.max = HNV_VSID_MAX,
};

static const struct nla_policy hnv_prefix4_policy[HNV_PREFIX_A_MAX + 1] = {
	[HNV_PREFIX_A_ADDR]	= NLA_POLICY_EXACT_LEN(4),
	[HNV_PREFIX_A_LEN]	= NLA_POLICY_RANGE(NLA_U8, 8, 30),
	[HNV_PREFIX_A_GATEWAY]	= NLA_POLICY_EXACT_LEN(4),
};

static const struct nla_policy hnv_prefix6_policy[HNV_PREFIX_A_MAX + 1] = {
	[HNV_PREFIX_A_ADDR]	= NLA_POLICY_EXACT_LEN(16),
	[HNV_PREFIX_A_LEN]	= NLA_POLICY_RANGE(NLA_U8, 16, 126),
	[HNV_PREFIX_A_GATEWAY]	= NLA_POLICY_EXACT_LEN(16),
};

const struct nla_policy hnv_subnet_policy[HNV_A_MAX + 1] = {
	HNV_NL_SELECTORS,
	[HNV_A_VSID]		= NLA_POLICY_FULL_RANGE(NLA_U32, &hnv_vsid_range),
	[HNV_A_RDID]		= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_ENCAP]		= NLA_POLICY_RANGE(NLA_U8, HNV_ENCAP_VXLAN,
						   HNV_ENCAP_MAX),
	[HNV_A_SUBNET_PREFIX4]	= NLA_POLICY_NESTED(hnv_prefix4_policy),
	[HNV_A_SUBNET_PREFIX6]	= NLA_POLICY_NESTED(hnv_prefix6_policy),
};

const struct nla_policy hnv_port_set_policy[HNV_A_MAX + 1] = {
	HNV_NL_SELECTORS,
	[HNV_A_PORT_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[HNV_A_PORT_IFNAME]	= { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[HNV_A_VSID]		= { .type = NLA_U32 },
	[HNV_A_PORT_MAC]	= NLA_POLICY_ETH_ADDR,
	[HNV_A_PORT_CAS]	= { .type = NLA_NESTED },
};

/*
 * HNV_A_PORT_CAS: 1 .. HNV_PORT_CAS_MAX attributes of type 1, 4 or 16
 * bytes each.  Returns a new struct hnv_port_cas or an ERR_PTR.
 */
static struct hnv_port_cas *hnv_nl_parse_cas(const struct nlattr *nest,
					     struct netlink_ext_ack *extack)
{
	struct hnv_port_cas *cas;
	const struct nlattr *attr;
	int rem, len;

	cas = kzalloc(struct_size(cas, ca, HNV_PORT_CAS_MAX), GFP_KERNEL);
	if (!cas)
		return ERR_PTR(-ENOMEM);
	nla_for_each_nested(attr, nest, rem) {
		struct hnv_ca *ca = &cas->ca[cas->n];

		len = nla_len(attr);
		if (nla_type(attr) != 1 || (len != 4 && len != 16)) {
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "a customer address is an attribute of type 1 holding 4 or 16 bytes");
			goto err;
		}
		if (cas->n == HNV_PORT_CAS_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, attr, "too many customer addresses");
			goto err;
		}
		ca->v6 = len == 16;
		memcpy(&ca->addr, nla_data(attr), len);
		cas->n++;
	}
	if (rem > 0) {
		/* A truncated last address or bytes after the last one. */
		NL_SET_ERR_MSG_ATTR(extack, nest,
				    "malformed customer address list: bytes left after the last address");
		goto err;
	}
	if (!cas->n) {
		NL_SET_ERR_MSG_ATTR(extack, nest, "no customer address in the list");
		goto err;
	}
	return cas;
err:
	kfree(cas);
	return ERR_PTR(-EINVAL);
}

int hnv_nl_port_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct hnv_port_cas *cas = NULL;
	struct hnv_port *port;
	const u8 *mac = NULL;
	u32 vsid;
	int err;

	if (HNV_NL_MISSING(info, HNV_A_VSID))
		return -EINVAL;
	vsid = nla_get_u32(attrs[HNV_A_VSID]);
	if (vsid && (vsid < HNV_VSID_MIN || vsid > HNV_VSID_MAX)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[HNV_A_VSID],
				    "VSID must be 0 (unbind) or 4096..16777214");
		return -ERANGE;
	}
	if (attrs[HNV_A_PORT_MAC] && !vsid) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[HNV_A_PORT_MAC],
				    "unbinding (VSID 0) takes no MAC");
		return -EINVAL;
	}
	if (attrs[HNV_A_PORT_CAS] && !vsid) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[HNV_A_PORT_CAS],
				    "unbinding (VSID 0) takes no customer addresses");
		return -EINVAL;
	}
	if (attrs[HNV_A_PORT_MAC]) {
		mac = nla_data(attrs[HNV_A_PORT_MAC]);
		if (!is_valid_ether_addr(mac)) {
			NL_SET_ERR_MSG_ATTR(info->extack, attrs[HNV_A_PORT_MAC],
					    "the port's MAC must be unicast and not zero");
			return -EINVAL;
		}
	}

	if (attrs[HNV_A_PORT_CAS]) {
		cas = hnv_nl_parse_cas(attrs[HNV_A_PORT_CAS], info->extack);
		if (IS_ERR(cas))
			return PTR_ERR(cas);
	}

	rtnl_lock();
	port = hnv_nl_port(genl_info_net(info), attrs, info->extack);
	if (IS_ERR(port)) {
		kfree(cas);
		err = PTR_ERR(port);
	} else {
		err = hnv_port_bind(port, vsid, mac, cas, info->extack);
	}
	rtnl_unlock();
	return err;
}

/*
 * A subnet's prefix of one family (the policy checked the attributes'
 * sizes and the length's range): no bits past the length, and a gateway
 * inside that is neither the prefix itself nor, for IPv4, its broadcast
 * address; by default the prefix's first usable address.
 */
static int hnv_nl_parse_prefix(const struct nlattr *nest, bool v6,
			       struct hnv_prefix *p,
			       struct netlink_ext_ack *extack)
{
	struct nlattr *tb[HNV_PREFIX_A_MAX + 1];
	struct nlattr *addr, *gw;
	struct in6_addr masked;
	__be32 mask = 0;
	int err;

	err = nla_parse_nested(tb, HNV_PREFIX_A_MAX, nest,
			       v6 ? hnv_prefix6_policy : hnv_prefix4_policy,
			       extack);
	if (err)
		return err;
	addr = tb[HNV_PREFIX_A_ADDR];
	gw = tb[HNV_PREFIX_A_GATEWAY];
	if (!addr || !tb[HNV_PREFIX_A_LEN]) {
		NL_SET_ERR_MSG_ATTR(extack, nest,
				    "a prefix needs HNV_PREFIX_A_ADDR and HNV_PREFIX_A_LEN");
		NL_SET_ERR_ATTR_MISS(extack, nest, addr ? HNV_PREFIX_A_LEN :
				     HNV_PREFIX_A_ADDR);
		return -EINVAL;
	}
	p->len = nla_get_u8(tb[HNV_PREFIX_A_LEN]);
	memcpy(&p->addr, nla_data(addr), nla_len(addr));
	if (v6) {
		ipv6_addr_prefix(&masked, &p->addr.v6, p->len);
		err = !ipv6_addr_equal(&masked, &p->addr.v6);
	} else {
		mask = inet_make_mask(p->len);
		err = !!(p->addr.v4 & ~mask);
	}
	if (err) {
		NL_SET_ERR_MSG_ATTR(extack, addr,
				    "the prefix has bits set past its length");
		return -EINVAL;
	}
	if (!gw) {
		p->gw = p->addr;
		if (v6)
			p->gw.v6.s6_addr[15] |= 1;
		else
			p->gw.v4 |= htonl(1);
		return 0;
	}
	memcpy(&p->gw, nla_data(gw), nla_len(gw));
	if (!hnv_prefix_contains(p, v6, &p->gw) ||
	    (v6 ? ipv6_addr_equal(&p->gw.v6, &p->addr.v6) :
		  (p->gw.v4 == p->addr.v4 || (p->gw.v4 | mask) == htonl(~0U)))) {
		NL_SET_ERR_MSG_ATTR(extack, gw,
				    "the gateway must be a usable address of the prefix");
		return -EINVAL;
	}
	return 0;
}

int hnv_nl_subnet_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct hnv_subnet tmpl = { .encap = HNV_ENCAP_VXLAN };
	struct nlattr **attrs = info->attrs;
	struct hnv_switch *sw;
	int err;

	if (HNV_NL_MISSING(info, HNV_A_VSID) ||
	    HNV_NL_MISSING(info, HNV_A_RDID))
		return -EINVAL;
	tmpl.vsid = nla_get_u32(attrs[HNV_A_VSID]);
	tmpl.rdid = nla_get_u32(attrs[HNV_A_RDID]);
	if (attrs[HNV_A_ENCAP])
		tmpl.encap = nla_get_u8(attrs[HNV_A_ENCAP]);
	if (attrs[HNV_A_SUBNET_PREFIX4]) {
		err = hnv_nl_parse_prefix(attrs[HNV_A_SUBNET_PREFIX4], false,
					  &tmpl.p4, info->extack);
		if (err)
			return err;
	}
	if (attrs[HNV_A_SUBNET_PREFIX6]) {
		err = hnv_nl_parse_prefix(attrs[HNV_A_SUBNET_PREFIX6], true,
					  &tmpl.p6, info->extack);
		if (err)
			return err;
	}

	rtnl_lock();
	sw = hnv_nl_switch_required(genl_info_net(info), attrs, info->extack);
	err = IS_ERR(sw) ? PTR_ERR(sw) : hnv_subnet_add(sw, &tmpl, info->extack);
	rtnl_unlock();
	return err;
}

int hnv_nl_subnet_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct hnv_switch *sw;
	int err;

	if (HNV_NL_MISSING(info, HNV_A_VSID))
		return -EINVAL;

	rtnl_lock();
	sw = hnv_nl_switch_required(genl_info_net(info), info->attrs,
				    info->extack);
	err = IS_ERR(sw) ? PTR_ERR(sw) :
		hnv_subnet_del(sw, nla_get_u32(info->attrs[HNV_A_VSID]),
			       info->extack);
	rtnl_unlock();
	return err;
}

static int hnv_nl_fill_prefix(struct sk_buff *skb, int type,
			      const struct hnv_prefix *p, bool v6)
{
	int alen = v6 ? 16 : 4;
	struct nlattr *nest;

	if (!p->len)
		return 0;
	nest = nla_nest_start(skb, type);
	if (!nest ||
	    nla_put(skb, HNV_PREFIX_A_ADDR, alen, &p->addr) ||
	    nla_put_u8(skb, HNV_PREFIX_A_LEN, p->len) ||
	    nla_put(skb, HNV_PREFIX_A_GATEWAY, alen, &p->gw))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int hnv_nl_fill_subnet(struct sk_buff *skb, struct hnv_switch *sw,
			      struct hnv_subnet *sn, u32 portid, u32 seq,
			      int flags, struct netlink_callback *cb)
{
	void *hdr;

	hdr = hnv_nl_put(skb, portid, seq, flags, HNV_CMD_SUBNET_GET, cb);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, HNV_A_SWITCH_IFINDEX, sw->dev->ifindex) ||
	    nla_put_string(skb, HNV_A_SWITCH_IFNAME, sw->dev->name) ||
	    nla_put_u32(skb, HNV_A_VSID, sn->vsid) ||
	    nla_put_u32(skb, HNV_A_RDID, sn->rdid) ||
	    nla_put_u8(skb, HNV_A_ENCAP, sn->encap) ||
	    hnv_nl_fill_prefix(skb, HNV_A_SUBNET_PREFIX4, &sn->p4, false) ||
	    hnv_nl_fill_prefix(skb, HNV_A_SUBNET_PREFIX6, &sn->p6, true)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

int hnv_nl_subnet_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct hnv_subnet *sn;
	struct hnv_switch *sw;
	struct sk_buff *msg;
	int err;

	if (HNV_NL_MISSING(info, HNV_A_VSID))
		return -EINVAL;
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
	sn = hnv_subnet_find(sw, nla_get_u32(info->attrs[HNV_A_VSID]));
	if (!sn) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[HNV_A_VSID],
				    "no such virtual subnet on this switch");
		err = -ENOENT;
		goto err_unlock;
	}
	err = hnv_nl_fill_subnet(msg, sw, sn, info->snd_portid, info->snd_seq,
				 0, NULL);
	if (err)
		goto err_unlock;
	rtnl_unlock();
	return genlmsg_reply(msg, info);

err_unlock:
	rtnl_unlock();
	nlmsg_free(msg);
	return err;
}

/* cb->args[0]: switches done, cb->args[1]: subnets of the current one. */
static int hnv_nl_dump_subnets(struct sk_buff *skb, struct hnv_switch *sw,
			       struct netlink_callback *cb, void *arg)
{
	struct hnv_subnet *sn;
	long pos = 0;
	int err, bkt;

	hash_for_each(sw->subnets, bkt, sn, node) {
		if (!hnv_nl_dump_next(cb, &pos))
			continue;
		err = hnv_nl_fill_subnet(skb, sw, sn, NETLINK_CB(cb->skb).portid,
					 cb->nlh->nlmsg_seq, NLM_F_MULTI, cb);
		if (err)
			return err;
		hnv_nl_dump_sent(cb, pos);
	}
	return 0;
}

int hnv_nl_subnet_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
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
		err = hnv_nl_dump_switches(skb, cb, only, hnv_nl_dump_subnets,
					   NULL);
	}
	rtnl_unlock();
	return hnv_nl_dump_end(skb, err);
}

/* The port a flow request narrows to, NULL for none.  Under RTNL. */
static struct hnv_port *hnv_nl_port_optional(struct net *net,
					     struct nlattr **attrs,
					     struct netlink_ext_ack *extack)
{
	if (!attrs[HNV_A_PORT_IFINDEX] && !attrs[HNV_A_PORT_IFNAME])
		return NULL;
	return hnv_nl_port(net, attrs, extack);
}

static int hnv_nl_fill_encap(struct sk_buff *skb, const struct hnv_action *a)
{
	struct nlattr *nest = nla_nest_start(skb, HNV_ACTION_A_ENCAP);

	if (!nest ||
	    nla_put_u8(skb, HNV_ENCAP_A_TYPE, a->encap) ||
	    nla_put_u32(skb, HNV_ENCAP_A_VNI, a->vni) ||
	    nla_put_in_addr(skb, HNV_ENCAP_A_SRC, a->pa_src) ||
	    nla_put_in_addr(skb, HNV_ENCAP_A_DST, a->pa_dst))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * Which ACL rule decided, as a nest of type @type: for actions the
 * attachment and the rule, for trace steps (@verdict) also its action.
 */
int hnv_nl_fill_acl_ref(struct sk_buff *skb, int type,
			const struct hnv_acl_ref *ref, bool verdict)
{
	struct nlattr *nest = nla_nest_start(skb, type);

	if (!nest)
		return -EMSGSIZE;
	if (ref->conn) {
		if (nla_put_u8(skb, HNV_ACL_A_DIR, ref->dir) ||
		    nla_put_u8(skb, HNV_ACL_A_CONN, ref->conn))
			goto cancel;
		nla_nest_end(skb, nest);
		return 0;
	}
	if (nla_put_u8(skb, HNV_ACL_A_DIR, ref->dir) ||
	    nla_put_u32(skb, ref->vsid ? HNV_ACL_A_VSID : HNV_ACL_A_PORT_IFINDEX,
			ref->id) ||
	    (ref->prio ? nla_put_u32(skb, HNV_ACL_A_PRIORITY, ref->prio) :
			 nla_put_flag(skb, HNV_ACL_A_DEFAULT)))
		goto cancel;
	if (verdict &&
	    (nla_put_u8(skb, HNV_ACL_A_ACTION, ref->action) ||
	     (ref->stateful && nla_put_flag(skb, HNV_ACL_A_STATEFUL))))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;
cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/* @n actions @a as a nest of type @type (HNV_FLOW_A_ACTIONS' format). */
int hnv_nl_fill_actions(struct sk_buff *skb, int type,
			const struct hnv_action *acts, int n)
{
	struct nlattr *nest;
	int i, err = 0;

	nest = nla_nest_start(skb, type);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < n && !err; i++) {
		const struct hnv_action *a = &acts[i];

		if (a->type == HNV_ACTION_A_OUTPUT)
			err = nla_put_u32(skb, HNV_ACTION_A_OUTPUT, a->ifindex);
		else if (a->type == HNV_ACTION_A_REPLY)
			err = nla_put(skb, HNV_ACTION_A_REPLY, ETH_ALEN, a->mac);
		else if (a->type == HNV_ACTION_A_ROUTE)
			err = nla_put(skb, HNV_ACTION_A_ROUTE, ETH_ALEN,
				      a->l3.mac);
		else if (a->type == HNV_ACTION_A_ICMP)
			err = nla_put_u16(skb, HNV_ACTION_A_ICMP,
					  a->l3.type << 8 | a->l3.code);
		else if (a->type == HNV_ACTION_A_ECHO)
			err = nla_put_flag(skb, HNV_ACTION_A_ECHO);
		else if (a->type == HNV_ACTION_A_ENCAP)
			err = hnv_nl_fill_encap(skb, a);
		else if (a->type == HNV_ACTION_A_ACL)
			err = hnv_nl_fill_acl_ref(skb, HNV_ACTION_A_ACL,
						  &a->acl, false);
		else
			err = nla_put_u8(skb, HNV_ACTION_A_DROP, a->reason);
	}
	if (err) {
		nla_nest_cancel(skb, nest);
		return err;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int hnv_nl_fill_flow_actions(struct sk_buff *skb,
				    const struct hnv_actions *acts)
{
	return hnv_nl_fill_actions(skb, HNV_FLOW_A_ACTIONS, acts->a, acts->n);
}

int hnv_nl_fill_flow_key(struct sk_buff *skb,
				const struct hnv_flow_key *k)
{
	int alen;

	if (k->vsid &&
	    (nla_put_u32(skb, HNV_FLOW_A_VSID, k->vsid) ||
	     nla_put_in_addr(skb, HNV_FLOW_A_TUN_SRC, k->tun_src)))
		return -EMSGSIZE;
	if (nla_put(skb, HNV_FLOW_A_ETH_SRC, ETH_ALEN, k->eth_src) ||
	    nla_put(skb, HNV_FLOW_A_ETH_DST, ETH_ALEN, k->eth_dst) ||
	    nla_put_be16(skb, HNV_FLOW_A_ETH_TYPE, k->eth_type))
		return -EMSGSIZE;
	/* ARP: the sender and target protocol addresses, no protocol. */
	if (k->eth_type == htons(ETH_P_ARP) && k->ip_proto) {
		if (nla_put_in_addr(skb, HNV_FLOW_A_IP_SRC, k->addr.v4[0]) ||
		    nla_put_in_addr(skb, HNV_FLOW_A_IP_DST, k->addr.v4[1]))
			return -EMSGSIZE;
		return 0;
	}
	if (k->eth_type == htons(ETH_P_IP))
		alen = sizeof(k->addr.v4[0]);
	else if (k->eth_type == htons(ETH_P_IPV6))
		alen = sizeof(k->addr.v6[0]);
	else
		return 0;
	if (nla_put_u8(skb, HNV_FLOW_A_IP_PROTO, k->ip_proto) ||
	    nla_put(skb, HNV_FLOW_A_IP_SRC, alen,
		    alen == 4 ? (void *)&k->addr.v4[0] : (void *)&k->addr.v6[0]) ||
	    nla_put(skb, HNV_FLOW_A_IP_DST, alen,
		    alen == 4 ? (void *)&k->addr.v4[1] : (void *)&k->addr.v6[1]) ||
	    nla_put_be16(skb, HNV_FLOW_A_L4_SRC, k->l4_src) ||
	    nla_put_be16(skb, HNV_FLOW_A_L4_DST, k->l4_dst))
		return -EMSGSIZE;
	return 0;
}

/* Under RCU. */
static int hnv_nl_fill_flow(struct sk_buff *skb, struct hnv_port *port,
			    struct hnv_flow *flow, struct netlink_callback *cb)
{
	struct nlattr *nest;
	void *hdr;

	hdr = hnv_nl_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			 NLM_F_MULTI, HNV_CMD_FLOW_GET, cb);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(skb, HNV_A_SWITCH_IFINDEX, port->sw->dev->ifindex) ||
	    nla_put_u32(skb, HNV_A_PORT_IFINDEX, port->dev->ifindex))
		goto cancel;
	nest = nla_nest_start(skb, HNV_A_FLOW);
	if (!nest ||
	    hnv_nl_fill_flow_key(skb, &flow->key) ||
	    hnv_nl_fill_flow_actions(skb, rcu_dereference(flow->acts)) ||
	    nla_put_u64_64bit(skb, HNV_FLOW_A_PACKETS,
			      atomic64_read(&flow->packets), HNV_FLOW_A_PAD) ||
	    nla_put_u64_64bit(skb, HNV_FLOW_A_BYTES,
			      atomic64_read(&flow->bytes), HNV_FLOW_A_PAD) ||
	    nla_put_u32(skb, HNV_FLOW_A_IDLE_MS,
			jiffies_to_msecs(jiffies - READ_ONCE(flow->used))))
		goto cancel;
	nla_nest_end(skb, nest);
	genlmsg_end(skb, hdr);
	return 0;

cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/*
 * Flows of one port from position *pos on.  The walk restarts from the
 * table's beginning for every part of a dump, so flows added or removed
 * meanwhile may be missed or listed twice, as with any hash table dump.
 */
static int hnv_nl_dump_port_flows(struct sk_buff *skb, struct hnv_port *port,
				  struct netlink_callback *cb, long *pos)
{
	struct rhashtable_iter iter;
	struct hnv_flow *flow;
	long i = 0;
	int err = 0;

	rhashtable_walk_enter(&port->uft, &iter);
	rhashtable_walk_start(&iter);
	while ((flow = rhashtable_walk_next(&iter))) {
		if (IS_ERR(flow))
			continue;
		if (i++ < *pos)
			continue;
		err = hnv_nl_fill_flow(skb, port, flow, cb);
		if (err)
			break;
		*pos = i;
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	return err;
}

/*
 * cb->args[0]: switches done, [1]: ports done (the uplink counts as the
 * last), [2]: flows of the port.
 */
int hnv_nl_flow_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct nlattr **attrs = hnv_dump_attrs(cb);
	struct hnv_port *port, *only_port;
	struct hnv_switch *sw, *only;
	long si = 0, pi;
	int err = 0;

	rtnl_lock();
	only = hnv_nl_switch(net, attrs, cb->extack);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
		goto out;
	}
	only_port = hnv_nl_port_optional(net, attrs, cb->extack);
	if (IS_ERR(only_port)) {
		err = PTR_ERR(only_port);
		goto out;
	}
	list_for_each_entry(sw, &hnv_net(net)->switches, net_list) {
		if (si++ < cb->args[0] || (only && sw != only))
			continue;
		pi = 0;
		list_for_each_entry(port, &sw->ports, list) {
			if (pi++ < cb->args[1] || (only_port && port != only_port))
				continue;
			err = hnv_nl_dump_port_flows(skb, port, cb, &cb->args[2]);
			if (err)
				goto out;
			cb->args[1] = pi;
			cb->args[2] = 0;
		}
		/* The uplink comes after the ports. */
		if (!only_port && cb->args[1] <= sw->nports) {
			err = hnv_nl_dump_port_flows(skb, sw->uplink, cb,
						     &cb->args[2]);
			if (err)
				goto out;
			cb->args[2] = 0;
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

int hnv_nl_flow_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct hnv_port *port;
	struct hnv_switch *sw;
	int err = 0;

	rtnl_lock();
	sw = hnv_nl_switch_required(net, info->attrs, info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	port = hnv_nl_port_optional(net, info->attrs, info->extack);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	if (port && port->sw != sw) {
		NL_SET_ERR_MSG(info->extack, "the port is not on this switch");
		err = -EINVAL;
		goto out;
	}
	hnv_uft_flush(sw, port);
out:
	rtnl_unlock();
	return err;
}
