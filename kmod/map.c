// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * CA->PA mappings: which provider address a VM of a virtual subnet lives
 * behind, keyed by (VSID, MAC), and per subnet the set of remote hosts
 * (PAs) that broadcast is replicated to.  A switch holds at most
 * sw->maps_max mappings, so that a flood of HNV_CMD_MAP_NEW cannot grow
 * kernel memory without bound.  See DOC: Locking in hnv.h.
 */

#include <linux/etherdevice.h>
#include <linux/jhash.h>
#include <linux/rhashtable.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "hnv.h"

/*
 * 2^20: room for the benchmark's 1,000,000 mappings, about 160 MB of kernel
 * memory at the 157 bytes a mapping Documentation/performance.rst measures.
 */
#define HNV_MAPS_MAX_DEFAULT	1048576

static const struct rhashtable_params hnv_map_params = {
	.key_len	= sizeof(struct hnv_map_key),
	.key_offset	= offsetof(struct hnv_map, key),
	.head_offset	= offsetof(struct hnv_map, node),
	.automatic_shrinking = true,
};

/* maps_ca: found by (VSID, CA) through struct hnv_ca_key. */
static u32 hnv_ca_hash(u32 vsid, u8 len, const union hnv_addr *ca, u32 seed)
{
	return jhash(ca, len, vsid ^ seed);
}

static u32 hnv_ca_key_hashfn(const void *data, u32 len, u32 seed)
{
	const struct hnv_ca_key *k = data;

	return hnv_ca_hash(k->vsid, k->len, k->ca, seed);
}

static u32 hnv_ca_obj_hashfn(const void *data, u32 len, u32 seed)
{
	const struct hnv_map *m = data;

	return hnv_ca_hash(m->key.vsid, m->ca_len, &m->ca, seed);
}

static int hnv_ca_obj_cmpfn(struct rhashtable_compare_arg *arg,
			    const void *obj)
{
	const struct hnv_ca_key *k = arg->key;
	const struct hnv_map *m = obj;

	return m->key.vsid != k->vsid || m->ca_len != k->len ||
	       memcmp(&m->ca, k->ca, k->len);
}

static const struct rhashtable_params hnv_map_ca_params = {
	.head_offset	= offsetof(struct hnv_map, ca_node),
	.hashfn		= hnv_ca_key_hashfn,
	.obj_hashfn	= hnv_ca_obj_hashfn,
	.obj_cmpfn	= hnv_ca_obj_cmpfn,
	.automatic_shrinking = true,
};

static const struct rhashtable_params hnv_remote_params = {
	.key_len	= sizeof(struct hnv_remote_key),
	.key_offset	= offsetof(struct hnv_remote, key),
	.head_offset	= offsetof(struct hnv_remote, node),
	.automatic_shrinking = true,
};

int hnv_map_init(struct hnv_switch *sw)
{
	int err = rhashtable_init(&sw->maps, &hnv_map_params);

	if (err)
		return err;
	err = rhashtable_init(&sw->maps_ca, &hnv_map_ca_params);
	if (err)
		goto err_maps;
	err = rhashtable_init(&sw->remotes, &hnv_remote_params);
	if (err)
		goto err_ca;
	sw->nmaps = 0;
	sw->maps_max = HNV_MAPS_MAX_DEFAULT;
	return 0;

err_ca:
	rhashtable_destroy(&sw->maps_ca);
err_maps:
	rhashtable_destroy(&sw->maps);
	return err;
}

static void hnv_map_free(void *ptr, void *arg)
{
	kfree(ptr);
}

/*
 * At switch teardown, after every reader is gone.  The remotes themselves
 * are freed with their subnets.
 */
void hnv_map_destroy(struct hnv_switch *sw)
{
	rhashtable_destroy(&sw->maps_ca);
	rhashtable_free_and_destroy(&sw->maps, hnv_map_free, NULL);
	rhashtable_destroy(&sw->remotes);
	sw->nmaps = 0;
}

/* Under RCU or RTNL. */
struct hnv_map *hnv_map_find(struct hnv_switch *sw, u32 vsid, const u8 *mac)
{
	struct hnv_map_key key = { .vsid = vsid };

	ether_addr_copy(key.mac, mac);
	return rhashtable_lookup_fast(&sw->maps, &key, hnv_map_params);
}

/* The mapping of the VM with customer address @ca.  Under RCU or RTNL. */
struct hnv_map *hnv_map_find_ca(struct hnv_switch *sw, u32 vsid, bool v6,
				const union hnv_addr *ca)
{
	struct hnv_ca_key key = { .vsid = vsid, .len = v6 ? 16 : 4, .ca = ca };

	return rhashtable_lookup_fast(&sw->maps_ca, &key, hnv_map_ca_params);
}

/* Index @map by its CA, if it has one: -EEXIST if another has that CA. */
static int hnv_map_ca_insert(struct hnv_switch *sw, struct hnv_map *map,
			     struct netlink_ext_ack *extack)
{
	struct hnv_ca_key key = {
		.vsid = map->key.vsid, .len = map->ca_len, .ca = &map->ca,
	};
	int err;

	if (!map->ca_len)
		return 0;
	err = rhashtable_lookup_insert_key(&sw->maps_ca, &key, &map->ca_node,
					   hnv_map_ca_params);
	if (err == -EEXIST)
		NL_SET_ERR_MSG(extack, "HNV_A_MAP_CA: another mapping of the VSID has this CA");
	return err;
}

static void hnv_map_ca_remove(struct hnv_switch *sw, struct hnv_map *map)
{
	if (map->ca_len)
		rhashtable_remove_fast(&sw->maps_ca, &map->ca_node,
				       hnv_map_ca_params);
}

/*
 * Give @map the CA of @tmpl (or none).  The CA is read on the slow path
 * only: a torn read, or a lookup missing the mapping while it is
 * re-indexed, is recomposed after the caller's generation bump.  On
 * failure the mapping keeps its old CA.
 */
static int hnv_map_ca_move(struct hnv_switch *sw, struct hnv_map *map,
			   const struct hnv_map *tmpl,
			   struct netlink_ext_ack *extack)
{
	union hnv_addr old_ca = map->ca;
	u8 old_len = map->ca_len;
	int err;

	if (tmpl->ca_len &&
	    hnv_map_find_ca(sw, map->key.vsid, tmpl->ca_len == 16, &tmpl->ca)) {
		NL_SET_ERR_MSG(extack, "HNV_A_MAP_CA: another mapping of the VSID has this CA");
		return -EEXIST;
	}
	hnv_map_ca_remove(sw, map);
	map->ca_len = tmpl->ca_len;
	map->ca = tmpl->ca;
	err = hnv_map_ca_insert(sw, map, extack);
	if (err) {
		map->ca_len = old_len;
		map->ca = old_ca;
		if (hnv_map_ca_insert(sw, map, NULL))
			map->ca_len = 0;	/* out of memory twice */
	}
	return err;
}

static int hnv_remote_get(struct hnv_switch *sw, struct hnv_subnet *sn,
			  __be32 pa)
{
	struct hnv_remote_key key = { .vsid = sn->vsid, .pa = pa };
	struct hnv_remote *r;
	int err;

	r = rhashtable_lookup_fast(&sw->remotes, &key, hnv_remote_params);
	if (r) {
		r->refs++;
		return 0;
	}
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->key = key;
	r->refs = 1;
	err = rhashtable_insert_fast(&sw->remotes, &r->node, hnv_remote_params);
	if (err) {
		kfree(r);
		return err;
	}
	list_add_tail_rcu(&r->list, &sn->remotes);
	return 0;
}

static void hnv_remote_put(struct hnv_switch *sw, struct hnv_subnet *sn,
			   __be32 pa)
{
	struct hnv_remote_key key = { .vsid = sn->vsid, .pa = pa };
	struct hnv_remote *r;

	r = rhashtable_lookup_fast(&sw->remotes, &key, hnv_remote_params);
	if (WARN_ON_ONCE(!r) || --r->refs)
		return;
	rhashtable_remove_fast(&sw->remotes, &r->node, hnv_remote_params);
	list_del_rcu(&r->list);
	kfree_rcu(r, rcu);
}

int hnv_map_add(struct hnv_switch *sw, const struct hnv_map *tmpl,
		bool replace, struct netlink_ext_ack *extack)
{
	struct hnv_subnet *sn;
	struct hnv_map *map;
	int err;

	ASSERT_RTNL();
	sn = hnv_subnet_find(sw, tmpl->key.vsid);
	if (!sn) {
		NL_SET_ERR_MSG(extack, "HNV_A_VSID: no such virtual subnet on this switch");
		return -ENOENT;
	}
	map = rhashtable_lookup_fast(&sw->maps, &tmpl->key, hnv_map_params);
	if (map) {
		if (!replace) {
			NL_SET_ERR_MSG(extack,
				       "HNV_A_MAP_MAC: the VSID already maps this MAC (HNV_A_REPLACE moves it)");
			return -EEXIST;
		}
		if (tmpl->ca_len != map->ca_len ||
		    memcmp(&tmpl->ca, &map->ca, tmpl->ca_len)) {
			err = hnv_map_ca_move(sw, map, tmpl, extack);
			if (err)
				return err;
		}
		if (map->pa != tmpl->pa) {
			err = hnv_remote_get(sw, sn, tmpl->pa);
			if (err)
				return err;
			hnv_remote_put(sw, sn, map->pa);
			WRITE_ONCE(map->pa, tmpl->pa);
		}
		hnv_policy_changed(sw);
		return 0;
	}
	/* Lowering the limit keeps what is there: only new keys are refused. */
	if (sw->nmaps >= sw->maps_max) {
		NL_SET_ERR_MSG(extack,
			       "HNV_A_SWITCH_MAPS_MAX: the switch has as many mappings as its limit allows");
		return -ENOSPC;
	}

	map = kmemdup(tmpl, sizeof(*tmpl), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	err = hnv_map_ca_insert(sw, map, extack);
	if (err)
		goto err_free;
	err = hnv_remote_get(sw, sn, map->pa);
	if (err)
		goto err_ca;
	err = rhashtable_insert_fast(&sw->maps, &map->node, hnv_map_params);
	if (err)
		goto err_put;
	sw->nmaps++;
	hnv_policy_changed(sw);
	return 0;

err_put:
	hnv_remote_put(sw, sn, map->pa);
err_ca:
	hnv_map_ca_remove(sw, map);
	/* Lookups by CA may have seen it. */
	kfree_rcu_mightsleep(map);
	return err;
err_free:
	kfree(map);
	return err;
}

int hnv_map_del(struct hnv_switch *sw, u32 vsid, const u8 *mac,
		struct netlink_ext_ack *extack)
{
	struct hnv_subnet *sn;
	struct hnv_map *map;

	ASSERT_RTNL();
	map = hnv_map_find(sw, vsid, mac);
	if (!map) {
		NL_SET_ERR_MSG(extack, "HNV_A_MAP_MAC: no such mapping in this VSID");
		return -ENOENT;
	}
	rhashtable_remove_fast(&sw->maps, &map->node, hnv_map_params);
	hnv_map_ca_remove(sw, map);
	sw->nmaps--;
	sn = hnv_subnet_find(sw, vsid);
	if (sn)
		hnv_remote_put(sw, sn, map->pa);
	kfree_rcu_mightsleep(map);
	hnv_policy_changed(sw);
	return 0;
}
