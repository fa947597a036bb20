// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Readable names for the numbers of the hnv API.
 */
#include <assert.h>
#include <net/ethernet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include <linux/hnv.h>

#include "names.h"
#include "parse.h"
#include "util.h"

/* These names are JSON keys: never rename one. */
static const char *const drop_reasons[] = {
	[HNV_DROP_PORT_UNBOUND]	= "port-unbound",
	[HNV_DROP_SWITCH_XMIT]	= "switch-xmit",
	[HNV_DROP_NO_SUBNET]	= "no-subnet",
	[HNV_DROP_SRC_MAC]	= "src-mac",
	[HNV_DROP_NO_DEST]	= "no-dest",
	[HNV_DROP_MALFORMED]	= "malformed",
	[HNV_DROP_NO_PA]	= "no-pa",
	[HNV_DROP_NO_ROUTE]	= "no-route",
	[HNV_DROP_BAD_VXLAN]	= "bad-vxlan",
	[HNV_DROP_UNKNOWN_VNI]	= "unknown-vni",
	[HNV_DROP_PA_MISMATCH]	= "pa-mismatch",
	[HNV_DROP_TOO_BIG]	= "too-big",
	[HNV_DROP_BAD_NVGRE]	= "bad-nvgre",
	[HNV_DROP_SPOOF]	= "spoof",
	[HNV_DROP_NEIGH_UNKNOWN] = "neigh-unknown",
	[HNV_DROP_NEIGH_SELF]	= "neigh-self",
	[HNV_DROP_TTL]		= "ttl",
	[HNV_DROP_ACL]		= "acl",
};

static_assert(ARRAY_SIZE(drop_reasons) == __HNV_DROP_MAX,
	      "a new enum hnv_drop_reason needs its name in drop_reasons[]");

static const char *const attrs[] = {
	[HNV_A_SWITCH_IFINDEX]	= "HNV_A_SWITCH_IFINDEX",
	[HNV_A_SWITCH_IFNAME]	= "HNV_A_SWITCH_IFNAME",
	[HNV_A_SWITCH_NPORTS]	= "HNV_A_SWITCH_NPORTS",
	[HNV_A_SWITCH_STATS]	= "HNV_A_SWITCH_STATS",
	[HNV_A_PORT_IFINDEX]	= "HNV_A_PORT_IFINDEX",
	[HNV_A_PORT_IFNAME]	= "HNV_A_PORT_IFNAME",
	[HNV_A_PORT_STATS]	= "HNV_A_PORT_STATS",
	[HNV_A_VSID]		= "HNV_A_VSID",
	[HNV_A_RDID]		= "HNV_A_RDID",
	[HNV_A_ENCAP]		= "HNV_A_ENCAP",
	[HNV_A_PORT_MAC]	= "HNV_A_PORT_MAC",
	[HNV_A_FLOW]		= "HNV_A_FLOW",
	[HNV_A_SWITCH_UFT_MAX]	= "HNV_A_SWITCH_UFT_MAX",
	[HNV_A_SWITCH_UFT_PORT_MAX] = "HNV_A_SWITCH_UFT_PORT_MAX",
	[HNV_A_SWITCH_UFT_IDLE_MS] = "HNV_A_SWITCH_UFT_IDLE_MS",
	[HNV_A_SWITCH_NFLOWS]	= "HNV_A_SWITCH_NFLOWS",
	[HNV_A_SWITCH_PAS]	= "HNV_A_SWITCH_PAS",
	[HNV_A_SWITCH_VXLAN_PORT] = "HNV_A_SWITCH_VXLAN_PORT",
	[HNV_A_MAP_MAC]		= "HNV_A_MAP_MAC",
	[HNV_A_MAP_CA]		= "HNV_A_MAP_CA",
	[HNV_A_MAP_PA]		= "HNV_A_MAP_PA",
	[HNV_A_SWITCH_NMAPS]	= "HNV_A_SWITCH_NMAPS",
	[HNV_A_REPLACE]		= "HNV_A_REPLACE",
	[HNV_A_SWITCH_STRICT]	= "HNV_A_SWITCH_STRICT",
	[HNV_A_SWITCH_NVGRE_FLOWID] = "HNV_A_SWITCH_NVGRE_FLOWID",
	[HNV_A_SUBNET_PREFIX4]	= "HNV_A_SUBNET_PREFIX4",
	[HNV_A_SUBNET_PREFIX6]	= "HNV_A_SUBNET_PREFIX6",
	[HNV_A_PORT_CAS]	= "HNV_A_PORT_CAS",
	[HNV_A_SWITCH_ROUTER_MAC] = "HNV_A_SWITCH_ROUTER_MAC",
	[HNV_A_MISS_ADDR]	= "HNV_A_MISS_ADDR",
	[HNV_A_ROUTE_PREFIX]	= "HNV_A_ROUTE_PREFIX",
	[HNV_A_ROUTE_VIA]	= "HNV_A_ROUTE_VIA",
	[HNV_A_ACL]		= "HNV_A_ACL",
	[HNV_A_CONN]		= "HNV_A_CONN",
	[HNV_A_TRACE]		= "HNV_A_TRACE",
	[HNV_A_SWITCH_CONN_TIMEOUT] = "HNV_A_SWITCH_CONN_TIMEOUT",
	[HNV_A_SWITCH_CONN_TCP_TIMEOUT] = "HNV_A_SWITCH_CONN_TCP_TIMEOUT",
	[HNV_A_SWITCH_NCONNS]	= "HNV_A_SWITCH_NCONNS",
	[HNV_A_SWITCH_MAPS_MAX]	= "HNV_A_SWITCH_MAPS_MAX",
};

static_assert(ARRAY_SIZE(attrs) == __HNV_A_MAX,
	      "a new enum hnv_attr needs its name in attrs[]");

/* Words of the command line and JSON values: never rename one. */
static const char *const encaps[] = {
	[HNV_ENCAP_VXLAN]	= "vxlan",
	[HNV_ENCAP_NVGRE]	= "nvgre",
};

static_assert(ARRAY_SIZE(encaps) == __HNV_ENCAP_MAX,
	      "a new enum hnv_encap needs its name in encaps[]");

/* Words of the command line and JSON values: never rename one. */
static const char *const acl_dirs[] = {
	[HNV_ACL_DIR_IN]	= "in",
	[HNV_ACL_DIR_OUT]	= "out",
};

static_assert(ARRAY_SIZE(acl_dirs) == __HNV_ACL_DIR_MAX,
	      "a new enum hnv_acl_dir needs its name in acl_dirs[]");

static const char *const acl_actions[] = {
	[HNV_ACL_ACTION_ALLOW]	= "allow",
	[HNV_ACL_ACTION_DENY]	= "deny",
};

static_assert(ARRAY_SIZE(acl_actions) == __HNV_ACL_ACTION_MAX,
	      "a new enum hnv_acl_action needs its name in acl_actions[]");

/* JSON values: never rename one. */
static const char *const conn_states[] = {
	[HNV_CONN_NEW]		= "new",
	[HNV_CONN_ESTABLISHED]	= "established",
	[HNV_CONN_CLOSING]	= "closing",
	[HNV_CONN_CLOSED]	= "closed",
};

static_assert(ARRAY_SIZE(conn_states) == __HNV_CONN_MAX,
	      "a new enum hnv_conn_state needs its name in conn_states[]");

/*
 * The commands that are notifications of the "events" group, by the word
 * "hnvctl monitor" prints them with (JSON values: never rename one); the
 * others are requests.
 */
static const char *const events[__HNV_CMD_MAX] = {
	[HNV_CMD_NEIGH_MISS]	= "neigh-miss",
};

bool drop_reason_known(unsigned int reason)
{
	return reason < ARRAY_SIZE(drop_reasons) && drop_reasons[reason];
}

/* The name of a drop reason; "reason-N" (written to buf) if unknown. */
const char *drop_reason_name(unsigned int reason, char *buf, size_t len)
{
	if (drop_reason_known(reason))
		return drop_reasons[reason];
	snprintf(buf, len, "reason-%u", reason);
	return buf;
}

/* The name of an encapsulation; "encap-N" (written to buf) if unknown. */
const char *encap_name(unsigned int encap, char *buf, size_t len)
{
	if (encap < ARRAY_SIZE(encaps) && encaps[encap])
		return encaps[encap];
	snprintf(buf, len, "encap-%u", encap);
	return buf;
}

/*
 * The enum hnv_encap that word names, or any unambiguous prefix of it ("vx"
 * is vxlan); HNV_ENCAP_UNSPEC if it names none.
 */
unsigned int encap_parse(const char *word)
{
	/* encaps[] without HNV_ENCAP_UNSPEC, which has no name */
	int i = keyword_match(word, encaps + 1, ARRAY_SIZE(encaps) - 1,
			      sizeof(encaps[0]));

	return i >= 0 ? (unsigned int)i + 1 : HNV_ENCAP_UNSPEC;
}

/* The name of an ACL direction; "dir-N" (written to buf) if unknown. */
const char *acl_dir_name(unsigned int dir, char *buf, size_t len)
{
	if (dir < ARRAY_SIZE(acl_dirs) && acl_dirs[dir])
		return acl_dirs[dir];
	snprintf(buf, len, "dir-%u", dir);
	return buf;
}

/*
 * The enum hnv_acl_dir that word names, "in" or "out" exactly;
 * HNV_ACL_DIR_UNSPEC if it names none.
 */
unsigned int acl_dir_parse(const char *word)
{
	unsigned int i;

	for (i = 1; i < ARRAY_SIZE(acl_dirs); i++)
		if (!strcmp(word, acl_dirs[i]))
			return i;
	return HNV_ACL_DIR_UNSPEC;
}

/* The name of an ACL action; "action-N" (written to buf) if unknown. */
const char *acl_action_name(unsigned int action, char *buf, size_t len)
{
	if (action < ARRAY_SIZE(acl_actions) && acl_actions[action])
		return acl_actions[action];
	snprintf(buf, len, "action-%u", action);
	return buf;
}

/*
 * The name of the state of a tracked connection; "state-N" (written to
 * buf) if unknown.
 */
const char *conn_state_name(unsigned int state, char *buf, size_t len)
{
	if (state < ARRAY_SIZE(conn_states) && conn_states[state])
		return conn_states[state];
	snprintf(buf, len, "state-%u", state);
	return buf;
}

/* The name of an event (a command of the "events" group), NULL if none. */
const char *event_name(unsigned int cmd)
{
	return cmd < ARRAY_SIZE(events) ? events[cmd] : NULL;
}

/* "ipv4", "ipv6", "arp", else "0xNNNN" (written to buf). */
const char *eth_type_name(uint16_t type, char *buf, size_t len)
{
	switch (type) {
	case ETH_P_IP:
		return "ipv4";
	case ETH_P_IPV6:
		return "ipv6";
	case ETH_P_ARP:
		return "arp";
	}
	snprintf(buf, len, "0x%04x", type);
	return buf;
}

/* "tcp", "udp", "icmp", "icmpv6", else the number (written to buf). */
const char *ip_proto_name(uint8_t proto, char *buf, size_t len)
{
	switch (proto) {
	case IPPROTO_TCP:
		return "tcp";
	case IPPROTO_UDP:
		return "udp";
	case IPPROTO_ICMP:
		return "icmp";
	case IPPROTO_ICMPV6:
		return "icmpv6";
	}
	snprintf(buf, len, "%u", proto);
	return buf;
}

/*
 * The IP protocol word names: "tcp", "udp", "icmp", "icmpv6" (exactly),
 * or a number from 0 to 255.  Returns 0, or -1 if it names none.
 */
int ip_proto_parse(const char *word, uint8_t *proto)
{
	static const struct {
		const char *name;
		uint8_t proto;
	} names[] = {
		{ "tcp", IPPROTO_TCP },
		{ "udp", IPPROTO_UDP },
		{ "icmp", IPPROTO_ICMP },
		{ "icmpv6", IPPROTO_ICMPV6 },
	};
	uint32_t v;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (!strcmp(word, names[i].name)) {
			*proto = names[i].proto;
			return 0;
		}
	}
	if (parse_u32(word, 0, 255, &v))
		return -1;
	*proto = v;
	return 0;
}

/* aa:bb:cc:dd:ee:ff, in lower case. */
const char *mac_name(const uint8_t mac[ETH_ALEN], char buf[MAC_NAMSIZ])
{
	snprintf(buf, MAC_NAMSIZ, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0],
		 mac[1], mac[2], mac[3], mac[4], mac[5]);
	return buf;
}

/* The name of a top-level hnv attribute, NULL if unknown. */
const char *hnv_attr_name(int type)
{
	if (type < 0 || (size_t)type >= ARRAY_SIZE(attrs))
		return NULL;
	return attrs[type];
}
