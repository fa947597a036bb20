/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Internal definitions shared by the files of hnv.ko.
 */
#ifndef _HNV_H
#define _HNV_H

#include <linux/etherdevice.h>
#include <linux/hashtable.h>
#include <linux/if_arp.h>
#include <linux/list.h>
#include <linux/rhashtable-types.h>
#include <linux/workqueue.h>
#include <linux/in6.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/u64_stats_sync.h>
#include <net/netns/generic.h>
#include <uapi/linux/hnv.h>

/**
 * DOC: Locking
 *
 * Configuration (switch and port lists, port attach/detach, the
 * per-namespace generation number) changes only under RTNL: ports come and
 * go through rtnetlink (ndo_add_slave/ndo_del_slave) and netdevice
 * notifiers, which already hold it, and the generic-netlink handlers take
 * it around every read of those lists.
 *
 * The packet path never takes a lock.  A port is found from its device
 * through dev->rx_handler_data (RCU, owned by the core), and its switch
 * through port->sw, which is constant for the port's life.  A port is freed
 * only after netdev_rx_handler_unregister() (which waits for a grace
 * period) and a further kfree_rcu(), so a reader that found it in RCU
 * context can use it until rcu_read_unlock().  The switch outlives its
 * ports: it detaches them all in ndo_uninit before it is freed.
 *
 * Policy (virtual subnets, port bindings, CA->PA mappings, provider
 * addresses, the router MAC) also changes only under RTNL.  Every change
 * bumps sw->gen.  The packet path reads policy under RCU: subnets live in
 * an RCU hash table, ports and each subnet's remote PAs on RCU lists,
 * mappings in two rhashtables (by MAC, by CA), the PA list, a port's
 * customer addresses and the VXLAN socket behind RCU pointers that are
 * replaced whole (old copies freed after a grace period).  Small fields
 * rewritten in place (a port's MAC, the router MAC, a mapping's CA) are
 * read by the slow path only: a torn read there composes a flow stamped
 * with the generation from before the change, recomposed on its next
 * packet.
 *
 * The neighbour-miss rate limits (struct hnv_miss_limit) are updated
 * locklessly with cmpxchg(); a lost race only lets one extra event
 * through or holds one back.
 *
 * Each port has a unified flow table (UFT, an rhashtable of struct
 * hnv_flow).  Packets look their flow up under RCU; a flow composed under
 * an older sw->gen is recomposed on its next packet (its action list is
 * swapped with xchg() and the old one freed after a grace period), so no
 * stale decision survives a policy change.  Flows are removed by the
 * aging worker and by a flush, both under sw->flow_lock (a mutex, taken
 * after RTNL where both are held), and freed after a grace period.  A
 * port's table is destroyed under sw->flow_lock after the port has left
 * the RCU list and its rx handler is gone.
 *
 * ACLs (acl.h) change under RTNL too, and every change bumps sw->gen.
 * A port's ACLs hang off an RCU pointer, a VSID's sit in an RCU hash
 * table; rules are freed after a grace period, whole ACLs (with their
 * classifier's hash tables) after synchronize_rcu().  The classifier's
 * search order is an RCU array replaced whole; its subtables are
 * rhltables.  A default action's verdict is rewritten in place and read
 * by the slow path only, like the router MAC.  Composed actions point at
 * the rules that decided (to count hits) and at output ports: valid while
 * the flow's generation is current, since removing either bumps it.
 *
 * Tracked connections (struct hnv_conn) live in an rhashtable with a
 * reference for the table and one per composed action list that uses
 * them; they are freed with kfree_rcu() when the last goes.  The packet
 * path updates their state and expiry with READ_ONCE/WRITE_ONCE: a lost
 * race only delays a state change by a packet.  The aging worker unlinks
 * dead connections under sw->flow_lock.
 *
 * Counters are per CPU (struct hnv_pcpu_stats, struct hnv_acl_hits) and
 * summed on read.
 */

/**
 * struct hnv_pcpu_stats - per-CPU counters of a switch or a port
 * @rx_packets: frames received from a port
 * @rx_bytes: their bytes
 * @tx_packets: frames sent to a port
 * @tx_bytes: their bytes
 * @drops: dropped frames, indexed by enum hnv_drop_reason
 * @flows_new: flows composed and cached
 * @flows_aged: cached flows removed for being idle
 * @flows_uncached: packets whose flow could not be cached (limits)
 * @flows_recomposed: cached flows recomposed after a policy change
 * @syncp: 64-bit counter consistency on 32-bit hosts
 */
struct hnv_pcpu_stats {
	u64_stats_t rx_packets;
	u64_stats_t rx_bytes;
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
	u64_stats_t drops[__HNV_DROP_MAX];
	u64_stats_t flows_new;
	u64_stats_t flows_aged;
	u64_stats_t flows_uncached;
	u64_stats_t flows_recomposed;
	struct u64_stats_sync syncp;
};

/**
 * struct hnv_stats - a sum of struct hnv_pcpu_stats over the CPUs
 */
struct hnv_stats {
	u64 rx_packets;
	u64 rx_bytes;
	u64 tx_packets;
	u64 tx_bytes;
	u64 drops[__HNV_DROP_MAX];
	u64 flows_new;
	u64 flows_aged;
	u64 flows_uncached;
	u64 flows_recomposed;
};

#define HNV_MISS_SLOTS		64
#define HNV_MISS_PER_SEC	100

/**
 * struct hnv_miss_limit - how often a switch reports neighbour misses
 * @slot: by hash of (VSID, address): the last one reported there and when
 * @window: start (jiffies) of the current second of the per-switch limit
 * @count: events reported in it
 */
struct hnv_miss_limit {
	struct {
		u32 hash;
		unsigned long last;
	} slot[HNV_MISS_SLOTS];
	unsigned long window;
	atomic_t count;
};

/**
 * struct hnv_switch - one virtual switch (the private area of its netdev)
 * @dev: the switch device
 * @net_list: entry in struct hnv_net.switches (RTNL)
 * @ports: attached ports (RTNL)
 * @nports: number of entries in @ports (RTNL)
 * @stats: the switch's own counters (frames sent on @dev itself)
 * @subnets: virtual subnets by VSID (RCU readers, RTNL writers)
 * @nsubnets: entries in @subnets
 * @gen: policy generation, bumped by every policy change (RTNL)
 * @flow_lock: serializes flow removal and table teardown (see DOC: Locking)
 * @flow_gc: the aging worker
 * @nflows: flows cached in all of the ports' tables
 * @uft_max: most flows the switch caches in all
 * @uft_port_max: most flows one port caches
 * @uft_idle_ms: a flow unused this long is removed
 * @maps: CA->PA mappings by (VSID, MAC) (RCU readers, RTNL writers)
 * @maps_ca: the mappings with a CA, by (VSID, CA) (likewise)
 * @nmaps: entries in @maps (RTNL)
 * @maps_max: most entries @maps may have: HNV_CMD_MAP_NEW of a new key
 *	fails with -ENOSPC once @nmaps reaches it (RTNL)
 * @remotes: every subnet's remote hosts, by (VSID, PA) (RTNL)
 * @pas: the switch's provider addresses (RCU; replaced whole under RTNL)
 * @vxlan_port: UDP port of VXLAN, host order (RTNL)
 * @vxlan_sock: the VXLAN socket while the switch has a PA (RCU, RTNL)
 * @nvgre_dev: the metadata-mode gretap device NVGRE arrives on while the
 *	switch has a PA (RTNL)
 * @strict: deliver from the physical network only what comes from the PA
 *	its inner source MAC is mapped to (RTNL writers, READ_ONCE readers)
 * @nvgre_flowid: NVGRE packets carry a FlowID from the inner flow's hash
 *	(else 0) (RTNL writers, READ_ONCE readers)
 * @router_mac: the distributed router's MAC (RTNL writers; read on the
 *	slow path, which a torn read only affects until the generation bump)
 * @miss: the rate limits of HNV_CMD_NEIGH_MISS events
 * @routes: the static routes (RCU readers, RTNL writers)
 * @nroutes: entries in @routes
 * @acls: the VSID ACLs by VSID (RCU readers, RTNL writers)
 * @nacl_rules: ACL rules of the switch, ports' and VSIDs' (RTNL)
 * @nacl_vsids: entries in @acls, at most HNV_SUBNETS_MAX (RTNL)
 * @conns: tracked connections (struct hnv_conn)
 * @nconns: entries in @conns
 * @conn_timeout: seconds a connection lives idle, but an established
 *	TCP one (RTNL writers, READ_ONCE readers)
 * @conn_tcp_timeout: likewise for an established TCP connection
 * @uplink: the physical network as a port: frames decapsulated from it go
 *	through the engine with their own flow table.  Its @dev is the switch
 *	device (no reference of its own) and its counters are @stats.
 */
struct hnv_switch {
	struct net_device *dev;
	struct list_head net_list;
	struct list_head ports;
	u32 nports;
	struct hnv_pcpu_stats __percpu *stats;
	DECLARE_HASHTABLE(subnets, 8);
	u32 nsubnets;
	u32 gen;
	struct mutex flow_lock; /* see DOC: Locking */
	struct delayed_work flow_gc;
	atomic_t nflows;
	u32 uft_max;
	u32 uft_port_max;
	unsigned int uft_idle_ms;
	struct rhashtable maps;
	struct rhashtable maps_ca;
	u32 nmaps;
	u32 maps_max;
	struct rhashtable remotes;
	struct hnv_pas __rcu *pas;
	u16 vxlan_port;
	struct socket __rcu *vxlan_sock;
	struct net_device *nvgre_dev;
	bool strict;
	bool nvgre_flowid;
	struct hnv_port *uplink;
	u8 router_mac[ETH_ALEN];
	struct hnv_miss_limit miss;
	struct list_head routes;
	u32 nroutes;
	DECLARE_HASHTABLE(acls, 6);
	u32 nacl_rules;
	u32 nacl_vsids;
	struct rhashtable conns;
	atomic_t nconns;
	u32 conn_timeout;
	u32 conn_tcp_timeout;
};

/**
 * struct hnv_port - an Ethernet device attached to a switch
 * @dev: the port device (a reference is held while attached)
 * @dev_tracker: reference tracker for @dev
 * @sw: the switch, constant while the port exists
 * @list: entry in @sw->ports (RTNL writers, RCU readers)
 * @stats: counters
 * @vsid: the virtual subnet the port is bound to, 0 if unbound (RTNL
 *	writers; the packet path reads it with READ_ONCE)
 * @mac: the MAC of the VM behind the port (valid while @vsid is set)
 * @cas: the VM's customer addresses, NULL if none (RCU; replaced whole
 *	under RTNL)
 * @acl: the port's ACLs, NULL if none (RCU readers, RTNL writers)
 * @uft: the port's unified flow table
 * @nflows: entries in @uft
 * @rcu: deferred free
 */
struct hnv_port {
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct hnv_switch *sw;
	struct list_head list;
	struct hnv_pcpu_stats __percpu *stats;
	u32 vsid;
	u8 mac[ETH_ALEN];
	struct hnv_port_cas __rcu *cas;
	struct hnv_acl __rcu *acl;
	struct rhashtable uft;
	atomic_t nflows;
	struct rcu_head rcu;
};

/**
 * struct hnv_net - per network namespace state
 * @switches: the namespace's switches (RTNL)
 * @gen: configuration generation, bumped on every change (RTNL); dumps
 *	report it as their sequence so that readers can detect overlap
 */
struct hnv_net {
	struct list_head switches;
	u32 gen;
};

/**
 * union hnv_addr - an IPv4 or an IPv6 address, in network order
 */
union hnv_addr {
	__be32 v4;
	struct in6_addr v6;
};

/**
 * struct hnv_prefix - a virtual subnet's prefix of one address family
 * @len: the prefix length; 0 if the subnet has no prefix of the family
 * @addr: the prefix (no bits set past @len)
 * @gw: the gateway: the distributed router's address in the subnet
 */
struct hnv_prefix {
	u8 len;
	union hnv_addr addr;
	union hnv_addr gw;
};

/**
 * struct hnv_ca - one customer address of a port
 * @v6: @addr is IPv6 (else IPv4)
 * @addr: the address
 */
struct hnv_ca {
	bool v6;
	union hnv_addr addr;
};

/**
 * struct hnv_port_cas - the customer addresses of a port, replaced whole
 * @rcu: deferred free
 * @n: entries in @ca
 * @ca: the addresses
 */
struct hnv_port_cas {
	struct rcu_head rcu;
	u8 n;
	struct hnv_ca ca[];
};

/**
 * struct hnv_route - a static route of the distributed router
 * @list: entry in hnv_switch.routes (RCU readers, RTNL writers)
 * @rdid: the virtual network it belongs to
 * @v6: an IPv6 route (else IPv4)
 * @p: the prefix (@p.gw unused)
 * @via: the next hop, an address in a subnet of @rdid
 * @rcu: deferred free
 */
struct hnv_route {
	struct list_head list;
	u32 rdid;
	bool v6;
	struct hnv_prefix p;
	union hnv_addr via;
	struct rcu_head rcu;
};

/**
 * struct hnv_subnet - a virtual subnet on a switch
 * @node: entry in hnv_switch.subnets
 * @vsid: its VSID
 * @rdid: the virtual network (routing domain) it belongs to
 * @encap: enum hnv_encap
 * @p4: its IPv4 prefix and gateway (@p4.len 0: none)
 * @p6: its IPv6 prefix and gateway (@p6.len 0: none)
 * @remotes: the remote hosts with mappings in the subnet (struct hnv_remote)
 * @rcu: deferred free
 */
struct hnv_subnet {
	struct hlist_node node;
	u32 vsid;
	u32 rdid;
	u8 encap;
	struct hnv_prefix p4;
	struct hnv_prefix p6;
	struct list_head remotes;
	struct rcu_head rcu;
};

/**
 * struct hnv_remote - a remote host with mappings in a virtual subnet
 * @list: entry in hnv_subnet.remotes (RCU readers, RTNL writers)
 * @node: entry in hnv_switch.remotes, for lookup by @key (RTNL)
 * @key: the subnet's VSID and the remote host's provider address
 * @refs: mappings of the subnet behind the PA
 * @rcu: deferred free
 *
 * Broadcast and unknown unicast get one copy per remote host.
 */
struct hnv_remote {
	struct list_head list;
	struct rhash_head node;
	struct hnv_remote_key {
		u32 vsid;
		__be32 pa;
	} key;
	u32 refs;
	struct rcu_head rcu;
};

/**
 * struct hnv_pas - a switch's provider addresses
 * @rcu: deferred free
 * @n: entries in @addr
 * @addr: the addresses
 */
struct hnv_pas {
	struct rcu_head rcu;
	u32 n;
	__be32 addr[HNV_PAS_MAX];
};

/**
 * struct hnv_map_key - what identifies a CA->PA mapping
 * @vsid: the virtual subnet
 * @mac: the VM's MAC
 * @pad: zero
 */
struct hnv_map_key {
	u32 vsid;
	u8 mac[ETH_ALEN];
	u16 pad;
};

/**
 * struct hnv_map - a CA->PA mapping: this VM lives behind that PA
 * @node: entry in hnv_switch.maps
 * @ca_node: entry in hnv_switch.maps_ca while @ca_len is set
 * @key: (VSID, MAC)
 * @pa: the provider address
 * @ca_len: 0 (no CA), 4 or 16
 * @ca: the customer address
 *
 * No rcu_head: freed with the headless kvfree_rcu(), which may sleep (a
 * mapping goes away under RTNL, in process context).  56 bytes, one
 * kmalloc-64 object per mapping.
 */
struct hnv_map {
	struct rhash_head node;
	struct rhash_head ca_node;
	struct hnv_map_key key;
	__be32 pa;
	u8 ca_len;
	union hnv_addr ca;
};

/**
 * struct hnv_ca_key - what a mapping is found by in hnv_switch.maps_ca
 * @vsid: the virtual subnet
 * @len: 4 or 16
 * @ca: the customer address
 */
struct hnv_ca_key {
	u32 vsid;
	u8 len;
	const union hnv_addr *ca;
};

/**
 * struct hnv_flow_key - what identifies a flow within a port's table
 *
 * Zeroed before it is filled, so unused fields (and padding) compare equal.
 * @vsid and @tun_src are set only for frames from the physical network
 * (the uplink's table): the VNI/key they arrived with and the outer source
 * PA.  A VM port's frames are all of the port's VSID.
 *
 * @ip_proto, @l4_src, @l4_dst and @addr hold the IP protocol, ports and
 * addresses; for ICMP and ICMPv6 the ports are the type and code; for an
 * IPv6 neighbour solicitation or advertisement @addr.v6[1] is the target;
 * for ARP (IPv4 over Ethernet) @ip_proto is the operation and @addr.v4
 * the sender and target addresses.  @flags: HNV_KEY_F_*.
 */
struct hnv_flow_key {
	u32 vsid;
	__be32 tun_src;
	u8 eth_dst[ETH_ALEN];
	u8 eth_src[ETH_ALEN];
	__be16 eth_type;
	u8 ip_proto;
	u8 flags;
	__be16 l4_src;
	__be16 l4_dst;
	union {
		__be32 v4[2];
		struct in6_addr v6[2];
	} addr;
};

/**
 * struct hnv_arp - an ARP message for IPv4 over Ethernet
 * @h: the fixed header
 * @sha: sender hardware address
 * @sip: sender protocol address
 * @tha: target hardware address
 * @tip: target protocol address
 */
struct hnv_arp {
	struct arphdr h;
	u8 sha[ETH_ALEN];
	__be32 sip;
	u8 tha[ETH_ALEN];
	__be32 tip;
} __packed;

/* The ARP sender hardware address is not the frame's source MAC. */
#define HNV_KEY_F_ARP_SHA	BIT(0)
/* A neighbour discovery link-layer address option is not (flow.c). */
#define HNV_KEY_F_ND_LLA	BIT(1)
/* Options a neighbour solicitation or advertisement may carry (flow.c). */
#define HNV_ND_OPTS_MAX		8

struct hnv_acl_rule;
struct hnv_conn;

/**
 * struct hnv_acl_ref - which ACL rule decided, as composed actions and
 *	traces remember it
 * @rule: the rule (or default); valid while the flow's generation is
 *	current, like an output's port (removing a rule bumps it)
 * @id: the port's ifindex, or the VSID
 * @prio: the rule's priority; 0 for the default action
 * @dir: enum hnv_acl_dir
 * @vsid: @id is a VSID
 * @action: enum hnv_acl_action
 * @stateful: the rule tracks connections
 * @conn: no rule: return traffic of a tracked connection, in this state
 */
struct hnv_acl_ref {
	const struct hnv_acl_rule *rule;
	u32 id;
	u32 prio;
	u8 dir;
	bool vsid;
	u8 action;
	bool stateful;
	u8 conn;
};

/**
 * struct hnv_action - one step of a composed action list
 * @type: HNV_ACTION_A_OUTPUT, _DROP, _ENCAP, _REPLY, _ROUTE, _ICMP, _ECHO or
 *	_ACL
 * @reason: for a drop, enum hnv_drop_reason
 * @encap: for an encap, enum hnv_encap
 * @router: for a reply, the answer is the gateway's (IPv6: the router flag)
 * @vni: for an encap, the VNI
 * @pa_src: for an encap, the outer source address
 * @pa_dst: for an encap, the outer destination address
 * @mac: for a reply, the MAC to answer with
 * @l3: for a route, the family, the destination VM's MAC and the gateway
 *	that ICMP errors come from; for an ICMP error, also its type and code
 * @acl: for an ACL action, the rule that allowed the packet (counted as
 *	it passes); for a drop by an ACL, the rule that denied it
 * @acl_in: for an output, the rules of the destination's VSID and port
 *	IN ACLs that allowed the packet (NULL: none), counted likewise
 * @ifindex: for an output, the port's ifindex (for dumps: @port may be
 *	gone by the time a stale flow is listed)
 * @port: for an output, the port to send to; valid while the flow's
 *	generation is current (removing a port bumps it)
 */
struct hnv_action {
	u8 type;
	u8 reason;
	u8 encap;
	bool router;
	union {
		struct {
			u32 vni;
			__be32 pa_src;
			__be32 pa_dst;
		};
		u8 mac[ETH_ALEN];
		struct {
			bool v6;
			u8 type;
			u8 code;
			u8 mac[ETH_ALEN];
			union hnv_addr gw;
		} l3;
		struct hnv_acl_ref acl;
		const struct hnv_acl_rule *acl_in[2];
	};
	int ifindex;
	struct hnv_port *port;
};

/**
 * struct hnv_actions - the actions the slow path composed for a flow
 * @rcu: deferred free
 * @conn: the tracked connection the flow belongs to (a reference), or NULL
 * @conn_reply: the flow is @conn's return traffic
 * @n: entries in @a
 * @a: the actions, applied in order
 */
struct hnv_actions {
	struct rcu_head rcu;
	struct hnv_conn *conn;
	bool conn_reply;
	u16 n;
	struct hnv_action a[];
};

/**
 * struct hnv_flow - an entry of a port's unified flow table
 * @node: rhashtable linkage
 * @key: the flow
 * @acts: its composed actions (RCU; replaced with xchg())
 * @gen: the policy generation @acts were composed under
 * @used: jiffies of the last packet
 * @packets: packets of the flow
 * @bytes: their bytes
 * @rcu: deferred free
 */
struct hnv_flow {
	struct rhash_head node;
	struct hnv_flow_key key;
	struct hnv_actions __rcu *acts;
	u32 gen;
	unsigned long used;
	atomic64_t packets;
	atomic64_t bytes;
	struct rcu_head rcu;
};

/* main.c */
extern unsigned int hnv_net_id;

static inline struct hnv_net *hnv_net(const struct net *net)
{
	return net_generic(net, hnv_net_id);
}

/* device.c */
extern struct rtnl_link_ops hnv_link_ops;
extern struct pernet_operations hnv_net_ops;
bool netif_is_hnv_switch(const struct net_device *dev);

/* port.c */
int hnv_port_add(struct hnv_switch *sw, struct net_device *dev,
		 struct netlink_ext_ack *extack);
int hnv_port_del(struct hnv_switch *sw, struct net_device *dev,
		 struct netlink_ext_ack *extack);
void hnv_port_del_all(struct hnv_switch *sw);
int hnv_port_bind(struct hnv_port *port, u32 vsid, const u8 *mac,
		  struct hnv_port_cas *cas, struct netlink_ext_ack *extack);
struct hnv_port *hnv_port_get_rtnl(const struct net_device *dev);
extern struct notifier_block hnv_netdev_notifier;

/* stats.c */
struct hnv_pcpu_stats __percpu *hnv_stats_alloc(void);
void hnv_stats_read(struct hnv_pcpu_stats __percpu *pcpu, struct hnv_stats *sum);
void hnv_stats_add(struct hnv_stats *sum, const struct hnv_stats *s);
int hnv_stats_fill(struct sk_buff *skb, int attrtype, const struct hnv_stats *s);

static inline void hnv_count_drop(struct hnv_pcpu_stats __percpu *pcpu,
				  enum hnv_drop_reason reason)
{
	struct hnv_pcpu_stats *s = this_cpu_ptr(pcpu);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->drops[reason]);
	u64_stats_update_end(&s->syncp);
}

/*
 * Add to a u64_stats_t member of the local CPU's counters.  From the packet
 * path (softirq), or with bottom halves disabled.
 */
#define hnv_count_add(pcpu, member, n) do {				\
	struct hnv_pcpu_stats *__s = this_cpu_ptr(pcpu);		\
									\
	u64_stats_update_begin(&__s->syncp);				\
	u64_stats_add(&__s->member, n);					\
	u64_stats_update_end(&__s->syncp);				\
} while (0)

static inline void hnv_count_rx(struct hnv_pcpu_stats __percpu *pcpu,
				unsigned int len)
{
	struct hnv_pcpu_stats *s = this_cpu_ptr(pcpu);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->rx_packets);
	u64_stats_add(&s->rx_bytes, len);
	u64_stats_update_end(&s->syncp);
}

/* subnet.c */
bool hnv_prefix_contains(const struct hnv_prefix *p, bool v6,
			 const union hnv_addr *a);
struct hnv_subnet *hnv_subnet_find(struct hnv_switch *sw, u32 vsid);
int hnv_subnet_add(struct hnv_switch *sw, const struct hnv_subnet *tmpl,
		   struct netlink_ext_ack *extack);
int hnv_subnet_del(struct hnv_switch *sw, u32 vsid,
		   struct netlink_ext_ack *extack);
void hnv_subnet_del_all(struct hnv_switch *sw);

/* map.c */
int hnv_map_init(struct hnv_switch *sw);
void hnv_map_destroy(struct hnv_switch *sw);
struct hnv_map *hnv_map_find(struct hnv_switch *sw, u32 vsid, const u8 *mac);
struct hnv_map *hnv_map_find_ca(struct hnv_switch *sw, u32 vsid, bool v6,
				const union hnv_addr *ca);
int hnv_map_add(struct hnv_switch *sw, const struct hnv_map *tmpl,
		bool replace, struct netlink_ext_ack *extack);
int hnv_map_del(struct hnv_switch *sw, u32 vsid, const u8 *mac,
		struct netlink_ext_ack *extack);

/* encap.c */
struct flowi4;
struct rtable;
struct rtable *hnv_encap_route(struct hnv_port *port, struct flowi4 *fl4,
			       int overhead, struct sk_buff *skb);

/* vxlan.c */
int hnv_vxlan_open(struct hnv_switch *sw, u16 port,
		   struct netlink_ext_ack *extack);
void hnv_vxlan_close(struct hnv_switch *sw);
void hnv_vxlan_xmit(struct hnv_port *port, const struct hnv_action *a,
		    struct sk_buff *skb);

/* nvgre.c */
int hnv_nvgre_open(struct hnv_switch *sw, struct netlink_ext_ack *extack);
void hnv_nvgre_close(struct hnv_switch *sw);
bool hnv_nvgre_unregistering(struct net_device *dev);
void hnv_nvgre_xmit(struct hnv_port *port, const struct hnv_action *a,
		    struct sk_buff *skb);

/* flow.c */
bool hnv_flow_key_extract(struct sk_buff *skb, struct hnv_flow_key *key);

/* uft.c */
int hnv_uft_init(struct hnv_port *port);
void hnv_uft_destroy(struct hnv_port *port);
void hnv_uft_switch_init(struct hnv_switch *sw);
void hnv_uft_switch_stop(struct hnv_switch *sw);
struct hnv_flow *hnv_uft_lookup(struct hnv_port *port,
				const struct hnv_flow_key *key);
struct hnv_flow *hnv_uft_insert(struct hnv_port *port,
				const struct hnv_flow_key *key,
				struct hnv_actions *acts, u32 gen);
void hnv_uft_flush(struct hnv_switch *sw, struct hnv_port *only);
void hnv_uft_set_idle(struct hnv_switch *sw, unsigned int ms);
int hnv_uplink_init(struct hnv_switch *sw);
void hnv_uplink_destroy(struct hnv_switch *sw);

/* engine.c */
void hnv_actions_free(struct hnv_actions *acts);
void hnv_actions_free_rcu(struct hnv_actions *acts);
rx_handler_result_t hnv_engine_rx(struct hnv_port *port, struct sk_buff *skb);
void hnv_output(struct hnv_port *to, struct sk_buff *skb);
void hnv_engine_decap(struct hnv_switch *sw, u32 vsid, __be32 outer_src,
		      struct sk_buff *skb);

static inline void hnv_policy_changed(struct hnv_switch *sw)
{
	WRITE_ONCE(sw->gen, sw->gen + 1);
}

/* selftest.c, built with HNV_SELFTEST=1 */
int hnv_selftest(void);

/* route.c */
int hnv_route_add(struct hnv_switch *sw, const struct hnv_route *tmpl,
		  bool replace, struct netlink_ext_ack *extack);
int hnv_route_del(struct hnv_switch *sw, const struct hnv_route *tmpl,
		  struct netlink_ext_ack *extack);
void hnv_route_del_all(struct hnv_switch *sw);

/* netlink.c */
int hnv_genl_init(void);
void hnv_genl_exit(void);
void hnv_nl_notify_miss(struct hnv_switch *sw, const struct hnv_port *port,
			u32 vsid, bool v6, const union hnv_addr *addr);

#endif /* _HNV_H */
