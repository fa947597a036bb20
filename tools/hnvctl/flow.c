// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl flow { show | flush | help }: the flows cached in the unified flow
 * tables of the switches.
 *
 * A flow names its switch, its port and the ports it outputs to by ifindex
 * only; they are named with if_indextoname(), which asks the network
 * namespace hnvctl runs in: the one the kernel dumped.  A flow of the
 * uplink (frames from the physical network) is shown by the VSID and outer
 * source it arrived with instead of a port; the kernel lists them after
 * the ports' flows, and not at all when a port is selected.
 */
#include <stdlib.h>

#include "hnvctl.h"
#include "output.h"

static void flow_usage(FILE *fp)
{
	fputs("Usage: hnvctl flow show [ dev NAME | ifindex INDEX ] "
	      "[ switch NAME ]\n"
	      "       hnvctl flow flush switch NAME [ dev NAME | ifindex INDEX ]\n"
	      "       hnvctl flow help\n", fp);
}

static int flow_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	flow_usage(stdout);
	return EXIT_SUCCESS;
}

static int flow_show(struct hnvctl *ctl, int argc, char **argv)
{
	struct hnv_flow_list list = { 0 };
	struct show_args a;
	struct nlerr err;
	struct out o;
	size_t i;

	if (show_args_parse(&a, SHOW_DEV | SHOW_IFINDEX | SHOW_SWITCH, argc,
			    argv, flow_usage))
		return EXIT_FAILURE;
	if (a.help)
		return flow_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_flow_dump(&ctl->hnv, &a.dev, &a.sw, &list, &err)) {
		hnvctl_perror(&err);
		hnv_flow_list_free(&list);
		return EXIT_FAILURE;
	}
	out_begin(&o, stdout, ctl->json, ctl->pretty);
	for (i = 0; i < list.n; i++)
		out_flow(&o, &list.v[i]);
	out_end(&o);
	hnv_flow_list_free(&list);
	return EXIT_SUCCESS;
}

static int flow_flush(struct hnvctl *ctl, int argc, char **argv)
{
	struct show_args a;
	struct nlerr err;

	if (show_args_parse(&a, SHOW_DEV | SHOW_IFINDEX | SHOW_SWITCH, argc,
			    argv, flow_usage))
		return EXIT_FAILURE;
	if (a.help)
		return flow_help(ctl, 0, NULL);
	if (!a.sw.ifname) {
		arg_required("switch", NULL, flow_usage);
		return EXIT_FAILURE;
	}
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_flow_flush(&ctl->hnv, &a.dev, &a.sw, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static const struct cmd flow_cmds[] = {
	{ "show", flow_show },
	{ "list", flow_show },
	{ "flush", flow_flush },
	{ "help", flow_help },
};

int do_flow(struct hnvctl *ctl, int argc, char **argv)
{
	if (!argc)
		return flow_show(ctl, 0, NULL);
	return cmd_dispatch(ctl, "command", flow_cmds, ARRAY_SIZE(flow_cmds),
			    argc, argv, flow_usage);
}
