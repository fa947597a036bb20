// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl conn { show | help }: the connections the switches track for
 * their stateful ACLs.  A packet allowed by a stateful rule or default
 * opens a connection (its RDID, protocol, addresses and ports; ICMP echo
 * by addresses only), whose return traffic then passes every ACL of the
 * host until it closes or idles out ("switch set" conn-timeout and
 * conn-tcp-timeout).
 *
 * "show" lists them by switch, RDID, family (IPv4 first), addresses,
 * protocol and ports; the kernel dumps a switch's in hash order.
 * Switches are named with if_indextoname(), as by "flow show".
 */
#include <stdlib.h>
#include <string.h>

#include "hnvctl.h"
#include "output.h"

static void conn_usage(FILE *fp)
{
	fputs("Usage: hnvctl conn show [ switch NAME ]\n"
	      "       hnvctl conn help\n"
	      "\n"
	      "  Shows the connections the switches track for their stateful "
	      "ACLs (see\n"
	      "  \"hnvctl acl help\"), one a line: the switch, the RDID, the "
	      "protocol, the\n"
	      "  initiator and the responder, the state (new, established, "
	      "closing or\n"
	      "  closed) and the seconds left without traffic.\n", fp);
}

static int conn_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	conn_usage(stdout);
	return EXIT_SUCCESS;
}

/* The keywords of "show". */
enum { SEL_SWITCH };

/* By switch, RDID, family, addresses, protocol and ports. */
static int conn_cmp(const void *a, const void *b)
{
	const struct hnv_conn *x = a, *y = b;
	int c;

	if (x->switch_ifindex != y->switch_ifindex)
		return x->switch_ifindex < y->switch_ifindex ? -1 : 1;
	if (x->rdid != y->rdid)
		return x->rdid < y->rdid ? -1 : 1;
	if (x->alen != y->alen)
		return x->alen < y->alen ? -1 : 1;
	c = memcmp(x->src, y->src, x->alen);
	if (!c)
		c = memcmp(x->dst, y->dst, x->alen);
	if (c)
		return c;
	if (x->proto != y->proto)
		return x->proto < y->proto ? -1 : 1;
	if (x->sport != y->sport)
		return x->sport < y->sport ? -1 : 1;
	return x->dport < y->dport ? -1 : x->dport > y->dport;
}

static int conn_show(struct hnvctl *ctl, int argc, char **argv)
{
	struct kwarg args[] = {
		[SEL_SWITCH]	= { "switch", "a switch", NULL },
	};
	struct hnv_conn_list list = { 0 };
	struct hnv_sel sw = { 0 };
	struct nlerr err;
	struct out o;
	bool help;
	size_t i;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, &help, argc, argv,
			 conn_usage))
		return EXIT_FAILURE;
	if (help)
		return conn_help(ctl, 0, NULL);
	if (args[SEL_SWITCH].value &&
	    switch_arg(args[SEL_SWITCH].value, &sw, conn_usage))
		return EXIT_FAILURE;
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_conn_dump(&ctl->hnv, &sw, &list, &err)) {
		hnvctl_perror(&err);
		hnv_conn_list_free(&list);
		return EXIT_FAILURE;
	}
	if (list.n)
		qsort(list.v, list.n, sizeof(*list.v), conn_cmp);
	out_begin(&o, stdout, ctl->json, ctl->pretty);
	for (i = 0; i < list.n; i++)
		out_conn(&o, &list.v[i]);
	out_end(&o);
	hnv_conn_list_free(&list);
	return EXIT_SUCCESS;
}

static const struct cmd conn_cmds[] = {
	{ "show", conn_show },
	{ "list", conn_show },
	{ "help", conn_help },
};

int do_conn(struct hnvctl *ctl, int argc, char **argv)
{
	if (!argc)
		return conn_show(ctl, 0, NULL);
	return cmd_dispatch(ctl, "command", conn_cmds, ARRAY_SIZE(conn_cmds),
			    argc, argv, conn_usage);
}
