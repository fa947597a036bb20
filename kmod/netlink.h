/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * What the generic-netlink files share.
 */
#ifndef _HNV_NETLINK_H
#define _HNV_NETLINK_H

#include <net/genetlink.h>

#include "hnv.h"

extern struct genl_family hnv_genl_family;
extern const struct nla_policy hnv_port_get_policy[HNV_A_MAX + 1];
extern const struct nla_policy hnv_port_set_policy[HNV_A_MAX + 1];
extern const struct nla_policy hnv_subnet_policy[HNV_A_MAX + 1];
extern const struct nla_policy hnv_map_policy[HNV_A_MAX + 1];
extern const struct nla_policy hnv_route_policy[HNV_A_MAX + 1];

/* netlink.c: selectors (under RTNL), message headers, prefixes */
extern const struct nla_policy hnv_net_policy[HNV_PREFIX_A_MAX + 1];
int hnv_nl_parse_net(const struct nlattr *nest, int *alen,
		     union hnv_addr *addr, u8 *len,
		     struct netlink_ext_ack *extack);
struct net_device *hnv_nl_dev(struct net *net, struct nlattr **attrs,
			      int ifindex_attr, int ifname_attr,
			      struct netlink_ext_ack *extack);
struct hnv_switch *hnv_nl_switch(struct net *net, struct nlattr **attrs,
				 struct netlink_ext_ack *extack);
struct hnv_switch *hnv_nl_switch_required(struct net *net,
					  struct nlattr **attrs,
					  struct netlink_ext_ack *extack);
struct hnv_port *hnv_nl_port(struct net *net, struct nlattr **attrs,
			     struct netlink_ext_ack *extack);
void *hnv_nl_put(struct sk_buff *skb, u32 portid, u32 seq, int flags,
		 u8 cmd, struct netlink_callback *cb);

/*
 * True (and the extack names it, by type and by name) if the request
 * lacks the required attribute @attr.
 */
#define HNV_NL_MISSING(info, attr) ({					\
	struct genl_info *__hinfo = (info);				\
	bool __miss = GENL_REQ_ATTR_CHECK(__hinfo, attr);		\
									\
	if (__miss)							\
		NL_SET_ERR_MSG(__hinfo->extack,				\
			       "missing " #attr);			\
	__miss;								\
})

typedef int (*hnv_nl_dump_fn)(struct sk_buff *skb, struct hnv_switch *sw,
			      struct netlink_callback *cb, void *arg);
int hnv_nl_dump_switches(struct sk_buff *skb, struct netlink_callback *cb,
			 struct hnv_switch *only, hnv_nl_dump_fn fn, void *arg);

/*
 * In an hnv_nl_dump_fn: count one more object at *@pos; true if it is
 * past those an earlier part of the dump sent.
 */
static inline bool hnv_nl_dump_next(struct netlink_callback *cb, long *pos)
{
	return (*pos)++ >= cb->args[1];
}

/* The object at @pos went out: a later part resumes after it. */
static inline void hnv_nl_dump_sent(struct netlink_callback *cb, long pos)
{
	cb->args[1] = pos;
}

/* A dump part's return value: a full buffer ends the part, not the dump. */
static inline int hnv_nl_dump_end(struct sk_buff *skb, int err)
{
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/* netlink_vnet.c: virtual subnets, port binding, flows */
int hnv_nl_port_set_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_subnet_new_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_subnet_del_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_subnet_get_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_subnet_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int hnv_nl_flow_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int hnv_nl_flow_flush_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_fill_acl_ref(struct sk_buff *skb, int type,
			const struct hnv_acl_ref *ref, bool verdict);
int hnv_nl_fill_actions(struct sk_buff *skb, int type,
			const struct hnv_action *acts, int n);
int hnv_nl_fill_flow_key(struct sk_buff *skb, const struct hnv_flow_key *k);

/* netlink_map.c: provider addresses, VXLAN port, CA->PA mappings */
struct hnv_pas *hnv_nl_parse_pas(const struct nlattr *nest,
				 struct netlink_ext_ack *extack);
int hnv_nl_set_pas(struct hnv_switch *sw, struct hnv_pas *pas,
		   struct netlink_ext_ack *extack);
int hnv_nl_set_vxlan_port(struct hnv_switch *sw, u16 port,
			  struct netlink_ext_ack *extack);
int hnv_nl_fill_pas(struct sk_buff *skb, struct hnv_switch *sw);
int hnv_nl_map_new_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_map_del_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_map_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

/* netlink_route.c: static routes */
int hnv_nl_route_new_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_route_del_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_route_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);

/* netlink_acl.c: ACLs, tracked connections, traces */
extern const struct nla_policy hnv_acl_policy[HNV_A_MAX + 1];
extern const struct nla_policy hnv_trace_policy[HNV_A_MAX + 1];
int hnv_nl_acl_new_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_acl_del_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_acl_flush_doit(struct sk_buff *skb, struct genl_info *info);
int hnv_nl_acl_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int hnv_nl_conn_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int hnv_nl_trace_doit(struct sk_buff *skb, struct genl_info *info);

#endif /* _HNV_NETLINK_H */
