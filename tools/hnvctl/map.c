// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl map { add | replace | del | show | help }: the CA->PA mappings of
 * the switches.  A mapping says that the VM with MAC m (and customer
 * address CA) in VSID v lives behind provider address PA, the host the
 * switch sends its frames to, encapsulated.  (VSID, MAC) is its key.
 *
 * The arguments are checked here before anything is sent; the kernel
 * checks them again.  "replace" is "add" with the flag attribute
 * HNV_A_REPLACE (not the header flag NLM_F_REPLACE, whose bit generic
 * netlink reserves for dumps): it creates the mapping or moves the
 * existing one (a VM migration).  In a batch, add, replace and del are
 * pipelined (hnvctl.c): hnv_map_new() and hnv_map_del() queue their
 * request and the kernel's answer comes later.
 *
 * "show" lists the mappings by switch (ifindex), VSID and MAC.  A mapping
 * names its switch by ifindex only: the switches are fetched too, for their
 * names.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <linux/hnv.h>

#include "hnvctl.h"
#include "output.h"
#include "parse.h"

static void map_usage(FILE *fp)
{
	fputs("Usage: hnvctl map add vsid VSID mac MAC pa PA [ ca CA ] "
	      "switch NAME\n"
	      "       hnvctl map replace vsid VSID mac MAC pa PA [ ca CA ] "
	      "switch NAME\n"
	      "       hnvctl map del vsid VSID mac MAC switch NAME\n"
	      "       hnvctl map show [ switch NAME ] [ vsid VSID ]\n"
	      "       hnvctl map help\n"
	      "where  VSID := " STRINGIFY(HNV_VSID_MIN) ".."
	      STRINGIFY(HNV_VSID_MAX) ", a subnet of the switch\n"
	      "       MAC := the unicast MAC of the VM, as 02:00:00:00:00:02\n"
	      "       PA := the unicast IPv4 provider address of the host the "
	      "VM is on\n"
	      "       CA := the IPv4 or IPv6 address of the VM\n"
	      "\n"
	      "  add      adds the mapping of VSID and MAC; fails if there is "
	      "one\n"
	      "  replace  adds it, or moves the existing one to PA (a VM "
	      "migration)\n"
	      "  del      deletes the mapping of VSID and MAC\n"
	      "  In a -batch, consecutive add, replace and del commands are "
	      "pipelined.\n", fp);
}

static int map_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	map_usage(stdout);
	return EXIT_SUCCESS;
}

/* The keywords of "add" and "replace", "del", and "show". */
enum { NEW_VSID, NEW_MAC, NEW_PA, NEW_CA, NEW_SWITCH };
enum { DEL_VSID, DEL_MAC, DEL_SWITCH };
enum { SEL_VSID, SEL_SWITCH };

/* "switch NAME", required: word is its value, NULL if not given. */
static int switch_required(const char *word, struct hnv_sel *sw)
{
	if (!word)
		return arg_required("switch", NULL, map_usage);
	return switch_arg(word, sw, map_usage);
}

/* The key of a mapping: "vsid VSID mac MAC", both required. */
static int key_args(const char *vsid, const char *mac, struct hnv_map *m)
{
	const char *why;

	if (!vsid)
		return arg_required("vsid", NULL, map_usage);
	if (vsid_arg(vsid, false, &m->vsid, map_usage))
		return -1;
	if (!mac)
		return arg_required("mac", NULL, map_usage);
	why = parse_mac(mac, m->mac);
	return why ? arg_invalid(mac, why, map_usage) : 0;
}

/* Parses the arguments of "add" and "replace" into sw and m. */
static int new_args(int argc, char **argv, struct hnv_sel *sw,
		    struct hnv_map *m, bool *help)
{
	struct kwarg args[] = {
		[NEW_VSID]	= { "vsid", "a VSID", NULL },
		[NEW_MAC]	= { "mac", "a MAC", NULL },
		[NEW_PA]	= { "pa", "a PA", NULL },
		[NEW_CA]	= { "ca", "a CA", NULL },
		[NEW_SWITCH]	= { "switch", "a switch", NULL },
	};
	const char *word, *why;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, help, argc, argv,
			 map_usage))
		return -1;
	if (*help)
		return 0;
	memset(m, 0, sizeof(*m));
	if (key_args(args[NEW_VSID].value, args[NEW_MAC].value, m))
		return -1;
	word = args[NEW_PA].value;
	if (!word)
		return arg_required("pa", NULL, map_usage);
	why = parse_pa(word, m->pa);
	if (why)
		return arg_invalid(word, why, map_usage);
	word = args[NEW_CA].value;
	why = word ? parse_ca(word, m->ca, &m->ca_len) : NULL;
	if (why)
		return arg_invalid(word, why, map_usage);
	return switch_required(args[NEW_SWITCH].value, sw);
}

static int map_new(struct hnvctl *ctl, int argc, char **argv, bool replace)
{
	struct hnv_map map;
	struct hnv_sel sw;
	struct nlerr err;
	bool help;

	if (new_args(argc, argv, &sw, &map, &help))
		return EXIT_FAILURE;
	if (help)
		return map_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_map_new(&ctl->hnv, &sw, &map, replace, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static int map_add(struct hnvctl *ctl, int argc, char **argv)
{
	return map_new(ctl, argc, argv, false);
}

static int map_replace(struct hnvctl *ctl, int argc, char **argv)
{
	return map_new(ctl, argc, argv, true);
}

static int map_del(struct hnvctl *ctl, int argc, char **argv)
{
	struct kwarg args[] = {
		[DEL_VSID]	= { "vsid", "a VSID", NULL },
		[DEL_MAC]	= { "mac", "a MAC", NULL },
		[DEL_SWITCH]	= { "switch", "a switch", NULL },
	};
	struct hnv_map map = { 0 };
	struct hnv_sel sw;
	struct nlerr err;
	bool help;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, &help, argc, argv,
			 map_usage))
		return EXIT_FAILURE;
	if (help)
		return map_help(ctl, 0, NULL);
	if (key_args(args[DEL_VSID].value, args[DEL_MAC].value, &map) ||
	    switch_required(args[DEL_SWITCH].value, &sw))
		return EXIT_FAILURE;
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_map_del(&ctl->hnv, &sw, map.vsid, map.mac, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

/*
 * The mappings of switch sw (or of every switch), of VSID vsid (or of
 * every VSID, 0), and the switches, for their names.
 */
static int get_maps(struct hnvctl *ctl, const struct hnv_sel *sw,
		    uint32_t vsid, struct hnv_switch_list *switches,
		    struct hnv_map_list *maps, struct nlerr *err)
{
	struct hnv_sel sel = { 0 };
	struct hnv_switch *s;
	size_t i, n;

	if (sw->ifname) {
		s = hnv_switch_list_add(switches);
		if (!s)
			return nlerr_set(err, ENOMEM, NULL);
		if (hnv_switch_get(&ctl->hnv, sw, s, err))
			return -1;
		sel.ifindex = s->ifindex;
	} else if (hnv_switch_dump(&ctl->hnv, switches, err)) {
		return -1;
	}
	if (hnv_map_dump(&ctl->hnv, &sel, vsid, maps, err))
		return -1;
	/* the kernel keeps those of vsid only; so does an older one here */
	for (i = n = 0; vsid && i < maps->n; i++)
		if (maps->v[i].vsid == vsid)
			maps->v[n++] = maps->v[i];
	if (vsid)
		maps->n = n;
	return 0;
}

/* By switch, VSID and MAC: the kernel dumps a switch's in hash order. */
static int map_cmp(const void *a, const void *b)
{
	const struct hnv_map *x = a, *y = b;

	if (x->switch_ifindex != y->switch_ifindex)
		return x->switch_ifindex < y->switch_ifindex ? -1 : 1;
	if (x->vsid != y->vsid)
		return x->vsid < y->vsid ? -1 : 1;
	return memcmp(x->mac, y->mac, ETH_ALEN);
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

static int map_show(struct hnvctl *ctl, int argc, char **argv)
{
	struct kwarg args[] = {
		[SEL_VSID]	= { "vsid", "a VSID", NULL },
		[SEL_SWITCH]	= { "switch", "a switch", NULL },
	};
	struct hnv_switch_list switches = { 0 };
	struct hnv_map_list maps = { 0 };
	int ret = EXIT_SUCCESS;
	struct hnv_sel sw = { 0 };
	char buf[IFNAMSIZ];
	uint32_t vsid = 0;
	struct nlerr err;
	struct out o;
	bool help;
	size_t i;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, &help, argc, argv,
			 map_usage))
		return EXIT_FAILURE;
	if (help)
		return map_help(ctl, 0, NULL);
	if (show_sel_args(args[SEL_VSID].value, args[SEL_SWITCH].value,
			  &vsid, &sw, map_usage))
		return EXIT_FAILURE;
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (get_maps(ctl, &sw, vsid, &switches, &maps, &err)) {
		hnvctl_perror(&err);
		ret = EXIT_FAILURE;
		goto out;
	}
	if (maps.n)
		qsort(maps.v, maps.n, sizeof(*maps.v), map_cmp);
	out_begin(&o, stdout, ctl->json, ctl->pretty);
	for (i = 0; i < maps.n; i++)
		out_map(&o, &maps.v[i],
			switch_name(&switches, maps.v[i].switch_ifindex, buf,
				    sizeof(buf)));
	out_end(&o);
out:
	hnv_map_list_free(&maps);
	hnv_switch_list_free(&switches);
	return ret;
}

static const struct cmd map_cmds[] = {
	{ "add", map_add },
	{ "replace", map_replace },
	{ "del", map_del },
	{ "show", map_show },
	{ "list", map_show },
	{ "help", map_help },
};

/*
 * "add", "replace" and "del" (or prefixes of them) only want the kernel's
 * ACK: a batch pipelines them.
 */
bool map_pipelined(int argc, char **argv)
{
	int i;

	if (argc < 1)
		return false;
	i = KEYWORD_MATCH(argv[0], map_cmds);
	return i >= 0 && (map_cmds[i].fn == map_add ||
			  map_cmds[i].fn == map_replace ||
			  map_cmds[i].fn == map_del);
}

int do_map(struct hnvctl *ctl, int argc, char **argv)
{
	if (!argc)
		return map_show(ctl, 0, NULL);
	return cmd_dispatch(ctl, "command", map_cmds, ARRAY_SIZE(map_cmds),
			    argc, argv, map_usage);
}
