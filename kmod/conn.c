// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tracked connections: what a stateful ACL rule let through, so that its
 * return traffic passes the ACLs of this host.  A connection is keyed by
 * (RDID, protocol, addresses, ports) as its first packet had them; a
 * packet matching it with source and destination swapped is return
 * traffic.  Connections count against the switch's flow-table limit.
 *
 * The flows of a connection, both directions, hold a reference to it in
 * their composed actions, and every packet of theirs updates it (state,
 * expiry) on the fast path.  A closed or expired connection makes its
 * flows recompose on their next packet: the first direction opens a new
 * one if its rules still allow it statefully, return traffic meets the
 * rules.  The aging worker unlinks dead connections.  See DOC: Locking.
 */

#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <net/tcp.h>

#include "acl.h"

static const struct rhashtable_params hnv_conn_params = {
	.key_len	= sizeof(struct hnv_conn_key),
	.key_offset	= offsetof(struct hnv_conn, key),
	.head_offset	= offsetof(struct hnv_conn, node),
	.automatic_shrinking = true,
};

int hnv_conn_switch_init(struct hnv_switch *sw)
{
	atomic_set(&sw->nconns, 0);
	sw->conn_timeout = HNV_CONN_TIMEOUT_DEFAULT;
	sw->conn_tcp_timeout = HNV_CONN_TCP_TIMEOUT_DEFAULT;
	return rhashtable_init(&sw->conns, &hnv_conn_params);
}

void hnv_conn_put(struct hnv_conn *conn)
{
	if (refcount_dec_and_test(&conn->refs))
		kfree_rcu(conn, rcu);
}

static void hnv_conn_destroy(void *ptr, void *arg)
{
	hnv_conn_put(ptr);
}

/* When the switch goes; flows may still hold connections until freed. */
void hnv_conn_switch_destroy(struct hnv_switch *sw)
{
	rhashtable_free_and_destroy(&sw->conns, hnv_conn_destroy, NULL);
}

bool hnv_conn_alive(const struct hnv_conn *conn)
{
	return READ_ONCE(conn->state) != HNV_CONN_CLOSED &&
	       time_before(jiffies, READ_ONCE(conn->expires));
}

void hnv_conn_close(struct hnv_conn *conn)
{
	WRITE_ONCE(conn->state, HNV_CONN_CLOSED);
}

/*
 * The connection @key belongs to, if tracked: *@reply says whether @key
 * is its return direction.  Under RCU.
 */
struct hnv_conn *hnv_conn_find(struct hnv_switch *sw,
			       const struct hnv_conn_key *key, bool *reply)
{
	struct hnv_conn_key rev = *key;
	struct hnv_conn *conn;

	conn = rhashtable_lookup(&sw->conns, key, hnv_conn_params);
	if (conn) {
		*reply = false;
		return conn;
	}
	rev.src = key->dst;
	rev.dst = key->src;
	rev.sport = key->dport;
	rev.dport = key->sport;
	conn = rhashtable_lookup(&sw->conns, &rev, hnv_conn_params);
	*reply = true;
	return conn;
}

static void hnv_conn_unlink(struct hnv_switch *sw, struct hnv_conn *conn)
{
	if (rhashtable_remove_fast(&sw->conns, &conn->node, hnv_conn_params))
		return;
	atomic_dec(&sw->nconns);
	atomic_dec(&sw->nflows);
	hnv_conn_put(conn);
}

/*
 * Track a connection whose first packet is @first, entering on
 * @ifindex, allowed under policy generation @gen.  Returns it with a
 * reference for the caller, or NULL (flow-table limit, no memory).  A
 * dead connection of the same key is replaced.  Under RCU, softirq.
 */
struct hnv_conn *hnv_conn_track(struct hnv_switch *sw,
				const struct hnv_conn_key *key,
				const struct hnv_flow_key *first, int ifindex,
				u32 gen)
{
	struct hnv_conn *conn, *old;

	if (atomic_inc_return(&sw->nflows) > READ_ONCE(sw->uft_max))
		goto err;
	conn = kzalloc(sizeof(*conn), GFP_ATOMIC);
	if (!conn)
		goto err;
	conn->key = *key;
	conn->first = *first;
	conn->ifindex = ifindex;
	conn->gen = gen;
	conn->state = HNV_CONN_NEW;
	conn->expires = jiffies + READ_ONCE(sw->conn_timeout) * HZ;
	refcount_set(&conn->refs, 2);	/* the table's and the caller's */

	old = rhashtable_lookup_get_insert_fast(&sw->conns, &conn->node,
						hnv_conn_params);
	if (old && !IS_ERR(old) && !hnv_conn_alive(old)) {
		/* A dead one of the same key: take its place. */
		if (!rhashtable_replace_fast(&sw->conns, &old->node,
					     &conn->node, hnv_conn_params)) {
			atomic_dec(&sw->nflows);
			hnv_conn_put(old);
			return conn;
		}
		old = ERR_PTR(-EAGAIN);
	}
	if (!old) {
		atomic_inc(&sw->nconns);
		return conn;
	}
	kfree(conn);
	atomic_dec(&sw->nflows);
	/* Another CPU tracked it first: share it. */
	if (!IS_ERR(old) && refcount_inc_not_zero(&old->refs))
		return old;
	return NULL;

err:
	atomic_dec(&sw->nflows);
	return NULL;
}

/*
 * A packet of @conn passes (@reply: in its return direction): advance
 * its state and expiry.  False if the connection is no longer alive:
 * the packet's flow must be recomposed.  Under RCU, softirq.
 */
bool hnv_conn_packet(struct hnv_switch *sw, struct hnv_conn *conn,
		     bool reply, const struct sk_buff *skb)
{
	u8 state = READ_ONCE(conn->state), fin, flags;
	unsigned long expires;
	u32 timeout;

	if (!hnv_conn_alive(conn))
		return false;
	if (reply && state == HNV_CONN_NEW)
		state = HNV_CONN_ESTABLISHED;
	if (conn->key.proto == IPPROTO_TCP) {
		const u8 *p;

		/* The flags byte; the header was there when keyed. */
		p = skb_header_pointer(skb, skb_transport_offset(skb) + 13,
				       1, &flags);
		flags = p ? *p : 0;
		if (flags & TCPHDR_RST) {
			WRITE_ONCE(conn->state, HNV_CONN_CLOSED);
			return true;	/* the reset itself goes through */
		}
		fin = READ_ONCE(conn->fin);
		if ((flags & TCPHDR_FIN) && !(fin & (reply ? 2 : 1))) {
			fin |= reply ? 2 : 1;
			WRITE_ONCE(conn->fin, fin);
			WRITE_ONCE(conn->state, HNV_CONN_CLOSING);
			if (fin == 3) {
				/* FIN both ways: the last ACK has until then. */
				timeout = min_t(u32, HNV_CONN_CLOSE_TIMEOUT,
						READ_ONCE(sw->conn_timeout));
				WRITE_ONCE(conn->expires,
					   jiffies + timeout * HZ);
				return true;
			}
			state = HNV_CONN_CLOSING;
		}
		if (fin == 3)
			return true;	/* no more time after FIN both ways */
	}
	if (state != READ_ONCE(conn->state))
		WRITE_ONCE(conn->state, state);
	timeout = state == HNV_CONN_ESTABLISHED &&
		  conn->key.proto == IPPROTO_TCP ?
		  READ_ONCE(sw->conn_tcp_timeout) : READ_ONCE(sw->conn_timeout);
	expires = jiffies + timeout * HZ;
	if (READ_ONCE(conn->expires) != expires)
		WRITE_ONCE(conn->expires, expires);
	return true;
}

/* Unlink the dead connections (the aging worker; process context). */
void hnv_conn_gc(struct hnv_switch *sw)
{
	struct rhashtable_iter iter;
	struct hnv_conn *conn;

	rhashtable_walk_enter(&sw->conns, &iter);
	rhashtable_walk_start(&iter);
	while ((conn = rhashtable_walk_next(&iter))) {
		if (IS_ERR(conn))
			continue;
		if (!hnv_conn_alive(conn))
			hnv_conn_unlink(sw, conn);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
}
