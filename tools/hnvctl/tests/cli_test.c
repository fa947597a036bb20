// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of the hnvctl binary: the grammar, help, errors, exit statuses and
 * batches.  None of them needs the hnv module, except "version", which
 * accepts both answers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "util.h"

static const char *hnvctl;

struct result {
	int status;
	char out[8192];
	char err[8192];
};

static void slurp(FILE *fp, char *buf, size_t len)
{
	size_t n;

	rewind(fp);
	n = fread(buf, 1, len - 1, fp);
	buf[n] = '\0';
	fclose(fp);
}

/* Runs hnvctl with the NULL-terminated args and input on stdin. */
static struct result *run(const char *input, const char *const *args)
{
	static struct result r;
	FILE *in = tmpfile(), *out = tmpfile(), *err = tmpfile();
	char *argv[32];
	int argc = 0;
	pid_t pid;

	argv[argc++] = (char *)hnvctl;
	while (*args && argc < 31)
		argv[argc++] = (char *)*args++;
	argv[argc] = NULL;
	fputs(input, in);
	fflush(in);
	rewind(in);

	fflush(stdout);
	pid = fork();
	if (!pid) {
		dup2(fileno(in), 0);
		dup2(fileno(out), 1);
		dup2(fileno(err), 2);
		execv(hnvctl, argv);
		_exit(127);
	}
	waitpid(pid, &r.status, 0);
	r.status = WIFEXITED(r.status) ? WEXITSTATUS(r.status) : 128;
	fclose(in);
	slurp(out, r.out, sizeof(r.out));
	slurp(err, r.err, sizeof(r.err));
	return &r;
}

#define RUN(input, ...) run(input, (const char *const[]){ __VA_ARGS__, NULL })

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* The first line of s. */
static const char *line1(const char *s)
{
	static char buf[512];

	snprintf(buf, sizeof(buf), "%.*s\n", (int)strcspn(s, "\n"), s);
	return buf;
}

static void help_tests(void)
{
	static const struct {
		const char *args[8];
		const char *usage;
	} cases[] = {
		{ { "help" }, "Usage: hnvctl [ OPTIONS ] OBJECT" },
		{ { "-h" }, "Usage: hnvctl [ OPTIONS ] OBJECT" },
		{ { "-help" }, "Usage: hnvctl [ OPTIONS ] OBJECT" },
		{ { "--help" }, "Usage: hnvctl [ OPTIONS ] OBJECT" },
		{ { "h" }, "Usage: hnvctl [ OPTIONS ] OBJECT" },
		{ { "switch", "help" }, "Usage: hnvctl switch show" },
		{ { "sw", "h" }, "Usage: hnvctl switch show" },
		{ { "switch", "show", "help" }, "Usage: hnvctl switch show" },
		{ { "switch", "set", "help" }, "Usage: hnvctl switch show" },
		{ { "sw", "se", "dev", "hnv0", "h" },
		  "Usage: hnvctl switch show" },
		{ { "port", "help" }, "Usage: hnvctl port show" },
		{ { "port", "show", "dev", "x" }, NULL },
		{ { "stats", "help" }, "Usage: hnvctl stats show" },
		{ { "st", "list", "help" }, "Usage: hnvctl stats show" },
		{ { "version", "help" }, "Usage: hnvctl version" },
		{ { "subnet", "help" }, "Usage: hnvctl subnet add" },
		{ { "su", "add", "help" }, "Usage: hnvctl subnet add" },
		{ { "subnet", "del", "vsid", "5001", "help" },
		  "Usage: hnvctl subnet add" },
		{ { "subnet", "show", "help" }, "Usage: hnvctl subnet add" },
		{ { "port", "set", "help" }, "Usage: hnvctl port show" },
		{ { "port", "set", "dev", "v1", "h" }, "Usage: hnvctl port show" },
		{ { "flow", "help" }, "Usage: hnvctl flow show" },
		{ { "f", "flush", "help" }, "Usage: hnvctl flow show" },
		{ { "flow", "list", "help" }, "Usage: hnvctl flow show" },
		{ { "map", "help" }, "Usage: hnvctl map add" },
		{ { "m", "h" }, "Usage: hnvctl map add" },
		{ { "map", "add", "help" }, "Usage: hnvctl map add" },
		{ { "map", "replace", "vsid", "5001", "help" },
		  "Usage: hnvctl map add" },
		{ { "map", "del", "help" }, "Usage: hnvctl map add" },
		{ { "map", "show", "help" }, "Usage: hnvctl map add" },
		{ { "m", "l", "h" }, "Usage: hnvctl map add" },
		{ { "sw", "set", "dev", "hnv0", "pa", "10.0.0.1", "h" },
		  "Usage: hnvctl switch show" },
		{ { "vnet", "help" }, "Usage: hnvctl vnet show" },
		{ { "vn", "h" }, "Usage: hnvctl vnet show" },
		{ { "vnet", "show", "help" }, "Usage: hnvctl vnet show" },
		{ { "vnet", "list", "rdid", "1", "help" },
		  "Usage: hnvctl vnet show" },
		{ { "subnet", "add", "prefix", "10.1.1.0/24", "help" },
		  "Usage: hnvctl subnet add" },
		{ { "port", "set", "dev", "v1", "ca", "10.1.1.11", "help" },
		  "Usage: hnvctl port show" },
		{ { "monitor", "help" }, "Usage: hnvctl monitor" },
		{ { "ma", "h" }, "Usage: hnvctl map add" },
		{ { "mo", "h" }, "Usage: hnvctl monitor" },
		{ { "monitor", "switch", "hnv0", "help" },
		  "Usage: hnvctl monitor" },
		{ { "sw", "set", "dev", "hnv0", "router-mac",
		    "02:00:00:00:00:01", "help" },
		  "Usage: hnvctl switch show" },
		{ { "route", "help" }, "Usage: hnvctl route add" },
		{ { "r", "h" }, "Usage: hnvctl route add" },
		{ { "route", "add", "help" }, "Usage: hnvctl route add" },
		{ { "route", "replace", "rdid", "1", "help" },
		  "Usage: hnvctl route add" },
		{ { "route", "del", "prefix", "10.9.0.0/16", "help" },
		  "Usage: hnvctl route add" },
		{ { "route", "show", "help" }, "Usage: hnvctl route add" },
		{ { "r", "l", "h" }, "Usage: hnvctl route add" },
		{ { "acl", "help" }, "Usage: hnvctl acl add" },
		{ { "a", "h" }, "Usage: hnvctl acl add" },
		{ { "acl", "add", "help" }, "Usage: hnvctl acl add" },
		{ { "acl", "add", "dev", "vm1", "allow", "help" },
		  "Usage: hnvctl acl add" },
		{ { "acl", "replace", "help" }, "Usage: hnvctl acl add" },
		{ { "acl", "default", "help" }, "Usage: hnvctl acl add" },
		{ { "acl", "del", "prio", "5", "help" },
		  "Usage: hnvctl acl add" },
		{ { "acl", "flush", "help" }, "Usage: hnvctl acl add" },
		{ { "acl", "show", "help" }, "Usage: hnvctl acl add" },
		{ { "acl", "l", "h" }, "Usage: hnvctl acl add" },
		{ { "conn", "help" }, "Usage: hnvctl conn show" },
		{ { "c", "h" }, "Usage: hnvctl conn show" },
		{ { "conn", "show", "help" }, "Usage: hnvctl conn show" },
		{ { "trace", "help" }, "Usage: hnvctl trace dev PORT" },
		{ { "t", "h" }, "Usage: hnvctl trace dev PORT" },
		{ { "trace", "dev", "vm1", "tcp", "help" },
		  "Usage: hnvctl trace dev PORT" },
		{ { "sw", "set", "dev", "hnv0", "conn-timeout", "5", "help" },
		  "Usage: hnvctl switch show" },
	};
	struct result *r;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *const *a = cases[i].args;

		if (!cases[i].usage)
			continue;
		r = run("", a);
		check(r->status == 0 && starts(r->out, cases[i].usage) &&
		      !r->err[0], "hnvctl %s %s %s: usage on stdout, exit 0",
		      a[0], a[1] ? a[1] : "", a[2] ? a[2] : "");
	}
	r = RUN("", "help");
	check(strstr(r->out, "OBJECT := { switch | port | subnet | vnet | "
			     "map | route | acl | conn |\n"
			     "                  trace | flow | stats | monitor | "
			     "version | help }\n") &&
	      strstr(r->out, "\n  subnet ") && strstr(r->out, "\n  flow ") &&
	      strstr(r->out, "\n  vnet ") && strstr(r->out, "\n  monitor "),
	      "hnvctl help lists subnet, vnet, flow and monitor");
	r = RUN("", "monitor", "help");
	check(r->status == 0 &&
	      starts(r->out, "Usage: hnvctl monitor [ switch NAME ]\n"
			     "       hnvctl monitor help\n") &&
	      strstr(r->out, "(SIGINT or SIGTERM, exit status 0)") &&
	      strstr(r->out, "\n  neigh-miss  a port asked (ARP request or "
			     "IPv6 neighbour solicitation)") &&
	      strstr(r->out, "(neigh-unknown)") &&
	      strstr(r->out, "At most one event per\n"
			     "              VSID and address a second, and "
			     "100 a second per switch.\n"),
	      "monitor help: the switch selector, how it ends, the event, "
	      "its rate limits");
	r = RUN("", "vnet", "help");
	check(r->status == 0 &&
	      starts(r->out, "Usage: hnvctl vnet show [ rdid RDID ] "
			     "[ switch NAME ]\n"
			     "       hnvctl vnet help\n"
			     "where  RDID := 1..4294967295\n") &&
	      strstr(r->out, "the same RDID"),
	      "vnet help: show, its selectors, the RDID range, what a vnet is");
	r = RUN("", "subnet", "help");
	check(strstr(r->out, "hnvctl subnet add vsid VSID rdid RDID "
			     "[ encap ENCAP ]\n"
			     "                         [ prefix PREFIX "
			     "[ gateway ADDR ] ]... switch NAME\n") &&
	      strstr(r->out, "hnvctl subnet del vsid VSID switch NAME\n") &&
	      strstr(r->out, "hnvctl subnet show [ switch NAME ] "
			     "[ vsid VSID ]\n") &&
	      strstr(r->out, "VSID := 4096..16777214\n") &&
	      strstr(r->out, "ENCAP := { vxlan | nvgre }"),
	      "subnet help: every command, the VSID range, the encaps");
	check(strstr(r->out, "PREFIX := an IPv4 prefix of length 8..30, as "
			     "10.1.1.0/24,\n") &&
	      strstr(r->out, "or an IPv6 prefix of length 16..126, as "
			     "fd00:1::/64\n") &&
	      strstr(r->out, "ADDR := an address of the PREFIX before it") &&
	      strstr(r->out, "\n  prefix ") && strstr(r->out, "\n  gateway "),
	      "subnet help: the prefix lengths, the gateway and its default");
	r = RUN("", "switch", "help");
	check(strstr(r->out, "hnvctl switch show [ dev NAME | ifindex INDEX ]\n") &&
	      strstr(r->out, "hnvctl switch set dev NAME [ uft-max FLOWS ] "
			     "[ uft-port-max FLOWS ]\n") &&
	      strstr(r->out, "[ uft-idle-ms MS ]\n") &&
	      strstr(r->out, "FLOWS := 1..16777216\n") &&
	      strstr(r->out, "MS := 100..3600000\n") &&
	      strstr(r->out, "\n  uft-max ") &&
	      strstr(r->out, "\n  uft-port-max ") &&
	      strstr(r->out, "\n  uft-idle-ms "),
	      "switch help: show and set, the ranges, each setting");
	check(strstr(r->out, "[ pa ADDR ]... | [ pa none ]\n") &&
	      strstr(r->out, "[ vxlan-port PORT ]\n") &&
	      strstr(r->out, "ADDR := a unicast IPv4 address, as "
			     "192.168.1.10; up to 8\n") &&
	      strstr(r->out, "PORT := 1..65535\n") &&
	      strstr(r->out, "\n  pa ") && strstr(r->out, "\n  vxlan-port "),
	      "switch help: pa, pa none and vxlan-port");
	check(strstr(r->out, "[ vxlan-port PORT ]\n"
			     "                                  "
			     "[ strict { on | off } ]\n") &&
	      strstr(r->out, "\n  strict        on: ") &&
	      strstr(r->out, "(pa-mismatch); off by default\n"),
	      "switch help: strict on and off, what it does, its drop reason");
	check(strstr(r->out, "[ strict { on | off } ]\n"
			     "                                  "
			     "[ nvgre-flowid { on | off } ]\n") &&
	      strstr(r->out, "\n  nvgre-flowid  on: ") &&
	      strstr(r->out, "GRE key; off: ") &&
	      strstr(r->out, "; on by default\n"),
	      "switch help: nvgre-flowid on and off, what each sends, the "
	      "default");
	check(strstr(r->out, "[ nvgre-flowid { on | off } ]\n"
			     "                                  "
			     "[ router-mac MAC ]\n") &&
	      strstr(r->out, "MAC := a unicast MAC, as 02:48:4e:56:00:01\n") &&
	      strstr(r->out, "\n  router-mac    the MAC of the switch's "
			     "distributed router") &&
	      strstr(r->out, "02:48:4e:56:00:01 by default\n"),
	      "switch help: router-mac, what it is, its default");
	r = RUN("", "map", "help");
	check(strstr(r->out, "hnvctl map add vsid VSID mac MAC pa PA "
			     "[ ca CA ] switch NAME\n") &&
	      strstr(r->out, "hnvctl map replace vsid VSID mac MAC pa PA "
			     "[ ca CA ] switch NAME\n") &&
	      strstr(r->out, "hnvctl map del vsid VSID mac MAC switch NAME\n") &&
	      strstr(r->out, "hnvctl map show [ switch NAME ] "
			     "[ vsid VSID ]\n") &&
	      strstr(r->out, "VSID := 4096..16777214") &&
	      strstr(r->out, "pipelined"),
	      "map help: every command, the VSID range, the pipelining");
	r = RUN("", "help");
	check(strstr(r->out, "\n  map ") && strstr(r->out, "pipelined"),
	      "hnvctl help: the map object and the pipelined batch");
	check(strstr(r->out, "\n  route    the static routes of the "
			     "distributed routers") &&
	      strstr(r->out, "Consecutive map and route add/replace/del "
			     "lines are\n"),
	      "hnvctl help: the route object, its lines pipelined too");
	r = RUN("", "route", "help");
	check(r->status == 0 &&
	      starts(r->out, "Usage: hnvctl route add rdid RDID prefix PREFIX "
			     "via ADDR switch NAME\n"
			     "       hnvctl route replace rdid RDID prefix "
			     "PREFIX via ADDR switch NAME\n"
			     "       hnvctl route del rdid RDID prefix PREFIX "
			     "switch NAME\n"
			     "       hnvctl route show [ rdid RDID ] "
			     "[ switch NAME ]\n"
			     "       hnvctl route help\n"
			     "where  RDID := 1..4294967295, the virtual "
			     "network\n"
			     "       PREFIX := an IPv4 prefix of length 0..32, "
			     "as 10.9.0.0/16 or 0.0.0.0/0,\n"
			     "                 or an IPv6 prefix of length "
			     "0..128, as fd00:9::/32\n") &&
	      strstr(r->out, "a subnet wins a tie") &&
	      strstr(r->out, "pipelined") && !r->err[0],
	      "route help: every command, the RDID range, the prefix "
	      "lengths, the pipelining");
	r = RUN("", "port", "help");
	check(strstr(r->out, "hnvctl port set dev NAME vsid VSID mac MAC "
			     "[ ca CA ]...\n") &&
	      strstr(r->out, "hnvctl port set dev NAME vsid none\n") &&
	      strstr(r->out, "CA := an IPv4 or IPv6 address of the VM") &&
	      strstr(r->out, "; up to 8\n"),
	      "port help: bind with CAs, and unbind");
	r = RUN("", "flow", "help");
	check(strstr(r->out, "hnvctl flow show [ dev NAME | ifindex INDEX ] "
			     "[ switch NAME ]\n") &&
	      strstr(r->out, "hnvctl flow flush switch NAME "
			     "[ dev NAME | ifindex INDEX ]\n"),
	      "flow help: show and flush");
	r = RUN("", "help");
	check(strstr(r->out, "\n  acl      the access control lists") &&
	      strstr(r->out, "\n  conn     the connections the stateful "
			     "ACLs track\n") &&
	      strstr(r->out, "\n  trace    what a switch would do with a "
			     "packet, and why\n") &&
	      strstr(r->out, "pipelined, and so are acl add/replace/default/"
			     "del lines.\n"),
	      "hnvctl help: the acl, conn and trace objects, acl lines "
	      "pipelined");
	r = RUN("", "acl", "help");
	check(r->status == 0 && !r->err[0] &&
	      starts(r->out, "Usage: hnvctl acl add OWNER dir { in | out } "
			     "prio PRIO\n"
			     "                      { allow [ stateful ] | deny } "
			     "[ proto PROTO ]\n"
			     "                      [ src PREFIX ] [ dst PREFIX ] "
			     "[ sport PORTS ]\n"
			     "                      [ dport PORTS ]\n"
			     "       hnvctl acl replace OWNER dir { in | out } "
			     "prio PRIO\n") &&
	      strstr(r->out, "       hnvctl acl default OWNER dir { in | out } "
			     "{ allow [ stateful ] | deny }\n"
			     "       hnvctl acl del OWNER dir { in | out } "
			     "{ prio PRIO | default }\n"
			     "       hnvctl acl flush switch NAME [ dev PORT | "
			     "vsid VSID ]\n"
			     "                        [ dir { in | out } ]\n"
			     "       hnvctl acl show [ switch NAME ] "
			     "[ dev PORT | vsid VSID ]\n"
			     "       hnvctl acl help\n") &&
	      strstr(r->out, "OWNER := { dev PORT [ switch NAME ] | vsid VSID "
			     "switch NAME }\n") &&
	      strstr(r->out, "PRIO := 1..65535") &&
	      strstr(r->out, "PROTO := { tcp | udp | icmp | icmpv6 | 0..255 }") &&
	      strstr(r->out, "PORTS := a port or a range N-M, 0..65535") &&
	      strstr(r->out, "pipelined"),
	      "acl help: every command, the owner, the ranges, the pipelining");
	r = RUN("", "conn", "help");
	check(r->status == 0 &&
	      starts(r->out, "Usage: hnvctl conn show [ switch NAME ]\n"
			     "       hnvctl conn help\n") &&
	      strstr(r->out, "new, established, closing or\n  closed"),
	      "conn help: show, its selector, the states");
	r = RUN("", "trace", "help");
	check(r->status == 0 &&
	      starts(r->out, "Usage: hnvctl trace dev PORT PROTO src ADDR dst "
			     "ADDR [ sport N ] [ dport N ]\n"
			     "                    [ type N ] [ code N ] "
			     "[ smac MAC ] [ dmac MAC ]\n"
			     "                    [ vsid VSID tun-src PA ]\n"
			     "       hnvctl trace help\n") &&
	      strstr(r->out, "PROTO := [ proto ] { tcp | udp | icmp | icmpv6 | "
			     "0..255 }\n") &&
	      strstr(r->out, "Nothing is sent, cached or counted."),
	      "trace help: its arguments, what it does");
	r = RUN("", "switch", "help");
	check(strstr(r->out, "[ router-mac MAC ]\n"
			     "                                  "
			     "[ conn-timeout SECONDS ]\n"
			     "                                  "
			     "[ conn-tcp-timeout SECONDS ]\n") &&
	      strstr(r->out, "SECONDS := 1..864000\n") &&
	      strstr(r->out, "\n  conn-timeout ") &&
	      strstr(r->out, "\n  conn-tcp-timeout\n"),
	      "switch help: conn-timeout and conn-tcp-timeout, their range");
	check(strstr(r->out, "[ uft-idle-ms MS ]\n"
			     "                                  "
			     "[ maps-max MAPS ]\n") &&
	      strstr(r->out, "MAPS := 1..16777216\n") &&
	      strstr(r->out, "\n  maps-max      most CA->PA mappings the "
			     "switch holds;") &&
	      strstr(r->out, "1048576 by default\n"),
	      "switch help: maps-max, its range and default");
	r = RUN("", "-V");
	check_str(r->out, "hnvctl 0.1.0 (hnv genl API version 1)\n",
		  "hnvctl -V");
	r = RUN("", "-Version");
	check(r->status == 0 && starts(r->out, "hnvctl 0.1.0"),
	      "hnvctl -Version");
}

#define SUBNET_USAGE "Usage: hnvctl subnet add"
#define VNET_USAGE "Usage: hnvctl vnet show"
#define PORT_USAGE "Usage: hnvctl port show"
#define SUBNET_ADD "subnet", "add", "vsid", "5001", "rdid", "1"
#define PREFIX_FORMAT \
	"prefix must be an IPv4 or IPv6 address and a length, as in " \
	"10.1.1.0/24 or fd00:1::/64"
#define PREFIX_NO_LEN \
	"prefix needs a length, as in 10.1.1.0/24 or fd00:1::/64"
#define GATEWAY_AFTER "gateway must come right after the prefix it belongs to"
#define PORT_BIND "port", "set", "dev", "v1", "vsid", "5001", "mac", MAP_MAC
#define MAP_USAGE "Usage: hnvctl map add"
#define MAP_MAC "02:00:00:00:00:02"
#define PA_UNICAST "; a PA must be a unicast address"
#define SWITCH_USAGE "Usage: hnvctl switch show"
#define NOTHING_TO_SET \
	"Error: nothing to set: give uft-max, uft-port-max, uft-idle-ms, " \
	"maps-max, pa, vxlan-port, strict, nvgre-flowid, router-mac, " \
	"conn-timeout or conn-tcp-timeout."
#define MONITOR_USAGE "Usage: hnvctl monitor"
#define ROUTE_USAGE "Usage: hnvctl route add"
#define ROUTE_ADD_KEY "route", "add", "rdid", "1", "prefix", "10.9.0.0/16"
#define ACL_USAGE "Usage: hnvctl acl add"
#define CONN_USAGE "Usage: hnvctl conn show"
#define TRACE_USAGE "Usage: hnvctl trace dev PORT"
#define ACL_ADD "acl", "add", "dev", "vm1", "dir", "out"
#define ACL_RULE ACL_ADD, "prio", "10", "allow"
#define TRACE_TCP "trace", "dev", "vm1", "tcp", "src", "10.0.0.1", "dst", \
	"10.0.0.2"
#define PORTS_WRONG(w) \
	w " must be a port or a range N-M, 0..65535, as 80 or 1024-65535"
#define ROUTER_MAC_WRONG \
	"router-mac must be a unicast MAC, not zero, as in 02:48:4e:56:00:01"

static void error_tests(void)
{
	static const struct {
		const char *args[28];
		const char *error;	/* first line on stderr */
		const char *usage;	/* follows on stderr, or NULL */
	} cases[] = {
		{ { "frob" }, "Error: object \"frob\" is unknown.",
		  "Usage: hnvctl [ OPTIONS ]" },
		{ { "s" },
		  "Error: object \"s\" is ambiguous: switch, subnet, stats.",
		  "Usage: hnvctl [ OPTIONS ]" },
		{ { "-x" }, "Error: option \"-x\" is unknown.",
		  "Usage: hnvctl [ OPTIONS ]" },
		{ { "-batch" }, "Error: option \"-batch\" needs a FILE.", NULL },
		{ { "-batch", "-", "switch" },
		  "Error: argument \"switch\" is wrong: -batch takes its commands from FILE",
		  NULL },
		{ { "switch", "frob" }, "Error: command \"frob\" is unknown.",
		  "Usage: hnvctl switch show" },
		{ { "port", "sh", "frob", "x" },
		  "Error: argument \"x\" is wrong: a device was already given (\"frob\")",
		  "Usage: hnvctl port show" },
		{ { "port", "show", "dev" },
		  "Error: argument \"dev\" is wrong: a value must follow it",
		  "Usage: hnvctl port show" },
		{ { "port", "show", "dev", "a/b" },
		  "Error: argument \"a/b\" is wrong: device name contains '/'",
		  "Usage: hnvctl port show" },
		{ { "port", "show", "dev", "0123456789abcdef" },
		  "Error: argument \"0123456789abcdef\" is wrong: device name is longer than 15 characters",
		  "Usage: hnvctl port show" },
		{ { "port", "show", "switch", "" },
		  "Error: argument \"\" is wrong: device name is empty",
		  "Usage: hnvctl port show" },
		{ { "port", "show", "switch", "a", "switch", "b" },
		  "Error: argument \"b\" is wrong: a switch was already given",
		  "Usage: hnvctl port show" },
		{ { "switch", "show", "switch", "hnv0" },
		  "Error: argument \"hnv0\" is wrong: a device was already given (\"switch\")",
		  "Usage: hnvctl switch show" },
		{ { "switch", "show", "ifindex", "0" },
		  "Error: argument \"0\" is wrong: ifindex must be a number from 1 to 2147483647",
		  "Usage: hnvctl switch show" },
		{ { "stats", "show", "ifindex", "abc" },
		  "Error: argument \"abc\" is wrong: ifindex must be a number from 1 to 2147483647",
		  "Usage: hnvctl stats show" },
		{ { "stats", "show", "dev", "x", "ifindex", "3" },
		  "Error: argument \"3\" is wrong: a device was already given (\"x\")",
		  "Usage: hnvctl stats show" },
		{ { "version", "now" },
		  "Error: argument \"now\" is wrong: unknown keyword",
		  "Usage: hnvctl version" },
		{ { "subnet", "add", "vsid", "4095", "rdid", "1", "switch",
		    "hnv0" },
		  "Error: argument \"4095\" is wrong: VSID must be 4096..16777214",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "16777215", "rdid", "1", "switch",
		    "hnv0" },
		  "Error: argument \"16777215\" is wrong: VSID must be 4096..16777214",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "0", "rdid", "1", "switch",
		    "hnv0" },
		  "Error: argument \"0\" is wrong: VSID must be 4096..16777214",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "-5001", "rdid", "1", "switch",
		    "hnv0" },
		  "Error: argument \"-5001\" is wrong: VSID must be 4096..16777214",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "50x1", "rdid", "1", "switch",
		    "hnv0" },
		  "Error: argument \"50x1\" is wrong: VSID must be 4096..16777214",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "5001", "rdid", "0", "switch",
		    "hnv0" },
		  "Error: argument \"0\" is wrong: RDID must be 1..4294967295",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "5001", "rdid", "4294967296",
		    "switch", "hnv0" },
		  "Error: argument \"4294967296\" is wrong: RDID must be 1..4294967295",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "5001", "rdid", "1" },
		  "Error: argument \"switch\" is required.", SUBNET_USAGE },
		{ { "subnet", "add", "rdid", "1", "switch", "hnv0" },
		  "Error: argument \"vsid\" is required.", SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "5001", "switch", "hnv0" },
		  "Error: argument \"rdid\" is required.", SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "5001", "rdid", "1", "encap", "gre",
		    "switch", "hnv0" },
		  "Error: argument \"gre\" is wrong: encap must be vxlan or nvgre",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "5001", "rdid", "1", "encap",
		    "VXLAN", "switch", "hnv0" },
		  "Error: argument \"VXLAN\" is wrong: encap must be vxlan or nvgre",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "5001", "rdid", "1", "switch",
		    "a/b" },
		  "Error: argument \"a/b\" is wrong: device name contains '/'",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "5001", "vsid", "5002" },
		  "Error: argument \"5002\" is wrong: a VSID was already given",
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid" },
		  "Error: argument \"vsid\" is wrong: a value must follow it",
		  SUBNET_USAGE },
		{ { "subnet", "add", "hnv0" },
		  "Error: argument \"hnv0\" is wrong: unknown keyword",
		  SUBNET_USAGE },
		{ { "subnet", "del", "vsid", "5001" },
		  "Error: argument \"switch\" is required.", SUBNET_USAGE },
		{ { "subnet", "del", "switch", "hnv0" },
		  "Error: argument \"vsid\" is required.", SUBNET_USAGE },
		{ { "subnet", "del", "vsid", "5001", "rdid", "1", "switch",
		    "hnv0" },
		  "Error: argument \"rdid\" is wrong: unknown keyword",
		  SUBNET_USAGE },
		{ { "subnet", "show", "vsid", "4095" },
		  "Error: argument \"4095\" is wrong: VSID must be 4096..16777214",
		  SUBNET_USAGE },
		{ { "subnet", "show", "switch", "0123456789abcdef" },
		  "Error: argument \"0123456789abcdef\" is wrong: device name is longer than 15 characters",
		  SUBNET_USAGE },
		{ { "subnet", "frob" }, "Error: command \"frob\" is unknown.",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1/24", "switch", "hnv0" },
		  "Error: argument \"10.1.1/24\" is wrong: " PREFIX_FORMAT,
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/24/8", "switch", "hnv0" },
		  "Error: argument \"10.1.1.0/24/8\" is wrong: " PREFIX_FORMAT,
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "vxlan", "switch", "hnv0" },
		  "Error: argument \"vxlan\" is wrong: " PREFIX_FORMAT,
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0", "switch", "hnv0" },
		  "Error: argument \"10.1.1.0\" is wrong: " PREFIX_NO_LEN,
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "fd00:1::", "switch", "hnv0" },
		  "Error: argument \"fd00:1::\" is wrong: " PREFIX_NO_LEN,
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/33", "switch", "hnv0" },
		  "Error: argument \"10.1.1.0/33\" is wrong: prefix length must be a number, at most 32 for IPv4",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/", "switch", "hnv0" },
		  "Error: argument \"10.1.1.0/\" is wrong: prefix length must be a number, at most 32 for IPv4",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "fd00:1::/129", "switch", "hnv0" },
		  "Error: argument \"fd00:1::/129\" is wrong: prefix length must be a number, at most 128 for IPv6",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/31", "switch", "hnv0" },
		  "Error: argument \"10.1.1.0/31\" is wrong: the length of an IPv4 prefix must be 8..30",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.0.0.0/7", "switch", "hnv0" },
		  "Error: argument \"10.0.0.0/7\" is wrong: the length of an IPv4 prefix must be 8..30",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "fd00:1::/127", "switch", "hnv0" },
		  "Error: argument \"fd00:1::/127\" is wrong: the length of an IPv6 prefix must be 16..126",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "fd00::/15", "switch", "hnv0" },
		  "Error: argument \"fd00::/15\" is wrong: the length of an IPv6 prefix must be 16..126",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/24", "prefix",
		    "10.2.0.0/16", "switch", "hnv0" },
		  "Error: argument \"10.2.0.0/16\" is wrong: an IPv4 prefix was already given",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "fd00:1::/64", "gateway", "fd00:1::9",
		    "prefix", "10.1.1.0/24", "prefix", "fd00:2::/64", "switch",
		    "hnv0" },
		  "Error: argument \"fd00:2::/64\" is wrong: a subnet has at most two prefixes, an IPv4 and an IPv6 one",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "fd00:1::/64", "prefix",
		    "fd00:2::/64", "switch", "hnv0" },
		  "Error: argument \"fd00:2::/64\" is wrong: an IPv6 prefix was already given",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "gateway", "10.1.1.1", "switch", "hnv0" },
		  "Error: argument \"10.1.1.1\" is wrong: " GATEWAY_AFTER,
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "gateway", "10.1.1.1", "prefix", "10.1.1.0/24",
		    "switch", "hnv0" },
		  "Error: argument \"10.1.1.1\" is wrong: " GATEWAY_AFTER,
		  SUBNET_USAGE },
		{ { "subnet", "add", "vsid", "5001", "prefix", "10.1.1.0/24",
		    "rdid", "1", "gateway", "10.1.1.1", "switch", "hnv0" },
		  "Error: argument \"10.1.1.1\" is wrong: " GATEWAY_AFTER,
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/24", "gateway", "10.1.1.1",
		    "gateway", "10.1.1.2", "switch", "hnv0" },
		  "Error: argument \"10.1.1.2\" is wrong: the prefix before it has a gateway already",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/24", "gateway", "10.1.1.1",
		    "prefix", "fd00:1::/64", "gateway", "fd00:1::1", "gateway",
		    "fd00:1::2", "switch", "hnv0" },
		  "Error: argument \"fd00:1::2\" is wrong: a subnet has at most two gateways, one for each prefix",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/24", "gateway", "fd00:1::1",
		    "switch", "hnv0" },
		  "Error: argument \"fd00:1::1\" is wrong: the gateway of an IPv4 prefix must be an IPv4 address",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/24", "gateway", "10.1.1.1",
		    "prefix", "fd00:1::/64", "gateway", "10.1.1.2", "switch",
		    "hnv0" },
		  "Error: argument \"10.1.1.2\" is wrong: the gateway of an IPv6 prefix must be an IPv6 address",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/24", "gateway", "10.1.1",
		    "switch", "hnv0" },
		  "Error: argument \"10.1.1\" is wrong: gateway must be an IPv4 or IPv6 address, as in 10.1.1.1 or fd00:1::1",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/24", "gateway",
		    "10.1.1.1/24", "switch", "hnv0" },
		  "Error: argument \"10.1.1.1/24\" is wrong: gateway must be an IPv4 or IPv6 address, as in 10.1.1.1 or fd00:1::1",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "switch", "hnv0", "prefix" },
		  "Error: argument \"prefix\" is wrong: a value must follow it",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/24", "gateway" },
		  "Error: argument \"gateway\" is wrong: a value must follow it",
		  SUBNET_USAGE },
		{ { SUBNET_ADD, "prefix", "10.1.1.0/24" },
		  "Error: argument \"switch\" is required.", SUBNET_USAGE },
		{ { "subnet", "del", "vsid", "5001", "prefix", "10.1.1.0/24",
		    "switch", "hnv0" },
		  "Error: argument \"prefix\" is wrong: unknown keyword",
		  SUBNET_USAGE },
		{ { "subnet", "show", "gateway", "10.1.1.1" },
		  "Error: argument \"gateway\" is wrong: unknown keyword",
		  SUBNET_USAGE },
		{ { PORT_BIND, "ca", "10.1.1" },
		  "Error: argument \"10.1.1\" is wrong: CA must be an IPv4 or IPv6 address, as in 10.1.1.12 or 2001:db8::12",
		  PORT_USAGE },
		{ { PORT_BIND, "ca", "10.1.1.11/24" },
		  "Error: argument \"10.1.1.11/24\" is wrong: CA must be an IPv4 or IPv6 address, as in 10.1.1.12 or 2001:db8::12",
		  PORT_USAGE },
		{ { PORT_BIND, "ca", "10.1.1.1", "ca", "10.1.1.2", "ca",
		    "10.1.1.3", "ca", "10.1.1.4", "ca", "10.1.1.5", "ca",
		    "10.1.1.6", "ca", "10.1.1.7", "ca", "10.1.1.8", "ca",
		    "10.1.1.9" },
		  "Error: argument \"10.1.1.9\" is wrong: a port has at most 8 CAs",
		  PORT_USAGE },
		{ { "port", "set", "dev", "v1", "vsid", "none", "ca",
		    "10.1.1.11" },
		  "Error: argument \"10.1.1.11\" is wrong: \"vsid none\" unbinds the port and takes no CA",
		  PORT_USAGE },
		{ { "port", "set", "dev", "v1", "ca", "10.1.1.11", "vsid",
		    "none" },
		  "Error: argument \"10.1.1.11\" is wrong: \"vsid none\" unbinds the port and takes no CA",
		  PORT_USAGE },
		{ { "port", "set", "dev", "v1", "vsid", "5001", "ca",
		    "10.1.1.11" },
		  "Error: argument \"mac\" is required to bind a port.",
		  PORT_USAGE },
		{ { PORT_BIND, "ca" },
		  "Error: argument \"ca\" is wrong: a value must follow it",
		  PORT_USAGE },
		{ { "vnet", "show", "rdid", "0" },
		  "Error: argument \"0\" is wrong: RDID must be 1..4294967295",
		  VNET_USAGE },
		{ { "vnet", "show", "rdid", "4294967296" },
		  "Error: argument \"4294967296\" is wrong: RDID must be 1..4294967295",
		  VNET_USAGE },
		{ { "vnet", "show", "rdid", "one" },
		  "Error: argument \"one\" is wrong: RDID must be 1..4294967295",
		  VNET_USAGE },
		{ { "vnet", "show", "rdid", "1", "rdid", "2" },
		  "Error: argument \"2\" is wrong: an RDID was already given",
		  VNET_USAGE },
		{ { "vnet", "show", "rdid" },
		  "Error: argument \"rdid\" is wrong: a value must follow it",
		  VNET_USAGE },
		{ { "vnet", "show", "switch", "a/b" },
		  "Error: argument \"a/b\" is wrong: device name contains '/'",
		  VNET_USAGE },
		{ { "vnet", "show", "switch", "a", "switch", "b" },
		  "Error: argument \"b\" is wrong: a switch was already given",
		  VNET_USAGE },
		{ { "vnet", "show", "vsid", "5001" },
		  "Error: argument \"vsid\" is wrong: unknown keyword",
		  VNET_USAGE },
		{ { "vnet", "show", "hnv0" },
		  "Error: argument \"hnv0\" is wrong: unknown keyword",
		  VNET_USAGE },
		{ { "vnet", "add" }, "Error: command \"add\" is unknown.",
		  VNET_USAGE },
		{ { "v" }, "Error: object \"v\" is ambiguous: vnet, version.",
		  "Usage: hnvctl [ OPTIONS ]" },
		{ { "port", "set", "dev", "v1", "vsid", "5001" },
		  "Error: argument \"mac\" is required to bind a port.",
		  "Usage: hnvctl port show" },
		{ { "port", "set", "dev", "v1", "vsid", "none", "mac",
		    "02:00:00:00:00:01" },
		  "Error: argument \"02:00:00:00:00:01\" is wrong: \"vsid none\" unbinds the port and takes no MAC",
		  "Usage: hnvctl port show" },
		{ { "port", "set", "dev", "v1", "vsid", "5001", "mac",
		    "01:00:5e:00:00:01" },
		  "Error: argument \"01:00:5e:00:00:01\" is wrong: MAC is multicast (its first octet is odd); a VM needs a unicast MAC",
		  "Usage: hnvctl port show" },
		{ { "port", "set", "dev", "v1", "vsid", "5001", "mac",
		    "00:00:00:00:00:00" },
		  "Error: argument \"00:00:00:00:00:00\" is wrong: MAC 00:00:00:00:00:00 is not an address",
		  "Usage: hnvctl port show" },
		{ { "port", "set", "dev", "v1", "vsid", "5001", "mac",
		    "02:00:00:00:01" },
		  "Error: argument \"02:00:00:00:01\" is wrong: MAC must be 6 octets of 2 hexadecimal digits, as in 02:00:00:00:00:01",
		  "Usage: hnvctl port show" },
		{ { "port", "set", "dev", "v1", "vsid", "4095", "mac",
		    "02:00:00:00:00:01" },
		  "Error: argument \"4095\" is wrong: VSID must be 4096..16777214 or \"none\"",
		  "Usage: hnvctl port show" },
		{ { "port", "set", "dev", "v1", "vsid", "0" },
		  "Error: argument \"0\" is wrong: VSID must be 4096..16777214 or \"none\"",
		  "Usage: hnvctl port show" },
		{ { "port", "set", "vsid", "none" },
		  "Error: argument \"dev\" is required.",
		  "Usage: hnvctl port show" },
		{ { "port", "set", "dev", "v1", "mac", "02:00:00:00:00:01" },
		  "Error: argument \"vsid\" is required.",
		  "Usage: hnvctl port show" },
		{ { "port", "set", "v1", "v2", "vsid", "none" },
		  "Error: argument \"v2\" is wrong: a device was already given",
		  "Usage: hnvctl port show" },
		{ { "port", "set", "dev", "a:b", "vsid", "none" },
		  "Error: argument \"a:b\" is wrong: device name contains ':'",
		  "Usage: hnvctl port show" },
		{ { "flow", "flush" },
		  "Error: argument \"switch\" is required.",
		  "Usage: hnvctl flow show" },
		{ { "flow", "flush", "dev", "v1" },
		  "Error: argument \"switch\" is required.",
		  "Usage: hnvctl flow show" },
		{ { "flow", "show", "switch", "a", "switch", "b" },
		  "Error: argument \"b\" is wrong: a switch was already given",
		  "Usage: hnvctl flow show" },
		{ { "flow", "show", "v1", "ifindex", "3" },
		  "Error: argument \"3\" is wrong: a device was already given (\"v1\")",
		  "Usage: hnvctl flow show" },
		{ { "flow", "frob" }, "Error: command \"frob\" is unknown.",
		  "Usage: hnvctl flow show" },
		{ { "switch", "s" },
		  "Error: command \"s\" is ambiguous: show, set.",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0" }, NOTHING_TO_SET,
		  SWITCH_USAGE },
		{ { "switch", "set" }, "Error: argument \"dev\" is required.",
		  SWITCH_USAGE },
		{ { "switch", "set", "uft-max", "1000" },
		  "Error: argument \"dev\" is required.", SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-max", "0" },
		  "Error: argument \"0\" is wrong: uft-max must be 1..16777216",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-max", "16777217" },
		  "Error: argument \"16777217\" is wrong: uft-max must be 1..16777216",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-max", "-1" },
		  "Error: argument \"-1\" is wrong: uft-max must be 1..16777216",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-max", "1k" },
		  "Error: argument \"1k\" is wrong: uft-max must be 1..16777216",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-port-max", "0" },
		  "Error: argument \"0\" is wrong: uft-port-max must be 1..16777216",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-port-max",
		    "4294967296" },
		  "Error: argument \"4294967296\" is wrong: uft-port-max must be 1..16777216",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "maps-max", "0" },
		  "Error: argument \"0\" is wrong: maps-max must be 1..16777216",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "maps-max", "16777217" },
		  "Error: argument \"16777217\" is wrong: maps-max must be 1..16777216",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "maps-max", "1m" },
		  "Error: argument \"1m\" is wrong: maps-max must be 1..16777216",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "maps-max", "10",
		    "maps-max", "20" },
		  "Error: argument \"20\" is wrong: maps-max was already given",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-idle-ms", "99" },
		  "Error: argument \"99\" is wrong: uft-idle-ms must be 100..3600000",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-idle-ms", "3600001" },
		  "Error: argument \"3600001\" is wrong: uft-idle-ms must be 100..3600000",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-max", "1000",
		    "uft-idle-ms", "50" },
		  "Error: argument \"50\" is wrong: uft-idle-ms must be 100..3600000",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-maxx", "1000" },
		  "Error: argument \"uft-maxx\" is wrong: unknown keyword",
		  SWITCH_USAGE },
		{ { "switch", "set", "hnv0", "uft-max", "1000" },
		  "Error: argument \"hnv0\" is wrong: unknown keyword",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "idle", "1000" },
		  "Error: argument \"idle\" is wrong: unknown keyword",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-", "1000" },
		  "Error: argument \"uft-\" is ambiguous: uft-max, uft-port-max, uft-idle-ms.",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-max", "1000",
		    "uft-max", "2000" },
		  "Error: argument \"2000\" is wrong: uft-max was already given",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-max" },
		  "Error: argument \"uft-max\" is wrong: a value must follow it",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "a/b", "uft-max", "1000" },
		  "Error: argument \"a/b\" is wrong: device name contains '/'",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "dev", "hnv1",
		    "uft-max", "1" },
		  "Error: argument \"hnv1\" is wrong: a device was already given",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "pa", "192.168.1" },
		  "Error: argument \"192.168.1\" is wrong: PA must be an IPv4 address, as in 192.168.1.10",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "pa", "2001:db8::1" },
		  "Error: argument \"2001:db8::1\" is wrong: PA must be an IPv4 address, as in 192.168.1.10",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "pa", "192.168.1.10", "pa",
		    "239.1.1.1" },
		  "Error: argument \"239.1.1.1\" is wrong: PA is multicast" PA_UNICAST,
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "pa", "0.0.0.0" },
		  "Error: argument \"0.0.0.0\" is wrong: PA is in 0.0.0.0/8" PA_UNICAST,
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "pa", "255.255.255.255" },
		  "Error: argument \"255.255.255.255\" is wrong: PA is the broadcast address" PA_UNICAST,
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "pa", "192.168.1.10", "pa",
		    "192.168.1.11", "pa", "192.168.1.10" },
		  "Error: argument \"192.168.1.10\" is wrong: this PA was already given",
		  SWITCH_USAGE },
		{ { "sw", "set", "dev", "hnv0", "pa", "10.0.0.1", "pa",
		    "10.0.0.2", "pa", "10.0.0.3", "pa", "10.0.0.4", "pa",
		    "10.0.0.5", "pa", "10.0.0.6", "pa", "10.0.0.7", "pa",
		    "10.0.0.8", "pa", "10.0.0.9" },
		  "Error: argument \"10.0.0.9\" is wrong: a switch has at most 8 PAs",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "pa", "10.0.0.1", "pa",
		    "none" },
		  "Error: argument \"none\" is wrong: \"pa none\" removes every PA and takes no address",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "pa", "none", "pa",
		    "10.0.0.1" },
		  "Error: argument \"none\" is wrong: \"pa none\" removes every PA and takes no address",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "pa" },
		  "Error: argument \"pa\" is wrong: a value must follow it",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "vxlan-port", "0" },
		  "Error: argument \"0\" is wrong: vxlan-port must be 1..65535",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "vxlan-port", "65536" },
		  "Error: argument \"65536\" is wrong: vxlan-port must be 1..65535",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "vxlan-port", "vxlan" },
		  "Error: argument \"vxlan\" is wrong: vxlan-port must be 1..65535",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "vxlan-port", "4789",
		    "vxlan-port", "4790" },
		  "Error: argument \"4790\" is wrong: vxlan-port was already given",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "strict", "maybe" },
		  "Error: argument \"maybe\" is wrong: strict must be on or off",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "strict", "ON" },
		  "Error: argument \"ON\" is wrong: strict must be on or off",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "strict", "1" },
		  "Error: argument \"1\" is wrong: strict must be on or off",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "strict", "o" },
		  "Error: argument \"o\" is wrong: strict must be on or off",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "uft-max", "1000", "strict",
		    "maybe" },
		  "Error: argument \"maybe\" is wrong: strict must be on or off",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "strict" },
		  "Error: argument \"strict\" is wrong: a value must follow it",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "strict", "on", "strict",
		    "off" },
		  "Error: argument \"off\" is wrong: strict was already given",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "on" },
		  "Error: argument \"on\" is wrong: unknown keyword",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "nvgre-flowid", "maybe" },
		  "Error: argument \"maybe\" is wrong: nvgre-flowid must be on "
		  "or off",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "nvgre-flowid", "OFF" },
		  "Error: argument \"OFF\" is wrong: nvgre-flowid must be on "
		  "or off",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "nvgre-flowid", "0" },
		  "Error: argument \"0\" is wrong: nvgre-flowid must be on or "
		  "off",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "nvgre-flowid", "of" },
		  "Error: argument \"of\" is wrong: nvgre-flowid must be on or "
		  "off",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "strict", "on",
		    "nvgre-flowid", "maybe" },
		  "Error: argument \"maybe\" is wrong: nvgre-flowid must be on "
		  "or off",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "nvgre-flowid" },
		  "Error: argument \"nvgre-flowid\" is wrong: a value must "
		  "follow it",
		  SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "nvgre-flowid", "on",
		    "nvgre-flowid", "off" },
		  "Error: argument \"off\" is wrong: nvgre-flowid was already "
		  "given",
		  SWITCH_USAGE },
		{ { "map", "add", "vsid", "5001", "pa", "192.168.2.20",
		    "switch", "hnv0" },
		  "Error: argument \"mac\" is required.", MAP_USAGE },
		{ { "map", "add", "mac", MAP_MAC, "pa", "192.168.2.20",
		    "switch", "hnv0" },
		  "Error: argument \"vsid\" is required.", MAP_USAGE },
		{ { "map", "add", "vsid", "5001", "mac", MAP_MAC, "switch",
		    "hnv0" },
		  "Error: argument \"pa\" is required.", MAP_USAGE },
		{ { "map", "add", "vsid", "5001", "mac", MAP_MAC, "pa",
		    "192.168.2.20" },
		  "Error: argument \"switch\" is required.", MAP_USAGE },
		{ { "map", "replace", "vsid", "5001", "mac", MAP_MAC, "ca",
		    "10.1.1.12", "switch", "hnv0" },
		  "Error: argument \"pa\" is required.", MAP_USAGE },
		{ { "map", "add", "vsid", "4095", "mac", MAP_MAC, "pa",
		    "192.168.2.20", "switch", "hnv0" },
		  "Error: argument \"4095\" is wrong: VSID must be 4096..16777214",
		  MAP_USAGE },
		{ { "map", "add", "vsid", "5001", "mac", "02:00:00:00:02", "pa",
		    "192.168.2.20", "switch", "hnv0" },
		  "Error: argument \"02:00:00:00:02\" is wrong: MAC must be 6 octets of 2 hexadecimal digits, as in 02:00:00:00:00:01",
		  MAP_USAGE },
		{ { "map", "add", "vsid", "5001", "mac", "03:00:00:00:00:02",
		    "pa", "192.168.2.20", "switch", "hnv0" },
		  "Error: argument \"03:00:00:00:00:02\" is wrong: MAC is multicast (its first octet is odd); a VM needs a unicast MAC",
		  MAP_USAGE },
		{ { "map", "add", "vsid", "5001", "mac", MAP_MAC, "pa",
		    "192.168.2", "switch", "hnv0" },
		  "Error: argument \"192.168.2\" is wrong: PA must be an IPv4 address, as in 192.168.1.10",
		  MAP_USAGE },
		{ { "map", "add", "vsid", "5001", "mac", MAP_MAC, "pa",
		    "224.0.0.5", "switch", "hnv0" },
		  "Error: argument \"224.0.0.5\" is wrong: PA is multicast" PA_UNICAST,
		  MAP_USAGE },
		{ { "map", "add", "vsid", "5001", "mac", MAP_MAC, "pa",
		    "2001:db8::20", "switch", "hnv0" },
		  "Error: argument \"2001:db8::20\" is wrong: PA must be an IPv4 address, as in 192.168.1.10",
		  MAP_USAGE },
		{ { "map", "add", "vsid", "5001", "mac", MAP_MAC, "pa",
		    "192.168.2.20", "ca", "10.1.1", "switch", "hnv0" },
		  "Error: argument \"10.1.1\" is wrong: CA must be an IPv4 or IPv6 address, as in 10.1.1.12 or 2001:db8::12",
		  MAP_USAGE },
		{ { "map", "add", "vsid", "5001", "mac", MAP_MAC, "pa",
		    "192.168.2.20", "ca", "10.1.1.12", "ca", "10.1.1.13" },
		  "Error: argument \"10.1.1.13\" is wrong: a CA was already given",
		  MAP_USAGE },
		{ { "map", "add", "vsid", "5001", "mac", MAP_MAC, "pa",
		    "192.168.2.20", "switch", "a/b" },
		  "Error: argument \"a/b\" is wrong: device name contains '/'",
		  MAP_USAGE },
		{ { "map", "add", "hnv0" },
		  "Error: argument \"hnv0\" is wrong: unknown keyword",
		  MAP_USAGE },
		{ { "map", "del", "vsid", "5001", "mac", MAP_MAC, "pa",
		    "192.168.2.20", "switch", "hnv0" },
		  "Error: argument \"pa\" is wrong: unknown keyword", MAP_USAGE },
		{ { "map", "del", "vsid", "5001", "switch", "hnv0" },
		  "Error: argument \"mac\" is required.", MAP_USAGE },
		{ { "map", "del", "mac", MAP_MAC, "switch", "hnv0" },
		  "Error: argument \"vsid\" is required.", MAP_USAGE },
		{ { "map", "del", "vsid", "5001", "mac", MAP_MAC },
		  "Error: argument \"switch\" is required.", MAP_USAGE },
		{ { "map", "show", "vsid", "0" },
		  "Error: argument \"0\" is wrong: VSID must be 4096..16777214",
		  MAP_USAGE },
		{ { "map", "show", "mac", MAP_MAC },
		  "Error: argument \"mac\" is wrong: unknown keyword", MAP_USAGE },
		{ { "map", "frob" }, "Error: command \"frob\" is unknown.",
		  MAP_USAGE },
		{ { "switch", "set", "dev", "hnv0", "router-mac",
		    "01:00:5e:00:00:01" },
		  "Error: argument \"01:00:5e:00:00:01\" is wrong: "
		  ROUTER_MAC_WRONG, SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "router-mac",
		    "ff:ff:ff:ff:ff:ff" },
		  "Error: argument \"ff:ff:ff:ff:ff:ff\" is wrong: "
		  ROUTER_MAC_WRONG, SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "router-mac",
		    "00:00:00:00:00:00" },
		  "Error: argument \"00:00:00:00:00:00\" is wrong: "
		  ROUTER_MAC_WRONG, SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "router-mac",
		    "02:48:4e:56:00" },
		  "Error: argument \"02:48:4e:56:00\" is wrong: "
		  ROUTER_MAC_WRONG, SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "router-mac",
		    "02-48-4e-56-00-01" },
		  "Error: argument \"02-48-4e-56-00-01\" is wrong: "
		  ROUTER_MAC_WRONG, SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "router-mac" },
		  "Error: argument \"router-mac\" is wrong: a value must "
		  "follow it", SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "router-mac",
		    "02:00:00:00:00:01", "r", "02:00:00:00:00:02" },
		  "Error: argument \"02:00:00:00:00:02\" is wrong: router-mac "
		  "was already given", SWITCH_USAGE },
		{ { "switch", "set", "router-mac", "02:00:00:00:00:01" },
		  "Error: argument \"dev\" is required.", SWITCH_USAGE },
		{ { "monitor", "frob" },
		  "Error: argument \"frob\" is wrong: unknown keyword",
		  MONITOR_USAGE },
		{ { "monitor", "hnv0" },
		  "Error: argument \"hnv0\" is wrong: unknown keyword",
		  MONITOR_USAGE },
		{ { "monitor", "switch" },
		  "Error: argument \"switch\" is wrong: a value must follow it",
		  MONITOR_USAGE },
		{ { "monitor", "switch", "a/b" },
		  "Error: argument \"a/b\" is wrong: device name contains '/'",
		  MONITOR_USAGE },
		{ { "monitor", "switch", "hnv0", "switch", "hnv1" },
		  "Error: argument \"hnv1\" is wrong: a switch was already "
		  "given", MONITOR_USAGE },
		{ { "monitor", "show" },
		  "Error: argument \"show\" is wrong: unknown keyword",
		  MONITOR_USAGE },
		{ { "mon", "dev", "hnv0" },
		  "Error: argument \"dev\" is wrong: unknown keyword",
		  MONITOR_USAGE },
		{ { ROUTE_ADD_KEY, "via", "10.1.2.50" },
		  "Error: argument \"switch\" is required.", ROUTE_USAGE },
		{ { "route", "add", "prefix", "10.9.0.0/16", "via",
		    "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"rdid\" is required.", ROUTE_USAGE },
		{ { "route", "add", "rdid", "1", "via", "10.1.2.50", "switch",
		    "hnv0" },
		  "Error: argument \"prefix\" is required.", ROUTE_USAGE },
		{ { ROUTE_ADD_KEY, "switch", "hnv0" },
		  "Error: argument \"via\" is required.", ROUTE_USAGE },
		{ { "route", "replace", "rdid", "1", "prefix", "10.9.0.0/16",
		    "switch", "hnv0" },
		  "Error: argument \"via\" is required.", ROUTE_USAGE },
		{ { "route", "add", "rdid", "0", "prefix", "10.9.0.0/16",
		    "via", "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"0\" is wrong: RDID must be 1..4294967295",
		  ROUTE_USAGE },
		{ { "route", "add", "rdid", "4294967296", "prefix",
		    "10.9.0.0/16", "via", "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"4294967296\" is wrong: RDID must be "
		  "1..4294967295", ROUTE_USAGE },
		{ { "route", "add", "rdid", "one", "prefix", "10.9.0.0/16",
		    "via", "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"one\" is wrong: RDID must be "
		  "1..4294967295", ROUTE_USAGE },
		{ { "route", "add", "rdid", "1", "prefix", "10.9.0.0", "via",
		    "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"10.9.0.0\" is wrong: " PREFIX_NO_LEN,
		  ROUTE_USAGE },
		{ { "route", "add", "rdid", "1", "prefix", "10.9.0/16", "via",
		    "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"10.9.0/16\" is wrong: " PREFIX_FORMAT,
		  ROUTE_USAGE },
		{ { "route", "add", "rdid", "1", "prefix", "10.9.0.0/33",
		    "via", "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"10.9.0.0/33\" is wrong: prefix length "
		  "must be a number, at most 32 for IPv4", ROUTE_USAGE },
		{ { "route", "add", "rdid", "1", "prefix", "fd00:9::/129",
		    "via", "fd00:1::50", "switch", "hnv0" },
		  "Error: argument \"fd00:9::/129\" is wrong: prefix length "
		  "must be a number, at most 128 for IPv6", ROUTE_USAGE },
		{ { "route", "add", "rdid", "1", "prefix", "10.9.0.0/-1",
		    "via", "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"10.9.0.0/-1\" is wrong: prefix length "
		  "must be a number, at most 32 for IPv4", ROUTE_USAGE },
		{ { "route", "add", "rdid", "1", "prefix", "10.9.0.1/16",
		    "via", "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"10.9.0.1/16\" is wrong: prefix has bits "
		  "set past its length; did you mean 10.9.0.0/16?",
		  ROUTE_USAGE },
		{ { "route", "add", "rdid", "1", "prefix", "10.9.0.0/0", "via",
		    "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"10.9.0.0/0\" is wrong: prefix has bits "
		  "set past its length; did you mean 0.0.0.0/0?",
		  ROUTE_USAGE },
		{ { "route", "del", "rdid", "1", "prefix", "fd00:9::1/32",
		    "switch", "hnv0" },
		  "Error: argument \"fd00:9::1/32\" is wrong: prefix has bits "
		  "set past its length; did you mean fd00:9::/32?",
		  ROUTE_USAGE },
		{ { ROUTE_ADD_KEY, "via", "10.1.2", "switch", "hnv0" },
		  "Error: argument \"10.1.2\" is wrong: via must be an IPv4 "
		  "or IPv6 address, as in 10.1.2.50 or fd00:1::50",
		  ROUTE_USAGE },
		{ { ROUTE_ADD_KEY, "via", "fd00:1::50", "switch", "hnv0" },
		  "Error: argument \"fd00:1::50\" is wrong: the next hop of "
		  "an IPv4 prefix must be an IPv4 address", ROUTE_USAGE },
		{ { "route", "replace", "rdid", "1", "prefix", "fd00:9::/32",
		    "via", "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"10.1.2.50\" is wrong: the next hop of "
		  "an IPv6 prefix must be an IPv6 address", ROUTE_USAGE },
		{ { ROUTE_ADD_KEY, "via", "10.1.2.50", "via", "10.1.2.51" },
		  "Error: argument \"10.1.2.51\" is wrong: a next hop was "
		  "already given", ROUTE_USAGE },
		{ { ROUTE_ADD_KEY, "prefix", "10.8.0.0/16" },
		  "Error: argument \"10.8.0.0/16\" is wrong: a prefix was "
		  "already given", ROUTE_USAGE },
		{ { ROUTE_ADD_KEY, "via", "10.1.2.50", "switch", "a/b" },
		  "Error: argument \"a/b\" is wrong: device name contains '/'",
		  ROUTE_USAGE },
		{ { ROUTE_ADD_KEY, "via" },
		  "Error: argument \"via\" is wrong: a value must follow it",
		  ROUTE_USAGE },
		{ { "route", "add", "hnv0" },
		  "Error: argument \"hnv0\" is wrong: unknown keyword",
		  ROUTE_USAGE },
		{ { "route", "del", "rdid", "1", "prefix", "10.9.0.0/16",
		    "via", "10.1.2.50", "switch", "hnv0" },
		  "Error: argument \"via\" is wrong: unknown keyword",
		  ROUTE_USAGE },
		{ { "route", "del", "prefix", "10.9.0.0/16", "switch",
		    "hnv0" },
		  "Error: argument \"rdid\" is required.", ROUTE_USAGE },
		{ { "route", "del", "rdid", "1", "switch", "hnv0" },
		  "Error: argument \"prefix\" is required.", ROUTE_USAGE },
		{ { "route", "del", "rdid", "1", "prefix", "10.9.0.0/16" },
		  "Error: argument \"switch\" is required.", ROUTE_USAGE },
		{ { "route", "show", "rdid", "0" },
		  "Error: argument \"0\" is wrong: RDID must be 1..4294967295",
		  ROUTE_USAGE },
		{ { "route", "show", "prefix", "10.9.0.0/16" },
		  "Error: argument \"prefix\" is wrong: unknown keyword",
		  ROUTE_USAGE },
		{ { "route", "show", "switch", "a/b" },
		  "Error: argument \"a/b\" is wrong: device name contains '/'",
		  ROUTE_USAGE },
		{ { "route", "frob" }, "Error: command \"frob\" is unknown.",
		  ROUTE_USAGE },
		{ { "acl", "add", "dev", "vm1", "prio", "10", "allow" },
		  "Error: argument \"dir\" is required.", ACL_USAGE },
		{ { ACL_ADD, "allow" },
		  "Error: argument \"prio\" is required.", ACL_USAGE },
		{ { "acl", "add", "dev", "vm1", "dir", "up", "prio", "10",
		    "allow" },
		  "Error: argument \"up\" is wrong: dir must be in or out",
		  ACL_USAGE },
		{ { "acl", "add", "dev", "vm1", "dir", "IN", "prio", "10",
		    "allow" },
		  "Error: argument \"IN\" is wrong: dir must be in or out",
		  ACL_USAGE },
		{ { ACL_ADD, "prio", "0", "allow" },
		  "Error: argument \"0\" is wrong: prio must be 1..65535",
		  ACL_USAGE },
		{ { ACL_ADD, "prio", "65536", "allow" },
		  "Error: argument \"65536\" is wrong: prio must be 1..65535",
		  ACL_USAGE },
		{ { ACL_ADD, "prio", "high", "allow" },
		  "Error: argument \"high\" is wrong: prio must be 1..65535",
		  ACL_USAGE },
		{ { ACL_ADD, "prio", "10" },
		  "Error: argument \"allow\" or \"deny\" is required.",
		  ACL_USAGE },
		{ { ACL_ADD, "prio", "10", "deny", "stateful" },
		  "Error: argument \"stateful\" is wrong: stateful goes with "
		  "allow only", ACL_USAGE },
		{ { ACL_ADD, "prio", "10", "stateful" },
		  "Error: argument \"allow\" or \"deny\" is required.",
		  ACL_USAGE },
		{ { ACL_ADD, "prio", "10", "allow", "deny" },
		  "Error: argument \"deny\" is wrong: allow and deny exclude "
		  "each other", ACL_USAGE },
		{ { ACL_RULE, "allow" },
		  "Error: argument \"allow\" is wrong: allow was already given",
		  ACL_USAGE },
		{ { ACL_RULE, "dport", "80" },
		  "Error: argument \"80\" is wrong: ports go with proto tcp or "
		  "udp only", ACL_USAGE },
		{ { ACL_RULE, "proto", "icmp", "sport", "1" },
		  "Error: argument \"1\" is wrong: ports go with proto tcp or "
		  "udp only", ACL_USAGE },
		{ { ACL_RULE, "proto", "47", "dport", "1-2" },
		  "Error: argument \"1-2\" is wrong: ports go with proto tcp or "
		  "udp only", ACL_USAGE },
		{ { ACL_RULE, "src", "10.0.0.0/8", "dst", "fd00::/8" },
		  "Error: argument \"fd00::/8\" is wrong: src and dst must be "
		  "of one family, IPv4 or IPv6", ACL_USAGE },
		{ { ACL_RULE, "src", "fd00::1", "dst", "10.0.0.1" },
		  "Error: argument \"10.0.0.1\" is wrong: src and dst must be "
		  "of one family, IPv4 or IPv6", ACL_USAGE },
		{ { ACL_RULE, "proto", "icmp", "src", "fd00::/16" },
		  "Error: argument \"fd00::/16\" is wrong: icmp matches IPv4 "
		  "only; the prefix must be IPv4", ACL_USAGE },
		{ { ACL_RULE, "proto", "icmpv6", "dst", "10.1.1.1" },
		  "Error: argument \"10.1.1.1\" is wrong: icmpv6 matches IPv6 "
		  "only; the prefix must be IPv6", ACL_USAGE },
		{ { ACL_RULE, "proto", "tcp", "dport", "90-80" },
		  "Error: argument \"90-80\" is wrong: the first port of a "
		  "range must not be above the last", ACL_USAGE },
		{ { ACL_RULE, "proto", "udp", "sport", "65536" },
		  "Error: argument \"65536\" is wrong: " PORTS_WRONG("sport"),
		  ACL_USAGE },
		{ { ACL_RULE, "proto", "udp", "dport", "80-" },
		  "Error: argument \"80-\" is wrong: " PORTS_WRONG("dport"),
		  ACL_USAGE },
		{ { ACL_RULE, "proto", "udp", "dport", "-80" },
		  "Error: argument \"-80\" is wrong: " PORTS_WRONG("dport"),
		  ACL_USAGE },
		{ { ACL_RULE, "proto", "udp", "dport", "1-2-3" },
		  "Error: argument \"1-2-3\" is wrong: " PORTS_WRONG("dport"),
		  ACL_USAGE },
		{ { ACL_RULE, "proto", "udp", "dport", "http" },
		  "Error: argument \"http\" is wrong: " PORTS_WRONG("dport"),
		  ACL_USAGE },
		{ { ACL_RULE, "proto", "tcpx" },
		  "Error: argument \"tcpx\" is wrong: proto must be tcp, udp, "
		  "icmp, icmpv6 or a number 0..255", ACL_USAGE },
		{ { ACL_RULE, "proto", "256" },
		  "Error: argument \"256\" is wrong: proto must be tcp, udp, "
		  "icmp, icmpv6 or a number 0..255", ACL_USAGE },
		{ { ACL_RULE, "src", "10.0.0.1/8" },
		  "Error: argument \"10.0.0.1/8\" is wrong: prefix has bits set "
		  "past its length; did you mean 10.0.0.0/8?", ACL_USAGE },
		{ { ACL_RULE, "dst", "fd00::1/16" },
		  "Error: argument \"fd00::1/16\" is wrong: prefix has bits set "
		  "past its length; did you mean fd00::/16?", ACL_USAGE },
		{ { ACL_RULE, "src", "10.0.0" },
		  "Error: argument \"10.0.0\" is wrong: prefix must be an IPv4 "
		  "or IPv6 address, with a length or not, as in 10.1.0.0/16 or "
		  "fd00:1::5", ACL_USAGE },
		{ { ACL_RULE, "src", "10.0.0.0/33" },
		  "Error: argument \"10.0.0.0/33\" is wrong: prefix length must "
		  "be a number, at most 32 for IPv4", ACL_USAGE },
		{ { ACL_RULE, "frob" },
		  "Error: argument \"frob\" is wrong: unknown keyword",
		  ACL_USAGE },
		{ { ACL_RULE, "default" },
		  "Error: argument \"default\" is wrong: unknown keyword",
		  ACL_USAGE },
		{ { ACL_RULE, "d", "x" },
		  "Error: argument \"d\" is ambiguous: dev, dir, deny, dst, "
		  "dport.", ACL_USAGE },
		{ { ACL_RULE, "src" },
		  "Error: argument \"src\" is wrong: a value must follow it",
		  ACL_USAGE },
		{ { "acl", "add", "vsid", "5001", "dir", "out", "prio", "10",
		    "allow" },
		  "Error: argument \"switch\" is required with vsid.",
		  ACL_USAGE },
		{ { "acl", "add", "dir", "out", "prio", "10", "allow" },
		  "Error: argument \"dev\" or \"vsid\" is required.",
		  ACL_USAGE },
		{ { "acl", "add", "dev", "vm1", "vsid", "5001", "switch", "hnv0",
		    "dir", "out", "prio", "10", "allow" },
		  "Error: argument \"5001\" is wrong: an ACL is a port's (dev) "
		  "or a VSID's (vsid), not both", ACL_USAGE },
		{ { "acl", "add", "vsid", "4095", "switch", "hnv0", "dir", "out",
		    "prio", "10", "allow" },
		  "Error: argument \"4095\" is wrong: VSID must be "
		  "4096..16777214", ACL_USAGE },
		{ { "acl", "add", "dev", "a/b", "dir", "out", "prio", "10",
		    "allow" },
		  "Error: argument \"a/b\" is wrong: device name contains '/'",
		  ACL_USAGE },
		{ { ACL_RULE, "switch", "0123456789abcdef" },
		  "Error: argument \"0123456789abcdef\" is wrong: device name "
		  "is longer than 15 characters", ACL_USAGE },
		{ { "acl", "replace", "dev", "vm1", "dir", "in", "prio", "0",
		    "deny" },
		  "Error: argument \"0\" is wrong: prio must be 1..65535",
		  ACL_USAGE },
		{ { "acl", "default", "dev", "vm1", "dir", "in", "prio", "10",
		    "deny" },
		  "Error: argument \"prio\" is wrong: unknown keyword",
		  ACL_USAGE },
		{ { "acl", "default", "dev", "vm1", "dir", "in", "deny",
		    "proto", "tcp" },
		  "Error: argument \"proto\" is wrong: unknown keyword",
		  ACL_USAGE },
		{ { "acl", "default", "dev", "vm1", "dir", "in" },
		  "Error: argument \"allow\" or \"deny\" is required.",
		  ACL_USAGE },
		{ { "acl", "default", "dev", "vm1", "dir", "in", "deny",
		    "stateful" },
		  "Error: argument \"stateful\" is wrong: stateful goes with "
		  "allow only", ACL_USAGE },
		{ { "acl", "default", "vsid", "5001", "dir", "in", "deny" },
		  "Error: argument \"switch\" is required with vsid.",
		  ACL_USAGE },
		{ { "acl", "del", "dev", "vm1", "dir", "in" },
		  "Error: argument \"prio\" or \"default\" is required.",
		  ACL_USAGE },
		{ { "acl", "del", "dev", "vm1", "dir", "in", "prio", "3",
		    "default" },
		  "Error: argument \"default\" is wrong: a rule (prio) or the "
		  "default, not both", ACL_USAGE },
		{ { "acl", "del", "dev", "vm1", "prio", "3" },
		  "Error: argument \"dir\" is required.", ACL_USAGE },
		{ { "acl", "del", "dev", "vm1", "dir", "in", "prio", "65536" },
		  "Error: argument \"65536\" is wrong: prio must be 1..65535",
		  ACL_USAGE },
		{ { "acl", "del", "dev", "vm1", "dir", "in", "prio", "3",
		    "allow" },
		  "Error: argument \"allow\" is wrong: unknown keyword",
		  ACL_USAGE },
		{ { "acl", "del", "vsid", "5001", "dir", "in", "default" },
		  "Error: argument \"switch\" is required with vsid.",
		  ACL_USAGE },
		{ { "acl", "flush" },
		  "Error: argument \"switch\" is required.", ACL_USAGE },
		{ { "acl", "flush", "dev", "vm1" },
		  "Error: argument \"switch\" is required.", ACL_USAGE },
		{ { "acl", "flush", "switch", "hnv0", "dir", "both" },
		  "Error: argument \"both\" is wrong: dir must be in or out",
		  ACL_USAGE },
		{ { "acl", "flush", "switch", "hnv0", "dev", "vm1", "vsid",
		    "5001" },
		  "Error: argument \"5001\" is wrong: an ACL is a port's (dev) "
		  "or a VSID's (vsid), not both", ACL_USAGE },
		{ { "acl", "flush", "switch", "hnv0", "prio", "3" },
		  "Error: argument \"prio\" is wrong: unknown keyword",
		  ACL_USAGE },
		{ { "acl", "show", "dir", "in" },
		  "Error: argument \"dir\" is wrong: unknown keyword",
		  ACL_USAGE },
		{ { "acl", "show", "dev", "vm1", "vsid", "5001" },
		  "Error: argument \"5001\" is wrong: an ACL is a port's (dev) "
		  "or a VSID's (vsid), not both", ACL_USAGE },
		{ { "acl", "show", "vsid", "0" },
		  "Error: argument \"0\" is wrong: VSID must be 4096..16777214",
		  ACL_USAGE },
		{ { "acl", "show", "switch", "a", "switch", "b" },
		  "Error: argument \"b\" is wrong: a switch was already given",
		  ACL_USAGE },
		{ { "acl", "frob" }, "Error: command \"frob\" is unknown.",
		  ACL_USAGE },
		{ { "acl", "d" },
		  "Error: command \"d\" is ambiguous: default, del.",
		  ACL_USAGE },
		{ { "conn", "show", "dev", "vm1" },
		  "Error: argument \"dev\" is wrong: unknown keyword",
		  CONN_USAGE },
		{ { "conn", "show", "switch", "a/b" },
		  "Error: argument \"a/b\" is wrong: device name contains '/'",
		  CONN_USAGE },
		{ { "conn", "show", "switch" },
		  "Error: argument \"switch\" is wrong: a value must follow it",
		  CONN_USAGE },
		{ { "conn", "flush" }, "Error: command \"flush\" is unknown.",
		  CONN_USAGE },
		{ { "trace", "tcp", "src", "10.0.0.1", "dst", "10.0.0.2" },
		  "Error: argument \"dev\" is required.", TRACE_USAGE },
		{ { "trace", "dev", "vm1", "src", "10.0.0.1", "dst",
		    "10.0.0.2" },
		  "Error: argument \"proto\" is required.", TRACE_USAGE },
		{ { "trace", "dev", "vm1", "tcp", "dst", "10.0.0.2" },
		  "Error: argument \"src\" is required.", TRACE_USAGE },
		{ { "trace", "dev", "vm1", "tcp", "src", "10.0.0.1" },
		  "Error: argument \"dst\" is required.", TRACE_USAGE },
		{ { "trace", "dev", "vm1", "frob", "src", "10.0.0.1", "dst",
		    "10.0.0.2" },
		  "Error: argument \"frob\" is wrong: the protocol must be tcp, "
		  "udp, icmp, icmpv6 or a number 0..255", TRACE_USAGE },
		{ { TRACE_TCP, "udp" },
		  "Error: argument \"udp\" is wrong: a protocol was already "
		  "given", TRACE_USAGE },
		{ { TRACE_TCP, "proto", "6" },
		  "Error: argument \"6\" is wrong: a protocol was already given",
		  TRACE_USAGE },
		{ { "trace", "dev", "vm1", "tcp", "src", "10.0.0.1", "dst",
		    "fd00::2" },
		  "Error: argument \"fd00::2\" is wrong: src and dst must be of "
		  "one family, IPv4 or IPv6", TRACE_USAGE },
		{ { "trace", "dev", "vm1", "tcp", "src", "10.0.0/24", "dst",
		    "10.0.0.2" },
		  "Error: argument \"10.0.0/24\" is wrong: src must be an IPv4 "
		  "or IPv6 address, as in 10.1.1.11 or fd00:1::11",
		  TRACE_USAGE },
		{ { "trace", "dev", "vm1", "icmp", "src", "fd00::1", "dst",
		    "fd00::2" },
		  "Error: argument \"fd00::1\" is wrong: icmp goes with IPv4 "
		  "addresses; IPv6 has icmpv6", TRACE_USAGE },
		{ { "trace", "dev", "vm1", "icmpv6", "src", "10.0.0.1", "dst",
		    "10.0.0.2" },
		  "Error: argument \"10.0.0.1\" is wrong: icmpv6 goes with IPv6 "
		  "addresses; IPv4 has icmp", TRACE_USAGE },
		{ { "trace", "dev", "vm1", "icmp", "src", "10.0.0.1", "dst",
		    "10.0.0.2", "dport", "80" },
		  "Error: argument \"80\" is wrong: icmp and icmpv6 have no "
		  "ports: give type and code", TRACE_USAGE },
		{ { TRACE_TCP, "code", "0" },
		  "Error: argument \"0\" is wrong: type and code go with icmp "
		  "or icmpv6 only", TRACE_USAGE },
		{ { TRACE_TCP, "sport", "65536" },
		  "Error: argument \"65536\" is wrong: sport must be 0..65535",
		  TRACE_USAGE },
		{ { "trace", "dev", "vm1", "icmp", "src", "10.0.0.1", "dst",
		    "10.0.0.2", "type", "256" },
		  "Error: argument \"256\" is wrong: type must be 0..255",
		  TRACE_USAGE },
		{ { TRACE_TCP, "smac", "01:00:00:00:00:01" },
		  "Error: argument \"01:00:00:00:00:01\" is wrong: MAC is "
		  "multicast (its first octet is odd); a VM needs a unicast MAC",
		  TRACE_USAGE },
		{ { TRACE_TCP, "dmac", "02:00:00:00:01" },
		  "Error: argument \"02:00:00:00:01\" is wrong: MAC must be 6 "
		  "octets of 2 hexadecimal digits, as in 02:00:00:00:00:01",
		  TRACE_USAGE },
		{ { TRACE_TCP, "vsid", "5001" },
		  "Error: argument \"tun-src\" is required with vsid.",
		  TRACE_USAGE },
		{ { TRACE_TCP, "tun-src", "192.168.2.20" },
		  "Error: argument \"vsid\" is required with tun-src.",
		  TRACE_USAGE },
		{ { TRACE_TCP, "vsid", "1", "tun-src", "192.168.2.20" },
		  "Error: argument \"1\" is wrong: VSID must be 4096..16777214",
		  TRACE_USAGE },
		{ { TRACE_TCP, "vsid", "5001", "tun-src", "224.0.0.1" },
		  "Error: argument \"224.0.0.1\" is wrong: PA is multicast"
		  PA_UNICAST, TRACE_USAGE },
		{ { TRACE_TCP, "t", "1" },
		  "Error: argument \"t\" is ambiguous: type, tun-src.",
		  TRACE_USAGE },
		{ { TRACE_TCP, "dev", "vm2" },
		  "Error: argument \"vm2\" is wrong: a device was already given",
		  TRACE_USAGE },
		{ { "switch", "set", "dev", "hnv0", "conn-timeout", "0" },
		  "Error: argument \"0\" is wrong: conn-timeout must be "
		  "1..864000 seconds", SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "conn-timeout", "864001" },
		  "Error: argument \"864001\" is wrong: conn-timeout must be "
		  "1..864000 seconds", SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "conn-tcp-timeout", "1h" },
		  "Error: argument \"1h\" is wrong: conn-tcp-timeout must be "
		  "1..864000 seconds", SWITCH_USAGE },
		{ { "switch", "set", "dev", "hnv0", "c", "5" },
		  "Error: argument \"c\" is ambiguous: conn-timeout, "
		  "conn-tcp-timeout.", SWITCH_USAGE },
	};
	struct result *r;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *const *a = cases[i].args;
		const char *rest;
		char want[256];

		r = run("", a);
		snprintf(want, sizeof(want), "%s\n", cases[i].error);
		rest = r->err + strcspn(r->err, "\n") + 1;
		check(r->status == 1 && !r->out[0] &&
		      !strcmp(line1(r->err), want) &&
		      (cases[i].usage ? starts(rest, cases[i].usage) : !*rest),
		      "error case %zu: %s", i, cases[i].error);
		if (r->status != 1 || strcmp(line1(r->err), want))
			diag("exit %d, stderr: %s", r->status, r->err);
	}
}

/*
 * Arguments at the ends of their ranges pass hnvctl's checks: the command
 * fails on the kernel's side only, for lack of the module or of the
 * device, which no test creates.  Each names a switch or port that cannot
 * exist (hnvctl-none0), so that it fails whether the module is loaded or
 * not: a dump of every switch would succeed with the module.
 */
static void range_tests(void)
{
	static const struct {
		const char *args[28];
	} cases[] = {
		{ { "subnet", "add", "vsid", "4096", "rdid", "1", "switch",
		    "hnvctl-none0" } },
		{ { "subnet", "add", "vsid", "5001", "rdid", "1", "prefix",
		    "10.0.0.0/8", "gateway", "10.255.255.254", "prefix",
		    "fd00::/16", "gateway", "fd00::1", "switch",
		    "hnvctl-none0" } },
		{ { "subnet", "add", "vsid", "5001", "rdid", "1", "prefix",
		    "fd00:1::/126", "prefix", "10.1.1.0/30", "encap", "nvgre",
		    "switch", "hnvctl-none0" } },
		{ { "subnet", "add", "vsid", "5001", "rdid", "1", "prefix",
		    "10.1.1.1/24", "switch", "hnvctl-none0" } },
		{ { "su", "a", "v", "5001", "r", "1", "p", "10.1.1.0/24", "g",
		    "10.1.1.1", "s", "hnvctl-none0" } },
		{ { "port", "set", "dev", "hnvctl-none0", "vsid", "5001", "mac",
		    MAP_MAC, "ca", "10.1.1.1", "ca", "fd00:1::2", "ca",
		    "10.1.1.3", "ca", "fd00:1::4", "ca", "10.1.1.5", "ca",
		    "fd00:1::6", "ca", "10.1.1.7", "ca", "fd00:1::8" } },
		{ { "port", "set", "hnvctl-none0", "c", "10.1.1.11", "v",
		    "5001", "m", MAP_MAC } },
		{ { "port", "set", "dev", "hnvctl-none0", "vsid", "5001", "mac",
		    MAP_MAC, "ca", "fd00:1::11", "ca", "FD00:1:0::11" } },
		{ { "vnet", "show", "switch", "hnvctl-none0" } },
		{ { "vnet", "show", "rdid", "4294967295", "switch",
		    "hnvctl-none0" } },
		{ { "vn", "l", "r", "0x1", "s", "hnvctl-none0" } },
		{ { "subnet", "add", "vsid", "16777214", "rdid", "4294967295",
		    "encap", "nvgre", "switch", "hnvctl-none0" } },
		{ { "su", "a", "s", "hnvctl-none0", "r", "0x1", "v", "0x1000",
		    "e", "vx" } },
		{ { "subnet", "del", "vsid", "5001", "switch",
		    "hnvctl-none0" } },
		{ { "subnet", "show", "vsid", "5001", "switch",
		    "hnvctl-none0" } },
		{ { "port", "set", "dev", "hnvctl-none0", "vsid", "4096", "mac",
		    "02:AA:bb:cc:dd:ee" } },
		{ { "port", "set", "hnvctl-none0", "vsid", "none" } },
		{ { "flow", "flush", "switch", "hnvctl-none0", "dev",
		    "hnvctl-none1" } },
		{ { "flow", "show", "switch", "hnvctl-none0" } },
		{ { "switch", "set", "dev", "hnvctl-none0", "uft-max", "1",
		    "uft-port-max", "16777216", "uft-idle-ms", "100" } },
		{ { "switch", "set", "dev", "hnvctl-none0", "uft-max",
		    "16777216", "uft-port-max", "1", "uft-idle-ms",
		    "3600000" } },
		{ { "sw", "se", "d", "hnvctl-none0", "uft-i", "0x64",
		    "uft-p", "0x1000000" } },
		{ { "switch", "set", "uft-max", "262144", "dev",
		    "hnvctl-none0" } },
		{ { "switch", "set", "dev", "hnvctl-none0", "pa", "192.168.1.10",
		    "pa", "192.168.1.11", "vxlan-port", "4789" } },
		{ { "sw", "se", "d", "hnvctl-none0", "p", "1.0.0.1", "p",
		    "223.255.255.254", "v", "65535", "uft-m", "1" } },
		{ { "switch", "set", "dev", "hnvctl-none0", "pa", "none",
		    "vxlan-port", "1" } },
		{ { "switch", "set", "dev", "hnvctl-none0", "strict", "on" } },
		{ { "switch", "set", "dev", "hnvctl-none0", "strict", "off" } },
		{ { "sw", "se", "d", "hnvctl-none0", "st", "on", "uft-i",
		    "100", "p", "10.0.0.1", "v", "4789" } },
		{ { "switch", "set", "strict", "off", "dev", "hnvctl-none0",
		    "pa", "none" } },
		{ { "switch", "set", "dev", "hnvctl-none0", "nvgre-flowid",
		    "on" } },
		{ { "switch", "set", "dev", "hnvctl-none0", "nvgre-flowid",
		    "off" } },
		{ { "sw", "se", "d", "hnvctl-none0", "n", "off", "st", "on",
		    "v", "4789" } },
		{ { "map", "add", "vsid", "5001", "mac", MAP_MAC, "pa",
		    "192.168.2.20", "ca", "10.1.1.12", "switch",
		    "hnvctl-none0" } },
		{ { "map", "replace", "vsid", "16777214", "mac", MAP_MAC, "pa",
		    "127.0.0.1", "ca", "2001:db8::12", "switch",
		    "hnvctl-none0" } },
		{ { "m", "r", "s", "hnvctl-none0", "p", "192.168.2.20", "m",
		    "02:AA:bb:cc:dd:ee", "v", "0x1000" } },
		{ { "map", "del", "vsid", "5001", "mac", MAP_MAC, "switch",
		    "hnvctl-none0" } },
		{ { "map", "show", "switch", "hnvctl-none0", "vsid",
		    "5001" } },
		{ { "m", "l", "s", "hnvctl-none0" } },
		{ { "switch", "set", "dev", "hnvctl-none0", "router-mac",
		    "02:48:4E:56:00:01" } },
		{ { "sw", "se", "d", "hnvctl-none0", "r", "fe:ff:ff:ff:ff:ff",
		    "n", "on" } },
		{ { "monitor", "switch", "hnvctl-none0" } },
		{ { "mo", "s", "hnvctl-none0" } },
		{ { ROUTE_ADD_KEY, "via", "10.1.2.50", "switch",
		    "hnvctl-none0" } },
		{ { "route", "add", "rdid", "4294967295", "prefix",
		    "0.0.0.0/0", "via", "10.1.2.50", "switch",
		    "hnvctl-none0" } },
		{ { "route", "replace", "rdid", "0x10", "prefix",
		    "10.1.2.50/32", "via", "10.1.2.51", "switch",
		    "hnvctl-none0" } },
		{ { "route", "add", "rdid", "1", "prefix", "::/0", "via",
		    "fd00:1::50", "switch", "hnvctl-none0" } },
		{ { "r", "r", "s", "hnvctl-none0", "v", "FD00:1::50", "p",
		    "fd00:9::/128", "r", "1" } },
		{ { "route", "del", "rdid", "1", "prefix", "fd00:9::/32",
		    "switch", "hnvctl-none0" } },
		{ { "route", "show", "switch", "hnvctl-none0", "rdid", "1" } },
		{ { "r", "l", "s", "hnvctl-none0" } },
		{ { "acl", "add", "dev", "hnvctl-none0", "dir", "out", "prio",
		    "1", "allow", "stateful", "proto", "tcp", "src",
		    "0.0.0.0/0", "dst", "10.0.0.0/8", "sport", "0-65535",
		    "dport", "0" } },
		{ { "acl", "add", "dev", "hnvctl-none0", "dir", "in", "prio",
		    "65535", "deny", "proto", "icmpv6", "src", "fd00::1", "dst",
		    "::/0" } },
		{ { "acl", "replace", "vsid", "4096", "switch", "hnvctl-none0",
		    "dir", "in", "prio", "0x10", "deny", "proto", "0" } },
		{ { "acl", "add", "vsid", "16777214", "switch", "hnvctl-none0",
		    "dir", "out", "prio", "7", "allow", "proto", "udp", "dport",
		    "53-53" } },
		{ { "acl", "a", "dev", "hnvctl-none0", "di", "out", "pri", "2",
		    "al", "st", "prot", "icmp", "ds", "10.1.0.0/16" } },
		{ { "acl", "default", "dev", "hnvctl-none0", "dir", "out",
		    "allow", "stateful" } },
		{ { "acl", "default", "vsid", "5001", "switch", "hnvctl-none0",
		    "dir", "in", "deny" } },
		{ { "acl", "del", "dev", "hnvctl-none0", "dir", "out", "prio",
		    "1" } },
		{ { "acl", "del", "vsid", "5001", "switch", "hnvctl-none0",
		    "dir", "in", "default" } },
		{ { "acl", "flush", "switch", "hnvctl-none0" } },
		{ { "acl", "flush", "switch", "hnvctl-none0", "vsid", "5001",
		    "dir", "in" } },
		{ { "acl", "show", "switch", "hnvctl-none0" } },
		{ { "acl", "show", "dev", "hnvctl-none0" } },
		{ { "conn", "show", "switch", "hnvctl-none0" } },
		{ { "trace", "dev", "hnvctl-none0", "tcp", "src", "10.0.0.1",
		    "dst", "10.0.0.2", "sport", "0", "dport", "65535", "smac",
		    "02:00:00:00:00:01", "dmac", "02:00:00:00:00:02" } },
		{ { "trace", "dev", "hnvctl-none0", "proto", "58", "src",
		    "fd00::1", "dst", "fd00::2", "type", "255", "code", "0" } },
		{ { "trace", "dev", "hnvctl-none0", "udp", "src", "10.0.0.1",
		    "dst", "10.0.0.2", "vsid", "5001", "tun-src",
		    "192.168.2.20" } },
		{ { "trace", "dev", "hnvctl-none0", "47", "src", "10.0.0.1",
		    "dst", "10.0.0.2", "sport", "1" } },
		{ { "switch", "set", "dev", "hnvctl-none0", "conn-timeout", "1",
		    "conn-tcp-timeout", "864000" } },
	};
	struct result *r;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *const *a = cases[i].args;

		r = run("", a);
		check(r->status == 1 && !r->out[0] &&
		      starts(r->err, "Error: ") &&
		      !starts(r->err, "Error: argument") &&
		      !strstr(r->err, "Usage:"),
		      "hnvctl %s %s %s...: the arguments pass, the kernel "
		      "refuses", a[0], a[1], a[2] ? a[2] : "");
		if (r->status != 1 || starts(r->err, "Error: argument"))
			diag("exit %d, stderr: %s", r->status, r->err);
	}
}

static void batch_tests(void)
{
	static const char input[] =
		"# comment\n"
		"\n"
		"   switch help   # trailing comment\n"
		"bogus\n"
		"port help\n";
	struct result *r;

	r = RUN(input, "-batch", "-");
	check(r->status == 1 && starts(r->out, "Usage: hnvctl switch show") &&
	      !strstr(r->out, "hnvctl port show") &&
	      strstr(r->err, "Error: object \"bogus\" is unknown.\n") &&
	      strstr(r->err, "Command failed -:4\n"),
	      "batch stops at the first error and names its line");

	r = RUN(input, "-force", "-batch", "-");
	check(r->status == 1 && strstr(r->out, "Usage: hnvctl switch show") &&
	      strstr(r->out, "Usage: hnvctl port show") &&
	      strstr(r->err, "Command failed -:4\n"),
	      "batch -force goes on after an error, exit 1");

	r = RUN("help\nst help\n\n", "-b", "-");
	check(r->status == 0 && starts(r->out, "Usage: hnvctl [ OPTIONS ]") &&
	      strstr(r->out, "Usage: hnvctl stats show") && !r->err[0],
	      "batch of good commands, exit 0");

	r = RUN("", "-batch", "/nonexistent/hnvctl-batch");
	check(r->status == 1 &&
	      starts(r->err, "Error: cannot open \"/nonexistent/hnvctl-batch\""),
	      "batch of a missing file");
}

static void kernel_tests(void)
{
	static const char absent[] =
		"Error: hnv kernel module not loaded (genl family \"hnv\" not found)\n";
	struct result *r;

	r = RUN("", "version");
	if (r->status == 0)
		check(starts(r->out, "hnvctl 0.1.0") &&
		      strstr(r->out, "\nkernel: genl family \"hnv\" version "),
		      "version: hnvctl's and the kernel's");
	else
		check(r->status == 1 && starts(r->out, "hnvctl 0.1.0") &&
		      !strcmp(r->err, absent),
		      "version: hnvctl's, and the module is not loaded");

	r = RUN("", "-j", "version");
	check(starts(r->out, "{\"hnvctl\":\"0.1.0\",\"api_version\":1,"
			     "\"kernel\":") &&
	      r->out[strlen(r->out) - 1] == '\n' &&
	      !strchr(r->out, '\n')[1], "version -j: one JSON line");

	r = run("", (const char *const[]){ NULL });
	check(r->status == 0 || !strcmp(r->err, absent),
	      "hnvctl alone shows switches or says the module is missing");
}

void cli_tests(const char *path)
{
	hnvctl = path;
	help_tests();
	error_tests();
	range_tests();
	batch_tests();
	kernel_tests();
}
