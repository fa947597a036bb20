// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Virtual subnets (VSIDs) of a switch.
 */

#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "hnv.h"

/* Under RCU or RTNL. */
struct hnv_subnet *hnv_subnet_find(struct hnv_switch *sw, u32 vsid)
{
	struct hnv_subnet *sn;

	hash_for_each_possible_rcu(sw->subnets, sn, node, vsid,
				   lockdep_rtnl_is_held())
		if (sn->vsid == vsid)
			return sn;
	return NULL;
}

int hnv_subnet_add(struct hnv_switch *sw, u32 vsid, u32 rdid, u8 encap,
		   struct netlink_ext_ack *extack)
{
	struct hnv_subnet *sn;

	ASSERT_RTNL();
	if (hnv_subnet_find(sw, vsid)) {
		NL_SET_ERR_MSG(extack, "HNV_A_VSID: the switch already has this virtual subnet");
		return -EEXIST;
	}
	sn = kzalloc(sizeof(*sn), GFP_KERNEL);
	if (!sn)
		return -ENOMEM;
	sn->vsid = vsid;
	sn->rdid = rdid;
	sn->encap = encap;
	INIT_LIST_HEAD(&sn->remotes);
	hash_add_rcu(sw->subnets, &sn->node, vsid);
	sw->nsubnets++;
	hnv_policy_changed(sw);
	return 0;
}

static void hnv_subnet_remove(struct hnv_switch *sw, struct hnv_subnet *sn)
{
	struct hnv_remote *r, *tmp;

	/* Only at switch teardown can mappings (hence remotes) remain. */
	list_for_each_entry_safe(r, tmp, &sn->remotes, list) {
		list_del_rcu(&r->list);
		kfree_rcu(r, rcu);
	}
	hash_del_rcu(&sn->node);
	sw->nsubnets--;
	kfree_rcu(sn, rcu);
	hnv_policy_changed(sw);
}

int hnv_subnet_del(struct hnv_switch *sw, u32 vsid,
		   struct netlink_ext_ack *extack)
{
	struct hnv_subnet *sn;
	struct hnv_port *port;

	ASSERT_RTNL();
	sn = hnv_subnet_find(sw, vsid);
	if (!sn) {
		NL_SET_ERR_MSG(extack, "HNV_A_VSID: no such virtual subnet on this switch");
		return -ENOENT;
	}
	if (!list_empty(&sn->remotes)) {
		NL_SET_ERR_MSG(extack,
			       "HNV_A_VSID: the virtual subnet has CA->PA mappings");
		return -EBUSY;
	}
	list_for_each_entry(port, &sw->ports, list) {
		if (port->vsid == vsid) {
			NL_SET_ERR_MSG(extack,
				       "HNV_A_VSID: ports are bound to this virtual subnet");
			return -EBUSY;
		}
	}
	hnv_subnet_remove(sw, sn);
	return 0;
}

void hnv_subnet_del_all(struct hnv_switch *sw)
{
	struct hnv_subnet *sn;
	struct hlist_node *tmp;
	int bkt;

	ASSERT_RTNL();
	hash_for_each_safe(sw->subnets, bkt, tmp, sn, node)
		hnv_subnet_remove(sw, sn);
}
