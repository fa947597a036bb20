/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * What the layers of the engine share: the slow path's state while it
 * walks them, and the steps they add to a composed action list.
 */
#ifndef _HNV_ENGINE_H
#define _HNV_ENGINE_H

#include "acl.h"

/* Most steps a trace records, and actions per step. */
#define HNV_TRACE_STEPS_MAX	64
#define HNV_TRACE_STEP_ACTIONS	8

/**
 * struct hnv_trace - what the slow path did, step by step (HNV_CMD_TRACE)
 * @n: steps recorded (the steps past HNV_TRACE_STEPS_MAX are not)
 * @step: the steps
 * @step.layer: the layer
 * @step.has_acl: an ACL step: @step.acl says which rule decided
 * @step.acl: the rule
 * @step.nacts: actions the step composed (at most HNV_TRACE_STEP_ACTIONS)
 * @step.acts: their copies
 */
struct hnv_trace {
	u32 n;
	struct hnv_trace_step {
		const char *layer;
		bool has_acl;
		struct hnv_acl_ref acl;
		u8 nacts;
		struct hnv_action acts[HNV_TRACE_STEP_ACTIONS];
	} step[HNV_TRACE_STEPS_MAX];
};

/**
 * struct hnv_compose - the slow path's state while it walks the layers
 * @port: the port the frame entered on
 * @key: the frame's flow key
 * @sn: the virtual subnet of the frame, once a layer found it
 * @acts: the actions composed so far
 * @done: a layer ended the walk (with a drop, or a final decision)
 * @probe: compose without side effects (no events, no connection
 *	changes): a trace, or a check of a connection's first direction
 * @rules_only: ACLs decide by their rules alone, tracked connections
 *	aside (checking a connection's first direction)
 * @trace: record the steps here (a trace), or NULL
 * @gen: the policy generation the flow is composed under
 * @acl_began: the ACL fields below are set
 * @acl_ip: the frame is subject to ACLs
 * @stateful: a stateful rule allowed the frame somewhere on its way
 * @reply: the frame is return traffic of @conn: ACLs let it pass
 * @ck: the frame's classifier key
 * @conn_key: the frame's connection key
 * @conn: its tracked connection (either direction), if any
 */
struct hnv_compose {
	struct hnv_port *port;
	const struct hnv_flow_key *key;
	const struct hnv_subnet *sn;
	struct hnv_actions *acts;
	bool done;
	bool probe;
	bool rules_only;
	struct hnv_trace *trace;
	u32 gen;
	bool acl_began;
	bool acl_ip;
	bool stateful;
	bool reply;
	struct hnv_cls_key ck;
	struct hnv_conn_key conn_key;
	struct hnv_conn *conn;
	u16 cap;
	bool nomem;
};

struct hnv_actions *hnv_compose(struct hnv_compose *c);
void hnv_trace_step(struct hnv_compose *c, const char *layer,
		    const struct hnv_acl_ref *acl, u16 first);

/* The most actions one flow can compose: one output per other port. */
#define HNV_ACTIONS_MAX		256
/* Room the slow path starts with; hnv_compose_slot() doubles it. */
#define HNV_ACTIONS_FIRST	8

struct hnv_action *hnv_compose_slot(struct hnv_compose *c);

void hnv_compose_output(struct hnv_compose *c, struct hnv_port *to);
void hnv_compose_encap(struct hnv_compose *c, const struct hnv_subnet *sn,
		       __be32 pa);
void hnv_compose_drop(struct hnv_compose *c, enum hnv_drop_reason why);
void hnv_compose_reply(struct hnv_compose *c, const u8 *mac, bool router);

/* acl.c: the ACL layers */
void hnv_layer_acl_out(struct hnv_compose *c);
void hnv_acl_deliver(struct hnv_compose *c);
void hnv_acl_finish(struct hnv_compose *c, struct hnv_actions *acts);

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
