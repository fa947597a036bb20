// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of the pipelined requests of netlink.c (struct nlpipe): first with
 * the fake kernel of fake_nl.c, answering at once or late, refusing some
 * requests, losing answers, failing a send; then against the running
 * kernel, which answers NLMSG_NOOP requests with an ACK and handles a
 * datagram of several requests message by message.  The live part also
 * times 100000 requests, pipelined and one by one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include <linux/hnv.h>

#include "fake_nl.h"
#include "msg.h"
#include "names.h"
#include "netlink.h"
#include "test.h"

#define FAMILY 0x22

/* What the fail callback got. */
struct refusals {
	unsigned long n;
	unsigned long tags[64];
	struct nlerr errs[64];
	bool ordered;		/* each tag after the one before */
};

static void refused(void *arg, unsigned long tag, const struct nlerr *err)
{
	struct refusals *r = arg;

	if (r->n && tag <= r->tags[(r->n - 1) % 64])
		r->ordered = false;
	r->tags[r->n % 64] = tag;
	r->errs[r->n % 64] = *err;
	r->n++;
}

/* The request of tag: a MAP_NEW whose VSID is the tag. */
struct map_put {
	struct hnv_sel sw;
	struct hnv_map map;
};

static int put_map(struct nl_msg *msg, const void *arg)
{
	const struct map_put *m = arg;

	return hnv_put_map_new(msg, &m->sw, &m->map, false);
}

static int put_fails(struct nl_msg *msg, const void *arg)
{
	(void)msg;
	(void)arg;
	return -EMSGSIZE;
}

static int add(struct nlpipe *p, unsigned long tag, uint16_t flags)
{
	struct map_put m = {
		.sw = { .ifname = "hnv0" },
		.map = { .vsid = tag, .mac = { 2, 0, 0, 0, 0, 1 },
			 .pa = { 192, 168, 2, 20 } },
	};
	struct nlreq r = {
		.family = FAMILY, .cmd = HNV_CMD_MAP_NEW,
		.version = HNV_GENL_VERSION, .flags = flags,
		.put = put_map, .put_arg = &m,
	};
	struct nlerr err;

	return nlpipe_add(p, &r, tag, &err);
}

/* Refuses the requests whose VSID (their tag) is in the list. */
struct judge {
	unsigned long refuse[4];	/* up to a 0 */
	/* the first requests the kernel saw */
	struct nlmsghdr seen[8];
	unsigned long nseen;
};

static int judge(void *arg, const struct nlmsghdr *req, const char **msg,
		 int *attr)
{
	struct nlattr *tb[HNV_A_MAX + 1];
	struct judge *j = arg;
	uint32_t vsid;
	int i;

	if (j->nseen < 8)
		j->seen[j->nseen] = *req;
	j->nseen++;
	if (genlmsg_parse((struct nlmsghdr *)req, 0, tb, HNV_A_MAX, NULL) ||
	    !tb[HNV_A_VSID])
		return EINVAL;
	vsid = nla_get_u32(tb[HNV_A_VSID]);
	for (i = 0; i < 4 && j->refuse[i]; i++) {
		if (j->refuse[i] != vsid)
			continue;
		*msg = "a provider address must be a unicast address";
		*attr = HNV_A_MAP_PA;
		return EINVAL;
	}
	return 0;
}

/* A pipe of window requests at most, to k, reporting to r. */
static void open_pipe(struct nlpipe *p, unsigned int window,
		      struct fake_nl *k, struct refusals *r)
{
	struct nlerr err;

	memset(r, 0, sizeof(*r));
	r->ordered = true;
	nlpipe_init(p, NULL, window, &err);
	p->io = &fake_nl_io;
	p->io_ctx = k;
	p->fail = refused;
	p->fail_arg = r;
}

static void fake_tests(void)
{
	struct judge j = { .refuse = { 500 } };
	struct fake_nl k = { .judge = judge, .arg = &j };
	struct refusals r;
	struct nlpipe p;
	unsigned long i;
	bool ok = true;
	char text[512];
	int ret;

	open_pipe(&p, NLPIPE_WINDOW, &k, &r);
	check(p.window == NLPIPE_WINDOW && p.burst == NLPIPE_BURST,
	      "nlpipe_init without a socket: the window asked for, bursts of "
	      "%d", NLPIPE_BURST);
	for (i = 1; i <= 1000; i++)
		ok &= !add(&p, i, i == 2 ? NLM_F_ECHO : 0);
	nlpipe_sync(&p);
	check(ok && k.requests == 1000 && k.datagrams == 32 &&
	      p.sent == 1000 && p.acked == 999 && p.failed == 1 && !p.count,
	      "1000 requests: 32 datagrams, every one answered");
	check(k.max_unanswered <= NLPIPE_BURST && p.last_sent_tag == 1000,
	      "a kernel that answers at once: its answers are read after "
	      "each datagram");
	check(r.n == 1 && r.tags[0] == 500 && r.errs[0].code == EINVAL,
	      "the refused request is reported once, with its tag");
	nlerr_format(&r.errs[0], hnv_attr_name, text, sizeof(text));
	check_str(text, "a provider address must be a unicast address "
			"(attribute HNV_A_MAP_PA)",
		  "the refusal carries the extack message and attribute");
	check(j.seen[0].nlmsg_flags == (NLM_F_REQUEST | NLM_F_ACK) &&
	      j.seen[1].nlmsg_flags == (NLM_F_REQUEST | NLM_F_ACK |
					NLM_F_ECHO) &&
	      j.seen[0].nlmsg_type == FAMILY &&
	      j.seen[1].nlmsg_seq == j.seen[0].nlmsg_seq + 1 &&
	      j.seen[7].nlmsg_seq == j.seen[0].nlmsg_seq + 7,
	      "each request: NLM_F_REQUEST, NLM_F_ACK, the caller's flags, "
	      "its own sequence number");
	nlpipe_free(&p);
	fake_nl_free(&k);

	/* a kernel that answers only when the pipe waits */
	memset(&k, 0, sizeof(k));
	memset(&j, 0, sizeof(j));
	j.refuse[0] = 3;
	j.refuse[1] = 4;
	j.refuse[2] = 900;
	k.judge = judge;
	k.arg = &j;
	k.lazy = true;
	open_pipe(&p, NLPIPE_WINDOW, &k, &r);
	for (i = 1, ok = true; i <= 1000; i++)
		ok &= !add(&p, i, 0);
	check(ok && p.count <= NLPIPE_WINDOW && r.n == 2 && r.tags[0] == 3 &&
	      r.tags[1] == 4,
	      "a late kernel: at most %d requests unanswered; the failures "
	      "so far reported", NLPIPE_WINDOW);
	nlpipe_sync(&p);
	check(k.max_unanswered == NLPIPE_WINDOW && p.acked == 997 &&
	      r.n == 3 && r.tags[2] == 900 && r.ordered && !p.count,
	      "a late kernel: the window fills up, then every answer comes, "
	      "the failures in order");
	nlpipe_free(&p);
	fake_nl_free(&k);

	/* a small window */
	memset(&k, 0, sizeof(k));
	k.lazy = true;
	open_pipe(&p, 5, &k, &r);
	for (i = 1; i <= 23; i++)
		add(&p, i, 0);
	nlpipe_sync(&p);
	check(p.burst == 5 && k.max_unanswered == 5 && p.acked == 23 &&
	      k.datagrams == 5,
	      "a window of 5: datagrams of 5 requests at most");
	nlpipe_free(&p);
	fake_nl_free(&k);

	/* answers lost in the middle of a datagram and at its end */
	memset(&k, 0, sizeof(k));
	k.lost_from = 40;
	k.lost_to = 45;
	open_pipe(&p, NLPIPE_WINDOW, &k, &r);
	for (i = 1; i <= 100; i++)
		add(&p, i, 0);
	nlpipe_sync(&p);
	check(r.n == 6 && r.tags[0] == 40 && r.tags[5] == 45 && r.ordered &&
	      r.errs[0].code == ENOBUFS && p.acked == 94,
	      "answers lost (ENOBUFS): those requests fail, the others "
	      "are answered");
	check_str(r.errs[0].msg, "the kernel's answer was lost (netlink "
				 "receive buffer overrun); the command may "
				 "have been carried out",
		  "a lost answer says so");
	nlpipe_free(&p);
	fake_nl_free(&k);

	memset(&k, 0, sizeof(k));
	k.lost_from = 60;
	k.lost_to = 64;
	open_pipe(&p, NLPIPE_WINDOW, &k, &r);
	for (i = 1; i <= 70; i++)
		add(&p, i, 0);
	nlpipe_sync(&p);
	check(r.n == 5 && r.tags[0] == 60 && r.tags[4] == 64 &&
	      p.acked == 65 && !p.count,
	      "answers lost at the end of a datagram: those requests fail");
	nlpipe_free(&p);
	fake_nl_free(&k);

	/* a datagram that cannot be sent */
	memset(&k, 0, sizeof(k));
	open_pipe(&p, NLPIPE_WINDOW, &k, &r);
	for (i = 1; i <= 32; i++)
		add(&p, i, 0);
	k.send_error = EPERM;
	for (i = 33; i <= 70; i++)
		add(&p, i, 0);
	nlpipe_sync(&p);
	check(r.n == 32 && r.tags[0] == 33 && r.tags[31] == 64 &&
	      r.errs[0].code == EPERM && p.acked == 38 && k.requests == 38,
	      "a datagram the kernel refuses: each of its requests fails");
	check_str(r.errs[0].msg,
		  "cannot send the netlink request: Operation not permitted",
		  "a send failure says so");
	nlpipe_free(&p);
	fake_nl_free(&k);

	/* requests not sent yet can be forgotten */
	memset(&k, 0, sizeof(k));
	open_pipe(&p, NLPIPE_WINDOW, &k, &r);
	for (i = 1; i <= 40; i++)
		add(&p, i, 0);
	nlpipe_discard(&p);
	nlpipe_sync(&p);
	check(k.requests == 32 && p.acked == 32 && !p.count &&
	      p.last_sent_tag == 32,
	      "nlpipe_discard: the requests not sent never reach the kernel");

	ret = add(&p, 41, 0);
	check(!ret && p.count == 1, "the pipe goes on after a discard");
	{
		struct nlreq dump = { .family = FAMILY, .dump = true };
		struct nlreq bad = { .family = FAMILY, .put = put_fails };
		struct nlerr err;

		ret = nlpipe_add(&p, &dump, 42, &err);
		check(ret == -1 && err.code == EINVAL && p.count == 1,
		      "a dump cannot be pipelined");
		ret = nlpipe_add(&p, &bad, 43, &err);
		check(ret == -1 && err.code == EMSGSIZE && p.count == 1,
		      "a request that cannot be built is refused at once");
	}
	nlpipe_free(&p);
	fake_nl_free(&k);
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static int put_name(struct nl_msg *msg, const void *name)
{
	return nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, name);
}

static const char *ctrl_attr_name(int type)
{
	return type == CTRL_ATTR_FAMILY_NAME ? "CTRL_ATTR_FAMILY_NAME" : NULL;
}

#define BENCH_PIPED	100000
#define BENCH_ONE	20000

static void live_tests(void)
{
	/* NLMSG_NOOP: netlink_rcv_skb() ACKs it without a family */
	struct nlreq noop = { .family = NLMSG_NOOP, .version = 1 };
	struct nlreq ctrl = {
		.family = GENL_ID_CTRL, .cmd = CTRL_CMD_GETFAMILY,
		.version = 1, .put = put_name, .put_arg = "nlctrl",
	};
	struct nlreq bad = ctrl;
	unsigned long i;
	struct refusals r = { .ordered = true };
	struct nl_sock *sk;
	struct nlerr err;
	struct nlpipe p;
	double t, piped, one;
	char text[512];
	bool ok = true;
	int rcvbuf;

	sk = nlsock_open(&err);
	if (!sk) {
		skip(err.msg, "live: no generic netlink socket");
		return;
	}
	ok = !nlpipe_init(&p, sk, NLPIPE_WINDOW, &err);
	check(ok && p.window >= 1 && p.window <= NLPIPE_WINDOW,
	      "live: a pipe on the socket, window %u", p.window);
	rcvbuf = nlsock_grow_rcvbuf(sk, NLPIPE_RCVBUF);
	diag("live: receive buffer %d bytes, window %u, bursts of %u",
	     rcvbuf, p.window, p.burst);
	check((unsigned long)rcvbuf >= (unsigned long)p.window *
				      NLPIPE_ACK_TRUESIZE,
	      "live: the receive buffer holds the ACKs of a full window");
	p.fail = refused;
	p.fail_arg = &r;

	bad.put_arg = "a-family-name-longer-than-GENL_NAMSIZ";
	for (i = 1; i <= 100; i++)
		ok &= !nlpipe_add(&p, i == 77 ? &bad : &ctrl, i, &err);
	nlpipe_sync(&p);
	check(ok && p.acked == 99 && r.n == 1 && r.tags[0] == 77 &&
	      (r.errs[0].code == EINVAL || r.errs[0].code == ERANGE) &&
	      r.errs[0].attr == CTRL_ATTR_FAMILY_NAME && p.datagrams == 4,
	      "live: 100 requests in 4 datagrams, the kernel's refusal of "
	      "the 77th reported with its tag and attribute");
	nlerr_format(&r.errs[0], ctrl_attr_name, text, sizeof(text));
	diag("live: request 77: %s", text);

	t = now();
	for (i = 1; i <= BENCH_PIPED; i++)
		ok &= !nlpipe_add(&p, &noop, i, &err);
	nlpipe_sync(&p);
	piped = now() - t;
	check(ok && p.acked == 99 + BENCH_PIPED && r.n == 1 && !p.count,
	      "live: %d requests pipelined, every one ACKed", BENCH_PIPED);
	nlpipe_free(&p);

	t = now();
	for (i = 0; i < BENCH_ONE; i++)
		ok &= !nlreq_run(sk, &noop, &err);
	one = now() - t;
	check(ok, "live: %d requests one by one, every one ACKed", BENCH_ONE);
	diag("live: netlink round trips, pipelined: %.2f us a request "
	     "(%d in %.3f s); one by one: %.2f us a request (%d in %.3f s)",
	     piped / BENCH_PIPED * 1e6, BENCH_PIPED, piped,
	     one / BENCH_ONE * 1e6, BENCH_ONE, one);
	nl_socket_free(sk);
}

void pipe_tests(void)
{
	fake_tests();
	live_tests();
}
