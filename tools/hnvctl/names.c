// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Readable names for the numbers of the hnv API.
 */
#include <assert.h>
#include <stdio.h>

#include <linux/hnv.h>

#include "names.h"
#include "util.h"

/* These names are JSON keys: never rename one. */
static const char *const drop_reasons[] = {
	[HNV_DROP_PORT_UNBOUND]	= "port-unbound",
	[HNV_DROP_SWITCH_XMIT]	= "switch-xmit",
};

static_assert(ARRAY_SIZE(drop_reasons) == __HNV_DROP_MAX,
	      "a new enum hnv_drop_reason needs its name in drop_reasons[]");

static const char *const attrs[] = {
	[HNV_A_SWITCH_IFINDEX]	= "HNV_A_SWITCH_IFINDEX",
	[HNV_A_SWITCH_IFNAME]	= "HNV_A_SWITCH_IFNAME",
	[HNV_A_SWITCH_NPORTS]	= "HNV_A_SWITCH_NPORTS",
	[HNV_A_SWITCH_STATS]	= "HNV_A_SWITCH_STATS",
	[HNV_A_PORT_IFINDEX]	= "HNV_A_PORT_IFINDEX",
	[HNV_A_PORT_IFNAME]	= "HNV_A_PORT_IFNAME",
	[HNV_A_PORT_STATS]	= "HNV_A_PORT_STATS",
};

bool drop_reason_known(unsigned int reason)
{
	return reason < ARRAY_SIZE(drop_reasons) && drop_reasons[reason];
}

/* The name of a drop reason; "reason-N" (written to buf) if unknown. */
const char *drop_reason_name(unsigned int reason, char *buf, size_t len)
{
	if (drop_reason_known(reason))
		return drop_reasons[reason];
	snprintf(buf, len, "reason-%u", reason);
	return buf;
}

/* The name of a top-level hnv attribute, NULL if unknown. */
const char *hnv_attr_name(int type)
{
	if (type < 0 || (size_t)type >= ARRAY_SIZE(attrs))
		return NULL;
	return attrs[type];
}
