// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl trace dev PORT PROTO src ADDR dst ADDR ...: what a switch would
 * do with a packet, and why.  The kernel composes the actions for the
 * packet described as if it entered the switch on PORT (or, with "vsid"
 * and "tun-src", from the physical network, PORT being the switch
 * itself), without sending anything, caching a flow or counting, and
 * answers with the packet as it composed it (its MACs filled in), the
 * steps it took (the layers, the ACL rules that decided, the actions each
 * composed) and the resulting actions.
 *
 * The arguments are checked here first: the addresses of one family,
 * which ICMP and ICMPv6 name too, ports only for protocols other than
 * ICMP, type and code only for ICMP, "vsid" and "tun-src" together.  The
 * protocol may be given bare ("tcp") or with its keyword ("proto 6").
 */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include <linux/hnv.h>

#include "hnvctl.h"
#include "names.h"
#include "output.h"
#include "parse.h"

static void trace_usage(FILE *fp)
{
	fputs("Usage: hnvctl trace dev PORT PROTO src ADDR dst ADDR "
	      "[ sport N ] [ dport N ]\n"
	      "                    [ type N ] [ code N ] [ smac MAC ] "
	      "[ dmac MAC ]\n"
	      "                    [ vsid VSID tun-src PA ]\n"
	      "       hnvctl trace help\n"
	      "where  PORT := a port of a switch, or with vsid and tun-src "
	      "the switch itself\n"
	      "       PROTO := [ proto ] { tcp | udp | icmp | icmpv6 | "
	      "0..255 }\n"
	      "       ADDR := an IPv4 or IPv6 address, both of one family\n"
	      "       N := 0..65535 for sport and dport (not for icmp and "
	      "icmpv6),\n"
	      "            0..255 for type and code (icmp and icmpv6 only)\n"
	      "       MAC := a unicast MAC, as 02:00:00:00:00:01\n"
	      "       VSID := " STRINGIFY(HNV_VSID_MIN) ".."
	      STRINGIFY(HNV_VSID_MAX) "\n"
	      "       PA := the IPv4 provider address the packet came from\n"
	      "\n"
	      "  Shows what the switch would do with the packet entering on "
	      "dev PORT, and\n"
	      "  why: each step it takes (\"pass\" if it decides nothing), "
	      "the ACL rules\n"
	      "  that decide, and the result.  Nothing is sent, cached or "
	      "counted.\n"
	      "  smac     the source MAC; the port's by default\n"
	      "  dmac     the destination MAC; by default the MAC the switch "
	      "knows for dst in\n"
	      "           the port's VSID, else the router MAC\n"
	      "  vsid, tun-src\n"
	      "           a packet from the physical network, decapsulated: "
	      "the VSID and the\n"
	      "           outer source it came with; dev is the switch "
	      "itself\n", fp);
}

enum {
	TR_DEV, TR_PROTO, TR_SRC, TR_DST, TR_SPORT, TR_DPORT, TR_TYPE,
	TR_CODE, TR_SMAC, TR_DMAC, TR_VSID, TR_TUN_SRC,
};

/* "src ADDR" and "dst ADDR", required, of one family; into f. */
static int addr_args(const char *src, const char *dst, struct hnv_flow *f)
{
	if (!src)
		return arg_required("src", NULL, trace_usage);
	if (parse_ca(src, f->ip_src, &f->ip_src_len))
		return arg_invalid(src, "src must be an IPv4 or IPv6 address, "
				   "as in 10.1.1.11 or fd00:1::11",
				   trace_usage);
	if (!dst)
		return arg_required("dst", NULL, trace_usage);
	if (parse_ca(dst, f->ip_dst, &f->ip_dst_len))
		return arg_invalid(dst, "dst must be an IPv4 or IPv6 address, "
				   "as in 10.1.1.12 or fd00:1::12",
				   trace_usage);
	if (f->ip_src_len != f->ip_dst_len)
		return arg_invalid(dst, "src and dst must be of one family, "
				   "IPv4 or IPv6", trace_usage);
	if (f->ip_proto == IPPROTO_ICMP && f->ip_src_len != 4)
		return arg_invalid(src, "icmp goes with IPv4 addresses; IPv6 "
				   "has icmpv6", trace_usage);
	if (f->ip_proto == IPPROTO_ICMPV6 && f->ip_src_len != 16)
		return arg_invalid(src, "icmpv6 goes with IPv6 addresses; IPv4 "
				   "has icmp", trace_usage);
	return 0;
}

/*
 * An L4 field of the packet, word, what ("sport", "type", ...) up to max,
 * into *val; flag joins f->has.
 */
static int l4_arg(const char *word, const char *what, uint32_t max,
		  struct hnv_flow *f, unsigned int flag, uint16_t *val)
{
	char why[64];
	uint32_t v;

	if (parse_u32(word, 0, max, &v)) {
		snprintf(why, sizeof(why), "%s must be 0..%u", what, max);
		return arg_invalid(word, why, trace_usage);
	}
	*val = v;
	f->has |= flag;
	return 0;
}

/*
 * The ports (not for ICMP), or the ICMP type and code (for ICMP only), of
 * the packet, all optional; into f.
 */
static int l4_args(const char **words, struct hnv_flow *f)
{
	bool icmp = f->ip_proto == IPPROTO_ICMP ||
		    f->ip_proto == IPPROTO_ICMPV6;
	const char *port = words[TR_SPORT] ? words[TR_SPORT] : words[TR_DPORT];
	const char *type = words[TR_TYPE] ? words[TR_TYPE] : words[TR_CODE];

	if (icmp && port)
		return arg_invalid(port, "icmp and icmpv6 have no ports: give "
				   "type and code", trace_usage);
	if (!icmp && type)
		return arg_invalid(type, "type and code go with icmp or icmpv6 "
				   "only", trace_usage);
	if ((words[TR_SPORT] && l4_arg(words[TR_SPORT], "sport", 65535, f,
				       HNV_FLOW_L4_SRC, &f->l4_src)) ||
	    (words[TR_DPORT] && l4_arg(words[TR_DPORT], "dport", 65535, f,
				       HNV_FLOW_L4_DST, &f->l4_dst)) ||
	    (words[TR_TYPE] && l4_arg(words[TR_TYPE], "type", 255, f,
				      HNV_FLOW_L4_SRC, &f->l4_src)) ||
	    (words[TR_CODE] && l4_arg(words[TR_CODE], "code", 255, f,
				      HNV_FLOW_L4_DST, &f->l4_dst)))
		return -1;
	return 0;
}

/* "smac MAC", "dmac MAC", "vsid VSID tun-src PA": all optional; into f. */
static int link_args(const char **words, struct hnv_flow *f)
{
	const char *why;

	if (words[TR_SMAC]) {
		why = parse_mac(words[TR_SMAC], f->eth_src);
		if (why)
			return arg_invalid(words[TR_SMAC], why, trace_usage);
		f->has |= HNV_FLOW_ETH_SRC;
	}
	if (words[TR_DMAC]) {
		why = parse_mac(words[TR_DMAC], f->eth_dst);
		if (why)
			return arg_invalid(words[TR_DMAC], why, trace_usage);
		f->has |= HNV_FLOW_ETH_DST;
	}
	if (!words[TR_VSID] && !words[TR_TUN_SRC])
		return 0;
	if (!words[TR_TUN_SRC])
		return arg_required("tun-src", "with vsid", trace_usage);
	if (!words[TR_VSID])
		return arg_required("vsid", "with tun-src", trace_usage);
	if (vsid_arg(words[TR_VSID], false, &f->vsid, trace_usage))
		return -1;
	why = parse_pa(words[TR_TUN_SRC], f->tun_src);
	if (why)
		return arg_invalid(words[TR_TUN_SRC], why, trace_usage);
	f->has |= HNV_FLOW_UPLINK;
	return 0;
}

/*
 * Parses the arguments of "trace" into port and the packet f.  A word
 * that is no keyword is the protocol.
 */
static int trace_args(int argc, char **argv, struct hnv_sel *port,
		      struct hnv_flow *f, bool *help)
{
	struct kwarg args[] = {
		[TR_DEV]	= { "dev", "a device", NULL },
		[TR_PROTO]	= { "proto", "a protocol", NULL },
		[TR_SRC]	= { "src", "a source address", NULL },
		[TR_DST]	= { "dst", "a destination address", NULL },
		[TR_SPORT]	= { "sport", "a source port", NULL },
		[TR_DPORT]	= { "dport", "a destination port", NULL },
		[TR_TYPE]	= { "type", "a type", NULL },
		[TR_CODE]	= { "code", "a code", NULL },
		[TR_SMAC]	= { "smac", "a source MAC", NULL },
		[TR_DMAC]	= { "dmac", "a destination MAC", NULL },
		[TR_VSID]	= { "vsid", "a VSID", NULL },
		[TR_TUN_SRC]	= { "tun-src", "an outer source", NULL },
	};
	const char *words[ARRAY_SIZE(args)], *word, *why;
	size_t i;

	if (kwargs_parse(args, ARRAY_SIZE(args), TR_PROTO, help, argc, argv,
			 trace_usage))
		return -1;
	if (*help)
		return 0;
	for (i = 0; i < ARRAY_SIZE(args); i++)
		words[i] = args[i].value;
	memset(f, 0, sizeof(*f));
	word = words[TR_DEV];
	if (!word)
		return arg_required("dev", NULL, trace_usage);
	why = ifname_invalid(word);
	if (why)
		return arg_invalid(word, why, trace_usage);
	*port = (struct hnv_sel){ .ifname = word };
	word = words[TR_PROTO];
	if (!word)
		return arg_required("proto", NULL, trace_usage);
	if (ip_proto_parse(word, &f->ip_proto))
		return arg_invalid(word, "the protocol must be tcp, udp, icmp, "
				   "icmpv6 or a number 0..255", trace_usage);
	f->has |= HNV_FLOW_IP_PROTO;
	if (addr_args(words[TR_SRC], words[TR_DST], f) ||
	    l4_args(words, f))
		return -1;
	return link_args(words, f);
}

int do_trace(struct hnvctl *ctl, int argc, char **argv)
{
	struct hnv_flow packet;
	struct hnv_trace t;
	struct hnv_sel port;
	struct nlerr err;
	struct out o;
	bool help;

	if (trace_args(argc, argv, &port, &packet, &help))
		return EXIT_FAILURE;
	if (help) {
		trace_usage(stdout);
		return EXIT_SUCCESS;
	}
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_trace(&ctl->hnv, &port, &packet, &t, &err)) {
		hnvctl_perror(&err);
		hnv_trace_free(&t);
		return EXIT_FAILURE;
	}
	out_one_begin(&o, stdout, ctl->json, ctl->pretty);
	out_trace(&o, &t);
	out_end(&o);
	hnv_trace_free(&t);
	return EXIT_SUCCESS;
}
