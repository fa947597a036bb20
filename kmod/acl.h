/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * ACLs: rules and their classifier (cls.c, acl.c) and tracked
 * connections (conn.c).  See "HNV_CMD_ACL_NEW" in uapi/linux/hnv.h for
 * what they mean, and DOC: Locking in hnv.h.
 */
#ifndef _HNV_ACL_H
#define _HNV_ACL_H

#include <linux/rhashtable.h>
#include <linux/refcount.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

#include "hnv.h"

/**
 * struct hnv_cls_key - what rules match on, and a rule entry's masks
 * @family: 4 or 6 (0 in a mask or entry: any family)
 * @proto: the IP protocol
 * @sport: source port (TCP, UDP; else whatever the flow key holds)
 * @dport: destination port
 * @pad: zero
 * @src: source address
 * @dst: destination address
 */
struct hnv_cls_key {
	u8 family;
	u8 proto;
	__be16 sport;
	__be16 dport;
	u16 pad;
	union hnv_addr src;
	union hnv_addr dst;
};

/**
 * struct hnv_cls_link - an entry's or a piece's place in a list kept by
 *	ascending priority
 * @node: entry in the list (RCU readers, RTNL writers)
 * @prio: the rule's priority
 */
struct hnv_cls_link {
	struct hlist_node node;
	u32 prio;
};

/**
 * struct hnv_cls_piece - a ranged entry under one node of its bucket's
 *	port index
 * @link: entry in the index node's list
 * @id: the index node
 * @e: the entry
 */
struct hnv_cls_piece {
	struct hnv_cls_link link;
	u32 id;
	struct hnv_cls_entry *e;
};

/* An entry's destination port range covers at most this many index nodes. */
#define HNV_CLS_PIECES_MAX	32

/**
 * struct hnv_cls_entry - a rule in the classifier
 * @link: entry in its bucket's plain or ranged list
 * @key: the rule's values under the subtable's mask
 * @ranged: the rule has a port range (not a single port, not any): the
 *	lookup checks it
 * @npieces: entries of @pieces in the bucket's index
 * @sub: the subtable it is in
 * @bucket: the bucket it is in
 * @pieces: its pieces in the bucket's index, once indexed (freed with the
 *	rule)
 * @rule: the rule
 */
struct hnv_cls_entry {
	struct hnv_cls_link link;
	struct hnv_cls_key key;
	bool ranged;
	u8 npieces;
	struct hnv_cls_sub *sub;
	struct hnv_cls_bucket *bucket;
	struct hnv_cls_piece *pieces;
	struct hnv_acl_rule *rule;
};

/**
 * struct hnv_cls_inode - a node of a bucket's port index
 * @head: the pieces of the entries whose destination port range covers the
 *	node's ports whole, by ascending priority
 * @rcu: deferred free
 */
struct hnv_cls_inode {
	struct hlist_head head;
	struct rcu_head rcu;
};

/**
 * struct hnv_cls_itab - the nodes of a bucket's port index: an open
 *	addressing hash table by node number
 * @rcu: deferred free (a full table is replaced by a bigger one)
 * @bits: log2 of the number of slots
 * @used: slots ever filled, tombstones included (RTNL); at most 3/4
 * @s: the slots: @id 0 is empty, U32_MAX a tombstone (never refilled,
 *	so that a lookup that read @id finds the node it read)
 */
struct hnv_cls_itab {
	struct rcu_head rcu;
	u32 bits;
	u32 used;
	struct hnv_cls_islot {
		u32 id;
		struct hnv_cls_inode *in;
	} s[];
};

/* A bucket indexes its ranged entries once it has this many. */
#define HNV_CLS_INDEX_AT	8
#define HNV_CLS_DEPTHS		17

/**
 * struct hnv_cls_bucket - the entries of one subtable that have one masked
 *	key: they differ only in their port ranges or priorities
 * @node: entry in hnv_cls_sub.t
 * @key: the masked key
 * @plain: the entries without port ranges, by ascending priority: all of
 *	them match, the first is the best
 * @ranged: the entries with port ranges, by ascending priority until
 *	@indexed (then lookups do not walk it)
 * @nranged: entries in @ranged (RTNL)
 * @indexed: @index holds every entry of @ranged (release, acquire)
 * @depths: bit d set when @index has nodes at depth d (READ_ONCE)
 * @ndepth: the nodes of @index at each depth (RTNL)
 * @index: the ranged entries by destination port (RCU).  Node 1 of a
 *	segment tree over the 65,536 ports is the root, node i has children
 *	2i and 2i + 1, node 65536 + p is port p; an entry is in the nodes
 *	that cover its range exactly, at most HNV_CLS_PIECES_MAX
 * @rcu: deferred free
 */
struct hnv_cls_bucket {
	struct rhash_head node;
	struct hnv_cls_key key;
	struct hlist_head plain;
	struct hlist_head ranged;
	u32 nranged;
	bool indexed;
	u32 depths;
	u16 ndepth[HNV_CLS_DEPTHS];
	struct hnv_cls_itab __rcu *index;
	struct rcu_head rcu;
};

/**
 * struct hnv_cls_sub - a subtable: the entries of one mask, in buckets
 *	hashed by masked key
 * @t: the buckets
 * @mask: what its entries match on
 * @best: the lowest priority among its entries (RTNL; a lower bound
 *	after deletions)
 * @n: entries in its buckets (RTNL)
 * @list: entry in hnv_cls.all (RTNL)
 */
struct hnv_cls_sub {
	struct rhashtable t;
	struct hnv_cls_key mask;
	u32 best;
	u32 n;
	struct list_head list;
};

/**
 * struct hnv_cls_subs - the subtables of a classifier in search order
 * @rcu: deferred free
 * @n: entries in @s
 * @s: the subtables by ascending @best, with @best copied as it was
 *	when the array was built (a lookup prunes on it)
 */
struct hnv_cls_subs {
	struct rcu_head rcu;
	u32 n;
	struct hnv_cls_order {
		struct hnv_cls_sub *sub;
		u32 best;
	} s[];
};

/**
 * struct hnv_cls - a tuple-space-search classifier
 * @subs: the subtables in search order (RCU; replaced whole under RTNL)
 * @all: every subtable (RTNL)
 */
struct hnv_cls {
	struct hnv_cls_subs __rcu *subs;
	struct list_head all;
};

/**
 * struct hnv_acl_hits - a rule's per-CPU hit counter
 * @packets: packets it decided for
 * @syncp: 64-bit consistency on 32-bit hosts
 */
struct hnv_acl_hits {
	u64_stats_t packets;
	struct u64_stats_sync syncp;
};

/**
 * struct hnv_acl_rule - an ACL rule, or an ACL's default action
 * @set: the ACL (one port or VSID, one direction) it belongs to
 * @prio: priority, lower is stronger; 0 for the default action
 * @action: enum hnv_acl_action (the default's may change: WRITE_ONCE)
 * @stateful: allowed connections are tracked (likewise)
 * @family: 0 (any), 4 or 6
 * @proto: the IP protocol, if @has_proto
 * @has_proto: the rule matches one protocol
 * @has_src: a source prefix was given (for listing)
 * @has_dst: a destination prefix was given
 * @src_len: source prefix length (0: any)
 * @dst_len: destination prefix length
 * @src: source prefix
 * @dst: destination prefix
 * @sport: source port range (0 .. 65535: any)
 * @dport: destination port range
 * @hits: hit counters
 * @rcu: deferred free
 * @entry: its classifier entry
 */
struct hnv_acl_rule {
	struct hnv_acl_set *set;
	u32 prio;
	u8 action;
	bool stateful;
	u8 family;
	u8 proto;
	bool has_proto;
	bool has_src;
	bool has_dst;
	u8 src_len;
	u8 dst_len;
	union hnv_addr src;
	union hnv_addr dst;
	u16 sport[2];
	u16 dport[2];
	struct hnv_acl_hits __percpu *hits;
	struct rcu_head rcu;
	struct hnv_cls_entry entry;
};

/**
 * struct hnv_acl_set - the rules of one ACL: a port's or a VSID's, one
 *	direction
 * @cls: the rules' classifier
 * @rules: the rules by priority (an xarray; RTNL)
 * @dflt: the default action, taken when no rule matches
 * @dflt_set: @dflt was set (it is listed)
 * @acl: the ACL it belongs to
 * @dir: enum hnv_acl_dir
 */
struct hnv_acl_set {
	struct hnv_cls cls;
	struct xarray rules;
	struct hnv_acl_rule *dflt;
	bool dflt_set;
	struct hnv_acl *acl;
	u8 dir;
};

/**
 * struct hnv_acl - the ACLs of a port or of a VSID
 * @node: entry in hnv_switch.acls (VSID ACLs; RCU readers, RTNL writers)
 * @gc: entry in a list of ACLs being freed (RTNL)
 * @vsid: the VSID (0: a port's)
 * @ifindex: the port's ifindex (a port's)
 * @in: what is delivered to the VMs
 * @out: what the VMs send
 * @rcu: deferred free
 */
struct hnv_acl {
	struct hlist_node node;
	struct list_head gc;
	u32 vsid;
	int ifindex;
	struct hnv_acl_set in;
	struct hnv_acl_set out;
	struct rcu_head rcu;
};

/**
 * struct hnv_conn_key - what identifies a tracked connection
 * @rdid: the virtual network
 * @family: 4 or 6
 * @proto: the IP protocol
 * @sport: source port (0 for ICMP)
 * @dport: destination port
 * @pad: zero
 * @src: source address
 * @dst: destination address
 */
struct hnv_conn_key {
	u32 rdid;
	u8 family;
	u8 proto;
	__be16 sport;
	__be16 dport;
	u16 pad;
	union hnv_addr src;
	union hnv_addr dst;
};

/**
 * struct hnv_conn - a tracked connection
 * @node: entry in hnv_switch.conns
 * @key: as its first packet had it (the initiator's side)
 * @first: the flow key of the packet that opened it, to check the first
 *	direction again after a policy change
 * @ifindex: the port it entered on (the switch's own: the uplink)
 * @gen: the policy generation its first direction was last allowed under
 * @state: enum hnv_conn_state
 * @fin: BIT(0): a FIN from the initiator, BIT(1): from the responder
 * @expires: jiffies when it ends unless a packet comes
 * @refs: the table's reference and one per composed action list
 * @rcu: deferred free
 */
struct hnv_conn {
	struct rhash_head node;
	struct hnv_conn_key key;
	struct hnv_flow_key first;
	int ifindex;
	u32 gen;
	u8 state;
	u8 fin;
	unsigned long expires;
	refcount_t refs;
	struct rcu_head rcu;
};

#define HNV_CONN_TIMEOUT_DEFAULT	30
#define HNV_CONN_TCP_TIMEOUT_DEFAULT	3600
#define HNV_CONN_TIMEOUT_MAX		864000
/* After FIN both ways (seconds), like TIME_WAIT: the last ACK passes. */
#define HNV_CONN_CLOSE_TIMEOUT		10

/* cls.c */
void hnv_cls_init(struct hnv_cls *cls);
int hnv_cls_insert(struct hnv_cls *cls, struct hnv_acl_rule *rule);
void hnv_cls_remove(struct hnv_cls *cls, struct hnv_acl_rule *rule);
void hnv_cls_destroy(struct hnv_cls *cls);
struct hnv_acl_rule *hnv_cls_lookup(const struct hnv_cls *cls,
				    const struct hnv_cls_key *key);
void hnv_cls_expand(struct hnv_acl_rule *rule);
bool hnv_acl_rule_match(const struct hnv_acl_rule *rule,
			const struct hnv_cls_key *key);

/* acl.c */
void hnv_acl_switch_init(struct hnv_switch *sw);
void hnv_acl_switch_destroy(struct hnv_switch *sw);
void hnv_acl_port_destroy(struct hnv_port *port);
struct hnv_acl *hnv_acl_vsid(struct hnv_switch *sw, u32 vsid);
struct hnv_acl_rule *hnv_acl_rule_alloc(void);
void hnv_acl_rule_free(struct hnv_acl_rule *rule);
int hnv_acl_add(struct hnv_switch *sw, struct hnv_port *port, u32 vsid,
		u8 dir, struct hnv_acl_rule *tmpl, bool replace,
		struct netlink_ext_ack *extack);
int hnv_acl_set_default(struct hnv_switch *sw, struct hnv_port *port,
			u32 vsid, u8 dir, u8 action, bool stateful,
			struct netlink_ext_ack *extack);
int hnv_acl_del(struct hnv_switch *sw, struct hnv_port *port, u32 vsid,
		u8 dir, u32 prio, bool dflt, struct netlink_ext_ack *extack);
void hnv_acl_flush(struct hnv_switch *sw, struct hnv_port *port, u32 vsid,
		   u8 dir);
u64 hnv_acl_hits_read(const struct hnv_acl_rule *rule);

static inline void hnv_acl_hit(const struct hnv_acl_rule *rule)
{
	struct hnv_acl_hits *h = this_cpu_ptr(rule->hits);

	u64_stats_update_begin(&h->syncp);
	u64_stats_inc(&h->packets);
	u64_stats_update_end(&h->syncp);
}

/* conn.c */
int hnv_conn_switch_init(struct hnv_switch *sw);
void hnv_conn_switch_destroy(struct hnv_switch *sw);
void hnv_conn_gc(struct hnv_switch *sw);
struct hnv_conn *hnv_conn_find(struct hnv_switch *sw,
			       const struct hnv_conn_key *key, bool *reply);
struct hnv_conn *hnv_conn_track(struct hnv_switch *sw,
				const struct hnv_conn_key *key,
				const struct hnv_flow_key *first, int ifindex,
				u32 gen);
bool hnv_conn_alive(const struct hnv_conn *conn);
void hnv_conn_close(struct hnv_conn *conn);
bool hnv_conn_packet(struct hnv_switch *sw, struct hnv_conn *conn,
		     bool reply, const struct sk_buff *skb);
void hnv_conn_put(struct hnv_conn *conn);

static inline void hnv_conn_get(struct hnv_conn *conn)
{
	refcount_inc(&conn->refs);
}

#endif /* _HNV_ACL_H */
