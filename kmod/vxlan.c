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
#include <net/gro.h>
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
	skb->protocol = eth_type_trans(skb, sw->dev);
	skb_reset_network_header(skb);
	hnv_engine_decap(sw, vni, outer_src, skb);
	return 0;

drop:
	hnv_count_drop(sw->stats, why);
drop_quiet:
	kfree_skb(skb);
	return 0;
}

/*
 * GRO: merge the VXLAN packets of one inner flow before they are
 * decapsulated, so a TCP stream reaches the VM in large frames even when
 * the physical network carried it in MTU-sized packets.  Packets of one
 * VNI with equal headers are merged by the inner Ethernet's GRO.
 */
static struct sk_buff *hnv_vxlan_gro_receive(struct sock *sk,
					     struct list_head *head,
					     struct sk_buff *skb)
{
	unsigned int off = skb_gro_offset(skb);
	struct sk_buff *pp = NULL, *p;
	const struct vxlanhdr *vh, *vh2;
	int flush = 1;

	vh = skb_gro_header(skb, off + sizeof(*vh), off);
	if (unlikely(!vh) || vh->vx_flags != VXLAN_HF_VNI)
		goto out;
	skb_gro_postpull_rcsum(skb, vh, sizeof(*vh));
	skb_gro_pull(skb, sizeof(*vh));

	list_for_each_entry(p, head, list) {
		if (!NAPI_GRO_CB(p)->same_flow)
			continue;
		vh2 = (const struct vxlanhdr *)(p->data + off);
		if (vh->vx_flags != vh2->vx_flags || vh->vx_vni != vh2->vx_vni)
			NAPI_GRO_CB(p)->same_flow = 0;
	}
	pp = call_gro_receive(eth_gro_receive, head, skb);
	flush = 0;
out:
	skb_gro_flush_final(skb, pp, flush);
	return pp;
}

static int hnv_vxlan_gro_complete(struct sock *sk, struct sk_buff *skb,
				  int nhoff)
{
	/* skb->encapsulation is set: this sets the inner MAC header too. */
	return eth_gro_complete(skb, nhoff + sizeof(struct vxlanhdr));
}

int hnv_vxlan_open(struct hnv_switch *sw, u16 port,
		   struct netlink_ext_ack *extack)
{
	struct udp_tunnel_sock_cfg tcfg = {
		.sk_user_data	= sw,
		.encap_type	= 1,
		.encap_rcv	= hnv_vxlan_rcv,
		.gro_receive	= hnv_vxlan_gro_receive,
		.gro_complete	= hnv_vxlan_gro_complete,
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
	__be16 dport = htons(READ_ONCE(sw->vxlan_port));
	struct flowi4 fl4 = {
		.daddr		= a->pa_dst,
		.saddr		= a->pa_src,
		.flowi4_proto	= IPPROTO_UDP,
		.fl4_dport	= dport,
	};
	struct socket *sock;
	struct vxlanhdr *vh;
	struct rtable *rt;
	__be16 sport;

	sock = rcu_dereference(sw->vxlan_sock);
	if (unlikely(!sock)) {
		hnv_count_drop(port->stats, HNV_DROP_NO_PA);
		kfree_skb(skb);
		return;
	}
	sport = udp_flow_src_port(dev_net(sw->dev), skb, 0, 0, true);
	fl4.fl4_sport = sport;
	rt = hnv_encap_route(port, &fl4, sizeof(struct iphdr) + VXLAN_HLEN, skb);
	if (!rt)
		return;
	if (udp_tunnel_handle_offloads(skb, false)) {
		ip_rt_put(rt);
		hnv_count_drop(port->stats, HNV_DROP_MALFORMED);
		kfree_skb(skb);
		return;
	}
	vh = __skb_push(skb, sizeof(*vh));
	vh->vx_flags = VXLAN_HF_VNI;
	vh->vx_vni = vxlan_vni_field(cpu_to_be32(a->vni));
	skb_set_inner_protocol(skb, htons(ETH_P_TEB));
	udp_tunnel_xmit_skb(rt, sock->sk, skb, fl4.saddr, fl4.daddr, 0,
			    ip4_dst_hoplimit(&rt->dst), 0, sport, dport, false,
			    true);
}
