// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The unified flow table (UFT): per port, the composed actions of every
 * flow seen recently.  Bounded per port and per switch; idle flows are
 * aged out by a worker.  See DOC: Locking in hnv.h.
 */

#include <linux/jiffies.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include "acl.h"

#define HNV_UFT_MAX_DEFAULT		262144
#define HNV_UFT_PORT_MAX_DEFAULT	16384
#define HNV_UFT_IDLE_MS_DEFAULT		30000

static const struct rhashtable_params hnv_uft_params = {
	.key_len	= sizeof(struct hnv_flow_key),
	.key_offset	= offsetof(struct hnv_flow, key),
	.head_offset	= offsetof(struct hnv_flow, node),
	.automatic_shrinking = true,
};

static void hnv_flow_free(struct hnv_flow *flow)
{
	/* The table is gone or the flow unlinked: no reader can see @acts. */
	hnv_actions_free(rcu_dereference_raw(flow->acts));
	kfree(flow);
}

static void hnv_flow_free_rcu(struct rcu_head *head)
{
	hnv_flow_free(container_of(head, struct hnv_flow, rcu));
}

struct hnv_flow *hnv_uft_lookup(struct hnv_port *port,
				const struct hnv_flow_key *key)
{
	return rhashtable_lookup(&port->uft, key, hnv_uft_params);
}

/*
 * Cache @acts for @key.  Returns the flow (possibly one another CPU
 * inserted first, in which case @acts is freed), or NULL if the table is
 * full or memory is short: the caller then applies and frees @acts.
 */
struct hnv_flow *hnv_uft_insert(struct hnv_port *port,
				const struct hnv_flow_key *key,
				struct hnv_actions *acts, u32 gen)
{
	struct hnv_switch *sw = port->sw;
	struct hnv_flow *flow, *old;

	if (atomic_inc_return(&sw->nflows) > READ_ONCE(sw->uft_max))
		goto err_sw;
	if (atomic_inc_return(&port->nflows) > READ_ONCE(sw->uft_port_max))
		goto err_port;
	flow = kmalloc(sizeof(*flow), GFP_ATOMIC);
	if (!flow)
		goto err_port;
	flow->key = *key;
	RCU_INIT_POINTER(flow->acts, acts);
	flow->gen = gen;
	flow->used = jiffies;
	atomic64_set(&flow->packets, 0);
	atomic64_set(&flow->bytes, 0);

	old = rhashtable_lookup_get_insert_fast(&port->uft, &flow->node,
						hnv_uft_params);
	if (!old) {
		hnv_count_add(port->stats, flows_new, 1);
		return flow;
	}
	/* Lost a race (or the insert failed): use the winner, drop ours. */
	kfree(flow);
	atomic_dec(&port->nflows);
	atomic_dec(&sw->nflows);
	if (IS_ERR(old))
		return NULL;
	hnv_actions_free(acts);
	return old;

err_port:
	atomic_dec(&port->nflows);
err_sw:
	atomic_dec(&sw->nflows);
	return NULL;
}

static bool hnv_uft_remove(struct hnv_port *port, struct hnv_flow *flow)
{
	if (rhashtable_remove_fast(&port->uft, &flow->node, hnv_uft_params))
		return false;
	atomic_dec(&port->nflows);
	atomic_dec(&port->sw->nflows);
	call_rcu(&flow->rcu, hnv_flow_free_rcu);
	return true;
}

/*
 * Remove the flows of @port that are idle (or all, if @all).  Under
 * sw->flow_lock and RCU.
 */
static void hnv_uft_sweep(struct hnv_port *port, bool all)
{
	unsigned long idle = msecs_to_jiffies(READ_ONCE(port->sw->uft_idle_ms));
	struct rhashtable_iter iter;
	struct hnv_flow *flow;
	u64 aged = 0;

	rhashtable_walk_enter(&port->uft, &iter);
	rhashtable_walk_start(&iter);
	while ((flow = rhashtable_walk_next(&iter))) {
		if (IS_ERR(flow))
			continue;	/* -EAGAIN: a resize, go on */
		if (all)
			hnv_uft_remove(port, flow);
		else if (time_after(jiffies, READ_ONCE(flow->used) + idle))
			aged += hnv_uft_remove(port, flow);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	if (aged) {
		local_bh_disable();
		hnv_count_add(port->stats, flows_aged, aged);
		local_bh_enable();
	}
}

/* Sweep four times per idle timeout, between every 100 ms and 1 s. */
static unsigned long hnv_uft_gc_interval(struct hnv_switch *sw)
{
	return clamp(msecs_to_jiffies(READ_ONCE(sw->uft_idle_ms) / 4),
		     msecs_to_jiffies(100), (unsigned long)HZ);
}

void hnv_uft_set_idle(struct hnv_switch *sw, unsigned int ms)
{
	WRITE_ONCE(sw->uft_idle_ms, ms);
	mod_delayed_work(system_power_efficient_wq, &sw->flow_gc,
			 hnv_uft_gc_interval(sw));
}

/* Flush the flows of @only, or of every port of @sw and of its uplink. */
void hnv_uft_flush(struct hnv_switch *sw, struct hnv_port *only)
{
	struct hnv_port *port;

	mutex_lock(&sw->flow_lock);
	rcu_read_lock();
	list_for_each_entry_rcu(port, &sw->ports, list)
		if (!only || port == only)
			hnv_uft_sweep(port, true);
	if (!only || only == sw->uplink)
		hnv_uft_sweep(sw->uplink, true);
	rcu_read_unlock();
	mutex_unlock(&sw->flow_lock);
}

static void hnv_uft_gc(struct work_struct *work)
{
	struct hnv_switch *sw = container_of(to_delayed_work(work),
					     struct hnv_switch, flow_gc);
	struct hnv_port *port;

	mutex_lock(&sw->flow_lock);
	rcu_read_lock();
	list_for_each_entry_rcu(port, &sw->ports, list)
		hnv_uft_sweep(port, false);
	hnv_uft_sweep(sw->uplink, false);
	rcu_read_unlock();
	hnv_conn_gc(sw);
	mutex_unlock(&sw->flow_lock);
	queue_delayed_work(system_power_efficient_wq, &sw->flow_gc,
			   hnv_uft_gc_interval(sw));
}

int hnv_uft_init(struct hnv_port *port)
{
	atomic_set(&port->nflows, 0);
	return rhashtable_init(&port->uft, &hnv_uft_params);
}

static void hnv_flow_destroy(void *ptr, void *arg)
{
	struct hnv_flow *flow = ptr;
	struct hnv_port *port = arg;

	atomic_dec(&port->sw->nflows);
	hnv_flow_free(flow);
}

/* After the port left sw->ports and its rx handler is unregistered. */
void hnv_uft_destroy(struct hnv_port *port)
{
	struct hnv_switch *sw = port->sw;

	mutex_lock(&sw->flow_lock);
	/* Readers of the port's flows are gone; flows freed by the sweeps
	 * may still wait for their grace period, which they own.
	 */
	rhashtable_free_and_destroy(&port->uft, hnv_flow_destroy, port);
	mutex_unlock(&sw->flow_lock);
}

/*
 * The uplink: the physical network seen as one more port of the switch,
 * so that decapsulated frames take the same slow path / fast path as the
 * frames of VMs.  It lives as long as the switch.
 */
int hnv_uplink_init(struct hnv_switch *sw)
{
	struct hnv_port *up;
	int err;

	up = kzalloc(sizeof(*up), GFP_KERNEL);
	if (!up)
		return -ENOMEM;
	up->dev = sw->dev;
	up->sw = sw;
	up->stats = sw->stats;
	INIT_LIST_HEAD(&up->list);
	err = hnv_uft_init(up);
	if (err) {
		kfree(up);
		return err;
	}
	sw->uplink = up;
	return 0;
}

/* After the VXLAN socket and the NVGRE receiver are gone. */
void hnv_uplink_destroy(struct hnv_switch *sw)
{
	if (!sw->uplink)
		return;
	hnv_uft_destroy(sw->uplink);
	kfree(sw->uplink);
	sw->uplink = NULL;
}

void hnv_uft_switch_init(struct hnv_switch *sw)
{
	mutex_init(&sw->flow_lock);
	atomic_set(&sw->nflows, 0);
	sw->uft_max = HNV_UFT_MAX_DEFAULT;
	sw->uft_port_max = HNV_UFT_PORT_MAX_DEFAULT;
	sw->uft_idle_ms = HNV_UFT_IDLE_MS_DEFAULT;
	INIT_DELAYED_WORK(&sw->flow_gc, hnv_uft_gc);
	queue_delayed_work(system_power_efficient_wq, &sw->flow_gc,
			   hnv_uft_gc_interval(sw));
}

void hnv_uft_switch_stop(struct hnv_switch *sw)
{
	cancel_delayed_work_sync(&sw->flow_gc);
}
