/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * DOC: hnv generic netlink API
 *
 * hnv is a network-virtualization switch in the style of HNVv2.  A switch is
 * a net_device of kind "hnv" (``ip link add hnv0 type hnv``); Ethernet
 * devices become its ports with ``ip link set DEV master hnv0``.  Everything
 * beyond the link itself is configured through the generic netlink family
 * named HNV_GENL_NAME, version HNV_GENL_VERSION.  The family is per network
 * namespace: a request only ever sees the switches of the namespace of the
 * socket it arrives on.
 *
 * Permissions
 * -----------
 * Every command requires CAP_NET_ADMIN in the user namespace that owns the
 * network namespace (GENL_UNS_ADMIN_PERM), reads included: the state of a
 * switch describes its tenants' networks.  Otherwise the request fails with
 * -EPERM.
 *
 * Validation and errors
 * ---------------------
 * Every attribute is validated strictly: an unknown attribute, an attribute
 * of the wrong size or an out-of-range value fails the request with -EINVAL
 * (or -ERANGE) before anything is done, and the extended ack carries a
 * message and points at the offending attribute.  Errors found while
 * handling a request (no such switch, device is not an hnv switch, ...)
 * come back the same way: an errno plus an extack message naming the
 * attribute.  Flag words carry an __HNV_*_F_ALL mask; unknown bits are
 * rejected.
 *
 * Selecting a switch
 * ------------------
 * Commands that act on one switch take either
 *
 *    HNV_A_SWITCH_IFINDEX: NLA_U32, the ifindex of the switch device
 *    HNV_A_SWITCH_IFNAME: NLA_NUL_STRING, maximum len IFNAMSIZ - 1
 *
 * If both are given, they must name the same device (else -EINVAL).  No
 * device of that index or name: -ENODEV.  A device that exists but is not
 * an hnv switch: -EOPNOTSUPP.  Ports are selected the same way with
 * HNV_A_PORT_IFINDEX / HNV_A_PORT_IFNAME; a device that is not a port of
 * any switch: -EOPNOTSUPP.
 *
 * Commands
 * --------
 * HNV_CMD_SWITCH_GET
 *    Without NLM_F_DUMP: selects one switch (see above) and replies with
 *    one message describing it.  With NLM_F_DUMP: one message per switch
 *    of the namespace, or only for the selected switch if the request
 *    carries a selector.  A switch is described by (all always present):
 *
 *    HNV_A_SWITCH_IFINDEX: NLA_U32
 *    HNV_A_SWITCH_IFNAME: NLA_NUL_STRING
 *    HNV_A_SWITCH_NPORTS: NLA_U32, number of attached ports
 *    HNV_A_SWITCH_STATS: NLA_NESTED, the switch's own counters plus the sum
 *                        over its ports (see "Counters" below)
 *
 * HNV_CMD_PORT_GET
 *    Without NLM_F_DUMP: HNV_A_PORT_IFINDEX or HNV_A_PORT_IFNAME (top level)
 *    selects one port; a switch selector, if given, must be the port's
 *    switch (else -EINVAL).  With NLM_F_DUMP: one message per port of the
 *    selected switch, or of every switch of the namespace without a
 *    selector; a port selector in a dump is -EINVAL.  A port is described
 *    by (all always present):
 *
 *    HNV_A_SWITCH_IFINDEX: NLA_U32, the switch the port is attached to
 *    HNV_A_SWITCH_IFNAME: NLA_NUL_STRING, its name
 *    HNV_A_PORT_IFINDEX: NLA_U32
 *    HNV_A_PORT_IFNAME: NLA_NUL_STRING
 *    HNV_A_PORT_STATS: NLA_NESTED, the port's counters
 *
 * Dumps
 * -----
 * Dumps are split across as many messages as needed; the per-namespace
 * configuration generation is placed in the netlink sequence check, so a
 * dump that overlaps a configuration change carries NLM_F_DUMP_INTR and
 * should be retried.
 *
 * Counters
 * --------
 * HNV_A_*_STATS is a nest of NLA_U64 (NLA_PAD = HNV_STATS_A_PAD), every
 * counter always present:
 *
 *    HNV_STATS_A_RX_PACKETS / HNV_STATS_A_RX_BYTES: frames received from
 *        ports (from the VMs)
 *    HNV_STATS_A_TX_PACKETS / HNV_STATS_A_TX_BYTES: frames sent to ports
 *    HNV_STATS_A_DROPS: a nest holding one NLA_U64 per enum hnv_drop_reason
 *        whose count is not zero; the attribute type is the reason, and
 *        type 0 (HNV_DROP_UNSPEC) is alignment padding to be skipped.
 *
 * Multicast groups
 * ----------------
 * HNV_MCGRP_EVENTS ("events") carries notifications.  It is declared for
 * listeners; no event is defined yet.
 */

#ifndef _UAPI_LINUX_HNV_H
#define _UAPI_LINUX_HNV_H

#define HNV_GENL_NAME		"hnv"
#define HNV_GENL_VERSION	1
#define HNV_MCGRP_EVENTS	"events"

enum hnv_cmd {
	HNV_CMD_UNSPEC,
	HNV_CMD_SWITCH_GET,
	HNV_CMD_PORT_GET,
	__HNV_CMD_MAX
};
#define HNV_CMD_MAX (__HNV_CMD_MAX - 1)

enum hnv_attr {
	HNV_A_UNSPEC,
	HNV_A_SWITCH_IFINDEX,
	HNV_A_SWITCH_IFNAME,
	HNV_A_SWITCH_NPORTS,
	HNV_A_SWITCH_STATS,
	HNV_A_PORT_IFINDEX,
	HNV_A_PORT_IFNAME,
	HNV_A_PORT_STATS,
	__HNV_A_MAX
};
#define HNV_A_MAX (__HNV_A_MAX - 1)

enum hnv_stats_attr {
	HNV_STATS_A_UNSPEC,
	HNV_STATS_A_PAD,
	HNV_STATS_A_RX_PACKETS,
	HNV_STATS_A_RX_BYTES,
	HNV_STATS_A_TX_PACKETS,
	HNV_STATS_A_TX_BYTES,
	HNV_STATS_A_DROPS,
	__HNV_STATS_A_MAX
};
#define HNV_STATS_A_MAX (__HNV_STATS_A_MAX - 1)

/**
 * enum hnv_drop_reason - why the switch dropped a frame
 * @HNV_DROP_PORT_UNBOUND: the frame came from a port that is not bound to a
 *	virtual subnet; such a port may not send anything
 * @HNV_DROP_SWITCH_XMIT: the frame was sent on the switch device itself,
 *	which is a control handle and carries no traffic
 */
enum hnv_drop_reason {
	HNV_DROP_UNSPEC,
	HNV_DROP_PORT_UNBOUND,
	HNV_DROP_SWITCH_XMIT,
	__HNV_DROP_MAX
};
#define HNV_DROP_MAX (__HNV_DROP_MAX - 1)

#endif /* _UAPI_LINUX_HNV_H */
