// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Ports: attaching Ethernet devices to a switch, detaching them, and the
 * rx_handler through which every frame from a VM enters the switch.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/ipv6.h>

#include "acl.h"

static rx_handler_result_t hnv_handle_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct hnv_port *port = rcu_dereference(skb->dev->rx_handler_data);

	/* Loopback-looped frames are the stack's own; leave them alone. */
	if (unlikely(skb->pkt_type == PACKET_LOOPBACK))
		return RX_HANDLER_PASS;

	skb = skb_share_check(skb, GFP_ATOMIC);
	if (unlikely(!skb))
		return RX_HANDLER_CONSUMED;
	*pskb = skb;
	return hnv_engine_rx(port, skb);
}

struct hnv_port *hnv_port_get_rtnl(const struct net_device *dev)
{
	if (rcu_access_pointer(dev->rx_handler) != hnv_handle_frame)
		return NULL;
	return rtnl_dereference(dev->rx_handler_data);
}

static int hnv_port_check(struct net_device *dev,
			  struct netlink_ext_ack *extack)
{
	if (dev->flags & IFF_LOOPBACK) {
		NL_SET_ERR_MSG(extack, "hnv: a loopback device cannot be a port");
		return -EINVAL;
	}
	if (dev->type != ARPHRD_ETHER || dev->addr_len != ETH_ALEN ||
	    !is_valid_ether_addr(dev->dev_addr)) {
		NL_SET_ERR_MSG(extack,
			       "hnv: a port must be an Ethernet device with a unicast MAC");
		return -EINVAL;
	}
	if (netif_is_hnv_switch(dev)) {
		NL_SET_ERR_MSG(extack, "hnv: a switch cannot be a port of a switch");
		return -ELOOP;
	}
	if (netdev_master_upper_dev_get(dev)) {
		NL_SET_ERR_MSG(extack, "hnv: device already has a master");
		return -EBUSY;
	}
	if (netdev_is_rx_handler_busy(dev)) {
		NL_SET_ERR_MSG(extack,
			       "hnv: device already has an rx handler (bridge, bond, macvlan...)");
		return -EBUSY;
	}
	return 0;
}

int hnv_port_add(struct hnv_switch *sw, struct net_device *dev,
		 struct netlink_ext_ack *extack)
{
	struct hnv_port *port;
	int err;

	ASSERT_RTNL();
	err = hnv_port_check(dev, extack);
	if (err)
		return err;

	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;
	port->stats = hnv_stats_alloc();
	if (!port->stats) {
		err = -ENOMEM;
		goto err_free;
	}
	err = hnv_uft_init(port);
	if (err)
		goto err_stats;
	port->dev = dev;
	port->sw = sw;
	netdev_hold(dev, &port->dev_tracker, GFP_KERNEL);

	err = dev_set_promiscuity(dev, 1);
	if (err)
		goto err_put;
	err = netdev_master_upper_dev_link(dev, sw->dev, NULL, NULL, extack);
	if (err)
		goto err_promisc;
	err = netdev_rx_handler_register(dev, hnv_handle_frame, port);
	if (err) {
		NL_SET_ERR_MSG(extack, "hnv: cannot register rx handler");
		goto err_unlink;
	}
	dev->priv_flags |= IFF_DONT_BRIDGE;

	list_add_tail_rcu(&port->list, &sw->ports);
	sw->nports++;
	hnv_net(dev_net(sw->dev))->gen++;
	hnv_policy_changed(sw);
	netdev_info(sw->dev, "port %s attached\n", dev->name);
	return 0;

err_unlink:
	netdev_upper_dev_unlink(dev, sw->dev);
err_promisc:
	dev_set_promiscuity(dev, -1);
err_put:
	netdev_put(dev, &port->dev_tracker);
	hnv_uft_destroy(port);
	hnv_acl_port_destroy(port);
err_stats:
	free_percpu(port->stats);
err_free:
	kfree(port);
	return err;
}

static void hnv_port_free_rcu(struct rcu_head *head)
{
	struct hnv_port *port = container_of(head, struct hnv_port, rcu);

	free_percpu(port->stats);
	kfree(rcu_dereference_raw(port->cas));
	kfree(port);
}

static void hnv_port_destroy(struct hnv_port *port)
{
	struct hnv_switch *sw = port->sw;
	struct net_device *dev = port->dev;

	list_del_rcu(&port->list);
	sw->nports--;
	hnv_net(dev_net(sw->dev))->gen++;
	/* Flows of other ports that output here are recomposed. */
	hnv_policy_changed(sw);

	dev->priv_flags &= ~IFF_DONT_BRIDGE;
	/* Waits for the packet path to leave the port. */
	netdev_rx_handler_unregister(dev);
	netdev_upper_dev_unlink(dev, sw->dev);
	dev_set_promiscuity(dev, -1);
	netdev_info(sw->dev, "port %s detached\n", dev->name);
	netdev_put(dev, &port->dev_tracker);
	hnv_uft_destroy(port);
	hnv_acl_port_destroy(port);
	call_rcu(&port->rcu, hnv_port_free_rcu);
}

int hnv_port_del(struct hnv_switch *sw, struct net_device *dev,
		 struct netlink_ext_ack *extack)
{
	struct hnv_port *port;

	ASSERT_RTNL();
	port = hnv_port_get_rtnl(dev);
	if (!port || port->sw != sw) {
		NL_SET_ERR_MSG(extack, "hnv: device is not a port of this switch");
		return -EINVAL;
	}
	hnv_port_destroy(port);
	return 0;
}

static bool hnv_ca_equal(const struct hnv_ca *a, const struct hnv_ca *b)
{
	if (a->v6 != b->v6)
		return false;
	return a->v6 ? ipv6_addr_equal(&a->addr.v6, &b->addr.v6) :
		       a->addr.v4 == b->addr.v4;
}

/* @ca is one of the customer addresses of a port of @vsid other than @port. */
static bool hnv_ca_taken(struct hnv_port *port, u32 vsid,
			 const struct hnv_ca *ca)
{
	const struct hnv_port_cas *cas;
	struct hnv_port *p;
	int i;

	list_for_each_entry(p, &port->sw->ports, list) {
		if (p == port || p->vsid != vsid)
			continue;
		cas = rtnl_dereference(p->cas);
		for (i = 0; cas && i < cas->n; i++)
			if (hnv_ca_equal(&cas->ca[i], ca))
				return true;
	}
	return false;
}

/*
 * Each customer address lies in the subnet's prefix of its family, is not
 * the gateway nor the prefix itself (nor, for IPv4, its broadcast
 * address), and is no other port's in the VSID.
 */
static int hnv_port_check_cas(struct hnv_port *port,
			      const struct hnv_subnet *sn,
			      const struct hnv_port_cas *cas,
			      struct netlink_ext_ack *extack)
{
	int i, j;

	for (i = 0; i < cas->n; i++) {
		const struct hnv_ca *ca = &cas->ca[i];
		const struct hnv_prefix *p = ca->v6 ? &sn->p6 : &sn->p4;
		struct hnv_ca gw = { .v6 = ca->v6, .addr = p->gw };
		struct hnv_ca net = { .v6 = ca->v6, .addr = p->addr };
		__be32 host;

		if (!p->len) {
			NL_SET_ERR_MSG(extack, "HNV_A_PORT_CAS: the subnet has no prefix of this address family");
			return -EINVAL;
		}
		if (!hnv_prefix_contains(p, ca->v6, &ca->addr)) {
			NL_SET_ERR_MSG(extack, "HNV_A_PORT_CAS: a customer address lies outside the subnet's prefix");
			return -EINVAL;
		}
		if (hnv_ca_equal(ca, &gw)) {
			NL_SET_ERR_MSG(extack, "HNV_A_PORT_CAS: a customer address is the subnet's gateway");
			return -EINVAL;
		}
		/* (inet_make_mask() only for IPv4: 128-bit lengths overflow it.) */
		host = ca->v6 ? 0 : ca->addr.v4 & ~inet_make_mask(p->len);
		if (hnv_ca_equal(ca, &net) ||
		    (!ca->v6 && host == ~inet_make_mask(p->len))) {
			NL_SET_ERR_MSG(extack, "HNV_A_PORT_CAS: a customer address is the prefix's own or broadcast address");
			return -EINVAL;
		}
		for (j = 0; j < i; j++) {
			if (hnv_ca_equal(ca, &cas->ca[j])) {
				NL_SET_ERR_MSG(extack, "HNV_A_PORT_CAS: duplicate customer address");
				return -EINVAL;
			}
		}
		if (hnv_ca_taken(port, sn->vsid, ca)) {
			NL_SET_ERR_MSG(extack, "HNV_A_PORT_CAS: a customer address belongs to another port of the VSID");
			return -EEXIST;
		}
	}
	return 0;
}

/*
 * Bind @port to @vsid with the VM's @mac and customer addresses @cas
 * (NULL: none), or unbind it (@vsid 0, no @mac or @cas).  Takes @cas.
 */
int hnv_port_bind(struct hnv_port *port, u32 vsid, const u8 *mac,
		  struct hnv_port_cas *cas, struct netlink_ext_ack *extack)
{
	const struct hnv_subnet *sn = NULL;
	struct hnv_port_cas *old;
	int err = -ENOENT;

	ASSERT_RTNL();
	if (vsid) {
		sn = hnv_subnet_find(port->sw, vsid);
		if (!sn) {
			NL_SET_ERR_MSG(extack, "HNV_A_VSID: no such virtual subnet on the port's switch");
			goto err;
		}
	}
	err = -EINVAL;
	if (vsid && !mac) {
		NL_SET_ERR_MSG(extack, "HNV_A_PORT_MAC: required to bind a port");
		NL_SET_ERR_ATTR_MISS(extack, NULL, HNV_A_PORT_MAC);
		goto err;
	}
	if (cas) {
		err = sn ? hnv_port_check_cas(port, sn, cas, extack) : -EINVAL;
		if (err)
			goto err;
	}
	if (vsid)
		ether_addr_copy(port->mac, mac);
	else
		eth_zero_addr(port->mac);
	old = rtnl_dereference(port->cas);
	rcu_assign_pointer(port->cas, cas);
	kfree_rcu(old, rcu);
	WRITE_ONCE(port->vsid, vsid);
	hnv_policy_changed(port->sw);
	return 0;

err:
	kfree(cas);
	return err;
}

void hnv_port_del_all(struct hnv_switch *sw)
{
	struct hnv_port *port, *tmp;

	ASSERT_RTNL();
	list_for_each_entry_safe(port, tmp, &sw->ports, list)
		hnv_port_destroy(port);
}

static int hnv_netdev_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct hnv_port *port = hnv_port_get_rtnl(dev);

	if (!port) {
		if (event == NETDEV_UNREGISTER)
			hnv_nvgre_unregistering(dev);
		return NOTIFY_DONE;
	}

	switch (event) {
	case NETDEV_UNREGISTER:
		/* Also seen when the port moves to another namespace. */
		hnv_port_destroy(port);
		break;
	case NETDEV_PRE_TYPE_CHANGE:
		/* A port stays an Ethernet device while attached. */
		return NOTIFY_BAD;
	}
	return NOTIFY_DONE;
}

struct notifier_block hnv_netdev_notifier = {
	.notifier_call = hnv_netdev_event,
};
