// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The ACL classifier: tuple space search (Srinivasan, Suri, Varghese,
 * SIGCOMM '99), as Open vSwitch's classifier does it.
 *
 * Every rule is an entry under its mask: which of family, protocol,
 * source and destination prefix bits and ports it looks at.  A single port
 * is matched exactly, through the mask; a port range is left out of the
 * mask and checked on the entries the hash lookup finds.  The entries of
 * one mask live in a subtable, a hash table by the masked key.
 * Classifying a packet masks its key with each subtable's mask and looks
 * it up: one hash lookup per distinct mask, however many rules share it.
 * The subtables are searched in order of the best (lowest) priority they
 * hold, and the search stops at the first subtable that cannot beat the
 * match found: rules with more specific masks but weaker priority are
 * never visited.
 *
 * Why this and not a decision tree: ACLs change one rule at a time while
 * traffic flows, and a subtable update is a hash insert or remove (no
 * rebuild); real rule sets use few distinct masks (host and subnet
 * prefixes, single ports or service ranges), so the search costs a
 * handful of hash lookups whether a set has 10 rules or 10,000.  The cost
 * grows with the number of distinct masks (at most the combinations of
 * prefix lengths, protocol and single-port or not), and, within one hash
 * bucket, with the rules that differ only in their port ranges.  Ranges
 * are not expanded into aligned blocks as some classifiers do: each block
 * size is another mask, and random ranges made thousands of subtables.
 *
 * Only the slow path classifies: established flows carry the verdict in
 * their cached actions.  Writers hold RTNL; lookups run under RCU.
 */

#include <linux/hash.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "acl.h"

static const struct rhashtable_params hnv_cls_params = {
	.key_len	= sizeof(struct hnv_cls_key),
	.key_offset	= offsetof(struct hnv_cls_bucket, key),
	.head_offset	= offsetof(struct hnv_cls_bucket, node),
	.automatic_shrinking = true,
};

#define HNV_CLS_WORDS	(sizeof(struct hnv_cls_key) / sizeof(u32))
static_assert(sizeof(struct hnv_cls_key) == 40);

static void hnv_cls_prefix_mask(union hnv_addr *m, u8 family, u8 len)
{
	int i;

	memset(m, 0, sizeof(*m));
	if (family == 4) {
		m->v4 = len ? htonl(~0U << (32 - len)) : 0;
		return;
	}
	for (i = 0; i < 4 && len; i++) {
		u8 bits = min_t(u8, len, 32);

		m->v6.s6_addr32[i] = htonl(~0U << (32 - bits));
		len -= bits;
	}
}

static void hnv_cls_and(struct hnv_cls_key *out, const struct hnv_cls_key *a,
			const struct hnv_cls_key *b)
{
	const u32 *pa = (const u32 *)a, *pb = (const u32 *)b;
	u32 *po = (u32 *)out;
	int i;

	for (i = 0; i < HNV_CLS_WORDS; i++)
		po[i] = pa[i] & pb[i];
}

/* A port range goes in the mask only as a single port. */
static bool hnv_cls_single(const u16 *range)
{
	return range[0] == range[1];
}

static bool hnv_cls_in_range(const u16 *range, __be16 port)
{
	return ntohs(port) >= range[0] && ntohs(port) <= range[1];
}

/* @r's mask (and, if @key, its masked key). */
static void hnv_cls_mask(const struct hnv_acl_rule *r, struct hnv_cls_key *mask,
			 struct hnv_cls_key *key)
{
	struct hnv_cls_key val = {};

	memset(mask, 0, sizeof(*mask));
	if (r->family) {
		mask->family = 0xff;
		hnv_cls_prefix_mask(&mask->src, r->family, r->src_len);
		hnv_cls_prefix_mask(&mask->dst, r->family, r->dst_len);
	}
	if (r->has_proto)
		mask->proto = 0xff;
	if (hnv_cls_single(r->sport))
		mask->sport = htons(0xffff);
	if (hnv_cls_single(r->dport))
		mask->dport = htons(0xffff);
	if (!key)
		return;
	val.family = r->family;
	val.proto = r->proto;
	val.sport = htons(r->sport[0]);
	val.dport = htons(r->dport[0]);
	val.src = r->src;
	val.dst = r->dst;
	hnv_cls_and(key, &val, mask);
}

/* Fill in the classifier entry of @rule. */
void hnv_cls_expand(struct hnv_acl_rule *rule)
{
	struct hnv_cls_entry *e = &rule->entry;
	struct hnv_cls_key mask;

	hnv_cls_mask(rule, &mask, &e->key);
	e->link.prio = rule->prio;
	e->rule = rule;
	e->ranged = !hnv_cls_single(rule->sport) || !hnv_cls_single(rule->dport);
	e->sub = NULL;
	e->bucket = NULL;
	e->npieces = 0;
}

/* Link @l into @head, which is kept by ascending priority (RTNL). */
static void hnv_cls_link(struct hlist_head *head, struct hnv_cls_link *l)
{
	struct hnv_cls_link *pos, *prev = NULL;

	hlist_for_each_entry(pos, head, node) {
		if (pos->prio > l->prio)
			break;
		prev = pos;
	}
	if (prev)
		hlist_add_behind_rcu(&l->node, &prev->node);
	else
		hlist_add_head_rcu(&l->node, head);
}

/* The segment-tree nodes that cover [@lo, @hi] exactly, bottom up. */
static int hnv_cls_cover(u16 lo, u16 hi, u32 *ids)
{
	u32 l = lo + 65536U, r = hi + 65536U + 1;
	int n = 0;

	while (l < r) {
		if (l & 1)
			ids[n++] = l++;
		if (r & 1)
			ids[n++] = --r;
		l >>= 1;
		r >>= 1;
	}
	return n;
}

#define HNV_CLS_TOMB	U32_MAX

/* Node @id of @t, or NULL.  Under RCU, or RTNL. */
static struct hnv_cls_inode *hnv_cls_itab_find(const struct hnv_cls_itab *t,
					       u32 id)
{
	u32 mask = (1U << t->bits) - 1, i = hash_32(id, t->bits), cur;

	for (;; i = (i + 1) & mask) {
		/* Pairs with hnv_cls_itab_put(): @in is set before @id. */
		cur = smp_load_acquire(&t->s[i].id);
		if (cur == id)
			return READ_ONCE(t->s[i].in);
		if (!cur)
			return NULL;
	}
}

/* Put node @id in the first empty slot of its probe sequence (RTNL). */
static void hnv_cls_itab_put(struct hnv_cls_itab *t, u32 id,
			     struct hnv_cls_inode *in)
{
	u32 mask = (1U << t->bits) - 1, i = hash_32(id, t->bits);

	while (t->s[i].id)
		i = (i + 1) & mask;
	WRITE_ONCE(t->s[i].in, in);
	/* A lookup that sees @id sees @in (hnv_cls_itab_find()). */
	smp_store_release(&t->s[i].id, id);
	t->used++;
}

static u32 hnv_cls_itab_live(const struct hnv_cls_bucket *b)
{
	u32 d, n = 0;

	for (d = 0; d < HNV_CLS_DEPTHS; d++)
		n += b->ndepth[d];
	return n;
}

/*
 * Add node @id (RTNL).  A table that would be more than 3/4 full, counting
 * tombstones, is replaced by one a quarter full of the live nodes.
 */
static int hnv_cls_itab_add(struct hnv_cls_bucket *b, u32 id,
			    struct hnv_cls_inode *in)
{
	struct hnv_cls_itab *t = rtnl_dereference(b->index), *nt;
	u32 bits = 4, live, i;

	if (t && (t->used + 1) * 4 <= 3U << t->bits) {
		hnv_cls_itab_put(t, id, in);
		return 0;
	}
	live = hnv_cls_itab_live(b) + 1;
	while ((1U << bits) < live * 4)
		bits++;
	nt = kvzalloc(struct_size(nt, s, 1U << bits), GFP_KERNEL);
	if (!nt)
		return -ENOMEM;
	nt->bits = bits;
	for (i = 0; t && i < 1U << t->bits; i++)
		if (t->s[i].id && t->s[i].id != HNV_CLS_TOMB)
			hnv_cls_itab_put(nt, t->s[i].id, t->s[i].in);
	hnv_cls_itab_put(nt, id, in);
	rcu_assign_pointer(b->index, nt);
	if (t)
		kvfree_rcu(t, rcu);
	return 0;
}

static void hnv_cls_itab_del(struct hnv_cls_itab *t, u32 id)
{
	u32 mask = (1U << t->bits) - 1, i = hash_32(id, t->bits);

	while (t->s[i].id != id)
		i = (i + 1) & mask;
	WRITE_ONCE(t->s[i].id, HNV_CLS_TOMB);
}

/* The depth of node @id: 0 for the root, 16 for a port. */
static u32 hnv_cls_depth(u32 id)
{
	return fls(id) - 1;
}

/* Unlink the first @n pieces of @e; drop the index nodes left empty. */
static void hnv_cls_index_del(struct hnv_cls_bucket *b,
			      struct hnv_cls_entry *e, int n)
{
	struct hnv_cls_itab *t = rtnl_dereference(b->index);

	while (n--) {
		struct hnv_cls_piece *p = &e->pieces[n];
		struct hnv_cls_inode *in = hnv_cls_itab_find(t, p->id);
		u32 d = hnv_cls_depth(p->id);

		hlist_del_rcu(&p->link.node);
		if (!hlist_empty(&in->head))
			continue;
		hnv_cls_itab_del(t, p->id);
		if (!--b->ndepth[d])
			WRITE_ONCE(b->depths, b->depths & ~BIT(d));
		kfree_rcu(in, rcu);
	}
}

static int hnv_cls_index_add(struct hnv_cls_bucket *b, struct hnv_cls_entry *e)
{
	const struct hnv_acl_rule *r = e->rule;
	u32 ids[HNV_CLS_PIECES_MAX];
	int i, n;

	n = hnv_cls_cover(r->dport[0], r->dport[1], ids);
	if (!e->pieces) {
		e->pieces = kcalloc(n, sizeof(*e->pieces), GFP_KERNEL);
		if (!e->pieces)
			return -ENOMEM;
	}
	for (i = 0; i < n; i++) {
		struct hnv_cls_itab *t = rtnl_dereference(b->index);
		struct hnv_cls_piece *p = &e->pieces[i];
		struct hnv_cls_inode *in = t ? hnv_cls_itab_find(t, ids[i]) : NULL;
		u32 d = hnv_cls_depth(ids[i]);

		if (!in) {
			in = kzalloc(sizeof(*in), GFP_KERNEL);
			if (!in || hnv_cls_itab_add(b, ids[i], in)) {
				kfree(in);
				hnv_cls_index_del(b, e, i);
				return -ENOMEM;
			}
			if (!b->ndepth[d]++)
				WRITE_ONCE(b->depths, b->depths | BIT(d));
		}
		p->link.prio = e->link.prio;
		p->id = ids[i];
		p->e = e;
		hnv_cls_link(&in->head, &p->link);
	}
	e->npieces = n;
	return 0;
}

/*
 * Index the ranged entries of @b.  Lookups use the index only once it
 * holds them all; without memory they go on walking the list.
 */
static void hnv_cls_index_build(struct hnv_cls_bucket *b)
{
	struct hnv_cls_entry *e, *done;

	hlist_for_each_entry(e, &b->ranged, link.node)
		if (hnv_cls_index_add(b, e))
			goto undo;
	/* A lookup that sees @indexed sees the whole index. */
	smp_store_release(&b->indexed, true);
	return;

undo:
	done = e;
	hlist_for_each_entry(e, &b->ranged, link.node) {
		if (e == done)
			break;
		hnv_cls_index_del(b, e, e->npieces);
		e->npieces = 0;
	}
}

static void hnv_cls_bucket_free(void *ptr, void *arg)
{
	struct hnv_cls_bucket *b = ptr;
	struct hnv_cls_itab *t = rcu_dereference_protected(b->index, true);
	u32 i;

	for (i = 0; t && i < 1U << t->bits; i++)
		if (t->s[i].id && t->s[i].id != HNV_CLS_TOMB)
			kfree(t->s[i].in);
	kvfree(t);
	kfree(b);
}

static struct hnv_cls_bucket *hnv_cls_bucket_get(struct hnv_cls_sub *sub,
						 const struct hnv_cls_key *key)
{
	struct hnv_cls_bucket *b;

	b = rhashtable_lookup_fast(&sub->t, key, hnv_cls_params);
	if (b)
		return b;
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NULL;
	b->key = *key;
	if (rhashtable_insert_fast(&sub->t, &b->node, hnv_cls_params)) {
		kfree(b);
		return NULL;
	}
	return b;
}

/* Take @e out of its bucket, and the bucket out of its subtable if empty. */
static void hnv_cls_unlink(struct hnv_cls_entry *e)
{
	struct hnv_cls_bucket *b = e->bucket;

	if (e->ranged) {
		hnv_cls_index_del(b, e, e->npieces);
		e->npieces = 0;
		b->nranged--;
	}
	if (!hlist_unhashed(&e->link.node))
		hlist_del_rcu(&e->link.node);
	if (hlist_empty(&b->plain) && hlist_empty(&b->ranged)) {
		struct hnv_cls_itab *t = rtnl_dereference(b->index);

		rhashtable_remove_fast(&e->sub->t, &b->node, hnv_cls_params);
		/* Its index has no nodes left. */
		if (t)
			kvfree_rcu(t, rcu);
		kfree_rcu(b, rcu);
	}
}

static int hnv_cls_sub_cmp(const void *a, const void *b)
{
	const struct hnv_cls_order *x = a, *y = b;

	return x->best < y->best ? -1 : x->best > y->best;
}

/* Publish the non-empty subtables in search order. */
static int hnv_cls_publish(struct hnv_cls *cls)
{
	struct hnv_cls_subs *subs, *old;
	struct hnv_cls_sub *sub;
	u32 n = 0;

	list_for_each_entry(sub, &cls->all, list)
		n += !!sub->n;
	subs = kmalloc(struct_size(subs, s, n), GFP_KERNEL);
	if (!subs)
		return -ENOMEM;
	subs->n = 0;
	list_for_each_entry(sub, &cls->all, list) {
		if (!sub->n)
			continue;
		subs->s[subs->n].sub = sub;
		subs->s[subs->n].best = sub->best;
		subs->n++;
	}
	sort(subs->s, subs->n, sizeof(subs->s[0]), hnv_cls_sub_cmp, NULL);
	old = rcu_replace_pointer(cls->subs, subs, lockdep_rtnl_is_held());
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

static struct hnv_cls_sub *hnv_cls_sub_get(struct hnv_cls *cls,
					   const struct hnv_cls_key *mask)
{
	struct hnv_cls_sub *sub;

	list_for_each_entry(sub, &cls->all, list)
		if (!memcmp(&sub->mask, mask, sizeof(*mask)))
			return sub;
	sub = kzalloc(sizeof(*sub), GFP_KERNEL);
	if (!sub)
		return NULL;
	if (rhashtable_init(&sub->t, &hnv_cls_params)) {
		kfree(sub);
		return NULL;
	}
	sub->mask = *mask;
	sub->best = U32_MAX;
	list_add_tail(&sub->list, &cls->all);
	return sub;
}

/* Add @rule's entry (RTNL).  On failure nothing was added. */
int hnv_cls_insert(struct hnv_cls *cls, struct hnv_acl_rule *rule)
{
	struct hnv_cls_entry *e = &rule->entry;
	struct hnv_cls_bucket *b;
	struct hnv_cls_key mask;
	bool reorder;
	int err;

	hnv_cls_mask(rule, &mask, NULL);
	e->sub = hnv_cls_sub_get(cls, &mask);
	if (!e->sub)
		return -ENOMEM;
	b = hnv_cls_bucket_get(e->sub, &e->key);
	if (!b)
		return -ENOMEM;
	e->bucket = b;
	INIT_HLIST_NODE(&e->link.node);
	if (e->ranged) {
		b->nranged++;
		if (READ_ONCE(b->indexed)) {
			err = hnv_cls_index_add(b, e);
			if (err)
				goto undo;
		}
	}
	/* An indexed bucket's lookups do not walk @ranged: no need to sort. */
	if (e->ranged && b->indexed)
		hlist_add_head_rcu(&e->link.node, &b->ranged);
	else
		hnv_cls_link(e->ranged ? &b->ranged : &b->plain, &e->link);
	if (e->ranged && !b->indexed && b->nranged >= HNV_CLS_INDEX_AT)
		hnv_cls_index_build(b);
	/* A subtable joins the search, or its place in it changes. */
	reorder = !e->sub->n++ || rule->prio < e->sub->best;
	e->sub->best = min(e->sub->best, rule->prio);
	if (!reorder)
		return 0;
	err = hnv_cls_publish(cls);
	if (!err)
		return 0;
	e->sub->n--;
undo:
	hnv_cls_unlink(e);
	/* Lookups may have seen it: the caller frees the rule at once. */
	synchronize_rcu();
	return err;
}

/*
 * Remove @rule's entry (RTNL).  Lookups may still find it until a grace
 * period has passed: free the rule with RCU.  Emptied subtables stay, out
 * of the search order, until the classifier is destroyed.
 */
void hnv_cls_remove(struct hnv_cls *cls, struct hnv_acl_rule *rule)
{
	struct hnv_cls_entry *e = &rule->entry;
	struct hnv_cls_sub *sub = e->sub;

	hnv_cls_unlink(e);
	/* Without memory for a new order, the old one still finds nothing
	 * of the rule; an emptied subtable then costs a lookup.
	 */
	if (!--sub->n)
		hnv_cls_publish(cls);
}

void hnv_cls_init(struct hnv_cls *cls)
{
	RCU_INIT_POINTER(cls->subs, NULL);
	INIT_LIST_HEAD(&cls->all);
}

/* Free the subtables; no lookup may run (RTNL, after a grace period). */
void hnv_cls_destroy(struct hnv_cls *cls)
{
	struct hnv_cls_sub *sub, *tmp;

	kfree(rcu_dereference_protected(cls->subs, true));
	RCU_INIT_POINTER(cls->subs, NULL);
	list_for_each_entry_safe(sub, tmp, &cls->all, list) {
		rhashtable_free_and_destroy(&sub->t, hnv_cls_bucket_free, NULL);
		kfree(sub);
	}
	INIT_LIST_HEAD(&cls->all);
}

/* The best entry of @b that matches @key, if better than @best. */
static struct hnv_cls_entry *
hnv_cls_bucket_lookup(struct hnv_cls_bucket *b, const struct hnv_cls_key *key,
		      struct hnv_cls_entry *best)
{
	struct hnv_cls_entry *e;
	struct hnv_cls_piece *p;
	struct hnv_cls_inode *in;
	struct hnv_cls_itab *t;
	u32 d, depths;

	e = hlist_entry_safe(rcu_dereference(hlist_first_rcu(&b->plain)),
			     struct hnv_cls_entry, link.node);
	if (e && (!best || e->link.prio < best->link.prio))
		best = e;
	/* Pairs with hnv_cls_index_build(). */
	if (!smp_load_acquire(&b->indexed)) {
		hlist_for_each_entry_rcu(e, &b->ranged, link.node) {
			if (best && e->link.prio >= best->link.prio)
				break;
			if (hnv_cls_in_range(e->rule->sport, key->sport) &&
			    hnv_cls_in_range(e->rule->dport, key->dport))
				return e;
		}
		return best;
	}
	/* The nodes on the path from the port's leaf to the root. */
	t = rcu_dereference(b->index);
	depths = READ_ONCE(b->depths);
	for (d = 0; d < HNV_CLS_DEPTHS; d++) {
		if (!(depths & BIT(d)))
			continue;
		in = hnv_cls_itab_find(t, (65536U + ntohs(key->dport)) >> (16 - d));
		if (!in)
			continue;
		hlist_for_each_entry_rcu(p, &in->head, link.node) {
			if (best && p->link.prio >= best->link.prio)
				break;
			if (hnv_cls_in_range(p->e->rule->sport, key->sport)) {
				best = p->e;
				break;
			}
		}
	}
	return best;
}

/* The matching rule of lowest priority, or NULL.  Under RCU. */
struct hnv_acl_rule *hnv_cls_lookup(const struct hnv_cls *cls,
				    const struct hnv_cls_key *key)
{
	const struct hnv_cls_subs *subs = rcu_dereference(cls->subs);
	struct hnv_cls_entry *best = NULL;
	struct hnv_cls_bucket *b;
	struct hnv_cls_key masked;
	u32 i;

	if (!subs)
		return NULL;
	for (i = 0; i < subs->n; i++) {
		if (best && subs->s[i].best >= best->link.prio)
			break;
		hnv_cls_and(&masked, key, &subs->s[i].sub->mask);
		b = rhashtable_lookup(&subs->s[i].sub->t, &masked,
				      hnv_cls_params);
		if (b)
			best = hnv_cls_bucket_lookup(b, key, best);
	}
	return best ? best->rule : NULL;
}

static bool hnv_cls_prefix_match(u8 family, u8 len, const union hnv_addr *p,
				 const union hnv_addr *a)
{
	union hnv_addr m;
	int i;

	hnv_cls_prefix_mask(&m, family, len);
	if (family == 4)
		return !((p->v4 ^ a->v4) & m.v4);
	for (i = 0; i < 4; i++)
		if ((p->v6.s6_addr32[i] ^ a->v6.s6_addr32[i]) & m.v6.s6_addr32[i])
			return false;
	return true;
}

/* Does @rule match @key?  The plain definition, for tests and checks. */
bool hnv_acl_rule_match(const struct hnv_acl_rule *rule,
			const struct hnv_cls_key *key)
{
	if (rule->family && rule->family != key->family)
		return false;
	if (rule->has_proto && rule->proto != key->proto)
		return false;
	if (rule->family &&
	    (!hnv_cls_prefix_match(key->family, rule->src_len, &rule->src,
				   &key->src) ||
	     !hnv_cls_prefix_match(key->family, rule->dst_len, &rule->dst,
				   &key->dst)))
		return false;
	return hnv_cls_in_range(rule->sport, key->sport) &&
	       hnv_cls_in_range(rule->dport, key->dport);
}
