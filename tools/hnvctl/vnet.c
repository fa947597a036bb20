// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl vnet { show | help }: the virtual networks of the switches.  A
 * virtual network (routing domain) is the subnets of a switch that have
 * the same RDID; the kernel has no object of its own for it, so this is a
 * view of the subnets: "show" dumps them (those of one switch, if given),
 * keeps those of the RDID given, and groups them by switch and RDID.  The
 * groups come by switch name, then RDID, each with its VSIDs in ascending
 * order.
 */
#include <stdlib.h>
#include <string.h>

#include "hnvctl.h"
#include "output.h"
#include "parse.h"

static void vnet_usage(FILE *fp)
{
	fputs("Usage: hnvctl vnet show [ rdid RDID ] [ switch NAME ]\n"
	      "       hnvctl vnet help\n"
	      "where  RDID := 1..4294967295\n"
	      "\n"
	      "  A virtual network is the subnets of a switch that have the "
	      "same RDID\n"
	      "  (see \"hnvctl subnet help\"); \"show\" lists each with its "
	      "VSIDs.\n", fp);
}

static int vnet_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	vnet_usage(stdout);
	return EXIT_SUCCESS;
}

/* By switch name (then ifindex), RDID and VSID. */
static int vnet_cmp(const void *a, const void *b)
{
	const struct hnv_subnet *x = a, *y = b;
	int c = strcmp(x->switch_ifname, y->switch_ifname);

	if (c)
		return c;
	if (x->switch_ifindex != y->switch_ifindex)
		return x->switch_ifindex < y->switch_ifindex ? -1 : 1;
	if (x->rdid != y->rdid)
		return x->rdid < y->rdid ? -1 : 1;
	return x->vsid < y->vsid ? -1 : x->vsid > y->vsid;
}

/* Are subnets a and b of one virtual network: one switch, one RDID? */
static bool same_vnet(const struct hnv_subnet *a, const struct hnv_subnet *b)
{
	return a->switch_ifindex == b->switch_ifindex && a->rdid == b->rdid &&
	       !strcmp(a->switch_ifname, b->switch_ifname);
}

/* The arguments of "show". */
enum { SEL_RDID, SEL_SWITCH };

/* Parses the arguments of "show" into rdid (0: every RDID) and sw. */
static int show_args(int argc, char **argv, uint32_t *rdid,
		     struct hnv_sel *sw, bool *help)
{
	struct kwarg args[] = {
		[SEL_RDID]	= { "rdid", "an RDID", NULL },
		[SEL_SWITCH]	= { "switch", "a switch", NULL },
	};
	const char *word;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, help, argc, argv,
			 vnet_usage))
		return -1;
	if (*help)
		return 0;
	word = args[SEL_RDID].value;
	if (word && parse_u32(word, 1, UINT32_MAX, rdid))
		return arg_invalid(word, "RDID must be 1..4294967295",
				   vnet_usage);
	word = args[SEL_SWITCH].value;
	return word ? switch_arg(word, sw, vnet_usage) : 0;
}

static int vnet_show(struct hnvctl *ctl, int argc, char **argv)
{
	struct hnv_subnet_list list = { 0 };
	struct hnv_sel sw = { 0 };
	uint32_t rdid = 0;
	struct nlerr err;
	struct out o;
	size_t i, k;
	bool help;

	if (show_args(argc, argv, &rdid, &sw, &help))
		return EXIT_FAILURE;
	if (help)
		return vnet_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_subnet_dump(&ctl->hnv, &sw, &list, &err)) {
		hnvctl_perror(&err);
		hnv_subnet_list_free(&list);
		return EXIT_FAILURE;
	}
	for (i = k = 0; rdid && i < list.n; i++)
		if (list.v[i].rdid == rdid)
			list.v[k++] = list.v[i];
	if (rdid)
		list.n = k;
	if (list.n)
		qsort(list.v, list.n, sizeof(*list.v), vnet_cmp);
	out_begin(&o, stdout, ctl->json, ctl->pretty);
	for (i = 0; i < list.n; i = k) {
		for (k = i + 1; k < list.n && same_vnet(&list.v[i], &list.v[k]);
		     k++)
			;
		out_vnet(&o, &list.v[i], k - i);
	}
	out_end(&o);
	hnv_subnet_list_free(&list);
	return EXIT_SUCCESS;
}

static const struct cmd vnet_cmds[] = {
	{ "show", vnet_show },
	{ "list", vnet_show },
	{ "help", vnet_help },
};

int do_vnet(struct hnvctl *ctl, int argc, char **argv)
{
	if (!argc)
		return vnet_show(ctl, 0, NULL);
	return cmd_dispatch(ctl, "command", vnet_cmds, ARRAY_SIZE(vnet_cmds),
			    argc, argv, vnet_usage);
}
