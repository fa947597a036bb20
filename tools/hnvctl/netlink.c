// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Generic netlink requests over libnl.
 *
 * nlreq_run() sends one request and reads datagrams until the kernel ends
 * the reply: an ACK or error (NLMSG_ERROR) for a plain request, NLMSG_DONE
 * or an error for a dump.  The datagrams are kept and only handed to the
 * request's parser once the reply is complete, so a parser never sees an
 * error-terminated reply nor a dump interrupted by a concurrent change
 * (NLM_F_DUMP_INTR): such a dump is thrown away and asked for again.
 *
 * struct nlpipe pipelines requests that only want their ACK (see
 * netlink.h): they are sent NLPIPE_BURST to a datagram, which the kernel
 * handles message by message (netlink_rcv_skb()), answering each; the
 * ACKs are matched to the requests by sequence number.  Generic netlink
 * handles a datagram while sendmsg() runs, so its ACKs are there as soon
 * as it returns and are read right away, without blocking; a window of
 * NLPIPE_WINDOW unanswered requests, which the receive buffer is grown to
 * hold, only matters for a kernel that would answer later.
 *
 * struct nlmon listens to a multicast group of a family: the datagrams the
 * kernel sends to it are received one at a time, waiting in ppoll() with
 * the signal mask the caller gives, so that a signal that ends the wait
 * cannot slip in between a check of the caller's and the wait.
 *
 * libnl 3.7 does not decode extended acks, so nlscan() reads them itself:
 * the message (NLMSGERR_ATTR_MSG), the offending attribute
 * (NLMSGERR_ATTR_OFFS, mapped back to the attribute of the request) and the
 * missing attribute (NLMSGERR_ATTR_MISS_TYPE), both after NLMSG_ERROR and
 * after the NLMSG_DONE of a failed dump.
 */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <netlink/attr.h>
#include <netlink/errno.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "netlink.h"

/* One datagram of a reply. */
struct rxbuf {
	struct rxbuf *next;
	unsigned char *data;
	int len;
};

/* Sets err; a message is optional (fmt NULL).  Returns -1. */
int nlerr_set(struct nlerr *err, int code, const char *fmt, ...)
{
	va_list ap;

	err->code = code;
	err->msg[0] = '\0';
	err->attr = -1;
	err->missing = -1;
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return -1;
}

static void attr_ref(char *buf, size_t len, const char *what, int type,
		     const char *(*attr_name)(int))
{
	const char *name = attr_name ? attr_name(type) : NULL;

	if (name)
		snprintf(buf, len, " (%s %s)", what, name);
	else
		snprintf(buf, len, " (%s %d)", what, type);
}

/*
 * "message (attribute NAME)": the extack message, or the errno's text if
 * there is none, and the attribute the kernel pointed at, if any.
 */
void nlerr_format(const struct nlerr *err, const char *(*attr_name)(int),
		  char *buf, size_t len)
{
	size_t used;

	snprintf(buf, len, "%s", err->msg[0] ? err->msg : strerror(err->code));
	used = strlen(buf);
	if (err->attr >= 0)
		attr_ref(buf + used, len - used, "attribute", err->attr,
			 attr_name);
	used = strlen(buf);
	if (err->missing >= 0)
		attr_ref(buf + used, len - used, "missing attribute",
			 err->missing, attr_name);
}

struct nl_sock *nlsock_open(struct nlerr *err)
{
	struct nl_sock *sk = nl_socket_alloc();
	int one = 1, ret, fd;

	if (!sk) {
		nlerr_set(err, ENOMEM, NULL);
		return NULL;
	}
	/* nlreq_run() sets NLM_F_ACK itself; nl_recv() sizes its buffer */
	nl_socket_disable_auto_ack(sk);
	nl_socket_enable_msg_peek(sk);
	ret = genl_connect(sk);
	if (ret < 0) {
		nlerr_set(err, EIO, "cannot open a generic netlink socket: %s",
			  nl_geterror(ret));
		nl_socket_free(sk);
		return NULL;
	}
	/* Both are optional: a kernel without them still answers. */
	fd = nl_socket_get_fd(sk);
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	return sk;
}

/* The type of the top-level attribute of req at byte offset off, or -1. */
static int request_attr_at(struct nlmsghdr *req, uint32_t off)
{
	size_t start = NLMSG_HDRLEN + GENL_HDRLEN;
	struct nlattr *a;
	int rem;

	if (req->nlmsg_len <= start)
		return -1;
	nla_for_each_attr(a, (struct nlattr *)((char *)req + start),
			  req->nlmsg_len - start, rem) {
		size_t pos = (char *)a - (char *)req;

		if (off >= pos && off < pos + a->nla_len)
			return nla_type(a);
	}
	return -1;
}

/* Reads the extack TLVs that start off bytes into nlh's payload. */
static void parse_extack(struct nlmsghdr *nlh, size_t off,
			 struct nlmsghdr *req, struct nlerr *err)
{
	int len = nlmsg_datalen(nlh), rem;
	struct nlattr *a;

	if (off >= (size_t)len)
		return;
	nla_for_each_attr(a, (struct nlattr *)((char *)nlmsg_data(nlh) + off),
			  len - off, rem) {
		switch (nla_type(a)) {
		case NLMSGERR_ATTR_MSG:
			snprintf(err->msg, sizeof(err->msg), "%.*s",
				 nla_len(a), (const char *)nla_data(a));
			break;
		case NLMSGERR_ATTR_OFFS:
			if (nla_len(a) == sizeof(uint32_t))
				err->attr = request_attr_at(req,
							    nla_get_u32(a));
			break;
		case NLMSGERR_ATTR_MISS_TYPE:
			if (nla_len(a) == sizeof(uint32_t))
				err->missing = nla_get_u32(a);
			break;
		}
	}
}

static int scan_error(struct nlmsghdr *nlh, struct nlmsghdr *req,
		      struct nlerr *err)
{
	struct nlmsgerr *e = nlmsg_data(nlh);
	size_t off = NLMSG_ALIGN(sizeof(*e));

	if (nlmsg_datalen(nlh) < (int)sizeof(*e)) {
		nlerr_set(err, EBADMSG, "truncated netlink error message");
		return NLSCAN_ERROR;
	}
	if (!e->error)
		return NLSCAN_DONE;
	nlerr_set(err, e->error < 0 ? -e->error : e->error, NULL);
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return NLSCAN_ERROR;
	/* unless capped, the request itself comes before the TLVs */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		if (e->msg.nlmsg_len < NLMSG_HDRLEN)
			return NLSCAN_ERROR;
		off += NLMSG_ALIGN(e->msg.nlmsg_len - NLMSG_HDRLEN);
	}
	parse_extack(nlh, off, req, err);
	return NLSCAN_ERROR;
}

/* A dump ends with NLMSG_DONE, which carries the dump's error code. */
static int scan_done(struct nlmsghdr *nlh, struct nlmsghdr *req,
		     struct nlerr *err)
{
	int code;

	if (nlmsg_datalen(nlh) < (int)sizeof(code))
		return NLSCAN_DONE;
	memcpy(&code, nlmsg_data(nlh), sizeof(code));
	if (code >= 0)
		return NLSCAN_DONE;
	nlerr_set(err, -code, NULL);
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
		parse_extack(nlh, NLMSG_ALIGN(sizeof(code)), req, err);
	return NLSCAN_ERROR;
}

/*
 * First pass over one datagram: is the reply to req complete (NLSCAN_DONE),
 * failed (NLSCAN_ERROR, err set) or still coming (NLSCAN_MORE)?  Sets *intr
 * if the kernel flagged the dump as interrupted.
 */
int nlscan(void *buf, int len, struct nlmsghdr *req, bool *intr,
	   struct nlerr *err)
{
	struct nlmsghdr *nlh;

	for (nlh = buf; nlmsg_ok(nlh, len); nlh = nlmsg_next(nlh, &len)) {
		if (nlh->nlmsg_seq != req->nlmsg_seq)
			continue;
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
			*intr = true;
		switch (nlh->nlmsg_type) {
		case NLMSG_ERROR:
			return scan_error(nlh, req, err);
		case NLMSG_DONE:
			return scan_done(nlh, req, err);
		case NLMSG_OVERRUN:
			nlerr_set(err, EOVERFLOW, "netlink overrun");
			return NLSCAN_ERROR;
		}
	}
	if (len) {
		nlerr_set(err, EBADMSG, "truncated netlink message");
		return NLSCAN_ERROR;
	}
	return NLSCAN_MORE;
}

/* Second pass: hands each message of the reply to the request's parser. */
int nldeliver(void *buf, int len, struct nlmsghdr *req,
	      const struct nlreq *r, unsigned int *count, struct nlerr *err)
{
	struct nlmsghdr *nlh;
	int ret;

	for (nlh = buf; nlmsg_ok(nlh, len); nlh = nlmsg_next(nlh, &len)) {
		if (nlh->nlmsg_seq != req->nlmsg_seq ||
		    nlh->nlmsg_type != r->family)
			continue;
		(*count)++;
		if (!r->parse)
			continue;
		ret = r->parse(nlh, r->parse_arg);
		if (ret < 0)
			return nlerr_set(err, -ret,
					 "cannot parse the kernel's reply: %s",
					 strerror(-ret));
	}
	return 0;
}

/* Receives one datagram from the kernel; NULL on error. */
static struct rxbuf *receive(struct nl_sock *sk, struct nlerr *err)
{
	struct sockaddr_nl peer;
	unsigned char *data;
	struct rxbuf *b;
	int n;

	for (;;) {
		n = nl_recv(sk, &peer, &data, NULL);
		if (n <= 0) {
			nlerr_set(err, EIO,
				  "cannot receive the netlink reply: %s",
				  n ? nl_geterror(n) : "end of file");
			return NULL;
		}
		if (!peer.nl_pid)
			break;
		free(data);	/* not from the kernel */
	}
	b = calloc(1, sizeof(*b));
	if (!b) {
		free(data);
		nlerr_set(err, ENOMEM, NULL);
		return NULL;
	}
	b->data = data;
	b->len = n;
	return b;
}

static int nlreq_once(struct nl_sock *sk, const struct nlreq *r, bool *intr,
		      struct nlerr *err)
{
	struct rxbuf *head = NULL, **tail = &head, *b;
	unsigned int count = 0;
	struct nlmsghdr *req;
	struct nl_msg *msg;
	int ret;

	msg = nlmsg_alloc();
	if (!msg)
		return nlerr_set(err, ENOMEM, NULL);
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, r->family, 0,
			 (r->dump ? NLM_F_DUMP : NLM_F_ACK) | r->flags, r->cmd,
			 r->version) ||
	    (r->put && r->put(msg, r->put_arg))) {
		ret = nlerr_set(err, EMSGSIZE,
				"the request does not fit in a netlink message");
		goto out;
	}
	ret = nl_send_auto(sk, msg);
	if (ret < 0) {
		ret = nlerr_set(err, EIO, "cannot send the netlink request: %s",
				nl_geterror(ret));
		goto out;
	}
	req = nlmsg_hdr(msg);
	do {
		b = receive(sk, err);
		if (!b) {
			ret = -1;
			goto out;
		}
		*tail = b;
		tail = &b->next;
		ret = nlscan(b->data, b->len, req, intr, err);
	} while (ret == NLSCAN_MORE);
	if (ret == NLSCAN_ERROR) {
		ret = -1;
		goto out;
	}
	ret = 0;
	for (b = head; b && !*intr && !ret; b = b->next)
		ret = nldeliver(b->data, b->len, req, r, &count, err);
	if (!ret && !*intr && !r->dump && r->parse && count != 1)
		ret = nlerr_set(err, EBADMSG,
				"the kernel sent %u replies instead of one",
				count);
out:
	while (head) {
		b = head->next;
		free(head->data);
		free(head);
		head = b;
	}
	nlmsg_free(msg);
	return ret;
}

/*
 * Sends the request and hands its reply, or each message of its dump, to
 * r->parse.  Returns 0, or -1 with err set.
 */
int nlreq_run(struct nl_sock *sk, const struct nlreq *r, struct nlerr *err)
{
	int tries;

	for (tries = 0; tries < NLREQ_DUMP_TRIES; tries++) {
		bool intr = false;

		if (nlreq_once(sk, r, &intr, err))
			return -1;
		if (!intr)
			return 0;
	}
	return nlerr_set(err, EAGAIN,
			 "the dump was interrupted by concurrent changes %d times in a row",
			 NLREQ_DUMP_TRIES);
}

/*
 * Grows the receive buffer of sk to size bytes if it is smaller: past
 * net.core.rmem_max with CAP_NET_ADMIN (SO_RCVBUFFORCE), else up to it.
 * Returns the size the kernel took (doubled for its bookkeeping, as
 * getsockopt() reports it), 0 if unknown.
 */
int nlsock_grow_rcvbuf(struct nl_sock *sk, int size)
{
	int fd = nl_socket_get_fd(sk), cur = 0;
	socklen_t len = sizeof(cur);

	if (!getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &cur, &len) && cur >= size)
		return cur;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	len = sizeof(cur);
	if (getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &cur, &len))
		return 0;
	return cur;
}

static int sock_send(void *ctx, const struct iovec *iov, int iovcnt)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct msghdr mh = {
		.msg_name = &kernel,
		.msg_namelen = sizeof(kernel),
		.msg_iov = (struct iovec *)iov,
		.msg_iovlen = iovcnt,
	};
	int fd = nl_socket_get_fd(ctx);

	while (sendmsg(fd, &mh, 0) < 0)
		if (errno != EINTR)
			return -errno;
	return 0;
}

/*
 * Datagrams from another socket than the kernel's, and those too large
 * for a buffer (no ACK is), are left out: their len is 0.
 */
static int sock_recv(void *ctx, struct nlpipe_rx *rx, int n, bool wait)
{
	struct sockaddr_nl peer[NLPIPE_RX_BATCH];
	struct mmsghdr mm[NLPIPE_RX_BATCH];
	struct iovec iov[NLPIPE_RX_BATCH];
	int fd = nl_socket_get_fd(ctx), i, got;

	if (n > NLPIPE_RX_BATCH)
		n = NLPIPE_RX_BATCH;
	memset(mm, 0, sizeof(mm));
	for (i = 0; i < n; i++) {
		iov[i] = (struct iovec){ rx[i].buf, sizeof(rx[i].buf) };
		mm[i].msg_hdr.msg_name = &peer[i];
		mm[i].msg_hdr.msg_namelen = sizeof(peer[i]);
		mm[i].msg_hdr.msg_iov = &iov[i];
		mm[i].msg_hdr.msg_iovlen = 1;
	}
	do
		got = recvmmsg(fd, mm, n, wait ? MSG_WAITFORONE : MSG_DONTWAIT,
			       NULL);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -errno;
	for (i = 0; i < got; i++)
		rx[i].len = peer[i].nl_pid ||
			    (mm[i].msg_hdr.msg_flags & MSG_TRUNC) ?
			    0 : (int)mm[i].msg_len;
	return got;
}

static const struct nlpipe_io sock_io = {
	.send = sock_send,
	.recv = sock_recv,
};

/*
 * Sets up a pipe on sk (NULL: none, for the unit tests), of window
 * unanswered requests at most, fewer if the receive buffer cannot be grown
 * to hold their ACKs.  Set p->fail and p->fail_arg before adding requests.
 */
int nlpipe_init(struct nlpipe *p, struct nl_sock *sk, unsigned int window,
		struct nlerr *err)
{
	int rcvbuf;

	memset(p, 0, sizeof(*p));
	p->io = &sock_io;
	p->io_ctx = sk;
	p->sk = sk;
	p->seq = time(NULL);
	if (sk) {
		rcvbuf = nlsock_grow_rcvbuf(sk, NLPIPE_RCVBUF);
		if (rcvbuf > 0 && window > (unsigned int)rcvbuf /
					   NLPIPE_ACK_TRUESIZE)
			window = rcvbuf / NLPIPE_ACK_TRUESIZE;
	}
	p->window = window ? window : 1;
	p->burst = p->window < NLPIPE_BURST ? p->window : NLPIPE_BURST;
	p->ring = calloc(p->window, sizeof(*p->ring));
	p->rx = malloc(NLPIPE_RX_BATCH * sizeof(*p->rx));
	if (!p->ring || !p->rx) {
		nlpipe_free(p);
		return nlerr_set(err, ENOMEM, NULL);
	}
	return 0;
}

/* Forgets every request, answered or not. */
void nlpipe_free(struct nlpipe *p)
{
	unsigned int i;

	for (i = 0; p->ring && i < p->count; i++)
		nlmsg_free(p->ring[(p->head + i) % p->window].msg);
	free(p->ring);
	free(p->rx);
	memset(p, 0, sizeof(*p));
}

static struct nlpipe_req *nth(struct nlpipe *p, unsigned int i)
{
	return &p->ring[(p->head + i) % p->window];
}

static uint32_t seq_of(const struct nlpipe_req *q)
{
	return nlmsg_hdr(q->msg)->nlmsg_seq;
}

/* Removes the oldest request; reports err for it, if not NULL. */
static void pop(struct nlpipe *p, const struct nlerr *err)
{
	struct nlpipe_req *q = nth(p, 0);

	if (err) {
		p->failed++;
		if (p->fail)
			p->fail(p->fail_arg, q->tag, err);
	} else {
		p->acked++;
	}
	nlmsg_free(q->msg);
	q->msg = NULL;
	p->head = (p->head + 1) % p->window;
	p->count--;
}

static const char lost_answer[] =
	"the kernel's answer was lost (netlink receive buffer overrun); "
	"the command may have been carried out";

/* Fails the sent requests not answered yet: their answers are not coming. */
static void fail_unanswered(struct nlpipe *p, int code)
{
	struct nlerr err;

	if (code == ENOBUFS)
		nlerr_set(&err, code, "%s", lost_answer);
	else
		nlerr_set(&err, code, "no answer from the kernel: %s",
			  strerror(code));
	while (p->count > p->unsent)
		pop(p, &err);
}

/*
 * The ACK nlh: of the oldest sent request, normally.  Netlink keeps the
 * order, so the requests before the one it answers lost their ACKs (a
 * receive buffer overrun).  An ACK of no request of the pipe is skipped.
 */
static void answer(struct nlpipe *p, struct nlmsghdr *nlh)
{
	unsigned int sent = p->count - p->unsent, i;
	struct nlerr err;

	for (i = 0; i < sent && seq_of(nth(p, i)) != nlh->nlmsg_seq; i++)
		;
	if (i == sent)
		return;
	if (i)
		nlerr_set(&err, ENOBUFS, "%s", lost_answer);
	while (i--)
		pop(p, &err);
	if (scan_error(nlh, nlmsg_hdr(nth(p, 0)->msg), &err) == NLSCAN_DONE)
		pop(p, NULL);
	else
		pop(p, &err);
}

static void scan_acks(struct nlpipe *p, void *buf, int len)
{
	struct nlmsghdr *nlh;

	for (nlh = buf; nlmsg_ok(nlh, len); nlh = nlmsg_next(nlh, &len))
		if (nlh->nlmsg_type == NLMSG_ERROR)
			answer(p, nlh);
}

/*
 * Reads ACKs: if wait, until at most target requests are unanswered; else
 * those that have come.  An error of the socket fails the sent requests
 * that are not answered; after an overrun (ENOBUFS), those whose ACKs are
 * not still in the buffer.
 */
static void pipe_receive(struct nlpipe *p, unsigned int target, bool wait)
{
	int n, i, code;

	while (p->count > p->unsent && p->count > target) {
		n = p->io->recv(p->io_ctx, p->rx, NLPIPE_RX_BATCH, wait);
		for (i = 0; i < n; i++)
			scan_acks(p, p->rx[i].buf, p->rx[i].len);
		if (n > 0)
			continue;
		if (!n && !wait)
			return;
		code = n ? -n : EIO;
		if (code == ENOBUFS)
			while ((n = p->io->recv(p->io_ctx, p->rx,
						NLPIPE_RX_BATCH, false)) > 0)
				for (i = 0; i < n; i++)
					scan_acks(p, p->rx[i].buf,
						  p->rx[i].len);
		fail_unanswered(p, code);
	}
}

/*
 * Sends the unsent requests in one datagram.  If it cannot be sent, the
 * kernel got none of them: they fail, after the requests before them.
 */
static void transmit(struct nlpipe *p)
{
	unsigned int first = p->count - p->unsent, i;
	struct iovec iov[NLPIPE_BURST];
	struct nlmsghdr *nlh;
	struct nlerr err;
	int ret;

	if (!p->unsent)
		return;
	for (i = 0; i < p->unsent; i++) {
		nlh = nlmsg_hdr(nth(p, first + i)->msg);
		iov[i] = (struct iovec){ nlh, NLMSG_ALIGN(nlh->nlmsg_len) };
	}
	ret = p->io->send(p->io_ctx, iov, p->unsent);
	if (ret < 0) {
		pipe_receive(p, p->unsent, true);
		nlerr_set(&err, -ret, "cannot send the netlink request: %s",
			  strerror(-ret));
		while (p->count)
			pop(p, &err);
		p->unsent = 0;
		p->unsent_bytes = 0;
		return;
	}
	p->datagrams++;
	p->sent += p->unsent;
	p->last_sent_tag = nth(p, p->count - 1)->tag;
	p->unsent = 0;
	p->unsent_bytes = 0;
}

static struct nl_msg *build(struct nlpipe *p, const struct nlreq *r,
			    struct nlerr *err)
{
	uint32_t port = p->sk ? nl_socket_get_local_port(p->sk) : 0;
	uint32_t seq = p->sk ? nl_socket_use_seq(p->sk) : p->seq++;
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg) {
		nlerr_set(err, ENOMEM, NULL);
		return NULL;
	}
	if (!genlmsg_put(msg, port, seq, r->family, 0,
			 NLM_F_REQUEST | NLM_F_ACK | r->flags, r->cmd,
			 r->version) ||
	    (r->put && r->put(msg, r->put_arg))) {
		nlmsg_free(msg);
		nlerr_set(err, EMSGSIZE,
			  "the request does not fit in a netlink message");
		return NULL;
	}
	return msg;
}

/*
 * Builds request r, which only wants its ACK (r->parse is not called), and
 * queues it with tag; sends it with those queued before it once there are
 * p->burst of them.  Returns 0, or -1 with err set if r cannot be built;
 * the kernel's answers come to p->fail.
 */
int nlpipe_add(struct nlpipe *p, const struct nlreq *r, unsigned long tag,
	       struct nlerr *err)
{
	struct nlpipe_req *q;
	struct nl_msg *msg;

	if (r->dump)
		return nlerr_set(err, EINVAL, "a dump cannot be pipelined");
	if (p->count == p->window) {
		transmit(p);
		pipe_receive(p, p->window - 1, true);
	}
	msg = build(p, r, err);
	if (!msg)
		return -1;
	q = nth(p, p->count++);
	q->msg = msg;
	q->tag = tag;
	p->unsent++;
	p->unsent_bytes += NLMSG_ALIGN(nlmsg_hdr(msg)->nlmsg_len);
	if (p->unsent >= p->burst || p->unsent_bytes >= NLPIPE_TX_MAX) {
		transmit(p);
		pipe_receive(p, 0, false);
	}
	return 0;
}

/* Sends the requests not sent yet, and waits for every answer. */
void nlpipe_sync(struct nlpipe *p)
{
	transmit(p);
	pipe_receive(p, 0, true);
}

/* Forgets the requests not sent yet: the kernel never sees them. */
void nlpipe_discard(struct nlpipe *p)
{
	while (p->unsent) {
		struct nlpipe_req *q = nth(p, p->count - 1);

		nlmsg_free(q->msg);
		q->msg = NULL;
		p->count--;
		p->unsent--;
	}
	p->unsent_bytes = 0;
}

static int put_family_name(struct nl_msg *msg, const void *name)
{
	return nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, name) ? -EMSGSIZE : 0;
}

/*
 * CTRL_ATTR_MCAST_GROUPS: a nest of one nest per group, each with
 * CTRL_ATTR_MCAST_GRP_NAME and CTRL_ATTR_MCAST_GRP_ID (a u32); the groups
 * past FAMILY_MCGRPS are left out.
 */
static int parse_mcgrps(struct nlattr *nest, struct family_info *fi)
{
	struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1], *a;
	struct family_mcgrp *g;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		if (fi->nmcgrps == FAMILY_MCGRPS)
			break;
		g = &fi->mcgrps[fi->nmcgrps];
		if (nla_parse_nested(tb, CTRL_ATTR_MCAST_GRP_MAX, a,
				     NULL) < 0 ||
		    !tb[CTRL_ATTR_MCAST_GRP_NAME] ||
		    !tb[CTRL_ATTR_MCAST_GRP_ID] ||
		    nla_len(tb[CTRL_ATTR_MCAST_GRP_ID]) != sizeof(uint32_t))
			return -EBADMSG;
		nla_strlcpy(g->name, tb[CTRL_ATTR_MCAST_GRP_NAME],
			    sizeof(g->name));
		g->id = nla_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
		fi->nmcgrps++;
	}
	return 0;
}

/* The controller's description of a family, into the family_info arg. */
int ctrl_parse_family(struct nlmsghdr *nlh, void *arg)
{
	struct nlattr *tb[CTRL_ATTR_MAX + 1];
	struct family_info *fi = arg;

	memset(fi, 0, sizeof(*fi));
	if (genlmsg_parse(nlh, 0, tb, CTRL_ATTR_MAX, NULL) < 0 ||
	    !tb[CTRL_ATTR_FAMILY_ID] || !tb[CTRL_ATTR_FAMILY_NAME] ||
	    !tb[CTRL_ATTR_VERSION] ||
	    nla_len(tb[CTRL_ATTR_FAMILY_ID]) != sizeof(uint16_t) ||
	    nla_len(tb[CTRL_ATTR_VERSION]) != sizeof(uint32_t))
		return -EBADMSG;
	fi->id = nla_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	fi->version = nla_get_u32(tb[CTRL_ATTR_VERSION]);
	nla_strlcpy(fi->name, tb[CTRL_ATTR_FAMILY_NAME], sizeof(fi->name));
	if (tb[CTRL_ATTR_MCAST_GROUPS])
		return parse_mcgrps(tb[CTRL_ATTR_MCAST_GROUPS], fi);
	return 0;
}

/*
 * Asks the generic netlink controller about a family (which makes the
 * kernel load the family's module if it can): its id, version and
 * multicast groups.  ENOENT: no such family.
 */
int ctrl_getfamily(struct nl_sock *sk, const char *name,
		   struct family_info *fi, struct nlerr *err)
{
	struct nlreq r = {
		.family = GENL_ID_CTRL,
		.cmd = CTRL_CMD_GETFAMILY,
		.version = 1,
		.put = put_family_name,
		.put_arg = name,
		.parse = ctrl_parse_family,
		.parse_arg = fi,
	};

	return nlreq_run(sk, &r, err);
}

/* The id of the multicast group name of family fi; 0 if it has none. */
uint32_t family_mcgrp(const struct family_info *fi, const char *name)
{
	unsigned int i;

	for (i = 0; i < fi->nmcgrps; i++)
		if (!strcmp(fi->mcgrps[i].name, name))
			return fi->mcgrps[i].id;
	return 0;
}

/*
 * Datagrams from another socket than the kernel's are skipped.  Waits in
 * ppoll() and receives without blocking: a signal sigmask lets through
 * ends the wait (-EINTR) even if it came just before.
 */
static int sock_wait_recv(void *ctx, void *buf, size_t len,
			  const sigset_t *sigmask)
{
	struct pollfd pfd = { .fd = nl_socket_get_fd(ctx), .events = POLLIN };
	struct iovec iov = { buf, len };
	struct sockaddr_nl peer;
	struct msghdr mh;
	ssize_t n;

	for (;;) {
		if (ppoll(&pfd, 1, NULL, sigmask) < 0)
			return -errno;
		mh = (struct msghdr){
			.msg_name = &peer,
			.msg_namelen = sizeof(peer),
			.msg_iov = &iov,
			.msg_iovlen = 1,
		};
		n = recvmsg(pfd.fd, &mh, MSG_DONTWAIT);
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			continue;
		if (n < 0)
			return -errno;
		if (peer.nl_pid)
			continue;
		if (mh.msg_flags & MSG_TRUNC)
			return -EMSGSIZE;
		return n;
	}
}

static const struct nlmon_io sock_mon_io = {
	.recv = sock_wait_recv,
};

/*
 * Joins the multicast group group on sk (NULL: none, for the unit tests)
 * for m.  Set m->sigmask before receiving, if need be.
 */
int nlmon_init(struct nlmon *m, struct nl_sock *sk, uint32_t group,
	       struct nlerr *err)
{
	memset(m, 0, sizeof(*m));
	m->io = &sock_mon_io;
	m->io_ctx = sk;
	m->sk = sk;
	m->buf = malloc(NLMON_RX_SIZE);
	if (!m->buf)
		return nlerr_set(err, ENOMEM, NULL);
	if (sk && setsockopt(nl_socket_get_fd(sk), SOL_NETLINK,
			     NETLINK_ADD_MEMBERSHIP, &group, sizeof(group))) {
		nlerr_set(err, errno,
			  "cannot join the netlink multicast group %u: %s",
			  group, strerror(errno));
		nlmon_free(m);
		return -1;
	}
	m->group = group;
	return 0;
}

/*
 * Waits for the next datagram of the kernel and receives it into m->buf.
 * Returns its length, or -1 with err set: EINTR if a signal came (no
 * message), ENOBUFS if datagrams were lost, EMSGSIZE if one was too long
 * and is lost; the listener may go on after those.
 */
int nlmon_recv(struct nlmon *m, struct nlerr *err)
{
	int n = m->io->recv(m->io_ctx, m->buf, NLMON_RX_SIZE, m->sigmask);

	if (n >= 0)
		return n;
	switch (-n) {
	case EINTR:
		return nlerr_set(err, EINTR, NULL);
	case ENOBUFS:
		return nlerr_set(err, ENOBUFS,
				 "messages from the kernel were lost (netlink receive buffer overrun)");
	case EMSGSIZE:
		return nlerr_set(err, EMSGSIZE,
				 "a message from the kernel longer than %d bytes was lost",
				 NLMON_RX_SIZE);
	}
	return nlerr_set(err, -n, "cannot receive from the kernel: %s",
			 strerror(-n));
}

/* Leaves the group. */
void nlmon_free(struct nlmon *m)
{
	if (m->sk && m->group)
		setsockopt(nl_socket_get_fd(m->sk), SOL_NETLINK,
			   NETLINK_DROP_MEMBERSHIP, &m->group,
			   sizeof(m->group));
	free(m->buf);
	memset(m, 0, sizeof(*m));
}
