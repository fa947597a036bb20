// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of names.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <linux/hnv.h>

#include "names.h"
#include "test.h"
#include "util.h"

/* A drop reason's name is a JSON key: lower case, digits and '-'. */
static bool key_safe(const char *s)
{
	for (; *s; s++)
		if (!islower((unsigned char)*s) &&
		    !isdigit((unsigned char)*s) && *s != '-')
			return false;
	return true;
}

void names_tests(void)
{
	char buf[DROP_REASON_NAMSIZ], other[DROP_REASON_NAMSIZ];
	unsigned int r, s;
	bool ok = true;

	check_str(drop_reason_name(HNV_DROP_PORT_UNBOUND, buf, sizeof(buf)),
		  "port-unbound", "drop reason HNV_DROP_PORT_UNBOUND");
	check_str(drop_reason_name(HNV_DROP_SWITCH_XMIT, buf, sizeof(buf)),
		  "switch-xmit", "drop reason HNV_DROP_SWITCH_XMIT");
	check_str(drop_reason_name(HNV_DROP_UNSPEC, buf, sizeof(buf)),
		  "reason-0", "drop reason HNV_DROP_UNSPEC is unnamed");
	snprintf(other, sizeof(other), "reason-%u",
		 (unsigned int)__HNV_DROP_MAX);
	check_str(drop_reason_name(__HNV_DROP_MAX, buf, sizeof(buf)), other,
		  "drop reason past HNV_DROP_MAX is reason-N");
	check_str(drop_reason_name(4294967295u, buf, sizeof(buf)),
		  "reason-4294967295", "the longest reason-N fits the buffer");
	check(!drop_reason_known(HNV_DROP_UNSPEC) &&
	      !drop_reason_known(__HNV_DROP_MAX) &&
	      !drop_reason_known(4294967295u),
	      "drop_reason_known: not UNSPEC nor past HNV_DROP_MAX");

	for (r = 1; r <= HNV_DROP_MAX; r++) {
		const char *name = drop_reason_name(r, buf, sizeof(buf));

		if (!drop_reason_known(r) || !key_safe(name) ||
		    !strncmp(name, "reason-", 7))
			ok = false;
		for (s = 1; s < r; s++)
			if (!strcmp(name, drop_reason_name(s, other,
							   sizeof(other))))
				ok = false;
	}
	check(ok, "every drop reason has a distinct JSON-safe name");

	check_str(hnv_attr_name(HNV_A_SWITCH_IFNAME), "HNV_A_SWITCH_IFNAME",
		  "hnv_attr_name HNV_A_SWITCH_IFNAME");
	check_str(hnv_attr_name(HNV_A_PORT_STATS), "HNV_A_PORT_STATS",
		  "hnv_attr_name HNV_A_PORT_STATS");
	check(!hnv_attr_name(HNV_A_UNSPEC) && !hnv_attr_name(-1) &&
	      !hnv_attr_name(__HNV_A_MAX),
	      "hnv_attr_name: NULL for UNSPEC, negative and unknown types");
	for (r = 1, ok = true; r <= HNV_A_MAX; r++)
		if (!hnv_attr_name(r))
			ok = false;
	check(ok, "every hnv attribute has a name");
}
