/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The few kernel API differences between the supported kernels (6.1 and
 * 6.12), in one place.
 */
#ifndef _HNV_COMPAT_H
#define _HNV_COMPAT_H

#include <linux/version.h>
#include <linux/netdevice.h>
#include <net/genetlink.h>
#include <net/ip_tunnels.h>

/* The parsed request attributes of a generic netlink dump. */
static inline struct nlattr **hnv_dump_attrs(struct netlink_callback *cb)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	return genl_info_dump(cb)->attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

/* Lockless transmit: a device flag since 6.11, a feature bit before. */
static inline void hnv_dev_set_lltx(struct net_device *dev)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
	dev->lltx = true;
#else
	dev->features |= NETIF_F_LLTX;
#endif
}

/*
 * The switch stays in the namespace it was made in (its per-namespace list,
 * its sockets): a feature bit before 6.12, then a device flag, called
 * netns_immutable since 6.15 and in Debian's 6.12 (stable backport).
 */
static inline void hnv_dev_set_netns_immutable(struct net_device *dev)
{
#ifdef NETIF_F_NETNS_LOCAL
	dev->features |= NETIF_F_NETNS_LOCAL;
#else
	dev->netns_immutable = true;
#endif
}

/* GRE metadata carries a key (NVGRE always has one).  A bitmap since 6.10. */
static inline bool hnv_tun_has_key(const struct ip_tunnel_info *info)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
	return test_bit(IP_TUNNEL_KEY_BIT, info->key.tun_flags);
#else
	return info->key.tun_flags & TUNNEL_KEY;
#endif
}

#endif /* _HNV_COMPAT_H */
