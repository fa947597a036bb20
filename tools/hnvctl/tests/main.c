// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * The unit tests of hnvctl: tests/unit_test PATH_TO_HNVCTL.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "test.h"

static unsigned int tests, failed, skipped;

static bool result(bool ok, const char *directive, const char *fmt,
		   va_list ap)
{
	printf("%sok %u ", ok ? "" : "not ", ++tests);
	vprintf(fmt, ap);
	printf("%s\n", directive);
	if (!ok)
		failed++;
	return ok;
}

bool check(bool ok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	result(ok, "", fmt, ap);
	va_end(ap);
	return ok;
}

void skip(const char *why, const char *fmt, ...)
{
	char directive[256];
	va_list ap;

	snprintf(directive, sizeof(directive), " # SKIP %s", why);
	va_start(ap, fmt);
	result(true, directive, fmt, ap);
	va_end(ap);
	skipped++;
}

void diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* Shows a multi-line string as "# " lines. */
static void diag_text(const char *what, const char *s)
{
	const char *nl;

	diag("%s:", what);
	if (!s) {
		diag("  (null)");
		return;
	}
	for (; *s; s = nl + 1) {
		nl = strchr(s, '\n');
		if (!nl) {
			diag("  |%s   (no newline at the end)", s);
			return;
		}
		diag("  |%.*s", (int)(nl - s), s);
	}
}

/* Line n (from 0) of s, without its newline; "" if s has fewer. */
const char *line_of(const char *s, int n)
{
	static char buf[1024];
	size_t len;

	for (; s && *s && n > 0; n--) {
		s = strchr(s, '\n');
		s = s ? s + 1 : NULL;
	}
	if (!s)
		return "";
	len = strcspn(s, "\n");
	snprintf(buf, sizeof(buf), "%.*s", (int)len, s);
	return buf;
}

bool check_str(const char *got, const char *want, const char *fmt, ...)
{
	bool ok = got && !strcmp(got, want);
	va_list ap;

	va_start(ap, fmt);
	result(ok, "", fmt, ap);
	va_end(ap);
	if (!ok) {
		diag_text("got", got);
		diag_text("want", want);
	}
	return ok;
}

bool check_int(long long got, long long want, const char *fmt, ...)
{
	bool ok = got == want;
	va_list ap;

	va_start(ap, fmt);
	result(ok, "", fmt, ap);
	va_end(ap);
	if (!ok)
		diag("got %lld, want %lld", got, want);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s PATH_TO_HNVCTL\n", argv[0]);
		return 2;
	}
	printf("TAP version 13\n");
	parse_tests();
	json_tests();
	names_tests();
	msg_tests();
	vnet_tests();
	map_tests();
	neigh_tests();
	route_tests();
	acl_tests();
	trace_tests();
	ipc_tests();
	netlink_tests();
	pipe_tests();
	pipelined_batch_tests();
	cli_tests(argv[1]);
	diag("hnvctl: %u passed, %u failed, %u skipped",
	     tests - failed - skipped,
	     failed, skipped);
	printf("1..%u\n", tests);
	return failed ? 1 : 0;
}
