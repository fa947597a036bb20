/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Command-line parsing helpers.  None of them prints anything: they return
 * an error code or message and the caller reports it.
 */
#ifndef HNVCTL_PARSE_H
#define HNVCTL_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define KW_NONE		(-1)	/* the word names no keyword */
#define KW_AMBIGUOUS	(-2)	/* the word is a prefix of several keywords */

/*
 * Keyword tables are arrays of n entries of stride bytes each, every entry
 * starting with a "const char *" name: a plain array of strings or an array
 * of structures whose first member is the name.
 */
int keyword_match(const char *word, const void *table, size_t n,
		  size_t stride);
void keyword_candidates(const char *word, const void *table, size_t n,
			size_t stride, char *buf, size_t len);

#define KEYWORD_MATCH(word, table) \
	keyword_match(word, table, ARRAY_SIZE(table), sizeof((table)[0]))
#define KEYWORD_CANDIDATES(word, table, buf, len) \
	keyword_candidates(word, table, ARRAY_SIZE(table), \
			   sizeof((table)[0]), buf, len)

const char *ifname_invalid(const char *name);
int parse_u32(const char *s, uint32_t min, uint32_t max, uint32_t *val);
const char *parse_mac(const char *s, uint8_t mac[6]);
const char *parse_pa(const char *s, uint8_t addr[4]);
const char *parse_ca(const char *s, uint8_t addr[16], uint8_t *len);
const char *parse_prefix(const char *s, uint8_t addr[16], uint8_t *alen,
			 uint8_t *plen);
int split_args(char *line, char **argv, int max);

#endif
