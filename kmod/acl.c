// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * ACLs of ports and VSIDs: their rules (classified in cls.c), and the
 * engine's ACL layers.  A frame from a VM meets its port's and then its
 * VSID's OUT ACL right after the port layer (acl-out); once the layers
 * chose where it goes, every local port it is delivered to applies its
 * VSID's and then its own IN ACL to it (acl-in): a denied port loses its
 * copy.  Frames from the physical network meet only the IN ACLs.  Return
 * traffic of a connection tracked on this host (conn.c) passes them all.
 *
 * The verdicts are composed into the flow's actions: an ACL action per
 * rule that allowed (its hit counter counts packets as they pass), the
 * rules of the IN ACLs in their output actions, a drop naming the rule
 * that denied.  See DOC: Locking in hnv.h.
 */

#include <linux/icmpv6.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/ndisc.h>

#include "engine.h"

struct hnv_acl_rule *hnv_acl_rule_alloc(void)
{
	struct hnv_acl_rule *rule;
	int cpu;

	rule = kzalloc(sizeof(*rule), GFP_KERNEL);
	if (!rule)
		return NULL;
	rule->hits = alloc_percpu(struct hnv_acl_hits);
	if (!rule->hits) {
		kfree(rule);
		return NULL;
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(rule->hits, cpu)->syncp);
	return rule;
}

void hnv_acl_rule_free(struct hnv_acl_rule *rule)
{
	kfree(rule->entry.pieces);
	free_percpu(rule->hits);
	kfree(rule);
}

static void hnv_acl_rule_free_rcu(struct rcu_head *head)
{
	hnv_acl_rule_free(container_of(head, struct hnv_acl_rule, rcu));
}

u64 hnv_acl_hits_read(const struct hnv_acl_rule *rule)
{
	u64 sum = 0, v;
	unsigned int start;
	int cpu;

	for_each_possible_cpu(cpu) {
		const struct hnv_acl_hits *h = per_cpu_ptr(rule->hits, cpu);

		do {
			start = u64_stats_fetch_begin(&h->syncp);
			v = u64_stats_read(&h->packets);
		} while (u64_stats_fetch_retry(&h->syncp, start));
		sum += v;
	}
	return sum;
}

static int hnv_acl_set_init(struct hnv_acl_set *set, struct hnv_acl *acl,
			    u8 dir)
{
	hnv_cls_init(&set->cls);
	xa_init(&set->rules);
	set->acl = acl;
	set->dir = dir;
	set->dflt = hnv_acl_rule_alloc();
	if (!set->dflt)
		return -ENOMEM;
	set->dflt->set = set;
	set->dflt->action = HNV_ACL_ACTION_ALLOW;
	return 0;
}

/* Free the rules of @set; no reader may see them any more. */
static void hnv_acl_set_clear(struct hnv_switch *sw, struct hnv_acl_set *set)
{
	struct hnv_acl_rule *rule;
	unsigned long prio;

	hnv_cls_destroy(&set->cls);
	xa_for_each(&set->rules, prio, rule) {
		sw->nacl_rules--;
		hnv_acl_rule_free(rule);
	}
	xa_destroy(&set->rules);
}

static void hnv_acl_free(struct hnv_switch *sw, struct hnv_acl *acl)
{
	hnv_acl_set_clear(sw, &acl->in);
	hnv_acl_set_clear(sw, &acl->out);
	if (acl->in.dflt)
		hnv_acl_rule_free(acl->in.dflt);
	if (acl->out.dflt)
		hnv_acl_rule_free(acl->out.dflt);
	kfree(acl);
}

static struct hnv_acl *hnv_acl_alloc(u32 vsid, int ifindex)
{
	struct hnv_acl *acl = kzalloc(sizeof(*acl), GFP_KERNEL);

	if (!acl)
		return NULL;
	acl->vsid = vsid;
	acl->ifindex = ifindex;
	if (hnv_acl_set_init(&acl->in, acl, HNV_ACL_DIR_IN) ||
	    hnv_acl_set_init(&acl->out, acl, HNV_ACL_DIR_OUT)) {
		if (acl->in.dflt)
			hnv_acl_rule_free(acl->in.dflt);
		kfree(acl);
		return NULL;
	}
	return acl;
}

void hnv_acl_switch_init(struct hnv_switch *sw)
{
	hash_init(sw->acls);
}

/* The ACLs of a VSID, or NULL.  Under RCU or RTNL. */
struct hnv_acl *hnv_acl_vsid(struct hnv_switch *sw, u32 vsid)
{
	struct hnv_acl *acl;

	hash_for_each_possible_rcu(sw->acls, acl, node, vsid,
				   lockdep_rtnl_is_held())
		if (acl->vsid == vsid)
			return acl;
	return NULL;
}

static struct hnv_acl *hnv_acl_find(struct hnv_switch *sw,
				    struct hnv_port *port, u32 vsid)
{
	if (port)
		return rtnl_dereference(port->acl);
	return hnv_acl_vsid(sw, vsid);
}

/*
 * The ACLs of @port, or of @vsid if @port is NULL, created if need be.  A
 * VSID's ACLs may come before its subnet, but a switch holds those of at
 * most HNV_SUBNETS_MAX VSIDs: each costs memory and lengthens the chains
 * the slow path looks them up in.
 */
static struct hnv_acl *hnv_acl_get(struct hnv_switch *sw,
				   struct hnv_port *port, u32 vsid,
				   struct netlink_ext_ack *extack)
{
	struct hnv_acl *acl = hnv_acl_find(sw, port, vsid);

	if (acl)
		return acl;
	if (!port && sw->nacl_vsids >= HNV_SUBNETS_MAX) {
		NL_SET_ERR_MSG(extack, "HNV_A_VSID: the switch has ACLs for HNV_SUBNETS_MAX VSIDs");
		return ERR_PTR(-ENOSPC);
	}
	acl = hnv_acl_alloc(port ? 0 : vsid, port ? port->dev->ifindex : 0);
	if (!acl)
		return ERR_PTR(-ENOMEM);
	if (port) {
		rcu_assign_pointer(port->acl, acl);
	} else {
		hash_add_rcu(sw->acls, &acl->node, vsid);
		sw->nacl_vsids++;
	}
	return acl;
}

static struct hnv_acl_set *hnv_acl_dir(struct hnv_acl *acl, u8 dir)
{
	return dir == HNV_ACL_DIR_IN ? &acl->in : &acl->out;
}

int hnv_acl_add(struct hnv_switch *sw, struct hnv_port *port, u32 vsid,
		u8 dir, struct hnv_acl_rule *tmpl, bool replace,
		struct netlink_ext_ack *extack)
{
	struct hnv_acl_rule *rule, *old;
	struct hnv_acl_set *set;
	struct hnv_acl *acl;
	int err;

	ASSERT_RTNL();
	acl = hnv_acl_find(sw, port, vsid);
	old = acl ? xa_load(&hnv_acl_dir(acl, dir)->rules, tmpl->prio) : NULL;
	if (old && !replace) {
		NL_SET_ERR_MSG(extack, "hnv: the ACL has a rule of that priority (replace it with HNV_A_REPLACE)");
		return -EEXIST;
	}
	if (!old && sw->nacl_rules >= HNV_ACL_RULES_MAX) {
		NL_SET_ERR_MSG(extack, "hnv: the switch has the most ACL rules it can hold");
		return -ENOSPC;
	}
	acl = hnv_acl_get(sw, port, vsid, extack);
	if (IS_ERR(acl))
		return PTR_ERR(acl);
	set = hnv_acl_dir(acl, dir);
	rule = hnv_acl_rule_alloc();
	if (!rule)
		return -ENOMEM;
	memcpy(rule, tmpl, offsetof(struct hnv_acl_rule, hits));
	rule->set = set;
	hnv_cls_expand(rule);
	err = xa_err(xa_store(&set->rules, rule->prio, rule, GFP_KERNEL));
	if (err)
		goto err_free;
	err = hnv_cls_insert(&set->cls, rule);
	if (err) {
		if (old)
			xa_store(&set->rules, old->prio, old, GFP_KERNEL);
		else
			xa_erase(&set->rules, rule->prio);
		goto err_free;
	}
	if (old) {
		hnv_cls_remove(&set->cls, old);
		sw->nacl_rules--;
		call_rcu(&old->rcu, hnv_acl_rule_free_rcu);
	}
	sw->nacl_rules++;
	hnv_policy_changed(sw);
	return 0;

err_free:
	hnv_acl_rule_free(rule);
	return err;
}

int hnv_acl_set_default(struct hnv_switch *sw, struct hnv_port *port,
			u32 vsid, u8 dir, u8 action, bool stateful,
			struct netlink_ext_ack *extack)
{
	struct hnv_acl_set *set;
	struct hnv_acl *acl;

	ASSERT_RTNL();
	acl = hnv_acl_get(sw, port, vsid, extack);
	if (IS_ERR(acl))
		return PTR_ERR(acl);
	set = hnv_acl_dir(acl, dir);
	/* Read by the slow path only: see DOC: Locking. */
	WRITE_ONCE(set->dflt->action, action);
	WRITE_ONCE(set->dflt->stateful, stateful);
	set->dflt_set = true;
	hnv_policy_changed(sw);
	return 0;
}

int hnv_acl_del(struct hnv_switch *sw, struct hnv_port *port, u32 vsid,
		u8 dir, u32 prio, bool dflt, struct netlink_ext_ack *extack)
{
	struct hnv_acl *acl = hnv_acl_find(sw, port, vsid);
	struct hnv_acl_rule *rule;
	struct hnv_acl_set *set;

	ASSERT_RTNL();
	if (!acl)
		goto enoent;
	set = hnv_acl_dir(acl, dir);
	if (dflt) {
		if (!set->dflt_set)
			goto enoent;
		WRITE_ONCE(set->dflt->action, HNV_ACL_ACTION_ALLOW);
		WRITE_ONCE(set->dflt->stateful, false);
		set->dflt_set = false;
		hnv_policy_changed(sw);
		return 0;
	}
	rule = xa_erase(&set->rules, prio);
	if (!rule)
		goto enoent;
	hnv_cls_remove(&set->cls, rule);
	sw->nacl_rules--;
	hnv_policy_changed(sw);
	call_rcu(&rule->rcu, hnv_acl_rule_free_rcu);
	return 0;

enoent:
	if (dflt)
		NL_SET_ERR_MSG(extack, "hnv: the ACL has no default action set");
	else
		NL_SET_ERR_MSG(extack, "hnv: the ACL has no rule of that priority");
	return -ENOENT;
}

/*
 * Remove the rules and defaults of @port's or @vsid's ACL (or of every
 * ACL of the switch, if neither), of direction @dir (0: both).  RTNL;
 * waits for a grace period.
 */
void hnv_acl_flush(struct hnv_switch *sw, struct hnv_port *only, u32 vsid,
		   u8 dir)
{
	struct hnv_acl *acl, *next, *gone[2] = {};
	struct hlist_node *tmp;
	struct hnv_port *port;
	LIST_HEAD(all);
	int bkt;

	ASSERT_RTNL();
	if (!only && !vsid) {
		/* Every ACL, both directions: unpublish and free them all. */
		list_for_each_entry(port, &sw->ports, list) {
			acl = rtnl_dereference(port->acl);
			if (!acl)
				continue;
			RCU_INIT_POINTER(port->acl, NULL);
			list_add(&acl->gc, &all);
		}
		hash_for_each_safe(sw->acls, bkt, tmp, acl, node) {
			hash_del_rcu(&acl->node);
			list_add(&acl->gc, &all);
		}
		sw->nacl_vsids = 0;
		hnv_policy_changed(sw);
		synchronize_rcu();
		list_for_each_entry_safe(acl, next, &all, gc)
			hnv_acl_free(sw, acl);
		return;
	}
	acl = hnv_acl_find(sw, only, vsid);
	if (!acl)
		return;
	if (!dir) {
		if (only) {
			RCU_INIT_POINTER(only->acl, NULL);
		} else {
			hash_del_rcu(&acl->node);
			sw->nacl_vsids--;
		}
		gone[0] = acl;
	} else {
		struct hnv_acl_set *set = hnv_acl_dir(acl, dir);
		struct hnv_cls_subs *subs;

		subs = rcu_replace_pointer(set->cls.subs, NULL, true);
		if (subs)
			kfree_rcu(subs, rcu);
		WRITE_ONCE(set->dflt->action, HNV_ACL_ACTION_ALLOW);
		WRITE_ONCE(set->dflt->stateful, false);
		set->dflt_set = false;
		gone[1] = acl;
	}
	hnv_policy_changed(sw);
	synchronize_rcu();
	if (gone[0])
		hnv_acl_free(sw, gone[0]);
	else
		hnv_acl_set_clear(sw, hnv_acl_dir(gone[1], dir));
}

/* The port's ACLs go with it (after the packet path left it). */
void hnv_acl_port_destroy(struct hnv_port *port)
{
	struct hnv_acl *acl = rtnl_dereference(port->acl);

	if (!acl)
		return;
	RCU_INIT_POINTER(port->acl, NULL);
	hnv_acl_free(port->sw, acl);
}

/* The switch's VSID ACLs, when it goes (no packet path is left). */
void hnv_acl_switch_destroy(struct hnv_switch *sw)
{
	struct hlist_node *tmp;
	struct hnv_acl *acl;
	int bkt;

	hash_for_each_safe(sw->acls, bkt, tmp, acl, node) {
		hash_del(&acl->node);
		hnv_acl_free(sw, acl);
	}
	sw->nacl_vsids = 0;
}

/* --- The layers --- */

static bool hnv_acl_conn_valid(struct hnv_compose *c, struct hnv_conn *conn);

static bool hnv_acl_nd(const struct hnv_flow_key *key)
{
	u8 type = ntohs(key->l4_src);

	return key->ip_proto == IPPROTO_ICMPV6 &&
	       type >= NDISC_ROUTER_SOLICITATION && type <= NDISC_REDIRECT;
}

/* Is the frame subject to ACLs?  Its keys, its connection if tracked. */
static void hnv_acl_begin(struct hnv_compose *c)
{
	const struct hnv_flow_key *key = c->key;
	struct hnv_conn_key *ck = &c->conn_key;
	struct hnv_conn *conn;
	bool reply;

	if (c->acl_began)
		return;
	c->acl_began = true;
	memset(&c->ck, 0, sizeof(c->ck));
	if (key->eth_type == htons(ETH_P_IP)) {
		c->ck.family = 4;
		c->ck.src.v4 = key->addr.v4[0];
		c->ck.dst.v4 = key->addr.v4[1];
	} else if (key->eth_type == htons(ETH_P_IPV6) && !hnv_acl_nd(key)) {
		c->ck.family = 6;
		c->ck.src.v6 = key->addr.v6[0];
		c->ck.dst.v6 = key->addr.v6[1];
	} else {
		return;
	}
	c->acl_ip = true;
	c->ck.proto = key->ip_proto;
	c->ck.sport = key->l4_src;
	c->ck.dport = key->l4_dst;
	if (c->rules_only || !c->sn)
		return;

	memset(ck, 0, sizeof(*ck));
	ck->rdid = c->sn->rdid;
	ck->family = c->ck.family;
	ck->proto = c->ck.proto;
	ck->src = c->ck.src;
	ck->dst = c->ck.dst;
	/* ICMP is tracked by addresses: an echo reply is not a request. */
	if (ck->proto != IPPROTO_ICMP && ck->proto != IPPROTO_ICMPV6) {
		ck->sport = c->ck.sport;
		ck->dport = c->ck.dport;
	}
	conn = hnv_conn_find(c->port->sw, ck, &reply);
	if (!conn)
		return;
	c->conn = conn;
	c->reply = reply && hnv_acl_conn_valid(c, conn);
	if (reply && !c->reply)
		c->conn = NULL;
}

/* Evaluate one ACL for the frame; record which rule decided in @ref. */
static bool hnv_acl_check(struct hnv_compose *c, const struct hnv_acl *acl,
			  u8 dir, struct hnv_acl_ref *ref)
{
	const struct hnv_acl_set *set = dir == HNV_ACL_DIR_IN ? &acl->in :
								&acl->out;
	const struct hnv_acl_rule *rule;

	rule = hnv_cls_lookup(&set->cls, &c->ck) ?: set->dflt;
	memset(ref, 0, sizeof(*ref));
	ref->rule = rule;
	ref->dir = dir;
	ref->vsid = acl->vsid;
	ref->id = acl->vsid ?: acl->ifindex;
	ref->prio = rule->prio;
	ref->action = READ_ONCE(rule->action);
	ref->stateful = READ_ONCE(rule->stateful);
	if (ref->action != HNV_ACL_ACTION_ALLOW)
		return false;
	c->stateful |= ref->stateful;
	return true;
}

/* End the walk with a drop by @ref (a trace step too, if @layer). */
static void hnv_acl_deny(struct hnv_compose *c, const char *layer,
			 const struct hnv_acl_ref *ref)
{
	hnv_compose_drop(c, HNV_DROP_ACL);
	c->acts->a[0].acl = *ref;
	if (c->trace && layer)
		hnv_trace_step(c, layer, ref, 0);
}

/* Add an ACL action: the packet passed @ref (counted as it passes). */
static void hnv_compose_acl(struct hnv_compose *c, const char *layer,
			    const struct hnv_acl_ref *ref)
{
	u16 first = c->acts->n;
	struct hnv_action *a = hnv_compose_slot(c);

	if (!a)
		return;
	a->type = HNV_ACTION_A_ACL;
	a->acl = *ref;
	if (c->trace)
		hnv_trace_step(c, layer, ref, first);
}

/* The ACLs of the frame's sender: its port's, then its VSID's OUT ACL. */
void hnv_layer_acl_out(struct hnv_compose *c)
{
	struct hnv_port *port = c->port;
	const struct hnv_acl *acls[2];
	struct hnv_acl_ref ref;
	int i;

	hnv_acl_begin(c);
	if (!c->acl_ip)
		return;
	if (c->reply) {
		memset(&ref, 0, sizeof(ref));
		ref.dir = HNV_ACL_DIR_OUT;
		ref.conn = READ_ONCE(c->conn->state);
		hnv_compose_acl(c, "acl-out", &ref);
		return;
	}
	acls[0] = rcu_dereference(port->acl);
	acls[1] = hnv_acl_vsid(port->sw, c->sn->vsid);
	for (i = 0; i < 2; i++) {
		if (!acls[i])
			continue;
		if (!hnv_acl_check(c, acls[i], HNV_ACL_DIR_OUT, &ref))
			return hnv_acl_deny(c, "acl-out", &ref);
		hnv_compose_acl(c, "acl-out", &ref);
	}
}

/*
 * The IN ACLs of @a's port, its VSID's then its own.  False if one
 * denies (@ref says which); else the rules that allowed go in @a.
 */
static bool hnv_acl_deliver_one(struct hnv_compose *c, struct hnv_action *a,
				struct hnv_acl_ref *ref)
{
	struct hnv_port *to = a->port;
	const struct hnv_acl *acls[2];
	int i;

	acls[0] = hnv_acl_vsid(to->sw, READ_ONCE(to->vsid));
	acls[1] = rcu_dereference(to->acl);
	a->acl_in[0] = NULL;
	a->acl_in[1] = NULL;
	for (i = 0; i < 2; i++) {
		if (!acls[i])
			continue;
		if (!hnv_acl_check(c, acls[i], HNV_ACL_DIR_IN, ref)) {
			if (c->trace)
				hnv_trace_step(c, "acl-in", ref, c->acts->n);
			return false;
		}
		if (c->trace)
			hnv_trace_step(c, "acl-in", ref, c->acts->n);
		a->acl_in[i] = ref->rule;
	}
	return true;
}

/*
 * The IN ACLs of every port the frame is delivered to: a port whose ACLs
 * deny loses its copy; a frame that is left with nowhere to go is
 * dropped.  Return traffic of a tracked connection passes.
 */
void hnv_acl_deliver(struct hnv_compose *c)
{
	struct hnv_actions *acts = c->acts;
	struct hnv_acl_ref ref, denied;
	bool delivers = false, lost = false;
	u16 i, j;

	if (c->done)
		return;
	hnv_acl_begin(c);
	if (!c->acl_ip)
		return;
	if (c->reply) {
		/* From the physical network, say why it passes (a VM's
		 * frames said it in acl-out).
		 */
		if (c->port != c->port->sw->uplink || !hnv_compose_slot(c))
			return;
		acts = c->acts;
		memmove(&acts->a[1], &acts->a[0],
			(acts->n - 1) * sizeof(acts->a[0]));
		memset(&acts->a[0], 0, sizeof(acts->a[0]));
		acts->a[0].type = HNV_ACTION_A_ACL;
		acts->a[0].acl.dir = HNV_ACL_DIR_IN;
		acts->a[0].acl.conn = READ_ONCE(c->conn->state);
		if (c->trace)
			hnv_trace_step(c, "acl-in", &acts->a[0].acl, acts->n);
		return;
	}
	for (i = 0, j = 0; i < acts->n; i++) {
		struct hnv_action *a = &acts->a[i];

		if (a->type == HNV_ACTION_A_OUTPUT &&
		    !hnv_acl_deliver_one(c, a, &ref)) {
			denied = ref;
			lost = true;
			continue;
		}
		if (a->type == HNV_ACTION_A_OUTPUT ||
		    a->type == HNV_ACTION_A_ENCAP)
			delivers = true;
		if (i != j)
			acts->a[j] = *a;
		j++;
	}
	acts->n = j;
	/* The denying step is in the trace already. */
	if (lost && !delivers)
		hnv_acl_deny(c, NULL, &denied);
}

/* Is the connection's first direction still allowed (by a stateful rule)? */
static bool hnv_acl_first_allowed(struct hnv_compose *c,
				  const struct hnv_conn *conn)
{
	struct hnv_switch *sw = c->port->sw;
	struct hnv_compose first = {
		.key = &conn->first,
		.probe = true,
		.rules_only = true,
		.gen = c->gen,
	};
	struct hnv_actions *acts;
	struct hnv_port *p;
	bool ok;

	if (conn->ifindex == sw->dev->ifindex) {
		first.port = sw->uplink;
	} else {
		list_for_each_entry_rcu(p, &sw->ports, list)
			if (p->dev->ifindex == conn->ifindex)
				first.port = p;
	}
	if (!first.port)
		return false;
	acts = hnv_compose(&first);
	if (!acts)
		return false;
	ok = first.stateful && !(acts->n == 1 &&
				 acts->a[0].type == HNV_ACTION_A_DROP &&
				 acts->a[0].reason == HNV_DROP_ACL);
	kfree(acts);
	return ok;
}

/*
 * May @conn's return traffic pass?  While it is alive, and after a
 * policy change only if its first direction is still allowed; if not,
 * it is closed (unless this is a probe).
 */
static bool hnv_acl_conn_valid(struct hnv_compose *c, struct hnv_conn *conn)
{
	bool ok;

	if (!hnv_conn_alive(conn))
		return false;
	if (READ_ONCE(conn->gen) == c->gen)
		return true;
	ok = hnv_acl_first_allowed(c, conn);
	if (c->probe)
		return ok;
	if (ok)
		WRITE_ONCE(conn->gen, c->gen);
	else
		hnv_conn_close(conn);
	return ok;
}

/*
 * After the walk: tie the flow to its connection.  Return traffic holds
 * the connection it passes by; a first direction allowed by a stateful
 * rule opens one (or keeps its own); one now denied closes its own.
 */
void hnv_acl_finish(struct hnv_compose *c, struct hnv_actions *acts)
{
	struct hnv_conn *conn = c->conn;
	bool denied;

	acts->conn = NULL;
	acts->conn_reply = false;
	if (!c->acl_ip || c->probe || !c->sn)
		return;
	if (c->reply) {
		if (!refcount_inc_not_zero(&conn->refs))
			return;
		acts->conn = conn;
		acts->conn_reply = true;
		return;
	}
	denied = acts->n == 1 && acts->a[0].type == HNV_ACTION_A_DROP;
	if (denied || !c->stateful) {
		if (conn && denied && acts->a[0].reason == HNV_DROP_ACL)
			hnv_conn_close(conn);
		else if (conn && !c->stateful)
			hnv_conn_close(conn);
		return;
	}
	if (conn && hnv_conn_alive(conn) && refcount_inc_not_zero(&conn->refs))
		WRITE_ONCE(conn->gen, c->gen);
	else
		conn = hnv_conn_track(c->port->sw, &c->conn_key, c->key,
				      c->port->dev->ifindex, c->gen);
	if (!conn) {
		hnv_count_add(c->port->stats, flows_uncached, 1);
		return;
	}
	acts->conn = conn;
}
