// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of the overlay half of msg.c and output.c: the provider addresses,
 * VXLAN port, strict mode and NVGRE FlowID setting of a switch, the CA->PA
 * mappings, the encap action of a flow.  Requests are built and checked
 * attribute by attribute; replies are made up as the kernel would send
 * them, parsed into the model and printed, in both formats, byte for byte.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/hnv.h>

#include "msg.h"
#include "output.h"
#include "test.h"
#include "util.h"

#define FAMILY 0x22

static const uint8_t mac2[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x02 };
static const uint8_t pa10[4] = { 192, 168, 1, 10 };
static const uint8_t pa11[4] = { 192, 168, 1, 11 };
static const uint8_t pa20[4] = { 192, 168, 2, 20 };

static bool is_string(const struct nlattr *a, const char *val)
{
	return is_bytes(a, val, strlen(val) + 1);
}

/*
 * The nest HNV_A_SWITCH_PAS of msg is exactly the n addresses of want, each
 * an attribute of type 1, and has NLA_F_NESTED.
 */
static bool is_pas(struct nl_msg *msg, const uint8_t (*want)[4], int n)
{
	struct nlattr *tb[HNV_A_MAX + 1], *a;
	int rem, i = 0;

	attrs_of(msg, tb);
	if (!tb[HNV_A_SWITCH_PAS] ||
	    !(tb[HNV_A_SWITCH_PAS]->nla_type & NLA_F_NESTED))
		return false;
	nla_for_each_nested(a, tb[HNV_A_SWITCH_PAS], rem) {
		if (i == n || nla_type(a) != 1 || !is_bytes(a, want[i], 4))
			return false;
		i++;
	}
	return i == n && !rem;
}

static void request_tests(void)
{
	struct hnv_switch_conf conf = {
		.uft = { .has = HNV_UFT_SET_MAX, .max = 1000 },
		.has = HNV_SWITCH_SET_PAS | HNV_SWITCH_SET_VXLAN_PORT,
		.pas = { 2, { { 192, 168, 1, 10 }, { 192, 168, 1, 11 } } },
		.vxlan_port = 4789,
	};
	const uint8_t want[2][4] = { { 192, 168, 1, 10 }, { 192, 168, 1, 11 } };
	struct hnv_map map = { .vsid = 5001, .ca_len = 4, .ca = { 10, 1, 1, 12 } };
	struct hnv_sel hnv0 = { .ifname = "hnv0" }, by_index = { .ifindex = 7 };
	struct hnv_sel none = { 0 };
	struct nlattr *tb[HNV_A_MAX + 1];
	struct hnv_pas max = { 0 };
	struct nl_msg *msg;
	uint8_t v6[16];
	int n, i;

	msg = message(HNV_CMD_SWITCH_SET);
	check_int(hnv_put_switch_set(msg, &hnv0, &conf), 0,
		  "SWITCH_SET with PAs and VXLAN port: put");
	n = attrs_of(msg, tb);
	check(n == 4 && is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0") &&
	      is_u32(tb[HNV_A_SWITCH_UFT_MAX], 1000) &&
	      tb[HNV_A_SWITCH_VXLAN_PORT] &&
	      nla_len(tb[HNV_A_SWITCH_VXLAN_PORT]) == 2 &&
	      nla_get_u16(tb[HNV_A_SWITCH_VXLAN_PORT]) == 4789,
	      "SWITCH_SET: switch name, UFT_MAX, u16 VXLAN_PORT, PAS, "
	      "nothing else");
	check(is_pas(msg, want, 2),
	      "SWITCH_SET: HNV_A_SWITCH_PAS is a nest (NLA_F_NESTED) of two "
	      "type-1 attributes of 4 bytes, in order");
	check(!tb[HNV_A_SWITCH_STRICT],
	      "SWITCH_SET without HNV_SWITCH_SET_STRICT: no "
	      "HNV_A_SWITCH_STRICT, whatever conf.strict is");
	check(!tb[HNV_A_SWITCH_NVGRE_FLOWID],
	      "SWITCH_SET without HNV_SWITCH_SET_NVGRE_FLOWID: no "
	      "HNV_A_SWITCH_NVGRE_FLOWID");
	nlmsg_free(msg);

	conf.has |= HNV_SWITCH_SET_STRICT;
	conf.strict = true;
	msg = message(HNV_CMD_SWITCH_SET);
	check_int(hnv_put_switch_set(msg, &hnv0, &conf), 0,
		  "SWITCH_SET with every setting and strict on: put");
	n = attrs_of(msg, tb);
	check(n == 5 && is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0") &&
	      is_u32(tb[HNV_A_SWITCH_UFT_MAX], 1000) &&
	      nla_get_u16(tb[HNV_A_SWITCH_VXLAN_PORT]) == 4789 &&
	      is_pas(msg, want, 2) && is_u8(tb[HNV_A_SWITCH_STRICT], 1),
	      "SWITCH_SET: strict on with the other settings: HNV_A_SWITCH_STRICT "
	      "is a u8 of 1 beside them");
	nlmsg_free(msg);

	conf.has |= HNV_SWITCH_SET_NVGRE_FLOWID;
	conf.nvgre_flowid = true;
	msg = message(HNV_CMD_SWITCH_SET);
	check_int(hnv_put_switch_set(msg, &hnv0, &conf), 0,
		  "SWITCH_SET with every setting and nvgre-flowid on: put");
	n = attrs_of(msg, tb);
	check(n == 6 && is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0") &&
	      is_u32(tb[HNV_A_SWITCH_UFT_MAX], 1000) &&
	      nla_get_u16(tb[HNV_A_SWITCH_VXLAN_PORT]) == 4789 &&
	      is_pas(msg, want, 2) && is_u8(tb[HNV_A_SWITCH_STRICT], 1) &&
	      is_u8(tb[HNV_A_SWITCH_NVGRE_FLOWID], 1),
	      "SWITCH_SET: nvgre-flowid on with the other settings: "
	      "HNV_A_SWITCH_NVGRE_FLOWID is a u8 of 1 beside them");
	nlmsg_free(msg);

	conf.uft.has = 0;
	conf.has = HNV_SWITCH_SET_NVGRE_FLOWID;
	conf.nvgre_flowid = false;
	msg = message(HNV_CMD_SWITCH_SET);
	check_int(hnv_put_switch_set(msg, &by_index, &conf), 0,
		  "SWITCH_SET of nvgre-flowid off only: put");
	n = attrs_of(msg, tb);
	check(n == 2 && is_u32(tb[HNV_A_SWITCH_IFINDEX], 7) &&
	      is_u8(tb[HNV_A_SWITCH_NVGRE_FLOWID], 0) &&
	      !tb[HNV_A_SWITCH_STRICT],
	      "SWITCH_SET of nvgre-flowid off: the switch and a u8 "
	      "HNV_A_SWITCH_NVGRE_FLOWID of 0, not left out");
	nlmsg_free(msg);
	conf.nvgre_flowid = true;

	conf.uft.has = 0;
	conf.has = HNV_SWITCH_SET_STRICT;
	conf.strict = false;
	msg = message(HNV_CMD_SWITCH_SET);
	check_int(hnv_put_switch_set(msg, &by_index, &conf), 0,
		  "SWITCH_SET of strict off only: put");
	n = attrs_of(msg, tb);
	check(n == 2 && is_u32(tb[HNV_A_SWITCH_IFINDEX], 7) &&
	      is_u8(tb[HNV_A_SWITCH_STRICT], 0),
	      "SWITCH_SET of strict off: the switch and a u8 HNV_A_SWITCH_STRICT "
	      "of 0, not left out");
	check(!tb[HNV_A_SWITCH_NVGRE_FLOWID],
	      "SWITCH_SET of strict off: no HNV_A_SWITCH_NVGRE_FLOWID, "
	      "whatever conf.nvgre_flowid is");
	nlmsg_free(msg);

	conf.has = HNV_SWITCH_SET_MAPS_MAX;
	conf.maps_max = 16777216;
	msg = message(HNV_CMD_SWITCH_SET);
	check_int(hnv_put_switch_set(msg, &by_index, &conf), 0,
		  "SWITCH_SET of maps-max only: put");
	n = attrs_of(msg, tb);
	check(n == 2 && is_u32(tb[HNV_A_SWITCH_IFINDEX], 7) &&
	      is_u32(tb[HNV_A_SWITCH_MAPS_MAX], 16777216),
	      "SWITCH_SET of maps-max: the switch and a u32 "
	      "HNV_A_SWITCH_MAPS_MAX");
	nlmsg_free(msg);

	conf.uft.has = HNV_UFT_SET_MAX;
	conf.has = HNV_SWITCH_SET_PAS | HNV_SWITCH_SET_VXLAN_PORT;
	msg = message(HNV_CMD_SWITCH_SET);
	hnv_put_switch_set(msg, &by_index, &conf);
	attrs_of(msg, tb);
	check(!tb[HNV_A_SWITCH_MAPS_MAX],
	      "SWITCH_SET without HNV_SWITCH_SET_MAPS_MAX: no "
	      "HNV_A_SWITCH_MAPS_MAX, whatever conf.maps_max is");
	nlmsg_free(msg);

	conf.uft.has = 0;
	conf.has = HNV_SWITCH_SET_PAS;
	conf.pas.n = 0;
	msg = message(HNV_CMD_SWITCH_SET);
	check_int(hnv_put_switch_set(msg, &hnv0, &conf), 0,
		  "SWITCH_SET of pa none: put");
	n = attrs_of(msg, tb);
	check(n == 2 && tb[HNV_A_SWITCH_PAS] &&
	      !nla_len(tb[HNV_A_SWITCH_PAS]) &&
	      (tb[HNV_A_SWITCH_PAS]->nla_type & NLA_F_NESTED) &&
	      !tb[HNV_A_SWITCH_VXLAN_PORT] && !tb[HNV_A_SWITCH_STRICT],
	      "SWITCH_SET of pa none: an empty HNV_A_SWITCH_PAS nest is kept");
	nlmsg_free(msg);

	conf.has = HNV_SWITCH_SET_VXLAN_PORT;
	conf.vxlan_port = 65535;
	msg = message(HNV_CMD_SWITCH_SET);
	hnv_put_switch_set(msg, &by_index, &conf);
	n = attrs_of(msg, tb);
	check(n == 2 && is_u32(tb[HNV_A_SWITCH_IFINDEX], 7) &&
	      !tb[HNV_A_SWITCH_PAS] &&
	      nla_get_u16(tb[HNV_A_SWITCH_VXLAN_PORT]) == 65535,
	      "SWITCH_SET of vxlan-port only: no HNV_A_SWITCH_PAS");
	nlmsg_free(msg);

	max.n = HNV_PAS_MAX;
	for (i = 0; i < HNV_PAS_MAX; i++)
		memcpy(max.addr[i], (uint8_t[4]){ 10, 0, 0, i + 1 }, 4);
	msg = message(HNV_CMD_SWITCH_SET);
	check(!hnv_put_pas(msg, &max) &&
	      is_pas(msg, (const uint8_t (*)[4])max.addr, HNV_PAS_MAX),
	      "HNV_A_SWITCH_PAS of HNV_PAS_MAX addresses");
	nlmsg_free(msg);

	memcpy(map.mac, mac2, ETH_ALEN);
	memcpy(map.pa, pa20, 4);
	msg = message(HNV_CMD_MAP_NEW);
	check_int(hnv_put_map_new(msg, &hnv0, &map, false), 0, "MAP_NEW: put");
	n = attrs_of(msg, tb);
	check(n == 5 && is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0") &&
	      is_u32(tb[HNV_A_VSID], 5001) &&
	      is_bytes(tb[HNV_A_MAP_MAC], mac2, ETH_ALEN) &&
	      is_bytes(tb[HNV_A_MAP_CA], "\x0a\x01\x01\x0c", 4) &&
	      is_bytes(tb[HNV_A_MAP_PA], pa20, 4),
	      "MAP_NEW: switch name, VSID, 6-byte MAC, 4-byte CA, 4-byte PA, "
	      "nothing else");
	check(!tb[HNV_A_REPLACE] && nlmsg_hdr(msg)->nlmsg_flags == NLM_F_MULTI,
	      "MAP_NEW without replace: no HNV_A_REPLACE, nlmsg_flags "
	      "untouched");
	nlmsg_free(msg);

	msg = message(HNV_CMD_MAP_NEW);
	check_int(hnv_put_map_new(msg, &hnv0, &map, true), 0,
		  "MAP_NEW with replace: put");
	n = attrs_of(msg, tb);
	check(n == 6 && tb[HNV_A_REPLACE] && !nla_len(tb[HNV_A_REPLACE]) &&
	      !(tb[HNV_A_REPLACE]->nla_type & ~NLA_TYPE_MASK) &&
	      is_u32(tb[HNV_A_VSID], 5001) &&
	      is_bytes(tb[HNV_A_MAP_MAC], mac2, ETH_ALEN) &&
	      is_bytes(tb[HNV_A_MAP_CA], "\x0a\x01\x01\x0c", 4) &&
	      is_bytes(tb[HNV_A_MAP_PA], pa20, 4),
	      "MAP_NEW with replace: the same attributes and HNV_A_REPLACE, "
	      "an empty flag attribute");
	check(!(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_REPLACE) &&
	      nlmsg_hdr(msg)->nlmsg_flags == NLM_F_MULTI,
	      "MAP_NEW with replace: no NLM_F_REPLACE, nlmsg_flags untouched");
	nlmsg_free(msg);

	inet_pton(AF_INET6, "2001:db8::12", v6);
	map.ca_len = 16;
	memcpy(map.ca, v6, 16);
	msg = message(HNV_CMD_MAP_NEW);
	hnv_put_map_new(msg, &by_index, &map, false);
	n = attrs_of(msg, tb);
	check(n == 5 && is_u32(tb[HNV_A_SWITCH_IFINDEX], 7) &&
	      is_bytes(tb[HNV_A_MAP_CA], v6, 16),
	      "MAP_NEW with an IPv6 CA: 16 bytes");
	nlmsg_free(msg);

	map.ca_len = 0;
	msg = message(HNV_CMD_MAP_NEW);
	hnv_put_map_new(msg, &hnv0, &map, false);
	n = attrs_of(msg, tb);
	check(n == 4 && !tb[HNV_A_MAP_CA] && is_bytes(tb[HNV_A_MAP_PA], pa20, 4),
	      "MAP_NEW without a CA leaves HNV_A_MAP_CA out");
	nlmsg_free(msg);

	msg = message(HNV_CMD_MAP_NEW);
	hnv_put_map_new(msg, &hnv0, &map, true);
	n = attrs_of(msg, tb);
	check(n == 5 && !tb[HNV_A_MAP_CA] && tb[HNV_A_REPLACE] &&
	      !nla_len(tb[HNV_A_REPLACE]),
	      "MAP_NEW without a CA, with replace: HNV_A_REPLACE, no "
	      "HNV_A_MAP_CA");
	nlmsg_free(msg);

	msg = message(HNV_CMD_MAP_DEL);
	check_int(hnv_put_map_del(msg, &hnv0, 5001, mac2), 0, "MAP_DEL: put");
	n = attrs_of(msg, tb);
	check(n == 3 && is_string(tb[HNV_A_SWITCH_IFNAME], "hnv0") &&
	      is_u32(tb[HNV_A_VSID], 5001) &&
	      is_bytes(tb[HNV_A_MAP_MAC], mac2, ETH_ALEN),
	      "MAP_DEL: switch name, VSID, MAC, nothing else");
	nlmsg_free(msg);

	msg = message(HNV_CMD_MAP_GET);
	hnv_put_map_sel(msg, &by_index, 5001);
	n = attrs_of(msg, tb);
	check(n == 2 && is_u32(tb[HNV_A_SWITCH_IFINDEX], 7) &&
	      is_u32(tb[HNV_A_VSID], 5001),
	      "MAP_GET of one switch and VSID: ifindex and VSID");
	nlmsg_free(msg);

	msg = message(HNV_CMD_MAP_GET);
	hnv_put_map_sel(msg, &none, 0);
	check_int(attrs_of(msg, tb), 0, "MAP_GET of everything: no attribute");
	nlmsg_free(msg);
}

/*
 * A switch reply of a kernel with mappings: npas addresses (-1: no
 * HNV_A_SWITCH_PAS at all), VXLAN port, mappings and, unless strict is -1
 * (a kernel without strict mode), HNV_A_SWITCH_STRICT, unless flowid is -1
 * (a kernel without the setting), HNV_A_SWITCH_NVGRE_FLOWID; old: none of
 * them.
 */
static struct nl_msg *switch_reply(const char *name, uint32_t ifindex,
				   const uint8_t (*pas)[4], int npas,
				   uint16_t port, uint32_t nmaps, bool old,
				   int strict, int flowid)
{
	struct nl_msg *msg = message(HNV_CMD_SWITCH_GET);
	struct nlattr *nest;
	int i;

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, ifindex);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, name);
	nla_put_u32(msg, HNV_A_SWITCH_NPORTS, 1);
	nla_put_u32(msg, HNV_A_SWITCH_UFT_MAX, 262144);
	nla_put_u32(msg, HNV_A_SWITCH_UFT_PORT_MAX, 16384);
	nla_put_u32(msg, HNV_A_SWITCH_UFT_IDLE_MS, 30000);
	nla_put_u32(msg, HNV_A_SWITCH_NFLOWS, 0);
	if (old)
		return msg;
	nla_put_u16(msg, HNV_A_SWITCH_VXLAN_PORT, port);
	nla_put_u32(msg, HNV_A_SWITCH_NMAPS, nmaps);
	if (npas >= 0) {
		nest = nest_start(msg, HNV_A_SWITCH_PAS);
		for (i = 0; i < npas; i++)
			nla_put(msg, 1, 4, pas[i]);
		nla_nest_end(msg, nest);
	}
	if (strict >= 0)
		nla_put_u8(msg, HNV_A_SWITCH_STRICT, strict);
	if (flowid >= 0)
		nla_put_u8(msg, HNV_A_SWITCH_NVGRE_FLOWID, flowid);
	return msg;
}

static const uint8_t two_pas[2][4] = {
	{ 192, 168, 1, 10 }, { 192, 168, 1, 11 },
};

static void switch_parse_tests(void)
{
	struct nlattr *nest;
	struct hnv_switch sw;
	struct nl_msg *msg;
	int i;

	msg = switch_reply("hnv0", 7, two_pas, 2, 4789, 2, false, 0, 1);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), 0,
		  "parse a switch with two PAs");
	check(sw.has_overlay && sw.pas.n == 2 &&
	      !memcmp(sw.pas.addr[0], pa10, 4) &&
	      !memcmp(sw.pas.addr[1], pa11, 4) && sw.vxlan_port == 4789 &&
	      sw.nmaps == 2 && sw.has_uft,
	      "switch with PAs: both in order, VXLAN port, mappings");
	check(sw.has_strict && !sw.strict,
	      "switch with HNV_A_SWITCH_STRICT 0: strict reported, off");
	check(sw.has_nvgre_flowid && sw.nvgre_flowid,
	      "switch with HNV_A_SWITCH_NVGRE_FLOWID 1: nvgre-flowid "
	      "reported, on");
	check(!sw.has_maps_max && !sw.maps_max,
	      "switch without HNV_A_SWITCH_MAPS_MAX: maps-max not reported");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 3, false, -1, -1);
	nla_put_u32(msg, HNV_A_SWITCH_MAPS_MAX, 1048576);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.has_maps_max &&
	      sw.maps_max == 1048576 && sw.nmaps == 3,
	      "switch with HNV_A_SWITCH_MAPS_MAX: the limit beside the count");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 0, 0, true, -1, -1);
	nla_put_u32(msg, HNV_A_SWITCH_MAPS_MAX, 100);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.has_overlay &&
	      sw.has_maps_max && sw.maps_max == 100 && !sw.nmaps,
	      "HNV_A_SWITCH_MAPS_MAX alone sets has_overlay; the count is "
	      "zero");
	nlmsg_free(msg);

	msg = switch_reply("hnv1", 8, NULL, -1, 8472, 0, false, 1, 0);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.has_overlay &&
	      !sw.pas.n && sw.vxlan_port == 8472 && !sw.nmaps,
	      "switch without PAs (no HNV_A_SWITCH_PAS): none, port, 0 maps");
	check(sw.has_strict && sw.strict,
	      "switch with HNV_A_SWITCH_STRICT 1: strict reported, on");
	check(sw.has_nvgre_flowid && !sw.nvgre_flowid,
	      "switch with HNV_A_SWITCH_NVGRE_FLOWID 0: nvgre-flowid "
	      "reported, off");
	nlmsg_free(msg);

	msg = switch_reply("hnv3", 10, NULL, -1, 4789, 0, false, -1, -1);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.has_overlay &&
	      sw.vxlan_port == 4789 && !sw.has_strict && !sw.strict,
	      "switch of a kernel with mappings but without strict mode: "
	      "overlay, strict not reported");
	check(!sw.has_nvgre_flowid && !sw.nvgre_flowid,
	      "switch of a kernel without HNV_A_SWITCH_NVGRE_FLOWID: "
	      "nvgre-flowid not reported");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 0, false, 2, -1);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.has_strict &&
	      sw.strict,
	      "HNV_A_SWITCH_STRICT 2 is on, as any value but 0");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 0, false, -1, 255);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) &&
	      sw.has_nvgre_flowid && sw.nvgre_flowid && !sw.has_strict,
	      "HNV_A_SWITCH_NVGRE_FLOWID 255 is on, as any value but 0");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 0, 0, true, -1, -1);
	nla_put_u8(msg, HNV_A_SWITCH_STRICT, 1);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.has_overlay &&
	      sw.has_strict && sw.strict && !sw.vxlan_port && !sw.pas.n &&
	      !sw.nmaps,
	      "HNV_A_SWITCH_STRICT alone sets has_overlay; the others count "
	      "as zero");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 0, 0, true, -1, -1);
	nla_put_u8(msg, HNV_A_SWITCH_NVGRE_FLOWID, 0);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.has_overlay &&
	      sw.has_nvgre_flowid && !sw.nvgre_flowid && !sw.has_strict &&
	      !sw.vxlan_port && !sw.pas.n && !sw.nmaps,
	      "HNV_A_SWITCH_NVGRE_FLOWID alone sets has_overlay; the others "
	      "count as zero");
	nlmsg_free(msg);

	msg = switch_reply("hnv2", 9, NULL, -1, 0, 0, true, -1, -1);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && !sw.has_overlay &&
	      !sw.pas.n && !sw.vxlan_port && !sw.nmaps,
	      "switch of a kernel without mappings: no overlay, none made up");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, two_pas, 2, 4789, 2, false, 0, -1);
	nest = nest_start(msg, HNV_A_MAX + 1);
	nla_nest_end(msg, nest);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.pas.n == 2,
	      "switch reply: an unknown attribute after the PAs is skipped");
	nlmsg_free(msg);

	/* one defect each */
	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 0, false, -1, -1);
	nest = nest_start(msg, HNV_A_SWITCH_PAS);
	nla_put(msg, 1, 16, "0123456789abcdef");
	nla_nest_end(msg, nest);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "a 16-byte PA is malformed");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 0, false, -1, -1);
	nest = nest_start(msg, HNV_A_SWITCH_PAS);
	for (i = 0; i <= HNV_PAS; i++)
		nla_put(msg, 1, 4, pa10);
	nla_nest_end(msg, nest);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "more PAs than hnvctl holds is malformed");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 0, false, -1, -1);
	nest = nest_start(msg, HNV_A_SWITCH_PAS);
	nla_put(msg, 2, 16, "0123456789abcdef");
	nla_put(msg, 1, 4, pa11);
	nla_nest_end(msg, nest);
	check(!hnv_parse_switch(nlmsg_hdr(msg), &sw) && sw.pas.n == 1 &&
	      !memcmp(sw.pas.addr[0], pa11, 4),
	      "an attribute of another type in HNV_A_SWITCH_PAS is skipped");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 0, 0, true, -1, -1);
	nla_put_u32(msg, HNV_A_SWITCH_VXLAN_PORT, 4789);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "a 32-bit HNV_A_SWITCH_VXLAN_PORT is malformed");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 0, 0, true, -1, -1);
	nla_put_u16(msg, HNV_A_SWITCH_NMAPS, 2);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "a 16-bit HNV_A_SWITCH_NMAPS is malformed");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 0, false, -1, -1);
	nla_put_u16(msg, HNV_A_SWITCH_MAPS_MAX, 100);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "a 16-bit HNV_A_SWITCH_MAPS_MAX is malformed");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 0, false, -1, -1);
	nla_put_u32(msg, HNV_A_SWITCH_STRICT, 1);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "a 32-bit HNV_A_SWITCH_STRICT is malformed");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 0, false, -1, -1);
	nla_put(msg, HNV_A_SWITCH_STRICT, 0, NULL);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "an empty HNV_A_SWITCH_STRICT is malformed");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 0, false, 1, -1);
	nla_put_u16(msg, HNV_A_SWITCH_NVGRE_FLOWID, 1);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "a 16-bit HNV_A_SWITCH_NVGRE_FLOWID is malformed");
	nlmsg_free(msg);

	msg = switch_reply("hnv0", 7, NULL, -1, 4789, 0, false, 1, -1);
	nla_put(msg, HNV_A_SWITCH_NVGRE_FLOWID, 0, NULL);
	check_int(hnv_parse_switch(nlmsg_hdr(msg), &sw), -EBADMSG,
		  "an empty HNV_A_SWITCH_NVGRE_FLOWID is malformed");
	nlmsg_free(msg);
}

static const char human_overlay[] =
	"switch hnv0 ifindex 7 ports 1\n"
	"    flows 0 (max 262144, per port 16384, idle 30000ms)\n"
	"    pa 192.168.1.10 192.168.1.11 vxlan-port 4789 maps 2 "
	"maps-max 1048576 strict off nvgre-flowid on\n"
	"    RX: packets bytes\n"
	"              0     0\n"
	"    TX: packets bytes\n"
	"              0     0\n"
	"    flows: new 0 aged 0 uncached 0 recomposed 0\n"
	"    drops: 0\n"
	"\n"
	"switch hnv1 ifindex 8 ports 1\n"
	"    flows 0 (max 262144, per port 16384, idle 30000ms)\n"
	"    pa none vxlan-port 8472 maps 0 strict on nvgre-flowid off\n"
	"    RX: packets bytes\n"
	"              0     0\n"
	"    TX: packets bytes\n"
	"              0     0\n"
	"    flows: new 0 aged 0 uncached 0 recomposed 0\n"
	"    drops: 0\n"
	"\n"
	"switch hnv2 ifindex 9 ports 1\n"
	"    flows 0 (max 262144, per port 16384, idle 30000ms)\n"
	"    RX: packets bytes\n"
	"              0     0\n"
	"    TX: packets bytes\n"
	"              0     0\n"
	"    flows: new 0 aged 0 uncached 0 recomposed 0\n"
	"    drops: 0\n"
	"\n"
	"switch hnv3 ifindex 10 ports 1\n"
	"    flows 0 (max 262144, per port 16384, idle 30000ms)\n"
	"    pa none vxlan-port 4789 maps 0\n"
	"    RX: packets bytes\n"
	"              0     0\n"
	"    TX: packets bytes\n"
	"              0     0\n"
	"    flows: new 0 aged 0 uncached 0 recomposed 0\n"
	"    drops: 0\n"
	"\n"
	"switch hnv4 ifindex 11 ports 1\n"
	"    flows 0 (max 262144, per port 16384, idle 30000ms)\n"
	"    pa none vxlan-port 4789 maps 0 nvgre-flowid off\n"
	"    RX: packets bytes\n"
	"              0     0\n"
	"    TX: packets bytes\n"
	"              0     0\n"
	"    flows: new 0 aged 0 uncached 0 recomposed 0\n"
	"    drops: 0\n";

#define STATS0 \
	"\"stats\":{\"rx_packets\":0,\"rx_bytes\":0,\"tx_packets\":0," \
	"\"tx_bytes\":0,\"flows_new\":0,\"flows_aged\":0," \
	"\"flows_uncached\":0,\"flows_recomposed\":0,\"drops\":{" \
	"\"port-unbound\":0,\"switch-xmit\":0,\"no-subnet\":0," \
	"\"src-mac\":0,\"no-dest\":0,\"malformed\":0,\"no-pa\":0," \
	"\"no-route\":0,\"bad-vxlan\":0,\"unknown-vni\":0," \
	"\"pa-mismatch\":0,\"too-big\":0,\"bad-nvgre\":0," \
	"\"spoof\":0,\"neigh-unknown\":0,\"neigh-self\":0,\"ttl\":0,\"acl\":0}}"

#define UFT0 \
	"\"flows\":0,\"uft_max\":262144,\"uft_port_max\":16384," \
	"\"uft_idle_ms\":30000,"

static const char json_overlay[] =
	"[{\"ifname\":\"hnv0\",\"ifindex\":7,\"ports\":1," UFT0
	"\"pas\":[\"192.168.1.10\",\"192.168.1.11\"],\"vxlan_port\":4789,"
	"\"maps\":2,\"maps_max\":1048576,\"strict\":false,"
	"\"nvgre_flowid\":true," STATS0 "},"
	"{\"ifname\":\"hnv1\",\"ifindex\":8,\"ports\":1," UFT0
	"\"pas\":[],\"vxlan_port\":8472,\"maps\":0,\"strict\":true,"
	"\"nvgre_flowid\":false," STATS0 "},"
	"{\"ifname\":\"hnv2\",\"ifindex\":9,\"ports\":1," UFT0 STATS0 "},"
	"{\"ifname\":\"hnv3\",\"ifindex\":10,\"ports\":1," UFT0
	"\"pas\":[],\"vxlan_port\":4789,\"maps\":0," STATS0 "},"
	"{\"ifname\":\"hnv4\",\"ifindex\":11,\"ports\":1," UFT0
	"\"pas\":[],\"vxlan_port\":4789,\"maps\":0,\"nvgre_flowid\":false,"
	STATS0 "}]\n";

static void switch_output_tests(void)
{
	struct hnv_switch sw[5];
	struct nl_msg *msg;
	struct capture c;
	struct out o;
	char *text;

	msg = switch_reply("hnv0", 7, two_pas, 2, 4789, 2, false, 0, 1);
	nla_put_u32(msg, HNV_A_SWITCH_MAPS_MAX, 1048576);
	hnv_parse_switch(nlmsg_hdr(msg), &sw[0]);
	nlmsg_free(msg);
	msg = switch_reply("hnv1", 8, NULL, -1, 8472, 0, false, 1, 0);
	hnv_parse_switch(nlmsg_hdr(msg), &sw[1]);
	nlmsg_free(msg);
	msg = switch_reply("hnv2", 9, NULL, -1, 0, 0, true, -1, -1);
	hnv_parse_switch(nlmsg_hdr(msg), &sw[2]);
	nlmsg_free(msg);
	msg = switch_reply("hnv3", 10, NULL, -1, 4789, 0, false, -1, -1);
	hnv_parse_switch(nlmsg_hdr(msg), &sw[3]);
	nlmsg_free(msg);
	msg = switch_reply("hnv4", 11, NULL, -1, 4789, 0, false, -1, 0);
	hnv_parse_switch(nlmsg_hdr(msg), &sw[4]);
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	out_switch(&o, &sw[0]);
	out_switch(&o, &sw[1]);
	out_switch(&o, &sw[2]);
	out_switch(&o, &sw[3]);
	out_switch(&o, &sw[4]);
	check_str(out_close(&o, &c), human_overlay,
		  "switch show: PAs, maps-max after maps, strict off and "
		  "nvgre-flowid on, pa none, strict on and nvgre-flowid off "
		  "without maps-max, an older kernel, one without strict mode "
		  "nor nvgre-flowid, one with nvgre-flowid only; human");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_switch(&o, &sw[0]);
	out_switch(&o, &sw[1]);
	out_switch(&o, &sw[2]);
	out_switch(&o, &sw[3]);
	out_switch(&o, &sw[4]);
	check_str(out_close(&o, &c), json_overlay,
		  "switch show: \"pas\" (empty array without PAs), "
		  "\"vxlan_port\", \"maps\", \"maps_max\" (left out if not "
		  "reported), \"strict\" and \"nvgre_flowid\" (booleans, left "
		  "out if not reported); JSON");
	free(c.buf);

	out_open(&o, &c, true, true);
	out_switch(&o, &sw[0]);
	text = out_close(&o, &c);
	check(strstr(text, "        \"pas\": [\n"
			   "            \"192.168.1.10\",\n"
			   "            \"192.168.1.11\"\n"
			   "        ],\n"
			   "        \"vxlan_port\": 4789,\n"
			   "        \"maps\": 2,\n"
			   "        \"maps_max\": 1048576,\n"
			   "        \"strict\": false,\n"
			   "        \"nvgre_flowid\": true,\n"
			   "        \"stats\": {\n") != NULL,
	      "switch show: the PAs, strict and nvgre_flowid in pretty JSON");
	free(c.buf);
}

/* ca_len 0: none; pa_len and ca_len other than 4/16 make a defect. */
static struct nl_msg *map_reply(uint32_t ifindex, uint32_t vsid, uint8_t last,
				const char *ca, int ca_len, int pa_len)
{
	uint8_t mac[ETH_ALEN] = { 2, 0, 0, 0, 0, last }, addr[16] = { 0 };
	uint8_t pa[16] = { 0 };	/* a defective reply may claim 16 bytes */
	struct nl_msg *msg = message(HNV_CMD_MAP_GET);

	memcpy(pa, pa20, sizeof(pa20));
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, ifindex);
	nla_put_u32(msg, HNV_A_VSID, vsid);
	nla_put(msg, HNV_A_MAP_MAC, ETH_ALEN, mac);
	nla_put(msg, HNV_A_MAP_PA, pa_len, pa);
	if (ca_len) {
		inet_pton(strchr(ca, ':') ? AF_INET6 : AF_INET, ca, addr);
		nla_put(msg, HNV_A_MAP_CA, ca_len, addr);
	}
	/* from a newer kernel: ignored */
	nla_put_u32(msg, HNV_A_MAX + 2, 1);
	return msg;
}

static void map_parse_tests(void)
{
	struct hnv_map m[3];
	struct nl_msg *msg;
	uint8_t v6[16];
	struct capture c;
	struct out o;

	msg = map_reply(7, 5001, 2, "10.1.1.12", 4, 4);
	check_int(hnv_parse_map(nlmsg_hdr(msg), &m[0]), 0,
		  "parse a mapping with an IPv4 CA");
	check(m[0].switch_ifindex == 7 && m[0].vsid == 5001 &&
	      !memcmp(m[0].mac, mac2, ETH_ALEN) && m[0].ca_len == 4 &&
	      !memcmp(m[0].ca, "\x0a\x01\x01\x0c", 4) &&
	      !memcmp(m[0].pa, pa20, 4),
	      "mapping: every field");
	nlmsg_free(msg);

	msg = map_reply(7, 5001, 3, NULL, 0, 4);
	check(!hnv_parse_map(nlmsg_hdr(msg), &m[1]) && !m[1].ca_len &&
	      m[1].mac[5] == 3,
	      "mapping without a CA");
	nlmsg_free(msg);

	msg = map_reply(8, HNV_VSID_MAX, 4, "2001:db8::12", 16, 4);
	inet_pton(AF_INET6, "2001:db8::12", v6);
	check(!hnv_parse_map(nlmsg_hdr(msg), &m[2]) && m[2].ca_len == 16 &&
	      !memcmp(m[2].ca, v6, 16) && m[2].vsid == HNV_VSID_MAX,
	      "mapping with an IPv6 CA");
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	out_map(&o, &m[0], "hnv0");
	out_map(&o, &m[1], "hnv0");
	out_map(&o, &m[2], "hnv-b");
	check_str(out_close(&o, &c),
		  "map vsid 5001 mac 02:00:00:00:00:02 ca 10.1.1.12 "
		  "pa 192.168.2.20 switch hnv0\n"
		  "map vsid 5001 mac 02:00:00:00:00:03 pa 192.168.2.20 "
		  "switch hnv0\n"
		  "map vsid 16777214 mac 02:00:00:00:00:04 ca 2001:db8::12 "
		  "pa 192.168.2.20 switch hnv-b\n",
		  "map show: human, one line each, \"ca\" only if there is one");
	free(c.buf);

	out_open(&o, &c, true, false);
	out_map(&o, &m[0], "hnv0");
	out_map(&o, &m[1], "hnv0");
	out_map(&o, &m[2], "hnv-b");
	check_str(out_close(&o, &c),
		  "[{\"switch\":\"hnv0\",\"vsid\":5001,"
		  "\"mac\":\"02:00:00:00:00:02\",\"ca\":\"10.1.1.12\","
		  "\"pa\":\"192.168.2.20\"},"
		  "{\"switch\":\"hnv0\",\"vsid\":5001,"
		  "\"mac\":\"02:00:00:00:00:03\",\"pa\":\"192.168.2.20\"},"
		  "{\"switch\":\"hnv-b\",\"vsid\":16777214,"
		  "\"mac\":\"02:00:00:00:00:04\",\"ca\":\"2001:db8::12\","
		  "\"pa\":\"192.168.2.20\"}]\n",
		  "map show: JSON, \"ca\" only if there is one");
	free(c.buf);

	msg = map_reply(7, 5001, 2, NULL, 0, 16);
	check_int(hnv_parse_map(nlmsg_hdr(msg), &m[0]), -EBADMSG,
		  "a mapping with a 16-byte PA is malformed");
	nlmsg_free(msg);

	msg = map_reply(7, 5001, 2, "10.1.1.12", 5, 4);
	check_int(hnv_parse_map(nlmsg_hdr(msg), &m[0]), -EBADMSG,
		  "a mapping with a 5-byte CA is malformed");
	nlmsg_free(msg);

	msg = message(HNV_CMD_MAP_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_VSID, 5001);
	nla_put(msg, HNV_A_MAP_MAC, ETH_ALEN, mac2);
	check_int(hnv_parse_map(nlmsg_hdr(msg), &m[0]), -EBADMSG,
		  "a mapping without its PA is malformed");
	nlmsg_free(msg);

	msg = message(HNV_CMD_MAP_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_VSID, 5001);
	nla_put(msg, HNV_A_MAP_MAC, 5, mac2);
	nla_put(msg, HNV_A_MAP_PA, 4, pa20);
	check_int(hnv_parse_map(nlmsg_hdr(msg), &m[0]), -EBADMSG,
		  "a mapping with a 5-byte MAC is malformed");
	nlmsg_free(msg);

	msg = message(HNV_CMD_MAP_GET);
	nla_put_u32(msg, HNV_A_VSID, 5001);
	nla_put(msg, HNV_A_MAP_MAC, ETH_ALEN, mac2);
	nla_put(msg, HNV_A_MAP_PA, 4, pa20);
	check_int(hnv_parse_map(nlmsg_hdr(msg), &m[0]), -EBADMSG,
		  "a mapping without its switch is malformed");
	nlmsg_free(msg);

	msg = message(HNV_CMD_MAP_GET);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put(msg, HNV_A_MAP_MAC, ETH_ALEN, mac2);
	nla_put(msg, HNV_A_MAP_PA, 4, pa20);
	check_int(hnv_parse_map(nlmsg_hdr(msg), &m[0]), -EBADMSG,
		  "a mapping without its VSID is malformed");
	nlmsg_free(msg);
}

struct encap_desc {
	int type;		/* -1: left out */
	int vni;		/* -1: left out */
	const uint8_t *src, *dst;
	int src_len;
};

/*
 * An IPv4 flow of port v1 (9) of hnv0 (7) whose actions are an encap
 * (described by e) and an output to the uplink, ifindex 10.
 */
static struct nl_msg *encap_flow(const struct encap_desc *e)
{
	struct nl_msg *msg = message(HNV_CMD_FLOW_GET);
	struct nlattr *flow, *acts, *encap;

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 7);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, 9);
	flow = nest_start(msg, HNV_A_FLOW);
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN,
		(uint8_t[ETH_ALEN]){ 2, 0, 0, 0, 0, 1 });
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, mac2);
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE, htons(0x0800));
	nla_put_u8(msg, HNV_FLOW_A_IP_PROTO, 1);
	nla_put(msg, HNV_FLOW_A_IP_SRC, 4, "\x0a\x01\x01\x0b");
	nla_put(msg, HNV_FLOW_A_IP_DST, 4, "\x0a\x01\x01\x0c");
	nla_put_u16(msg, HNV_FLOW_A_L4_SRC, 0);
	nla_put_u16(msg, HNV_FLOW_A_L4_DST, 0);
	acts = nest_start(msg, HNV_FLOW_A_ACTIONS);
	encap = nest_start(msg, HNV_ACTION_A_ENCAP);
	if (e->type >= 0)
		nla_put_u8(msg, HNV_ENCAP_A_TYPE, e->type);
	if (e->vni >= 0)
		nla_put_u32(msg, HNV_ENCAP_A_VNI, e->vni);
	nla_put(msg, HNV_ENCAP_A_SRC, e->src_len, e->src);
	nla_put(msg, HNV_ENCAP_A_DST, 4, e->dst);
	nla_put_u32(msg, HNV_ENCAP_A_MAX + 1, 1);	/* newer: ignored */
	nla_nest_end(msg, encap);
	nla_put_u32(msg, HNV_ACTION_A_OUTPUT, 10);
	nla_nest_end(msg, acts);
	nla_put_u64(msg, HNV_FLOW_A_PACKETS, 4);
	nla_put_u64(msg, HNV_FLOW_A_BYTES, 392);
	nla_put_u32(msg, HNV_FLOW_A_IDLE_MS, 15);
	nla_nest_end(msg, flow);
	return msg;
}

static char *fake_ifname(unsigned int ifindex, char *buf)
{
	static const char *const names[] = {
		[7] = "hnv0", [9] = "v1", [10] = "eth1",
	};

	if (ifindex >= ARRAY_SIZE(names) || !names[ifindex])
		return NULL;
	return strcpy(buf, names[ifindex]);
}

static void encap_tests(void)
{
	const struct encap_desc vxlan = {
		HNV_ENCAP_VXLAN, 5001, pa10, pa20, 4,
	};
	struct encap_desc d;
	struct hnv_flow f[2];
	struct nl_msg *msg;
	struct capture c;
	struct out o;

	msg = encap_flow(&vxlan);
	check_int(hnv_parse_flow(nlmsg_hdr(msg), &f[0]), 0,
		  "parse a flow with an encap action");
	check(f[0].nactions == 2 &&
	      f[0].actions[0].type == HNV_ACTION_A_ENCAP &&
	      f[0].actions[0].encap.type == HNV_ENCAP_VXLAN &&
	      f[0].actions[0].encap.vni == 5001 &&
	      !memcmp(f[0].actions[0].encap.src, pa10, 4) &&
	      !memcmp(f[0].actions[0].encap.dst, pa20, 4) &&
	      f[0].actions[1].type == HNV_ACTION_A_OUTPUT &&
	      f[0].actions[1].arg == 10,
	      "encap action: type, VNI, source and destination PA, then "
	      "output");
	nlmsg_free(msg);

	d = vxlan;
	d.type = 9;
	d.vni = 16777214;
	msg = encap_flow(&d);
	hnv_parse_flow(nlmsg_hdr(msg), &f[1]);
	nlmsg_free(msg);

	out_open(&o, &c, false, false);
	o.ifname = fake_ifname;
	out_flow(&o, &f[0]);
	out_flow(&o, &f[1]);
	check_str(out_close(&o, &c),
		  "hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv4 "
		  "10.1.1.11 > 10.1.1.12 icmp packets 4 bytes 392 idle 15ms "
		  "actions encap vxlan vni 5001 192.168.1.10 > 192.168.2.20, "
		  "output eth1\n"
		  "hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv4 "
		  "10.1.1.11 > 10.1.1.12 icmp packets 4 bytes 392 idle 15ms "
		  "actions encap encap-9 vni 16777214 192.168.1.10 > "
		  "192.168.2.20, output eth1\n",
		  "flow show: the encap action, human");
	free(c.buf);

	out_open(&o, &c, true, false);
	o.ifname = fake_ifname;
	out_flow(&o, &f[0]);
	out_flow(&o, &f[1]);
	check_str(out_close(&o, &c),
		  "[{\"switch\":\"hnv0\",\"port\":\"v1\","
		  "\"eth_src\":\"02:00:00:00:00:01\","
		  "\"eth_dst\":\"02:00:00:00:00:02\",\"eth_type\":2048,"
		  "\"ip_proto\":1,\"ip_src\":\"10.1.1.11\","
		  "\"ip_dst\":\"10.1.1.12\",\"l4_src\":0,\"l4_dst\":0,"
		  "\"packets\":4,\"bytes\":392,\"idle_ms\":15,\"actions\":["
		  "{\"encap\":{\"type\":\"vxlan\",\"vni\":5001,"
		  "\"src\":\"192.168.1.10\",\"dst\":\"192.168.2.20\"}},"
		  "{\"output\":\"eth1\"}]},"
		  "{\"switch\":\"hnv0\",\"port\":\"v1\","
		  "\"eth_src\":\"02:00:00:00:00:01\","
		  "\"eth_dst\":\"02:00:00:00:00:02\",\"eth_type\":2048,"
		  "\"ip_proto\":1,\"ip_src\":\"10.1.1.11\","
		  "\"ip_dst\":\"10.1.1.12\",\"l4_src\":0,\"l4_dst\":0,"
		  "\"packets\":4,\"bytes\":392,\"idle_ms\":15,\"actions\":["
		  "{\"encap\":{\"type\":\"encap-9\",\"vni\":16777214,"
		  "\"src\":\"192.168.1.10\",\"dst\":\"192.168.2.20\"}},"
		  "{\"output\":\"eth1\"}]}]\n",
		  "flow show: the encap action, JSON");
	free(c.buf);
	hnv_flow_free(&f[0]);
	hnv_flow_free(&f[1]);

	d = vxlan;
	d.vni = -1;
	msg = encap_flow(&d);
	check(hnv_parse_flow(nlmsg_hdr(msg), &f[0]) == -EBADMSG,
	      "an encap action without its VNI is malformed");
	hnv_flow_free(&f[0]);
	nlmsg_free(msg);

	d = vxlan;
	d.type = -1;
	msg = encap_flow(&d);
	check(hnv_parse_flow(nlmsg_hdr(msg), &f[0]) == -EBADMSG,
	      "an encap action without its type is malformed");
	hnv_flow_free(&f[0]);
	nlmsg_free(msg);

	d = vxlan;
	d.src = (const uint8_t *)"0123456789abcdef";
	d.src_len = 16;
	msg = encap_flow(&d);
	check(hnv_parse_flow(nlmsg_hdr(msg), &f[0]) == -EBADMSG,
	      "an encap action with a 16-byte source is malformed");
	hnv_flow_free(&f[0]);
	nlmsg_free(msg);
}

static void list_tests(void)
{
	struct hnv_map_list l = { 0 };
	bool ok = true;
	size_t i;

	for (i = 0; i < 1000 && ok; i++) {
		struct hnv_map *m = hnv_map_list_add(&l);

		if (!m || m->vsid)
			ok = false;
		else
			m->vsid = HNV_VSID_MIN + i;
	}
	for (i = 0; ok && i < 1000; i++)
		ok = l.v[i].vsid == HNV_VSID_MIN + i;
	check(ok && l.n == 1000, "map list grows and keeps its elements");
	hnv_map_list_free(&l);
	check(!l.v && !l.n && !l.cap, "map list frees");
}

void map_tests(void)
{
	request_tests();
	switch_parse_tests();
	switch_output_tests();
	map_parse_tests();
	encap_tests();
	list_tests();
}
