// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The hnv family's messages.  Parsers check every attribute they use
 * (exact size, NUL-terminated names that fit IFNAMSIZ) and ignore
 * attributes they do not know, so that a newer kernel can add some.
 * A malformed reply gives -EBADMSG.
 */
#include <assert.h>
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/hnv.h>

#include "msg.h"
#include "util.h"

static_assert(__HNV_DROP_MAX <= HNV_DROP_REASONS,
	      "struct hnv_stats must hold every enum hnv_drop_reason");
static_assert(HNV_PAS_MAX <= HNV_PAS,
	      "struct hnv_pas must hold HNV_PAS_MAX addresses");
static_assert(HNV_PORT_CAS_MAX <= HNV_CAS,
	      "struct hnv_cas must hold HNV_PORT_CAS_MAX addresses");

/* The type of each address in the nest HNV_A_SWITCH_PAS. */
#define HNV_PAS_A_ADDR 1
/* The type of each address in the nest HNV_A_PORT_CAS. */
#define HNV_CAS_A_ADDR 1

static int put_sel(struct nl_msg *msg, const struct hnv_sel *sel,
		   int ifindex_attr, int ifname_attr)
{
	if (sel->ifindex && nla_put_u32(msg, ifindex_attr, sel->ifindex))
		return -EMSGSIZE;
	if (sel->ifname && nla_put_string(msg, ifname_attr, sel->ifname))
		return -EMSGSIZE;
	return 0;
}

int hnv_put_switch_sel(struct nl_msg *msg, const struct hnv_sel *sw)
{
	return put_sel(msg, sw, HNV_A_SWITCH_IFINDEX, HNV_A_SWITCH_IFNAME);
}

/* A port selector, and the port's switch if sw is not NULL. */
int hnv_put_port_sel(struct nl_msg *msg, const struct hnv_sel *port,
		     const struct hnv_sel *sw)
{
	if (put_sel(msg, port, HNV_A_PORT_IFINDEX, HNV_A_PORT_IFNAME))
		return -EMSGSIZE;
	return sw ? hnv_put_switch_sel(msg, sw) : 0;
}

/*
 * The prefix p of a subnet, if it has one, as the nest type
 * (HNV_A_SUBNET_PREFIX4 or HNV_A_SUBNET_PREFIX6, with NLA_F_NESTED, which
 * the kernel's strict validation wants): HNV_PREFIX_A_ADDR of alen bytes,
 * the u8 HNV_PREFIX_A_LEN and, if given, HNV_PREFIX_A_GATEWAY.
 */
static int put_prefix(struct nl_msg *msg, int type,
		      const struct hnv_prefix *p, int alen)
{
	struct nlattr *nest;

	if (!p->has)
		return 0;
	nest = nla_nest_start(msg, type);
	if (!nest)
		return -EMSGSIZE;
	nest->nla_type |= NLA_F_NESTED;
	if (nla_put(msg, HNV_PREFIX_A_ADDR, alen, p->addr) ||
	    nla_put_u8(msg, HNV_PREFIX_A_LEN, p->len) ||
	    (p->has_gateway &&
	     nla_put(msg, HNV_PREFIX_A_GATEWAY, alen, p->gateway)))
		return -EMSGSIZE;
	return nla_nest_end(msg, nest) < 0 ? -EMSGSIZE : 0;
}

/*
 * HNV_CMD_SUBNET_NEW: the switch, HNV_A_VSID, HNV_A_RDID, HNV_A_ENCAP
 * unless subnet->encap is HNV_ENCAP_UNSPEC (the kernel's default), and
 * the prefixes the subnet has, HNV_A_SUBNET_PREFIX4 (4-byte addresses)
 * and HNV_A_SUBNET_PREFIX6 (16-byte addresses).
 */
int hnv_put_subnet_new(struct nl_msg *msg, const struct hnv_sel *sw,
		       const struct hnv_subnet *subnet)
{
	if (hnv_put_switch_sel(msg, sw) ||
	    nla_put_u32(msg, HNV_A_VSID, subnet->vsid) ||
	    nla_put_u32(msg, HNV_A_RDID, subnet->rdid) ||
	    (subnet->encap && nla_put_u8(msg, HNV_A_ENCAP, subnet->encap)) ||
	    put_prefix(msg, HNV_A_SUBNET_PREFIX4, &subnet->prefix4, 4) ||
	    put_prefix(msg, HNV_A_SUBNET_PREFIX6, &subnet->prefix6, 16))
		return -EMSGSIZE;
	return 0;
}

/*
 * A subnet: the switch selector, and HNV_A_VSID unless vsid is 0 (a dump
 * of the subnets of the switch, or of every switch).
 */
int hnv_put_subnet_sel(struct nl_msg *msg, const struct hnv_sel *sw,
		       uint32_t vsid)
{
	if (hnv_put_switch_sel(msg, sw) ||
	    (vsid && nla_put_u32(msg, HNV_A_VSID, vsid)))
		return -EMSGSIZE;
	return 0;
}

/*
 * HNV_A_PORT_CAS: a nest (NLA_F_NESTED) of one HNV_CAS_A_ADDR of 4 or 16
 * bytes per address, in order.  The kernel refuses an empty one: none is
 * put for no address.
 */
static int put_cas(struct nl_msg *msg, const struct hnv_cas *cas)
{
	struct nlattr *nest;
	unsigned int i;

	if (!cas || !cas->n)
		return 0;
	nest = nla_nest_start(msg, HNV_A_PORT_CAS);
	if (!nest)
		return -EMSGSIZE;
	nest->nla_type |= NLA_F_NESTED;
	for (i = 0; i < cas->n; i++)
		if (nla_put(msg, HNV_CAS_A_ADDR, cas->len[i], cas->addr[i]))
			return -EMSGSIZE;
	return nla_nest_end(msg, nest) < 0 ? -EMSGSIZE : 0;
}

/*
 * HNV_CMD_PORT_SET: the port, HNV_A_VSID (0 unbinds), HNV_A_PORT_MAC if
 * mac is not NULL, and HNV_A_PORT_CAS if cas is not NULL and has any.
 */
int hnv_put_port_set(struct nl_msg *msg, const struct hnv_sel *port,
		     uint32_t vsid, const uint8_t *mac,
		     const struct hnv_cas *cas)
{
	if (hnv_put_port_sel(msg, port, NULL) ||
	    nla_put_u32(msg, HNV_A_VSID, vsid) ||
	    (mac && nla_put(msg, HNV_A_PORT_MAC, ETH_ALEN, mac)) ||
	    put_cas(msg, cas))
		return -EMSGSIZE;
	return 0;
}

/*
 * HNV_A_SWITCH_PAS: a nest (NLA_F_NESTED, which the kernel's strict
 * validation wants) of one HNV_PAS_A_ADDR per address; empty, it is kept,
 * as it removes every PA.
 */
int hnv_put_pas(struct nl_msg *msg, const struct hnv_pas *pas)
{
	struct nlattr *nest = nla_nest_start(msg, HNV_A_SWITCH_PAS);
	unsigned int i;

	if (!nest)
		return -EMSGSIZE;
	nest->nla_type |= NLA_F_NESTED;
	for (i = 0; i < pas->n; i++)
		if (nla_put(msg, HNV_PAS_A_ADDR, 4, pas->addr[i]))
			return -EMSGSIZE;
	return nla_nest_end_keep_empty(msg, nest) < 0 ? -EMSGSIZE : 0;
}

/*
 * HNV_CMD_SWITCH_SET: the switch, those of HNV_A_SWITCH_UFT_MAX,
 * HNV_A_SWITCH_UFT_PORT_MAX and HNV_A_SWITCH_UFT_IDLE_MS that conf->uft.has
 * names, and those of HNV_A_SWITCH_PAS, HNV_A_SWITCH_VXLAN_PORT,
 * HNV_A_SWITCH_STRICT and HNV_A_SWITCH_NVGRE_FLOWID (both NLA_U8, 1 or 0),
 * HNV_A_SWITCH_ROUTER_MAC (ETH_ALEN bytes), HNV_A_SWITCH_CONN_TIMEOUT and
 * HNV_A_SWITCH_CONN_TCP_TIMEOUT (NLA_U32 seconds) and
 * HNV_A_SWITCH_MAPS_MAX (NLA_U32) that conf->has names.
 */
int hnv_put_switch_set(struct nl_msg *msg, const struct hnv_sel *sw,
		       const struct hnv_switch_conf *conf)
{
	const struct hnv_uft_conf *uft = &conf->uft;

	if (hnv_put_switch_sel(msg, sw) ||
	    ((uft->has & HNV_UFT_SET_MAX) &&
	     nla_put_u32(msg, HNV_A_SWITCH_UFT_MAX, uft->max)) ||
	    ((uft->has & HNV_UFT_SET_PORT_MAX) &&
	     nla_put_u32(msg, HNV_A_SWITCH_UFT_PORT_MAX, uft->port_max)) ||
	    ((uft->has & HNV_UFT_SET_IDLE_MS) &&
	     nla_put_u32(msg, HNV_A_SWITCH_UFT_IDLE_MS, uft->idle_ms)) ||
	    ((conf->has & HNV_SWITCH_SET_PAS) &&
	     hnv_put_pas(msg, &conf->pas)) ||
	    ((conf->has & HNV_SWITCH_SET_VXLAN_PORT) &&
	     nla_put_u16(msg, HNV_A_SWITCH_VXLAN_PORT, conf->vxlan_port)) ||
	    ((conf->has & HNV_SWITCH_SET_STRICT) &&
	     nla_put_u8(msg, HNV_A_SWITCH_STRICT, conf->strict ? 1 : 0)) ||
	    ((conf->has & HNV_SWITCH_SET_NVGRE_FLOWID) &&
	     nla_put_u8(msg, HNV_A_SWITCH_NVGRE_FLOWID,
			conf->nvgre_flowid ? 1 : 0)) ||
	    ((conf->has & HNV_SWITCH_SET_ROUTER_MAC) &&
	     nla_put(msg, HNV_A_SWITCH_ROUTER_MAC, ETH_ALEN,
		     conf->router_mac)) ||
	    ((conf->has & HNV_SWITCH_SET_CONN_TIMEOUT) &&
	     nla_put_u32(msg, HNV_A_SWITCH_CONN_TIMEOUT, conf->conn_timeout)) ||
	    ((conf->has & HNV_SWITCH_SET_CONN_TCP_TIMEOUT) &&
	     nla_put_u32(msg, HNV_A_SWITCH_CONN_TCP_TIMEOUT,
			 conf->conn_tcp_timeout)) ||
	    ((conf->has & HNV_SWITCH_SET_MAPS_MAX) &&
	     nla_put_u32(msg, HNV_A_SWITCH_MAPS_MAX, conf->maps_max)))
		return -EMSGSIZE;
	return 0;
}

/*
 * HNV_CMD_MAP_NEW: the switch, HNV_A_VSID, HNV_A_MAP_MAC, HNV_A_MAP_CA if
 * map->ca_len, HNV_A_MAP_PA, and the flag HNV_A_REPLACE if replace: an
 * existing mapping of the key is then moved rather than -EEXIST.  (Not
 * NLM_F_REPLACE: generic netlink reserves its bit for dumps.)
 */
int hnv_put_map_new(struct nl_msg *msg, const struct hnv_sel *sw,
		    const struct hnv_map *map, bool replace)
{
	if (hnv_put_map_del(msg, sw, map->vsid, map->mac) ||
	    (map->ca_len && nla_put(msg, HNV_A_MAP_CA, map->ca_len, map->ca)) ||
	    nla_put(msg, HNV_A_MAP_PA, 4, map->pa) ||
	    (replace && nla_put_flag(msg, HNV_A_REPLACE)))
		return -EMSGSIZE;
	return 0;
}

/* HNV_CMD_MAP_DEL: the switch and the key, HNV_A_VSID and HNV_A_MAP_MAC. */
int hnv_put_map_del(struct nl_msg *msg, const struct hnv_sel *sw,
		    uint32_t vsid, const uint8_t *mac)
{
	if (hnv_put_switch_sel(msg, sw) ||
	    nla_put_u32(msg, HNV_A_VSID, vsid) ||
	    nla_put(msg, HNV_A_MAP_MAC, ETH_ALEN, mac))
		return -EMSGSIZE;
	return 0;
}

/*
 * HNV_CMD_MAP_GET (a dump): the switch selector, if set, and HNV_A_VSID
 * unless vsid is 0.
 */
int hnv_put_map_sel(struct nl_msg *msg, const struct hnv_sel *sw,
		    uint32_t vsid)
{
	return hnv_put_subnet_sel(msg, sw, vsid);
}

/*
 * HNV_A_ROUTE_PREFIX: a nest (NLA_F_NESTED) of HNV_PREFIX_A_ADDR, alen
 * bytes, and the u8 HNV_PREFIX_A_LEN.
 */
static int put_route_prefix(struct nl_msg *msg, const struct hnv_route *r)
{
	struct nlattr *nest = nla_nest_start(msg, HNV_A_ROUTE_PREFIX);

	if (!nest)
		return -EMSGSIZE;
	nest->nla_type |= NLA_F_NESTED;
	if (nla_put(msg, HNV_PREFIX_A_ADDR, r->alen, r->addr) ||
	    nla_put_u8(msg, HNV_PREFIX_A_LEN, r->len))
		return -EMSGSIZE;
	return nla_nest_end(msg, nest) < 0 ? -EMSGSIZE : 0;
}

/*
 * HNV_CMD_ROUTE_DEL: the switch and the key of a route, HNV_A_RDID and
 * HNV_A_ROUTE_PREFIX.
 */
int hnv_put_route_del(struct nl_msg *msg, const struct hnv_sel *sw,
		      const struct hnv_route *route)
{
	if (hnv_put_switch_sel(msg, sw) ||
	    nla_put_u32(msg, HNV_A_RDID, route->rdid) ||
	    put_route_prefix(msg, route))
		return -EMSGSIZE;
	return 0;
}

/*
 * HNV_CMD_ROUTE_NEW: the switch, HNV_A_RDID, HNV_A_ROUTE_PREFIX,
 * HNV_A_ROUTE_VIA (alen bytes, the prefix's family) and the flag
 * HNV_A_REPLACE if replace: the next hop of an existing route is then
 * changed rather than -EEXIST.
 */
int hnv_put_route_new(struct nl_msg *msg, const struct hnv_sel *sw,
		      const struct hnv_route *route, bool replace)
{
	if (hnv_put_route_del(msg, sw, route) ||
	    nla_put(msg, HNV_A_ROUTE_VIA, route->alen, route->via) ||
	    (replace && nla_put_flag(msg, HNV_A_REPLACE)))
		return -EMSGSIZE;
	return 0;
}

/*
 * HNV_CMD_ROUTE_GET (a dump): the switch selector, if set, and HNV_A_RDID
 * unless rdid is 0.
 */
int hnv_put_route_sel(struct nl_msg *msg, const struct hnv_sel *sw,
		      uint32_t rdid)
{
	if (hnv_put_switch_sel(msg, sw) ||
	    (rdid && nla_put_u32(msg, HNV_A_RDID, rdid)))
		return -EMSGSIZE;
	return 0;
}

/*
 * An ACL's owner: the switch selector (if set), the port selector (if
 * set) and HNV_A_VSID unless vsid is 0.  Alone, the request of
 * HNV_CMD_ACL_GET (a dump).
 */
int hnv_put_acl_sel(struct nl_msg *msg, const struct hnv_acl_sel *sel)
{
	if (hnv_put_switch_sel(msg, &sel->sw) ||
	    put_sel(msg, &sel->port, HNV_A_PORT_IFINDEX, HNV_A_PORT_IFNAME) ||
	    (sel->vsid && nla_put_u32(msg, HNV_A_VSID, sel->vsid)))
		return -EMSGSIZE;
	return 0;
}

/*
 * HNV_ACL_A_SRC or HNV_ACL_A_DST, if the rule has a prefix there: a nest
 * (NLA_F_NESTED) of HNV_PREFIX_A_ADDR, alen bytes, and the u8
 * HNV_PREFIX_A_LEN.
 */
static int put_acl_prefix(struct nl_msg *msg, int type,
			  const struct hnv_acl_prefix *p)
{
	struct nlattr *nest;

	if (!p->alen)
		return 0;
	nest = nla_nest_start(msg, type);
	if (!nest)
		return -EMSGSIZE;
	nest->nla_type |= NLA_F_NESTED;
	if (nla_put(msg, HNV_PREFIX_A_ADDR, p->alen, p->addr) ||
	    nla_put_u8(msg, HNV_PREFIX_A_LEN, p->len))
		return -EMSGSIZE;
	return nla_nest_end(msg, nest) < 0 ? -EMSGSIZE : 0;
}

/*
 * The nest HNV_A_ACL (NLA_F_NESTED) of what acl has: HNV_ACL_A_DIR and
 * HNV_ACL_A_ACTION (u8), the flags HNV_ACL_A_STATEFUL and
 * HNV_ACL_A_DEFAULT, HNV_ACL_A_PRIORITY (u32), HNV_ACL_A_PROTO (u8),
 * HNV_ACL_A_SRC and HNV_ACL_A_DST, and the u16 port bounds, in that order.
 */
static int put_acl(struct nl_msg *msg, const struct hnv_acl *acl)
{
	const struct hnv_acl_ref *r = &acl->ref;
	struct nlattr *nest = nla_nest_start(msg, HNV_A_ACL);

	if (!nest)
		return -EMSGSIZE;
	nest->nla_type |= NLA_F_NESTED;
	if (((r->has & HNV_ACL_DIR) &&
	     nla_put_u8(msg, HNV_ACL_A_DIR, r->dir)) ||
	    ((r->has & HNV_ACL_ACTION) &&
	     nla_put_u8(msg, HNV_ACL_A_ACTION, r->action)) ||
	    ((r->has & HNV_ACL_STATEFUL) &&
	     nla_put_flag(msg, HNV_ACL_A_STATEFUL)) ||
	    ((r->has & HNV_ACL_DEFAULT) &&
	     nla_put_flag(msg, HNV_ACL_A_DEFAULT)) ||
	    ((r->has & HNV_ACL_PRIORITY) &&
	     nla_put_u32(msg, HNV_ACL_A_PRIORITY, r->priority)) ||
	    ((acl->has & HNV_ACL_PROTO) &&
	     nla_put_u8(msg, HNV_ACL_A_PROTO, acl->proto)) ||
	    put_acl_prefix(msg, HNV_ACL_A_SRC, &acl->src) ||
	    put_acl_prefix(msg, HNV_ACL_A_DST, &acl->dst) ||
	    ((acl->has & HNV_ACL_SPORT_MIN) &&
	     nla_put_u16(msg, HNV_ACL_A_SPORT_MIN, acl->sport_min)) ||
	    ((acl->has & HNV_ACL_SPORT_MAX) &&
	     nla_put_u16(msg, HNV_ACL_A_SPORT_MAX, acl->sport_max)) ||
	    ((acl->has & HNV_ACL_DPORT_MIN) &&
	     nla_put_u16(msg, HNV_ACL_A_DPORT_MIN, acl->dport_min)) ||
	    ((acl->has & HNV_ACL_DPORT_MAX) &&
	     nla_put_u16(msg, HNV_ACL_A_DPORT_MAX, acl->dport_max)))
		return -EMSGSIZE;
	return nla_nest_end(msg, nest) < 0 ? -EMSGSIZE : 0;
}

/*
 * HNV_CMD_ACL_NEW, HNV_CMD_ACL_DEL and HNV_CMD_ACL_FLUSH: the owner, the
 * nest HNV_A_ACL of what acl has (none if acl is NULL: a flush of every
 * direction), and the flag HNV_A_REPLACE if replace (ACL_NEW: the rule of
 * that priority is replaced rather than -EEXIST).
 */
int hnv_put_acl(struct nl_msg *msg, const struct hnv_acl_sel *sel,
		const struct hnv_acl *acl, bool replace)
{
	if (hnv_put_acl_sel(msg, sel) || (acl && put_acl(msg, acl)) ||
	    (replace && nla_put_flag(msg, HNV_A_REPLACE)))
		return -EMSGSIZE;
	return 0;
}

/*
 * HNV_CMD_TRACE: the port selector, and the nest HNV_A_FLOW of the packet
 * flow describes: HNV_FLOW_A_IP_PROTO (u8), HNV_FLOW_A_IP_SRC and
 * HNV_FLOW_A_IP_DST (4 or 16 bytes), HNV_FLOW_A_L4_SRC and
 * HNV_FLOW_A_L4_DST (be16) if given, HNV_FLOW_A_ETH_SRC and
 * HNV_FLOW_A_ETH_DST if given, and for a packet of the uplink
 * HNV_FLOW_A_VSID (u32) and HNV_FLOW_A_TUN_SRC (4 bytes).
 */
int hnv_put_trace(struct nl_msg *msg, const struct hnv_sel *port,
		  const struct hnv_flow *flow)
{
	struct nlattr *nest;

	if (hnv_put_port_sel(msg, port, NULL))
		return -EMSGSIZE;
	nest = nla_nest_start(msg, HNV_A_FLOW);
	if (!nest)
		return -EMSGSIZE;
	nest->nla_type |= NLA_F_NESTED;
	if (nla_put_u8(msg, HNV_FLOW_A_IP_PROTO, flow->ip_proto) ||
	    nla_put(msg, HNV_FLOW_A_IP_SRC, flow->ip_src_len, flow->ip_src) ||
	    nla_put(msg, HNV_FLOW_A_IP_DST, flow->ip_dst_len, flow->ip_dst) ||
	    ((flow->has & HNV_FLOW_L4_SRC) &&
	     nla_put_u16(msg, HNV_FLOW_A_L4_SRC, htons(flow->l4_src))) ||
	    ((flow->has & HNV_FLOW_L4_DST) &&
	     nla_put_u16(msg, HNV_FLOW_A_L4_DST, htons(flow->l4_dst))) ||
	    ((flow->has & HNV_FLOW_ETH_SRC) &&
	     nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, flow->eth_src)) ||
	    ((flow->has & HNV_FLOW_ETH_DST) &&
	     nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, flow->eth_dst)) ||
	    ((flow->has & HNV_FLOW_UPLINK) &&
	     (nla_put_u32(msg, HNV_FLOW_A_VSID, flow->vsid) ||
	      nla_put(msg, HNV_FLOW_A_TUN_SRC, 4, flow->tun_src))))
		return -EMSGSIZE;
	return nla_nest_end(msg, nest) < 0 ? -EMSGSIZE : 0;
}

static int get_u8(const struct nlattr *a, uint8_t *val)
{
	if (!a || nla_len(a) != sizeof(*val))
		return -EBADMSG;
	*val = nla_get_u8(a);
	return 0;
}

static int get_u16(const struct nlattr *a, uint16_t *val)
{
	if (!a || nla_len(a) != sizeof(*val))
		return -EBADMSG;
	*val = nla_get_u16(a);
	return 0;
}

/* An address of len bytes, in network byte order. */
static int get_addr(const struct nlattr *a, uint8_t *addr, int len)
{
	if (!a || nla_len(a) != len)
		return -EBADMSG;
	memcpy(addr, nla_data(a), len);
	return 0;
}

/* An IPv4 address, 4 bytes in network byte order. */
static int get_in4(const struct nlattr *a, uint8_t addr[4])
{
	return get_addr(a, addr, 4);
}

/* NLA_BE16, to host byte order. */
static int get_be16(const struct nlattr *a, uint16_t *val)
{
	if (!a || nla_len(a) != sizeof(*val))
		return -EBADMSG;
	*val = ntohs(nla_get_u16(a));
	return 0;
}

/* NLA_FLAG: present, without payload. */
static int get_flag(const struct nlattr *a)
{
	if (!a || nla_len(a) != 0)
		return -EBADMSG;
	return 0;
}

static int get_mac(const struct nlattr *a, uint8_t mac[ETH_ALEN])
{
	if (!a || nla_len(a) != ETH_ALEN)
		return -EBADMSG;
	memcpy(mac, nla_data(a), ETH_ALEN);
	return 0;
}

/* An IPv4 or IPv6 address: 4 or 16 bytes. */
static int get_ip(const struct nlattr *a, uint8_t addr[16], uint8_t *len)
{
	if (!a || (nla_len(a) != 4 && nla_len(a) != 16))
		return -EBADMSG;
	*len = nla_len(a);
	memcpy(addr, nla_data(a), *len);
	return 0;
}

static int get_u32(const struct nlattr *a, uint32_t *val)
{
	if (!a || nla_len(a) != sizeof(*val))
		return -EBADMSG;
	*val = nla_get_u32(a);
	return 0;
}

static int get_u64(const struct nlattr *a, uint64_t *val)
{
	if (!a || nla_len(a) != sizeof(*val))
		return -EBADMSG;
	*val = nla_get_u64(a);
	return 0;
}

static int get_ifname(const struct nlattr *a, char name[IFNAMSIZ])
{
	size_t len;

	if (!a)
		return -EBADMSG;
	len = strnlen(nla_data(a), nla_len(a));
	if (!len || len == (size_t)nla_len(a) || len >= IFNAMSIZ)
		return -EBADMSG;
	memcpy(name, nla_data(a), len + 1);
	return 0;
}

/* Optional counters count as zero. */
static int opt_u64(const struct nlattr *a, uint64_t *val)
{
	return a ? get_u64(a, val) : 0;
}

/* So do other optional numbers. */
static int opt_u32(const struct nlattr *a, uint32_t *val)
{
	return a ? get_u32(a, val) : 0;
}

int hnv_parse_stats(struct nlattr *nest, struct hnv_stats *st)
{
	struct nlattr *tb[HNV_STATS_A_MAX + 1], *a;
	int rem;

	memset(st, 0, sizeof(*st));
	if (nla_parse_nested(tb, HNV_STATS_A_MAX, nest, NULL) < 0 ||
	    opt_u64(tb[HNV_STATS_A_RX_PACKETS], &st->rx_packets) ||
	    opt_u64(tb[HNV_STATS_A_RX_BYTES], &st->rx_bytes) ||
	    opt_u64(tb[HNV_STATS_A_TX_PACKETS], &st->tx_packets) ||
	    opt_u64(tb[HNV_STATS_A_TX_BYTES], &st->tx_bytes) ||
	    opt_u64(tb[HNV_STATS_A_FLOWS_NEW], &st->flows_new) ||
	    opt_u64(tb[HNV_STATS_A_FLOWS_AGED], &st->flows_aged) ||
	    opt_u64(tb[HNV_STATS_A_FLOWS_UNCACHED], &st->flows_uncached) ||
	    opt_u64(tb[HNV_STATS_A_FLOWS_RECOMPOSED], &st->flows_recomposed))
		return -EBADMSG;
	if (!tb[HNV_STATS_A_DROPS])
		return 0;
	nla_for_each_nested(a, tb[HNV_STATS_A_DROPS], rem) {
		int reason = nla_type(a);

		/*
		 * A zero-length attribute is the padding nla_put_64bit()
		 * may put before a counter; <linux/hnv.h> does not say
		 * which type it has in this nest.
		 */
		if (!nla_len(a))
			continue;
		if (reason >= HNV_DROP_REASONS ||
		    get_u64(a, &st->drops[reason]))
			return -EBADMSG;
	}
	return 0;
}

/*
 * The flow-table settings and flow count of a switch.  A kernel reports
 * all four or, before flow-table limits, none; any of them sets has_uft,
 * and one missing from a partial set counts as zero.
 */
static int parse_uft(struct nlattr **tb, struct hnv_switch *sw)
{
	sw->has_uft = tb[HNV_A_SWITCH_UFT_MAX] ||
		      tb[HNV_A_SWITCH_UFT_PORT_MAX] ||
		      tb[HNV_A_SWITCH_UFT_IDLE_MS] || tb[HNV_A_SWITCH_NFLOWS];
	if (opt_u32(tb[HNV_A_SWITCH_UFT_MAX], &sw->uft.max) ||
	    opt_u32(tb[HNV_A_SWITCH_UFT_PORT_MAX], &sw->uft.port_max) ||
	    opt_u32(tb[HNV_A_SWITCH_UFT_IDLE_MS], &sw->uft.idle_ms) ||
	    opt_u32(tb[HNV_A_SWITCH_NFLOWS], &sw->nflows))
		return -EBADMSG;
	return 0;
}

/*
 * An optional on/off setting: *has says whether it was reported, a value
 * other than 0 is on.
 */
static int opt_bool(const struct nlattr *a, bool *has, bool *val)
{
	uint8_t v;

	if (!a)
		return 0;
	if (get_u8(a, &v))
		return -EBADMSG;
	*has = true;
	*val = v != 0;
	return 0;
}

/*
 * The provider addresses, VXLAN port, number of mappings and their limit,
 * strict mode, NVGRE FlowID setting and router MAC of a switch, which a
 * kernel with CA->PA mappings reports (HNV_A_SWITCH_PAS only if the switch
 * has a PA, HNV_A_SWITCH_MAPS_MAX, HNV_A_SWITCH_STRICT,
 * HNV_A_SWITCH_NVGRE_FLOWID and HNV_A_SWITCH_ROUTER_MAC only if the kernel
 * has them: has_maps_max, has_strict, has_nvgre_flowid and has_router_mac
 * say it did).  Any of them sets has_overlay, and one missing counts as
 * zero.  A strict or nvgre_flowid
 * value other than 0 is on.  Attributes of another type than
 * HNV_PAS_A_ADDR in the nest are skipped.
 */
static int parse_overlay(struct nlattr **tb, struct hnv_switch *sw)
{
	struct nlattr *a;
	int rem;

	sw->has_overlay = tb[HNV_A_SWITCH_PAS] ||
			  tb[HNV_A_SWITCH_VXLAN_PORT] ||
			  tb[HNV_A_SWITCH_NMAPS] || tb[HNV_A_SWITCH_MAPS_MAX] ||
			  tb[HNV_A_SWITCH_STRICT] ||
			  tb[HNV_A_SWITCH_NVGRE_FLOWID] ||
			  tb[HNV_A_SWITCH_ROUTER_MAC];
	if ((tb[HNV_A_SWITCH_VXLAN_PORT] &&
	     get_u16(tb[HNV_A_SWITCH_VXLAN_PORT], &sw->vxlan_port)) ||
	    opt_u32(tb[HNV_A_SWITCH_NMAPS], &sw->nmaps) ||
	    opt_bool(tb[HNV_A_SWITCH_STRICT], &sw->has_strict, &sw->strict) ||
	    opt_bool(tb[HNV_A_SWITCH_NVGRE_FLOWID], &sw->has_nvgre_flowid,
		     &sw->nvgre_flowid))
		return -EBADMSG;
	if (tb[HNV_A_SWITCH_ROUTER_MAC]) {
		if (get_mac(tb[HNV_A_SWITCH_ROUTER_MAC], sw->router_mac))
			return -EBADMSG;
		sw->has_router_mac = true;
	}
	if (tb[HNV_A_SWITCH_MAPS_MAX]) {
		if (get_u32(tb[HNV_A_SWITCH_MAPS_MAX], &sw->maps_max))
			return -EBADMSG;
		sw->has_maps_max = true;
	}
	if (!tb[HNV_A_SWITCH_PAS])
		return 0;
	nla_for_each_nested(a, tb[HNV_A_SWITCH_PAS], rem) {
		if (nla_type(a) != HNV_PAS_A_ADDR)
			continue;
		if (sw->pas.n == HNV_PAS ||
		    get_in4(a, sw->pas.addr[sw->pas.n]))
			return -EBADMSG;
		sw->pas.n++;
	}
	return 0;
}

/*
 * An optional number: *has says whether it was reported.  Of the tracked
 * connections of a switch, which a kernel with stateful ACLs reports.
 */
static int opt_has_u32(const struct nlattr *a, bool *has, uint32_t *val)
{
	if (!a)
		return 0;
	if (get_u32(a, val))
		return -EBADMSG;
	*has = true;
	return 0;
}

int hnv_parse_switch(struct nlmsghdr *nlh, struct hnv_switch *sw)
{
	struct nlattr *tb[HNV_A_MAX + 1];

	memset(sw, 0, sizeof(*sw));
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &sw->ifindex) ||
	    get_ifname(tb[HNV_A_SWITCH_IFNAME], sw->ifname))
		return -EBADMSG;
	if (tb[HNV_A_SWITCH_NPORTS] &&
	    get_u32(tb[HNV_A_SWITCH_NPORTS], &sw->nports))
		return -EBADMSG;
	if (tb[HNV_A_SWITCH_STATS] &&
	    hnv_parse_stats(tb[HNV_A_SWITCH_STATS], &sw->stats))
		return -EBADMSG;
	if (parse_overlay(tb, sw) ||
	    opt_has_u32(tb[HNV_A_SWITCH_NCONNS], &sw->has_nconns,
			&sw->nconns) ||
	    opt_has_u32(tb[HNV_A_SWITCH_CONN_TIMEOUT], &sw->has_conn_timeout,
			&sw->conn_timeout) ||
	    opt_has_u32(tb[HNV_A_SWITCH_CONN_TCP_TIMEOUT],
			&sw->has_conn_tcp_timeout, &sw->conn_tcp_timeout))
		return -EBADMSG;
	return parse_uft(tb, sw);
}

/*
 * HNV_A_PORT_CAS: the customer addresses of a port, in order, each an
 * HNV_CAS_A_ADDR of 4 or 16 bytes; attributes of another type are
 * skipped.
 */
static int parse_cas(struct nlattr *nest, struct hnv_cas *cas)
{
	struct nlattr *a;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		if (nla_type(a) != HNV_CAS_A_ADDR)
			continue;
		if (cas->n == HNV_CAS ||
		    get_ip(a, cas->addr[cas->n], &cas->len[cas->n]))
			return -EBADMSG;
		cas->n++;
	}
	return 0;
}

int hnv_parse_port(struct nlmsghdr *nlh, struct hnv_port *port)
{
	struct nlattr *tb[HNV_A_MAX + 1];

	memset(port, 0, sizeof(*port));
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_PORT_IFINDEX], &port->ifindex) ||
	    get_ifname(tb[HNV_A_PORT_IFNAME], port->ifname) ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &port->switch_ifindex))
		return -EBADMSG;
	if (tb[HNV_A_PORT_STATS] &&
	    hnv_parse_stats(tb[HNV_A_PORT_STATS], &port->stats))
		return -EBADMSG;
	/* a kernel without subnets binds no port */
	if (tb[HNV_A_VSID] && get_u32(tb[HNV_A_VSID], &port->vsid))
		return -EBADMSG;
	if (tb[HNV_A_PORT_MAC]) {
		if (get_mac(tb[HNV_A_PORT_MAC], port->mac))
			return -EBADMSG;
		port->has_mac = true;
	}
	if (tb[HNV_A_PORT_CAS] && parse_cas(tb[HNV_A_PORT_CAS], &port->cas))
		return -EBADMSG;
	return 0;
}

/*
 * A prefix nest of a subnet: HNV_PREFIX_A_ADDR of alen bytes and
 * HNV_PREFIX_A_LEN (no more than alen * 8) are required,
 * HNV_PREFIX_A_GATEWAY of alen bytes is taken if there.
 */
static int parse_prefix(struct nlattr *nest, int alen, struct hnv_prefix *p)
{
	struct nlattr *tb[HNV_PREFIX_A_MAX + 1];

	if (nla_parse_nested(tb, HNV_PREFIX_A_MAX, nest, NULL) < 0 ||
	    get_addr(tb[HNV_PREFIX_A_ADDR], p->addr, alen) ||
	    get_u8(tb[HNV_PREFIX_A_LEN], &p->len) || p->len > alen * 8)
		return -EBADMSG;
	if (tb[HNV_PREFIX_A_GATEWAY]) {
		if (get_addr(tb[HNV_PREFIX_A_GATEWAY], p->gateway, alen))
			return -EBADMSG;
		p->has_gateway = true;
	}
	p->has = true;
	return 0;
}

int hnv_parse_subnet(struct nlmsghdr *nlh, struct hnv_subnet *subnet)
{
	struct nlattr *tb[HNV_A_MAX + 1];

	memset(subnet, 0, sizeof(*subnet));
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &subnet->switch_ifindex) ||
	    get_ifname(tb[HNV_A_SWITCH_IFNAME], subnet->switch_ifname) ||
	    get_u32(tb[HNV_A_VSID], &subnet->vsid) ||
	    get_u32(tb[HNV_A_RDID], &subnet->rdid))
		return -EBADMSG;
	/* absent, it is the default the kernel applies */
	subnet->encap = HNV_ENCAP_VXLAN;
	if (tb[HNV_A_ENCAP] && get_u8(tb[HNV_A_ENCAP], &subnet->encap))
		return -EBADMSG;
	if ((tb[HNV_A_SUBNET_PREFIX4] &&
	     parse_prefix(tb[HNV_A_SUBNET_PREFIX4], 4, &subnet->prefix4)) ||
	    (tb[HNV_A_SUBNET_PREFIX6] &&
	     parse_prefix(tb[HNV_A_SUBNET_PREFIX6], 16, &subnet->prefix6)))
		return -EBADMSG;
	return 0;
}

/* HNV_ACTION_A_ENCAP: every attribute of the nest is required. */
static int parse_encap(struct nlattr *nest, struct hnv_encap_action *e)
{
	struct nlattr *tb[HNV_ENCAP_A_MAX + 1];

	memset(e, 0, sizeof(*e));
	if (nla_parse_nested(tb, HNV_ENCAP_A_MAX, nest, NULL) < 0 ||
	    get_u8(tb[HNV_ENCAP_A_TYPE], &e->type) ||
	    get_u32(tb[HNV_ENCAP_A_VNI], &e->vni) ||
	    get_in4(tb[HNV_ENCAP_A_SRC], e->src) ||
	    get_in4(tb[HNV_ENCAP_A_DST], e->dst))
		return -EBADMSG;
	return 0;
}

/*
 * The ACL attributes that name a rule, from the parsed nest tb, into r:
 * HNV_ACL_A_DIR, HNV_ACL_A_PORT_IFINDEX, HNV_ACL_A_VSID,
 * HNV_ACL_A_PRIORITY, HNV_ACL_A_DEFAULT, HNV_ACL_A_ACTION,
 * HNV_ACL_A_STATEFUL and HNV_ACL_A_CONN (u8), each if there.
 */
static int parse_acl_ref(struct nlattr **tb, struct hnv_acl_ref *r)
{
	static const struct {
		int type;
		unsigned int flag;
	} flags[] = {
		{ HNV_ACL_A_DEFAULT, HNV_ACL_DEFAULT },
		{ HNV_ACL_A_STATEFUL, HNV_ACL_STATEFUL },
	};
	size_t i;

	if ((tb[HNV_ACL_A_DIR] && get_u8(tb[HNV_ACL_A_DIR], &r->dir)) ||
	    (tb[HNV_ACL_A_PORT_IFINDEX] &&
	     get_u32(tb[HNV_ACL_A_PORT_IFINDEX], &r->port_ifindex)) ||
	    (tb[HNV_ACL_A_VSID] && get_u32(tb[HNV_ACL_A_VSID], &r->vsid)) ||
	    (tb[HNV_ACL_A_PRIORITY] &&
	     get_u32(tb[HNV_ACL_A_PRIORITY], &r->priority)) ||
	    (tb[HNV_ACL_A_ACTION] &&
	     get_u8(tb[HNV_ACL_A_ACTION], &r->action)) ||
	    (tb[HNV_ACL_A_CONN] && get_u8(tb[HNV_ACL_A_CONN], &r->conn)))
		return -EBADMSG;
	r->has |= (tb[HNV_ACL_A_DIR] ? HNV_ACL_DIR : 0) |
		  (tb[HNV_ACL_A_PORT_IFINDEX] ? HNV_ACL_PORT : 0) |
		  (tb[HNV_ACL_A_VSID] ? HNV_ACL_VSID : 0) |
		  (tb[HNV_ACL_A_PRIORITY] ? HNV_ACL_PRIORITY : 0) |
		  (tb[HNV_ACL_A_ACTION] ? HNV_ACL_ACTION : 0) |
		  (tb[HNV_ACL_A_CONN] ? HNV_ACL_CONN : 0);
	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		if (!tb[flags[i].type])
			continue;
		if (get_flag(tb[flags[i].type]))
			return -EBADMSG;
		r->has |= flags[i].flag;
	}
	return 0;
}

/*
 * The nest of an ACL rule that decided, of an allow action or of a trace
 * step: HNV_ACL_A_CONN (the return traffic of a tracked connection), or
 * the direction, the port or VSID, and the priority or HNV_ACL_A_DEFAULT,
 * each required.
 */
static int parse_acl_nest(struct nlattr *nest, struct hnv_acl_ref *r)
{
	struct nlattr *tb[HNV_ACL_A_MAX + 1];

	memset(r, 0, sizeof(*r));
	if (nla_parse_nested(tb, HNV_ACL_A_MAX, nest, NULL) < 0 ||
	    parse_acl_ref(tb, r))
		return -EBADMSG;
	if (r->has & HNV_ACL_CONN)
		return 0;
	if (!(r->has & HNV_ACL_DIR) ||
	    !(r->has & (HNV_ACL_PORT | HNV_ACL_VSID)) ||
	    !(r->has & (HNV_ACL_PRIORITY | HNV_ACL_DEFAULT)))
		return -EBADMSG;
	return 0;
}

/* The actions, in order; unknown ones are skipped. */
static int parse_actions(struct nlattr *nest, struct hnv_flow *flow)
{
	struct hnv_encap_action encap;
	uint8_t reason, mac[ETH_ALEN];
	struct hnv_acl_ref acl;
	struct nlattr *a;
	uint32_t ifindex;
	uint16_t icmp;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		switch (nla_type(a)) {
		case HNV_ACTION_A_OUTPUT:
			if (get_u32(a, &ifindex))
				return -EBADMSG;
			if (hnv_flow_add_action(flow, HNV_ACTION_A_OUTPUT,
						ifindex))
				return -ENOMEM;
			break;
		case HNV_ACTION_A_DROP:
			if (get_u8(a, &reason))
				return -EBADMSG;
			if (hnv_flow_add_action(flow, HNV_ACTION_A_DROP,
						reason))
				return -ENOMEM;
			break;
		case HNV_ACTION_A_ENCAP:
			if (parse_encap(a, &encap))
				return -EBADMSG;
			if (hnv_flow_add_encap(flow, &encap))
				return -ENOMEM;
			break;
		case HNV_ACTION_A_REPLY:
			if (get_mac(a, mac))
				return -EBADMSG;
			if (hnv_flow_add_reply(flow, mac))
				return -ENOMEM;
			break;
		case HNV_ACTION_A_ROUTE:
			if (get_mac(a, mac))
				return -EBADMSG;
			if (hnv_flow_add_route(flow, mac))
				return -ENOMEM;
			break;
		case HNV_ACTION_A_ICMP:
			if (get_u16(a, &icmp))
				return -EBADMSG;
			if (hnv_flow_add_action(flow, HNV_ACTION_A_ICMP, icmp))
				return -ENOMEM;
			break;
		case HNV_ACTION_A_ECHO:
			if (get_flag(a))
				return -EBADMSG;
			if (hnv_flow_add_action(flow, HNV_ACTION_A_ECHO, 0))
				return -ENOMEM;
			break;
		case HNV_ACTION_A_ACL:
			if (parse_acl_nest(a, &acl))
				return -EBADMSG;
			if (hnv_flow_add_acl(flow, &acl))
				return -ENOMEM;
			break;
		}
	}
	return 0;
}

/*
 * HNV_FLOW_A_VSID and HNV_FLOW_A_TUN_SRC, which a flow of the uplink has
 * and the flow of a port has not: both or neither.
 */
static int parse_uplink(struct nlattr **fa, struct hnv_flow *flow)
{
	if (!fa[HNV_FLOW_A_VSID] && !fa[HNV_FLOW_A_TUN_SRC])
		return 0;
	if (get_u32(fa[HNV_FLOW_A_VSID], &flow->vsid) ||
	    get_in4(fa[HNV_FLOW_A_TUN_SRC], flow->tun_src))
		return -EBADMSG;
	flow->has |= HNV_FLOW_UPLINK;
	return 0;
}

/* The nest HNV_A_FLOW, but for its actions. */
static int parse_flow_key(struct nlattr **fa, struct hnv_flow *flow)
{
	if (parse_uplink(fa, flow) ||
	    get_mac(fa[HNV_FLOW_A_ETH_SRC], flow->eth_src) ||
	    get_mac(fa[HNV_FLOW_A_ETH_DST], flow->eth_dst) ||
	    get_be16(fa[HNV_FLOW_A_ETH_TYPE], &flow->eth_type))
		return -EBADMSG;
	if (fa[HNV_FLOW_A_IP_PROTO]) {
		if (get_u8(fa[HNV_FLOW_A_IP_PROTO], &flow->ip_proto))
			return -EBADMSG;
		flow->has |= HNV_FLOW_IP_PROTO;
	}
	if ((fa[HNV_FLOW_A_IP_SRC] &&
	     get_ip(fa[HNV_FLOW_A_IP_SRC], flow->ip_src, &flow->ip_src_len)) ||
	    (fa[HNV_FLOW_A_IP_DST] &&
	     get_ip(fa[HNV_FLOW_A_IP_DST], flow->ip_dst, &flow->ip_dst_len)))
		return -EBADMSG;
	if (fa[HNV_FLOW_A_L4_SRC]) {
		if (get_be16(fa[HNV_FLOW_A_L4_SRC], &flow->l4_src))
			return -EBADMSG;
		flow->has |= HNV_FLOW_L4_SRC;
	}
	if (fa[HNV_FLOW_A_L4_DST]) {
		if (get_be16(fa[HNV_FLOW_A_L4_DST], &flow->l4_dst))
			return -EBADMSG;
		flow->has |= HNV_FLOW_L4_DST;
	}
	if (opt_u64(fa[HNV_FLOW_A_PACKETS], &flow->packets) ||
	    opt_u64(fa[HNV_FLOW_A_BYTES], &flow->bytes) ||
	    (fa[HNV_FLOW_A_IDLE_MS] &&
	     get_u32(fa[HNV_FLOW_A_IDLE_MS], &flow->idle_ms)))
		return -EBADMSG;
	return 0;
}

/*
 * A flow of HNV_CMD_FLOW_GET.  Its actions are allocated: free them with
 * hnv_flow_free(), whatever this returns.
 */
int hnv_parse_flow(struct nlmsghdr *nlh, struct hnv_flow *flow)
{
	struct nlattr *tb[HNV_A_MAX + 1], *fa[HNV_FLOW_A_MAX + 1];

	memset(flow, 0, sizeof(*flow));
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &flow->switch_ifindex) ||
	    get_u32(tb[HNV_A_PORT_IFINDEX], &flow->port_ifindex) ||
	    !tb[HNV_A_FLOW] ||
	    nla_parse_nested(fa, HNV_FLOW_A_MAX, tb[HNV_A_FLOW], NULL) < 0 ||
	    parse_flow_key(fa, flow))
		return -EBADMSG;
	return fa[HNV_FLOW_A_ACTIONS] ?
		parse_actions(fa[HNV_FLOW_A_ACTIONS], flow) : 0;
}

/*
 * A mapping of HNV_CMD_MAP_GET: HNV_A_SWITCH_IFINDEX, HNV_A_VSID,
 * HNV_A_MAP_MAC and HNV_A_MAP_PA, and HNV_A_MAP_CA if it has one.
 */
int hnv_parse_map(struct nlmsghdr *nlh, struct hnv_map *map)
{
	struct nlattr *tb[HNV_A_MAX + 1];

	memset(map, 0, sizeof(*map));
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &map->switch_ifindex) ||
	    get_u32(tb[HNV_A_VSID], &map->vsid) ||
	    get_mac(tb[HNV_A_MAP_MAC], map->mac) ||
	    get_in4(tb[HNV_A_MAP_PA], map->pa) ||
	    (tb[HNV_A_MAP_CA] &&
	     get_ip(tb[HNV_A_MAP_CA], map->ca, &map->ca_len)))
		return -EBADMSG;
	return 0;
}

/*
 * A route of HNV_CMD_ROUTE_GET: HNV_A_SWITCH_IFINDEX, HNV_A_RDID,
 * HNV_A_ROUTE_PREFIX (HNV_PREFIX_A_ADDR of 4 or 16 bytes and
 * HNV_PREFIX_A_LEN of no more than 32 or 128) and HNV_A_ROUTE_VIA, of the
 * prefix's family; all required.
 */
int hnv_parse_route(struct nlmsghdr *nlh, struct hnv_route *route)
{
	struct nlattr *tb[HNV_A_MAX + 1], *pb[HNV_PREFIX_A_MAX + 1];
	uint8_t via_len;

	memset(route, 0, sizeof(*route));
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &route->switch_ifindex) ||
	    get_u32(tb[HNV_A_RDID], &route->rdid) ||
	    !tb[HNV_A_ROUTE_PREFIX] ||
	    nla_parse_nested(pb, HNV_PREFIX_A_MAX, tb[HNV_A_ROUTE_PREFIX],
			     NULL) < 0 ||
	    get_ip(pb[HNV_PREFIX_A_ADDR], route->addr, &route->alen) ||
	    get_u8(pb[HNV_PREFIX_A_LEN], &route->len) ||
	    route->len > route->alen * 8 ||
	    get_ip(tb[HNV_A_ROUTE_VIA], route->via, &via_len) ||
	    via_len != route->alen)
		return -EBADMSG;
	return 0;
}

/*
 * A notification of the "events" group: HNV_CMD_NEIGH_MISS, with
 * HNV_A_SWITCH_IFINDEX, HNV_A_PORT_IFINDEX, HNV_A_VSID and HNV_A_MISS_ADDR
 * (4 or 16 bytes), all required.  -EOPNOTSUPP for another command: an
 * event this hnvctl does not know, to be skipped.
 */
int hnv_parse_event(struct nlmsghdr *nlh, struct hnv_event *ev)
{
	struct nlattr *tb[HNV_A_MAX + 1];
	struct genlmsghdr *g;

	memset(ev, 0, sizeof(*ev));
	if (!genlmsg_valid_hdr(nlh, 0))
		return -EBADMSG;
	g = nlmsg_data(nlh);
	if (g->cmd != HNV_CMD_NEIGH_MISS)
		return -EOPNOTSUPP;
	ev->cmd = g->cmd;
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &ev->switch_ifindex) ||
	    get_u32(tb[HNV_A_PORT_IFINDEX], &ev->port_ifindex) ||
	    get_u32(tb[HNV_A_VSID], &ev->vsid) ||
	    get_ip(tb[HNV_A_MISS_ADDR], ev->addr, &ev->addr_len))
		return -EBADMSG;
	return 0;
}

/*
 * A prefix of an ACL rule, HNV_ACL_A_SRC or HNV_ACL_A_DST:
 * HNV_PREFIX_A_ADDR of 4 or 16 bytes and HNV_PREFIX_A_LEN of no more than
 * 32 or 128, both required.
 */
static int parse_acl_prefix(struct nlattr *nest, struct hnv_acl_prefix *p)
{
	struct nlattr *tb[HNV_PREFIX_A_MAX + 1];

	if (nla_parse_nested(tb, HNV_PREFIX_A_MAX, nest, NULL) < 0 ||
	    get_ip(tb[HNV_PREFIX_A_ADDR], p->addr, &p->alen) ||
	    get_u8(tb[HNV_PREFIX_A_LEN], &p->len) || p->len > p->alen * 8)
		return -EBADMSG;
	return 0;
}

/* The optional u16 of an ACL at a, into *val; bit joins acl->has. */
static int opt_acl_u16(const struct nlattr *a, struct hnv_acl *acl,
		       unsigned int bit, uint16_t *val)
{
	if (!a)
		return 0;
	if (get_u16(a, val))
		return -EBADMSG;
	acl->has |= bit;
	return 0;
}

/*
 * A rule or default of HNV_CMD_ACL_GET: HNV_A_SWITCH_IFINDEX,
 * HNV_A_PORT_IFINDEX or HNV_A_VSID, and HNV_A_ACL with the direction, the
 * priority or HNV_ACL_A_DEFAULT, the action, all required, and what the
 * rule matches and its hits, if there.
 */
int hnv_parse_acl(struct nlmsghdr *nlh, struct hnv_acl *acl)
{
	struct nlattr *tb[HNV_A_MAX + 1], *ab[HNV_ACL_A_MAX + 1];
	struct hnv_acl_ref *r = &acl->ref;

	memset(acl, 0, sizeof(*acl));
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &acl->switch_ifindex) ||
	    !tb[HNV_A_ACL] ||
	    nla_parse_nested(ab, HNV_ACL_A_MAX, tb[HNV_A_ACL], NULL) < 0 ||
	    parse_acl_ref(ab, r))
		return -EBADMSG;
	if (tb[HNV_A_PORT_IFINDEX]) {
		if (get_u32(tb[HNV_A_PORT_IFINDEX], &r->port_ifindex))
			return -EBADMSG;
		r->has |= HNV_ACL_PORT;
	}
	if (tb[HNV_A_VSID]) {
		if (get_u32(tb[HNV_A_VSID], &r->vsid))
			return -EBADMSG;
		r->has |= HNV_ACL_VSID;
	}
	if (!(r->has & (HNV_ACL_PORT | HNV_ACL_VSID)) ||
	    !(r->has & HNV_ACL_DIR) || !(r->has & HNV_ACL_ACTION) ||
	    !(r->has & (HNV_ACL_PRIORITY | HNV_ACL_DEFAULT)))
		return -EBADMSG;
	if (ab[HNV_ACL_A_PROTO]) {
		if (get_u8(ab[HNV_ACL_A_PROTO], &acl->proto))
			return -EBADMSG;
		acl->has |= HNV_ACL_PROTO;
	}
	if ((ab[HNV_ACL_A_SRC] &&
	     parse_acl_prefix(ab[HNV_ACL_A_SRC], &acl->src)) ||
	    (ab[HNV_ACL_A_DST] &&
	     parse_acl_prefix(ab[HNV_ACL_A_DST], &acl->dst)) ||
	    opt_acl_u16(ab[HNV_ACL_A_SPORT_MIN], acl, HNV_ACL_SPORT_MIN,
			&acl->sport_min) ||
	    opt_acl_u16(ab[HNV_ACL_A_SPORT_MAX], acl, HNV_ACL_SPORT_MAX,
			&acl->sport_max) ||
	    opt_acl_u16(ab[HNV_ACL_A_DPORT_MIN], acl, HNV_ACL_DPORT_MIN,
			&acl->dport_min) ||
	    opt_acl_u16(ab[HNV_ACL_A_DPORT_MAX], acl, HNV_ACL_DPORT_MAX,
			&acl->dport_max))
		return -EBADMSG;
	if (ab[HNV_ACL_A_HITS]) {
		if (get_u64(ab[HNV_ACL_A_HITS], &acl->hits))
			return -EBADMSG;
		acl->has |= HNV_ACL_HITS;
	}
	return 0;
}

/*
 * A connection of HNV_CMD_CONN_GET: HNV_A_SWITCH_IFINDEX and HNV_A_CONN
 * with the RDID, the protocol, the addresses (of one family), the state
 * and the time left, all required, and the ports (0 if absent).
 */
int hnv_parse_conn(struct nlmsghdr *nlh, struct hnv_conn *conn)
{
	struct nlattr *tb[HNV_A_MAX + 1], *cb[HNV_CONN_A_MAX + 1];
	uint8_t dst_len;

	memset(conn, 0, sizeof(*conn));
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &conn->switch_ifindex) ||
	    !tb[HNV_A_CONN] ||
	    nla_parse_nested(cb, HNV_CONN_A_MAX, tb[HNV_A_CONN], NULL) < 0 ||
	    get_u32(cb[HNV_CONN_A_RDID], &conn->rdid) ||
	    get_u8(cb[HNV_CONN_A_PROTO], &conn->proto) ||
	    get_ip(cb[HNV_CONN_A_SRC], conn->src, &conn->alen) ||
	    get_ip(cb[HNV_CONN_A_DST], conn->dst, &dst_len) ||
	    dst_len != conn->alen ||
	    (cb[HNV_CONN_A_SPORT] &&
	     get_be16(cb[HNV_CONN_A_SPORT], &conn->sport)) ||
	    (cb[HNV_CONN_A_DPORT] &&
	     get_be16(cb[HNV_CONN_A_DPORT], &conn->dport)) ||
	    get_u8(cb[HNV_CONN_A_STATE], &conn->state) ||
	    get_u32(cb[HNV_CONN_A_EXPIRES_MS], &conn->expires_ms))
		return -EBADMSG;
	return 0;
}

/*
 * A step of HNV_A_TRACE: HNV_STEP_A_LAYER (required; cut to
 * HNV_LAYER_NAMSIZ - 1 characters), HNV_STEP_A_ACL (as an ACL action,
 * with HNV_ACL_A_ACTION required for a rule) and HNV_STEP_A_ACTIONS, if
 * there.
 */
static int parse_step(struct nlattr *nest, struct hnv_trace_step *step)
{
	struct nlattr *tb[HNV_STEP_A_MAX + 1], *a;
	size_t len;

	if (nla_parse_nested(tb, HNV_STEP_A_MAX, nest, NULL) < 0)
		return -EBADMSG;
	a = tb[HNV_STEP_A_LAYER];
	if (!a)
		return -EBADMSG;
	len = strnlen(nla_data(a), nla_len(a));
	if (!len || len == (size_t)nla_len(a))
		return -EBADMSG;
	snprintf(step->layer, sizeof(step->layer), "%s",
		 (const char *)nla_data(a));
	if (tb[HNV_STEP_A_ACL]) {
		if (parse_acl_nest(tb[HNV_STEP_A_ACL], &step->acl) ||
		    (!(step->acl.has & HNV_ACL_CONN) &&
		     !(step->acl.has & HNV_ACL_ACTION)))
			return -EBADMSG;
		step->has_acl = true;
	}
	return tb[HNV_STEP_A_ACTIONS] ?
		parse_actions(tb[HNV_STEP_A_ACTIONS], &step->actions) : 0;
}

/*
 * The answer to HNV_CMD_TRACE: the switch, the port and the packet with
 * its actions (as a flow of HNV_CMD_FLOW_GET), and HNV_A_TRACE, its
 * steps in order (attributes of another type than HNV_TRACE_A_STEP in it
 * are skipped).  The flow and the steps are allocated: free them with
 * hnv_trace_free(), whatever this returns.
 */
int hnv_parse_trace(struct nlmsghdr *nlh, struct hnv_trace *t)
{
	struct nlattr *tb[HNV_A_MAX + 1], *a;
	struct hnv_trace_step *step;
	int ret, rem;

	memset(t, 0, sizeof(*t));
	ret = hnv_parse_flow(nlh, &t->flow);
	if (ret)
		return ret;
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    !tb[HNV_A_TRACE])
		return -EBADMSG;
	nla_for_each_nested(a, tb[HNV_A_TRACE], rem) {
		if (nla_type(a) != HNV_TRACE_A_STEP)
			continue;
		step = hnv_trace_add_step(t);
		if (!step)
			return -ENOMEM;
		ret = parse_step(a, step);
		if (ret)
			return ret;
	}
	return 0;
}
