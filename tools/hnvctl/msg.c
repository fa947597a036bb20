// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The hnv family's messages.  Parsers check every attribute they use
 * (exact size, NUL-terminated names that fit IFNAMSIZ) and ignore
 * attributes they do not know, so that a newer kernel can add some.
 * A malformed reply gives -EBADMSG.
 */
#include <assert.h>
#include <errno.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/hnv.h>

#include "msg.h"

static_assert(__HNV_DROP_MAX <= HNV_DROP_REASONS,
	      "struct hnv_stats must hold every enum hnv_drop_reason");

static int put_sel(struct nl_msg *msg, const struct hnv_sel *sel,
		   int ifindex_attr, int ifname_attr)
{
	if (sel->ifindex && nla_put_u32(msg, ifindex_attr, sel->ifindex))
		return -EMSGSIZE;
	if (sel->ifname && nla_put_string(msg, ifname_attr, sel->ifname))
		return -EMSGSIZE;
	return 0;
}

int hnv_put_switch_sel(struct nl_msg *msg, const struct hnv_sel *sw)
{
	return put_sel(msg, sw, HNV_A_SWITCH_IFINDEX, HNV_A_SWITCH_IFNAME);
}

/* A port selector, and the port's switch if sw is not NULL. */
int hnv_put_port_sel(struct nl_msg *msg, const struct hnv_sel *port,
		     const struct hnv_sel *sw)
{
	if (put_sel(msg, port, HNV_A_PORT_IFINDEX, HNV_A_PORT_IFNAME))
		return -EMSGSIZE;
	return sw ? hnv_put_switch_sel(msg, sw) : 0;
}

static int get_u32(const struct nlattr *a, uint32_t *val)
{
	if (!a || nla_len(a) != sizeof(*val))
		return -EBADMSG;
	*val = nla_get_u32(a);
	return 0;
}

static int get_u64(const struct nlattr *a, uint64_t *val)
{
	if (!a || nla_len(a) != sizeof(*val))
		return -EBADMSG;
	*val = nla_get_u64(a);
	return 0;
}

static int get_ifname(const struct nlattr *a, char name[IFNAMSIZ])
{
	size_t len;

	if (!a)
		return -EBADMSG;
	len = strnlen(nla_data(a), nla_len(a));
	if (!len || len == (size_t)nla_len(a) || len >= IFNAMSIZ)
		return -EBADMSG;
	memcpy(name, nla_data(a), len + 1);
	return 0;
}

/* Optional counters count as zero. */
static int opt_u64(const struct nlattr *a, uint64_t *val)
{
	return a ? get_u64(a, val) : 0;
}

int hnv_parse_stats(struct nlattr *nest, struct hnv_stats *st)
{
	struct nlattr *tb[HNV_STATS_A_MAX + 1], *a;
	int rem;

	memset(st, 0, sizeof(*st));
	if (nla_parse_nested(tb, HNV_STATS_A_MAX, nest, NULL) < 0 ||
	    opt_u64(tb[HNV_STATS_A_RX_PACKETS], &st->rx_packets) ||
	    opt_u64(tb[HNV_STATS_A_RX_BYTES], &st->rx_bytes) ||
	    opt_u64(tb[HNV_STATS_A_TX_PACKETS], &st->tx_packets) ||
	    opt_u64(tb[HNV_STATS_A_TX_BYTES], &st->tx_bytes))
		return -EBADMSG;
	if (!tb[HNV_STATS_A_DROPS])
		return 0;
	nla_for_each_nested(a, tb[HNV_STATS_A_DROPS], rem) {
		int reason = nla_type(a);

		/*
		 * A zero-length attribute is the padding nla_put_64bit()
		 * may put before a counter; <linux/hnv.h> does not say
		 * which type it has in this nest.
		 */
		if (!nla_len(a))
			continue;
		if (reason >= HNV_DROP_REASONS ||
		    get_u64(a, &st->drops[reason]))
			return -EBADMSG;
	}
	return 0;
}

int hnv_parse_switch(struct nlmsghdr *nlh, struct hnv_switch *sw)
{
	struct nlattr *tb[HNV_A_MAX + 1];

	memset(sw, 0, sizeof(*sw));
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &sw->ifindex) ||
	    get_ifname(tb[HNV_A_SWITCH_IFNAME], sw->ifname))
		return -EBADMSG;
	if (tb[HNV_A_SWITCH_NPORTS] &&
	    get_u32(tb[HNV_A_SWITCH_NPORTS], &sw->nports))
		return -EBADMSG;
	if (tb[HNV_A_SWITCH_STATS] &&
	    hnv_parse_stats(tb[HNV_A_SWITCH_STATS], &sw->stats))
		return -EBADMSG;
	return 0;
}

int hnv_parse_port(struct nlmsghdr *nlh, struct hnv_port *port)
{
	struct nlattr *tb[HNV_A_MAX + 1];

	memset(port, 0, sizeof(*port));
	if (genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL) < 0 ||
	    get_u32(tb[HNV_A_PORT_IFINDEX], &port->ifindex) ||
	    get_ifname(tb[HNV_A_PORT_IFNAME], port->ifname) ||
	    get_u32(tb[HNV_A_SWITCH_IFINDEX], &port->switch_ifindex))
		return -EBADMSG;
	if (tb[HNV_A_PORT_STATS] &&
	    hnv_parse_stats(tb[HNV_A_PORT_STATS], &port->stats))
		return -EBADMSG;
	return 0;
}
