// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * VXLAN (RFC 7348) on the physical network: the switch's UDP tunnel
 * socket, encapsulation toward a PA, and decapsulation to local ports.
 * The outer packet is routed by the namespace's own IP stack; the kernel's
 * UDP tunnel helpers give GSO (a TCP stream is segmented after
 * encapsulation).
 */

#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/ip.h>
#include <net/ip_tunnels.h>
#include <net/route.h>
#include <net/udp.h>
#include <net/udp_tunnel.h>
#include <net/vxlan.h>

#include "hnv.h"

/* UDP encap_rcv: 0 when the packet is consumed. */
static int hnv_vxlan_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct hnv_switch *sw = rcu_dereference_sk_user_data(sk);
	enum hnv_drop_reason why;
	struct vxlanhdr *vh;
	__be32 outer_src;
	u32 vni;

	if (unlikely(!sw))
		goto drop_quiet;
	why = HNV_DROP_BAD_VXLAN;
	if (!pskb_may_pull(skb, VXLAN_HLEN + ETH_HLEN))
		goto drop;
	vh = (struct vxlanhdr *)(udp_hdr(skb) + 1);
	if (vh->vx_flags != VXLAN_HF_VNI ||
	    (vh->vx_vni & ~VXLAN_VNI_MASK))
		goto drop;
	vni = be32_to_cpu(vxlan_vni(vh->vx_vni));
	why = HNV_DROP_UNKNOWN_VNI;
	if (!hnv_subnet_find(sw, vni))
		goto drop;
	outer_src = ip_hdr(skb)->saddr;
	why = HNV_DROP_MALFORMED;
	if (iptunnel_pull_header(skb, VXLAN_HLEN, htons(ETH_P_TEB),
				 !net_eq(sock_net(sk), dev_net(sw->dev))))
		goto drop;
	skb_reset_mac_header(skb);
	hnv_decap_deliver(sw, vni, outer_src, skb);
	return 0;

drop:
	hnv_count_drop(sw->stats, why);
drop_quiet:
	kfree_skb(skb);
	return 0;
}

int hnv_vxlan_open(struct hnv_switch *sw, u16 port,
		   struct netlink_ext_ack *extack)
{
	struct udp_tunnel_sock_cfg tcfg = {
		.sk_user_data	= sw,
		.encap_type	= 1,
		.encap_rcv	= hnv_vxlan_rcv,
	};
	struct udp_port_cfg cfg = {
		.family		= AF_INET,
		.local_ip.s_addr = htonl(INADDR_ANY),
		.local_udp_port	= htons(port),
	};
	struct net *net = dev_net(sw->dev);
	struct socket *sock;
	int err;

	ASSERT_RTNL();
	err = udp_sock_create(net, &cfg, &sock);
	if (err) {
		NL_SET_ERR_MSG(extack,
			       "cannot listen for VXLAN on the switch's UDP port (in use?)");
		return err;
	}
	setup_udp_tunnel_sock(net, sock, &tcfg);
	rcu_assign_pointer(sw->vxlan_sock, sock);
	return 0;
}

void hnv_vxlan_close(struct hnv_switch *sw)
{
	struct socket *sock = rtnl_dereference(sw->vxlan_sock);

	if (!sock)
		return;
	RCU_INIT_POINTER(sw->vxlan_sock, NULL);
	synchronize_net();
	udp_tunnel_sock_release(sock);
}

/* Encapsulate @skb (data at its Ethernet header) as @a says; consumes it. */
void hnv_vxlan_xmit(struct hnv_port *port, const struct hnv_action *a,
		    struct sk_buff *skb)
{
	struct hnv_switch *sw = port->sw;
	struct net *net = dev_net(sw->dev);
	struct flowi4 fl4 = {
		.daddr		= a->pa_dst,
		.saddr		= a->pa_src,
		.flowi4_proto	= IPPROTO_UDP,
		.fl4_dport	= htons(READ_ONCE(sw->vxlan_port)),
	};
	enum hnv_drop_reason why = HNV_DROP_NO_PA;
	struct socket *sock;
	struct vxlanhdr *vh;
	struct rtable *rt;
	__be16 sport;
	int headroom;

	sock = rcu_dereference(sw->vxlan_sock);
	if (unlikely(!sock))
		goto drop;
	sport = udp_flow_src_port(net, skb, 0, 0, true);
	fl4.fl4_sport = sport;
	rt = ip_route_output_key(net, &fl4);
	if (IS_ERR(rt)) {
		why = HNV_DROP_NO_ROUTE;
		goto drop;
	}
	headroom = LL_RESERVED_SPACE(rt->dst.dev) + rt->dst.header_len +
		   sizeof(struct iphdr) + VXLAN_HLEN;
	why = HNV_DROP_MALFORMED;
	if (skb_cow_head(skb, headroom) ||
	    udp_tunnel_handle_offloads(skb, false)) {
		ip_rt_put(rt);
		goto drop;
	}
	vh = __skb_push(skb, sizeof(*vh));
	vh->vx_flags = VXLAN_HF_VNI;
	vh->vx_vni = vxlan_vni_field(cpu_to_be32(a->vni));
	skb_set_inner_protocol(skb, htons(ETH_P_TEB));
	udp_tunnel_xmit_skb(rt, sock->sk, skb, fl4.saddr, fl4.daddr, 0,
			    ip4_dst_hoplimit(&rt->dst), 0, sport,
			    htons(READ_ONCE(sw->vxlan_port)), false, true);
	return;

drop:
	hnv_count_drop(port->stats, why);
	kfree_skb(skb);
}
