// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Flow key extraction: the fields of a frame that the engine decides on.
 */

#include <linux/if_ether.h>
#include <linux/skbuff.h>
#include <net/flow_dissector.h>

#include "hnv.h"

/*
 * Fill @key from @skb (its data at the network header, the Ethernet header
 * before it).  False if the frame is too short for its own headers.
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
	ether_addr_copy(key->eth_dst, eth->h_dest);
	ether_addr_copy(key->eth_src, eth->h_source);
	key->eth_type = eth->h_proto;

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
	return true;
}
