// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Flow key extraction: the fields of a frame that the engine decides on.
 */

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/icmpv6.h>
#include <linux/skbuff.h>
#include <net/flow_dissector.h>
#include <net/ndisc.h>

#include "hnv.h"

/*
 * ARP for IPv4 over Ethernet: the operation in @ip_proto, the sender and
 * target addresses in @addr.v4[0] and [1], and HNV_KEY_F_ARP_SHA if the
 * sender hardware address is not the frame's source.  Other ARP keeps
 * @ip_proto 0.  False if the frame is too short for the ARP header.
 */
static bool hnv_flow_key_arp(const struct sk_buff *skb,
			     struct hnv_flow_key *key)
{
	const struct hnv_arp *arp;
	struct hnv_arp buf;

	arp = skb_header_pointer(skb, 0, sizeof(buf.h), &buf);
	if (!arp)
		return false;
	if (arp->h.ar_hrd != htons(ARPHRD_ETHER) ||
	    arp->h.ar_pro != htons(ETH_P_IP) ||
	    arp->h.ar_hln != ETH_ALEN || arp->h.ar_pln != 4)
		return true;
	arp = skb_header_pointer(skb, 0, sizeof(buf), &buf);
	if (!arp)
		return false;
	if (arp->h.ar_op != htons(ARPOP_REQUEST) &&
	    arp->h.ar_op != htons(ARPOP_REPLY))
		return true;
	key->ip_proto = ntohs(arp->h.ar_op);
	key->addr.v4[0] = arp->sip;
	key->addr.v4[1] = arp->tip;
	if (!ether_addr_equal(arp->sha, key->eth_src))
		key->flags |= HNV_KEY_F_ARP_SHA;
	return true;
}

/*
 * The options of a neighbour solicitation or advertisement at @off: a
 * source or target link-layer address option that is not the frame's
 * source MAC sets HNV_KEY_F_ND_LLA, and so do more options than a
 * neighbour needs (a receiver reads them all; the switch would have to).
 * A receiver discards the message at an option of length 0; so does the
 * walk, as it would at the end of the frame.
 */
static void hnv_flow_key_nd_opts(const struct sk_buff *skb, int off,
				 struct hnv_flow_key *key)
{
	struct {
		struct nd_opt_hdr h;
		u8 addr[ETH_ALEN];
	} buf;
	const typeof(buf) *opt;
	int i, len;

	for (i = 0; i < HNV_ND_OPTS_MAX; i++, off += len) {
		opt = skb_header_pointer(skb, off, sizeof(buf.h), &buf);
		if (!opt || !opt->h.nd_opt_len)
			return;
		len = opt->h.nd_opt_len * 8;
		if (opt->h.nd_opt_type != ND_OPT_SOURCE_LL_ADDR &&
		    opt->h.nd_opt_type != ND_OPT_TARGET_LL_ADDR)
			continue;
		opt = skb_header_pointer(skb, off, sizeof(buf), &buf);
		if (!opt)
			return;
		if (!ether_addr_equal(opt->addr, key->eth_src))
			key->flags |= HNV_KEY_F_ND_LLA;
	}
	if (skb_header_pointer(skb, off, sizeof(buf.h), &buf))
		key->flags |= HNV_KEY_F_ND_LLA;
}

/*
 * ICMP and ICMPv6: the type and code in @l4_src and @l4_dst.  For an IPv6
 * neighbour solicitation or advertisement, the target address replaces
 * the destination in @addr.v6[1]: it is what the switch answers for; its
 * link-layer address options are checked (HNV_KEY_F_ND_LLA).
 */
static bool hnv_flow_key_icmp(const struct sk_buff *skb, int thoff,
			      struct hnv_flow_key *key)
{
	struct {
		struct icmp6hdr h;
		struct in6_addr target;
	} buf;
	const typeof(buf) *icmp;

	icmp = skb_header_pointer(skb, thoff, 2, &buf);
	if (!icmp)
		return false;
	key->l4_src = htons(icmp->h.icmp6_type);
	key->l4_dst = htons(icmp->h.icmp6_code);
	if (key->ip_proto != IPPROTO_ICMPV6 ||
	    (icmp->h.icmp6_type != NDISC_NEIGHBOUR_SOLICITATION &&
	     icmp->h.icmp6_type != NDISC_NEIGHBOUR_ADVERTISEMENT))
		return true;
	icmp = skb_header_pointer(skb, thoff, sizeof(buf), &buf);
	if (!icmp)
		return false;
	key->addr.v6[1] = icmp->target;
	hnv_flow_key_nd_opts(skb, thoff + sizeof(buf), key);
	return true;
}

/*
 * Fill @key from @skb (its data at the network header, the Ethernet header
 * before it).  False if the frame is too short for its own headers, or
 * VLAN-tagged: ports are untagged, and a tag (or a second one, under a tag
 * the device took off) would hide the addresses the anti-spoofing checks
 * read from a receiver that strips it.
 *
 * An IP frame's transport header is pointed at the L4 header found: a
 * frame decapsulated from the physical network still has it at the outer
 * UDP header, before its data, where a GSO frame would mislead the
 * transmit path.
 */
bool hnv_flow_key_extract(struct sk_buff *skb, struct hnv_flow_key *key)
{
	const struct ethhdr *eth = eth_hdr(skb);
	struct flow_keys fk;

	memset(key, 0, sizeof(*key));
	if (unlikely(skb_mac_header_len(skb) < ETH_HLEN))
		return false;
	if (unlikely(skb_vlan_tag_present(skb) || eth_type_vlan(eth->h_proto)))
		return false;
	ether_addr_copy(key->eth_dst, eth->h_dest);
	ether_addr_copy(key->eth_src, eth->h_source);
	key->eth_type = eth->h_proto;

	if (eth->h_proto == htons(ETH_P_ARP))
		return hnv_flow_key_arp(skb, key);
	if (eth->h_proto != htons(ETH_P_IP) && eth->h_proto != htons(ETH_P_IPV6))
		return true;
	if (!skb_flow_dissect_flow_keys(skb, &fk, 0))
		return false;
	skb_set_transport_header(skb, fk.control.thoff);
	key->ip_proto = fk.basic.ip_proto;
	key->l4_src = fk.ports.src;
	key->l4_dst = fk.ports.dst;
	if (fk.control.addr_type == FLOW_DISSECTOR_KEY_IPV4_ADDRS) {
		key->addr.v4[0] = fk.addrs.v4addrs.src;
		key->addr.v4[1] = fk.addrs.v4addrs.dst;
	} else if (fk.control.addr_type == FLOW_DISSECTOR_KEY_IPV6_ADDRS) {
		key->addr.v6[0] = fk.addrs.v6addrs.src;
		key->addr.v6[1] = fk.addrs.v6addrs.dst;
	}
	/* Not a later fragment: those carry no ICMP header. */
	if ((key->ip_proto == IPPROTO_ICMP || key->ip_proto == IPPROTO_ICMPV6) &&
	    !(fk.control.flags & FLOW_DIS_IS_FRAGMENT && !(fk.control.flags & FLOW_DIS_FIRST_FRAG)))
		return hnv_flow_key_icmp(skb, fk.control.thoff, key);
	return true;
}
