// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Virtual subnets (VSIDs) of a switch.
 */

#include <linux/inetdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/ipv6.h>

#include "hnv.h"

/* @a lies in @p (of the family @v6 says); false if @p is unset. */
bool hnv_prefix_contains(const struct hnv_prefix *p, bool v6,
			 const union hnv_addr *a)
{
	if (!p->len)
		return false;
	if (v6)
		return ipv6_prefix_equal(&a->v6, &p->addr.v6, p->len);
	return !((a->v4 ^ p->addr.v4) & inet_make_mask(p->len));
}

/* Two prefixes of one family overlap: the shorter holds the other. */
static bool hnv_prefix_overlap(const struct hnv_prefix *a,
			       const struct hnv_prefix *b, bool v6)
{
	if (!a->len || !b->len)
		return false;
	return a->len <= b->len ? hnv_prefix_contains(a, v6, &b->addr) :
				  hnv_prefix_contains(b, v6, &a->addr);
}

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

/*
 * Add a subnet like @tmpl (its VSID, RDID, encapsulation and prefixes,
 * already validated one by one).  Its prefixes may not overlap those of
 * another subnet of the same RDID.
 */
int hnv_subnet_add(struct hnv_switch *sw, const struct hnv_subnet *tmpl,
		   struct netlink_ext_ack *extack)
{
	struct hnv_subnet *sn;
	int bkt;

	ASSERT_RTNL();
	if (hnv_subnet_find(sw, tmpl->vsid)) {
		NL_SET_ERR_MSG(extack, "HNV_A_VSID: the switch already has this virtual subnet");
		return -EEXIST;
	}
	if (sw->nsubnets >= HNV_SUBNETS_MAX) {
		NL_SET_ERR_MSG(extack, "the switch has HNV_SUBNETS_MAX virtual subnets");
		return -ENOSPC;
	}
	hash_for_each(sw->subnets, bkt, sn, node) {
		if (sn->rdid != tmpl->rdid)
			continue;
		if (hnv_prefix_overlap(&sn->p4, &tmpl->p4, false)) {
			NL_SET_ERR_MSG(extack, "HNV_A_SUBNET_PREFIX4: overlaps the prefix of another subnet of the RDID");
			return -EEXIST;
		}
		if (hnv_prefix_overlap(&sn->p6, &tmpl->p6, true)) {
			NL_SET_ERR_MSG(extack, "HNV_A_SUBNET_PREFIX6: overlaps the prefix of another subnet of the RDID");
			return -EEXIST;
		}
	}
	sn = kzalloc(sizeof(*sn), GFP_KERNEL);
	if (!sn)
		return -ENOMEM;
	sn->vsid = tmpl->vsid;
	sn->rdid = tmpl->rdid;
	sn->encap = tmpl->encap;
	sn->p4 = tmpl->p4;
	sn->p6 = tmpl->p6;
	INIT_LIST_HEAD(&sn->remotes);
	hash_add_rcu(sw->subnets, &sn->node, sn->vsid);
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
