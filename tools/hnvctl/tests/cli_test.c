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
		const char *args[4];
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
		{ { "port", "help" }, "Usage: hnvctl port show" },
		{ { "port", "show", "dev", "x" }, NULL },
		{ { "stats", "help" }, "Usage: hnvctl stats show" },
		{ { "st", "list", "help" }, "Usage: hnvctl stats show" },
		{ { "version", "help" }, "Usage: hnvctl version" },
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
	r = RUN("", "-V");
	check_str(r->out, "hnvctl 0.1.0 (hnv genl API version 1)\n",
		  "hnvctl -V");
	r = RUN("", "-Version");
	check(r->status == 0 && starts(r->out, "hnvctl 0.1.0"),
	      "hnvctl -Version");
}

static void error_tests(void)
{
	static const struct {
		const char *args[7];
		const char *error;	/* first line on stderr */
		const char *usage;	/* follows on stderr, or NULL */
	} cases[] = {
		{ { "frob" }, "Error: object \"frob\" is unknown.",
		  "Usage: hnvctl [ OPTIONS ]" },
		{ { "s" }, "Error: object \"s\" is ambiguous: switch, stats.",
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
	batch_tests();
	kernel_tests();
}
