// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl: show the state of hnv switches.
 *
 *   hnvctl [ OPTIONS ] OBJECT { COMMAND | help } [ ARGS ]
 *
 * main() reads the global options and runs one command, or a batch of
 * them; the objects (switch.c, port.c, subnet.c, vnet.c, map.c, route.c,
 * acl.c, conn.c, trace.c, flow.c, stats.c, monitor.c, version.c) dispatch
 * their commands with
 * cmd_dispatch().  Objects, commands and keywords can be abbreviated to
 * any unambiguous prefix ("m" stays "map", as it was before "monitor").
 * Every command returns the exit status instead of exiting, so that a
 * batch can go on.
 *
 * A batch pipelines its "map add", "map replace" and "map del" lines,
 * those of "route", and the "acl add", "acl replace", "acl default" and
 * "acl del" lines (see batch()): their requests go through an nlpipe
 * (netlink.c) without waiting for each ACK, and a failure the kernel
 * reports later is printed with the line it belongs to.
 *
 * A new object takes: its model in model.h, its request builders and reply
 * parsers in msg.c, one function per request in ipc.c, its printer in
 * output.c, and a file OBJECT.c with do_OBJECT() and its commands, listed
 * in objects[] below and in the Makefile.
 */
#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <linux/hnv.h>

#include "hnvctl.h"
#include "parse.h"

/* Words of one batch line */
#define BATCH_ARGS_MAX 256

/* A batch running. */
struct batch {
	const char *file;
	bool force;
	struct nlpipe pipe;		/* ctl->hnv.pipe points here if set up */
	/* first pipelined (map, route, acl) line the kernel refused */
	unsigned long failed_line;
	unsigned long failures;		/* pipelined lines refused */
};

static void usage(FILE *fp)
{
	fputs("Usage: hnvctl [ OPTIONS ] OBJECT { COMMAND | help }\n"
	      "       hnvctl [ OPTIONS ] [ -force ] -batch FILE\n"
	      "where  OBJECT := { switch | port | subnet | vnet | map | "
	      "route | acl | conn |\n"
	      "                  trace | flow | stats | monitor | version | "
	      "help }\n"
	      "       OPTIONS := { -V[ersion] | -j[son] | -p[retty] | -h[elp] }\n"
	      "\n"
	      "  switch   hnv switches, their flow-table settings, provider\n"
	      "           addresses and counters (the default OBJECT)\n"
	      "  port     the ports of the switches, and their binding to a subnet\n"
	      "  subnet   the virtual subnets (VSIDs) of the switches\n"
	      "  vnet     the virtual networks: the subnets of a switch by "
	      "RDID\n"
	      "  map      the CA->PA mappings: which host each VM lives behind\n"
	      "  route    the static routes of the distributed routers: which "
	      "VM a prefix\n"
	      "           of a virtual network is reached through\n"
	      "  acl      the access control lists of the ports and subnets\n"
	      "  conn     the connections the stateful ACLs track\n"
	      "  trace    what a switch would do with a packet, and why\n"
	      "  flow     the flows cached in the switches' unified flow tables\n"
	      "  stats    the counters of a switch or port\n"
	      "  monitor  the events of the switches, as they come\n"
	      "  version  the versions of hnvctl and of the kernel's hnv family\n"
	      "\n"
	      "  -json    print JSON; -pretty indents it\n"
	      "  -batch   run the commands of FILE (\"-\": standard input), one a\n"
	      "           line; stop at the first that fails unless -force.\n"
	      "           Consecutive map and route add/replace/del lines are\n"
	      "           pipelined, and so are acl add/replace/default/del "
	      "lines.\n",
	      fp);
}

void version_line(FILE *fp)
{
	fprintf(fp, "hnvctl %s (hnv genl API version %d)\n", HNVCTL_VERSION,
		HNV_GENL_VERSION);
}

void hnvctl_perror(const struct nlerr *err)
{
	char buf[512];

	hnv_strerror(err, buf, sizeof(buf));
	fprintf(stderr, "Error: %s\n", buf);
}

/* The kernel refused the request of a pipelined line of the batch arg. */
static void batch_refused(void *arg, unsigned long line,
			  const struct nlerr *err)
{
	struct batch *b = arg;

	hnvctl_perror(err);
	fprintf(stderr, "Command failed %s:%lu\n", b->file, line);
	if (!b->failed_line)
		b->failed_line = line;
	b->failures++;
}

/*
 * Connects to the hnv family, once; in a batch, sets up the pipe of its
 * map, route and acl lines too.
 */
int hnvctl_connect(struct hnvctl *ctl)
{
	struct batch *b = ctl->batch;
	struct nlerr err;

	if (!ctl->hnv.sk && hnv_open(&ctl->hnv, &err))
		goto fail;
	if (!b || ctl->hnv.pipe)
		return 0;
	if (nlpipe_init(&b->pipe, ctl->hnv.sk, NLPIPE_WINDOW, &err))
		goto fail;
	b->pipe.fail = batch_refused;
	b->pipe.fail_arg = b;
	ctl->hnv.pipe = &b->pipe;
	return 0;
fail:
	hnvctl_perror(&err);
	return -1;
}

/* Runs the entry of cmds that argv[0] names; what: "object", "command". */
int cmd_dispatch(struct hnvctl *ctl, const char *what, const struct cmd *cmds,
		 size_t n, int argc, char **argv, void (*usage_fn)(FILE *fp))
{
	int i = keyword_match(argv[0], cmds, n, sizeof(*cmds));
	char list[256];

	if (i >= 0)
		return cmds[i].fn(ctl, argc - 1, argv + 1);
	if (i == KW_AMBIGUOUS) {
		keyword_candidates(argv[0], cmds, n, sizeof(*cmds), list,
				   sizeof(list));
		fprintf(stderr, "Error: %s \"%s\" is ambiguous: %s.\n", what,
			argv[0], list);
	} else {
		fprintf(stderr, "Error: %s \"%s\" is unknown.\n", what,
			argv[0]);
	}
	usage_fn(stderr);
	return EXIT_FAILURE;
}

static int invarg(const char *arg, const char *why, void (*usage_fn)(FILE *))
{
	fprintf(stderr, "Error: argument \"%s\" is wrong: %s\n", arg, why);
	usage_fn(stderr);
	return -1;
}

/* Says that the word arg is wrong and why, and shows the usage; -1. */
int arg_invalid(const char *arg, const char *why, void (*usage_fn)(FILE *))
{
	return invarg(arg, why, usage_fn);
}

/* Says that "keyword" must be given, and why if why; -1. */
int arg_required(const char *keyword, const char *why,
		 void (*usage_fn)(FILE *))
{
	fprintf(stderr, "Error: argument \"%s\" is required%s%s.\n", keyword,
		why ? " " : "", why ? why : "");
	usage_fn(stderr);
	return -1;
}

/* Takes word, the value of "switch", as the name of a switch. */
int switch_arg(const char *word, struct hnv_sel *sw, void (*usage_fn)(FILE *))
{
	const char *why = ifname_invalid(word);

	if (why)
		return invarg(word, why, usage_fn);
	*sw = (struct hnv_sel){ .ifname = word };
	return 0;
}

/*
 * Takes word as a VSID, HNV_VSID_MIN..HNV_VSID_MAX; with none, "none" is
 * allowed too and gives 0.
 */
int vsid_arg(const char *word, bool none, uint32_t *vsid,
	     void (*usage_fn)(FILE *))
{
	char why[64];

	if (none && !strcmp(word, "none")) {
		*vsid = 0;
		return 0;
	}
	if (!parse_u32(word, HNV_VSID_MIN, HNV_VSID_MAX, vsid))
		return 0;
	snprintf(why, sizeof(why), "VSID must be %u..%u%s", HNV_VSID_MIN,
		 HNV_VSID_MAX, none ? " or \"none\"" : "");
	return invarg(word, why, usage_fn);
}

/*
 * The optional selectors of a "show": a VSID (vsid_word) and a switch
 * (switch_word), either may be NULL.
 */
int show_sel_args(const char *vsid_word, const char *switch_word,
		  uint32_t *vsid, struct hnv_sel *sw, void (*usage_fn)(FILE *))
{
	return (vsid_word && vsid_arg(vsid_word, false, vsid, usage_fn)) ||
	       (switch_word && switch_arg(switch_word, sw, usage_fn));
}

/* Keywords of a command, and "help". */
#define KWARGS_MAX 16

/*
 * Parses "KEYWORD VALUE" pairs in any order, each keyword once (or up to
 * max times, with a list, whose places are noted if pos is set), flags
 * (keywords without a value) once each, and "help" (which sets *help and
 * stops).  A word that is no keyword is the
 * value of args[bare], if bare >= 0 (as "dev" may be left out).  The values
 * are only checked by the caller.  Prints the error and usage and returns
 * -1 if the arguments are wrong.
 */
int kwargs_parse(struct kwarg *args, size_t n, int bare, bool *help,
		 int argc, char **argv, void (*usage_fn)(FILE *))
{
	const char *names[KWARGS_MAX + 1];
	char list[128], dup[64];
	unsigned int place;
	size_t i;
	int k;

	assert(n <= KWARGS_MAX);
	for (i = 0; i < n; i++) {
		names[i] = args[i].name;
		args[i].value = NULL;
		args[i].n = 0;
	}
	names[i] = "help";
	*help = false;
	for (place = 0; argc > 0; argc--, argv++, place++) {
		k = keyword_match(*argv, names, n + 1, sizeof(*names));
		if (k == KW_AMBIGUOUS) {
			keyword_candidates(*argv, names, n + 1, sizeof(*names),
					   list, sizeof(list));
			fprintf(stderr,
				"Error: argument \"%s\" is ambiguous: %s.\n",
				*argv, list);
			usage_fn(stderr);
			return -1;
		}
		if (k == (int)n) {
			*help = true;
			return 0;
		}
		if (k == KW_NONE && bare < 0)
			return invarg(*argv, "unknown keyword", usage_fn);
		if (k == KW_NONE) {
			k = bare;
		} else if (!args[k].flag) {
			if (argc == 1)
				return invarg(*argv, "a value must follow it",
					      usage_fn);
			argc--;
			argv++;
		}
		if (args[k].list) {
			if (args[k].n == args[k].max)
				return invarg(*argv, args[k].too_many,
					      usage_fn);
			if (args[k].pos)
				args[k].pos[args[k].n] = place;
			args[k].list[args[k].n++] = *argv;
		} else if (args[k].value) {
			snprintf(dup, sizeof(dup), "%s was already given",
				 args[k].what);
			return invarg(*argv, dup, usage_fn);
		}
		args[k].value = *argv;
	}
	return 0;
}

/*
 * Parses [ dev NAME | ifindex INDEX | NAME ] [ switch NAME ] [ help ], the
 * parts allowed by SHOW_* flags.  Prints the error and usage and returns -1
 * if the arguments are wrong.
 */
int show_args_parse(struct show_args *a, unsigned int allowed, int argc,
		    char **argv, void (*usage_fn)(FILE *fp))
{
	static const struct {
		const char *name;
		unsigned int flag;
	} keywords[] = {
		{ "dev", SHOW_DEV },
		{ "ifindex", SHOW_IFINDEX },
		{ "switch", SHOW_SWITCH },
		{ "help", 0 },
	};
	const char *names[ARRAY_SIZE(keywords)], *dev_word = NULL, *why;
	unsigned int flags[ARRAY_SIZE(keywords)], flag;
	char list[128], dup[64];
	size_t i, n = 0;
	int k;

	for (i = 0; i < ARRAY_SIZE(keywords); i++) {
		if (keywords[i].flag && !(keywords[i].flag & allowed))
			continue;
		names[n] = keywords[i].name;
		flags[n++] = keywords[i].flag;
	}
	memset(a, 0, sizeof(*a));
	for (; argc > 0; argc--, argv++) {
		k = keyword_match(*argv, names, n, sizeof(*names));
		if (k == KW_AMBIGUOUS) {
			keyword_candidates(*argv, names, n, sizeof(*names),
					   list, sizeof(list));
			fprintf(stderr,
				"Error: argument \"%s\" is ambiguous: %s.\n",
				*argv, list);
			usage_fn(stderr);
			return -1;
		}
		if (k == KW_NONE && !(allowed & SHOW_DEV))
			return invarg(*argv, "unknown keyword", usage_fn);
		flag = k == KW_NONE ? SHOW_DEV : flags[k];
		if (!flag) {
			a->help = true;
			return 0;
		}
		if (k != KW_NONE) {
			if (argc == 1)
				return invarg(*argv, "a value must follow it",
					      usage_fn);
			argc--;
			argv++;
		}
		if (flag != SHOW_SWITCH && dev_word) {
			snprintf(dup, sizeof(dup),
				 "a device was already given (\"%s\")",
				 dev_word);
			return invarg(*argv, dup, usage_fn);
		}
		switch (flag) {
		case SHOW_DEV:
			why = ifname_invalid(*argv);
			if (why)
				return invarg(*argv, why, usage_fn);
			a->dev.ifname = dev_word = *argv;
			break;
		case SHOW_IFINDEX:
			if (parse_u32(*argv, 1, INT32_MAX, &a->dev.ifindex))
				return invarg(*argv,
					      "ifindex must be a number from 1 to 2147483647",
					      usage_fn);
			dev_word = *argv;
			break;
		case SHOW_SWITCH:
			if (a->sw.ifname)
				return invarg(*argv,
					      "a switch was already given",
					      usage_fn);
			why = ifname_invalid(*argv);
			if (why)
				return invarg(*argv, why, usage_fn);
			a->sw.ifname = *argv;
			break;
		}
	}
	return 0;
}

static int do_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	usage(stdout);
	return EXIT_SUCCESS;
}

static const struct cmd objects[] = {
	{ "switch", do_switch },
	{ "port", do_port },
	{ "subnet", do_subnet },
	{ "vnet", do_vnet },
	{ "map", do_map },
	{ "route", do_route },
	{ "acl", do_acl },
	{ "conn", do_conn },
	{ "trace", do_trace },
	{ "flow", do_flow },
	{ "stats", do_stats },
	{ "monitor", do_monitor },
	{ "version", do_version },
	{ "help", do_help },
	/* "m" was map before monitor came: it stays map */
	{ "m", do_map },
};

static int run(struct hnvctl *ctl, int argc, char **argv)
{
	int ret = cmd_dispatch(ctl, "object", objects, ARRAY_SIZE(objects),
			       argc, argv, usage);

	fflush(stdout);
	return ret;
}

/*
 * Is argv a line whose request a batch pipelines ("map add ...", "route
 * del ...", "acl add ...")?
 */
static bool pipelined(int argc, char **argv)
{
	int i = argc > 0 ? KEYWORD_MATCH(argv[0], objects) : KW_NONE;

	if (i < 0)
		return false;
	if (objects[i].fn == do_map)
		return map_pipelined(argc - 1, argv + 1);
	if (objects[i].fn == do_acl)
		return acl_pipelined(argc - 1, argv + 1);
	return objects[i].fn == do_route &&
	       route_pipelined(argc - 1, argv + 1);
}

/*
 * Must the batch stop: has the kernel refused a pipelined line, without
 * -force?
 */
static bool batch_stops(const struct batch *b)
{
	return b->failed_line && !b->force;
}

/* Waits for the answers to the pipelined lines sent (if any). */
static void batch_sync(struct hnvctl *ctl)
{
	if (ctl->hnv.pipe)
		nlpipe_sync(ctl->hnv.pipe);
}

/*
 * The end of a batch: the answers to its last pipelined lines.  If it
 * stops for one the kernel refused, those not sent yet never are; those
 * sent with it or after it, before its answer came, were carried out.
 */
static void batch_end(struct hnvctl *ctl, struct batch *b)
{
	if (!ctl->hnv.pipe)
		return;
	if (batch_stops(b))
		nlpipe_discard(&b->pipe);
	nlpipe_sync(&b->pipe);
	if (batch_stops(b) && b->pipe.last_sent_tag > b->failed_line)
		fprintf(stderr,
			"Note: the map, route and acl commands up to %s:%lu had been sent before the failure of %s:%lu was known; they were carried out.\n",
			b->file, b->pipe.last_sent_tag, b->file,
			b->failed_line);
	nlpipe_free(&b->pipe);
	ctl->hnv.pipe = NULL;
}

/*
 * Runs the commands of file name, one a line, like "ip -batch".  The
 * requests of consecutive map and route add/replace/del lines, and acl
 * add/replace/default/del lines, are pipelined: each such line only
 * queues its request (a MAP_NEW, ROUTE_NEW or ACL_NEW, with the attribute
 * HNV_A_REPLACE for a replace, or a MAP_DEL, ROUTE_DEL or ACL_DEL, built
 * as outside a batch) in ctl->hnv.pipe, tagged with the line number, and the kernel's refusal of one is reported with its
 * line as it comes (batch_refused()).  Any other line first waits for the
 * answers to those before it, and so does a pipelined line that fails
 * before its request is queued, so that the failures are reported in the
 * order of the lines.
 */
static int batch(struct hnvctl *ctl, const char *name, bool force)
{
	FILE *fp = strcmp(name, "-") ? fopen(name, "r") : stdin;
	struct batch b = { .file = name, .force = force };
	char *argv[BATCH_ARGS_MAX], *line = NULL;
	unsigned long lineno = 0;
	int ret = EXIT_SUCCESS;
	size_t cap = 0;
	bool piped;
	int argc;

	if (!fp) {
		fprintf(stderr, "Error: cannot open \"%s\": %s\n", name,
			strerror(errno));
		return EXIT_FAILURE;
	}
	ctl->batch = &b;
	while (getline(&line, &cap, fp) != -1) {
		lineno++;
		argc = split_args(line, argv, ARRAY_SIZE(argv));
		if (!argc)
			continue;
		piped = pipelined(argc, argv);
		if (!piped)
			batch_sync(ctl);
		if (batch_stops(&b))
			break;
		ctl->hnv.tag = lineno;
		if (argc < 0)
			fprintf(stderr, "Error: more than %d words\n",
				BATCH_ARGS_MAX);
		if (argc > 0 && run(ctl, argc, argv) == EXIT_SUCCESS) {
			if (batch_stops(&b))
				break;
			continue;
		}
		if (piped)
			batch_sync(ctl);
		fprintf(stderr, "Command failed %s:%lu\n", name, lineno);
		ret = EXIT_FAILURE;
		if (!force)
			break;
	}
	batch_end(ctl, &b);
	ctl->batch = NULL;
	if (b.failures)
		ret = EXIT_FAILURE;
	if (ferror(fp)) {
		fprintf(stderr, "Error: cannot read \"%s\": %s\n", name,
			strerror(errno));
		ret = EXIT_FAILURE;
	}
	free(line);
	if (fp != stdin)
		fclose(fp);
	return ret;
}

enum { OPT_JSON, OPT_PRETTY, OPT_BATCH, OPT_FORCE, OPT_VERSION, OPT_HELP };

static const char *const options[] = {
	[OPT_JSON]	= "-json",
	[OPT_PRETTY]	= "-pretty",
	[OPT_BATCH]	= "-batch",
	[OPT_FORCE]	= "-force",
	[OPT_VERSION]	= "-Version",
	[OPT_HELP]	= "-help",
};

int main(int argc, char **argv)
{
	struct hnvctl ctl = { 0 };
	const char *batch_file = NULL;
	bool force = false;
	char list[128];
	int ret;

	for (argc--, argv++; argc > 0 && argv[0][0] == '-'; argc--, argv++) {
		const char *opt = argv[0];

		if (!strcmp(opt, "--")) {
			argc--;
			argv++;
			break;
		}
		if (opt[1] == '-')
			opt++;		/* --json is -json */
		switch (KEYWORD_MATCH(opt, options)) {
		case OPT_JSON:
			ctl.json = true;
			break;
		case OPT_PRETTY:
			ctl.json = ctl.pretty = true;
			break;
		case OPT_BATCH:
			if (argc < 2) {
				fprintf(stderr,
					"Error: option \"%s\" needs a FILE.\n",
					argv[0]);
				return EXIT_FAILURE;
			}
			batch_file = *++argv;
			argc--;
			break;
		case OPT_FORCE:
			force = true;
			break;
		case OPT_VERSION:
			version_line(stdout);
			return EXIT_SUCCESS;
		case OPT_HELP:
			usage(stdout);
			return EXIT_SUCCESS;
		case KW_AMBIGUOUS:
			KEYWORD_CANDIDATES(opt, options, list, sizeof(list));
			fprintf(stderr,
				"Error: option \"%s\" is ambiguous: %s.\n",
				argv[0], list);
			usage(stderr);
			return EXIT_FAILURE;
		default:
			fprintf(stderr, "Error: option \"%s\" is unknown.\n",
				argv[0]);
			usage(stderr);
			return EXIT_FAILURE;
		}
	}

	if (batch_file && argc) {
		fprintf(stderr,
			"Error: argument \"%s\" is wrong: -batch takes its commands from FILE\n",
			argv[0]);
		ret = EXIT_FAILURE;
	} else if (batch_file) {
		ret = batch(&ctl, batch_file, force);
	} else if (!argc) {
		ret = do_switch(&ctl, 0, NULL);
	} else {
		ret = run(&ctl, argc, argv);
	}
	hnv_close(&ctl.hnv);
	return ret;
}
