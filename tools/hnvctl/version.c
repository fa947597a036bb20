// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl version: the versions of hnvctl and of the kernel's hnv family.
 */
#include <stdlib.h>

#include <linux/hnv.h>

#include "hnvctl.h"
#include "json.h"

static void version_usage(FILE *fp)
{
	fputs("Usage: hnvctl version\n"
	      "       hnvctl version help\n", fp);
}

static void print_json(struct hnvctl *ctl, bool connected)
{
	const struct family_info *fi = &ctl->hnv.family;
	struct json j;

	json_init(&j, stdout, ctl->pretty);
	json_object_begin(&j, NULL);
	json_string(&j, "hnvctl", HNVCTL_VERSION);
	json_u64(&j, "api_version", HNV_GENL_VERSION);
	if (connected) {
		json_object_begin(&j, "kernel");
		json_string(&j, "family", fi->name);
		json_u64(&j, "version", fi->version);
		json_u64(&j, "id", fi->id);
		json_object_end(&j);
	} else {
		json_null(&j, "kernel");
	}
	json_object_end(&j);
}

int do_version(struct hnvctl *ctl, int argc, char **argv)
{
	const struct family_info *fi = &ctl->hnv.family;
	struct show_args a;
	bool connected;

	if (show_args_parse(&a, 0, argc, argv, version_usage))
		return EXIT_FAILURE;
	if (a.help) {
		version_usage(stdout);
		return EXIT_SUCCESS;
	}
	if (!ctl->json) {
		version_line(stdout);
		fflush(stdout);
	}
	connected = !hnvctl_connect(ctl);
	if (ctl->json)
		print_json(ctl, connected);
	else if (connected)
		printf("kernel: genl family \"%s\" version %u, id %u\n",
		       fi->name, fi->version, fi->id);
	return connected ? EXIT_SUCCESS : EXIT_FAILURE;
}
