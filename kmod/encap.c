// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * What VXLAN and NVGRE share on the way out: routing the outer packet in
 * the switch's namespace, and the overlay's MTU.  A frame that would not
 * fit the path once encapsulated and may not be fragmented (IPv4 with DF,
 * IPv6) gets an ICMP "fragmentation needed" / ICMPv6 "packet too big"
 * back to the VM naming what fits, as if from its destination, the way
 * Linux's vxlan does for bridged ports.
 */

#include <linux/etherdevice.h>
#include <net/dst.h>
#include <net/ip_tunnels.h>
#include <net/route.h>

#include "hnv.h"

/*
 * skb_tunnel_check_pmtu() addressed its ICMP error by swapping the frame's
 * MACs.  A routed frame had them rewritten already (router -> VM), so its
 * error would go to the router MAC: it comes from the router to the VM.
 */
static void hnv_encap_icmp_to_vm(struct hnv_port *port, struct sk_buff *skb)
{
	struct ethhdr *eth = eth_hdr(skb);

	if (!ether_addr_equal(eth->h_dest, port->sw->router_mac))
		return;
	ether_addr_copy(eth->h_source, port->sw->router_mac);
	ether_addr_copy(eth->h_dest, port->mac);
}

/**
 * hnv_encap_route() - route an encapsulated frame and check it fits
 * @port: the port the frame entered the switch on
 * @fl4: the outer flow (addresses, protocol, ports), filled in by routing
 * @overhead: bytes the encapsulation adds in front of the inner Ethernet
 *	header, outer IP header included
 * @skb: the frame, its data at the Ethernet header
 *
 * Return: the route with room made in @skb for the outer headers, or NULL
 * when @skb was consumed: dropped and counted, or turned into an ICMP
 * error and sent back to @port.
 */
struct rtable *hnv_encap_route(struct hnv_port *port, struct flowi4 *fl4,
			       int overhead, struct sk_buff *skb)
{
	struct rtable *rt;
	int err;

	rt = ip_route_output_key(dev_net(port->sw->dev), fl4);
	if (IS_ERR(rt)) {
		hnv_count_drop(port->stats, HNV_DROP_NO_ROUTE);
		kfree_skb(skb);
		return NULL;
	}
	/* skb_tunnel_check_pmtu() counts the inner Ethernet header in. */
	err = skb_tunnel_check_pmtu(skb, &rt->dst, overhead + ETH_HLEN, true);
	if (unlikely(err)) {
		ip_rt_put(rt);
		if (err < 0) {
			hnv_count_drop(port->stats, HNV_DROP_MALFORMED);
			kfree_skb(skb);
		} else {
			hnv_encap_icmp_to_vm(port, skb);
			hnv_count_drop(port->stats, HNV_DROP_TOO_BIG);
			hnv_output(port, skb);
		}
		return NULL;
	}
	if (skb_cow_head(skb, LL_RESERVED_SPACE(rt->dst.dev) +
			      rt->dst.header_len + overhead)) {
		ip_rt_put(rt);
		hnv_count_drop(port->stats, HNV_DROP_MALFORMED);
		kfree_skb(skb);
		return NULL;
	}
	return rt;
}
