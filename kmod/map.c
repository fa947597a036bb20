// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * CA->PA mappings: which provider address a VM of a virtual subnet lives
 * behind, keyed by (VSID, MAC), and per subnet the set of remote hosts
 * (PAs) that broadcast is replicated to.
 */

#include <linux/etherdevice.h>
#include <linux/rhashtable.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "hnv.h"

static const struct rhashtable_params hnv_map_params = {
	.key_len	= sizeof(struct hnv_map_key),
	.key_offset	= offsetof(struct hnv_map, key),
	.head_offset	= offsetof(struct hnv_map, node),
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
	err = rhashtable_init(&sw->remotes, &hnv_remote_params);
	if (err)
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
		if (map->pa != tmpl->pa) {
			err = hnv_remote_get(sw, sn, tmpl->pa);
			if (err)
				return err;
			hnv_remote_put(sw, sn, map->pa);
			WRITE_ONCE(map->pa, tmpl->pa);
		}
		/* The CA is read on the slow path only; a torn read is
		 * recomposed after the generation bump below.
		 */
		map->ca_len = tmpl->ca_len;
		map->ca = tmpl->ca;
		hnv_policy_changed(sw);
		return 0;
	}

	map = kmemdup(tmpl, sizeof(*tmpl), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	err = hnv_remote_get(sw, sn, map->pa);
	if (err)
		goto err_free;
	err = rhashtable_insert_fast(&sw->maps, &map->node, hnv_map_params);
	if (err)
		goto err_put;
	sw->nmaps++;
	hnv_policy_changed(sw);
	return 0;

err_put:
	hnv_remote_put(sw, sn, map->pa);
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
	sw->nmaps--;
	sn = hnv_subnet_find(sw, vsid);
	if (sn)
		hnv_remote_put(sw, sn, map->pa);
	kfree_rcu(map, rcu);
	hnv_policy_changed(sw);
	return 0;
}
