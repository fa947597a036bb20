/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The objects hnvctl shows, as plain C data: filled in from the kernel's
 * replies by msg.c, printed by output.c.
 */
#ifndef HNVCTL_MODEL_H
#define HNVCTL_MODEL_H

#include <net/if.h>
#include <stddef.h>
#include <stdint.h>

/* Drop reasons hnvctl can hold, indexed by enum hnv_drop_reason. */
#define HNV_DROP_REASONS 64

struct hnv_stats {
	uint64_t rx_packets;
	uint64_t rx_bytes;
	uint64_t tx_packets;
	uint64_t tx_bytes;
	uint64_t drops[HNV_DROP_REASONS];
};

struct hnv_switch {
	uint32_t ifindex;
	char ifname[IFNAMSIZ];
	uint32_t nports;
	struct hnv_stats stats;
};

struct hnv_port {
	uint32_t ifindex;
	char ifname[IFNAMSIZ];
	uint32_t switch_ifindex;
	struct hnv_stats stats;
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

uint64_t hnv_stats_drops(const struct hnv_stats *st);
struct hnv_switch *hnv_switch_list_add(struct hnv_switch_list *l);
void hnv_switch_list_free(struct hnv_switch_list *l);
struct hnv_port *hnv_port_list_add(struct hnv_port_list *l);
void hnv_port_list_free(struct hnv_port_list *l);

#endif
