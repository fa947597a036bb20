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

/* Provider addresses of a switch hnvctl can hold (HNV_PAS_MAX or more). */
#define HNV_PAS 16

/* Customer addresses of a port hnvctl can hold (HNV_PORT_CAS_MAX or more). */
#define HNV_CAS 16

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

/* IPv4 provider addresses (PAs), in network byte order. */
struct hnv_pas {
	unsigned int n;
	uint8_t addr[HNV_PAS][4];
};

/*
 * A HNV_CMD_SWITCH_SET request: the flow-table settings uft.has names,
 * and those of HNV_SWITCH_SET_* that has names.
 */
#define HNV_SWITCH_SET_PAS		0x1	/* pas replaces the list */
#define HNV_SWITCH_SET_VXLAN_PORT	0x2
#define HNV_SWITCH_SET_STRICT		0x4
#define HNV_SWITCH_SET_NVGRE_FLOWID	0x8
#define HNV_SWITCH_SET_ROUTER_MAC	0x10
#define HNV_SWITCH_SET_CONN_TIMEOUT	0x20
#define HNV_SWITCH_SET_CONN_TCP_TIMEOUT	0x40
#define HNV_SWITCH_SET_MAPS_MAX		0x80

struct hnv_switch_conf {
	struct hnv_uft_conf uft;
	unsigned int has;		/* HNV_SWITCH_SET_* */
	struct hnv_pas pas;		/* n == 0: remove them all */
	uint16_t vxlan_port;
	bool strict;			/* strict mode on */
	bool nvgre_flowid;		/* NVGRE FlowID from the flow hash */
	uint8_t router_mac[ETH_ALEN];	/* the distributed router's MAC */
	uint32_t conn_timeout;		/* seconds, of a tracked connection */
	uint32_t conn_tcp_timeout;	/* of an established TCP one */
	uint32_t maps_max;		/* most CA->PA mappings */
};

struct hnv_switch {
	uint32_t ifindex;
	char ifname[IFNAMSIZ];
	uint32_t nports;
	bool has_uft;			/* uft and nflows were reported */
	struct hnv_uft_conf uft;
	uint32_t nflows;		/* flows cached now */
	/* pas, vxlan_port and nmaps were reported (a kernel with maps) */
	bool has_overlay;
	struct hnv_pas pas;
	uint16_t vxlan_port;
	uint32_t nmaps;			/* CA->PA mappings */
	bool has_maps_max;		/* maps_max was reported */
	uint32_t maps_max;		/* most of them (HNV_A_SWITCH_MAPS_MAX) */
	bool has_strict;		/* strict was reported */
	bool strict;			/* strict mode on (HNV_A_SWITCH_STRICT) */
	bool has_nvgre_flowid;		/* nvgre_flowid was reported */
	/* NVGRE FlowID from the flow hash (HNV_A_SWITCH_NVGRE_FLOWID) */
	bool nvgre_flowid;
	bool has_router_mac;		/* router_mac was reported */
	/* the distributed router's MAC (HNV_A_SWITCH_ROUTER_MAC) */
	uint8_t router_mac[ETH_ALEN];
	bool has_nconns;		/* nconns was reported */
	uint32_t nconns;		/* connections tracked now */
	bool has_conn_timeout;		/* conn_timeout was reported */
	uint32_t conn_timeout;		/* seconds (HNV_A_SWITCH_CONN_TIMEOUT) */
	bool has_conn_tcp_timeout;	/* conn_tcp_timeout was reported */
	/* seconds, of an established TCP connection */
	uint32_t conn_tcp_timeout;
	struct hnv_stats stats;
};

/*
 * The customer addresses (CAs) of the VM behind a port, IPv4 and IPv6
 * mixed, in order: address i is len[i] (4 or 16) bytes of addr[i], in
 * network byte order.
 */
struct hnv_cas {
	unsigned int n;
	uint8_t len[HNV_CAS];
	uint8_t addr[HNV_CAS][16];
};

struct hnv_port {
	uint32_t ifindex;
	char ifname[IFNAMSIZ];
	uint32_t switch_ifindex;
	uint32_t vsid;			/* 0: not bound */
	bool has_mac;
	uint8_t mac[ETH_ALEN];		/* if has_mac */
	struct hnv_cas cas;		/* n == 0: none */
	struct hnv_stats stats;
};

/*
 * The IPv4 or IPv6 prefix of a subnet, addresses in network byte order (4
 * or 16 bytes of addr and gateway).  In a SUBNET_NEW request, has_gateway
 * says that the gateway is given (else the kernel takes the first usable
 * address of the prefix); in a reply, that the kernel sent it.
 */
struct hnv_prefix {
	bool has;			/* the subnet has one of the family */
	uint8_t len;			/* in bits */
	uint8_t addr[16];
	bool has_gateway;
	uint8_t gateway[16];
};

/* A virtual subnet of a switch. */
struct hnv_subnet {
	uint32_t switch_ifindex;
	char switch_ifname[IFNAMSIZ];
	uint32_t vsid;
	uint32_t rdid;
	uint8_t encap;			/* enum hnv_encap */
	struct hnv_prefix prefix4;	/* IPv4 */
	struct hnv_prefix prefix6;	/* IPv6 */
};

/* A CA->PA mapping: the VM of MAC mac (and CA ca) in VSID vsid is behind pa. */
struct hnv_map {
	uint32_t switch_ifindex;	/* replies only */
	uint32_t vsid;
	uint8_t mac[ETH_ALEN];
	uint8_t ca_len;			/* 4, 16, or 0 if none */
	uint8_t ca[16];
	uint8_t pa[4];			/* IPv4, network byte order */
};

/*
 * A static route of a switch's distributed router: in RDID rdid, the
 * prefix addr/len is reached through the VM at address via.  addr and via
 * are both alen (4 or 16) bytes, in network byte order.
 */
struct hnv_route {
	uint32_t switch_ifindex;	/* replies only */
	uint32_t rdid;
	uint8_t alen;			/* 4 or 16 */
	uint8_t len;			/* prefix length, in bits */
	uint8_t addr[16];
	uint8_t via[16];
};

/*
 * An ACL rule or default, as an allow action of a flow (HNV_ACTION_A_ACL)
 * or an ACL step of a trace (HNV_STEP_A_ACL) names it: the direction, the
 * port (port_ifindex) or VSID (vsid) whose ACL it is, the priority of the
 * rule or that it is the default; a step adds the action and whether it
 * is stateful.  Or, HNV_ACL_CONN, that the return traffic of a tracked
 * connection, in state conn, passed.  has says which of them the kernel
 * sent (HNV_ACL_STATEFUL and HNV_ACL_DEFAULT are its flags).  A rule of
 * HNV_CMD_ACL_GET has one too, and a request names what it sends in it.
 */
#define HNV_ACL_PORT		0x1
#define HNV_ACL_VSID		0x2
#define HNV_ACL_DIR		0x4
#define HNV_ACL_PRIORITY	0x8
#define HNV_ACL_DEFAULT		0x10
#define HNV_ACL_ACTION		0x20
#define HNV_ACL_STATEFUL	0x40
#define HNV_ACL_CONN		0x80

struct hnv_acl_ref {
	unsigned int has;		/* HNV_ACL_* above */
	uint8_t dir;			/* enum hnv_acl_dir */
	uint32_t port_ifindex;
	uint32_t vsid;
	uint32_t priority;		/* 1 .. 65535, of a rule */
	uint8_t action;			/* enum hnv_acl_action */
	uint8_t conn;			/* enum hnv_conn_state */
};

/* The optional match fields of an ACL rule (struct hnv_acl.has). */
#define HNV_ACL_PROTO		0x100
#define HNV_ACL_SPORT_MIN	0x200
#define HNV_ACL_SPORT_MAX	0x400
#define HNV_ACL_DPORT_MIN	0x800
#define HNV_ACL_DPORT_MAX	0x1000
#define HNV_ACL_HITS		0x2000

/* A prefix of an ACL rule: alen (4 or 16) bytes of addr, len bits. */
struct hnv_acl_prefix {
	uint8_t alen;			/* 0: any address */
	uint8_t len;
	uint8_t addr[16];		/* network byte order */
};

/*
 * An ACL rule, or the default action, of a port or of a VSID: its key,
 * direction and action in ref, what it matches, and in a reply its hit
 * counter and the switch.  has holds the HNV_ACL_PROTO .. HNV_ACL_HITS
 * bits; a prefix is there if its alen is.
 */
struct hnv_acl {
	uint32_t switch_ifindex;	/* replies only */
	struct hnv_acl_ref ref;
	unsigned int has;
	uint8_t proto;
	struct hnv_acl_prefix src, dst;
	uint16_t sport_min, sport_max;	/* host byte order */
	uint16_t dport_min, dport_max;
	uint64_t hits;
};

/*
 * A connection a switch tracks for its stateful ACLs: in RDID rdid, the
 * initiator src:sport opened it to the responder dst:dport (ports 0 for
 * ICMP).
 */
struct hnv_conn {
	uint32_t switch_ifindex;
	uint32_t rdid;
	uint8_t proto;
	uint8_t alen;			/* 4 or 16 */
	uint8_t src[16];		/* network byte order */
	uint8_t dst[16];
	uint16_t sport;			/* host byte order */
	uint16_t dport;
	uint8_t state;			/* enum hnv_conn_state */
	uint32_t expires_ms;
};

/* The encapsulation of an HNV_ACTION_A_ENCAP action. */
struct hnv_encap_action {
	uint8_t type;			/* enum hnv_encap */
	uint32_t vni;
	uint8_t src[4];			/* outer source: a PA of the switch */
	uint8_t dst[4];			/* the destination PA */
};

/*
 * One action of a flow.  An ECHO action (the gateway answers the ping) has
 * no argument.
 */
struct hnv_action {
	uint16_t type;			/* enum hnv_action_attr */
	/* OUTPUT: ifindex; DROP: reason; ICMP: type << 8 | code */
	uint32_t arg;
	struct hnv_encap_action encap;	/* ENCAP */
	/* REPLY: the MAC answered with; ROUTE: the destination VM's MAC */
	uint8_t mac[ETH_ALEN];
	struct hnv_acl_ref acl;		/* ACL: the rule that allowed it */
};

/* The optional fields of a flow that its reply carried. */
#define HNV_FLOW_IP_PROTO	0x1
#define HNV_FLOW_L4_SRC		0x2
#define HNV_FLOW_L4_DST		0x4
/* a flow of the uplink, from the physical network: vsid and tun_src */
#define HNV_FLOW_UPLINK		0x8
/* a packet to trace: eth_src, eth_dst given (else the kernel's default) */
#define HNV_FLOW_ETH_SRC	0x10
#define HNV_FLOW_ETH_DST	0x20

/* A flow cached in a switch's unified flow table. */
struct hnv_flow {
	uint32_t switch_ifindex;
	/* the port it enters on; the switch for a flow of the uplink */
	uint32_t port_ifindex;
	uint32_t vsid;			/* uplink: the VNI it arrived with */
	uint8_t tun_src[4];		/* uplink: the outer source, a PA */
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

/* "acl-out", as a step of a trace names its layer; longer ones are cut */
#define HNV_LAYER_NAMSIZ 32

/*
 * A step of a trace: the layer, the ACL rule that decided there if it is
 * an ACL step (has_acl), and the actions it composed (those of actions;
 * the rest of it is unused).
 */
struct hnv_trace_step {
	char layer[HNV_LAYER_NAMSIZ];
	bool has_acl;
	struct hnv_acl_ref acl;
	struct hnv_flow actions;
};

/*
 * The answer to HNV_CMD_TRACE: the packet as the switch composed it, with
 * its switch, port and actions (flow), and the steps taken, in order.
 */
struct hnv_trace {
	struct hnv_flow flow;
	struct hnv_trace_step *steps;
	size_t nsteps, cap;
};

/*
 * A notification of the "events" multicast group.  cmd says which; each
 * comes from a switch.  HNV_CMD_NEIGH_MISS: port_ifindex asked, in VSID
 * vsid, for the address addr, which the switch knows no MAC of.
 */
struct hnv_event {
	uint8_t cmd;			/* enum hnv_cmd: HNV_CMD_NEIGH_MISS */
	uint32_t switch_ifindex;
	uint32_t port_ifindex;
	uint32_t vsid;
	uint8_t addr_len;		/* 4 or 16 */
	uint8_t addr[16];		/* network byte order */
};

/* Selects a switch or a port by name and/or ifindex; NULL / 0 if unset. */
struct hnv_sel {
	const char *ifname;
	uint32_t ifindex;
};

/*
 * Whose ACL a request names: a port's (port, of switch sw if that is
 * set), or VSID vsid's of switch sw; or, for a dump or a flush, those of
 * switch sw (or of every switch, for a dump).
 */
struct hnv_acl_sel {
	struct hnv_sel sw;
	struct hnv_sel port;
	uint32_t vsid;			/* 0: none */
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

struct hnv_map_list {
	struct hnv_map *v;
	size_t n, cap;
};

struct hnv_route_list {
	struct hnv_route *v;
	size_t n, cap;
};

struct hnv_acl_list {
	struct hnv_acl *v;
	size_t n, cap;
};

struct hnv_conn_list {
	struct hnv_conn *v;
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
int hnv_flow_add_encap(struct hnv_flow *f, const struct hnv_encap_action *e);
int hnv_flow_add_reply(struct hnv_flow *f, const uint8_t mac[ETH_ALEN]);
int hnv_flow_add_route(struct hnv_flow *f, const uint8_t mac[ETH_ALEN]);
int hnv_flow_add_acl(struct hnv_flow *f, const struct hnv_acl_ref *acl);
void hnv_flow_free(struct hnv_flow *f);
struct hnv_flow *hnv_flow_list_add(struct hnv_flow_list *l);
void hnv_flow_list_free(struct hnv_flow_list *l);
struct hnv_map *hnv_map_list_add(struct hnv_map_list *l);
void hnv_map_list_free(struct hnv_map_list *l);
struct hnv_route *hnv_route_list_add(struct hnv_route_list *l);
void hnv_route_list_free(struct hnv_route_list *l);
struct hnv_acl *hnv_acl_list_add(struct hnv_acl_list *l);
void hnv_acl_list_free(struct hnv_acl_list *l);
struct hnv_conn *hnv_conn_list_add(struct hnv_conn_list *l);
void hnv_conn_list_free(struct hnv_conn_list *l);
struct hnv_trace_step *hnv_trace_add_step(struct hnv_trace *t);
void hnv_trace_free(struct hnv_trace *t);

#endif
