// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl port { show | set | help }
 *
 * "set" binds a port to a subnet with the MAC of the VM behind it and,
 * optionally, its customer addresses (CAs); the kernel checks that each
 * lies in the subnet's prefix of its family and is no other port's.
 *
 * A port reply names its switch by ifindex only: the switches are fetched
 * too, for their names.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include <linux/hnv.h>

#include "hnvctl.h"
#include "output.h"
#include "parse.h"

static void port_usage(FILE *fp)
{
	fputs("Usage: hnvctl port show [ dev NAME | ifindex INDEX ] [ switch NAME ]\n"
	      "       hnvctl port set dev NAME vsid VSID mac MAC [ ca CA ]...\n"
	      "       hnvctl port set dev NAME vsid none\n"
	      "       hnvctl port help\n"
	      "where  VSID := " STRINGIFY(HNV_VSID_MIN) ".."
	      STRINGIFY(HNV_VSID_MAX) ", a subnet of the port's switch\n"
	      "       MAC := the unicast MAC of the VM, as 02:00:00:00:00:01\n"
	      "       CA := an IPv4 or IPv6 address of the VM, in the subnet's "
	      "prefix of its\n"
	      "             family, as 10.1.1.11 or fd00:1::11; up to "
	      STRINGIFY(HNV_PORT_CAS_MAX) "\n",
	      fp);
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

enum { SET_DEV, SET_VSID, SET_MAC, SET_CA };

/*
 * The values of "ca": up to HNV_PORT_CAS_MAX IPv4 or IPv6 addresses, only
 * to bind (vsid not 0).  That they are distinct, in the subnet's prefixes
 * and no other port's is the kernel's to check.
 */
static int cas_args(const struct kwarg *arg, uint32_t vsid,
		    struct hnv_cas *cas)
{
	const char *word, *why;
	unsigned int i;

	cas->n = 0;
	for (i = 0; i < arg->n; i++) {
		word = arg->list[i];
		if (!vsid)
			return arg_invalid(word,
					   "\"vsid none\" unbinds the port and takes no CA",
					   port_usage);
		why = parse_ca(word, cas->addr[cas->n], &cas->len[cas->n]);
		if (why)
			return arg_invalid(word, why, port_usage);
		cas->n++;
	}
	return 0;
}

/* Parses the arguments of "port set"; mac is NULL to unbind. */
static int set_args(int argc, char **argv, struct hnv_sel *port,
		    uint32_t *vsid, uint8_t mac[ETH_ALEN], bool *has_mac,
		    struct hnv_cas *cas, bool *help)
{
	const char *cas_words[HNV_PORT_CAS_MAX];
	struct kwarg args[] = {
		[SET_DEV]	= { "dev", "a device", NULL },
		[SET_VSID]	= { "vsid", "a VSID", NULL },
		[SET_MAC]	= { "mac", "a MAC", NULL },
		[SET_CA]	= { "ca", "a CA", NULL, cas_words,
				    HNV_PORT_CAS_MAX, 0,
				    "a port has at most "
				    STRINGIFY(HNV_PORT_CAS_MAX) " CAs" },
	};
	const char *word, *why;

	if (kwargs_parse(args, ARRAY_SIZE(args), SET_DEV, help, argc, argv,
			 port_usage))
		return -1;
	if (*help)
		return 0;
	word = args[SET_DEV].value;
	if (!word)
		return arg_required("dev", NULL, port_usage);
	why = ifname_invalid(word);
	if (why)
		return arg_invalid(word, why, port_usage);
	*port = (struct hnv_sel){ .ifname = word };
	word = args[SET_VSID].value;
	if (!word)
		return arg_required("vsid", NULL, port_usage);
	if (vsid_arg(word, true, vsid, port_usage))
		return -1;
	word = args[SET_MAC].value;
	*has_mac = word != NULL;
	if (!*vsid && word)
		return arg_invalid(word,
				   "\"vsid none\" unbinds the port and takes no MAC",
				   port_usage);
	if (*vsid && !word)
		return arg_required("mac", "to bind a port", port_usage);
	why = word ? parse_mac(word, mac) : NULL;
	if (why)
		return arg_invalid(word, why, port_usage);
	return cas_args(&args[SET_CA], *vsid, cas);
}

/* Binds a port to a subnet, or unbinds it. */
static int port_set(struct hnvctl *ctl, int argc, char **argv)
{
	uint8_t mac[ETH_ALEN];
	struct hnv_sel port;
	struct hnv_cas cas;
	struct nlerr err;
	bool has_mac = false, help;
	uint32_t vsid;

	if (set_args(argc, argv, &port, &vsid, mac, &has_mac, &cas, &help))
		return EXIT_FAILURE;
	if (help)
		return port_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_port_set(&ctl->hnv, &port, vsid, has_mac ? mac : NULL, &cas,
			 &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static const struct cmd port_cmds[] = {
	{ "show", port_show },
	{ "set", port_set },
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
