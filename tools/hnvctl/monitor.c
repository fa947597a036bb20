// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl monitor [ switch NAME ]: the events of the switches, as they come.
 *
 * hnvctl joins the multicast group "events" of the hnv family and prints
 * each notification on one line (in JSON, one object a line), flushed at
 * once, so that a reader at the other end of a pipe sees it right away.
 * With a switch, only that switch's events: its ifindex is asked for once,
 * before joining, and the events of other switches are left out.  An event
 * this hnvctl does not know is skipped; a malformed one is reported and
 * skipped.  Devices are named with if_indextoname(), in the namespace
 * hnvctl runs in (the one whose events it gets).
 *
 * It runs until SIGINT or SIGTERM, which end it with exit status 0.  Both
 * are blocked while it runs and only let through while it waits for the
 * kernel (nlmon->sigmask, ppoll()), so that one cannot be lost between the
 * check of the flag it sets and the wait.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <linux/hnv.h>

#include "hnvctl.h"
#include "msg.h"
#include "names.h"
#include "output.h"

static void monitor_usage(FILE *fp)
{
	fputs("Usage: hnvctl monitor [ switch NAME ]\n"
	      "       hnvctl monitor help\n"
	      "\n"
	      "Prints the events of the switches, or of switch NAME only, as "
	      "they come, one a\n"
	      "line, until interrupted (SIGINT or SIGTERM, exit status 0):\n"
	      "  neigh-miss  a port asked (ARP request or IPv6 neighbour "
	      "solicitation) for an\n"
	      "              address of its subnet's prefix that the switch "
	      "knows no MAC of;\n"
	      "              the request was dropped (neigh-unknown).  At most "
	      "one event per\n"
	      "              VSID and address a second, and 100 a second per "
	      "switch.\n", fp);
}

/* The keywords of "monitor". */
enum { MON_SWITCH };

/* Set by SIGINT and SIGTERM. */
static volatile sig_atomic_t stopped;

static void stop(int sig)
{
	(void)sig;
	stopped = 1;
}

struct monitor {
	struct out o;
	uint16_t family;		/* the hnv family's id */
	uint32_t switch_ifindex;	/* its events only; 0: every switch */
};

/* A malformed message of the family: of the event ev, if not NULL. */
static void skipped(const struct hnv_event *ev)
{
	const char *name = ev ? event_name(ev->cmd) : NULL;

	if (name)
		fprintf(stderr,
			"Error: a malformed %s event from the kernel was skipped.\n",
			name);
	else
		fputs("Error: a malformed message from the kernel was skipped.\n",
		      stderr);
}

/*
 * Prints the events of the datagram buf, of len bytes, that the filter
 * lets through.  Returns 0, or -1 if they cannot be written.
 */
static int monitor_datagram(struct monitor *mon, void *buf, int len)
{
	struct nlmsghdr *nlh;
	struct hnv_event ev;
	int ret;

	for (nlh = buf; nlmsg_ok(nlh, len); nlh = nlmsg_next(nlh, &len)) {
		if (nlh->nlmsg_type != mon->family)
			continue;
		ret = hnv_parse_event(nlh, &ev);
		if (ret == -EOPNOTSUPP)
			continue;
		if (ret) {
			skipped(&ev);
			continue;
		}
		if (mon->switch_ifindex &&
		    ev.switch_ifindex != mon->switch_ifindex)
			continue;
		out_event(&mon->o, &ev);
	}
	if (len > 0)
		skipped(NULL);
	return fflush(mon->o.fp) ? -1 : 0;
}

/*
 * Listens with m until a signal: EXIT_SUCCESS, or EXIT_FAILURE if the
 * kernel cannot be read or the events cannot be written.
 */
static int monitor_loop(struct monitor *mon, struct nlmon *m)
{
	struct nlerr err;
	int n;

	while (!stopped) {
		n = nlmon_recv(m, &err);
		if (n < 0 && err.code == EINTR)
			continue;
		if (n < 0 && (err.code == ENOBUFS || err.code == EMSGSIZE)) {
			hnvctl_perror(&err);
			continue;
		}
		if (n < 0) {
			hnvctl_perror(&err);
			return EXIT_FAILURE;
		}
		if (monitor_datagram(mon, m->buf, n)) {
			fprintf(stderr, "Error: cannot write the events: %s\n",
				strerror(errno));
			return EXIT_FAILURE;
		}
	}
	return EXIT_SUCCESS;
}

/* The switch sw names, if any, then the events. */
static int monitor_run(struct hnvctl *ctl, const struct hnv_sel *sw,
		       const sigset_t *wait_mask)
{
	struct monitor mon = { 0 };
	struct hnv_switch s;
	struct nlerr err;
	struct nlmon m;
	int ret;

	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (sw->ifname) {
		if (hnv_switch_get(&ctl->hnv, sw, &s, &err)) {
			hnvctl_perror(&err);
			return EXIT_FAILURE;
		}
		mon.switch_ifindex = s.ifindex;
	}
	if (hnv_events_open(&ctl->hnv, &m, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	m.sigmask = wait_mask;
	mon.family = ctl->hnv.family.id;
	out_stream_begin(&mon.o, stdout, ctl->json);
	ret = monitor_loop(&mon, &m);
	out_end(&mon.o);
	nlmon_free(&m);
	return ret;
}

int do_monitor(struct hnvctl *ctl, int argc, char **argv)
{
	struct kwarg args[] = {
		[MON_SWITCH]	= { "switch", "a switch", NULL },
	};
	struct sigaction sa = { .sa_handler = stop }, old_int, old_term;
	struct hnv_sel sw = { 0 };
	sigset_t block, old_mask;
	bool help;
	int ret;

	if (kwargs_parse(args, ARRAY_SIZE(args), -1, &help, argc, argv,
			 monitor_usage))
		return EXIT_FAILURE;
	if (help) {
		monitor_usage(stdout);
		return EXIT_SUCCESS;
	}
	if (args[MON_SWITCH].value &&
	    switch_arg(args[MON_SWITCH].value, &sw, monitor_usage))
		return EXIT_FAILURE;

	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old_mask);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	stopped = 0;
	ret = monitor_run(ctl, &sw, &old_mask);
	/* one that came while it stopped goes to stop() */
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	return ret;
}
