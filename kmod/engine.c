// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The match-action engine.  A frame entering the switch from a port is
 * keyed (flow.c) and looked up in the port's unified flow table (uft.c).
 * On a hit composed under the current policy generation, its actions are
 * applied at once: the fast path.  Otherwise the slow path walks the
 * layers in order, each adding actions to the list or ending it with a
 * drop, and the composed list is cached for the flow's next packets.
 *
 * Frames decapsulated from the physical network take the same way through
 * the uplink, a port of the switch with its own flow table and layers.
 *
 * Layers are plain functions over the frame's key.  After the walk, the
 * IN ACLs of the ports the frame is delivered to are applied (acl.c),
 * and the flow is tied to its tracked connection, if any.
 */

#include <linux/etherdevice.h>
#include <linux/jhash.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

#include "engine.h"

/*
 * A new, zeroed action at the end of @c's list, or NULL when the list has
 * HNV_ACTIONS_MAX (what does not fit is not done) or memory is short (the
 * whole composition then fails).  The list grows by doubling: most flows
 * compose two or three actions, and zeroing HNV_ACTIONS_MAX of them for
 * each new flow cost a sixth of the CPU in the new-flow benchmark.  It may
 * move: callers hold no pointer into it across a call.
 */
struct hnv_action *hnv_compose_slot(struct hnv_compose *c)
{
	struct hnv_actions *acts = c->acts, *bigger;
	struct hnv_action *a;

	if (acts->n == c->cap) {
		u16 cap = min_t(u16, 2 * c->cap, HNV_ACTIONS_MAX);

		if (acts->n >= cap)
			return NULL;
		/* On failure @c->acts stays, and hnv_compose() frees it. */
		bigger = krealloc(acts, struct_size(acts, a, cap), GFP_ATOMIC);
		if (!bigger) {
			c->nomem = true;
			return NULL;
		}
		c->acts = bigger;
		c->cap = cap;
		acts = bigger;
	}
	a = &acts->a[acts->n++];
	memset(a, 0, sizeof(*a));
	return a;
}

void hnv_compose_output(struct hnv_compose *c, struct hnv_port *to)
{
	struct hnv_action *a = hnv_compose_slot(c);

	if (!a)
		return;
	a->type = HNV_ACTION_A_OUTPUT;
	a->ifindex = to->dev->ifindex;
	a->port = to;
}

void hnv_compose_encap(struct hnv_compose *c, const struct hnv_subnet *sn,
		       __be32 pa)
{
	const struct hnv_pas *pas = rcu_dereference(c->port->sw->pas);
	struct hnv_action *a = hnv_compose_slot(c);

	if (!a)
		return;
	a->type = HNV_ACTION_A_ENCAP;
	a->encap = sn->encap;
	a->vni = sn->vsid;
	a->pa_dst = pa;
	/* A flow always leaves from the same PA; flows spread over them. */
	a->pa_src = pas->addr[reciprocal_scale(jhash(c->key, sizeof(*c->key), 0),
					       pas->n)];
}

/* End the walk: the composed list becomes a single drop. */
void hnv_compose_drop(struct hnv_compose *c, enum hnv_drop_reason why)
{
	memset(&c->acts->a[0], 0, sizeof(c->acts->a[0]));
	c->acts->n = 1;
	c->acts->a[0].type = HNV_ACTION_A_DROP;
	c->acts->a[0].reason = why;
	c->done = true;
}

/*
 * End the walk: answer the ARP request or neighbour solicitation with
 * @mac (@router: it is the gateway's), back to the port.
 */
void hnv_compose_reply(struct hnv_compose *c, const u8 *mac, bool router)
{
	struct hnv_action *a = &c->acts->a[0];

	memset(a, 0, sizeof(*a));
	c->acts->n = 1;
	a->type = HNV_ACTION_A_REPLY;
	a->router = router;
	ether_addr_copy(a->mac, mac);
	c->done = true;
}

/*
 * The port layer: what a port may send at all.  It must be bound to a
 * virtual subnet the switch has, send from the VM's MAC and, if it has
 * customer addresses of the frame's IP family, from one of them.
 */
static void hnv_layer_port(struct hnv_compose *c)
{
	struct hnv_port *port = c->port;
	u32 vsid = READ_ONCE(port->vsid);

	if (!vsid)
		return hnv_compose_drop(c, HNV_DROP_PORT_UNBOUND);
	c->sn = hnv_subnet_find(port->sw, vsid);
	if (!c->sn)
		return hnv_compose_drop(c, HNV_DROP_NO_SUBNET);
	if (!ether_addr_equal(c->key->eth_src, port->mac))
		return hnv_compose_drop(c, HNV_DROP_SRC_MAC);
	if (!hnv_src_allowed(port, c->key))
		return hnv_compose_drop(c, HNV_DROP_SPOOF);
}

/*
 * The virtual-network layer: L2 within the port's virtual subnet.
 * A unicast frame goes to the port of its destination MAC in the same
 * VSID; broadcast, multicast and unknown unicast go to every other port of
 * the VSID.  Nothing ever leaves the VSID.
 */
static void hnv_layer_vnet(struct hnv_compose *c)
{
	struct hnv_port *port = c->port, *p;
	const struct hnv_subnet *sn = c->sn;
	struct hnv_switch *sw = port->sw;
	u32 vsid = sn->vsid;
	const struct hnv_remote *r;
	const struct hnv_map *map;
	bool has_pa;

	has_pa = rcu_access_pointer(sw->pas);

	if (is_unicast_ether_addr(c->key->eth_dst)) {
		list_for_each_entry_rcu(p, &sw->ports, list) {
			if (p != port && READ_ONCE(p->vsid) == vsid &&
			    ether_addr_equal(p->mac, c->key->eth_dst)) {
				hnv_compose_output(c, p);
				return;
			}
		}
		map = hnv_map_find(sw, vsid, c->key->eth_dst);
		if (map) {
			if (!has_pa)
				return hnv_compose_drop(c, HNV_DROP_NO_PA);
			hnv_compose_encap(c, sn, READ_ONCE(map->pa));
			return;
		}
	}
	/*
	 * Broadcast, multicast, unknown unicast: a copy to every other local
	 * port of the VSID and one to every remote host with VMs in it.
	 */
	list_for_each_entry_rcu(p, &sw->ports, list)
		if (p != port && READ_ONCE(p->vsid) == vsid)
			hnv_compose_output(c, p);
	if (has_pa)
		list_for_each_entry_rcu(r, &sn->remotes, list)
			hnv_compose_encap(c, sn, r->key.pa);
	if (!c->acts->n)
		hnv_compose_drop(c, HNV_DROP_NO_DEST);
}

/*
 * The virtual-network layer of the uplink: a frame decapsulated from the
 * physical network goes to the port of its destination MAC in the VSID it
 * arrived with, or to every port of that VSID if it is broadcast or
 * multicast; never back to the physical network.  In strict mode only if
 * it came from the PA its source MAC is mapped to.
 */
static void hnv_layer_vnet_uplink(struct hnv_compose *c)
{
	struct hnv_switch *sw = c->port->sw;
	u32 vsid = c->key->vsid;
	const struct hnv_subnet *sn;
	const struct hnv_map *map;
	struct hnv_port *p;

	sn = hnv_subnet_find(sw, vsid);
	if (!sn)
		return hnv_compose_drop(c, HNV_DROP_UNKNOWN_VNI);
	c->sn = sn;
	if (READ_ONCE(sw->strict)) {
		/* A routed frame comes from the router MAC: check its source
		 * address instead, in the subnets of its RDID.
		 */
		if (ether_addr_equal(c->key->eth_src, sw->router_mac)) {
			if (!hnv_route_src_mapped(sw, sn->rdid, c->key))
				return hnv_compose_drop(c, HNV_DROP_PA_MISMATCH);
		} else {
			map = hnv_map_find(sw, vsid, c->key->eth_src);
			if (!map || READ_ONCE(map->pa) != c->key->tun_src)
				return hnv_compose_drop(c, HNV_DROP_PA_MISMATCH);
		}
	}
	list_for_each_entry_rcu(p, &sw->ports, list) {
		if (READ_ONCE(p->vsid) != vsid)
			continue;
		if (!is_unicast_ether_addr(c->key->eth_dst)) {
			hnv_compose_output(c, p);
		} else if (ether_addr_equal(p->mac, c->key->eth_dst)) {
			hnv_compose_output(c, p);
			return;
		}
	}
	if (!c->acts->n)
		hnv_compose_drop(c, HNV_DROP_NO_DEST);
}

struct hnv_layer {
	const char *name;
	void (*fn)(struct hnv_compose *c);
	bool traces;	/* records its own steps */
};

/* The layers a VM port's frames walk, in order. */
static const struct hnv_layer hnv_port_layers[] = {
	{ "port", hnv_layer_port },
	{ "acl-out", hnv_layer_acl_out, true },
	{ "arp", hnv_layer_arp },
	{ "nd", hnv_layer_nd },
	{ "route", hnv_layer_route },
	{ "vnet", hnv_layer_vnet },
};

/* The layers frames from the physical network walk, in order. */
static const struct hnv_layer hnv_uplink_layers[] = {
	{ "vnet-uplink", hnv_layer_vnet_uplink },
};

/*
 * Record a step of a trace: @layer, the ACL rule that decided (or NULL)
 * and the actions composed from index @first on (all, once the walk is
 * done).
 */
void hnv_trace_step(struct hnv_compose *c, const char *layer,
		    const struct hnv_acl_ref *acl, u16 first)
{
	struct hnv_trace *t = c->trace;
	struct hnv_trace_step *step;
	u16 i;

	if (t->n == HNV_TRACE_STEPS_MAX)
		return;
	step = &t->step[t->n++];
	step->layer = layer;
	step->has_acl = acl;
	if (acl)
		step->acl = *acl;
	if (c->done)
		first = 0;
	step->nacts = 0;
	for (i = first; i < c->acts->n && step->nacts < HNV_TRACE_STEP_ACTIONS;
	     i++)
		step->acts[step->nacts++] = c->acts->a[i];
}

/*
 * The slow path: walk the layers for @c->port and @c->key, return the
 * composed actions (NULL: no memory).
 */
struct hnv_actions *hnv_compose(struct hnv_compose *c)
{
	const struct hnv_layer *layers = hnv_port_layers;
	int i, nlayers = ARRAY_SIZE(hnv_port_layers);
	struct hnv_actions *acts;
	u16 first;

	if (c->port == c->port->sw->uplink) {
		layers = hnv_uplink_layers;
		nlayers = ARRAY_SIZE(hnv_uplink_layers);
	}

	c->cap = HNV_ACTIONS_FIRST;
	c->acts = kmalloc(struct_size(c->acts, a, c->cap), GFP_ATOMIC);
	if (!c->acts)
		return NULL;
	c->acts->n = 0;
	for (i = 0; i < nlayers && !c->done; i++) {
		first = c->acts->n;
		layers[i].fn(c);
		if (c->trace && !layers[i].traces)
			hnv_trace_step(c, layers[i].name, NULL, first);
	}
	hnv_acl_deliver(c);
	if (c->nomem) {
		kfree(c->acts);
		c->acts = NULL;
		return NULL;
	}
	/*
	 * Keep only what was composed: the flow holds its list for its life
	 * (krealloc would keep the whole scratch allocation).
	 */
	acts = kmemdup(c->acts, struct_size(c->acts, a, c->acts->n), GFP_ATOMIC);
	kfree(c->acts);
	c->acts = NULL;
	if (acts)
		hnv_acl_finish(c, acts);
	return acts;
}

void hnv_actions_free(struct hnv_actions *acts)
{
	if (acts->conn)
		hnv_conn_put(acts->conn);
	kfree(acts);
}

static void hnv_actions_free_cb(struct rcu_head *head)
{
	hnv_actions_free(container_of(head, struct hnv_actions, rcu));
}

/* Free @acts after a grace period. */
void hnv_actions_free_rcu(struct hnv_actions *acts)
{
	call_rcu(&acts->rcu, hnv_actions_free_cb);
}

void hnv_output(struct hnv_port *to, struct sk_buff *skb)
{
	unsigned int len = skb->len;
	struct hnv_pcpu_stats *s;

	skb->dev = to->dev;
	if (unlikely(!is_skb_forwardable(to->dev, skb))) {
		/* Too big for the port (or it is down): its tx drop. */
		dev_core_stats_tx_dropped_inc(to->dev);
		kfree_skb(skb);
		return;
	}
	/* A down device drops and counts the frame itself. */
	if (dev_queue_xmit(skb) != NET_XMIT_SUCCESS)
		return;
	s = this_cpu_ptr(to->stats);
	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->tx_packets);
	u64_stats_add(&s->tx_bytes, len);
	u64_stats_update_end(&s->syncp);
}

/* Apply @acts to @skb (its data at the Ethernet header); consumes @skb. */
static void hnv_apply(struct hnv_port *port, const struct hnv_actions *acts,
		      struct sk_buff *skb)
{
	struct sk_buff *copy;
	int i;

	for (i = 0; i < acts->n; i++) {
		const struct hnv_action *a = &acts->a[i];

		switch (a->type) {
		case HNV_ACTION_A_ACL:
			if (a->acl.rule)
				hnv_acl_hit(a->acl.rule);
			break;
		case HNV_ACTION_A_DROP:
			if (a->reason == HNV_DROP_ACL && a->acl.rule)
				hnv_acl_hit(a->acl.rule);
			hnv_count_drop(port->stats, a->reason);
			kfree_skb(skb);
			return;
		case HNV_ACTION_A_REPLY:
			hnv_neigh_reply(port, a, skb);
			return;
		case HNV_ACTION_A_ICMP:
			hnv_route_icmp(port, a, skb);
			return;
		case HNV_ACTION_A_ECHO:
			hnv_route_echo(port, skb);
			return;
		case HNV_ACTION_A_ROUTE:
			skb = hnv_route_forward(port, a, skb);
			if (!skb)
				return;
			break;
		case HNV_ACTION_A_OUTPUT:
		case HNV_ACTION_A_ENCAP:
			if (i == acts->n - 1) {
				copy = skb;
				skb = NULL;
			} else {
				/* Encapsulation un-shares the headers it
				 * writes (skb_cow_head), so a clone will do.
				 */
				copy = skb_clone(skb, GFP_ATOMIC);
				if (!copy)
					break;
			}
			if (a->type == HNV_ACTION_A_OUTPUT) {
				if (a->acl_in[0])
					hnv_acl_hit(a->acl_in[0]);
				if (a->acl_in[1])
					hnv_acl_hit(a->acl_in[1]);
				hnv_output(a->port, copy);
			} else if (a->encap == HNV_ENCAP_NVGRE) {
				hnv_nvgre_xmit(port, a, copy);
			} else {
				hnv_vxlan_xmit(port, a, copy);
			}
			if (!skb)
				return;
			break;
		}
	}
	kfree_skb(skb);
}

/*
 * Take @skb (its data at the Ethernet header) through @port's flow table:
 * apply the cached actions of its flow, or compose and cache them first.
 * Under RCU; consumes @skb.
 */
static void hnv_engine_process(struct hnv_port *port,
			       const struct hnv_flow_key *key,
			       struct sk_buff *skb)
{
	struct hnv_switch *sw = port->sw;
	struct hnv_compose c = {};
	struct hnv_actions *acts, *old;
	struct hnv_flow *flow;
	u32 gen;

	gen = READ_ONCE(sw->gen);
	flow = hnv_uft_lookup(port, key);
	if (likely(flow && READ_ONCE(flow->gen) == gen)) {
		acts = rcu_dereference(flow->acts);
		/* A flow of a tracked connection lives as long as it does. */
		if (likely(!acts->conn) ||
		    hnv_conn_packet(sw, acts->conn, acts->conn_reply, skb))
			goto apply;
	}
	/* The slow path: a new flow, its policy or its connection changed. */
	c.port = port;
	c.key = key;
	c.gen = gen;
	acts = hnv_compose(&c);
	if (unlikely(!acts)) {
		kfree_skb(skb);
		return;
	}
	if (acts->conn)
		hnv_conn_packet(sw, acts->conn, acts->conn_reply, skb);
	if (flow) {
		old = unrcu_pointer(xchg(&flow->acts, RCU_INITIALIZER(acts)));
		WRITE_ONCE(flow->gen, gen);
		hnv_actions_free_rcu(old);
		hnv_count_add(port->stats, flows_recomposed, 1);
	} else {
		flow = hnv_uft_insert(port, key, acts, gen);
		if (!flow) {
			/* Not cached (a limit was hit): apply once. */
			hnv_count_add(port->stats, flows_uncached, 1);
			hnv_apply(port, acts, skb);
			hnv_actions_free(acts);
			return;
		}
		acts = rcu_dereference(flow->acts);
	}
apply:
	WRITE_ONCE(flow->used, jiffies);
	atomic64_inc(&flow->packets);
	atomic64_add(skb->len, &flow->bytes);
	hnv_apply(port, acts, skb);
}

/* A frame from a VM port (data at its network header).  Consumes @skb. */
rx_handler_result_t hnv_engine_rx(struct hnv_port *port, struct sk_buff *skb)
{
	struct hnv_flow_key key;

	hnv_count_rx(port->stats, skb->len + ETH_HLEN);
	if (unlikely(!hnv_flow_key_extract(skb, &key))) {
		hnv_count_drop(port->stats, HNV_DROP_MALFORMED);
		kfree_skb(skb);
		return RX_HANDLER_CONSUMED;
	}
	skb_push(skb, ETH_HLEN);
	skb_forward_csum(skb);
	hnv_engine_process(port, &key, skb);
	return RX_HANDLER_CONSUMED;
}

/*
 * A frame decapsulated from the physical network: its VSID (the VNI or
 * key it arrived with) and outer source address, its data at the network
 * header with the Ethernet header before it and skb->protocol set.  It
 * enters the switch through the uplink.  Under RCU; consumes @skb.
 */
void hnv_engine_decap(struct hnv_switch *sw, u32 vsid, __be32 outer_src,
		      struct sk_buff *skb)
{
	struct hnv_port *up = sw->uplink;
	struct hnv_flow_key key;

	hnv_count_rx(up->stats, skb->len + ETH_HLEN);
	if (unlikely(!hnv_flow_key_extract(skb, &key))) {
		hnv_count_drop(up->stats, HNV_DROP_MALFORMED);
		kfree_skb(skb);
		return;
	}
	key.vsid = vsid;
	key.tun_src = outer_src;
	skb_push(skb, ETH_HLEN);
	skb_forward_csum(skb);
	hnv_engine_process(up, &key, skb);
}
