/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * A minimal KTAP-style test harness: every check prints "ok N description"
 * or "not ok N description" (with the difference as "# " lines); main.c
 * prints the plan "1..N" last.
 */
#ifndef HNVCTL_TEST_H
#define HNVCTL_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct nl_msg;
struct nlreq;
struct out;

/* Output written to memory. */
struct capture {
	char *buf;
	size_t len;
	FILE *fp;
};

bool check(bool ok, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
bool check_str(const char *got, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
bool check_int(long long got, long long want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void skip(const char *why, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *line_of(const char *s, int n);

/* nlmsg.c: messages as the kernel would send them, and reading them. */
struct nlattr;
struct nl_msg *message(uint8_t cmd);
struct nlattr *nest_start(struct nl_msg *msg, int type);

/* An attribute as the kernel may put it, any size: len bytes of data. */
struct raw {
	int type;			/* 0 ends a list */
	int len;
	const void *data;
};

void put_raw(struct nl_msg *msg, int type, const struct raw *list);
int attrs_of(struct nl_msg *msg, struct nlattr **tb);
bool is_u32(const struct nlattr *a, uint32_t val);
bool is_u8(const struct nlattr *a, uint8_t val);
bool is_bytes(const struct nlattr *a, const void *val, int len);

/* An attribute a test wants: see attrs_are(). */
struct attr_want {
	int type;			/* 0 ends a list */
	int len;			/* of the payload; -1: a nest */
	const void *data;		/* len bytes; NULL: any */
	const struct attr_want *sub;	/* a nest's attributes */
};

#define WANT_END { 0, 0, NULL, NULL }
#define WANT_U8(type, v) { type, 1, &(const uint8_t){ v }, NULL }
#define WANT_U16(type, v) { type, 2, &(const uint16_t){ v }, NULL }
#define WANT_U32(type, v) { type, 4, &(const uint32_t){ v }, NULL }
#define WANT_BE16(type, v) \
	{ type, 2, (const uint8_t[]){ (v) >> 8, (v) & 0xff }, NULL }
#define WANT_FLAG(type) { type, 0, NULL, NULL }
#define WANT_STR(type, s) { type, sizeof(s), s, NULL }
#define WANT_BYTES(type, len, p) { type, len, p, NULL }
#define WANT_NEST(type, sub) { type, -1, NULL, sub }

bool attrs_are(const struct nlattr *a, int len, const struct attr_want *want);
bool msg_attrs_are(struct nl_msg *msg, const struct attr_want *want);

/* msg_test.c: out_begin() and out_end() into a capture. */
struct out *out_open(struct out *o, struct capture *c, bool json,
		     bool pretty);
char *out_close(struct out *o, struct capture *c);

/* ipc_test.c: a fake kernel answering nlreq_run(), for batch_test.c. */
void ipc_fake_begin(struct nl_msg *const *(*answer)(const struct nlreq *r));
unsigned int ipc_fake_end(void);
void ipc_fake_refuse(int code, const char *msg, int attr);

void pipelined_batch_tests(void);
void cli_tests(const char *hnvctl);
void map_tests(void);
void pipe_tests(void);
void ipc_tests(void);
void json_tests(void);
void msg_tests(void);
void names_tests(void);
void neigh_tests(void);
void netlink_tests(void);
void parse_tests(void);
void route_tests(void);
void acl_tests(void);
void trace_tests(void);
void vnet_tests(void);

#endif
