// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl switch { show | help }
 */
#include <errno.h>
#include <stdlib.h>

#include "hnvctl.h"
#include "output.h"

static void switch_usage(FILE *fp)
{
	fputs("Usage: hnvctl switch show [ dev NAME | ifindex INDEX ]\n"
	      "       hnvctl switch help\n", fp);
}

static int switch_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	switch_usage(stdout);
	return EXIT_SUCCESS;
}

static int get_switches(struct hnvctl *ctl, const struct hnv_sel *sel,
			struct hnv_switch_list *list, struct nlerr *err)
{
	struct hnv_switch *sw;

	if (!sel->ifname && !sel->ifindex)
		return hnv_switch_dump(&ctl->hnv, list, err);
	sw = hnv_switch_list_add(list);
	if (!sw)
		return nlerr_set(err, ENOMEM, NULL);
	return hnv_switch_get(&ctl->hnv, sel, sw, err);
}

static int switch_show(struct hnvctl *ctl, int argc, char **argv)
{
	struct hnv_switch_list list = { 0 };
	struct show_args a;
	struct nlerr err;
	struct out o;
	size_t i;

	if (show_args_parse(&a, SHOW_DEV | SHOW_IFINDEX, argc, argv,
			    switch_usage))
		return EXIT_FAILURE;
	if (a.help)
		return switch_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (get_switches(ctl, &a.dev, &list, &err)) {
		hnvctl_perror(&err);
		hnv_switch_list_free(&list);
		return EXIT_FAILURE;
	}
	out_begin(&o, stdout, ctl->json, ctl->pretty);
	for (i = 0; i < list.n; i++)
		out_switch(&o, &list.v[i]);
	out_end(&o);
	hnv_switch_list_free(&list);
	return EXIT_SUCCESS;
}

static const struct cmd switch_cmds[] = {
	{ "show", switch_show },
	{ "list", switch_show },
	{ "help", switch_help },
};

int do_switch(struct hnvctl *ctl, int argc, char **argv)
{
	if (!argc)
		return switch_show(ctl, 0, NULL);
	return cmd_dispatch(ctl, "command", switch_cmds,
			    ARRAY_SIZE(switch_cmds), argc, argv, switch_usage);
}
