// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Tests of json.c: layout, escaping, UTF-8 checking.
 */
#include <stdio.h>
#include <stdlib.h>

#include "json.h"
#include "test.h"
#include "util.h"

static FILE *capture_begin(struct capture *c)
{
	c->fp = open_memstream(&c->buf, &c->len);
	return c->fp;
}

static char *capture_end(struct capture *c)
{
	fclose(c->fp);
	return c->buf;
}

/* The document of one string value. */
static void check_escape(const char *in, const char *want, const char *what)
{
	struct capture c;
	struct json j;

	json_init(&j, capture_begin(&c), false);
	json_string(&j, NULL, in);
	check_str(capture_end(&c), want, "json escapes %s", what);
	free(c.buf);
}

static void escape_tests(void)
{
	static const struct {
		const char *in, *want, *what;
	} cases[] = {
		{ "hnv0", "\"hnv0\"\n", "nothing in plain ASCII" },
		{ "", "\"\"\n", "nothing in an empty string" },
		{ "a\"b", "\"a\\\"b\"\n", "a quote" },
		{ "a\\b", "\"a\\\\b\"\n", "a backslash" },
		{ "/", "\"/\"\n", "no slash" },
		{ "\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"\n", "the short escapes" },
		{ "\x01\x1f", "\"\\u0001\\u001f\"\n", "other control characters" },
		{ "\x7f", "\"\x7f\"\n", "no DEL" },
		{ "\xc3\xa9", "\"\xc3\xa9\"\n", "no 2-byte UTF-8" },
		{ "\xe2\x82\xac", "\"\xe2\x82\xac\"\n", "no 3-byte UTF-8" },
		{ "\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"\n",
		  "no 4-byte UTF-8" },
		{ "a\xff" "b", "\"a\\ufffdb\"\n", "an invalid byte as U+FFFD" },
		{ "\xc0\xaf", "\"\\ufffd\\ufffd\"\n", "an overlong form" },
		{ "\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\"\n",
		  "an overlong 3-byte form" },
		{ "\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"\n", "a surrogate" },
		{ "\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"\n",
		  "a code point above U+10FFFF" },
		{ "\xe2\x82", "\"\\ufffd\\ufffd\"\n", "a truncated sequence" },
		{ "\x80", "\"\\ufffd\"\n", "a lone continuation byte" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		check_escape(cases[i].in, cases[i].want, cases[i].what);
}

static void write_sample(struct json *j)
{
	json_array_begin(j, NULL);
	json_object_begin(j, NULL);
	json_string(j, "ifname", "hnv0");
	json_u64(j, "n", 18446744073709551615ULL);
	json_null(j, "none");
	json_bool(j, "yes", true);
	json_bool(j, "no", false);
	json_array_begin(j, "empty");
	json_array_end(j);
	json_object_begin(j, "o");
	json_u64(j, "k\"ey", 0);
	json_object_end(j);
	json_object_end(j);
	json_object_begin(j, NULL);
	json_object_end(j);
	json_array_end(j);
}

static void layout_tests(void)
{
	struct capture c;
	struct json j;

	json_init(&j, capture_begin(&c), false);
	json_array_begin(&j, NULL);
	json_array_end(&j);
	check_str(capture_end(&c), "[]\n", "json: an empty array");
	free(c.buf);

	json_init(&j, capture_begin(&c), true);
	json_array_begin(&j, NULL);
	json_array_end(&j);
	check_str(capture_end(&c), "[]\n", "json: an empty array, pretty");
	free(c.buf);

	json_init(&j, capture_begin(&c), false);
	write_sample(&j);
	check_str(capture_end(&c),
		  "[{\"ifname\":\"hnv0\",\"n\":18446744073709551615,"
		  "\"none\":null,\"yes\":true,\"no\":false,\"empty\":[],"
		  "\"o\":{\"k\\\"ey\":0}},{}]\n",
		  "json: nested values on one line");
	free(c.buf);

	json_init(&j, capture_begin(&c), true);
	write_sample(&j);
	check_str(capture_end(&c),
		  "[\n"
		  "    {\n"
		  "        \"ifname\": \"hnv0\",\n"
		  "        \"n\": 18446744073709551615,\n"
		  "        \"none\": null,\n"
		  "        \"yes\": true,\n"
		  "        \"no\": false,\n"
		  "        \"empty\": [],\n"
		  "        \"o\": {\n"
		  "            \"k\\\"ey\": 0\n"
		  "        }\n"
		  "    },\n"
		  "    {}\n"
		  "]\n",
		  "json: nested values, pretty");
	free(c.buf);

	json_init(&j, capture_begin(&c), false);
	json_array_begin(&j, NULL);
	json_array_end(&j);
	json_object_begin(&j, NULL);
	json_object_end(&j);
	check_str(capture_end(&c), "[]\n{}\n",
		  "json: documents in a row are separate lines");
	free(c.buf);
}

void json_tests(void)
{
	escape_tests();
	layout_tests();
}
