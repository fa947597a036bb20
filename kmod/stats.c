// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Per-CPU counters of switches and ports, and their netlink form.
 */

#include <linux/percpu.h>
#include <net/netlink.h>

#include "hnv.h"

struct hnv_pcpu_stats __percpu *hnv_stats_alloc(void)
{
	struct hnv_pcpu_stats __percpu *pcpu;
	int cpu;

	pcpu = alloc_percpu(struct hnv_pcpu_stats);
	if (!pcpu)
		return NULL;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(pcpu, cpu)->syncp);
	return pcpu;
}

void hnv_stats_read(struct hnv_pcpu_stats __percpu *pcpu, struct hnv_stats *sum)
{
	int cpu, i;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		const struct hnv_pcpu_stats *s = per_cpu_ptr(pcpu, cpu);
		struct hnv_stats one;
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			one.rx_packets = u64_stats_read(&s->rx_packets);
			one.rx_bytes = u64_stats_read(&s->rx_bytes);
			one.tx_packets = u64_stats_read(&s->tx_packets);
			one.tx_bytes = u64_stats_read(&s->tx_bytes);
			for (i = 0; i < __HNV_DROP_MAX; i++)
				one.drops[i] = u64_stats_read(&s->drops[i]);
			one.flows_new = u64_stats_read(&s->flows_new);
			one.flows_aged = u64_stats_read(&s->flows_aged);
			one.flows_uncached = u64_stats_read(&s->flows_uncached);
			one.flows_recomposed =
				u64_stats_read(&s->flows_recomposed);
		} while (u64_stats_fetch_retry(&s->syncp, start));

		sum->rx_packets += one.rx_packets;
		sum->rx_bytes += one.rx_bytes;
		sum->tx_packets += one.tx_packets;
		sum->tx_bytes += one.tx_bytes;
		for (i = 0; i < __HNV_DROP_MAX; i++)
			sum->drops[i] += one.drops[i];
		sum->flows_new += one.flows_new;
		sum->flows_aged += one.flows_aged;
		sum->flows_uncached += one.flows_uncached;
		sum->flows_recomposed += one.flows_recomposed;
	}
}

void hnv_stats_add(struct hnv_stats *sum, const struct hnv_stats *s)
{
	int i;

	sum->rx_packets += s->rx_packets;
	sum->rx_bytes += s->rx_bytes;
	sum->tx_packets += s->tx_packets;
	sum->tx_bytes += s->tx_bytes;
	for (i = 0; i < __HNV_DROP_MAX; i++)
		sum->drops[i] += s->drops[i];
	sum->flows_new += s->flows_new;
	sum->flows_aged += s->flows_aged;
	sum->flows_uncached += s->flows_uncached;
	sum->flows_recomposed += s->flows_recomposed;
}

static int hnv_stats_fill_drops(struct sk_buff *skb, const struct hnv_stats *s)
{
	struct nlattr *nest;
	int i;

	nest = nla_nest_start(skb, HNV_STATS_A_DROPS);
	if (!nest)
		return -EMSGSIZE;
	for (i = HNV_DROP_UNSPEC + 1; i < __HNV_DROP_MAX; i++) {
		if (s->drops[i] &&
		    nla_put_u64_64bit(skb, i, s->drops[i], HNV_DROP_UNSPEC))
			goto cancel;
	}
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

int hnv_stats_fill(struct sk_buff *skb, int attrtype, const struct hnv_stats *s)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, attrtype);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, HNV_STATS_A_RX_PACKETS, s->rx_packets,
			      HNV_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, HNV_STATS_A_RX_BYTES, s->rx_bytes,
			      HNV_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, HNV_STATS_A_TX_PACKETS, s->tx_packets,
			      HNV_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, HNV_STATS_A_TX_BYTES, s->tx_bytes,
			      HNV_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, HNV_STATS_A_FLOWS_NEW, s->flows_new,
			      HNV_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, HNV_STATS_A_FLOWS_AGED, s->flows_aged,
			      HNV_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, HNV_STATS_A_FLOWS_UNCACHED,
			      s->flows_uncached, HNV_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, HNV_STATS_A_FLOWS_RECOMPOSED,
			      s->flows_recomposed, HNV_STATS_A_PAD) ||
	    hnv_stats_fill_drops(skb, s)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}
