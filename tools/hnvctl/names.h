/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Readable names for the numbers of the hnv API.
 */
#ifndef HNVCTL_NAMES_H
#define HNVCTL_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* "reason-4294967295" */
#define DROP_REASON_NAMSIZ 18

bool drop_reason_known(unsigned int reason);
const char *drop_reason_name(unsigned int reason, char *buf, size_t len);
const char *hnv_attr_name(int type);

#endif
