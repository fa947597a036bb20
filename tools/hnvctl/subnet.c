// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl subnet { add | del | show | help }: the virtual subnets of the
 * switches.  A subnet is a VSID, with the routing domain (RDID) it belongs
 * to, the encapsulation its frames take across the physical network and,
 * optionally, an IPv4 and an IPv6 prefix, each with its gateway.
 *
 * The arguments are checked here before anything is sent, with the ranges
 * of <linux/hnv.h>; the kernel checks them again, and checks what only it
 * can: that no bit of a prefix is set past its length, that a gateway is a
 * usable address of its prefix, that the prefixes of an RDID do not
 * overlap.  A "gateway" belongs to the "prefix" right before it.  "show"
 * lists the subnets by switch, then by VSID.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/hnv.h>

#include "hnvctl.h"
#include "names.h"
#include "output.h"
#include "parse.h"

/* The lengths of the prefixes of HNV_CMD_SUBNET_NEW, from <linux/hnv.h>. */
#define PREFIX4_LEN_MIN		8
#define PREFIX4_LEN_MAX		30
#define PREFIX6_LEN_MIN		16
#define PREFIX6_LEN_MAX		126

static void subnet_usage(FILE *fp)
{
	fputs("Usage: hnvctl subnet add vsid VSID rdid RDID [ encap ENCAP ]\n"
	      "                         [ prefix PREFIX [ gateway ADDR ] ]... "
	      "switch NAME\n"
	      "       hnvctl subnet del vsid VSID switch NAME\n"
	      "       hnvctl subnet show [ switch NAME ] [ vsid VSID ]\n"
	      "       hnvctl subnet help\n"
	      "where  VSID := " STRINGIFY(HNV_VSID_MIN) ".."
	      STRINGIFY(HNV_VSID_MAX) "\n"
	      "       RDID := 1..4294967295\n"
	      "       ENCAP := { vxlan | nvgre }   (default vxlan)\n"
	      "       PREFIX := an IPv4 prefix of length "
	      STRINGIFY(PREFIX4_LEN_MIN) ".." STRINGIFY(PREFIX4_LEN_MAX)
	      ", as 10.1.1.0/24,\n"
	      "                 or an IPv6 prefix of length "
	      STRINGIFY(PREFIX6_LEN_MIN) ".." STRINGIFY(PREFIX6_LEN_MAX)
	      ", as fd00:1::/64\n"
	      "       ADDR := an address of the PREFIX before it, as 10.1.1.1\n"
	      "\n"
	      "  prefix   the subnet's addresses, at most one prefix of each "
	      "family\n"
	      "  gateway  the router's address in the prefix right before it;"
	      " by default\n"
	      "           the first after the prefix's own (10.1.1.1, "
	      "fd00:1::1)\n", fp);
}

static int subnet_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	subnet_usage(stdout);
	return EXIT_SUCCESS;
}

/* "switch NAME", required: word is its value, NULL if not given. */
static int switch_required(const char *word, struct hnv_sel *sw)
{
	if (!word)
		return arg_required("switch", NULL, subnet_usage);
	return switch_arg(word, sw, subnet_usage);
}

/* "vsid VSID", required. */
static int vsid_required(const char *word, uint32_t *vsid)
{
	if (!word)
		return arg_required("vsid", NULL, subnet_usage);
	return vsid_arg(word, false, vsid, subnet_usage);
}

enum { ADD_VSID, ADD_RDID, ADD_ENCAP, ADD_PREFIX, ADD_GATEWAY, ADD_SWITCH };

/*
 * The gateway word of prefix p, whose addresses are alen bytes long: an
 * address of the same family.
 */
static int gateway_arg(const char *word, uint8_t alen, struct hnv_prefix *p)
{
	uint8_t addr[16], len;

	if (parse_ca(word, addr, &len))
		return arg_invalid(word,
				   "gateway must be an IPv4 or IPv6 address, "
				   "as in 10.1.1.1 or fd00:1::1",
				   subnet_usage);
	if (len != alen)
		return arg_invalid(word, alen == 4 ?
				   "the gateway of an IPv4 prefix must be an "
				   "IPv4 address" :
				   "the gateway of an IPv6 prefix must be an "
				   "IPv6 address", subnet_usage);
	memcpy(p->gateway, addr, len);
	p->has_gateway = true;
	return 0;
}

/*
 * One value of "prefix", word, into the prefix of its family in s: the
 * first of that family, and of a length the kernel takes.
 */
static int prefix_arg(const char *word, struct hnv_subnet *s, uint8_t *alen)
{
	struct hnv_prefix *p;
	uint8_t addr[16], len;
	const char *why;

	why = parse_prefix(word, addr, alen, &len);
	if (why)
		return arg_invalid(word, why, subnet_usage);
	p = *alen == 4 ? &s->prefix4 : &s->prefix6;
	if (p->has)
		return arg_invalid(word, *alen == 4 ?
				   "an IPv4 prefix was already given" :
				   "an IPv6 prefix was already given",
				   subnet_usage);
	if (*alen == 4 && (len < PREFIX4_LEN_MIN || len > PREFIX4_LEN_MAX))
		return arg_invalid(word, "the length of an IPv4 prefix must "
				   "be " STRINGIFY(PREFIX4_LEN_MIN) ".."
				   STRINGIFY(PREFIX4_LEN_MAX), subnet_usage);
	if (*alen == 16 && (len < PREFIX6_LEN_MIN || len > PREFIX6_LEN_MAX))
		return arg_invalid(word, "the length of an IPv6 prefix must "
				   "be " STRINGIFY(PREFIX6_LEN_MIN) ".."
				   STRINGIFY(PREFIX6_LEN_MAX), subnet_usage);
	memcpy(p->addr, addr, *alen);
	p->len = len;
	p->has = true;
	return 0;
}

/*
 * The values of "prefix" and "gateway", in the order given.  A gateway
 * belongs to the prefix right before it: its place among the arguments
 * is the prefix's plus one.
 */
static int prefix_args(const struct kwarg *prefix, const struct kwarg *gw,
		       struct hnv_subnet *s)
{
	unsigned int i, k;
	uint8_t alen;

	for (i = 0; i < prefix->n; i++) {
		if (prefix_arg(prefix->list[i], s, &alen))
			return -1;
		for (k = 0; k < gw->n; k++)
			if (gw->pos[k] == prefix->pos[i] + 1 &&
			    gateway_arg(gw->list[k], alen, alen == 4 ?
					&s->prefix4 : &s->prefix6))
				return -1;
	}
	for (k = 0; k < gw->n; k++) {
		for (i = 0; i < prefix->n; i++)
			if (gw->pos[k] == prefix->pos[i] + 1)
				break;
		if (i < prefix->n)
			continue;
		if (k && gw->pos[k] == gw->pos[k - 1] + 1)
			return arg_invalid(gw->list[k],
					   "the prefix before it has a gateway "
					   "already", subnet_usage);
		return arg_invalid(gw->list[k],
				   "gateway must come right after the prefix "
				   "it belongs to", subnet_usage);
	}
	return 0;
}

/* Parses the arguments of "subnet add" into sw and s. */
static int add_args(int argc, char **argv, struct hnv_sel *sw,
		    struct hnv_subnet *s, bool *help)
{
	const char *prefixes[2], *gateways[2];
	unsigned int prefix_pos[2], gateway_pos[2];
	struct kwarg args[] = {
		[ADD_VSID]	= { "vsid", "a VSID", NULL },
		[ADD_RDID]	= { "rdid", "an RDID", NULL },
		[ADD_ENCAP]	= { "encap", "an encap", NULL },
		[ADD_PREFIX]	= { "prefix", "a prefix", NULL, prefixes, 2, 0,
				    "a subnet has at most two prefixes, an "
				    "IPv4 and an IPv6 one", prefix_pos },
		[ADD_GATEWAY]	= { "gateway", "a gateway", NULL, gateways, 2,
				    0, "a subnet has at most two gateways, one "
				    "for each prefix", gateway_pos },
		[ADD_SWITCH]	= { "switch", "a switch", NULL },
	};
	const char *word;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, help, argc, argv,
			 subnet_usage))
		return -1;
	if (*help)
		return 0;
	memset(s, 0, sizeof(*s));
	if (vsid_required(args[ADD_VSID].value, &s->vsid))
		return -1;
	word = args[ADD_RDID].value;
	if (!word)
		return arg_required("rdid", NULL, subnet_usage);
	if (parse_u32(word, 1, UINT32_MAX, &s->rdid))
		return arg_invalid(word, "RDID must be 1..4294967295",
				   subnet_usage);
	word = args[ADD_ENCAP].value;
	s->encap = word ? encap_parse(word) : HNV_ENCAP_VXLAN;
	if (s->encap == HNV_ENCAP_UNSPEC)
		return arg_invalid(word, "encap must be vxlan or nvgre",
				   subnet_usage);
	if (prefix_args(&args[ADD_PREFIX], &args[ADD_GATEWAY], s))
		return -1;
	return switch_required(args[ADD_SWITCH].value, sw);
}

/* The arguments of "del" and "show". */
enum { SEL_VSID, SEL_SWITCH };

#define SEL_ARGS {					\
	[SEL_VSID]	= { "vsid", "a VSID", NULL },	\
	[SEL_SWITCH]	= { "switch", "a switch", NULL },	\
}

static int subnet_add(struct hnvctl *ctl, int argc, char **argv)
{
	struct hnv_subnet subnet;
	struct hnv_sel sw;
	struct nlerr err;
	bool help;

	if (add_args(argc, argv, &sw, &subnet, &help))
		return EXIT_FAILURE;
	if (help)
		return subnet_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_subnet_new(&ctl->hnv, &sw, &subnet, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static int subnet_del(struct hnvctl *ctl, int argc, char **argv)
{
	struct kwarg args[] = SEL_ARGS;
	struct hnv_sel sw;
	struct nlerr err;
	uint32_t vsid;
	bool help;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, &help, argc, argv,
			 subnet_usage))
		return EXIT_FAILURE;
	if (help)
		return subnet_help(ctl, 0, NULL);
	if (vsid_required(args[SEL_VSID].value, &vsid) ||
	    switch_required(args[SEL_SWITCH].value, &sw))
		return EXIT_FAILURE;
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_subnet_del(&ctl->hnv, &sw, vsid, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

/*
 * The subnets to show: one (switch and VSID), those of one switch, or
 * those of every switch, with the VSID if given.
 */
static int get_subnets(struct hnvctl *ctl, const struct hnv_sel *sw,
		       uint32_t vsid, struct hnv_subnet_list *list,
		       struct nlerr *err)
{
	struct hnv_subnet *s;
	size_t i, n;

	if (sw->ifname && vsid) {
		s = hnv_subnet_list_add(list);
		if (!s)
			return nlerr_set(err, ENOMEM, NULL);
		return hnv_subnet_get(&ctl->hnv, sw, vsid, s, err);
	}
	if (hnv_subnet_dump(&ctl->hnv, sw, list, err))
		return -1;
	if (!vsid)
		return 0;
	for (i = n = 0; i < list->n; i++)
		if (list->v[i].vsid == vsid)
			list->v[n++] = list->v[i];
	list->n = n;
	return 0;
}

/* By switch, then by VSID: the kernel dumps a switch's in hash order. */
static int subnet_cmp(const void *a, const void *b)
{
	const struct hnv_subnet *x = a, *y = b;

	if (x->switch_ifindex != y->switch_ifindex)
		return x->switch_ifindex < y->switch_ifindex ? -1 : 1;
	return x->vsid < y->vsid ? -1 : x->vsid > y->vsid;
}

static int subnet_show(struct hnvctl *ctl, int argc, char **argv)
{
	struct hnv_subnet_list list = { 0 };
	struct kwarg args[] = SEL_ARGS;
	struct hnv_sel sw = { 0 };
	uint32_t vsid = 0;
	struct nlerr err;
	struct out o;
	bool help;
	size_t i;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, &help, argc, argv,
			 subnet_usage))
		return EXIT_FAILURE;
	if (help)
		return subnet_help(ctl, 0, NULL);
	if (show_sel_args(args[SEL_VSID].value, args[SEL_SWITCH].value,
			  &vsid, &sw, subnet_usage))
		return EXIT_FAILURE;
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (get_subnets(ctl, &sw, vsid, &list, &err)) {
		hnvctl_perror(&err);
		hnv_subnet_list_free(&list);
		return EXIT_FAILURE;
	}
	if (list.n)
		qsort(list.v, list.n, sizeof(*list.v), subnet_cmp);
	out_begin(&o, stdout, ctl->json, ctl->pretty);
	for (i = 0; i < list.n; i++)
		out_subnet(&o, &list.v[i]);
	out_end(&o);
	hnv_subnet_list_free(&list);
	return EXIT_SUCCESS;
}

static const struct cmd subnet_cmds[] = {
	{ "add", subnet_add },
	{ "del", subnet_del },
	{ "show", subnet_show },
	{ "list", subnet_show },
	{ "help", subnet_help },
};

int do_subnet(struct hnvctl *ctl, int argc, char **argv)
{
	if (!argc)
		return subnet_show(ctl, 0, NULL);
	return cmd_dispatch(ctl, "command", subnet_cmds,
			    ARRAY_SIZE(subnet_cmds), argc, argv, subnet_usage);
}
