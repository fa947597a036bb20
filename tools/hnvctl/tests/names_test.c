// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of names.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <linux/hnv.h>

#include "names.h"
#include "test.h"
#include "util.h"

/* A drop reason's name is a JSON key: lower case, digits and '-'. */
static bool key_safe(const char *s)
{
	for (; *s; s++)
		if (!islower((unsigned char)*s) &&
		    !isdigit((unsigned char)*s) && *s != '-')
			return false;
	return true;
}

static void event_tests(void)
{
	unsigned int cmd;
	bool ok = true;

	check_str(event_name(HNV_CMD_NEIGH_MISS), "neigh-miss",
		  "event_name HNV_CMD_NEIGH_MISS");
	for (cmd = 0; cmd < __HNV_CMD_MAX; cmd++)
		if (cmd != HNV_CMD_NEIGH_MISS && event_name(cmd))
			ok = false;
	check(ok && !event_name(__HNV_CMD_MAX) && !event_name(4294967295u),
	      "event_name: NULL for requests and unknown commands");
	check(key_safe(event_name(HNV_CMD_NEIGH_MISS)),
	      "an event's name is JSON-safe");
}

static void encap_tests(void)
{
	static const struct {
		const char *word;
		unsigned int encap;
	} words[] = {
		{ "vxlan", HNV_ENCAP_VXLAN },
		{ "vx", HNV_ENCAP_VXLAN },
		{ "nvgre", HNV_ENCAP_NVGRE },
		{ "n", HNV_ENCAP_NVGRE },
		{ "", HNV_ENCAP_UNSPEC },
		{ "gre", HNV_ENCAP_UNSPEC },
		{ "VXLAN", HNV_ENCAP_UNSPEC },
		{ "vxlan1", HNV_ENCAP_UNSPEC },
	};
	char buf[ENCAP_NAMSIZ];
	size_t i;

	check_str(encap_name(HNV_ENCAP_VXLAN, buf, sizeof(buf)), "vxlan",
		  "encap_name vxlan");
	check_str(encap_name(HNV_ENCAP_NVGRE, buf, sizeof(buf)), "nvgre",
		  "encap_name nvgre");
	check(!strcmp(encap_name(HNV_ENCAP_UNSPEC, buf, sizeof(buf)),
		      "encap-0") &&
	      !strcmp(encap_name(__HNV_ENCAP_MAX, buf, sizeof(buf)),
		      "encap-3") &&
	      !strcmp(encap_name(4294967295u, buf, sizeof(buf)),
		      "encap-4294967295"),
	      "encap_name of unknown encaps is encap-N");
	for (i = 0; i < ARRAY_SIZE(words); i++)
		check_int(encap_parse(words[i].word), words[i].encap,
			  "encap_parse \"%s\"", words[i].word);
}

static void flow_name_tests(void)
{
	static const uint8_t mac[ETH_ALEN] = { 0x02, 0xab, 0xcd, 0xef, 0, 0xff };
	char buf[ETH_TYPE_NAMSIZ], m[MAC_NAMSIZ];

	check(!strcmp(eth_type_name(0x0800, buf, sizeof(buf)), "ipv4") &&
	      !strcmp(eth_type_name(0x86dd, buf, sizeof(buf)), "ipv6") &&
	      !strcmp(eth_type_name(0x0806, buf, sizeof(buf)), "arp") &&
	      !strcmp(eth_type_name(0x88cc, buf, sizeof(buf)), "0x88cc") &&
	      !strcmp(eth_type_name(0, buf, sizeof(buf)), "0x0000") &&
	      !strcmp(eth_type_name(0xffff, buf, sizeof(buf)), "0xffff"),
	      "eth_type_name: ipv4, ipv6, arp, else 0xNNNN");
	check(!strcmp(ip_proto_name(6, buf, sizeof(buf)), "tcp") &&
	      !strcmp(ip_proto_name(17, buf, sizeof(buf)), "udp") &&
	      !strcmp(ip_proto_name(1, buf, sizeof(buf)), "icmp") &&
	      !strcmp(ip_proto_name(58, buf, sizeof(buf)), "icmpv6") &&
	      !strcmp(ip_proto_name(0, buf, sizeof(buf)), "0") &&
	      !strcmp(ip_proto_name(255, buf, sizeof(buf)), "255"),
	      "ip_proto_name: tcp, udp, icmp, icmpv6, else the number");
	check_str(mac_name(mac, m), "02:ab:cd:ef:00:ff",
		  "mac_name: lower case, two digits an octet");
}

void names_tests(void)
{
	char buf[DROP_REASON_NAMSIZ], other[DROP_REASON_NAMSIZ];
	unsigned int r, s;
	bool ok = true;

	check_str(drop_reason_name(HNV_DROP_PORT_UNBOUND, buf, sizeof(buf)),
		  "port-unbound", "drop reason HNV_DROP_PORT_UNBOUND");
	check_str(drop_reason_name(HNV_DROP_SWITCH_XMIT, buf, sizeof(buf)),
		  "switch-xmit", "drop reason HNV_DROP_SWITCH_XMIT");
	check_str(drop_reason_name(HNV_DROP_NO_SUBNET, buf, sizeof(buf)),
		  "no-subnet", "drop reason HNV_DROP_NO_SUBNET");
	check_str(drop_reason_name(HNV_DROP_SRC_MAC, buf, sizeof(buf)),
		  "src-mac", "drop reason HNV_DROP_SRC_MAC");
	check_str(drop_reason_name(HNV_DROP_NO_DEST, buf, sizeof(buf)),
		  "no-dest", "drop reason HNV_DROP_NO_DEST");
	check_str(drop_reason_name(HNV_DROP_MALFORMED, buf, sizeof(buf)),
		  "malformed", "drop reason HNV_DROP_MALFORMED");
	check(!strcmp(drop_reason_name(HNV_DROP_NO_PA, buf, sizeof(buf)),
		      "no-pa") &&
	      !strcmp(drop_reason_name(HNV_DROP_NO_ROUTE, buf, sizeof(buf)),
		      "no-route") &&
	      !strcmp(drop_reason_name(HNV_DROP_BAD_VXLAN, buf, sizeof(buf)),
		      "bad-vxlan") &&
	      !strcmp(drop_reason_name(HNV_DROP_UNKNOWN_VNI, buf,
				       sizeof(buf)), "unknown-vni"),
	      "drop reasons no-pa, no-route, bad-vxlan, unknown-vni");
	check_str(drop_reason_name(HNV_DROP_PA_MISMATCH, buf, sizeof(buf)),
		  "pa-mismatch", "drop reason HNV_DROP_PA_MISMATCH");
	check_str(drop_reason_name(HNV_DROP_TOO_BIG, buf, sizeof(buf)),
		  "too-big", "drop reason HNV_DROP_TOO_BIG");
	check(!strcmp(drop_reason_name(HNV_DROP_SPOOF, buf, sizeof(buf)),
		      "spoof") &&
	      !strcmp(drop_reason_name(HNV_DROP_NEIGH_UNKNOWN, buf,
				       sizeof(buf)), "neigh-unknown") &&
	      !strcmp(drop_reason_name(HNV_DROP_NEIGH_SELF, buf, sizeof(buf)),
		      "neigh-self"),
	      "drop reasons spoof, neigh-unknown, neigh-self");
	check_str(drop_reason_name(HNV_DROP_TTL, buf, sizeof(buf)),
		  "ttl", "drop reason HNV_DROP_TTL");
	check_str(drop_reason_name(HNV_DROP_UNSPEC, buf, sizeof(buf)),
		  "reason-0", "drop reason HNV_DROP_UNSPEC is unnamed");
	snprintf(other, sizeof(other), "reason-%u",
		 (unsigned int)__HNV_DROP_MAX);
	check_str(drop_reason_name(__HNV_DROP_MAX, buf, sizeof(buf)), other,
		  "drop reason past HNV_DROP_MAX is reason-N");
	check_str(drop_reason_name(4294967295u, buf, sizeof(buf)),
		  "reason-4294967295", "the longest reason-N fits the buffer");
	check(!drop_reason_known(HNV_DROP_UNSPEC) &&
	      !drop_reason_known(__HNV_DROP_MAX) &&
	      !drop_reason_known(4294967295u),
	      "drop_reason_known: not UNSPEC nor past HNV_DROP_MAX");

	for (r = 1; r <= HNV_DROP_MAX; r++) {
		const char *name = drop_reason_name(r, buf, sizeof(buf));

		if (!drop_reason_known(r) || !key_safe(name) ||
		    !strncmp(name, "reason-", 7))
			ok = false;
		for (s = 1; s < r; s++)
			if (!strcmp(name, drop_reason_name(s, other,
							   sizeof(other))))
				ok = false;
	}
	check(ok, "every drop reason has a distinct JSON-safe name");

	check_str(hnv_attr_name(HNV_A_SWITCH_IFNAME), "HNV_A_SWITCH_IFNAME",
		  "hnv_attr_name HNV_A_SWITCH_IFNAME");
	check_str(hnv_attr_name(HNV_A_PORT_STATS), "HNV_A_PORT_STATS",
		  "hnv_attr_name HNV_A_PORT_STATS");
	check(!strcmp(hnv_attr_name(HNV_A_ROUTE_PREFIX),
		      "HNV_A_ROUTE_PREFIX") &&
	      !strcmp(hnv_attr_name(HNV_A_ROUTE_VIA), "HNV_A_ROUTE_VIA"),
	      "hnv_attr_name of the static route attributes");
	check(!hnv_attr_name(HNV_A_UNSPEC) && !hnv_attr_name(-1) &&
	      !hnv_attr_name(__HNV_A_MAX),
	      "hnv_attr_name: NULL for UNSPEC, negative and unknown types");
	check(!strcmp(hnv_attr_name(HNV_A_VSID), "HNV_A_VSID") &&
	      !strcmp(hnv_attr_name(HNV_A_RDID), "HNV_A_RDID") &&
	      !strcmp(hnv_attr_name(HNV_A_ENCAP), "HNV_A_ENCAP") &&
	      !strcmp(hnv_attr_name(HNV_A_PORT_MAC), "HNV_A_PORT_MAC") &&
	      !strcmp(hnv_attr_name(HNV_A_FLOW), "HNV_A_FLOW"),
	      "hnv_attr_name of the subnet and flow attributes");
	check(!strcmp(hnv_attr_name(HNV_A_SWITCH_PAS), "HNV_A_SWITCH_PAS") &&
	      !strcmp(hnv_attr_name(HNV_A_SWITCH_VXLAN_PORT),
		      "HNV_A_SWITCH_VXLAN_PORT") &&
	      !strcmp(hnv_attr_name(HNV_A_SWITCH_NMAPS),
		      "HNV_A_SWITCH_NMAPS") &&
	      !strcmp(hnv_attr_name(HNV_A_MAP_MAC), "HNV_A_MAP_MAC") &&
	      !strcmp(hnv_attr_name(HNV_A_MAP_CA), "HNV_A_MAP_CA") &&
	      !strcmp(hnv_attr_name(HNV_A_MAP_PA), "HNV_A_MAP_PA") &&
	      !strcmp(hnv_attr_name(HNV_A_REPLACE), "HNV_A_REPLACE"),
	      "hnv_attr_name of the PA and mapping attributes");
	check_str(hnv_attr_name(HNV_A_SWITCH_STRICT), "HNV_A_SWITCH_STRICT",
		  "hnv_attr_name HNV_A_SWITCH_STRICT");
	check_str(hnv_attr_name(HNV_A_SWITCH_NVGRE_FLOWID),
		  "HNV_A_SWITCH_NVGRE_FLOWID",
		  "hnv_attr_name HNV_A_SWITCH_NVGRE_FLOWID");
	check(!strcmp(hnv_attr_name(HNV_A_SUBNET_PREFIX4),
		      "HNV_A_SUBNET_PREFIX4") &&
	      !strcmp(hnv_attr_name(HNV_A_SUBNET_PREFIX6),
		      "HNV_A_SUBNET_PREFIX6") &&
	      !strcmp(hnv_attr_name(HNV_A_PORT_CAS), "HNV_A_PORT_CAS"),
	      "hnv_attr_name of the prefix and CA attributes");
	check(!strcmp(hnv_attr_name(HNV_A_SWITCH_ROUTER_MAC),
		      "HNV_A_SWITCH_ROUTER_MAC") &&
	      !strcmp(hnv_attr_name(HNV_A_MISS_ADDR), "HNV_A_MISS_ADDR"),
	      "hnv_attr_name of the router MAC and neigh-miss attributes");
	for (r = 1, ok = true; r <= HNV_A_MAX; r++)
		if (!hnv_attr_name(r))
			ok = false;
	check(ok, "every hnv attribute has a name");
	event_tests();
	encap_tests();
	flow_name_tests();
}
