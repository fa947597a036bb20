// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Self-tests of the module's tables and parsers, run at load time when the
 * module is built with HNV_SELFTEST=1 (as "make check" does).  A failure
 * fails the load.  Modelled on WireGuard's selftest/: randomized inputs
 * checked against a deliberately naive reference.
 */

#include <linux/etherdevice.h>
#include <linux/icmpv6.h>
#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/random.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/udp.h>
#include <linux/vmalloc.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "acl.h"
#include "cls_gen.h"

#define HNV_ST_FLOWS	2000
#define HNV_ST_LIMIT	1500

static int hnv_st_failures;

#define hnv_st_check(cond, fmt, ...) do {				\
	if (!(cond)) {							\
		pr_err("hnv: selftest %s:%d: " fmt "\n", __func__,	\
		       __LINE__, ##__VA_ARGS__);			\
		hnv_st_failures++;					\
	}								\
} while (0)

/*
 * A frame as a port's rx handler sees it: data at the network header, and
 * a device (the flow dissector wants a namespace: DEBUG_NET warns without).
 */
static struct sk_buff *hnv_st_frame(__be16 proto, const void *l3, int len)
{
	struct sk_buff *skb = alloc_skb(ETH_HLEN + len, GFP_KERNEL);
	struct ethhdr *eth;

	if (!skb)
		return NULL;
	skb_reset_mac_header(skb);
	eth = skb_put(skb, ETH_HLEN);
	eth_broadcast_addr(eth->h_dest);
	eth_zero_addr(eth->h_source);
	eth->h_source[0] = 0x02;
	eth->h_proto = proto;
	skb_put_data(skb, l3, len);
	skb_pull(skb, ETH_HLEN);
	skb_reset_network_header(skb);
	skb->protocol = proto;
	skb->dev = init_net.loopback_dev;
	return skb;
}

static void hnv_st_flow_key(void)
{
	struct {
		struct iphdr ip;
		struct udphdr udp;
	} __packed v4 = {
		.ip = { .version = 4, .ihl = 5, .ttl = 64,
			.protocol = IPPROTO_UDP,
			.tot_len = htons(sizeof(v4)),
			.saddr = htonl(0x0a010101), .daddr = htonl(0x0a010102) },
		.udp = { .source = htons(1234), .dest = htons(80),
			 .len = htons(sizeof(struct udphdr)) },
	};
	struct {
		struct ipv6hdr ip;
		struct udphdr udp;
	} __packed v6 = {
		.ip = { .version = 6, .nexthdr = IPPROTO_UDP, .hop_limit = 64,
			.payload_len = htons(sizeof(struct udphdr)) },
		.udp = { .source = htons(53), .dest = htons(5353) },
	};
	u8 arp[28] = { 0, 1, 8, 0, 6, 4, 0, 1,		/* request */
		       2, 0, 0, 0, 0, 0, 10, 1, 1, 1,	/* sender */
		       0, 0, 0, 0, 0, 0, 10, 1, 1, 2 };	/* target */
	struct {
		struct ipv6hdr ip;
		struct icmp6hdr icmp;
		struct in6_addr target;
	} __packed ns = {
		.ip = { .version = 6, .nexthdr = IPPROTO_ICMPV6, .hop_limit = 255,
			.payload_len = htons(sizeof(ns) - sizeof(struct ipv6hdr)) },
		.icmp = { .icmp6_type = NDISC_NEIGHBOUR_SOLICITATION },
	};
	struct hnv_flow_key key;
	struct sk_buff *skb;

	skb = hnv_st_frame(htons(ETH_P_IP), &v4, sizeof(v4));
	if (skb) {
		hnv_st_check(hnv_flow_key_extract(skb, &key), "IPv4/UDP");
		hnv_st_check(key.ip_proto == IPPROTO_UDP &&
			     key.addr.v4[0] == v4.ip.saddr &&
			     key.addr.v4[1] == v4.ip.daddr &&
			     key.l4_src == htons(1234) && key.l4_dst == htons(80),
			     "IPv4/UDP fields");
		hnv_st_check(is_broadcast_ether_addr(key.eth_dst) &&
			     key.eth_type == htons(ETH_P_IP), "Ethernet fields");
		kfree_skb(skb);
	}

	v6.ip.saddr.s6_addr[15] = 1;
	v6.ip.daddr.s6_addr[15] = 2;
	skb = hnv_st_frame(htons(ETH_P_IPV6), &v6, sizeof(v6));
	if (skb) {
		hnv_st_check(hnv_flow_key_extract(skb, &key), "IPv6/UDP");
		hnv_st_check(key.ip_proto == IPPROTO_UDP &&
			     ipv6_addr_equal(&key.addr.v6[0], &v6.ip.saddr) &&
			     ipv6_addr_equal(&key.addr.v6[1], &v6.ip.daddr) &&
			     key.l4_src == htons(53) && key.l4_dst == htons(5353),
			     "IPv6/UDP fields");
		kfree_skb(skb);
	}

	skb = hnv_st_frame(htons(ETH_P_ARP), arp, sizeof(arp));
	if (skb) {
		hnv_st_check(hnv_flow_key_extract(skb, &key), "ARP");
		hnv_st_check(key.ip_proto == ARPOP_REQUEST &&
			     key.addr.v4[0] == htonl(0x0a010101) &&
			     key.addr.v4[1] == htonl(0x0a010102) &&
			     !key.flags && !key.l4_src,
			     "ARP: operation, sender and target");
		kfree_skb(skb);
	}
	arp[8] = 0x04;		/* a sender MAC that is not the frame's */
	skb = hnv_st_frame(htons(ETH_P_ARP), arp, sizeof(arp));
	if (skb) {
		hnv_st_check(hnv_flow_key_extract(skb, &key) &&
			     key.flags & HNV_KEY_F_ARP_SHA, "ARP: forged sender MAC");
		kfree_skb(skb);
	}
	arp[2] = 0x86;		/* not IPv4 */
	skb = hnv_st_frame(htons(ETH_P_ARP), arp, sizeof(arp));
	if (skb) {
		hnv_st_check(hnv_flow_key_extract(skb, &key) && !key.ip_proto &&
			     !key.addr.v4[0], "ARP for another protocol");
		kfree_skb(skb);
	}
	arp[2] = 0x08;		/* IPv4 again, cut short */
	skb = hnv_st_frame(htons(ETH_P_ARP), arp, 20);
	if (skb) {
		hnv_st_check(!hnv_flow_key_extract(skb, &key), "truncated ARP");
		kfree_skb(skb);
	}

	/* A neighbour solicitation: type in l4_src, target as destination. */
	ns.ip.saddr.s6_addr[15] = 1;
	ns.ip.daddr.s6_addr[0] = 0xff;
	ns.ip.daddr.s6_addr[1] = 0x02;
	ns.target.s6_addr[0] = 0xfd;
	ns.target.s6_addr[15] = 2;
	skb = hnv_st_frame(htons(ETH_P_IPV6), &ns, sizeof(ns));
	if (skb) {
		hnv_st_check(hnv_flow_key_extract(skb, &key) &&
			     key.ip_proto == IPPROTO_ICMPV6 &&
			     key.l4_src == htons(NDISC_NEIGHBOUR_SOLICITATION) &&
			     ipv6_addr_equal(&key.addr.v6[1], &ns.target),
			     "neighbour solicitation: type and target");
		kfree_skb(skb);
	}

	/* An IPv4 header cut short is malformed. */
	skb = hnv_st_frame(htons(ETH_P_IP), &v4, 12);
	if (skb) {
		hnv_st_check(!hnv_flow_key_extract(skb, &key), "truncated IPv4");
		kfree_skb(skb);
	}
}

/*
 * The unified flow table against a naive reference: an array of the keys
 * inserted.  Random keys, some repeated; the per-port limit must hold and
 * every key the reference holds must be found with its own actions.
 */
static void hnv_st_uft(void)
{
	struct hnv_flow_key *keys;
	struct hnv_switch *sw;
	struct hnv_port *port;
	struct hnv_flow *flow;
	int i, cached = 0;

	keys = vcalloc(HNV_ST_FLOWS, sizeof(*keys));
	sw = kzalloc(sizeof(*sw), GFP_KERNEL);
	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!keys || !sw || !port)
		goto out;
	port->stats = hnv_stats_alloc();
	if (!port->stats)
		goto out;
	INIT_LIST_HEAD(&sw->ports);
	if (hnv_conn_switch_init(sw))
		goto out;
	if (hnv_uplink_init(sw)) {
		hnv_conn_switch_destroy(sw);
		goto out;
	}
	hnv_uft_switch_init(sw);
	sw->uft_port_max = HNV_ST_LIMIT;
	port->sw = sw;
	if (hnv_uft_init(port))
		goto out_stop;
	list_add_rcu(&port->list, &sw->ports);

	for (i = 0; i < HNV_ST_FLOWS; i++) {
		struct hnv_actions *acts;

		get_random_bytes(&keys[i], sizeof(keys[i]));
		if (i && !(i % 10))	/* a repeated key now and then */
			keys[i] = keys[i / 2];
		acts = kzalloc(struct_size(acts, a, 1), GFP_KERNEL);
		if (!acts)
			break;
		acts->n = 1;
		acts->a[0].type = HNV_ACTION_A_OUTPUT;
		acts->a[0].ifindex = i;
		/* As the packet path: softirq context, under RCU. */
		local_bh_disable();
		rcu_read_lock();
		flow = hnv_uft_lookup(port, &keys[i]);
		if (flow) {
			kfree(acts);
		} else {
			flow = hnv_uft_insert(port, &keys[i], acts, 1);
			if (flow)
				cached++;
			else
				kfree(acts);
		}
		rcu_read_unlock();
		local_bh_enable();
	}
	hnv_st_check(cached == HNV_ST_LIMIT, "cached %d flows, limit %d",
		     cached, HNV_ST_LIMIT);
	hnv_st_check(atomic_read(&port->nflows) == cached &&
		     atomic_read(&sw->nflows) == cached,
		     "counts %d/%d, cached %d", atomic_read(&port->nflows),
		     atomic_read(&sw->nflows), cached);

	/* Every cached key is found, with the actions of its first insert. */
	rcu_read_lock();
	for (i = 0; i < HNV_ST_FLOWS; i++) {
		int first, j;

		flow = hnv_uft_lookup(port, &keys[i]);
		for (first = 0; first < i; first++)
			if (!memcmp(&keys[first], &keys[i], sizeof(keys[i])))
				break;
		if (!flow)
			continue;
		j = rcu_dereference(flow->acts)->a[0].ifindex;
		hnv_st_check(!memcmp(&keys[j], &keys[i], sizeof(keys[i])) &&
			     j == first, "key %d found with the actions of %d",
			     i, j);
	}
	rcu_read_unlock();

	hnv_uft_flush(sw, NULL);
	hnv_st_check(!atomic_read(&port->nflows) && !atomic_read(&sw->nflows),
		     "flush left %d flows", atomic_read(&port->nflows));
	rcu_read_lock();
	hnv_st_check(!hnv_uft_lookup(port, &keys[0]), "flushed key found");
	rcu_read_unlock();

	list_del_rcu(&port->list);
	synchronize_rcu();
	hnv_uft_destroy(port);
out_stop:
	hnv_uft_switch_stop(sw);
	hnv_uplink_destroy(sw);
	hnv_conn_switch_destroy(sw);
	rcu_barrier();
out:
	if (port)
		free_percpu(port->stats);
	kfree(port);
	kfree(sw);
	vfree(keys);
	hnv_st_check(keys && sw && port, "out of memory");
}

#define HNV_ST_RULES	300
#define HNV_ST_PACKETS	1000

/*
 * The classifier against the plain definition: random rules, random
 * packets, rules removed half-way.  The lowest-priority matching rule
 * must be the same.  Of @kind HNV_CLS_GEN_BUCKET, the rules share a
 * bucket (its port index is built on the way).
 */
static void hnv_st_cls(enum hnv_cls_gen kind)
{
	u64 seed = get_random_u64();
	struct hnv_acl_rule **rules;
	struct rnd_state st;
	struct hnv_cls cls;
	struct hnv_cls_key k;
	int i, j, n = 0, bad = 0;

	prandom_seed_state(&st, seed);
	rules = kcalloc(HNV_ST_RULES, sizeof(*rules), GFP_KERNEL);
	if (!rules)
		goto out;
	hnv_cls_init(&cls);
	rtnl_lock();
	for (i = 0; i < HNV_ST_RULES; i++) {
		struct hnv_acl_rule tmpl, *r;

		/* Unique priorities in random order. */
		hnv_cls_rand_rule(&st, &tmpl, (i * 7919) % 65521 + 1, kind);
		r = hnv_acl_rule_alloc();
		if (!r)
			break;
		memcpy(r, &tmpl, offsetof(struct hnv_acl_rule, hits));
		hnv_cls_expand(r);
		if (hnv_cls_insert(&cls, r)) {
			hnv_acl_rule_free(r);
			break;
		}
		rules[n++] = r;
	}
	rtnl_unlock();
	hnv_st_check(n == HNV_ST_RULES, "inserted %d of %d rules", n,
		     HNV_ST_RULES);
	for (j = 0; kind == HNV_CLS_GEN_BUCKET && j < n; j++) {
		if (!rules[j]->entry.ranged)
			continue;
		hnv_st_check(rules[j]->entry.bucket->indexed,
			     "a bucket of %d rules has no port index", n);
		break;
	}

	for (i = 0; i < 2 * HNV_ST_PACKETS; i++) {
		const struct hnv_acl_rule *want = NULL, *got;

		if (i == HNV_ST_PACKETS) {
			/* Remove every third rule and check again. */
			rtnl_lock();
			for (j = 0; j < n; j += 3)
				hnv_cls_remove(&cls, rules[j]);
			rtnl_unlock();
			synchronize_rcu();
			for (j = 0; j < n; j += 3) {
				hnv_acl_rule_free(rules[j]);
				rules[j] = NULL;
			}
		}
		hnv_cls_rand_key(&st, &k, kind);
		for (j = 0; j < n; j++)
			if (rules[j] && hnv_acl_rule_match(rules[j], &k) &&
			    (!want || rules[j]->prio < want->prio))
				want = rules[j];
		rcu_read_lock();
		got = hnv_cls_lookup(&cls, &k);
		rcu_read_unlock();
		if (got != want && bad++ < 5)
			hnv_st_check(false, "packet %d: classifier %u, reference %u",
				     i, got ? got->prio : 0,
				     want ? want->prio : 0);
	}
	hnv_st_check(!bad, "rule set %d, seed %llu: %d of %d packets misclassified",
		     kind, seed, bad, 2 * HNV_ST_PACKETS);

	rtnl_lock();
	for (j = 0; j < n; j++)
		if (rules[j])
			hnv_cls_remove(&cls, rules[j]);
	synchronize_rcu();
	hnv_cls_destroy(&cls);
	rtnl_unlock();
	for (j = 0; j < n; j++)
		if (rules[j])
			hnv_acl_rule_free(rules[j]);
out:
	hnv_st_check(rules, "out of memory");
	kfree(rules);
}

int __init hnv_selftest(void)
{
	hnv_st_flow_key();
	hnv_st_uft();
	hnv_st_cls(HNV_CLS_GEN_RANDOM);
	hnv_st_cls(HNV_CLS_GEN_BUCKET);
	hnv_st_cls(HNV_CLS_GEN_NSG);
	if (hnv_st_failures) {
		pr_err("hnv: %d selftest failures\n", hnv_st_failures);
		return -EINVAL;
	}
	pr_info("hnv: selftests passed\n");
	return 0;
}
