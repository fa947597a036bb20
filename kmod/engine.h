/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * What the layers of the engine share: the slow path's state while it
 * walks them, and the steps they add to a composed action list.
 */
#ifndef _HNV_ENGINE_H
#define _HNV_ENGINE_H

#include "hnv.h"

/**
 * struct hnv_compose - the slow path's state while it walks the layers
 * @port: the port the frame entered on
 * @key: the frame's flow key
 * @sn: the virtual subnet of the frame, once a layer found it
 * @acts: the actions composed so far
 * @done: a layer ended the walk (with a drop, or a final decision)
 */
struct hnv_compose {
	struct hnv_port *port;
	const struct hnv_flow_key *key;
	const struct hnv_subnet *sn;
	struct hnv_actions *acts;
	bool done;
};

/* The most actions one flow can compose: one output per other port. */
#define HNV_ACTIONS_MAX		256

void hnv_compose_output(struct hnv_compose *c, struct hnv_port *to);
void hnv_compose_encap(struct hnv_compose *c, const struct hnv_subnet *sn,
		       __be32 pa);
void hnv_compose_drop(struct hnv_compose *c, enum hnv_drop_reason why);
void hnv_compose_reply(struct hnv_compose *c, const u8 *mac, bool router);

/* route.c: the distributed router */
void hnv_layer_route(struct hnv_compose *c);
bool hnv_route_src_mapped(struct hnv_switch *sw, u32 rdid,
			  const struct hnv_flow_key *key);
struct sk_buff *hnv_route_forward(struct hnv_port *port,
				  const struct hnv_action *a,
				  struct sk_buff *skb);
void hnv_route_icmp(struct hnv_port *port, const struct hnv_action *a,
		    struct sk_buff *skb);
void hnv_route_echo(struct hnv_port *port, struct sk_buff *skb);

/* neigh.c: the ARP and neighbour-discovery layers */
bool hnv_cas_has(const struct hnv_port_cas *cas, bool v6,
		 const union hnv_addr *a);
void hnv_layer_arp(struct hnv_compose *c);
void hnv_layer_nd(struct hnv_compose *c);
bool hnv_src_allowed(const struct hnv_port *port,
		     const struct hnv_flow_key *key);
void hnv_neigh_reply(struct hnv_port *port, const struct hnv_action *a,
		     struct sk_buff *skb);

#endif /* _HNV_ENGINE_H */
