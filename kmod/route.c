// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The distributed router, a layer of the engine.  Every switch routes
 * between the virtual subnets of one RDID, never between RDIDs: a frame a
 * VM sends to the router MAC is routed on the host it leaves, straight to
 * the destination VM's port or PA, with no detour through another host.
 *
 * The slow path finds the destination by longest prefix over the RDID's
 * subnets, then the VM by its customer address (a port's or a mapping's),
 * and composes "route" (TTL or hop limit minus one, source MAC the
 * router's, destination MAC the VM's) followed by an output to the port,
 * or an encapsulation with the destination's VSID.  A destination the
 * RDID has no subnet for, or no VM at, is answered with an ICMP
 * destination unreachable from the gateway; a packet whose TTL runs out
 * with a time exceeded, decided per packet when "route" is applied.  The
 * gateways answer ping.
 *
 * Static routes send a prefix through a next hop, an address in a subnet
 * of the RDID: the longest prefix among subnets and routes wins (a subnet
 * wins a tie), and the packet goes to the next hop's VM, keeping its
 * destination address.
 *
 * The prefix search is a scan of the switch's subnets and routes: it runs
 * on the slow path only, once per flow.
 */

#include <linux/etherdevice.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>

#include "engine.h"

static bool hnv_addr_eq(bool v6, const union hnv_addr *a,
			const union hnv_addr *b);

static struct hnv_route *hnv_route_find(struct hnv_switch *sw,
					const struct hnv_route *tmpl)
{
	struct hnv_route *rt;

	list_for_each_entry(rt, &sw->routes, list)
		if (rt->rdid == tmpl->rdid && rt->v6 == tmpl->v6 &&
		    rt->p.len == tmpl->p.len &&
		    hnv_addr_eq(rt->v6, &rt->p.addr, &tmpl->p.addr))
			return rt;
	return NULL;
}

/*
 * The subnet of @rdid that holds @a (not as its gateway, nor for IPv4
 * as its own or broadcast address): where a next hop may be.
 */
static const struct hnv_subnet *hnv_route_via_subnet(struct hnv_switch *sw,
						     u32 rdid, bool v6,
						     const union hnv_addr *a)
{
	const struct hnv_subnet *sn;
	const struct hnv_prefix *p;
	int bkt;

	hash_for_each_rcu(sw->subnets, bkt, sn, node) {
		if (sn->rdid != rdid)
			continue;
		p = v6 ? &sn->p6 : &sn->p4;
		if (hnv_prefix_contains(p, v6, a) &&
		    !hnv_addr_eq(v6, &p->gw, a))
			return sn;
	}
	return NULL;
}

/* Add (or with @replace, re-point) a static route.  Under RTNL. */
int hnv_route_add(struct hnv_switch *sw, const struct hnv_route *tmpl,
		  bool replace, struct netlink_ext_ack *extack)
{
	struct hnv_route *rt;

	ASSERT_RTNL();
	if (!hnv_route_via_subnet(sw, tmpl->rdid, tmpl->v6, &tmpl->via)) {
		NL_SET_ERR_MSG(extack, "HNV_A_ROUTE_VIA: the next hop is in no subnet of the RDID (or is its gateway)");
		return -EINVAL;
	}
	rt = hnv_route_find(sw, tmpl);
	if (rt) {
		if (!replace) {
			NL_SET_ERR_MSG(extack, "HNV_A_ROUTE_PREFIX: the RDID has this route (HNV_A_REPLACE changes it)");
			return -EEXIST;
		}
		/* Read by the slow path only; recomposed after the bump. */
		rt->via = tmpl->via;
		hnv_policy_changed(sw);
		return 0;
	}
	if (sw->nroutes >= HNV_ROUTES_MAX) {
		NL_SET_ERR_MSG(extack, "the switch has HNV_ROUTES_MAX routes");
		return -ENOSPC;
	}
	rt = kmemdup(tmpl, sizeof(*tmpl), GFP_KERNEL);
	if (!rt)
		return -ENOMEM;
	list_add_tail_rcu(&rt->list, &sw->routes);
	sw->nroutes++;
	hnv_policy_changed(sw);
	return 0;
}

int hnv_route_del(struct hnv_switch *sw, const struct hnv_route *tmpl,
		  struct netlink_ext_ack *extack)
{
	struct hnv_route *rt;

	ASSERT_RTNL();
	rt = hnv_route_find(sw, tmpl);
	if (!rt) {
		NL_SET_ERR_MSG(extack, "HNV_A_ROUTE_PREFIX: no such route in the RDID");
		return -ENOENT;
	}
	list_del_rcu(&rt->list);
	sw->nroutes--;
	kfree_rcu(rt, rcu);
	hnv_policy_changed(sw);
	return 0;
}

void hnv_route_del_all(struct hnv_switch *sw)
{
	struct hnv_route *rt, *tmp;

	ASSERT_RTNL();
	list_for_each_entry_safe(rt, tmp, &sw->routes, list) {
		list_del_rcu(&rt->list);
		kfree_rcu(rt, rcu);
	}
	sw->nroutes = 0;
}

/* The static route of @rdid whose prefix holds @dst most specifically. */
static const struct hnv_route *hnv_route_static(struct hnv_switch *sw,
						u32 rdid, bool v6,
						const union hnv_addr *dst)
{
	const struct hnv_route *rt, *best = NULL;

	list_for_each_entry_rcu(rt, &sw->routes, list) {
		if (rt->rdid != rdid || rt->v6 != v6)
			continue;
		/* A /0 holds everything: hnv_prefix_contains() says "unset". */
		if (rt->p.len && !hnv_prefix_contains(&rt->p, v6, dst))
			continue;
		if (!best || rt->p.len > best->p.len)
			best = rt;
	}
	return best;
}

/* The subnet of @rdid whose prefix holds @dst most specifically. */
static const struct hnv_subnet *hnv_route_lookup(struct hnv_switch *sw,
						 u32 rdid, bool v6,
						 const union hnv_addr *dst)
{
	const struct hnv_subnet *sn, *best = NULL;
	const struct hnv_prefix *p;
	int bkt;

	hash_for_each_rcu(sw->subnets, bkt, sn, node) {
		if (sn->rdid != rdid)
			continue;
		p = v6 ? &sn->p6 : &sn->p4;
		if (!hnv_prefix_contains(p, v6, dst))
			continue;
		if (!best || p->len > (v6 ? best->p6.len : best->p4.len))
			best = sn;
	}
	return best;
}

static bool hnv_addr_eq(bool v6, const union hnv_addr *a,
			const union hnv_addr *b)
{
	return v6 ? ipv6_addr_equal(&a->v6, &b->v6) : a->v4 == b->v4;
}

/* End the walk with an ICMP error from @gw back to the port. */
static void hnv_compose_icmp(struct hnv_compose *c, bool v6, u8 type, u8 code,
			     const union hnv_addr *gw)
{
	struct hnv_action *a = &c->acts->a[0];

	memset(a, 0, sizeof(*a));
	c->acts->n = 1;
	a->type = HNV_ACTION_A_ICMP;
	a->l3.v6 = v6;
	a->l3.type = type;
	a->l3.code = code;
	a->l3.gw = *gw;
	c->done = true;
}

static void hnv_compose_route(struct hnv_compose *c, bool v6, const u8 *mac,
			      const union hnv_addr *gw)
{
	struct hnv_action *a = hnv_compose_slot(c);

	if (!a)
		return;
	a->type = HNV_ACTION_A_ROUTE;
	a->l3.v6 = v6;
	ether_addr_copy(a->l3.mac, mac);
	a->l3.gw = *gw;
}

/* Routing, for frames sent to the router MAC. */
void hnv_layer_route(struct hnv_compose *c)
{
	const struct hnv_flow_key *k = c->key;
	struct hnv_switch *sw = c->port->sw;
	const struct hnv_subnet *from = c->sn, *to;
	const struct hnv_route *rt;
	union hnv_addr dst, hop, *gw;
	const struct hnv_map *map;
	struct hnv_port *p;
	bool v6;

	if (!ether_addr_equal(k->eth_dst, sw->router_mac))
		return;
	if (k->eth_type != htons(ETH_P_IP) && k->eth_type != htons(ETH_P_IPV6))
		return hnv_compose_drop(c, HNV_DROP_NO_ROUTE);
	v6 = k->eth_type == htons(ETH_P_IPV6);
	gw = v6 ? (union hnv_addr *)&from->p6.gw : (union hnv_addr *)&from->p4.gw;
	if (!(v6 ? from->p6.len : from->p4.len))
		return hnv_compose_drop(c, HNV_DROP_NO_ROUTE);
	if (v6)
		dst.v6 = k->addr.v6[1];
	else
		dst.v4 = k->addr.v4[1];
	hop = dst;

	to = hnv_route_lookup(sw, from->rdid, v6, &dst);
	rt = hnv_route_static(sw, from->rdid, v6, &dst);
	if (rt && (!to || rt->p.len > (v6 ? to->p6.len : to->p4.len))) {
		/* Through a static route: to its next hop's VM. */
		hop = rt->via;
		to = hnv_route_via_subnet(sw, from->rdid, v6, &hop);
	}
	if (!to)
		return hnv_compose_icmp(c, v6, v6 ? ICMPV6_DEST_UNREACH : ICMP_DEST_UNREACH,
					v6 ? ICMPV6_NOROUTE : ICMP_NET_UNREACH, gw);
	if (hnv_addr_eq(v6, v6 ? (union hnv_addr *)&to->p6.gw :
				 (union hnv_addr *)&to->p4.gw, &dst)) {
		/* To the router itself: it answers ping, nothing else. */
		if (k->ip_proto == (v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP) &&
		    ntohs(k->l4_src) == (v6 ? ICMPV6_ECHO_REQUEST : ICMP_ECHO)) {
			memset(&c->acts->a[0], 0, sizeof(c->acts->a[0]));
			c->acts->n = 1;
			c->acts->a[0].type = HNV_ACTION_A_ECHO;
			c->done = true;
			return;
		}
		return hnv_compose_drop(c, HNV_DROP_NO_ROUTE);
	}

	list_for_each_entry_rcu(p, &sw->ports, list) {
		if (p == c->port || READ_ONCE(p->vsid) != to->vsid ||
		    !hnv_cas_has(rcu_dereference(p->cas), v6, &hop))
			continue;
		hnv_compose_route(c, v6, p->mac, gw);
		hnv_compose_output(c, p);
		c->done = true;
		return;
	}
	map = hnv_map_find_ca(sw, to->vsid, v6, &hop);
	if (map) {
		if (!rcu_access_pointer(sw->pas))
			return hnv_compose_drop(c, HNV_DROP_NO_PA);
		hnv_compose_route(c, v6, map->key.mac, gw);
		hnv_compose_encap(c, to, READ_ONCE(map->pa));
		c->done = true;
		return;
	}
	hnv_compose_icmp(c, v6, v6 ? ICMPV6_DEST_UNREACH : ICMP_DEST_UNREACH,
			 v6 ? ICMPV6_ADDR_UNREACH : ICMP_HOST_UNREACH, gw);
}

/*
 * Strict mode, for a routed frame from the physical network: its source
 * address is the CA of a mapping, in a subnet of @rdid, to the PA it
 * came from.
 */
bool hnv_route_src_mapped(struct hnv_switch *sw, u32 rdid,
			  const struct hnv_flow_key *key)
{
	bool v6 = key->eth_type == htons(ETH_P_IPV6);
	const struct hnv_subnet *sn;
	const struct hnv_map *map;
	union hnv_addr src;
	int bkt;

	if (!v6 && key->eth_type != htons(ETH_P_IP))
		return false;
	if (v6)
		src.v6 = key->addr.v6[0];
	else
		src.v4 = key->addr.v4[0];
	hash_for_each_rcu(sw->subnets, bkt, sn, node) {
		if (sn->rdid != rdid)
			continue;
		map = hnv_map_find_ca(sw, sn->vsid, v6, &src);
		if (map)
			return READ_ONCE(map->pa) == key->tun_src;
	}
	return false;
}

/*
 * An ICMP or ICMPv6 error about @skb (from a port, data at its Ethernet
 * header), from @gw, to go back to that port.  NULL if none is due (the
 * packet is itself an error, a later fragment, not from a unicast
 * address) or memory is short.
 */
static struct sk_buff *hnv_icmp_error(struct hnv_port *port, bool v6, u8 type,
				      u8 code, const union hnv_addr *gw,
				      struct sk_buff *skb)
{
	int nhoff = skb_network_offset(skb), hlen, quote, len;
	struct net_device *dev = port->dev;
	const u8 *router = port->sw->router_mac;
	struct sk_buff *err;
	u8 buf[2];

	if (v6) {
		const struct ipv6hdr *ip6 = ipv6_hdr(skb);
		const u8 *t;

		if (ipv6_addr_any(&ip6->saddr) ||
		    ipv6_addr_is_multicast(&ip6->saddr))
			return NULL;
		t = skb_header_pointer(skb, skb_transport_offset(skb), 1, buf);
		if (ip6->nexthdr == IPPROTO_ICMPV6 && (!t || *t < 128))
			return NULL;
		hlen = sizeof(struct ipv6hdr) + sizeof(struct icmp6hdr);
		quote = min_t(int, skb->len - nhoff, IPV6_MIN_MTU - hlen);
	} else {
		const struct iphdr *iph = ip_hdr(skb);
		const u8 *t;

		if (iph->frag_off & htons(IP_OFFSET) ||
		    ipv4_is_zeronet(iph->saddr) || ipv4_is_multicast(iph->saddr) ||
		    ipv4_is_lbcast(iph->saddr))
			return NULL;
		t = skb_header_pointer(skb, skb_transport_offset(skb), 1, buf);
		if (iph->protocol == IPPROTO_ICMP &&
		    (!t || (*t != ICMP_ECHO && *t != ICMP_ECHOREPLY &&
			    *t != ICMP_TIMESTAMP && *t != ICMP_INFO_REQUEST)))
			return NULL;
		hlen = sizeof(struct iphdr) + sizeof(struct icmphdr);
		quote = min_t(int, skb->len - nhoff, 576 - hlen);
	}
	len = hlen + quote;
	err = alloc_skb(LL_RESERVED_SPACE(dev) + len + dev->needed_tailroom,
			GFP_ATOMIC);
	if (!err)
		return NULL;
	skb_reserve(err, LL_RESERVED_SPACE(dev));
	skb_reset_network_header(err);
	skb_put(err, len);
	if (skb_copy_bits(skb, nhoff, err->data + hlen, quote))
		goto drop;
	err->dev = dev;
	if (v6) {
		struct ipv6hdr *ip6 = ipv6_hdr(err);
		struct icmp6hdr *ic = (struct icmp6hdr *)(ip6 + 1);

		*ip6 = (struct ipv6hdr) {
			.version = 6, .nexthdr = IPPROTO_ICMPV6, .hop_limit = 64,
			.payload_len = htons(len - sizeof(*ip6)),
			.saddr = gw->v6, .daddr = ipv6_hdr(skb)->saddr,
		};
		memset(ic, 0, sizeof(*ic));
		ic->icmp6_type = type;
		ic->icmp6_code = code;
		ic->icmp6_cksum = csum_ipv6_magic(&ip6->saddr, &ip6->daddr,
						  len - sizeof(*ip6),
						  IPPROTO_ICMPV6,
						  csum_partial(ic, len - sizeof(*ip6), 0));
		err->protocol = htons(ETH_P_IPV6);
	} else {
		struct iphdr *iph = ip_hdr(err);
		struct icmphdr *ic = (struct icmphdr *)(iph + 1);

		*iph = (struct iphdr) {
			.version = 4, .ihl = 5, .ttl = 64,
			.protocol = IPPROTO_ICMP, .tot_len = htons(len),
			.saddr = gw->v4, .daddr = ip_hdr(skb)->saddr,
		};
		ip_send_check(iph);
		memset(ic, 0, sizeof(*ic));
		ic->type = type;
		ic->code = code;
		ic->checksum = csum_fold(csum_partial(ic, len - sizeof(*iph), 0));
		err->protocol = htons(ETH_P_IP);
	}
	if (dev_hard_header(err, dev, ntohs(err->protocol),
			    eth_hdr(skb)->h_source, router, err->len) < 0)
		goto drop;
	return err;
drop:
	kfree_skb(err);
	return NULL;
}

/* Apply an ICMP error action: answer @skb with it; consumes @skb. */
void hnv_route_icmp(struct hnv_port *port, const struct hnv_action *a,
		    struct sk_buff *skb)
{
	struct sk_buff *err;

	err = hnv_icmp_error(port, a->l3.v6, a->l3.type, a->l3.code,
			     &a->l3.gw, skb);
	hnv_count_drop(port->stats, HNV_DROP_NO_ROUTE);
	consume_skb(skb);
	if (err)
		hnv_output(port, err);
}

/*
 * Apply a route action to @skb (data at its Ethernet header): the TTL or
 * hop limit minus one, the router's MAC as source, the VM's as
 * destination.  Returns @skb, or NULL when it was consumed: its TTL ran
 * out (an ICMP time exceeded went back) or it could not be written.
 */
struct sk_buff *hnv_route_forward(struct hnv_port *port,
				  const struct hnv_action *a,
				  struct sk_buff *skb)
{
	int nhoff = skb_network_offset(skb);
	bool v6 = a->l3.v6;
	struct ethhdr *eth;
	struct sk_buff *err;
	u8 ttl;

	if (skb_ensure_writable(skb, nhoff + (v6 ? sizeof(struct ipv6hdr) :
						   sizeof(struct iphdr)))) {
		hnv_count_drop(port->stats, HNV_DROP_MALFORMED);
		kfree_skb(skb);
		return NULL;
	}
	ttl = v6 ? ipv6_hdr(skb)->hop_limit : ip_hdr(skb)->ttl;
	if (ttl <= 1) {
		err = hnv_icmp_error(port, v6,
				     v6 ? ICMPV6_TIME_EXCEED : ICMP_TIME_EXCEEDED,
				     v6 ? ICMPV6_EXC_HOPLIMIT : ICMP_EXC_TTL,
				     &a->l3.gw, skb);
		hnv_count_drop(port->stats, HNV_DROP_TTL);
		consume_skb(skb);
		if (err)
			hnv_output(port, err);
		return NULL;
	}
	if (v6)
		ipv6_hdr(skb)->hop_limit--;
	else
		ip_decrease_ttl(ip_hdr(skb));
	eth = eth_hdr(skb);
	ether_addr_copy(eth->h_source, port->sw->router_mac);
	ether_addr_copy(eth->h_dest, a->l3.mac);
	return skb;
}

/*
 * Apply an echo action: the gateway answers the ping @skb in place (data
 * at its Ethernet header) and sends it back to @port.
 */
void hnv_route_echo(struct hnv_port *port, struct sk_buff *skb)
{
	struct ethhdr *eth;
	int thoff, len;
	u8 mac[ETH_ALEN];

	if (skb_linearize(skb) || skb_ensure_writable(skb, skb->len))
		goto drop;
	thoff = skb_transport_offset(skb);
	len = skb->len - thoff;
	eth = eth_hdr(skb);
	ether_addr_copy(mac, eth->h_source);
	ether_addr_copy(eth->h_source, eth->h_dest);
	ether_addr_copy(eth->h_dest, mac);
	if (eth->h_proto == htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = ipv6_hdr(skb);
		struct icmp6hdr *ic = icmp6_hdr(skb);

		swap(ip6->saddr, ip6->daddr);
		ip6->hop_limit = 64;
		ic->icmp6_type = ICMPV6_ECHO_REPLY;
		ic->icmp6_cksum = 0;
		ic->icmp6_cksum = csum_ipv6_magic(&ip6->saddr, &ip6->daddr, len,
						  IPPROTO_ICMPV6,
						  csum_partial(ic, len, 0));
	} else {
		struct iphdr *iph = ip_hdr(skb);
		struct icmphdr *ic = icmp_hdr(skb);

		if (iph->frag_off & htons(IP_MF | IP_OFFSET))
			goto drop;
		swap(iph->saddr, iph->daddr);
		iph->ttl = 64;
		ip_send_check(iph);
		ic->type = ICMP_ECHOREPLY;
		ic->checksum = 0;
		ic->checksum = csum_fold(csum_partial(ic, len, 0));
	}
	skb->ip_summed = CHECKSUM_NONE;
	hnv_output(port, skb);
	return;
drop:
	hnv_count_drop(port->stats, HNV_DROP_MALFORMED);
	kfree_skb(skb);
}
