/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The objects hnvctl shows, as plain C data: filled in from the kernel's
 * replies by msg.c, printed by output.c.
 */
#ifndef HNVCTL_MODEL_H
#define HNVCTL_MODEL_H

#include <net/ethernet.h>
#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Drop reasons hnvctl can hold, indexed by enum hnv_drop_reason. */
#define HNV_DROP_REASONS 64

struct hnv_stats {
	uint64_t rx_packets;
	uint64_t rx_bytes;
	uint64_t tx_packets;
	uint64_t tx_bytes;
	uint64_t flows_new;		/* composed and cached */
	uint64_t flows_aged;		/* removed for being idle */
	uint64_t flows_uncached;	/* packets of flows over a limit */
	uint64_t flows_recomposed;	/* after a policy change */
	uint64_t drops[HNV_DROP_REASONS];
};

/*
 * The settings of a switch's unified flow tables.  In a SWITCH_SET request,
 * has says which of them are given; in a switch reply, has_uft says that
 * the kernel reported them (one without flow-table limits does not).
 */
#define HNV_UFT_SET_MAX		0x1
#define HNV_UFT_SET_PORT_MAX	0x2
#define HNV_UFT_SET_IDLE_MS	0x4

struct hnv_uft_conf {
	unsigned int has;		/* HNV_UFT_SET_*, requests only */
	uint32_t max;			/* flows of the switch */
	uint32_t port_max;		/* flows of one port */
	uint32_t idle_ms;		/* idle time before removal */
};

struct hnv_switch {
	uint32_t ifindex;
	char ifname[IFNAMSIZ];
	uint32_t nports;
	bool has_uft;			/* uft and nflows were reported */
	struct hnv_uft_conf uft;
	uint32_t nflows;		/* flows cached now */
	struct hnv_stats stats;
};

struct hnv_port {
	uint32_t ifindex;
	char ifname[IFNAMSIZ];
	uint32_t switch_ifindex;
	uint32_t vsid;			/* 0: not bound */
	bool has_mac;
	uint8_t mac[ETH_ALEN];		/* if has_mac */
	struct hnv_stats stats;
};

/* A virtual subnet of a switch. */
struct hnv_subnet {
	uint32_t switch_ifindex;
	char switch_ifname[IFNAMSIZ];
	uint32_t vsid;
	uint32_t rdid;
	uint8_t encap;			/* enum hnv_encap */
};

/* One action of a flow. */
struct hnv_action {
	uint16_t type;			/* enum hnv_action_attr */
	uint32_t arg;			/* OUTPUT: ifindex; DROP: reason */
};

/* The optional fields of a flow that its reply carried. */
#define HNV_FLOW_IP_PROTO	0x1
#define HNV_FLOW_L4_SRC		0x2
#define HNV_FLOW_L4_DST		0x4

/* A flow cached in a switch's unified flow table. */
struct hnv_flow {
	uint32_t switch_ifindex;
	uint32_t port_ifindex;		/* the port it enters on */
	uint8_t eth_src[ETH_ALEN];
	uint8_t eth_dst[ETH_ALEN];
	uint16_t eth_type;		/* host byte order */
	unsigned int has;		/* HNV_FLOW_* */
	uint8_t ip_proto;
	uint8_t ip_src_len;		/* 4, 16, or 0 if absent */
	uint8_t ip_dst_len;
	uint8_t ip_src[16];
	uint8_t ip_dst[16];
	uint16_t l4_src;		/* host byte order */
	uint16_t l4_dst;
	uint64_t packets;
	uint64_t bytes;
	uint32_t idle_ms;
	struct hnv_action *actions;	/* in the order they are applied */
	size_t nactions, cap;
};

/* Selects a switch or a port by name and/or ifindex; NULL / 0 if unset. */
struct hnv_sel {
	const char *ifname;
	uint32_t ifindex;
};

struct hnv_switch_list {
	struct hnv_switch *v;
	size_t n, cap;
};

struct hnv_port_list {
	struct hnv_port *v;
	size_t n, cap;
};

struct hnv_subnet_list {
	struct hnv_subnet *v;
	size_t n, cap;
};

struct hnv_flow_list {
	struct hnv_flow *v;
	size_t n, cap;
};

uint64_t hnv_stats_drops(const struct hnv_stats *st);
struct hnv_switch *hnv_switch_list_add(struct hnv_switch_list *l);
void hnv_switch_list_free(struct hnv_switch_list *l);
struct hnv_port *hnv_port_list_add(struct hnv_port_list *l);
void hnv_port_list_free(struct hnv_port_list *l);
struct hnv_subnet *hnv_subnet_list_add(struct hnv_subnet_list *l);
void hnv_subnet_list_free(struct hnv_subnet_list *l);
int hnv_flow_add_action(struct hnv_flow *f, uint16_t type, uint32_t arg);
void hnv_flow_free(struct hnv_flow *f);
struct hnv_flow *hnv_flow_list_add(struct hnv_flow_list *l);
void hnv_flow_list_free(struct hnv_flow_list *l);

#endif
