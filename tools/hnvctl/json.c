// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * A tiny streaming JSON writer (RFC 8259).  Strings are escaped; bytes that
 * are not valid UTF-8 are written as U+FFFD so the output always parses.
 */
#include <inttypes.h>

#include "json.h"

#define JSON_INDENT 4

void json_init(struct json *j, FILE *fp, bool pretty)
{
	j->fp = fp;
	j->pretty = pretty;
	j->depth = 0;
	j->first = true;
}

static void newline(struct json *j)
{
	if (j->pretty)
		fprintf(j->fp, "\n%*s", j->depth * JSON_INDENT, "");
}

/* Length of the valid UTF-8 sequence at s, 0 if there is none. */
static int utf8_len(const unsigned char *s)
{
	unsigned char lo = 0x80, hi = 0xbf;
	int n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	/* no overlong forms, no surrogates, nothing above U+10FFFF */
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

static void write_string(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	int n;

	fputc('"', fp);
	while (*s) {
		switch (*s) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\b':
			fputs("\\b", fp);
			break;
		case '\f':
			fputs("\\f", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (*s < 0x20) {
				fprintf(fp, "\\u%04x", *s);
				break;
			}
			n = utf8_len(s);
			if (!n) {
				fputs("\\ufffd", fp);
				break;
			}
			fwrite(s, 1, n, fp);
			s += n;
			continue;
		}
		s++;
	}
	fputc('"', fp);
}

/* Starts a value: separator, indentation and key. */
static void begin_value(struct json *j, const char *key)
{
	if (!j->first)
		fputc(',', j->fp);
	if (j->depth)
		newline(j);
	j->first = false;
	if (key) {
		write_string(j->fp, key);
		fputs(j->pretty ? ": " : ":", j->fp);
	}
}

/* A value at the top level is a whole document. */
static void end_document(struct json *j)
{
	if (!j->depth) {
		fputc('\n', j->fp);
		j->first = true;
	}
}

static void container_begin(struct json *j, const char *key, char open)
{
	begin_value(j, key);
	fputc(open, j->fp);
	j->depth++;
	j->first = true;
}

static void container_end(struct json *j, char close)
{
	j->depth--;
	if (!j->first)
		newline(j);
	fputc(close, j->fp);
	j->first = false;
	end_document(j);
}

void json_object_begin(struct json *j, const char *key)
{
	container_begin(j, key, '{');
}

void json_object_end(struct json *j)
{
	container_end(j, '}');
}

void json_array_begin(struct json *j, const char *key)
{
	container_begin(j, key, '[');
}

void json_array_end(struct json *j)
{
	container_end(j, ']');
}

void json_string(struct json *j, const char *key, const char *val)
{
	begin_value(j, key);
	write_string(j->fp, val);
	end_document(j);
}

void json_u64(struct json *j, const char *key, uint64_t val)
{
	begin_value(j, key);
	fprintf(j->fp, "%" PRIu64, val);
	end_document(j);
}

void json_bool(struct json *j, const char *key, bool val)
{
	begin_value(j, key);
	fputs(val ? "true" : "false", j->fp);
	end_document(j);
}

void json_null(struct json *j, const char *key)
{
	begin_value(j, key);
	fputs("null", j->fp);
	end_document(j);
}
