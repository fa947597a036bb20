// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The switch device: link type "hnv", its netdev ops and the
 * per-network-namespace list of switches.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/rtnetlink.h>
#include <net/net_namespace.h>
#include <net/rtnetlink.h>
#include <net/vxlan.h>

#include "compat.h"
#include "acl.h"

/* Locally administered, "HNV"; the same on every host. */
static const u8 hnv_router_mac_default[ETH_ALEN] = {
	0x02, 0x48, 0x4e, 0x56, 0x00, 0x01
};

static netdev_tx_t hnv_dev_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct hnv_switch *sw = netdev_priv(dev);

	/* The switch device is a handle for configuration, not a port. */
	hnv_count_drop(sw->stats, HNV_DROP_SWITCH_XMIT);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static int hnv_dev_init(struct net_device *dev)
{
	struct hnv_switch *sw = netdev_priv(dev);
	struct hnv_net *hn = hnv_net(dev_net(dev));
	int err;

	sw->stats = hnv_stats_alloc();
	if (!sw->stats)
		return -ENOMEM;
	sw->dev = dev;
	INIT_LIST_HEAD(&sw->ports);
	INIT_LIST_HEAD(&sw->routes);
	hash_init(sw->subnets);
	err = hnv_map_init(sw);
	if (err) {
		free_percpu(sw->stats);
		sw->stats = NULL;
		return err;
	}
	sw->vxlan_port = IANA_VXLAN_UDP_PORT;
	sw->nvgre_flowid = true;
	ether_addr_copy(sw->router_mac, hnv_router_mac_default);
	err = hnv_conn_switch_init(sw);
	if (err)
		goto err_map;
	err = hnv_uplink_init(sw);
	if (err)
		goto err_conn;
	hnv_acl_switch_init(sw);
	hnv_uft_switch_init(sw);
	list_add_tail(&sw->net_list, &hn->switches);
	hn->gen++;
	return 0;

err_conn:
	hnv_conn_switch_destroy(sw);
err_map:
	hnv_map_destroy(sw);
	free_percpu(sw->stats);
	sw->stats = NULL;
	return err;
}

static void hnv_dev_uninit(struct net_device *dev)
{
	struct hnv_switch *sw = netdev_priv(dev);
	struct hnv_net *hn = hnv_net(dev_net(dev));

	hnv_uft_switch_stop(sw);
	hnv_nvgre_close(sw);
	hnv_vxlan_close(sw);
	hnv_uplink_destroy(sw);
	hnv_port_del_all(sw);
	/* No packet path is left: ports, socket and their readers are gone. */
	hnv_map_destroy(sw);
	hnv_subnet_del_all(sw);
	hnv_route_del_all(sw);
	hnv_acl_switch_destroy(sw);
	hnv_conn_switch_destroy(sw);
	kfree_rcu(rtnl_dereference(sw->pas), rcu);
	list_del(&sw->net_list);
	hn->gen++;
}

static void hnv_dev_free(struct net_device *dev)
{
	struct hnv_switch *sw = netdev_priv(dev);

	free_percpu(sw->stats);
}

static void hnv_dev_get_stats64(struct net_device *dev,
				struct rtnl_link_stats64 *stats)
{
	struct hnv_switch *sw = netdev_priv(dev);
	struct hnv_stats s, one;
	struct hnv_port *port;
	int i;

	/* What the switch saw from and sent to all of its ports. */
	hnv_stats_read(sw->stats, &s);
	rcu_read_lock();
	list_for_each_entry_rcu(port, &sw->ports, list) {
		hnv_stats_read(port->stats, &one);
		hnv_stats_add(&s, &one);
	}
	rcu_read_unlock();
	stats->rx_packets = s.rx_packets;
	stats->rx_bytes = s.rx_bytes;
	stats->tx_packets = s.tx_packets;
	stats->tx_bytes = s.tx_bytes;
	stats->tx_dropped = s.drops[HNV_DROP_SWITCH_XMIT];
	for (i = 0; i < __HNV_DROP_MAX; i++)
		if (i != HNV_DROP_SWITCH_XMIT)
			stats->rx_dropped += s.drops[i];
}

static int hnv_dev_add_slave(struct net_device *dev, struct net_device *port,
			     struct netlink_ext_ack *extack)
{
	return hnv_port_add(netdev_priv(dev), port, extack);
}

static int hnv_dev_del_slave(struct net_device *dev, struct net_device *port)
{
	return hnv_port_del(netdev_priv(dev), port, NULL);
}

static const struct net_device_ops hnv_netdev_ops = {
	.ndo_init		= hnv_dev_init,
	.ndo_uninit		= hnv_dev_uninit,
	.ndo_start_xmit		= hnv_dev_xmit,
	.ndo_get_stats64	= hnv_dev_get_stats64,
	.ndo_add_slave		= hnv_dev_add_slave,
	.ndo_del_slave		= hnv_dev_del_slave,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

bool netif_is_hnv_switch(const struct net_device *dev)
{
	return dev->netdev_ops == &hnv_netdev_ops;
}

static void hnv_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &hnv_netdev_ops;
	dev->needs_free_netdev = true;
	dev->priv_destructor = hnv_dev_free;
	dev->priv_flags |= IFF_NO_QUEUE;
	dev->priv_flags &= ~IFF_TX_SKB_SHARING;
	dev->flags |= IFF_NOARP;
	dev->flags &= ~IFF_MULTICAST;
	hnv_dev_set_lltx(dev);
	/* It is on its namespace's list and owns sockets there. */
	hnv_dev_set_netns_immutable(dev);
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_MAX_MTU;
	eth_hw_addr_random(dev);
}

static int hnv_validate(struct nlattr *tb[], struct nlattr *data[],
			struct netlink_ext_ack *extack)
{
	if (tb[IFLA_ADDRESS]) {
		if (nla_len(tb[IFLA_ADDRESS]) != ETH_ALEN) {
			NL_SET_ERR_MSG_ATTR(extack, tb[IFLA_ADDRESS],
					    "hnv: address must be 6 bytes");
			return -EINVAL;
		}
		if (!is_valid_ether_addr(nla_data(tb[IFLA_ADDRESS]))) {
			NL_SET_ERR_MSG_ATTR(extack, tb[IFLA_ADDRESS],
					    "hnv: address must be a unicast MAC");
			return -EADDRNOTAVAIL;
		}
	}
	return 0;
}

struct rtnl_link_ops hnv_link_ops __read_mostly = {
	.kind		= "hnv",
	.priv_size	= sizeof(struct hnv_switch),
	.setup		= hnv_setup,
	.validate	= hnv_validate,
};

static int __net_init hnv_net_init(struct net *net)
{
	struct hnv_net *hn = hnv_net(net);

	INIT_LIST_HEAD(&hn->switches);
	return 0;
}

/*
 * Module exit_batch_rtnl runs before the core unregisters the namespace's
 * remaining devices, so the switches go here, while their ports still exist.
 */
static void __net_exit hnv_net_exit_batch_rtnl(struct list_head *net_list,
					       struct list_head *dev_kill_list)
{
	struct hnv_switch *sw, *tmp;
	struct net *net;

	ASSERT_RTNL();
	list_for_each_entry(net, net_list, exit_list)
		list_for_each_entry_safe(sw, tmp, &hnv_net(net)->switches,
					 net_list)
			unregister_netdevice_queue(sw->dev, dev_kill_list);
}

struct pernet_operations hnv_net_ops = {
	.init			= hnv_net_init,
	.exit_batch_rtnl	= hnv_net_exit_batch_rtnl,
	.id			= &hnv_net_id,
	.size			= sizeof(struct hnv_net),
};
