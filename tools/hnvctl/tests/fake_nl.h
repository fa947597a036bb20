/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * A fake kernel behind an nlpipe (struct nlpipe_io): it takes datagrams of
 * requests, hands each to the test, and answers each with an ACK or an
 * error with an extended ack, as netlink_rcv_skb() and netlink_ack() do:
 * one datagram per answer, capped, NLM_F_ACK_TLVS, the offset of the
 * attribute blamed.
 */
#ifndef HNVCTL_FAKE_NL_H
#define HNVCTL_FAKE_NL_H

#include <stdbool.h>
#include <stddef.h>

#include "netlink.h"

struct fake_ack {
	unsigned char buf[256];
	int len;
};

struct fake_nl {
	/*
	 * Called for each request; returns 0 to accept it, or a positive
	 * errno to refuse it, with the extack message *msg and the type of
	 * the top-level attribute to blame *attr (-1: none).
	 */
	int (*judge)(void *arg, const struct nlmsghdr *req, const char **msg,
		     int *attr);
	void *arg;
	/* answers only when the pipe waits, as a kernel answering late */
	bool lazy;
	/* fails the next send with -send_error */
	int send_error;
	/* loses the answers of requests lost_from .. lost_to (counted from 1),
	 * and says ENOBUFS once, at the next receive */
	unsigned long lost_from, lost_to;
	bool overrun;
	/* what it saw */
	unsigned long requests, datagrams, answers, max_unanswered;
	/* answers waiting to be received */
	struct fake_ack *q;
	size_t head, tail, cap;
};

extern const struct nlpipe_io fake_nl_io;

void fake_nl_free(struct fake_nl *k);
unsigned long fake_nl_unanswered(const struct fake_nl *k);

#endif
