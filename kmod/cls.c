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

#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "acl.h"

static const struct rhashtable_params hnv_cls_params = {
	.key_len	= sizeof(struct hnv_cls_key),
	.key_offset	= offsetof(struct hnv_cls_entry, key),
	.head_offset	= offsetof(struct hnv_cls_entry, node),
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
	e->prio = rule->prio;
	e->rule = rule;
	e->ranged = !hnv_cls_single(rule->sport) || !hnv_cls_single(rule->dport);
	e->sub = NULL;
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
	if (rhltable_init(&sub->t, &hnv_cls_params)) {
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
	struct hnv_cls_key mask;
	bool reorder;
	int err;

	hnv_cls_mask(rule, &mask, NULL);
	e->sub = hnv_cls_sub_get(cls, &mask);
	if (!e->sub)
		return -ENOMEM;
	err = rhltable_insert(&e->sub->t, &e->node, hnv_cls_params);
	if (err)
		return err;
	/* A subtable joins the search, or its place in it changes. */
	reorder = !e->sub->n++ || rule->prio < e->sub->best;
	e->sub->best = min(e->sub->best, rule->prio);
	if (!reorder)
		return 0;
	err = hnv_cls_publish(cls);
	if (err) {
		rhltable_remove(&e->sub->t, &e->node, hnv_cls_params);
		e->sub->n--;
	}
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

	rhltable_remove(&e->sub->t, &e->node, hnv_cls_params);
	/* Without memory for a new order, the old one still finds nothing
	 * of the rule; an emptied subtable then costs a lookup.
	 */
	if (!--e->sub->n)
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
		rhltable_destroy(&sub->t);
		kfree(sub);
	}
	INIT_LIST_HEAD(&cls->all);
}

/* The matching rule of lowest priority, or NULL.  Under RCU. */
struct hnv_acl_rule *hnv_cls_lookup(const struct hnv_cls *cls,
				    const struct hnv_cls_key *key)
{
	const struct hnv_cls_subs *subs = rcu_dereference(cls->subs);
	struct hnv_cls_entry *e, *best = NULL;
	struct rhlist_head *list, *pos;
	struct hnv_cls_key masked;
	u32 i;

	if (!subs)
		return NULL;
	for (i = 0; i < subs->n; i++) {
		if (best && subs->s[i].best >= best->prio)
			break;
		hnv_cls_and(&masked, key, &subs->s[i].sub->mask);
		list = rhltable_lookup(&subs->s[i].sub->t, &masked,
				       hnv_cls_params);
		rhl_for_each_entry_rcu(e, pos, list, node) {
			if (best && e->prio >= best->prio)
				continue;
			if (e->ranged &&
			    (!hnv_cls_in_range(e->rule->sport, key->sport) ||
			     !hnv_cls_in_range(e->rule->dport, key->dport)))
				continue;
			best = e;
		}
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
