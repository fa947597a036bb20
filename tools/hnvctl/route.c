// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl route { add | replace | del | show | help }: the static routes of
 * the switches' distributed routers.  A route says that in the virtual
 * network (routing domain) RDID, the prefix PREFIX is reached through the
 * VM at address ADDR, the next hop.  (RDID, PREFIX) is its key.
 *
 * The arguments are checked here before anything is sent: the prefix's
 * length (0 .. 32 or 0 .. 128, 0 being a default route), that no bit of
 * its address is set past the length, that the next hop is of the
 * prefix's family.  The kernel checks them again, and checks what only it
 * can: that the next hop is in a subnet of the RDID and not its gateway.
 * "replace" is "add" with the flag attribute HNV_A_REPLACE: it creates the
 * route or changes the next hop of the existing one.  In a batch, add,
 * replace and del are pipelined (hnvctl.c), as those of "map" are.
 *
 * "show" lists the routes by switch (ifindex), RDID, family (IPv4 first),
 * address and length.  A route names its switch by ifindex only: the
 * switches are fetched too, for their names.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <linux/hnv.h>

#include "hnvctl.h"
#include "output.h"
#include "parse.h"

static void route_usage(FILE *fp)
{
	fputs("Usage: hnvctl route add rdid RDID prefix PREFIX via ADDR "
	      "switch NAME\n"
	      "       hnvctl route replace rdid RDID prefix PREFIX via ADDR "
	      "switch NAME\n"
	      "       hnvctl route del rdid RDID prefix PREFIX switch NAME\n"
	      "       hnvctl route show [ rdid RDID ] [ switch NAME ]\n"
	      "       hnvctl route help\n"
	      "where  RDID := 1..4294967295, the virtual network\n"
	      "       PREFIX := an IPv4 prefix of length 0..32, as "
	      "10.9.0.0/16 or 0.0.0.0/0,\n"
	      "                 or an IPv6 prefix of length 0..128, as "
	      "fd00:9::/32\n"
	      "       ADDR := the next hop, an address of the PREFIX's "
	      "family: a VM in a\n"
	      "               subnet of the RDID, not the subnet's gateway\n"
	      "\n"
	      "  add      adds the route of RDID and PREFIX; fails if there "
	      "is one\n"
	      "  replace  adds it, or changes the next hop of the existing "
	      "one\n"
	      "  del      deletes the route of RDID and PREFIX\n"
	      "  A routed packet takes the longest prefix that holds its "
	      "destination, among\n"
	      "  the RDID's subnets and routes; a subnet wins a tie.\n"
	      "  In a -batch, consecutive add, replace and del commands are "
	      "pipelined.\n", fp);
}

static int route_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	route_usage(stdout);
	return EXIT_SUCCESS;
}

/* The keywords of "add" and "replace", "del", and "show". */
enum { NEW_RDID, NEW_PREFIX, NEW_VIA, NEW_SWITCH };
enum { DEL_RDID, DEL_PREFIX, DEL_SWITCH };
enum { SEL_RDID, SEL_SWITCH };

/* "switch NAME", required: word is its value, NULL if not given. */
static int switch_required(const char *word, struct hnv_sel *sw)
{
	if (!word)
		return arg_required("switch", NULL, route_usage);
	return switch_arg(word, sw, route_usage);
}

/* An RDID, word, into *rdid: 1 .. 4294967295. */
static int rdid_arg(const char *word, uint32_t *rdid)
{
	if (parse_u32(word, 1, UINT32_MAX, rdid))
		return arg_invalid(word, "RDID must be 1..4294967295",
				   route_usage);
	return 0;
}

/*
 * The prefix word into r: an address and a length the kernel takes (any,
 * up to the address's bits), without a bit set past the length; if it has
 * one, the error names the prefix meant.
 */
static int prefix_arg(const char *word, struct hnv_route *r)
{
	char why[160], text[INET6_ADDRSTRLEN];
	uint8_t addr[16], alen, len;
	const char *bad;
	bool host = false;
	int i;

	bad = parse_prefix(word, addr, &alen, &len);
	if (bad)
		return arg_invalid(word, bad, route_usage);
	for (i = len; i < alen * 8; i++) {
		if (addr[i / 8] & (0x80 >> (i % 8)))
			host = true;
		addr[i / 8] &= ~(0x80 >> (i % 8));
	}
	if (host) {
		inet_ntop(alen == 4 ? AF_INET : AF_INET6, addr, text,
			  sizeof(text));
		snprintf(why, sizeof(why),
			 "prefix has bits set past its length; did you mean "
			 "%s/%u?", text, len);
		return arg_invalid(word, why, route_usage);
	}
	memcpy(r->addr, addr, alen);
	r->alen = alen;
	r->len = len;
	return 0;
}

/* The key of a route: "rdid RDID prefix PREFIX", both required. */
static int key_args(const char *rdid, const char *prefix, struct hnv_route *r)
{
	if (!rdid)
		return arg_required("rdid", NULL, route_usage);
	if (rdid_arg(rdid, &r->rdid))
		return -1;
	if (!prefix)
		return arg_required("prefix", NULL, route_usage);
	return prefix_arg(prefix, r);
}

/* The next hop word into r, of the family of r's prefix. */
static int via_arg(const char *word, struct hnv_route *r)
{
	uint8_t addr[16], len;

	if (parse_ca(word, addr, &len))
		return arg_invalid(word,
				   "via must be an IPv4 or IPv6 address, as in "
				   "10.1.2.50 or fd00:1::50", route_usage);
	if (len != r->alen)
		return arg_invalid(word, r->alen == 4 ?
				   "the next hop of an IPv4 prefix must be an "
				   "IPv4 address" :
				   "the next hop of an IPv6 prefix must be an "
				   "IPv6 address", route_usage);
	memcpy(r->via, addr, len);
	return 0;
}

/* Parses the arguments of "add" and "replace" into sw and r. */
static int new_args(int argc, char **argv, struct hnv_sel *sw,
		    struct hnv_route *r, bool *help)
{
	struct kwarg args[] = {
		[NEW_RDID]	= { "rdid", "an RDID", NULL },
		[NEW_PREFIX]	= { "prefix", "a prefix", NULL },
		[NEW_VIA]	= { "via", "a next hop", NULL },
		[NEW_SWITCH]	= { "switch", "a switch", NULL },
	};

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, help, argc, argv,
			 route_usage))
		return -1;
	if (*help)
		return 0;
	memset(r, 0, sizeof(*r));
	if (key_args(args[NEW_RDID].value, args[NEW_PREFIX].value, r))
		return -1;
	if (!args[NEW_VIA].value)
		return arg_required("via", NULL, route_usage);
	if (via_arg(args[NEW_VIA].value, r))
		return -1;
	return switch_required(args[NEW_SWITCH].value, sw);
}

static int route_new(struct hnvctl *ctl, int argc, char **argv,
		     bool replace)
{
	struct hnv_route route;
	struct hnv_sel sw;
	struct nlerr err;
	bool help;

	if (new_args(argc, argv, &sw, &route, &help))
		return EXIT_FAILURE;
	if (help)
		return route_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_route_new(&ctl->hnv, &sw, &route, replace, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static int route_add(struct hnvctl *ctl, int argc, char **argv)
{
	return route_new(ctl, argc, argv, false);
}

static int route_replace(struct hnvctl *ctl, int argc, char **argv)
{
	return route_new(ctl, argc, argv, true);
}

static int route_del(struct hnvctl *ctl, int argc, char **argv)
{
	struct kwarg args[] = {
		[DEL_RDID]	= { "rdid", "an RDID", NULL },
		[DEL_PREFIX]	= { "prefix", "a prefix", NULL },
		[DEL_SWITCH]	= { "switch", "a switch", NULL },
	};
	struct hnv_route route = { 0 };
	struct hnv_sel sw;
	struct nlerr err;
	bool help;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, &help, argc, argv,
			 route_usage))
		return EXIT_FAILURE;
	if (help)
		return route_help(ctl, 0, NULL);
	if (key_args(args[DEL_RDID].value, args[DEL_PREFIX].value, &route) ||
	    switch_required(args[DEL_SWITCH].value, &sw))
		return EXIT_FAILURE;
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_route_del(&ctl->hnv, &sw, &route, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

/*
 * The routes of switch sw (or of every switch), of RDID rdid (or of every
 * RDID, 0), and the switches, for their names.
 */
static int get_routes(struct hnvctl *ctl, const struct hnv_sel *sw,
		      uint32_t rdid, struct hnv_switch_list *switches,
		      struct hnv_route_list *routes, struct nlerr *err)
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
	if (hnv_route_dump(&ctl->hnv, &sel, rdid, routes, err))
		return -1;
	/* the kernel keeps those of rdid only; so does hnvctl, to be sure */
	for (i = n = 0; rdid && i < routes->n; i++)
		if (routes->v[i].rdid == rdid)
			routes->v[n++] = routes->v[i];
	if (rdid)
		routes->n = n;
	return 0;
}

/* By switch, RDID, family (IPv4 first), address and length. */
static int route_cmp(const void *a, const void *b)
{
	const struct hnv_route *x = a, *y = b;
	int c;

	if (x->switch_ifindex != y->switch_ifindex)
		return x->switch_ifindex < y->switch_ifindex ? -1 : 1;
	if (x->rdid != y->rdid)
		return x->rdid < y->rdid ? -1 : 1;
	if (x->alen != y->alen)
		return x->alen < y->alen ? -1 : 1;
	c = memcmp(x->addr, y->addr, x->alen);
	if (c)
		return c;
	return x->len < y->len ? -1 : x->len > y->len;
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

static int route_show(struct hnvctl *ctl, int argc, char **argv)
{
	struct kwarg args[] = {
		[SEL_RDID]	= { "rdid", "an RDID", NULL },
		[SEL_SWITCH]	= { "switch", "a switch", NULL },
	};
	struct hnv_switch_list switches = { 0 };
	struct hnv_route_list routes = { 0 };
	int ret = EXIT_SUCCESS;
	struct hnv_sel sw = { 0 };
	char buf[IFNAMSIZ];
	uint32_t rdid = 0;
	struct nlerr err;
	struct out o;
	bool help;
	size_t i;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, &help, argc, argv,
			 route_usage))
		return EXIT_FAILURE;
	if (help)
		return route_help(ctl, 0, NULL);
	if ((args[SEL_RDID].value && rdid_arg(args[SEL_RDID].value, &rdid)) ||
	    (args[SEL_SWITCH].value &&
	     switch_arg(args[SEL_SWITCH].value, &sw, route_usage)))
		return EXIT_FAILURE;
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (get_routes(ctl, &sw, rdid, &switches, &routes, &err)) {
		hnvctl_perror(&err);
		ret = EXIT_FAILURE;
		goto out;
	}
	if (routes.n)
		qsort(routes.v, routes.n, sizeof(*routes.v), route_cmp);
	out_begin(&o, stdout, ctl->json, ctl->pretty);
	for (i = 0; i < routes.n; i++)
		out_route(&o, &routes.v[i],
			  switch_name(&switches, routes.v[i].switch_ifindex,
				      buf, sizeof(buf)));
	out_end(&o);
out:
	hnv_route_list_free(&routes);
	hnv_switch_list_free(&switches);
	return ret;
}

static const struct cmd route_cmds[] = {
	{ "add", route_add },
	{ "replace", route_replace },
	{ "del", route_del },
	{ "show", route_show },
	{ "list", route_show },
	{ "help", route_help },
};

/*
 * "add", "replace" and "del" (or prefixes of them) only want the kernel's
 * ACK: a batch pipelines them.
 */
bool route_pipelined(int argc, char **argv)
{
	int i;

	if (argc < 1)
		return false;
	i = KEYWORD_MATCH(argv[0], route_cmds);
	return i >= 0 && (route_cmds[i].fn == route_add ||
			  route_cmds[i].fn == route_replace ||
			  route_cmds[i].fn == route_del);
}

int do_route(struct hnvctl *ctl, int argc, char **argv)
{
	if (!argc)
		return route_show(ctl, 0, NULL);
	return cmd_dispatch(ctl, "command", route_cmds, ARRAY_SIZE(route_cmds),
			    argc, argv, route_usage);
}
