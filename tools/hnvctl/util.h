/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Small helpers shared by every file of hnvctl.
 */
#ifndef HNVCTL_UTIL_H
#define HNVCTL_UTIL_H

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A macro's value as a string literal: STRINGIFY(HNV_VSID_MIN) is "4096". */
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

#endif
