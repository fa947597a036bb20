// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl stats { show | help }: the counters of a switch or a port, or of
 * every switch, each followed by its ports.
 *
 * Whether a device is a switch or a port is the kernel's answer: it is
 * asked for as a switch first, and as a port if the kernel says the device
 * is not a switch (EOPNOTSUPP).
 */
#include <errno.h>
#include <stdlib.h>

#include "hnvctl.h"
#include "output.h"

static void stats_usage(FILE *fp)
{
	fputs("Usage: hnvctl stats show [ dev NAME | ifindex INDEX ]\n"
	      "       hnvctl stats help\n", fp);
}

static int stats_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	stats_usage(stdout);
	return EXIT_SUCCESS;
}

/* The switch, or else the port, that sel names. */
static int get_dev(struct hnvctl *ctl, const struct hnv_sel *sel,
		   struct hnv_switch_list *switches,
		   struct hnv_port_list *ports, struct nlerr *err)
{
	struct hnv_switch sw, *psw;
	struct hnv_port port, *pport;

	if (!hnv_switch_get(&ctl->hnv, sel, &sw, err)) {
		psw = hnv_switch_list_add(switches);
		if (!psw)
			return nlerr_set(err, ENOMEM, NULL);
		*psw = sw;
		return 0;
	}
	if (err->code != EOPNOTSUPP ||
	    hnv_port_get(&ctl->hnv, sel, NULL, &port, err))
		return -1;
	pport = hnv_port_list_add(ports);
	if (!pport)
		return nlerr_set(err, ENOMEM, NULL);
	*pport = port;
	return 0;
}

static int get_counters(struct hnvctl *ctl, const struct show_args *a,
			struct hnv_switch_list *switches,
			struct hnv_port_list *ports, struct nlerr *err)
{
	if (a->dev.ifname || a->dev.ifindex)
		return get_dev(ctl, &a->dev, switches, ports, err);
	if (hnv_switch_dump(&ctl->hnv, switches, err))
		return -1;
	return dump_ports(ctl, switches, ports, err);
}

static bool listed(const struct hnv_switch_list *switches, uint32_t ifindex)
{
	size_t i;

	for (i = 0; i < switches->n; i++)
		if (switches->v[i].ifindex == ifindex)
			return true;
	return false;
}

/* Each switch followed by its ports, then the ports of other switches. */
static void print_counters(struct out *o,
			   const struct hnv_switch_list *switches,
			   const struct hnv_port_list *ports)
{
	const struct hnv_port *p;
	size_t i, k;

	for (i = 0; i < switches->n; i++) {
		const struct hnv_switch *sw = &switches->v[i];

		out_counters(o, "switch", sw->ifname, &sw->stats);
		for (k = 0; k < ports->n; k++) {
			p = &ports->v[k];
			if (p->switch_ifindex == sw->ifindex)
				out_counters(o, "port", p->ifname, &p->stats);
		}
	}
	for (k = 0; k < ports->n; k++) {
		p = &ports->v[k];
		if (!listed(switches, p->switch_ifindex))
			out_counters(o, "port", p->ifname, &p->stats);
	}
}

static int stats_show(struct hnvctl *ctl, int argc, char **argv)
{
	struct hnv_switch_list switches = { 0 };
	struct hnv_port_list ports = { 0 };
	int ret = EXIT_SUCCESS;
	struct show_args a;
	struct nlerr err;
	struct out o;

	if (show_args_parse(&a, SHOW_DEV | SHOW_IFINDEX, argc, argv,
			    stats_usage))
		return EXIT_FAILURE;
	if (a.help)
		return stats_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (get_counters(ctl, &a, &switches, &ports, &err)) {
		hnvctl_perror(&err);
		ret = EXIT_FAILURE;
	} else {
		out_begin(&o, stdout, ctl->json, ctl->pretty);
		print_counters(&o, &switches, &ports);
		out_end(&o);
	}
	hnv_port_list_free(&ports);
	hnv_switch_list_free(&switches);
	return ret;
}

static const struct cmd stats_cmds[] = {
	{ "show", stats_show },
	{ "list", stats_show },
	{ "help", stats_help },
};

int do_stats(struct hnvctl *ctl, int argc, char **argv)
{
	if (!argc)
		return stats_show(ctl, 0, NULL);
	return cmd_dispatch(ctl, "command", stats_cmds,
			    ARRAY_SIZE(stats_cmds), argc, argv, stats_usage);
}
