// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * A fake kernel behind an nlpipe: see fake_nl.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "fake_nl.h"

/* Room for one more answer at the tail of the queue. */
static struct fake_ack *push(struct fake_nl *k)
{
	if (k->head && k->head == k->tail)
		k->head = k->tail = 0;
	if (k->tail == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		k->q = realloc(k->q, k->cap * sizeof(*k->q));
		if (!k->q)
			abort();
	}
	return &k->q[k->tail++];
}

/* The offset of the first top-level attribute of type in req, 0 if none. */
static unsigned int attr_offset(const struct nlmsghdr *req, int type)
{
	unsigned int off = NLMSG_HDRLEN + GENL_HDRLEN;
	const struct nlattr *a;

	while (off + NLA_HDRLEN <= req->nlmsg_len) {
		a = (const void *)((const char *)req + off);
		if (a->nla_len < NLA_HDRLEN)
			return 0;
		if ((a->nla_type & NLA_TYPE_MASK) == type)
			return off;
		off += NLA_ALIGN(a->nla_len);
	}
	return 0;
}

static int put_tlv(unsigned char *p, int type, const void *data, int len)
{
	struct nlattr *a = (struct nlattr *)p;

	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	memcpy(p + NLA_HDRLEN, data, len);
	memset(p + NLA_HDRLEN + len, 0, NLA_ALIGN(len) - len);
	return NLA_ALIGN(a->nla_len);
}

/* As netlink_rcv_skb() and netlink_ack(), with NETLINK_CAP_ACK. */
static void answer(struct fake_nl *k, const struct nlmsghdr *req)
{
	const char *msg = NULL;
	struct nlmsgerr *e;
	struct nlmsghdr *nlh;
	struct fake_ack *a;
	unsigned int off;
	int error = 0, attr = -1, len;

	k->requests++;
	if (k->judge)
		error = k->judge(k->arg, req, &msg, &attr);
	if (k->lost_from && k->requests >= k->lost_from &&
	    k->requests <= k->lost_to) {
		k->overrun = true;
		return;
	}
	if (!error && !(req->nlmsg_flags & NLM_F_ACK))
		return;
	a = push(k);
	memset(a->buf, 0, NLMSG_HDRLEN + sizeof(*e));
	nlh = (struct nlmsghdr *)a->buf;
	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = NLM_F_CAPPED;
	nlh->nlmsg_seq = req->nlmsg_seq;
	nlh->nlmsg_pid = req->nlmsg_pid;
	e = NLMSG_DATA(nlh);
	e->error = -error;
	e->msg = *req;
	len = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(*e));
	if (error && msg) {
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
		len += put_tlv(a->buf + len, NLMSGERR_ATTR_MSG, msg,
			       strlen(msg) + 1);
	}
	off = error && attr >= 0 ? attr_offset(req, attr) : 0;
	if (off) {
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
		len += put_tlv(a->buf + len, NLMSGERR_ATTR_OFFS, &off,
			       sizeof(off));
	}
	nlh->nlmsg_len = len;
	a->len = len;
	k->answers++;
}

static int fake_send(void *ctx, const struct iovec *iov, int iovcnt)
{
	static unsigned char buf[1 << 17];
	struct fake_nl *k = ctx;
	struct nlmsghdr *nlh;
	size_t len = 0;
	int i, rem, ret;

	if (k->send_error) {
		ret = -k->send_error;
		k->send_error = 0;
		return ret;
	}
	for (i = 0; i < iovcnt; i++) {
		if (len + iov[i].iov_len > sizeof(buf))
			return -EMSGSIZE;
		memcpy(buf + len, iov[i].iov_base, iov[i].iov_len);
		len += iov[i].iov_len;
	}
	k->datagrams++;
	rem = len;
	for (nlh = (void *)buf; NLMSG_OK(nlh, rem); nlh = NLMSG_NEXT(nlh, rem))
		if (nlh->nlmsg_flags & NLM_F_REQUEST)
			answer(k, nlh);
	if (k->tail - k->head > k->max_unanswered)
		k->max_unanswered = k->tail - k->head;
	return 0;
}

static int fake_recv(void *ctx, struct nlpipe_rx *rx, int n, bool wait)
{
	struct fake_nl *k = ctx;
	int i;

	if (k->overrun) {
		k->overrun = false;
		return -ENOBUFS;
	}
	if (k->lazy && !wait)
		return 0;
	for (i = 0; i < n && k->head < k->tail; i++, k->head++) {
		memcpy(rx[i].buf, k->q[k->head].buf, k->q[k->head].len);
		rx[i].len = k->q[k->head].len;
	}
	return i;
}

const struct nlpipe_io fake_nl_io = {
	.send = fake_send,
	.recv = fake_recv,
};

/* Answers sent and not received yet. */
unsigned long fake_nl_unanswered(const struct fake_nl *k)
{
	return k->tail - k->head;
}

void fake_nl_free(struct fake_nl *k)
{
	free(k->q);
	k->q = NULL;
	k->head = k->tail = k->cap = 0;
}
