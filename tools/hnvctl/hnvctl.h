/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * What the objects of hnvctl share: the global options, the connection to
 * the kernel, the dispatch tables, the arguments of "show" and those of
 * the commands that change something.
 */
#ifndef HNVCTL_H
#define HNVCTL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ipc.h"
#include "util.h"


struct batch;

struct hnvctl {
	bool json;
	bool pretty;
	struct hnv hnv;		/* connected on first use */
	struct batch *batch;	/* the batch running, NULL if none */
};

/* An entry of a dispatch table: an object or a command of an object. */
struct cmd {
	const char *name;
	int (*fn)(struct hnvctl *ctl, int argc, char **argv);
};

/* What the arguments of "show" may select. */
#define SHOW_DEV	0x1	/* dev NAME, or a bare NAME */
#define SHOW_IFINDEX	0x2	/* ifindex INDEX */
#define SHOW_SWITCH	0x4	/* switch NAME */

struct show_args {
	struct hnv_sel dev;	/* dev or ifindex */
	struct hnv_sel sw;	/* switch */
	bool help;
};

/*
 * A "KEYWORD VALUE" argument, for kwargs_parse().  A keyword with a list
 * may be given up to max times: its values go to list[0 .. n - 1] (value
 * is the last), and one more is wrong for the reason too_many.  If pos is
 * set too, pos[i] is the place of list[i] among the arguments, counted in
 * KEYWORD VALUE pairs from 0: for keywords that belong to the one before
 * them.  A flag ("allow", "stateful") takes no value: its value is the
 * word that gave it.
 */
struct kwarg {
	const char *name;	/* the keyword */
	const char *what;	/* "a switch": for "... was already given" */
	const char *value;	/* the word after it, NULL if not given */
	const char **list;
	unsigned int max, n;
	const char *too_many;
	unsigned int *pos;
	bool flag;
};

int hnvctl_connect(struct hnvctl *ctl);
void hnvctl_perror(const struct nlerr *err);
int cmd_dispatch(struct hnvctl *ctl, const char *what, const struct cmd *cmds,
		 size_t n, int argc, char **argv, void (*usage)(FILE *fp));
int show_args_parse(struct show_args *a, unsigned int allowed, int argc,
		    char **argv, void (*usage)(FILE *fp));
int kwargs_parse(struct kwarg *args, size_t n, int bare, bool *help,
		 int argc, char **argv, void (*usage)(FILE *fp));
int arg_invalid(const char *arg, const char *why, void (*usage)(FILE *fp));
int arg_required(const char *keyword, const char *why,
		 void (*usage)(FILE *fp));
int switch_arg(const char *word, struct hnv_sel *sw, void (*usage)(FILE *fp));
int vsid_arg(const char *word, bool none, uint32_t *vsid,
	     void (*usage)(FILE *fp));
int show_sel_args(const char *vsid_word, const char *switch_word,
		  uint32_t *vsid, struct hnv_sel *sw, void (*usage)(FILE *fp));
void version_line(FILE *fp);
int dump_ports(struct hnvctl *ctl, const struct hnv_switch_list *switches,
	       struct hnv_port_list *ports, struct nlerr *err);

/* The objects: each returns the exit status. */
int do_switch(struct hnvctl *ctl, int argc, char **argv);
int do_port(struct hnvctl *ctl, int argc, char **argv);
int do_subnet(struct hnvctl *ctl, int argc, char **argv);
int do_flow(struct hnvctl *ctl, int argc, char **argv);
int do_stats(struct hnvctl *ctl, int argc, char **argv);
int do_version(struct hnvctl *ctl, int argc, char **argv);
int do_map(struct hnvctl *ctl, int argc, char **argv);
int do_monitor(struct hnvctl *ctl, int argc, char **argv);
int do_vnet(struct hnvctl *ctl, int argc, char **argv);
int do_route(struct hnvctl *ctl, int argc, char **argv);
int do_acl(struct hnvctl *ctl, int argc, char **argv);
int do_conn(struct hnvctl *ctl, int argc, char **argv);
int do_trace(struct hnvctl *ctl, int argc, char **argv);

/* map.c: is argv (after "map") a command whose request a batch pipelines? */
bool map_pipelined(int argc, char **argv);
/* route.c: the same for argv after "route" */
bool route_pipelined(int argc, char **argv);
/* acl.c: the same for argv after "acl" */
bool acl_pipelined(int argc, char **argv);

#endif
