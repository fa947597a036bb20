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
 * error are caught in files.  The 100000-line batch is timed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int hnvctl_main(int argc, char **argv);

/* The kernel of the batch running, NULL: the real functions. */
static struct fake_nl *kernel;

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
	h->sk = NULL;
	h->family.id = FAMILY;
	h->family.version = HNV_GENL_VERSION;
	strcpy(h->family.name, HNV_GENL_NAME);
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
 * is S followed by its letter.
 */
struct world {
	char log[64];
	size_t n;
	uint8_t refuse[ETH_ALEN];	/* the MAC of the mapping to refuse */
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
 * Judges a map request as hnv would.  Like generic netlink, it
 * refuses nlmsg_flags other than NLM_F_REQUEST, NLM_F_ACK and NLM_F_ECHO
 * in a request that is not a dump: NLM_F_REPLACE among them.
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
	log_letter(g->cmd == HNV_CMD_MAP_DEL ? 'D' : replace ? 'R' : 'N');
	if (req->nlmsg_flags & ~(NLM_F_REQUEST | NLM_F_ACK | NLM_F_ECHO)) {
		*msg = "ambiguous or reserved bits set in nlmsg_flags";
		return EINVAL;
	}
	if ((tb[HNV_A_REPLACE] && (!replace || g->cmd != HNV_CMD_MAP_NEW)) ||
	    !tb[HNV_A_MAP_MAC] || nla_len(tb[HNV_A_MAP_MAC]) != ETH_ALEN)
		return EINVAL;
	if (memcmp(nla_data(tb[HNV_A_MAP_MAC]), w->refuse, ETH_ALEN))
		return 0;
	*msg = "a mapping of this VSID and MAC exists";
	*attr = HNV_A_MAP_MAC;
	return EEXIST;
}

/* judge() of r, built as nlreq_run() builds a request that is no dump. */
static int judge_waited(const struct nlreq *r)
{
	struct nl_msg *msg = nlmsg_alloc();
	const char *text = NULL;
	int error, attr = -1;

	genlmsg_put(msg, 0, 1, r->family, 0,
		    NLM_F_REQUEST | NLM_F_ACK | r->flags, r->cmd, r->version);
	if (r->put && r->put(msg, r->put_arg))
		error = EMSGSIZE;
	else
		error = judge(&world, nlmsg_hdr(msg), &text, &attr);
	nlmsg_free(msg);
	return error;
}

static struct nl_msg *const *waited(const struct nlreq *r)
{
	log_letter('S');
	if (fake_nl_unanswered(kernel))
		world.late_sync = true;
	if (r->cmd == HNV_CMD_MAP_NEW || r->cmd == HNV_CMD_MAP_DEL)
		world.waited_error = judge_waited(r);
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
	char *argv[16];
	int argc = 0, o, e;

	argv[argc++] = "hnvctl";
	while (*args && argc < 15)
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
		 "Note: the map commands up to %s:6 had been sent before the "
		 "failure of %s:5 was known; they were carried out.\n",
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

static struct nl_msg *message(uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	genlmsg_put(msg, 0, 1, FAMILY, 0, NLM_F_MULTI, cmd, HNV_GENL_VERSION);
	return msg;
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
		 "Note: the map commands up to %s:60032 had been sent before "
		 "the failure of %s:60010 was known; they were carried out.\n",
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

void pipelined_batch_tests(void)
{
	int fd = mkstemp(file);

	if (fd < 0) {
		skip("mkstemp failed", "batch tests");
		return;
	}
	close(fd);
	show_tests();
	strict_tests();
	nvgre_flowid_tests();
	single_tests();
	order_tests();
	bench_tests();
	unlink(file);
}
