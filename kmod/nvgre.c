// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * NVGRE (RFC 7637): GRE with the key present, protocol 0x6558 (transparent
 * Ethernet bridging), key = VSID << 8 | FlowID.
 *
 * Receiving shares GRE with ip_gre, which owns the GRE protocol handler:
 * the switch creates the namespace's metadata-mode ("external") gretap
 * device, as Open vSwitch does.  ip_gre hands it every GRE/TEB packet that
 * no ordinary tunnel of the namespace claims, with the key and outer
 * addresses as tunnel metadata, and the switch takes the frames off it
 * with an rx handler.  Ordinary GRE tunnels keep working beside it.
 *
 * ip_gre drops what is not GRE version 0, has the routing bit or holds less
 * than an Ethernet header before any tunnel sees it (uncounted), and
 * counts a checksummed packet in the receiver device's rx_crc_errors (the
 * device expects no checksum).  GRE without a key reaches the
 * switch and is dropped here as HNV_DROP_BAD_NVGRE.  A sequence number is
 * not in the metadata ip_gre passes on, so it cannot be refused.
 */

#include <linux/etherdevice.h>
#include <linux/if_tunnel.h>
#include <linux/rtnetlink.h>
#include <net/dst_metadata.h>
#include <net/gre.h>
#include <net/ip.h>
#include <net/ip_tunnels.h>
#include <net/route.h>

#include "compat.h"
#include "hnv.h"

#define HNV_NVGRE_HLEN	(sizeof(struct gre_base_hdr) + sizeof(__be32))

static rx_handler_result_t hnv_nvgre_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct hnv_switch *sw = rcu_dereference(skb->dev->rx_handler_data);
	const struct ip_tunnel_info *info = skb_tunnel_info(skb);
	__be32 outer_src;
	u32 vsid;

	if (unlikely(!info || ip_tunnel_info_af(info) != AF_INET)) {
		hnv_count_drop(sw->stats, HNV_DROP_MALFORMED);
		goto drop;
	}
	if (!hnv_tun_has_key(info)) {
		hnv_count_drop(sw->stats, HNV_DROP_BAD_NVGRE);
		goto drop;
	}
	vsid = be32_to_cpu(tunnel_id_to_key32(info->key.tun_id)) >> 8;
	if (!hnv_subnet_find(sw, vsid)) {
		hnv_count_drop(sw->stats, HNV_DROP_UNKNOWN_VNI);
		goto drop;
	}
	outer_src = info->key.u.ipv4.src;
	skb_dst_drop(skb);
	hnv_engine_decap(sw, vsid, outer_src, skb);
	return RX_HANDLER_CONSUMED;

drop:
	kfree_skb(skb);
	return RX_HANDLER_CONSUMED;
}

int hnv_nvgre_open(struct hnv_switch *sw, struct netlink_ext_ack *extack)
{
	struct net_device *dev;
	int err;

	ASSERT_RTNL();
	dev = gretap_fb_dev_create(dev_net(sw->dev), "hnvgre%d", NET_NAME_ENUM);
	if (IS_ERR(dev)) {
		NL_SET_ERR_MSG(extack,
			       "cannot create the NVGRE receiver (another external gretap device in this namespace?)");
		return PTR_ERR(dev);
	}
	err = dev_change_flags(dev, dev->flags | IFF_UP, NULL);
	if (!err)
		err = netdev_rx_handler_register(dev, hnv_nvgre_frame, sw);
	if (err) {
		NL_SET_ERR_MSG(extack, "cannot start the NVGRE receiver");
		unregister_netdevice(dev);
		return err;
	}
	sw->nvgre_dev = dev;
	return 0;
}

/*
 * Stop receiving NVGRE.  The device may already be on its way out (its
 * namespace is being dismantled, or somebody deleted it): then only let
 * go of it.
 */
void hnv_nvgre_close(struct hnv_switch *sw)
{
	struct net_device *dev = sw->nvgre_dev;

	ASSERT_RTNL();
	if (!dev)
		return;
	sw->nvgre_dev = NULL;
	netdev_rx_handler_unregister(dev);
	if (dev->reg_state == NETREG_REGISTERED)
		unregister_netdevice(dev);
}

/* NETDEV_UNREGISTER of any device: true if it was a switch's receiver. */
bool hnv_nvgre_unregistering(struct net_device *dev)
{
	if (rcu_access_pointer(dev->rx_handler) != hnv_nvgre_frame)
		return false;
	hnv_nvgre_close(rtnl_dereference(dev->rx_handler_data));
	return true;
}

/* Encapsulate @skb (data at its Ethernet header) as @a says; consumes it. */
void hnv_nvgre_xmit(struct hnv_port *port, const struct hnv_action *a,
		    struct sk_buff *skb)
{
	struct flowi4 fl4 = {
		.daddr		= a->pa_dst,
		.saddr		= a->pa_src,
		.flowi4_proto	= IPPROTO_GRE,
	};
	struct gre_base_hdr *greh;
	struct rtable *rt;
	u32 flowid = 0;

	/* FlowID: 8 bits of the inner flow's hash, for ECMP entropy. */
	if (READ_ONCE(port->sw->nvgre_flowid))
		flowid = skb_get_hash(skb) & 0xff;
	rt = hnv_encap_route(port, &fl4, sizeof(struct iphdr) + HNV_NVGRE_HLEN,
			     skb);
	if (!rt)
		return;
	if (iptunnel_handle_offloads(skb, SKB_GSO_GRE)) {
		ip_rt_put(rt);
		hnv_count_drop(port->stats, HNV_DROP_MALFORMED);
		kfree_skb(skb);
		return;
	}
	greh = __skb_push(skb, HNV_NVGRE_HLEN);
	greh->flags = GRE_KEY;
	greh->protocol = htons(ETH_P_TEB);
	*(__be32 *)(greh + 1) = cpu_to_be32(a->vni << 8 | flowid);
	skb_reset_transport_header(skb);
	skb_set_inner_protocol(skb, htons(ETH_P_TEB));
	iptunnel_xmit(NULL, rt, skb, fl4.saddr, fl4.daddr, IPPROTO_GRE, 0,
		      ip4_dst_hoplimit(&rt->dst), 0, false);
}
