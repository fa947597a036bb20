/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Internal definitions shared by the files of hnv.ko.
 */
#ifndef _HNV_H
#define _HNV_H

#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/u64_stats_sync.h>
#include <net/netns/generic.h>
#include <uapi/linux/hnv.h>

/**
 * DOC: Locking
 *
 * Configuration (switch and port lists, port attach/detach, the
 * per-namespace generation number) changes only under RTNL: ports come and
 * go through rtnetlink (ndo_add_slave/ndo_del_slave) and netdevice
 * notifiers, which already hold it, and the generic-netlink handlers take
 * it around every read of those lists.
 *
 * The packet path never takes a lock.  A port is found from its device
 * through dev->rx_handler_data (RCU, owned by the core), and its switch
 * through port->sw, which is constant for the port's life.  A port is freed
 * only after netdev_rx_handler_unregister() (which waits for a grace
 * period) and a further kfree_rcu(), so a reader that found it in RCU
 * context can use it until rcu_read_unlock().  The switch outlives its
 * ports: it detaches them all in ndo_uninit before it is freed.
 *
 * Counters are per CPU (struct hnv_pcpu_stats) and summed on read.
 */

/**
 * struct hnv_pcpu_stats - per-CPU counters of a switch or a port
 * @rx_packets: frames received from a port
 * @rx_bytes: their bytes
 * @tx_packets: frames sent to a port
 * @tx_bytes: their bytes
 * @drops: dropped frames, indexed by enum hnv_drop_reason
 * @syncp: 64-bit counter consistency on 32-bit hosts
 */
struct hnv_pcpu_stats {
	u64_stats_t rx_packets;
	u64_stats_t rx_bytes;
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
	u64_stats_t drops[__HNV_DROP_MAX];
	struct u64_stats_sync syncp;
};

/**
 * struct hnv_stats - a sum of struct hnv_pcpu_stats over the CPUs
 */
struct hnv_stats {
	u64 rx_packets;
	u64 rx_bytes;
	u64 tx_packets;
	u64 tx_bytes;
	u64 drops[__HNV_DROP_MAX];
};

/**
 * struct hnv_switch - one virtual switch (the private area of its netdev)
 * @dev: the switch device
 * @net_list: entry in struct hnv_net.switches (RTNL)
 * @ports: attached ports (RTNL)
 * @nports: number of entries in @ports (RTNL)
 * @stats: the switch's own counters (frames sent on @dev itself)
 */
struct hnv_switch {
	struct net_device *dev;
	struct list_head net_list;
	struct list_head ports;
	u32 nports;
	struct hnv_pcpu_stats __percpu *stats;
};

/**
 * struct hnv_port - an Ethernet device attached to a switch
 * @dev: the port device (a reference is held while attached)
 * @dev_tracker: reference tracker for @dev
 * @sw: the switch, constant while the port exists
 * @list: entry in @sw->ports (RTNL)
 * @stats: counters
 * @rcu: deferred free
 */
struct hnv_port {
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct hnv_switch *sw;
	struct list_head list;
	struct hnv_pcpu_stats __percpu *stats;
	struct rcu_head rcu;
};

/**
 * struct hnv_net - per network namespace state
 * @switches: the namespace's switches (RTNL)
 * @gen: configuration generation, bumped on every change (RTNL); dumps
 *	report it as their sequence so that readers can detect overlap
 */
struct hnv_net {
	struct list_head switches;
	u32 gen;
};

/* main.c */
extern unsigned int hnv_net_id;

static inline struct hnv_net *hnv_net(const struct net *net)
{
	return net_generic(net, hnv_net_id);
}

/* device.c */
extern struct rtnl_link_ops hnv_link_ops;
extern struct pernet_operations hnv_net_ops;
bool netif_is_hnv_switch(const struct net_device *dev);

/* port.c */
int hnv_port_add(struct hnv_switch *sw, struct net_device *dev,
		 struct netlink_ext_ack *extack);
int hnv_port_del(struct hnv_switch *sw, struct net_device *dev,
		 struct netlink_ext_ack *extack);
void hnv_port_del_all(struct hnv_switch *sw);
struct hnv_port *hnv_port_get_rtnl(const struct net_device *dev);
extern struct notifier_block hnv_netdev_notifier;

/* stats.c */
struct hnv_pcpu_stats __percpu *hnv_stats_alloc(void);
void hnv_stats_read(struct hnv_pcpu_stats __percpu *pcpu, struct hnv_stats *sum);
void hnv_stats_add(struct hnv_stats *sum, const struct hnv_stats *s);
int hnv_stats_fill(struct sk_buff *skb, int attrtype, const struct hnv_stats *s);

static inline void hnv_count_drop(struct hnv_pcpu_stats __percpu *pcpu,
				  enum hnv_drop_reason reason)
{
	struct hnv_pcpu_stats *s = this_cpu_ptr(pcpu);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->drops[reason]);
	u64_stats_update_end(&s->syncp);
}

static inline void hnv_count_rx(struct hnv_pcpu_stats __percpu *pcpu,
				unsigned int len)
{
	struct hnv_pcpu_stats *s = this_cpu_ptr(pcpu);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->rx_packets);
	u64_stats_add(&s->rx_bytes, len);
	u64_stats_update_end(&s->syncp);
}

/* netlink.c */
int hnv_genl_init(void);
void hnv_genl_exit(void);

#endif /* _HNV_H */
