// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnv_cls_bench.ko: what the ACL classifier (kmod/cls.c, built in here)
 * costs a new flow with 10 to 10,000 rules, for "make bench".  Loading it
 * fills classifiers with rules of each kind of kmod/cls_gen.h, times
 * lookups of random packets and prints one line per rule set:
 *
 *   hnv_cls_bench: KIND rules=N subtables=S insert_ns=I lookup_ns=MIN/MEDIAN/MAX matched=M
 *
 * insert_ns is the mean cost of adding a rule; lookup_ns the cost of one
 * lookup, over BENCH_ROUNDS rounds of BENCH_KEYS packets; matched how many
 * of the packets some rule matched.  Rules and packets come from a fixed
 * seed: every run measures the same sets.  It loads, measures and stays loaded
 * holding nothing; unload it after.
 */

#include <linux/module.h>
#include <linux/sort.h>

#include "../kmod/cls.c"
#include "../kmod/cls_gen.h"

#define BENCH_KEYS	4096
#define BENCH_ROUNDS	7
#define BENCH_SEED	20261127

static const char *const bench_kinds[] = {
	[HNV_CLS_GEN_RANDOM] = "random",
	[HNV_CLS_GEN_BUCKET] = "ranges",
	[HNV_CLS_GEN_NSG] = "nsg",
};

static const u32 bench_counts[] = { 10, 100, 1000, 10000 };

static int bench_cmp(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static void bench_free(struct hnv_acl_rule *r)
{
	kfree(r->entry.pieces);
	kfree(r);
}

static int bench_one(enum hnv_cls_gen kind, u32 n, struct hnv_cls_key *keys,
		     struct hnv_acl_rule **rules)
{
	struct rnd_state st;
	u64 ns[BENCH_ROUNDS], t, ins;
	const struct hnv_cls_subs *subs;
	struct hnv_cls cls;
	u32 i, r, nsubs, matched = 0;
	int err = 0;

	/* The same rules and packets on every run. */
	prandom_seed_state(&st, BENCH_SEED + kind * 100003 + n);
	hnv_cls_init(&cls);
	for (i = 0; i < n; i++) {
		rules[i] = kzalloc(sizeof(*rules[i]), GFP_KERNEL);
		if (!rules[i]) {
			while (i--)
				bench_free(rules[i]);
			return -ENOMEM;
		}
		/* Unique priorities in random order. */
		hnv_cls_rand_rule(&st, rules[i], (i * 7919) % 65521 + 1, kind);
		hnv_cls_expand(rules[i]);
	}
	t = ktime_get_ns();
	rtnl_lock();
	for (i = 0; i < n; i++) {
		err = hnv_cls_insert(&cls, rules[i]);
		if (err)
			break;
	}
	rtnl_unlock();
	ins = ktime_get_ns() - t;
	if (err) {
		/* Free what was not inserted; the rest goes below. */
		for (r = i; r < n; r++)
			bench_free(rules[r]);
		n = i;
		goto out;
	}
	for (i = 0; i < BENCH_KEYS; i++)
		hnv_cls_rand_key(&st, &keys[i], kind);

	for (r = 0; r < BENCH_ROUNDS; r++) {
		matched = 0;
		rcu_read_lock();
		t = ktime_get_ns();
		for (i = 0; i < BENCH_KEYS; i++)
			matched += !!hnv_cls_lookup(&cls, &keys[i]);
		ns[r] = div_u64(ktime_get_ns() - t, BENCH_KEYS);
		rcu_read_unlock();
		cond_resched();
	}
	rcu_read_lock();
	subs = rcu_dereference(cls.subs);
	nsubs = subs ? subs->n : 0;
	rcu_read_unlock();
	sort(ns, BENCH_ROUNDS, sizeof(ns[0]), bench_cmp, NULL);
	pr_info("hnv_cls_bench: %s rules=%u subtables=%u insert_ns=%llu lookup_ns=%llu/%llu/%llu matched=%u/%u\n",
		bench_kinds[kind], n, nsubs, div_u64(ins, n), ns[0],
		ns[BENCH_ROUNDS / 2], ns[BENCH_ROUNDS - 1], matched,
		BENCH_KEYS);
out:
	rtnl_lock();
	for (i = 0; i < n; i++)
		hnv_cls_remove(&cls, rules[i]);
	rtnl_unlock();
	synchronize_rcu();
	rtnl_lock();
	hnv_cls_destroy(&cls);
	rtnl_unlock();
	rcu_barrier();
	for (i = 0; i < n; i++)
		bench_free(rules[i]);
	return err;
}

static int __init bench_init(void)
{
	u32 max = bench_counts[ARRAY_SIZE(bench_counts) - 1];
	struct hnv_acl_rule **rules;
	struct hnv_cls_key *keys;
	int kind, c, err = -ENOMEM;

	keys = kvcalloc(BENCH_KEYS, sizeof(*keys), GFP_KERNEL);
	rules = kvcalloc(max, sizeof(*rules), GFP_KERNEL);
	if (!keys || !rules)
		goto out;
	for (kind = 0; kind < ARRAY_SIZE(bench_kinds); kind++)
		for (c = 0; c < ARRAY_SIZE(bench_counts); c++) {
			err = bench_one(kind, bench_counts[c], keys, rules);
			if (err)
				goto out;
		}
out:
	kvfree(keys);
	kvfree(rules);
	return err;
}

static void __exit bench_exit(void)
{
}

module_init(bench_init);
module_exit(bench_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("hnv ACL classifier benchmark");
