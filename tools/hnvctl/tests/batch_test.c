// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of the pipelined batch, end to end: hnvctl's main() (hnvctl.c
 * built with main renamed hnvctl_main) runs in this process, and the unit
 * tests are linked with -Wl,--wrap=hnv_open,--wrap=nlpipe_init so that,
 * while a test runs, hnv_open() connects to nothing and the batch's pipe
 * talks to the fake kernel of fake_nl.c; requests that wait for their
 * answer (nlreq_run()) go to the fake of ipc_test.c.  Standard output and
 * error are caught in files.  The 100000-line batch is timed.  "monitor"
 * listens to a fake kernel too (--wrap=nlmon_init): it hands out the
 * datagrams of a test, then a signal.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/hnv.h>

#include "fake_nl.h"
#include "ipc.h"
#include "msg.h"
#include "test.h"
#include "util.h"

#define FAMILY 0x22
/* the id of the family's multicast group "events" */
#define EVENTS_GROUP 0x17

int hnvctl_main(int argc, char **argv);

/* The kernel of the batch running, NULL: the real functions. */
static struct fake_nl *kernel;
/* Its family has no multicast group "events" (an older module). */
static bool no_events_group;

int __real_hnv_open(struct hnv *h, struct nlerr *err);
int __wrap_hnv_open(struct hnv *h, struct nlerr *err);
int __real_nlpipe_init(struct nlpipe *p, struct nl_sock *sk,
		       unsigned int window, struct nlerr *err);
int __wrap_nlpipe_init(struct nlpipe *p, struct nl_sock *sk,
		       unsigned int window, struct nlerr *err);

int __wrap_hnv_open(struct hnv *h, struct nlerr *err)
{
	if (!kernel)
		return __real_hnv_open(h, err);
	memset(&h->family, 0, sizeof(h->family));
	h->sk = NULL;
	h->family.id = FAMILY;
	h->family.version = HNV_GENL_VERSION;
	strcpy(h->family.name, HNV_GENL_NAME);
	if (!no_events_group) {
		h->family.nmcgrps = 2;
		strcpy(h->family.mcgrps[0].name, "other");
		h->family.mcgrps[0].id = EVENTS_GROUP + 1;
		strcpy(h->family.mcgrps[1].name, HNV_MCGRP_EVENTS);
		h->family.mcgrps[1].id = EVENTS_GROUP;
	}
	return 0;
}

int __wrap_nlpipe_init(struct nlpipe *p, struct nl_sock *sk,
		       unsigned int window, struct nlerr *err)
{
	int ret = __real_nlpipe_init(p, sk, window, err);

	if (!ret && kernel) {
		p->io = &fake_nl_io;
		p->io_ctx = kernel;
	}
	return ret;
}

/*
 * The log of what the kernel saw, one letter a request: N MAP_NEW,
 * R MAP_NEW with the flag HNV_A_REPLACE, D MAP_DEL (pipelined), S any
 * request that waited for its answer, after which no pipelined request
 * may be unanswered; a MAP_NEW or MAP_DEL that waited (a single command)
 * is S followed by its letter.  Routes take lower case: n ROUTE_NEW, r
 * ROUTE_NEW with HNV_A_REPLACE, d ROUTE_DEL.  ACLs: A ACL_NEW, P ACL_NEW
 * with HNV_A_REPLACE, F ACL_NEW of a default, X ACL_DEL, U ACL_FLUSH.
 */
struct world {
	char log[64];
	size_t n;
	uint8_t refuse[ETH_ALEN];	/* the MAC of the mapping to refuse */
	uint32_t refuse_rdid;		/* the RDID of routes to refuse */
	uint32_t refuse_prio;		/* the priority of rules to refuse */
	/* 0, or the most mappings MAP_NEW adds (HNV_A_SWITCH_MAPS_MAX) */
	unsigned int map_limit;
	unsigned int maps_added;	/* by MAP_NEW, less MAP_DEL */
	/* the kernel's refusal of a request that waited fails it too */
	bool refuse_waited;
	bool late_sync;			/* S came with answers unread */
	int waited_error;		/* judge() of a map request waited for */
	/* the replies to the requests that wait, NULL: none */
	struct nl_msg *const *(*replies)(const struct nlreq *r);
};

static struct world world;

static void log_letter(char c)
{
	if (world.n < sizeof(world.log) - 1)
		world.log[world.n++] = c;
}

/*
 * Judges a route request as hnv would: its RDID, its prefix nest
 * (NLA_F_NESTED, ADDR of 4 or 16 bytes, LEN) and, for ROUTE_NEW, a next
 * hop of the prefix's family; HNV_A_REPLACE only in ROUTE_NEW.
 */
static int judge_route(struct world *w, uint8_t cmd, struct nlattr **tb,
		       bool replace, const char **msg, int *attr)
{
	struct nlattr *pb[HNV_PREFIX_A_MAX + 1];
	struct nlattr *p = tb[HNV_A_ROUTE_PREFIX];
	int alen;

	log_letter(cmd == HNV_CMD_ROUTE_DEL ? 'd' : replace ? 'r' : 'n');
	if ((tb[HNV_A_REPLACE] && (!replace || cmd != HNV_CMD_ROUTE_NEW)) ||
	    !tb[HNV_A_RDID] || nla_len(tb[HNV_A_RDID]) != 4 || !p ||
	    !(p->nla_type & NLA_F_NESTED) ||
	    nla_parse_nested(pb, HNV_PREFIX_A_MAX, p, NULL) ||
	    !pb[HNV_PREFIX_A_ADDR] || !pb[HNV_PREFIX_A_LEN] ||
	    nla_len(pb[HNV_PREFIX_A_LEN]) != 1)
		return EINVAL;
	alen = nla_len(pb[HNV_PREFIX_A_ADDR]);
	if ((alen != 4 && alen != 16) ||
	    nla_get_u8(pb[HNV_PREFIX_A_LEN]) > alen * 8)
		return EINVAL;
	if (cmd == HNV_CMD_ROUTE_NEW ?
	    !tb[HNV_A_ROUTE_VIA] || nla_len(tb[HNV_A_ROUTE_VIA]) != alen :
	    tb[HNV_A_ROUTE_VIA] != NULL)
		return EINVAL;
	if (nla_get_u32(tb[HNV_A_RDID]) != w->refuse_rdid)
		return 0;
	*msg = "a route of this RDID and prefix exists";
	*attr = HNV_A_ROUTE_PREFIX;
	return EEXIST;
}

/*
 * Judges an ACL request as hnv would: HNV_A_ACL a nest (NLA_F_NESTED)
 * with a u8 direction, for ACL_NEW an action, HNV_A_REPLACE only in
 * ACL_NEW, a port or a VSID named (but by ACL_FLUSH); a rule of the
 * priority refuse_prio exists already.
 */
static int judge_acl(struct world *w, uint8_t cmd, struct nlattr **tb,
		     bool replace, const char **msg, int *attr)
{
	struct nlattr *ab[HNV_ACL_A_MAX + 1], *a = tb[HNV_A_ACL];
	bool dflt = false;

	if (a && !nla_parse_nested(ab, HNV_ACL_A_MAX, a, NULL))
		dflt = ab[HNV_ACL_A_DEFAULT] != NULL;
	log_letter(cmd == HNV_CMD_ACL_DEL ? 'X' : cmd == HNV_CMD_ACL_FLUSH ?
		   'U' : replace ? 'P' : dflt ? 'F' : 'A');
	if (tb[HNV_A_REPLACE] && (!replace || cmd != HNV_CMD_ACL_NEW))
		return EINVAL;
	if (cmd == HNV_CMD_ACL_FLUSH)
		return a && !(a->nla_type & NLA_F_NESTED) ? EINVAL : 0;
	if (!a || !(a->nla_type & NLA_F_NESTED) ||
	    nla_parse_nested(ab, HNV_ACL_A_MAX, a, NULL) ||
	    !ab[HNV_ACL_A_DIR] || nla_len(ab[HNV_ACL_A_DIR]) != 1 ||
	    (cmd == HNV_CMD_ACL_NEW && !ab[HNV_ACL_A_ACTION]) ||
	    (!tb[HNV_A_PORT_IFNAME] && !tb[HNV_A_PORT_IFINDEX] &&
	     !tb[HNV_A_VSID]))
		return EINVAL;
	if (!ab[HNV_ACL_A_PRIORITY] ||
	    nla_get_u32(ab[HNV_ACL_A_PRIORITY]) != w->refuse_prio)
		return 0;
	*msg = "an ACL rule of this priority exists";
	*attr = HNV_A_ACL;
	return EEXIST;
}

/* The kernel's refusal of a mapping beyond HNV_A_SWITCH_MAPS_MAX. */
#define MAPS_FULL \
	"HNV_A_SWITCH_MAPS_MAX: the switch has as many mappings as its " \
	"limit allows"

/*
 * Judges a map request as hnv would.  Like generic netlink, it
 * refuses nlmsg_flags other than NLM_F_REQUEST, NLM_F_ACK and NLM_F_ECHO
 * in a request that is not a dump: NLM_F_REPLACE among them.  With a
 * map_limit, a MAP_NEW without HNV_A_REPLACE is a new mapping (the fake
 * keeps no keys), refused with ENOSPC once map_limit are added.
 */
static int judge(void *arg, const struct nlmsghdr *req, const char **msg,
		 int *attr)
{
	struct nlattr *tb[HNV_A_MAX + 1];
	struct genlmsghdr *g = nlmsg_data(req);
	struct world *w = arg;
	bool replace;

	if (genlmsg_parse((struct nlmsghdr *)req, 0, tb, HNV_A_MAX, NULL))
		return EINVAL;
	replace = tb[HNV_A_REPLACE] && !nla_len(tb[HNV_A_REPLACE]);
	if (req->nlmsg_flags & ~(NLM_F_REQUEST | NLM_F_ACK | NLM_F_ECHO)) {
		*msg = "ambiguous or reserved bits set in nlmsg_flags";
		return EINVAL;
	}
	if (g->cmd == HNV_CMD_ROUTE_NEW || g->cmd == HNV_CMD_ROUTE_DEL)
		return judge_route(w, g->cmd, tb, replace, msg, attr);
	if (g->cmd == HNV_CMD_ACL_NEW || g->cmd == HNV_CMD_ACL_DEL ||
	    g->cmd == HNV_CMD_ACL_FLUSH)
		return judge_acl(w, g->cmd, tb, replace, msg, attr);
	log_letter(g->cmd == HNV_CMD_MAP_DEL ? 'D' : replace ? 'R' : 'N');
	if ((tb[HNV_A_REPLACE] && (!replace || g->cmd != HNV_CMD_MAP_NEW)) ||
	    !tb[HNV_A_MAP_MAC] || nla_len(tb[HNV_A_MAP_MAC]) != ETH_ALEN)
		return EINVAL;
	if (memcmp(nla_data(tb[HNV_A_MAP_MAC]), w->refuse, ETH_ALEN)) {
		if (!w->map_limit || replace)
			return 0;
		if (g->cmd == HNV_CMD_MAP_DEL) {
			w->maps_added--;
			return 0;
		}
		if (w->maps_added == w->map_limit) {
			*msg = MAPS_FULL;
			return ENOSPC;
		}
		w->maps_added++;
		return 0;
	}
	*msg = "a mapping of this VSID and MAC exists";
	*attr = HNV_A_MAP_MAC;
	return EEXIST;
}

/*
 * judge() of r, built as nlreq_run() builds a request that is no dump;
 * its extack message and attribute into *text and *attr.
 */
static int judge_waited(const struct nlreq *r, const char **text, int *attr)
{
	struct nl_msg *msg = nlmsg_alloc();
	int error;

	genlmsg_put(msg, 0, 1, r->family, 0,
		    NLM_F_REQUEST | NLM_F_ACK | r->flags, r->cmd, r->version);
	if (r->put && r->put(msg, r->put_arg))
		error = EMSGSIZE;
	else
		error = judge(&world, nlmsg_hdr(msg), text, attr);
	nlmsg_free(msg);
	return error;
}

static struct nl_msg *const *waited(const struct nlreq *r)
{
	const char *text = "";
	int attr = -1;

	log_letter('S');
	if (fake_nl_unanswered(kernel))
		world.late_sync = true;
	if (r->cmd == HNV_CMD_MAP_NEW || r->cmd == HNV_CMD_MAP_DEL ||
	    r->cmd == HNV_CMD_ROUTE_NEW || r->cmd == HNV_CMD_ROUTE_DEL ||
	    r->cmd == HNV_CMD_ACL_NEW || r->cmd == HNV_CMD_ACL_DEL ||
	    r->cmd == HNV_CMD_ACL_FLUSH)
		world.waited_error = judge_waited(r, &text, &attr);
	if (world.refuse_waited && world.waited_error)
		ipc_fake_refuse(world.waited_error, text ? text : "", attr);
	return world.replies ? world.replies(r) : NULL;
}

struct result {
	int status;
	char out[16384];
	char err[16384];
};

static void slurp(FILE *fp, char *buf, size_t len)
{
	size_t n;

	rewind(fp);
	n = fread(buf, 1, len - 1, fp);
	buf[n] = '\0';
	fclose(fp);
}

/* Runs hnvctl_main() with args (NULL-terminated) against k. */
static struct result *run(struct fake_nl *k, const char *const *args)
{
	static struct result r;
	FILE *out = tmpfile(), *err = tmpfile();
	char *argv[32];
	int argc = 0, o, e;

	argv[argc++] = "hnvctl";
	while (*args && argc < 31)
		argv[argc++] = (char *)*args++;
	argv[argc] = NULL;
	memset(world.log, 0, sizeof(world.log));
	world.n = 0;
	world.late_sync = false;
	world.waited_error = 0;
	k->judge = judge;
	k->arg = &world;
	kernel = k;
	ipc_fake_begin(waited);
	fflush(stdout);
	fflush(stderr);
	o = dup(1);
	e = dup(2);
	dup2(fileno(out), 1);
	dup2(fileno(err), 2);
	r.status = hnvctl_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(o, 1);
	dup2(e, 2);
	close(o);
	close(e);
	ipc_fake_end();
	kernel = NULL;
	slurp(out, r.out, sizeof(r.out));
	slurp(err, r.err, sizeof(r.err));
	return &r;
}

#define RUN(k, ...) run(k, (const char *const[]){ __VA_ARGS__, NULL })

/* A fresh kernel, in place of k. */
static void reset(struct fake_nl *k)
{
	fake_nl_free(k);
	memset(k, 0, sizeof(*k));
}

static char file[] = "/tmp/hnvctl-batch-XXXXXX";

static void write_file(const char *text)
{
	FILE *fp = fopen(file, "w");

	fputs(text, fp);
	fclose(fp);
}

#define MAC(n) "02:00:00:00:00:0" #n

static const char input[] =
	"map add vsid 5001 mac " MAC(1) " pa 192.168.2.20 ca 10.1.1.11 "
	"switch hnv0\n"
	"map add vsid 5001 mac " MAC(2) " pa 192.168.2.20 switch hnv0\n"
	"# a comment\n"
	"map replace vsid 5001 mac " MAC(1) " pa 192.168.2.21 switch hnv0\n"
	"map add vsid 5001 mac " MAC(9) " pa 192.168.2.20 switch hnv0\n"
	"map del vsid 5001 mac " MAC(2) " switch hnv0\n"
	"subnet add vsid 5002 rdid 1 switch hnv0\n"
	"m a v 5002 m " MAC(3) " p 192.168.2.22 c 2001:db8::3 s hnv0\n"
	"m r v 5002 m " MAC(3) " p 192.168.2.23 s hnv0\n";

static void refuse(const char *mac)
{
	sscanf(mac, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &world.refuse[0],
	       &world.refuse[1], &world.refuse[2], &world.refuse[3],
	       &world.refuse[4], &world.refuse[5]);
}

static void order_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;
	char want[1024];

	write_file(input);
	refuse(MAC(9));
	r = RUN(&k, "-force", "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: a mapping of this VSID and MAC exists "
		 "(attribute HNV_A_MAP_MAC)\n"
		 "Command failed %s:5\n", file);
	check(r->status == 1 && !r->out[0],
	      "batch -force with a map line the kernel refuses: exit 1");
	check_str(r->err, want,
		  "batch -force: the kernel's refusal with its extack and the "
		  "line of the map command, once");
	check_str(world.log, "NNRNDSNR",
		  "batch -force: every line, in order; the map lines before "
		  "the subnet line answered before it");
	check(!world.late_sync && k.datagrams == 2,
	      "batch: one datagram for the first five map lines, one for "
	      "the last two");

	reset(&k);
	r = RUN(&k, "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: a mapping of this VSID and MAC exists "
		 "(attribute HNV_A_MAP_MAC)\n"
		 "Command failed %s:5\n"
		 "Note: the map, route and acl commands up to %s:6 had been sent "
		 "before the failure of %s:5 was known; they were carried "
		 "out.\n",
		 file, file, file);
	check(r->status == 1 && !r->out[0],
	      "batch without -force, a map line refused: exit 1");
	check_str(r->err, want,
		  "batch without -force: it stops; the failed line, and the "
		  "map line sent with it, are named");
	check_str(world.log, "NNRND",
		  "batch without -force: nothing after the failure's answer "
		  "runs");

	/* the kernel refuses line 1; line 2 is wrong on the command line */
	write_file("map add vsid 5001 mac " MAC(9) " pa 192.168.2.20 "
		   "switch hnv0\n"
		   "map add vsid 5001 mac 01:00:00:00:00:01 pa 192.168.2.20 "
		   "switch hnv0\n"
		   "map add vsid 5001 mac " MAC(4) " pa 192.168.2.20 "
		   "switch hnv0\n");
	reset(&k);
	r = RUN(&k, "-force", "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: a mapping of this VSID and MAC exists "
		 "(attribute HNV_A_MAP_MAC)\n"
		 "Command failed %s:1\n"
		 "Command failed %s:2\n", file, file);
	check(r->status == 1 &&
	      !strncmp(r->err, "Error: argument \"01:00:00:00:00:01\" is "
			       "wrong: MAC is multicast", 60) &&
	      strstr(r->err, want) && !strcmp(world.log, "NN"),
	      "batch: a map line wrong on the command line first gets the "
	      "answers of those before it; \"Command failed\" in line order");

	reset(&k);
	r = RUN(&k, "-batch", file);
	check(r->status == 1 && strstr(r->err, want) &&
	      !strstr(r->err, "Note:") && !strcmp(world.log, "N"),
	      "batch without -force: stops there, the line after is not "
	      "sent");

	/* a map show waits for the map lines before it */
	write_file("map add vsid 5001 mac " MAC(5) " pa 192.168.2.20 "
		   "switch hnv0\n"
		   "map show\n"
		   "map del vsid 5001 mac " MAC(5) " switch hnv0\n");
	reset(&k);
	memset(world.refuse, 0, ETH_ALEN);
	r = RUN(&k, "-batch", file);
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "NSSD") &&
	      !world.late_sync,
	      "batch: map show waits for the answers to the map lines "
	      "before it");

	/* a late kernel: up to a full window unanswered */
	write_file(input);
	refuse(MAC(9));
	reset(&k);
	k.lazy = true;
	r = RUN(&k, "-force", "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: a mapping of this VSID and MAC exists "
		 "(attribute HNV_A_MAP_MAC)\n"
		 "Command failed %s:5\n", file);
	check(r->status == 1 && !strcmp(r->err, want) &&
	      !strcmp(world.log, "NNRNDSNR") && !world.late_sync,
	      "batch with a kernel answering late: the same report, the same "
	      "order");
	fake_nl_free(&k);
}

/*
 * map add and map replace as single commands: one MAP_NEW each, waited
 * for, with HNV_A_REPLACE for replace only, and no flag generic netlink
 * would refuse.
 */
static void single_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;

	memset(world.refuse, 0, ETH_ALEN);
	r = RUN(&k, "map", "replace", "vsid", "5001", "mac", MAC(1), "pa",
		"192.168.2.21", "switch", "hnv0");
	check(r->status == 0 && !r->out[0] && !r->err[0] &&
	      !strcmp(world.log, "SR") && !world.waited_error &&
	      !k.requests,
	      "map replace: one MAP_NEW with HNV_A_REPLACE and no "
	      "NLM_F_REPLACE, waited for");
	if (strcmp(world.log, "SR") || world.waited_error)
		diag("log \"%s\", error %d", world.log, world.waited_error);

	reset(&k);
	r = RUN(&k, "map", "add", "vsid", "5001", "mac", MAC(1), "pa",
		"192.168.2.21", "ca", "10.1.1.11", "switch", "hnv0");
	check(r->status == 0 && !r->out[0] && !r->err[0] &&
	      !strcmp(world.log, "SN") && !world.waited_error &&
	      !k.requests,
	      "map add: one MAP_NEW without HNV_A_REPLACE, waited for");

	reset(&k);
	r = RUN(&k, "map", "del", "vsid", "5001", "mac", MAC(1), "switch",
		"hnv0");
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "SD") &&
	      !world.waited_error,
	      "map del: one MAP_DEL without HNV_A_REPLACE, waited for");
	fake_nl_free(&k);
}

static struct nl_msg *switch_msg(const char *name, uint32_t ifindex)
{
	struct nl_msg *msg = message(HNV_CMD_SWITCH_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, ifindex);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, name);
	return msg;
}

static struct nl_msg *map_msg(uint32_t ifindex, uint32_t vsid, uint8_t last,
			      int ca_len, const char *ca)
{
	uint8_t mac[ETH_ALEN] = { 2, 0, 0, 0, 0, last }, addr[16];
	struct nl_msg *msg = message(HNV_CMD_MAP_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, ifindex);
	nla_put_u32(msg, HNV_A_VSID, vsid);
	nla_put(msg, HNV_A_MAP_MAC, ETH_ALEN, mac);
	nla_put(msg, HNV_A_MAP_PA, 4, (uint8_t[4]){ 192, 168, 2, last });
	if (ca_len) {
		inet_pton(ca_len == 4 ? AF_INET : AF_INET6, ca, addr);
		nla_put(msg, HNV_A_MAP_CA, ca_len, addr);
	}
	return msg;
}

/* What the kernel dumps for "map show": two switches, jumbled mappings. */
static struct nl_msg *switches[3], *one_switch[2], *maps[7], *maps_hnv0[5];
static bool map_sel_ok;		/* the MAP_GET of "switch hnv0 vsid 5001" */

static struct nl_msg *const *show_replies(const struct nlreq *r)
{
	struct nlattr *tb[HNV_A_MAX + 1];
	struct nl_msg *req;

	if (r->cmd == HNV_CMD_SWITCH_GET)
		return r->dump ? switches : one_switch;
	if (r->cmd != HNV_CMD_MAP_GET || !r->dump)
		return NULL;
	req = message(r->cmd);
	r->put(req, r->put_arg);
	genlmsg_parse(nlmsg_hdr(req), 0, tb, HNV_A_MAX, NULL);
	map_sel_ok = tb[HNV_A_SWITCH_IFINDEX] &&
		     nla_get_u32(tb[HNV_A_SWITCH_IFINDEX]) == 7 &&
		     !tb[HNV_A_SWITCH_IFNAME] && tb[HNV_A_VSID] &&
		     nla_get_u32(tb[HNV_A_VSID]) == 5001;
	nlmsg_free(req);
	/* hnv0's, of every VSID */
	return tb[HNV_A_SWITCH_IFINDEX] ? maps_hnv0 : maps;
}

static void show_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;
	size_t i;

	switches[0] = switch_msg("hnv0", 7);
	switches[1] = switch_msg("hnv1", 8);
	one_switch[0] = switch_msg("hnv0", 7);
	maps[0] = map_msg(8, 5001, 1, 0, NULL);
	maps[1] = map_msg(7, 5002, 2, 16, "2001:db8::2");
	maps[2] = map_msg(7, 5001, 3, 0, NULL);
	maps[3] = map_msg(9, 5001, 1, 0, NULL);
	maps[4] = map_msg(7, 5001, 1, 4, "10.1.1.1");
	maps[5] = map_msg(7, 4096, 9, 0, NULL);
	maps_hnv0[0] = map_msg(7, 5002, 2, 16, "2001:db8::2");
	maps_hnv0[1] = map_msg(7, 5001, 3, 0, NULL);
	maps_hnv0[2] = map_msg(7, 5001, 1, 4, "10.1.1.1");
	maps_hnv0[3] = map_msg(7, 4096, 9, 0, NULL);
	world.replies = show_replies;

	r = RUN(&k, "map", "show");
	check_str(r->out,
		  "map vsid 4096 mac 02:00:00:00:00:09 pa 192.168.2.9 "
		  "switch hnv0\n"
		  "map vsid 5001 mac 02:00:00:00:00:01 ca 10.1.1.1 "
		  "pa 192.168.2.1 switch hnv0\n"
		  "map vsid 5001 mac 02:00:00:00:00:03 pa 192.168.2.3 "
		  "switch hnv0\n"
		  "map vsid 5002 mac 02:00:00:00:00:02 ca 2001:db8::2 "
		  "pa 192.168.2.2 switch hnv0\n"
		  "map vsid 5001 mac 02:00:00:00:00:01 pa 192.168.2.1 "
		  "switch hnv1\n"
		  "map vsid 5001 mac 02:00:00:00:00:01 pa 192.168.2.1 "
		  "switch if9\n",
		  "map show: by switch, VSID and MAC; switches by name, "
		  "ifN without one");
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "SS"),
	      "map show: a switch dump, then a mapping dump");

	r = RUN(&k, "-j", "map", "show", "switch", "hnv0", "vsid", "5001");
	check_str(r->out,
		  "[{\"switch\":\"hnv0\",\"vsid\":5001,"
		  "\"mac\":\"02:00:00:00:00:01\",\"ca\":\"10.1.1.1\","
		  "\"pa\":\"192.168.2.1\"},"
		  "{\"switch\":\"hnv0\",\"vsid\":5001,"
		  "\"mac\":\"02:00:00:00:00:03\",\"pa\":\"192.168.2.3\"}]\n",
		  "map show switch hnv0 vsid 5001 -j: only VSID 5001 is kept "
		  "(whatever the kernel sends), JSON");
	check(map_sel_ok && r->status == 0,
	      "map show switch hnv0 vsid 5001: the switch's ifindex and the "
	      "VSID in the dump request");

	world.replies = NULL;
	for (i = 0; i < ARRAY_SIZE(maps); i++)
		nlmsg_free(maps[i]);
	for (i = 0; i < ARRAY_SIZE(maps_hnv0); i++)
		nlmsg_free(maps_hnv0[i]);
	nlmsg_free(switches[0]);
	nlmsg_free(switches[1]);
	nlmsg_free(one_switch[0]);
	fake_nl_free(&k);
}

/* The SWITCH_SET request of "switch set", as the kernel would get it. */
static struct {
	bool seen;
	int nattrs;		/* attributes, duplicates included */
	int strict_len;		/* -1: no HNV_A_SWITCH_STRICT */
	uint8_t strict;
	int flowid_len;		/* -1: no HNV_A_SWITCH_NVGRE_FLOWID */
	uint8_t flowid;
	int router_mac_len;	/* -1: no HNV_A_SWITCH_ROUTER_MAC */
	uint8_t router_mac[ETH_ALEN];
	bool by_name, pas_empty;
} set_req;

/* What the kernel answers for "switch show dev hnv0". */
static struct nl_msg *shown_switch[2];

static struct nl_msg *const *switch_replies(const struct nlreq *r)
{
	struct nlattr *tb[HNV_A_MAX + 1], *a;
	struct nlmsghdr *nlh;
	struct nl_msg *req;
	int rem;

	if (r->cmd == HNV_CMD_SWITCH_GET)
		return shown_switch;
	if (r->cmd != HNV_CMD_SWITCH_SET)
		return NULL;
	req = message(r->cmd);
	r->put(req, r->put_arg);
	nlh = nlmsg_hdr(req);
	genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL);
	set_req.seen = true;
	set_req.nattrs = 0;
	nla_for_each_attr(a, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem)
		set_req.nattrs++;
	set_req.strict_len = tb[HNV_A_SWITCH_STRICT] ?
			     nla_len(tb[HNV_A_SWITCH_STRICT]) : -1;
	set_req.strict = set_req.strict_len == 1 ?
			 nla_get_u8(tb[HNV_A_SWITCH_STRICT]) : 0xff;
	set_req.flowid_len = tb[HNV_A_SWITCH_NVGRE_FLOWID] ?
			     nla_len(tb[HNV_A_SWITCH_NVGRE_FLOWID]) : -1;
	set_req.flowid = set_req.flowid_len == 1 ?
			 nla_get_u8(tb[HNV_A_SWITCH_NVGRE_FLOWID]) : 0xff;
	set_req.router_mac_len = tb[HNV_A_SWITCH_ROUTER_MAC] ?
				 nla_len(tb[HNV_A_SWITCH_ROUTER_MAC]) : -1;
	if (set_req.router_mac_len == ETH_ALEN)
		memcpy(set_req.router_mac,
		       nla_data(tb[HNV_A_SWITCH_ROUTER_MAC]), ETH_ALEN);
	set_req.by_name = tb[HNV_A_SWITCH_IFNAME] &&
			  !strcmp(nla_data(tb[HNV_A_SWITCH_IFNAME]), "hnv0");
	set_req.pas_empty = tb[HNV_A_SWITCH_PAS] &&
			    !nla_len(tb[HNV_A_SWITCH_PAS]);
	nlmsg_free(req);
	return NULL;
}

/*
 * "switch set ... strict" and "switch show" end to end: the request
 * hnvctl's command line makes, and how a switch in strict mode is shown.
 */
static void strict_tests(void)
{
	struct fake_nl k = { 0 };
	struct nlattr *nest;
	struct result *r;

	world.replies = switch_replies;

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "switch", "set", "dev", "hnv0", "strict", "on");
	check(r->status == 0 && !r->out[0] && !r->err[0] && set_req.seen &&
	      set_req.nattrs == 2 && set_req.by_name &&
	      set_req.strict_len == 1 && set_req.strict == 1,
	      "switch set dev hnv0 strict on: SWITCH_SET of the switch name "
	      "and HNV_A_SWITCH_STRICT, a u8 of 1");

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "sw", "se", "d", "hnv0", "st", "off", "pa", "none");
	check(r->status == 0 && !r->err[0] && set_req.seen &&
	      set_req.nattrs == 3 && set_req.by_name && set_req.pas_empty &&
	      set_req.strict_len == 1 && set_req.strict == 0,
	      "sw se d hnv0 st off pa none: HNV_A_SWITCH_STRICT 0 beside an "
	      "empty HNV_A_SWITCH_PAS");

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "switch", "set", "dev", "hnv0", "vxlan-port", "4789");
	check(r->status == 0 && set_req.seen && set_req.nattrs == 2 &&
	      set_req.strict_len == -1,
	      "switch set without strict: no HNV_A_SWITCH_STRICT");

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "switch", "set", "dev", "hnv0", "strict", "maybe");
	check(r->status == 1 && !set_req.seen && !strcmp(world.log, ""),
	      "switch set strict maybe: nothing sent");

	shown_switch[0] = switch_msg("hnv0", 7);
	nla_put_u32(shown_switch[0], HNV_A_SWITCH_NPORTS, 2);
	nla_put_u16(shown_switch[0], HNV_A_SWITCH_VXLAN_PORT, 4789);
	nla_put_u32(shown_switch[0], HNV_A_SWITCH_NMAPS, 2);
	nest = nla_nest_start(shown_switch[0], HNV_A_SWITCH_PAS);
	nest->nla_type |= NLA_F_NESTED;
	nla_put(shown_switch[0], 1, 4, (uint8_t[4]){ 192, 168, 1, 10 });
	nla_nest_end(shown_switch[0], nest);
	nla_put_u8(shown_switch[0], HNV_A_SWITCH_STRICT, 1);
	r = RUN(&k, "switch", "show", "dev", "hnv0");
	check_str(r->out,
		  "switch hnv0 ifindex 7 ports 2\n"
		  "    pa 192.168.1.10 vxlan-port 4789 maps 2 strict on\n"
		  "    RX: packets bytes\n"
		  "              0     0\n"
		  "    TX: packets bytes\n"
		  "              0     0\n"
		  "    flows: new 0 aged 0 uncached 0 recomposed 0\n"
		  "    drops: 0\n",
		  "switch show dev hnv0: strict on, on the pa line");
	r = RUN(&k, "-j", "switch", "show", "dev", "hnv0");
	check(r->status == 0 &&
	      strstr(r->out, "\"pas\":[\"192.168.1.10\"],\"vxlan_port\":4789,"
			     "\"maps\":2,\"strict\":true,\"stats\":{") != NULL,
	      "switch show -j: \"strict\":true after \"maps\"");

	world.replies = NULL;
	nlmsg_free(shown_switch[0]);
	shown_switch[0] = NULL;
	fake_nl_free(&k);
}

/*
 * "switch set ... nvgre-flowid" and "switch show" end to end, as for
 * strict mode.
 */
static void nvgre_flowid_tests(void)
{
	struct fake_nl k = { 0 };
	struct nlattr *nest;
	struct result *r;

	world.replies = switch_replies;

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "switch", "set", "dev", "hnv0", "nvgre-flowid", "off");
	check(r->status == 0 && !r->out[0] && !r->err[0] && set_req.seen &&
	      set_req.nattrs == 2 && set_req.by_name &&
	      set_req.flowid_len == 1 && set_req.flowid == 0 &&
	      set_req.strict_len == -1,
	      "switch set dev hnv0 nvgre-flowid off: SWITCH_SET of the switch "
	      "name and HNV_A_SWITCH_NVGRE_FLOWID, a u8 of 0");

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "sw", "se", "d", "hnv0", "n", "on", "st", "on");
	check(r->status == 0 && !r->err[0] && set_req.seen &&
	      set_req.nattrs == 3 && set_req.by_name &&
	      set_req.flowid_len == 1 && set_req.flowid == 1 &&
	      set_req.strict_len == 1 && set_req.strict == 1,
	      "sw se d hnv0 n on st on: HNV_A_SWITCH_NVGRE_FLOWID 1 beside "
	      "HNV_A_SWITCH_STRICT 1");

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "switch", "set", "dev", "hnv0", "strict", "off");
	check(r->status == 0 && set_req.seen && set_req.nattrs == 2 &&
	      set_req.flowid_len == -1,
	      "switch set without nvgre-flowid: no HNV_A_SWITCH_NVGRE_FLOWID");

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "switch", "set", "dev", "hnv0", "nvgre-flowid", "yes");
	check(r->status == 1 && !set_req.seen && !strcmp(world.log, "") &&
	      strstr(r->err, "Error: argument \"yes\" is wrong: "
			     "nvgre-flowid must be on or off\n") == r->err,
	      "switch set nvgre-flowid yes: an error, nothing sent");

	shown_switch[0] = switch_msg("hnv0", 7);
	nla_put_u32(shown_switch[0], HNV_A_SWITCH_NPORTS, 2);
	nla_put_u16(shown_switch[0], HNV_A_SWITCH_VXLAN_PORT, 4789);
	nla_put_u32(shown_switch[0], HNV_A_SWITCH_NMAPS, 2);
	nest = nla_nest_start(shown_switch[0], HNV_A_SWITCH_PAS);
	nest->nla_type |= NLA_F_NESTED;
	nla_put(shown_switch[0], 1, 4, (uint8_t[4]){ 192, 168, 1, 10 });
	nla_nest_end(shown_switch[0], nest);
	nla_put_u8(shown_switch[0], HNV_A_SWITCH_STRICT, 0);
	nla_put_u8(shown_switch[0], HNV_A_SWITCH_NVGRE_FLOWID, 0);
	r = RUN(&k, "switch", "show", "dev", "hnv0");
	check_str(r->out,
		  "switch hnv0 ifindex 7 ports 2\n"
		  "    pa 192.168.1.10 vxlan-port 4789 maps 2 strict off "
		  "nvgre-flowid off\n"
		  "    RX: packets bytes\n"
		  "              0     0\n"
		  "    TX: packets bytes\n"
		  "              0     0\n"
		  "    flows: new 0 aged 0 uncached 0 recomposed 0\n"
		  "    drops: 0\n",
		  "switch show dev hnv0: nvgre-flowid off, after strict");
	r = RUN(&k, "-j", "switch", "show", "dev", "hnv0");
	check(r->status == 0 &&
	      strstr(r->out, "\"maps\":2,\"strict\":false,"
			     "\"nvgre_flowid\":false,\"stats\":{") != NULL,
	      "switch show -j: \"nvgre_flowid\":false after \"strict\"");

	world.replies = NULL;
	nlmsg_free(shown_switch[0]);
	shown_switch[0] = NULL;
	fake_nl_free(&k);
}

/* "switch set ... router-mac" and "switch show" end to end. */
static void router_mac_tests(void)
{
	static const uint8_t mac[ETH_ALEN] = { 2, 0, 0x5e, 0, 0, 0x0a };
	static const uint8_t dflt[ETH_ALEN] = { 2, 0x48, 0x4e, 0x56, 0, 1 };
	struct fake_nl k = { 0 };
	struct result *r;

	world.replies = switch_replies;

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "switch", "set", "dev", "hnv0", "router-mac",
		"02:00:5E:00:00:0a");
	check(r->status == 0 && !r->out[0] && !r->err[0] && set_req.seen &&
	      set_req.nattrs == 2 && set_req.by_name &&
	      set_req.router_mac_len == ETH_ALEN &&
	      !memcmp(set_req.router_mac, mac, ETH_ALEN),
	      "switch set dev hnv0 router-mac 02:00:5E:00:00:0a: SWITCH_SET "
	      "of the switch name and HNV_A_SWITCH_ROUTER_MAC, its 6 bytes");

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "sw", "se", "d", "hnv0", "r", "02:48:4e:56:00:01", "st",
		"on");
	check(r->status == 0 && !r->err[0] && set_req.seen &&
	      set_req.nattrs == 3 && set_req.router_mac_len == ETH_ALEN &&
	      !memcmp(set_req.router_mac, dflt, ETH_ALEN) &&
	      set_req.strict_len == 1 && set_req.strict == 1,
	      "sw se d hnv0 r MAC st on: HNV_A_SWITCH_ROUTER_MAC beside "
	      "HNV_A_SWITCH_STRICT");

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "switch", "set", "dev", "hnv0", "strict", "off");
	check(r->status == 0 && set_req.seen && set_req.nattrs == 2 &&
	      set_req.router_mac_len == -1,
	      "switch set without router-mac: no HNV_A_SWITCH_ROUTER_MAC");

	memset(&set_req, 0, sizeof(set_req));
	r = RUN(&k, "switch", "set", "dev", "hnv0", "router-mac",
		"03:00:00:00:00:01");
	check(r->status == 1 && !set_req.seen && !strcmp(world.log, "") &&
	      strstr(r->err, "Error: argument \"03:00:00:00:00:01\" is "
			     "wrong: router-mac must be a unicast MAC, not "
			     "zero, as in 02:48:4e:56:00:01\n") == r->err,
	      "switch set router-mac of a multicast MAC: an error, nothing "
	      "sent");

	shown_switch[0] = switch_msg("hnv0", 7);
	nla_put_u32(shown_switch[0], HNV_A_SWITCH_NPORTS, 2);
	nla_put_u16(shown_switch[0], HNV_A_SWITCH_VXLAN_PORT, 4789);
	nla_put_u32(shown_switch[0], HNV_A_SWITCH_NMAPS, 2);
	nla_put_u8(shown_switch[0], HNV_A_SWITCH_STRICT, 0);
	nla_put_u8(shown_switch[0], HNV_A_SWITCH_NVGRE_FLOWID, 1);
	nla_put(shown_switch[0], HNV_A_SWITCH_ROUTER_MAC, ETH_ALEN, dflt);
	r = RUN(&k, "switch", "show", "dev", "hnv0");
	check_str(r->out,
		  "switch hnv0 ifindex 7 ports 2\n"
		  "    pa none vxlan-port 4789 maps 2 strict off "
		  "nvgre-flowid on router-mac 02:48:4e:56:00:01\n"
		  "    RX: packets bytes\n"
		  "              0     0\n"
		  "    TX: packets bytes\n"
		  "              0     0\n"
		  "    flows: new 0 aged 0 uncached 0 recomposed 0\n"
		  "    drops: 0\n",
		  "switch show dev hnv0: router-mac at the end of the pa line");
	r = RUN(&k, "-j", "switch", "show", "dev", "hnv0");
	check(r->status == 0 &&
	      strstr(r->out, "\"strict\":false,\"nvgre_flowid\":true,"
			     "\"router_mac\":\"02:48:4e:56:00:01\","
			     "\"stats\":{") != NULL,
	      "switch show -j: \"router_mac\" after \"nvgre_flowid\"");

	world.replies = NULL;
	nlmsg_free(shown_switch[0]);
	shown_switch[0] = NULL;
	fake_nl_free(&k);
}

static struct nl_msg *set_acked;

/* A SWITCH_SET into set_acked; shown_switch for SWITCH_GET. */
static struct nl_msg *const *maps_max_replies(const struct nlreq *r)
{
	if (r->cmd == HNV_CMD_SWITCH_GET)
		return shown_switch;
	if (r->cmd == HNV_CMD_SWITCH_SET) {
		nlmsg_free(set_acked);
		set_acked = message(r->cmd);
		r->put(set_acked, r->put_arg);
	}
	return NULL;
}

/* The u32 HNV_A_SWITCH_MAPS_MAX of set_acked, of the switch hnv0; -1 if not. */
static long long set_maps_max(void)
{
	struct nlattr *tb[HNV_A_MAX + 1];

	if (!set_acked ||
	    genlmsg_parse(nlmsg_hdr(set_acked), 0, tb, HNV_A_MAX, NULL) ||
	    !tb[HNV_A_SWITCH_IFNAME] ||
	    strcmp(nla_data(tb[HNV_A_SWITCH_IFNAME]), "hnv0") ||
	    !tb[HNV_A_SWITCH_MAPS_MAX] ||
	    nla_len(tb[HNV_A_SWITCH_MAPS_MAX]) != 4)
		return -1;
	return nla_get_u32(tb[HNV_A_SWITCH_MAPS_MAX]);
}

/*
 * "switch set ... maps-max", "switch show" of the limit and the count, and
 * a batch of map lines against a kernel whose limit is reached: each line
 * beyond it refused with the kernel's message, the others carried out.
 */
static void maps_max_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;
	char want[1024];

	world.replies = maps_max_replies;
	r = RUN(&k, "switch", "set", "dev", "hnv0", "maps-max", "100");
	check(r->status == 0 && !r->out[0] && !r->err[0] &&
	      set_maps_max() == 100,
	      "switch set dev hnv0 maps-max 100: SWITCH_SET of the switch "
	      "name and a u32 HNV_A_SWITCH_MAPS_MAX of 100");

	nlmsg_free(set_acked);
	set_acked = NULL;
	r = RUN(&k, "sw", "se", "d", "hnv0", "m", "16777216");
	check(r->status == 0 && set_maps_max() == 16777216,
	      "sw se d hnv0 m 16777216 (abbreviated): the largest limit");

	nlmsg_free(set_acked);
	set_acked = NULL;
	r = RUN(&k, "switch", "set", "dev", "hnv0", "maps-max", "0");
	check(r->status == 1 && !set_acked &&
	      strstr(r->err, "Error: argument \"0\" is wrong: maps-max must "
			     "be 1..16777216\n") == r->err,
	      "switch set maps-max 0: an error, nothing sent");

	shown_switch[0] = switch_msg("hnv0", 7);
	nla_put_u32(shown_switch[0], HNV_A_SWITCH_NPORTS, 0);
	nla_put_u16(shown_switch[0], HNV_A_SWITCH_VXLAN_PORT, 4789);
	nla_put_u32(shown_switch[0], HNV_A_SWITCH_NMAPS, 100);
	nla_put_u32(shown_switch[0], HNV_A_SWITCH_MAPS_MAX, 100);
	r = RUN(&k, "switch", "show", "dev", "hnv0");
	check_str(r->out,
		  "switch hnv0 ifindex 7 ports 0\n"
		  "    pa none vxlan-port 4789 maps 100 maps-max 100\n"
		  "    RX: packets bytes\n"
		  "              0     0\n"
		  "    TX: packets bytes\n"
		  "              0     0\n"
		  "    flows: new 0 aged 0 uncached 0 recomposed 0\n"
		  "    drops: 0\n",
		  "switch show dev hnv0: maps-max after maps");
	r = RUN(&k, "-j", "switch", "show", "dev", "hnv0");
	check(r->status == 0 &&
	      strstr(r->out, "\"vxlan_port\":4789,\"maps\":100,"
			     "\"maps_max\":100,\"stats\":{") != NULL,
	      "switch show -j: \"maps_max\" after \"maps\"");
	world.replies = NULL;
	nlmsg_free(shown_switch[0]);
	shown_switch[0] = NULL;
	nlmsg_free(set_acked);
	set_acked = NULL;

	/* 3 mappings fit: lines 4 and 5 are refused, 6 replaces one */
	write_file("map add vsid 5001 mac " MAC(1) " pa 192.168.2.20 "
		   "switch hnv0\n"
		   "map add vsid 5001 mac " MAC(2) " pa 192.168.2.20 "
		   "switch hnv0\n"
		   "map add vsid 5001 mac " MAC(3) " pa 192.168.2.20 "
		   "switch hnv0\n"
		   "map add vsid 5001 mac " MAC(4) " pa 192.168.2.20 "
		   "switch hnv0\n"
		   "map add vsid 5001 mac " MAC(5) " pa 192.168.2.20 "
		   "switch hnv0\n"
		   "map replace vsid 5001 mac " MAC(1) " pa 192.168.2.21 "
		   "switch hnv0\n"
		   "map del vsid 5001 mac " MAC(2) " switch hnv0\n"
		   "map add vsid 5001 mac " MAC(6) " pa 192.168.2.20 "
		   "switch hnv0\n");
	memset(world.refuse, 0, ETH_ALEN);
	world.map_limit = 3;
	world.maps_added = 0;
	reset(&k);
	r = RUN(&k, "-force", "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: " MAPS_FULL "\n"
		 "Command failed %s:4\n"
		 "Error: " MAPS_FULL "\n"
		 "Command failed %s:5\n", file, file);
	check(r->status == 1 && !r->out[0],
	      "batch -force beyond the kernel's mapping limit: exit 1");
	check_str(r->err, want,
		  "batch -force beyond the limit: each refused line with the "
		  "kernel's message, no attribute, and its line number");
	check(!strcmp(world.log, "NNNNNRDN") && world.maps_added == 3,
	      "batch -force beyond the limit: every line sent; a replace "
	      "and, after a delete, an add are carried out");
	world.map_limit = 0;
	fake_nl_free(&k);
}

int __real_nlmon_init(struct nlmon *m, struct nl_sock *sk, uint32_t group,
		      struct nlerr *err);
int __wrap_nlmon_init(struct nlmon *m, struct nl_sock *sk, uint32_t group,
		      struct nlerr *err);

/* A datagram of the kernel to the listener. */
struct datagram {
	unsigned char buf[1024];
	int len;
};

/*
 * What the fake kernel sends to "monitor": datagrams[0 .. n - 1] (an error
 * instead where len is negative: -errno), then the signal sig comes, as in
 * ppoll(): blocked until the wait, delivered while waiting.
 */
static struct {
	struct datagram d[8];
	size_t n, next;
	int sig;
	uint32_t group;			/* the group joined */
	/* the signal came while blocked, and was delivered in the wait */
	bool blocked, delivered;
	off_t printed[8];		/* stdout's size at each wait */
} events;

static int events_recv(void *ctx, void *buf, size_t len,
		       const sigset_t *sigmask)
{
	struct datagram *d;
	sigset_t old, pending;
	struct stat st;

	(void)ctx;
	fflush(NULL);
	if (events.next < ARRAY_SIZE(events.printed) && !fstat(1, &st))
		events.printed[events.next] = st.st_size;
	if (events.next < events.n) {
		d = &events.d[events.next++];
		if (d->len < 0)
			return d->len;
		memcpy(buf, d->buf, d->len < (int)len ? d->len : (int)len);
		return d->len;
	}
	events.next++;
	raise(events.sig);
	sigpending(&pending);
	events.blocked = sigismember(&pending, events.sig);
	sigprocmask(SIG_SETMASK, sigmask, &old);
	sigpending(&pending);
	events.delivered = !sigismember(&pending, events.sig);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return -EINTR;
}

static const struct nlmon_io events_io = { .recv = events_recv };

int __wrap_nlmon_init(struct nlmon *m, struct nl_sock *sk, uint32_t group,
		      struct nlerr *err)
{
	int ret = __real_nlmon_init(m, sk, group, err);

	if (!ret && kernel) {
		log_letter('J');
		events.group = group;
		m->io = &events_io;
		m->io_ctx = &events;
	}
	return ret;
}

/* Appends msg to the datagram d, and frees it. */
static void add_msg(struct datagram *d, struct nl_msg *msg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);

	memcpy(d->buf + d->len, nlh, nlh->nlmsg_len);
	d->len += NLMSG_ALIGN(nlh->nlmsg_len);
	nlmsg_free(msg);
}

/*
 * A HNV_CMD_NEIGH_MISS of port of switch sw in VSID 5001 for addr, as the
 * kernel sends it; without HNV_A_MISS_ADDR if addr is NULL.
 */
static struct nl_msg *miss(uint32_t sw, uint32_t port, const char *addr)
{
	struct nl_msg *msg = nlmsg_alloc();
	uint8_t a[16];

	genlmsg_put(msg, 0, 0, FAMILY, 0, 0, HNV_CMD_NEIGH_MISS,
		    HNV_GENL_VERSION);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, sw);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, port);
	nla_put_u32(msg, HNV_A_VSID, 5001);
	if (addr && strchr(addr, ':')) {
		inet_pton(AF_INET6, addr, a);
		nla_put(msg, HNV_A_MISS_ADDR, 16, a);
	} else if (addr) {
		inet_pton(AF_INET, addr, a);
		nla_put(msg, HNV_A_MISS_ADDR, 4, a);
	}
	return msg;
}

/* A notification of cmd, of family (no attributes). */
static struct nl_msg *notification(uint16_t family, uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 0, family, 0, 0, cmd, 1);
	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, 1);
	return msg;
}

/* The switch "monitor switch hnv0" asks for. */
static struct nl_msg *monitored_switch[2];

static struct nl_msg *const *monitor_replies(const struct nlreq *r)
{
	return r->cmd == HNV_CMD_SWITCH_GET && !r->dump ?
	       monitored_switch : NULL;
}

/*
 * "monitor" end to end: the events of a fake kernel, one a line, flushed
 * at once; those of another switch left out with "switch"; an unknown
 * event, a message of another family skipped; a malformed one reported;
 * SIGTERM and SIGINT end it, exit 0.  Switches and ports are named in
 * hnvctl's namespace: lo is there, ifindex 1000007 and 1000011 are not.
 */
static void monitor_tests(void)
{
	unsigned int lo = if_nametoindex("lo");
	struct sigaction sa;
	struct fake_nl k = { 0 };
	struct result *r;
	sigset_t mask;
	char want[1024];

	if (!lo) {
		skip("no device lo", "monitor tests");
		return;
	}
	memset(&events, 0, sizeof(events));
	add_msg(&events.d[0], miss(lo, 1000011, "10.1.1.99"));
	/* another switch's, one of a newer kernel, one of another family */
	add_msg(&events.d[1], miss(1000007, lo, "fd00:1::99"));
	add_msg(&events.d[1], notification(FAMILY, __HNV_CMD_MAX + 3));
	add_msg(&events.d[1], notification(GENL_ID_CTRL, HNV_CMD_NEIGH_MISS));
	add_msg(&events.d[2], miss(lo, 1000011, NULL));
	events.d[3].len = -ENOBUFS;
	add_msg(&events.d[4], miss(lo, lo, "10.1.1.100"));
	events.n = 5;
	events.sig = SIGTERM;
	r = RUN(&k, "monitor");
	snprintf(want, sizeof(want),
		 "neigh-miss switch lo port if1000011 vsid 5001 addr "
		 "10.1.1.99\n"
		 "neigh-miss switch if1000007 port lo vsid 5001 addr "
		 "fd00:1::99\n"
		 "neigh-miss switch lo port lo vsid 5001 addr 10.1.1.100\n");
	check_str(r->out, want,
		  "monitor: each event on a line, names in hnvctl's namespace "
		  "or ifN; unknown events and other families skipped");
	check_str(r->err,
		  "Error: a malformed neigh-miss event from the kernel was "
		  "skipped.\n"
		  "Error: messages from the kernel were lost (netlink receive "
		  "buffer overrun)\n",
		  "monitor: a malformed event and lost messages reported, the "
		  "monitor goes on");
	check(r->status == 0 && events.blocked && events.delivered &&
	      events.next == 6,
	      "monitor: SIGTERM, blocked until it waits, ends it with exit "
	      "status 0");
	check(events.group == EVENTS_GROUP && !strcmp(world.log, "J"),
	      "monitor: joins the family's group \"events\", asks for nothing");
	check(events.printed[0] == 0 &&
	      events.printed[1] == (off_t)strlen(line_of(want, 0)) + 1 &&
	      events.printed[5] == (off_t)strlen(want),
	      "monitor: every line is flushed before the next wait");
	sigaction(SIGTERM, NULL, &sa);
	sigprocmask(SIG_BLOCK, NULL, &mask);
	check(sa.sa_handler == SIG_DFL && !sigismember(&mask, SIGTERM) &&
	      !sigismember(&mask, SIGINT),
	      "monitor: SIGTERM and SIGINT as they were, once it is over");

	monitored_switch[0] = switch_msg("hnv0", lo);
	world.replies = monitor_replies;
	events.next = 0;
	events.sig = SIGINT;
	r = RUN(&k, "-j", "monitor", "switch", "hnv0");
	check_str(r->out,
		  "{\"event\":\"neigh-miss\",\"switch\":\"lo\","
		  "\"port\":\"if1000011\",\"vsid\":5001,"
		  "\"addr\":\"10.1.1.99\"}\n"
		  "{\"event\":\"neigh-miss\",\"switch\":\"lo\","
		  "\"port\":\"lo\",\"vsid\":5001,"
		  "\"addr\":\"10.1.1.100\"}\n",
		  "-j monitor switch hnv0: that switch's events only, one JSON "
		  "object a line");
	check(r->status == 0 && !strcmp(world.log, "SJ") && events.delivered,
	      "monitor switch hnv0: the switch asked for before joining; "
	      "SIGINT ends it, exit 0");

	events.next = 0;
	r = RUN(&k, "-p", "mo", "sw", "hnv0");
	check(r->status == 0 && line_of(r->out, 0)[0] == '{' &&
	      strstr(r->out, "\"addr\":\"10.1.1.100\"}\n") &&
	      !line_of(r->out, 2)[0],
	      "-p mo sw hnv0: JSON lines all the same, never indented");

	no_events_group = true;
	events.next = 0;
	r = RUN(&k, "monitor");
	check(r->status == 1 && !r->out[0] && !events.next &&
	      !strcmp(r->err, "Error: the hnv kernel module sends no events "
			      "(genl family \"hnv\" has no multicast group "
			      "\"events\")\n"),
	      "monitor of a module without the group \"events\": an error, "
	      "exit 1");
	no_events_group = false;

	world.replies = NULL;
	nlmsg_free(monitored_switch[0]);
	monitored_switch[0] = NULL;
	fake_nl_free(&k);
}

static struct nl_msg *subnet_msg(const char *sw, uint32_t ifindex,
				 uint32_t vsid, uint32_t rdid)
{
	struct nl_msg *msg = message(HNV_CMD_SUBNET_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, ifindex);
	nla_put_string(msg, HNV_A_SWITCH_IFNAME, sw);
	nla_put_u32(msg, HNV_A_VSID, vsid);
	nla_put_u32(msg, HNV_A_RDID, rdid);
	nla_put_u8(msg, HNV_A_ENCAP, HNV_ENCAP_VXLAN);
	return msg;
}

/*
 * What the kernel dumps for "vnet show" and "subnet show": the subnets of
 * three switches, jumbled, or those of hnv1 when it is selected.
 */
static struct nl_msg *subnets[10], *subnets_hnv1[4];

/* The SUBNET_GET dump request of the last "vnet show". */
static struct {
	int nattrs;
	char ifname[IFNAMSIZ];		/* "" if none */
} subnet_req;

static struct nl_msg *const *vnet_replies(const struct nlreq *r)
{
	struct nlattr *tb[HNV_A_MAX + 1], *a;
	struct nlmsghdr *nlh;
	struct nl_msg *req;
	int rem;

	if (r->cmd != HNV_CMD_SUBNET_GET || !r->dump)
		return NULL;
	req = message(r->cmd);
	r->put(req, r->put_arg);
	nlh = nlmsg_hdr(req);
	genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL);
	subnet_req.nattrs = 0;
	nla_for_each_attr(a, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem)
		subnet_req.nattrs++;
	snprintf(subnet_req.ifname, sizeof(subnet_req.ifname), "%s",
		 tb[HNV_A_SWITCH_IFNAME] ?
		 (char *)nla_data(tb[HNV_A_SWITCH_IFNAME]) : "");
	nlmsg_free(req);
	return tb[HNV_A_SWITCH_IFNAME] ? subnets_hnv1 : subnets;
}

static const char all_vnets[] =
	"vnet rdid 1 switch hnv-a subnets 9000\n"
	"vnet rdid 1 switch hnv0 subnets 5001 5002 5004\n"
	"vnet rdid 2 switch hnv0 subnets 5003\n"
	"vnet rdid 10 switch hnv0 subnets 7000\n"
	"vnet rdid 1 switch hnv1 subnets 6002\n"
	"vnet rdid 2 switch hnv1 subnets 6000 6001\n";

/*
 * "vnet show" end to end: one SUBNET_GET dump, grouped by switch and RDID,
 * the groups by switch name and RDID, the VSIDs ascending.
 */
static void vnet_show_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;
	size_t i;

	subnets[0] = subnet_msg("hnv1", 8, 6001, 2);
	subnets[1] = subnet_msg("hnv0", 7, 5002, 1);
	subnets[2] = subnet_msg("hnv0", 7, 7000, 10);
	subnets[3] = subnet_msg("hnv1", 8, 6000, 2);
	subnets[4] = subnet_msg("hnv-a", 9, 9000, 1);
	subnets[5] = subnet_msg("hnv0", 7, 5003, 2);
	subnets[6] = subnet_msg("hnv1", 8, 6002, 1);
	subnets[7] = subnet_msg("hnv0", 7, 5004, 1);
	subnets[8] = subnet_msg("hnv0", 7, 5001, 1);
	subnets_hnv1[0] = subnet_msg("hnv1", 8, 6001, 2);
	subnets_hnv1[1] = subnet_msg("hnv1", 8, 6002, 1);
	subnets_hnv1[2] = subnet_msg("hnv1", 8, 6000, 2);
	world.replies = vnet_replies;

	memset(&subnet_req, 0, sizeof(subnet_req));
	r = RUN(&k, "vnet", "show");
	check_str(r->out, all_vnets,
		  "vnet show: a line per switch and RDID, by switch name "
		  "(hnv-a before hnv0, whatever the ifindex) then RDID (10 "
		  "after 2), VSIDs ascending");
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "S") &&
	      !subnet_req.nattrs,
	      "vnet show: one SUBNET_GET dump of every switch, no attribute");

	r = RUN(&k, "vnet");
	check(r->status == 0 && !strcmp(r->out, all_vnets),
	      "vnet: show is the default command");

	r = RUN(&k, "vnet", "list", "rdid", "1");
	check_str(r->out,
		  "vnet rdid 1 switch hnv-a subnets 9000\n"
		  "vnet rdid 1 switch hnv0 subnets 5001 5002 5004\n"
		  "vnet rdid 1 switch hnv1 subnets 6002\n",
		  "vnet list rdid 1: the virtual networks of RDID 1 only, of "
		  "every switch");

	memset(&subnet_req, 0, sizeof(subnet_req));
	r = RUN(&k, "-j", "vnet", "show", "switch", "hnv1");
	check_str(r->out,
		  "[{\"rdid\":1,\"switch\":\"hnv1\",\"subnets\":[6002]},"
		  "{\"rdid\":2,\"switch\":\"hnv1\",\"subnets\":[6000,6001]}]\n",
		  "vnet show switch hnv1 -j: its virtual networks, JSON");
	check(r->status == 0 && subnet_req.nattrs == 1 &&
	      !strcmp(subnet_req.ifname, "hnv1") && !strcmp(world.log, "S"),
	      "vnet show switch hnv1: the switch's name in the dump request, "
	      "nothing else");

	r = RUN(&k, "vn", "s", "r", "2", "s", "hnv1");
	check(r->status == 0 &&
	      !strcmp(r->out, "vnet rdid 2 switch hnv1 subnets 6000 6001\n"),
	      "vn s r 2 s hnv1: abbreviated, both selectors");

	r = RUN(&k, "vnet", "show", "rdid", "99");
	check(r->status == 0 && !r->out[0] && !r->err[0],
	      "vnet show of an RDID without subnets: nothing");
	r = RUN(&k, "-j", "vnet", "show", "rdid", "99");
	check_str(r->out, "[]\n", "vnet show -j of nothing: an empty array");

	write_file("vnet show rdid 2\n"
		   "subnet show switch hnv1\n"
		   "vnet show rdid 10\n");
	r = RUN(&k, "-batch", file);
	check_str(r->out,
		  "vnet rdid 2 switch hnv0 subnets 5003\n"
		  "vnet rdid 2 switch hnv1 subnets 6000 6001\n"
		  "subnet 6000 rdid 2 encap vxlan switch hnv1\n"
		  "subnet 6001 rdid 2 encap vxlan switch hnv1\n"
		  "subnet 6002 rdid 1 encap vxlan switch hnv1\n"
		  "vnet rdid 10 switch hnv0 subnets 7000\n",
		  "vnet show in a batch, between subnet show lines");
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "SSS"),
	      "batch of vnet and subnet lines: one dump each, exit 0");

	world.replies = NULL;
	for (i = 0; i < ARRAY_SIZE(subnets); i++)
		nlmsg_free(subnets[i]);
	for (i = 0; i < ARRAY_SIZE(subnets_hnv1); i++)
		nlmsg_free(subnets_hnv1[i]);
	fake_nl_free(&k);
}

/* The last request that waited and wants no reply, as the kernel got it. */
static struct nl_msg *acked;

/* What the kernel answers for "subnet show switch hnv0 vsid 5001". */
static struct nl_msg *shown_subnet[2];

static struct nl_msg *const *bind_replies(const struct nlreq *r)
{
	if (r->parse)
		return shown_subnet;
	nlmsg_free(acked);
	acked = message(r->cmd);
	r->put(acked, r->put_arg);
	return NULL;
}

/* The top-level attributes of acked, and how many. */
static int acked_attrs(struct nlattr **tb)
{
	struct nlmsghdr *nlh = nlmsg_hdr(acked);
	struct nlattr *a;
	int rem, n = 0;

	genlmsg_parse(nlh, 0, tb, HNV_A_MAX, NULL);
	nla_for_each_attr(a, genlmsg_attrdata(nlmsg_data(nlh), 0),
			  genlmsg_attrlen(nlmsg_data(nlh), 0), rem)
		n++;
	return n;
}

/* Nest a holds, in order, the n attributes of types and bytes want. */
static bool nest_is(struct nlattr *a, const int *types,
		    const char *const *want, const int *lens, int n)
{
	struct nlattr *x;
	int rem, i = 0;

	if (!a || !(a->nla_type & NLA_F_NESTED))
		return false;
	nla_for_each_nested(x, a, rem) {
		if (i == n || nla_type(x) != types[i] ||
		    nla_len(x) != lens[i] || memcmp(nla_data(x), want[i],
						    lens[i]))
			return false;
		i++;
	}
	return i == n && !rem;
}

/*
 * "subnet add" with prefixes, "port set" with CAs and "subnet show" end to
 * end: the requests the command lines make, the subnet as shown.
 */
static void prefix_cas_tests(void)
{
	static const int prefix_types[] = {
		HNV_PREFIX_A_ADDR, HNV_PREFIX_A_LEN, HNV_PREFIX_A_GATEWAY,
	};
	static const char *const prefix4[] = {
		"\x0a\x01\x01\x00", "\x18", "\x0a\x01\x01\xfe",
	};
	static const char *const prefix6[] = {
		"\xfd\x00\x00\x01\0\0\0\0\0\0\0\0\0\0\0\0", "\x40",
	};
	static const int prefix4_lens[] = { 4, 1, 4 };
	static const int prefix6_lens[] = { 16, 1 };
	static const int ca_types[] = { 1, 1, 1 };
	static const char *const cas[] = {
		"\x0a\x01\x01\x0b",
		"\xfd\x00\x00\x01\0\0\0\0\0\0\0\0\0\0\0\x0b",
		"\x0a\x01\x01\x0c",
	};
	static const int ca_lens[] = { 4, 16, 4 };
	struct nlattr *tb[HNV_A_MAX + 1], *nest;
	struct fake_nl k = { 0 };
	struct result *r;
	int n;

	world.replies = bind_replies;

	r = RUN(&k, "subnet", "add", "vsid", "5001", "rdid", "1", "prefix",
		"fd00:1::/64", "prefix", "10.1.1.0/24", "gateway", "10.1.1.254",
		"switch", "hnv0");
	n = acked ? acked_attrs(tb) : 0;
	check(r->status == 0 && !r->out[0] && !r->err[0] && n == 6 &&
	      genlmsg_hdr(nlmsg_hdr(acked))->cmd == HNV_CMD_SUBNET_NEW &&
	      tb[HNV_A_SWITCH_IFNAME] && tb[HNV_A_VSID] && tb[HNV_A_RDID] &&
	      tb[HNV_A_ENCAP],
	      "subnet add with two prefixes: one SUBNET_NEW of the switch, "
	      "VSID, RDID, encap and two prefixes");
	check(n == 6 &&
	      nest_is(tb[HNV_A_SUBNET_PREFIX4], prefix_types, prefix4,
		      prefix4_lens, 3) &&
	      nest_is(tb[HNV_A_SUBNET_PREFIX6], prefix_types, prefix6,
		      prefix6_lens, 2),
	      "subnet add: the gateway goes with the IPv4 prefix before it, "
	      "the IPv6 prefix has none");

	r = RUN(&k, "port", "set", "dev", "v1", "vsid", "5001", "mac",
		MAC(1), "ca", "10.1.1.11", "ca", "fd00:1::b", "ca",
		"10.1.1.12");
	n = acked_attrs(tb);
	check(r->status == 0 && !r->err[0] && n == 4 &&
	      genlmsg_hdr(nlmsg_hdr(acked))->cmd == HNV_CMD_PORT_SET &&
	      tb[HNV_A_PORT_MAC] &&
	      nest_is(tb[HNV_A_PORT_CAS], ca_types, cas, ca_lens, 3),
	      "port set with three CAs: PORT_SET with HNV_A_PORT_CAS, the "
	      "CAs in the order given");

	r = RUN(&k, "port", "set", "dev", "v1", "vsid", "none");
	n = acked_attrs(tb);
	check(r->status == 0 && n == 2 && !tb[HNV_A_PORT_CAS] &&
	      !tb[HNV_A_PORT_MAC],
	      "port set vsid none: no HNV_A_PORT_CAS");

	shown_subnet[0] = subnet_msg("hnv0", 7, 5001, 1);
	nest = nla_nest_start(shown_subnet[0], HNV_A_SUBNET_PREFIX4);
	nest->nla_type |= NLA_F_NESTED;
	nla_put(shown_subnet[0], HNV_PREFIX_A_ADDR, 4, prefix4[0]);
	nla_put_u8(shown_subnet[0], HNV_PREFIX_A_LEN, 24);
	nla_put(shown_subnet[0], HNV_PREFIX_A_GATEWAY, 4, prefix4[2]);
	nla_nest_end(shown_subnet[0], nest);
	r = RUN(&k, "subnet", "show", "switch", "hnv0", "vsid", "5001");
	check_str(r->out,
		  "subnet 5001 rdid 1 encap vxlan prefix 10.1.1.0/24 gateway "
		  "10.1.1.254 switch hnv0\n",
		  "subnet show switch hnv0 vsid 5001: its prefix and gateway");
	r = RUN(&k, "-j", "subnet", "show", "switch", "hnv0", "vsid", "5001");
	check_str(r->out,
		  "[{\"vsid\":5001,\"rdid\":1,\"encap\":\"vxlan\","
		  "\"prefix\":\"10.1.1.0/24\",\"gateway\":\"10.1.1.254\","
		  "\"switch\":\"hnv0\"}]\n",
		  "subnet show -j: \"prefix\" and \"gateway\", no \"prefix6\"");

	world.replies = NULL;
	nlmsg_free(shown_subnet[0]);
	shown_subnet[0] = NULL;
	nlmsg_free(acked);
	acked = NULL;
	fake_nl_free(&k);
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

#define LINES 100000

/* The MAC of line n of the big batch. */
static void line_mac(unsigned long n, char *buf, size_t len)
{
	snprintf(buf, len, "02:00:%02lx:%02lx:%02lx:01", n >> 16 & 0xff,
		 n >> 8 & 0xff, n & 0xff);
}

static void bench_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;
	char mac[18], want[512];
	double t, took;
	unsigned long n;
	FILE *fp;

	fp = fopen(file, "w");
	for (n = 1; n <= LINES; n++) {
		line_mac(n, mac, sizeof(mac));
		fprintf(fp, "map %s vsid %lu mac %s pa 192.168.%lu.%lu "
			"ca 10.%lu.%lu.%lu switch hnv0\n",
			n % 10 ? "add" : "replace", 5001 + n % 100, mac,
			n >> 8 & 0xff, n & 0xff, n >> 16 & 0xff, n >> 8 & 0xff,
			n & 0xff);
	}
	fclose(fp);

	memset(world.refuse, 0, ETH_ALEN);
	t = now();
	r = RUN(&k, "-batch", file);
	took = now() - t;
	check(r->status == 0 && !r->err[0] && k.requests == LINES &&
	      k.answers == LINES && k.datagrams == LINES / NLPIPE_BURST,
	      "batch of %d map lines: %lu requests in %lu datagrams, every "
	      "one answered", LINES, k.requests, k.datagrams);
	diag("batch of %d map lines (read, parsed, built, sent to a fake "
	     "kernel that answers each, answers read): %.3f s, %.2f us a line",
	     LINES, took, took / LINES * 1e6);
	check(took < 1.0, "batch of %d map lines in well under a second "
			  "(%.3f s)", LINES, took);

	line_mac(60010, mac, sizeof(mac));
	refuse(mac);
	reset(&k);
	r = RUN(&k, "-force", "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: a mapping of this VSID and MAC exists "
		 "(attribute HNV_A_MAP_MAC)\n"
		 "Command failed %s:60010\n", file);
	check(r->status == 1 && !strcmp(r->err, want) &&
	      k.requests == LINES,
	      "batch -force of %d lines, line 60010 refused: reported with "
	      "its line, the others run", LINES);
	if (strcmp(r->err, want))
		diag("stderr: %s", r->err);

	/* 60010 is in the datagram of lines 60001..60032 */
	reset(&k);
	r = RUN(&k, "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: a mapping of this VSID and MAC exists "
		 "(attribute HNV_A_MAP_MAC)\n"
		 "Command failed %s:60010\n"
		 "Note: the map, route and acl commands up to %s:60032 had been "
		 "sent before the failure of %s:60010 was known; they were "
		 "carried out.\n",
		 file, file, file);
	check(r->status == 1 && k.requests == 60032 &&
	      !strcmp(r->err, want),
	      "batch of %d lines, line 60010 refused: stops after its "
	      "datagram (%lu requests sent), says which ran", LINES,
	      k.requests);
	if (strcmp(r->err, want))
		diag("stderr: %s", r->err);
	fake_nl_free(&k);
	memset(world.refuse, 0, ETH_ALEN);
}

/*
 * Route lines in a batch: pipelined like map lines, in the same pipe,
 * a refusal reported with its line.
 */
static const char route_input[] =
	"route add rdid 1 prefix 10.9.0.0/16 via 10.1.2.50 switch hnv0\n"
	"map add vsid 5001 mac " MAC(1) " pa 192.168.2.20 switch hnv0\n"
	"route replace rdid 1 prefix 10.9.0.0/16 via 10.1.2.51 switch hnv0\n"
	"route add rdid 9 prefix fd00:9::/32 via fd00:1::50 switch hnv0\n"
	"route del rdid 1 prefix 10.9.0.0/16 switch hnv0\n"
	"subnet add vsid 5002 rdid 1 switch hnv0\n"
	"r a r 2 p 0.0.0.0/0 v 10.1.2.50 s hnv0\n";

static void route_order_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;
	char want[1024];

	memset(world.refuse, 0, ETH_ALEN);
	write_file(route_input);
	world.refuse_rdid = 9;
	r = RUN(&k, "-force", "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: a route of this RDID and prefix exists "
		 "(attribute HNV_A_ROUTE_PREFIX)\n"
		 "Command failed %s:4\n", file);
	check(r->status == 1 && !r->out[0],
	      "batch -force with a route line the kernel refuses: exit 1");
	check_str(r->err, want,
		  "batch -force: the kernel's refusal of a route with its "
		  "extack and its line, once");
	check_str(world.log, "nNrndSn",
		  "batch -force: route and map lines pipelined together, in "
		  "order; those before the subnet line answered before it");
	check(!world.late_sync && k.datagrams == 2,
	      "batch: one datagram for the first five lines, one for the "
	      "last");

	reset(&k);
	r = RUN(&k, "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: a route of this RDID and prefix exists "
		 "(attribute HNV_A_ROUTE_PREFIX)\n"
		 "Command failed %s:4\n"
		 "Note: the map, route and acl commands up to %s:5 had been sent "
		 "before the failure of %s:4 was known; they were carried "
		 "out.\n", file, file, file);
	check(r->status == 1 && !r->out[0] && !strcmp(world.log, "nNrnd"),
	      "batch without -force, a route line refused: exit 1, nothing "
	      "after its answer runs");
	check_str(r->err, want,
		  "batch without -force: the failed route line, and the line "
		  "sent with it, are named");

	/* line 2 is wrong on the command line */
	write_file("route add rdid 9 prefix 10.9.0.0/16 via 10.1.2.50 "
		   "switch hnv0\n"
		   "route add rdid 1 prefix 10.9.0.1/16 via 10.1.2.50 "
		   "switch hnv0\n"
		   "route add rdid 1 prefix 10.8.0.0/16 via 10.1.2.50 "
		   "switch hnv0\n");
	reset(&k);
	r = RUN(&k, "-force", "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: a route of this RDID and prefix exists "
		 "(attribute HNV_A_ROUTE_PREFIX)\n"
		 "Command failed %s:1\n"
		 "Command failed %s:2\n", file, file);
	check(r->status == 1 &&
	      !strncmp(r->err, "Error: argument \"10.9.0.1/16\" is wrong: "
			       "prefix has bits set past its length", 70) &&
	      strstr(r->err, want) && !strcmp(world.log, "nn"),
	      "batch: a route line wrong on the command line first gets the "
	      "answers of those before it; \"Command failed\" in line order");
	world.refuse_rdid = 0;
	fake_nl_free(&k);
}

/* route add, replace and del as single commands: waited for. */
static void route_single_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;

	r = RUN(&k, "route", "replace", "rdid", "1", "prefix", "fd00:9::/32",
		"via", "fd00:1::50", "switch", "hnv0");
	check(r->status == 0 && !r->out[0] && !r->err[0] &&
	      !strcmp(world.log, "Sr") && !world.waited_error &&
	      !k.requests,
	      "route replace: one ROUTE_NEW with HNV_A_REPLACE and no "
	      "NLM_F_REPLACE, waited for");
	if (strcmp(world.log, "Sr") || world.waited_error)
		diag("log \"%s\", error %d", world.log, world.waited_error);

	reset(&k);
	r = RUN(&k, "route", "add", "rdid", "1", "prefix", "0.0.0.0/0", "via",
		"10.1.2.50", "switch", "hnv0");
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "Sn") &&
	      !world.waited_error && !k.requests,
	      "route add: one ROUTE_NEW without HNV_A_REPLACE, waited for");

	reset(&k);
	r = RUN(&k, "route", "del", "rdid", "1", "prefix", "10.9.0.0/16",
		"switch", "hnv0");
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "Sd") &&
	      !world.waited_error,
	      "route del: one ROUTE_DEL, its key only, waited for");

	reset(&k);
	world.refuse_rdid = 1;
	r = RUN(&k, "route", "add", "rdid", "1", "prefix", "10.9.0.0/16",
		"via", "10.1.2.50", "switch", "hnv0");
	check(world.waited_error == EEXIST && !strcmp(world.log, "Sn"),
	      "route add refused: the request reached the kernel's judge");
	world.refuse_rdid = 0;
	fake_nl_free(&k);
}

static struct nl_msg *route_msg(uint32_t ifindex, uint32_t rdid,
				const char *prefix, int len, const char *via)
{
	int family = strchr(prefix, ':') ? AF_INET6 : AF_INET;
	int alen = family == AF_INET ? 4 : 16;
	struct nl_msg *msg = message(HNV_CMD_ROUTE_GET);
	struct nlattr *nest;
	uint8_t addr[16];

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, ifindex);
	nla_put_u32(msg, HNV_A_RDID, rdid);
	nest = nla_nest_start(msg, HNV_A_ROUTE_PREFIX);
	nest->nla_type |= NLA_F_NESTED;
	inet_pton(family, prefix, addr);
	nla_put(msg, HNV_PREFIX_A_ADDR, alen, addr);
	nla_put_u8(msg, HNV_PREFIX_A_LEN, len);
	nla_nest_end(msg, nest);
	inet_pton(family, via, addr);
	nla_put(msg, HNV_A_ROUTE_VIA, alen, addr);
	return msg;
}

/* What the kernel dumps for "route show": jumbled routes. */
static struct nl_msg *routes[8], *routes_hnv0[4];
static bool route_sel_ok;	/* the ROUTE_GET of "switch hnv0 rdid 1" */

static struct nl_msg *const *route_replies(const struct nlreq *r)
{
	struct nlattr *tb[HNV_A_MAX + 1];
	struct nl_msg *req;

	if (r->cmd == HNV_CMD_SWITCH_GET)
		return r->dump ? switches : one_switch;
	if (r->cmd != HNV_CMD_ROUTE_GET || !r->dump)
		return NULL;
	req = message(r->cmd);
	r->put(req, r->put_arg);
	genlmsg_parse(nlmsg_hdr(req), 0, tb, HNV_A_MAX, NULL);
	route_sel_ok = tb[HNV_A_SWITCH_IFINDEX] &&
		       nla_get_u32(tb[HNV_A_SWITCH_IFINDEX]) == 7 &&
		       !tb[HNV_A_SWITCH_IFNAME] && tb[HNV_A_RDID] &&
		       nla_get_u32(tb[HNV_A_RDID]) == 1;
	nlmsg_free(req);
	return tb[HNV_A_SWITCH_IFINDEX] ? routes_hnv0 : routes;
}

static void route_show_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;
	size_t i;

	switches[0] = switch_msg("hnv0", 7);
	switches[1] = switch_msg("hnv1", 8);
	one_switch[0] = switch_msg("hnv0", 7);
	routes[0] = route_msg(8, 1, "10.9.0.0", 16, "10.1.2.50");
	routes[1] = route_msg(7, 2, "10.9.0.0", 16, "10.2.2.50");
	routes[2] = route_msg(7, 1, "fd00:9::", 32, "fd00:1::50");
	routes[3] = route_msg(7, 1, "10.9.0.0", 24, "10.1.2.51");
	routes[4] = route_msg(9, 1, "0.0.0.0", 0, "10.1.2.50");
	routes[5] = route_msg(7, 1, "10.9.0.0", 16, "10.1.2.50");
	routes[6] = route_msg(7, 1, "0.0.0.0", 0, "10.1.2.52");
	routes_hnv0[0] = route_msg(7, 2, "10.9.0.0", 16, "10.2.2.50");
	routes_hnv0[1] = route_msg(7, 1, "fd00:9::", 32, "fd00:1::50");
	routes_hnv0[2] = route_msg(7, 1, "10.9.0.0", 16, "10.1.2.50");
	world.replies = route_replies;

	r = RUN(&k, "route", "show");
	check_str(r->out,
		  "route rdid 1 prefix 0.0.0.0/0 via 10.1.2.52 switch hnv0\n"
		  "route rdid 1 prefix 10.9.0.0/16 via 10.1.2.50 switch hnv0\n"
		  "route rdid 1 prefix 10.9.0.0/24 via 10.1.2.51 switch hnv0\n"
		  "route rdid 1 prefix fd00:9::/32 via fd00:1::50 switch hnv0\n"
		  "route rdid 2 prefix 10.9.0.0/16 via 10.2.2.50 switch hnv0\n"
		  "route rdid 1 prefix 10.9.0.0/16 via 10.1.2.50 switch hnv1\n"
		  "route rdid 1 prefix 0.0.0.0/0 via 10.1.2.50 switch if9\n",
		  "route show: by switch, RDID, family, prefix, length; "
		  "switches by name, ifN without one");
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "SS"),
	      "route show: a switch dump, then a route dump");

	r = RUN(&k, "-j", "route", "show", "switch", "hnv0", "rdid", "1");
	check_str(r->out,
		  "[{\"rdid\":1,\"prefix\":\"10.9.0.0/16\","
		  "\"via\":\"10.1.2.50\",\"switch\":\"hnv0\"},"
		  "{\"rdid\":1,\"prefix\":\"fd00:9::/32\","
		  "\"via\":\"fd00:1::50\",\"switch\":\"hnv0\"}]\n",
		  "route show switch hnv0 rdid 1 -j: only RDID 1 is kept "
		  "(whatever the kernel sends), JSON");
	check(route_sel_ok && r->status == 0,
	      "route show switch hnv0 rdid 1: the switch's ifindex and "
	      "HNV_A_RDID in the dump request");

	r = RUN(&k, "route");
	check(r->status == 0 && !strncmp(r->out, "route rdid 1 prefix "
					       "0.0.0.0/0", 29),
	      "route alone: show");

	world.replies = NULL;
	for (i = 0; i < ARRAY_SIZE(routes); i++)
		nlmsg_free(routes[i]);
	for (i = 0; i < ARRAY_SIZE(routes_hnv0); i++)
		nlmsg_free(routes_hnv0[i]);
	nlmsg_free(switches[0]);
	nlmsg_free(switches[1]);
	nlmsg_free(one_switch[0]);
	switches[0] = switches[1] = one_switch[0] = NULL;
	fake_nl_free(&k);
}

/* The last dump or trace request, as the kernel got it. */
static struct nl_msg *asked;

/* What the kernel answers for the dumps and traces of the ACL tests. */
static struct nl_msg *acl_dump[8], *conn_dump[4], *trace_reply[2];
static struct nl_msg *conn_switch[2];
/* the trace is refused: no such port */
static bool trace_refused;

static struct nl_msg *const *acl_replies(const struct nlreq *r)
{
	if (!r->parse) {
		nlmsg_free(acked);
		acked = message(r->cmd);
		r->put(acked, r->put_arg);
		return NULL;
	}
	if (r->cmd == HNV_CMD_SWITCH_GET)
		return conn_switch;
	nlmsg_free(asked);
	asked = message(r->cmd);
	r->put(asked, r->put_arg);
	if (r->cmd == HNV_CMD_TRACE && trace_refused)
		ipc_fake_refuse(ENODEV, "no such port", HNV_A_PORT_IFNAME);
	return r->cmd == HNV_CMD_ACL_GET ? acl_dump :
	       r->cmd == HNV_CMD_CONN_GET ? conn_dump :
	       r->cmd == HNV_CMD_TRACE ? trace_reply : NULL;
}

static const struct attr_want e2e_src24[] = {
	WANT_BYTES(HNV_PREFIX_A_ADDR, 4, "\x0a\x00\x00\x00"),
	WANT_U8(HNV_PREFIX_A_LEN, 24),
	WANT_END,
};

static const struct attr_want e2e_dst32[] = {
	WANT_BYTES(HNV_PREFIX_A_ADDR, 4, "\x0a\x00\x01\x05"),
	WANT_U8(HNV_PREFIX_A_LEN, 32),
	WANT_END,
};

static const struct attr_want e2e_add_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_OUT),
	WANT_U8(HNV_ACL_A_ACTION, HNV_ACL_ACTION_ALLOW),
	WANT_FLAG(HNV_ACL_A_STATEFUL),
	WANT_U32(HNV_ACL_A_PRIORITY, 100),
	WANT_U8(HNV_ACL_A_PROTO, IPPROTO_TCP),
	WANT_NEST(HNV_ACL_A_SRC, e2e_src24),
	WANT_NEST(HNV_ACL_A_DST, e2e_dst32),
	WANT_U16(HNV_ACL_A_SPORT_MIN, 1024),
	WANT_U16(HNV_ACL_A_DPORT_MIN, 80),
	WANT_U16(HNV_ACL_A_DPORT_MAX, 90),
	WANT_END,
};

static const struct attr_want e2e_add[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_STR(HNV_A_PORT_IFNAME, "vm1"),
	WANT_NEST(HNV_A_ACL, e2e_add_acl),
	WANT_END,
};

static const struct attr_want e2e_dst64[] = {
	WANT_BYTES(HNV_PREFIX_A_ADDR, 16,
		   "\xfd\x00\x00\x01\0\0\0\0\0\0\0\0\0\0\0\0"),
	WANT_U8(HNV_PREFIX_A_LEN, 64),
	WANT_END,
};

static const struct attr_want e2e_replace_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_IN),
	WANT_U8(HNV_ACL_A_ACTION, HNV_ACL_ACTION_DENY),
	WANT_U32(HNV_ACL_A_PRIORITY, 7),
	WANT_U8(HNV_ACL_A_PROTO, IPPROTO_ICMPV6),
	WANT_NEST(HNV_ACL_A_DST, e2e_dst64),
	WANT_END,
};

static const struct attr_want e2e_replace[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_U32(HNV_A_VSID, 5001),
	WANT_NEST(HNV_A_ACL, e2e_replace_acl),
	WANT_FLAG(HNV_A_REPLACE),
	WANT_END,
};

static const struct attr_want e2e_default_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_IN),
	WANT_U8(HNV_ACL_A_ACTION, HNV_ACL_ACTION_ALLOW),
	WANT_FLAG(HNV_ACL_A_STATEFUL),
	WANT_FLAG(HNV_ACL_A_DEFAULT),
	WANT_END,
};

static const struct attr_want e2e_default[] = {
	WANT_STR(HNV_A_PORT_IFNAME, "vm1"),
	WANT_NEST(HNV_A_ACL, e2e_default_acl),
	WANT_END,
};

static const struct attr_want e2e_del_default_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_OUT),
	WANT_FLAG(HNV_ACL_A_DEFAULT),
	WANT_END,
};

static const struct attr_want e2e_del_default[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_U32(HNV_A_VSID, 5001),
	WANT_NEST(HNV_A_ACL, e2e_del_default_acl),
	WANT_END,
};

static const struct attr_want e2e_del_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_IN),
	WANT_U32(HNV_ACL_A_PRIORITY, 65535),
	WANT_END,
};

static const struct attr_want e2e_del[] = {
	WANT_STR(HNV_A_PORT_IFNAME, "vm1"),
	WANT_NEST(HNV_A_ACL, e2e_del_acl),
	WANT_END,
};

static const struct attr_want e2e_flush[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_END,
};

static const struct attr_want e2e_flush_dir_acl[] = {
	WANT_U8(HNV_ACL_A_DIR, HNV_ACL_DIR_OUT),
	WANT_END,
};

static const struct attr_want e2e_flush_dir[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_U32(HNV_A_VSID, 5001),
	WANT_NEST(HNV_A_ACL, e2e_flush_dir_acl),
	WANT_END,
};

static const struct attr_want e2e_conn_set[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_U32(HNV_A_SWITCH_CONN_TIMEOUT, 60),
	WANT_U32(HNV_A_SWITCH_CONN_TCP_TIMEOUT, 7200),
	WANT_END,
};

/* acked is a request of cmd with exactly the attributes of want. */
static bool acked_is(uint8_t cmd, const struct attr_want *want)
{
	return acked && genlmsg_hdr(nlmsg_hdr(acked))->cmd == cmd &&
	       msg_attrs_are(acked, want);
}

/*
 * "acl add", "replace", "default", "del" and "flush", and "switch set" of
 * the connection timeouts, as single commands: the requests the command
 * lines make, each waited for; a refusal of the kernel, with its extack.
 */
static void acl_single_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;

	world.replies = acl_replies;
	r = RUN(&k, "acl", "add", "dev", "vm1", "switch", "hnv0", "dir",
		"out", "prio", "100", "allow", "stateful", "proto", "tcp",
		"src", "10.0.0.0/24", "dst", "10.0.1.5", "sport", "1024",
		"dport", "80-90");
	check(r->status == 0 && !r->out[0] && !r->err[0] &&
	      !strcmp(world.log, "SA") && !world.waited_error &&
	      !k.requests,
	      "acl add: one ACL_NEW, waited for, accepted");
	check(acked_is(HNV_CMD_ACL_NEW, e2e_add),
	      "acl add dev vm1 switch hnv0 ... : the switch and port names, "
	      "HNV_A_ACL with DIR, ACTION, STATEFUL, PRIORITY, PROTO, the SRC "
	      "and DST nests (dst a host: /32), SPORT_MIN alone, DPORT_MIN "
	      "and DPORT_MAX");

	r = RUN(&k, "acl", "replace", "vsid", "5001", "switch", "hnv0",
		"dir", "in", "prio", "7", "deny", "proto", "icmpv6", "dst",
		"fd00:1::/64");
	check(r->status == 0 && !strcmp(world.log, "SP") &&
	      acked_is(HNV_CMD_ACL_NEW, e2e_replace),
	      "acl replace of a VSID's rule: the switch, HNV_A_VSID, a 16-byte "
	      "DST, no STATEFUL, then HNV_A_REPLACE");

	r = RUN(&k, "acl", "default", "dev", "vm1", "dir", "in", "allow",
		"stateful");
	check(r->status == 0 && !strcmp(world.log, "SF") &&
	      acked_is(HNV_CMD_ACL_NEW, e2e_default),
	      "acl default dev vm1 dir in allow stateful: no switch, "
	      "HNV_A_ACL with DIR, ACTION, STATEFUL and DEFAULT, no PRIORITY");

	r = RUN(&k, "acl", "del", "vsid", "5001", "switch", "hnv0", "dir",
		"out", "default");
	check(r->status == 0 && !strcmp(world.log, "SX") &&
	      acked_is(HNV_CMD_ACL_DEL, e2e_del_default),
	      "acl del ... default: ACL_DEL with DIR and DEFAULT");

	r = RUN(&k, "acl", "del", "dev", "vm1", "di", "in", "p", "65535");
	check(r->status == 0 && !strcmp(world.log, "SX") &&
	      acked_is(HNV_CMD_ACL_DEL, e2e_del),
	      "acl del dev vm1 di in p 65535 (abbreviated): ACL_DEL with DIR "
	      "and PRIORITY");

	r = RUN(&k, "acl", "flush", "switch", "hnv0");
	check(r->status == 0 && !strcmp(world.log, "SU") &&
	      acked_is(HNV_CMD_ACL_FLUSH, e2e_flush),
	      "acl flush switch hnv0: ACL_FLUSH of the switch only, no "
	      "HNV_A_ACL");

	r = RUN(&k, "acl", "flush", "switch", "hnv0", "vsid", "5001", "dir",
		"out");
	check(r->status == 0 && !strcmp(world.log, "SU") &&
	      acked_is(HNV_CMD_ACL_FLUSH, e2e_flush_dir),
	      "acl flush of a VSID's out ACL: HNV_A_VSID, HNV_A_ACL with DIR");

	r = RUN(&k, "switch", "set", "dev", "hnv0", "conn-timeout", "60",
		"conn-tcp-timeout", "7200");
	check(r->status == 0 && !r->err[0] &&
	      acked_is(HNV_CMD_SWITCH_SET, e2e_conn_set),
	      "switch set conn-timeout 60 conn-tcp-timeout 7200: "
	      "HNV_A_SWITCH_CONN_TIMEOUT and _TCP_TIMEOUT, u32 seconds");

	nlmsg_free(acked);
	acked = NULL;
	r = RUN(&k, "acl", "add", "dev", "vm1", "dir", "out", "prio", "0",
		"allow");
	check(r->status == 1 && !acked && !strcmp(world.log, "") &&
	      !strncmp(r->err, "Error: argument \"0\" is wrong: prio must be "
			       "1..65535\nUsage: hnvctl acl add", 73),
	      "acl add prio 0: an error, nothing sent");

	world.refuse_prio = 100;
	world.refuse_waited = true;
	r = RUN(&k, "acl", "add", "dev", "vm1", "dir", "out", "prio", "100",
		"deny");
	check_str(r->err, "Error: an ACL rule of this priority exists "
		  "(attribute HNV_A_ACL)\n",
		  "acl add refused by the kernel: its extack message and the "
		  "attribute it blamed");
	check(r->status == 1 && !r->out[0] && world.waited_error == EEXIST,
	      "acl add refused by the kernel: exit 1");
	world.refuse_prio = 0;
	world.refuse_waited = false;

	world.replies = NULL;
	nlmsg_free(acked);
	acked = NULL;
	fake_nl_free(&k);
}

/*
 * A rule or default of switch sw, of port (or, 0, of VSID vsid), its
 * nest acl, as the kernel dumps it.
 */
static struct nl_msg *acl_msg(uint32_t sw, uint32_t port, uint32_t vsid,
			      const struct raw *acl)
{
	struct nl_msg *msg = message(HNV_CMD_ACL_GET);

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, sw);
	if (port)
		nla_put_u32(msg, HNV_A_PORT_IFINDEX, port);
	else
		nla_put_u32(msg, HNV_A_VSID, vsid);
	put_raw(msg, HNV_A_ACL, acl);
	return msg;
}

static const uint64_t hits[] = { 0, 1, 2, 3, 12 };
static const uint32_t prio[] = { 1, 5, 7, 100 };

static const struct raw src24[] = {
	{ HNV_PREFIX_A_ADDR, 4, "\x0a\x00\x00\x00" },
	{ HNV_PREFIX_A_LEN, 1, "\x18" },
	{ 0 },
};

static const struct raw in_default_deny[] = {
	{ HNV_ACL_A_DIR, 1, "\x01" }, { HNV_ACL_A_DEFAULT, 0, NULL },
	{ HNV_ACL_A_ACTION, 1, "\x02" }, { HNV_ACL_A_HITS, 8, &hits[3] },
	{ 0 },
};

static const struct raw out_default_allow[] = {
	{ HNV_ACL_A_DIR, 1, "\x02" }, { HNV_ACL_A_DEFAULT, 0, NULL },
	{ HNV_ACL_A_ACTION, 1, "\x01" }, { HNV_ACL_A_HITS, 8, &hits[1] },
	{ 0 },
};

static const struct raw out_7_allow[] = {
	{ HNV_ACL_A_DIR, 1, "\x02" }, { HNV_ACL_A_PRIORITY, 4, &prio[2] },
	{ HNV_ACL_A_ACTION, 1, "\x01" }, { HNV_ACL_A_HITS, 8, &hits[0] },
	{ 0 },
};

static const struct raw in_5_deny_udp[] = {
	{ HNV_ACL_A_DIR, 1, "\x01" }, { HNV_ACL_A_PRIORITY, 4, &prio[1] },
	{ HNV_ACL_A_ACTION, 1, "\x02" }, { HNV_ACL_A_PROTO, 1, "\x11" },
	{ HNV_ACL_A_HITS, 8, &hits[2] },
	{ 0 },
};

static const struct raw in_1_allow[] = {
	{ HNV_ACL_A_DIR, 1, "\x01" }, { HNV_ACL_A_PRIORITY, 4, &prio[0] },
	{ HNV_ACL_A_ACTION, 1, "\x01" }, { HNV_ACL_A_HITS, 8, &hits[0] },
	{ 0 },
};

/* The ports of HNV_ACL_A_DPORT_MIN and _MAX. */
static const uint16_t port80 = 80, port90 = 90;

static const struct attr_want acl_sel_want[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv0"),
	WANT_U32(HNV_A_VSID, 5001),
	WANT_END,
};

static const struct attr_want conn_sel_want[] = {
	WANT_STR(HNV_A_SWITCH_IFNAME, "hnv1"),
	WANT_END,
};

/*
 * "acl show" and "conn show" end to end: one dump each, sorted, switches
 * and ports named in hnvctl's namespace (lo is there, 1000007 and 1000009
 * are not).
 */
static void acl_show_tests(unsigned int lo)
{
	struct fake_nl k = { 0 };
	struct nl_msg *rule;
	struct nlattr *nest;
	struct result *r;
	char want[1024];
	size_t i;

	acl_dump[0] = acl_msg(1000007, 0, 5001, in_default_deny);
	rule = message(HNV_CMD_ACL_GET);
	nla_put_u32(rule, HNV_A_SWITCH_IFINDEX, lo);
	nla_put_u32(rule, HNV_A_PORT_IFINDEX, lo);
	nest = nest_start(rule, HNV_A_ACL);
	nla_put_u8(rule, HNV_ACL_A_DIR, HNV_ACL_DIR_OUT);
	nla_put_u32(rule, HNV_ACL_A_PRIORITY, 100);
	nla_put_u8(rule, HNV_ACL_A_ACTION, HNV_ACL_ACTION_ALLOW);
	nla_put_flag(rule, HNV_ACL_A_STATEFUL);
	nla_put_u8(rule, HNV_ACL_A_PROTO, IPPROTO_TCP);
	put_raw(rule, HNV_ACL_A_SRC, src24);
	nla_put(rule, HNV_ACL_A_DPORT_MIN, 2, &port80);
	nla_put(rule, HNV_ACL_A_DPORT_MAX, 2, &port90);
	nla_put_u64(rule, HNV_ACL_A_HITS, 12);
	nla_nest_end(rule, nest);
	acl_dump[1] = rule;
	acl_dump[2] = acl_msg(lo, 0, 5001, out_7_allow);
	acl_dump[3] = acl_msg(lo, lo, 0, out_default_allow);
	acl_dump[4] = acl_msg(lo, lo, 0, in_5_deny_udp);
	acl_dump[5] = acl_msg(lo, 1000009, 0, in_1_allow);
	world.replies = acl_replies;

	r = RUN(&k, "acl", "show");
	check_str(r->out,
		  "lo dev lo in prio 5 deny proto udp hits 2\n"
		  "lo dev lo out prio 100 allow stateful proto tcp "
		  "src 10.0.0.0/24 dport 80-90 hits 12\n"
		  "lo dev lo out default allow hits 1\n"
		  "lo dev if1000009 in prio 1 allow hits 0\n"
		  "lo vsid 5001 out prio 7 allow hits 0\n"
		  "if1000007 vsid 5001 in default deny hits 3\n",
		  "acl show: by switch, ports before VSIDs, direction, "
		  "priority, the default last; names in hnvctl's namespace");
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "S") &&
	      msg_attrs_are(asked, (const struct attr_want[]){ WANT_END }),
	      "acl show: one ACL_GET dump, without selector");

	r = RUN(&k, "-j", "acl", "show", "switch", "hnv0", "vsid", "5001");
	check_str(r->out,
		  "[{\"switch\":\"lo\",\"vsid\":5001,\"dir\":\"out\","
		  "\"prio\":7,\"action\":\"allow\",\"stateful\":false,"
		  "\"hits\":0},"
		  "{\"switch\":\"if1000007\",\"vsid\":5001,\"dir\":\"in\","
		  "\"default\":true,\"action\":\"deny\",\"stateful\":false,"
		  "\"hits\":3}]\n",
		  "acl show switch hnv0 vsid 5001 -j: only VSID 5001's are "
		  "kept (whatever the kernel sends), JSON");
	check(r->status == 0 && msg_attrs_are(asked, acl_sel_want),
	      "acl show switch hnv0 vsid 5001: the switch's name and the "
	      "VSID in the dump request");

	r = RUN(&k, "acl");
	check(r->status == 0 && !strncmp(r->out, "lo dev lo in prio 5", 19),
	      "acl alone: show");

	conn_dump[0] = message(HNV_CMD_CONN_GET);
	nla_put_u32(conn_dump[0], HNV_A_SWITCH_IFINDEX, lo);
	nest = nest_start(conn_dump[0], HNV_A_CONN);
	nla_put_u32(conn_dump[0], HNV_CONN_A_RDID, 2);
	nla_put_u8(conn_dump[0], HNV_CONN_A_PROTO, IPPROTO_ICMP);
	nla_put(conn_dump[0], HNV_CONN_A_SRC, 4, "\x0a\x00\x00\x01");
	nla_put(conn_dump[0], HNV_CONN_A_DST, 4, "\x0a\x00\x00\x03");
	nla_put_u16(conn_dump[0], HNV_CONN_A_SPORT, 0);
	nla_put_u16(conn_dump[0], HNV_CONN_A_DPORT, 0);
	nla_put_u8(conn_dump[0], HNV_CONN_A_STATE, HNV_CONN_NEW);
	nla_put_u32(conn_dump[0], HNV_CONN_A_EXPIRES_MS, 29500);
	nla_nest_end(conn_dump[0], nest);
	conn_dump[1] = message(HNV_CMD_CONN_GET);
	nla_put_u32(conn_dump[1], HNV_A_SWITCH_IFINDEX, lo);
	nest = nest_start(conn_dump[1], HNV_A_CONN);
	nla_put_u32(conn_dump[1], HNV_CONN_A_RDID, 1);
	nla_put_u8(conn_dump[1], HNV_CONN_A_PROTO, IPPROTO_TCP);
	nla_put(conn_dump[1], HNV_CONN_A_SRC, 4, "\x0a\x00\x00\x01");
	nla_put(conn_dump[1], HNV_CONN_A_DST, 4, "\x0a\x00\x00\x02");
	nla_put_u16(conn_dump[1], HNV_CONN_A_SPORT, htons(40000));
	nla_put_u16(conn_dump[1], HNV_CONN_A_DPORT, htons(22));
	nla_put_u8(conn_dump[1], HNV_CONN_A_STATE, HNV_CONN_ESTABLISHED);
	nla_put_u32(conn_dump[1], HNV_CONN_A_EXPIRES_MS, 3599999);
	nla_nest_end(conn_dump[1], nest);
	r = RUN(&k, "conn", "show");
	snprintf(want, sizeof(want),
		 "lo rdid 1 tcp 10.0.0.1:40000 -> 10.0.0.2:22 established "
		 "expires 3599s\n"
		 "lo rdid 2 icmp 10.0.0.1 -> 10.0.0.3 new expires 29s\n");
	check_str(r->out, want,
		  "conn show: by switch and RDID, a line a connection");
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "S") &&
	      msg_attrs_are(asked, (const struct attr_want[]){ WANT_END }),
	      "conn show: one CONN_GET dump, without selector");

	r = RUN(&k, "-j", "conn", "show", "switch", "hnv1");
	check_str(r->out,
		  "[{\"switch\":\"lo\",\"rdid\":1,\"proto\":\"tcp\","
		  "\"src\":\"10.0.0.1\",\"dst\":\"10.0.0.2\",\"sport\":40000,"
		  "\"dport\":22,\"state\":\"established\","
		  "\"expires_ms\":3599999},"
		  "{\"switch\":\"lo\",\"rdid\":2,\"proto\":\"icmp\","
		  "\"src\":\"10.0.0.1\",\"dst\":\"10.0.0.3\",\"sport\":0,"
		  "\"dport\":0,\"state\":\"new\",\"expires_ms\":29500}]\n",
		  "conn show switch hnv1 -j: the connections, JSON");
	check(r->status == 0 && msg_attrs_are(asked, conn_sel_want),
	      "conn show switch hnv1: the switch's name in the dump request");

	r = RUN(&k, "conn");
	check(r->status == 0 && !strncmp(r->out, "lo rdid 1 tcp", 13),
	      "conn alone: show");

	conn_switch[0] = switch_msg("hnv0", 7);
	nla_put_u32(conn_switch[0], HNV_A_SWITCH_NCONNS, 2);
	nla_put_u32(conn_switch[0], HNV_A_SWITCH_CONN_TIMEOUT, 60);
	nla_put_u32(conn_switch[0], HNV_A_SWITCH_CONN_TCP_TIMEOUT, 7200);
	r = RUN(&k, "switch", "show", "dev", "hnv0");
	check(r->status == 0 &&
	      !strcmp(line_of(r->out, 1), "    conns 2 conn-timeout 60s "
					  "conn-tcp-timeout 7200s"),
	      "switch show: the tracked connections and their timeouts");
	r = RUN(&k, "-j", "switch", "show", "dev", "hnv0");
	check(r->status == 0 &&
	      strstr(r->out, "\"ports\":0,\"conns\":2,\"conn_timeout\":60,"
			     "\"conn_tcp_timeout\":7200,\"stats\":{"),
	      "switch show -j: \"conns\", \"conn_timeout\", "
	      "\"conn_tcp_timeout\"");

	world.replies = NULL;
	for (i = 0; i < ARRAY_SIZE(acl_dump); i++)
		nlmsg_free(acl_dump[i]);
	for (i = 0; i < ARRAY_SIZE(conn_dump); i++)
		nlmsg_free(conn_dump[i]);
	nlmsg_free(conn_switch[0]);
	memset(acl_dump, 0, sizeof(acl_dump));
	memset(conn_dump, 0, sizeof(conn_dump));
	conn_switch[0] = NULL;
	nlmsg_free(asked);
	asked = NULL;
	fake_nl_free(&k);
}

static const struct attr_want e2e_trace_flow[] = {
	WANT_U8(HNV_FLOW_A_IP_PROTO, IPPROTO_TCP),
	WANT_BYTES(HNV_FLOW_A_IP_SRC, 4, "\x0a\x00\x00\x01"),
	WANT_BYTES(HNV_FLOW_A_IP_DST, 4, "\x0a\x00\x00\x02"),
	WANT_BE16(HNV_FLOW_A_L4_SRC, 40000),
	WANT_BE16(HNV_FLOW_A_L4_DST, 22),
	WANT_BYTES(HNV_FLOW_A_ETH_SRC, ETH_ALEN, "\x02\x00\x00\x00\x00\x01"),
	WANT_END,
};

static const struct attr_want e2e_trace[] = {
	WANT_STR(HNV_A_PORT_IFNAME, "vm1"),
	WANT_NEST(HNV_A_FLOW, e2e_trace_flow),
	WANT_END,
};

static const struct attr_want e2e_trace_up_flow[] = {
	WANT_U8(HNV_FLOW_A_IP_PROTO, IPPROTO_ICMPV6),
	WANT_BYTES(HNV_FLOW_A_IP_SRC, 16,
		   "\xfd\x00\0\0\0\0\0\0\0\0\0\0\0\0\0\x01"),
	WANT_BYTES(HNV_FLOW_A_IP_DST, 16,
		   "\xfd\x00\0\0\0\0\0\0\0\0\0\0\0\0\0\x02"),
	WANT_BE16(HNV_FLOW_A_L4_SRC, 128),
	WANT_BE16(HNV_FLOW_A_L4_DST, 0),
	WANT_BYTES(HNV_FLOW_A_ETH_DST, ETH_ALEN, "\x02\x00\x00\x00\x00\x02"),
	WANT_U32(HNV_FLOW_A_VSID, 5001),
	WANT_BYTES(HNV_FLOW_A_TUN_SRC, 4, "\xc0\xa8\x02\x14"),
	WANT_END,
};

static const struct attr_want e2e_trace_up[] = {
	WANT_STR(HNV_A_PORT_IFNAME, "hnv0"),
	WANT_NEST(HNV_A_FLOW, e2e_trace_up_flow),
	WANT_END,
};

/*
 * The answer to a trace of port lo of switch lo: the TCP packet, dropped
 * by lo's in rule 10 after passing the port.
 */
static struct nl_msg *trace_msg(unsigned int lo)
{
	struct nl_msg *msg = message(HNV_CMD_TRACE);
	struct nlattr *flow, *nest, *trace, *step;

	nla_put_u32(msg, HNV_A_SWITCH_IFINDEX, lo);
	nla_put_u32(msg, HNV_A_PORT_IFINDEX, lo);
	flow = nest_start(msg, HNV_A_FLOW);
	nla_put(msg, HNV_FLOW_A_ETH_SRC, ETH_ALEN, "\x02\0\0\0\0\x01");
	nla_put(msg, HNV_FLOW_A_ETH_DST, ETH_ALEN, "\x02\0\0\0\0\x02");
	nla_put_u16(msg, HNV_FLOW_A_ETH_TYPE, htons(0x0800));
	nla_put_u8(msg, HNV_FLOW_A_IP_PROTO, IPPROTO_TCP);
	nla_put(msg, HNV_FLOW_A_IP_SRC, 4, "\x0a\x00\x00\x01");
	nla_put(msg, HNV_FLOW_A_IP_DST, 4, "\x0a\x00\x00\x02");
	nla_put_u16(msg, HNV_FLOW_A_L4_SRC, htons(40000));
	nla_put_u16(msg, HNV_FLOW_A_L4_DST, htons(22));
	nest = nest_start(msg, HNV_FLOW_A_ACTIONS);
	nla_put_u8(msg, HNV_ACTION_A_DROP, HNV_DROP_ACL);
	nla_nest_end(msg, nest);
	nla_nest_end(msg, flow);
	trace = nest_start(msg, HNV_A_TRACE);
	step = nest_start(msg, HNV_TRACE_A_STEP);
	nla_put_string(msg, HNV_STEP_A_LAYER, "port");
	nla_nest_end(msg, step);
	step = nest_start(msg, HNV_TRACE_A_STEP);
	nla_put_string(msg, HNV_STEP_A_LAYER, "acl-in");
	nest = nest_start(msg, HNV_STEP_A_ACL);
	nla_put_u8(msg, HNV_ACL_A_DIR, HNV_ACL_DIR_IN);
	nla_put_u32(msg, HNV_ACL_A_PORT_IFINDEX, lo);
	nla_put_u32(msg, HNV_ACL_A_PRIORITY, 10);
	nla_put_u8(msg, HNV_ACL_A_ACTION, HNV_ACL_ACTION_DENY);
	nla_nest_end(msg, nest);
	nla_nest_end(msg, step);
	nla_nest_end(msg, trace);
	return msg;
}

/* "trace" end to end: the request, the answer as printed, a refusal. */
static void trace_cmd_tests(unsigned int lo)
{
	struct fake_nl k = { 0 };
	struct result *r;

	trace_reply[0] = trace_msg(lo);
	world.replies = acl_replies;
	r = RUN(&k, "trace", "dev", "vm1", "tcp", "src", "10.0.0.1", "dst",
		"10.0.0.2", "sport", "40000", "dport", "22", "smac",
		"02:00:00:00:00:01");
	check_str(r->out,
		  "trace lo: tcp 10.0.0.1:40000 -> 10.0.0.2:22, "
		  "02:00:00:00:00:01 -> 02:00:00:00:00:02\n"
		  "  port     pass\n"
		  "  acl-in   dev lo in prio 10 deny\n"
		  "result: drop (acl)\n",
		  "trace: the packet, its steps, the result");
	check(r->status == 0 && !r->err[0] && !strcmp(world.log, "S") &&
	      msg_attrs_are(asked, e2e_trace),
	      "trace dev vm1 tcp ...: one TRACE, the port's name, HNV_A_FLOW "
	      "with PROTO, 4-byte addresses, be16 ports, ETH_SRC, no ETH_DST");

	r = RUN(&k, "-j", "trace", "dev", "vm1", "proto", "6", "src",
		"10.0.0.1", "dst", "10.0.0.2", "sport", "40000", "dport", "22",
		"smac", "02:00:00:00:00:01");
	check(r->status == 0 && msg_attrs_are(asked, e2e_trace) &&
	      !strncmp(r->out, "{\"switch\":\"lo\",\"dev\":\"lo\","
			       "\"flow\":{\"switch\":\"lo\",\"port\":\"lo\",",
		       58) &&
	      strstr(r->out, "{\"layer\":\"acl-in\",\"acl\":{\"dev\":\"lo\","
			     "\"dir\":\"in\",\"prio\":10,\"action\":\"deny\","
			     "\"stateful\":false}}],"
			     "\"actions\":[{\"drop\":\"acl\"}]}\n") &&
	      !strchr(r->out, '\n')[1],
	      "trace -j, \"proto 6\": the same request; one JSON object on a "
	      "line, not an array");

	r = RUN(&k, "trace", "dev", "hnv0", "icmpv6", "src", "fd00::1",
		"dst", "fd00::2", "type", "128", "code", "0", "dmac",
		"02:00:00:00:00:02", "vsid", "5001", "tun-src",
		"192.168.2.20");
	check(r->status == 0 && msg_attrs_are(asked, e2e_trace_up),
	      "trace of the uplink: type and code in L4_SRC and L4_DST, "
	      "ETH_DST, VSID and TUN_SRC");

	nlmsg_free(trace_reply[0]);
	trace_reply[0] = NULL;
	r = RUN(&k, "trace", "dev", "vm1", "udp", "src", "10.0.0.1", "dst",
		"10.0.0.2");
	check(r->status == 1 && !r->out[0] &&
	      !strcmp(r->err, "Error: the kernel answered the trace with "
			      "nothing\n"),
	      "trace answered with nothing: an error, nothing printed");

	trace_refused = true;
	r = RUN(&k, "trace", "dev", "vm9", "udp", "src", "10.0.0.1", "dst",
		"10.0.0.2");
	check(r->status == 1 && !r->out[0] &&
	      !strcmp(r->err, "Error: no such port (attribute "
			      "HNV_A_PORT_IFNAME)\n"),
	      "trace refused by the kernel: its extack, exit 1, nothing "
	      "printed");
	trace_refused = false;

	world.replies = NULL;
	nlmsg_free(trace_reply[0]);
	trace_reply[0] = NULL;
	nlmsg_free(asked);
	asked = NULL;
	fake_nl_free(&k);
}

/*
 * ACL lines in a batch: add, replace, default and del pipelined with the
 * map and route lines, in the same pipe; flush and show wait; a refusal
 * reported with its line.
 */
static const char acl_input[] =
	"acl add dev vm1 dir out prio 10 allow\n"
	"acl replace dev vm1 dir out prio 10 deny\n"
	"map add vsid 5001 mac " MAC(1) " pa 192.168.2.20 switch hnv0\n"
	"acl default vsid 5001 switch hnv0 dir in deny\n"
	"acl add dev vm1 dir in prio 20 allow proto tcp dport 22\n"
	"acl del dev vm1 dir out prio 10\n"
	"acl flush switch hnv0 dev vm2\n"
	"acl a dev vm2 di in pri 30 al st\n";

static void acl_order_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;
	char want[1024];

	write_file(acl_input);
	r = RUN(&k, "-batch", file);
	check(r->status == 0 && !r->out[0] && !r->err[0],
	      "batch of acl lines: exit 0");
	check_str(world.log, "APNFAXSUA",
		  "batch: acl add, replace, default and del pipelined with the "
		  "map line, in order; flush waits for them");
	check(!world.late_sync && k.datagrams == 2 && k.requests == 7,
	      "batch: one datagram for the first six lines, one for the "
	      "last");

	world.refuse_prio = 20;
	reset(&k);
	r = RUN(&k, "-force", "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: an ACL rule of this priority exists "
		 "(attribute HNV_A_ACL)\n"
		 "Command failed %s:5\n", file);
	check_str(r->err, want,
		  "batch -force with an acl line the kernel refuses: its "
		  "extack and its line, once");
	check(r->status == 1 && !strcmp(world.log, "APNFAXSUA"),
	      "batch -force: every line runs, exit 1");

	reset(&k);
	r = RUN(&k, "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: an ACL rule of this priority exists "
		 "(attribute HNV_A_ACL)\n"
		 "Command failed %s:5\n"
		 "Note: the map, route and acl commands up to %s:6 had been "
		 "sent before the failure of %s:5 was known; they were "
		 "carried out.\n", file, file, file);
	check_str(r->err, want,
		  "batch without -force, an acl line refused: it stops; the "
		  "line sent with it is named");
	check(r->status == 1 && !strcmp(world.log, "APNFAX"),
	      "batch without -force: nothing after the failure's answer runs");
	world.refuse_prio = 0;

	write_file("acl add dev vm1 dir out prio 10 allow\n"
		   "acl add dev vm1 dir out prio 11 deny stateful\n"
		   "acl add dev vm1 dir out prio 12 deny\n");
	reset(&k);
	r = RUN(&k, "-force", "-batch", file);
	snprintf(want, sizeof(want),
		 "Error: argument \"stateful\" is wrong: stateful goes with "
		 "allow only\n");
	check(r->status == 1 && !strncmp(r->err, want, strlen(want)) &&
	      strstr(r->err, "Command failed ") &&
	      !strcmp(world.log, "AA") && k.requests == 2,
	      "batch: an acl line wrong on the command line is reported, "
	      "the others run");
	fake_nl_free(&k);
}

#define ACL_LINES 10000

/* 10000 acl add lines, pipelined: every one sent and answered, fast. */
static void acl_bench_tests(void)
{
	struct fake_nl k = { 0 };
	struct result *r;
	double t, took;
	unsigned long n;
	FILE *fp;

	fp = fopen(file, "w");
	for (n = 1; n <= ACL_LINES; n++)
		fprintf(fp, "acl add dev vm%lu switch hnv0 dir %s prio %lu "
			"allow stateful proto tcp src 10.%lu.%lu.0/24 "
			"dport %lu-%lu\n", n % 64, n % 2 ? "in" : "out",
			n % 65535 + 1, n >> 8 & 0xff, n & 0xff, n % 1000,
			n % 1000 + 100);
	fclose(fp);

	t = now();
	r = RUN(&k, "-batch", file);
	took = now() - t;
	check(r->status == 0 && !r->err[0] && k.requests == ACL_LINES &&
	      k.answers == ACL_LINES &&
	      k.datagrams == (ACL_LINES + NLPIPE_BURST - 1) / NLPIPE_BURST,
	      "batch of %d acl add lines: %lu requests in %lu datagrams, "
	      "every one answered", ACL_LINES, k.requests, k.datagrams);
	diag("batch of %d acl add lines (read, parsed, built, sent to a "
	     "fake kernel that answers each, answers read): %.3f s, %.2f us "
	     "a line", ACL_LINES, took, took / ACL_LINES * 1e6);
	check(took < 1.0, "batch of %d acl add lines in well under a second "
			  "(%.3f s)", ACL_LINES, took);
	fake_nl_free(&k);
}

static void acl_e2e_tests(void)
{
	unsigned int lo = if_nametoindex("lo");

	acl_single_tests();
	acl_order_tests();
	acl_bench_tests();
	if (!lo) {
		skip("no device lo", "acl, conn and trace show tests");
		return;
	}
	acl_show_tests(lo);
	trace_cmd_tests(lo);
}

void pipelined_batch_tests(void)
{
	int fd = mkstemp(file);

	if (fd < 0) {
		skip("mkstemp failed", "batch tests");
		return;
	}
	close(fd);
	show_tests();
	vnet_show_tests();
	prefix_cas_tests();
	strict_tests();
	nvgre_flowid_tests();
	router_mac_tests();
	maps_max_tests();
	monitor_tests();
	single_tests();
	order_tests();
	route_show_tests();
	route_single_tests();
	route_order_tests();
	bench_tests();
	acl_e2e_tests();
	unlink(file);
}
