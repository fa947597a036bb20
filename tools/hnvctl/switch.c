// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl switch { show | set | help }
 *
 * "set" changes the settings of a switch's unified flow tables, the most
 * CA->PA mappings it holds, its provider addresses (PAs), its VXLAN port,
 * its strict mode, the FlowID of its NVGRE packets, the MAC of its
 * distributed router and the timeouts of the connections its stateful
 * ACLs track.  Its values
 * are checked here with the ranges and rules <linux/hnv.h> gives for
 * HNV_CMD_SWITCH_SET; the kernel checks them again.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <linux/hnv.h>

#include "hnvctl.h"
#include "output.h"
#include "parse.h"

/* The ranges of HNV_CMD_SWITCH_SET, from <linux/hnv.h>. */
#define UFT_MAX_MIN		1
#define UFT_MAX_MAX		16777216	/* 2^24 */
#define UFT_IDLE_MS_MIN		100
#define UFT_IDLE_MS_MAX		3600000		/* an hour */
#define CONN_TIMEOUT_MIN	1
#define CONN_TIMEOUT_MAX	864000		/* ten days */
#define MAPS_MAX_MIN		1
#define MAPS_MAX_MAX		16777216	/* 2^24 */

static void switch_usage(FILE *fp)
{
	fputs("Usage: hnvctl switch show [ dev NAME | ifindex INDEX ]\n"
	      "       hnvctl switch set dev NAME [ uft-max FLOWS ] "
	      "[ uft-port-max FLOWS ]\n"
	      "                                  [ uft-idle-ms MS ]\n"
	      "                                  [ maps-max MAPS ]\n"
	      "                                  [ pa ADDR ]... | [ pa none ]\n"
	      "                                  [ vxlan-port PORT ]\n"
	      "                                  [ strict { on | off } ]\n"
	      "                                  "
	      "[ nvgre-flowid { on | off } ]\n"
	      "                                  [ router-mac MAC ]\n"
	      "                                  [ conn-timeout SECONDS ]\n"
	      "                                  "
	      "[ conn-tcp-timeout SECONDS ]\n"
	      "       hnvctl switch help\n"
	      "where  FLOWS := " STRINGIFY(UFT_MAX_MIN) ".."
	      STRINGIFY(UFT_MAX_MAX) "\n"
	      "       MS := " STRINGIFY(UFT_IDLE_MS_MIN) ".."
	      STRINGIFY(UFT_IDLE_MS_MAX) "\n"
	      "       MAPS := " STRINGIFY(MAPS_MAX_MIN) ".."
	      STRINGIFY(MAPS_MAX_MAX) "\n"
	      "       ADDR := a unicast IPv4 address, as 192.168.1.10; up to "
	      STRINGIFY(HNV_PAS_MAX) "\n"
	      "       PORT := 1..65535\n"
	      "       MAC := a unicast MAC, as 02:48:4e:56:00:01\n"
	      "       SECONDS := " STRINGIFY(CONN_TIMEOUT_MIN) ".."
	      STRINGIFY(CONN_TIMEOUT_MAX) "\n"
	      "\n"
	      "  uft-max       most flows the switch caches, all its ports "
	      "together\n"
	      "  uft-port-max  most flows one port caches\n"
	      "  uft-idle-ms   a cached flow unused this long is removed\n"
	      "  maps-max      most CA->PA mappings the switch holds; beyond "
	      "them \"map add\"\n"
	      "                is refused, \"map replace\" of an existing one "
	      "is not;\n"
	      "                1048576 by default\n"
	      "  pa            the switch's provider addresses, which replace "
	      "its list;\n"
	      "                \"pa none\" removes them all\n"
	      "  vxlan-port    the UDP port VXLAN is sent to and received on\n"
	      "                (4789 by default)\n"
	      "  strict        on: a packet from the physical network is "
	      "delivered only if\n"
	      "                its outer source is the PA its inner source MAC "
	      "is mapped to\n"
	      "                in its VSID, else dropped (pa-mismatch); off by "
	      "default\n"
	      "  nvgre-flowid  on: NVGRE packets carry a FlowID from the "
	      "inner flow's hash in\n"
	      "                the low 8 bits of the GRE key; off: they carry "
	      "0 there, as a\n"
	      "                Linux gretap with key VSID << 8 expects; on by "
	      "default\n"
	      "  router-mac    the MAC of the switch's distributed router, "
	      "which answers the\n"
	      "                ARP requests and neighbour solicitations for "
	      "the gateways;\n"
	      "                02:48:4e:56:00:01 by default\n"
	      "  conn-timeout  a connection tracked for a stateful ACL "
	      "(see \"hnvctl acl\n"
	      "                help\") lives this long without traffic, "
	      "but an established\n"
	      "                TCP one; 30 by default\n"
	      "  conn-tcp-timeout\n"
	      "                the same for an established TCP connection; "
	      "3600 by default\n"
	      "  \"set\" takes at least one of them.\n", fp);
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

enum {
	SET_DEV, SET_UFT_MAX, SET_UFT_PORT_MAX, SET_UFT_IDLE_MS, SET_PA,
	SET_VXLAN_PORT, SET_STRICT, SET_NVGRE_FLOWID, SET_ROUTER_MAC,
	SET_CONN_TIMEOUT, SET_CONN_TCP_TIMEOUT, SET_MAPS_MAX,
};

/*
 * The settings of "switch set": keyword, flag, range, and where the value
 * goes.
 */
static const struct {
	int arg;
	unsigned int flag;
	uint32_t min, max;
	const char *why;
	size_t offset;
} settings[] = {
	{ SET_UFT_MAX, HNV_UFT_SET_MAX, UFT_MAX_MIN, UFT_MAX_MAX,
	  "uft-max must be " STRINGIFY(UFT_MAX_MIN) ".." STRINGIFY(UFT_MAX_MAX),
	  offsetof(struct hnv_uft_conf, max) },
	{ SET_UFT_PORT_MAX, HNV_UFT_SET_PORT_MAX, UFT_MAX_MIN, UFT_MAX_MAX,
	  "uft-port-max must be " STRINGIFY(UFT_MAX_MIN) ".."
	  STRINGIFY(UFT_MAX_MAX),
	  offsetof(struct hnv_uft_conf, port_max) },
	{ SET_UFT_IDLE_MS, HNV_UFT_SET_IDLE_MS, UFT_IDLE_MS_MIN,
	  UFT_IDLE_MS_MAX,
	  "uft-idle-ms must be " STRINGIFY(UFT_IDLE_MS_MIN) ".."
	  STRINGIFY(UFT_IDLE_MS_MAX),
	  offsetof(struct hnv_uft_conf, idle_ms) },
};

/*
 * The values of "pa": "none" alone, or up to HNV_PAS_MAX distinct unicast
 * IPv4 addresses.
 */
static int pas_args(const struct kwarg *arg, struct hnv_pas *pas)
{
	const char *word, *why;
	unsigned int i, k;

	pas->n = 0;
	for (i = 0; i < arg->n; i++) {
		word = arg->list[i];
		if (!strcmp(word, "none")) {
			if (arg->n > 1)
				return arg_invalid(word,
						   "\"pa none\" removes every PA and takes no address",
						   switch_usage);
			return 0;
		}
		why = parse_pa(word, pas->addr[pas->n]);
		if (why)
			return arg_invalid(word, why, switch_usage);
		for (k = 0; k < pas->n; k++)
			if (!memcmp(pas->addr[k], pas->addr[pas->n], 4))
				return arg_invalid(word,
						   "this PA was already given",
						   switch_usage);
		pas->n++;
	}
	return 0;
}

/*
 * Parses the arguments of "switch set".  "dev" may not be left out: a word
 * that is no keyword is a mistyped one.
 */
static int set_args(int argc, char **argv, struct hnv_sel *sw,
		    struct hnv_switch_conf *conf, bool *help)
{
	const char *pas[HNV_PAS_MAX];
	struct kwarg args[] = {
		[SET_DEV]		= { "dev", "a device", NULL },
		[SET_UFT_MAX]		= { "uft-max", "uft-max", NULL },
		[SET_UFT_PORT_MAX]	= { "uft-port-max", "uft-port-max",
					    NULL },
		[SET_UFT_IDLE_MS]	= { "uft-idle-ms", "uft-idle-ms",
					    NULL },
		[SET_PA]		= { "pa", "a PA", NULL, pas,
					    HNV_PAS_MAX, 0,
					    "a switch has at most "
					    STRINGIFY(HNV_PAS_MAX) " PAs" },
		[SET_VXLAN_PORT]	= { "vxlan-port", "vxlan-port", NULL },
		[SET_STRICT]		= { "strict", "strict", NULL },
		[SET_NVGRE_FLOWID]	= { "nvgre-flowid", "nvgre-flowid",
					    NULL },
		[SET_ROUTER_MAC]	= { "router-mac", "router-mac", NULL },
		[SET_CONN_TIMEOUT]	= { "conn-timeout", "conn-timeout",
					    NULL },
		[SET_CONN_TCP_TIMEOUT]	= { "conn-tcp-timeout",
					    "conn-tcp-timeout", NULL },
		[SET_MAPS_MAX]		= { "maps-max", "maps-max", NULL },
	};
	uint32_t port;
	const char *word;
	size_t i;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, help, argc, argv,
			 switch_usage))
		return -1;
	if (*help)
		return 0;
	word = args[SET_DEV].value;
	if (!word)
		return arg_required("dev", NULL, switch_usage);
	if (switch_arg(word, sw, switch_usage))
		return -1;
	memset(conf, 0, sizeof(*conf));
	for (i = 0; i < ARRAY_SIZE(settings); i++) {
		word = args[settings[i].arg].value;
		if (!word)
			continue;
		if (parse_u32(word, settings[i].min, settings[i].max,
			      (uint32_t *)((char *)&conf->uft +
					   settings[i].offset)))
			return arg_invalid(word, settings[i].why,
					   switch_usage);
		conf->uft.has |= settings[i].flag;
	}
	if (args[SET_PA].n) {
		if (pas_args(&args[SET_PA], &conf->pas))
			return -1;
		conf->has |= HNV_SWITCH_SET_PAS;
	}
	word = args[SET_VXLAN_PORT].value;
	if (word) {
		if (parse_u32(word, 1, 65535, &port))
			return arg_invalid(word, "vxlan-port must be 1..65535",
					   switch_usage);
		conf->vxlan_port = port;
		conf->has |= HNV_SWITCH_SET_VXLAN_PORT;
	}
	word = args[SET_STRICT].value;
	if (word) {
		if (strcmp(word, "on") && strcmp(word, "off"))
			return arg_invalid(word, "strict must be on or off",
					   switch_usage);
		conf->strict = !strcmp(word, "on");
		conf->has |= HNV_SWITCH_SET_STRICT;
	}
	word = args[SET_NVGRE_FLOWID].value;
	if (word) {
		if (strcmp(word, "on") && strcmp(word, "off"))
			return arg_invalid(word,
					   "nvgre-flowid must be on or off",
					   switch_usage);
		conf->nvgre_flowid = !strcmp(word, "on");
		conf->has |= HNV_SWITCH_SET_NVGRE_FLOWID;
	}
	word = args[SET_ROUTER_MAC].value;
	if (word) {
		if (parse_mac(word, conf->router_mac))
			return arg_invalid(word,
					   "router-mac must be a unicast MAC, "
					   "not zero, as in 02:48:4e:56:00:01",
					   switch_usage);
		conf->has |= HNV_SWITCH_SET_ROUTER_MAC;
	}
	word = args[SET_CONN_TIMEOUT].value;
	if (word) {
		if (parse_u32(word, CONN_TIMEOUT_MIN, CONN_TIMEOUT_MAX,
			      &conf->conn_timeout))
			return arg_invalid(word, "conn-timeout must be "
					   STRINGIFY(CONN_TIMEOUT_MIN) ".."
					   STRINGIFY(CONN_TIMEOUT_MAX)
					   " seconds", switch_usage);
		conf->has |= HNV_SWITCH_SET_CONN_TIMEOUT;
	}
	word = args[SET_CONN_TCP_TIMEOUT].value;
	if (word) {
		if (parse_u32(word, CONN_TIMEOUT_MIN, CONN_TIMEOUT_MAX,
			      &conf->conn_tcp_timeout))
			return arg_invalid(word, "conn-tcp-timeout must be "
					   STRINGIFY(CONN_TIMEOUT_MIN) ".."
					   STRINGIFY(CONN_TIMEOUT_MAX)
					   " seconds", switch_usage);
		conf->has |= HNV_SWITCH_SET_CONN_TCP_TIMEOUT;
	}
	word = args[SET_MAPS_MAX].value;
	if (word) {
		if (parse_u32(word, MAPS_MAX_MIN, MAPS_MAX_MAX,
			      &conf->maps_max))
			return arg_invalid(word, "maps-max must be "
					   STRINGIFY(MAPS_MAX_MIN) ".."
					   STRINGIFY(MAPS_MAX_MAX),
					   switch_usage);
		conf->has |= HNV_SWITCH_SET_MAPS_MAX;
	}
	if (!conf->uft.has && !conf->has) {
		fputs("Error: nothing to set: give uft-max, uft-port-max, "
		      "uft-idle-ms, maps-max, pa, vxlan-port, strict, "
		      "nvgre-flowid, router-mac, conn-timeout or "
		      "conn-tcp-timeout.\n", stderr);
		switch_usage(stderr);
		return -1;
	}
	return 0;
}

/*
 * Changes the flow-table settings, the mapping limit, the PAs, the VXLAN
 * port, the strict mode, the NVGRE FlowID setting, the router MAC or the
 * connection timeouts of a switch.
 */
static int switch_set(struct hnvctl *ctl, int argc, char **argv)
{
	struct hnv_switch_conf conf;
	struct hnv_sel sw;
	struct nlerr err;
	bool help;

	if (set_args(argc, argv, &sw, &conf, &help))
		return EXIT_FAILURE;
	if (help)
		return switch_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_switch_set(&ctl->hnv, &sw, &conf, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static const struct cmd switch_cmds[] = {
	{ "show", switch_show },
	{ "set", switch_set },
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
