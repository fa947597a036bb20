// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl port { show | help }
 *
 * A port reply names its switch by ifindex only: the switches are fetched
 * too, for their names.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include "hnvctl.h"
#include "output.h"

static void port_usage(FILE *fp)
{
	fputs("Usage: hnvctl port show [ dev NAME | ifindex INDEX ] [ switch NAME ]\n"
	      "       hnvctl port help\n", fp);
}

static int port_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	port_usage(stdout);
	return EXIT_SUCCESS;
}

/*
 * Appends the ports of each of switches to ports.  A switch deleted since
 * it was listed (ENODEV) has no ports.
 */
int dump_ports(struct hnvctl *ctl, const struct hnv_switch_list *switches,
	       struct hnv_port_list *ports, struct nlerr *err)
{
	size_t i;

	for (i = 0; i < switches->n; i++) {
		struct hnv_sel sel = { .ifindex = switches->v[i].ifindex };

		if (hnv_port_dump(&ctl->hnv, &sel, ports, err) &&
		    err->code != ENODEV)
			return -1;
	}
	return 0;
}

/* The port a selects, and its switch. */
static int get_port(struct hnvctl *ctl, const struct show_args *a,
		    struct hnv_switch_list *switches,
		    struct hnv_port_list *ports, struct nlerr *err)
{
	struct hnv_port *port = hnv_port_list_add(ports);
	struct hnv_switch *sw = hnv_switch_list_add(switches);
	struct hnv_sel sel = { 0 };

	if (!port || !sw)
		return nlerr_set(err, ENOMEM, NULL);
	if (hnv_port_get(&ctl->hnv, &a->dev, a->sw.ifname ? &a->sw : NULL,
			 port, err))
		return -1;
	sel.ifindex = port->switch_ifindex;
	return hnv_switch_get(&ctl->hnv, &sel, sw, err);
}

static int get_ports(struct hnvctl *ctl, const struct show_args *a,
		     struct hnv_switch_list *switches,
		     struct hnv_port_list *ports, struct nlerr *err)
{
	struct hnv_switch *sw;
	struct hnv_sel sel;

	if (a->dev.ifname || a->dev.ifindex)
		return get_port(ctl, a, switches, ports, err);
	if (!a->sw.ifname) {
		if (hnv_switch_dump(&ctl->hnv, switches, err))
			return -1;
		return dump_ports(ctl, switches, ports, err);
	}
	sw = hnv_switch_list_add(switches);
	if (!sw)
		return nlerr_set(err, ENOMEM, NULL);
	if (hnv_switch_get(&ctl->hnv, &a->sw, sw, err))
		return -1;
	sel = (struct hnv_sel){ .ifindex = sw->ifindex };
	return hnv_port_dump(&ctl->hnv, &sel, ports, err);
}

static const char *switch_name(const struct hnv_switch_list *switches,
			       uint32_t ifindex, char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < switches->n; i++)
		if (switches->v[i].ifindex == ifindex)
			return switches->v[i].ifname;
	snprintf(buf, len, "if%" PRIu32, ifindex);
	return buf;
}

static int port_show(struct hnvctl *ctl, int argc, char **argv)
{
	struct hnv_switch_list switches = { 0 };
	struct hnv_port_list ports = { 0 };
	int ret = EXIT_SUCCESS;
	struct show_args a;
	char buf[IFNAMSIZ];
	struct nlerr err;
	struct out o;
	size_t i;

	if (show_args_parse(&a, SHOW_DEV | SHOW_IFINDEX | SHOW_SWITCH, argc,
			    argv, port_usage))
		return EXIT_FAILURE;
	if (a.help)
		return port_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (get_ports(ctl, &a, &switches, &ports, &err)) {
		hnvctl_perror(&err);
		ret = EXIT_FAILURE;
		goto out;
	}
	out_begin(&o, stdout, ctl->json, ctl->pretty);
	for (i = 0; i < ports.n; i++)
		out_port(&o, &ports.v[i],
			 switch_name(&switches, ports.v[i].switch_ifindex,
				     buf, sizeof(buf)));
	out_end(&o);
out:
	hnv_port_list_free(&ports);
	hnv_switch_list_free(&switches);
	return ret;
}

static const struct cmd port_cmds[] = {
	{ "show", port_show },
	{ "list", port_show },
	{ "help", port_help },
};

int do_port(struct hnvctl *ctl, int argc, char **argv)
{
	if (!argc)
		return port_show(ctl, 0, NULL);
	return cmd_dispatch(ctl, "command", port_cmds, ARRAY_SIZE(port_cmds),
			    argc, argv, port_usage);
}
