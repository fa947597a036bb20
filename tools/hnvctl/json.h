/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * A tiny streaming JSON writer.  Values inside an object take a key, values
 * inside an array or at the top level take NULL.  A document is written on
 * one line, or indented when pretty, and ends with a newline.
 */
#ifndef HNVCTL_JSON_H
#define HNVCTL_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct json {
	FILE *fp;
	bool pretty;
	unsigned int depth;
	bool first;		/* nothing written yet in the open container */
};

void json_init(struct json *j, FILE *fp, bool pretty);
void json_object_begin(struct json *j, const char *key);
void json_object_end(struct json *j);
void json_array_begin(struct json *j, const char *key);
void json_array_end(struct json *j);
void json_string(struct json *j, const char *key, const char *val);
void json_u64(struct json *j, const char *key, uint64_t val);
void json_bool(struct json *j, const char *key, bool val);
void json_null(struct json *j, const char *key);

#endif
