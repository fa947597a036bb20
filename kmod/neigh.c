// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * ARP and IPv6 neighbour discovery, as layers of the engine.
 *
 * In a virtual subnet with a prefix of the family, the switch knows every
 * address of the VSID: its ports' customer addresses, the CAs of the
 * CA->PA mappings, and the gateway, which belongs to the distributed
 * router.  It answers ARP requests and neighbour solicitations from its
 * ports itself, so a request is never broadcast, locally or on the
 * physical network.  An address it does not know gets no answer and is
 * reported to listeners (HNV_CMD_NEIGH_MISS), rate-limited.  A subnet
 * without a prefix of the family is plain L2: requests are switched like
 * any broadcast.
 *
 * A port with customer addresses of a family may only claim those: IP
 * packets, ARP messages and neighbour advertisements with another source
 * are dropped (HNV_DROP_SPOOF).  IPv6 link-local and unspecified sources
 * are allowed (neighbour discovery and multicast listener reports use
 * them); neighbour solicitations and advertisements for link-local
 * targets are not answered by the switch but switched within the VSID:
 * the switch does not know its VMs' link-local addresses.  Any port may
 * only name its own MAC: an ARP sender hardware address or a neighbour
 * discovery link-layer address option that is not the frame's source is
 * dropped (HNV_DROP_SPOOF).
 *
 * Answers are composed on the slow path like any decision: the flow key
 * of a request holds its sender and target (flow.c), the composed action
 * is "reply with MAC m", and a VM asking again takes the fast path.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/ipv6.h>
#include <linux/jhash.h>
#include <net/arp.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "engine.h"

/* An ND option's type and length bytes. */
#define HNV_ND_OPT_HDR_LEN	2

static bool hnv_addr_equal(bool v6, const union hnv_addr *a,
			   const union hnv_addr *b)
{
	return v6 ? ipv6_addr_equal(&a->v6, &b->v6) : a->v4 == b->v4;
}

/* @cas has an address of the family (@v6), and, if @a, @a among them. */
bool hnv_cas_has(const struct hnv_port_cas *cas, bool v6,
		 const union hnv_addr *a)
{
	int i;

	for (i = 0; cas && i < cas->n; i++)
		if (cas->ca[i].v6 == v6 &&
		    (!a || hnv_addr_equal(v6, &cas->ca[i].addr, a)))
			return true;
	return false;
}

/*
 * The source address of an IP frame is one the port may use: any if the
 * port has no customer address of the family; else one of them, or for
 * IPv6 the unspecified address or a link-local one.
 */
bool hnv_src_allowed(const struct hnv_port *port,
		     const struct hnv_flow_key *key)
{
	const struct hnv_port_cas *cas = rcu_dereference(port->cas);
	union hnv_addr src;

	if (key->eth_type == htons(ETH_P_IP)) {
		if (!hnv_cas_has(cas, false, NULL))
			return true;
		src.v4 = key->addr.v4[0];
		return hnv_cas_has(cas, false, &src);
	}
	if (key->eth_type == htons(ETH_P_IPV6)) {
		if (!hnv_cas_has(cas, true, NULL))
			return true;
		src.v6 = key->addr.v6[0];
		if (ipv6_addr_any(&src.v6) ||
		    ipv6_addr_type(&src.v6) & IPV6_ADDR_LINKLOCAL)
			return true;
		return hnv_cas_has(cas, true, &src);
	}
	return true;
}

/*
 * Report that the port asked for @addr, unknown in its VSID: at most once
 * a second per (VSID, address) (by hash slot; a collision can only let
 * an extra report through) and HNV_MISS_PER_SEC a second per switch.
 */
static void hnv_neigh_miss(struct hnv_compose *c, bool v6,
			   const union hnv_addr *addr)
{
	struct hnv_miss_limit *ml = &c->port->sw->miss;
	u32 vsid = c->sn->vsid;
	u32 hash = jhash(addr, v6 ? 16 : 4, vsid);
	unsigned long now = jiffies, last, window;
	typeof(ml->slot[0]) *slot = &ml->slot[hash % HNV_MISS_SLOTS];

	if (c->probe)
		return;
	last = READ_ONCE(slot->last);
	if (READ_ONCE(slot->hash) == hash && last &&
	    time_before(now, last + HZ))
		return;
	if (cmpxchg(&slot->last, last, now) != last)
		return;		/* another CPU reports it */
	WRITE_ONCE(slot->hash, hash);

	window = READ_ONCE(ml->window);
	if (time_after(now, window + HZ) &&
	    cmpxchg(&ml->window, window, now) == window)
		atomic_set(&ml->count, 0);
	if (atomic_inc_return(&ml->count) > HNV_MISS_PER_SEC)
		return;
	hnv_nl_notify_miss(c->port->sw, c->port, vsid, v6, addr);
}

/*
 * The MAC that answers for @a in the frame's subnet: the router's for
 * the gateway, a port's for its customer address, a mapping's for its CA.
 * NULL if none, or if @a is the asking port's own (*self).
 */
static const u8 *hnv_neigh_resolve(struct hnv_compose *c, bool v6,
				   const union hnv_addr *a, bool *router,
				   bool *self)
{
	const struct hnv_subnet *sn = c->sn;
	const struct hnv_prefix *p = v6 ? &sn->p6 : &sn->p4;
	struct hnv_switch *sw = c->port->sw;
	const struct hnv_map *map;
	struct hnv_port *q;

	*router = false;
	*self = false;
	if (hnv_addr_equal(v6, &p->gw, a)) {
		*router = true;
		return sw->router_mac;
	}
	list_for_each_entry_rcu(q, &sw->ports, list) {
		if (READ_ONCE(q->vsid) != sn->vsid ||
		    !hnv_cas_has(rcu_dereference(q->cas), v6, a))
			continue;
		if (q == c->port) {
			*self = true;
			return NULL;
		}
		return q->mac;
	}
	map = hnv_map_find_ca(sw, sn->vsid, v6, a);
	return map ? map->key.mac : NULL;
}

/* Answer a request for @target, or drop it and say why. */
static void hnv_neigh_answer(struct hnv_compose *c, bool v6,
			     const union hnv_addr *target)
{
	bool router, self;
	const u8 *mac;

	mac = hnv_neigh_resolve(c, v6, target, &router, &self);
	if (mac)
		return hnv_compose_reply(c, mac, router);
	if (self)
		return hnv_compose_drop(c, HNV_DROP_NEIGH_SELF);
	hnv_neigh_miss(c, v6, target);
	hnv_compose_drop(c, HNV_DROP_NEIGH_UNKNOWN);
}

/* ARP, in a subnet with an IPv4 prefix. */
void hnv_layer_arp(struct hnv_compose *c)
{
	const struct hnv_flow_key *k = c->key;
	const struct hnv_port_cas *cas;
	union hnv_addr sip, tip;
	bool router, self;

	if (k->eth_type != htons(ETH_P_ARP) || !c->sn->p4.len)
		return;
	if (!k->ip_proto)	/* not IPv4 over Ethernet */
		return hnv_compose_drop(c, HNV_DROP_MALFORMED);
	sip.v4 = k->addr.v4[0];
	tip.v4 = k->addr.v4[1];
	cas = rcu_dereference(c->port->cas);
	if (k->flags & HNV_KEY_F_ARP_SHA ||
	    (sip.v4 && hnv_cas_has(cas, false, NULL) &&
	     !hnv_cas_has(cas, false, &sip)))
		return hnv_compose_drop(c, HNV_DROP_SPOOF);

	if (k->ip_proto == ARPOP_REPLY) {
		/* An answer to a host that asked by broadcast: switched. */
		if (!is_unicast_ether_addr(k->eth_dst))
			return hnv_compose_drop(c, HNV_DROP_NEIGH_SELF);
		return;
	}
	if (sip.v4 == tip.v4)		/* an announcement */
		return hnv_compose_drop(c, HNV_DROP_NEIGH_SELF);
	if (!sip.v4) {
		/* A probe (RFC 5227): answered only if taken. */
		if (!hnv_neigh_resolve(c, false, &tip, &router, &self))
			return hnv_compose_drop(c, HNV_DROP_NEIGH_SELF);
	}
	hnv_neigh_answer(c, false, &tip);
}

/* Neighbour solicitations and advertisements, with an IPv6 prefix. */
void hnv_layer_nd(struct hnv_compose *c)
{
	const struct hnv_flow_key *k = c->key;
	const struct hnv_port_cas *cas;
	union hnv_addr src, target;
	u16 type = ntohs(k->l4_src);

	if (k->eth_type != htons(ETH_P_IPV6) || k->ip_proto != IPPROTO_ICMPV6 ||
	    !c->sn->p6.len)
		return;
	if (type != NDISC_NEIGHBOUR_SOLICITATION &&
	    type != NDISC_NEIGHBOUR_ADVERTISEMENT)
		return;
	src.v6 = k->addr.v6[0];
	target.v6 = k->addr.v6[1];
	if (k->flags & HNV_KEY_F_ND_LLA)	/* another MAC, like ARP's */
		return hnv_compose_drop(c, HNV_DROP_SPOOF);
	if (ipv6_addr_type(&target.v6) & IPV6_ADDR_LINKLOCAL)
		return;		/* not the switch's to answer: switched */

	if (type == NDISC_NEIGHBOUR_ADVERTISEMENT) {
		cas = rcu_dereference(c->port->cas);
		if (hnv_cas_has(cas, true, NULL) &&
		    !hnv_cas_has(cas, true, &target))
			return hnv_compose_drop(c, HNV_DROP_SPOOF);
		if (!is_unicast_ether_addr(k->eth_dst))
			return hnv_compose_drop(c, HNV_DROP_NEIGH_SELF);
		return;
	}
	if (ipv6_addr_any(&src.v6))	/* duplicate address detection */
		return hnv_compose_drop(c, HNV_DROP_NEIGH_SELF);
	hnv_neigh_answer(c, true, &target);
}

/* An ARP reply to @req (data at its Ethernet header) with @mac. */
static struct sk_buff *hnv_arp_reply(struct hnv_port *port, const u8 *mac,
				     struct sk_buff *req)
{
	const struct hnv_arp *arp;
	struct hnv_arp buf;

	arp = skb_header_pointer(req, skb_network_offset(req), sizeof(buf),
				 &buf);
	if (!arp)
		return NULL;
	return arp_create(ARPOP_REPLY, ETH_P_ARP, arp->sip, port->dev,
			  arp->tip, arp->sha, mac, arp->sha);
}

/* A neighbour advertisement answering @req with @mac. */
static struct sk_buff *hnv_nd_reply(struct hnv_port *port, const u8 *mac,
				    bool router, struct sk_buff *req)
{
	int plen = sizeof(struct nd_msg) + HNV_ND_OPT_HDR_LEN + ETH_ALEN;
	struct net_device *dev = port->dev;
	struct ipv6hdr ip6buf, *ip6;
	struct nd_msg nsbuf, *na;
	const struct nd_msg *ns;
	struct in6_addr asker;
	struct sk_buff *skb;
	u8 *opt;

	ip6 = skb_header_pointer(req, skb_network_offset(req), sizeof(ip6buf),
				 &ip6buf);
	ns = skb_header_pointer(req, skb_transport_offset(req), sizeof(nsbuf),
				&nsbuf);
	if (!ip6 || !ns)
		return NULL;
	asker = ip6->saddr;
	skb = alloc_skb(LL_RESERVED_SPACE(dev) + sizeof(*ip6) + plen +
			dev->needed_tailroom, GFP_ATOMIC);
	if (!skb)
		return NULL;
	skb_reserve(skb, LL_RESERVED_SPACE(dev));
	skb->protocol = htons(ETH_P_IPV6);
	skb->dev = dev;

	skb_reset_network_header(skb);
	ip6 = skb_put(skb, sizeof(*ip6));
	*ip6 = (struct ipv6hdr) {
		.version	= 6,
		.payload_len	= htons(plen),
		.nexthdr	= IPPROTO_ICMPV6,
		.hop_limit	= 255,
		.saddr		= ns->target,
		.daddr		= asker,
	};
	skb_reset_transport_header(skb);
	na = skb_put_zero(skb, plen);
	na->icmph.icmp6_type = NDISC_NEIGHBOUR_ADVERTISEMENT;
	na->icmph.icmp6_router = router;
	na->icmph.icmp6_solicited = 1;
	na->icmph.icmp6_override = 1;
	na->target = ns->target;
	opt = na->opt;
	opt[0] = ND_OPT_TARGET_LL_ADDR;
	opt[1] = (HNV_ND_OPT_HDR_LEN + ETH_ALEN) >> 3;
	ether_addr_copy(opt + HNV_ND_OPT_HDR_LEN, mac);
	na->icmph.icmp6_cksum = csum_ipv6_magic(&ip6->saddr, &ip6->daddr, plen,
						IPPROTO_ICMPV6,
						csum_partial(na, plen, 0));
	if (dev_hard_header(skb, dev, ETH_P_IPV6, eth_hdr(req)->h_source, mac,
			    skb->len) < 0) {
		kfree_skb(skb);
		return NULL;
	}
	return skb;
}

/*
 * Apply a reply action: answer @skb, an ARP request or a neighbour
 * solicitation from @port (data at its Ethernet header), and consume it.
 */
void hnv_neigh_reply(struct hnv_port *port, const struct hnv_action *a,
		     struct sk_buff *skb)
{
	struct sk_buff *reply;

	if (eth_hdr(skb)->h_proto == htons(ETH_P_ARP))
		reply = hnv_arp_reply(port, a->mac, skb);
	else
		reply = hnv_nd_reply(port, a->mac, a->router, skb);
	consume_skb(skb);
	if (reply)
		hnv_output(port, reply);
	else
		hnv_count_drop(port->stats, HNV_DROP_MALFORMED);
}
